package reconcile_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
)

// pinFile holds, per evidence set, the SHA-256 of everything an index reads
// from it: the figures and (but for the largest sets) every figure's
// discrepancies as interchange CSV,
// the review, the net changes and the reading of every claim. It was
// written from main before the reconcile speed work (issue 14), so that
// work is held to the figures as they were, byte for byte.
var pinFile = filepath.Join("testdata", "pin.golden")

// pinDigest hashes what ix reads; every figure's discrepancies only where
// all is true (listing every pair of a large set takes minutes).
func pinDigest(t testing.TB, ix *reconcile.Index, all bool) string {
	t.Helper()
	h := sha256.New()
	figs := ix.Figures()
	require.NoError(t, interchange.WriteFigures(h, interchange.CSV, figs))
	for _, f := range figs {
		if !all {
			break
		}
		ds, err := ix.Discrepancies(f.Measure, f.Scope)
		require.NoError(t, err)
		fmt.Fprintf(h, "# %s %s: %d\n", f.Measure, f.Scope, len(ds))
		require.NoError(t, interchange.WriteDiscrepancies(h, interchange.CSV, ds))
	}
	rv := ix.Review()
	require.NoError(t, interchange.WriteDiscrepancies(h, interchange.CSV, rv.Material))
	fmt.Fprintf(h, "# explained %v\n", rv.Explained)
	for _, nc := range ix.NetChanges() {
		fmt.Fprintf(h, "%v\n", nc)
	}
	writeReadings(h, ix)
	return fmt.Sprintf("%x", h.Sum(nil))
}

func writeReadings(h hash.Hash, ix *reconcile.Index) {
	for c := range ix.Evidence().Claims() {
		r, ok := ix.Reading(c.ID)
		fmt.Fprintf(h, "%s %t %s %s %s %s %s %s %s %s %t\n", c.ID, ok, r.Claim, r.State, r.By, r.Measure, r.Scope,
			r.Quantity, r.Interval, r.Weight.String(), r.Credible)
	}
}

// pinCases are the evidence sets pinned: synthetic sets of several sizes
// and seeds, and sets drawn by reconciletest.Evidence (verifications, named
// lists, relative claims, retractions) under drawn policies, from fixed
// seeds.
func pinCases(t *testing.T) map[string]func() *reconcile.Index {
	cases := map[string]func() *reconcile.Index{}
	syn := []struct {
		claims, scopes int
		seed           uint64
	}{{500, 50, 1}, {500, 50, 2}, {1_000, 100, 3}, {20_000, 2_000, 1}, {20_000, 2_000, 7}}
	for _, s := range syn {
		cases[fmt.Sprintf("synthetic/claims=%d/scopes=%d/seed=%d", s.claims, s.scopes, s.seed)] = func() *reconcile.Index {
			ev, err := reconciletest.Synthetic(s.claims, s.scopes, s.seed)
			require.NoError(t, err)
			ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
			require.NoError(t, err)
			return ix
		}
	}
	for seed := range 200 {
		cases[fmt.Sprintf("drawn/seed=%03d", seed)] = func() *reconcile.Index {
			ev := reconciletest.Evidence().Example(seed)
			p := reconciletest.Policy().Example(seed)
			ix, err := reconcile.NewIndex(ev, p)
			require.NoError(t, err)
			return ix
		}
	}
	return cases
}

// TestFiguresPinned checks that every pinned evidence set reads exactly as
// recorded in testdata/pin.golden (the real cases are pinned by
// TestRealCasesGolden); go test -run TestFiguresPinned -update rewrites it.
func TestFiguresPinned(t *testing.T) {
	cases := pinCases(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range cases {
			if !yield(k) {
				return
			}
		}
	})
	got := map[string]string{}
	for _, name := range names {
		got[name] = pinDigest(t, cases[name](), !strings.HasPrefix(name, "synthetic/claims=20000"))
	}
	if *update {
		var buf bytes.Buffer
		for _, name := range names {
			fmt.Fprintf(&buf, "%s %s\n", name, got[name])
		}
		require.NoError(t, os.WriteFile(pinFile, buf.Bytes(), 0o644))
	}
	f, err := os.Open(pinFile)
	require.NoError(t, err, "run go test -run TestFiguresPinned -update to create it")
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, digest, ok := strings.Cut(sc.Text(), " ")
		require.True(t, ok, "bad line %q", sc.Text())
		want[name] = digest
	}
	require.NoError(t, sc.Err())
	require.Len(t, want, len(names), "pinned sets differ from the cases")
	for _, name := range names {
		if got[name] != want[name] {
			t.Errorf("%s: what the index reads changed (digest %s, pinned %s)", name, got[name], want[name])
		}
	}
}
