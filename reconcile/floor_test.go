package reconcile_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The derived floors, caps and nested cells are computed for every cell at
// once (parts.go, caps.go); these tests hold them to the reference — the
// same definitions computed one scope at a time, as before — claim for
// claim, so that no figure changes: Floor, FloorFrom, Cap, CapFrom and the
// pairs of Discrepancies are the same bytes.

// denseNested returns a generator of evidence whose scopes nest and overlap
// in every dimension on a few days: single days, spans, counts "since" a
// day (closed on the day stated), periods open at the start and the open
// period, in a lattice of populations and of regions three deep; stocks
// whose differences derive floors; and verifications whose scopes may be
// open at either end. With it come query scopes of the same lattice.
func denseNested(t *rapid.T) (reconcile.Evidence, []release.Scope) {
	pops := []release.Population{
		release.MustPopulation("detainees"),
		release.MustPopulation("detainees/political"),
		release.MustPopulation("detainees/political/military"),
		release.MustPopulation("detainees/common"),
	}
	regs := []release.Region{
		release.MustRegion("VE"), release.MustRegion("VE/A"), release.MustRegion("VE/B"),
		release.MustRegion("VE/A/x"), release.MustRegion("VE/A/y"),
	}
	start := release.MustDate(2026, time.January, 1)
	day := func(d int) release.Date { t, _ := start.AddDays(d); return t }
	{
		var srcs []source.Source
		for i := range 4 {
			s := source.Source{
				ID: source.MustSourceID(fmt.Sprintf("s%d", i)), Name: "S", Kind: source.NGO, Method: source.Announces,
				Confidence: decimal.RequireFromString(rapid.SampledFrom([]string{"1", "0.8", "0.5"}).Draw(t, "confidence")),
			}
			srcs = append(srcs, s)
		}
		period := func(label string, verification bool) (release.Period, int) {
			d := rapid.IntRange(0, 12).Draw(t, label+" day")
			switch rapid.IntRange(0, 6).Draw(t, label+" shape") {
			case 0, 1:
				return release.Day(day(d)), d
			case 2:
				e := d + rapid.IntRange(1, 6).Draw(t, label+" length")
				return release.MustPeriod(day(d), day(e)), e
			case 3:
				e := d + rapid.IntRange(0, 8).Draw(t, label+" stated after")
				return release.Since(day(d)), e
			case 4:
				return release.Until(day(d)), d
			case 5:
				if verification {
					return release.Since(day(d)), d
				}
				return release.Period{}, d
			default:
				return release.Period{}, d + rapid.IntRange(0, 4).Draw(t, label+" stated after")
			}
		}
		base := time.Date(2026, time.January, 1, 12, 0, 0, 0, time.UTC)
		var claims []source.Claim
		n := rapid.IntRange(0, 60).Draw(t, "claims")
		for i := range n {
			per, stated := period("claim", false)
			m := rapid.SampledFrom([]source.Measure{source.Releases, source.Releases, source.Releases, source.Held, source.Detentions}).Draw(t, "measure")
			if m.IsStock() {
				per = release.Day(day(stated))
			}
			var q source.Quantity
			// Few figures, so that families and caps tie often.
			v := rapid.SampledFrom([]int{5, 10, 10, 20, 40}).Draw(t, "figure")
			switch rapid.IntRange(0, 3).Draw(t, "kind") {
			case 0:
				q, _ = source.NewBetween(v, v+rapid.SampledFrom([]int{5, 10}).Draw(t, "width"))
			default:
				q, _ = source.NewQuantity(rapid.SampledFrom([]source.QuantityKind{source.Exactly, source.AtLeast, source.About, source.AtMost}).Draw(t, "quantity kind"), v)
			}
			claims = append(claims, source.Claim{
				ID:       source.MustClaimID(fmt.Sprintf("c%03d", i)),
				Source:   rapid.SampledFrom(srcs).Draw(t, "source").ID,
				Stated:   base.Add(time.Duration(stated)*24*time.Hour + time.Duration(rapid.IntRange(0, 5).Draw(t, "hour"))*time.Hour),
				Measure:  m,
				Scope:    release.MustScope(rapid.SampledFrom(pops).Draw(t, "population"), rapid.SampledFrom(regs).Draw(t, "region"), per),
				Quantity: q,
				Status:   rapid.SampledFrom([]source.Status{source.Preliminary, source.Verified, source.Final}).Draw(t, "status"),
				Basis:    rapid.SampledFrom([]source.Basis{source.NamedList, source.Announcement, source.Estimate}).Draw(t, "basis"),
			})
		}
		var vs []reconcile.Verification
		for i := range rapid.IntRange(0, 10).Draw(t, "verifications") {
			per, stated := period("verification", true)
			vs = append(vs, reconcile.Verification{
				Detainee: release.MustDetaineeID(fmt.Sprintf("D-%d", rapid.IntRange(0, 8).Draw(t, "detainee"))),
				Scope:    release.MustScope(rapid.SampledFrom(pops).Draw(t, "verified population"), rapid.SampledFrom(regs).Draw(t, "verified region"), per),
				Source:   srcs[i%len(srcs)].ID,
				Stated:   base.Add(time.Duration(stated) * 24 * time.Hour),
			})
		}
		var e reconcile.Evidence
		e, err := e.AddSources(srcs...)
		if err == nil {
			e, err = e.AddClaims(claims...)
		}
		if err == nil {
			e, err = e.AddVerifications(vs...)
		}
		if err != nil {
			t.Fatalf("generated evidence rejected: %v", err)
		}
		var scopes []release.Scope
		for range rapid.IntRange(0, 6).Draw(t, "query scopes") {
			per, _ := period("query", true)
			scopes = append(scopes, release.MustScope(rapid.SampledFrom(pops).Draw(t, "query population"), rapid.SampledFrom(regs).Draw(t, "query region"), per))
		}
		return e, scopes
	}
}

func checkAgainstReference(t *rapid.T, ev reconcile.Evidence, p reconcile.Policy, scopes []release.Scope) {
	ix, err := reconcile.NewIndex(ev, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.CheckAgainstReference(scopes); err != nil {
		t.Fatal(err)
	}
}

// TestFloorsMatchReference: on the generators' evidence, under every
// policy the generators draw (partitions among them), every cell's floor,
// cap and nested cells, and those of scopes no claim is about, are what
// the reference computes.
func TestFloorsMatchReference(t *testing.T) {
	t.Run("lattice", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			scopes := rapid.SliceOfN(reconciletest.Scope(), 0, 6).Draw(t, "scopes")
			checkAgainstReference(t, reconciletest.Evidence().Draw(t, "evidence"), reconciletest.Policy().Draw(t, "policy"), scopes)
		})
	})
	t.Run("dense", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			ev, scopes := denseNested(t)
			checkAgainstReference(t, ev, reconciletest.Policy().Draw(t, "policy"), scopes)
		})
	})
}

// TestFloorsMatchReferenceLarge compares on the benchmarks' evidence: the
// synthetic set and claims nested in period, population and region with a
// tenth of them counts "since" a day.
func TestFloorsMatchReferenceLarge(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 800
	}
	syn, err := reconciletest.Synthetic(n, n/10, 1)
	if err != nil {
		t.Fatal(err)
	}
	nested, err := reconcile.NestedEvidence(n, 0.1, 2)
	if err != nil {
		t.Fatal(err)
	}
	partitioned := reconcile.DefaultPolicy()
	pt, err := release.NewPartition(release.MustPopulation("detainees"),
		release.MustPopulation("detainees/political"), release.MustPopulation("detainees/common"))
	if err != nil {
		t.Fatal(err)
	}
	partitioned.Partitions = []release.Partition{pt}
	for name, ev := range map[string]reconcile.Evidence{"synthetic": syn, "nested": nested} {
		for pname, p := range map[string]reconcile.Policy{"default": reconcile.DefaultPolicy(), "partitioned": partitioned} {
			t.Run(name+"/"+pname, func(t *testing.T) {
				ix, err := reconcile.NewIndex(ev, p)
				if err != nil {
					t.Fatal(err)
				}
				if err := ix.CheckAgainstReference(nil); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}
