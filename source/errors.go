package source

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// ErrInvalid marks a value that breaks a rule of its own type: an empty ID,
// a confidence outside [0, 1], a quantity phrase that cannot be read, an
// unknown enum. Every error returned by this package wraps it, so callers
// can branch with [errors.Is].
var ErrInvalid = errors.New("invalid")

// FieldError reports one bad field of a value. Field names the type and
// field ("Source.Confidence", "Quantity"); Value repeats the offending input,
// quoted and truncated to 64 runes. Err is the reason and wraps
// [ErrInvalid].
//
// Validation reports several bad fields at once with [errors.Join]; use
// errors.AsType[*FieldError] (or [errors.As]) to reach the first.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "source: FIELD VALUE: REASON".
func (e *FieldError) Error() string {
	return "source: " + e.Field + " " + e.Value + ": " + e.Err.Error()
}

// Unwrap returns the reason, which wraps [ErrInvalid].
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds a FieldError whose value is quoted and truncated, and
// whose reason wraps ErrInvalid.
func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}
