package mse

import (
	"fmt"
	"math"

	"github.com/freedcount/freedcount/source"
)

// ProfileInterval is the profile-likelihood confidence interval of N for one
// log-linear model, as Rcapture's closedpCI.t computes it (Baillargeon and
// Rivest 2007, section 3.2; Cormack 1992): for a total N, the unseen count
// is set to N − n and the model refitted to the complete table of 2^k
// cells; the multinomial log-likelihood of N is −D(N)/2 + c(N), D the
// Poisson deviance of that fit and c Cormack's correction; the interval
// holds the N whose log-likelihood is within χ²₁(level)/2 of its maximum.
//
// It sits beside the Chao log-normal interval of the [Estimate], which
// stays the interval that [Estimate.Interval] and [Estimate.Claim] use.
type ProfileInterval struct {
	// Model is the model, in the notation of [Estimate.Model].
	Model string
	// Observed is n.
	Observed int
	// Level is the confidence level.
	Level float64
	// N is the total that maximises the profile likelihood (Rcapture's
	// "abundance" in its interval table); it is close to, not equal to,
	// the Poisson estimate n + exp(β₀).
	N float64
	// Lo and Hi are the interval. Lo is Observed when the profile stays
	// above the cut-off down to N = n.
	Lo, Hi float64
	// Open reports that the profile does not fall to the cut-off below
	// source.MaxCount: the data set no upper bound, and Hi is +Inf.
	Open bool
}

// String returns "MODEL: N 12011.5, 95% profile interval [10266.0, 14992.3]".
func (p ProfileInterval) String() string {
	return fmt.Sprintf("%s: N %.1f, %g%% profile interval [%.1f, %.1f]", p.Model, p.N, 100*p.Level, p.Lo, p.Hi)
}

// Profile returns the profile-likelihood interval of N for the model m of
// h. It refuses what [FitModel] refuses, and returns [ErrNotEstimable] if
// the model cannot be fitted to the complete table near its estimate.
func Profile(h Histories, m Model, o Options) (ProfileInterval, error) {
	d, s, err := prepareModel(h, m, o)
	if err != nil {
		return ProfileInterval{}, err
	}
	f := newFitter(d.h.counts)
	r, p, err := d.model(f, s, nil)
	if err != nil {
		return ProfileInterval{}, err
	}
	return d.profile(s, d.result(s, r, p, o), o)
}

// ProfileAt returns the profile-likelihood interval of the i-th model of s
// in rank order; see [Profile].
func (s Selection) ProfileAt(i int) (ProfileInterval, error) {
	if i < 0 || i >= len(s.rows) {
		return ProfileInterval{}, fieldErr("Selection", fmt.Sprint(i), ErrInvalid, "no model of rank %d", i)
	}
	return s.d.profile(s.rows[i].spec, s.At(i), s.opts)
}

// profile computes the interval of spec s, whose Poisson estimate is e.
//
// Rcapture maximises the profile with optimize over (n, 3N̂) and finds each
// bound with uniroot, to a tolerance of 1e-4; here golden-section search
// and bisection run until the bracket is 1e-9·N wide, so the bounds agree
// with Rcapture's to the digits it prints. The upper bound is sought up
// to 3N̂, as Rcapture's fmaxSupCL = 3, then further up to source.MaxCount.
func (d *design) profile(s spec, e Estimate, o Options) (ProfileInterval, error) {
	n := float64(d.h.n)
	out := ProfileInterval{Model: e.Model(), Observed: d.h.n, Level: o.Level}
	cells := len(d.h.counts) - 1
	y := make([]float64, cells+1)
	for c := 1; c <= cells; c++ {
		y[c-1] = float64(d.h.counts[c])
	}
	var failed error
	ll := func(N float64) float64 {
		n0 := N - n
		y[cells] = n0
		r, _, err := d.fitDense(s, y, true)
		if err != nil {
			failed = err
			return math.Inf(-1)
		}
		return -r.dev/2 + cormack(n0, N)
	}
	// The maximum, in (n, 3N̂).
	a, b := n, 3*e.N
	const phi = 0.6180339887498949
	x1, x2 := b-phi*(b-a), a+phi*(b-a)
	f1, f2 := ll(x1), ll(x2)
	for b-a > 1e-9*b {
		if f1 < f2 {
			a, x1, f1 = x1, x2, f2
			x2 = a + phi*(b-a)
			f2 = ll(x2)
		} else {
			b, x2, f2 = x2, x1, f1
			x1 = b - phi*(b-a)
			f1 = ll(x1)
		}
	}
	if failed != nil {
		return ProfileInterval{}, fieldErr("Model", out.Model, ErrNotEstimable, "profile likelihood: %v", failed)
	}
	out.N = (a + b) / 2
	lmax := ll(out.N)
	cut := lmax - chi2Quantile1(o.Level)/2
	root := func(lo, hi float64, rising bool) float64 {
		for hi-lo > 1e-9*hi {
			mid := (lo + hi) / 2
			if (ll(mid) > cut) == rising {
				hi = mid
			} else {
				lo = mid
			}
		}
		return (lo + hi) / 2
	}
	// Lower bound: the profile at the smallest unseen count Rcapture's
	// glm can fit; if it is above the cut-off, the bound is n.
	if low := n + 1e-3; out.N > low && ll(low) < cut {
		out.Lo = root(low, out.N, true)
	} else {
		out.Lo = n
	}
	top := 3 * e.N
	for ll(top) > cut && failed == nil {
		if top >= source.MaxCount {
			out.Open = true
			break
		}
		top = math.Min(2*top, source.MaxCount)
	}
	if failed != nil {
		return ProfileInterval{}, fieldErr("Model", out.Model, ErrNotEstimable, "profile likelihood: %v", failed)
	}
	if out.Open {
		out.Hi = math.Inf(1)
	} else {
		out.Hi = root(out.N, top, false)
	}
	if failed != nil {
		return ProfileInterval{}, fieldErr("Model", out.Model, ErrNotEstimable, "profile likelihood: %v", failed)
	}
	return out, nil
}

// cormack returns the correction c(N) = log(n0^n0 · N! / (N^N · n0!)) that
// turns the Poisson deviance of the complete table into the multinomial
// log-likelihood of N (Cormack 1992), in Rcapture's form: Stirling's
// approximation n0 − N − ½ log(n0/N) when N > 100 (−N + ½ log(2πN) when
// n0 is 0 or 1), the exact value otherwise.
func cormack(n0, N float64) float64 {
	if N > 100 {
		if n0 == 0 || n0 == 1 {
			return -N + 0.5*math.Log(2*math.Pi*N)
		}
		return n0 - N - 0.5*math.Log(n0/N)
	}
	lgN, _ := math.Lgamma(N + 1)
	lg0, _ := math.Lgamma(n0 + 1)
	t := 0.0
	if n0 > 0 {
		t = n0 * math.Log(n0)
	}
	return t + lgN - N*math.Log(N) - lg0
}

// chi2Quantile1 returns the level quantile of χ² with one degree of
// freedom: z², z the normal quantile of (1 + level)/2.
func chi2Quantile1(level float64) float64 {
	z := math.Sqrt2 * math.Erfinv(level)
	return z * z
}
