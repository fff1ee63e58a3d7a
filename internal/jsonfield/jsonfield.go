// Package jsonfield finds which field of a JSON object failed to decode,
// where encoding/json does not say: an error returned by a field's
// UnmarshalText or UnmarshalJSON comes back from [json.Unmarshal] without
// the key it was decoding.
package jsonfield

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"time"
)

// Locate decodes each key of the JSON object data, on its own, into a new
// value of the type of the field of struct *into that encoding/json would
// decode it into, and returns the Go name of the field whose value fails
// with err (the same message), or else of the first that fails (in the
// struct's order); ok is false if data is not an object or every field
// decodes. Embedded structs are searched as encoding/json
// flattens them; a field the outer struct declares again shadows theirs.
// It is for error paths only: it decodes data again.
func Locate(data []byte, into any, err error) (name string, ok bool) {
	t := reflect.TypeOf(into)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return "", false
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(data, &obj) != nil {
		return "", false
	}
	for _, f := range fields(t, map[string]bool{}) {
		raw, found := obj[f.key]
		if !found {
			for k, r := range obj {
				if strings.EqualFold(k, f.key) {
					raw, found = r, true
					break
				}
			}
		}
		if !found {
			continue
		}
		if e := json.Unmarshal(raw, reflect.New(f.typ).Interface()); e != nil {
			if err == nil || e.Error() == err.Error() {
				return f.name, true
			}
			if !ok {
				name, ok = f.name, true
			}
		}
	}
	return name, ok
}

type field struct {
	name, key string
	typ       reflect.Type
}

// fields lists the JSON fields of struct type t, outer fields first, those
// of embedded structs after, skipping keys already taken.
func fields(t reflect.Type, taken map[string]bool) []field {
	var out []field
	var embedded []reflect.Type
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		key, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && key == "" {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				embedded = append(embedded, et)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if key == "" {
			key = sf.Name
		}
		if taken[strings.ToLower(key)] {
			continue
		}
		taken[strings.ToLower(key)] = true
		out = append(out, field{sf.Name, key, sf.Type})
	}
	for _, et := range embedded {
		out = append(out, fields(et, taken)...)
	}
	return out
}

// Reason returns why err, an error of decoding one JSON value, refused it,
// in JSON's words rather than in Go's: a value of the wrong JSON type
// gives "want a JSON number, not a JSON string" (encoding/json's message
// names Go types, "eventJSON.kind of type release.EventKind"), a time
// that does not parse gives the form wanted; any other error gives its
// own message.
func Reason(err error) string {
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return "want " + Kind(te.Type) + ", not a JSON " + te.Value
	}
	if _, ok := errors.AsType[*time.ParseError](err); ok {
		return "want an RFC 3339 time with its offset, such as 2026-01-25T20:00:00-04:00"
	}
	return err.Error()
}

// Kind says in JSON's words what a Go type is read from.
func Kind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
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
