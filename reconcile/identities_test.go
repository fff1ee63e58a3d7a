package reconcile

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// IdentityEvidence returns evidence with n identity verifications (one
// person in ten verified twice, on another day or in another region) over
// max(28, n/10) days, in the regions of Venezuela and its 24 states, and
// one cumulative count of releases "since" the first day stated on each
// day and in each of a few regions: scopes that nest in period, each
// holding on average half the identities, so that counting the people
// within each scope one by one is quadratic.
func IdentityEvidence(n int, seed uint64) (Evidence, error) {
	rng := rand.New(rand.NewPCG(seed, 0x1de7))
	fp := source.Source{
		ID: source.MustSourceID("fp"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.New(9, -1),
	}
	regions := []release.Region{release.MustRegion("VE")}
	for i := range 24 {
		regions = append(regions, release.MustRegion(fmt.Sprintf("VE/S%02d", i)))
	}
	pop := release.MustPopulation("detainees/political")
	days := max(28, n/10)
	start := release.MustDate(2000, time.January, 1)
	day := func(d int) release.Date { t, _ := start.AddDays(d); return t }
	base := time.Date(2000, time.January, 1, 12, 0, 0, 0, time.UTC)
	vs := make([]Verification, 0, n)
	for i := range n {
		who := i
		if i%10 == 9 {
			who = rng.IntN(i) // verified again
		}
		d := rng.IntN(days)
		vs = append(vs, Verification{
			Detainee: release.MustDetaineeID(fmt.Sprintf("p%07d", who)),
			Scope:    release.MustScope(pop, regions[rng.IntN(len(regions))], release.Day(day(d))),
			Source:   fp.ID,
			Stated:   base.Add(time.Duration(d) * 24 * time.Hour),
		})
	}
	var cs []source.Claim
	for d := range days {
		for _, reg := range regions[:3] {
			q, _ := source.NewQuantity(source.AtLeast, 1+d)
			cs = append(cs, source.Claim{
				ID:       source.MustClaimID(fmt.Sprintf("c%07d-%s", d, reg)),
				Source:   fp.ID,
				Stated:   base.Add(time.Duration(d) * 24 * time.Hour),
				Measure:  source.Releases,
				Scope:    release.MustScope(pop, reg, release.Since(start)),
				Quantity: q,
				Status:   source.Verified,
				Basis:    source.Announcement,
			})
		}
	}
	var ev Evidence
	ev, err := ev.AddSources(fp)
	if err != nil {
		return ev, err
	}
	if ev, err = ev.AddVerifications(vs...); err != nil {
		return ev, err
	}
	return ev.AddClaims(cs...)
}

// VerifiedByScan counts the verified floor of every cell about releases
// one scope at a time, scanning the identities within each, as the index
// did before it counted them all at once; it returns their sum, which is
// the sum of the cells' verified floors.
func (ix *Index) VerifiedByScan() int {
	seen := make([]bool, ix.nPeople)
	total := 0
	for i := range ix.cells {
		if c := &ix.cells[i]; c.key.m == source.Releases {
			total += ix.verified(c.key.s, seen)
		}
	}
	return total
}

// IdentityCountsSum counts the people verified within every cell at once,
// as NewIndex does, and returns the sum of the counts.
func (ix *Index) IdentityCountsSum() int {
	total := 0
	for _, n := range ix.identityCounts() {
		total += n
	}
	return total
}

// IdentityScanSum is IdentityCountsSum scope by scope: the scan.
func (ix *Index) IdentityScanSum() int {
	seen := make([]bool, ix.nPeople)
	total := 0
	for i := range ix.cells {
		if c := &ix.cells[i]; c.key.m == source.Releases {
			total += ix.identities(c.key.s, seen)
		}
	}
	return total
}

// VerifiedSum returns the sum of the verified floors of the cells.
func (ix *Index) VerifiedSum() int {
	total := 0
	for i := range ix.cells {
		total += ix.cells[i].verified
	}
	return total
}
