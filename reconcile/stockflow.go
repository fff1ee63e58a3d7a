package reconcile

import (
	"cmp"
	"math"
	"slices"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// NetChange is how one source's count of people held moved between two
// consecutive days on which it gave one (DESIGN step 4: a stock is not a
// flow). The number held moves with releases, new arrests, cases reported
// late and cases reclassified, so a net change is reported as it is and
// never, unless the source's register is declared closed
// ([Policy.ClosedRegisters]), turned into a floor for releases.
//
// When the same source also counted the releases over exactly the days
// between (the day after From to To), Added is what its two stock figures
// and its release count imply was added to the register meanwhile — by new
// arrests, or by cases reported late: released − (held on From − held on
// To). No claim is flagged as wrong for it.
type NetChange struct {
	// Source is whose register it is.
	Source source.SourceID
	// Population and Region are what the register counts.
	Population release.Population
	Region     release.Region
	// From and To are the two days; FromClaims and ToClaims the source's
	// claims in force on each, by ID.
	From, To              release.Date
	FromClaims, ToClaims  []source.ClaimID
	ChangeLow, ChangeHigh int // held on To − held on From, from the stated figures: the least and the most
	// ChangeLowOpen and ChangeHighOpen report a side of the change that no
	// statement bounds: "more than 1,700" held on To after 1,958 on From
	// is a change of −257 or more (ChangeHighOpen); ChangeLow or
	// ChangeHigh is then only the stated figures' difference.
	ChangeLowOpen, ChangeHighOpen bool
	HasReleases                   bool
	ReleasedLow, ReleasedHigh     int // the source's stated release count over (From, To]
	ReleasedClaims                []source.ClaimID
	AddedLow, AddedHigh           int // released + change, when HasReleases
}

// stockDay is one source's word on the number held on one day: the claims
// in force (several when their order is unknown) and the range of their
// stated figures and bounds.
type stockDay struct {
	col       int32
	src       int32
	day       release.Date
	claims    []int32
	lo, hi    int // stated figures: the lowest and the highest
	low, high int // bounds: the lowest lower and the highest upper bound
}

// deriveStockFlow reads every source's stock figures in order of day, per
// population and region. Consecutive figures of one source give a net
// change ([Index.NetChanges]); for a source whose register the policy
// declares closed they also bound the flows between them — held at the end
// = held at the start + detained − released, so over (d₁, d₂]
//
//	released ≥ held(d₁) − held(d₂)   and   detained ≥ held(d₂) − held(d₁),
//
// each side read conservatively (the lowest figure of one day against the
// highest bound of the other). Stocks of different sources are never
// differenced. It runs in O(n log n).
func (ix *Index) deriveStockFlow() {
	closed := map[int32]bool{}
	for _, id := range ix.policy.ClosedRegisters {
		if s := findSource(ix.ev.sources, id); s != nil {
			closed[ix.sourceIndex(id)] = true
		}
	}
	var days []stockDay
	for n := range ix.cols {
		col := &ix.cols[n]
		if col.key.m != source.Held {
			continue
		}
		for _, ci := range col.cells {
			c := &ix.cells[ci]
			first := len(days)
			for _, i := range c.direct {
				r := &ix.recs[i]
				k := slices.IndexFunc(days[first:], func(d stockDay) bool { return d.src == r.src })
				if k < 0 {
					days = append(days, stockDay{col: int32(n), src: r.src, day: c.key.s.Period().Last(),
						lo: math.MaxInt, low: math.MaxInt})
					k = len(days) - 1 - first
				}
				d := &days[first+k]
				d.claims = append(d.claims, i)
				d.lo, d.hi = min(d.lo, r.lo), max(d.hi, r.hi)
				d.low, d.high = min(d.low, r.iv.lo), max(d.high, r.iv.hi)
			}
		}
	}
	slices.SortStableFunc(days, func(a, b stockDay) int {
		if c := cmp.Compare(a.col, b.col); c != 0 {
			return c
		}
		if c := cmp.Compare(a.src, b.src); c != 0 {
			return c
		}
		return a.day.Compare(b.day)
	})
	for k := 1; k < len(days); k++ {
		a, b := &days[k-1], &days[k]
		if a.col != b.col || a.src != b.src {
			continue
		}
		first, ok := a.day.AddDays(1)
		if !ok {
			continue
		}
		key := ix.cols[a.col].key
		per := release.MustPeriod(first, b.day)
		scope := release.MustScope(key.pop, key.reg, per)
		ix.netChange(a, b, scope)
		if closed[a.src] {
			from := slices.Concat(a.claims, b.claims)
			slices.Sort(from)
			ix.addDerived(source.Releases, scope, a.low-b.high, from)
			ix.addDerived(source.Detentions, scope, b.low-a.high, from)
		}
	}
	for n := range ix.cols {
		slices.SortStableFunc(ix.cols[n].derived, func(a, b item) int { return a.scope.Period().Compare(b.scope.Period()) })
	}
}

// netChange records the net change between a source's stock figures a and
// b, and what its own release count over scope (the days between) implies.
func (ix *Index) netChange(a, b *stockDay, scope release.Scope) {
	nc := NetChange{
		Source: ix.ev.sources[a.src].ID, Population: scope.Population(), Region: scope.Region(),
		From: a.day, To: b.day, FromClaims: ix.claimIDs(a.claims), ToClaims: ix.claimIDs(b.claims),
		ChangeLow: b.lo - a.hi, ChangeHigh: b.hi - a.lo,
		ChangeLowOpen: a.high == unbounded, ChangeHighOpen: b.high == unbounded,
	}
	if c, ok := ix.cell(source.Releases, scope); ok {
		var rel []int32
		lo, hi := math.MaxInt, -1
		for _, i := range c.direct {
			if r := &ix.recs[i]; r.src == a.src {
				rel = append(rel, i)
				lo, hi = min(lo, r.lo), max(hi, r.hi)
			}
		}
		if len(rel) > 0 {
			nc.HasReleases, nc.ReleasedLow, nc.ReleasedHigh, nc.ReleasedClaims = true, lo, hi, ix.claimIDs(rel)
			nc.AddedLow, nc.AddedHigh = lo+nc.ChangeLow, hi+nc.ChangeHigh
		}
	}
	ix.nets = append(ix.nets, nc)
}

// NetChanges returns every net change between consecutive stock figures of
// one source, by population, region, source and day.
func (ix *Index) NetChanges() []NetChange {
	out := slices.Clone(ix.nets)
	for i := range out {
		out[i].FromClaims = slices.Clone(out[i].FromClaims)
		out[i].ToClaims = slices.Clone(out[i].ToClaims)
		out[i].ReleasedClaims = slices.Clone(out[i].ReleasedClaims)
	}
	return out
}

// lowOf returns the lowest stated figure of a cell's credible claims: the
// figure read conservatively from below. A statement without a figure
// ("some were freed") states none, but proves its least count (1) when
// nothing else is said. It is valid once the cell's direct claims are known
// (deriveStockFlow runs before deriveFloors).
func (ix *Index) lowOf(c *cell) int {
	lo, least := math.MaxInt, math.MaxInt
	for _, i := range c.direct {
		r := &ix.recs[i]
		if r.q.HasFigure() {
			lo = min(lo, r.lo)
		} else {
			least = min(least, r.iv.lo)
		}
	}
	if lo == math.MaxInt {
		return least
	}
	return lo
}

func (ix *Index) highBoundOf(c *cell) int {
	hi := 0
	for _, i := range c.direct {
		hi = max(hi, ix.recs[i].iv.hi)
	}
	return hi
}

// addDerived records a derived floor w for measure m over s, if positive.
// A flow column that has no claims of its own is created for it.
func (ix *Index) addDerived(m source.Measure, s release.Scope, w int, from []int32) {
	if w <= 0 || w > source.MaxCount {
		return
	}
	k := colKey{m, s.Population(), s.Region()}
	n, ok := ix.colOf[k]
	if !ok {
		n = int32(len(ix.cols))
		ix.colOf[k] = n
		ix.cols = append(ix.cols, column{key: k})
		ix.cols[n].up = ix.columnsAbove(k)
		for _, u := range ix.cols[n].up {
			ix.cols[u].down = append(ix.cols[u].down, n)
			slices.Sort(ix.cols[u].down)
		}
		// Columns below the new one were linked before it existed.
		for d := range ix.cols {
			if int32(d) != n && ix.cols[d].key.m == m && k.pop.Contains(ix.cols[d].key.pop) && k.reg.Contains(ix.cols[d].key.reg) {
				ix.cols[n].down = append(ix.cols[n].down, int32(d))
				ix.cols[d].up = append(ix.cols[d].up, n)
				slices.Sort(ix.cols[d].up)
			}
		}
		slices.Sort(ix.cols[n].down)
	}
	ix.cols[n].derived = append(ix.cols[n].derived, item{scope: s, w: w, cell: -1, from: from})
}
