package reliability

import (
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// ErrInvalid marks an option or policy that breaks its rule: a count of
// false values below 4, a tolerance outside its range, an invalid
// [reconcile.Policy]. Every error returned by this package wraps it, so
// callers can branch with [errors.Is]. It is [release.ErrInvalid], shared
// by every package of freedcount.
var ErrInvalid = release.ErrInvalid

// FieldError reports one bad field of [Options]. Path names the type and
// field ("Options.FalseValues"); Value repeats the offending input, quoted
// and truncated; Err is the reason and wraps [ErrInvalid] (and, for a bad
// policy, the error of package reconcile). It is [release.FieldError], the
// one field-error type of freedcount.
//
// [Options.Validate] reports every bad field at once with [errors.Join];
// use errors.AsType[*FieldError] to reach the first.
type FieldError = release.FieldError

func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "reliability", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, "%s", reason)
}

// policyErr reports an invalid [reconcile.Policy] in Options.Policy,
// keeping the error of package reconcile in the chain beside [ErrInvalid].
func policyErr(err error) *FieldError {
	return &FieldError{Pkg: "reliability", Path: release.FieldPath{"Options", "Policy"}, Value: `""`, Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}
