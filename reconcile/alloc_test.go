package reconcile_test

import (
	"runtime"
	"slices"
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/source"
)

// halves splits a synthetic evidence set of n claims into two sets holding
// every other claim each.
func halves(t *testing.T, n int) (reconcile.Evidence, reconcile.Evidence) {
	t.Helper()
	ev, err := reconciletest.Synthetic(n, n/10, 1)
	if err != nil {
		t.Fatal(err)
	}
	claims := slices.Collect(ev.Claims())
	var left, right []source.Claim
	for i, c := range claims {
		if i%2 == 0 {
			left = append(left, c)
		} else {
			right = append(right, c)
		}
	}
	var a, b reconcile.Evidence
	srcs := slices.Collect(ev.Sources())
	if a, err = a.AddSources(srcs...); err == nil {
		a, err = a.AddClaims(left...)
	}
	if err != nil {
		t.Fatal(err)
	}
	if b, err = b.AddSources(srcs...); err == nil {
		b, err = b.AddClaims(right...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

// TestMergeAllocationsDoNotGrowWithClaims pins the allocations of the hot
// merge path: a fixed handful of slices, whatever the number of claims, and
// never one per claim.
func TestMergeAllocationsDoNotGrowWithClaims(t *testing.T) {
	const limit = 12
	var counts []float64
	for _, n := range []int{1_000, 10_000} {
		a, b := halves(t, n)
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := reconcile.Merge(a, b); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > limit {
			t.Errorf("Merge of two sets of %d claims: %.0f allocations, want at most %d", n/2, allocs, limit)
		}
		counts = append(counts, allocs)
	}
	t.Logf("allocations per Merge: %v", counts)
	if counts[0] != counts[1] {
		t.Errorf("Merge allocations grow with the claims: %v for 1,000 and 10,000 claims", counts)
	}
}

// TestLargeMergeIsTheWhole checks, at a size that splits the merge of
// claims between threads, that merging two halves of a set gives the set:
// the parts are closed up in order, the chains the halves left open are
// completed, and nothing is left open that a later merge would trip on.
func TestLargeMergeIsTheWhole(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	const n = 40_000
	a, b := halves(t, n)
	whole, err := reconciletest.Synthetic(n, n/10, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range [][2]reconcile.Evidence{{a, b}, {b, a}} {
		got, err := reconcile.Merge(m[0], m[1])
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(whole) {
			t.Fatalf("merged halves hold %d claims, the whole %d, or differ", got.NumClaims(), whole.NumClaims())
		}
		again, err := reconcile.Merge(got, whole)
		if err != nil || !again.Equal(whole) {
			t.Fatalf("merging the union with the whole: %v", err)
		}
	}
}
