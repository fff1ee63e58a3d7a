package release_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/release"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		release.Balance{}, release.Category(0), release.Date{}, release.Detainee{},
		release.DetaineeID{}, release.Disclosed{}, release.Event{}, release.EventKind(0),
		release.FieldError{}, release.FieldPath(nil), release.Ledger{}, release.Partition{}, release.Period{},
		release.Population{}, release.Region{}, release.RuleError{}, release.Scope{},
		release.Secret{}, release.Sex(0), release.Terms(0), release.UndeclaredError{}, release.Vocabulary{})
}
