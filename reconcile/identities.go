package reconcile

import (
	"cmp"
	"slices"

	"github.com/freedcount/freedcount/source"
)

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
	type entry struct {
		f, l int
		who  int32
	}
	var (
		entries []entry
		fs      []int
		tree    []int32
		order   []int32
	)
	at := make([]int32, ix.nPeople) // per person, 1 + their position in tree, or 0
	var touched []int32
	for n := range ix.cols {
		col := &ix.cols[n]
		if col.key.m != source.Releases {
			continue
		}
		lists := ix.idDown[popReg{col.key.pop, col.key.reg}]
		if len(lists) == 0 {
			continue
		}
		entries, fs = entries[:0], fs[:0]
		for _, list := range lists {
			for _, i := range list {
				p := ix.ids[i].scope.Period()
				e := entry{startNum(p), endNum(p), ix.ids[i].who}
				entries = append(entries, e)
				fs = append(fs, e.f)
			}
		}
		slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.l, b.l) })
		slices.Sort(fs)
		fs = slices.Compact(fs)
		tree = slices.Grow(tree[:0], len(fs)+1)[:len(fs)+1]
		clear(tree)
		order = append(order[:0], col.cells...)
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ix.cells[a].last, ix.cells[b].last) })
		added, k := 0, 0
		for _, ci := range order {
			c := &ix.cells[ci]
			for ; k < len(entries) && entries[k].l <= c.last; k++ {
				e := entries[k]
				pos, _ := slices.BinarySearch(fs, e.f)
				pos++ // the tree counts from 1
				old := at[e.who]
				if int(old) >= pos {
					continue
				}
				if old == 0 {
					touched = append(touched, e.who)
					added++
				} else {
					for j := int(old); j < len(tree); j += j & -j {
						tree[j]--
					}
				}
				for j := pos; j < len(tree); j += j & -j {
					tree[j]++
				}
				at[e.who] = int32(pos)
			}
			// People whose latest first day is before F: the prefix of
			// the tree below F's position.
			below, _ := slices.BinarySearch(fs, c.first)
			before := 0
			for j := below; j > 0; j -= j & -j {
				before += int(tree[j])
			}
			out[ci] = added - before
		}
		for _, who := range touched {
			at[who] = 0
		}
		touched = touched[:0]
	}
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
	type entry struct{ f, l, n int }
	var (
		entries []entry
		fs      []int
		tree    []int
		order   []int32
	)
	for n := range ix.cols {
		col := &ix.cols[n]
		if col.key.m != source.Releases {
			continue
		}
		lists := ix.countDown[popReg{col.key.pop, col.key.reg}]
		if len(lists) == 0 {
			continue
		}
		entries, fs = entries[:0], fs[:0]
		for _, list := range lists {
			for _, i := range list {
				p := ix.scopes[ix.counts[i].sid].Period()
				e := entry{startNum(p), endNum(p), ix.counts[i].n}
				entries = append(entries, e)
				fs = append(fs, e.f)
			}
		}
		slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.l, b.l) })
		slices.Sort(fs)
		fs = slices.Compact(fs)
		m := len(fs)
		tree = slices.Grow(tree[:0], m+1)[:m+1]
		clear(tree) // every count is positive: 0 is none
		order = append(order[:0], col.cells...)
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ix.cells[a].last, ix.cells[b].last) })
		k := 0
		for _, ci := range order {
			c := &ix.cells[ci]
			for ; k < len(entries) && entries[k].l <= c.last; k++ {
				pos, _ := slices.BinarySearch(fs, entries[k].f)
				for j := m - pos; j <= m; j += j & -j {
					tree[j] = max(tree[j], entries[k].n)
				}
			}
			// Counts that start on or after F: positions from F's on,
			// the prefix up to m − that position.
			lower, _ := slices.BinarySearch(fs, c.first)
			best := 0
			for j := m - lower; j > 0; j -= j & -j {
				best = max(best, tree[j])
			}
			out[ci] = best
		}
	}
	return out
}
