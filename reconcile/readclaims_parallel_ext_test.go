package reconcile_test

import (
	"runtime"
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
)

// TestReadClaimsParallelIsSequential checks that reading the claims with
// two goroutines (the halves of the scope sort, the groups of statements)
// gives the very records and scopes that one goroutine gives, on a set
// large enough for both to be split.
func TestReadClaimsParallelIsSequential(t *testing.T) {
	ev, err := reconciletest.Synthetic(60_000, 6_000, 5)
	if err != nil {
		t.Fatal(err)
	}
	read := func(procs int) *reconcile.Index {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	one, two := read(1), read(2)
	if grouped, least := reconcile.GroupedClaims(two); grouped < least {
		t.Fatalf("%d claims in groups, fewer than the %d that are split", grouped, least)
	}
	if err := reconcile.SameReading(one, two); err != nil {
		t.Errorf("one goroutine and two read the claims differently: %v", err)
	}
}
