package hpath_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/hpath"
)

// nfcOnly is the parser before paths were canonical (NFC, no folding, no
// spelling), kept as the baseline of BenchmarkParse.
func nfcOnly(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	s = norm.NFC.String(s)
	if s == "" || len(s) > hpath.MaxLen {
		return "", false
	}
	for seg := range strings.SplitSeq(s, "/") {
		if seg == "" {
			return "", false
		}
		first, _ := utf8.DecodeRuneInString(seg)
		last, _ := utf8.DecodeLastRuneInString(seg)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			return "", false
		}
		for _, r := range seg {
			if unicode.IsControl(r) {
				return "", false
			}
		}
	}
	return s, true
}

// benchCells are cells as a CSV column holds them: mostly canonical ASCII,
// some in another case, some with accents.
var benchCells = map[string][]string{
	"Population": {"detainees/political", "detainees", "detainees/political/military", "Detainees/Political",
		"presos/políticos", "detainees/under restrictions"},
	"Region": {"VE", "VE/Zulia", "VE/Distrito Capital", "ve/zulia", "VE/Anzoátegui", "CO/Norte de Santander"},
}

// BenchmarkParse parses a column of cells per op, with the baseline parser
// (NFC only) and the canonical one, for each kind of cell.
func BenchmarkParse(b *testing.B) {
	for _, kind := range []string{"Population", "Region"} {
		st := map[string]hpath.Style{"Population": hpath.Lower, "Region": hpath.Place}[kind]
		for _, cell := range benchCells[kind] {
			name := strings.NewReplacer("/", "_", " ", "_").Replace(cell)
			b.Run(kind+"/"+name+"/baseline", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, ok := nfcOnly(cell); !ok {
						b.Fatal(cell)
					}
				}
			})
			b.Run(kind+"/"+name+"/canonical", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := hpath.Parse(cell, st); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
