package reconcile

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Categories of error. Every error returned by this package wraps exactly one
// of them, so callers can branch with [errors.Is].
var (
	// ErrInvalid marks a value that breaks a rule of its own type: an
	// invalid claim, source, verification, scope or policy.
	ErrInvalid = errors.New("invalid")
	// ErrUnknownSource marks a claim or verification whose source (or relay)
	// is not in the evidence.
	ErrUnknownSource = errors.New("unknown source")
	// ErrConflict marks an ID already taken by a different value, so that two
	// evidence sets cannot be united.
	ErrConflict = errors.New("conflict")
	// ErrChain marks a broken chain between claims: a claim that supersedes
	// a claim of another source, a cycle of supersession, or a cycle of
	// relative quantities.
	ErrChain = errors.New("broken claim chain")
)

// FieldError reports one bad field or value. Field names the type and field
// ("Policy.Tolerance", "Claim.Supersedes"); Value repeats the offending
// input, quoted and truncated; Err is the reason and wraps one of this
// package's categories (or an error of package source or release, for a
// value those packages reject).
//
// Operations that check many values report every problem at once with
// [errors.Join]; use errors.AsType[*FieldError] to reach the first.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "reconcile: FIELD VALUE: REASON".
func (e *FieldError) Error() string {
	return errfmt.Field("reconcile", e.Field, e.Value, e.Err)
}

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value string, category error, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{category}, args...)...)}
}

// wrapErr reports that value of field was rejected by another package with
// err, keeping err in the chain and adding ErrInvalid.
func wrapErr(field, value string, err error) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, ErrInvalid, "%s", reason)
}
