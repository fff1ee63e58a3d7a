package release_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// pathContains is the model of containment of paths: equal, or a prefix
// ending at a segment boundary.
func pathContains(p, q string) bool { return p == q || strings.HasPrefix(q, p+"/") }

func propPopulationContainsIsPartialOrder(t *rapid.T) {
	a := releasetest.Population().Draw(t, "a")
	b := releasetest.Population().Draw(t, "b")
	c := releasetest.Population().Draw(t, "c")
	require.True(t, a.Contains(a), "reflexive")
	if a.Contains(b) && b.Contains(a) {
		require.Equal(t, a, b, "antisymmetric")
	}
	if a.Contains(b) && b.Contains(c) {
		require.True(t, a.Contains(c), "transitive")
	}
	require.Equal(t, pathContains(a.String(), b.String()), a.Contains(b), "%s ⊇ %s", a, b)
	if a.Contains(b) {
		require.LessOrEqual(t, a.Compare(b), 0, "ancestors sort first")
	}
}

func TestPopulationContainsIsPartialOrder(t *testing.T) {
	rapid.Check(t, propPopulationContainsIsPartialOrder)
}

func propRegionContainsIsPartialOrder(t *rapid.T) {
	a := releasetest.Region().Draw(t, "a")
	b := releasetest.Region().Draw(t, "b")
	c := releasetest.Region().Draw(t, "c")
	require.True(t, a.Contains(a), "reflexive")
	if a.Contains(b) && b.Contains(a) {
		require.Equal(t, a, b, "antisymmetric")
	}
	if a.Contains(b) && b.Contains(c) {
		require.True(t, a.Contains(c), "transitive")
	}
	require.Equal(t, pathContains(a.String(), b.String()), a.Contains(b), "%s ⊇ %s", a, b)
	// Two regions are nested or disjoint, never both.
	require.Equal(t, !a.Contains(b) && !b.Contains(a), a.Disjoint(b))
	require.Equal(t, a.Disjoint(b), b.Disjoint(a), "symmetric")
	if a.Contains(b) {
		require.LessOrEqual(t, a.Compare(b), 0, "enclosing regions sort first")
	}
}

func TestRegionContainsIsPartialOrder(t *testing.T) { rapid.Check(t, propRegionContainsIsPartialOrder) }

func TestRegionDisjointOfSiblings(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		disjoint bool
	}{
		{"VE/Zulia", "VE/Caracas", true},
		{"VE/Caracas/Libertador", "VE/Caracas/Sucre", true},
		{"VE/Caracas/Libertador", "VE/Zulia", true},
		{"VE", "CO", true},
		{"VE/Cara", "VE/Caracas", true}, // a prefix of the text is not a parent
		{"VE", "VE/Zulia", false},
		{"VE/Caracas", "VE/Caracas/Libertador", false},
		{"VE/Anzoátegui", "VE/Anzoátegui", false},
	} {
		a, b := release.MustRegion(tc.a), release.MustRegion(tc.b)
		assert.Equal(t, tc.disjoint, a.Disjoint(b), "%s, %s", a, b)
		assert.Equal(t, tc.disjoint, b.Disjoint(a), "%s, %s", b, a)
	}
}

func TestPathsAreNormalisedToNFC(t *testing.T) {
	const composed, decomposed = "VE/Anzoátegui", "VE/Anzoa\u0301tegui"
	require.NotEqual(t, composed, decomposed)
	r1, err := release.ParseRegion(decomposed)
	require.NoError(t, err)
	r2 := release.MustRegion(composed)
	assert.Equal(t, r2, r1)
	assert.Equal(t, composed, r1.String())
	assert.True(t, release.MustRegion("VE").Contains(r1))
	var u release.Region
	require.NoError(t, u.UnmarshalText([]byte(decomposed)))
	assert.Equal(t, r2, u)
	child, err := release.MustRegion("VE").Child("Anzoa\u0301tegui")
	require.NoError(t, err)
	assert.Equal(t, r2, child)

	p1 := release.MustPopulation("presos/poli\u0301ticos")
	assert.Equal(t, release.MustPopulation("presos/políticos"), p1)
	assert.Equal(t, "presos/políticos", p1.String())
}

func propPathTextRoundTrip(t *rapid.T) {
	p := releasetest.Population().Draw(t, "p")
	q, err := release.ParsePopulation(p.String())
	require.NoError(t, err)
	require.Equal(t, p, q)
	b, err := p.MarshalText()
	require.NoError(t, err)
	var u release.Population
	require.NoError(t, u.UnmarshalText(b))
	require.Equal(t, p, u)

	r := releasetest.Region().Draw(t, "r")
	s, err := release.ParseRegion(r.String())
	require.NoError(t, err)
	require.Equal(t, r, s)
	b, err = r.MarshalText()
	require.NoError(t, err)
	var v release.Region
	require.NoError(t, v.UnmarshalText(b))
	require.Equal(t, r, v)
}

func TestPathTextRoundTrip(t *testing.T) { rapid.Check(t, propPathTextRoundTrip) }
func FuzzPathTextRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPathTextRoundTrip)) }

func propParsePathRejectsInvalidText(t *rapid.T) {
	s := releasetest.InvalidPathText().Draw(t, "s")
	p, err := release.ParsePopulation(s)
	require.False(t, p.IsValid(), "ParsePopulation(%q) = %s", s, p)
	fes := requireInvalidFields(t, err, "Population")
	require.Equal(t, quotedTrunc(s), fes[0].Value)
	r, err := release.ParseRegion(s)
	require.False(t, r.IsValid(), "ParseRegion(%q) = %s", s, r)
	requireInvalidFields(t, err, "Region")
	var u release.Region
	requireInvalidFields(t, u.UnmarshalText([]byte(s)), "Region")
	var v release.Population
	requireInvalidFields(t, v.UnmarshalText([]byte(s)), "Population")
}

func TestParsePathRejectsInvalidText(t *testing.T) { rapid.Check(t, propParsePathRejectsInvalidText) }
func FuzzParsePathRejectsInvalidText(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propParsePathRejectsInvalidText))
}

func TestPathChildInvertsParent(t *testing.T) {
	ve := release.MustRegion("VE")
	zulia, err := ve.Child("Zulia")
	require.NoError(t, err)
	assert.Equal(t, release.MustRegion("VE/Zulia"), zulia)
	parent, ok := zulia.Parent()
	assert.True(t, ok)
	assert.Equal(t, ve, parent)
	_, ok = ve.Parent()
	assert.False(t, ok, "a root has no parent")
	for _, bad := range []string{"", "a/b", " Zulia", "Zu\x00lia", "\xff"} {
		_, err := ve.Child(bad)
		requireInvalidFields(t, err, "Region")
	}

	pol := release.MustPopulation("detainees/political")
	mil, err := pol.Child("military")
	require.NoError(t, err)
	assert.Equal(t, release.Military.Population(), mil)
	up, ok := mil.Parent()
	assert.True(t, ok)
	assert.Equal(t, pol, up)
	_, err = pol.Child("a/b")
	requireInvalidFields(t, err, "Population")
}

func TestZeroPathsAreInvalid(t *testing.T) {
	var p release.Population
	var r release.Region
	assert.False(t, p.IsValid())
	assert.False(t, r.IsValid())
	assert.False(t, p.Contains(p), "the zero Population contains nothing")
	assert.False(t, release.MustPopulation("detainees").Contains(p))
	assert.False(t, r.Contains(release.MustRegion("VE")))
	_, err := p.MarshalText()
	requireInvalidFields(t, err, "Population")
	_, err = r.MarshalText()
	requireInvalidFields(t, err, "Region")
}

func propPartitionSeparatesOnlyDifferentDeclaredParts(t *rapid.T) {
	pt := releasetest.Partition().Draw(t, "partition")
	p := releasetest.Population().Draw(t, "p")
	q := releasetest.Population().Draw(t, "q")
	parts := pt.Parts()
	in := func(x release.Population) int {
		at := -1
		for i, part := range parts {
			if part.Contains(x) {
				require.Equal(t, -1, at, "parts %v overlap at %s", parts, x)
				at = i
			}
		}
		return at
	}
	i, j := in(p), in(q)
	want := i >= 0 && j >= 0 && i != j
	require.Equal(t, want, pt.Separates(p, q), "%v separates %s and %s", parts, p, q)
	require.Equal(t, pt.Separates(p, q), pt.Separates(q, p), "symmetric")
	if pt.Separates(p, q) {
		require.False(t, p.Contains(q) || q.Contains(p), "nested populations are never separated")
	}
	require.False(t, pt.Separates(p, p))
	for _, part := range parts {
		require.True(t, pt.Parent().Contains(part) && part != pt.Parent())
	}
}

func TestPartitionSeparatesOnlyDifferentDeclaredParts(t *testing.T) {
	rapid.Check(t, propPartitionSeparatesOnlyDifferentDeclaredParts)
}

func TestZeroPartitionSeparatesNothing(t *testing.T) {
	var pt release.Partition
	assert.False(t, pt.Separates(release.MustPopulation("a"), release.MustPopulation("b")))
	assert.Empty(t, pt.Parts())
}

func TestNewPartitionErrors(t *testing.T) {
	pop := release.MustPopulation
	det, pol := pop("detainees"), pop("detainees/political")
	for _, tc := range []struct {
		name   string
		parent release.Population
		parts  []release.Population
		field  string
		value  string
	}{
		{"zero parent", release.Population{}, []release.Population{pol, pop("detainees/common")}, "Partition.Parent", `""`},
		{"no parts", det, nil, "Partition.Parts", `"detainees"`},
		{"one part", det, []release.Population{pol}, "Partition.Parts", `"detainees"`},
		{"part is the parent", det, []release.Population{det, pol}, "Partition.Parts", `"detainees"`},
		{"part outside parent", pol, []release.Population{pop("detainees/political/minor"), pop("detainees/common")}, "Partition.Parts", `"detainees/common"`},
		{"part beside parent", pop("a/b"), []release.Population{pop("a/b/c"), pop("a/bc/d")}, "Partition.Parts", `"a/bc/d"`},
		{"zero part", det, []release.Population{pol, {}}, "Partition.Parts", `""`},
		{"nested parts", det, []release.Population{pol, pop("detainees/political/military")}, "Partition.Parts", `"detainees/political/military"`},
		{"duplicate parts", det, []release.Population{pol, pol}, "Partition.Parts", `"detainees/political"`},
		// "a/b" and "a/b/x" are nested, with "a/b c" sorting between them.
		{"nested parts not adjacent in order", pop("a"), []release.Population{pop("a/b/x"), pop("a/b c"), pop("a/b")}, "Partition.Parts", `"a/b/x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pt, err := release.NewPartition(tc.parent, tc.parts...)
			fes := requireInvalidFields(t, err, tc.field)
			assert.Equal(t, tc.value, fes[0].Value)
			assert.Empty(t, pt.Parts())
		})
	}
}

func TestPartitionCopiesItsParts(t *testing.T) {
	pol, com := release.MustPopulation("detainees/political"), release.MustPopulation("detainees/common")
	in := []release.Population{com, pol}
	pt, err := release.NewPartition(release.MustPopulation("detainees"), in...)
	require.NoError(t, err)
	in[0] = release.MustPopulation("detainees/other")
	out := pt.Parts()
	assert.Equal(t, []release.Population{com, pol}, out, "sorted, and not changed through the argument")
	out[0] = release.Population{}
	assert.Equal(t, []release.Population{com, pol}, pt.Parts(), "not changed through the result")
	assert.True(t, pt.Separates(pol, com))
	assert.True(t, pt.Separates(release.Military.Population(), com))
	assert.False(t, pt.Separates(release.MustPopulation("detainees"), com), "the parent is in no part")
}
