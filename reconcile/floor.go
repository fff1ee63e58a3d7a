package reconcile

import (
	"math"

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
// credible figure and its derived floor. No floor depends on another (a
// part counts by its lowest credible figure), so the first two are set for
// every cell before the floors are solved together (see parts.go).
func (ix *Index) deriveFloors() {
	ids, counts := ix.identityCounts(), ix.countCeilings()
	lows := 0
	for i := range ix.cells {
		c := &ix.cells[i]
		if c.key.m == source.Releases {
			c.verified = max(counts[i], ids[i])
		}
		c.lowDirect = c.verified
		if len(c.direct) > 0 {
			lo := ix.lowOf(c)
			c.lowDirect = max(c.verified, lo)
			c.hiBound = ix.highBoundOf(c)
			if lo >= c.verified {
				// Counted here, listed below from one allocation.
				for _, i := range c.direct {
					if int(ix.recs[i].lo) == lo {
						lows++
					}
				}
			}
		}
	}
	all := make([]int32, 0, lows)
	for i := range ix.cells {
		c := &ix.cells[i]
		if len(c.direct) == 0 || c.lowDirect != ix.lowOf(c) {
			continue
		}
		start := len(all)
		for _, i := range c.direct {
			if int(ix.recs[i].lo) == c.lowDirect {
				all = append(all, i)
			}
		}
		c.lowFrom = all[start:len(all):len(all)]
	}
	ix.buildParts()
	ix.solveCells()
	ix.solveCaps()
}

// floor returns the derived floor of k: the larger of its verified count
// and the sum over the heaviest family of disjoint parts found, with the
// claims, in claim order, whose figures make it up. Both are monotone in
// the scope: a part's floor never exceeds its whole's.
//
// The parts are the lower bounds known strictly inside k's scope: the cells
// that count (with credible claims, or a scope in which someone was
// verified released), each by its lowest credible figure, and the floors
// the stock-and-flow identity implies. A cell made only by claims that
// count nowhere (superseded, relayed, retracted, unresolved or ignored) is
// not a part: such claims change no figure.
//
// The family is the best of three, each the heaviest under a stricter
// notion of overlap (finding the heaviest family of disjoint parts is hard
// in general):
//
//   - by time: parts that share a day overlap (weighted interval
//     scheduling);
//   - by region: along the region tree below k's, the subtrees of sibling
//     regions add up, and the parts of one region are scheduled by time;
//   - by population: the same along the population tree, where siblings add
//     up only when a declared partition separates them.
//
// Each is exact for its notion, so none can fall when a part is added: the
// floor is monotone, which the invariants need (a part's low never exceeds
// its whole's high). Ties go to the time family, then region, then
// population; within a family to the parts of lower rank (see part).
// Families that mix the dimensions in other ways (a national figure for one
// day and state figures for the next) are not searched; the floor is then
// valid but lower than it could be.
//
// For a cell of the index it returns what deriveFloors stored (verified
// is then the cell's own); any other scope is solved on its own, in time
// O(p log p) in the parts p beneath it.
func (ix *Index) floor(k cellKey, verified int) (int, []int32) {
	if id, ok := ix.cellIndex(k); ok {
		return ix.cells[id].floor, ix.cells[id].floorFrom
	}
	return ix.floorOf(k, verified)
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
