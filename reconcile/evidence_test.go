package reconcile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Hand-built cases whose answers are read off DESIGN.md, not off the code,
// then invariants 10 (round-trip) and 11 (bad input).

var (
	vet = time.FixedZone("VET", -4*60*60)

	ngoID = source.MustSourceID("foro-penal")
	govID = source.MustSourceID("ve-gov")
	afpID = source.MustSourceID("afp")

	detainees = release.MustPopulation("detainees")
	political = release.MustPopulation("detainees/political")
	common    = release.MustPopulation("detainees/common")
	ve        = release.MustRegion("VE")
	zulia     = release.MustRegion("VE/Zulia")
	caracas   = release.MustRegion("VE/Caracas")
)

func jan(d int) release.Date { return release.MustDate(2026, time.January, d) }

// at is hour h of the given day of January 2026, in Caracas.
func at(day, h int) time.Time { return jan(day).Start(vet).Add(time.Duration(h) * time.Hour) }

func scope(pop release.Population, reg release.Region, per release.Period) release.Scope {
	return release.MustScope(pop, reg, per)
}

func day(d int) release.Period { return release.Day(jan(d)) }

func src(id source.SourceID, kind source.Kind, confidence string) source.Source {
	return source.Source{ID: id, Name: id.String(), Kind: kind, Method: source.Announces,
		Confidence: decimal.RequireFromString(confidence)}
}

// standardSources are an NGO trusted at 0.9, a government at 0.7 and a news
// agency at 0.8, each its own independence group.
func standardSources() []source.Source {
	return []source.Source{src(ngoID, source.NGO, "0.9"), src(govID, source.Government, "0.7"), src(afpID, source.Media, "0.8")}
}

// say is a final announcement of q by s, stated at t, about releases in sc.
func say(id string, s source.SourceID, t time.Time, sc release.Scope, q string) source.Claim {
	return source.Claim{ID: source.MustClaimID(id), Source: s, Stated: t, Measure: source.Releases, Scope: sc,
		Quantity: source.MustQuantity(q), Status: source.Final, Basis: source.Announcement}
}

func ids(ss ...string) []source.ClaimID {
	out := make([]source.ClaimID, len(ss))
	for i, s := range ss {
		out[i] = source.MustClaimID(s)
	}
	return out
}

func people(prefix string, n int) []release.DetaineeID {
	out := make([]release.DetaineeID, n)
	for i := range out {
		out[i] = release.MustDetaineeID(fmt.Sprintf("%s-%03d", prefix, i))
	}
	return out
}

func build(t *testing.T, sources []source.Source, claims []source.Claim, vs ...reconcile.Verification) reconcile.Evidence {
	t.Helper()
	var e reconcile.Evidence
	e, err := e.AddSources(sources...)
	require.NoError(t, err)
	e, err = e.AddClaims(claims...)
	require.NoError(t, err)
	e, err = e.AddVerifications(vs...)
	require.NoError(t, err)
	return e
}

func read(t *testing.T, e reconcile.Evidence, p reconcile.Policy, m source.Measure, s release.Scope) reconcile.Figure {
	t.Helper()
	ix, err := reconcile.NewIndex(e, p)
	require.NoError(t, err)
	f, err := ix.Figure(m, s)
	require.NoError(t, err)
	return f
}

func policyWith(rule reconcile.BestRule) reconcile.Policy {
	p := reconcile.DefaultPolicy()
	p.Best = rule
	return p
}

func interval(lo, hi int) source.Interval { return source.MustInterval(lo, hi) }

func from(lo int) source.Interval {
	iv, err := source.NewIntervalFrom(lo)
	if err != nil {
		panic(err)
	}
	return iv
}

// DESIGN step 6: the NGO's "at least 131" and the government's "exactly
// 225" are consistent: consensus [225, 225], Best 225, Low 131, High 225.
func TestDesignStep6BoundAndExactFigureAgree(t *testing.T) {
	sc := scope(political, ve, day(25))
	ngo := say("ngo-131", ngoID, at(25, 20), sc, "at least 131")
	ngo.Status, ngo.Basis = source.Verified, source.NamedList
	e := build(t, standardSources(), []source.Claim{ngo, say("gov-225", govID, at(25, 20), sc, "225")})
	for _, rule := range []reconcile.BestRule{reconcile.WeightedMedian, reconcile.Conservative} {
		f := read(t, e, policyWith(rule), source.Releases, sc)
		assert.Equal(t, interval(225, 225), f.Consensus, rule)
		assert.Equal(t, 225, f.Best, rule)
		assert.Equal(t, 131, f.Low, rule)
		assert.Equal(t, 225, f.High, rule)
		assert.Equal(t, ids("gov-225", "ngo-131"), f.Support, rule)
		assert.Empty(t, f.Disputed, rule)
		assert.Equal(t, ids("ngo-131"), f.LowFrom, rule)
		assert.Equal(t, ids("gov-225"), f.HighFrom, rule)
	}
}

// DESIGN step 1: the latest statement of a source about a scope replaces
// the earlier one even when it is lower: "at least 75", then a named list of
// 61, is 61.
func TestSupersessionKeepsTheLatestEvenWhenLower(t *testing.T) {
	sc := scope(political, ve, day(25))
	first := say("ngo-75", ngoID, at(25, 9), sc, "at least 75")
	first.Status = source.Preliminary
	list := say("ngo-61", ngoID, at(25, 20), sc, "61")
	list.Status, list.Basis, list.Named = source.Verified, source.NamedList, people("V", 61)
	e := build(t, standardSources(), []source.Claim{first, list})
	f := read(t, e, reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 61, f.Low)
	assert.Equal(t, 61, f.Best)
	assert.Equal(t, 61, f.High)
	assert.Equal(t, 61, f.Verified)
	assert.Equal(t, interval(61, 61), f.Consensus)
	assert.Equal(t, ids("ngo-61"), f.Claims)
	assert.Equal(t, ids("ngo-75"), f.Superseded)
	assert.Empty(t, f.Disputed)
}

// DESIGN step 1: AFP repeating Foro Penal is one claim. The NGO (weight
// 0.5 × 1 × 0.9) and the government (0.6 × 1 × 0.9) disagree; counted
// twice, the NGO's figure would outweigh the government's.
func TestRelayIsCountedOnce(t *testing.T) {
	sc := scope(political, ve, day(25))
	sources := []source.Source{src(ngoID, source.NGO, "0.5"), src(govID, source.Government, "0.6"), src(afpID, source.Media, "0.8")}
	ngo := say("ngo-104", ngoID, at(25, 20), sc, "104")
	relay := ngo.Clone()
	relay.ID, relay.Via = source.MustClaimID("afp-104"), []source.SourceID{afpID}
	gov := say("gov-120", govID, at(25, 21), sc, "120")

	with := build(t, sources, []source.Claim{ngo, relay, gov})
	without := build(t, sources, []source.Claim{ngo, gov})
	for _, rule := range rules {
		p := policyWith(rule)
		p.Hierarchy = []source.SourceID{govID}
		f := read(t, with, p, source.Releases, sc)
		assert.Equal(t, ids("afp-104"), f.Relayed, rule)
		assert.Equal(t, ids("gov-120", "ngo-104"), f.Claims, rule)
		assert.Equal(t, interval(120, 120), f.Consensus, rule)
		assert.Equal(t, ids("gov-120"), f.Support, rule)
		assert.Equal(t, []reconcile.Dispute{{Claim: ngo.ID, Contradicts: gov.ID}}, f.Disputed, rule)
		assert.Equal(t, 104, f.Low, rule)
		assert.Equal(t, 120, f.High, rule)
		assert.True(t, f.SameNumbers(read(t, without, p, source.Releases, sc)), rule)
	}
}

// A statement that reached the record only through outlets, named by a
// later claim in Supersedes (here a retraction about another day), stays
// withdrawn when a second outlet's copy arrives, whichever copy's ID sorts
// first. Found by TestInvariant4RelayChangesNoFigure: the explicit
// supersession used to reach only the copy it named, so a copy sorting
// before it revived the statement.
func TestSupersedingACopySupersedesTheStatement(t *testing.T) {
	sc := scope(political, ve, day(19))
	viaEFE := say("b02", ngoID, at(19, 0), sc, "30")
	efe := src(source.MustSourceID("efe"), source.Media, "0.9")
	viaEFE.Via = []source.SourceID{efe.ID}
	retraction := source.Claim{ID: source.MustClaimID("b03"), Source: ngoID, Stated: at(19, 1), Measure: source.Releases,
		Scope: scope(political, ve, day(18)), Status: source.Retracted, Basis: source.Announcement, Supersedes: viaEFE.ID}
	sources := append(standardSources(), efe)
	before := build(t, sources, []source.Claim{viaEFE, retraction})
	for _, id := range []string{"a00", "b02-afp", "c00"} { // sorting before, between and after
		viaAFP := viaEFE.Clone()
		viaAFP.ID, viaAFP.Via = source.MustClaimID(id), []source.SourceID{afpID}
		after, err := before.AddClaims(viaAFP)
		require.NoError(t, err)
		f := read(t, after, reconcile.DefaultPolicy(), source.Releases, sc)
		assert.Empty(t, f.Claims, id)
		assert.Equal(t, 0, f.High, id)
		assert.True(t, f.SameNumbers(read(t, before, reconcile.DefaultPolicy(), source.Releases, sc)), id)
	}
}

// DESIGN step 4: the floors of disjoint parts add up to a floor for the
// whole: two different days, two sibling regions.
func TestDisjointPartsAddUp(t *testing.T) {
	twoDays := build(t, standardSources(), []source.Claim{
		say("d20", ngoID, at(20, 20), scope(political, ve, day(20)), "30"),
		say("d21", ngoID, at(21, 20), scope(political, ve, day(21)), "40"),
	})
	f := read(t, twoDays, reconcile.DefaultPolicy(), source.Releases, scope(political, ve, release.MustPeriod(jan(20), jan(21))))
	assert.Equal(t, 70, f.Floor)
	assert.Equal(t, 70, f.Low)
	assert.Equal(t, ids("d20", "d21"), f.FloorFrom)

	twoRegions := build(t, standardSources(), []source.Claim{
		say("zulia", ngoID, at(20, 20), scope(political, zulia, day(20)), "30"),
		say("caracas", ngoID, at(20, 20), scope(political, caracas, day(20)), "40"),
	})
	f = read(t, twoRegions, reconcile.DefaultPolicy(), source.Releases, scope(political, ve, day(20)))
	assert.Equal(t, 70, f.Floor)
	assert.Equal(t, 70, f.Low)
	assert.Equal(t, ids("caracas", "zulia"), f.FloorFrom)
}

// DESIGN step 4: sibling populations are not disjoint by default — their
// floors do not add up — unless a partition in the policy declares them so.
func TestSiblingPopulationsAddUpOnlyWhenPartitioned(t *testing.T) {
	e := build(t, standardSources(), []source.Claim{
		say("political", ngoID, at(20, 20), scope(political, ve, day(20)), "30"),
		say("common", ngoID, at(20, 20), scope(common, ve, day(20)), "40"),
	})
	whole := scope(detainees, ve, day(20))
	f := read(t, e, reconcile.DefaultPolicy(), source.Releases, whole)
	assert.Equal(t, 40, f.Floor, "siblings without a partition")

	p := reconcile.DefaultPolicy()
	pt, err := release.NewPartition(detainees, political, common)
	require.NoError(t, err)
	p.Partitions = []release.Partition{pt}
	f = read(t, e, p, source.Releases, whole)
	assert.Equal(t, 70, f.Floor, "siblings of a partition")
}

// DESIGN step 4: a government figure for detainees caps the NGO's figure for
// political prisoners of the same period, and not the other way round.
func TestWholeCapsItsPartNotTheOtherWayRound(t *testing.T) {
	ngo := say("ngo-80", ngoID, at(20, 20), scope(political, ve, day(20)), "at least 80")
	gov := say("gov-100", govID, at(20, 20), scope(detainees, ve, day(20)), "100")
	e := build(t, standardSources(), []source.Claim{ngo, gov})

	part := read(t, e, reconcile.DefaultPolicy(), source.Releases, ngo.Scope)
	assert.Equal(t, interval(0, 100), part.Cap)
	assert.Equal(t, ids("gov-100"), part.CapFrom)
	assert.Equal(t, interval(80, 100), part.Consensus)
	assert.False(t, part.Tension)

	whole := read(t, e, reconcile.DefaultPolicy(), source.Releases, gov.Scope)
	assert.Equal(t, from(0), whole.Cap, "a part does not cap its whole")
	assert.Empty(t, whole.CapFrom)
	assert.Equal(t, 80, whole.Floor, "a part's figure is a floor for its whole")
	assert.Equal(t, interval(100, 100), whole.Consensus)
}

func verify(who release.DetaineeID, sc release.Scope, h int) reconcile.Verification {
	return reconcile.Verification{Detainee: who, Scope: sc, Source: ngoID, Stated: at(25, h)}
}

// DESIGN step 3: the verified floor is a hard lower bound that no claim can
// override: five people verified, two claims below them.
func TestVerifiedFloorOverridesEveryClaim(t *testing.T) {
	sc := scope(political, zulia, day(25))
	var vs []reconcile.Verification
	for _, who := range people("V", 5) {
		vs = append(vs, verify(who, sc, 20))
	}
	e := build(t, standardSources(), []source.Claim{
		say("gov-3", govID, at(25, 20), sc, "3"),
		say("afp-4", afpID, at(25, 20), sc, "at most 4"),
	}, vs...)
	for _, rule := range rules {
		p := policyWith(rule)
		p.Hierarchy = []source.SourceID{govID}
		f := read(t, e, p, source.Releases, sc)
		assert.Equal(t, 5, f.Verified, rule)
		assert.Equal(t, 5, f.Low, rule)
		assert.Equal(t, 5, f.Best, rule)
		assert.Equal(t, 5, f.High, rule)
		assert.Equal(t, []reconcile.Dispute{{Claim: source.MustClaimID("afp-4"), BelowVerified: true},
			{Claim: source.MustClaimID("gov-3"), BelowVerified: true}}, f.Disputed, rule)
		assert.Empty(t, f.Support, rule)
	}
}

// The unverified remainder: the government announces 116 for a scope in
// which the NGO has verified 56 people: 60 are not yet identified.
func TestUnverifiedRemainder(t *testing.T) {
	sc := scope(political, ve, day(25))
	var vs []reconcile.Verification
	for i, who := range people("V", 56) {
		vs = append(vs, verify(who, scope(political, []release.Region{zulia, caracas}[i%2], day(25)), 20))
	}
	e := build(t, standardSources(), []source.Claim{say("gov-116", govID, at(25, 20), sc, "116")}, vs...)
	f := read(t, e, reconcile.DefaultPolicy(), source.Releases, sc)
	assert.Equal(t, 56, f.Verified)
	assert.Equal(t, interval(116, 116), f.Consensus)
	assert.Equal(t, interval(60, 60), f.Unverified)
}

// The stock-and-flow identity: 800 held on day 1 and 700 on day 10 mean at
// least 100 releases over days 2 to 10.
func TestStockAndFlowBoundReleases(t *testing.T) {
	held := func(id string, d int, q string) source.Claim {
		c := say(id, ngoID, at(d, 20), scope(political, ve, day(d)), q)
		c.Measure = source.Held
		return c
	}
	// DESIGN step 4, revised: only within a register the policy declares
	// closed; otherwise the fall is a net change (TestStocksOfOpenRegistersAreNetChanges).
	e := build(t, standardSources(), []source.Claim{held("held-800", 1, "800"), held("held-700", 10, "700")})
	p := reconcile.DefaultPolicy()
	p.ClosedRegisters = []source.SourceID{ngoID}
	f := read(t, e, p, source.Releases, scope(political, ve, release.MustPeriod(jan(2), jan(10))))
	assert.GreaterOrEqual(t, f.Floor, 100)
	assert.GreaterOrEqual(t, f.Low, 100)
}

// DESIGN step 1: a retraction withdraws the claim it supersedes, whether it
// is about the same scope or, naming the claim, about another.
func TestRetractionWithdrawsWhatItSupersedes(t *testing.T) {
	sc := scope(political, ve, day(25))
	for _, retractedIn := range []release.Scope{sc, scope(detainees, zulia, day(24))} {
		retraction := source.Claim{ID: source.MustClaimID("ngo-retract"), Source: ngoID, Stated: at(25, 22),
			Measure: source.Releases, Scope: retractedIn, Status: source.Retracted, Basis: source.Announcement,
			Supersedes: source.MustClaimID("ngo-50")}
		e := build(t, standardSources(), []source.Claim{
			say("ngo-50", ngoID, at(25, 20), sc, "50"),
			say("gov-30", govID, at(25, 21), sc, "30"),
			retraction,
		})
		f := read(t, e, reconcile.DefaultPolicy(), source.Releases, sc)
		assert.Equal(t, ids("gov-30"), f.Claims, retractedIn)
		assert.Equal(t, ids("ngo-50"), f.Superseded, retractedIn)
		assert.Equal(t, 30, f.Low, retractedIn)
		assert.Equal(t, 30, f.Best, retractedIn)
		assert.Equal(t, 30, f.High, retractedIn)
		assert.Empty(t, f.Disputed, retractedIn)
	}
}

// The January 2026 report of DESIGN.md: 80 then 104 from Foro Penal, AFP
// relaying 104, the government's 626 detainees since December and Foro
// Penal's "about half as many" political prisoners. 626 against about 313
// is a population mismatch, not a conflict.
func TestJanuary2026Report(t *testing.T) {
	sunday := scope(political, ve, day(25))
	since := func(pop release.Population) release.Scope {
		return scope(pop, ve, release.Since(release.MustDate(2025, time.December, 1)))
	}
	fp80 := say("fp-80", ngoID, at(25, 9), sunday, "80")
	fp80.Status, fp80.Basis = source.Preliminary, source.NamedList
	fp104 := fp80
	fp104.ID, fp104.Stated, fp104.Quantity, fp104.Supersedes = source.MustClaimID("fp-104"), at(25, 20), source.MustQuantity("104"), fp80.ID
	afp104 := fp104.Clone()
	afp104.ID, afp104.Via = source.MustClaimID("afp-fp-104"), []source.SourceID{afpID}
	gov := say("gov-626", govID, at(25, 20), since(detainees), "626")
	half := source.Claim{ID: source.MustClaimID("fp-half"), Source: ngoID, Via: []source.SourceID{afpID}, Stated: at(25, 20),
		Measure: source.Releases, Scope: since(political),
		Relative: source.Relative{To: gov.ID, Ratio: decimal.RequireFromString("0.5"), Kind: source.About},
		Status:   source.Verified, Basis: source.NamedList}
	e := build(t, standardSources(), []source.Claim{fp80, fp104, afp104, gov, half})
	ix, err := reconcile.NewIndex(e, reconcile.DefaultPolicy())
	require.NoError(t, err)

	f, err := ix.Figure(source.Releases, sunday)
	require.NoError(t, err)
	assert.Equal(t, ids("fp-104"), f.Claims)
	assert.Equal(t, ids("fp-80"), f.Superseded)
	assert.Equal(t, ids("afp-fp-104"), f.Relayed)
	assert.Equal(t, 104, f.Low, "a preliminary 104 is a floor")
	// "Not yet definitive, could increase": open above, but capped by
	// the about 313 political prisoners since December, at most 344.
	assert.Equal(t, interval(104, 344), f.Consensus)
	assert.Equal(t, interval(0, 344), f.Cap)
	assert.Equal(t, ids("fp-half"), f.CapFrom)

	resolved := half.ResolvedScope()
	assert.Equal(t, release.MustPeriod(release.MustDate(2025, time.December, 1), jan(25)), resolved.Period())
	f, err = ix.Figure(source.Releases, resolved)
	require.NoError(t, err)
	assert.Equal(t, interval(282, 344), f.Consensus, "about 313 at 10 %%")
	assert.Equal(t, interval(0, 626), f.Cap, "the detainees cap the political prisoners among them")

	ds, err := ix.Discrepancies(source.Releases, resolved)
	require.NoError(t, err)
	i := slices.IndexFunc(ds, func(d reconcile.Discrepancy) bool { return d.B.Claim == gov.ID })
	require.GreaterOrEqual(t, i, 0, "no discrepancy with the government's figure: %v", ds)
	assert.Equal(t, reconcile.DifferentPopulation, ds[i].Cause)
	assert.True(t, ds[i].Nested)
	assert.False(t, ds[i].Conflict)
	assert.Equal(t, source.MustQuantity("about 313"), ds[i].A.Quantity)
}

// --- Invariant 10 --------------------------------------------------------

func propInvariant10JSONRoundTrip(t *rapid.T) {
	e := reconciletest.Evidence().Draw(t, "e")
	b1, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("Marshal of valid evidence: %v", err)
	}
	var back reconcile.Evidence
	if err := json.Unmarshal(b1, &back); err != nil {
		t.Fatalf("Unmarshal of %s: %v", b1, err)
	}
	if !back.Equal(e) {
		t.Fatalf("round trip changed the evidence:\n%s\n%s", b1, dump(back))
	}
	b2, err := json.Marshal(back)
	if err != nil || !bytes.Equal(b1, b2) {
		t.Fatalf("re-encoding differs (%v):\n%s\n%s", err, b1, b2)
	}
	p := reconciletest.Policy().Draw(t, "p")
	fa, fb := mustIndex(t, e, p).Figures(), mustIndex(t, back, p).Figures()
	if !slices.EqualFunc(fa, fb, reconcile.Figure.Equal) {
		t.Fatalf("decoded evidence reads other figures")
	}
	for v := range e.Verifications() {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("Marshal %v: %v", v, err)
		}
		var w reconcile.Verification
		if err := json.Unmarshal(b, &w); err != nil || !w.Equal(v) {
			t.Fatalf("verification %s round-trips to %v, %v", b, w, err)
		}
	}
}

func TestInvariant10JSONRoundTrip(t *testing.T) {
	rapid.Check(t, propInvariant10JSONRoundTrip)
}

func TestEmptyEvidenceEncodesAsEmptyLists(t *testing.T) {
	b, err := json.Marshal(reconcile.Evidence{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"sources":[],"claims":[],"verifications":[]}`, string(b))
	var e reconcile.Evidence
	require.NoError(t, json.Unmarshal([]byte(`{}`), &e))
	assert.True(t, e.Equal(reconcile.Evidence{}))
}

// --- Invariant 11 --------------------------------------------------------

var categories = []error{reconcile.ErrInvalid, reconcile.ErrUnknownSource, reconcile.ErrConflict, reconcile.ErrChain}

// checkBadInput checks that err reports one problem: it wraps category and
// no other category, its first reconcile FieldError names field, and, if
// inner is set, a FieldError of package source underneath names inner.
func checkBadInput(t fataler, err error, category error, field, inner string) {
	t.Helper()
	if err == nil {
		t.Fatalf("bad input accepted; want %v for %s", category, field)
	}
	for _, c := range categories {
		if errors.Is(err, c) != (c == category) {
			t.Fatalf("error %q: errors.Is(%v) = %v, want only %v", err, c, errors.Is(err, c), category)
		}
	}
	fe, ok := errors.AsType[*reconcile.FieldError](err)
	if !ok || fe.Field() != field {
		t.Fatalf("error %q: want a *reconcile.FieldError for %s, got %#v", err, field, fe)
	}
	if !strings.HasPrefix(fe.Error(), "reconcile: ") {
		t.Fatalf("error %q does not start with the package name", fe)
	}
	if inner != "" {
		// One field-error type: the one underneath is the second in
		// the chain, refused by package source or release.
		se, ok := errors.AsType[*source.FieldError](fe.Err)
		if !ok || se.Field() != inner || se.Pkg != "source" && se.Pkg != "release" {
			t.Fatalf("error %q: want a *source.FieldError for %s underneath, got %#v", err, inner, se)
		}
	}
}

// badCase is one bad operation on evidence and what it must report.
type badCase struct {
	name     string
	op       func(reconcile.Evidence) (reconcile.Evidence, error)
	category error
	field    string
	inner    string
}

// base adds to generated evidence what the bad cases need: two sources of
// different groups and a claim of each.
func base(t *rapid.T) (reconcile.Evidence, source.Claim, source.Claim) {
	e := reconciletest.Evidence().Draw(t, "e")
	a := src(source.MustSourceID("bad-a"), source.NGO, "0.9")
	b := src(source.MustSourceID("bad-b"), source.Government, "0.7")
	e, err := e.AddSources(a, b)
	if err != nil {
		t.Fatalf("AddSources: %v", err)
	}
	ca := say("bad-ca", a.ID, at(25, 20), scope(political, ve, day(25)), "10")
	cb := say("bad-cb", b.ID, at(25, 21), scope(detainees, ve, day(25)), "20")
	return mustAdd(t, e, ca, cb), ca, cb
}

func drawBadCase(t *rapid.T, e reconcile.Evidence, ca, cb source.Claim) badCase {
	fresh := func(id string) source.Claim {
		c := ca.Clone()
		c.ID = source.MustClaimID(id)
		return c
	}
	claims := func(cs ...source.Claim) func(reconcile.Evidence) (reconcile.Evidence, error) {
		return func(e reconcile.Evidence) (reconcile.Evidence, error) { return e.AddClaims(cs...) }
	}
	// A valid claim to go with the bad one, so that a batch is all or nothing.
	good := fresh("bad-good")
	good.Quantity = source.MustQuantity("12")
	okSource := src(source.MustSourceID("bad-new"), source.Family, "0.5")

	switch rapid.IntRange(0, 9).Draw(t, "bad operation") {
	case 0: // an invalid source
		s := src(source.MustSourceID("bad-src"), source.NGO, "0.5")
		var inner string
		switch rapid.IntRange(0, 4).Draw(t, "bad source field") {
		case 0:
			s.Name, inner = "", "Source.Name"
		case 1:
			s.Kind, inner = 0, "Source.Kind"
		case 2:
			s.Method, inner = 0, "Source.Method"
		case 3:
			s.Confidence, inner = decimal.RequireFromString("1.5"), "Source.Confidence"
		default:
			s.ID, inner = source.SourceID{}, "Source.ID"
		}
		batch := rapid.Permutation([]source.Source{okSource, s}).Draw(t, "batch")
		return badCase{"invalid source", func(e reconcile.Evidence) (reconcile.Evidence, error) { return e.AddSources(batch...) },
			reconcile.ErrInvalid, "Source", inner}
	case 1: // a source ID taken by a different source
		s := rapid.SampledFrom(slices.Collect(e.Sources())).Draw(t, "taken source")
		s.Name += " (renamed)"
		return badCase{"source conflict", func(e reconcile.Evidence) (reconcile.Evidence, error) { return e.AddSources(okSource, s) },
			reconcile.ErrConflict, "Source.ID", ""}
	case 2: // an invalid claim
		c := fresh("bad-invalid")
		var inner string
		switch rapid.IntRange(0, 10).Draw(t, "bad claim field") {
		case 0:
			c.Measure, inner = 0, "Claim.Measure"
		case 1:
			c.Stated, inner = time.Time{}, "Claim.Stated"
		case 2:
			c.Scope, inner = release.Scope{}, "Claim.Scope.Population"
		case 3:
			c.Status, inner = 0, "Claim.Status"
		case 4:
			c.Basis, inner = 0, "Claim.Basis"
		case 5:
			c.Quantity, inner = source.Quantity{}, "Claim.Quantity"
		case 6:
			c.Via, inner = []source.SourceID{c.Source}, "Claim.Via"
		case 7:
			c.Supersedes, inner = c.ID, "Claim.Supersedes"
		case 8:
			c.Basis, c.Named, inner = source.NamedList, people("V", 11), "Claim.Named"
		case 9:
			c.Citation.URL, inner = "ftp://example.org/x", "Claim.Citation.URL"
		default:
			c.Relative, inner = source.Relative{To: cb.ID, Ratio: decimal.RequireFromString("0.5"), Kind: source.About}, "Claim.Relative"
		}
		return badCase{"invalid claim", claims(rapid.Permutation([]source.Claim{good, c}).Draw(t, "batch")...),
			reconcile.ErrInvalid, "Claim", inner}
	case 3: // a claim of an unknown source, or relayed by one
		c := fresh("bad-unknown")
		if rapid.Bool().Draw(t, "unknown relay") {
			c.Via = []source.SourceID{source.MustSourceID("nobody")}
			return badCase{"unknown relay", claims(good, c), reconcile.ErrUnknownSource, "Claim.Via", ""}
		}
		c.Source = source.MustSourceID("nobody")
		return badCase{"unknown source", claims(c, good), reconcile.ErrUnknownSource, "Claim.Source", ""}
	case 4: // a claim ID taken by a different claim, in e or in the batch
		c := cb.Clone()
		c.Quantity = source.MustQuantity("21")
		if rapid.Bool().Draw(t, "conflict within the batch") {
			d := good.Clone()
			d.Quantity = source.MustQuantity("13")
			return badCase{"claim conflict in batch", claims(good, d), reconcile.ErrConflict, "Claim.ID", ""}
		}
		return badCase{"claim conflict", claims(good, c), reconcile.ErrConflict, "Claim.ID", ""}
	case 5: // a claim superseding a claim of another source
		c := fresh("bad-cross")
		if rapid.Bool().Draw(t, "superseded arrives later") {
			// The superseded claim arrives in the same batch.
			d := cb.Clone()
			d.ID = source.MustClaimID("bad-cross-target")
			c.Supersedes = d.ID
			return badCase{"cross-source supersession", claims(d, c), reconcile.ErrChain, "Claim.Supersedes", ""}
		}
		c.Supersedes = cb.ID
		return badCase{"cross-source supersession", claims(good, c), reconcile.ErrChain, "Claim.Supersedes", ""}
	case 6: // a cycle of supersession
		n := rapid.IntRange(2, 4).Draw(t, "cycle length")
		cycle := make([]source.Claim, n)
		for i := range cycle {
			cycle[i] = fresh(fmt.Sprintf("bad-sup-%d", i))
			cycle[i].Supersedes = source.MustClaimID(fmt.Sprintf("bad-sup-%d", (i+1)%n))
		}
		return badCase{"supersession cycle", claims(rapid.Permutation(cycle).Draw(t, "batch")...), reconcile.ErrChain, "Claim.Supersedes", ""}
	case 7: // a cycle of relative quantities
		n := rapid.IntRange(1, 3).Draw(t, "cycle length")
		cycle := make([]source.Claim, n)
		for i := range cycle {
			cycle[i] = fresh(fmt.Sprintf("bad-rel-%d", i))
			cycle[i].Quantity = source.Quantity{}
			cycle[i].Relative = source.Relative{To: source.MustClaimID(fmt.Sprintf("bad-rel-%d", (i+1)%n)),
				Ratio: decimal.RequireFromString("2"), Kind: source.About}
		}
		return badCase{"relative cycle", claims(rapid.Permutation(cycle).Draw(t, "batch")...), reconcile.ErrChain, "Claim.Relative.To", ""}
	case 8: // an invalid verification
		v := reconcile.Verification{Detainee: release.MustDetaineeID("V-1"), Scope: ca.Scope, Source: ca.Source, Stated: at(25, 20)}
		var field string
		switch rapid.IntRange(0, 3).Draw(t, "bad verification field") {
		case 0:
			v.Detainee, field = release.DetaineeID{}, "Verification.Detainee"
		case 1:
			v.Scope, field = release.Scope{}, "Verification.Scope.Population"
		case 2:
			v.Source, field = source.SourceID{}, "Verification.Source"
		default:
			v.Stated, field = time.Time{}, "Verification.Stated"
		}
		return badCase{"invalid verification", func(e reconcile.Evidence) (reconcile.Evidence, error) { return e.AddVerifications(v) },
			reconcile.ErrInvalid, field, ""}
	default: // a verification by an unknown source
		v := reconcile.Verification{Detainee: release.MustDetaineeID("V-1"), Scope: ca.Scope,
			Source: source.MustSourceID("nobody"), Stated: at(25, 20)}
		okV := v
		okV.Source = ca.Source
		return badCase{"unknown verifier", func(e reconcile.Evidence) (reconcile.Evidence, error) { return e.AddVerifications(okV, v) },
			reconcile.ErrUnknownSource, "Verification.Source", ""}
	}
}

func propInvariant11BadInputIsTypedAndLosesNothing(t *rapid.T) {
	e, ca, cb := base(t)
	before := dump(e)
	c := drawBadCase(t, e, ca, cb)
	got, err := c.op(e)
	checkBadInput(t, err, c.category, c.field, c.inner)
	if !got.Equal(e) {
		t.Fatalf("%s: the evidence returned with the error is not the evidence given:\n%s\n%s", c.name, dump(got), before)
	}
	if dump(e) != before {
		t.Fatalf("%s: the failed operation changed the evidence", c.name)
	}
}

func TestInvariant11BadInputIsTypedAndLosesNothing(t *testing.T) {
	rapid.Check(t, propInvariant11BadInputIsTypedAndLosesNothing)
}

// Merge of sets that give one ID two values fails with ErrConflict both
// ways round, and of sets that together close a bad chain with ErrChain,
// returning the zero Evidence and leaving both sets as they were.
func TestInvariant11MergeConflictFailsBothWays(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e, ca, cb := base(t)
		a, _ := e.Source(ca.Source)
		b, _ := e.Source(cb.Source)
		var other reconcile.Evidence
		other, err := other.AddSources(a, b)
		if err != nil {
			t.Fatalf("AddSources: %v", err)
		}
		var category error
		var field string
		switch rapid.IntRange(0, 3).Draw(t, "conflict") {
		case 0: // one claim ID, two claims
			c := ca.Clone()
			c.Quantity = source.MustQuantity("about 10")
			other, category, field = mustAdd(t, other, c), reconcile.ErrConflict, "Claim.ID"
		case 1: // one source ID, two sources
			renamed := a
			renamed.Confidence = decimal.RequireFromString("0.1")
			other = reconcile.Evidence{}
			if other, err = other.AddSources(renamed); err != nil {
				t.Fatalf("AddSources: %v", err)
			}
			category, field = reconcile.ErrConflict, "Source.ID"
		case 2: // a supersession cycle split across the two
			x, y := ca.Clone(), ca.Clone()
			x.ID, x.Supersedes = source.MustClaimID("bad-x"), source.MustClaimID("bad-y")
			y.ID, y.Supersedes = source.MustClaimID("bad-y"), source.MustClaimID("bad-x")
			e = mustAdd(t, e, x)
			other, category, field = mustAdd(t, other, y), reconcile.ErrChain, "Claim.Supersedes"
		default: // a claim superseding a claim of another source that arrives with the other set
			x := ca.Clone()
			x.ID, x.Supersedes = source.MustClaimID("bad-x"), source.MustClaimID("bad-y")
			y := cb.Clone()
			y.ID = source.MustClaimID("bad-y")
			e = mustAdd(t, e, x)
			other, category, field = mustAdd(t, other, y), reconcile.ErrChain, "Claim.Supersedes"
		}
		je, jo := dump(e), dump(other)
		for _, pair := range [][2]reconcile.Evidence{{e, other}, {other, e}} {
			m, err := reconcile.Merge(pair[0], pair[1])
			checkBadInput(t, err, category, field, "")
			if !m.Equal(reconcile.Evidence{}) {
				t.Fatalf("a failed Merge returned non-zero evidence %s", dump(m))
			}
		}
		if dump(e) != je || dump(other) != jo {
			t.Fatalf("a failed Merge changed its arguments")
		}
	})
}

// Slices handed to AddClaims are copied in: changing them afterwards
// changes nothing held by the evidence.
func TestAddedClaimsAreCopiedIn(t *testing.T) {
	sc := scope(political, ve, day(25))
	c := say("ngo-3", ngoID, at(25, 20), sc, "3")
	c.Basis, c.Status, c.Named, c.Via = source.NamedList, source.Verified, people("V", 3), []source.SourceID{afpID}
	e := build(t, standardSources(), []source.Claim{c})
	c.Named[0], c.Via[0] = release.MustDetaineeID("someone-else"), govID
	got, ok := e.Claim(c.ID)
	require.True(t, ok)
	assert.Equal(t, people("V", 3), got.Named)
	assert.Equal(t, []source.SourceID{afpID}, got.Via)
	got.Named[1] = release.MustDetaineeID("someone-else")
	again, _ := e.Claim(c.ID)
	assert.Equal(t, people("V", 3), again.Named, "Claim returns a copy")
}

// Figure and Discrepancies reject an invalid measure or scope with a typed
// error, and NewIndex an invalid policy.
func TestInvalidQueriesAreTypedErrors(t *testing.T) {
	ix, err := reconcile.NewIndex(reconcile.Evidence{}, reconcile.DefaultPolicy())
	require.NoError(t, err)
	_, err = ix.Figure(0, scope(political, ve, day(25)))
	checkBadInput(t, err, reconcile.ErrInvalid, "Measure", "")
	_, err = ix.Figure(source.Releases, release.Scope{})
	checkBadInput(t, err, reconcile.ErrInvalid, "Scope", "")
	_, err = ix.Discrepancies(source.Measure(9), scope(political, ve, day(25)))
	checkBadInput(t, err, reconcile.ErrInvalid, "Measure", "")
	p := reconcile.DefaultPolicy()
	p.Best = reconcile.Hierarchy
	_, err = reconcile.NewIndex(reconcile.Evidence{}, p)
	checkBadInput(t, err, reconcile.ErrInvalid, "Policy.Hierarchy", "")
	p = reconcile.DefaultPolicy()
	p.Tolerance = decimal.RequireFromString("-0.1")
	_, err = reconcile.NewIndex(reconcile.Evidence{}, p)
	checkBadInput(t, err, reconcile.ErrInvalid, "Policy.Tolerance", "")
}

// TestPolicyRefusesRepeatedSources: a source named twice in the hierarchy
// or among the closed registers is refused, once per repetition and never
// at its first mention, however the lists are ordered.
func TestPolicyRefusesRepeatedSources(t *testing.T) {
	a, b, c := source.MustSourceID("a"), source.MustSourceID("b"), source.MustSourceID("c")
	for _, tc := range []struct {
		list []source.SourceID
		want int
	}{
		{[]source.SourceID{a, b, c}, 0},
		{[]source.SourceID{a, b, a}, 1},
		{[]source.SourceID{b, a, a, b, a}, 3},
		{[]source.SourceID{c, a, b, c}, 1},
	} {
		for _, field := range []string{"Policy.Hierarchy", "Policy.ClosedRegisters"} {
			p := reconcile.DefaultPolicy()
			if field == "Policy.Hierarchy" {
				p.Best, p.Hierarchy = reconcile.Hierarchy, tc.list
			} else {
				p.ClosedRegisters = tc.list
			}
			err := p.Validate()
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else if err != nil {
				errs = []error{err}
			}
			var got int
			for _, e := range errs {
				fe, ok := errors.AsType[*reconcile.FieldError](e)
				require.True(t, ok, "%v", e)
				require.Equal(t, field, fe.Field(), "%v", e)
				got++
			}
			require.Equal(t, tc.want, got, "%s %v: %v", field, tc.list, err)
		}
	}
}
