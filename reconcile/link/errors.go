package link

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// Categories of error. Every error returned by this package wraps exactly one
// of them, so callers can branch with [errors.Is].
var (
	// ErrInvalid marks a value that breaks a rule of its own type: a
	// malformed cédula or name, a record value its field cannot read, an
	// invalid schema, rule or configuration. It is [release.ErrInvalid],
	// shared by every package of freedcount.
	ErrInvalid = release.ErrInvalid
	// ErrDuplicate marks a second record with the same ID in one list, a
	// second list from the same source, or two records of a list declared
	// [List.Unique] that share a unique field's value (the same national ID
	// twice in a list said to hold each person once).
	ErrDuplicate = errors.New("duplicate")
	// ErrUnknown marks a reference to a record, list or field that the
	// linkage does not hold.
	ErrUnknown = errors.New("unknown")
	// ErrVersion marks a saved model ([ReadModel]) written in another
	// version of the format, which this package refuses rather than
	// misread.
	ErrVersion = errors.New("unsupported version")
)

// FieldError reports one bad field of a value. Path names the type and
// field ("Cedula", "Name", "Record.Values[national_id]", "Config.Rules[2]");
// Value repeats the offending input, quoted and truncated, or "<redacted>"
// for a value that may be personal data — every value of a record, a name,
// a national ID — which never appears in an error message. Err is the
// reason; it wraps the category ([ErrInvalid], [ErrDuplicate] or
// [ErrUnknown]). It is [release.FieldError], the one field-error type of
// freedcount.
//
// Operations that check many values report every problem at once with
// [errors.Join]; use errors.AsType[*FieldError] (or [errors.As]) to reach
// the first.
type FieldError = release.FieldError

// fieldErr builds a FieldError whose value is quoted and truncated.
func fieldErr(field, value string, category error, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "link", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: reason(category, format, args...)}
}

// secretErr builds a FieldError for a value that may be personal data: the
// value is never repeated, and the reason must not repeat it either.
func secretErr(field string, category error, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "link", Path: errfmt.Split(field), Value: errfmt.Redacted, Err: reason(category, format, args...)}
}

func reason(category error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{category}, args...)...)
}

// errNilWriter is the error of a writer method given no writer.
func errNilWriter() error { return fieldErr("Writer", "", ErrInvalid, "nil io.Writer") }
