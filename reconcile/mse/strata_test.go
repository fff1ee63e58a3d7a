package mse_test

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// restratum returns h as the table of another stratum.
func restratum(h mse.Histories, s string) mse.Histories {
	cells := map[string]int{}
	for p, c := range h.Cells() {
		cells[p] = c
	}
	return mse.MustHistories(mse.MustStratum(s), h.Lists(), cells)
}

// TestSumEstimates: the total of two strata adds their N and their
// variances, its interval is Chao's on the summed unseen and never below
// the summed observed, and the order of the parts does not matter.
func TestSumEstimates(t *testing.T) {
	a, err := mse.Fit(hiv(), [][2]mse.ListID{pair(1, 2)}, mse.DefaultOptions())
	require.NoError(t, err)
	b, err := mse.Select(restratum(lara(), "VE/Lara"), mse.DefaultOptions())
	require.NoError(t, err)
	tot, err := mse.SumEstimates([]mse.Estimate{a, b.Best()})
	require.NoError(t, err)
	rev, err := mse.SumEstimates([]mse.Estimate{b.Best(), a})
	require.NoError(t, err)
	assert.Equal(t, tot, rev)
	assert.Equal(t, 1896+104, tot.Observed)
	assert.InDelta(t, a.N+b.Best().N, tot.N, 1e-9)
	assert.InDelta(t, math.Hypot(a.SE, b.Best().SE), tot.SE, 1e-9)
	u := tot.N - 2000
	c := math.Exp(1.959963984540054 * math.Sqrt(math.Log1p(tot.SE*tot.SE/(u*u))))
	assert.InDelta(t, 2000+u/c, tot.Lo, 1e-6)
	assert.InDelta(t, 2000+u*c, tot.Hi, 1e-6)
	assert.GreaterOrEqual(t, tot.Interval().Lo(), tot.Observed)
	assert.Equal(t, []mse.Stratum{mse.MustStratum("VE/Lara"), mse.MustStratum("rome")}, []mse.Stratum{tot.Parts[0].Stratum, tot.Parts[1].Stratum})
	t.Log(tot)

	_, err = mse.SumEstimates([]mse.Estimate{a, a})
	assert.ErrorIs(t, err, mse.ErrConflict)
	_, err = mse.SumEstimates(nil)
	assert.ErrorIs(t, err, mse.ErrInvalid)
	odd := b.Best()
	odd.Level = 0.9
	_, err = mse.SumEstimates([]mse.Estimate{a, odd})
	assert.ErrorIs(t, err, mse.ErrInvalid)
}

// TestSumPosteriors: the total of latent-class posteriors sums the i-th
// draws of the strata, as verdata does, and summarises the summed draws.
func TestSumPosteriors(t *testing.T) {
	h1 := restratum(msetest.LatentClasses(4, 2000, 2, 1).Histories, "a")
	h2 := restratum(msetest.LatentClasses(4, 3000, 2, 2).Histories, "b")
	p1, err := mse.LatentClass(context.Background(), h1, quick(1))
	require.NoError(t, err)
	p2, err := mse.LatentClass(context.Background(), h2, quick(2))
	require.NoError(t, err)
	tot, err := mse.SumPosteriors([]mse.Posterior{p2, p1})
	require.NoError(t, err)
	sum := make([]int, len(p1.Draws))
	for i := range sum {
		sum[i] = p1.Draws[i] + p2.Draws[i]
	}
	slices.Sort(sum)
	whole := mse.Posterior{Draws: sum}
	assert.Equal(t, whole.Quantile(0.5), tot.N)
	assert.Equal(t, whole.Quantile(0.025), tot.Lo)
	assert.Equal(t, whole.Quantile(0.975), tot.Hi)
	assert.Equal(t, h1.Observed()+h2.Observed(), tot.Observed)
	assert.LessOrEqual(t, float64(tot.Observed), tot.Lo)

	short := p2
	short.Draws = short.Draws[:10]
	_, err = mse.SumPosteriors([]mse.Posterior{p1, short})
	assert.ErrorIs(t, err, mse.ErrInvalid)
}
