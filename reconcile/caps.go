package reconcile

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Caps and nesting: a cell u contains a cell c of a column below u's when
// u.first ≤ c.first and u.last ≥ c.last — a dominance query in two
// dimensions. Each column keeps its cells by period, so those that start by
// c.first are a prefix; a tree of the maximum last day over that order
// reports the ones that also end at or after c.last in O(log n) each
// (containing), and an offline sweep by first day with a Fenwick tree of
// minima over last days gives every cell its tightest cap in O(log n)
// (solveCaps), however long or open the periods: no scan of a column.

// cellCap is the tightest cap of a cell: the highest bound hi of the cell
// of a containing scope that sets it (cell −1 and hi unbounded when none).
type cellCap struct {
	hi   int
	cell int32
}

// capRank orders the candidates for one cell's cap as the scan that
// defines it meets them: by bound, then column (in increasing order), then
// the column's cells open at either end before the bounded ones, each by
// period. The least wins.
type capRank struct {
	hi     int
	col    int32
	within uint32 // bounded<<31 | position in the column
}

func (a capRank) less(b capRank) bool {
	if a.hi != b.hi {
		return a.hi < b.hi
	}
	if a.col != b.col {
		return a.col < b.col
	}
	return a.within < b.within
}

func (ix *Index) withinRank(u *cell, pos int) uint32 {
	bounded := uint32(0)
	if u.first != math.MinInt && u.last != math.MaxInt {
		bounded = 1
	}
	return bounded<<31 | uint32(pos)
}

const posMask = 1<<31 - 1

// capCandidate reports whether u can cap another cell: it has credible
// claims, all bounded above.
func capCandidate(u *cell) bool { return len(u.direct) > 0 && u.hiBound != unbounded }

// buildContains builds every column's tree of last days.
func (ix *Index) buildContains() {
	for n := range ix.cols {
		col := &ix.cols[n]
		if len(col.cells) == 0 {
			col.contains = nil
			continue
		}
		size := 1
		for size < len(col.cells) {
			size *= 2
		}
		t := make([]int, 2*size)
		for i := range t {
			t[i] = math.MinInt
		}
		for i, ci := range col.cells {
			t[size+i] = ix.cells[ci].last
		}
		for i := size - 1; i > 0; i-- {
			t[i] = max(t[2*i], t[2*i+1])
		}
		col.contains = t
	}
}

// containing calls yield with the position in column n of every cell whose
// period contains [first, last], in increasing order of position.
func (ix *Index) containing(n int32, first, last int, yield func(pos int)) {
	col := &ix.cols[n]
	if col.contains == nil {
		return
	}
	r := sort.Search(len(col.cells), func(i int) bool { return ix.cells[col.cells[i]].first > first })
	size := len(col.contains) / 2
	var walk func(node, lo, hi int)
	walk = func(node, lo, hi int) {
		if lo >= r || col.contains[node] < last {
			return
		}
		if node >= size {
			yield(lo)
			return
		}
		mid := (lo + hi) / 2
		walk(2*node, lo, mid)
		walk(2*node+1, mid, hi)
	}
	walk(1, 0, size)
}

// solveCaps sets the cap of every cell: for each column u in increasing
// order, a sweep over the cells of the columns below it (its own among
// them) by first day, inserting u's candidates into a Fenwick tree of
// minima indexed by last day, latest first, so that a query for the cells
// that end at or after a day is a prefix.
func (ix *Index) solveCaps() {
	ix.buildContains()
	best := make([]capRank, len(ix.cells))
	ix.caps = make([]cellCap, len(ix.cells))
	for i := range best {
		best[i] = capRank{hi: unbounded}
	}
	type event struct {
		first, last int32 // as day32 writes them
		own         bool
		cell        int32
		pos         int32 // in u's column, for its own cells
	}
	// The events of a column are the cells of the columns below it: the
	// list is reused, sized once for the most that any column with a
	// candidate sweeps (never more than the cells).
	most := 0
	for un := range ix.cols {
		col := &ix.cols[un]
		if !slices.ContainsFunc(col.cells, func(ci int32) bool { return capCandidate(&ix.cells[ci]) }) {
			continue
		}
		k := 0
		for _, dn := range col.down {
			k += len(ix.cols[dn].cells)
		}
		most = max(most, k)
	}
	events := make([]event, 0, most)
	var lasts []int32 // as day32 writes them
	var fen []int64
	for un := range ix.cols {
		col := &ix.cols[un]
		lasts = lasts[:0]
		for _, ci := range col.cells {
			if u := &ix.cells[ci]; capCandidate(u) {
				lasts = append(lasts, day32(u.last))
			}
		}
		if len(lasts) == 0 {
			continue
		}
		slices.Sort(lasts)
		lasts = slices.Compact(lasts)
		events = events[:0]
		for _, dn := range col.down {
			for pos, ci := range ix.cols[dn].cells {
				c := &ix.cells[ci]
				events = append(events, event{day32(c.first), day32(c.last), int(dn) == un, ci, int32(pos)})
			}
		}
		// By first day; on one day, the column's own cells latest last day
		// first (each queries before it is inserted, so it never caps
		// itself, and sees only the cells of its first day that end later),
		// then the cells of the columns below (which see all of that day).
		slices.SortFunc(events, func(a, b event) int {
			if c := cmp.Compare(a.first, b.first); c != 0 {
				return c
			}
			if a.own != b.own {
				if a.own {
					return -1
				}
				return 1
			}
			if a.own {
				return cmp.Compare(b.last, a.last)
			}
			return 0
		})
		m := len(lasts)
		fen = fen[:0]
		for range m + 1 {
			fen = append(fen, math.MaxInt64)
		}
		// Index of last day l: m − (position of l in lasts), so that the
		// latest is 1 and "last ≥ l" is a prefix.
		for _, e := range events {
			j, _ := slices.BinarySearch(lasts, e.last) // first last ≥ e.last
			if j < m {
				v := int64(math.MaxInt64)
				for i := m - j; i > 0; i -= i & -i {
					v = min(v, fen[i])
				}
				if v != math.MaxInt64 {
					r := capRank{int(v >> 32), int32(un), uint32(v)}
					if r.less(best[e.cell]) {
						best[e.cell] = r
					}
				}
			}
			if e.own {
				u := &ix.cells[e.cell]
				if capCandidate(u) {
					key := int64(u.hiBound)<<32 | int64(ix.withinRank(u, int(e.pos)))
					for i := m - j; i <= m; i += i & -i { // j: e.last's place, found above
						fen[i] = min(fen[i], key)
					}
				}
			}
		}
	}
	for i, r := range best {
		ix.caps[i] = cellCap{hi: unbounded, cell: -1}
		if r.hi != unbounded {
			ix.caps[i] = cellCap{hi: r.hi, cell: ix.cols[r.col].cells[r.within&posMask]}
		}
	}
}
