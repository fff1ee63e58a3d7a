package release_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// interval is the model of a period: day numbers lo..hi counted from
// 0001-01-01, with an open end at minus or plus infinity.
type interval struct{ lo, hi int }

func model(p release.Period) interval {
	iv := interval{math.MinInt, math.MaxInt}
	if p.First().IsValid() {
		iv.lo = p.First().DaysSince(firstDay)
	}
	if p.Last().IsValid() {
		iv.hi = p.Last().DaysSince(firstDay)
	}
	return iv
}

func (a interval) contains(b interval) bool { return a.lo <= b.lo && b.hi <= a.hi }
func (a interval) overlaps(b interval) bool { return max(a.lo, b.lo) <= min(a.hi, b.hi) }

func propPeriodContainsIsPartialOrder(t *rapid.T) {
	a := releasetest.Period().Draw(t, "a")
	b := releasetest.Period().Draw(t, "b")
	c := releasetest.Period().Draw(t, "c")
	require.True(t, a.Contains(a), "reflexive")
	if a.Contains(b) && b.Contains(a) {
		require.Equal(t, a, b, "antisymmetric")
	}
	if a.Contains(b) && b.Contains(c) {
		require.True(t, a.Contains(c), "transitive")
	}
	require.Equal(t, model(a).contains(model(b)), a.Contains(b), "%s ⊇ %s", a, b)
}

func TestPeriodContainsIsPartialOrder(t *testing.T) { rapid.Check(t, propPeriodContainsIsPartialOrder) }

func propPeriodContainsDateMatchesModel(t *rapid.T) {
	p := releasetest.Period().Draw(t, "p")
	d := dateOrZero(t, "d")
	want := d.IsValid() && model(p).contains(interval{d.DaysSince(firstDay), d.DaysSince(firstDay)})
	require.Equal(t, want, p.ContainsDate(d))
	if d.IsValid() {
		require.Equal(t, p.ContainsDate(d), p.Contains(release.Day(d)))
	}
}

func TestPeriodContainsDateMatchesModel(t *testing.T) {
	rapid.Check(t, propPeriodContainsDateMatchesModel)
}

func propPeriodIntersectIsCommonDays(t *rapid.T) {
	a := releasetest.Period().Draw(t, "a")
	b := releasetest.Period().Draw(t, "b")
	r, ok := a.Intersect(b)
	r2, ok2 := b.Intersect(a)
	require.Equal(t, ok, ok2, "commutative")
	require.Equal(t, r, r2, "commutative")
	require.Equal(t, ok, a.Overlaps(b))
	require.Equal(t, ok, b.Overlaps(a))
	require.Equal(t, model(a).overlaps(model(b)), ok)
	if !ok {
		require.Equal(t, release.Period{}, r)
		return
	}
	require.True(t, a.Contains(r) && b.Contains(r), "%s ∩ %s = %s", a, b, r)
	// r has exactly the days of both.
	d := releasetest.Date().Draw(t, "d")
	require.Equal(t, a.ContainsDate(d) && b.ContainsDate(d), r.ContainsDate(d), "day %s", d)
	// r is the largest common sub-period.
	c := releasetest.Period().Draw(t, "c")
	if a.Contains(c) && b.Contains(c) {
		require.True(t, r.Contains(c))
	}
}

func TestPeriodIntersectIsCommonDays(t *testing.T) { rapid.Check(t, propPeriodIntersectIsCommonDays) }

func propPeriodPrecedesImpliesNoOverlap(t *rapid.T) {
	a := releasetest.Period().Draw(t, "a")
	b := releasetest.Period().Draw(t, "b")
	ma, mb := model(a), model(b)
	require.Equal(t, a.Last().IsValid() && b.First().IsValid() && ma.hi < mb.lo, a.Precedes(b))
	if a.Precedes(b) {
		require.False(t, a.Overlaps(b))
		require.False(t, b.Precedes(a))
	}
	// At the edge: sharing the last day is overlapping; starting the day
	// after is preceded.
	if last := a.Last(); last.IsValid() {
		require.False(t, a.Precedes(release.Since(last)))
		require.True(t, a.Overlaps(release.Since(last)))
		if next, ok := last.AddDays(1); ok {
			require.True(t, a.Precedes(release.Since(next)))
			require.True(t, a.Precedes(release.Day(next)))
			require.False(t, a.Overlaps(release.Since(next)))
		}
	}
}

func TestPeriodPrecedesImpliesNoOverlap(t *testing.T) {
	rapid.Check(t, propPeriodPrecedesImpliesNoOverlap)
}

func propPeriodCloseEnd(t *rapid.T) {
	p := releasetest.Period().Draw(t, "p")
	d := dateOrZero(t, "d")
	r, ok := p.CloseEnd(d)
	switch {
	case p.Last().IsValid() || !d.IsValid():
		require.True(t, ok)
		require.Equal(t, p, r, "unchanged")
	case p.First().IsValid() && d.Before(p.First()):
		require.False(t, ok, "statement predates the period")
		require.Equal(t, release.Day(p.First()), r)
	default:
		require.True(t, ok)
		require.Equal(t, p.First(), r.First())
		require.Equal(t, d, r.Last())
		require.True(t, p.Contains(r))
		require.True(t, r.ContainsDate(d))
	}
	// The result is closed and valid whenever d is a day.
	if d.IsValid() {
		require.True(t, r.Last().IsValid())
		_, err := release.NewPeriod(r.First(), r.Last())
		require.NoError(t, err)
	}
}

func TestPeriodCloseEnd(t *testing.T) { rapid.Check(t, propPeriodCloseEnd) }

func TestPeriodCloseEndSinceDecember(t *testing.T) {
	dec := release.Since(release.MustDate(2025, time.December, 1))
	r, ok := dec.CloseEnd(release.MustDate(2026, time.January, 25))
	assert.True(t, ok)
	assert.Equal(t, "2025-12-01/2026-01-25", r.String())
	n, bounded := r.Days()
	assert.True(t, bounded)
	assert.Equal(t, 56, n)
	_, bounded = dec.Days()
	assert.False(t, bounded)
	r, ok = dec.CloseEnd(release.MustDate(2025, time.November, 30))
	assert.False(t, ok)
	assert.Equal(t, release.Day(release.MustDate(2025, time.December, 1)), r)
}

func propPeriodTextRoundTrip(t *rapid.T) {
	p := releasetest.Period().Draw(t, "p")
	s := p.String()
	want := func(d release.Date) string {
		if d.IsValid() {
			return d.String()
		}
		return ".."
	}
	require.Equal(t, want(p.First())+"/"+want(p.Last()), s)
	q, err := release.ParsePeriod(s)
	require.NoError(t, err)
	require.Equal(t, p, q)
	b, err := p.MarshalText()
	require.NoError(t, err)
	var u release.Period
	require.NoError(t, u.UnmarshalText(b))
	require.Equal(t, p, u)
	if p.First().IsValid() && p.First() == p.Last() {
		one, err := release.ParsePeriod(p.First().String())
		require.NoError(t, err)
		require.Equal(t, p, one, "a single day is a one-day period")
	}
}

func TestPeriodTextRoundTrip(t *testing.T) { rapid.Check(t, propPeriodTextRoundTrip) }
func FuzzPeriodTextRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPeriodTextRoundTrip)) }

func propParsePeriodRejectsInvalidText(t *rapid.T) {
	s := releasetest.InvalidPeriodText().Draw(t, "s")
	p, err := release.ParsePeriod(s)
	require.Error(t, err, "ParsePeriod(%q) = %s", s, p)
	fes := requireInvalidFields(t, err, "Period")
	require.Equal(t, quotedTrunc(s), fes[0].Value)
	var u release.Period
	requireInvalidFields(t, u.UnmarshalText([]byte(s)), "Period")
}

func TestParsePeriodRejectsInvalidText(t *testing.T) {
	rapid.Check(t, propParsePeriodRejectsInvalidText)
}

func FuzzParsePeriodRejectsInvalidText(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propParsePeriodRejectsInvalidText))
}

func propNewPeriodRejectsInverted(t *rapid.T) {
	a := dateOrZero(t, "a")
	b := dateOrZero(t, "b")
	p, err := release.NewPeriod(a, b)
	if a.IsValid() && b.IsValid() && a.After(b) {
		fes := requireInvalidFields(t, err, "Period")
		require.Equal(t, quoted(a.String()+"/"+b.String()), fes[0].Value)
		require.Panics(t, func() { release.MustPeriod(a, b) })
		return
	}
	require.NoError(t, err)
	require.Equal(t, a, p.First())
	require.Equal(t, b, p.Last())
	require.Equal(t, a.IsValid() && b.IsValid(), p.IsBounded())
	if n, ok := p.Days(); ok {
		require.Equal(t, b.DaysSince(a)+1, n)
	}
}

func TestNewPeriodRejectsInverted(t *testing.T) { rapid.Check(t, propNewPeriodRejectsInverted) }

func TestPeriodOpenEndsReachEveryDayBeyond(t *testing.T) {
	d := release.MustDate(2026, time.January, 25)
	var ever release.Period
	assert.Equal(t, "../..", ever.String())
	assert.True(t, ever.ContainsDate(firstDay) && ever.ContainsDate(lastDay))
	assert.False(t, ever.ContainsDate(release.Date{}), "no period contains the zero Date")
	assert.Equal(t, "2026-01-25/..", release.Since(d).String())
	assert.Equal(t, "../2026-01-25", release.Until(d).String())
	assert.Equal(t, "2026-01-25/2026-01-25", release.Day(d).String())
	assert.Equal(t, ever, release.Day(release.Date{}))
	assert.True(t, ever.Contains(release.Since(d)) && ever.Contains(release.Until(d)))
	assert.False(t, release.Since(d).Contains(ever))
	assert.False(t, release.Until(d).Overlaps(release.Since(lastDay)))
	assert.True(t, release.Until(d).Overlaps(release.Since(d)))
	assert.True(t, release.Until(firstDay).Precedes(release.Since(lastDay)))
}

func propPeriodCompareIsTotalOrder(t *rapid.T) {
	ps := rapid.SliceOfN(releasetest.Period(), 2, 8).Draw(t, "ps")
	a, b := ps[0], ps[1]
	require.Equal(t, a == b, a.Compare(b) == 0)
	require.Equal(t, -a.Compare(b), b.Compare(a))
	slices.SortFunc(ps, release.Period.Compare)
	for i := 1; i < len(ps); i++ {
		x, y := ps[i-1], ps[i]
		require.LessOrEqual(t, x.Compare(y), 0)
		// Open start first; then by first day; then open end last.
		mx, my := model(x), model(y)
		require.True(t, mx.lo < my.lo || (mx.lo == my.lo && mx.hi <= my.hi), "%s before %s", x, y)
	}
}

func TestPeriodCompareIsTotalOrder(t *testing.T) { rapid.Check(t, propPeriodCompareIsTotalOrder) }
