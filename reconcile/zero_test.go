package reconcile_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/reconcile"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		reconcile.BestRule(0), reconcile.Cause(0), reconcile.ClaimState(0), reconcile.Discrepancy{},
		reconcile.Dispute{}, reconcile.Evidence{}, reconcile.FieldError{}, reconcile.Figure{}, reconcile.Index{},
		reconcile.Policy{}, reconcile.Reading{}, reconcile.Side{}, reconcile.Verification{},
		reconcile.CauseCount{}, reconcile.NetChange{}, reconcile.Review{})
}
