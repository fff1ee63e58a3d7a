// Package hpath implements the hierarchical paths behind release.Population
// and release.Region: slash-separated segments where an ancestor contains
// its descendants ("VE" contains "VE/Anzoátegui").
//
// Paths are canonical. Two texts are the same path when they are equal
// after Unicode normalisation and case folding (canonical caseless matching,
// Unicode §3.13 D145: NFD, then full default case folding, then NFC), and
// after each run of white space inside a segment is made one space. So
// "Detainees" and "detainees" are one path, and so are "VE/Anzoátegui"
// with the á composed or decomposed. Folding is Unicode's default, not the
// Turkic one: dotless ı and I stay different letters, and ß folds to ss.
//
// Each path is stored in one canonical spelling chosen by a [Style], a
// function of the folded text only, so that Parse(p.String()) == p and
// every case variant of a text parses to the same Path. See [Lower] and
// [Place] for the spellings.
//
// Paths refuse control characters, bidirectional controls, zero-width and
// other invisible characters ([ident.Forbidden]); the error names the
// character by code point and never repeats it.
package hpath

import (
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/ident"
)

// Limits on a path's text.
const (
	MaxLen      = 256 // bytes, of the canonical spelling
	MaxSegments = 16
)

// Reasons a path is rejected. A refused character is a [*ident.CharError]
// that wraps [ErrControl], [ErrBidi] or [ErrInvisible].
var (
	ErrEmpty     = errors.New("empty")
	ErrTooLong   = errors.New("longer than 256 bytes")
	ErrTooDeep   = errors.New("more than 16 segments")
	ErrEncoding  = errors.New("not valid UTF-8")
	ErrSegment   = errors.New("empty segment (leading, trailing or doubled '/')")
	ErrSpace     = errors.New("segment with leading or trailing white space")
	ErrControl   = ident.ErrControl
	ErrBidi      = ident.ErrBidi
	ErrInvisible = ident.ErrInvisible
	ErrNotChild  = errors.New("not a single segment")
)

// Style chooses a path's canonical spelling. Every style is a function of
// the folded text, so it never makes two texts equal or different that
// folding does not.
type Style uint8

const (
	// Lower spells every letter in its case-folded form, which is lower
	// case for the scripts that have case: "detainees/political". It is the
	// style of populations, which are words, not names.
	Lower Style = 1 + iota
	// Place spells country and subdivision codes in upper case and names in
	// title case, as atlases print them: "VE", "MMR", "US/NY",
	// "VE/Distrito Capital", "CO/Norte de Santander". A segment is a code if
	// it is two ASCII letters, three ASCII letters at the root (ISO 3166-1
	// alpha-2 and alpha-3), or an ISO 3166-2 code ("VE-A", "GB-ENG"); three
	// letters below the root are names, as many places are called (Ica, Zug,
	// Uri, Goa, Ain). In a name, the first letter of each word (after a
	// space, a hyphen or an opening parenthesis) is upper case, except for
	// linking words after the first word ("de", "del", "la", "of", "and",
	// "am", "d'", ...); after an apostrophe that follows a single letter,
	// the next letter is upper case too ("O'Higgins", "d'Ivoire", but
	// "Hawke's Bay"). A letter whose upper case would fold to another letter
	// (dotless ı) stays as folded.
	Place
)

// Path is a validated path in canonical spelling. The zero value is the
// empty path, which is not valid. Paths are comparable; two texts that are
// equal after folding are equal Paths after [Parse] with the same [Style].
type Path struct{ s string }

// Parse validates s and returns it as a Path in the canonical spelling of
// style st. ASCII text, and text whose other letters fold one by one (most
// Latin and Cyrillic), take a fast path that does not allocate when s is
// already canonical, and allocates once otherwise.
func Parse(s string, st Style) (Path, error) {
	if s == "" {
		return Path{}, ErrEmpty
	}
	if st == Lower && canonicalLowerASCII(s) {
		return Path{s}, nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if !simpleText(s[i:]) {
				return parseUnicode(s, st)
			}
			break
		}
	}
	return canon(s, st)
}

// canonicalLowerASCII reports whether s is ASCII already in the canonical
// Lower spelling, in one pass over its bytes: the common case of a
// population column.
func canonicalLowerASCII(s string) bool {
	if len(s) > MaxLen {
		return false
	}
	depth, prev := 1, byte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '/':
			if prev == '/' || prev == ' ' {
				return false
			}
			depth++
		case c == ' ':
			if prev == '/' || prev == ' ' {
				return false
			}
		case c < 0x20 || c >= 0x7f || ('A' <= c && c <= 'Z'):
			return false
		}
		prev = c
	}
	return prev != '/' && prev != ' ' && depth <= MaxSegments
}

// simpleText reports whether s is valid UTF-8 whose every non-ASCII
// character is [simpleLetter]: such text is in NFC, and folds letter by
// letter with unicode.ToLower, so it needs neither normaliser nor folder.
// Most place names of the Americas and Europe are simple text.
func simpleText(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !simpleLetter(r) {
			return false
		}
		i += n
	}
	return true
}

// simpleLetter reports whether r is a non-ASCII character whose full case
// folding is the single character unicode.ToLower(r), which is NFC on its
// own and composes with no neighbour: the letters of Latin-1 and Latin
// Extended-A and the basic Cyrillic letters, except ß, İ, ŉ and ſ, which
// fold to other or several letters. TestEveryCharacterSpellsCanonically
// checks the claim against the folder.
func simpleLetter(r rune) bool {
	switch {
	case r >= 0xc0 && r <= 0x17f:
		return r != 0xdf && r != 0x130 && r != 0x149 && r != 0x17f
	case r >= 0x400 && r <= 0x45f:
		return true
	}
	return false
}

// parseUnicode folds non-ASCII text before spelling it.
func parseUnicode(s string, st Style) (Path, error) {
	if !utf8.ValidString(s) {
		return Path{}, ErrEncoding
	}
	if err := ident.CheckRunes(s); err != nil {
		return Path{}, err
	}
	// Latin text with decomposed accents (as some keyboards and macOS file
	// names give) is simple text once composed.
	if n := norm.NFC.String(s); n != s && simpleText(n) {
		return canon(n, st)
	}
	lo, err := canon(Fold(s), Lower)
	if err != nil || st == Lower {
		return lo, err
	}
	p, err := canon(lo.s, st)
	if err != nil || p.s == lo.s {
		return p, err
	}
	// Place spelling changes letters to upper case only where that folds
	// back to the same letter; this checks it, and falls back to the folded
	// spelling rather than break Parse(p.String()) == p.
	if Fold(p.s) != lo.s {
		return lo, nil
	}
	return p, nil
}

// folders holds case folders for reuse: a cases.Caser has state and is not
// safe for concurrent use, and building one per call costs more than the
// folding.
var folders = sync.Pool{New: func() any { c := cases.Fold(); return &c }}

// Fold returns s after canonical caseless normalisation: NFD, full default
// case folding, NFC. Two texts are the same path text exactly when their
// Fold is equal (up to white space, which [Parse] also collapses). ASCII
// text is lower-cased without normalisation, which is the same thing.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	c := folders.Get().(*cases.Caser)
	f := c.String(norm.NFD.String(s))
	folders.Put(c)
	if strings.ContainsFunc(f, isCherokeeSmall) {
		f = strings.Map(cherokeeFold, f)
	}
	return norm.NFC.String(f)
}

// Unicode folds Cherokee to its capital letters (CaseFolding.txt: AB70;
// C; 13A0), but cases.Fold of golang.org/x/text v0.44.0 swaps the two
// cases, so that folding twice undoes itself. These put the capitals back;
// TestEveryCharacterSpellsCanonically pins the result.
func isCherokeeSmall(r rune) bool {
	return (r >= 0xab70 && r <= 0xabbf) || (r >= 0x13f8 && r <= 0x13fd)
}

func cherokeeFold(r rune) rune {
	switch {
	case r >= 0xab70 && r <= 0xabbf:
		return r - 0xab70 + 0x13a0
	case r >= 0x13f8 && r <= 0x13fd:
		return r - 0x13f8 + 0x13f0
	}
	return r
}

// canon checks s, which is ASCII, simple text or already folded, and spells
// it in style st. It returns s itself when s is already canonical.
func canon(s string, st Style) (Path, error) {
	var buf [MaxLen + 2*utf8.UTFMax]byte
	out := buf[:0]
	depth := 0
	for rest := s; ; {
		seg, tail, more := strings.Cut(rest, "/")
		depth++
		if depth > MaxSegments {
			return Path{}, ErrTooDeep
		}
		var err error
		if out, err = appendSegment(out, seg, depth, st); err != nil {
			return Path{}, err
		}
		if !more {
			break
		}
		out = append(out, '/')
		rest = tail
	}
	if string(out) == s {
		return Path{s}, nil
	}
	return Path{string(out)}, nil
}

// appendSegment appends the canonical spelling of seg, the depth-th
// segment of a path, to out. seg is ASCII or simple text (any case), or
// folded text.
func appendSegment(out []byte, seg string, depth int, st Style) ([]byte, error) {
	if seg == "" {
		return out, ErrSegment
	}
	first, _ := utf8.DecodeRuneInString(seg)
	last, _ := utf8.DecodeLastRuneInString(seg)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return out, ErrSpace
	}
	code := st == Place && isCode(seg, depth)
	title := st == Place && !code
	var (
		wordStart   = true // the next rune begins a word
		words       = 0    // words begun so far in the segment
		partRunes   = 0    // runes since the last boundary
		afterSingle = false
		space       = false
	)
	for i, r := range seg {
		if len(out) > MaxLen {
			return out, ErrTooLong
		}
		if r < utf8.RuneSelf {
			if r < 0x20 || r == 0x7f {
				return out, &ident.CharError{Rune: r, Class: ident.ErrControl}
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else if simpleLetter(r) {
			r = unicode.ToLower(r)
		}
		if r == ' ' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			if !space {
				out = append(out, ' ')
			}
			space, wordStart, partRunes = true, true, 0
			continue
		}
		space = false
		switch {
		case code:
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
		case title && wordStart:
			if words == 0 || !isParticle(seg[i:]) {
				r = titleRune(r)
			}
			words++
		case title && afterSingle:
			r = titleRune(r)
		}
		afterSingle = false
		switch r {
		case '-', '(', '/':
			wordStart, partRunes = true, 0
		case '\'', '’':
			afterSingle = partRunes == 1
			wordStart, partRunes = false, 0
		default:
			wordStart = false
			partRunes++
		}
		out = utf8.AppendRune(out, r)
	}
	if len(out) > MaxLen {
		return out, ErrTooLong
	}
	return out, nil
}

// titleRune returns the upper case of r where it folds back to r, else r.
func titleRune(r rune) rune {
	if 'a' <= r && r <= 'z' {
		return r - ('a' - 'A')
	}
	if r < utf8.RuneSelf {
		return r
	}
	u := unicode.ToTitle(r)
	if u == r || unicode.ToLower(u) != r || u == 'İ' || u == 'ẞ' {
		return r
	}
	return u
}

// isCode reports whether seg, the depth-th segment, is a country or
// subdivision code: two ASCII letters; three at the root; or an ISO 3166-2
// code, two letters, a hyphen and one to three letters or digits.
func isCode(seg string, depth int) bool {
	switch {
	case len(seg) == 2:
		return isLetter(seg[0]) && isLetter(seg[1])
	case len(seg) == 3 && depth == 1:
		return isLetter(seg[0]) && isLetter(seg[1]) && isLetter(seg[2])
	case len(seg) >= 4 && len(seg) <= 6 && seg[2] == '-':
		if !isLetter(seg[0]) || !isLetter(seg[1]) {
			return false
		}
		for i := 3; i < len(seg); i++ {
			if !isLetter(seg[i]) && !('0' <= seg[i] && seg[i] <= '9') {
				return false
			}
		}
		return true
	}
	return false
}

func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// particles are the linking words that a place name keeps in lower case
// after its first word, in the languages of the places freedcount is used
// for most (Spanish, Portuguese, French, Italian, English, German, Dutch).
var particles = map[string]bool{
	"a": true, "al": true, "am": true, "and": true, "d": true, "da": true, "das": true, "de": true,
	"dei": true, "del": true, "della": true, "der": true, "des": true, "di": true, "do": true, "dos": true,
	"du": true, "e": true, "el": true, "en": true, "et": true, "im": true, "l": true, "la": true,
	"las": true, "le": true, "les": true, "los": true, "of": true, "on": true, "sur": true, "the": true,
	"upon": true, "van": true, "von": true, "y": true, "zu": true,
}

// isParticle reports whether the word at the start of s (up to a space,
// hyphen, apostrophe, parenthesis or slash) is a linking word. Particles
// are ASCII, so a word with another character is not one.
func isParticle(s string) bool {
	var w [5]byte
	n := 0
	for ; n < len(s); n++ {
		c := s[n]
		if c == ' ' || c == '-' || c == '\'' || c == '(' || c == '/' || c >= utf8.RuneSelf {
			if c >= utf8.RuneSelf && !strings.HasPrefix(s[n:], "’") {
				return false
			}
			break
		}
		if n == len(w) {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w[n] = c
	}
	return particles[string(w[:n])]
}

// IsValid reports whether p is not the zero Path.
func (p Path) IsValid() bool { return p.s != "" }

// String returns the path's canonical text.
func (p Path) String() string { return p.s }

// Folded returns the path's text after [Fold]: lower case, so that paths of
// different styles can be compared as text.
func (p Path) Folded() string { return Fold(p.s) }

// Contains reports whether q is p or lies below p. The zero path contains
// nothing and is contained in nothing. It compares canonical texts, so p
// and q must have the same [Style].
func (p Path) Contains(q Path) bool {
	if p.s == "" || q.s == "" {
		return false
	}
	return q.s == p.s || (len(q.s) > len(p.s) && q.s[len(p.s)] == '/' && q.s[:len(p.s)] == p.s)
}

// Parent returns the path one segment up, and false for a root segment.
func (p Path) Parent() (Path, bool) {
	i := strings.LastIndexByte(p.s, '/')
	if i < 0 {
		return Path{}, false
	}
	return Path{p.s[:i]}, true
}

// Depth returns the number of segments: 1 for a root, 0 for the zero path.
func (p Path) Depth() int {
	if p.s == "" {
		return 0
	}
	return strings.Count(p.s, "/") + 1
}

// Segments returns the path's segments, in canonical spelling.
func (p Path) Segments() []string {
	if p.s == "" {
		return nil
	}
	return strings.Split(p.s, "/")
}

// Child returns p extended by one segment, spelled in style st (which
// should be p's).
func (p Path) Child(seg string, st Style) (Path, error) {
	if !utf8.ValidString(seg) {
		return Path{}, ErrEncoding
	}
	if strings.Contains(seg, "/") {
		return Path{}, ErrNotChild
	}
	if p.s == "" {
		return Parse(seg, st)
	}
	if seg == "" {
		return Path{}, ErrSegment
	}
	return Parse(p.s+"/"+seg, st)
}

// Compare orders paths by their canonical text, so that an ancestor sorts
// before its descendants.
func (p Path) Compare(q Path) int { return strings.Compare(p.s, q.s) }
