package release_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

func propScopeContainsIsPartialOrder(t *rapid.T) {
	a := releasetest.Scope().Draw(t, "a")
	b := releasetest.Scope().Draw(t, "b")
	c := releasetest.Scope().Draw(t, "c")
	require.True(t, a.Contains(a), "reflexive")
	if a.Contains(b) && b.Contains(a) {
		require.Equal(t, a, b, "antisymmetric")
	}
	if a.Contains(b) && b.Contains(c) {
		require.True(t, a.Contains(c), "transitive: %s ⊇ %s ⊇ %s", a, b, c)
	}
	want := a.Population().Contains(b.Population()) && a.Region().Contains(b.Region()) && a.Period().Contains(b.Period())
	require.Equal(t, want, a.Contains(b), "%s ⊇ %s", a, b)
}

func TestScopeContainsIsPartialOrder(t *testing.T) { rapid.Check(t, propScopeContainsIsPartialOrder) }

// scopeNear draws a scope that differs from s in zero to three dimensions,
// by moving each along the containment order, so that nested scopes are
// drawn often.
func scopeNear(t *rapid.T, s release.Scope, label string) release.Scope {
	if rapid.Bool().Draw(t, label+"Pop") {
		s = s.WithPopulation(releasetest.Population().Draw(t, label+"Population"))
	}
	if rapid.Bool().Draw(t, label+"Reg") {
		s = s.WithRegion(releasetest.Region().Draw(t, label+"Region"))
	}
	if rapid.Bool().Draw(t, label+"Per") {
		s = s.WithPeriod(releasetest.Period().Draw(t, label+"Period"))
	}
	return s
}

func propScopeContainsIsPartialOrderOnNearScopes(t *rapid.T) {
	a := releasetest.Scope().Draw(t, "a")
	b := scopeNear(t, a, "b")
	c := scopeNear(t, b, "c")
	if a.Contains(b) && b.Contains(a) {
		require.Equal(t, a, b, "antisymmetric")
	}
	if a.Contains(b) && b.Contains(c) {
		require.True(t, a.Contains(c), "transitive: %s ⊇ %s ⊇ %s", a, b, c)
	}
}

func TestScopeContainsIsPartialOrderOnNearScopes(t *testing.T) {
	rapid.Check(t, propScopeContainsIsPartialOrderOnNearScopes)
}

func propScopeDisjoint(t *rapid.T) {
	a := releasetest.Scope().Draw(t, "a")
	b := scopeNear(t, a, "b")
	pts := rapid.SliceOfN(releasetest.Partition(), 0, 2).Draw(t, "partitions")
	d := a.Disjoint(b, pts...)
	require.Equal(t, d, b.Disjoint(a, pts...), "symmetric")
	require.Equal(t, !d, a.Overlaps(b, pts...))
	if a.Contains(b) || b.Contains(a) {
		require.False(t, d, "nested scopes %s and %s are never disjoint", a, b)
	}
	// More declared partitions can only show more scopes disjoint.
	if a.Disjoint(b) {
		require.True(t, d)
	}
	// Without partitions: disjoint exactly when periods or regions are.
	want := !a.Period().Overlaps(b.Period()) || a.Region().Disjoint(b.Region())
	require.Equal(t, want, a.Disjoint(b), "%s, %s", a, b)
	// A day, place and population in both scopes is a place where an event
	// could be counted twice: they cannot be disjoint.
	if pop := b.Population(); a.Population().Contains(pop) || pop.Contains(a.Population()) {
		if a.Population().Contains(pop) {
			pop = b.Population()
		} else {
			pop = a.Population()
		}
		reg := b.Region()
		if reg.Contains(a.Region()) {
			reg = a.Region()
		}
		day := releasetest.Date().Draw(t, "day")
		if a.Region().Contains(reg) && b.Region().Contains(reg) && a.Period().ContainsDate(day) && b.Period().ContainsDate(day) {
			require.False(t, d, "%s and %s share %s in %s on %s", a, b, pop, reg, day)
		}
	}
}

func TestScopeDisjointIsSymmetricAndNeverForNestedScopes(t *testing.T) {
	rapid.Check(t, propScopeDisjoint)
}

func propScopeSiblingPopulationsNotDisjointWithoutPartition(t *rapid.T) {
	s := releasetest.Scope().Draw(t, "s")
	p := releasetest.Population().Draw(t, "p")
	q := releasetest.Population().Draw(t, "q")
	a, b := s.WithPopulation(p), s.WithPopulation(q)
	require.False(t, a.Disjoint(b), "populations %s and %s may share people", p, q)
	require.True(t, a.Overlaps(b))
	// Declaring them parts of their common parent separates them.
	if p.Contains(q) || q.Contains(p) {
		return
	}
	parent, ok := p.Parent()
	for ok && !parent.Contains(q) {
		parent, ok = parent.Parent()
	}
	if !ok {
		return // different roots: no partition can hold both
	}
	pt, err := release.NewPartition(parent, p, q)
	require.NoError(t, err)
	require.True(t, a.Disjoint(b, pt), "%s and %s declared parts of %s", p, q, parent)
	require.True(t, a.Disjoint(b, release.Partition{}, pt))
	require.False(t, a.Disjoint(b, release.Partition{}))
}

func TestScopeSiblingPopulationsNotDisjointWithoutPartition(t *testing.T) {
	rapid.Check(t, propScopeSiblingPopulationsNotDisjointWithoutPartition)
}

func TestScopeDisjointOnlyWhenKnown(t *testing.T) {
	jan25 := release.Day(release.MustDate(2026, time.January, 25))
	jan26 := release.Day(release.MustDate(2026, time.January, 26))
	pol, com := release.MustPopulation("detainees/political"), release.MustPopulation("detainees/common")
	ve, zulia, caracas := release.MustRegion("VE"), release.MustRegion("VE/Zulia"), release.MustRegion("VE/Caracas")
	s := release.MustScope(pol, ve, jan25)
	pt, err := release.NewPartition(release.MustPopulation("detainees"), pol, com)
	require.NoError(t, err)

	assert.True(t, s.Disjoint(s.WithPeriod(jan26)), "different days")
	assert.True(t, s.WithRegion(zulia).Disjoint(s.WithRegion(caracas)), "sibling regions")
	assert.False(t, s.Disjoint(s.WithRegion(zulia)), "a state within its country")
	assert.False(t, s.Disjoint(s.WithPopulation(com)), "siblings are not disjoint by default")
	assert.True(t, s.Disjoint(s.WithPopulation(com), pt), "declared partition")
	assert.False(t, s.Disjoint(s.WithPopulation(release.MustPopulation("detainees")), pt), "a part and its parent")
	assert.True(t, s.Disjoint(release.Scope{}), "invalid scopes are disjoint from everything")
	assert.True(t, release.Scope{}.Disjoint(release.Scope{}))
}

func TestZeroScopeContainsNothingAndDoesNotEncode(t *testing.T) {
	var z release.Scope
	s := release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), release.Period{})
	assert.False(t, z.IsValid())
	assert.False(t, z.Contains(z), "the zero Scope contains nothing")
	assert.False(t, s.Contains(z))
	assert.False(t, z.Contains(s))
	assert.Equal(t, "<invalid scope>", z.String())
	_, err := json.Marshal(z)
	require.Error(t, err)
	assert.ErrorIs(t, err, release.ErrInvalid, "through json.MarshalerError")
	_, err = z.MarshalJSON()
	requireInvalidFields(t, err, "Scope")
}

func TestNewScopeNamesMissingFields(t *testing.T) {
	pop, reg := release.MustPopulation("detainees"), release.MustRegion("VE")
	_, err := release.NewScope(release.Population{}, reg, release.Period{})
	fes := requireInvalidFields(t, err, "Scope.Population")
	assert.Len(t, fes, 1)
	_, err = release.NewScope(pop, release.Region{}, release.Period{})
	fes = requireInvalidFields(t, err, "Scope.Region")
	assert.Len(t, fes, 1)
	_, err = release.NewScope(release.Population{}, release.Region{}, release.Period{})
	fes = requireInvalidFields(t, err, "Scope.Population", "Scope.Region")
	assert.Len(t, fes, 2)
	assert.Panics(t, func() { release.MustScope(pop, release.Region{}, release.Period{}) })

	s, err := release.NewScope(pop, reg, release.Since(release.MustDate(2025, time.December, 1)))
	require.NoError(t, err)
	assert.Equal(t, "detainees @ VE 2025-12-01/..", s.String())
}

func propScopeJSONRoundTrip(t *rapid.T) {
	s := releasetest.Scope().Draw(t, "s")
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var u release.Scope
	require.NoError(t, json.Unmarshal(b, &u))
	require.Equal(t, s, u)
	var fields map[string]string
	require.NoError(t, json.Unmarshal(b, &fields))
	require.Equal(t, map[string]string{
		"population": s.Population().String(),
		"region":     s.Region().String(),
		"period":     s.Period().String(),
	}, fields)
}

func TestScopeJSONRoundTrip(t *testing.T) { rapid.Check(t, propScopeJSONRoundTrip) }
func FuzzScopeJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propScopeJSONRoundTrip)) }

func TestScopeUnmarshalJSONRejectsMissingFields(t *testing.T) {
	for _, tc := range []struct {
		in      string
		missing []string
	}{
		{`{}`, []string{"Scope.Population", "Scope.Region", "Scope.Period"}},
		{`{"region":"VE","period":"../.."}`, []string{"Scope.Population"}},
		{`{"population":"detainees","period":"../.."}`, []string{"Scope.Region"}},
		{`{"population":"detainees","region":"VE"}`, []string{"Scope.Period"}},
		{`{"population":null,"region":"VE","period":"../.."}`, []string{"Scope.Population"}},
		{`{"population":"detainees","region":"VE","period":null}`, []string{"Scope.Period"}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			var s release.Scope
			err := json.Unmarshal([]byte(tc.in), &s)
			fes := requireInvalidFields(t, err, tc.missing...)
			assert.Len(t, fes, len(tc.missing))
			assert.Equal(t, release.Scope{}, s, "unchanged")
		})
	}
	// Bad values are refused by the field's own decoder.
	for _, tc := range []struct{ in, field, value string }{
		{`{"population":"","region":"VE","period":"../.."}`, "Scope.Population", `""`},
		{`{"population":"detainees","region":"VE//Zulia","period":"../.."}`, "Scope.Region", `"VE//Zulia"`},
		{`{"population":"detainees","region":"VE","period":"2026-02-01/2026-01-01"}`, "Scope.Period", `"2026-02-01/2026-01-01"`},
	} {
		var s release.Scope
		fes := requireInvalidFields(t, json.Unmarshal([]byte(tc.in), &s), tc.field)
		assert.Equal(t, tc.value, fes[0].Value)
	}
}

// TestUnmarshalJSONMalformedIsAFieldError: input that is not JSON, or has
// a value of the wrong JSON type, is a *FieldError for the type that wraps
// both ErrInvalid and encoding/json's error; a detainee's input is not
// repeated.
func TestUnmarshalJSONMalformedIsAFieldError(t *testing.T) {
	for _, tc := range []struct {
		field string
		value string
		// typed is the field named for a value of the wrong JSON type.
		typed string
		call  func([]byte) error
	}{
		{"Scope", "", "Scope.Population", func(b []byte) error { return new(release.Scope).UnmarshalJSON(b) }},
		{"Event", "", "Event.Detainee", func(b []byte) error { return new(release.Event).UnmarshalJSON(b) }},
		{"Detainee", "<redacted>", "Detainee.ID", func(b []byte) error { return new(release.Detainee).UnmarshalJSON(b) }},
	} {
		// A value of the wrong JSON type is named by its field, in JSON's
		// words, and repeats no value.
		err := tc.call([]byte(`{"population":1,"detainee":2,"id":3}`))
		fes := requireInvalidFields(t, err, tc.typed)
		assert.Empty(t, fes[0].Value)
		assert.Contains(t, err.Error(), "want a JSON string, not a JSON number")
		assert.NotContains(t, err.Error(), "Go ")
		for _, in := range []string{`[]`, `{"name":"Begoña Ibáñez"`, ``} {
			err := tc.call([]byte(in))
			fes := requireInvalidFields(t, err, tc.field)
			want := tc.value
			if want == "" {
				want = quoted(in)
			}
			assert.Equal(t, want, fes[0].Value)
			if tc.field == "Detainee" {
				assert.NotContains(t, err.Error(), "Begoña")
			}
			_, isType := errors.AsType[*json.UnmarshalTypeError](err)
			_, isSyntax := errors.AsType[*json.SyntaxError](err)
			assert.True(t, isType || isSyntax || in == "" || in == `{"name":"Begoña Ibáñez"`, "%s %q: %v", tc.field, in, err)
		}
	}
}
