package reconcile

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// NestedEvidence returns about n claims over scopes nested the way real
// reports nest them: daily counts per population and region (political
// prisoners among detainees, military among them, 24 states in a country),
// weekly and monthly totals, a stock of prisoners held now and then, and a
// share open of cumulative counts "since" the first day of a quarter
// (1 December), stated on some day of the year that follows, whose resolved periods nest
// in one another and hold every daily count of their days. Deterministic
// from seed.
func NestedEvidence(n int, open float64, seed uint64) (Evidence, error) {
	rng := rand.New(rand.NewPCG(seed, 0xbe7c4))
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
	// About one claim per population, region and day.
	days := max(28, n/(len(pops)*len(regions)))
	start := release.MustDate(2025, time.December, 1)
	day := func(d int) release.Date { t, _ := start.AddDays(d); return t }
	base := time.Date(2025, time.December, 1, 12, 0, 0, 0, time.UTC)
	cs := make([]source.Claim, 0, n)
	for i := range n {
		pop, reg := pops[rng.IntN(len(pops))], regions[rng.IntN(len(regions))]
		var per release.Period
		m := source.Releases
		var statedDay int
		switch r := rng.Float64(); {
		case r < open:
			// "Since" the first day of a quarter, stated within the year after.
			anchor := 90 * rng.IntN(max(1, days/90))
			statedDay = min(days-1, anchor+rng.IntN(365))
			per = release.Since(day(anchor))
		case r < open+0.05:
			m = source.Held
			statedDay = rng.IntN(days)
			per = release.Day(day(statedDay))
		default:
			d := rng.IntN(days)
			switch k := rng.IntN(20); {
			case k < 16:
				per = release.Day(day(d))
			case k < 19:
				d -= d % 7
				per = release.MustPeriod(day(d), day(min(days-1, d+6)))
			default:
				d -= d % 30
				per = release.MustPeriod(day(d), day(min(days-1, d+29)))
			}
			statedDay = per.Last().DaysSince(start)
		}
		src := srcs[rng.IntN(nSources)]
		q, _ := source.NewQuantity(source.QuantityKind(1+rng.IntN(7)), 10+rng.IntN(200))
		cs = append(cs, source.Claim{
			ID:       source.MustClaimID(fmt.Sprintf("c%07d", i)),
			Source:   src.ID,
			Stated:   base.Add(time.Duration(statedDay)*24*time.Hour + time.Duration(rng.IntN(600))*time.Minute),
			Measure:  m,
			Scope:    release.MustScope(pop, reg, per),
			Quantity: q,
			Status:   source.Status(1 + rng.IntN(3)),
			Basis:    source.Basis(1 + rng.IntN(3)),
		})
	}
	var ev Evidence
	ev, err := ev.AddSources(srcs...)
	if err != nil {
		return ev, err
	}
	return ev.AddClaims(cs...)
}
