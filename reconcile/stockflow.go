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
	days := ix.stockDays()
	slices.SortStableFunc(days, func(a, b stockDay) int {
		if c := cmp.Compare(a.col, b.col); c != 0 {
			return c
		}
		if c := cmp.Compare(a.src, b.src); c != 0 {
			return c
		}
		return a.day.Compare(b.day)
	})
	pairs := 0
	for k := 1; k < len(days); k++ {
		if days[k-1].col == days[k].col && days[k-1].src == days[k].src {
			pairs++
		}
	}
	ix.nets = make([]NetChange, 0, pairs)
	var flows []derivedFlow
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
			flows = append(flows,
				derivedFlow{source.Releases, scope, a.low - b.high, from},
				derivedFlow{source.Detentions, scope, b.low - a.high, from})
		}
	}
	ix.addDerived(flows)
	for n := range ix.cols {
		slices.SortStableFunc(ix.cols[n].derived, func(a, b item) int { return a.scope.Period().Compare(b.scope.Period()) })
	}
}

// stockDays returns each source's word on each day of every stock column:
// one stockDay per cell and source, its claims carved from one allocation.
// A cell's claims are sorted by source, so that finding a source's day
// costs no search: the work is O(n log n) however many sources speak on
// one day.
func (ix *Index) stockDays() []stockDay {
	total := 0
	for n := range ix.cols {
		if ix.cols[n].key.m == source.Held {
			for _, ci := range ix.cols[n].cells {
				total += len(ix.cells[ci].direct)
			}
		}
	}
	held := make([]int32, 0, total) // the direct claims of every stock cell, cell by cell, by source
	nDays := 0
	for n := range ix.cols {
		if ix.cols[n].key.m != source.Held {
			continue
		}
		for _, ci := range ix.cols[n].cells {
			at := len(held)
			held = append(held, ix.cells[ci].direct...)
			run := held[at:]
			slices.SortFunc(run, func(i, j int32) int {
				if c := cmp.Compare(ix.recs[i].src, ix.recs[j].src); c != 0 {
					return c
				}
				return cmp.Compare(i, j)
			})
			for k := range run {
				if k == 0 || ix.recs[run[k]].src != ix.recs[run[k-1]].src {
					nDays++
				}
			}
		}
	}
	days := make([]stockDay, 0, nDays)
	at := 0
	for n := range ix.cols {
		if ix.cols[n].key.m != source.Held {
			continue
		}
		for _, ci := range ix.cols[n].cells {
			c := &ix.cells[ci]
			run := held[at : at+len(c.direct)]
			at += len(c.direct)
			for k, i := range run {
				r := &ix.recs[i]
				if k == 0 || r.src != ix.recs[run[k-1]].src {
					days = append(days, stockDay{col: int32(n), src: r.src, day: c.key.s.Period().Last(),
						claims: run[k:k:len(run)], lo: math.MaxInt, low: math.MaxInt})
				}
				d := &days[len(days)-1]
				d.claims = d.claims[:len(d.claims)+1]
				d.lo, d.hi = min(d.lo, int(r.lo)), max(d.hi, int(r.hi))
				d.low, d.high = min(d.low, r.iv.lo), max(d.high, r.iv.hi)
			}
		}
	}
	return days
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
				lo, hi = min(lo, int(r.lo)), max(hi, int(r.hi))
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
			lo = min(lo, int(r.lo))
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

// derivedFlow is a floor for a flow derived from a closed register's
// stocks, before it is filed in its column.
type derivedFlow struct {
	m     source.Measure
	scope release.Scope
	w     int
	from  []int32
}

// addDerived files the derived floors that are positive, in order. A flow
// column that has no claims of its own is created for a floor that needs
// one; the columns of its measure are then linked again all at once, so
// that creating many columns costs each one only the lookups of its
// ancestors (columnsAbove), never a pass over all columns.
func (ix *Index) addDerived(flows []derivedFlow) {
	relink := map[source.Measure]bool{}
	for _, f := range flows {
		if f.w <= 0 || f.w > source.MaxCount {
			continue
		}
		k := colKey{f.m, f.scope.Population(), f.scope.Region()}
		n, ok := ix.colOf[k]
		if !ok {
			n = int32(len(ix.cols))
			ix.colOf[k] = n
			ix.cols = append(ix.cols, column{key: k})
			relink[f.m] = true
		}
		ix.cols[n].derived = append(ix.cols[n].derived, item{scope: f.scope, w: f.w, cell: -1, from: f.from})
	}
	if len(relink) == 0 {
		return
	}
	for n := range ix.cols {
		if relink[ix.cols[n].key.m] {
			ix.cols[n].up, ix.cols[n].down = nil, nil
		}
	}
	for n := range ix.cols {
		if relink[ix.cols[n].key.m] {
			ix.cols[n].up = ix.columnsAbove(ix.cols[n].key)
			for _, u := range ix.cols[n].up {
				ix.cols[u].down = append(ix.cols[u].down, int32(n))
			}
		}
	}
}
