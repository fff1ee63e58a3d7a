package reconcile_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// manySources is n independent sources, each stating a different figure
// for one scope, most of them far apart (a hostile cell: many disputes).
func manySources(b *testing.B, n int) (reconcile.Evidence, release.Scope) {
	b.Helper()
	sc := scope(political, ve, day(25))
	var srcs []source.Source
	var claims []source.Claim
	for i := range n {
		id := source.MustSourceID("s" + strconv.Itoa(i))
		srcs = append(srcs, source.Source{ID: id, Name: id.String(), Kind: source.NGO, Method: source.Announces,
			Confidence: decimal.New(int64(1+i%9), -1)})
		q := []string{"%d", "about %d", "at least %d", "between %d and 3000"}[i%4]
		claims = append(claims, source.Claim{ID: source.MustClaimID("c" + strconv.Itoa(i)), Source: id, Stated: at(25, 20),
			Measure: source.Releases, Scope: sc, Quantity: source.MustQuantity(fmt.Sprintf(q, 100+7*(i%300))),
			Status: source.Final, Basis: source.Announcement})
	}
	var e reconcile.Evidence
	e, err := e.AddSources(srcs...)
	if err == nil {
		e, err = e.AddClaims(claims...)
	}
	if err != nil {
		b.Fatal(err)
	}
	return e, sc
}

// BenchmarkConsensusManySources reads the figure of one scope on which n
// independent sources speak (DESIGN invariant 14: consensus O(n log n) in
// the claims of a cell; goal for 2,000 sources: under 10 ms), beside
// sorting the same claims by figure in the same run.
func BenchmarkConsensusManySources(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		b.Run(fmt.Sprintf("sources=%d", n), func(b *testing.B) {
			e, sc := manySources(b, n)
			claims := slices.Collect(e.Claims())
			var sortTime, figTime time.Duration
			for b.Loop() {
				b.StopTimer()
				cp := slices.Clone(claims)
				t0 := time.Now()
				slices.SortFunc(cp, func(x, y source.Claim) int { return x.Quantity.Number() - y.Quantity.Number() })
				sortTime += time.Since(t0)
				b.StartTimer()
				ix, err := reconcile.NewIndex(e, reconcile.DefaultPolicy())
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := ix.Figure(source.Releases, sc); err != nil {
					b.Fatal(err)
				}
				figTime += time.Since(t1)
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/1e6, "ms/index+figure")
			b.ReportMetric(float64(figTime.Nanoseconds())/float64(b.N)/1e6, "ms/figure")
			b.ReportMetric(perOp/float64(n), "ns/claim")
			b.ReportMetric(perOp/(float64(sortTime.Nanoseconds())/float64(b.N)), "x-sort")
		})
	}
}

// BenchmarkDiscrepanciesOfEveryFigure reads the full list of discrepancies
// of every figure, and the review, over claims nested in period,
// population and region (a tenth counts "since" a day): the pass a
// command makes, which must not grow as the square of the scopes.
func BenchmarkDiscrepanciesOfEveryFigure(b *testing.B) {
	for _, n := range []int{2_000, 10_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			ev, err := reconcile.NestedEvidence(n, 0.1, 1)
			if err != nil {
				b.Fatal(err)
			}
			ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
			if err != nil {
				b.Fatal(err)
			}
			figs := ix.Figures()
			pairs := 0
			var reviewTime time.Duration
			for b.Loop() {
				pairs = 0
				for _, f := range figs {
					ds, err := ix.Discrepancies(f.Measure, f.Scope)
					if err != nil {
						b.Fatal(err)
					}
					pairs += len(ds)
				}
				t0 := time.Now()
				ix.Review()
				reviewTime += time.Since(t0)
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(float64(pairs), "pairs")
			b.ReportMetric(perOp/float64(max(pairs, 1)), "ns/pair")
			b.ReportMetric(float64(reviewTime.Nanoseconds())/float64(b.N)/1e6, "ms-review")
		})
	}
}
