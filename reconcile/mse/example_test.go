package mse_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The HIV data of Rome (Abeni et al. 1994): four reporting centres, and how
// many people each combination of centres reported.
func ExampleNewHistories() {
	lists := []mse.ListID{mse.MustListID("l1"), mse.MustListID("l2"), mse.MustListID("l3"), mse.MustListID("l4")}
	h, err := mse.NewHistories(mse.MustStratum("rome"), lists, map[string]int{
		"1110": 3, "1101": 1, "1100": 33, "1010": 20, "1001": 6, "1000": 403,
		"0111": 3, "0110": 35, "0101": 10, "0100": 545, "0011": 11, "0010": 621, "0001": 205,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Observed(), "people documented")
	fmt.Println(h.Captured(lists[0]), "on list 1,", h.Captured(lists[0], lists[1]), "on lists 1 and 2")
	fmt.Println(h.Count(lists[0]), "on list 1 only")
	// Output:
	// 1896 people documented
	// 466 on list 1, 37 on lists 1 and 2
	// 403 on list 1 only
}

// Selecting among the 64 hierarchical models of four lists by AIC finds the
// model Rcapture's example arrives at: lists 1 and 2 are dependent.
func ExampleSelect() {
	s, err := mse.Select(hiv(), mse.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%-12s %9s %8s %7s %3s %7s\n", "model", "N", "SE", "dev", "df", "AIC")
	for i := range 3 {
		e := s.At(i)
		fmt.Printf("%-12s %9.1f %8.1f %7.3f %3d %7.2f\n", e.Model(), e.N, e.SE, e.Deviance, e.DF, e.AIC)
	}
	fmt.Println(s.Best())
	// Output:
	// model                N       SE     dev  df     AIC
	// [12,3,4]       12318.5   1188.7   7.614   9   86.65
	// [12,23,4]      13569.0   1751.0   6.096   8   87.13
	// [12,13,4]      11788.8   1293.4   7.005   8   88.04
	// rome: log_linear [12,3,4] on 4 lists, 1896 observed: N 12318.5 (SE 1188.7), 95% interval [10236, 14920]
}

// Fitting one model: the HIV data with every two-way interaction, as in
// Rcapture's closedpCI.t(HIV, dfreq = TRUE, mX = ~ (c1+c2+c3+c4)^2).
func ExampleFit() {
	l := func(s string) mse.ListID { return mse.MustListID(s) }
	all := [][2]mse.ListID{{l("l1"), l("l2")}, {l("l1"), l("l3")}, {l("l1"), l("l4")}, {l("l2"), l("l3")}, {l("l2"), l("l4")}, {l("l3"), l("l4")}}
	e, err := mse.Fit(hiv(), all, mse.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: N %.1f, SE %.1f, deviance %.3f on %d df\n", e.Model(), e.N, e.SE, e.Deviance, e.DF)
	// Output:
	// [12,13,14,23,24,34]: N 23443.5, SE 9594.9, deviance 3.037 on 4 df
}

// Two lists: 100 people on one, 80 on the other, 20 on both.
func ExampleChapman() {
	h := mse.MustHistories(mse.MustStratum("s"), []mse.ListID{mse.MustListID("ngo"), mse.MustListID("press")},
		map[string]int{"11": 20, "10": 80, "01": 60})
	lp, _ := mse.LincolnPetersen(h, mse.DefaultOptions())
	ch, _ := mse.Chapman(h, mse.DefaultOptions())
	fmt.Println(lp)
	fmt.Println(ch)
	// Output:
	// s: lincoln_petersen [1,2] on 2 lists, 160 observed: N 400.0 (SE 69.3), 95% interval [297, 578]
	// s: chapman [1,2] on 2 lists, 160 observed: N 388.6 (SE 63.6), 95% interval [293, 551]
}

// Lincoln–Petersen refuses two lists that share nobody: they say nothing
// about how many people neither saw.
func ExampleLincolnPetersen_noOverlap() {
	h := mse.MustHistories(mse.MustStratum("s"), []mse.ListID{mse.MustListID("ngo"), mse.MustListID("press")},
		map[string]int{"10": 80, "01": 60})
	_, err := mse.LincolnPetersen(h, mse.DefaultOptions())
	fmt.Println(err)
	fmt.Println(errors.Is(err, mse.ErrNoOverlap))
	// Output:
	// mse: Histories "s": no overlap between lists: lists ngo and press share nobody
	// true
}

// Tally builds the tables from linked records: one sighting per record,
// keyed by the person the linkage found. The person keys stay with the
// caller; only counts come out.
func ExampleTally() {
	ngo, church, press := mse.MustListID("ngo"), mse.MustListID("church"), mse.MustListID("press")
	zulia, lara := mse.MustStratum("VE/Zulia"), mse.MustStratum("VE/Lara")
	sightings := []mse.Sighting[int]{
		{Stratum: zulia, Person: 1, List: ngo}, {Stratum: zulia, Person: 1, List: press},
		{Stratum: zulia, Person: 2, List: ngo}, {Stratum: zulia, Person: 2, List: ngo}, // a duplicate record
		{Stratum: zulia, Person: 3, List: church},
		{Stratum: lara, Person: 4, List: press}, {Stratum: lara, Person: 4, List: church},
	}
	hs, err := mse.Tally([]mse.ListID{ngo, church, press}, sightings)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range hs {
		fmt.Println(h)
	}
	// Output:
	// VE/Lara: church ngo press | 101:1
	// VE/Zulia: church ngo press | 100:1 011:1 010:1
}

// Restrict reads a table as if only some lists had been gathered.
func ExampleHistories_Restrict() {
	two, err := hiv().Restrict(mse.MustListID("l2"), mse.MustListID("l1"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(two)
	// Output:
	// rome: l1 l2 | 11:37 10:429 01:593
}

// A stratum where only two lists document anyone is refused by the
// log-linear models: with two lists, independence cannot be tested.
func ExampleSelect_tooFewLists() {
	lists := []mse.ListID{mse.MustListID("ngo"), mse.MustListID("church"), mse.MustListID("press")}
	h := mse.MustHistories(mse.MustStratum("VE/Lara"), lists, map[string]int{"100": 12, "010": 9, "110": 4})
	_, err := mse.Select(h, mse.DefaultOptions())
	fmt.Println(err)
	fmt.Println(errors.Is(err, mse.ErrTooFewLists))
	// Output:
	// mse: Histories "VE/Lara": too few usable lists: 2 of 3 lists document someone here (church ngo); a log-linear model needs 3
	// true
}

// An estimate enters the evidence as a claim with basis "estimate": the
// figure's High now reflects the people no list documents, and its Low
// stays with what was documented.
func ExampleEstimate_Claim() {
	e, err := mse.Fit(hiv(), [][2]mse.ListID{pair(1, 2)}, mse.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	scope := release.MustScope(release.MustPopulation("people"), release.MustRegion("IT/Roma"),
		release.MustPeriod(release.MustDate(1990, time.January, 1), release.MustDate(1990, time.December, 31)))
	at := time.Date(1994, time.July, 1, 0, 0, 0, 0, time.UTC)
	c, err := e.Claim(mse.ClaimSpec{ID: source.MustClaimID("mse"), Source: source.MustSourceID("analyst"),
		Stated: at, Measure: source.Releases, Scope: scope})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Quantity, c.Basis, c.Status)

	registry := source.Source{ID: source.MustSourceID("registry"), Name: "Registry", Kind: source.OtherKind,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")}
	analyst := source.Source{ID: source.MustSourceID("analyst"), Name: "Analyst", Kind: source.Academic,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.8")}
	listed := source.Claim{ID: source.MustClaimID("listed"), Source: registry.ID, Stated: at, Measure: source.Releases,
		Scope: scope, Quantity: source.MustQuantity("1896"), Status: source.Final, Basis: source.NamedList}
	var ev reconcile.Evidence
	ev, err = ev.AddSources(registry, analyst)
	if err == nil {
		ev, err = ev.AddClaims(listed, c)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
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
	fmt.Printf("low %d (from %v), high %d (from %v)\n", f.Low, f.LowFrom, f.High, f.HighFrom)
	// Output:
	// between 10236 and 14920 estimate final
	// low 1896 (from [listed]), high 14920 (from [mse])
}

// Options are an explicit value: here BIC, which penalises each
// coefficient more than AIC and picks the independence model for the HIV
// data, with a 90 % interval.
func ExampleOptions() {
	o := mse.DefaultOptions()
	o.Criterion = mse.BIC
	o.Level = 0.90
	s, err := mse.Select(hiv(), o)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Best())
	// Output:
	// rome: log_linear [1,2,3,4] on 4 lists, 1896 observed: N 11124.6 (SE 904.8), 90% interval [9753, 12736]
}

// A table encodes with its lists in canonical order and only the cells
// with people, whatever order it was built in.
func ExampleHistories_MarshalJSON() {
	h := mse.MustHistories(mse.MustStratum("s"), []mse.ListID{mse.MustListID("press"), mse.MustListID("ngo")},
		map[string]int{"10": 60, "01": 80, "11": 20})
	b, err := h.MarshalJSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"stratum":"s","lists":["ngo","press"],"counts":{"01":60,"10":80,"11":20}}
}
