package reconcile

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// item is a lower bound known for a scope inside the one being read: a cell
// with credible claims (its lowest credible figure, never below its verified
// floor), or a floor that the stock-and-flow identity implies.
type item struct {
	scope release.Scope
	w     int
	cell  int32   // the cell, or -1 for a derived floor
	from  []int32 // for a derived floor, the claims it derives from
}

// deriveFloors computes, for every cell, its verified floor, its lowest
// credible figure and its derived floor, parts before wholes so that each
// whole can take the floor of each part.
func (ix *Index) deriveFloors() {
	seen := make([]bool, ix.nPeople)
	type key struct {
		days, first, last, depth int
		n                        int32
	}
	order := make([]key, len(ix.cells))
	for i := range ix.cells {
		c := &ix.cells[i]
		days := math.MaxInt
		if c.first != math.MinInt && c.last != math.MaxInt {
			days = c.last - c.first + 1
		}
		order[i] = key{days, c.first, c.last, depth(c.key.s), int32(i)}
	}
	// A scope comes after every scope it strictly contains: by length of
	// period (open last), then latest first day, then earliest last day,
	// then deepest population and region.
	slices.SortFunc(order, func(a, b key) int {
		if c := cmp.Compare(a.days, b.days); c != 0 {
			return c
		}
		if c := cmp.Compare(b.first, a.first); c != 0 {
			return c
		}
		if c := cmp.Compare(a.last, b.last); c != 0 {
			return c
		}
		if c := cmp.Compare(b.depth, a.depth); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	for _, k := range order {
		c := &ix.cells[k.n]
		if c.key.m == source.Releases {
			c.verified = ix.verified(c.key.s, seen)
		}
		c.lowDirect = c.verified
		if len(c.direct) > 0 {
			lo := ix.lowOf(c)
			c.lowDirect = max(c.verified, lo)
			c.hiBound = ix.highBoundOf(c)
			if lo >= c.verified {
				for _, i := range c.direct {
					if ix.recs[i].lo == lo {
						c.lowFrom = append(c.lowFrom, i)
					}
				}
			}
		}
		c.floor, c.floorFrom = ix.floor(c.key, c.verified)
	}
}

func depth(s release.Scope) int {
	n := 0
	for p, ok := s.Population(), true; ok; p, ok = p.Parent() {
		n++
	}
	for r, ok := s.Region(), true; ok; r, ok = r.Parent() {
		n++
	}
	return n
}

// items returns the lower bounds known strictly inside k's scope: the cells
// that count (with credible claims, or a scope in which someone was verified
// released) and the floors the stock-and-flow identity implies. A cell made
// only by claims that count nowhere (superseded, relayed, retracted,
// unresolved or ignored) is not a part: such claims change no figure.
func (ix *Index) items(k cellKey) []item {
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
func (ix *Index) floor(k cellKey, verified int) (int, []int32) {
	items := ix.items(k)
	total, chosen := ix.bestFamily(k.s, items)
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
func (ix *Index) bestFamily(root release.Scope, items []item) (int, []int) {
	if len(items) == 0 {
		return 0, nil
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	best, pick := intervalFamily(items, all)
	if w, p := regionFamily(root.Region(), items, all); w > best {
		best, pick = w, p
	}
	if len(ix.policy.Partitions) > 0 {
		if w, p := ix.populationFamily(root.Population(), items, all); w > best {
			best, pick = w, p
		}
	}
	slices.Sort(pick)
	return min(best, source.MaxCount), pick
}

// regionFamily returns the heaviest family of items within region r under
// the region-then-time notion of overlap.
func regionFamily(r release.Region, items []item, idx []int) (int, []int) {
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
	w, pick := intervalFamily(items, here)
	sum, all := 0, []int(nil)
	for _, c := range slices.SortedFunc(maps.Keys(below), release.Region.Compare) {
		cw, cp := regionFamily(c, items, below[c])
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
func (ix *Index) populationFamily(p release.Population, items []item, idx []int) (int, []int) {
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
	best, pick := intervalFamily(items, here)
	for _, c := range slices.SortedFunc(maps.Keys(below), release.Population.Compare) {
		if w, cp := ix.populationFamily(c, items, below[c]); w > best {
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
			w, qp := ix.populationFamily(q, items, in)
			sum += w
			all = append(all, qp...)
		}
		if sum > best {
			best, pick = sum, all
		}
	}
	return best, pick
}

// startNum and endNum map a period's ends to integers for interval
// arithmetic; open ends map to the extremes.
func startNum(p release.Period) int {
	if f := p.First(); f.IsValid() {
		return f.DaysSince(epoch)
	}
	return math.MinInt
}

func endNum(p release.Period) int {
	if l := p.Last(); l.IsValid() {
		return l.DaysSince(epoch)
	}
	return math.MaxInt
}

var epoch = release.MustDate(1, 1, 1)

// intervalFamily solves weighted interval scheduling on the items' periods,
// treating items that share a day as overlapping: exact when only time can
// separate them, and always a valid family.
func intervalFamily(items []item, g []int) (int, []int) {
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
