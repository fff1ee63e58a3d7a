package mse

import (
	"math"
	"math/rand/v2"
	"testing"
)

// These tests check each full conditional of the latent-class Gibbs
// sampler, and the variate generators under it, against the distribution
// it must draw from (Manrique-Vallier 2016, section 3): a chi-square
// test of the whole distribution where it is discrete, the mean and
// variance where it is continuous. They are seeded, so they pass or fail
// the same way on every run, and their bounds are set where a correct
// generator fails with probability about one in a million: a conditional
// with a wrong parameter (NB(n − 1, ·) for the unseen, classes of the
// unseen drawn from π alone, a stick without its last piece, α's rate
// without the sticks) fails them by far.

// draws returns n, or a fifth of it in -short mode: the bounds scale with
// the number of draws, and a wrong parameter still fails by far.
func draws(n int) int {
	if testing.Short() {
		return n / 5
	}
	return n
}

// zTol is the number of standard errors a seeded moment may be off by.
const zTol = 5

// chiSquareBound is the value a chi-square statistic of df degrees of
// freedom exceeds with probability about 10⁻⁶ (Wilson and Hilferty's
// cube-root approximation at z = 4.75).
func chiSquareBound(df int) float64 {
	d := float64(df)
	const z = 4.75
	c := 1 - 2/(9*d) + z*math.Sqrt(2/(9*d))
	return d * c * c * c
}

// checkPMF compares the counts of draws by value (draws[v] is how many
// draws were v, the last entry counting all values beyond) with a
// probability mass function, by a chi-square test over cells of expected
// count ≥ 20 (the tails pooled).
func checkPMF(t *testing.T, name string, draws []int, pmf func(v int) float64) {
	t.Helper()
	total := 0
	for _, c := range draws {
		total += c
	}
	var obs, exp []float64
	o, e := 0.0, 0.0
	for v := range len(draws) - 1 {
		o += float64(draws[v])
		e += float64(total) * pmf(v)
		if e >= 20 {
			obs, exp = append(obs, o), append(exp, e)
			o, e = 0, 0
		}
	}
	// The rest, the values beyond included, is one cell.
	o += float64(draws[len(draws)-1])
	rest := float64(total)
	for _, x := range exp {
		rest -= x
	}
	obs, exp = append(obs, o), append(exp, math.Max(rest, 1e-9))
	stat := 0.0
	for i := range obs {
		d := obs[i] - exp[i]
		stat += d * d / exp[i]
	}
	if df := len(obs) - 1; df < 1 || stat > chiSquareBound(df) {
		t.Errorf("%s: chi-square %.1f on %d degrees of freedom, bound %.1f", name, stat, df, chiSquareBound(max(df, 1)))
	}
}

// checkMoments compares the mean and variance of draws with the expected
// ones, the variance's standard error from the fourth moment of the draws.
func checkMoments(t *testing.T, name string, draws []float64, mean, variance float64) {
	t.Helper()
	n := float64(len(draws))
	m := 0.0
	for _, x := range draws {
		m += x
	}
	m /= n
	v, m4 := 0.0, 0.0
	for _, x := range draws {
		d := x - m
		v += d * d
		m4 += d * d * d * d
	}
	v /= n - 1
	m4 /= n
	if z := (m - mean) / math.Sqrt(variance/n); math.Abs(z) > zTol {
		t.Errorf("%s: mean %.6g, want %.6g (z = %.1f)", name, m, mean, z)
	}
	if z := (v - variance) / math.Sqrt(math.Max(m4-v*v, 0)/n); math.Abs(z) > zTol {
		t.Errorf("%s: variance %.6g, want %.6g (z = %.1f)", name, v, variance, z)
	}
}

func logChoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}

// TestVariatesBinomialPoisson: the binomial and Poisson draws follow their
// distributions, on both sides of every cut-off of their reductions.
func TestVariatesBinomialPoisson(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	nd := draws(100_000)
	for _, c := range []struct {
		n int
		p float64
	}{{10, 0.3}, {64, 0.5}, {65, 0.5}, {1000, 0.01}, {1000, 0.5}, {300, 0.97}, {20000, 0.9}} {
		counts := make([]int, c.n+2)
		for range nd {
			counts[binomial(r, c.n, c.p)]++
		}
		checkPMF(t, "binomial", counts, func(v int) float64 {
			return math.Exp(logChoose(float64(c.n), float64(v)) + float64(v)*math.Log(c.p) + float64(c.n-v)*math.Log1p(-c.p))
		})
	}
	for _, mu := range []float64{0.5, 3, 29.5, 31, 450, 12345.6} {
		top := int(mu + 10*math.Sqrt(mu) + 20)
		counts := make([]int, top+1)
		for range nd {
			counts[min(poisson(r, mu), top)]++
		}
		checkPMF(t, "poisson", counts, func(v int) float64 {
			lg, _ := math.Lgamma(float64(v) + 1)
			return math.Exp(float64(v)*math.Log(mu) - mu - lg)
		})
	}
}

// TestVariatesGammaBeta: the gamma and beta draws have the means and
// variances of their distributions, below shape 1 (the logarithmic path)
// included; log(1 − V) from beta agrees with V.
func TestVariatesGammaBeta(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	x := make([]float64, draws(100_000))
	for _, a := range []float64{0.05, 0.25, 0.9, 1, 2.5, 3000} {
		for i := range x {
			x[i] = gamma(r, a)
		}
		checkMoments(t, "gamma", x, a, a)
	}
	for _, ab := range [][2]float64{{1, 0.1}, {0.3, 5}, {1, 1}, {3, 200}, {1, 0.01}} {
		a, b := ab[0], ab[1]
		for i := range x {
			v, l1m := beta(r, a, b)
			if d := math.Abs(l1m - math.Log1p(-v)); v < 0.999 && d > 1e-9 {
				t.Fatalf("beta(%v, %v): log(1 − %v) = %v, want %v", a, b, v, l1m, math.Log1p(-v))
			}
			x[i] = v
		}
		checkMoments(t, "beta", x, a/(a+b), a*b/((a+b)*(a+b)*(a+b+1)))
	}
}

// testSampler returns a sampler on a four-list table with three classes,
// its capture probabilities and class weights set to values where the
// classes differ.
func testSampler(t *testing.T) *lcSampler {
	t.Helper()
	lists := []ListID{MustListID("a"), MustListID("b"), MustListID("c"), MustListID("d")}
	h := MustHistories(MustStratum("XX"), lists, map[string]int{
		"1000": 120, "0100": 90, "0010": 60, "0001": 40, "1100": 20, "1010": 15, "0110": 12, "1111": 3,
	})
	d, err := prepare(h)
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultLatentClassOptions()
	o.Classes, o.Seed = 3, 7
	s := newLCSampler(d, o)
	// λ[j*K + c]: class 0 easy to see, class 2 hard.
	copy(s.lambda, []float64{
		0.6, 0.3, 0.05,
		0.5, 0.2, 0.1,
		0.7, 0.25, 0.02,
		0.4, 0.35, 0.08,
	})
	pi := []float64{0.5, 0.3, 0.2}
	for c, p := range pi {
		s.logPi[c] = math.Log(p)
	}
	s.likelihoods()
	return s
}

// TestUnseenCountNegativeBinomial: under p(N) ∝ 1/N, N − n given π and λ
// is NB(n, 1 − p₀), p₀ = Σ_c π_c ∏_j (1 − λⱼ_c): its probabilities
// C(v + n − 1, v)·(1 − p₀)ⁿ·p₀ᵛ, checked for a small n (where NB(n ± 1, ·)
// differs plainly) and the table's own.
func TestUnseenCountNegativeBinomial(t *testing.T) {
	s := testSampler(t)
	p0 := s.unseenWeights()
	want := 0.0
	for c := range s.K {
		q := s.pi[c]
		for j := range s.k {
			q *= 1 - s.lambda[j*s.K+c]
		}
		want += q
	}
	if math.Abs(p0-want) > 1e-15 {
		t.Fatalf("p0 = %v, want %v", p0, want)
	}
	for _, n := range []int{4, s.n} {
		s.n = n
		mean := float64(n) * p0 / (1 - p0)
		top := int(mean + 12*math.Sqrt(mean/(1-p0)) + 30)
		counts := make([]int, top+1)
		for range draws(100_000) {
			counts[min(s.unseenCount(p0), top)]++
		}
		checkPMF(t, "unseen", counts, func(v int) float64 {
			return math.Exp(logChoose(float64(v+n-1), float64(v)) + float64(n)*math.Log1p(-p0) + float64(v)*math.Log(p0))
		})
	}
}

// TestUnseenClasses: the unseen are in class c with probability
// π_c ∏_j (1 − λⱼ_c)/p₀, given that they were not seen: not π_c.
func TestUnseenClasses(t *testing.T) {
	s := testSampler(t)
	got := make([]int, s.K+1)
	for range draws(20_000) {
		clear(s.nk)
		s.unseen()
		for c, v := range s.nk {
			got[c] += v
		}
	}
	p0 := s.unseenWeights()
	checkPMF(t, "class of the unseen", got, func(c int) float64 { return s.w[c] / p0 })
}

// TestClassesSeen: a person seen in cell m is in class c with probability
// ∝ π_c·P(m | c), and the counts per list follow the cells' patterns.
func TestClassesSeen(t *testing.T) {
	s := testSampler(t)
	got := make([]int, s.K+1)
	for range 2_000 {
		s.classesSeen()
		for c := range s.K {
			got[c] += s.nk[c]
		}
		for j := range s.k {
			on := 0
			for c := range s.K {
				on += s.sk[j*s.K+c]
			}
			want := 0
			for _, m := range s.cells {
				if m&(1<<j) != 0 {
					want += s.y[m]
				}
			}
			if on != want {
				t.Fatalf("list %d: %d people seen on it by class, want %d", j, on, want)
			}
		}
	}
	// The class shares over all cells: Σ_m y_m·π_c P(m | c)/Σ_c' π_c' P(m | c').
	share := make([]float64, s.K)
	for _, m := range s.cells {
		tot := 0.0
		for c := range s.K {
			tot += s.pi[c] * s.prob[m*s.K+c]
		}
		for c := range s.K {
			share[c] += float64(s.y[m]) * s.pi[c] * s.prob[m*s.K+c] / tot / float64(s.n)
		}
	}
	// The draws of one cell are multinomial; pooled over cells they are a
	// sum of multinomials, whose variance is below the pooled one: the
	// chi-square test is conservative here, and a wrong weight still
	// moves the shares by many standard errors.
	checkPMF(t, "class of the seen", got, func(c int) float64 { return share[c] })
}

// TestCapturesConditional: λⱼ_c given the classes is Beta(1 + s, 1 + n_c
// − s), s the people of class c on list j.
func TestCapturesConditional(t *testing.T) {
	s := testSampler(t)
	copy(s.nk, []int{300, 40, 5})
	for j := range s.k {
		copy(s.sk[j*s.K:], []int{100 + 50*j, 10 - 3*j, j})
	}
	x := make([][]float64, s.k*s.K)
	for range draws(50_000) {
		s.captures()
		for i, l := range s.lambda {
			x[i] = append(x[i], l)
		}
	}
	for j := range s.k {
		for c := range s.K {
			a, b := 1+float64(s.sk[j*s.K+c]), 1+float64(s.nk[c]-s.sk[j*s.K+c])
			checkMoments(t, "capture probability", x[j*s.K+c], a/(a+b), a*b/((a+b)*(a+b)*(a+b+1)))
		}
	}
}

// TestSticksConditional: given the class sizes, V_c ~ Beta(1 + n_c, α +
// Σ_{l>c} n_l) for c < K*, the last stick takes what is left (V_K* = 1),
// and the weights sum to one; a tiny α (the logarithmic path) included.
func TestSticksConditional(t *testing.T) {
	for _, alpha := range []float64{0.02, 1.5} {
		s := testSampler(t)
		s.K = 4
		s.nk = []int{30, 0, 7, 2}
		s.logPi, s.log1mV = make([]float64, 4), make([]float64, 4)
		s.alpha = alpha
		v := make([][]float64, s.K-1)
		for range draws(50_000) {
			s.sticks()
			sum, acc := 0.0, 0.0
			for c := range s.K {
				sum += math.Exp(s.logPi[c])
				if c < s.K-1 {
					v[c] = append(v[c], -math.Expm1(s.log1mV[c]))
					acc += s.log1mV[c]
				}
			}
			if math.Abs(sum-1) > 1e-12 || s.logPi[s.K-1] != acc {
				t.Fatalf("weights sum to %v, last log weight %v, want 1 and %v", sum, s.logPi[s.K-1], acc)
			}
		}
		rest := 39
		for c := range s.K - 1 {
			rest -= s.nk[c]
			a, b := 1+float64(s.nk[c]), alpha+float64(rest)
			checkMoments(t, "stick", v[c], a/(a+b), a*b/((a+b)*(a+b)*(a+b+1)))
		}
	}
}

// TestConcentrationConditional: α given the sticks is Gamma(a + K* − 1,
// b − Σ_{c<K*} log(1 − V_c)), shape and rate.
func TestConcentrationConditional(t *testing.T) {
	s := testSampler(t)
	copy(s.log1mV, []float64{-0.7, -2.5, math.Inf(-1)})
	x := make([]float64, draws(100_000))
	for i := range x {
		s.concentration()
		x[i] = s.alpha
	}
	shape, rate := s.a+2, s.b+0.7+2.5
	checkMoments(t, "alpha", x, shape/rate, shape/(rate*rate))
}
