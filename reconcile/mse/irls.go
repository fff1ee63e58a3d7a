package mse

import (
	"math"
)

// Fitting conventions. They are those of R's glm for the Poisson family,
// which Rcapture calls, with a stricter stopping rule:
//
//   - start from the fitted values y + 0.1 (R's mustart for the Poisson);
//   - iterate weighted least squares: weights μ, working response
//     η + (y − μ)/μ, the normal equations solved by Cholesky;
//   - stop when no coefficient moves by more than 1e-8·(1 + |β|) in one
//     iteration (R stops on the relative change of the deviance, 1e-8,
//     which leaves a diverging coefficient undetected); halve the step
//     while the deviance grows;
//   - give up after 100 iterations: the coefficients are running off to
//     infinity, and the model has no finite maximum-likelihood estimate.
const (
	maxIter     = 100
	betaTol     = 1e-8
	maxHalvings = 30
	// pivotTol is the smallest Cholesky pivot accepted, relative to the
	// diagonal entry it comes from.
	pivotTol = 1e-12
)

// fitter fits Poisson log-linear models to the 2^k − 1 observed cells of one
// table of capture histories. Every column of a design matrix over capture
// histories is the indicator that a history contains a set of lists (∅ for
// the intercept, {j} for a main effect, {j, l} for an interaction), so each
// entry of XᵀWX and of XᵀWz is a sum over the histories that contain a
// union of two such sets: a superset sum, computed for every set at once by
// one zeta transform in O(k·2^k). The design matrix is never built.
//
// A fitter is reused across models to avoid allocation; it is not safe for
// concurrent use.
type fitter struct {
	k    int
	y    []float64 // counts by mask; y[0] = 0 (unobserved)
	lgy  float64   // Σ lgamma(y + 1), for the log-likelihood
	n    float64   // Σ y
	mu   []float64 // fitted values by mask; mu[0] = 0
	eta  []float64 // linear predictor by mask
	work []float64 // transforms
	sumM []float64 // superset sums of mu
	h    []float64 // p×p normal matrix, row-major, then its Cholesky factor
	g    []float64 // right-hand side, then the solution
	beta []float64 // coefficients
	prev []float64 // coefficients of the previous iteration
}

// fitResult is what a converged fit yields.
type fitResult struct {
	beta0 float64 // intercept: log of the expected number unseen
	var0  float64 // its variance, the (0, 0) entry of (XᵀWX)⁻¹
	dev   float64 // deviance over the observed cells
	ll    float64 // Poisson log-likelihood, Σ y log μ − μ − log y!
	iter  int
}

func newFitter(counts []int) *fitter {
	size := len(counts)
	k := 0
	for 1<<k < size {
		k++
	}
	f := &fitter{
		k: k, y: make([]float64, size), mu: make([]float64, size), eta: make([]float64, size),
		work: make([]float64, size), sumM: make([]float64, size),
	}
	for c := 1; c < size; c++ {
		f.y[c] = float64(counts[c])
		f.n += f.y[c]
		f.lgy += lgamma1(counts[c])
	}
	p := 1 + k + k*(k-1)/2
	f.h = make([]float64, p*p)
	f.g = make([]float64, p)
	f.beta = make([]float64, p)
	f.prev = make([]float64, p)
	return f
}

// lgamma1 returns log(y!).
func lgamma1(y int) float64 {
	v, _ := math.Lgamma(float64(y) + 1)
	return v
}

// supersetSums replaces v[S] by Σ_{T ⊇ S} v[T].
func supersetSums(v []float64, k int) {
	for i := range k {
		bit := 1 << i
		for m := range v {
			if m&bit == 0 {
				v[m] += v[m|bit]
			}
		}
	}
}

// subsetSums replaces v[S] by Σ_{T ⊆ S} v[T].
func subsetSums(v []float64, k int) {
	for i := range k {
		bit := 1 << i
		for m := range v {
			if m&bit != 0 {
				v[m] += v[m^bit]
			}
		}
	}
}

// fit fits the model whose columns are the list sets cols (cols[0] = 0, the
// intercept). It returns the fit and nil, or a reason why the model has no
// finite estimate.
func (f *fitter) fit(cols []uint) (fitResult, error) {
	p := len(cols)
	beta, prev := f.beta[:p], f.prev[:p]
	// Start as R does, from μ = y + 0.1.
	for c := 1; c < len(f.y); c++ {
		f.mu[c] = f.y[c] + 0.1
		f.eta[c] = math.Log(f.mu[c])
	}
	f.mu[0], f.eta[0] = 0, 0
	dev := f.deviance()
	for it := 1; it <= maxIter; it++ {
		// Working response times weight: μη + y − μ.
		w := f.work
		w[0] = 0
		for c := 1; c < len(w); c++ {
			w[c] = f.mu[c]*f.eta[c] + f.y[c] - f.mu[c]
		}
		supersetSums(w, f.k)
		g := f.g[:p]
		for a, s := range cols {
			g[a] = w[s]
		}
		if !f.factor(cols) {
			return fitResult{}, errSingular
		}
		f.solve(p, g)
		copy(prev, beta)
		copy(beta, g)
		newDev := f.predict(cols, beta)
		// Halve the step while the deviance grows (never on the first
		// iteration, which starts from fitted values, not coefficients).
		for h := 0; it > 1 && h < maxHalvings && !(newDev <= dev*(1+1e-12)+1e-12); h++ {
			for a := range beta {
				beta[a] = (beta[a] + prev[a]) / 2
			}
			newDev = f.predict(cols, beta)
		}
		if math.IsNaN(newDev) || math.IsInf(newDev, 0) {
			return fitResult{}, errDiverged
		}
		dev = newDev
		if it > 1 && converged(beta, prev) {
			return f.finish(cols, dev, it)
		}
	}
	return fitResult{}, errDiverged
}

func converged(beta, prev []float64) bool {
	for a := range beta {
		if math.Abs(beta[a]-prev[a]) > betaTol*(1+math.Abs(beta[a])) {
			return false
		}
	}
	return true
}

// finish computes the variance of the intercept at the fitted values.
func (f *fitter) finish(cols []uint, dev float64, it int) (fitResult, error) {
	p := len(cols)
	if !f.factor(cols) {
		return fitResult{}, errSingular
	}
	e := f.g[:p]
	clear(e)
	e[0] = 1
	f.solve(p, e)
	r := fitResult{beta0: f.beta[0], var0: e[0], dev: dev, iter: it}
	for c := 1; c < len(f.y); c++ {
		if f.y[c] > 0 {
			r.ll += f.y[c] * math.Log(f.mu[c])
		}
		r.ll -= f.mu[c]
	}
	r.ll -= f.lgy
	if r.var0 < 0 || math.IsNaN(r.var0) || math.IsInf(r.beta0, 0) {
		return fitResult{}, errSingular
	}
	return r, nil
}

// predict sets η = Xβ and μ = exp(η) on the observed cells and returns the
// deviance, +Inf if a fitted value overflows.
func (f *fitter) predict(cols []uint, beta []float64) float64 {
	clear(f.eta)
	for a, s := range cols {
		f.eta[s] = beta[a]
	}
	subsetSums(f.eta, f.k)
	for c := 1; c < len(f.eta); c++ {
		if f.eta[c] > 700 {
			return math.Inf(1)
		}
		f.mu[c] = math.Exp(f.eta[c])
	}
	return f.deviance()
}

// deviance returns 2 Σ y log(y/μ) − (y − μ) over the observed cells.
func (f *fitter) deviance() float64 {
	d := 0.0
	for c := 1; c < len(f.y); c++ {
		y, mu := f.y[c], f.mu[c]
		if y > 0 {
			d += y * math.Log(y/mu)
		}
		d -= y - mu
	}
	return 2 * d
}

// factor fills XᵀWX (W = μ) for cols and replaces it by its Cholesky factor
// L (lower triangle, row-major). It reports false if the matrix is not
// numerically positive definite.
func (f *fitter) factor(cols []uint) bool {
	p := len(cols)
	s := f.sumM
	copy(s, f.mu)
	s[0] = 0
	supersetSums(s, f.k)
	h := f.h[:p*p]
	for a, sa := range cols {
		for b := 0; b <= a; b++ {
			h[a*p+b] = s[sa|cols[b]]
		}
	}
	return cholesky(h, p)
}

// solve overwrites b with the solution of L Lᵀ x = b.
func (f *fitter) solve(p int, b []float64) { cholSolve(f.h[:p*p], p, b) }
