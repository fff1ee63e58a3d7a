package ident_test

import (
	"errors"
	"strings"
	"testing"

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
