package reconcile_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/freedcount/freedcount/reconcile"
)

// BenchmarkVerifiedNested counts the people verified within every cell of
// an index over n identity verifications and a cumulative count "since"
// the first day for every day (see reconcile.IdentityEvidence: scopes
// nested in period, each holding on average half the identities), all
// cells at once as NewIndex does; and in the same run one scope at a time,
// scanning the identities within each, as the index did before (x-scan is
// the first's time over the second's; the two counts must agree).
// ns/identity must grow as log n, not as n: compare it at the two sizes,
// ten times apart. build-ns/identity is one whole NewIndex, for scale.
func BenchmarkVerifiedNested(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		if testing.Short() && n > 10_000 {
			continue
		}
		b.Run(fmt.Sprintf("identities=%d", n), func(b *testing.B) {
			ev, err := reconcile.IdentityEvidence(n, 1)
			if err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
			if err != nil {
				b.Fatal(err)
			}
			build := time.Since(t0)
			if got, want := ix.VerifiedByScan(), ix.VerifiedSum(); got != want {
				b.Fatalf("verified floors sum to %d, %d by scanning", want, got)
			}
			var scan time.Duration
			for b.Loop() {
				got := ix.IdentityCountsSum()
				b.StopTimer()
				t0 := time.Now()
				if want := ix.IdentityScanSum(); got != want {
					b.Fatalf("identities sum to %d, %d by scanning", got, want)
				}
				scan += time.Since(t0)
				b.StartTimer()
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/float64(n), "ns/identity")
			b.ReportMetric(float64(scan.Nanoseconds())/float64(b.N)/float64(n), "scan-ns/identity")
			b.ReportMetric(perOp/(float64(scan.Nanoseconds())/float64(b.N)), "x-scan")
			b.ReportMetric(float64(build.Nanoseconds())/float64(n), "build-ns/identity")
		})
	}
}
