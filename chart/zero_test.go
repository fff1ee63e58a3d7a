package chart_test

import (
	"testing"

	"github.com/freedcount/freedcount/chart"
	"github.com/freedcount/freedcount/internal/zerotest"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".", chart.Kind(0), chart.Options{}, chart.FieldError{})
}
