package mse_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/reconcile/mse"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		mse.ClaimSpec{}, mse.Criterion(0), mse.Estimate{}, mse.FieldError{}, mse.Histories{}, mse.ListID{},
		mse.Method(0), mse.Options{}, mse.Selection{}, mse.Sighting[string]{}, mse.Skip{}, mse.Stratum{},
		mse.Average{}, mse.Diagnostics{}, mse.Heterogeneity(0), mse.LatentClassOptions{}, mse.Model{}, mse.Posterior{},
		mse.ProfileInterval{}, mse.Total{}, mse.Weight{})
}
