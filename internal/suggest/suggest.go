// Package suggest finds the allowed word nearest to a misspelt one, for the
// "did you mean" of freedcount's messages about keys, values and commands.
package suggest

// Nearest returns the word of allowed nearest to w by edit distance, each
// compared through fold (nil compares them as they are), and whether it is
// near enough to suggest: a different word within two edits, or within a
// third of its length for longer words. Of words equally near, the first
// in allowed wins, so callers pass allowed in a fixed order.
func Nearest(w string, allowed []string, fold func(string) string) (string, bool) {
	if fold == nil {
		fold = func(s string) string { return s }
	}
	key := []rune(fold(w))
	best, dist := "", 1<<30
	var row []int
	for _, a := range allowed {
		if d := Distance(key, []rune(fold(a)), &row); d < dist {
			best, dist = a, d
		}
	}
	if best == "" || dist == 0 || dist > max(2, len([]rune(best))/3) {
		return "", false
	}
	return best, true
}

// Distance is the Levenshtein distance between a and b, with one row of
// scratch space reused through row. It takes O(len(a)·len(b)) time, so
// callers keep the words short (keys, values, commands) or bound them.
func Distance(a, b []rune, row *[]int) int {
	n := len(b) + 1
	if cap(*row) < 2*n {
		*row = make([]int, 2*n)
	}
	prev, cur := (*row)[:n], (*row)[n:2*n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
