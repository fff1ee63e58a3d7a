package release_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/release"
)

// nfcParse is what parsing a path cost before paths were canonical: NFC
// normalisation and the checks of each segment, without folding or
// spelling. It is the baseline of the parse benchmarks.
func nfcParse(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	s = norm.NFC.String(s)
	if s == "" || len(s) > 256 {
		return false
	}
	for seg := range strings.SplitSeq(s, "/") {
		if seg == "" {
			return false
		}
		first, _ := utf8.DecodeRuneInString(seg)
		last, _ := utf8.DecodeLastRuneInString(seg)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			return false
		}
		for _, r := range seg {
			if unicode.IsControl(r) {
				return false
			}
		}
	}
	return true
}

// benchColumn parses a column of cells as a CSV reader does, one call per
// cell, and reports the cost per cell; the baseline runs beside it.
func benchColumn[P any](b *testing.B, cells []string, parse func(string) (P, error)) {
	b.Run("baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range cells {
				if !nfcParse(c) {
					b.Fatal(c)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cells)), "ns/cell")
	})
	b.Run("canonical", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range cells {
				if _, err := parse(c); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cells)), "ns/cell")
	})
}

// Columns as the real files hold them: mostly canonical ASCII, some cells
// in other case, some with accents, one spelled with a decomposed accent.
var (
	populationCells = []string{"detainees/political", "detainees/political", "detainees", "detainees/political/military",
		"Detainees/Political", "presos/políticos", "detainees/under restrictions", "detainees/common"}
	regionCells = []string{"VE", "VE/Zulia", "VE/Distrito Capital", "ve/zulia", "VE/Anzoátegui", "CO/Norte de Santander",
		"VE/Táchira", "VE/Anzoa\u0301tegui"}
)

func BenchmarkParsePopulation(b *testing.B) { benchColumn(b, populationCells, release.ParsePopulation) }
func BenchmarkParseRegion(b *testing.B)     { benchColumn(b, regionCells, release.ParseRegion) }
