package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/internal/jsonfield"
	"github.com/freedcount/freedcount/release"
)

// ErrInvalid marks a value that breaks a rule of its own type: an empty ID,
// a confidence outside [0, 1], a quantity phrase that cannot be read, an
// unknown enum. Every error returned by this package wraps it, so callers
// can branch with [errors.Is]. It is [release.ErrInvalid], shared by every
// package of freedcount.
var ErrInvalid = release.ErrInvalid

// FieldError reports one bad field of a value: Path names the type and
// field ("Source.Confidence", "Claim.Scope.Region", "Quantity"); Value
// repeats the offending input, quoted and truncated to 64 runes. Err is the
// reason and wraps [ErrInvalid]. It is [release.FieldError], the one
// field-error type of freedcount, so errors.AsType[*FieldError] also
// reaches a bad field that package release refused.
//
// Validation reports several bad fields at once with [errors.Join]; use
// errors.AsType[*FieldError] (or [errors.As]) to reach the first.
type FieldError = release.FieldError

// fieldErr builds a FieldError whose value is quoted and truncated, and
// whose reason wraps ErrInvalid.
func fieldErr(field, value, format string, args ...any) *FieldError {
	return &FieldError{Pkg: "source", Path: errfmt.Split(field), Value: errfmt.Quote(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)}
}

// decodeErr returns err from decoding the JSON object data into *into as
// typ: if it holds field errors (a bad field inside well-formed JSON),
// each put under typ and the field whose value failed (a bad ClaimID in
// "supersedes" is Claim.Supersedes); else a FieldError for the whole input
// wrapping err (malformed JSON).
//
// A value of the wrong JSON type ("id": 5) is reported by its field
// ("Claim.id") and the JSON kind wanted, not in encoding/json's words,
// which name Go types.
func decodeErr(typ string, data []byte, into any, err error) error {
	if _, ok := errors.AsType[*FieldError](err); ok {
		return located(typ, data, into, err)
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok && te.Field != "" {
		if name, ok := jsonfield.Locate(data, into, err); ok {
			return fieldErr(typ+"."+name, "", "want %s, not a JSON %s", jsonKind(te.Type), te.Value)
		}
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

// located returns err, an error from decoding the JSON object data into
// *into, with each [*FieldError] in it put under typ and the field of
// *into whose value failed ([FieldError.Within]): encoding/json returns a
// field's own error without saying which key it was decoding.
func located(typ string, data []byte, into any, err error) error {
	name, ok := jsonfield.Locate(data, into, err)
	if !ok {
		return err
	}
	return within(err, typ, name)
}

// within returns err with each [*FieldError] in it put under outer
// ([FieldError.Within]).
func within(err error, outer ...string) error {
	return errfmt.MapLeaves(err, func(e error) error {
		if fe, ok := e.(*FieldError); ok {
			return fe.Within(outer...)
		}
		return e
	})
}

// jsonKind says in JSON's words what a Go type is read from.
func jsonKind(t reflect.Type) string { return jsonfield.Kind(t) }

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
		if _, ok := errors.AsType[*FieldError](err); ok {
			return within(err, errfmt.Split(field)...)
		}
		return decodeErr(field, value, nil, err)
	}
	return nil
}
