package reconcile

import (
	"testing"

	"github.com/freedcount/freedcount/source"
	"github.com/stretchr/testify/require"
)

// FiguresIn is Figures read in at most parts chunks, for the external
// tests.
func (ix *Index) FiguresIn(parts int) []Figure { return ix.figures(parts) }

// TestSplitWork checks the chunks Figures and the floors are read in: they
// cover every item once, in order, and none is empty.
func TestSplitWork(t *testing.T) {
	work := []int{5, 1, 1, 1, 9, 2, 2, 0, 3, 4}
	total := 0
	for _, w := range work {
		total += w
	}
	for parts := 1; parts <= 12; parts++ {
		b := splitWork(parts, len(work), total, func(k int) int { return work[k] })
		require.Equal(t, 0, b[0], "parts=%d", parts)
		require.Equal(t, len(work), b[len(b)-1], "parts=%d", parts)
		require.LessOrEqual(t, len(b)-1, parts, "parts=%d: more chunks than parts", parts)
		for i := 1; i < len(b); i++ {
			require.Less(t, b[i-1], b[i], "parts=%d: empty chunk in %v", parts, b)
		}
		if parts > 1 {
			require.Greater(t, len(b)-1, 1, "parts=%d: work not split", parts)
		}
	}
	require.Equal(t, []int{0, 0}, splitWork(2, 0, 0, nil))
}

// TestFiguresChunked checks that reading the figures in several chunks,
// one goroutine each, gives the very figures of one pass, on scopes that
// nest in period, population and region.
func TestFiguresChunked(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 4_000
	}
	ev, err := NestedEvidence(n, 0.1, 3)
	require.NoError(t, err)
	ix, err := NewIndex(ev, DefaultPolicy())
	require.NoError(t, err)
	want := ix.figures(1)
	for _, parts := range []int{2, 3, 7} {
		got := ix.figures(parts)
		require.Len(t, got, len(want))
		for i := range want {
			require.True(t, want[i].Equal(got[i]), "parts=%d: figure %d differs:\n%s\n%s", parts, i, want[i].Describe(), got[i].Describe())
		}
	}
}

// CountCeilingsByScan compares, for every cell about releases, the largest
// verified count within its scope found for all cells at once (as NewIndex
// does) with verifiedCount's scan of that one scope, and returns the first
// cell where they differ, or "".
func (ix *Index) CountCeilingsByScan() (scope string, batch, scan int) {
	got := ix.countCeilings()
	for i := range ix.cells {
		c := &ix.cells[i]
		if c.key.m != source.Releases {
			continue
		}
		if n, _ := ix.verifiedCount(c.key.s); n != got[i] {
			return c.key.s.String(), got[i], n
		}
	}
	return "", 0, 0
}

// TestFloorsChunked checks that solving the cells' floors in several
// chunks, one goroutine each, gives the floors and claims of one pass.
func TestFloorsChunked(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 4_000
	}
	for _, open := range []float64{0, 0.1} {
		ev, err := NestedEvidence(n, open, 5)
		require.NoError(t, err)
		ix, err := NewIndex(ev, DefaultPolicy())
		require.NoError(t, err)
		ix.solveCellsIn(1)
		type floor struct {
			w    int
			from []int32
		}
		want := make([]floor, len(ix.cells))
		named := 0
		for i := range ix.cells {
			want[i] = floor{ix.cells[i].floor, ix.cells[i].floorFrom}
			if len(want[i].from) > 0 {
				named++
			}
		}
		require.NotZero(t, named, "open=%g: no floor made of claims, nothing to compare", open)
		for _, parts := range []int{2, 3, 8} {
			ix.solveCellsIn(parts)
			for i := range ix.cells {
				c := &ix.cells[i]
				require.Equal(t, want[i].w, c.floor, "open=%g parts=%d: floor of %s", open, parts, c.key.s)
				require.Equal(t, want[i].from, c.floorFrom, "open=%g parts=%d: claims of the floor of %s", open, parts, c.key.s)
			}
		}
	}
}
