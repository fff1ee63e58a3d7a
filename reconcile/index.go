package reconcile

import (
	"cmp"
	"maps"
	"math"
	"slices"

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
)

var claimStateNames = enum.Names{"", "live", "relayed", "superseded", "retracted", "unresolved"}

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
		Claim: id, State: r.state, Measure: r.c.Measure, Scope: r.scope, Quantity: r.q,
		Weight: r.wd, Credible: r.credible,
	}
	if r.q.IsValid() && r.state != Retracted {
		out.Interval = r.iv.interval()
	}
	if r.by >= 0 {
		out.By = ix.recs[r.by].c.ID
	}
	return out, true
}

// weightScale is the number of decimal places to which claim weights are
// held: weights are decimals, rounded half-even to 12 places once, and from
// then on added and compared as exact integers (weight × 10¹²), so that no
// rounding can depend on the order of a sum.
const weightScale = 12

// rec is the index's view of one claim.
type rec struct {
	c      *source.Claim
	src    int32           // index into Index.sources
	group  int32           // independence group of the source
	scope  release.Scope   // resolved: open end closed, a stock's period reduced to its last day
	sid    int32           // the scope's rank among all scopes read (scope order)
	stated int64           // Stated as Unix nanoseconds
	offset int32           // Stated's zone offset, in seconds
	q      source.Quantity // resolved: a relative quantity applied to its referent
	iv     span            // bounds under the policy's tolerance
	lo, hi int             // stated figures, clamped into iv
	wd     decimal.Decimal // weight: source confidence × status × basis
	w      int64           // wd × 10¹², exact
	state  ClaimState
	// credible reports a live claim whose weight is positive and at least
	// the policy's minimum.
	credible bool
	by       int32 // the claim it was relayed into or superseded by, or -1
}

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

// Index is the evidence read under a policy: every claim classified (live,
// relayed, superseded, retracted, unresolved), weighed and placed in its
// scope, ready to give figures. Build one with [NewIndex]; it is immutable
// and safe for concurrent use.
type Index struct {
	policy  Policy
	ev      Evidence
	srcW    []decimal.Decimal // weight of each source of ev
	srcG    []int32           // independence group of each source
	recs    []rec             // parallel to ev.claims
	scopes  []release.Scope   // every scope read, in scope order
	scopeID map[release.Scope]int32
	cells   []cell  // by (measure, scope)
	cellAt  []int32 // cell of (measure, scope ID) at (measure−1)·len(scopes) + ID, or -1
	cols    []column
	colOf   map[colKey]int32
	ids     []identity
	idDown  map[popReg][][]int32 // per population and region, the lists of identities within, each by period
	nPeople int
	parts   []part    // lower bounds that can add up to floors, in rank order
	partOf  []int32   // per cell, its part, or -1
	caps    []cellCap // per cell, its cap (see solveCaps)
}

// NewIndex reads e under p. It fails only if p is invalid.
func NewIndex(e Evidence, p Policy) (*Index, error) {
	if err := p.Validate(); err != nil {
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
}

func (ix *Index) sourceIndex(id source.SourceID) int32 {
	i, _ := slices.BinarySearchFunc(ix.ev.sources, id, func(s *source.Source, id source.SourceID) int { return s.ID.Compare(id) })
	return int32(i)
}

// readClaims performs steps 1 and 2 of the fold: resolve relative
// quantities, fold relays, apply supersession and retraction, and weigh
// what is left.
func (ix *Index) readClaims() {
	claims := ix.ev.claims
	ix.recs = make([]rec, len(claims))
	for i, c := range claims {
		r := &ix.recs[i]
		r.c, r.by, r.state = c, -1, Live
		r.src = ix.sourceIndex(c.Source)
		r.group = ix.srcG[r.src]
		r.scope = c.ResolvedScope()
		if c.Measure.IsStock() {
			r.scope = r.scope.WithPeriod(release.Day(r.scope.Period().Last()))
		}
		r.stated = c.Stated.UnixNano()
		_, off := c.Stated.Zone()
		r.offset = int32(off)
	}
	ix.numberScopes()
	ix.resolveRelatives()
	ix.foldRelays()
	ix.supersede()
	type wkey struct {
		src           int32
		status, basis uint8
	}
	weights := map[wkey]rec{}
	bounds := map[source.Quantity]span{} // quantities repeat; their bounds need decimal arithmetic
	for i := range ix.recs {
		r := &ix.recs[i]
		switch {
		case r.c.Status == source.Retracted:
			r.state = Retracted
		case !r.q.IsValid() && r.state == Live:
			r.state = Unresolved
		}
		if !r.q.IsValid() || r.state == Retracted {
			continue
		}
		iv, ok := bounds[r.q]
		if !ok {
			b, _ := r.q.BoundsTolerance(ix.policy.Tolerance)
			iv = spanOf(b)
			bounds[r.q] = iv
		}
		r.iv = iv
		if r.c.Status == source.Preliminary && ix.policy.PreliminaryIsFloor {
			r.iv.hi = unbounded
		}
		lo, hi := r.q.Stated()
		r.lo, r.hi = r.iv.clamp(lo), r.iv.clamp(hi)
		k := wkey{r.src, uint8(r.c.Status), uint8(r.c.Basis)}
		w, ok := weights[k]
		if !ok {
			w.wd = ix.srcW[r.src].Mul(ix.policy.statusWeight(r.c.Status)).Mul(ix.policy.basisWeight(r.c.Basis))
			w.w = w.wd.RoundBank(weightScale).Shift(weightScale).IntPart()
			w.credible = w.w > 0 && w.wd.GreaterThanOrEqual(ix.policy.MinWeight)
			weights[k] = w
		}
		r.wd, r.w = w.wd, w.w
		r.credible = r.state == Live && w.credible
	}
}

// numberScopes gives every scope read (of claims and verifications) its
// rank in scope order, so that later steps sort and index by integers.
func (ix *Index) numberScopes() {
	ix.scopeID = make(map[release.Scope]int32)
	for i := range ix.recs {
		ix.scopeID[ix.recs[i].scope] = 0
	}
	for _, v := range ix.ev.verified {
		ix.scopeID[v.Scope] = 0
	}
	ix.scopes = slices.SortedFunc(maps.Keys(ix.scopeID), release.Scope.Compare)
	for i, s := range ix.scopes {
		ix.scopeID[s] = int32(i)
	}
	for i := range ix.recs {
		ix.recs[i].sid = ix.scopeID[ix.recs[i].scope]
	}
}

// resolveRelatives gives every claim its quantity: its own, or for a
// relative claim, its ratio applied to the figure of the claim it refers to
// (itself resolved first). A referent that is missing, retracted or
// unresolved leaves the claim unresolved.
func (ix *Index) resolveRelatives() {
	const (
		todo = iota
		busy
		done
	)
	state := make([]uint8, len(ix.recs))
	var resolve func(i int) source.Quantity
	resolve = func(i int) source.Quantity {
		r := &ix.recs[i]
		switch state[i] {
		case done:
			return r.q
		case busy: // a cycle: the evidence forbids it, but never loop
			return source.Quantity{}
		}
		state[i] = busy
		switch {
		case r.c.Status == source.Retracted:
		case r.c.Relative.IsZero():
			r.q = r.c.Quantity
		default:
			if j := indexClaim(ix.ev.claims, r.c.Relative.To); j >= 0 {
				if base := resolve(j); base.IsValid() {
					if q, err := r.c.Relative.Apply(base.Number()); err == nil {
						r.q = q
					}
				}
			}
		}
		state[i] = done
		return r.q
	}
	for i := range ix.recs {
		resolve(i)
	}
}

// sortKey is a claim's place in one of the fold's orders, packed so that
// sorting a million claims compares integers held side by side rather than
// chasing each claim's record.
type sortKey struct {
	statement uint64 // source, measure and scope
	stated    int64  // Unix nanoseconds, negated for latest-first orders
	i         int32  // the claim
}

// statementKey packs a claim's source, measure and scope ID, in that order
// of significance.
func (ix *Index) statementKey(r *rec) uint64 {
	return uint64(r.src)<<34 | uint64(r.c.Measure)<<32 | uint64(uint32(r.sid))
}

// sortedKeys returns the given claims' keys sorted by statement, then
// stated time (latest first if latestFirst), then tie, then claim order.
func (ix *Index) sortedKeys(claims []int32, latestFirst bool, tie func(a, b int32) int) []sortKey {
	keys := make([]sortKey, len(claims))
	for k, i := range claims {
		r := &ix.recs[i]
		t := r.stated
		if latestFirst {
			t = -t
		}
		keys[k] = sortKey{ix.statementKey(r), t, i}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		if c := cmp.Compare(x.statement, y.statement); c != 0 {
			return c
		}
		if c := cmp.Compare(x.stated, y.stated); c != 0 {
			return c
		}
		if tie != nil {
			if c := tie(x.i, y.i); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.i, y.i) // IDs are sorted, so claim order is ID order
	})
	return keys
}

// sameFigure orders claims of one statement key and moment by zone offset
// and figure, so that copies of one statement end up adjacent.
func (ix *Index) sameFigure(a, b int32) int {
	x, y := &ix.recs[a], &ix.recs[b]
	if c := cmp.Compare(x.offset, y.offset); c != 0 {
		return c
	}
	return compareQuantity(x.q, y.q)
}

func compareQuantity(a, b source.Quantity) int {
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

// foldRelays folds every copy of a statement (same source, measure, resolved
// scope, moment and figure) into one claim: the first by ID among those the
// source published itself, or, if it reached the record only through
// outlets, the first by ID. The others are "relayed": AFP repeating Foro
// Penal is one claim.
func (ix *Index) foldRelays() {
	all := make([]int32, len(ix.recs))
	for i := range all {
		all[i] = int32(i)
	}
	keys := ix.sortedKeys(all, false, ix.sameFigure)
	same := func(x, y sortKey) bool {
		return x.statement == y.statement && x.stated == y.stated && ix.sameFigure(x.i, y.i) == 0
	}
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && same(keys[lo], keys[hi]) {
			hi++
		}
		if hi-lo > 1 {
			group := keys[lo:hi]
			rep := group[0].i
			for _, k := range group {
				if !ix.recs[k.i].c.IsRelay() {
					rep = k.i
					break
				}
			}
			for _, k := range group {
				if k.i != rep {
					ix.recs[k.i].state, ix.recs[k.i].by = Relayed, rep
				}
			}
		}
		lo = hi
	}
}

// supersede marks the statements that a later one replaced: per source,
// measure and resolved scope, every statement made before the latest is
// superseded by it, even when the latest is lower (a revision down) or a
// retraction. A claim that names another in Supersedes replaces it too,
// whatever its scope.
func (ix *Index) supersede() {
	var live []int32
	for i := range ix.recs {
		if ix.recs[i].state == Live {
			live = append(live, int32(i))
		}
	}
	keys := ix.sortedKeys(live, true, nil)
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].statement == keys[lo].statement {
			hi++
		}
		latest := keys[lo].stated
		for _, k := range keys[lo+1 : hi] {
			if k.stated > latest { // negated: stated strictly earlier
				ix.recs[k.i].state, ix.recs[k.i].by = Superseded, keys[lo].i
			}
		}
		lo = hi
	}
	// Naming any copy of a statement names the statement: supersede the
	// copy that stands for it, so that the result does not depend on which
	// copy that is (a relay whose ID sorts first stands for a statement that
	// reached the record only through outlets). A claim never supersedes
	// its own statement.
	rep := func(k int32) int32 {
		if ix.recs[k].state == Relayed {
			return ix.recs[k].by
		}
		return k
	}
	for i := range ix.recs {
		c := ix.recs[i].c
		if !c.Supersedes.IsValid() {
			continue
		}
		if j := indexClaim(ix.ev.claims, c.Supersedes); j >= 0 {
			k := rep(int32(j))
			if k == rep(int32(i)) {
				continue
			}
			if t := &ix.recs[k]; t.state == Live || t.state == Superseded {
				t.state, t.by = Superseded, int32(i)
			}
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
		ix.cellAt[(int(r.c.Measure)-1)*n+int(r.sid)] = 0
	}
	// Every scope in which someone was verified released is a part whose
	// floor can add up, whether or not any claim is about it.
	for _, v := range ix.ev.verified {
		ix.cellAt[(int(source.Releases)-1)*n+int(ix.scopeID[v.Scope])] = 0
	}
	// Cells in (measure, scope) order, so that every later loop is
	// deterministic.
	for k, mark := range ix.cellAt {
		if mark < 0 {
			continue
		}
		m, s := source.Measure(k/n+1), ix.scopes[k%n]
		ix.cellAt[k] = int32(len(ix.cells))
		ix.cells = append(ix.cells, cell{key: cellKey{m, s}, first: startNum(s.Period()), last: endNum(s.Period())})
	}
	for _, v := range ix.ev.verified {
		ix.cells[ix.cellAt[(int(source.Releases)-1)*n+int(ix.scopeID[v.Scope])]].verifiedScope = true
	}
	for i := range ix.recs {
		r := &ix.recs[i]
		c := &ix.cells[ix.cellAt[(int(r.c.Measure)-1)*n+int(r.sid)]]
		c.claims = append(c.claims, int32(i))
		if r.credible {
			c.direct = append(c.direct, int32(i))
		}
	}
	ix.colOf = make(map[colKey]int32)
	for i := range ix.cells {
		c := &ix.cells[i]
		k := colKeyOf(c.key)
		n, ok := ix.colOf[k]
		if !ok {
			n = int32(len(ix.cols))
			ix.colOf[k] = n
			ix.cols = append(ix.cols, column{key: k})
		}
		c.col = n
		ix.cols[n].add(int32(i))
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
	id, ok := ix.scopeID[s]
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

// buildIdentities gathers the verified people: every verification, and the
// people named by live, credible, verified or final list claims about
// releases. Each person gets a dense number so that counting distinct people
// needs no map.
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
	for _, v := range ix.ev.verified {
		ix.ids = append(ix.ids, identity{id(v.Detainee), v.Scope})
	}
	for i := range ix.recs {
		r := &ix.recs[i]
		if r.state != Live || !r.credible || r.c.Measure != source.Releases || r.c.Basis != source.NamedList ||
			(r.c.Status != source.Verified && r.c.Status != source.Final) {
			continue
		}
		for _, d := range r.c.Named {
			ix.ids = append(ix.ids, identity{id(d), r.scope})
		}
	}
	ix.nPeople = len(num)
	lists := map[popReg][]int32{}
	for i, d := range ix.ids {
		k := popReg{d.scope.Population(), d.scope.Region()}
		lists[k] = append(lists[k], int32(i))
	}
	keys := slices.SortedFunc(maps.Keys(lists), func(a, b popReg) int {
		if c := a.pop.Compare(b.pop); c != 0 {
			return c
		}
		return a.reg.Compare(b.reg)
	})
	ix.idDown = map[popReg][][]int32{}
	for _, k := range keys {
		list := lists[k]
		slices.SortStableFunc(list, func(a, b int32) int { return ix.ids[a].scope.Period().Compare(ix.ids[b].scope.Period()) })
		for p, okp := k.pop, true; okp; p, okp = p.Parent() {
			for r, okr := k.reg, true; okr; r, okr = r.Parent() {
				up := popReg{p, r}
				ix.idDown[up] = append(ix.idDown[up], list)
			}
		}
	}
}

// verified counts the distinct people verified as released within s, using
// seen (len nPeople, all false) as scratch and leaving it all false.
func (ix *Index) verified(s release.Scope, seen []bool) int {
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
