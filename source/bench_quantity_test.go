package source_test

import (
	"strings"
	"testing"

	"github.com/freedcount/freedcount/source"
)

// benchQuantityPhrases is a mix of the phrases a claims file holds: mostly
// ASCII (canonical text and English press phrases), some Spanish with
// accents and no-break spaces, as a reader meets them cell after cell.
var benchQuantityPhrases = []string{
	"104", "at least 104", "more than 100", "about 313", "between 800 and 900", "dozens",
	"1,084", "nearly 400", "fewer than 10", "hundreds of",
	"más de 1.000", "al menos 104", "como máximo 36", "entre 800 y 900", "Más\u00a0de 400", "cerca de 400",
}

// benchNumberWordPhrases spell their numbers in words, which the parser
// searches for (absent from the baseline, which rejected them).
var benchNumberWordPhrases = []string{
	"at least three", "más de un centenar", "ciento veinte", "twenty-two", "half a dozen",
	"between two hundred and three hundred", "entre treinta y dos y cuarenta", "algunos",
}

// BenchmarkParseQuantity reads the phrases of benchQuantityPhrases in turn
// and reports the time and allocations per phrase.
func BenchmarkParseQuantity(b *testing.B) {
	for _, set := range []struct {
		name    string
		phrases []string
	}{
		{"mix", benchQuantityPhrases},
		{"ascii", benchQuantityPhrases[:10]},
		{"spanish", benchQuantityPhrases[10:]},
		{"words", benchNumberWordPhrases},
	} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			i, rejected := 0, 0
			for b.Loop() {
				if _, err := source.ParseQuantity(set.phrases[i%len(set.phrases)]); err != nil {
					rejected++ // a parser without number words rejects "words"
				}
				i++
			}
			b.ReportMetric(float64(rejected)/float64(i), "rejected/op")
		})
	}
}

// BenchmarkQuantityKindUnmarshalText reads a kind's name as a decoder does.
func BenchmarkQuantityKindUnmarshalText(b *testing.B) {
	b.ReportAllocs()
	names := [][]byte{[]byte("exactly"), []byte("at_least"), []byte("between"), []byte("thousands")}
	i := 0
	for b.Loop() {
		var k source.QuantityKind
		if err := k.UnmarshalText(names[i%len(names)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkParseQuantityWorstCase reads phrases built to make the search
// for numbers in words work hardest: 32 number words, and a range whose
// ends could start anywhere. The search is bounded by maxPhraseTokens, so
// these cost a bounded multiple of a short phrase.
func BenchmarkParseQuantityWorstCase(b *testing.B) {
	for _, tc := range []struct{ name, phrase string }{
		{"units", strings.Repeat("one ", 31) + "one"},
		{"and", "between" + strings.Repeat(" one hundred and", 10) + " one"},
		{"y", "entre" + strings.Repeat(" treinta y", 15) + " dos"},
		{"collective", strings.Repeat("dos docenas de ", 10) + "dos"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = source.ParseQuantity(tc.phrase)
			}
		})
	}
}
