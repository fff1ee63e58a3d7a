package reconcile

import (
	"cmp"
	"slices"

	"github.com/freedcount/freedcount/source"
)

// dated is an item beneath a column of cells (an identity or a verified
// count) as a sweep over the column reads it: its first and last days, as
// [startNum] and [endNum] write them in an int32 (see day32), and a value.
type dated struct {
	f, l int32
	v    int
}

// sweepReleaseColumns drives a sweep over every column of cells about
// releases that has items beneath it (down, by population and region; item
// reads one). For each column it calls start with the number m of distinct
// first days among its items; then, taking the cells in order of their
// last day L, it calls add for every item with l ≤ L not yet added (pos is
// the rank of the item's first day among the m) and answer for the cell
// (lower is the rank of the cell's first day F: the items with f ≥ F are
// those of rank lower or more). Each column costs O(n log n), n its items
// and cells.
func (ix *Index) sweepReleaseColumns(down map[popReg][][]int32, item func(i int32) dated,
	start func(m int), add func(pos int, e dated), answer func(ci int32, lower int)) {
	// The lists are reused from column to column, sized once for the
	// column with the most items beneath it.
	most := 0
	for n := range ix.cols {
		col := &ix.cols[n]
		if col.key.m != source.Releases {
			continue
		}
		k := 0
		for _, list := range down[popReg{col.key.pop, col.key.reg}] {
			k += len(list)
		}
		most = max(most, k)
	}
	var (
		entries = make([]dated, 0, most)
		fs      = make([]int32, 0, most)
		order   []int32
	)
	for n := range ix.cols {
		col := &ix.cols[n]
		if col.key.m != source.Releases {
			continue
		}
		lists := down[popReg{col.key.pop, col.key.reg}]
		if len(lists) == 0 {
			continue
		}
		entries, fs = entries[:0], fs[:0]
		for _, list := range lists {
			for _, i := range list {
				e := item(i)
				entries = append(entries, e)
				fs = append(fs, e.f)
			}
		}
		slices.SortFunc(entries, func(a, b dated) int { return cmp.Compare(a.l, b.l) })
		slices.Sort(fs)
		fs = slices.Compact(fs)
		start(len(fs))
		order = append(order[:0], col.cells...)
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ix.cells[a].last, ix.cells[b].last) })
		k := 0
		for _, ci := range order {
			c := &ix.cells[ci]
			for ; k < len(entries) && entries[k].l <= day32(c.last); k++ {
				pos, _ := slices.BinarySearch(fs, entries[k].f)
				add(pos, entries[k])
			}
			lower, _ := slices.BinarySearch(fs, day32(c.first))
			answer(ci, lower)
		}
	}
}

// identityCounts returns, for every cell about releases (by cell index;
// zero for the others), the number of distinct people verified as released
// within its scope: what [Index.identities] counts for one scope, counted
// for all cells at once in O(n log n) per column of cells, n the identities
// beneath the column's population and region.
//
// An identity with period [f, l] lies within a cell's period [F, L] when
// F ≤ f and l ≤ L (open ends at the extremes, as [startNum] and [endNum]
// write them). The cells of a column are answered in order of L: the
// identities with l ≤ L are added as L grows, each person kept only at
// the latest first day f among their identities added so far, in a
// Fenwick tree over f; a person is within [F, L] exactly when that latest
// f is at least F, so the cell's count is the tree's sum over f ≥ F.
func (ix *Index) identityCounts() []int {
	out := make([]int, len(ix.cells))
	if len(ix.ids) == 0 {
		return out
	}
	var tree []int32
	at := make([]int32, ix.nPeople) // per person, 1 + their position in tree, or 0
	var touched []int32
	added := 0
	ix.sweepReleaseColumns(ix.idDown,
		func(i int32) dated {
			p := ix.ids[i].scope.Period()
			return dated{day32(startNum(p)), day32(endNum(p)), int(ix.ids[i].who)}
		},
		func(m int) {
			tree = slices.Grow(tree[:0], m+1)[:m+1]
			clear(tree)
			for _, who := range touched {
				at[who] = 0
			}
			touched, added = touched[:0], 0
		},
		func(pos int, e dated) {
			pos++ // the tree counts from 1
			old := at[e.v]
			if int(old) >= pos {
				return
			}
			if old == 0 {
				touched = append(touched, int32(e.v))
				added++
			} else {
				for j := int(old); j < len(tree); j += j & -j {
					tree[j]--
				}
			}
			for j := pos; j < len(tree); j += j & -j {
				tree[j]++
			}
			at[e.v] = int32(pos)
		},
		func(ci int32, lower int) {
			// People whose latest first day is before F: the prefix of
			// the tree below F's position.
			before := 0
			for j := lower; j > 0; j -= j & -j {
				before += int(tree[j])
			}
			out[ci] = added - before
		})
	return out
}

// countCeilings returns, for every cell about releases (by cell index;
// zero for the others), the largest verified count within its scope: the
// number [Index.verifiedCount] gives, for all cells at once in O(n log n)
// per column of cells, n the counts beneath the column's population and
// region. As in identityCounts, the cells of a column are answered in
// order of their last day L, the counts that end by L added as L grows to
// a Fenwick tree of maxima over first days, latest first, so that the
// counts starting on or after the cell's first day are a prefix.
func (ix *Index) countCeilings() []int {
	out := make([]int, len(ix.cells))
	if len(ix.counts) == 0 {
		return out
	}
	var tree []int
	ix.sweepReleaseColumns(ix.countDown,
		func(i int32) dated {
			p := ix.scopes[ix.counts[i].sid].Period()
			return dated{day32(startNum(p)), day32(endNum(p)), ix.counts[i].n}
		},
		func(m int) {
			tree = slices.Grow(tree[:0], m+1)[:m+1]
			clear(tree) // every count is positive: 0 is none
		},
		func(pos int, e dated) {
			m := len(tree) - 1
			for j := m - pos; j <= m; j += j & -j {
				tree[j] = max(tree[j], e.v)
			}
		},
		func(ci int32, lower int) {
			// Counts that start on or after F: positions from F's on,
			// the prefix up to m − that position.
			m := len(tree) - 1
			best := 0
			for j := m - lower; j > 0; j -= j & -j {
				best = max(best, tree[j])
			}
			out[ci] = best
		})
	return out
}
