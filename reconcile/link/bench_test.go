package link_test

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/source"
)

// Benchmarks on real and synthetic data. Each reports, besides time and
// allocation, the linkage's pairwise precision, recall and F1 against the
// truth, the candidate pairs compared and their share of all comparable
// pairs, and (for the synthetic ones) the heap the result keeps. The large ones take a while: run
// them alone, once, as
//
//	go test -run '^$' -bench 'Synthetic' -benchtime 1x ./reconcile/link/

func report(b *testing.B, r *link.Result, precision, recall, f1 float64) {
	s := r.Stats()
	b.ReportMetric(precision, "precision")
	b.ReportMetric(recall, "recall")
	b.ReportMetric(f1, "F1")
	b.ReportMetric(float64(s.Compared), "pairs-compared")
	b.ReportMetric(100*float64(s.Compared)/float64(s.Pairs), "%-of-pairs")
}

// reportKept reports the heap that r keeps alive, measured outside the
// timed loop: the heap with r, less the heap once r is dropped.
func reportKept(b *testing.B, r **link.Result) {
	var with, without runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&with)
	*r = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	b.ReportMetric(float64(int64(with.HeapAlloc)-int64(without.HeapAlloc))/(1<<20), "result-MB")
}

func BenchmarkFEBRL(b *testing.B) {
	for _, tc := range []struct {
		name  string
		files []string
	}{
		{"dataset1", []string{"dataset1.csv"}},
		{"dataset2", []string{"dataset2.csv"}},
		{"dataset3", []string{"dataset3.csv"}},
		{"dataset4", []string{"dataset4a.csv", "dataset4b.csv"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var lists []link.List
			for k, f := range tc.files {
				// Two files are two lists of distinct people each; one file
				// is a list to deduplicate.
				lists = append(lists, febrlList(b, f, string(rune('a'+k)), len(tc.files) > 1))
			}
			b.ReportAllocs()
			var r *link.Result
			for b.Loop() {
				r = mustLink(b, febrlConfig(), lists...)
			}
			s := scorePairs(r, febrlRefPerson, refsOf(lists...))
			report(b, r, s.precision(), s.recall(), s.f1())
		})
	}
}

func BenchmarkSplinkFake1000(b *testing.B) {
	l, person := splinkList(b)
	b.ReportAllocs()
	var r *link.Result
	for b.Loop() {
		r = mustLink(b, splinkConfig(), l)
	}
	s := scorePairs(r, func(ref link.Ref) string { return person[ref.ID.String()] }, refsOf(l))
	report(b, r, s.precision(), s.recall(), s.f1())
}

// BenchmarkLinkSynthetic links two unique lists of 100,000 invented
// detainees, half of them the same people, under the default and the
// harsh noise of package linktest.
func BenchmarkLinkSynthetic100k(b *testing.B) {
	for _, tc := range []struct {
		name  string
		noise linktest.Noise
	}{{"default", linktest.DefaultNoise()}, {"harsh", linktest.HarshNoise()}} {
		b.Run(tc.name, func(b *testing.B) {
			const n = 100_000
			lists, truth := linktest.Synthetic{People: 3 * n / 2, Overlap: 0.5, Noise: tc.noise, Seed: 1, Lists: []linktest.ListSpec{
				{Source: source.MustSourceID("gov"), Records: n, Unique: true},
				{Source: source.MustSourceID("ngo"), Records: n, Unique: true},
			}}.Generate()
			benchSynthetic(b, lists, truth)
		})
	}
}

// BenchmarkDedupSynthetic1M deduplicates one list of 1,000,000 records of
// invented detainees, each person recorded one to four times.
func BenchmarkDedupSynthetic1M(b *testing.B) {
	for _, tc := range []struct {
		name  string
		noise linktest.Noise
	}{{"default", linktest.DefaultNoise()}, {"harsh", linktest.HarshNoise()}} {
		b.Run(tc.name, func(b *testing.B) {
			const n = 1_000_000
			lists, truth := linktest.Synthetic{People: n, Noise: tc.noise, Seed: 2, Lists: []linktest.ListSpec{
				{Source: source.MustSourceID("register"), Records: n},
			}}.Generate()
			benchSynthetic(b, lists, truth)
		})
	}
}

func benchSynthetic(b *testing.B, lists []link.List, truth linktest.Truth) {
	b.ReportAllocs()
	var r *link.Result
	resetPeakRSS()
	input := rssMB("VmRSS:")
	for b.Loop() {
		r = mustLink(b, link.DetaineeConfig(), lists...)
	}
	s := truth.Score(r)
	report(b, r, s.Precision, s.Recall, s.F1)
	b.ReportMetric(float64(r.Stats().Conflicts), "conflicts")
	reportPeakRSS(b)
	b.ReportMetric(input, "input-RSS-MB")
	reportKept(b, &r)
}

// resetPeakRSS returns the memory freed since the input was generated to
// the system and resets the process's peak resident set size (Linux), so
// that reportPeakRSS measures the input held and the linkage, not the
// garbage of the input's generation.
func resetPeakRSS() {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// reportPeakRSS reports the process's peak resident set size since the
// last reset (Linux: VmHWM), in MB; nothing where it cannot be read.
func reportPeakRSS(b *testing.B) {
	if mb := rssMB("VmHWM:"); mb > 0 {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}

// rssMB reads a size from /proc/self/status, in MB; 0 if it cannot.
func rssMB(key string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, key); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err == nil {
				return float64(kb) / 1024
			}
		}
	}
	return 0
}
