package reconcile_test

import (
	"fmt"
	"testing"

	"github.com/freedcount/freedcount/reconcile"
)

var nestedCache = map[string]reconcile.Evidence{}

func nestedOf(b *testing.B, n int, open float64) reconcile.Evidence {
	b.Helper()
	k := fmt.Sprint(n, open)
	if ev, ok := nestedCache[k]; ok {
		return ev
	}
	ev, err := reconcile.NestedEvidence(n, open, 1)
	if err != nil {
		b.Fatal(err)
	}
	nestedCache[k] = ev
	return ev
}

// BenchmarkNewIndexNested builds an index over claims whose scopes nest in
// period, population and region, with 0 %, 1 % and 10 % of them cumulative
// counts "since" a day, and reports the time per claim: it must grow as
// n log n, not faster. Goal: 10,000 claims under 1 s and 200 MB.
func BenchmarkNewIndexNested(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, open := range []float64{0, 0.01, 0.10} {
			if testing.Short() && n > 10_000 {
				continue
			}
			b.Run(fmt.Sprintf("claims=%d/open=%g%%", n, 100*open), func(b *testing.B) {
				ev := nestedOf(b, n, open)
				b.ReportAllocs()
				cpu0 := reconcile.CPUTime()
				for b.Loop() {
					if _, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy()); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
				b.ReportMetric(float64(reconcile.CPUTime()-cpu0)/float64(b.N)/float64(n), "cpu-ns/claim")
			})
		}
	}
}
