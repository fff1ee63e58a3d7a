package reliability

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// ErrInvalid marks an option or policy that breaks its rule: a count of
// false values below 4, a tolerance outside its range, an invalid
// [reconcile.Policy]. Every error returned by this package wraps it, so
// callers can branch with [errors.Is].
var ErrInvalid = errors.New("invalid")

// FieldError reports one bad field of [Options]. Field names the type and
// field ("Options.FalseValues"); Value repeats the offending input, quoted
// and truncated; Err is the reason and wraps [ErrInvalid] (and, for a bad
// policy, the error of package reconcile).
//
// [Options.Validate] reports every bad field at once with [errors.Join];
// use errors.AsType[*FieldError] to reach the first.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "reliability: FIELD VALUE: REASON".
func (e *FieldError) Error() string {
	return errfmt.Field("reliability", e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, which wraps [ErrInvalid].
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, "%s", reason)
}

// policyErr reports an invalid [reconcile.Policy] in Options.Policy,
// keeping the error of package reconcile in the chain beside [ErrInvalid].
func policyErr(err error) *FieldError {
	return &FieldError{Field: "Options.Policy", Value: `""`, Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}
