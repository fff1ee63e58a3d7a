package mse

import (
	"math"
)

// denseFit fits a Poisson log-linear model with an explicit design matrix,
// by the conventions of [fitter] (R's starting values μ = y + 0.1, weighted
// least squares, step halving, the stopping rule on the coefficients). It
// serves the models whose columns are not all "the history contains these
// lists" — the heterogeneity models and the full table of the profile
// likelihood, which adds the cell of the people no list documents — where
// the superset sums of [fitter] do not apply. Tables have at most 64 rows
// and models a few dozen columns, so building the matrix costs little.
//
// x holds the rows, row-major, p columns each; column 0 is the intercept.
// y may be fractional (the profile fixes the unseen count at N − n for a
// real N, as Rcapture does).
type denseFit struct {
	x    []float64
	p    int
	y    []float64
	mu   []float64
	eta  []float64
	h    []float64
	g    []float64
	beta []float64
	prev []float64
}

func newDenseFit(x []float64, p int, y []float64) *denseFit {
	rows := len(y)
	return &denseFit{
		x: x, p: p, y: y, mu: make([]float64, rows), eta: make([]float64, rows),
		h: make([]float64, p*p), g: make([]float64, p), beta: make([]float64, p), prev: make([]float64, p),
	}
}

// coef returns the coefficients of the last fit.
func (f *denseFit) coef() []float64 { return f.beta }

func (f *denseFit) fit() (fitResult, error) {
	p, rows := f.p, len(f.y)
	for i := range rows {
		f.mu[i] = f.y[i] + 0.1
		f.eta[i] = math.Log(f.mu[i])
	}
	dev := f.deviance()
	for it := 1; it <= maxIter; it++ {
		// Right-hand side Xᵀ(μη + y − μ).
		clear(f.g)
		for i := range rows {
			z := f.mu[i]*f.eta[i] + f.y[i] - f.mu[i]
			row := f.x[i*p : i*p+p]
			for a, v := range row {
				f.g[a] += v * z
			}
		}
		if !f.factor() {
			return fitResult{}, errSingular
		}
		cholSolve(f.h, p, f.g)
		copy(f.prev, f.beta)
		copy(f.beta, f.g)
		newDev := f.predict()
		for h := 0; it > 1 && h < maxHalvings && !(newDev <= dev*(1+1e-12)+1e-12); h++ {
			for a := range f.beta {
				f.beta[a] = (f.beta[a] + f.prev[a]) / 2
			}
			newDev = f.predict()
		}
		if math.IsNaN(newDev) || math.IsInf(newDev, 0) {
			return fitResult{}, errDiverged
		}
		dev = newDev
		if it > 1 && converged(f.beta, f.prev) {
			if !f.factor() {
				return fitResult{}, errSingular
			}
			e := f.g
			clear(e)
			e[0] = 1
			cholSolve(f.h, p, e)
			r := fitResult{beta0: f.beta[0], var0: e[0], dev: dev, iter: it}
			for i := range rows {
				if f.y[i] > 0 {
					r.ll += f.y[i] * math.Log(f.mu[i])
				}
				lg, _ := math.Lgamma(f.y[i] + 1)
				r.ll -= f.mu[i] + lg
			}
			if r.var0 < 0 || math.IsNaN(r.var0) || math.IsInf(r.beta0, 0) {
				return fitResult{}, errSingular
			}
			return r, nil
		}
	}
	return fitResult{}, errDiverged
}

// predict sets η = Xβ and μ = exp(η) and returns the deviance, +Inf if a
// fitted value overflows.
func (f *denseFit) predict() float64 {
	p := f.p
	for i := range f.y {
		e := 0.0
		for a, v := range f.x[i*p : i*p+p] {
			e += v * f.beta[a]
		}
		if e > 700 {
			return math.Inf(1)
		}
		f.eta[i] = e
		f.mu[i] = math.Exp(e)
	}
	return f.deviance()
}

func (f *denseFit) deviance() float64 {
	d := 0.0
	for i, y := range f.y {
		mu := f.mu[i]
		if y > 0 {
			d += y * math.Log(y/mu)
		}
		d -= y - mu
	}
	return 2 * d
}

// factor fills XᵀWX and replaces it by its Cholesky factor.
func (f *denseFit) factor() bool {
	p := f.p
	clear(f.h)
	for i := range f.y {
		row := f.x[i*p : i*p+p]
		w := f.mu[i]
		for a, va := range row {
			if va == 0 {
				continue
			}
			wa := w * va
			for b := 0; b <= a; b++ {
				f.h[a*p+b] += wa * row[b]
			}
		}
	}
	return cholesky(f.h, p)
}

// cholesky replaces the lower triangle of the p×p row-major matrix h by its
// Cholesky factor L. It reports false if h is not numerically positive
// definite.
func cholesky(h []float64, p int) bool {
	for j := range p {
		d := h[j*p+j]
		orig := d
		for m := range j {
			d -= h[j*p+m] * h[j*p+m]
		}
		if !(d > pivotTol*orig) {
			return false
		}
		d = math.Sqrt(d)
		h[j*p+j] = d
		for i := j + 1; i < p; i++ {
			v := h[i*p+j]
			for m := range j {
				v -= h[i*p+m] * h[j*p+m]
			}
			h[i*p+j] = v / d
		}
	}
	return true
}

// cholSolve overwrites b with the solution of L Lᵀ x = b.
func cholSolve(h []float64, p int, b []float64) {
	for i := range p {
		v := b[i]
		for m := range i {
			v -= h[i*p+m] * b[m]
		}
		b[i] = v / h[i*p+i]
	}
	for i := p - 1; i >= 0; i-- {
		v := b[i]
		for m := i + 1; m < p; m++ {
			v -= h[m*p+i] * b[m]
		}
		b[i] = v / h[i*p+i]
	}
}
