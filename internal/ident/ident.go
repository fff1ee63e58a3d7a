// Package ident checks the text of the string-based identifiers used across
// freedcount (detainee, source, claim and group IDs), so that every ID type
// accepts and rejects exactly the same strings.
package ident

import (
	"errors"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest identifier accepted, in bytes.
const MaxLen = 128

// Reasons an identifier is rejected. Callers wrap them in their own
// package's field error.
var (
	ErrEmpty    = errors.New("empty")
	ErrTooLong  = errors.New("longer than 128 bytes")
	ErrEncoding = errors.New("not valid UTF-8")
	ErrSpace    = errors.New("leading or trailing white space")
)

// Check reports why s is not a valid identifier, or nil. A valid identifier
// is non-empty valid UTF-8 of at most [MaxLen] bytes, with no leading or
// trailing white space and no character that [Forbidden] refuses: no
// control, bidirectional control, zero-width or other invisible character,
// each reported as a [*CharError] naming it by code point. Identifiers are
// compared byte for byte: no case or Unicode folding is applied.
func Check(s string) error {
	switch {
	case s == "":
		return ErrEmpty
	case len(s) > MaxLen:
		return ErrTooLong
	case !utf8.ValidString(s):
		return ErrEncoding
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return ErrSpace
	}
	return CheckRunes(s)
}
