package mse_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// TestRcaptureHIVProfile reproduces the profile-likelihood interval that
// Rcapture prints for the HIV model [12,3,4] (Baillargeon and Rivest 2007,
// closedpCI.t(HIV, dfreq = TRUE, mX = ~ . + c1:c2)): 10,266 to 14,992.3.
func TestRcaptureHIVProfile(t *testing.T) {
	p, err := mse.Profile(hiv(), mse.Model{Interactions: [][2]mse.ListID{pair(1, 2)}}, mse.DefaultOptions())
	require.NoError(t, err)
	t.Logf("%v (Lo %.6f, Hi %.6f, N %.6f)", p, p.Lo, p.Hi, p.N)
	assert.Equal(t, "10266.0", printed(p.Lo, 1), "InfCL")
	assert.Equal(t, "14992.3", printed(p.Hi, 1), "SupCL")
	assert.False(t, p.Open)
}
