package mse

import (
	"fmt"
	"math"
	"slices"

	"github.com/freedcount/freedcount/source"
)

// Total is the estimate of a population made of disjoint strata: the sum of
// the strata's estimates, with an interval for the sum, as HRDAG's verdata
// reports a total over strata (combine_estimates).
type Total struct {
	// Parts are the strata's estimates, in canonical order of their
	// strata.
	Parts []Estimate
	// Observed is the number of people the lists document, summed over
	// the strata.
	Observed int
	// N is the estimated total: the sum of the parts' N (for posteriors,
	// the median of the summed draws).
	N float64
	// SE is the standard error of N: √ΣSEᵢ² for independent estimates (for
	// posteriors, the standard deviation of the summed draws).
	SE float64
	// Level is the level of [Lo, Hi], the parts' level.
	Level float64
	// Lo and Hi are the interval of the total, never below Observed.
	Lo, Hi float64
}

// Interval returns the integer interval of the total, rounded outwards, as
// [Estimate.Interval] does.
func (t Total) Interval() source.Interval {
	return Estimate{Observed: t.Observed, Lo: t.Lo, Hi: t.Hi}.Interval()
}

// String returns "TOTAL of K strata, n observed: N 1234.5 (SE 56.7), 95%
// interval [LO, HI]".
func (t Total) String() string {
	return fmt.Sprintf("total of %d strata, %d observed: N %.1f (SE %.1f), %g%% interval %s",
		len(t.Parts), t.Observed, t.N, t.SE, 100*t.Level, t.Interval())
}

// SumEstimates adds the estimates of disjoint strata, each made from its
// own lists' overlaps and so independent of the others: N = ΣNᵢ, SE =
// √ΣSEᵢ², and the interval is Chao's log-normal interval on the summed
// unseen, added to the summed observed (the construction verdata's
// combine_estimates uses, on log(N − n_obs)), so that it never falls
// below the people documented.
//
// The estimates must be valid ([Estimate.Validate]), of distinct strata and
// of one level; otherwise the error is a [*FieldError] wrapping
// [ErrInvalid], or [ErrConflict] for a stratum given twice.
func SumEstimates(parts []Estimate) (Total, error) {
	t, err := checkParts(parts)
	if err != nil {
		return Total{}, err
	}
	v := 0.0
	for _, e := range t.Parts {
		t.N += e.N
		v += e.SE * e.SE
	}
	t.SE = math.Sqrt(v)
	z := Options{Level: t.Level}.z()
	t.Lo, t.Hi = chaoInterval(float64(t.Observed), t.N, t.SE, z)
	return t, nil
}

// SumPosteriors adds the latent-class posteriors of disjoint strata, as
// verdata does: the i-th draws of the strata are summed into the i-th draw
// of the total, whose median and quantiles give N and the interval. The
// strata's chains are independent, so the summed draws are draws of the
// total's posterior. The posteriors need the same number of draws and
// level, and distinct strata.
func SumPosteriors(parts []Posterior) (Total, error) {
	es := make([]Estimate, len(parts))
	for i, p := range parts {
		es[i] = p.Estimate
	}
	t, err := checkParts(es)
	if err != nil {
		return Total{}, err
	}
	n := len(parts[0].Draws)
	sum := make([]int, n)
	for _, p := range parts {
		if len(p.Draws) != n {
			return Total{}, fieldErr("Posterior.Draws", p.Estimate.Stratum.String(), ErrInvalid, "%d draws, want %d as the other strata", len(p.Draws), n)
		}
		for i, d := range p.Draws {
			sum[i] += d
		}
	}
	slices.Sort(sum)
	t.N = quantile7(sum, 0.5)
	_, t.SE = meanSD(sum)
	t.Lo = math.Max(quantile7(sum, (1-t.Level)/2), float64(t.Observed))
	t.Hi = quantile7(sum, (1+t.Level)/2)
	return t, nil
}

// checkParts validates the parts and starts their Total.
func checkParts(parts []Estimate) (Total, error) {
	if len(parts) == 0 {
		return Total{}, fieldErr("Total", "", ErrInvalid, "no estimates to add")
	}
	t := Total{Parts: slices.Clone(parts), Level: parts[0].Level}
	slices.SortFunc(t.Parts, func(a, b Estimate) int { return a.Stratum.Compare(b.Stratum) })
	for i, e := range t.Parts {
		if err := e.Validate(); err != nil {
			return Total{}, err
		}
		if i > 0 && e.Stratum == t.Parts[i-1].Stratum {
			return Total{}, fieldErr("Estimate.Stratum", e.Stratum.String(), ErrConflict, "stratum given twice: strata must be disjoint")
		}
		if e.Level != t.Level {
			return Total{}, fieldErr("Estimate.Level", fmt.Sprint(e.Level), ErrInvalid, "levels differ (%g and %g)", t.Level, e.Level)
		}
		t.Observed += e.Observed
	}
	return t, nil
}
