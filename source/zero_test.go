package source_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/source"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		source.Basis(0), source.Citation{}, source.Claim{}, source.ClaimID{}, source.FieldError{},
		source.Group{}, source.Interval{}, source.Kind(0), source.Measure(0), source.Method(0),
		source.Quantity{}, source.QuantityKind(0), source.Relative{}, source.Source{}, source.SourceID{},
		source.Status(0))
}
