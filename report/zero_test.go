package report_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/report"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".", report.Options{}, report.Headline{}, report.FieldError{})
}
