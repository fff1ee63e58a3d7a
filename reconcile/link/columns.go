package link

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// levelMissing marks a comparison with a value missing on either side.
const levelMissing = 15

// column holds one field's values for every record of a linkage, read once
// into the form its comparisons need.
type column interface {
	// level returns the index, in the field's levels, of the agreement of
	// records i and j, or levelMissing.
	level(i, j int32) uint8
	// keys appends the blocking keys that part p (with prefix length n)
	// gives for record i; none if the value is missing.
	keys(dst []uint64, i int32, p Part, n int) []uint64
}

// surpriser is a column that knows how common its values are, for
// frequency-adjusted weights: agreeing on a rare name is stronger evidence
// than agreeing on a common one.
type surpriser interface {
	// surprise returns, for records i and j whose values agree at level l,
	// how unlikely their shared value (or words) is in a record taken at
	// random: -log2 of its share of the records, in thousandths of a bit;
	// ok is false if level l is not an agreement on a shared value.
	surprise(i, j int32, l uint8) (s Weight, ok bool)
}

// surpriseOf returns -log2(count/total) in thousandths of a bit.
func surpriseOf(count, total int) Weight {
	if count <= 0 || total <= 0 {
		return 0
	}
	return weightOf(-math.Log2(float64(count) / float64(total)))
}

// interner numbers distinct strings from 1; 0 is the missing value.
type interner struct {
	ids  map[string]uint32
	strs []string
}

func newInterner() *interner { return &interner{ids: map[string]uint32{}, strs: []string{""}} }

func (in *interner) id(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := uint32(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	return id
}

// FNV-1a, then a finalizer, for blocking keys: stable across runs and
// platforms, unlike hash/maphash.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

func hashUint(v uint64) uint64 { return mix(v ^ 0x9e3779b97f4a7c15) }

// mix is the splitmix64 finalizer.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// combine folds the key of one more part into a rule's key.
func combine(h, part uint64) uint64 { return mix(h*fnvPrime ^ part) }

func prefixOf(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// checkText reports why a free-text value is unusable, or "".
func checkText(s string) string {
	switch {
	case len(s) > maxValueLen:
		return "longer than " + strconv.Itoa(maxValueLen) + " bytes"
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	}
	for _, r := range s {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return "contains a control character"
		}
	}
	return ""
}

// maxValueLen bounds every record value, in bytes.
const maxValueLen = 1024

// ---- categorical and text ----

type textCol struct {
	kind       Kind
	norm, fold []uint32
	dict       []string // folded values
	runes      [][]rune // folded values as code points
}

type textVal struct{ norm, fold string }

func parseText(s string) (textVal, string) {
	if why := checkText(s); why != "" {
		return textVal{}, why
	}
	n := Normalize(s)
	return textVal{n, Fold(n)}, ""
}

func buildText(kind Kind, vals []textVal) *textCol {
	c := &textCol{kind: kind, norm: make([]uint32, len(vals)), fold: make([]uint32, len(vals))}
	ni, fi := newInterner(), newInterner()
	for i, v := range vals {
		if v.norm == "" {
			continue
		}
		c.norm[i], c.fold[i] = ni.id(v.norm), fi.id(v.fold)
	}
	c.dict = fi.strs
	c.runes = make([][]rune, len(c.dict))
	for i, s := range c.dict {
		c.runes[i] = []rune(s)
	}
	return c
}

func (c *textCol) level(i, j int32) uint8 {
	a, b := c.norm[i], c.norm[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing
	case a == b:
		return 0
	case c.fold[i] == c.fold[j]:
		return 1
	case c.kind == Categorical:
		return 2
	}
	x, y := c.runes[c.fold[i]], c.runes[c.fold[j]]
	if jwUpper(x, y) < 0.80 {
		return 4
	}
	s := jaroWinkler(x, y)
	switch {
	case s >= 0.92:
		return 2
	case s >= 0.80:
		return 3
	}
	return 4
}

func (c *textCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	f := c.fold[i]
	if f == 0 {
		return dst
	}
	s := c.dict[f]
	switch p {
	case Whole:
		return append(dst, hashString(s))
	case Prefix:
		return append(dst, hashString(prefixOf(s, n)))
	case FirstToken:
		w, _, _ := strings.Cut(s, " ")
		return append(dst, hashString(wordKey(w, n)))
	case EachToken:
		for w := range strings.FieldsSeq(s) {
			dst = append(dst, hashString(wordKey(w, n)))
		}
		return dst
	case TokenSet:
		words := strings.Fields(s)
		for k, w := range words {
			words[k] = wordKey(w, n)
		}
		slices.Sort(words)
		return append(dst, hashString(strings.Join(words, " ")))
	case Phonetic:
		for w := range strings.FieldsSeq(s) {
			dst = appendSound(dst, w, n)
		}
		return dst
	}
	return dst
}

// appendSound appends the key of the sound of word w (its first n letters
// if n > 0), if it has one.
func appendSound(dst []uint64, w string, n int) []uint64 {
	if s := wordKey(phonetic(w), n); s != "" {
		return append(dst, hashString("\x00"+s))
	}
	return dst
}

// wordKey is w, or its first n characters if n > 0.
func wordKey(w string, n int) string {
	if n > 0 {
		return prefixOf(w, n)
	}
	return w
}

// ---- person names ----

type nameCol struct {
	text, fold  []uint32
	off         []uint32 // tokens of record i: tok[off[i]:off[i+1]]
	tok, sorted []uint32 // token numbers, in reading order and sorted
	ngiven      []uint8  // leading tokens that are given names
	folded      []string // folded full names, by fold number
	dict        []string
	runes       [][]rune
	hash        []uint64
	count       []int32  // per word, the names that hold it
	total       int      // names
	word        []Weight // per word, its surprise
	rarity      []Weight // per record, the surprise of all its words
}

type nameVal struct {
	text, fold string
	tokens     []string
	ngiven     int
}

func parseNameVal(s string) (nameVal, string) {
	if strings.TrimSpace(s) == "" {
		return nameVal{}, ""
	}
	n, why := parseName(s)
	if why != "" {
		return nameVal{}, why
	}
	return nameVal{n.text, n.folded, n.tokens, n.ngiven}, ""
}

func buildNames(vals []nameVal) *nameCol {
	c := &nameCol{
		text: make([]uint32, len(vals)), fold: make([]uint32, len(vals)),
		off: make([]uint32, len(vals)+1), ngiven: make([]uint8, len(vals)),
	}
	ti, fi, wi := newInterner(), newInterner(), newInterner()
	for i, v := range vals {
		c.off[i] = uint32(len(c.tok))
		if v.text == "" {
			continue
		}
		c.text[i], c.fold[i] = ti.id(v.text), fi.id(v.fold)
		c.ngiven[i] = uint8(min(v.ngiven, 255))
		start := len(c.tok)
		for _, w := range v.tokens {
			c.tok = append(c.tok, wi.id(w))
		}
		c.sorted = append(c.sorted, c.tok[start:]...)
		slices.Sort(c.sorted[start:])
	}
	c.off[len(vals)] = uint32(len(c.tok))
	c.folded = fi.strs
	c.dict = wi.strs
	c.runes = make([][]rune, len(c.dict))
	c.hash = make([]uint64, len(c.dict))
	for i, s := range c.dict {
		c.runes[i], c.hash[i] = []rune(s), hashString(s)
	}
	c.count, c.total = c.countWords()
	c.setFrequencies(nil, 0)
	return c
}

// countWords returns, per word, the number of names that hold it, and the
// number of names.
func (c *nameCol) countWords() ([]int32, int) {
	count := make([]int32, len(c.dict))
	total := 0
	for i := range len(c.text) {
		t := c.sortedTokens(int32(i))
		if len(t) > 0 {
			total++
		}
		for k, w := range t {
			if k == 0 || t[k-1] != w {
				count[w]++
			}
		}
	}
	return count, total
}

// setFrequencies sets each word's surprise and each name's rarity. A
// word's share is the share of names that hold it — from the saved table
// (words by hash, counts among total names) if it holds the word, else
// from these records; a name's surprise sums its words', as if they were
// independent.
func (c *nameCol) setFrequencies(saved map[uint64]int64, total int64) {
	c.word = make([]Weight, len(c.dict))
	for w, n := range c.count {
		if k, ok := saved[c.hash[w]]; ok && w != 0 {
			c.word[w] = surpriseOf(int(k), int(total))
		} else {
			c.word[w] = surpriseOf(int(n), c.total)
		}
	}
	c.rarity = make([]Weight, len(c.text))
	for i := range c.rarity {
		var s Weight
		for _, w := range c.sortedTokens(int32(i)) {
			s = min(s+c.word[w], maxWeight)
		}
		c.rarity[i] = s
	}
}

func (c *nameCol) surprise(i, j int32, l uint8) (Weight, bool) {
	switch l {
	case nameExact, nameFolded, nameReordered: // the same words
		return c.rarity[i], true
	case nameContained: // the words of the shorter name
		if c.off[i+1]-c.off[i] > c.off[j+1]-c.off[j] {
			i = j
		}
		return c.rarity[i], true
	case nameSimilar, namePartial: // the aligned words
		_, s := c.compare(i, j)
		return s, true
	}
	return 0, false
}

func (c *nameCol) tokens(i int32) []uint32 { return c.tok[c.off[i]:c.off[i+1]] }
func (c *nameCol) sortedTokens(i int32) []uint32 {
	return c.sorted[c.off[i]:c.off[i+1]]
}

func (c *nameCol) level(i, j int32) uint8 {
	l, _ := c.compare(i, j)
	return l
}

// Name levels, as indexes into Field.levels().
const (
	nameExact = iota
	nameFolded
	nameReordered
	nameContained
	nameSimilar
	namePartial
	nameWeak
	nameDifferent
)

// alignMin is the Jaro–Winkler similarity at which two words of two names
// are taken for one word with a typo.
const alignMin = 0.9

// compare returns the level of records i and j and, for the levels that
// align words (Similar, Partial), the surprise of the aligned words: for
// each pair, the commoner of the two.
func (c *nameCol) compare(i, j int32) (uint8, Weight) {
	a, b := c.text[i], c.text[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing, 0
	case a == b:
		return nameExact, 0
	case c.fold[i] == c.fold[j]:
		return nameFolded, 0
	}
	sa, sb := c.sortedTokens(i), c.sortedTokens(j)
	if slices.Equal(sa, sb) {
		return nameReordered, 0
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) >= 2 && subset(sa, sb) {
		return nameContained, 0
	}
	ta, tb := c.tokens(i), c.tokens(j)
	if len(ta) > 16 || len(tb) > 16 {
		// Too many words to align: compare by the average only.
		if c.soft(ta, tb, jaroWinkler) >= 0.80 {
			return nameWeak, 0
		}
		return nameDifferent, 0
	}
	// Align equal words first, then the others by similarity, best first
	// (ties by position): the greedy one-to-one alignment of the words.
	var usedA, usedB [16]bool
	k := 0
	var surprise Weight
	for x, u := range ta {
		for y, v := range tb {
			if !usedB[y] && u == v {
				usedA[x], usedB[y] = true, true
				k++
				surprise += c.word[u]
				break
			}
		}
	}
	var sim [16][16]float64
	for x, u := range ta {
		if usedA[x] {
			continue
		}
		for y, v := range tb {
			if !usedB[y] && jwUpper(c.runes[u], c.runes[v]) >= alignMin {
				sim[x][y] = jaroWinkler(c.runes[u], c.runes[v])
			}
		}
	}
	for {
		bx, by, best := -1, -1, alignMin
		for x := range ta {
			if usedA[x] {
				continue
			}
			for y := range tb {
				if !usedB[y] && sim[x][y] >= best && (bx < 0 || sim[x][y] > best) {
					bx, by, best = x, y, sim[x][y]
				}
			}
		}
		if bx < 0 {
			break
		}
		usedA[bx], usedB[by] = true, true
		k++
		surprise += min(c.word[ta[bx]], c.word[tb[by]])
	}
	switch {
	case k >= 2 && k == min(len(ta), len(tb)):
		return nameSimilar, min(surprise, maxWeight)
	case k >= 2:
		return namePartial, min(surprise, maxWeight)
	}
	// Fewer than two words in common: Weak if the words' best matches
	// average 0.8, bounded cheaply first.
	if c.soft(ta, tb, jwUpper) < 0.80 || c.soft(ta, tb, jaroWinkler) < 0.80 {
		return nameDifferent, 0
	}
	return nameWeak, 0
}

// subset reports whether sorted multiset a is contained in sorted b.
func subset(a, b []uint32) bool {
	k := 0
	for _, x := range a {
		for k < len(b) && b[k] < x {
			k++
		}
		if k == len(b) || b[k] != x {
			return false
		}
		k++
	}
	return true
}

// soft is the symmetric Monge–Elkan similarity of two token lists: each
// word's best Jaro–Winkler similarity with a word of the other name,
// averaged over the words of both.
func (c *nameCol) soft(a, b []uint32, sim func(a, b []rune) float64) float64 {
	var buf [16]float64
	var bb []float64
	if len(b) > len(buf) {
		bb = make([]float64, len(b))
	} else {
		bb = buf[:len(b)]
	}
	sum := 0.0
	for _, x := range a {
		best := 0.0
		for k, y := range b {
			s := 1.0
			if x != y {
				s = sim(c.runes[x], c.runes[y])
			}
			best = max(best, s)
			bb[k] = max(bb[k], s)
		}
		sum += best
	}
	for _, s := range bb {
		sum += s
	}
	return sum / float64(len(a)+len(b))
}

func (c *nameCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	if c.text[i] == 0 {
		return dst
	}
	t := c.tokens(i)
	g := min(int(c.ngiven[i]), len(t))
	switch p {
	case Whole:
		return append(dst, hashString(c.dict0(c.fold[i])))
	case Prefix:
		return append(dst, hashString(prefixOf(c.dict0(c.fold[i]), n)))
	case FirstToken:
		return append(dst, c.wordHash(t[0], n))
	case EachToken:
		for _, w := range t {
			dst = append(dst, c.wordHash(w, n))
		}
		return dst
	case EachSurname:
		for _, w := range t[g:] {
			dst = append(dst, c.wordHash(w, n))
		}
		return dst
	case Surnames:
		if g == len(t) {
			return dst
		}
		return append(dst, c.setHash(t[g:], n))
	case TokenSet:
		return append(dst, c.setHash(t, n))
	case Phonetic:
		for _, w := range t {
			dst = appendSound(dst, c.dict[w], n)
		}
		return dst
	}
	return dst
}

func (c *nameCol) wordHash(w uint32, n int) uint64 {
	if n > 0 {
		return hashString(prefixOf(c.dict[w], n))
	}
	return c.hash[w]
}

// setHash hashes a set of words (or their first n characters), whatever
// their order.
func (c *nameCol) setHash(ws []uint32, n int) uint64 {
	var buf [16]string
	s := buf[:0]
	for _, w := range ws {
		s = append(s, wordKey(c.dict[w], n))
	}
	slices.Sort(s)
	return hashString(strings.Join(s, " "))
}

// dict0 returns a folded full name by its number.
func (c *nameCol) dict0(f uint32) string { return c.folded[f] }

// ---- codes, dates, identifiers ----

// codeCol compares short codes by edit distance.
type codeCol struct {
	kind Kind
	v    []uint32
	dict []string
}

// canonicalCode upper-cases s and keeps its letters and digits.
func canonicalCode(s string) string {
	var b strings.Builder
	for _, r := range Normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// canonicalIdentifier is canonicalCode for identity numbers, which must
// keep something.
func canonicalIdentifier(s string) (string, string) {
	if why := checkText(s); why != "" {
		return "", why
	}
	id := canonicalCode(s)
	if id == "" {
		return "", "no letter or digit"
	}
	return id, ""
}

// canonicalDate reads YYYYMMDD or YYYY-MM-DD (or with / or .) as 8 digits.
func canonicalDate(s string) (string, string) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] {
		s = s[:4] + s[5:7] + s[8:]
	}
	if len(s) != 8 {
		return "", "not a date written YYYYMMDD or YYYY-MM-DD"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", "not a date written YYYYMMDD or YYYY-MM-DD"
		}
	}
	return s, ""
}

func buildCode(kind Kind, vals []string) *codeCol {
	c := &codeCol{kind: kind, v: make([]uint32, len(vals))}
	in := newInterner()
	for i, v := range vals {
		c.v[i] = in.id(v)
	}
	c.dict = in.strs
	return c
}

func (c *codeCol) level(i, j int32) uint8 {
	a, b := c.v[i], c.v[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing
	case a == b:
		return 0
	}
	x, y := c.dict[a], c.dict[b]
	if c.kind == Date && x[:4] == y[:4] && x[4:6] == y[6:8] && x[6:8] == y[4:6] {
		return 1
	}
	limit := 2
	if c.kind == Identifier {
		limit = 1
	}
	d := editDistance(x, y, limit)
	switch {
	case d <= 1:
		return 1
	case c.kind == Identifier:
		return 2
	case d <= 2:
		return 2
	}
	return 3
}

func (c *codeCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	v := c.v[i]
	if v == 0 {
		return dst
	}
	s := c.dict[v]
	switch p {
	case Whole:
		return append(dst, hashString(s))
	case Prefix:
		return append(dst, hashString(prefixOf(s, n)))
	case YearOf:
		return append(dst, hashString(s[:4]))
	}
	return dst
}

// ---- years ----

type yearCol struct {
	v   []int16
	tol int
}

func parseYear(s string) (int16, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ""
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		return 0, "not a year from 1000 to 9999"
	}
	return int16(y), ""
}

func (c *yearCol) level(i, j int32) uint8 {
	a, b := c.v[i], c.v[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing
	case a == b:
		return 0
	}
	d := int(a) - int(b)
	if c.tol > 0 {
		if -c.tol <= d && d <= c.tol {
			return 1
		}
		return 2
	}
	return 1
}

func (c *yearCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	if c.v[i] == 0 || p != Whole {
		return dst
	}
	return append(dst, hashUint(uint64(c.v[i])))
}

// ---- paths ----

type pathCol struct {
	v    []uint32
	dict []string
}

func canonicalPath(s string) (string, string) {
	if why := checkText(s); why != "" {
		return "", why
	}
	var segs []string
	for seg := range strings.SplitSeq(Fold(s), "/") {
		if seg = strings.TrimSpace(seg); seg != "" {
			segs = append(segs, seg)
		}
	}
	return strings.Join(segs, "/"), ""
}

func (c *pathCol) level(i, j int32) uint8 {
	a, b := c.v[i], c.v[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing
	case a == b:
		return 0
	}
	x, y := c.dict[a], c.dict[b]
	if strings.HasPrefix(x, y+"/") || strings.HasPrefix(y, x+"/") {
		return 1
	}
	return 2
}

func (c *pathCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	if c.v[i] == 0 || p != Whole {
		return dst
	}
	return append(dst, hashString(c.dict[c.v[i]]))
}

// ---- cédulas ----

type cedulaCol struct{ v []uint64 } // Cedula.key(), 0 if missing

func (c *cedulaCol) level(i, j int32) uint8 {
	a, b := c.v[i], c.v[j]
	switch {
	case a == 0 || b == 0:
		return levelMissing
	case a == b:
		return 0
	}
	na, nb := uint32(a), uint32(b)
	if na == nb || digitsNear(na, nb) {
		return 1
	}
	return 2
}

// digitsNear reports whether the decimal forms of a and b are one edit
// apart.
func digitsNear(a, b uint32) bool {
	var ba, bb [12]byte
	x := strconv.AppendUint(ba[:0], uint64(a), 10)
	y := strconv.AppendUint(bb[:0], uint64(b), 10)
	return editDistanceBytes(x, y, 1) <= 1
}

func (c *cedulaCol) keys(dst []uint64, i int32, p Part, n int) []uint64 {
	if c.v[i] == 0 || p != Whole {
		return dst
	}
	return append(dst, hashUint(c.v[i]))
}
