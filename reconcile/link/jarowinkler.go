package link

import "math/bits"

// JaroWinkler returns the Jaro–Winkler similarity of a and b, in [0, 1]:
// 1 for equal strings, 0 when they share no character. Strings are compared
// as sequences of Unicode code points, not bytes, so "José" and "Jose"
// differ in one character out of four; compare [Fold]ed or [Normalize]d
// text to ignore accents or case. The prefix bonus is Winkler's: 0.1 for
// each of up to four leading characters in common, applied when the Jaro
// similarity exceeds 0.7.
//
// The result is a float64 statistic. It only chooses the agreement level of
// a comparison ([Similar], [Weak]); nothing computed from it enters the
// exact arithmetic of package reconcile.
func JaroWinkler(a, b string) float64 {
	var ba, bb [64]rune
	ra, rb := appendRunes(ba[:0], a), appendRunes(bb[:0], b)
	return jaroWinkler(ra, rb)
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// jaroWinkler is [JaroWinkler] over code points. The pair is put in a
// canonical order first, so that the result is symmetric bit for bit.
func jaroWinkler(a, b []rune) float64 {
	if compareRunes(a, b) > 0 {
		a, b = b, a
	}
	j := jaro(a, b)
	if j <= 0.7 {
		return j
	}
	l := 0
	for l < 4 && l < len(a) && l < len(b) && a[l] == b[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

// jwUpper returns an upper bound of the Jaro–Winkler similarity of a and
// b, from the characters they have in common (as if all matched in order)
// and their common prefix: cheaper than the similarity, it rules out most
// pairs of unrelated values.
func jwUpper(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return jaroWinkler(a, b)
	}
	// Characters are counted modulo 128: characters that share a bucket
	// can only raise the count of common characters, so the bound holds.
	var cnt [128]int16
	for _, r := range a {
		cnt[r&127]++
	}
	m := 0
	for _, r := range b {
		if cnt[r&127] > 0 {
			cnt[r&127]--
			m++
		}
	}
	if m == 0 {
		return 0
	}
	fm := float64(m)
	j := (fm/float64(len(a)) + fm/float64(len(b)) + 1) / 3
	l := 0
	for l < 4 && l < len(a) && l < len(b) && a[l] == b[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

func compareRunes(a, b []rune) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// jaro is the Jaro similarity: matches within a window of half the longer
// length, less one; transpositions are half the matched characters out of
// order.
func jaro(a, b []rune) float64 {
	la, lb := len(a), len(b)
	if la == 0 && lb == 0 {
		return 1
	}
	if la == 0 || lb == 0 {
		return 0
	}
	if equalRunes(a, b) {
		return 1
	}
	if la > 64 || lb > 64 {
		return jaroLong(a, b)
	}
	window := max(max(la, lb)/2-1, 0)
	var ma, mb uint64 // matched characters, as bit sets
	m := 0
	for i := range la {
		lo, hi := max(0, i-window), min(lb-1, i+window)
		for k := lo; k <= hi; k++ {
			if mb&(1<<k) == 0 && a[i] == b[k] {
				ma |= 1 << i
				mb |= 1 << k
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t := 0
	for ma != 0 {
		i, k := bits.TrailingZeros64(ma), bits.TrailingZeros64(mb)
		if a[i] != b[k] {
			t++
		}
		ma &= ma - 1
		mb &= mb - 1
	}
	fm := float64(m)
	return (fm/float64(la) + fm/float64(lb) + (fm-float64(t/2))/fm) / 3
}

// jaroLong is jaro for strings longer than 64 characters.
func jaroLong(a, b []rune) float64 {
	la, lb := len(a), len(b)
	window := max(max(la, lb)/2-1, 0)
	ma, mb := make([]bool, la), make([]bool, lb)
	m := 0
	for i := range la {
		lo, hi := max(0, i-window), min(lb-1, i+window)
		for k := lo; k <= hi; k++ {
			if !mb[k] && a[i] == b[k] {
				ma[i], mb[k] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := range la {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	return (fm/float64(la) + fm/float64(lb) + (fm-float64(t/2))/fm) / 3
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// editDistance returns the optimal-string-alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// characters, each costing one), counted in code points, or limit+1 when it
// exceeds limit.
func editDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	var bufA, bufB [32]rune
	return osa(appendRunes(bufA[:0], a), appendRunes(bufB[:0], b), limit)
}

// editDistanceBytes is editDistance over bytes.
func editDistanceBytes(a, b []byte, limit int) int { return osa(a, b, limit) }

// bagDistance is a lower bound of the edit distance: the larger of the
// number of characters of a not matched in b and of b not in a, as
// multisets (modulo 128, which only lowers the bound).
func bagDistance[T rune | byte](a, b []T) int {
	var cnt [128]int16
	for _, r := range a {
		cnt[r&127]++
	}
	common := 0
	for _, r := range b {
		if cnt[r&127] > 0 {
			cnt[r&127]--
			common++
		}
	}
	return max(len(a), len(b)) - common
}

// osa is the optimal-string-alignment distance, capped at limit+1; it
// stops as soon as every alignment costs more than limit.
func osa[T rune | byte](a, b []T, limit int) int {
	la, lb := len(a), len(b)
	if d := la - lb; d > limit || -d > limit {
		return limit + 1
	}
	if bagDistance(a, b) > limit {
		return limit + 1
	}
	var rows [3][33]int
	var prev2, prev, cur []int
	if lb+1 <= len(rows[0]) {
		prev2, prev, cur = rows[0][:lb+1], rows[1][:lb+1], rows[2][:lb+1]
	} else {
		prev2, prev, cur = make([]int, lb+1), make([]int, lb+1), make([]int, lb+1)
	}
	for k := range prev {
		prev[k] = k
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		best := cur[0]
		for k := 1; k <= lb; k++ {
			cost := 1
			if a[i-1] == b[k-1] {
				cost = 0
			}
			v := min(prev[k]+1, cur[k-1]+1, prev[k-1]+cost)
			if i > 1 && k > 1 && a[i-1] == b[k-2] && a[i-2] == b[k-1] {
				v = min(v, prev2[k-2]+1)
			}
			cur[k] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[lb], limit+1)
}
