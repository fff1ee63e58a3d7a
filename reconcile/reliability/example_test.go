package reliability_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/reconcile/reliability/reliabilitytest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// A week of daily release counts teaches how far to trust each source, and
// the learned weights change the figure read for a new day.
//
// The NGO publishes named lists; the UN office and a news agency check
// some days on their own; the government inflates its figures, and state
// television repeats the government word for word. Under the default
// policy every source is trusted alike, so on 27 January the government's
// 90, repeated by television, outweighs the NGO's 41. With the weights
// learned from the week, the government and television, which always say
// the same and are mostly wrong, count as one voice of little weight, and
// the NGO's figure carries the day.
func ExampleResult_Apply() {
	vet := time.FixedZone("VET", -4*3600)
	day := func(d int) release.Scope {
		return release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
			release.Day(release.MustDate(2026, time.January, d)))
	}
	var sources []source.Source
	for _, s := range []struct {
		id   string
		kind source.Kind
	}{{"ngo", source.NGO}, {"un", source.International}, {"agency", source.Media}, {"gov", source.Government}, {"tv", source.Media}} {
		sources = append(sources, source.Source{ID: source.MustSourceID(s.id), Name: s.id, Kind: s.kind,
			Method: source.Announces, Confidence: decimal.RequireFromString("0.8")})
	}
	var claims []source.Claim
	say := func(src string, d int, q string) {
		claims = append(claims, source.Claim{
			ID: source.MustClaimID(fmt.Sprintf("%s-%d", src, d)), Source: source.MustSourceID(src),
			Stated: time.Date(2026, time.January, d, 20, 0, 0, 0, vet), Measure: source.Releases,
			Scope: day(d), Quantity: source.MustQuantity(q), Status: source.Final, Basis: source.Announcement,
		})
	}
	// 20 to 26 January: what each said. The true figures are the NGO's.
	for i, figs := range [][5]string{ // ngo, un, agency, gov, tv
		{"12", "12", "", "30", "30"},
		{"30", "", "30", "55", "55"},
		{"8", "8", "8", "20", "20"},
		{"21", "21", "", "21", "21"},
		{"15", "", "at least 14", "40", "40"},
		{"26", "26", "26", "60", "60"},
		{"17", "17", "", "45", "45"},
	} {
		for j, q := range figs {
			if q != "" {
				say(sources[j].ID.String(), 20+i, q)
			}
		}
	}
	// 27 January: the question.
	say("ngo", 27, "41")
	say("gov", 27, "90")
	say("tv", 27, "90")

	var ev reconcile.Evidence
	ev, err := ev.AddSources(sources...)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	if err != nil {
		fmt.Println(err)
		return
	}

	r, err := reliability.Estimate(ev, reliability.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Sources {
		fmt.Printf("%-6s weight %s accuracy %s copying %s\n", s.Source,
			s.Weight.StringFixed(2), s.Accuracy.StringFixed(2), s.Copying.StringFixed(2))
	}

	for _, p := range []struct {
		name   string
		policy reconcile.Policy
	}{{"default policy", reconcile.DefaultPolicy()}, {"learned weights", r.Apply(reconcile.DefaultPolicy())}} {
		ix, err := reconcile.NewIndex(ev, p.policy)
		if err != nil {
			fmt.Println(err)
			return
		}
		f, err := ix.Figure(source.Releases, day(27))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: best %d from %v\n", p.name, f.Best, f.BestFrom)
	}
	// Output:
	// agency weight 0.91 accuracy 0.86 copying 0.05
	// gov    weight 0.11 accuracy 0.24 copying 0.79
	// ngo    weight 1.00 accuracy 0.91 copying 0.03
	// tv     weight 0.11 accuracy 0.24 copying 0.79
	// un     weight 0.96 accuracy 0.90 copying 0.04
	// default policy: best 90 from [gov-27 tv-27]
	// learned weights: best 41 from [ngo-27]
}

// Claims need not be exact figures. On 25 January an NGO says "at least
// 104" (a floor: it is still verifying), the government says 131 and a
// newspaper "about 60": the floor admits 131, so it supports the
// government's figure; "about 60" ([54, 66]) admits neither. A local
// committee that spoke only once, on the 24th, keeps about the average
// source's weight.
func ExampleEstimate() {
	vet := time.FixedZone("VET", -4*3600)
	day := func(d int) release.Scope {
		return release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
			release.Day(release.MustDate(2026, time.January, d)))
	}
	var sources []source.Source
	for _, id := range []string{"ngo", "gov", "paper", "committee"} {
		sources = append(sources, source.Source{ID: source.MustSourceID(id), Name: id, Kind: source.NGO,
			Method: source.Announces, Confidence: decimal.RequireFromString("0.5")})
	}
	claim := func(id, src string, d int, q string) source.Claim {
		return source.Claim{ID: source.MustClaimID(id), Source: source.MustSourceID(src),
			Stated: time.Date(2026, time.January, d, 20, 0, 0, 0, vet), Measure: source.Releases, Scope: day(d),
			Quantity: source.MustQuantity(q), Status: source.Final, Basis: source.Announcement}
	}
	claims := []source.Claim{
		claim("ngo-24", "ngo", 24, "80"), claim("gov-24", "gov", 24, "80"), claim("committee-24", "committee", 24, "80"),
		claim("ngo-25", "ngo", 25, "at least 104"), claim("gov-25", "gov", 25, "131"), claim("paper-25", "paper", 25, "about 60"),
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(sources...)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := reliability.Estimate(ev, reliability.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range r.Objects {
		fmt.Printf("%s: %d, for %v, against %v\n", o.Scope.Period(), o.Value, o.Support, o.Against)
	}
	for _, s := range r.Sources {
		fmt.Printf("%-9s %d claims, %d contested, weight %s\n", s.Source, s.Claims, s.Contested, s.Weight.StringFixed(2))
	}
	fmt.Println("converged:", r.Converged)
	// Output:
	// 2026-01-24/2026-01-24: 80, for [committee-24 gov-24 ngo-24], against []
	// 2026-01-25/2026-01-25: 131, for [gov-25 ngo-25], against [paper-25]
	// committee 1 claims, 1 contested, weight 0.91
	// gov       2 claims, 2 contested, weight 1.00
	// ngo       2 claims, 2 contested, weight 1.00
	// paper     1 claims, 1 contested, weight 0.70
	// converged: true
}

// A liar and two sources repeating its every claim face four honest
// sources (reliabilitytest.LiarClique, seed 4): where the liar is wrong,
// its figure usually has three claims and the truth fewer. Started from
// equal accuracies, the estimation believes the clique; started from
// PooledInvestment's, the default, it finds the honest sources.
func ExampleStart() {
	sc := reliabilitytest.Synthetic(reliabilitytest.LiarClique(), 4)
	for _, st := range []reliability.Start{reliability.PriorStart, reliability.PooledStart} {
		opt := reliability.DefaultOptions()
		opt.Start = st
		r, err := reliability.Estimate(sc.Evidence, opt)
		if err != nil {
			fmt.Println(err)
			return
		}
		wrong := 0
		for _, tr := range sc.Truth {
			if o, _ := r.Object(source.Releases, tr.Scope); o.Value != tr.Value {
				wrong++
			}
		}
		liar, _ := r.Source(source.MustSourceID("s04"))
		honest, _ := r.Source(source.MustSourceID("s00"))
		fmt.Printf("%s: wrong on %d of %d days; weight of the liar %s, of an honest source %s\n",
			st, wrong, len(sc.Truth), liar.Weight.StringFixed(2), honest.Weight.StringFixed(2))
	}
	// Output:
	// prior: wrong on 115 of 150 days; weight of the liar 1.00, of an honest source 0.24
	// pooled: wrong on 33 of 150 days; weight of the liar 0.06, of an honest source 0.97
}

// Invalid options are reported field by field, as typed errors.
func ExampleOptions_Validate() {
	opt := reliability.DefaultOptions()
	opt.FalseValues = 1
	opt.CopyPrior = decimal.RequireFromString("0.9")
	err := opt.Validate()
	fmt.Println(errors.Is(err, reliability.ErrInvalid))
	if fe, ok := errors.AsType[*reliability.FieldError](err); ok {
		fmt.Println(fe.Field())
	}
	fmt.Println(err)
	// Output:
	// true
	// Options.FalseValues
	// reliability: Options.FalseValues "1": invalid: want 4 to 1000000
	// reliability: Options.CopyPrior "0.9": invalid: outside [0, 0.5]
}

// The default options: the reading of claims is reconcile's default.
func ExampleDefaultOptions() {
	opt := reliability.DefaultOptions()
	fmt.Println(opt.FalseValues, opt.PriorStrength, opt.CopyPrior, opt.CopyStrength, opt.MaxIterations, opt.Tolerance, opt.Start)
	fmt.Println(opt.Validate() == nil)
	// Output:
	// 100 2 0.1 2 500 0.0001 pooled
	// true
}

// Generic data: editors stating the population of places, keyed by any
// string. "springfield/il" and "springfield" are two objects; nothing is
// read into a "/". The editor "ann" revised her figure for springfield
// later the same day: the later stands. A figure too large to be a count
// is refused, naming the field.
func ExampleEstimateClaims() {
	at := func(h int) time.Time { return time.Date(2008, time.June, 1, h, 0, 0, 0, time.UTC) }
	var claims []reliability.Claim
	say := func(id, src string, obj reliability.ObjectKey, v int64, h int) {
		claims = append(claims, reliability.Claim{ID: source.MustClaimID(id), Source: source.MustSourceID(src),
			Object: obj, Value: v, Stated: at(h)})
	}
	say("1", "ann", "springfield", 151000, 9)
	say("2", "ann", "springfield", 152082, 18) // ann's revision
	say("3", "bob", "springfield", 152082, 10)
	say("4", "cy", "springfield", 154082, 11)
	say("5", "ann", "springfield/il", 116250, 9)
	say("6", "bob", "springfield/il", 116250, 10)
	say("7", "cy", "springfield/il", 111454, 11)
	say("8", "bob", "salem", 154637, 10)
	say("9", "cy", "salem", 154637, 12)
	r, err := reliability.EstimateClaims(claims, reliability.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range r.Objects {
		fmt.Printf("%-15s %d, for %v, against %v\n", o.Key, o.Value, o.Support, o.Against)
	}
	claims = append(claims, reliability.Claim{ID: source.MustClaimID("10"), Source: source.MustSourceID("vandal"),
		Object: "salem", Value: 690690690000000})
	_, err = reliability.EstimateClaims(claims, reliability.DefaultOptions())
	fe, _ := errors.AsType[*reliability.FieldError](err)
	fmt.Println(fe.Field(), errors.Is(err, reliability.ErrInvalid))
	// Output:
	// salem           154637, for [8 9], against []
	// springfield     152082, for [2 3], against [4]
	// springfield/il  116250, for [5 6], against [7]
	// Claims[9].Value true
}
