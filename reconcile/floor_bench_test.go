package reconcile

import (
	"fmt"
	"testing"
)

var phaseCache = map[string]*Index{}

// BenchmarkFloorPhase times, on one index over nested scopes, the phase
// this package's batch algorithms replaced — every cell's derived floor and
// its cap — done the new way (parts.go, caps.go) and the reference way (each
// scope on its own, as before), in the same run. The reference is skipped
// above 100,000 claims, where it takes minutes.
func BenchmarkFloorPhase(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, open := range []float64{0, 0.01, 0.10} {
			if testing.Short() && n > 10_000 {
				continue
			}
			key := fmt.Sprint(n, open)
			index := func(b *testing.B) *Index {
				if ix, ok := phaseCache[key]; ok {
					return ix
				}
				ev, err := NestedEvidence(n, open, 1)
				if err != nil {
					b.Fatal(err)
				}
				ix, err := NewIndex(ev, DefaultPolicy())
				if err != nil {
					b.Fatal(err)
				}
				phaseCache[key] = ix
				return ix
			}
			name := fmt.Sprintf("claims=%d/open=%g%%", n, 100*open)
			b.Run(name+"/batch", func(b *testing.B) {
				ix := index(b)
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					ix.buildParts()
					ix.solveCells()
					ix.solveCaps()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(n), "cpu-ns/claim")
			})
			if n > 100_000 {
				continue
			}
			b.Run(name+"/reference", func(b *testing.B) {
				ix := index(b)
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					for i := range ix.cells {
						c := &ix.cells[i]
						c.floor, c.floorFrom = ix.refFloor(c.key, c.verified)
						ix.refCap(c)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(n), "cpu-ns/claim")
			})
		}
	}
}

// CPUTime is cpuTime for the external benchmarks.
var CPUTime = cpuTime

// PageFaults is pageFaults for the external benchmarks.
var PageFaults = pageFaults
