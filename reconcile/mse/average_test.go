package mse_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// checkAverage fails unless a is the Akaike- or Schwarz-weighted average of
// the models of s, recomputed here from each model's criterion: weights in
// rank order summing to 1, N the weighted mean (within the range of the
// models' estimates), SE Buckland's Σ w √(SE² + (N − N̄)²).
func checkAverage(t require.TestingT, s mse.Selection, a mse.Average) {
	// Plain comparisons, and require only to fail (see checkEstimate).
	fail := func(what string, args ...any) { require.Failf(t, what, "%v", args) }
	near := func(want, got, delta float64) bool { return math.Abs(want-got) <= delta }
	if len(a.Weights) != s.Len() {
		fail("weights", len(a.Weights), s.Len())
		return
	}
	crit := func(e mse.Estimate) float64 {
		if s.Criterion() == mse.BIC {
			return e.BIC
		}
		return e.AIC
	}
	best := crit(s.Best())
	var total, mean, lo, hi float64
	lo, hi = math.Inf(1), math.Inf(-1)
	ws := make([]float64, s.Len())
	for i, e := range s.All() {
		ws[i] = math.Exp(-(crit(e) - best) / 2)
		total += ws[i]
		lo, hi = math.Min(lo, e.N), math.Max(hi, e.N)
	}
	sum := 0.0
	for i, e := range s.All() {
		w := a.Weights[i]
		if e.Model() != w.Model {
			fail("model of weight", i, e.Model(), w.Model)
		}
		if !near(ws[i]/total, w.Weight, 1e-9) {
			fail("weight", i, ws[i]/total, w.Weight)
		}
		sum += w.Weight
		mean += w.Weight * e.N
		if i > 0 && !(a.Weights[i-1].Delta <= w.Delta) {
			fail("deltas out of order", a.Weights[i-1].Delta, w.Delta)
		}
	}
	if !near(1, sum, 1e-12) {
		fail("weights sum", sum)
	}
	if !near(mean, a.Estimate.N, 1e-9*mean) {
		fail("average N", mean, a.Estimate.N)
	}
	if !(a.Estimate.N >= lo*(1-1e-12)) || !(a.Estimate.N <= hi*(1+1e-12)) {
		fail("average outside the models' range", a.Estimate.N, lo, hi)
	}
	se := 0.0
	for i, e := range s.All() {
		se += a.Weights[i].Weight * math.Sqrt(e.SE*e.SE+(e.N-mean)*(e.N-mean))
	}
	if !near(se, a.Estimate.SE, 1e-9*math.Max(1, se)) {
		fail("average SE", se, a.Estimate.SE)
	}
	if a.Estimate.Method != mse.MethodModelAverage {
		fail("method", a.Estimate.Method)
	}
}

// checkProfile fails unless p is a sound interval of h.
func checkProfile(t require.TestingT, h mse.Histories, p mse.ProfileInterval) {
	n := float64(h.Observed())
	require.LessOrEqual(t, n, p.Lo, "%v", p)
	require.LessOrEqual(t, p.Lo, p.N, "%v", p)
	require.LessOrEqual(t, p.N, p.Hi, "%v", p)
	require.Equal(t, p.Open, math.IsInf(p.Hi, 1), "%v", p)
}

// lara is the Lara stratum of examples/estimate: invented, with a truth of
// 150 people, and two models tied by AIC that disagree (185 and 146).
func lara() mse.Histories {
	ls := []mse.ListID{mse.MustListID("church"), mse.MustListID("foro-penal"), mse.MustListID("jep"), mse.MustListID("press")}
	return mse.MustHistories(mse.MustStratum("VE/Lara"), ls, map[string]int{
		"1111": 3, "1110": 9, "1100": 8, "1010": 5, "1001": 3, "1000": 17,
		"0111": 7, "0110": 17, "0100": 11, "0011": 2, "0010": 9, "0001": 13,
	})
}

// TestAverageWarnsWhenBestModelsDisagree: in Lara the two best models by
// AIC are 0.05 apart and estimate 185 and 146; choosing one hides the
// doubt. The average sits between them, its interval covers both and the
// truth (150), and the warning names the extremes among the models within
// 2 AIC of the best.
func TestAverageWarnsWhenBestModelsDisagree(t *testing.T) {
	s, err := mse.Select(lara(), mse.DefaultOptions())
	require.NoError(t, err)
	require.Equal(t, "185", printed(s.At(0).N, 0))
	require.Equal(t, "146", printed(s.At(1).N, 0))
	a := s.Average()
	checkAverage(t, s, a)
	assert.Equal(t, "157.3", printed(a.Estimate.N, 1))
	assert.Equal(t, "[124, 242]", a.Estimate.Interval().String())
	assert.Contains(t, a.Warning, "the best models disagree by more than their intervals")
	assert.Contains(t, a.Warning, "[14,23] estimates 140 (95% interval 123 to 172)")
	assert.Contains(t, a.Warning, "[12,13,23,34] estimates 192")
	for _, n := range []float64{150, s.At(0).N, s.At(1).N} {
		assert.True(t, a.Estimate.Lo <= n && n <= a.Estimate.Hi, "%v outside %v", n, a.Estimate)
	}
}

// TestAverageQuietWhenModelsAgree: on the HIV data the models within 2 AIC
// of the best agree within their intervals, and no warning is given.
func TestAverageQuietWhenModelsAgree(t *testing.T) {
	s, err := mse.Select(hiv(), mse.DefaultOptions())
	require.NoError(t, err)
	a := s.Average()
	checkAverage(t, s, a)
	assert.Empty(t, a.Warning)
	assert.Equal(t, "[12,3,4]", a.Weights[0].Model)
	require.NoError(t, a.Estimate.Validate())
	_, err = a.Estimate.Claim(spec)
	require.NoError(t, err)
}

// TestAverageZero: the zero Selection averages to the zero Average.
func TestAverageZero(t *testing.T) {
	var s mse.Selection
	a := s.Average()
	assert.Empty(t, a.Weights)
	assert.Equal(t, "", a.Estimate.Model())
}
