package reconcile

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// Figure is what the evidence supports for one measure over one scope: a
// verified floor, a low, a best and a high value, the consensus of the
// mutually consistent claims, and the claims behind each number.
//
// Verified ≤ Floor ≤ Low ≤ Best ≤ High always hold, as UCDP publishes a
// "lowest" and a "highest reliable estimate", with honesty about open
// bounds added:
//
//   - Low is the largest of Verified, Floor and the lowest figure credibly
//     stated for the scope: a stale or disputed statement never pulls it
//     below what is already proven.
//   - High is the highest figure credibly stated by a statement closed
//     above (exactly, about, nearly, at most, fewer than, between). A
//     statement open above ("at least 104", "more than 2,000", a
//     preliminary count that may rise, "some") states no upper figure:
//     where it is the highest word, High is the tightest cap the evidence
//     gives (the consensus or a scope that contains this one) or, with
//     none, the highest lower figure with HighOpen set — print it as "104
//     or more", never as an upper bound.
//   - Best follows the policy's [BestRule]: under WeightedMedian and
//     Conservative it lies in the consensus interval (as far as [Low,
//     High] allows); Range, Majority and Hierarchy apply their own rule
//     within [Low, High], and may leave the consensus. BestOpen reports a
//     Best that only open-ended statements give: print it with their
//     qualifier ("more than 2,000").
//
// With no credible claim for the scope, Low and Best are the derived
// floor, High is the cap of a containing scope or, with none, the floor
// with HighOpen set, and Claims is empty.
//
// A Figure holds decimals and slices: compare Figures with [Figure.Equal],
// not ==.
type Figure struct {
	// Measure and Scope say what the figure counts.
	Measure source.Measure
	Scope   release.Scope

	// Verified is the number of distinct people verified as released
	// within the scope: a floor no claim can override. Zero for measures
	// other than releases.
	Verified int
	// Low, Best and High are the figure.
	Low, Best, High int
	// HighOpen reports that no statement or containing scope bounds the
	// figure above: High is then the highest figure stated as a lower bound
	// (or proven), a value the truth may exceed — "104 or more".
	HighOpen bool
	// BestOpen reports that Best comes only from statements open above
	// ("more than 2,000"): it is their lower figure, to be printed with
	// their qualifier.
	BestOpen bool
	// Consensus is the interval the heaviest mutually consistent set of
	// claims implies, intersected with the verified floor and, where they
	// agree with it, with the bounds derived from other scopes. It may be
	// unbounded above.
	Consensus source.Interval
	// Floor is the lower bound derived for the scope: its verified floor,
	// or more, the lowest credible figures of disjoint parts added up
	// (parts disjoint in time, in region, or by a declared population
	// partition; floors implied by stock figures count as parts). It does
	// not depend on the claims about the scope itself, and never falls as
	// the scope grows.
	Floor int
	// Cap is the upper bound derived from claims about scopes that contain
	// this one (a count of detainees caps the political prisoners among
	// them); unbounded when none does.
	Cap source.Interval
	// Unverified is the consensus minus the verified floor: how many of the
	// people the evidence implies were released are not yet identified.
	Unverified source.Interval
	// Confidence is the share, in [0, 1], of the independent weight of the
	// credible claims that the consensus holds, to four decimal places. Zero
	// with no claims.
	Confidence decimal.Decimal
	// Tension is set when the bounds derived from other scopes disagree
	// with the consensus of the claims about this scope (a part larger than
	// its whole); the consensus is then left as the claims imply it.
	Tension bool

	// Claims are the live, credible claims about the scope, by ID.
	Claims []source.ClaimID
	// Support are the claims of the consensus, by ID.
	Support []source.ClaimID
	// LowFrom, BestFrom and HighFrom are the claims each number comes from;
	// empty when it comes from the verified or derived floor alone.
	LowFrom, BestFrom, HighFrom []source.ClaimID
	// FloorFrom are the claims about parts of the scope whose figures make
	// up Floor; CapFrom the claims about the containing scope that set Cap.
	FloorFrom, CapFrom []source.ClaimID
	// Disputed are the credible claims outside the consensus, each with
	// what it contradicts, by claim ID.
	Disputed []Dispute
	// Superseded, Relayed, Retracted and Unresolved are the claims about
	// the scope that step 1 of the fold set aside; Ignored are live claims
	// whose weight is below the policy's minimum. Each by ID.
	Superseded, Relayed, Retracted, Unresolved, Ignored []source.ClaimID
	// Pledged are the claims that announce figures for the scope still to
	// come ([source.Pledged]): listed beside the figure, never counted in
	// it. By ID.
	Pledged []source.ClaimID
}

// Dispute is a claim outside the consensus and what it contradicts.
type Dispute struct {
	// Claim is the disputed claim.
	Claim source.ClaimID
	// Contradicts is the heaviest consensus claim whose interval it does not
	// meet (ties by ID), or the zero ClaimID when it falls below the
	// verified floor.
	Contradicts source.ClaimID
	// BelowVerified reports that the claim's interval lies wholly below the
	// number of people verified as released.
	BelowVerified bool
}

// Equal reports whether f and g are the same figure, comparing Confidence
// by value and nil and empty lists alike.
func (f Figure) Equal(g Figure) bool {
	return f.Measure == g.Measure && f.Scope == g.Scope && f.Verified == g.Verified &&
		f.Low == g.Low && f.Best == g.Best && f.High == g.High && f.HighOpen == g.HighOpen &&
		f.BestOpen == g.BestOpen && f.Consensus == g.Consensus &&
		f.Floor == g.Floor && f.Cap == g.Cap && f.Unverified == g.Unverified &&
		f.Confidence.Equal(g.Confidence) && f.Tension == g.Tension &&
		slices.Equal(f.Claims, g.Claims) && slices.Equal(f.Support, g.Support) &&
		slices.Equal(f.LowFrom, g.LowFrom) && slices.Equal(f.BestFrom, g.BestFrom) &&
		slices.Equal(f.HighFrom, g.HighFrom) && slices.Equal(f.FloorFrom, g.FloorFrom) &&
		slices.Equal(f.CapFrom, g.CapFrom) && slices.Equal(f.Disputed, g.Disputed) &&
		slices.Equal(f.Superseded, g.Superseded) && slices.Equal(f.Relayed, g.Relayed) &&
		slices.Equal(f.Retracted, g.Retracted) && slices.Equal(f.Unresolved, g.Unresolved) &&
		slices.Equal(f.Pledged, g.Pledged) &&
		slices.Equal(f.Ignored, g.Ignored)
}

// SameNumbers reports whether f and g agree on every number (Verified, Low,
// Best, High and whether it is open, Consensus, Floor, Cap, Unverified,
// Confidence), whatever the claims behind them.
func (f Figure) SameNumbers(g Figure) bool {
	return f.Verified == g.Verified && f.Low == g.Low && f.Best == g.Best && f.High == g.High &&
		f.HighOpen == g.HighOpen && f.BestOpen == g.BestOpen &&
		f.Consensus == g.Consensus && f.Floor == g.Floor && f.Cap == g.Cap &&
		f.Unverified == g.Unverified && f.Confidence.Equal(g.Confidence)
}

// String returns a one-line summary: "releases of SCOPE: low L, best B,
// high H (consensus C, verified V)", with an open High or Best written "N
// or more". (A printer that wants the sources' own words, "more than
// 2,000", takes them from the quantities of BestFrom.)
func (f Figure) String() string {
	best, high := fmt.Sprint(f.Best), fmt.Sprint(f.High)
	if f.BestOpen {
		best += " or more"
	}
	if f.HighOpen {
		high += " or more"
	}
	return fmt.Sprintf("%s of %s: low %d, best %s, high %s (consensus %s, verified %d)",
		f.Measure, f.Scope, f.Low, best, high, f.Consensus, f.Verified)
}

// Figure returns the figure for measure m over scope s. The scope need not
// be one that any claim is about: a figure can be read for any scope, from
// the claims about it and the bounds that flow from other scopes. An open
// end of s's period is taken as given; for the stock measure only its last
// day counts. It fails only if m or s is invalid.
func (ix *Index) Figure(m source.Measure, s release.Scope) (Figure, error) {
	if !m.IsValid() {
		return Figure{}, fieldErr("Measure", m.String(), ErrInvalid, "unknown measure")
	}
	if !s.IsValid() {
		return Figure{}, fieldErr("Scope", s.String(), ErrInvalid, "missing population or region")
	}
	if m.IsStock() {
		s = s.WithPeriod(release.Day(s.Period().Last()))
	}
	if c, ok := ix.cell(m, s); ok {
		return ix.figure(c, nil), nil
	}
	k := cellKey{m, s}
	c := cell{key: k, col: -1, first: startNum(s.Period()), last: endNum(s.Period())}
	if m == source.Releases {
		c.verified = ix.verified(s, make([]bool, ix.nPeople))
	}
	c.lowDirect = c.verified
	c.floor, c.floorFrom = ix.floor(k, c.verified)
	return ix.figure(&c, nil), nil
}

// Figures returns the figure of every measure and scope that some claim is
// about, in order of measure and scope.
//
// The cells are independent once the index is built: with more than one
// processor (runtime.GOMAXPROCS), a large index is read in contiguous
// chunks of cells, one goroutine each, every figure written to its own
// slot, so the result is the same as read in one pass.
func (ix *Index) Figures() []Figure {
	return ix.figures(workers(len(ix.recs)))
}

// figures is Figures read in (at most) parts chunks.
func (ix *Index) figures(parts int) []Figure {
	with := make([]int32, 0, len(ix.cells))
	claims := 0
	for i := range ix.cells {
		if n := len(ix.cells[i].claims); n > 0 {
			with = append(with, int32(i))
			claims += n
		}
	}
	out := make([]Figure, len(with))
	read := func(lo, hi int) {
		var slab idSlab
		var sc figScratch
		for k := lo; k < hi; k++ {
			ix.figureWith(with[k], &ix.cells[with[k]], &slab, &sc, &out[k])
		}
	}
	parallel(splitWork(parts, len(with), claims, func(k int) int { return len(ix.cells[with[k]].claims) }), read)
	return out
}

// minChunk is the least work (in claims) worth a goroutine of its own.
const minChunk = 20_000

// workers returns how many goroutines work of the given size (in claims)
// keeps busy: one per processor (runtime.GOMAXPROCS), each with at least
// minChunk claims.
func workers(work int) int {
	return max(1, min(runtime.GOMAXPROCS(0), work/minChunk))
}

// splitWork cuts n items of total work into at most parts contiguous
// chunks of about equal work: the bounds of the chunks, from 0 to n.
// work(k) is item k's work.
func splitWork(parts, n, total int, work func(k int) int) []int {
	if parts <= 1 || n < 2 {
		return []int{0, n}
	}
	bounds := make([]int, 0, parts+1)
	bounds = append(bounds, 0)
	acc := 0
	for k := range n {
		acc += work(k)
		if len(bounds) < parts && acc*parts >= total*len(bounds) {
			bounds = append(bounds, k+1)
		}
	}
	if bounds[len(bounds)-1] != n {
		bounds = append(bounds, n)
	}
	return bounds
}

// parallel calls do for every chunk [bounds[i], bounds[i+1]), each but the
// last in a goroutine of its own, and returns when all are done.
func parallel(bounds []int, do func(lo, hi int)) {
	var wg sync.WaitGroup
	for i := 0; i+2 < len(bounds); i++ {
		wg.Go(func() { do(bounds[i], bounds[i+1]) })
	}
	do(bounds[len(bounds)-2], bounds[len(bounds)-1])
	wg.Wait()
}

// idSlab hands out the claim-ID lists of many figures from a few large
// allocations; the nil slab allocates each list on its own.
type idSlab struct {
	free     []source.ClaimID
	disputes []Dispute
}

// takeDisputes returns an empty list with room for n disputes, capped at
// n, as take does for IDs.
func (s *idSlab) takeDisputes(n int) []Dispute {
	if s == nil {
		return make([]Dispute, 0, n)
	}
	if len(s.disputes) < n {
		s.disputes = make([]Dispute, max(n, slabSize/4))
	}
	out := s.disputes[:0:n]
	s.disputes = s.disputes[n:]
	return out
}

// figScratch holds the working lists of figure, reused from one cell to
// the next by a reader of many figures; the zero value is ready, and a nil
// one is made afresh for a single figure. Each list serves one step: a list
// that a step returns is not touched again before the figure is done.
type figScratch struct {
	above, below   []int32 // consensus: claims above and below the verified floor
	byGroup        []int32 // voicesOf
	voices         []voice
	events         []sweepEvent
	support        []int32 // consensus's result, alive to the figure's end
	byLo, byHi     []int32 // contradictions
	sufMax, preMax []int32
	figS, figD     []int32 // withFigure of support and of the direct claims
	pts            []medianPoint
	at, bound      []int32 // claimsAt and clampInto results
	votes          []vote
}

// slabSize is the number of IDs a slab allocates at a time.
const slabSize = 1024

// take returns an empty list with room for n IDs, capped at n so that
// appending past it never runs into the next list.
func (s *idSlab) take(n int) []source.ClaimID {
	if s == nil {
		return make([]source.ClaimID, 0, n)
	}
	if len(s.free) < n {
		s.free = make([]source.ClaimID, max(n, slabSize))
	}
	out := s.free[:0:n]
	s.free = s.free[n:]
	return out
}

// ids is [Index.claimIDs] with the list taken from s.
func (s *idSlab) ids(ix *Index, list []int32) []source.ClaimID {
	if len(list) == 0 {
		return nil
	}
	out := s.take(len(list))
	for _, i := range list {
		out = append(out, ix.ev.claims[i].ID)
	}
	return out
}

// where returns, taken from s, the IDs of list's claims that keep holds
// for, in list's order.
func (s *idSlab) where(ix *Index, list []int32, keep func(*rec) bool) []source.ClaimID {
	n := 0
	for _, i := range list {
		if keep(&ix.recs[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := s.take(n)
	for _, i := range list {
		if keep(&ix.recs[i]) {
			out = append(out, ix.ev.claims[i].ID)
		}
	}
	return out
}

// figure computes steps 3 to 6 of the fold for one cell, its lists of
// claim IDs taken from slab.
func (ix *Index) figure(c *cell, slab *idSlab) Figure {
	var f Figure
	id, ok := ix.cellIndex(c.key)
	if !ok || &ix.cells[id] != c {
		id = -1
	}
	ix.figureWith(id, c, slab, nil, &f)
	return f
}

// figureWith is figure written to *f, with its working lists taken from
// sc (nil: its own); c is ix.cells[id], or id is -1 for a scope that is
// not a cell of the index.
func (ix *Index) figureWith(id int32, c *cell, slab *idSlab, sc *figScratch, f *Figure) {
	if sc == nil {
		sc = new(figScratch)
	}
	*f = Figure{Measure: c.key.m, Scope: c.key.s, Verified: c.verified, Floor: c.floor}
	ix.listSetAside(c, f, slab)
	f.Claims = slab.ids(ix, c.direct)
	cap, capFrom := ix.capOf(id, c)
	f.Cap = cap.interval()
	f.CapFrom = slab.ids(ix, capFrom)
	f.FloorFrom = slab.ids(ix, c.floorFrom)

	if len(c.direct) == 0 {
		f.Low, f.Best, f.High = c.floor, c.floor, c.floor
		cons := span{c.floor, cap.hi}
		if cons.empty() {
			cons, f.Tension = span{c.floor, unbounded}, true
		}
		if cons.hi == unbounded {
			// Nothing bounds it, and nothing was stated (a pledge at most):
			// what is proven, and perhaps more — never "0 released".
			f.HighOpen, f.BestOpen = true, true
		} else {
			f.High, f.HighFrom = cons.hi, f.CapFrom
		}
		f.Consensus = cons.interval()
		f.Unverified = span{cons.lo - c.verified, sub(cons.hi, c.verified)}.interval()
		f.Confidence = decimal.Zero
		return
	}

	cons, support, groupW := ix.consensus(c, f, slab, sc)
	derived := span{c.floor, cap.hi}
	if both := cons.intersect(derived); !both.empty() {
		cons = both
	} else {
		f.Tension = true
	}
	f.Consensus = cons.interval()
	f.Unverified = span{cons.lo - c.verified, sub(cons.hi, c.verified)}.interval()
	f.Support = slab.ids(ix, support)

	// Low: the lowest figure credibly stated, never below what is proven.
	lo := ix.lowOf(c)
	f.Low = max(c.verified, c.floor, lo)
	switch {
	case lo >= f.Low:
		f.LowFrom = slab.where(ix, c.direct, func(r *rec) bool { return int(r.lo) == lo })
	case c.floor >= f.Low && c.floor > c.verified:
		f.LowFrom = f.FloorFrom
	}
	ix.high(c, f, cons, cap, support, slab)

	best, bestFrom := ix.best(c, support, cons, f.Low, f.High, sc)
	f.Best = max(f.Low, min(best, f.High))
	f.BestFrom = slab.ids(ix, bestFrom)
	switch {
	case f.Best == best && len(bestFrom) > 0:
		f.BestOpen = true
		for _, i := range bestFrom {
			f.BestOpen = f.BestOpen && ix.recs[i].iv.hi == unbounded
		}
	case len(bestFrom) == 0 && f.HighOpen:
		// No figure stated at all ("some were freed"): Best is what is
		// proven, and more may be true.
		f.BestOpen = true
	}

	f.Confidence = decimal.Zero
	if total := ix.groupTotal(c.direct, sc); total > 0 {
		f.Confidence = ratio4(groupW, total)
	}
}

// high sets High, HighOpen and HighFrom (step 6): the highest figure
// credibly stated by a statement closed above; where a statement open above
// is the highest word, the tightest bound the consensus or a containing
// scope gives, or with none the highest lower figure, open.
func (ix *Index) high(c *cell, f *Figure, cons, cap span, support []int32, slab *idSlab) {
	closed, open := -1, -1
	for _, i := range c.direct {
		if r := &ix.recs[i]; r.iv.hi == unbounded {
			open = max(open, int(r.lo))
		} else {
			closed = max(closed, int(r.hi))
		}
	}
	least := max(f.Low, c.floor) // High is never below what is proven
	switch {
	case closed >= open && closed >= least:
		f.High = closed
		f.HighFrom = slab.where(ix, c.direct, func(r *rec) bool { return r.iv.hi != unbounded && int(r.hi) == closed })
		return
	case closed >= open:
		f.High = least
		if c.floor >= f.High {
			f.HighFrom = f.FloorFrom
		}
		return
	}
	// An open statement is the highest word: it states no upper figure.
	bound := min(cons.hi, cap.hi)
	switch {
	case bound != unbounded && bound >= max(least, open):
		f.High = bound
		if cap.hi == bound {
			f.HighFrom = f.CapFrom
		} else {
			f.HighFrom = slab.where(ix, support, func(r *rec) bool { return r.iv.hi == bound })
		}
	default:
		f.High, f.HighOpen = max(least, open), true
		f.HighFrom = slab.where(ix, c.direct, func(r *rec) bool { return r.iv.hi == unbounded && int(r.lo) == open })
	}
}

// ratio4 returns a/b rounded half up to four decimal places, for 0 ≤ a ≤ b,
// b > 0, exactly.
func ratio4(a, b int64) decimal.Decimal {
	if a <= math.MaxInt64/20000 && b <= math.MaxInt64/2 {
		return decimal.New((2*a*10000+b)/(2*b), -4)
	}
	return decimal.NewFromInt(a).DivRound(decimal.NewFromInt(b), 4)
}

// sub returns hi − v, keeping an unbounded hi unbounded.
func sub(hi, v int) int {
	if hi == unbounded {
		return unbounded
	}
	return hi - v
}

// listSetAside fills the lists of claims that step 1 set aside, each
// carved from one list taken from slab.
func (ix *Index) listSetAside(c *cell, f *Figure, slab *idSlab) {
	const (
		superseded = iota
		relayed
		retracted
		unresolved
		pledged
		ignored
		kept
	)
	kind := func(r *rec) int {
		switch {
		case r.state == Superseded:
			return superseded
		case r.state == Relayed:
			return relayed
		case r.state == Retracted:
			return retracted
		case r.state == Unresolved:
			return unresolved
		case r.state == Pledged:
			return pledged
		case !r.credible:
			return ignored
		}
		return kept
	}
	var n [kept + 1]int
	for _, i := range c.claims {
		n[kind(&ix.recs[i])]++
	}
	if len(c.claims) == n[kept] {
		return
	}
	all := slab.take(len(c.claims) - n[kept])
	var lists [kept][]source.ClaimID
	for k := range lists {
		if n[k] > 0 {
			lists[k] = all[len(all) : len(all) : len(all)+n[k]]
			all = all[:len(all)+n[k]]
		}
	}
	for _, i := range c.claims {
		r := &ix.recs[i]
		if k := kind(r); k != kept {
			lists[k] = append(lists[k], ix.ev.claims[i].ID)
		}
	}
	f.Superseded, f.Relayed, f.Retracted = lists[superseded], lists[relayed], lists[retracted]
	f.Unresolved, f.Pledged, f.Ignored = lists[unresolved], lists[pledged], lists[ignored]
}

// claimIDs returns the IDs of list's claims. Every list the index keeps is
// in claim order, which is ID order, so the IDs come out sorted.
func (ix *Index) claimIDs(list []int32) []source.ClaimID {
	if len(list) == 0 {
		return nil
	}
	out := make([]source.ClaimID, len(list))
	for k, i := range list {
		out[k] = ix.ev.claims[i].ID
	}
	return out
}

// cap returns the least upper bound that credible claims about scopes
// containing c's give, and the claims of the scope that gives it: among
// the cells of the columns over c's whose period contains c's, the one of
// least highest bound, the first in column order (open periods first, then
// by period) among equals. A cell of the index has it from solveCaps; any
// other scope asks each column for the cells that contain it (see
// containing).
func (ix *Index) cap(c *cell) (span, []int32) {
	id, ok := ix.cellIndex(c.key)
	if !ok || &ix.cells[id] != c {
		id = -1
	}
	return ix.capOf(id, c)
}

// capOf is cap for c = ix.cells[id], or id −1 for a scope that is not a
// cell of the index.
func (ix *Index) capOf(id int32, c *cell) (span, []int32) {
	if id >= 0 {
		if r := ix.caps[id]; r.cell >= 0 {
			return span{0, r.hi}, ix.cells[r.cell].direct
		}
		return span{0, unbounded}, nil
	}
	best := capRank{hi: unbounded}
	s := c.key.s
	for _, n := range ix.columnsOver(c.key.m, s.Population(), s.Region()) {
		col := &ix.cols[n]
		ix.containing(n, c.first, c.last, func(pos int) {
			u := &ix.cells[col.cells[pos]]
			if u == c || !capCandidate(u) {
				return
			}
			if r := (capRank{u.hiBound, n, ix.withinRank(u, pos)}); r.less(best) {
				best = r
			}
		})
	}
	if best.hi == unbounded {
		return span{0, unbounded}, nil
	}
	return span{0, best.hi}, ix.cells[ix.cols[best.col].cells[best.within&posMask]].direct
}

// voice is one independence group's word on a cell: the intersection of
// its claims' intervals when they agree, else their hull (a source never
// disputes itself: its differences are revisions, or a revision whose order
// is unknown), and its heaviest weight.
type voice struct {
	group  int32
	iv     span
	w      int64
	claims []int32 // by claim order
}

// voicesOf returns the voices of list's claims, by group, in lists of sc
// that the next call reuses.
func (ix *Index) voicesOf(list []int32, sc *figScratch) []voice {
	byGroup := append(sc.byGroup[:0], list...)
	sc.byGroup = byGroup
	slices.SortStableFunc(byGroup, func(a, b int32) int { return cmp.Compare(ix.recs[a].group, ix.recs[b].group) })
	groups := 0
	for k := range byGroup {
		if k == 0 || ix.recs[byGroup[k]].group != ix.recs[byGroup[k-1]].group {
			groups++
		}
	}
	out := slices.Grow(sc.voices[:0], groups)
	for k := 0; k < len(byGroup); {
		r := &ix.recs[byGroup[k]]
		v := voice{group: r.group, iv: r.iv, w: r.w}
		meet := r.iv
		j := k
		for ; j < len(byGroup) && ix.recs[byGroup[j]].group == r.group; j++ {
			o := &ix.recs[byGroup[j]]
			v.iv = span{min(v.iv.lo, o.iv.lo), max(v.iv.hi, o.iv.hi)}
			meet = meet.intersect(o.iv)
			v.w = max(v.w, o.w)
		}
		if !meet.empty() {
			v.iv = meet
		}
		v.claims = byGroup[k:j:j]
		out = append(out, v)
		k = j
	}
	sc.voices = out
	return out
}

// smallList is the longest list whose group totals are found by a pairwise
// scan, without allocating; longer lists are sorted by group.
const smallList = 16

// groupTotal returns the sum over independence groups of the heaviest
// weight among list's claims in each group.
func (ix *Index) groupTotal(list []int32, sc *figScratch) int64 {
	var total int64
	if len(list) <= smallList {
		// Each claim heads its group if no earlier claim is of it; the
		// group's weight is its heaviest claim's.
		for k, i := range list {
			g, w, first := ix.recs[i].group, ix.recs[i].w, true
			for _, j := range list[:k] {
				if ix.recs[j].group == g {
					first = false
					break
				}
			}
			if !first {
				continue
			}
			for _, j := range list[k+1:] {
				if ix.recs[j].group == g {
					w = max(w, ix.recs[j].w)
				}
			}
			total += w
		}
		return total
	}
	for _, v := range ix.voicesOf(list, sc) {
		total += v.w
	}
	return total
}

// consensus finds the point of greatest independent weight among the cell's
// voices (step 5) and returns the intersection of the voices that cover it
// with the verified floor, their claims, and their independent weight. The
// claims it leaves out are recorded in f as disputed.
//
// Weight is counted per independence group, and a group speaks with one
// voice, the hull of its claims: two ministries of one government add the
// weight of the heavier, not both, and a source whose statements on one day
// cannot be ordered is read as one statement of the range they span, never
// as in conflict with itself. Among points of equal weight the sweep takes
// the smallest. Sorting the endpoints makes it O(n log n) in the cell's
// claims, however many sources speak.
func (ix *Index) consensus(c *cell, f *Figure, slab *idSlab, sc *figScratch) (span, []int32, int64) {
	below, above := sc.below[:0], sc.above[:0]
	for _, i := range c.direct {
		if ix.recs[i].iv.hi < c.verified {
			below = append(below, i)
		} else {
			above = append(above, i)
		}
	}
	sc.below, sc.above = below, above
	voices := ix.voicesOf(above, sc)
	events := sc.events[:0]
	for _, v := range voices {
		events = append(events, sweepEvent{max(v.iv.lo, c.verified), v.w})
		if v.iv.hi != unbounded {
			events = append(events, sweepEvent{v.iv.hi + 1, -v.w})
		}
	}
	sc.events = events
	slices.SortFunc(events, func(a, b sweepEvent) int { return cmp.Compare(a.pos, b.pos) })
	bestPos := -1
	var bestW, acc int64
	for k := 0; k < len(events); {
		pos := events[k].pos
		for ; k < len(events) && events[k].pos == pos; k++ {
			acc += events[k].w
		}
		if acc > 0 && (bestPos < 0 || acc > bestW) {
			bestPos, bestW = pos, acc
		}
	}
	var support []int32
	if bestPos >= 0 {
		support = sc.support[:0]
	}
	cons := span{c.verified, unbounded}
	for _, v := range voices {
		if bestPos >= 0 && v.iv.contains(bestPos) {
			support = append(support, v.claims...)
			cons = cons.intersect(v.iv)
		}
	}
	if support != nil {
		sc.support = support
	}
	slices.Sort(support)
	if bestPos < 0 {
		bestW = 0
	}
	if len(support) == len(c.direct) {
		return cons, support, bestW // every claim is in the consensus
	}
	ix.contradictions(support, sc)
	f.Disputed = slab.takeDisputes(len(c.direct) - len(support))
	for _, i := range c.direct {
		if _, in := slices.BinarySearch(support, i); in {
			continue
		}
		d := Dispute{Claim: ix.ev.claims[i].ID}
		if _, low := slices.BinarySearch(below, i); low {
			d.BelowVerified = true
		} else {
			d.Contradicts = ix.contradicts(i, sc)
		}
		f.Disputed = append(f.Disputed, d)
	}
	return cons, support, bestW
}

// sweepEvent is a change of weight at a point, for consensus's sweep.
type sweepEvent struct {
	pos int
	w   int64 // added at pos (negative: removed)
}

// contradictions prepares, in sc, the lists that contradicts answers from:
// for a claim outside the consensus, the heaviest claim of support whose
// interval does not meet its own (ties by ID), or the zero ClaimID. Every
// support claim covers one point; a claim outside lies wholly below or
// wholly above it, so the claims it misses are those starting above its
// end, or ending below its start: a suffix and a prefix of support sorted
// by those ends, answered by binary search over running maxima in O(log n)
// a claim.
func (ix *Index) contradictions(support []int32, sc *figScratch) {
	byLo := append(sc.byLo[:0], support...)
	slices.SortFunc(byLo, func(a, b int32) int { return cmp.Compare(ix.recs[a].iv.lo, ix.recs[b].iv.lo) })
	sufMax := slices.Grow(sc.sufMax[:0], len(byLo)+1)[:len(byLo)+1] // heaviest of byLo[k:]
	sufMax[len(byLo)] = -1
	for k := len(byLo) - 1; k >= 0; k-- {
		sufMax[k] = sufMax[k+1]
		if ix.heavier(byLo[k], sufMax[k]) {
			sufMax[k] = byLo[k]
		}
	}
	byHi := append(sc.byHi[:0], support...)
	slices.SortFunc(byHi, func(a, b int32) int { return cmp.Compare(ix.recs[a].iv.hi, ix.recs[b].iv.hi) })
	preMax := slices.Grow(sc.preMax[:0], len(byHi)+1)[:len(byHi)+1] // heaviest of byHi[:k]
	preMax[0] = -1
	for k, i := range byHi {
		preMax[k+1] = preMax[k]
		if ix.heavier(i, preMax[k]) {
			preMax[k+1] = i
		}
	}
	sc.byLo, sc.sufMax, sc.byHi, sc.preMax = byLo, sufMax, byHi, preMax
}

// heavier reports whether claim a is strictly heavier than claim b (b < 0:
// none), ties by ID.
func (ix *Index) heavier(a, b int32) bool {
	if b < 0 {
		return true
	}
	ra, rb := &ix.recs[a], &ix.recs[b]
	return ra.w > rb.w || ra.w == rb.w && a < b
}

// contradicts answers, from the lists contradictions left in sc, what
// claim i contradicts.
func (ix *Index) contradicts(i int32, sc *figScratch) source.ClaimID {
	r := &ix.recs[i]
	best := int32(-1)
	if r.iv.hi != unbounded {
		k, _ := slices.BinarySearchFunc(sc.byLo, r.iv.hi+1, func(j int32, v int) int { return cmp.Compare(ix.recs[j].iv.lo, v) })
		best = sc.sufMax[k]
	}
	k, _ := slices.BinarySearchFunc(sc.byHi, r.iv.lo, func(j int32, v int) int { return cmp.Compare(ix.recs[j].iv.hi, v) })
	if b := sc.preMax[k]; b >= 0 && ix.heavier(b, best) {
		best = b
	}
	if best < 0 {
		return source.ClaimID{}
	}
	return ix.ev.claims[best].ID
}

// best applies the policy's rule for Best and returns the value, before
// clamping into [low, high], and the claims it comes from.
func (ix *Index) best(c *cell, support []int32, cons span, low, high int, sc *figScratch) (int, []int32) {
	// A statement without a figure ("some were freed") never sets Best.
	support = ix.withFigure(support, &sc.figS)
	direct := ix.withFigure(c.direct, &sc.figD)
	rule := ix.policy.Best
	if rule == Hierarchy {
		// The first source of the hierarchy with a claim here: the least
		// rank among the claims' sources, found in one pass (not a pass
		// per source of the hierarchy).
		top := int32(math.MaxInt32)
		for _, i := range direct {
			top = min(top, ix.srcRank[ix.recs[i].src])
		}
		if top < math.MaxInt32 {
			var from []int32
			for _, i := range direct {
				if ix.srcRank[ix.recs[i].src] == top {
					from = append(from, i)
				}
			}
			v, _ := ix.weightedMedian(from, sc)
			return v, from
		}
		rule = WeightedMedian
	}
	switch rule {
	case Conservative:
		if len(support) == 0 {
			return cons.clamp(low), nil
		}
		v := unbounded
		for _, i := range support {
			v = min(v, int(ix.recs[i].lo))
		}
		return ix.clampInto(cons, v, support, ix.claimsAt(support, v, sc), sc)
	case Range:
		return low + (high-low)/2, nil
	case Majority:
		if len(direct) == 0 {
			return cons.clamp(low), nil
		}
		return ix.majority(direct, sc)
	}
	if len(support) == 0 {
		return cons.clamp(low), nil
	}
	v, from := ix.weightedMedian(support, sc)
	return ix.clampInto(cons, v, support, from, sc)
}

// withFigure returns the claims of list that state a figure: list itself,
// or a list kept in *buf.
func (ix *Index) withFigure(list []int32, buf *[]int32) []int32 {
	for k, i := range list {
		if !ix.recs[i].q.HasFigure() {
			out := append((*buf)[:0], list[:k]...)
			for _, j := range list[k+1:] {
				if ix.recs[j].q.HasFigure() {
					out = append(out, j)
				}
			}
			*buf = out
			return out
		}
	}
	return list
}

// clampInto clamps v into the consensus interval. When that moves it, the
// figure comes from the support claims that bound the consensus on that
// side, not from those that stated v.
func (ix *Index) clampInto(cons span, v int, support, from []int32, sc *figScratch) (int, []int32) {
	c := cons.clamp(v)
	if c == v {
		return v, from
	}
	bound := sc.bound[:0]
	for _, i := range support {
		if r := &ix.recs[i]; (c > v && r.iv.lo == c) || (c < v && r.iv.hi == c) {
			bound = append(bound, i)
		}
	}
	sc.bound = bound
	if len(bound) == 0 {
		return c, nil
	}
	return c, bound
}

// claimsAt returns the claims of list whose stated figures include v, in a
// list of sc.
func (ix *Index) claimsAt(list []int32, v int, sc *figScratch) []int32 {
	out := sc.at[:0]
	for _, i := range list {
		if r := &ix.recs[i]; int(r.lo) == v || int(r.hi) == v {
			out = append(out, i)
		}
	}
	sc.at = out
	if len(out) == 0 {
		return nil
	}
	return out
}

// weightedMedian returns the lower weighted median of the stated figures of
// list's claims, one voice per independence group, and the claims that
// state it. A claim stating a range puts half its weight on each end.
func (ix *Index) weightedMedian(list []int32, sc *figScratch) (int, []int32) {
	pts := sc.pts[:0]
	var total int64
	for _, v := range ix.voicesOf(list, sc) {
		// A group's word: the stated figures of its heaviest claims, the
		// lowest and the highest of them when several weigh the same (a
		// revision whose order is unknown is a range).
		lo, hi := unbounded, -1
		for _, i := range v.claims {
			if r := &ix.recs[i]; r.w == v.w {
				lo, hi = min(lo, int(r.lo)), max(hi, int(r.hi))
			}
		}
		if lo == hi {
			pts = append(pts, medianPoint{lo, 2 * v.w})
		} else {
			pts = append(pts, medianPoint{lo, v.w}, medianPoint{hi, v.w})
		}
		total += 2 * v.w
	}
	sc.pts = pts
	slices.SortStableFunc(pts, func(a, b medianPoint) int { return cmp.Compare(a.v, b.v) })
	v := pts[len(pts)-1].v
	var acc int64
	for _, p := range pts {
		acc += p.w
		if 2*acc >= total {
			v = p.v
			break
		}
	}
	return v, ix.claimsAt(list, v, sc)
}

// medianPoint is a stated figure and its weight, for weightedMedian.
type medianPoint struct {
	v int
	w int64 // twice the weight, so that halves stay integers
}

// vote is one independence group asserting a figure, for majority.
type vote struct {
	v int
	g int32
}

// majority returns the stated figure asserted by the most independence
// groups, the smaller on a tie, and the claims that state it.
func (ix *Index) majority(list []int32, sc *figScratch) (int, []int32) {
	votes := sc.votes[:0]
	for _, i := range list {
		r := &ix.recs[i]
		votes = append(votes, vote{int(r.lo), r.group}, vote{int(r.hi), r.group})
	}
	slices.SortFunc(votes, func(a, b vote) int {
		if c := cmp.Compare(a.v, b.v); c != 0 {
			return c
		}
		return cmp.Compare(a.g, b.g)
	})
	votes = slices.Compact(votes)
	sc.votes = votes
	best, count := 0, -1
	for k := 0; k < len(votes); {
		j := k
		for j < len(votes) && votes[j].v == votes[k].v {
			j++
		}
		if j-k > count {
			best, count = votes[k].v, j-k
		}
		k = j
	}
	return best, ix.claimsAt(list, best, sc)
}

// Describe writes f as a short multi-line text for people: the numbers,
// then the claims behind them.
func (f Figure) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", f)
	list := func(label string, ids []source.ClaimID) {
		if len(ids) == 0 {
			return
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = id.String()
		}
		fmt.Fprintf(&b, "  %s: %s\n", label, strings.Join(s, ", "))
	}
	list("support", f.Support)
	list("superseded", f.Superseded)
	list("relayed", f.Relayed)
	list("pledged", f.Pledged)
	for _, d := range f.Disputed {
		if d.BelowVerified {
			fmt.Fprintf(&b, "  disputed: %s (below the verified floor)\n", d.Claim)
		} else {
			fmt.Fprintf(&b, "  disputed: %s (contradicts %s)\n", d.Claim, d.Contradicts)
		}
	}
	return b.String()
}
