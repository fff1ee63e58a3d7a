package ident

import (
	"errors"
	"fmt"
	"unicode"
)

// Classes of character that no identifier or path may contain. A
// [*CharError] wraps one of them.
var (
	// ErrControl marks a C0 or C1 control character or DEL (Unicode
	// category Cc), such as ESCAPE or LINE FEED.
	ErrControl = errors.New("control character")
	// ErrBidi marks a bidirectional formatting character (Unicode property
	// Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
	// which can make text display in another order than it is stored.
	ErrBidi = errors.New("bidirectional control")
	// ErrInvisible marks any other character that displays as nothing: a
	// format character (category Cf: zero-width space, joiners, byte order
	// mark, soft hyphen, tags), a line or paragraph separator, or another
	// default-ignorable code point (variation selectors, Hangul fillers,
	// the combining grapheme joiner).
	ErrInvisible = errors.New("invisible character")
)

// CharError reports a character that text may not contain. Its message
// names the character by code point and Unicode name ("contains U+200B ZERO
// WIDTH SPACE") and never repeats the character itself, which would be
// invisible or would reorder the message around it.
type CharError struct {
	Rune  rune
	Class error // ErrControl, ErrBidi or ErrInvisible
}

// Error returns "contains U+XXXX NAME".
func (e *CharError) Error() string {
	return fmt.Sprintf("contains %U %s", e.Rune, RuneName(e.Rune))
}

// Unwrap returns the character's class.
func (e *CharError) Unwrap() error { return e.Class }

// Forbidden returns the class of r if no identifier or path may contain it
// ([ErrControl], [ErrBidi] or [ErrInvisible]), or nil. The classes are
// tested in that order, so a character is reported in one class only.
func Forbidden(r rune) error {
	if r < 0x80 {
		if r < 0x20 || r == 0x7f {
			return ErrControl
		}
		return nil
	}
	switch {
	case unicode.Is(unicode.Cc, r):
		return ErrControl
	case unicode.Is(unicode.Bidi_Control, r):
		return ErrBidi
	case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector):
		return ErrInvisible
	case r >= 0xe0000 && r <= 0xe0fff:
		// The whole block is Default_Ignorable_Code_Point, assigned or not.
		return ErrInvisible
	}
	return nil
}

// forbiddenInName is like Forbidden, but allows the zero-width joiner and
// non-joiner, which Persian, Indic and emoji spellings need, and variation
// selectors, which choose a glyph (text or emoji) and hide nothing.
func forbiddenInName(r rune) error {
	if r == 0x200c || r == 0x200d || unicode.Is(unicode.Variation_Selector, r) {
		return nil
	}
	return Forbidden(r)
}

// CheckRunes returns a [*CharError] for the first character of s that
// [Forbidden] refuses, or nil. s must be valid UTF-8.
func CheckRunes(s string) error {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			continue
		}
		for _, r := range s[i:] {
			if class := Forbidden(r); class != nil {
				return &CharError{Rune: r, Class: class}
			}
		}
		return nil
	}
	return nil
}

// CheckName reports why s may not be a display name (such as a source's
// name), or nil: a [*CharError] for a control character, a bidirectional
// control or an invisible character other than the zero-width joiner and
// non-joiner and variation selectors, which names in some scripts need. s
// must be valid UTF-8. Names are shown to people: a bidirectional override
// in a name could make a report display other figures than it holds.
func CheckName(s string) error {
	for _, r := range s {
		if class := forbiddenInName(r); class != nil {
			return &CharError{Rune: r, Class: class}
		}
	}
	return nil
}
