package ident_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/runenames"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/ident"
)

func TestCheckRejectsEmptyLongSpacedControlAndBadUTF8(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"FP-2026-0117", nil},
		{"x", nil},
		{"José Pérez", nil},
		{"a b", nil},
		{strings.Repeat("x", ident.MaxLen), nil},
		{strings.Repeat("ñ", ident.MaxLen/2), nil},
		{"", ident.ErrEmpty},
		{strings.Repeat("x", ident.MaxLen+1), ident.ErrTooLong},
		{strings.Repeat("ñ", ident.MaxLen/2+1), ident.ErrTooLong},
		{"FP\xff", ident.ErrEncoding},
		{"\xc3", ident.ErrEncoding},
		{" FP", ident.ErrSpace},
		{"FP ", ident.ErrSpace},
		{"FP\n", ident.ErrSpace},
		{"\u00a0FP", ident.ErrSpace},
		{"FP\u2003", ident.ErrSpace},
		{"F\x00P", ident.ErrControl},
		{"F\tP", ident.ErrControl},
		{"F\u0085P", ident.ErrControl},
		{"F\x7fP", ident.ErrControl},
	} {
		if err := ident.Check(tc.in); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("Check(%q) = %v, want %v", tc.in, err, tc.want)
		}
	}
}

func TestCheckIsByteExact(t *testing.T) {
	// No folding: both forms are valid, and they are different IDs.
	for _, s := range []string{"Jose\u0301", "José", "fp-1", "FP-1"} {
		if err := ident.Check(s); err != nil {
			t.Errorf("Check(%q) = %v", s, err)
		}
	}
}

func TestCheckNamesEachInvisibleCharacter(t *testing.T) {
	for _, tc := range []struct {
		in    string
		class error
		msg   string
	}{
		{"FP\x1b[31m", ident.ErrControl, "contains U+001B ESCAPE"},
		{"F\tP", ident.ErrControl, "contains U+0009 CHARACTER TABULATION"},
		{"F\u0085P", ident.ErrControl, "contains U+0085 NEXT LINE"},
		{"F\u009bP", ident.ErrControl, "contains U+009B CONTROL SEQUENCE INTRODUCER"},
		{"F\x7fP", ident.ErrControl, "contains U+007F DELETE"},
		{"fp\u202e1-2026", ident.ErrBidi, "contains U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"fp\u202a1", ident.ErrBidi, "contains U+202A LEFT-TO-RIGHT EMBEDDING"},
		{"fp\u20661\u2069", ident.ErrBidi, "contains U+2066 LEFT-TO-RIGHT ISOLATE"},
		{"fp\u200e1", ident.ErrBidi, "contains U+200E LEFT-TO-RIGHT MARK"},
		{"fp\u200f1", ident.ErrBidi, "contains U+200F RIGHT-TO-LEFT MARK"},
		{"fp\u061c1", ident.ErrBidi, "contains U+061C ARABIC LETTER MARK"},
		{"fp\u200b1", ident.ErrInvisible, "contains U+200B ZERO WIDTH SPACE"},
		{"fp\u200c1", ident.ErrInvisible, "contains U+200C ZERO WIDTH NON-JOINER"},
		{"fp\u200d1", ident.ErrInvisible, "contains U+200D ZERO WIDTH JOINER"},
		{"fp\u20601", ident.ErrInvisible, "contains U+2060 WORD JOINER"},
		{"\ufefffp", ident.ErrInvisible, "contains U+FEFF ZERO WIDTH NO-BREAK SPACE"},
		{"fo\u00adro", ident.ErrInvisible, "contains U+00AD SOFT HYPHEN"},
		{"fp\u2028", ident.ErrSpace, ""}, // white space at the end is reported as such
		{"f\u2028p", ident.ErrInvisible, "contains U+2028 LINE SEPARATOR"},
		{"fp\ufe0f1", ident.ErrInvisible, "contains U+FE0F VARIATION SELECTOR-16"},
		{"fp\U000e0061", ident.ErrInvisible, "contains U+E0061 TAG LATIN SMALL LETTER A"},
		{"fp\U000e0fff", ident.ErrInvisible, "contains U+E0FFF (default-ignorable character)"},
		{"fp\u3164", ident.ErrInvisible, "contains U+3164 HANGUL FILLER"},
		{"fp\u034f", ident.ErrInvisible, "contains U+034F COMBINING GRAPHEME JOINER"},
		{"fp\u0600", ident.ErrInvisible, "contains U+0600 (format character)"},
	} {
		err := ident.Check(tc.in)
		if !errors.Is(err, tc.class) {
			t.Errorf("Check(%q) = %v, want %v", tc.in, err, tc.class)
			continue
		}
		if tc.msg == "" {
			continue
		}
		ce, ok := errors.AsType[*ident.CharError](err)
		if !ok || err.Error() != tc.msg {
			t.Errorf("Check(%q) = %q (%T), want %q", tc.in, err, err, tc.msg)
			continue
		}
		if strings.ContainsRune(err.Error(), ce.Rune) {
			t.Errorf("Check(%q): the message repeats the character raw", tc.in)
		}
	}
}

// TestForbiddenMatchesTheUnicodeClasses checks every code point: Forbidden
// refuses exactly the controls, format characters, line and paragraph
// separators and default-ignorable code points, in the documented class,
// and RuneName never returns the character itself.
func TestForbiddenMatchesTheUnicodeClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		var want error
		switch {
		case unicode.IsControl(r):
			want = ident.ErrControl
		case unicode.Is(unicode.Bidi_Control, r):
			want = ident.ErrBidi
		case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Other_Default_Ignorable_Code_Point,
			unicode.Variation_Selector) || (r >= 0xe0000 && r <= 0xe0fff):
			want = ident.ErrInvisible
		}
		if got := ident.Forbidden(r); got != want {
			t.Fatalf("Forbidden(%U) = %v, want %v", r, got, want)
		}
		if want != nil {
			if n := ident.RuneName(r); strings.ContainsRune(n, r) || n == "" {
				t.Fatalf("RuneName(%U) = %q", r, n)
			}
		}
	}
}

// TestRuneNamesAreTheUnicodeNames checks the names the package carries
// against the Unicode Character Database of golang.org/x/text.
func TestRuneNamesAreTheUnicodeNames(t *testing.T) {
	n := 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if r < 0xa0 || ident.Forbidden(r) == nil {
			continue
		}
		got := ident.RuneName(r)
		if strings.HasPrefix(got, "(") {
			continue // a class, not a name
		}
		n++
		if want := runenames.Name(r); got != want {
			t.Errorf("RuneName(%U) = %q, want %q", r, got, want)
		}
	}
	if n < 100 {
		t.Errorf("only %d named characters checked", n)
	}
}

func TestCheckNameAllowsJoinersButNotControlsOrBidi(t *testing.T) {
	for _, s := range []string{"Foro Penal", "می\u200cخواهم", "क्\u200dष", "Foro ❤\ufe0f", "José\u0301"} {
		if err := ident.CheckName(s); err != nil {
			t.Errorf("CheckName(%q) = %v", s, err)
		}
	}
	for _, tc := range []struct {
		in    string
		class error
	}{
		{"Foro\x1bPenal", ident.ErrControl},
		{"Foro\nPenal", ident.ErrControl},
		{"Foro \u202ePenal", ident.ErrBidi},
		{"Foro \u2067Penal", ident.ErrBidi},
		{"Foro\u200bPenal", ident.ErrInvisible},
		{"\ufeffForo Penal", ident.ErrInvisible},
	} {
		if err := ident.CheckName(tc.in); !errors.Is(err, tc.class) {
			t.Errorf("CheckName(%q) = %v, want %v", tc.in, err, tc.class)
		}
	}
}

// forbiddenRunes draws characters that no identifier or path may contain.
func forbiddenRune() *rapid.Generator[rune] {
	return rapid.OneOf(
		rapid.SampledFrom([]rune{0, 0x1b, '\t', '\n', 0x7f, 0x85, 0x9b, 0x061c, 0x200b, 0x200c, 0x200d,
			0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068,
			0x2069, 0xfeff, 0x00ad, 0x2028, 0x2029, 0xfe0f, 0xe0001, 0x180e, 0x3164}),
		rapid.RuneFrom(nil, unicode.Cc, unicode.Cf, unicode.Bidi_Control, unicode.Variation_Selector,
			unicode.Other_Default_Ignorable_Code_Point),
	)
}

// propCheckRefusesForbiddenAnywhere: inserting a control, bidirectional
// control or invisible character anywhere in a valid identifier makes it
// invalid, whether the result is short enough or not.
func propCheckRefusesForbiddenAnywhere(t *rapid.T) {
	id := rapid.SampledFrom([]string{"FP-2026-0117", "x", "José Pérez", "foro-penal", "ñ"}).Draw(t, "id")
	r := forbiddenRune().Draw(t, "r")
	runes := []rune(id)
	i := rapid.IntRange(0, len(runes)).Draw(t, "at")
	s := string(slices.Insert(runes, i, r))
	if err := ident.Check(s); err == nil {
		t.Fatalf("Check(%q) accepted %U", s, r)
	}
	if err := ident.CheckName(s); err == nil && r != 0x200c && r != 0x200d && !unicode.Is(unicode.Variation_Selector, r) {
		t.Fatalf("CheckName(%q) accepted %U", s, r)
	}
}

func TestCheckRefusesForbiddenAnywhere(t *testing.T) {
	rapid.Check(t, propCheckRefusesForbiddenAnywhere)
}
func FuzzCheckRefusesForbiddenAnywhere(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propCheckRefusesForbiddenAnywhere))
}
