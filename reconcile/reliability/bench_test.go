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

// starts are the starts every property checks, the default first.
var starts = []reliability.Start{reliability.PooledStart, reliability.PriorStart}

// variant is a set of options a benchmark measures.
type variant struct {
	name string
	opt  reliability.Options
}

// variants are the options every benchmark measures, in one run: the
// default first, then the other start, then the first release's prior
// accuracy (the pooled share of all voting claims rather than the mean over
// voices; see the package documentation, "The prior").
func variants() []variant {
	prior := reliability.DefaultOptions()
	prior.Start = reliability.PriorStart
	return []variant{
		{"start=pooled", reliability.DefaultOptions()},
		{"start=prior", prior},
		{"claim-prior", reliability.WithClaimPrior(reliability.DefaultOptions())},
	}
}

// estimateWith runs Estimate under opt.
func estimateWith(b *testing.B, e reconcile.Evidence, opt reliability.Options) reliability.Result {
	r, err := reliability.Estimate(e, opt)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkPopulation estimates the population data set under each variant
// and reports, from the same run, the error rates against the truth
// (exact, and beyond 1 %) and the gap to the goal (exact ≤ 0.12);
// the default's sub-benchmark also reports
// the baselines: majority vote (ties to the first claim in file order), the
// lower median, the earliest and the latest claim in file order (see
// earliest), and Pasternack and Roth's PooledInvestment (g = 1.4) and
// Investment (g = 1.2) after factFinderRounds rounds, and the copy-aware
// vote of Dong, Berti-Equille and Srivastava 2009 (dongCopyVote, metrics
// dongcopy-*). ns/op is the whole
// Estimate, including reading the evidence with reconcile.NewIndex; the
// index sub-benchmark times that reading alone.
func BenchmarkPopulation(b *testing.B) {
	d := loadPopulation(b)
	for i, v := range variants() {
		b.Run(v.name, func(b *testing.B) {
			var r reliability.Result
			for b.Loop() {
				r = estimateWith(b, d.ev, v.opt)
			}
			exact, beyond := score(d.truth, fromResult(r), 0.01)
			b.ReportMetric(exact, "err-exact")
			b.ReportMetric(beyond, "err-1%")
			b.ReportMetric(max(0, exact-goalPopulationExact), "goal-gap")
			b.ReportMetric(float64(r.Iterations), "rounds")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/estimate")
			if i != 0 {
				return
			}
			mExact, mBeyond := score(d.truth, baseline(d, majority), 0.01)
			lExact, lBeyond := score(d.truth, baseline(d, lowerMedian), 0.01)
			eExact, eBeyond := score(d.truth, baseline(d, earliest), 0.01)
			tExact, tBeyond := score(d.truth, baseline(d, latest), 0.01)
			start := time.Now()
			pExact, pBeyond := score(d.truth, factFind(d, pooledInvestment, 1.4, factFinderRounds), 0.01)
			pTook := time.Since(start)
			iExact, iBeyond := score(d.truth, factFind(d, investment, 1.2, factFinderRounds), 0.01)
			dEst, dRounds := dongCopyVote(d)
			dExact, dBeyond := score(d.truth, dEst, 0.01)
			b.ReportMetric(dExact, "dongcopy-exact")
			b.ReportMetric(dBeyond, "dongcopy-1%")
			b.ReportMetric(float64(dRounds), "dongcopy-rounds")
			b.ReportMetric(mExact, "majority-exact")
			b.ReportMetric(mBeyond, "majority-1%")
			b.ReportMetric(lExact, "lowmedian-exact")
			b.ReportMetric(lBeyond, "lowmedian-1%")
			b.ReportMetric(eExact, "earliest-exact")
			b.ReportMetric(eBeyond, "earliest-1%")
			b.ReportMetric(tExact, "latest-exact")
			b.ReportMetric(tBeyond, "latest-1%")
			b.ReportMetric(pExact, "pooledinv-exact")
			b.ReportMetric(pBeyond, "pooledinv-1%")
			b.ReportMetric(float64(pTook.Milliseconds()), "ms-pooledinv")
			b.ReportMetric(iExact, "investment-exact")
			b.ReportMetric(iBeyond, "investment-1%")
			b.ReportMetric(float64(d.build.Milliseconds()), "ms-build-evidence")
		})
	}
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			if _, err := reconcile.NewIndex(d.ev, reconcile.DefaultPolicy()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFlights estimates the flight data set under each variant and
// reports, from the same run, the accuracy against clean.csv, the gap to
// the goal (≥ 0.95), and the same estimation without the copy
// model; the default's sub-benchmark also reports the baselines: majority vote on the raw strings (the
// README's), majority vote on the parsed times, and PooledInvestment,
// Investment and Dong et al.'s copy-aware vote on the parsed times, as in
// BenchmarkPopulation; and the
// estimate with sources that state identical records declared one group
// (cloneGroups, over 50 and over 100 shared items: metrics clonesN-accuracy).
func BenchmarkFlights(b *testing.B) {
	d := loadFlights(b)
	for i, v := range variants() {
		b.Run(v.name, func(b *testing.B) {
			var r reliability.Result
			for b.Loop() {
				r = estimateWith(b, d.ev, v.opt)
			}
			b.StopTimer()
			noCopy := v.opt
			noCopy.CopyPrior = decimal.Zero
			rn, err := reliability.Estimate(d.ev, noCopy)
			if err != nil {
				b.Fatal(err)
			}
			exact, _ := score(d.truth, fromResult(r), 0)
			nExact, _ := score(d.truth, fromResult(rn), 0)
			b.ReportMetric(1-exact, "accuracy")
			b.ReportMetric(max(0, goalFlightsAccuracy-(1-exact)), "goal-gap")
			b.ReportMetric(1-nExact, "nocopy-accuracy")
			b.ReportMetric(float64(r.Iterations), "rounds")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/estimate")
			if i != 0 {
				return
			}
			mExact, _ := score(d.truth, baseline(d, majority), 0)
			pExact, _ := score(d.truth, factFind(d, pooledInvestment, 1.4, factFinderRounds), 0)
			iExact, _ := score(d.truth, factFind(d, investment, 1.2, factFinderRounds), 0)
			dEst, _ := dongCopyVote(d)
			dExact, _ := score(d.truth, dEst, 0)
			b.ReportMetric(1-dExact, "dongcopy-accuracy")
			b.ReportMetric(1-pExact, "pooledinv-accuracy")
			b.ReportMetric(1-iExact, "investment-accuracy")
			for _, minShared := range []int{50, 100} {
				rc := estimateWith(b, cloneGroups(b, d, minShared), v.opt)
				cExact, _ := score(d.truth, fromResult(rc), 0)
				b.ReportMetric(1-cExact, fmt.Sprintf("clones%d-accuracy", minShared))
			}
			b.ReportMetric(1-mExact, "majority-parsed")
			b.ReportMetric(rawMajorityAccuracy(d), "majority-raw")
		})
	}
}

// generatedScenarios is how many of reliabilitytest.Scenarios' small
// scenarios BenchmarkScenarios measures.
const generatedScenarios = 1000

// BenchmarkScenarios estimates reliabilitytest's named synthetic scenarios,
// each over seeds 1 to 5, and the first generatedScenarios small scenarios
// of reliabilitytest.Scenarios (by rapid's example seeds 0, 1, …), under
// each variant, and reports the mean error rate against the truth (the mean
// over the scenarios of the share of objects whose figure is wrong), the
// worst scenario's, the mean rounds, and the mean time per estimate. ns/op
// is the whole set.
func BenchmarkScenarios(b *testing.B) {
	sets := []struct {
		name string
		scs  []reliabilitytest.Scenario
	}{
		{"mixed", seeds(reliabilitytest.Mixed())},
		{"liar-clique", seeds(reliabilitytest.LiarClique())},
		{"sparse", seeds(reliabilitytest.Sparse())},
		{"copy-ring", seeds(reliabilitytest.CopyRing())},
		{"generated", generated(generatedScenarios)},
	}
	for _, set := range sets {
		for _, v := range variants() {
			b.Run(set.name+"/"+v.name, func(b *testing.B) {
				rs := make([]reliability.Result, len(set.scs))
				for b.Loop() {
					for i, sc := range set.scs {
						rs[i] = estimateWith(b, sc.Evidence, v.opt)
					}
				}
				perEstimate := float64(b.Elapsed().Microseconds()) / float64(b.N) / float64(len(set.scs))
				var sum, worst, rounds float64
				for i, sc := range set.scs {
					e := scenarioError(sc, rs[i])
					sum += e
					worst = max(worst, e)
					rounds += float64(rs[i].Iterations)
				}
				n := float64(len(set.scs))
				b.ReportMetric(sum/n, "err-exact")
				b.ReportMetric(worst, "err-worst")
				b.ReportMetric(rounds/n, "rounds")
				b.ReportMetric(perEstimate, "µs/estimate")
			})
		}
	}
}

// seeds builds the scenario cfg describes from seeds 1 to 5.
func seeds(cfg reliabilitytest.Config) []reliabilitytest.Scenario {
	var scs []reliabilitytest.Scenario
	for seed := uint64(1); seed <= 5; seed++ {
		scs = append(scs, reliabilitytest.Synthetic(cfg, seed))
	}
	return scs
}

// generated draws the first n scenarios of reliabilitytest.Scenarios.
func generated(n int) []reliabilitytest.Scenario {
	scs := make([]reliabilitytest.Scenario, n)
	for i := range scs {
		scs[i] = reliabilitytest.Scenarios().Example(i)
	}
	return scs
}

// BenchmarkSynthetic measures throughput on larger scenarios of
// reliabilitytest.Mixed's kind, with the default start.
func BenchmarkSynthetic(b *testing.B) {
	for _, objects := range []int{1_000, 10_000} {
		if testing.Short() && objects > 1_000 {
			continue
		}
		cfg := reliabilitytest.Mixed()
		cfg.Objects, cfg.Once = objects, objects/10
		sc := reliabilitytest.Synthetic(cfg, 1)
		b.Run(fmt.Sprintf("claims=%d", sc.Evidence.NumClaims()), func(b *testing.B) {
			var r reliability.Result
			for b.Loop() {
				var err error
				if r, err = reliability.Estimate(sc.Evidence, reliability.DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(scenarioError(sc, r), "err-exact")
			b.ReportMetric(float64(r.Iterations), "rounds")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sc.Evidence.NumClaims()), "ns/claim")
		})
	}
}

// BenchmarkAgreeingCrowd measures one contested object stated by n sources,
// nine in ten of them agreeing (one form of 0.9·n votes, and another object
// where three forms split them), for n from 1,000 to 16,000: the time per
// claim must not grow with n, as it did (quadratically) when every vote of a
// form was compared with every other.
func BenchmarkAgreeingCrowd(b *testing.B) {
	for _, n := range []int{1_000, 4_000, 16_000} {
		if testing.Short() && n > 1_000 {
			continue
		}
		var claims []reliability.Claim
		for i := range n {
			v := int64(100)
			if i%10 == 0 {
				v = 90
			}
			src := source.MustSourceID(fmt.Sprintf("s%05d", i))
			claims = append(claims,
				reliability.Claim{ID: source.MustClaimID(fmt.Sprintf("x%05d", i)), Source: src, Object: "x", Value: v},
				reliability.Claim{ID: source.MustClaimID(fmt.Sprintf("y%05d", i)), Source: src, Object: "y", Value: v + int64(i%3)})
		}
		b.Run(fmt.Sprintf("sources=%d", n), func(b *testing.B) {
			var r reliability.Result
			for b.Loop() {
				var err error
				if r, err = reliability.EstimateClaims(claims, reliability.DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(claims)), "ns/claim")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(claims))/float64(r.Iterations), "ns/claim/round")
		})
	}
}
