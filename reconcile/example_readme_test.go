package reconcile_test

import (
	"fmt"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// Example_readme is the tour in README.md; TestReadmeShowsExample keeps the
// two identical.
func Example_readme() {
	// Who speaks, and how far to trust them a priori.
	ngo := source.Source{ID: source.MustSourceID("ngo"), Name: "An NGO", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")}
	gov := source.Source{ID: source.MustSourceID("gov"), Name: "The government", Kind: source.Government,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.7")}

	// What they speak about: political prisoners released in Venezuela on one day.
	day := release.Day(release.MustDate(2026, time.January, 25))
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), day)
	at := time.Date(2026, time.January, 25, 20, 0, 0, 0, time.FixedZone("VET", -4*3600))

	// What they say: quantities are read as people write them.
	claims := []source.Claim{
		{ID: source.MustClaimID("ngo-1"), Source: ngo.ID, Stated: at, Measure: source.Releases, Scope: scope,
			Quantity: source.MustQuantity("at least 131"), Status: source.Verified, Basis: source.NamedList},
		{ID: source.MustClaimID("gov-1"), Source: gov.ID, Stated: at, Measure: source.Releases, Scope: scope,
			Quantity: source.MustQuantity("225"), Status: source.Final, Basis: source.Announcement},
	}

	// Evidence is a set: add to it, or merge sets gathered elsewhere.
	var ev reconcile.Evidence
	ev, err := ev.AddSources(ngo, gov)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	if err != nil {
		fmt.Println(err)
		return
	}

	// Read it under a policy, and ask for the figure.
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := ix.Figure(source.Releases, scope)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("low", f.Low, "best", f.Best, "high", f.High, "consensus", f.Consensus)
	fmt.Println("support", f.Support, "disputed", len(f.Disputed))
	// Output:
	// low 131 best 225 high 225 consensus [225, 225]
	// support [gov-1 ngo-1] disputed 0
}
