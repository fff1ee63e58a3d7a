package mse

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// Categories of error. Every error returned by this package wraps exactly one
// of them, so callers can branch with [errors.Is]. The last four are
// refusals: the input is well formed, but it cannot support the estimate
// asked for.
var (
	// ErrInvalid marks a value that breaks a rule of its own type: an empty
	// list ID, a capture pattern of the wrong length, a negative count,
	// options outside their range. It is [release.ErrInvalid], shared by
	// every package of freedcount.
	ErrInvalid = release.ErrInvalid
	// ErrConflict marks input that contradicts itself: one person sighted in
	// two strata.
	ErrConflict = errors.New("conflict")
	// ErrEmptyStratum marks a stratum where no list documents anyone: there
	// is nothing to estimate from.
	ErrEmptyStratum = errors.New("empty stratum")
	// ErrTooFewLists marks a stratum with fewer usable lists (lists that
	// document at least one person there) than the method needs: two for
	// the two-list estimators, three for log-linear models.
	ErrTooFewLists = errors.New("too few usable lists")
	// ErrNoOverlap marks lists that share nobody where the method needs
	// them to: two lists with no one in common, no one on two or more lists
	// at all, or an interaction between two lists that share nobody. The
	// estimate of the unseen would be infinite or undefined.
	ErrNoOverlap = errors.New("no overlap between lists")
	// ErrNotEstimable marks a log-linear model without a finite
	// maximum-likelihood estimate: the fit does not converge (a coefficient
	// runs off to infinity), its information matrix is singular, or the
	// estimated total exceeds source.MaxCount.
	ErrNotEstimable = errors.New("not estimable")
)

// FieldError reports one bad field or one refusal. Path names what was
// rejected ("ListID", "Histories.Counts", "Histories" for a refused
// stratum, "Model" for a refused model); Value repeats the offending input,
// quoted and truncated to 64 runes (a stratum or model name, never a
// person's key); Err is the reason and wraps one of this package's
// categories. It is [release.FieldError], the one field-error type of
// freedcount.
//
// Validation reports several bad fields at once with [errors.Join]; use
// errors.AsType[*FieldError] (or [errors.As]) to reach the first.
type FieldError = release.FieldError

// fieldErr builds a FieldError whose value is quoted and truncated and
// whose reason wraps category.
func fieldErr(field, value string, category error, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "mse", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{category}, args...)...)}
}

// wrapErr reports that value of field was rejected by another package with
// err, keeping err in the chain and adding ErrInvalid.
func wrapErr(field, value string, err error) *FieldError {
	return &FieldError{Pkg: "mse", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, ErrInvalid, "%s", reason)
}
