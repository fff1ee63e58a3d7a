package reconcile_test

import (
	"fmt"
	"slices"
	"testing"
	"time"
	"unsafe"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/source"
)

// synthetic caches generated evidence across benchmarks of one run.
var synthetic = map[[2]int]reconcile.Evidence{}

func evidenceOf(b *testing.B, claims, scopes int) reconcile.Evidence {
	b.Helper()
	k := [2]int{claims, scopes}
	if ev, ok := synthetic[k]; ok {
		return ev
	}
	ev, err := reconciletest.Synthetic(claims, scopes, 1)
	if err != nil {
		b.Fatal(err)
	}
	synthetic[k] = ev
	return ev
}

// BenchmarkReconcile reads every figure of a synthetic evidence set, and in
// the same run sorts the same claims by scope: the ratio of the two is the
// figure the project tracks (goal ≤ 5).
func BenchmarkReconcile(b *testing.B) {
	for _, size := range []struct{ claims, scopes int }{{10_000, 1_000}, {100_000, 10_000}, {1_000_000, 100_000}} {
		if testing.Short() && size.claims > 100_000 {
			continue
		}
		b.Run(fmt.Sprintf("claims=%d/scopes=%d", size.claims, size.scopes), func(b *testing.B) {
			ev := evidenceOf(b, size.claims, size.scopes)
			claims := slices.Collect(ev.Claims())
			cp := make([]source.Claim, len(claims))
			var sortTime time.Duration
			figures := 0
			cpu0 := reconcile.CPUTime()
			for b.Loop() {
				// The baseline, timed apart: sorting the same claims by scope.
				b.StopTimer()
				copy(cp, claims)
				t0 := time.Now()
				slices.SortFunc(cp, func(x, y source.Claim) int { return x.Scope.Compare(y.Scope) })
				sortTime += time.Since(t0)
				b.StartTimer()
				ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
				if err != nil {
					b.Fatal(err)
				}
				figures = len(ix.Figures())
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(float64(figures), "figures")
			b.ReportMetric(perOp/float64(size.claims), "ns/claim")
			b.ReportMetric(float64(sortTime.Nanoseconds())/float64(b.N)/1e6, "ms-sort")
			b.ReportMetric(perOp/(float64(sortTime.Nanoseconds())/float64(b.N)), "x-sort")
			// CPU time of the process, the sort included: steadier than the
			// clock on a loaded machine, for comparing builds.
			b.ReportMetric(float64(reconcile.CPUTime()-cpu0)/float64(b.N)/float64(size.claims), "cpu-ns/claim")
		})
	}
}

// BenchmarkMerge merges two evidence sets of half the claims each, against a
// plain map union of their claim IDs (goal: ratio ≤ 2).
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		if testing.Short() && n > 100_000 {
			continue
		}
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			ev := evidenceOf(b, n, n/10)
			all := slices.Collect(ev.Claims())
			srcs := slices.Collect(ev.Sources())
			var a, c reconcile.Evidence
			a, _ = a.AddSources(srcs...)
			c, _ = c.AddSources(srcs...)
			var left, right []source.Claim
			for i, cl := range all {
				if i%2 == 0 {
					left = append(left, cl)
				} else {
					right = append(right, cl)
				}
			}
			a, err := a.AddClaims(left...)
			if err != nil {
				b.Fatal(err)
			}
			c, err = c.AddClaims(right...)
			if err != nil {
				b.Fatal(err)
			}
			var mapTime time.Duration
			for b.Loop() {
				b.StopTimer()
				t0 := time.Now()
				mapUnion(left, right)
				mapTime += time.Since(t0)
				b.StartTimer()
				if _, err := reconcile.Merge(a, c); err != nil {
					b.Fatal(err)
				}
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/(float64(mapTime.Nanoseconds())/float64(b.N)), "x-map-union")
		})
	}
}

// mapUnion is the baseline of a merge: a plain map union of the claim IDs.
func mapUnion(left, right []source.Claim) map[source.ClaimID]struct{} {
	m := make(map[source.ClaimID]struct{}, len(left))
	for _, c := range left {
		m[c.ID] = struct{}{}
	}
	for _, c := range right {
		m[c.ID] = struct{}{}
	}
	return m
}

// BenchmarkEvidenceBytes reports the memory an Evidence holds per claim,
// against the size of the claims themselves (goal ≤ 2×).
func BenchmarkEvidenceBytes(b *testing.B) {
	ev := evidenceOf(b, 100_000, 10_000)
	claims := slices.Collect(ev.Claims())
	srcs := slices.Collect(ev.Sources())
	own := 0
	for _, c := range claims {
		own += claimSize(c)
	}
	var held uint64
	for b.Loop() {
		held = heldBytes(func() any {
			var e reconcile.Evidence
			e, _ = e.AddSources(srcs...)
			e, _ = e.AddClaims(claims...)
			return e
		})
	}
	b.ReportMetric(float64(held)/float64(len(claims)), "B/claim-held")
	b.ReportMetric(float64(own)/float64(len(claims)), "B/claim-own")
	b.ReportMetric(float64(held)/float64(own), "x-own")
}

// claimSize is the memory a claim needs on its own: the struct, its slices
// and its strings.
func claimSize(c source.Claim) int {
	n := int(unsafe.Sizeof(c))
	n += len(c.ID.String()) + len(c.Source.String()) + len(c.Supersedes.String())
	n += len(c.Citation.URL) + len(c.Citation.Quote) + len(c.Citation.Language)
	n += len(c.Via) * int(unsafe.Sizeof(source.SourceID{}))
	n += len(c.Named) * 16
	return n
}

// BenchmarkFigureWarm reads one figure from a built index, reporting the
// allocations per figure.
func BenchmarkFigureWarm(b *testing.B) {
	ev := evidenceOf(b, 100_000, 10_000)
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		b.Fatal(err)
	}
	figs := ix.Figures()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f := figs[i%len(figs)]
		if _, err := ix.Figure(f.Measure, f.Scope); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
