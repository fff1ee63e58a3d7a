package source_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/source"
)

func TestSourceNameRefusesControlBidiAndInvisibleCharacters(t *testing.T) {
	good := source.Source{ID: source.MustSourceID("fp"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.9")}
	for _, name := range []string{"Foro Penal", "می\u200cخواهم", "Foro ❤\ufe0f"} {
		s := good
		s.Name = name
		if err := s.Validate(); err != nil {
			t.Errorf("Name %q: %v", name, err)
		}
	}
	for _, tc := range []struct{ name, msg string }{
		{"Foro \u202ePenal", "contains U+202E RIGHT-TO-LEFT OVERRIDE"},
		{"Foro\x1b[2JPenal", "contains U+001B ESCAPE"},
		{"Foro\nPenal", "contains U+000A LINE FEED"},
		{"Foro\u200bPenal", "contains U+200B ZERO WIDTH SPACE"},
		{"\u2066Foro Penal\u2069", "contains U+2066 LEFT-TO-RIGHT ISOLATE"},
	} {
		s := good
		s.Name = tc.name
		err := s.Validate()
		fe, ok := errors.AsType[*source.FieldError](err)
		if !ok || fe.Field() != "Source.Name" || !errors.Is(err, source.ErrInvalid) ||
			!strings.Contains(err.Error(), tc.msg) {
			t.Errorf("Name %q: %v, want a Source.Name error saying %q", tc.name, err, tc.msg)
			continue
		}
		for _, r := range tc.name {
			if r < 0x20 || (r >= 0x2000 && r <= 0x206f) {
				if strings.ContainsRune(err.Error(), r) {
					t.Errorf("Name %q: the message repeats %U raw: %q", tc.name, r, err)
				}
			}
		}
	}
}
