package reconcile_test

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/source"
)

// synthetic caches generated evidence across benchmarks of one run.
var synthetic = map[[2]int]reconcile.Evidence{}

func evidenceOf(b *testing.B, claims, scopes int) reconcile.Evidence {
	b.Helper()
	k := [2]int{claims, scopes}
	if ev, ok := synthetic[k]; ok {
		return ev
	}
	ev, err := reconciletest.Synthetic(claims, scopes, 1)
	if err != nil {
		b.Fatal(err)
	}
	synthetic[k] = ev
	return ev
}

// BenchmarkReconcile reads every figure of a synthetic evidence set
// (NewIndex, then Figures), and in the same run sorts the same claims by
// scope: x-sort, the ratio of the two, is the figure the project tracks
// (goal ≤ 3). heap=steady builds in the benchmark's warm loop; heap=fresh
// collects garbage before each build, as a program that builds one index
// does. Each size also reports, from one build outside the loop, the bytes
// allocated per claim by NewIndex and Figures (goal ≤ 400) and the bytes the
// index holds per claim (goal ≤ 150). faults/op counts the pages a build
// touched for the first time: where the steady loop's heap grows into
// memory the runtime had returned, each costs a fault, and on some virtual
// machines the faults cost as much as the fold. The largest size runs only
// in benchmarks, never in tests.
func BenchmarkReconcile(b *testing.B) {
	for _, size := range []struct{ claims, scopes int }{{10_000, 1_000}, {100_000, 10_000}, {1_000_000, 100_000}, {3_000_000, 300_000}} {
		if testing.Short() && size.claims > 100_000 {
			continue
		}
		for _, heap := range []string{"steady", "fresh"} {
			b.Run(fmt.Sprintf("claims=%d/scopes=%d/heap=%s", size.claims, size.scopes, heap), func(b *testing.B) {
				benchReconcile(b, size.claims, size.scopes, heap == "fresh")
			})
		}
	}
}

func benchReconcile(b *testing.B, nClaims, nScopes int, fresh bool) {
	ev := evidenceOf(b, nClaims, nScopes)
	claims := slices.Collect(ev.Claims())
	cp := make([]source.Claim, len(claims))
	build := func() *reconcile.Index {
		ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
		if err != nil {
			b.Fatal(err)
		}
		return ix
	}
	var alloc, held uint64
	if !fresh {
		// Memory, from one build outside the timed loop (reported after
		// it: b.Loop's start clears metrics reported before).
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_ = build().Figures()
		runtime.ReadMemStats(&after)
		alloc = after.TotalAlloc - before.TotalAlloc
		held = heldBytes(func() any { return build() })
	}
	var sortTime time.Duration
	figures := 0
	runtime.GC()
	cpu0, faults0 := reconcile.CPUTime(), reconcile.PageFaults()
	for b.Loop() {
		// The baseline, timed apart: sorting the same claims by scope.
		b.StopTimer()
		copy(cp, claims)
		t0 := time.Now()
		slices.SortFunc(cp, func(x, y source.Claim) int { return x.Scope.Compare(y.Scope) })
		sortTime += time.Since(t0)
		if fresh {
			runtime.GC()
		}
		b.StartTimer()
		figures = len(build().Figures())
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	if !fresh {
		b.ReportMetric(float64(alloc)/float64(nClaims), "B/claim-alloc")
		b.ReportMetric(float64(held)/float64(nClaims), "B/claim-held")
	}
	b.ReportMetric(float64(figures), "figures")
	b.ReportMetric(perOp/float64(nClaims), "ns/claim")
	b.ReportMetric(float64(sortTime.Nanoseconds())/float64(b.N)/1e6, "ms-sort")
	b.ReportMetric(perOp/(float64(sortTime.Nanoseconds())/float64(b.N)), "x-sort")
	// CPU time of the process, the sort and (fresh) the collections
	// included: steadier than the clock on a loaded machine, for comparing
	// builds.
	b.ReportMetric(float64(reconcile.CPUTime()-cpu0)/float64(b.N)/float64(nClaims), "cpu-ns/claim")
	b.ReportMetric(float64(reconcile.PageFaults()-faults0)/float64(b.N), "faults/op")
}

// BenchmarkMerge merges two evidence sets drawn from n claims, against its
// honest floor: the linear merge of the two sorted claim slices it holds,
// timed apart in the same loop (x-floor; goal ≤ 2 with disjoint inputs, ≤ 3
// with half of each input in the other), and against a plain map union of
// the claim IDs (x-map-union). overlap=0 splits the claims in two halves;
// overlap=50 gives each input half the claims, half of them shared.
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		if testing.Short() && n > 100_000 {
			continue
		}
		for _, overlap := range []int{0, 50} {
			b.Run(fmt.Sprintf("claims=%d/overlap=%d", n, overlap), func(b *testing.B) {
				benchMerge(b, n, overlap == 50)
			})
		}
	}
}

func benchMerge(b *testing.B, n int, overlap bool) {
	ev := evidenceOf(b, n, n/10)
	all := slices.Collect(ev.Claims())
	srcs := slices.Collect(ev.Sources())
	var a, c reconcile.Evidence
	a, _ = a.AddSources(srcs...)
	c, _ = c.AddSources(srcs...)
	var left, right []source.Claim
	for i, cl := range all {
		switch {
		case !overlap && i%2 == 0, overlap && i%4 == 1:
			left = append(left, cl)
		case !overlap, overlap && i%4 == 2:
			right = append(right, cl)
		case i%4 == 0:
			left = append(left, cl)
			right = append(right, cl)
		}
	}
	a, err := a.AddClaims(left...)
	if err != nil {
		b.Fatal(err)
	}
	c, err = c.AddClaims(right...)
	if err != nil {
		b.Fatal(err)
	}
	// The floor works on slices shaped as Evidence holds its claims: one
	// pointer per claim, sorted by ID (Claims yields them in that order).
	lp, rp := claimPointers(a), claimPointers(c)
	var floorTime, mapTime time.Duration
	union := 0
	for b.Loop() {
		b.StopTimer()
		t0 := time.Now()
		union = len(mergeIDs(lp, rp))
		floorTime += time.Since(t0)
		t0 = time.Now()
		mapUnion(left, right)
		mapTime += time.Since(t0)
		b.StartTimer()
		m, err := reconcile.Merge(a, c)
		if err != nil {
			b.Fatal(err)
		}
		if m.NumClaims() != union {
			b.Fatalf("merged %d claims, want %d", m.NumClaims(), union)
		}
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(floorTime.Nanoseconds())/float64(b.N)/1e6, "ms-floor")
	b.ReportMetric(perOp/(float64(floorTime.Nanoseconds())/float64(b.N)), "x-floor")
	b.ReportMetric(perOp/(float64(mapTime.Nanoseconds())/float64(b.N)), "x-map-union")
}

// claimPointers returns e's claims as separately allocated values, in
// order of ID.
func claimPointers(e reconcile.Evidence) []*source.Claim {
	out := make([]*source.Claim, 0, e.NumClaims())
	for c := range e.Claims() {
		out = append(out, &c)
	}
	return out
}

// mergeIDs is the floor of a merge: the linear merge of two slices sorted
// by claim ID into a new one, one comparison of IDs per step.
func mergeIDs(a, b []*source.Claim) []*source.Claim {
	out := make([]*source.Claim, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := a[i].ID.Compare(b[j].ID); {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// mapUnion is the baseline of a merge: a plain map union of the claim IDs.
func mapUnion(left, right []source.Claim) map[source.ClaimID]struct{} {
	m := make(map[source.ClaimID]struct{}, len(left))
	for _, c := range left {
		m[c.ID] = struct{}{}
	}
	for _, c := range right {
		m[c.ID] = struct{}{}
	}
	return m
}

// BenchmarkEvidenceBytes reports the memory an Evidence holds per claim,
// against the size of the claims themselves (goal ≤ 2×). The claims carry
// a citation as real ones do (a URL, a quote of a sentence or two, a
// language), and are made afresh inside the measured build and dropped
// before it is measured, so that what the evidence keeps of them — its
// copies, and the strings it shares with the input — is counted.
func BenchmarkEvidenceBytes(b *testing.B) {
	ev := evidenceOf(b, 100_000, 10_000)
	claims := slices.Collect(ev.Claims())
	srcs := slices.Collect(ev.Sources())
	own := 0
	for _, c := range cited(claims) {
		own += claimSize(c)
	}
	var held uint64
	for b.Loop() {
		held = heldBytes(func() any {
			var e reconcile.Evidence
			e, _ = e.AddSources(srcs...)
			e, err := e.AddClaims(cited(claims)...)
			if err != nil {
				b.Fatal(err)
			}
			return e
		})
	}
	b.ReportMetric(float64(held)/float64(len(claims)), "B/claim-held")
	b.ReportMetric(float64(own)/float64(len(claims)), "B/claim-own")
	b.ReportMetric(float64(held)/float64(own), "x-own")
}

// cited returns copies of cs, every string made afresh, each with a
// citation shaped like those of the real cases.
func cited(cs []source.Claim) []source.Claim {
	out := make([]source.Claim, len(cs))
	for i, c := range cs {
		c = c.Clone()
		c.ID = source.MustClaimID(strings.Clone(c.ID.String()))
		if c.Supersedes.IsValid() {
			c.Supersedes = source.MustClaimID(strings.Clone(c.Supersedes.String()))
		}
		c.Citation = source.Citation{
			URL:      fmt.Sprintf("https://news.example.org/%d/%02d/%s-liberaciones-presos-politicos", 2025, 1+i%12, c.ID),
			Quote:    fmt.Sprintf("La organización verificó %d excarcelaciones de presos políticos en el período, y advirtió que la cifra no es definitiva y podría aumentar en los próximos días (%s).", 10+i%200, c.ID),
			Language: "es",
		}
		out[i] = c
	}
	return out
}

// claimSize is the memory a claim needs on its own: the struct, its slices
// and its strings.
func claimSize(c source.Claim) int {
	n := int(unsafe.Sizeof(c))
	n += len(c.ID.String()) + len(c.Source.String()) + len(c.Supersedes.String())
	n += len(c.Citation.URL) + len(c.Citation.Quote) + len(c.Citation.Language)
	n += len(c.Via) * int(unsafe.Sizeof(source.SourceID{}))
	n += len(c.Named) * 16
	return n
}

// BenchmarkFigureWarm reads figures one by one from a built index. Each
// iteration reads every figure of the index once, so that its figures —
// ns/figure and allocs/figure — average over all cells whatever the
// benchtime, not over the first few that a short run would reach.
func BenchmarkFigureWarm(b *testing.B) {
	ev := evidenceOf(b, 100_000, 10_000)
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		b.Fatal(err)
	}
	figs := ix.Figures()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, f := range figs {
			if _, err := ix.Figure(f.Measure, f.Scope); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.ReadMemStats(&after)
	reads := float64(b.N) * float64(len(figs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/reads, "ns/figure")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/reads, "allocs/figure")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/reads, "B/figure")
}
