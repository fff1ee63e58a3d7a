// Package enum holds the text form shared by freedcount's enumerations:
// each is a small unsigned integer starting at 1, with 0 meaning "unset",
// and a snake_case name per value.
package enum

import (
	"strconv"
	"strings"

	"golang.org/x/exp/constraints"
)

// Names lists the text of each value of an enumeration; Names[0] is unused
// (the zero value is "unset") and should be "".
type Names []string

// String returns the name of v, or "Type(N)" for a value without one, as
// time.Month does.
func String[T constraints.Unsigned](names Names, typ string, v T) string {
	if uint64(v) > 0 && uint64(v) < uint64(len(names)) {
		return names[v]
	}
	return typ + "(" + strconv.FormatUint(uint64(v), 10) + ")"
}

// Valid reports whether v is a named value (not 0).
func Valid[T constraints.Unsigned](names Names, v T) bool {
	return uint64(v) > 0 && uint64(v) < uint64(len(names))
}

// Parse returns the value named text, and false if there is none. The
// match is exact: see [ParseFold] for names as people type them.
func Parse[T constraints.Unsigned](names Names, text string) (T, bool) {
	for i := 1; i < len(names); i++ {
		if names[i] == text {
			return T(i), true
		}
	}
	return 0, false
}

// parseBytes is Parse for a byte slice, without converting it to a string
// (the comparison string(text) == name does not allocate).
func parseBytes[T constraints.Unsigned](names Names, text []byte) (T, bool) {
	for i := 1; i < len(names); i++ {
		if names[i] == string(text) {
			return T(i), true
		}
	}
	return 0, false
}

// ParseFold returns the value whose name is text as people type it in a
// spreadsheet: ASCII letters in any case, a space or a hyphen for each
// underscore, and white space around it. "Named list", "named-list",
// " NAMED_LIST " all name "named_list". It does not allocate.
func ParseFold[T constraints.Unsigned](names Names, text string) (T, bool) {
	text = trimASCIISpace(text)
	for i := 1; i < len(names); i++ {
		if foldEqual(names[i], text) {
			return T(i), true
		}
	}
	return 0, false
}

// Fold returns the canonical form of a name as people type it: white
// space trimmed, ASCII letters lower-cased, and each space or hyphen an
// underscore, so that [Parse] of Fold(s) is [ParseFold] of s. A name that is
// already canonical (as files the library writes hold) is returned without
// allocating; any other costs one allocation, with no per-call replacer.
func Fold(s string) string {
	s = trimASCIISpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; foldByte(c) != c {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = foldByte(b[j])
			}
			return string(b)
		}
	}
	return s
}

// foldByte lower-cases an ASCII letter and turns a space or hyphen into an
// underscore; any other byte is itself.
func foldByte(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + ('a' - 'A')
	case c == ' ' || c == '-':
		return '_'
	}
	return c
}

// foldEqual reports whether text folds to name, byte by byte.
func foldEqual(name, text string) bool {
	if len(name) != len(text) {
		return false
	}
	for i := 0; i < len(text); i++ {
		if foldByte(text[i]) != name[i] {
			return false
		}
	}
	return true
}

// trimASCIISpace trims the white space a spreadsheet cell may carry.
func trimASCIISpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// Marshal returns the name of v as text, or, for a value without a name,
// the error that bad builds from the type's name, the value's String and a
// reason.
func Marshal[T constraints.Unsigned](names Names, typ string, v T, bad func(field, value, reason string) error) ([]byte, error) {
	if !Valid(names, v) {
		return nil, bad(typ, String(names, typ, v), "unknown value")
	}
	return []byte(names[v]), nil
}

// Unmarshal sets *v to the value named text, or returns the error that bad
// builds, listing the accepted names, and leaves *v unchanged. A name is
// read without allocating; only an error costs allocations.
func Unmarshal[T constraints.Unsigned](names Names, typ string, text []byte, v *T, bad func(field, value, reason string) error) error {
	x, ok := parseBytes[T](names, text)
	if !ok {
		return bad(typ, string(text), "unknown value; want one of "+strings.Join(names[1:], ", "))
	}
	*v = x
	return nil
}
