package interchange_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/freedcount/freedcount/interchange"
)

// claimLines writes n claim lines as a newsroom's file holds them: dates
// alone and instants, phrases in English and Spanish, relays, quotes.
func claimLines(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,source,via,stated,measure,population,region,period,quantity,status,basis,supersedes,url,quote,language\n")
	phrases := []string{"104", "at least 104", "about 300", "más de 100", "between 800 and 900", "un centenar", "626", "decenas"}
	for i := range n {
		stated := fmt.Sprintf("2026-01-%02d", 1+i%28)
		if i%3 == 0 {
			stated += "T20:00:00-04:00"
		}
		via := ""
		if i%4 == 0 {
			via = "afp"
		}
		fmt.Fprintf(&b, "c%d,foro-penal,%s,%s,releases,detainees/political,VE/Zulia,2025-12-01/..,%s,final,named_list,,https://example.org/r/%d,\"%d political prisoners released, the NGO said\",es\n",
			i, via, stated, phrases[i%len(phrases)], i, i)
	}
	return b.Bytes()
}

// BenchmarkReadClaims reads claim lines with interchange.ReadClaims and, in
// the same run, with encoding/csv alone (the floor: splitting the cells):
// the goal is ≤ 3× its time and ≤ 1 KB allocated per line.
func BenchmarkReadClaims(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			data := claimLines(n)
			var csvTime time.Duration
			var bytesRead uint64
			var faults int64
			var ms runtime.MemStats
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				// Each side starts from a collected heap, so that neither
				// pays for the other's garbage.
				runtime.GC()
				t0 := time.Now()
				r := csv.NewReader(bytes.NewReader(data))
				for {
					if _, err := r.Read(); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
				csvTime += time.Since(t0)
				runtime.GC()
				runtime.ReadMemStats(&ms)
				before := ms.TotalAlloc
				faults -= pageFaults()
				b.StartTimer()
				cs, err := interchange.ReadClaims(bytes.NewReader(data), interchange.CSV)
				b.StopTimer()
				faults += pageFaults()
				runtime.ReadMemStats(&ms)
				bytesRead += ms.TotalAlloc - before
				b.StartTimer()
				if err != nil {
					b.Fatal(err)
				}
				if len(cs) != n {
					b.Fatalf("read %d claims, want %d", len(cs), n)
				}
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/float64(n), "ns/line")
			b.ReportMetric(perOp/(float64(csvTime.Nanoseconds())/float64(b.N)), "x-encoding/csv")
			b.ReportMetric(float64(bytesRead)/float64(b.N)/float64(n), "B/line")
			b.ReportMetric(float64(faults)/float64(b.N), "faults/op")
		})
	}
}
