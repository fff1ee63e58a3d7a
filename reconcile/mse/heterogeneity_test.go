package mse_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// TestHeterogeneitySelection: with Options.Heterogeneity, Select ranks
// Rcapture's four Mth models beside the 64 interaction models of the HIV
// data; their numbers are those FitModel gives (checked against R's glm in
// TestProfileAgainstR and, for Poisson2 and Darroch on these data, in
// ExampleFitModel). [12,3,4] stays the best by AIC.
func TestHeterogeneitySelection(t *testing.T) {
	o := mse.DefaultOptions()
	o.Heterogeneity = true
	s, err := mse.Select(hiv(), o)
	require.NoError(t, err)
	assert.Equal(t, 68, s.Len())
	assert.Equal(t, "[12,3,4]", s.Best().Model())
	found := map[string]bool{}
	for _, e := range s.All() {
		if e.Heterogeneity == 0 {
			continue
		}
		found[e.Model()] = true
		f, err := mse.FitModel(hiv(), mse.Model{Heterogeneity: e.Heterogeneity}, o)
		require.NoError(t, err)
		assert.True(t, f.Equal(e), "%v\n%v", f, e)
	}
	assert.Equal(t, map[string]bool{"Mth Poisson2": true, "Mth Darroch": true, "Mth Gamma3.5": true, "Mth Chao (LB)": true}, found)

	// A heterogeneity term with interactions is named after both.
	e, err := mse.FitModel(hiv(), mse.Model{Interactions: [][2]mse.ListID{pair(1, 2)}, Heterogeneity: mse.Darroch}, o)
	require.NoError(t, err)
	assert.Equal(t, "[12,3,4] h=darroch", e.Model())
	assert.Equal(t, 7, e.Params)
}

// TestHeterogeneityText: the names round-trip, an unknown value is
// refused, by the text encoding and by FitModel.
func TestHeterogeneityText(t *testing.T) {
	for h := mse.Poisson2; h <= mse.ChaoLB; h++ {
		b, err := h.MarshalText()
		require.NoError(t, err)
		var back mse.Heterogeneity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, h, back)
	}
	assert.Equal(t, "gamma3.5", mse.Gamma35.String())
	assert.Equal(t, "", mse.Heterogeneity(0).String())
	var h mse.Heterogeneity
	assert.ErrorIs(t, h.UnmarshalText([]byte("gamma")), mse.ErrInvalid)
	_, err := mse.FitModel(hiv(), mse.Model{Heterogeneity: 9}, mse.DefaultOptions())
	assert.ErrorIs(t, err, mse.ErrInvalid)
	_, err = mse.Profile(hiv(), mse.Model{Heterogeneity: 9}, mse.DefaultOptions())
	assert.ErrorIs(t, err, mse.ErrInvalid)
}

// TestProfileAt: a Selection gives the profile interval of its models by
// rank, the same as Profile; a rank out of range is refused.
func TestProfileAt(t *testing.T) {
	s, err := mse.Select(hiv(), mse.DefaultOptions())
	require.NoError(t, err)
	p, err := s.ProfileAt(0)
	require.NoError(t, err)
	q, err := mse.Profile(hiv(), mse.Model{Interactions: s.Best().Interactions}, mse.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, q, p)
	checkProfile(t, hiv(), p)
	_, err = s.ProfileAt(64)
	assert.ErrorIs(t, err, mse.ErrInvalid)
	var zero mse.Selection
	_, err = zero.ProfileAt(0)
	assert.ErrorIs(t, err, mse.ErrInvalid)
}
