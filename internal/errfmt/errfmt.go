// Package errfmt holds the small formatting rules shared by the error types
// of freedcount's packages, so that every message quotes and truncates
// offending values the same way.
package errfmt

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is the number of runes of an offending value that an error
// message repeats; the rest is elided so that a megabyte of bad input does
// not become a megabyte of log line.
const MaxQuoted = 64

// Redacted stands in an error message for a value that must not be shown,
// such as a detainee's name or national ID.
const Redacted = "<redacted>"

// Quote returns s quoted as a Go string literal, truncated to [MaxQuoted]
// runes with an ellipsis. Invalid UTF-8 is escaped, never copied raw.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

// Field returns the message every package's FieldError gives:
// "PKG: FIELD VALUE: REASON", with "invalid" as the reason for a nil error,
// so that a hand-built error value never panics when printed. value is
// already quoted (or redacted) by the caller.
func Field(pkg, field, value string, err error) string {
	return pkg + ": " + field + " " + value + ": " + Reason(err)
}

// Reason returns err's message, or "invalid" for a nil error.
func Reason(err error) string {
	if err == nil {
		return "invalid"
	}
	return err.Error()
}
