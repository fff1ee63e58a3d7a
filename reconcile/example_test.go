package reconcile_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// The scenario of these examples: releases of political prisoners in
// Venezuela on Sunday 25 January 2026, as Foro Penal and the government
// reported them (the figures of the AFP report; times of day invented).
var (
	exZone      = time.FixedZone("VET", -4*3600)
	exPolitical = release.MustPopulation("detainees/political")
	exDetainees = release.MustPopulation("detainees")
	exVE        = release.MustRegion("VE")
	exSunday    = release.MustScope(exPolitical, exVE, release.Day(release.MustDate(2026, time.January, 25)))
	exFP        = source.Source{ID: source.MustSourceID("foro-penal"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")}
	exAFP = source.Source{ID: source.MustSourceID("afp"), Name: "AFP", Kind: source.Media,
		Method: source.Relays, Confidence: decimal.RequireFromString("0.8")}
	exGov = source.Source{ID: source.MustSourceID("gov"), Name: "Government", Kind: source.Government,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.7")}
)

func exAt(hour int) time.Time { return time.Date(2026, time.January, 25, hour, 0, 0, 0, exZone) }

func exFPSays(id string, hour int, q string) source.Claim {
	return source.Claim{ID: source.MustClaimID(id), Source: exFP.ID, Stated: exAt(hour), Measure: source.Releases,
		Scope: exSunday, Quantity: source.MustQuantity(q), Status: source.Preliminary, Basis: source.NamedList}
}

func exMust(ev reconcile.Evidence, err error) reconcile.Evidence {
	if err != nil {
		panic(err)
	}
	return ev
}

// Two newsrooms gather evidence separately; merging their sets gives the
// same evidence whichever merges first, and a claim both hold counts once.
func ExampleMerge() {
	var base reconcile.Evidence
	base = exMust(base.AddSources(exFP, exAFP, exGov))
	a := exMust(base.AddClaims(exFPSays("fp-80", 9, "80")))
	b := exMust(base.AddClaims(exFPSays("fp-80", 9, "80"), exFPSays("fp-104", 20, "104")))

	ab, _ := reconcile.Merge(a, b)
	ba, _ := reconcile.Merge(b, a)
	fmt.Println("claims:", ab.NumClaims(), "same either way:", ab.Equal(ba))
	// Output:
	// claims: 2 same either way: true
}

// Reading the evidence as it stood at successive moments: Foro Penal's 80 in
// the morning, then 104 in the evening, which supersedes it.
func ExampleTimeline() {
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP))
	ev = exMust(ev.AddClaims(exFPSays("fp-80", 9, "80"), exFPSays("fp-104", 20, "104")))
	moments := []time.Time{exAt(8), exAt(12), exAt(21)}
	figs, err := reconcile.Timeline(ev, reconcile.DefaultPolicy(), source.Releases, exSunday, moments)
	if err != nil {
		panic(err)
	}
	for i, f := range figs {
		fmt.Printf("%s: low %d, best %d, claims %v, superseded %v\n", moments[i].Format("15:04"), f.Low, f.Best, f.Claims, f.Superseded)
	}
	// Output:
	// 08:00: low 0, best 0, claims [], superseded []
	// 12:00: low 80, best 80, claims [fp-80], superseded []
	// 21:00: low 104, best 104, claims [fp-104], superseded [fp-80]
}

// A relay adds provenance, not corroboration: AFP passing on Foro Penal's
// 104 is the same statement, counted once.
func ExampleIndex_Reading() {
	relay := exFPSays("afp-104", 20, "104")
	relay.Via = []source.SourceID{exAFP.ID}
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP, exAFP))
	ev = exMust(ev.AddClaims(exFPSays("fp-104", 20, "104"), relay))
	ix, _ := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	r, _ := ix.Reading(relay.ID)
	fmt.Println(r.Claim, r.State, "into", r.By)
	f, _ := ix.Figure(source.Releases, exSunday)
	fmt.Println("support", f.Support, "relayed", f.Relayed)
	// Output:
	// afp-104 relayed into fp-104
	// support [fp-104] relayed [afp-104]
}

// Verified identities are a floor no claim can override, and the
// unverified remainder is what the evidence implies beyond them: the
// government announces 116 releases without names, Foro Penal has verified
// 56 people.
func ExampleVerification() {
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP, exGov))
	ev = exMust(ev.AddClaims(source.Claim{ID: source.MustClaimID("gov-116"), Source: exGov.ID, Stated: exAt(20),
		Measure: source.Releases, Scope: exSunday, Quantity: source.MustQuantity("116"),
		Status: source.Final, Basis: source.Announcement}))
	var vs []reconcile.Verification
	for i := range 56 {
		vs = append(vs, reconcile.Verification{Detainee: release.MustDetaineeID(fmt.Sprintf("FP-%03d", i)),
			Scope: exSunday, Source: exFP.ID, Stated: exAt(21)})
	}
	ev = exMust(ev.AddVerifications(vs...))
	ix, _ := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	f, _ := ix.Figure(source.Releases, exSunday)
	fmt.Println("verified", f.Verified, "best", f.Best, "unverified", f.Unverified)
	// Output:
	// verified 56 best 116 unverified [60, 60]
}

// 626 detainees freed since December against Foro Penal's "about half as
// many" exPolitical prisoners: a difference of population, not a conflict.
func ExampleIndex_Discrepancies() {
	since := release.Since(release.MustDate(2025, time.December, 1))
	gov626 := source.Claim{ID: source.MustClaimID("gov-626"), Source: exGov.ID, Stated: exAt(20), Measure: source.Releases,
		Scope: release.MustScope(exDetainees, exVE, since), Quantity: source.MustQuantity("626"),
		Status: source.Final, Basis: source.Announcement}
	half := source.Claim{ID: source.MustClaimID("fp-half"), Source: exFP.ID, Stated: exAt(20), Measure: source.Releases,
		Scope:    release.MustScope(exPolitical, exVE, since),
		Relative: source.Relative{To: gov626.ID, Ratio: decimal.RequireFromString("0.5"), Kind: source.About},
		Status:   source.Verified, Basis: source.NamedList}
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP, exGov))
	ev = exMust(ev.AddClaims(gov626, half))
	ix, _ := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	ds, _ := ix.Discrepancies(source.Releases, gov626.ResolvedScope())
	for _, d := range ds {
		fmt.Printf("%s (%s) vs %s (%s): %s, conflict %t, ratio %s\n",
			d.A.Claim, d.A.Quantity, d.B.Claim, d.B.Quantity, d.Cause, d.Conflict, d.Ratio)
	}
	// Output:
	// gov-626 (626) vs fp-half (about 313): different_population, conflict false, ratio 2
}

// Bad input is a typed error that names the field, and the evidence is
// left as it was.
func ExampleEvidence_AddClaims() {
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP))
	orphan := exFPSays("x-1", 20, "104")
	orphan.Source = source.MustSourceID("nobody")
	after, err := ev.AddClaims(orphan)
	fmt.Println(errors.Is(err, reconcile.ErrUnknownSource), after.NumClaims())
	if fe, ok := errors.AsType[*reconcile.FieldError](err); ok {
		fmt.Println(fe.Field(), fe.Value)
	}
	// Output:
	// true 0
	// Claim.Source "nobody"
}

// A pledge — "24 will be freed in the coming hours" — is listed beside the
// figure of its scope and never counted: the day's figure stands on what
// was seen to happen.
func ExampleFigure_pledged() {
	pledge := source.Claim{ID: source.MustClaimID("gov-24"), Source: exGov.ID, Stated: exAt(9), Measure: source.Releases,
		Scope: exSunday, Quantity: source.MustQuantity("24"), Status: source.Pledged, Basis: source.Announcement}
	ev := exMust(reconcile.Evidence{}.AddSources(exFP, exGov))
	ev = exMust(ev.AddClaims(exFPSays("fp-12", 14, "12"), pledge))
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := ix.Figure(source.Releases, exSunday)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(f.Describe())
	// Output:
	// releases of detainees/political @ VE 2026-01-25/2026-01-25: low 12, best 12 or more, high 12 or more (consensus [12, ∞), verified 12)
	//   support: fp-12
	//   pledged: gov-24
}
