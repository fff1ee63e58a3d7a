package release

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Categories of error. Every error returned by this package wraps exactly one
// of them, so callers can branch with [errors.Is].
var (
	// ErrInvalid marks a value that breaks a rule of its own type: an empty
	// ID, a date that does not exist, an inverted period, an unknown enum.
	ErrInvalid = errors.New("invalid")
	// ErrUnknownDetainee marks an event about a detainee the ledger has not
	// registered.
	ErrUnknownDetainee = errors.New("unknown detainee")
	// ErrDuplicate marks a second registration of the same detainee ID.
	ErrDuplicate = errors.New("duplicate detainee")
	// ErrNotHeld marks a release of someone the ledger does not hold.
	ErrNotHeld = errors.New("release of someone not held")
	// ErrAlreadyHeld marks a detention of someone the ledger already holds.
	ErrAlreadyHeld = errors.New("detention of someone already held")
	// ErrOutOfOrder marks an event dated before the person's latest recorded
	// event (in particular, a release dated before the detention it ends).
	ErrOutOfOrder = errors.New("event dated before the person's previous event")
	// ErrNoRegion marks an event (or a registration that opens a detention)
	// with no region of its own and none recorded for the detainee, which
	// could not be counted in any region.
	ErrNoRegion = errors.New("no region for the event or the detainee")
)

// FieldError reports one bad field of a value. Field names the type and
// field ("Detainee.BirthYear", "Date"); Value repeats the offending input,
// quoted and truncated, or "<redacted>" for a detainee's name or national
// ID, which never appear in an error message. Err is the reason; it wraps
// the category, [ErrInvalid] for a malformed value or [ErrDuplicate] for a
// detainee ID already registered.
//
// Validation reports several bad fields at once with [errors.Join]; use
// errors.AsType[*FieldError] (or [errors.As]) to reach the first.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "release: FIELD VALUE: REASON".
func (e *FieldError) Error() string {
	return errfmt.Field("release", e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, which wraps the category sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds a FieldError whose value is quoted and truncated, and
// whose reason wraps ErrInvalid.
func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: reason(format, args...)}
}

// secretErr builds a FieldError for a field holding personal data: the
// value is never repeated.
func secretErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Redacted, Err: reason(format, args...)}
}

// decodeErr returns err, an error from decoding JSON into a value of type
// typ, as an error of this package: errors of this package pass unchanged;
// others (malformed JSON, a value of the wrong JSON type) become a
// [*FieldError] for typ that wraps both [ErrInvalid] and err. value is the
// input, quoted, or [errfmt.Redacted] where it may hold personal data.
func decodeErr(typ, value string, err error) error {
	if errors.Is(err, ErrInvalid) {
		return err
	}
	return &FieldError{Field: typ, Value: value, Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
}

func reason(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

// RuleError reports an event that the [Ledger] refused because it breaks a
// rule of the ledger rather than of the event alone. Rule is one of
// [ErrUnknownDetainee], [ErrNotHeld], [ErrAlreadyHeld], [ErrOutOfOrder] or
// [ErrNoRegion]. The message
// names the rule and the event by its detainee ID, kind and day; never the
// person's name or national ID.
type RuleError struct {
	Rule  error
	Event Event
}

// Error returns "release: ledger: RULE: EVENT".
func (e *RuleError) Error() string {
	return "release: ledger: " + errfmt.Reason(e.Rule) + ": " + e.Event.String()
}

// Unwrap returns the rule, a sentinel of this package.
func (e *RuleError) Unwrap() error { return e.Rule }
