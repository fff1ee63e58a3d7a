package mse

import (
	"fmt"
	"math"
	"strings"
)

// Weight is one model's share in an [Average].
type Weight struct {
	// Model is the model, as [Estimate.Model] names it.
	Model string
	// Delta is the model's criterion minus the best model's.
	Delta float64
	// Weight is exp(−Delta/2), normalised to sum to 1 over the models.
	Weight float64
	// N, SE, Lo and Hi are the model's own estimate and Chao interval.
	N, SE, Lo, Hi float64
}

// Average is the model-averaged estimate of a [Selection]: every ranked
// model weighted by its criterion (Akaike or Schwarz weights, Burnham and
// Anderson 2002, section 2.9), so that the doubt about which model is
// right enters the interval, rather than being dropped by choosing one.
type Average struct {
	// Estimate is the averaged estimate, with [MethodModelAverage]: N is
	// Σ wᵢNᵢ; SE is Buckland et al.'s (1997, eq. 3) unconditional standard
	// error Σ wᵢ √(SEᵢ² + (Nᵢ − N)²), which adds the spread between the
	// models to each model's own; Lo and Hi are Chao's log-normal interval
	// on that N and SE, never below Observed. Params, Deviance, DF, AIC,
	// BIC and Iterations are zero.
	Estimate Estimate
	// Weights are the models in rank order, the best first.
	Weights []Weight
	// Warning is empty when the best models agree, and otherwise says how
	// they disagree: among the models within 2 of the best criterion (the
	// models the data support about as well, Burnham and Anderson 2002,
	// p. 70), the lowest estimate lies outside the interval of the highest,
	// or the highest outside the interval of the lowest. The
	// averaged interval covers both, but the analyst should know that the
	// answer depends on an assumption the data cannot settle.
	Warning string
}

// Average returns the model average of s. The zero Selection gives the
// zero Average.
func (s Selection) Average() Average {
	if len(s.rows) == 0 {
		return Average{}
	}
	best := s.rows[0].crit
	ws := make([]Weight, len(s.rows))
	total := 0.0
	for i, r := range s.rows {
		e := s.At(i)
		d := r.crit - best
		w := math.Exp(-d / 2)
		total += w
		ws[i] = Weight{Model: e.Model(), Delta: d, Weight: w, N: e.N, SE: e.SE, Lo: e.Lo, Hi: e.Hi}
	}
	mean := 0.0
	for i := range ws {
		ws[i].Weight /= total
		mean += ws[i].Weight * ws[i].N
	}
	se := 0.0
	for _, w := range ws {
		se += w.Weight * math.Sqrt(w.SE*w.SE+(w.N-mean)*(w.N-mean))
	}
	n := float64(s.d.h.n)
	mean = math.Max(mean, n)
	e := Estimate{
		Stratum: s.d.h.stratum, Method: MethodModelAverage, Lists: s.d.h.Lists(), Observed: s.d.h.n,
		N: mean, SE: se, Level: s.opts.Level,
	}
	e.Lo, e.Hi = chaoInterval(n, mean, se, s.opts.z())
	return Average{Estimate: e, Weights: ws, Warning: disagreement(ws, s.opts)}
}

// disagreement returns the warning of [Average.Warning], or "": among
// the models within 2 of the best criterion, the lowest estimate and the
// highest, when either lies outside the other's interval.
func disagreement(ws []Weight, o Options) string {
	lo, hi := 0, 0
	for i, w := range ws {
		if w.Delta > 2 {
			break
		}
		if w.N < ws[lo].N {
			lo = i
		}
		if w.N > ws[hi].N {
			hi = i
		}
	}
	a, b := ws[lo], ws[hi]
	if a.N >= b.Lo && b.N <= a.Hi {
		return ""
	}
	return fmt.Sprintf("the best models disagree by more than their intervals: within 2 %s of the best, %s estimates %.0f (%g%% interval %.0f to %.0f) and %s estimates %.0f (%.0f to %.0f)",
		strings.ToUpper(o.Criterion.String()), a.Model, a.N, 100*o.Level, a.Lo, a.Hi, b.Model, b.N, b.Lo, b.Hi)
}
