package mse_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// quick returns options for a short chain.
func quick(seed uint64) mse.LatentClassOptions {
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin, o.Seed = 500, 500, 2, seed
	return o
}

// TestLatentClassDeterministic: the same seed gives the same draws to the
// last bit, whatever the order the lists were given in; another seed gives
// other draws.
func TestLatentClassDeterministic(t *testing.T) {
	pop := msetest.LatentClasses(4, 3000, 2, 7)
	h := pop.Histories
	a, err := mse.LatentClass(context.Background(), h, quick(1))
	require.NoError(t, err)
	b, err := mse.LatentClass(context.Background(), permuted(h, []int{2, 0, 3, 1}), quick(1))
	require.NoError(t, err)
	assert.Equal(t, a.Draws, b.Draws)
	assert.True(t, a.Estimate.Equal(b.Estimate))
	c, err := mse.LatentClass(context.Background(), h, quick(2))
	require.NoError(t, err)
	assert.NotEqual(t, a.Draws, c.Draws)
	require.Len(t, a.Draws, 500)
	for _, d := range a.Draws {
		require.GreaterOrEqual(t, d, h.Observed())
	}
	e := a.Estimate
	require.NoError(t, e.Validate())
	assert.Equal(t, mse.MethodLatentClass, e.Method)
	assert.Equal(t, "latent-class", e.Model())
	assert.Equal(t, a.Quantile(0.5), e.N)
	assert.Equal(t, a.Quantile(0.025), e.Lo)
	assert.Equal(t, a.Quantile(0.975), e.Hi)
	assert.True(t, math.IsNaN(a.Quantile(1.5)))
	_, err = e.Claim(spec)
	require.NoError(t, err)
}

// TestLatentClassProgressAndCancel: progress reports every 1,000
// iterations and the total at the end; a cancelled context stops the
// sampler with its error.
func TestLatentClassProgressAndCancel(t *testing.T) {
	h := msetest.LatentClasses(4, 1000, 2, 3).Histories
	o := quick(1)
	var seen []int
	o.Progress = func(done, total int) {
		require.Equal(t, 1500, total)
		seen = append(seen, done)
	}
	_, err := mse.LatentClass(context.Background(), h, o)
	require.NoError(t, err)
	assert.Equal(t, []int{1000, 1500}, seen)

	ctx, cancel := context.WithCancel(context.Background())
	o.Progress = func(int, int) { cancel() }
	_, err = mse.LatentClass(ctx, h, o)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestLatentClassRefusals: bad options and tables that cannot be
// estimated are typed errors.
func TestLatentClassRefusals(t *testing.T) {
	h := msetest.LatentClasses(4, 1000, 2, 3).Histories
	bad := mse.LatentClassOptions{}
	_, err := mse.LatentClass(context.Background(), h, bad)
	require.ErrorIs(t, err, mse.ErrInvalid)
	for _, f := range []string{"Level", "Classes", "AlphaShape", "AlphaRate", "Draws", "Thin"} {
		assert.Contains(t, err.Error(), "LatentClassOptions."+f)
	}
	two, err := h.Restrict(h.Lists()[0], h.Lists()[1])
	require.NoError(t, err)
	_, err = mse.LatentClass(context.Background(), two, quick(1))
	checkRefusal(t, err)
	assert.ErrorIs(t, err, mse.ErrTooFewLists)
}

// TestLatentClassIndependentLists: when the lists are independent (one
// class), the posterior agrees with the log-linear independence model,
// whose assumptions then hold: the posterior median lies within the
// model's interval and the truth within the posterior interval.
func TestLatentClassIndependentLists(t *testing.T) {
	for seed := range uint64(3) {
		pop := msetest.LatentClasses(4, 4000, 1, seed)
		p, err := mse.LatentClass(context.Background(), pop.Histories, quick(seed))
		require.NoError(t, err)
		ind, err := mse.Fit(pop.Histories, nil, mse.DefaultOptions())
		require.NoError(t, err)
		assert.True(t, ind.Lo <= p.Estimate.N && p.Estimate.N <= ind.Hi, "posterior %v outside %v", p.Estimate, ind)
		n := float64(pop.N)
		assert.True(t, p.Estimate.Lo <= n && n <= p.Estimate.Hi, "truth %d outside %v", pop.N, p.Estimate)
	}
}

// simResult is the outcome of the simulation study.
type simResult struct {
	populations, covered   int
	coverage               float64
	coverLo, coverHi       float64   // Wilson 95 % interval of the coverage
	byLists                [2][2]int // [4 or 5 lists][populations, covered]
	under                  int       // misses with the truth above the interval
	bias, medianErr, llErr float64   // relative: mean (N̂ − N)/N, median |N̂ − N|/N
	llCovered              int
	perEstimate            time.Duration
	warnings               int
}

// wilson returns the Wilson score interval (z = 1.96) of x successes in n
// trials.
func wilson(x, n int) (lo, hi float64) {
	const z = 1.96
	p, nf := float64(x)/float64(n), float64(n)
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	return c - h, c + h
}

// simulate runs the acceptance study of issue 13 on pops populations:
// each of 4 or 5 lists (alternately), 2 or 3 latent classes, N drawn
// log-uniformly from 500 to 20,000 (msetest.LatentClasses), estimated by
// the latent-class sampler with o (seeded per population) and by the
// AIC-best log-linear model. Populations run two at a time; the results
// do not depend on the schedule.
func simulate(t testing.TB, pops int, o mse.LatentClassOptions) simResult {
	type one struct {
		k                int
		n, lc, ll        float64
		lo, hi, llo, lhi float64
		warn             bool
		took             time.Duration
	}
	out := make([]one, pops)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	var errs []error
	for i := range pops {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			pop := studyPopulation(i)
			n := pop.N
			oi := o
			oi.Seed = uint64(i + 1)
			start := time.Now()
			p, err := mse.LatentClass(context.Background(), pop.Histories, oi)
			took := time.Since(start)
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			s, err := mse.Select(pop.Histories, mse.DefaultOptions())
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			b := s.Best()
			out[i] = one{4 + i%2, float64(n), p.Estimate.N, b.N, p.Estimate.Lo, p.Estimate.Hi, b.Lo, b.Hi, p.Diagnostics.Warning != "", took}
		})
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	var res simResult
	res.populations = pops
	var lcErr, llErr []float64
	var total time.Duration
	for _, x := range out {
		res.byLists[x.k-4][0]++
		if x.lo <= x.n && x.n <= x.hi {
			res.covered++
			res.byLists[x.k-4][1]++
		} else if x.n > x.hi {
			res.under++
		}
		if x.llo <= x.n && x.n <= x.lhi {
			res.llCovered++
		}
		if x.warn {
			res.warnings++
		}
		res.bias += (x.lc - x.n) / x.n / float64(pops)
		lcErr = append(lcErr, math.Abs(x.lc-x.n)/x.n)
		llErr = append(llErr, math.Abs(x.ll-x.n)/x.n)
		total += x.took
	}
	res.coverage = float64(res.covered) / float64(pops)
	res.coverLo, res.coverHi = wilson(res.covered, pops)
	res.medianErr, res.llErr = median(lcErr), median(llErr)
	res.perEstimate = total / time.Duration(pops)
	return res
}

// studyPopulation returns the i-th population of the simulation study:
// 4 or 5 lists (alternately), 2 or 3 latent classes (alternately by
// pairs), N drawn log-uniformly from 500 to 20,000.
func studyPopulation(i int) msetest.Population {
	r := rand.New(rand.NewPCG(uint64(i), 13))
	n := int(math.Round(500 * math.Pow(40, r.Float64())))
	return msetest.LatentClasses(4+i%2, n, 2+(i/2)%2, uint64(1000+i))
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// simOptions are the sampler's options in the simulation: 3,000
// iterations of burn-in, 1,000 draws kept one in ten.
func simOptions() mse.LatentClassOptions {
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 3000, 1000, 10
	return o
}

// longSimOptions are the options of the full study: 10,000 iterations of
// burn-in, then 1,000 draws kept one in 40 (50,000 iterations in all), as
// the sampler mixes slowly in N (see the report of the study).
func longSimOptions() mse.LatentClassOptions {
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 10000, 1000, 40
	return o
}

// TestLatentClassSimulation is the acceptance test of the latent-class
// estimator, against the simulation's truth. With FREEDCOUNT_LONG=1 it
// runs the full study of issue 13 (200 populations, longSimOptions) and
// requires what the issue asks: that the 95 % interval cover the true N in
// at least 90 % of them, and that the median relative error be below the
// AIC-best log-linear model's. (On the last run it covered 178 of 200,
// 89 %, Wilson interval 84–93 %, and fails: the package documentation,
// "The latent-class model", says why the interval misses.) Otherwise it runs 16 populations (8 under the
// race detector) and requires at least 75 % of them covered and a median
// relative error below 10 %: a sampler that is wrong, or whose intervals
// are too narrow, fails it, while the full study's 89 % leaves room for
// the chance of a small sample. On so few populations the comparison with
// the log-linear model is too noisy to assert (it goes either way with the
// seeds); it is logged, and reported by BenchmarkLatentClassSimulation.
// -short skips the test.
func TestLatentClassSimulation(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation study skipped in -short mode")
	}
	pops, o, need, long := 16, simOptions(), 12, os.Getenv("FREEDCOUNT_LONG") == "1"
	if raceEnabled {
		pops, need = 8, 6
	}
	if long {
		pops, need = 200, 180
		o = longSimOptions()
	}
	r := simulate(t, pops, o)
	t.Logf("%d populations: coverage %d/%d (%.1f%%, Wilson 95%% interval %.1f–%.1f%%; 4 lists %d/%d, 5 lists %d/%d; truth above the interval in %d of the %d misses), mean relative bias %+.2f%%, median |error| %.2f%% (AIC-best log-linear %.2f%%, covering %d), %v per estimate, %d chains with a convergence warning",
		r.populations, r.covered, r.populations, 100*r.coverage, 100*r.coverLo, 100*r.coverHi,
		r.byLists[0][1], r.byLists[0][0], r.byLists[1][1], r.byLists[1][0], r.under, r.populations-r.covered,
		100*r.bias, 100*r.medianErr, 100*r.llErr, r.llCovered, r.perEstimate, r.warnings)
	assert.GreaterOrEqual(t, r.covered, need, "coverage of the 95%% interval")
	if long {
		assert.Less(t, r.medianErr, r.llErr, "median relative error of the latent-class model against the AIC-best log-linear model")
	} else {
		assert.Less(t, r.medianErr, 0.10, "median relative error of the latent-class model")
	}
}

// propLatentClassSound: on any table the sampler returns a sound estimate
// (Observed ≤ Lo ≤ N ≤ Hi, every draw at least Observed) or a typed
// refusal, and never panics — huge counts, empty lists and single people
// included.
func propLatentClassSound(t *rapid.T) {
	h := msetest.Histories(2, 5).Draw(t, "h")
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 20, 20, 1
	o.Seed = rapid.Uint64().Draw(t, "seed")
	p, err := mse.LatentClass(context.Background(), h, o)
	if err != nil {
		checkRefusal(t, err)
		return
	}
	checkEstimate(t, h, p.Estimate)
	for _, d := range p.Draws {
		require.GreaterOrEqual(t, d, h.Observed())
	}
}

func TestLatentClassSound(t *testing.T) { rapid.Check(t, propLatentClassSound) }

// TestLatentClassCalibrated is a simulation-based calibration of the
// sampler (Cook, Gelman and Rubin 2006; Talts et al. 2018): on populations
// drawn from the model's own prior (msetest.FromPrior: α, the class
// weights, the capture probabilities and N drawn as LatentClass assumes),
// a correct sampler's 95 % interval covers the true N 95 % of the time,
// whatever the populations are like, and the rank of the truth among the
// draws is uniform. FromPrior draws N from the prior 1/N truncated to
// [500, 20,000]; the posterior under that prior is the sampler's
// restricted to the same range, so the draws outside it are dropped
// before the interval and the rank are taken (ties with the truth are
// broken at random, as N is discrete). A sampler that draws from the
// wrong conditional (a wrong negative binomial for the unseen, a wrong beta
// for a capture probability, a stick or α update that favours some
// classes) fails it. It checks 40 populations (16 under the race detector;
// 800 with FREEDCOUNT_LONG=1) and wants as many covered, a count of ranks
// below the median as near half, and ranks as evenly spread over five
// bins (chi-square), as a calibrated sampler gives with probability at
// least 999 in 1,000. (On the last long run: 767 of 800 covered, 95.9 %;
// the first 200 alone cover 183, the next 600 cover 584: see the package
// documentation.) -short skips it.
func TestLatentClassCalibrated(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration study skipped in -short mode")
	}
	pops := 40
	if raceEnabled {
		pops = 16
	}
	if os.Getenv("FREEDCOUNT_LONG") == "1" {
		pops = 800
	}
	seeds := make([]uint64, pops)
	for i := range seeds {
		seeds[i] = uint64(i)
	}
	calibrate(t, seeds)
}

// TestLatentClassCalibratedHard is the calibration of
// TestLatentClassCalibrated on prior draws as hard as the populations of
// the simulation study: those where at least as large a share of the
// people seen are on one list only as in the study's median population.
// The choice looks at the data alone, so a correct sampler's posterior
// stays calibrated on what is chosen. It runs only with
// FREEDCOUNT_LONG=1: 600 populations, the first prior draws from seed
// 100,000 on that qualify. (On the last run: 568 of 600 covered, 94.7 %.)
func TestLatentClassCalibratedHard(t *testing.T) {
	if os.Getenv("FREEDCOUNT_LONG") != "1" {
		t.Skip("the calibration on hard populations runs with FREEDCOUNT_LONG=1")
	}
	var shares []float64
	for i := range 200 {
		shares = append(shares, oneListShare(studyPopulation(i).Histories))
	}
	slices.Sort(shares)
	hard := shares[len(shares)/2]
	o := simOptions()
	var seeds []uint64
	for s := uint64(100_000); len(seeds) < 600; s++ {
		if oneListShare(msetest.FromPrior(4+int(s%2), o, s).Histories) >= hard {
			seeds = append(seeds, s)
		}
	}
	t.Logf("populations with at least %.1f%% of the people seen on one list only, seeds %d to %d", 100*hard, seeds[0], seeds[len(seeds)-1])
	calibrate(t, seeds)
}

// oneListShare returns the share of the people seen who are on one list
// only.
func oneListShare(h mse.Histories) float64 {
	one := 0
	for p, c := range h.Cells() {
		if strings.Count(p, "1") == 1 {
			one += c
		}
	}
	return float64(one) / float64(h.Observed())
}

// calibrate runs the sampler with simOptions on the populations
// msetest.FromPrior draws from seeds (four lists for even seeds, five for
// odd ones; the sampler seeded with seed + 1) and checks that they look
// like draws from its posterior, as TestLatentClassCalibrated says.
func calibrate(t *testing.T, seeds []uint64) {
	t.Helper()
	// The range of N of msetest.FromPrior.
	const lowest, highest = 500, 20000
	o := simOptions()
	type one struct {
		estimated, covered bool
		rank               float64 // in [0, 1)
	}
	out := make([]one, len(seeds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, seed := range seeds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			pop := msetest.FromPrior(4+int(seed%2), o, seed)
			oi := o
			oi.Seed = seed + 1
			p, err := mse.LatentClass(context.Background(), pop.Histories, oi)
			if err != nil {
				return // a table the sampler refuses (no one on two lists) tells nothing
			}
			var in mse.Posterior
			below, ties := 0, 0
			for _, d := range p.Draws {
				if d < lowest || d > highest {
					continue
				}
				in.Draws = append(in.Draws, d)
				if d < pop.N {
					below++
				} else if d == pop.N {
					ties++
				}
			}
			if len(in.Draws) == 0 {
				return
			}
			r := rand.New(rand.NewPCG(seed, 0x73626300))
			rank := float64(below+r.IntN(ties+1)) / float64(len(in.Draws)+1)
			n := float64(pop.N)
			out[i] = one{true, in.Quantile(0.025) <= n && n <= in.Quantile(0.975), rank}
		})
	}
	wg.Wait()
	const bins = 5
	var estimated, covered, below int
	var hist [bins]int
	for _, x := range out {
		if !x.estimated {
			continue
		}
		estimated++
		if x.covered {
			covered++
		}
		if x.rank < 0.5 {
			below++
		}
		hist[int(x.rank*bins)]++
	}
	chi := 0.0
	for _, h := range hist {
		e := float64(estimated) / bins
		chi += (float64(h) - e) * (float64(h) - e) / e
	}
	t.Logf("calibration: %d of %d populations drawn from the prior estimated; the 95%% interval covers %d (%.1f%%); ranks of the truth by fifths %v (chi-square %.1f), below the median %d",
		estimated, len(seeds), covered, 100*float64(covered)/float64(estimated), hist, chi, below)
	require.GreaterOrEqual(t, estimated, len(seeds)*3/4)
	assert.GreaterOrEqual(t, covered, binomialLow(estimated, 0.95, 1e-3), "coverage of the 95%% interval on populations drawn from the prior")
	lo := binomialLow(estimated, 0.5, 5e-4)
	assert.True(t, lo <= below && below <= estimated-lo, "%d of %d truths below the posterior median; want %d to %d", below, estimated, lo, estimated-lo)
	// The 0.999 quantile of chi-square on 4 degrees of freedom.
	assert.LessOrEqual(t, chi, 18.47, "ranks of the truth among the draws, by fifths: %v", hist)
}

// binomialLow returns the largest c with P(X < c) ≤ tail for X ~
// Binomial(n, p): a count at least c is what a sampler that is right
// gives with probability at least 1 − tail.
func binomialLow(n int, p, tail float64) int {
	cdf := 0.0
	for c := range n + 1 {
		lc, _ := math.Lgamma(float64(n + 1))
		l1, _ := math.Lgamma(float64(c + 1))
		l2, _ := math.Lgamma(float64(n - c + 1))
		cdf += math.Exp(lc - l1 - l2 + float64(c)*math.Log(p) + float64(n-c)*math.Log1p(-p))
		if cdf > tail {
			return c
		}
	}
	return n
}
