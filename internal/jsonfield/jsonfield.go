// Package jsonfield finds which field of a JSON object failed to decode,
// where encoding/json does not say: an error returned by a field's
// UnmarshalText or UnmarshalJSON comes back from [json.Unmarshal] without
// the key it was decoding.
package jsonfield

import (
	"encoding/json"
	"reflect"
	"strings"
)

// Locate decodes each key of the JSON object data, on its own, into a new
// value of the type of the field of struct *into that encoding/json would
// decode it into, and returns the Go name of the first field (in the
// struct's order) whose value fails; ok is false if data is not an object
// or every field decodes. Embedded structs are searched as encoding/json
// flattens them; a field the outer struct declares again shadows theirs.
// It is for error paths only: it decodes data again.
func Locate(data []byte, into any) (name string, ok bool) {
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
		if json.Unmarshal(raw, reflect.New(f.typ).Interface()) != nil {
			return f.name, true
		}
	}
	return "", false
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
