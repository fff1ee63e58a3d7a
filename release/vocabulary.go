package release

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/internal/hpath"
)

// Vocabulary declares the populations and regions a body of claims may use,
// so that a misspelt or invented path ("political prisoners" where the
// vocabulary says "detainees/political") is an error that suggests the
// nearest declared path, rather than a new scope that silently matches
// nothing.
//
// A path is in the vocabulary if it is declared or is an ancestor of a
// declared path: declaring "detainees/political" declares "detainees" too,
// since a figure about all detainees is a figure about a declared
// population's parent. A descendant of a declared path is not in it:
// "detainees/political/militar" is refused unless declared, as it is more
// often a typo than a new population. A dimension with nothing declared is
// open: a Vocabulary that declares only regions accepts every population,
// and the zero Vocabulary accepts everything.
//
// A Vocabulary is immutable and safe for concurrent use. It is not
// comparable with ==; use [Vocabulary.Equal]. Its JSON form is
// {"populations":[...],"regions":[...]}, listing the declared paths that
// are not ancestors of other declared paths, sorted; its text form is one
// "population PATH" or "region PATH" line each.
type Vocabulary struct {
	pops *vocab[Population]
	regs *vocab[Region]
}

// vocab is one dimension of a Vocabulary.
type vocab[P pathValue[P]] struct {
	leaves []P                 // declared paths that contain no other, sorted
	known  map[string]struct{} // canonical text of every path in the vocabulary
	index  suggestIndex
}

// pathValue is Population or Region.
type pathValue[P any] interface {
	comparable
	String() string
	Compare(P) int
}

// NewVocabulary declares pops and regs. Duplicates, and paths that are
// ancestors of other declared paths, are allowed and change nothing. It
// fails with a [*FieldError] for a zero Population or Region.
func NewVocabulary(pops []Population, regs []Region) (Vocabulary, error) {
	var errs []error
	for _, p := range pops {
		if !p.IsValid() {
			errs = append(errs, fieldErr("Vocabulary.Populations", "", "zero value"))
			break
		}
	}
	for _, r := range regs {
		if !r.IsValid() {
			errs = append(errs, fieldErr("Vocabulary.Regions", "", "zero value"))
			break
		}
	}
	if len(errs) > 0 {
		return Vocabulary{}, errors.Join(errs...)
	}
	return Vocabulary{
		pops: newVocab(pops, func(p Population) hpath.Path { return p.p }),
		regs: newVocab(regs, func(r Region) hpath.Path { return r.p }),
	}, nil
}

// MustVocabulary is like [NewVocabulary] with paths given as text, and
// panics on error. It is meant for tests and examples.
func MustVocabulary(pops []string, regs []string) Vocabulary {
	var ps []Population
	for _, s := range pops {
		ps = append(ps, MustPopulation(s))
	}
	var rs []Region
	for _, s := range regs {
		rs = append(rs, MustRegion(s))
	}
	v, err := NewVocabulary(ps, rs)
	if err != nil {
		panic(err)
	}
	return v
}

func newVocab[P pathValue[P]](declared []P, path func(P) hpath.Path) *vocab[P] {
	if len(declared) == 0 {
		return nil
	}
	ps := slices.Clone(declared)
	slices.SortFunc(ps, func(a, b P) int { return a.Compare(b) })
	ps = slices.Compact(ps)
	// Keep the leaves: a path contained in a later one is implied by it. An
	// ancestor sorts before its descendants but not always just before them
	// ("a/b" < "a/b c" < "a/b/x"), so look up ancestors in a set instead.
	v := &vocab[P]{known: make(map[string]struct{})}
	var texts []string
	for _, p := range ps {
		for q, ok := path(p), true; ok; q, ok = q.Parent() {
			if _, seen := v.known[q.String()]; seen {
				break // and so are its ancestors
			}
			v.known[q.String()] = struct{}{}
			texts = append(texts, q.String())
		}
	}
	ancestors := make(map[string]bool)
	for _, p := range ps {
		for q, ok := path(p).Parent(); ok; q, ok = q.Parent() {
			ancestors[q.String()] = true
		}
	}
	for _, p := range ps {
		if !ancestors[p.String()] {
			v.leaves = append(v.leaves, p)
		}
	}
	v.index = newSuggestIndex(texts)
	return v
}

// Populations returns the declared populations that are not ancestors of
// other declared ones, sorted. Their ancestors are in the vocabulary too.
func (v Vocabulary) Populations() []Population {
	if v.pops == nil {
		return nil
	}
	return slices.Clone(v.pops.leaves)
}

// Regions returns the declared regions that are not ancestors of other
// declared ones, sorted. Their ancestors are in the vocabulary too.
func (v Vocabulary) Regions() []Region {
	if v.regs == nil {
		return nil
	}
	return slices.Clone(v.regs.leaves)
}

// Equal reports whether v and w accept the same paths.
func (v Vocabulary) Equal(w Vocabulary) bool {
	return slices.Equal(v.Populations(), w.Populations()) && slices.Equal(v.Regions(), w.Regions())
}

// CheckPopulation returns nil if p is in the vocabulary, or a [*FieldError]
// for "Population" whose reason is an [*UndeclaredError] suggesting the
// nearest declared populations. Both wrap [ErrInvalid].
func (v Vocabulary) CheckPopulation(p Population) error {
	return check(v.pops, "Population", p)
}

// CheckRegion is like [Vocabulary.CheckPopulation] for a region; the field
// is "Region".
func (v Vocabulary) CheckRegion(r Region) error { return check(v.regs, "Region", r) }

// CheckScope checks the population and region of s, and reports both if
// both are undeclared, as [*FieldError]s for "Scope.Population" and
// "Scope.Region" joined with [errors.Join].
func (v Vocabulary) CheckScope(s Scope) error {
	if !s.IsValid() {
		return fieldErr("Scope", "", "zero value")
	}
	return errors.Join(check(v.pops, "Scope.Population", s.pop), check(v.regs, "Scope.Region", s.reg))
}

func check[P pathValue[P]](v *vocab[P], field string, p P) error {
	if p.String() == "" {
		return fieldErr(field, "", "zero value")
	}
	if v == nil {
		return nil
	}
	if _, ok := v.known[p.String()]; ok {
		return nil
	}
	return &FieldError{Pkg: "release", Path: errfmt.Split(field), Value: errfmt.Quote(p.String()), Err: &UndeclaredError{
		Suggestions: v.index.suggest(p.String(), maxSuggestions),
	}}
}

// maxSuggestions is the most paths an [UndeclaredError] suggests.
const maxSuggestions = 3

// UndeclaredError is the reason a path is refused by a [Vocabulary]: it is
// not declared nor an ancestor of a declared path. Suggestions are the
// nearest paths of the vocabulary, best first (at most three, perhaps
// none), found by edit distance on the folded text with accents removed,
// on the last segment, and by shared words. It wraps [ErrInvalid].
type UndeclaredError struct {
	Suggestions []string
}

// Error returns `not in the vocabulary; did you mean "A" or "B"?`.
func (e *UndeclaredError) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalid.Error())
	b.WriteString(": not in the vocabulary")
	for i, s := range e.Suggestions {
		switch {
		case i == 0:
			b.WriteString("; did you mean ")
		case i == len(e.Suggestions)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(errfmt.Quote(s))
	}
	if len(e.Suggestions) > 0 {
		b.WriteByte('?')
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *UndeclaredError) Unwrap() error { return ErrInvalid }

type vocabularyJSON struct {
	Populations []Population `json:"populations"`
	Regions     []Region     `json:"regions"`
}

// MarshalJSON writes {"populations":[...],"regions":[...]}, each list as
// [Vocabulary.Populations] and [Vocabulary.Regions] return it ([] when
// nothing is declared).
func (v Vocabulary) MarshalJSON() ([]byte, error) {
	j := vocabularyJSON{v.Populations(), v.Regions()}
	if j.Populations == nil {
		j.Populations = []Population{}
	}
	if j.Regions == nil {
		j.Regions = []Region{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what [Vocabulary.MarshalJSON] writes, through
// [NewVocabulary]; a missing list declares nothing in that dimension.
func (v *Vocabulary) UnmarshalJSON(data []byte) error {
	var j vocabularyJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return decodeErr("Vocabulary", errfmt.Quote(string(data)), err)
	}
	w, err := NewVocabulary(j.Populations, j.Regions)
	if err != nil {
		return err
	}
	*v = w
	return nil
}

// MarshalText writes one line per declared path, populations first:
// "population detainees/political\nregion VE/Zulia\n".
func (v Vocabulary) MarshalText() ([]byte, error) {
	var b bytes.Buffer
	for _, p := range v.Populations() {
		b.WriteString("population " + p.String() + "\n")
	}
	for _, r := range v.Regions() {
		b.WriteString("region " + r.String() + "\n")
	}
	return b.Bytes(), nil
}

// UnmarshalText reads what [Vocabulary.MarshalText] writes. Blank lines and
// lines starting with '#' are skipped; any other line must be "population
// PATH" or "region PATH". An error names the line: a [*FieldError] for
// "Vocabulary line N".
func (v *Vocabulary) UnmarshalText(text []byte) error {
	var pops []Population
	var regs []Region
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(nil, len(text)+1)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		field := fmt.Sprintf("Vocabulary line %d", n)
		kind, path, _ := strings.Cut(line, " ")
		path = strings.TrimSpace(path)
		switch kind {
		case "population":
			p, err := ParsePopulation(path)
			if err != nil {
				errs = append(errs, fieldErr(field, path, "%v", errfmt.Reason(errors.Unwrap(err))))
				continue
			}
			pops = append(pops, p)
		case "region":
			r, err := ParseRegion(path)
			if err != nil {
				errs = append(errs, fieldErr(field, path, "%v", errfmt.Reason(errors.Unwrap(err))))
				continue
			}
			regs = append(regs, r)
		default:
			errs = append(errs, fieldErr(field, line, `not "population PATH" or "region PATH"`))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	w, err := NewVocabulary(pops, regs)
	if err != nil {
		return err
	}
	*v = w
	return nil
}

// suggestIndex finds the paths nearest to an undeclared one without
// comparing it to every path: candidates come from words shared with the
// query (and five-letter word prefixes, so "politicos" finds "political"),
// and from buckets of paths whose text, or last segment, starts with the
// query's first letter and has a length within the edit bound. Each list
// read is capped (maxPosting, maxBucket), so one suggestion costs at most
// about two thousand banded edit distances however large the vocabulary;
// the cap keeps the shallowest paths, as entries are sorted by depth.
type suggestIndex struct {
	entries []suggestEntry
	words   map[string][]int32 // loose word or word prefix -> entries, in entry order
	starts  map[startKey][]int32
}

type suggestEntry struct {
	text     string // canonical
	loose    []rune // folded, accents removed
	last     []rune // loose last segment
	keys     []string
	lastKeys []string
}

type startKey struct {
	first rune
	n     int // length in runes
	last  bool
}

const (
	maxPosting  = 100 // entries read from one word's posting list
	maxBucket   = 32  // entries read from one first-letter-and-length bucket
	stemRunes   = 5
	minWordRune = 3
)

func newSuggestIndex(texts []string) suggestIndex {
	// Entries sorted by depth, then text, so that capped lists keep the
	// shallow, general paths.
	texts = slices.Clone(texts)
	slices.SortFunc(texts, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), strings.Compare(a, b))
	})
	ix := suggestIndex{words: make(map[string][]int32), starts: make(map[startKey][]int32)}
	for i, t := range texts {
		e := newEntry(t)
		ix.entries = append(ix.entries, e)
		for _, k := range e.keys {
			if l := ix.words[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				ix.words[k] = append(l, int32(i))
			}
		}
		for _, k := range []startKey{startOf(e.loose, false), startOf(e.last, true)} {
			ix.starts[k] = append(ix.starts[k], int32(i))
		}
	}
	return ix
}

func newEntry(text string) suggestEntry {
	l := loose(text)
	last := l[strings.LastIndexByte(l, '/')+1:]
	return suggestEntry{text: text, loose: []rune(l), last: []rune(last),
		keys: wordKeys(wordsOf(l)), lastKeys: wordKeys(wordsOf(last))}
}

func startOf(s []rune, last bool) startKey {
	if len(s) == 0 {
		return startKey{last: last}
	}
	return startKey{first: s[0], n: len(s), last: last}
}

// loose returns s folded, without accents or other combining marks, with
// '_' as a space: the text a journalist might type for it.
func loose(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ReplaceAll(strings.ToLower(s), "_", " ")
	}
	d := norm.NFD.String(hpath.Fold(strings.ReplaceAll(s, "_", " ")))
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d))
}

// wordsOf splits loose text into its words of at least three letters that
// are not linking words, in order, without duplicates.
func wordsOf(s string) []string {
	var ws []string
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) < minWordRune || slices.Contains(stopWords, w) || slices.Contains(ws, w) {
			continue
		}
		ws = append(ws, w)
	}
	return ws
}

// stopWords are words too common to suggest a path by.
var stopWords = []string{"and", "del", "des", "das", "dos", "los", "las", "les", "the", "von", "van", "der", "den"}

// wordKeys returns the posting keys of words: each word, and the first five
// letters of each longer word marked as a prefix.
func wordKeys(words []string) []string {
	var ks []string
	for _, w := range words {
		ks = append(ks, w)
		if utf8.RuneCountInString(w) > stemRunes {
			n := 0
			for range stemRunes {
				_, size := utf8.DecodeRuneInString(w[n:])
				n += size
			}
			ks = append(ks, w[:n]+"…")
		}
	}
	return ks
}

// suggestion is a candidate with its rank; lower ranks are better.
type suggestion struct {
	entry      int32
	class      int // 0: near whole text; 1: near last segment; 2: shared words
	dist       int
	lastShared bool
	shared     int
}

func (a suggestion) compare(b suggestion, ix *suggestIndex) int {
	ea, eb := &ix.entries[a.entry], &ix.entries[b.entry]
	return cmp.Or(
		cmp.Compare(a.class, b.class),
		cmp.Compare(a.dist, b.dist),
		-cmp.Compare(a.shared, b.shared),
		boolCompare(b.lastShared, a.lastShared),
		cmp.Compare(len(ea.text), len(eb.text)),
		strings.Compare(ea.text, eb.text),
	)
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// suggest returns up to n texts of the index nearest to text, best first.
func (ix *suggestIndex) suggest(text string, n int) []string {
	q := newEntry(text)
	bound := func(s []rune) int { return max(1, len(s)/5) }
	kText, kLast := bound(q.loose), bound(q.last)

	seen := make(map[int32]bool)
	var cands []int32
	add := func(list []int32, limit int) {
		for _, i := range list[:min(len(list), limit)] {
			if !seen[i] {
				seen[i] = true
				cands = append(cands, i)
			}
		}
	}
	for _, k := range q.keys {
		add(ix.words[k], maxPosting)
	}
	for _, last := range []bool{false, true} {
		s, k := q.loose, kText
		if last {
			s, k = q.last, kLast
		}
		st := startOf(s, last)
		for d := -k; d <= k; d++ {
			add(ix.starts[startKey{st.first, st.n + d, last}], maxBucket)
		}
	}

	var scratch []int
	var found []suggestion
	for _, i := range cands {
		e := &ix.entries[i]
		s := suggestion{entry: i, class: 3}
		if d := editDistance(q.loose, e.loose, kText, &scratch); d <= kText {
			s.class, s.dist = 0, d
		} else if d := editDistance(q.last, e.last, kLast, &scratch); d <= kLast {
			s.class, s.dist = 1, d
		}
		for _, k := range q.keys {
			if slices.Contains(e.keys, k) {
				s.shared++
			}
			if slices.Contains(e.lastKeys, k) {
				s.lastShared = true
			}
		}
		if s.class == 3 && s.shared > 0 {
			s.class = 2
		}
		if s.class < 3 {
			found = append(found, s)
		}
	}
	slices.SortFunc(found, func(a, b suggestion) int { return a.compare(b, ix) })
	// Offer only the best kind of match: a near spelling of the whole path
	// hides paths that merely share a word, and a much nearer spelling
	// hides a farther one.
	var out []string
	for _, s := range found {
		if len(out) == n || s.class != found[0].class || s.dist > found[0].dist+1 ||
			(s.class == 2 && s.shared < found[0].shared) {
			break
		}
		out = append(out, ix.entries[s.entry].text)
	}
	return out
}

// editDistance returns the Levenshtein distance between a and b, or
// bound+1 if it exceeds bound. It costs O(len(a) × (2·bound+1)); scratch
// holds its two rows between calls.
func editDistance(a, b []rune, bound int, scratch *[]int) int {
	if d := len(a) - len(b); d > bound || -d > bound {
		return bound + 1
	}
	const inf = 1 << 30
	if cap(*scratch) < 2*(len(b)+1) {
		*scratch = make([]int, 2*(len(b)+1))
	}
	rows := (*scratch)[:2*(len(b)+1)]
	prev, cur := rows[:len(b)+1], rows[len(b)+1:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-bound), min(len(b), i+bound)
		for j := range cur {
			cur[j] = inf
		}
		if i <= bound {
			cur[0] = i
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], bound+1)
}
