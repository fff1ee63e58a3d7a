package reconcile

import (
	"cmp"
	"errors"
	"iter"
	"maps"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/freedcount/freedcount/internal/enum"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// unbounded is the high end of a span with no upper limit. Counts never
// exceed source.MaxCount, so it cannot be confused with a count.
const unbounded = math.MaxInt

// span is an integer interval [lo, hi], hi possibly unbounded: the internal
// form of source.Interval, cheap to compare and intersect.
type span struct{ lo, hi int }

func spanOf(iv source.Interval) span {
	hi, ok := iv.Hi()
	if !ok {
		hi = unbounded
	}
	return span{iv.Lo(), hi}
}

func (s span) interval() source.Interval {
	if s.hi == unbounded {
		iv, _ := source.NewIntervalFrom(s.lo)
		return iv
	}
	iv, _ := source.NewInterval(s.lo, s.hi)
	return iv
}

func (s span) contains(n int) bool   { return s.lo <= n && n <= s.hi }
func (s span) overlaps(t span) bool  { return s.lo <= t.hi && t.lo <= s.hi }
func (s span) intersect(t span) span { return span{max(s.lo, t.lo), min(s.hi, t.hi)} }
func (s span) empty() bool           { return s.lo > s.hi }
func (s span) clamp(n int) int       { return max(s.lo, min(n, s.hi)) }

// ClaimState is what step 1 of the fold made of a claim.
type ClaimState uint8

// Values of [ClaimState]. The zero value is "unset"; every claim an
// [Index] reads has one of these.
const (
	// Live: the claim counts, if its weight makes it credible.
	Live ClaimState = 1 + iota
	// Relayed: a copy of another claim's statement (a relay or a repeat),
	// folded into it.
	Relayed
	// Superseded: replaced by a later statement of its source.
	Superseded
	// Retracted: withdrawn; it carries no figure.
	Retracted
	// Unresolved: relative to a claim that is missing or has no figure.
	Unresolved
	// Pledged: a figure announced for what is still to come
	// ([source.Pledged]). It is listed beside the figure of its scope and
	// never counted: it supersedes nothing, nothing supersedes it, and
	// copies of it are not folded.
	Pledged
)

var claimStateNames = enum.Names{"", "live", "relayed", "superseded", "retracted", "unresolved", "pledged"}

// String returns the state's name, or "ClaimState(N)".
func (s ClaimState) String() string { return enum.String(claimStateNames, "ClaimState", s) }

// Reading is how the index read one claim.
type Reading struct {
	// Claim is the claim's ID.
	Claim source.ClaimID
	// State is what step 1 made of it.
	State ClaimState
	// By is the claim it was relayed into or superseded by; zero otherwise.
	By source.ClaimID
	// Measure and Scope are what it is about, the scope resolved (an open
	// end closed at the day stated; for a stock, the last day only).
	Measure source.Measure
	Scope   release.Scope
	// Quantity is the figure as said, a relative quantity resolved; zero
	// for a retraction or an unresolved claim.
	Quantity source.Quantity
	// Interval is the counts the quantity admits under the policy; the zero
	// Interval when Quantity is zero.
	Interval source.Interval
	// Weight is source confidence × status × basis; Credible reports that a
	// live claim's weight is positive and at least the policy's minimum.
	Weight   decimal.Decimal
	Credible bool
}

// Reading returns how the index read the claim with the given ID.
func (ix *Index) Reading(id source.ClaimID) (Reading, bool) {
	i := indexClaim(ix.ev.claims, id)
	if i < 0 {
		return Reading{}, false
	}
	r := &ix.recs[i]
	out := Reading{
		Claim: id, State: r.state, Measure: r.measure, Scope: ix.scopes[r.sid], Quantity: r.q.quantity(),
		Credible: r.credible,
	}
	if r.q.IsValid() && r.state != Retracted {
		out.Interval = r.iv.interval()
		out.Weight = ix.weightOf(r)
	}
	if r.by >= 0 {
		out.By = ix.ev.claims[r.by].ID
	}
	return out, true
}

// weightScale is the number of decimal places to which claim weights are
// held: weights are decimals, rounded half-even to 12 places once, and from
// then on added and compared as exact integers (weight × 10¹²), so that no
// rounding can depend on the order of a sum.
const weightScale = 12

// rec is the index's view of one claim: 80 bytes without a pointer, what
// the figures read. The claim itself is ix.ev.claims[i], visited for what
// the record does not hold (its ID and source, what it supersedes, its
// scope while claims are read, an unresolved relative, its names, the
// fraction of a second it was stated in): records hold no pointer, so the
// collector never scans them, and reading a record never chases one.
type rec struct {
	// Fields ordered by size, so that the record packs without padding.
	// w is the weight, source confidence × status × basis (weightOf),
	// × 10¹², exact.
	w int64
	// sec and off are when the claim was stated, in Unix seconds, and
	// its zone's offset in seconds: what orders a source's statements
	// ([Index.compareMoment]). frac reports a fraction of a second, read
	// from the claim when two statements tie to the second.
	sec    int64
	iv     span  // bounds under the policy's tolerance
	lo, hi int32 // stated figures, clamped into iv
	q      qty   // resolved: a relative quantity applied to its referent
	src    int32
	group  int32 // independence group of the source
	// sid is the rank, among all scopes read (Index.scopes, in scope
	// order), of the claim's resolved scope: its open end closed, a
	// stock's period reduced to its last day.
	sid   int32
	by    int32 // the claim it was relayed into or superseded by, or -1
	off   int32
	state ClaimState
	// credible reports a live claim whose weight is positive and at least
	// the policy's minimum.
	credible bool
	// relay, status, measure, basis and dayOnly are the claim's IsRelay,
	// Status, Measure, Basis and DayOnly, at hand without a visit to the
	// claim.
	relay   bool
	status  source.Status
	measure source.Measure
	basis   source.Basis
	dayOnly bool
	frac    bool
}

// setStated records when r's claim was stated: at t, or on t's local day
// when dayOnly.
func (r *rec) setStated(t time.Time, dayOnly bool) {
	_, off := t.Zone()
	r.sec, r.off, r.frac, r.dayOnly = t.Unix(), int32(off), t.Nanosecond() != 0, dayOnly
}

// day returns the local day on which r's claim was stated, as a number
// of days since 1970-01-01 (as the claim's own calendar reads it: Unix
// seconds shifted by the zone offset, divided into days).
func (r *rec) day() int64 {
	t := r.sec + int64(r.off)
	d := t / 86400
	if t%86400 < 0 {
		d-- // floor, for days before 1970
	}
	return d
}

// qty is a [source.Quantity] in 12 bytes rather than 24: its kind and the
// figures it states (counts never exceed [source.MaxCount], an int32). Two
// qty are == exactly when their Quantities are, and [compareQuantity]
// orders them as it would the Quantities. The zero qty is the zero
// Quantity.
type qty struct {
	lo, hi int32 // Quantity.Stated
	kind   source.QuantityKind
}

func qtyOf(q source.Quantity) qty {
	lo, hi := q.Stated()
	return qty{int32(lo), int32(hi), q.Kind()}
}

// quantity returns the Quantity q holds.
func (q qty) quantity() source.Quantity {
	var out source.Quantity
	switch {
	case !q.kind.IsValid():
	case q.kind == source.Between:
		out, _ = source.NewBetween(int(q.lo), int(q.hi))
	case q.kind.IsVague():
		out, _ = source.NewVague(q.kind)
	default:
		out, _ = source.NewQuantity(q.kind, int(q.lo))
	}
	return out
}

// IsValid, Kind, HasFigure, Number and Stated are those of the Quantity.
func (q qty) IsValid() bool             { return q.kind.IsValid() }
func (q qty) Kind() source.QuantityKind { return q.kind }
func (q qty) HasFigure() bool           { return q.IsValid() && q.kind != source.Some }
func (q qty) Number() int               { return int(q.lo) }
func (q qty) Stated() (lo, hi int)      { return int(q.lo), int(q.hi) }

// cellKey is a measure over a resolved scope: what one figure is about.
type cellKey struct {
	m source.Measure
	s release.Scope
}

// colKey is a column of cells: one measure, population and region, any
// period.
type colKey struct {
	m   source.Measure
	pop release.Population
	reg release.Region
}

// cell gathers the claims about one measure and scope, and what the index
// derives for it once.
type cell struct {
	key         cellKey
	col         int32
	first, last int     // the period's ends as day numbers, open ends at the extremes
	claims      []int32 // every claim whose resolved key this is, by ID
	direct      []int32 // the live, credible ones, by ID
	// verifiedScope reports that some verification is about exactly this
	// scope.
	verifiedScope bool

	verified  int
	lowDirect int     // max(verified, lowest stated figure of direct claims)
	hiBound   int     // highest upper bound of direct claims (unbounded if any is)
	lowFrom   []int32 // the direct claims whose stated figure is lowDirect, unless verified exceeds it
	floor     int     // derived floor: verified, disjoint parts, and the floors of parts
	floorFrom []int32 // the claims whose figures make up floor, in claim order
}

// column lists the cells of one colKey in order of period, with the columns
// above and below it.
type column struct {
	key   colKey
	cells []int32 // by period (first, then last)
	up    []int32 // columns whose population and region contain this one's, itself included
	down  []int32 // columns this one contains, itself included
	// derived lists floors implied by the stock-and-flow identity in this
	// column's population and region (flows only), by period.
	derived []item
	// cellParts and derivedParts are the parts (see part) of the cells and
	// of the derived floors, each by period.
	cellParts, derivedParts []int32
	// contains is a tree of the cells' last days over cells (see
	// containing).
	contains []int
}

// popReg is a population and a region, without a period.
type popReg struct {
	pop release.Population
	reg release.Region
}

// identity is one verified person released within a scope: from a
// Verification, or named by a verified list claim.
type identity struct {
	who   int32 // dense detainee number
	scope release.Scope
}

// count is a number of people verified as released within a scope, names
// withheld: from a count-only Verification, or from a claim in force counted
// from a named list.
type count struct {
	n     int
	sid   int32 // the scope, by rank (Index.scopes)
	claim int32 // the claim it comes from, or -1 for a Verification
}

// Index is the evidence read under a policy: every claim classified (live,
// relayed, superseded, retracted, unresolved), weighed and placed in its
// scope, ready to give figures. Build one with [NewIndex]; it is immutable
// and safe for concurrent use.
type Index struct {
	policy Policy
	ev     Evidence
	srcW   []decimal.Decimal // weight of each source of ev
	srcG   []int32           // independence group of each source
	// srcRank is each source's place in Policy.Hierarchy (math.MaxInt32
	// if absent), under the Hierarchy rule only.
	srcRank []int32
	recs    []rec           // parallel to ev.claims
	scopes  []release.Scope // every scope read, in scope order
	cells   []cell          // by (measure, scope)
	cellAt  []int32         // cell of (measure, scope ID) at (measure−1)·len(scopes) + ID, or -1
	cols    []column
	colOf   map[colKey]int32
	ids     []identity
	idDown  map[popReg][][]int32 // per population and region, the lists of identities within, each by period
	nPeople int
	nets    []NetChange // by population, region, source and day
	counts  []count
	// countDown is idDown for counts: per population and region, the lists
	// of counts within, each by period.
	countDown map[popReg][][]int32
	parts     []part    // lower bounds that can add up to floors, in rank order
	partOf    []int32   // per cell, its part, or -1
	caps      []cellCap // per cell, its cap (see solveCaps)
}

// NewIndex reads e under p. It fails if p is invalid, or if a claim or
// verification of e uses a population or region outside the policy's
// [Policy.Vocabulary] (every such scope reported, with the nearest
// declared path).
func NewIndex(e Evidence, p Policy) (*Index, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := checkVocabulary(e, p.Vocabulary); err != nil {
		return nil, err
	}
	ix := &Index{policy: p.clone(), ev: e}
	ix.weighSources()
	ix.readClaims()
	ix.buildCells()
	ix.buildIdentities()
	ix.deriveStockFlow()
	ix.deriveFloors()
	return ix, nil
}

// checkVocabulary reports every claim and verification whose scope uses a
// path the vocabulary does not declare.
func checkVocabulary(e Evidence, v release.Vocabulary) error {
	if len(v.Populations()) == 0 && len(v.Regions()) == 0 {
		return nil
	}
	var errs []error
	for _, c := range e.claims {
		if c.Scope == (release.Scope{}) {
			continue // a relative claim about its referent's scope
		}
		if err := v.CheckScope(c.Scope); err != nil {
			errs = append(errs, wrapErr("Claim.Scope", c.ID.String(), err))
		}
	}
	for _, ver := range e.verified {
		if err := v.CheckScope(ver.Scope); err != nil {
			errs = append(errs, wrapErr("Verification.Scope", ver.String(), err))
		}
	}
	return errors.Join(errs...)
}

// Policy returns a copy of the policy the index reads under.
func (ix *Index) Policy() Policy { return ix.policy.clone() }

// Evidence returns the evidence the index reads.
func (ix *Index) Evidence() Evidence { return ix.ev }

func (ix *Index) weighSources() {
	groups := map[source.Group]int32{}
	ix.srcW = make([]decimal.Decimal, len(ix.ev.sources))
	ix.srcG = make([]int32, len(ix.ev.sources))
	for i, s := range ix.ev.sources {
		w, ok := ix.policy.SourceWeights[s.ID]
		if !ok {
			w = s.Confidence
		}
		ix.srcW[i] = w
		g := s.IndependenceGroup()
		n, ok := groups[g]
		if !ok {
			n = int32(len(groups))
			groups[g] = n
		}
		ix.srcG[i] = n
	}
	if ix.policy.Best == Hierarchy {
		ix.srcRank = make([]int32, len(ix.ev.sources))
		for i := range ix.srcRank {
			ix.srcRank[i] = math.MaxInt32
		}
		for k, id := range ix.policy.Hierarchy {
			if s := findSource(ix.ev.sources, id); s != nil {
				ix.srcRank[ix.sourceIndex(id)] = int32(k)
			}
		}
	}
}

func (ix *Index) sourceIndex(id source.SourceID) int32 {
	i, _ := slices.BinarySearchFunc(ix.ev.sources, id, func(s *source.Source, id source.SourceID) int { return s.ID.Compare(id) })
	return int32(i)
}

// reader holds what reading the claims needs and the index does not keep.
type reader struct {
	ix   *Index
	keys []scopeKey // parallel to ix.recs until numberScopes sorts them
	prs  interner   // the populations and regions of the keys
	// srcOf numbers the sources, as Index.sourceIndex does.
	srcOf map[source.SourceID]int32
}

// interner numbers populations and regions in order of first sight.
type interner struct {
	n        map[popReg]uint64
	distinct []popReg
	last     popReg // the last numbered, and its number
	lastN    uint64
}

func (in *interner) number(k popReg) uint64 {
	if len(in.distinct) == 0 || k != in.last {
		n, ok := in.n[k]
		if !ok {
			n = uint64(len(in.distinct))
			in.n[k] = n
			in.distinct = append(in.distinct, k)
		}
		in.last, in.lastN = k, n
	}
	return in.lastN
}

// readClaims performs steps 1 and 2 of the fold: resolve relative
// quantities and scopes, fold relays, apply supersession and retraction, and
// weigh what is left.
func (ix *Index) readClaims() {
	claims := ix.ev.claims
	ix.recs = make([]rec, len(claims))
	rd := reader{
		ix: ix, keys: make([]scopeKey, len(claims)),
		prs: interner{n: map[popReg]uint64{}}, srcOf: make(map[source.SourceID]int32, len(ix.ev.sources)),
	}
	for n, s := range ix.ev.sources {
		rd.srcOf[s.ID] = int32(n)
	}
	if mid := len(claims) / 2; runtime.GOMAXPROCS(0) < 2 || len(claims) < parallelMin {
		rd.fill(0, len(claims), &rd.prs)
	} else {
		// Two goroutines fill a half each, numbering populations and
		// regions apart; the second half's numbers are then made the
		// first's.
		other := interner{n: map[popReg]uint64{}}
		var wg sync.WaitGroup
		wg.Go(func() { rd.fill(0, mid, &rd.prs) })
		rd.fill(mid, len(claims), &other)
		wg.Wait()
		to := make([]uint64, len(other.distinct))
		for n, k := range other.distinct {
			to[n] = rd.prs.number(k)
		}
		for i := mid; i < len(claims); i++ {
			k := &rd.keys[i]
			k.hi = to[k.hi>>32]<<32 | k.hi&dayMask
		}
	}
	rd.foldStatements(rd.numberScopes(ix.resolveRelatives()))
	if mid := len(ix.recs) / 2; runtime.GOMAXPROCS(0) < 2 || len(ix.recs) < parallelMin {
		rd.weigh(0, len(ix.recs))
	} else {
		var wg sync.WaitGroup
		wg.Go(func() { rd.weigh(0, mid) })
		rd.weigh(mid, len(ix.recs))
		wg.Wait()
	}
}

// weigh performs step 2 of the fold on claims lo to hi: retractions and
// unresolved claims marked, and every other claim given its bounds under
// the policy's tolerance and its weight. It touches only their records,
// so two goroutines can weigh two ranges.
func (rd *reader) weigh(lo, hi int) {
	ix := rd.ix
	type wkey struct {
		src           int32
		status, basis uint8
	}
	type weight struct {
		wd       decimal.Decimal
		w        int64
		credible bool
	}
	weights := make(map[wkey]weight, len(ix.ev.sources)) // a source's claims are mostly of one status and basis
	// Approximate quantities repeat, and their bounds need decimal
	// arithmetic under the tolerance: they are bounded once each. Others
	// are bounded by integers alone.
	bounds := map[qty]span{}
	for i := lo; i < hi; i++ {
		r := &ix.recs[i]
		switch {
		case r.status == source.Retracted:
			r.state = Retracted
		case !r.q.IsValid() && r.state == Live:
			r.state = Unresolved
		}
		if !r.q.IsValid() || r.state == Retracted {
			continue
		}
		var iv span
		if k := r.q.Kind(); k == source.About || k == source.Nearly {
			var ok bool
			if iv, ok = bounds[r.q]; !ok {
				b, _ := r.q.quantity().BoundsTolerance(ix.policy.Tolerance)
				iv = spanOf(b)
				bounds[r.q] = iv
			}
		} else {
			iv = spanOf(r.q.quantity().Bounds()) // the tolerance bounds nothing else
		}
		r.iv = iv
		if r.status == source.Preliminary && ix.policy.PreliminaryIsFloor {
			r.iv.hi = unbounded
		}
		lo, hi := r.q.Stated()
		r.lo, r.hi = int32(r.iv.clamp(lo)), int32(r.iv.clamp(hi))
		k := wkey{r.src, uint8(r.status), uint8(r.basis)}
		w, ok := weights[k]
		if !ok {
			w.wd = ix.weightOf(r)
			w.w = w.wd.RoundBank(weightScale).Shift(weightScale).IntPart()
			w.credible = w.w > 0 && w.wd.GreaterThanOrEqual(ix.policy.MinWeight)
			weights[k] = w
		}
		r.w = w.w
		r.credible = r.state == Live && w.credible
	}
}

// weightOf returns r's weight: its source's confidence × status × basis.
func (ix *Index) weightOf(r *rec) decimal.Decimal {
	return ix.srcW[r.src].Mul(ix.policy.statusWeight(r.status)).Mul(ix.policy.basisWeight(r.basis))
}

// resolvedScope returns the scope claim c is about when it is not
// relative: its own, an open end closed at the day stated, and for a stock
// its period reduced to its last day.
func resolvedScope(c *source.Claim) release.Scope {
	s := c.Scope
	if !s.Period().Last().IsValid() {
		s = c.ResolvedScope() // its open end closed; a closed one stays
	}
	return onLastDay(c, s)
}

// onLastDay reduces s to its last day when c's measure is a stock.
func onLastDay(c *source.Claim, s release.Scope) release.Scope {
	if s.IsValid() && c.Measure.IsStock() {
		return s.WithPeriod(release.Day(s.Period().Last()))
	}
	return s
}

// resolveRelatives gives every relative claim its quantity and resolved
// scope: its ratio applied to the figure of the claim it refers to (itself
// resolved first), with the referent's scope where the claim states none
// and the referent's end closing an open end of its own period ("about
// half as many" speaks of the same days). A referent that is missing,
// retracted or unresolved leaves the claim unresolved, about its own
// scope. It returns the resolved scopes of the relative claims; every
// other claim is about its [resolvedScope].
func (ix *Index) resolveRelatives() map[int32]release.Scope {
	rel := map[int32]release.Scope{}
	busy := map[int32]bool{}
	var resolve func(i int32) release.Scope
	resolve = func(i int32) release.Scope {
		r, c := &ix.recs[i], ix.ev.claims[i]
		if c.Relative.IsZero() || c.Status == source.Retracted {
			return resolvedScope(c)
		}
		if s, ok := rel[i]; ok {
			return s
		}
		if busy[i] { // a cycle: the evidence forbids it, but never loop
			return c.ResolvedScope()
		}
		busy[i] = true
		scope := c.ResolvedScope()
		if j := indexClaim(ix.ev.claims, c.Relative.To); j >= 0 {
			ref := resolve(int32(j))
			if base := ix.recs[j].q; base.HasFigure() {
				if q, err := c.Relative.Apply(base.Number()); err == nil {
					r.q = qtyOf(q)
				}
			}
			scope = relativeScope(c, ref)
		}
		scope = onLastDay(c, scope)
		rel[i] = scope
		return scope
	}
	for i := range ix.recs {
		if c := ix.ev.claims[i]; !c.Relative.IsZero() && c.Status != source.Retracted {
			resolve(int32(i))
		}
	}
	return rel
}

// scopeKey orders a claim by its resolved scope, then measure and source:
// hi is the rank of the scope's population and region (among those read,
// in their order) above its first day; lo is its last day above the
// measure and the source. Days are numbered so that integers order as
// periods do: an open start before every day, an open end after.
type scopeKey struct {
	hi, lo uint64
	i      int32 // the claim
}

const (
	openEnd   = 1 << 22 // above every day number (9999-12-31 is 3652058)
	dayMask   = 1<<32 - 1
	scopeBits = 40 // lo >> scopeBits is the last day
)

func (k scopeKey) sameScope(o scopeKey) bool {
	return k.hi == o.hi && k.lo>>scopeBits == o.lo>>scopeBits
}

func compareScopeKeys(a, b scopeKey) int {
	if a.hi != b.hi {
		return cmp.Compare(a.hi, b.hi)
	}
	if a.lo != b.lo {
		return cmp.Compare(a.lo, b.lo)
	}
	return cmp.Compare(a.i, b.i) // claim order is ID order
}

// fill fills the records and keys of claims lo to hi, numbering
// their populations and regions with in. It touches nothing else, so two
// goroutines can fill two ranges.
func (rd *reader) fill(lo, hi int, in *interner) {
	ix := rd.ix
	for i := lo; i < hi; i++ {
		c := ix.ev.claims[i]
		r := &ix.recs[i]
		r.by, r.state = -1, Live
		r.relay, r.status, r.measure, r.basis = len(c.Via) > 0, c.Status, c.Measure, c.Basis
		r.setStated(c.Stated, c.DayOnly)
		if c.Status == source.Pledged {
			r.state = Pledged
		}
		src, ok := rd.srcOf[c.Source]
		if !ok {
			src = ix.sourceIndex(c.Source)
		}
		r.src = src
		r.group = ix.srcG[r.src]
		if c.Status != source.Retracted && c.Relative.IsZero() {
			r.q = qtyOf(c.Quantity) // a relative one is resolved later
		}
		rd.setKey(i, resolvedScope(c), in) // a relative claim's is set again once resolved
	}
}

// setKey sets the key of claim i, about scope s, numbering s's population
// and region with in (numberScopes ranks them).
func (rd *reader) setKey(i int, s release.Scope, in *interner) {
	n := in.number(popReg{s.Population(), s.Region()})
	first, end := uint64(0), uint64(openEnd)
	if d := s.Period().First(); d.IsValid() {
		first = uint64(d.DaysSince(epoch)) + 1
	}
	if d := s.Period().Last(); d.IsValid() {
		end = uint64(d.DaysSince(epoch))
	}
	r := &rd.ix.recs[i]
	rd.keys[i] = scopeKey{
		hi: n<<32 | first,
		lo: end<<scopeBits | uint64(r.measure)<<32 | uint64(uint32(r.src)),
		i:  int32(i),
	}
}

// numberScopes gives every scope read (of claims and verifications) its
// rank in scope order (Index.scopes, rec.sid), and returns the claims in
// order of scope, measure, source and ID: one sort serves both, and no
// scope is hashed. Populations and regions, few beside the scopes, are
// numbered in a map and ranked by one sort of the distinct pairs; a claim's
// scope is then an integer key.
func (rd *reader) numberScopes(rel map[int32]release.Scope) groups {
	ix := rd.ix
	scopeOf := func(i int32) release.Scope {
		if s, ok := rel[i]; ok {
			return s
		}
		return resolvedScope(ix.ev.claims[i])
	}
	for i, s := range rel {
		rd.setKey(int(i), s, &rd.prs) // the key readClaims gave it was of its own scope
	}
	keys, distinctPR := rd.keys, rd.prs.distinct
	order := make([]int32, len(distinctPR))
	for n := range order {
		order[n] = int32(n)
	}
	slices.SortFunc(order, func(a, b int32) int {
		x, y := distinctPR[a], distinctPR[b]
		return cmp.Or(x.pop.Compare(y.pop), x.reg.Compare(y.reg))
	})
	rank := make([]uint64, len(order))
	for k, n := range order {
		rank[n] = uint64(k)
	}
	for i := range keys {
		keys[i].hi = rank[keys[i].hi>>32]<<32 | keys[i].hi&dayMask
	}
	// The claims' scopes, in order (each by its first claim), and the
	// groups of statements; then the verifications' scopes merged in.
	// Both lists are sized for the claims up front, as growing them by
	// appending would allocate several times their size.
	var (
		firstOf = make([]int32, 0, len(keys))
		g       = groups{members: make([]int32, 0, len(keys))}
		start   int // where the current group starts in g.members
		prev    scopeKey
	)
	flush := func() {
		if len(g.members)-start > 1 {
			g.ends = append(g.ends, int32(len(g.members)))
		} else {
			g.members = g.members[:start]
		}
		start = len(g.members)
	}
	for k := range inScopeOrder(keys) {
		if len(firstOf) == 0 || !k.sameScope(prev) {
			firstOf = append(firstOf, k.i)
		}
		if k.hi != prev.hi || k.lo != prev.lo {
			flush()
		}
		g.members = append(g.members, k.i)
		ix.recs[k.i].sid = int32(len(firstOf) - 1)
		prev = k
	}
	flush()
	var vs []release.Scope
	for _, v := range ix.ev.verified {
		vs = append(vs, v.Scope)
	}
	slices.SortFunc(vs, release.Scope.Compare)
	vs = slices.Compact(vs)
	ix.scopes = make([]release.Scope, 0, len(firstOf)+len(vs))
	var remap []int32 // a claim scope's rank once the verifications' are in, if any moves it
	j := 0
	for n, i := range firstOf {
		s := scopeOf(i)
		for ; j < len(vs) && vs[j].Compare(s) <= 0; j++ {
			if vs[j] != s {
				if remap == nil {
					remap = make([]int32, len(firstOf))
					for m := range n {
						remap[m] = int32(m)
					}
				}
				ix.scopes = append(ix.scopes, vs[j])
			}
		}
		if remap != nil {
			remap[n] = int32(len(ix.scopes))
		}
		ix.scopes = append(ix.scopes, s)
	}
	ix.scopes = append(ix.scopes, vs[j:]...)
	if remap != nil {
		for i := range ix.recs {
			ix.recs[i].sid = remap[ix.recs[i].sid]
		}
	}
	return g
}

// groups lists one source's statements on one measure and scope, each
// group of two or more claims, end to end: group k is
// members[ends[k-1]:ends[k]]. A lone statement is left as it stands, so
// it is in no group.
type groups struct {
	members []int32
	ends    []int32
}

// parallelMin is the least number of items that is worth splitting
// between two goroutines.
const parallelMin = 1 << 14

// each calls f on every group. With two processors or more and many
// claims, two goroutines share the groups: f must touch only the records
// of the group it is given.
func (g groups) each(f func([]int32)) {
	run := func(ends []int32, start int32) {
		for _, end := range ends {
			f(g.members[start:end])
			start = end
		}
	}
	if runtime.GOMAXPROCS(0) < 2 || len(g.members) < parallelMin {
		run(g.ends, 0)
		return
	}
	// Split at the first group that ends past half the claims.
	half, _ := slices.BinarySearch(g.ends, int32(len(g.members)/2))
	start := int32(0)
	if half > 0 {
		start = g.ends[half-1]
	}
	var wg sync.WaitGroup
	wg.Go(func() { run(g.ends[:half], 0) })
	run(g.ends[half:], start)
	wg.Wait()
}

// inScopeOrder yields keys in the order of compareScopeKeys. With two
// processors or more and many keys, it sorts the two halves at once and
// merges them as it yields them: the keys are distinct, so the order is
// the same.
func inScopeOrder(keys []scopeKey) iter.Seq[scopeKey] {
	if runtime.GOMAXPROCS(0) < 2 || len(keys) < parallelMin {
		slices.SortFunc(keys, compareScopeKeys)
		return slices.Values(keys)
	}
	a, b := keys[:len(keys)/2], keys[len(keys)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(a, compareScopeKeys) })
	slices.SortFunc(b, compareScopeKeys)
	wg.Wait()
	return func(yield func(scopeKey) bool) {
		for len(a) > 0 && len(b) > 0 {
			var k scopeKey
			if compareScopeKeys(a[0], b[0]) < 0 {
				k, a = a[0], a[1:]
			} else {
				k, b = b[0], b[1:]
			}
			if !yield(k) {
				return
			}
		}
		for _, rest := range [2][]scopeKey{a, b} {
			for _, k := range rest {
				if !yield(k) {
					return
				}
			}
		}
	}
}

// scopeNumber returns the rank of s among the scopes read, if it is one.
func (ix *Index) scopeNumber(s release.Scope) (int32, bool) {
	n, ok := slices.BinarySearchFunc(ix.scopes, s, release.Scope.Compare)
	return int32(n), ok
}

// relativeScope returns the scope of relative claim c whose referent is
// about ref: ref itself when c states no scope, else c's own scope with an
// open end closed where ref's period ends (or, failing that, at the day c
// was stated).
func relativeScope(c *source.Claim, ref release.Scope) release.Scope {
	if c.Scope == (release.Scope{}) {
		return ref
	}
	if !ref.IsValid() {
		return c.ResolvedScope()
	}
	end := ref.Period().Last()
	if !end.IsValid() {
		return c.ResolvedScope()
	}
	if p, ok := c.Scope.Period().CloseEnd(end); ok {
		return c.Scope.WithPeriod(p)
	}
	return c.ResolvedScope()
}

// foldStatements performs step 1 of the fold on every source's statements
// about one measure and scope (see [Index] for the rules): copies and relays
// of one figure fold into one statement, explicit supersession sets its
// target aside, a relay stands only where its origin said nothing directly,
// and of what is left the latest statements stand — all of them when
// nothing orders them (the same day, a time known for at most one).
//
// numberScopes found the groups in its one sort of the claims; each group
// is handled in O(k log k), so the whole runs in O(n log n). Groups touch
// only their own records, so two goroutines can share them.
func (rd *reader) foldStatements(g groups) {
	ix := rd.ix
	g.each(rd.foldCopies)
	named := ix.explicitTargets()
	g.each(func(group []int32) { rd.orderStatements(group, named) })
	for k, by := range named {
		if t := &ix.recs[k]; by >= 0 && (t.state == Live || t.state == Superseded) {
			t.state, t.by = Superseded, by
		}
	}
}

// sameStatement orders claims by figure, and a figure's direct statements
// before its relays, each latest first, then by claim order: copies of one
// figure end up adjacent, the one that stands for them first. (The latest
// stands for them, so that an older copy arriving changes nothing.)
func (ix *Index) sameStatement(a, b int32) int {
	x, y := &ix.recs[a], &ix.recs[b]
	if c := ix.compareFigure(a, b); c != 0 {
		return c
	}
	if rx, ry := x.relay, y.relay; rx != ry {
		if rx {
			return 1
		}
		return -1
	}
	if c := ix.compareMoment(b, a); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// compareFigure orders claims a and b by retraction (retractions last) and
// figure; a relative claim left unresolved, by what it is relative to.
func (ix *Index) compareFigure(a, b int32) int {
	x, y := &ix.recs[a], &ix.recs[b]
	xr, yr := x.status == source.Retracted, y.status == source.Retracted
	if xr != yr {
		if xr {
			return 1
		}
		return -1
	}
	if c := compareQuantity(x.q, y.q); c != 0 || x.q.IsValid() {
		return c
	}
	p, q := ix.ev.claims[a].Relative, ix.ev.claims[b].Relative
	if c := p.To.Compare(q.To); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Kind, q.Kind); c != 0 {
		return c
	}
	return p.Ratio.Cmp(q.Ratio)
}

// compareMoment orders claims a and b by when they were stated, as far as
// that is known: by local day when either is known to the day only, else
// by instant, then by zone offset. It returns 0 when nothing orders them.
// The records order them but for a fraction of a second, read from the
// claims only when both were stated in the same Unix second and either
// has a fraction.
func (ix *Index) compareMoment(a, b int32) int {
	x, y := &ix.recs[a], &ix.recs[b]
	if x.dayOnly || y.dayOnly {
		return cmp.Compare(x.day(), y.day())
	}
	if c := cmp.Compare(x.sec, y.sec); c != 0 {
		return c
	}
	if x.frac || y.frac {
		if c := cmp.Compare(ix.ev.claims[a].Stated.Nanosecond(), ix.ev.claims[b].Stated.Nanosecond()); c != 0 {
			return c
		}
	}
	return cmp.Compare(x.off, y.off)
}

func compareQuantity(a, b qty) int {
	if c := cmp.Compare(a.Kind(), b.Kind()); c != 0 {
		return c
	}
	alo, ahi := a.Stated()
	blo, bhi := b.Stated()
	if c := cmp.Compare(alo, blo); c != 0 {
		return c
	}
	return cmp.Compare(ahi, bhi)
}

// foldCopies folds the copies among one source's claims on one measure and
// scope: every relay of a figure the origin stated directly folds into that
// direct statement, whenever either was made; relays of a figure it did not
// state directly fold into the latest of them; and direct statements of
// one figure made at one moment (the same statement entered twice) fold
// into the first by ID. Folded claims are "relayed": AFP repeating Foro
// Penal is one statement. Unresolved relative claims fold by what they are
// relative to; retractions are left as they are.
func (rd *reader) foldCopies(group []int32) {
	ix := rd.ix
	if len(group) < 2 {
		return
	}
	var buf [16]int32 // most groups are small: no allocation
	list := buf[:0]
	for _, i := range group {
		if s := ix.recs[i].status; s != source.Retracted && s != source.Pledged {
			list = append(list, i)
		}
	}
	slices.SortFunc(list, ix.sameStatement)
	for lo := 0; lo < len(list); {
		hi := lo + 1
		for hi < len(list) && ix.compareFigure(list[lo], list[hi]) == 0 {
			hi++
		}
		// list[lo:hi] states one figure: direct statements, then
		// relays, each latest first.
		rep := list[lo]
		for _, k := range list[lo+1 : hi] {
			r := &ix.recs[k]
			switch {
			case r.relay:
				r.state, r.by = Relayed, rep
			case ix.compareMoment(k, rep) == 0 && r.dayOnly == ix.recs[rep].dayOnly:
				// The same statement at the same moment, entered twice.
				r.state, r.by = Relayed, rep
			default:
				// An earlier direct statement of the same figure: a
				// repeat, which later ordering supersedes.
			}
		}
		lo = hi
	}
}

// explicitTargets returns, for every claim, the statement that names it in
// Supersedes (or names a copy folded into it), or -1: explicit supersession,
// which wins over clocks whatever the scopes. The evidence guarantees that
// the named claim is of the same source and stated no later; a claim never
// supersedes its own statement. When several claims name one statement,
// the first by ID is recorded.
func (ix *Index) explicitTargets() []int32 {
	named := make([]int32, len(ix.recs))
	for i := range named {
		named[i] = -1
	}
	rep := func(k int32) int32 {
		if ix.recs[k].state == Relayed {
			return ix.recs[k].by
		}
		return k
	}
	for i := range ix.recs {
		c := ix.ev.claims[i]
		if !c.Supersedes.IsValid() || c.Status == source.Pledged {
			continue // a pledge supersedes nothing
		}
		j := indexClaim(ix.ev.claims, c.Supersedes)
		if j < 0 || ix.recs[j].state == Pledged {
			continue // and nothing supersedes a pledge
		}
		if k, by := rep(int32(j)), rep(int32(i)); k != by && named[k] < 0 {
			named[k] = by
		}
	}
	return named
}

// orderStatements sets aside, among one source's statements on one measure
// and scope, every statement that a later one replaced: relays where the
// origin has a direct statement that no claim withdraws (a relay never
// outranks its origin), then every statement made before the latest. The
// latest stand, even when lower (a revision down) or a retraction; when
// nothing orders several latest statements (one day, no time for at least
// one of them) they all stand, read together as one statement of the range
// they span. A statement that a claim names in Supersedes (named[i] ≥ 0)
// still replaces the statements before it: it was the source's latest
// word until the naming claim withdrew it.
func (rd *reader) orderStatements(group []int32, named []int32) {
	ix := rd.ix
	if len(group) < 2 {
		// A lone statement is the latest of its key: it stands, whatever
		// names it.
		return
	}
	var buf [16]int32
	direct, relays := buf[:0:8], buf[8:8:16]
	standing := false // a direct statement that no claim withdraws
	for _, i := range group {
		r := &ix.recs[i]
		if r.state != Live {
			continue
		}
		if r.relay {
			relays = append(relays, i)
		} else {
			direct = append(direct, i)
			standing = standing || named[i] < 0
		}
	}
	cand := slices.Concat(direct, relays)
	if standing {
		cand = direct
	}
	if len(cand) == 0 {
		return
	}
	// The latest: the latest local day, and on it every statement known to
	// the day only and the latest instant.
	day := int64(math.MinInt64)
	for _, i := range cand {
		day = max(day, ix.recs[i].day())
	}
	latest := int32(-1) // the latest instant on that day
	for _, i := range cand {
		if r := &ix.recs[i]; r.day() == day && !r.dayOnly && (latest < 0 || ix.compareMoment(i, latest) > 0) {
			latest = i
		}
	}
	stands := func(i int32) bool {
		r := &ix.recs[i]
		return r.day() == day && (r.dayOnly || ix.compareMoment(i, latest) == 0)
	}
	head := int32(-1) // what a set-aside statement is superseded by
	for _, i := range cand {
		if stands(i) && (head < 0 || named[head] >= 0 && named[i] < 0) {
			head = i
		}
	}
	for _, i := range cand {
		if !stands(i) {
			ix.recs[i].state, ix.recs[i].by = Superseded, head
		}
	}
	if standing {
		for _, i := range relays {
			ix.recs[i].state, ix.recs[i].by = Superseded, head
		}
	}
}

// buildCells groups the claims by measure and resolved scope, adds a cell
// for every scope in which someone was verified released, and groups the
// cells into columns that know which columns lie above and below them.
func (ix *Index) buildCells() {
	n := len(ix.scopes)
	ix.cellAt = make([]int32, 3*n)
	for i := range ix.cellAt {
		ix.cellAt[i] = -1
	}
	for i := range ix.recs {
		r := &ix.recs[i]
		ix.cellAt[(int(r.measure)-1)*n+int(r.sid)] = 0
	}
	// Every scope in which someone was verified released is a part whose
	// floor can add up, whether or not any claim is about it.
	for _, v := range ix.ev.verified {
		id, _ := ix.scopeNumber(v.Scope)
		ix.cellAt[(int(source.Releases)-1)*n+int(id)] = 0
	}
	// Cells in (measure, scope) order, so that every later loop is
	// deterministic.
	marked := 0
	for _, mark := range ix.cellAt {
		if mark >= 0 {
			marked++
		}
	}
	ix.cells = make([]cell, 0, marked)
	for k, mark := range ix.cellAt {
		if mark < 0 {
			continue
		}
		m, s := source.Measure(k/n+1), ix.scopes[k%n]
		ix.cellAt[k] = int32(len(ix.cells))
		ix.cells = append(ix.cells, cell{key: cellKey{m, s}, first: startNum(s.Period()), last: endNum(s.Period())})
	}
	for _, v := range ix.ev.verified {
		id, _ := ix.scopeNumber(v.Scope)
		ix.cells[ix.cellAt[(int(source.Releases)-1)*n+int(id)]].verifiedScope = true
	}
	// Every cell's lists are carved from two allocations, each cell's
	// capacity capped at its length so that nothing appends into the next.
	nClaims := make([]int32, len(ix.cells))
	nDirect := make([]int32, len(ix.cells))
	cellOf := make([]int32, len(ix.recs))
	for i := range ix.recs {
		r := &ix.recs[i]
		ci := ix.cellAt[(int(r.measure)-1)*n+int(r.sid)]
		cellOf[i] = ci
		nClaims[ci]++
		if r.credible {
			nDirect[ci]++
		}
	}
	allClaims := make([]int32, 0, len(ix.recs))
	var total int
	for _, d := range nDirect {
		total += int(d)
	}
	allDirect := make([]int32, 0, total)
	for ci := range ix.cells {
		c := &ix.cells[ci]
		if k := int(nClaims[ci]); k > 0 {
			c.claims = allClaims[len(allClaims) : len(allClaims) : len(allClaims)+k]
			allClaims = allClaims[:len(allClaims)+k]
		}
		if k := int(nDirect[ci]); k > 0 {
			c.direct = allDirect[len(allDirect) : len(allDirect) : len(allDirect)+k]
			allDirect = allDirect[:len(allDirect)+k]
		}
	}
	for i := range ix.recs {
		c := &ix.cells[cellOf[i]]
		c.claims = append(c.claims, int32(i))
		if ix.recs[i].credible {
			c.direct = append(c.direct, int32(i))
		}
	}
	// Columns are numbered in order of their first cell; their cells'
	// lists are carved from one allocation, sized by a first pass.
	ix.colOf = make(map[colKey]int32)
	var keys []colKey
	var counts []int32
	for i := range ix.cells {
		c := &ix.cells[i]
		k := colKeyOf(c.key)
		n, ok := ix.colOf[k]
		if !ok {
			n = int32(len(keys))
			ix.colOf[k] = n
			keys, counts = append(keys, k), append(counts, 0)
		}
		c.col = n
		counts[n]++
	}
	ix.cols = make([]column, len(keys))
	colCells := make([]int32, 0, len(ix.cells))
	for n, k := range keys {
		ix.cols[n].key = k
		ix.cols[n].cells = colCells[len(colCells) : len(colCells) : len(colCells)+int(counts[n])]
		colCells = colCells[:len(colCells)+int(counts[n])]
	}
	for i := range ix.cells {
		ix.cols[ix.cells[i].col].add(int32(i))
	}
	for n := range ix.cols {
		ix.cols[n].up = ix.columnsAbove(ix.cols[n].key)
		for _, u := range ix.cols[n].up {
			ix.cols[u].down = append(ix.cols[u].down, int32(n))
		}
	}
	for n := range ix.cols {
		slices.Sort(ix.cols[n].down)
	}
}

// add appends cell i to the column, which receives cells in period order.
func (col *column) add(i int32) { col.cells = append(col.cells, i) }

// cell returns the cell of measure m over scope s, if any.
func (ix *Index) cell(m source.Measure, s release.Scope) (*cell, bool) {
	id, ok := ix.scopeNumber(s)
	if !ok || !m.IsValid() {
		return nil, false
	}
	n := ix.cellAt[(int(m)-1)*len(ix.scopes)+int(id)]
	if n < 0 {
		return nil, false
	}
	return &ix.cells[n], true
}

func colKeyOf(k cellKey) colKey { return colKey{k.m, k.s.Population(), k.s.Region()} }

// columnsAbove returns the existing columns of k's measure whose population
// and region contain k's, k's own included, in increasing order.
func (ix *Index) columnsAbove(k colKey) []int32 {
	var out []int32
	for p, okp := k.pop, true; okp; p, okp = p.Parent() {
		for r, okr := k.reg, true; okr; r, okr = r.Parent() {
			if n, ok := ix.colOf[colKey{k.m, p, r}]; ok {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

// columnsBelow returns the columns of measure m whose population and region
// lie within pop and reg, for a scope that may have no column of its own.
func (ix *Index) columnsBelow(m source.Measure, pop release.Population, reg release.Region) []int32 {
	if n, ok := ix.colOf[colKey{m, pop, reg}]; ok {
		return ix.cols[n].down
	}
	var out []int32
	for n, c := range ix.cols {
		if c.key.m == m && pop.Contains(c.key.pop) && reg.Contains(c.key.reg) {
			out = append(out, int32(n))
		}
	}
	return out
}

// columnsOver is columnsBelow the other way up.
func (ix *Index) columnsOver(m source.Measure, pop release.Population, reg release.Region) []int32 {
	if n, ok := ix.colOf[colKey{m, pop, reg}]; ok {
		return ix.cols[n].up
	}
	return ix.columnsAbove(colKey{m, pop, reg})
}

// buildIdentities gathers the verified people: every identity
// verification, and the people named by live, credible, verified or final
// list claims about releases; and the verified counts: every count-only
// verification and, unless the policy says otherwise, every live, credible
// claim about releases counted from a named list whose figure is a count
// of names ("104", "at least 104": the names counted so far are a floor).
// Each person gets a dense number so that counting distinct people needs
// no map.
func (ix *Index) buildIdentities() {
	num := map[release.DetaineeID]int32{}
	id := func(d release.DetaineeID) int32 {
		n, ok := num[d]
		if !ok {
			n = int32(len(num))
			num[d] = n
		}
		return n
	}
	// Two passes over the same selection: the first counts, so that the
	// lists are made to size rather than grown.
	visit := func(addCount func(count), addID func(release.DetaineeID, release.Scope)) {
		for _, v := range ix.ev.verified {
			if v.Count > 0 {
				sid, _ := ix.scopeNumber(v.Scope)
				addCount(count{v.Count, sid, -1})
				continue
			}
			addID(v.Detainee, v.Scope)
		}
		for i := range ix.recs {
			r := &ix.recs[i]
			if r.state != Live || !r.credible || r.measure != source.Releases || r.basis != source.NamedList {
				continue
			}
			if ix.policy.CountNamedLists && isCountOfNames(r.q) && r.iv.lo > 0 {
				addCount(count{r.iv.lo, r.sid, int32(i)})
			}
			if r.status != source.Verified && r.status != source.Final {
				continue
			}
			for _, d := range ix.ev.claims[i].Named {
				addID(d, ix.scopes[r.sid])
			}
		}
	}
	nCounts, nIDs := 0, 0
	visit(func(count) { nCounts++ }, func(release.DetaineeID, release.Scope) { nIDs++ })
	ix.counts, ix.ids = make([]count, 0, nCounts), make([]identity, 0, nIDs)
	visit(func(c count) { ix.counts = append(ix.counts, c) },
		func(d release.DetaineeID, s release.Scope) { ix.ids = append(ix.ids, identity{id(d), s}) })
	ix.nPeople = len(num)
	ix.idDown = downLists(len(ix.ids), func(i int) release.Scope { return ix.ids[i].scope })
	ix.countDown = downLists(len(ix.counts), func(i int) release.Scope { return ix.scopes[ix.counts[i].sid] })
}

// isCountOfNames reports whether q can be a count of names: a bare figure
// or a lower bound ("104", "at least 104"), not an approximation or a range.
func isCountOfNames(q qty) bool {
	switch q.Kind() {
	case source.Exactly, source.AtLeast, source.MoreThan:
		return true
	}
	return false
}

// downLists lists n entries, each about scope(i), per population and
// region and by period, under every population and region that contains
// theirs, for [periodsWithin].
func downLists(n int, scope func(int) release.Scope) map[popReg][][]int32 {
	lists := map[popReg][]int32{}
	for i := range n {
		s := scope(i)
		k := popReg{s.Population(), s.Region()}
		lists[k] = append(lists[k], int32(i))
	}
	keys := slices.SortedFunc(maps.Keys(lists), func(a, b popReg) int {
		if c := a.pop.Compare(b.pop); c != 0 {
			return c
		}
		return a.reg.Compare(b.reg)
	})
	down := map[popReg][][]int32{}
	for _, k := range keys {
		list := lists[k]
		slices.SortStableFunc(list, func(a, b int32) int { return scope(int(a)).Period().Compare(scope(int(b)).Period()) })
		for p, okp := k.pop, true; okp; p, okp = p.Parent() {
			for r, okr := k.reg, true; okr; r, okr = r.Parent() {
				up := popReg{p, r}
				down[up] = append(down[up], list)
			}
		}
	}
	return down
}

// verifiedCount returns the largest verified count within s and the claim
// it comes from (-1 for a Verification or none), the first by claim order
// among equals.
func (ix *Index) verifiedCount(s release.Scope) (int, int32) {
	best, from := 0, int32(-1)
	for _, list := range ix.countDown[popReg{s.Population(), s.Region()}] {
		for _, i := range periodsWithin(list, s.Period(), func(i int32) release.Period { return ix.scopes[ix.counts[i].sid].Period() }) {
			c := &ix.counts[i]
			if c.n > best || c.n == best && c.claim >= 0 && (from < 0 || c.claim < from) {
				best, from = c.n, c.claim
			}
		}
	}
	return best, from
}

// verified returns the verified floor of s: the larger of the distinct
// people verified as released within s and the largest verified count
// within s. It uses seen (len nPeople, all false) as scratch and leaves it
// all false.
func (ix *Index) verified(s release.Scope, seen []bool) int {
	n, _ := ix.verifiedCount(s)
	return max(n, ix.identities(s, seen))
}

// identities counts the distinct people verified as released within s,
// using seen as [Index.verified] does.
func (ix *Index) identities(s release.Scope, seen []bool) int {
	n := 0
	var marked []int32
	for _, list := range ix.idDown[popReg{s.Population(), s.Region()}] {
		for _, i := range periodsWithin(list, s.Period(), func(i int32) release.Period { return ix.ids[i].scope.Period() }) {
			if who := ix.ids[i].who; !seen[who] {
				seen[who] = true
				marked = append(marked, who)
				n++
			}
		}
	}
	for _, who := range marked {
		seen[who] = false
	}
	return n
}

// periodsWithin returns the entries of list (sorted by period) whose period
// lies within p.
func periodsWithin(list []int32, p release.Period, period func(int32) release.Period) []int32 {
	// Entries within p start at or after p's first day; skip those before.
	start := 0
	if first := p.First(); first.IsValid() {
		start, _ = slices.BinarySearchFunc(list, first, func(i int32, d release.Date) int {
			f := period(i).First()
			if !f.IsValid() || f.Before(d) {
				return -1
			}
			return 1
		})
	}
	var out []int32
	last := p.Last()
	for _, i := range list[start:] {
		q := period(i)
		if last.IsValid() && q.First().IsValid() && q.First().After(last) {
			break
		}
		if p.Contains(q) {
			out = append(out, i)
		}
	}
	return out
}
