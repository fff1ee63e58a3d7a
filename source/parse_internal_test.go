package source

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// referenceNormalize is how ParseQuantity normalized a phrase before it
// stopped building an x/text transformer per call: lower-case, NFD, drop
// nonspacing marks, NFC, collapse white space. The rune-by-rune normalizer
// must agree with it wherever the result can matter.
func referenceNormalize(s string) (string, error) {
	folded, _, err := transform.String(referenceFold, strings.ToLower(s))
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(folded), " "), nil
}

// referenceFold is the reference's transformer, built once; transform.String
// resets it. Tests that use it must not run in parallel.
var referenceFold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// checkNormalizeMatchesReference checks the invariant: for valid UTF-8 of
// at most maxPhraseBytes, the normalizer gives the reference's text, or, if
// they differ, both texts hold a non-ASCII letter outside any phrase word,
// so that neither can be a quantity phrase and only the error's quoting
// differs. (NFC may recompose runes that the normalizer keeps decomposed
// into a base and a spacing mark, or the reverse.)
func checkNormalizeMatchesReference(t *testing.T, s string) {
	t.Helper()
	if len(s) > maxPhraseBytes || !utf8.ValidString(s) {
		return
	}
	want, err := referenceNormalize(s)
	if err != nil {
		t.Fatalf("reference normalizer failed on %q: %v", s, err)
	}
	var p phraseParser
	if reason := p.normalize(s); reason != "" {
		t.Fatalf("normalize(%q): %s", s, reason)
	}
	got := p.text()
	if got == want {
		return
	}
	if hasForeignLetter(got) && hasForeignLetter(want) {
		return
	}
	t.Fatalf("normalize(%q) = %q, reference gives %q", s, got, want)
}

// hasForeignLetter reports whether s holds a letter or mark outside ASCII,
// which no phrase word has.
func hasForeignLetter(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && !isPhraseDash(r) {
			return true
		}
	}
	return false
}

var normalizeSamples = []string{
	"", " ", "Más de 1.000", "MÁS\u00a0DE\u202f400", "como mínimo 104", "VEINTIDÓS", "dieciséis",
	"a\u0301 e\u0301", "Un Puñado", "İstanbul", "\u212a", "\u212b", "ǖ", "Ⱥ", "ß", "ﬁve",
	"\u0085104\u2028", "１０４", "½", "800\u2013900", "\u0301\u0301", "ÉNTRE 800 Y 900", "ñandú",
	"\u1e9e", "Ǆ", "ǅ", "\u0130", "\u03a3\u03a3", "\u1f88", "\ufb00", "\u00b5",
}

func TestNormalizeMatchesXTextChain(t *testing.T) {
	for _, s := range normalizeSamples {
		checkNormalizeMatchesReference(t, s)
	}
	// Every rune (every 61st with -short or -race), between capital
	// letters.
	step := rune(1)
	if testing.Short() || raceEnabled {
		step = 61
	}
	for r := rune(0); r <= unicode.MaxRune; r += step {
		if utf8.ValidRune(r) {
			checkNormalizeMatchesReference(t, "A"+string(r)+"B")
		}
	}
}

func FuzzNormalizeMatchesXTextChain(f *testing.F) {
	for _, s := range normalizeSamples {
		f.Add(s)
	}
	f.Fuzz(checkNormalizeMatchesReference)
}

// TestMatcherRejectsTwoReadings checks the guard against ambiguous number
// words directly: no phrase of the vocabulary is known to have two
// readings (three million random phrases of its words found none), so the
// guard is driven through the matcher.
func TestMatcherRejectsTwoReadings(t *testing.T) {
	m := matcher{shape: splitShape{kind: Between, elems: []string{"#", "-", "#"}}}
	m.nums = [2]int{1, 2}
	m.accept(2)
	m.accept(2)
	if m.ambiguous {
		t.Fatal("the same reading twice is not ambiguous")
	}
	m.nums = [2]int{12, 2}
	m.accept(2)
	if !m.ambiguous || m.first != (phraseResult{Between, 1, 2}) || m.other != (phraseResult{Between, 12, 2}) {
		t.Fatalf("two readings: ambiguous %v, first %v, other %v", m.ambiguous, m.first, m.other)
	}
}
