package reconcile_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Hand-built cases of the fold as DESIGN revised it (steps 1–8), one for
// each way the first release went wrong on a real run of reports.

// onDay is a statement known to the day only.
func onDay(c source.Claim, d int) source.Claim {
	c.Stated, c.DayOnly = source.StatedOn(jan(d)), true
	return c
}

func with(c source.Claim, f func(*source.Claim)) source.Claim {
	f(&c)
	return c
}

func index(t *testing.T, e reconcile.Evidence, p reconcile.Policy) *reconcile.Index {
	t.Helper()
	ix, err := reconcile.NewIndex(e, p)
	require.NoError(t, err)
	return ix
}

// Step 6: a preliminary count that "could increase" is a lower bound, never
// printed as High; "more than 2,000" states 2,001 as its least count and
// keeps its qualifier as Best.
func TestOpenStatementNeverSetsHigh(t *testing.T) {
	sc := scope(political, ve, day(25))
	prelim := with(say("fp-104", ngoID, at(25, 20), sc, "104"), func(c *source.Claim) {
		c.Status, c.Basis = source.Preliminary, source.Announcement
	})
	f := read(t, build(t, standardSources(), []source.Claim{prelim}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 104, f.Low)
	assert.Equal(t, 104, f.High)
	assert.True(t, f.HighOpen, "a count that may rise bounds nothing above: %s", f)
	assert.True(t, f.BestOpen)

	more := say("gov", govID, at(25, 20), sc, "more than 2000")
	f = read(t, build(t, standardSources(), []source.Claim{more}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, [3]int{2001, 2001, 2001}, [3]int{f.Low, f.Best, f.High})
	assert.True(t, f.HighOpen)
	assert.True(t, f.BestOpen, "Best keeps the qualifier: more than 2,000, not 2,001")

	// A wider scope caps it: High is that cap, closed, from the wider claim.
	wide := say("gov-300", govID, at(25, 21), scope(detainees, ve, day(25)), "300")
	f = read(t, build(t, standardSources(), []source.Claim{prelim, wide}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 300, f.High)
	assert.False(t, f.HighOpen)
	assert.Equal(t, ids("gov-300"), f.HighFrom)

	// A closed statement above the open one sets High as before.
	closed := say("gov-225", govID, at(25, 21), sc, "225")
	f = read(t, build(t, standardSources(), []source.Claim{prelim, closed}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, [3]int{104, 225, 225}, [3]int{f.Low, f.Best, f.High})
	assert.False(t, f.HighOpen)
}

// Step 6 and invariant 12: a stale relay (an NGO's older, lower count
// printed after it published a newer one) counts for nothing, and Low never
// falls below the floor that disjoint parts prove.
func TestStaleRelayNeitherCountsNorPullsLowBelowTheFloor(t *testing.T) {
	week := scope(political, ve, release.MustPeriod(jan(20), jan(26)))
	parts := []source.Claim{
		say("d20", ngoID, at(20, 20), scope(political, ve, day(20)), "60"),
		say("d25", ngoID, at(25, 20), scope(political, ve, day(25)), "104"),
	}
	newer := say("ngo-week", ngoID, at(26, 12), week, "170")
	stale := with(say("afp-old", ngoID, at(24, 12), week, "50"), func(c *source.Claim) { c.Via = []source.SourceID{afpID} })
	e := build(t, standardSources(), append(parts, newer, stale))
	f := read(t, e, reconcile.DefaultPolicy(), source.Releases, week)
	assert.Equal(t, ids("afp-old"), f.Superseded, f.Describe())
	assert.Equal(t, 164, f.Floor)
	assert.Equal(t, 170, f.Low)

	// A government's 100 for the week, below the proven 164: Low stays 164.
	gov := say("gov-week", govID, at(26, 13), week, "100")
	f = read(t, build(t, standardSources(), append(parts, gov)), reconcile.DefaultPolicy(), source.Releases, week)
	assert.Equal(t, 164, f.Low)
	assert.GreaterOrEqual(t, f.Low, f.Floor)
}

// Step 1: two statements of one source on one day without a time are one
// statement of the range they span, never a conflict; a supersession that
// names a later statement is refused, typed; a named supersession decides
// what a clock cannot.
func TestSameDayStatementsOfOneSourceAreARevisionNotAConflict(t *testing.T) {
	sc := scope(political, ve, day(25))
	a := onDay(say("ngo-80", ngoID, at(25, 0), sc, "80"), 25)
	b := onDay(say("ngo-104", ngoID, at(25, 0), sc, "104"), 25)
	e := build(t, standardSources(), []source.Claim{a, b})
	ix := index(t, e, reconcile.DefaultPolicy())
	f, err := ix.Figure(source.Releases, sc)
	require.NoError(t, err)
	assert.Empty(t, f.Disputed, "a source never disputes itself")
	assert.Equal(t, ids("ngo-104", "ngo-80"), f.Claims)
	assert.Equal(t, [2]int{80, 104}, [2]int{f.Low, f.High})
	ds, err := ix.Discrepancies(source.Releases, sc)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, reconcile.Revision, ds[0].Cause)
	assert.False(t, ds[0].Conflict)

	// Named, the order is known: 104 replaces 80, whatever the clocks.
	b.Supersedes = a.ID
	f = read(t, build(t, standardSources(), []source.Claim{a, b}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, ids("ngo-104"), f.Claims)
	assert.Equal(t, ids("ngo-80"), f.Superseded)

	// An earlier statement naming a later one is bad input.
	sc24 := scope(political, ve, day(24))
	early := say("ngo-early", ngoID, at(24, 9), sc24, "10")
	early.Supersedes = source.MustClaimID("ngo-late")
	late := say("ngo-late", ngoID, at(25, 9), sc24, "20")
	var ev reconcile.Evidence
	ev, err = ev.AddSources(standardSources()...)
	require.NoError(t, err)
	_, err = ev.AddClaims(early, late)
	require.ErrorIs(t, err, reconcile.ErrChain)
	fe, ok := errors.AsType[*reconcile.FieldError](err)
	require.True(t, ok)
	assert.Equal(t, "Claim.Supersedes", fe.Field())
}

// Step 1: a relay folds into its origin's statement of the same figure
// whenever either was made, never outranks a direct statement, and an
// explicit supersession carried by a relay holds.
func TestRelaysFoldByFigureAndNeverOutrankTheOrigin(t *testing.T) {
	sc := scope(political, ve, day(25))
	direct := onDay(say("fp-80", ngoID, at(25, 0), sc, "80"), 25)
	relayed := with(onDay(say("afp-104", ngoID, at(25, 0), sc, "104"), 25), func(c *source.Claim) {
		c.Via = []source.SourceID{afpID}
		c.Supersedes = direct.ID
	})
	f := read(t, build(t, standardSources(), []source.Claim{direct, relayed}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, ids("afp-104"), f.Claims, f.Describe())
	assert.Equal(t, ids("fp-80"), f.Superseded)

	// A relay of the same figure, a day later, folds into the direct word.
	late := with(say("efe-80", ngoID, at(26, 9), sc, "80"), func(c *source.Claim) { c.Via = []source.SourceID{afpID} })
	f = read(t, build(t, standardSources(), []source.Claim{direct, late}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, ids("fp-80"), f.Claims)
	assert.Equal(t, ids("efe-80"), f.Relayed)

	// A relay of another figure, later than the direct word: set aside.
	other := with(say("efe-90", ngoID, at(26, 9), sc, "90"), func(c *source.Claim) { c.Via = []source.SourceID{afpID} })
	f = read(t, build(t, standardSources(), []source.Claim{direct, other}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, ids("fp-80"), f.Claims)
	assert.Equal(t, ids("efe-90"), f.Superseded)
}

// Step 7: a part larger than its whole is a true conflict whichever
// dimension nests (a revision within one source), and scopes that overlap
// without nesting are compared.
func TestPartLargerThanWholeIsAConflictInEveryDimension(t *testing.T) {
	threeDays := scope(political, ve, release.MustPeriod(jan(24), jan(26)))
	headline := say("gov-day", govID, at(25, 20), scope(political, ve, day(25)), "120")
	list := say("ngo-list", ngoID, at(27, 9), threeDays, "104")
	ix := index(t, build(t, standardSources(), []source.Claim{headline, list}), reconcile.DefaultPolicy())
	ds, err := ix.Discrepancies(source.Releases, threeDays)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, reconcile.TrueConflict, ds[0].Cause, "a day's 120 inside a three-day 104 is not a period difference")
	assert.True(t, ds[0].Conflict)
	assert.Equal(t, 16, ds[0].Gap)
	rv := ix.Review()
	require.Len(t, rv.Material, 1)
	assert.True(t, rv.Material[0].Conflict)

	// The same NGO's own later list: a revision, not a conflict with itself.
	own := with(headline, func(c *source.Claim) { c.ID, c.Source = source.MustClaimID("ngo-day"), ngoID })
	ix = index(t, build(t, standardSources(), []source.Claim{own, list}), reconcile.DefaultPolicy())
	ds, err = ix.Discrepancies(source.Releases, threeDays)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, reconcile.Revision, ds[0].Cause)
	assert.False(t, ds[0].Conflict)

	// By population: 700 political prisoners against 626 detainees.
	pol := say("ngo-pol", ngoID, at(25, 20), scope(political, ve, day(25)), "700")
	all := say("gov-all", govID, at(25, 20), scope(detainees, ve, day(25)), "626")
	ix = index(t, build(t, standardSources(), []source.Claim{pol, all}), reconcile.DefaultPolicy())
	ds, err = ix.Discrepancies(source.Releases, scope(detainees, ve, day(25)))
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, reconcile.TrueConflict, ds[0].Cause)

	// Overlapping, not nested: to 20 February and to 22 February from
	// different start days.
	a := say("ngo-a", ngoID, at(30, 9), scope(political, ve, release.MustPeriod(jan(1), jan(20))), "300")
	b := say("gov-b", govID, at(30, 9), scope(political, ve, release.MustPeriod(jan(3), jan(22))), "500")
	ix = index(t, build(t, standardSources(), []source.Claim{a, b}), reconcile.DefaultPolicy())
	ds, err = ix.Discrepancies(source.Releases, a.Scope)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, reconcile.DifferentPeriod, ds[0].Cause)
	assert.False(t, ds[0].Nested)
	assert.Equal(t, 200, ds[0].Gap)
	rv = ix.Review()
	require.Len(t, rv.Material, 1, "two headline counts 200 apart over overlapping periods")
}

// Step 4: stocks of two registers are never differenced, and an open
// register's fall is a net change, not a release floor; a register that
// rose while it counted releases implies cases added, and no claim is
// flagged for it.
func TestStocksOfOpenRegistersAreNetChanges(t *testing.T) {
	held := func(id string, s source.SourceID, d int, q string) source.Claim {
		c := say(id, s, at(d, 20), scope(political, ve, day(d)), q)
		c.Measure = source.Held
		return c
	}
	between := scope(political, ve, release.MustPeriod(jan(2), jan(6)))
	two := build(t, standardSources(), []source.Claim{held("ngo-800", ngoID, 1, "800"), held("gov-700", govID, 6, "700")})
	f := read(t, two, reconcile.DefaultPolicy(), source.Releases, between)
	assert.Zero(t, f.Floor, "stocks of different registers never bound releases")
	closedBoth := reconcile.DefaultPolicy()
	closedBoth.ClosedRegisters = []source.SourceID{ngoID, govID}
	f = read(t, two, closedBoth, source.Releases, between)
	assert.Zero(t, f.Floor, "not even when both are closed")

	one := build(t, standardSources(), []source.Claim{
		held("ngo-800", ngoID, 1, "800"), held("ngo-820", ngoID, 6, "820"),
		say("ngo-rel", ngoID, at(6, 21), between, "50"),
	})
	ix := index(t, one, reconcile.DefaultPolicy())
	f, err := ix.Figure(source.Detentions, between)
	require.NoError(t, err)
	assert.Zero(t, f.Floor, "an open register's rise bounds no detentions")
	nc := ix.NetChanges()
	require.Len(t, nc, 1)
	assert.Equal(t, ngoID, nc[0].Source)
	assert.Equal(t, [2]int{20, 20}, [2]int{nc[0].ChangeLow, nc[0].ChangeHigh})
	assert.True(t, nc[0].HasReleases)
	assert.Equal(t, [2]int{70, 70}, [2]int{nc[0].AddedLow, nc[0].AddedHigh}, "50 released yet 20 more held: 70 added")
	rel, err := ix.Figure(source.Releases, between)
	require.NoError(t, err)
	assert.Empty(t, rel.Disputed)
}

// Step 3: a source that verified N releases by name and withholds the
// names verifies a count; counts of different sources are not added; the
// unverified rest of an unnamed government figure is what no count covers.
func TestCountOnlyVerification(t *testing.T) {
	sc := scope(political, ve, day(25))
	gov := say("gov-135", govID, at(25, 20), sc, "135")
	count := func(s source.SourceID, n int) reconcile.Verification {
		return reconcile.Verification{Count: n, Scope: sc, Source: s, Stated: at(26, 9)}
	}
	f := read(t, build(t, standardSources(), []source.Claim{gov}, count(ngoID, 132), count(afpID, 100)),
		reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 132, f.Verified)
	assert.Equal(t, "[3, 3]", f.Unverified.String())

	// A claim in force counted from a named list is such a count, even
	// preliminary "so far"; the policy may say otherwise.
	list := with(say("ngo-104", ngoID, at(25, 21), sc, "104"), func(c *source.Claim) {
		c.Status, c.Basis = source.Preliminary, source.NamedList
	})
	e := build(t, standardSources(), []source.Claim{gov, list})
	f = read(t, e, reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 104, f.Verified)
	p := reconcile.DefaultPolicy()
	p.CountNamedLists = false
	f = read(t, e, p, source.Releases, sc)
	assert.Zero(t, f.Verified)

	// Invalid: both a detainee and a count; a verification stated before
	// its period began.
	bad := count(ngoID, 3)
	bad.Detainee = release.MustDetaineeID("FP-1")
	assert.ErrorIs(t, bad.Validate(), reconcile.ErrInvalid)
	early := count(ngoID, 3)
	early.Stated = at(24, 9)
	assert.ErrorIs(t, early.Validate(), reconcile.ErrInvalid)
}

// Step 1: a relative claim ("about half as many", said a day later) takes
// its referent's period, or its whole scope when it states none, and so is
// compared with it.
func TestRelativeClaimTakesItsReferentsScope(t *testing.T) {
	since := scope(detainees, ve, release.Since(release.MustDate(2025, time.December, 1)))
	gov := say("gov-626", govID, at(25, 20), since, "626")
	half := source.Claim{ID: source.MustClaimID("ngo-half"), Source: ngoID, Stated: at(26, 10), Measure: source.Releases,
		Scope:    scope(political, ve, release.Since(release.MustDate(2025, time.December, 1))),
		Relative: source.Relative{To: gov.ID, Ratio: source.Canonical(mustDecimal("0.5")), Kind: source.About},
		Status:   source.Verified, Basis: source.Announcement}
	same := half
	same.ID, same.Scope = source.MustClaimID("ngo-same"), release.Scope{}
	ix := index(t, build(t, standardSources(), []source.Claim{gov, half, same}), reconcile.DefaultPolicy())
	closed := scope(political, ve, release.MustPeriod(release.MustDate(2025, time.December, 1), jan(25)))
	r, ok := ix.Reading(half.ID)
	require.True(t, ok)
	assert.Equal(t, closed, r.Scope, "closed where the referent's period ends, not a day later")
	r, _ = ix.Reading(same.ID)
	assert.Equal(t, gov.ResolvedScope(), r.Scope)
	ds, err := ix.Discrepancies(source.Releases, gov.ResolvedScope())
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(ds, func(d reconcile.Discrepancy) bool { return d.B.Claim == half.ID }), "compared with its referent")
}

// Step 7: the review lists what matters and counts what its cause
// explains; the seed story has nothing material.
func TestReviewCountsWhatItsCauseExplains(t *testing.T) {
	since := release.Since(release.MustDate(2025, time.December, 1))
	claims := []source.Claim{
		say("gov-626", govID, at(25, 20), scope(detainees, ve, since), "626"),
		say("ngo-313", ngoID, at(25, 20), scope(political, ve, since), "about 313"),
		say("ngo-80", ngoID, at(25, 9), scope(political, ve, day(25)), "80"),
		say("ngo-104", ngoID, at(25, 20), scope(political, ve, day(25)), "at least 104"),
	}
	rv := index(t, build(t, standardSources(), claims), reconcile.DefaultPolicy()).Review()
	assert.Empty(t, rv.Material)
	var causes []reconcile.Cause
	for _, c := range rv.Explained {
		causes = append(causes, c.Cause)
		assert.Positive(t, c.Pairs)
	}
	assert.Equal(t, []reconcile.Cause{reconcile.Supersession, reconcile.DifferentPopulation, reconcile.DifferentPeriod}, causes)
}

func mustDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Step 2: a report that releases happened, with no figure yet ("some were
// freed"), is [1, ∞): it lifts a floor to 1 and never sets Best; and
// number words count as numbers.
func TestSomeWithoutAFigureNeverSetsBest(t *testing.T) {
	sc := scope(political, ve, day(25))
	some := say("ngo-some", ngoID, at(25, 9), sc, "some")
	f := read(t, build(t, standardSources(), []source.Claim{some}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, [3]int{1, 1, 1}, [3]int{f.Low, f.Best, f.High})
	assert.True(t, f.HighOpen)
	assert.True(t, f.BestOpen)
	assert.Empty(t, f.BestFrom)

	words := say("gov-words", govID, at(25, 20), sc, "un centenar")
	f = read(t, build(t, standardSources(), []source.Claim{some, words}), reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, ids("gov-words"), f.BestFrom)
	assert.Equal(t, 100, f.Best)
	assert.Equal(t, 100, f.Low, "the lowest figure stated (about a hundred), not the 1 of 'some'")

	// A week whose days each had "some" releases: at least one a day.
	week := scope(political, ve, release.MustPeriod(jan(20), jan(22)))
	var days []source.Claim
	for d := 20; d <= 22; d++ {
		days = append(days, say("some-"+strconv.Itoa(d), ngoID, at(d, 20), scope(political, ve, day(d)), "algunos"))
	}
	f = read(t, build(t, standardSources(), days), reconcile.DefaultPolicy(), source.Releases, week)
	assert.Equal(t, 3, f.Floor)
}

// Step 8: paths are canonical — "Detainees" and "detainees", "VE" and "ve"
// are one scope — and a declared vocabulary refuses a path it does not
// hold, suggesting the nearest.
func TestPathsAreCanonicalAndAVocabularyRefusesOthers(t *testing.T) {
	a := say("gov-a", govID, at(25, 20), scope(release.MustPopulation("Detainees/Political"), release.MustRegion("ve"), day(25)), "100")
	b := say("ngo-b", ngoID, at(25, 20), scope(political, ve, day(25)), "90")
	require.Equal(t, a.Scope, b.Scope)
	e := build(t, standardSources(), []source.Claim{a, b})
	f := read(t, e, reconcile.DefaultPolicy(), source.Releases, b.Scope)
	assert.Equal(t, ids("gov-a", "ngo-b"), f.Claims)

	typed := say("press-c", govID, at(25, 21), scope(release.MustPopulation("political prisoners"), ve, day(25)), "120")
	p := reconcile.DefaultPolicy()
	p.Vocabulary = release.MustVocabulary([]string{"detainees/political", "detainees/common"}, []string{"VE/Zulia"})
	_, err := reconcile.NewIndex(build(t, standardSources(), []source.Claim{a, b, typed}), p)
	require.ErrorIs(t, err, reconcile.ErrInvalid)
	assert.Contains(t, err.Error(), `"press-c"`)
	assert.Contains(t, err.Error(), `did you mean "detainees/political"`)
	_, err = reconcile.NewIndex(e, p)
	require.NoError(t, err)
}
