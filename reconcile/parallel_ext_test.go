package reconcile_test

import (
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestFiguresChunkedSynthetic checks, on synthetic evidence with every
// kind of claim, that Figures read in chunks (one goroutine each) are the
// figures of one pass.
func TestFiguresChunkedSynthetic(t *testing.T) {
	ev, err := reconciletest.Synthetic(20_000, 2_000, 5)
	require.NoError(t, err)
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	require.NoError(t, err)
	want := ix.FiguresIn(1)
	require.Equal(t, len(want), len(ix.Figures()))
	for _, parts := range []int{2, 5} {
		got := ix.FiguresIn(parts)
		require.Len(t, got, len(want))
		for i := range want {
			require.True(t, want[i].Equal(got[i]), "parts=%d: figure %d differs:\n%s\n%s", parts, i, want[i].Describe(), got[i].Describe())
		}
	}
}

// TestCountCeilingsMatchScan checks the invariant that the largest verified
// count within every cell's scope, found for all cells at once by a sweep,
// is the one a scan of that scope finds.
func TestCountCeilingsMatchScan(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := reconciletest.Evidence().Draw(t, "evidence")
		for _, v := range rapid.SliceOfN(reconciletest.VerificationOf(e), 0, 8).Draw(t, "verifications") {
			if e2, err := e.AddVerifications(v); err == nil {
				e = e2
			}
		}
		p := reconciletest.Policy().Draw(t, "policy")
		ix, err := reconcile.NewIndex(e, p)
		if err != nil {
			t.Skip("policy refused:", err)
		}
		if scope, batch, scan := ix.CountCeilingsByScan(); scope != "" {
			t.Fatalf("cell %s: largest verified count %d by sweep, %d by scan", scope, batch, scan)
		}
	})
}
