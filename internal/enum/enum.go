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

// Parse returns the value named text, and false if there is none.
func Parse[T constraints.Unsigned](names Names, text string) (T, bool) {
	for i := 1; i < len(names); i++ {
		if names[i] == text {
			return T(i), true
		}
	}
	return 0, false
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
// builds, listing the accepted names, and leaves *v unchanged.
func Unmarshal[T constraints.Unsigned](names Names, typ string, text []byte, v *T, bad func(field, value, reason string) error) error {
	x, ok := Parse[T](names, string(text))
	if !ok {
		return bad(typ, string(text), "unknown value; want one of "+strings.Join(names[1:], ", "))
	}
	*v = x
	return nil
}
