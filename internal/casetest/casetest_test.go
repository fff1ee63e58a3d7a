package casetest_test

import (
	"slices"
	"testing"

	"github.com/freedcount/freedcount/internal/casetest"
)

// TestVariants checks the variants of texts whose case mapping is known.
func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Zulia", []string{"ZULIA", "zulia", "zulia", "ZULIA"}},
		{"Á", []string{"A\u0301", "a\u0301", "á", "Á"}},
		// U+0345 out of canonical order: never upper-cased as written.
		{"\u0345\u0301", []string{"\u0301\u0399", "\u0301\u0345", "\u0345\u0301"}},
		// ı upper-cases to I, another letter under folding: left out.
		{"ı", []string{"ı", "ı"}},
	} {
		if got := casetest.Variants(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Variants(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}
