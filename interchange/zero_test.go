package interchange_test

import (
	"testing"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/internal/zerotest"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".", interchange.FieldError{}, interchange.Format(0), interchange.Header{}, interchange.LineError{})
}
