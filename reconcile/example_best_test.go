package reconcile_test

import (
	"fmt"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// bestRuleScope is the scope of the claims the BestRule examples share:
// political prisoners released in Venezuela on one day.
var bestRuleScope = release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
	release.Day(release.MustDate(2026, time.January, 25)))

// bestRuleIndex reads four invented claims about bestRuleScope under a
// policy with the given rule: an NGO's verified list of "at least 131", the
// government's "at most 230", a second NGO's "between 150 and 240", and a
// newspaper's "about 200". All four are consistent: the consensus is the
// newspaper's [180, 220], and the rules differ in where they put Best.
func bestRuleIndex(rule reconcile.BestRule) *reconcile.Index {
	src := func(id, name string, kind source.Kind, method source.Method, conf string) source.Source {
		return source.Source{ID: source.MustSourceID(id), Name: name, Kind: kind, Method: method,
			Confidence: decimal.RequireFromString(conf)}
	}
	at := time.Date(2026, time.January, 25, 20, 0, 0, 0, time.FixedZone("VET", -4*3600))
	claim := func(id, src, q string, status source.Status, basis source.Basis) source.Claim {
		return source.Claim{ID: source.MustClaimID(id), Source: source.MustSourceID(src), Stated: at,
			Measure: source.Releases, Scope: bestRuleScope, Quantity: source.MustQuantity(q), Status: status, Basis: basis}
	}
	var ev reconcile.Evidence
	ev, _ = ev.AddSources(
		src("ngo", "An NGO", source.NGO, source.VerifiesIdentities, "0.9"),
		src("gov", "The government", source.Government, source.Announces, "0.7"),
		src("ngo2", "Another NGO", source.NGO, source.Announces, "0.6"),
		src("paper", "A newspaper", source.Media, source.Announces, "0.5"),
	)
	ev, _ = ev.AddClaims(
		claim("ngo-list", "ngo", "at least 131", source.Verified, source.NamedList),
		claim("gov-230", "gov", "at most 230", source.Final, source.Announcement),
		claim("ngo2-range", "ngo2", "between 150 and 240", source.Verified, source.Announcement),
		claim("paper-200", "paper", "about 200", source.Verified, source.Announcement),
	)
	p := reconcile.DefaultPolicy()
	p.Best = rule
	if rule == reconcile.Hierarchy {
		p.Hierarchy = []source.SourceID{source.MustSourceID("ngo2"), source.MustSourceID("gov")}
	}
	ix, err := reconcile.NewIndex(ev, p)
	if err != nil {
		panic(err)
	}
	return ix
}

func printBest(rule reconcile.BestRule) {
	f, err := bestRuleIndex(rule).Figure(source.Releases, bestRuleScope)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s: low %d, best %d, high %d; consensus %s; best from %v\n", rule, f.Low, f.Best, f.High, f.Consensus, f.BestFrom)
}

// The default rule: the weighted median of the stated figures of the
// consensus claims, one voice per independence group, a range counting half
// at each end: 131, 150, 200, 230 and 240, weighted by each source's
// confidence, status and basis, have their median at the newspaper's 200.
func ExampleBestRule_weightedMedian() {
	printBest(reconcile.WeightedMedian)
	// Output:
	// weighted_median: low 131, best 200, high 240; consensus [180, 220]; best from [paper-200]
}

// ACLED's most conservative figure: the lowest stated figure of the
// consensus claims (the NGO's 131), clamped into the consensus interval:
// 180, the low end of the newspaper's "about 200" that bounds it.
func ExampleBestRule_conservative() {
	printBest(reconcile.Conservative)
	// Output:
	// conservative: low 131, best 180, high 240; consensus [180, 220]; best from [paper-200]
}

// Iraq Body Count's range: no single figure, so Best is the middle of
// [Low, High], whatever the consensus.
func ExampleBestRule_range() {
	printBest(reconcile.Range)
	// Output:
	// range: low 131, best 185, high 240; consensus [180, 220]; best from []
}

// Majority: the stated figure asserted by the most independence groups. Each
// figure here is stated once (131, 150, 200, 230, 240), so the tie goes to
// the smallest.
func ExampleBestRule_majority() {
	printBest(reconcile.Majority)
	// Output:
	// majority: low 131, best 131, high 240; consensus [180, 220]; best from [ngo-list]
}

// Source hierarchy: the first source in the policy's order that speaks wins.
// With the second NGO first, its range 150–240 gives its lower median, 150,
// outside the consensus: the hierarchy overrides it.
func ExampleBestRule_hierarchy() {
	printBest(reconcile.Hierarchy)
	// Output:
	// hierarchy: low 131, best 150, high 240; consensus [180, 220]; best from [ngo2-range]
}
