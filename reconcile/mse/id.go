package mse

import (
	"strings"

	"github.com/freedcount/freedcount/internal/ident"
)

// ListID names a list: one documenting system whose records were linked
// into people ("foro-penal", "ohchr", "press"). It follows the rules of
// every identifier of freedcount: non-empty valid UTF-8 of at most 128
// bytes, without control characters or leading or trailing white space,
// compared byte for byte. A source.SourceID's text is always a valid
// ListID, for callers whose lists are their sources.
//
// ListID is an immutable value, comparable and usable as a map key. The
// zero ListID is not valid.
type ListID struct{ s string }

// ParseListID returns s as a ListID, or a [*FieldError] for "ListID".
func ParseListID(s string) (ListID, error) {
	if err := ident.Check(s); err != nil {
		return ListID{}, fieldErr("ListID", s, ErrInvalid, "%v", err)
	}
	return ListID{s}, nil
}

// MustListID is like [ParseListID] but panics on error. It is meant for
// tests and examples only.
func MustListID(s string) ListID { return must(ParseListID(s)) }

// IsValid reports whether id is not the zero ListID.
func (id ListID) IsValid() bool { return id.s != "" }

// String returns the ID's text.
func (id ListID) String() string { return id.s }

// Compare orders IDs byte-wise. This is the canonical order of lists: every
// table and every fit uses it, whatever order the caller gave.
func (id ListID) Compare(o ListID) int { return strings.Compare(id.s, o.s) }

// MarshalText writes the ID's text; the zero ID is an error.
func (id ListID) MarshalText() ([]byte, error) { return marshalID("ListID", id.s) }

// UnmarshalText parses the ID as [ParseListID] does. On error id is left
// unchanged.
func (id *ListID) UnmarshalText(text []byte) error { return unmarshal(text, id, ParseListID) }

// Stratum names a stratum: a part of the population estimated on its own
// ("VE/Zulia 2026-01", "women"), because people in different strata are
// documented with different probabilities. It has the same rules as
// [ListID]; the zero Stratum is not valid.
type Stratum struct{ s string }

// ParseStratum returns s as a Stratum, or a [*FieldError] for "Stratum".
func ParseStratum(s string) (Stratum, error) {
	if err := ident.Check(s); err != nil {
		return Stratum{}, fieldErr("Stratum", s, ErrInvalid, "%v", err)
	}
	return Stratum{s}, nil
}

// MustStratum is like [ParseStratum] but panics on error. It is meant for
// tests and examples only.
func MustStratum(s string) Stratum { return must(ParseStratum(s)) }

// IsValid reports whether s is not the zero Stratum.
func (s Stratum) IsValid() bool { return s.s != "" }

// String returns the stratum's text.
func (s Stratum) String() string { return s.s }

// Compare orders strata byte-wise.
func (s Stratum) Compare(o Stratum) int { return strings.Compare(s.s, o.s) }

// MarshalText writes the stratum's text; the zero Stratum is an error.
func (s Stratum) MarshalText() ([]byte, error) { return marshalID("Stratum", s.s) }

// UnmarshalText parses the stratum as [ParseStratum] does. On error s is
// left unchanged.
func (s *Stratum) UnmarshalText(text []byte) error { return unmarshal(text, s, ParseStratum) }

func marshalID(typ, s string) ([]byte, error) {
	if s == "" {
		return nil, fieldErr(typ, "", ErrInvalid, "zero value")
	}
	return []byte(s), nil
}

func unmarshal[T any](text []byte, dst *T, parse func(string) (T, error)) error {
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
