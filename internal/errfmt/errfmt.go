// Package errfmt holds the small formatting rules shared by the error types
// of freedcount's packages, so that every message quotes and truncates
// offending values the same way.
package errfmt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/freedcount/freedcount/internal/ident"
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
		return quote(s)
	}
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return quote(s[:i]) + "…"
		}
		n++
	}
	return quote(s)
}

// quote is strconv.Quote, which also escapes the invisible characters that
// it counts as printable (variation selectors, Hangul fillers, the
// combining grapheme joiner), so that a message shows every character that
// an identifier or path refuses as an escape, never raw.
func quote(s string) string {
	q := strconv.Quote(s)
	if !strings.ContainsFunc(q, func(r rune) bool { return r >= utf8.RuneSelf && ident.Forbidden(r) != nil }) {
		return q
	}
	var b strings.Builder
	for _, r := range q {
		switch {
		case r < utf8.RuneSelf || ident.Forbidden(r) == nil:
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// Field returns the message every package's FieldError gives:
// "PKG: FIELD VALUE: REASON" ("PKG: FIELD: REASON" with no value), with "invalid" as the reason for a nil error,
// so that a hand-built error value never panics when printed. value is
// already quoted (or redacted) by the caller.
func Field(pkg, field, value string, err error) string {
	if value == "" {
		return pkg + ": " + field + ": " + Reason(err)
	}
	return pkg + ": " + field + " " + value + ": " + Reason(err)
}

// Reason returns err's message, or "invalid" for a nil error.
func Reason(err error) string {
	if err == nil {
		return "invalid"
	}
	return err.Error()
}

// Split returns the segments of a dotted field name, "Claim.Scope.Region"
// → [Claim Scope Region], splitting at the dots outside brackets only, so
// that "Record.Values[a.b]" keeps its index whole. An empty name gives nil.
func Split(field string) []string {
	if field == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '.':
			if depth == 0 {
				out = append(out, field[start:i])
				start = i + 1
			}
		}
	}
	return append(out, field[start:])
}

// MapLeaves returns err with f applied to each error joined in it, as
// [errors.Join] and Validate methods join them, recursively, rebuilt with
// errors.Join; an error that joins nothing is f(err). A nil err stays nil.
func MapLeaves(err error, f func(error) error) error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return f(err)
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, MapLeaves(e, f))
	}
	return errors.Join(out...)
}
