package interchange

import (
	"path/filepath"
	"strings"

	"github.com/freedcount/freedcount/internal/enum"
)

// Format is an interchange format. The zero value is "unset" and not
// valid.
type Format uint8

// Values of [Format].
const (
	// CSV is comma-separated values with a header line, as spreadsheets
	// write them; see the package documentation for each record type's
	// columns.
	CSV Format = 1 + iota
	// JSONL is JSON Lines: one JSON object a line, as the record types'
	// MarshalJSON methods write them.
	JSONL
)

var formatNames = enum.Names{"", "csv", "jsonl"}

// String returns "csv", "jsonl", or "Format(N)".
func (f Format) String() string { return enum.String(formatNames, "Format", f) }

// IsValid reports whether f is one of the named formats.
func (f Format) IsValid() bool { return enum.Valid(formatNames, f) }

// MarshalText writes the name; an unnamed value is an error.
func (f Format) MarshalText() ([]byte, error) {
	return enum.Marshal(formatNames, "Format", f, badEnum)
}

// UnmarshalText reads a name that [Format.MarshalText] writes, in any case.
func (f *Format) UnmarshalText(text []byte) error {
	return enum.Unmarshal(formatNames, "Format", []byte(strings.ToLower(string(text))), f, badEnum)
}

func badEnum(field, value, why string) error {
	return &LineError{Column: field, Value: quote(value), Err: reason(ErrInvalid, "%s", why)}
}

// FormatOf returns the format a file name's extension names: [CSV] for
// ".csv", [JSONL] for ".jsonl" and ".ndjson", in any case. It reports false
// for any other name.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV, true
	case ".jsonl", ".ndjson":
		return JSONL, true
	}
	return 0, false
}
