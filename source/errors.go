package source

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

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
//
// A value of the wrong JSON type ("id": 5) is reported by its field
// ("Claim.id") and the JSON kind wanted, not in encoding/json's words,
// which name Go types.
func decodeErr(typ string, data []byte, err error) error {
	if _, ok := errors.AsType[*FieldError](err); ok {
		return err
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok && te.Field != "" {
		// The path holds the keys, and the names of the structs that
		// decode them ("claimJSON.id"): keep the keys.
		var keys []string
		for seg := range strings.SplitSeq(te.Field, ".") {
			if !strings.HasSuffix(seg, "JSON") {
				keys = append(keys, seg)
			}
		}
		return fieldErr(typ+"."+strings.Join(keys, "."), "", "want %s, not a JSON %s", jsonKind(te.Type), te.Value)
	}
	return fieldErr(typ, string(data), "%w", err)
}

// jsonKind says in JSON's words what a Go type is read from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another JSON type"
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "a JSON string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a JSON string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a JSON number"
	case reflect.Slice, reflect.Array:
		return "a JSON array"
	case reflect.Struct, reflect.Map:
		return "a JSON object"
	}
	return "another JSON type"
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
