package reliability_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
)

// The goals on the real data sets. The estimation does not reach
// them (see the package documentation, "The prior" and "What was tried and
// not kept"): the tests hold the figures it does reach, so that a change
// that loses ground fails, and the benchmarks report the gap (metric
// goal-gap).
const (
	goalPopulationExact = 0.12
	goalFlightsAccuracy = 0.95
)

// The figures reached, as counts of the 301 population objects with truth:
// 51 missed exactly (0.169), 42 by more than 1 % (0.140). The first
// release missed 56 and 45 (0.186, 0.150), majority vote 58 and 49.
const (
	popMissedExact  = 51
	popMissedBeyond = 42
)

func TestPopulation(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("skipping the population data set (about a second, ten under the race detector) in short mode and under -race; BenchmarkPopulation measures it")
	}
	d := loadPopulation(t)
	start := time.Now()
	r, err := reliability.Estimate(d.ev, reliability.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	exact, beyond := score(d.truth, fromResult(r), 0.01)
	mExact, mBeyond := score(d.truth, baseline(d, majority), 0.01)
	lExact, lBeyond := score(d.truth, baseline(d, lowerMedian), 0.01)
	t.Logf("population: %d claims by %d sources, %d objects with truth; evidence built in %v; estimated in %v, %d rounds, converged %v",
		d.claims, d.sources, len(d.truth), d.build, took, r.Iterations, r.Converged)
	t.Logf("error exact %.3f, beyond 1%% %.3f (goal exact ≤ %.2f) | majority %.3f %.3f | lower median %.3f %.3f",
		exact, beyond, goalPopulationExact, mExact, mBeyond, lExact, lBeyond)
	if len(d.truth) != 301 {
		t.Errorf("%d objects with truth, want 301", len(d.truth))
	}
	if exact >= mExact || beyond >= mBeyond {
		t.Errorf("no better than majority vote: %.3f/%.3f against %.3f/%.3f", exact, beyond, mExact, mBeyond)
	}
	n := float64(len(d.truth))
	if missed := int(exact*n + 0.5); missed > popMissedExact {
		t.Errorf("missed %d objects exactly, more than the %d pinned", missed, popMissedExact)
	}
	if missed := int(beyond*n + 0.5); missed > popMissedBeyond {
		t.Errorf("missed %d objects by more than 1%%, more than the %d pinned", missed, popMissedBeyond)
	}
	if !r.Converged {
		t.Errorf("did not converge in %d rounds", r.Iterations)
	}
	dEst, dRounds := dongCopyVote(d)
	dExact, dBeyond := score(d.truth, dEst, 0.01)
	t.Logf("Dong et al.'s copy-aware vote %.3f %.3f (%d rounds)", dExact, dBeyond, dRounds)
	if exact >= dExact {
		t.Errorf("no better than Dong et al.'s copy-aware vote: %.3f against %.3f", exact, dExact)
	}
}

func TestFlights(t *testing.T) {
	d := loadFlights(t)
	r, err := reliability.Estimate(d.ev, reliability.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	exact, _ := score(d.truth, fromResult(r), 0)
	mExact, _ := score(d.truth, baseline(d, majority), 0)
	noCopy := reliability.DefaultOptions()
	noCopy.CopyPrior = decimal.Zero
	rn, err := reliability.Estimate(d.ev, noCopy)
	if err != nil {
		t.Fatal(err)
	}
	nExact, _ := score(d.truth, fromResult(rn), 0)
	t.Logf("flights: %d claims (%d cells without a time), %d sources, %d items; %d rounds, converged %v",
		d.claims, d.skipped, d.sources, len(d.truth), r.Iterations, r.Converged)
	t.Logf("accuracy %.4f (goal ≥ %.2f) | without the copy model %.4f | majority of parsed times %.4f, of raw strings %.4f",
		1-exact, goalFlightsAccuracy, 1-nExact, 1-mExact, rawMajorityAccuracy(d))
	if len(d.truth) != 400 {
		t.Errorf("%d items, want 400", len(d.truth))
	}
	if 1-exact < 0.94 {
		t.Errorf("accuracy %.4f fell below 0.94", 1-exact)
	}
	if exact >= nExact {
		t.Errorf("the copy model does not help: %.4f against %.4f", 1-exact, 1-nExact)
	}
	// The copy model of Dong et al. (2009), a dependence per pair of
	// sources, misses the same items (see the package documentation, "What
	// was tried and not kept").
	dEst, _ := dongCopyVote(d)
	dExact, _ := score(d.truth, dEst, 0)
	t.Logf("Dong et al.'s copy-aware vote %.4f", 1-dExact)
	if exact > dExact {
		t.Errorf("worse than Dong et al.'s copy-aware vote: %.4f against %.4f", 1-exact, 1-dExact)
	}
}

// TestLearnedWeightsFeedThePolicy: on the flight data, the learned weights
// are a valid policy, and reading every item under it agrees with the
// estimate where the consensus is a single figure.
func TestLearnedWeightsFeedThePolicy(t *testing.T) {
	d := loadFlights(t)
	r, err := reliability.Estimate(d.ev, reliability.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := r.Apply(reconcile.DefaultPolicy())
	if err := p.Validate(); err != nil {
		t.Fatalf("the learned weights are not a valid policy: %v", err)
	}
	ix, err := reconcile.NewIndex(d.ev, p)
	if err != nil {
		t.Fatal(err)
	}
	right, agree := 0, 0
	for _, k := range sortedKeys(d.truth) {
		f, err := ix.Figure(k.m, k.s)
		if err != nil {
			t.Fatal(err)
		}
		if f.Best == d.truth[k] {
			right++
		}
		if o, _ := r.Object(k.m, k.s); o.Value == f.Best {
			agree++
		}
	}
	t.Logf("reconcile's Best under the learned weights: right on %d of %d items, equal to the estimate on %d", right, len(d.truth), agree)
	if agree < len(d.truth)*99/100 {
		t.Errorf("reconcile's Best under the learned weights equals the estimate on only %d of %d items", agree, len(d.truth))
	}
}
