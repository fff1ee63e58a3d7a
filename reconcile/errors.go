package reconcile

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// Categories of error. Every error returned by this package wraps exactly one
// of them, so callers can branch with [errors.Is].
var (
	// ErrInvalid marks a value that breaks a rule of its own type: an
	// invalid claim, source, verification, scope or policy. It is
	// [release.ErrInvalid], shared by every package of freedcount.
	ErrInvalid = release.ErrInvalid
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

// FieldError reports one bad field or value. Path names the type and field
// ("Policy.Tolerance", "Claim.Supersedes"); Value repeats the offending
// input, quoted and truncated; Err is the reason and wraps one of this
// package's categories (or an error of package source or release, for a
// value those packages reject). It is [release.FieldError], the one
// field-error type of freedcount.
//
// Operations that check many values report every problem at once with
// [errors.Join]; use errors.AsType[*FieldError] to reach the first.
type FieldError = release.FieldError

func fieldErr(field, value string, category error, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "reconcile", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{category}, args...)...)}
}

// wrapErr reports that value of field was rejected by another package with
// err, keeping err in the chain and adding ErrInvalid.
func wrapErr(field, value string, err error) *FieldError {
	return &FieldError{Pkg: "reconcile", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, ErrInvalid, "%s", reason)
}
