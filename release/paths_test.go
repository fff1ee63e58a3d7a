package release_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/hpath"
	"github.com/freedcount/freedcount/internal/ident"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// propPathsAreCanonical: the canonical spelling parses to itself
// (idempotence), every case, normal-form and spacing variant parses to the
// same path, and containment does not depend on the spelling.
func propPathsAreCanonical(t *rapid.T) {
	p := releasetest.Population().Draw(t, "p")
	q, err := release.ParsePopulation(p.String())
	require.NoError(t, err)
	require.Equal(t, p, q, "idempotent")
	v := releasetest.CaseVariant(p.String()).Draw(t, "pVariant")
	pv, err := release.ParsePopulation(v)
	require.NoError(t, err)
	require.Equal(t, p, pv, "%q is a variant of %q", v, p)
	require.Equal(t, strings.ToLower(p.String()), p.String(), "populations are lower case")

	r := releasetest.Region().Draw(t, "r")
	s, err := release.ParseRegion(r.String())
	require.NoError(t, err)
	require.Equal(t, r, s, "idempotent")
	w := releasetest.CaseVariant(r.String()).Draw(t, "rVariant")
	rv, err := release.ParseRegion(w)
	require.NoError(t, err)
	require.Equal(t, r, rv, "%q is a variant of %q", w, r)

	p2 := releasetest.Population().Draw(t, "p2")
	p2v, err := release.ParsePopulation(releasetest.CaseVariant(p2.String()).Draw(t, "p2Variant"))
	require.NoError(t, err)
	require.Equal(t, p.Contains(p2), pv.Contains(p2v))
	r2 := releasetest.Region().Draw(t, "r2")
	r2v, err := release.ParseRegion(releasetest.CaseVariant(r2.String()).Draw(t, "r2Variant"))
	require.NoError(t, err)
	require.Equal(t, r.Contains(r2), rv.Contains(r2v))
	require.Equal(t, r.Disjoint(r2), rv.Disjoint(r2v))
}

func TestPathsAreCanonical(t *testing.T) { rapid.Check(t, propPathsAreCanonical) }
func FuzzPathsAreCanonical(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPathsAreCanonical)) }

// propNoInvisibleCharacterInAPath: a control, bidirectional or invisible
// character anywhere in a path is refused with a *FieldError whose message
// names it by code point and never repeats it.
func propNoInvisibleCharacterInAPath(t *rapid.T) {
	text := rapid.OneOf(releasetest.PopulationText(), releasetest.RegionText()).Draw(t, "text")
	c := releasetest.InvisibleRune().Draw(t, "c")
	runes := []rune(text)
	i := rapid.IntRange(0, len(runes)).Draw(t, "at")
	s := string(runes[:i]) + string(c) + string(runes[i:])
	for _, err := range []error{
		func() error { _, err := release.ParsePopulation(s); return err }(),
		func() error { _, err := release.ParseRegion(s); return err }(),
	} {
		require.ErrorIs(t, err, release.ErrInvalid, "%q (%U)", s, c)
		require.NotContains(t, err.Error(), string(c), "the message repeats %U raw", c)
		if !unicode.IsSpace(c) { // white space at a segment's edge is reported as such
			require.Contains(t, err.Error(), fmt.Sprintf("contains %U ", c))
		}
	}
}

func TestNoInvisibleCharacterInAPath(t *testing.T) { rapid.Check(t, propNoInvisibleCharacterInAPath) }
func FuzzNoInvisibleCharacterInAPath(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propNoInvisibleCharacterInAPath))
}

func TestCanonicalSpellingKeepsTheExamples(t *testing.T) {
	for _, s := range []string{"detainees/political", "detainees", "presos/políticos"} {
		assert.Equal(t, s, release.MustPopulation(s).String())
	}
	for _, s := range []string{"VE", "VE/Zulia", "VE/Anzoátegui", "VE/Caracas/Libertador", "CO/Norte de Santander",
		"VE/Distrito Capital", "MMR"} {
		assert.Equal(t, s, release.MustRegion(s).String())
	}
	assert.Equal(t, release.MustPopulation("detainees"), release.MustPopulation("Detainees"))
	assert.Equal(t, release.MustRegion("VE"), release.MustRegion("ve"))
	assert.Equal(t, "VE/Zulia", release.MustRegion("ve/ZULIA").String())
	assert.Equal(t, "detainees/political", release.MustPopulation("DETAINEES/Political").String())
	c, err := release.MustRegion("ve").Child("distrito  capital")
	require.NoError(t, err)
	assert.Equal(t, release.MustRegion("VE/Distrito Capital"), c)
}

func TestParsePathNamesTheRefusedCharacter(t *testing.T) {
	for _, tc := range []struct{ in, field, msg string }{
		{"detainees/pol\u200bitical", "Population", `release: Population "detainees/pol\u200bitical": invalid: contains U+200B ZERO WIDTH SPACE`},
		{"detainees/\u202elacitilop", "Population", `release: Population "detainees/\u202elacitilop": invalid: contains U+202E RIGHT-TO-LEFT OVERRIDE`},
		{"detainees\x1b[31m", "Population", `release: Population "detainees\x1b[31m": invalid: contains U+001B ESCAPE`},
		{"VE/Zu\u00adlia", "Region", `release: Region "VE/Zu\u00adlia": invalid: contains U+00AD SOFT HYPHEN`},
		{"\ufeffVE", "Region", `release: Region "\ufeffVE": invalid: contains U+FEFF ZERO WIDTH NO-BREAK SPACE`},
		{"VE/Zulia\u2069", "Region", `release: Region "VE/Zulia\u2069": invalid: contains U+2069 POP DIRECTIONAL ISOLATE`},
	} {
		var err error
		if tc.field == "Population" {
			_, err = release.ParsePopulation(tc.in)
		} else {
			_, err = release.ParseRegion(tc.in)
		}
		requireInvalidFields(t, err, tc.field)
		assert.Equal(t, tc.msg, err.Error())
		var ce *ident.CharError
		assert.False(t, errors.As(err, &ce), "the character error is flattened into the message")
	}
}

// propVocabularyAcceptsDeclaredPathsAndAncestors checks a Vocabulary
// against a model: a path is accepted exactly when it is declared or an
// ancestor of a declared path, or its dimension declares nothing; a refused
// path's suggestions are paths of the vocabulary, at most three; and the
// answer does not depend on the order or duplication of the declaration.
func propVocabularyAcceptsDeclaredPathsAndAncestors(t *rapid.T) {
	pops := rapid.SliceOfN(releasetest.Population(), 0, 6).Draw(t, "pops")
	regs := rapid.SliceOfN(releasetest.Region(), 0, 6).Draw(t, "regs")
	v, err := release.NewVocabulary(pops, regs)
	require.NoError(t, err)
	shuffled, err := release.NewVocabulary(
		append(rapid.Permutation(pops).Draw(t, "popsOrder"), pops...),
		rapid.Permutation(regs).Draw(t, "regsOrder"))
	require.NoError(t, err)
	require.True(t, v.Equal(shuffled), "order and duplicates change nothing")

	p := releasetest.Population().Draw(t, "p")
	inPops := len(pops) == 0 || slices.ContainsFunc(pops, func(d release.Population) bool { return p.Contains(d) })
	err = v.CheckPopulation(p)
	require.Equal(t, inPops, err == nil, "%s in %v: %v", p, pops, err)
	require.Equal(t, fmt.Sprint(err), fmt.Sprint(shuffled.CheckPopulation(p)))
	if err != nil {
		fes := requireInvalidFields(t, err, "Population")
		require.Equal(t, quoted(p.String()), fes[0].Value)
		u, ok := errors.AsType[*release.UndeclaredError](err)
		require.True(t, ok)
		require.LessOrEqual(t, len(u.Suggestions), 3)
		for _, s := range u.Suggestions {
			require.NoError(t, v.CheckPopulation(release.MustPopulation(s)), "suggestion %q", s)
		}
	}

	r := releasetest.Region().Draw(t, "r")
	inRegs := len(regs) == 0 || slices.ContainsFunc(regs, func(d release.Region) bool { return r.Contains(d) })
	err = v.CheckRegion(r)
	require.Equal(t, inRegs, err == nil, "%s in %v: %v", r, regs, err)
	require.Equal(t, fmt.Sprint(err), fmt.Sprint(shuffled.CheckRegion(r)))
	if err != nil {
		requireInvalidFields(t, err, "Region")
		u, ok := errors.AsType[*release.UndeclaredError](err)
		require.True(t, ok)
		for _, s := range u.Suggestions {
			require.NoError(t, v.CheckRegion(release.MustRegion(s)), "suggestion %q", s)
		}
	}

	s := release.MustScope(p, r, releasetest.Period().Draw(t, "period"))
	err = v.CheckScope(s)
	require.Equal(t, inPops && inRegs, err == nil)
	if !inPops {
		requireInvalidFields(t, err, "Scope.Population")
	}
	if !inRegs {
		requireInvalidFields(t, err, "Scope.Region")
	}
}

func TestVocabularyAcceptsDeclaredPathsAndAncestors(t *testing.T) {
	rapid.Check(t, propVocabularyAcceptsDeclaredPathsAndAncestors)
}

func FuzzVocabularyAcceptsDeclaredPathsAndAncestors(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propVocabularyAcceptsDeclaredPathsAndAncestors))
}

// propVocabularyEncodingsRoundTrip: JSON and text forms decode to an equal
// Vocabulary, and encode again to the same bytes.
func propVocabularyEncodingsRoundTrip(t *rapid.T) {
	v := releasetest.Vocabulary().Draw(t, "v")
	b, err := v.MarshalJSON()
	require.NoError(t, err)
	var w release.Vocabulary
	require.NoError(t, w.UnmarshalJSON(b))
	require.True(t, v.Equal(w))
	b2, err := w.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))

	txt, err := v.MarshalText()
	require.NoError(t, err)
	var x release.Vocabulary
	require.NoError(t, x.UnmarshalText(txt))
	require.True(t, v.Equal(x), "%s", txt)
}

func TestVocabularyEncodingsRoundTrip(t *testing.T) { rapid.Check(t, propVocabularyEncodingsRoundTrip) }

func TestVocabularySuggestions(t *testing.T) {
	v := release.MustVocabulary(
		[]string{"detainees/political", "detainees/political/military", "detainees/common",
			"detainees/under restrictions", "presos/políticos"},
		[]string{"VE/Zulia", "VE/Anzoátegui", "VE/Distrito Capital", "VE/Táchira", "CO/Norte de Santander"})
	for _, tc := range []struct {
		pop  bool
		in   string
		want []string
	}{
		{true, "political prisoners", []string{"detainees/political", "detainees/political/military"}},
		{true, "detainees/politcal", []string{"detainees/political"}},
		{true, "detainess", []string{"detainees"}},
		{true, "detainees/military", []string{"detainees/political/military"}},
		{true, "presos/politicos", []string{"presos/políticos"}},
		{true, "under restriction", []string{"detainees/under restrictions"}},
		{true, "journalists", nil},
		{false, "VE/Anzoategui", []string{"VE/Anzoátegui"}},
		{false, "VE/Tachira", []string{"VE/Táchira"}},
		{false, "Zulia", []string{"VE/Zulia"}},
		{false, "VE/Capital", []string{"VE/Distrito Capital"}},
		{false, "CO/Norte Santander", []string{"CO/Norte de Santander"}},
		{false, "VN", []string{"VE"}},
	} {
		var err error
		if tc.pop {
			err = v.CheckPopulation(release.MustPopulation(tc.in))
		} else {
			err = v.CheckRegion(release.MustRegion(tc.in))
		}
		u, ok := errors.AsType[*release.UndeclaredError](err)
		if !assert.True(t, ok, "%q: %v", tc.in, err) {
			continue
		}
		assert.Equal(t, tc.want, u.Suggestions, "%q", tc.in)
	}
}

func TestNewVocabularyRefusesZeroPaths(t *testing.T) {
	_, err := release.NewVocabulary([]release.Population{{}}, []release.Region{{}})
	requireInvalidFields(t, err, "Vocabulary.Populations", "Vocabulary.Regions")
	var v release.Vocabulary
	require.NoError(t, v.CheckPopulation(release.MustPopulation("anything")), "the zero Vocabulary is open")
	requireInvalidFields(t, v.CheckPopulation(release.Population{}), "Population")
	requireInvalidFields(t, v.CheckScope(release.Scope{}), "Scope")
	for _, bad := range []string{"populace detainees", "population ", "region VE//Zulia", "population a\u200bb"} {
		var w release.Vocabulary
		requireInvalidFields(t, w.UnmarshalText([]byte("# header\n\n"+bad+"\n")), "Vocabulary line 3")
	}
	var w release.Vocabulary
	requireInvalidFields(t, w.UnmarshalJSON([]byte(`{"populations":["a//b"]}`)), "Population")
	requireInvalidFields(t, w.UnmarshalJSON([]byte(`[1]`)), "Vocabulary")
}

// bigVocabulary declares n regions, like the municipalities of a few
// countries, and the populations of releasetest.
func bigVocabulary(n int) release.Vocabulary {
	var regs []release.Region
	for i := range n {
		regs = append(regs, release.MustRegion(fmt.Sprintf("C%c/State %d/Municipio %s %d", 'A'+i%26, i%50,
			[]string{"San José", "Libertador", "Sucre", "Bolívar", "Miranda", "Santa Rosa"}[i%6], i)))
	}
	pops, _ := releasetest.PathVocabularies()
	var ps []release.Population
	for _, s := range pops {
		ps = append(ps, release.MustPopulation(s))
	}
	v, err := release.NewVocabulary(ps, regs)
	if err != nil {
		panic(err)
	}
	return v
}

// BenchmarkVocabulary measures building a vocabulary of 10,000 regions and
// checking a declared path (a map lookup) and an undeclared one (the
// bounded suggestion search), beside a baseline that ranks every path of
// the vocabulary by edit distance, which the index avoids: from 100 to
// 10,000 paths the baseline grows a hundredfold, the suggestion search by
// the cap on its candidate lists only.
func BenchmarkVocabulary(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		v := bigVocabulary(n)
		regs := v.Regions()
		declared := regs[len(regs)/2]
		typo := release.MustRegion(strings.Replace(declared.String(), "Municipio", "Municipo", 1))
		b.Run(fmt.Sprintf("New/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := release.NewVocabulary(nil, regs); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Declared/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := v.CheckRegion(declared); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Suggest/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := v.CheckRegion(typo); err == nil {
					b.Fatal("accepted")
				}
			}
		})
		b.Run(fmt.Sprintf("SuggestBaselineScanAll/%d", n), func(b *testing.B) {
			q := hpath.Fold(typo.String())
			for b.Loop() {
				best, bestD := "", 1<<30
				for _, r := range regs {
					if d := levenshtein(q, hpath.Fold(r.String())); d < bestD {
						best, bestD = r.String(), d
					}
				}
				if best == "" {
					b.Fatal("no suggestion")
				}
			}
		})
	}
}

// levenshtein is the plain, unbounded edit distance, for the baseline.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(rb)]
}
