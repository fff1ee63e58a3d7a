package mse_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// The HIV data of Rome (Abeni, Brancato and Perucci 1994), Rcapture's data
// set HIV: four reporting centres, 1,896 people, counts by capture history.
var (
	hivLists = []mse.ListID{mse.MustListID("l1"), mse.MustListID("l2"), mse.MustListID("l3"), mse.MustListID("l4")}
	hivCells = map[string]int{
		"1111": 0, "1110": 3, "1101": 1, "1100": 33, "1011": 0, "1010": 20, "1001": 6, "1000": 403,
		"0111": 3, "0110": 35, "0101": 10, "0100": 545, "0011": 11, "0010": 621, "0001": 205,
	}
)

func hiv() mse.Histories { return mse.MustHistories(mse.MustStratum("rome"), hivLists, hivCells) }

func pair(a, b int) [2]mse.ListID { return [2]mse.ListID{hivLists[a-1], hivLists[b-1]} }

// printed formats x as Rcapture prints it, to d decimals.
func printed(x float64, d int) string { return fmt.Sprintf("%.*f", d, x) }

// TestRcaptureHIV reproduces, to the digits Rcapture prints, the two models
// of the HIV example of Baillargeon and Rivest (2007): closedpCI.t(HIV,
// dfreq = TRUE, mX = ~ . + c1:c2) and mX = ~ (c1+c2+c3+c4)^2.
func TestRcaptureHIV(t *testing.T) {
	h := hiv()
	require.Equal(t, 1896, h.Observed())

	m12, err := mse.Fit(h, [][2]mse.ListID{pair(1, 2)}, mse.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, "[12,3,4]", m12.Model())
	assert.Equal(t, "12318.5", printed(m12.N, 1), "abundance")
	assert.Equal(t, "1188.7", printed(m12.SE, 1), "stderr")
	assert.Equal(t, "7.614", printed(m12.Deviance, 3), "deviance")
	assert.Equal(t, 9, m12.DF, "df")
	assert.Equal(t, "86.65", printed(m12.AIC, 2), "AIC")

	all := [][2]mse.ListID{pair(1, 2), pair(1, 3), pair(1, 4), pair(2, 3), pair(2, 4), pair(3, 4)}
	m2, err := mse.Fit(h, all, mse.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, "[12,13,14,23,24,34]", m2.Model())
	assert.Equal(t, "23443.5", printed(m2.N, 1), "abundance")
	assert.Equal(t, "9594.9", printed(m2.SE, 1), "stderr")
	assert.Equal(t, "3.037", printed(m2.Deviance, 3), "deviance")
	assert.Equal(t, 4, m2.DF, "df")
}

// TestRcaptureConventions pins the conventions that the printed figures
// single out among the plausible ones.
func TestRcaptureConventions(t *testing.T) {
	e, err := mse.Fit(hiv(), [][2]mse.ListID{pair(1, 2)}, mse.DefaultOptions())
	require.NoError(t, err)

	// AIC: −2 log L is the same whatever the count of parameters, so the
	// printed AIC fixes p. Only p = 6 (the intercept, four main effects and
	// one interaction: glm's rank) gives 86.65; p = 5 (no intercept) gives
	// 84.65, and the deviance-based 7.614 + 2p is nowhere near.
	m2ll := e.AIC - 2*float64(e.Params)
	assert.Equal(t, 6, e.Params)
	for p, want := range map[int]string{5: "84.65", 6: "86.65", 7: "88.65"} {
		assert.Equal(t, want, printed(m2ll+2*float64(p), 2), "p = %d", p)
	}
	assert.NotEqual(t, "86.65", printed(e.Deviance+2*6, 2))
	// BIC: Rcapture's AIC + (log n − 2)p.
	assert.InDelta(t, e.AIC+(math.Log(1896)-2)*6, e.BIC, 1e-9)

	// SE: the delta method on exp(β₀) alone gives 1184.3; Rcapture adds
	// the Poisson variance of the unseen count, exp(β₀).
	unseen := e.Unseen()
	assert.Equal(t, "1184.3", printed(math.Sqrt(e.SE*e.SE-unseen), 1))
	assert.Equal(t, "1188.7", printed(e.SE, 1))
}

// TestRcaptureHIVSelection checks that selection by AIC over the 64
// hierarchical models of four lists picks the model the Rcapture example
// arrives at by stepwise elimination: only the interaction of lists 1 and
// 2. BIC, which penalises coefficients more, prefers independence.
func TestRcaptureHIVSelection(t *testing.T) {
	s, err := mse.Select(hiv(), mse.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, 64, s.Len())
	assert.Empty(t, s.Skipped())
	assert.Equal(t, "[12,3,4]", s.Best().Model())
	assert.Equal(t, "12318.5", printed(s.Best().N, 1))
	for i := 1; i < s.Len(); i++ {
		assert.LessOrEqual(t, s.At(i-1).AIC, s.At(i).AIC)
	}

	o := mse.DefaultOptions()
	o.Criterion = mse.BIC
	b, err := mse.Select(hiv(), o)
	require.NoError(t, err)
	assert.Equal(t, "[1,2,3,4]", b.Best().Model())
	assert.Equal(t, mse.BIC, b.Criterion())
}

// TestTwoListTextbook checks the two-list estimators on the classic
// numbers n₁ = 100, n₂ = 80, m = 20.
func TestTwoListTextbook(t *testing.T) {
	l := []mse.ListID{mse.MustListID("a"), mse.MustListID("b")}
	h := mse.MustHistories(mse.MustStratum("s"), l, map[string]int{"11": 20, "10": 80, "01": 60})
	lp, err := mse.LincolnPetersen(h, mse.DefaultOptions())
	require.NoError(t, err)
	assert.InDelta(t, 400, lp.N, 1e-9)
	assert.InDelta(t, math.Sqrt(100*80*80*60/8000.0), lp.SE, 1e-9)

	ch, err := mse.Chapman(h, mse.DefaultOptions())
	require.NoError(t, err)
	assert.InDelta(t, 101.0*81/21-1, ch.N, 1e-9)
	assert.InDelta(t, math.Sqrt(101.0*81*80*60/(21*21*22)), ch.SE, 1e-9)

	// The log-linear independence model of two lists is saturated and
	// gives Lincoln–Petersen, but Fit refuses two lists.
	_, err = mse.Fit(h, nil, mse.DefaultOptions())
	assert.ErrorIs(t, err, mse.ErrTooFewLists)
}

// TestChaoInterval checks the interval against Chao's formula by hand.
func TestChaoInterval(t *testing.T) {
	e, err := mse.Fit(hiv(), [][2]mse.ListID{pair(1, 2)}, mse.DefaultOptions())
	require.NoError(t, err)
	u := e.Unseen()
	c := math.Exp(1.959963984540054 * math.Sqrt(math.Log(1+e.SE*e.SE/(u*u))))
	assert.InDelta(t, 1896+u/c, e.Lo, 1e-6)
	assert.InDelta(t, 1896+u*c, e.Hi, 1e-6)
	assert.Equal(t, "[10236, 14920]", e.Interval().String())
}
