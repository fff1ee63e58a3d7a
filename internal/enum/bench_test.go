package enum_test

import (
	"strings"
	"testing"

	"github.com/freedcount/freedcount/internal/enum"
)

var basisNames = enum.Names{"", "named_list", "announcement", "estimate"}

func bad(field, value, reason string) error { return nil }

// oldEnumText is how interchange normalised a cell before reading an enum's
// name (a strings.Replacer built per cell); kept here as the baseline.
func oldEnumText(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// BenchmarkEnumUnmarshal reads enum cells as a CSV reader does: "exact" is
// text already canonical; "replacer" is the old per-cell normalisation then
// Unmarshal, over cells as people type them ("Named list", "named-list");
// "fold" is Fold then Unmarshal over the same cells, and "parsefold" is
// ParseFold over them.
func BenchmarkEnumUnmarshal(b *testing.B) {
	canonical := [][]byte{[]byte("named_list"), []byte("announcement"), []byte("estimate")}
	typed := []string{"Named list", "named-list", "NAMED_LIST", "named_list", " Estimate "}
	b.Run("exact", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var v uint8
			if err := enum.Unmarshal(basisNames, "Basis", canonical[i%len(canonical)], &v, bad); err != nil || v == 0 {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("replacer", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var v uint8
			if err := enum.Unmarshal(basisNames, "Basis", []byte(oldEnumText(typed[i%len(typed)])), &v, bad); err != nil || v == 0 {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("fold", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var v uint8
			if err := enum.Unmarshal(basisNames, "Basis", []byte(enum.Fold(typed[i%len(typed)])), &v, bad); err != nil || v == 0 {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("parsefold", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			v, ok := enum.ParseFold[uint8](basisNames, typed[i%len(typed)])
			if !ok || v == 0 {
				b.Fatal("no match")
			}
			i++
		}
	})
}
