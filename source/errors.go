package source

import (
	"encoding/json"
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
	return errfmt.Field("source", e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, which wraps [ErrInvalid].
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds a FieldError whose value is quoted and truncated, and
// whose reason wraps ErrInvalid.
func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}

// decodeErr returns err from decoding data as typ: unchanged if it already
// is a FieldError of this package (a bad field inside well-formed JSON),
// else a FieldError for the whole input wrapping err (malformed JSON).
func decodeErr(typ string, data []byte, err error) error {
	if _, ok := errors.AsType[*FieldError](err); ok {
		return err
	}
	return fieldErr(typ, string(data), "%w", err)
}

// decodeField decodes the JSON value raw, if present, into dst. A failure is
// returned unchanged if it is a FieldError of this package, else as a
// FieldError for field that repeats the value (a string's text, or else the
// raw JSON) and wraps the failure, so that a malformed confidence or time is
// reported by its field, and a release.FieldError underneath (a bad scope)
// stays reachable with [errors.As].
func decodeField(field string, raw json.RawMessage, dst any) error {
	if raw == nil {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		value := raw
		var s string
		if json.Unmarshal(raw, &s) == nil {
			value = []byte(s)
		}
		return decodeErr(field, value, err)
	}
	return nil
}
