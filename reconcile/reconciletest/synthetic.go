package reconciletest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// Synthetic returns a large evidence set for benchmarks: about claims claims
// over about scopes distinct scopes, drawn deterministically from seed. The
// scopes nest the way real reports do — a country and its states, detainees
// and political prisoners among them, days within weeks within months —
// and the claims include relays, supersession and disagreement, from 50
// sources in 40 independence groups. The same arguments always give the same
// set.
func Synthetic(claims, scopes int, seed uint64) (reconcile.Evidence, error) {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	const nSources = 50
	var srcs []source.Source
	for i := range nSources {
		s := source.Source{
			ID:         source.MustSourceID(fmt.Sprintf("s%02d", i)),
			Name:       fmt.Sprintf("Source %d", i),
			Kind:       source.Kind(1 + i%8),
			Method:     source.Method(1 + i%3),
			Confidence: decimal.New(int64(50+rng.IntN(50)), -2),
		}
		if i%5 == 4 {
			s.Group = source.MustGroup(fmt.Sprintf("g%02d", i/5))
		}
		srcs = append(srcs, s)
	}
	regions := []release.Region{release.MustRegion("VE")}
	for i := range 24 {
		regions = append(regions, release.MustRegion(fmt.Sprintf("VE/S%02d", i)))
	}
	pops := []release.Population{
		release.MustPopulation("detainees"),
		release.MustPopulation("detainees/political"),
		release.MustPopulation("detainees/political/military"),
		release.MustPopulation("detainees/common"),
	}
	// Periods: days, weeks and months of a span long enough to give the
	// scopes asked for.
	perColumn := max(1, scopes/(len(regions)*len(pops)))
	days := max(1, perColumn*3/4)
	start := release.MustDate(2025, time.January, 1)
	var periods []release.Period
	for d := range days {
		day, _ := start.AddDays(d)
		periods = append(periods, release.Day(day))
	}
	for w := 0; len(periods) < perColumn && w*7 < days; w++ {
		a, _ := start.AddDays(w * 7)
		b, _ := start.AddDays(w*7 + 6)
		periods = append(periods, release.MustPeriod(a, b))
	}
	for m := 0; len(periods) < perColumn && m*30 < days; m++ {
		a, _ := start.AddDays(m * 30)
		b, _ := start.AddDays(m*30 + 29)
		periods = append(periods, release.MustPeriod(a, b))
	}
	var all []release.Scope
	for _, p := range pops {
		for _, r := range regions {
			for _, per := range periods {
				all = append(all, release.MustScope(p, r, per))
			}
		}
	}
	base := time.Date(2025, time.January, 1, 12, 0, 0, 0, time.UTC)
	cs := make([]source.Claim, 0, claims)
	for i := 0; len(cs) < claims; i++ {
		sc := all[rng.IntN(len(all))]
		src := srcs[rng.IntN(nSources)]
		last := sc.Period().Last()
		stated := base.Add(time.Duration(last.DaysSince(start))*24*time.Hour + time.Duration(rng.IntN(600))*time.Minute)
		n := 10 + rng.IntN(200)
		q, _ := source.NewQuantity(source.QuantityKind(1+rng.IntN(7)), n)
		c := source.Claim{
			ID:       source.MustClaimID(fmt.Sprintf("c%07d", i)),
			Source:   src.ID,
			Stated:   stated,
			Measure:  source.Releases,
			Scope:    sc,
			Quantity: q,
			Status:   source.Status(1 + rng.IntN(3)),
			Basis:    source.Basis(1 + rng.IntN(3)),
		}
		if rng.IntN(20) == 0 {
			c.Measure = source.Held
		}
		cs = append(cs, c)
		switch k := rng.IntN(10); {
		case k == 0 && len(cs) < claims: // a relay of the same statement
			r := c.Clone()
			r.ID = source.MustClaimID(fmt.Sprintf("c%07dr", i))
			r.Via = []source.SourceID{srcs[(rng.IntN(nSources-1)+1+int(src.ID.String()[1]-'0'))%nSources].ID}
			if r.Via[0] == r.Source {
				r.Via = nil
			}
			cs = append(cs, r)
		case k == 1 && len(cs) < claims: // a revision later the same day
			r := c.Clone()
			r.ID = source.MustClaimID(fmt.Sprintf("c%07ds", i))
			r.Stated = stated.Add(time.Hour)
			r.Quantity, _ = source.NewQuantity(source.Exactly, n+rng.IntN(20))
			r.Supersedes = c.ID
			cs = append(cs, r)
		}
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(srcs...)
	if err != nil {
		return ev, err
	}
	return ev.AddClaims(cs...)
}
