package reconcile

// The derived floor, cap and nested cells as they were computed before the
// batch algorithms of floor.go replaced them (one scope at a time,
// re-gathering every part): kept as the reference that the tests of
// floor_test.go hold the fast versions to, figure for figure.

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// items returns the lower bounds known strictly inside k's scope: the cells
// that count (with credible claims, or a scope in which someone was verified
// released) and the floors the stock-and-flow identity implies. A cell made
// only by claims that count nowhere (superseded, relayed, retracted,
// unresolved or ignored) is not a part: such claims change no figure.
func (ix *Index) refItems(k cellKey) []item {
	s := k.s
	var items []item
	for _, n := range ix.columnsBelow(k.m, s.Population(), s.Region()) {
		col := &ix.cols[n]
		for _, ci := range periodsWithin(col.cells, s.Period(), func(i int32) release.Period { return ix.cells[i].key.s.Period() }) {
			c := &ix.cells[ci]
			if c.key != k && c.lowDirect > 0 && (len(c.direct) > 0 || c.verifiedScope) {
				items = append(items, item{scope: c.key.s, w: c.lowDirect, cell: ci})
			}
		}
		for _, d := range col.derived {
			if s.Contains(d.scope) {
				items = append(items, d)
			}
		}
	}
	return items
}

// floor returns the derived floor of k: the larger of its verified count
// and the sum over the heaviest family of disjoint parts found, with the
// claims, in claim order, whose figures make it up. Both are monotone in
// the scope: a part's floor never exceeds its whole's.
func (ix *Index) refFloor(k cellKey, verified int) (int, []int32) {
	items := ix.refItems(k)
	total, chosen := ix.refBestFamily(k.s, items)
	if verified >= total {
		return verified, nil
	}
	var from []int32
	for _, i := range chosen {
		if it := &items[i]; it.cell >= 0 {
			from = append(from, ix.cells[it.cell].lowFrom...)
		} else {
			from = append(from, it.from...)
		}
	}
	slices.Sort(from)
	return total, slices.Compact(from)
}

// bestFamily returns a heavy family of pairwise disjoint items (no release
// can count in two of them), its total weight, and its items in increasing
// order: a floor for the whole. Finding the heaviest such family is hard in
// general, so it takes the best of three families, each the heaviest under a
// stricter notion of overlap:
//
//   - by time: items that share a day overlap (weighted interval scheduling);
//   - by region: along the region tree below root, the subtrees of sibling
//     regions add up, and the items of one region are scheduled by time;
//   - by population: the same along the population tree, where siblings add
//     up only when a declared partition separates them.
//
// Each is exact for its notion, so none can fall when an item is added: the
// floor is monotone, which the invariants need (a part's low never exceeds
// its whole's high). Families that mix the dimensions in other ways (a
// national figure for one day and state figures for the next) are not
// searched; the floor is then valid but lower than it could be.
func (ix *Index) refBestFamily(root release.Scope, items []item) (int, []int) {
	if len(items) == 0 {
		return 0, nil
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	best, pick := refIntervalFamily(items, all)
	if w, p := refRegionFamily(root.Region(), items, all); w > best {
		best, pick = w, p
	}
	if len(ix.policy.Partitions) > 0 {
		if w, p := ix.refPopulationFamily(root.Population(), items, all); w > best {
			best, pick = w, p
		}
	}
	slices.Sort(pick)
	return min(best, source.MaxCount), pick
}

// regionFamily returns the heaviest family of items within region r under
// the region-then-time notion of overlap.
func refRegionFamily(r release.Region, items []item, idx []int) (int, []int) {
	var here []int
	below := map[release.Region][]int{}
	for _, i := range idx {
		reg := items[i].scope.Region()
		if reg == r {
			here = append(here, i)
			continue
		}
		c := reg
		for p, ok := c.Parent(); ok && p != r; p, ok = c.Parent() {
			c = p
		}
		below[c] = append(below[c], i)
	}
	w, pick := refIntervalFamily(items, here)
	sum, all := 0, []int(nil)
	for _, c := range slices.SortedFunc(maps.Keys(below), release.Region.Compare) {
		cw, cp := refRegionFamily(c, items, below[c])
		sum += cw
		all = append(all, cp...)
	}
	if sum > w {
		return sum, all
	}
	return w, pick
}

// populationFamily returns the heaviest family of items within population p
// under the population-then-time notion of overlap: the items of p itself
// scheduled by time, or the family of one sub-population, or, for each
// partition of p the policy declares, the families of its parts added up.
func (ix *Index) refPopulationFamily(p release.Population, items []item, idx []int) (int, []int) {
	var here []int
	below := map[release.Population][]int{}
	for _, i := range idx {
		pop := items[i].scope.Population()
		if pop == p {
			here = append(here, i)
			continue
		}
		c := pop
		for q, ok := c.Parent(); ok && q != p; q, ok = c.Parent() {
			c = q
		}
		below[c] = append(below[c], i)
	}
	best, pick := refIntervalFamily(items, here)
	for _, c := range slices.SortedFunc(maps.Keys(below), release.Population.Compare) {
		if w, cp := ix.refPopulationFamily(c, items, below[c]); w > best {
			best, pick = w, cp
		}
	}
	for _, pt := range ix.policy.Partitions {
		if pt.Parent() != p {
			continue
		}
		sum, all := 0, []int(nil)
		for _, q := range pt.Parts() {
			var in []int
			for _, i := range idx {
				if q.Contains(items[i].scope.Population()) {
					in = append(in, i)
				}
			}
			w, qp := ix.refPopulationFamily(q, items, in)
			sum += w
			all = append(all, qp...)
		}
		if sum > best {
			best, pick = sum, all
		}
	}
	return best, pick
}

// intervalFamily solves weighted interval scheduling on the items' periods,
// treating items that share a day as overlapping: exact when only time can
// separate them, and always a valid family.
func refIntervalFamily(items []item, g []int) (int, []int) {
	idx := slices.Clone(g)
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(endNum(items[a].scope.Period()), endNum(items[b].scope.Period())); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	n := len(idx)
	best := make([]int, n+1) // best[k]: using the first k by end
	take := make([]bool, n+1)
	prev := make([]int, n+1)
	for k := 1; k <= n; k++ {
		it := items[idx[k-1]]
		start := startNum(it.scope.Period())
		// The last item ending before this one starts.
		p := sort.Search(k-1, func(j int) bool { return endNum(items[idx[j]].scope.Period()) >= start })
		prev[k] = p
		with := best[p] + it.w
		if with > best[k-1] {
			best[k], take[k] = with, true
		} else {
			best[k] = best[k-1]
		}
	}
	var pick []int
	for k := n; k > 0; {
		if take[k] {
			pick = append(pick, idx[k-1])
			k = prev[k]
		} else {
			k--
		}
	}
	slices.Sort(pick)
	return best[n], pick
}

// cap returns the least upper bound that credible claims about scopes
// containing c's give, and the claims of the scope that gives it.
func (ix *Index) refCap(c *cell) (span, []int32) {
	best, from := span{0, unbounded}, []int32(nil)
	s := c.key.s
	consider := func(ci int32) {
		u := &ix.cells[ci]
		if u == c || len(u.direct) == 0 || u.first > c.first || u.last < c.last || !u.key.s.Contains(s) {
			return
		}
		if u.hiBound < best.hi {
			best.hi, from = u.hiBound, u.direct
		}
	}
	for _, n := range ix.columnsOver(c.key.m, s.Population(), s.Region()) {
		col := refColumn(ix, n)
		// A bounded period that contains c's starts at most col.span − 1
		// days before c's last day; open periods are listed apart.
		for _, ci := range col.open {
			consider(ci)
		}
		if c.last == math.MaxInt || c.first == math.MinInt {
			continue // only an open period can contain an open one
		}
		from0 := c.last - col.span + 1
		lo, _ := slices.BinarySearchFunc(col.cells, from0, func(ci int32, d int) int { return cmp.Compare(ix.cells[ci].first, d) })
		for _, ci := range col.cells[lo:] {
			u := &ix.cells[ci]
			if u.first > c.first {
				break
			}
			if u.last != math.MaxInt && u.first != math.MinInt {
				consider(ci)
			}
		}
	}
	return best, from
}

// nestedCells returns the other cells of k's measure whose scope contains
// k's or lies within it, in cell order.
func (ix *Index) refNestedCells(k cellKey) []int32 {
	s := k.s
	var out []int32
	for _, n := range ix.columnsBelow(k.m, s.Population(), s.Region()) {
		for _, ci := range periodsWithin(ix.cols[n].cells, s.Period(), func(i int32) release.Period { return ix.cells[i].key.s.Period() }) {
			if ix.cells[ci].key != k {
				out = append(out, ci)
			}
		}
	}
	for _, n := range ix.columnsOver(k.m, s.Population(), s.Region()) {
		for _, ci := range ix.cols[n].cells {
			if u := ix.cells[ci].key; u != k && u.s.Contains(s) {
				out = append(out, ci)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// CheckAgainstReference compares the index's floors, caps and nested cells
// with the reference computations, for every cell and for every measure
// over each of the scopes given, and returns the first difference.
func (ix *Index) CheckAgainstReference(scopes []release.Scope) error {
	seen := make([]bool, ix.nPeople)
	for i := range ix.cells {
		c := &ix.cells[i]
		// The verified floor counted for all cells at once is the one
		// counted scope by scope.
		if c.key.m == source.Releases {
			if want := ix.verified(c.key.s, seen); c.verified != want {
				return fmt.Errorf("verified of %s: %d, reference %d", c.key.s, c.verified, want)
			}
		}
		if err := ix.checkCell(c); err != nil {
			return err
		}
	}
	for _, s := range scopes {
		for _, m := range []source.Measure{source.Releases, source.Held, source.Detentions} {
			if m.IsStock() {
				s = s.WithPeriod(release.Day(s.Period().Last()))
			}
			k := cellKey{m, s}
			if c, ok := ix.cell(m, s); ok {
				if err := ix.checkCell(c); err != nil {
					return err
				}
				continue
			}
			c := cell{key: k, col: -1, first: startNum(s.Period()), last: endNum(s.Period())}
			if m == source.Releases {
				c.verified = ix.verified(s, make([]bool, ix.nPeople))
			}
			c.lowDirect = c.verified
			c.floor, c.floorFrom = ix.floor(k, c.verified)
			if err := ix.checkCell(&c); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ix *Index) checkCell(c *cell) error {
	w, from := ix.refFloor(c.key, c.verified)
	if w != c.floor || !slices.Equal(from, c.floorFrom) {
		return fmt.Errorf("floor of %s %s: %d from %v, reference %d from %v", c.key.m, c.key.s, c.floor, c.floorFrom, w, from)
	}
	got, gotFrom := ix.cap(c)
	want, wantFrom := ix.refCap(c)
	if got != want || !slices.Equal(gotFrom, wantFrom) {
		return fmt.Errorf("cap of %s %s: %v from %v, reference %v from %v", c.key.m, c.key.s, got, gotFrom, want, wantFrom)
	}
	if got, want := ix.nestedCells(c.key), ix.refNestedCells(c.key); !slices.Equal(got, want) {
		return fmt.Errorf("nested cells of %s %s: %v, reference %v", c.key.m, c.key.s, got, want)
	}
	if got, want := ix.overlappingCells(c.key), ix.refOverlappingCells(c.key); !slices.Equal(got, want) {
		return fmt.Errorf("overlapping cells of %s %s: %v, reference %v", c.key.m, c.key.s, got, want)
	}
	return nil
}

// refOverlappingCells is overlappingCells by the definition: every cell of
// a column whose population and region are equal to k's or nested with
// them the same way, whose period shares a day with k's, and whose scope
// neither contains k's nor lies within it.
func (ix *Index) refOverlappingCells(k cellKey) []int32 {
	s := k.s
	var out []int32
	for n := range ix.cols {
		ck := ix.cols[n].key
		below := s.Population().Contains(ck.pop) && s.Region().Contains(ck.reg)
		above := ck.pop.Contains(s.Population()) && ck.reg.Contains(s.Region())
		if ck.m != k.m || !below && !above {
			continue
		}
		for _, ci := range ix.cols[n].cells {
			u := ix.cells[ci].key.s
			if u.Period().Overlaps(s.Period()) && !u.Contains(s) && !s.Contains(u) {
				out = append(out, ci)
			}
		}
	}
	slices.Sort(out)
	return out
}

// refColumnInfo is what the reference cap kept of a column: its cells, the
// longest bounded period among them, and those open at either end.
type refColumnInfo struct {
	cells []int32
	span  int
	open  []int32
}

func refColumn(ix *Index, n int32) *refColumnInfo {
	col := &refColumnInfo{cells: ix.cols[n].cells}
	for _, i := range col.cells {
		c := &ix.cells[i]
		if c.first == math.MinInt || c.last == math.MaxInt {
			col.open = append(col.open, i)
		} else {
			col.span = max(col.span, c.last-c.first+1)
		}
	}
	return col
}
