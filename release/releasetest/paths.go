package releasetest

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
)

// CaseVariant returns a generator of texts that spell the same path as s:
// each letter in any case of its simple case-folding orbit (so "ve/zulia",
// "VE/ZULIA" and "vE/zUlia" for "VE/Zulia"), accents composed or
// decomposed, and a space inside a segment sometimes doubled or made a
// no-break space. [release.ParsePopulation] and [release.ParseRegion] parse
// every variant of a valid path to the same value.
func CaseVariant(s string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		for _, r := range s {
			orbit := []rune{r}
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				orbit = append(orbit, f)
			}
			if r == ' ' {
				orbit = append(orbit, '\u00a0')
			}
			c := rapid.SampledFrom(orbit).Draw(t, "case")
			b.WriteRune(c)
			if r == ' ' && rapid.IntRange(0, 3).Draw(t, "doubleSpace") == 0 {
				b.WriteRune(' ')
			}
		}
		v := b.String()
		if rapid.Bool().Draw(t, "decompose") {
			v = norm.NFD.String(v)
		}
		return v
	})
}

// PopulationText returns a generator of texts that parse to a population of
// [Population]'s vocabulary, in any spelling drawn by [CaseVariant].
func PopulationText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		return CaseVariant(Population().Draw(t, "population").String()).Draw(t, "variant")
	})
}

// RegionText returns a generator of texts that parse to a region of
// [Region]'s vocabulary, in any spelling drawn by [CaseVariant].
func RegionText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		return CaseVariant(Region().Draw(t, "region").String()).Draw(t, "variant")
	})
}

// InvisibleRune returns a generator of the characters that no path or
// identifier may contain: C0 and C1 controls (ESCAPE among them),
// bidirectional controls, zero-width characters, the byte order mark, soft
// hyphen, line and paragraph separators, variation selectors, tags and any
// other format character.
func InvisibleRune() *rapid.Generator[rune] {
	return rapid.OneOf(
		rapid.SampledFrom([]rune{
			0x00, 0x1b, 0x7f, 0x85, 0x9b, // controls
			0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, // bidi
			0x2066, 0x2067, 0x2068, 0x2069,
			0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x2028, 0x2029, // invisible
			0xfe0f, 0xe0001, 0xe0041, 0x180e, 0x3164, 0x034f,
		}),
		rapid.RuneFrom(nil, unicode.Cc, unicode.Cf, unicode.Variation_Selector,
			unicode.Other_Default_Ignorable_Code_Point),
	)
}

// Vocabulary returns a generator of vocabularies declaring some of the
// populations of [Population] and the regions of [Region] (either list may
// be empty, which leaves that dimension open), in any order and with
// duplicates.
func Vocabulary() *rapid.Generator[release.Vocabulary] {
	return rapid.Custom(func(t *rapid.T) release.Vocabulary {
		v, err := release.NewVocabulary(
			rapid.SliceOfN(Population(), 0, 6).Draw(t, "declaredPopulations"),
			rapid.SliceOfN(Region(), 0, 6).Draw(t, "declaredRegions"))
		if err != nil {
			panic(err)
		}
		return v
	})
}

// PathVocabularies returns the texts of the populations and regions that
// [Population] and [Region] draw from, sorted, for tests that need the
// whole vocabulary (as a model of a [release.Vocabulary]).
func PathVocabularies() (pops, regs []string) {
	return slices.Sorted(slices.Values(populations)), slices.Sorted(slices.Values(regions))
}
