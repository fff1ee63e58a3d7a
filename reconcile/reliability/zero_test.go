package reliability_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/reconcile/reliability"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		reliability.FieldError{}, reliability.Object{}, reliability.Options{}, reliability.Result{},
		reliability.SourceReliability{}, reliability.Start(0), reliability.Claim{}, reliability.ObjectKey(""))
}
