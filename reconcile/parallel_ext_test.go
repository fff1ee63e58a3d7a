package reconcile_test

import (
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/stretchr/testify/require"
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
