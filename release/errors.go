package release

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/internal/jsonfield"
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

// FieldPath names a field from the outermost value checked inward, one
// segment per step: FieldPath{"Claim", "Scope", "Region"} is the region of
// a claim's scope; FieldPath{"Quantity"} is a quantity checked alone. The
// first segment is the type whose rule was applied; an index stays in its
// segment ("Rules[2]"). Readers map a path to the column or key it is
// about by table (see package interchange), never by the message's text.
type FieldPath []string

// String returns the segments joined by dots: "Claim.Scope.Region".
func (p FieldPath) String() string { return strings.Join(p, ".") }

// HasPrefix reports whether p starts with the segments of prefix.
func (p FieldPath) HasPrefix(prefix ...string) bool {
	return len(p) >= len(prefix) && slices.Equal(p[:len(prefix)], prefix)
}

// FieldError reports one bad field of a value. It is the one field-error
// type of freedcount: packages source, reconcile, reconcile/link,
// reconcile/mse, reconcile/reliability and interchange alias it (as package
// os aliases io/fs's PathError), so one errors.As (or errors.AsType)
// reaches a bad field whichever package refused it.
//
// Pkg is the package whose rule refused the value ("release", "source"),
// the message's prefix. Path names the field ("Detainee.BirthYear",
// "Claim.Scope.Region"); [FieldError.Field] returns it as text. Value
// repeats the offending input, quoted and truncated, or "<redacted>" for
// a detainee's name or national ID, or any value that may be personal
// data, which never appears in an error message; "" when there is no value
// to show. Err is the reason; it wraps the category ([ErrInvalid], which
// every package shares, or a category of the package that refused).
//
// Validation reports several bad fields at once with [errors.Join]; use
// errors.AsType[*FieldError] (or [errors.As]) to reach the first.
type FieldError struct {
	Pkg   string
	Path  FieldPath
	Value string
	Err   error
}

// Error returns "PKG: FIELD VALUE: REASON".
func (e *FieldError) Error() string {
	if e.Pkg == "" {
		return errfmt.Field("freedcount", e.Path.String(), e.Value, e.Err)
	}
	return errfmt.Field(e.Pkg, e.Path.String(), e.Value, e.Err)
}

// Unwrap returns the reason, which wraps the category sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

// Field returns the path as text, "Claim.Scope.Region".
func (e *FieldError) Field() string { return e.Path.String() }

// Within returns a copy of e for the same value found at outer inside an
// enclosing record: its Path is outer followed by e.Path without its
// first segment, the type whose rule refused the value. A region refused
// as FieldPath{"Region"} within {"Claim", "Scope", "Region"} stays
// {"Claim", "Scope", "Region"}; a scope's {"Scope", "Period"} within
// {"Claim", "Scope"} becomes {"Claim", "Scope", "Period"}. e is not
// changed.
func (e *FieldError) Within(outer ...string) *FieldError {
	c := *e
	path := make(FieldPath, 0, len(outer)+len(e.Path))
	path = append(path, outer...)
	if len(e.Path) > 1 {
		path = append(path, e.Path[1:]...)
	}
	c.Path = path
	return &c
}

// fieldErr builds a FieldError whose value is quoted and truncated, and
// whose reason wraps ErrInvalid.
func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "release", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: reason(format, args...)}
}

// secretErr builds a FieldError for a field holding personal data: the
// value is never repeated.
func secretErr(field, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "release", Path: errfmt.Split(field), Value: errfmt.Redacted, Err: reason(format, args...)}
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
	return &FieldError{Pkg: "release", Path: errfmt.Split(typ), Value: value, Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
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

// located returns err, an error from decoding the JSON object data into
// *into, with each [*FieldError] in it put under typ and the field of
// *into whose value failed ([FieldError.Within]): encoding/json returns a
// field's own error without saying which key it was decoding, so that a
// bad ID would otherwise name its type ("DetaineeID") and not its field
// ("Event.Detainee").
func located(typ string, data []byte, into any, err error) error {
	name, ok := jsonfield.Locate(data, into, err)
	if !ok {
		return err
	}
	if _, ok := errors.AsType[*FieldError](err); !ok {
		// A value of the wrong JSON type, a time that does not parse:
		// named by its field, in JSON's words, with no value repeated
		// (a register's field may hold personal data).
		return &FieldError{Pkg: "release", Path: FieldPath{typ, name}, Err: fmt.Errorf("%w: %s", ErrInvalid, jsonfield.Reason(err))}
	}
	return errfmt.MapLeaves(err, func(e error) error {
		if fe, ok := e.(*FieldError); ok {
			return fe.Within(typ, name)
		}
		return e
	})
}
