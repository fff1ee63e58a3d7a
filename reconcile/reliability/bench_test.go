package reliability_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/reconcile/reliability/reliabilitytest"
	"github.com/freedcount/freedcount/source"
)

// factFinderRounds is how many rounds the reference fact-finders run: they
// have no fixed point to stop at (see factfinders_test.go).
const factFinderRounds = 20

// BenchmarkPopulation estimates the population data set and reports, from
// the same run, the error rates against the truth (exact, and beyond 1 %)
// with the baselines: majority vote (ties to the first claim in file order),
// the lower median, and Pasternack and Roth's PooledInvestment (g = 1.4)
// and Investment (g = 1.2) after factFinderRounds rounds. ns/op is the
// whole Estimate, including reading the evidence with reconcile.NewIndex;
// the index sub-benchmark times that reading alone.
func BenchmarkPopulation(b *testing.B) {
	d := loadPopulation(b)
	opt := reliability.DefaultOptions()
	b.Run("estimate", func(b *testing.B) {
		var r reliability.Result
		for b.Loop() {
			var err error
			if r, err = reliability.Estimate(d.ev, opt); err != nil {
				b.Fatal(err)
			}
		}
		exact, beyond := score(d.truth, fromResult(r), 0.01)
		mExact, mBeyond := score(d.truth, baseline(d, majority), 0.01)
		lExact, lBeyond := score(d.truth, baseline(d, lowerMedian), 0.01)
		start := time.Now()
		pExact, pBeyond := score(d.truth, factFind(d, pooledInvestment, 1.4, factFinderRounds), 0.01)
		pTook := time.Since(start)
		iExact, iBeyond := score(d.truth, factFind(d, investment, 1.2, factFinderRounds), 0.01)
		b.ReportMetric(exact, "err-exact")
		b.ReportMetric(beyond, "err-1%")
		b.ReportMetric(mExact, "majority-exact")
		b.ReportMetric(mBeyond, "majority-1%")
		b.ReportMetric(lExact, "lowmedian-exact")
		b.ReportMetric(lBeyond, "lowmedian-1%")
		b.ReportMetric(pExact, "pooledinv-exact")
		b.ReportMetric(pBeyond, "pooledinv-1%")
		b.ReportMetric(float64(pTook.Milliseconds()), "ms-pooledinv")
		b.ReportMetric(iExact, "investment-exact")
		b.ReportMetric(iBeyond, "investment-1%")
		b.ReportMetric(float64(r.Iterations), "rounds")
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/estimate")
		b.ReportMetric(float64(d.build.Milliseconds()), "ms-build-evidence")
	})
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			if _, err := reconcile.NewIndex(d.ev, opt.Policy); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFlights estimates the flight data set and reports, from the same
// run, the accuracy against clean.csv with the baselines: majority vote on
// the raw strings (the README's), majority vote on the parsed times, the
// same estimation without the copy model, and PooledInvestment and
// Investment on the parsed times, as in BenchmarkPopulation.
func BenchmarkFlights(b *testing.B) {
	d := loadFlights(b)
	opt := reliability.DefaultOptions()
	var r reliability.Result
	for b.Loop() {
		var err error
		if r, err = reliability.Estimate(d.ev, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	noCopy := opt
	noCopy.CopyPrior = decimal.Zero
	rn, err := reliability.Estimate(d.ev, noCopy)
	if err != nil {
		b.Fatal(err)
	}
	exact, _ := score(d.truth, fromResult(r), 0)
	nExact, _ := score(d.truth, fromResult(rn), 0)
	mExact, _ := score(d.truth, baseline(d, majority), 0)
	pExact, _ := score(d.truth, factFind(d, pooledInvestment, 1.4, factFinderRounds), 0)
	iExact, _ := score(d.truth, factFind(d, investment, 1.2, factFinderRounds), 0)
	b.ReportMetric(1-exact, "accuracy")
	b.ReportMetric(1-nExact, "nocopy-accuracy")
	b.ReportMetric(1-pExact, "pooledinv-accuracy")
	b.ReportMetric(1-iExact, "investment-accuracy")
	b.ReportMetric(1-mExact, "majority-parsed")
	b.ReportMetric(rawMajorityAccuracy(d), "majority-raw")
	b.ReportMetric(float64(r.Iterations), "rounds")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/estimate")
}

// BenchmarkSynthetic measures throughput on larger synthetic scenarios:
// twelve sources of mixed accuracy speaking about most objects, two
// copiers and many one-time sources.
func BenchmarkSynthetic(b *testing.B) {
	for _, objects := range []int{1_000, 10_000} {
		if testing.Short() && objects > 1_000 {
			continue
		}
		sc := reliabilitytest.Synthetic(reliabilitytest.Config{
			Objects: objects, Accuracies: []float64{0.95, 0.9, 0.9, 0.85, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2},
			Coverage: 0.7, Copiers: []int{10, 11}, Once: objects / 10, OnceAccuracy: 0.6,
		}, 1)
		b.Run(fmt.Sprintf("claims=%d", sc.Evidence.NumClaims()), func(b *testing.B) {
			var r reliability.Result
			for b.Loop() {
				var err error
				if r, err = reliability.Estimate(sc.Evidence, reliability.DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
			miss := 0
			for _, tr := range sc.Truth {
				if o, ok := r.Object(source.Releases, tr.Scope); !ok || o.Value != tr.Value {
					miss++
				}
			}
			b.ReportMetric(float64(miss)/float64(len(sc.Truth)), "err-exact")
			b.ReportMetric(float64(r.Iterations), "rounds")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sc.Evidence.NumClaims()), "ns/claim")
		})
	}
}
