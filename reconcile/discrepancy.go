package reconcile

import (
	"cmp"
	"slices"
	"sort"

	"github.com/freedcount/freedcount/internal/enum"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// Cause is why two claims' figures differ. The zero value is "unset".
type Cause uint8

// Values of [Cause], in the order a pair is classified: the first that
// applies is its cause.
const (
	// Supersession: one claim replaced the other, by the same source.
	Supersession Cause = 1 + iota
	// Revision: two statements of one independence group that nothing
	// orders (the same day, a time known for at most one), or that differ
	// across nested scopes: a source never disputes itself.
	Revision
	// DifferentMeasure: one counts a stock, the other a flow, or two
	// different flows; the figures are not comparable.
	DifferentMeasure
	// DifferentPopulation: the scopes differ in population (detainees
	// against political prisoners).
	DifferentPopulation
	// DifferentRegion: the scopes differ in region.
	DifferentRegion
	// DifferentPeriod: the scopes differ in period (a day against the
	// months since December).
	DifferentPeriod
	// Imprecision: the same measure and scope, different figures that the
	// wording reconciles ("at least 131" and "225").
	Imprecision
	// TrueConflict: figures that cannot both be right: disjoint intervals
	// for one measure and scope, or a part larger than its whole, whichever
	// dimension nests, from different independence groups.
	TrueConflict
)

var causeNames = enum.Names{"", "supersession", "revision", "different_measure", "different_population", "different_region", "different_period", "imprecision", "true_conflict"}

// String returns the cause's snake_case name, or "Cause(N)".
func (c Cause) String() string { return enum.String(causeNames, "Cause", c) }

// IsValid reports whether c is one of the named causes.
func (c Cause) IsValid() bool { return enum.Valid(causeNames, c) }

// MarshalText writes the name; an unnamed value is an error.
func (c Cause) MarshalText() ([]byte, error) { return enum.Marshal(causeNames, "Cause", c, badEnum) }

// UnmarshalText reads a name that [Cause.MarshalText] writes.
func (c *Cause) UnmarshalText(text []byte) error {
	return enum.Unmarshal(causeNames, "Cause", text, c, badEnum)
}

// Side is one claim of a [Discrepancy], as reconciliation read it.
type Side struct {
	Claim   source.ClaimID
	Source  source.SourceID
	Measure source.Measure
	// Scope is the claim's resolved scope (open end closed at the day
	// stated).
	Scope release.Scope
	// Quantity is the figure as said, a relative one resolved.
	Quantity source.Quantity
	// Interval is the counts it admits under the policy.
	Interval source.Interval
}

// Discrepancy is a pair of claims whose figures differ, with the cause. A is
// a claim about the scope that was asked about; B is the other.
type Discrepancy struct {
	A, B Side
	// Cause is the first of the causes that applies.
	Cause Cause
	// Differences lists every dimension in which the two claims differ
	// (measure, population, region, period), in that order; Cause is the
	// first of them when they differ at all.
	Differences []Cause
	// Nested reports that one scope contains the other.
	Nested bool
	// Conflict reports that the figures cannot both be right given how the
	// scopes relate: disjoint intervals for one measure and scope, or a part
	// whose low end exceeds its whole's high end. A population mismatch
	// such as 626 detainees against about 313 political prisoners is not a
	// conflict: the part is below the whole.
	Conflict bool
	// Ratio is A's figure divided by B's, to four decimal places; zero when
	// B's figure is zero.
	Ratio decimal.Decimal
	// Gap is how far apart the two figures are: the distance between their
	// intervals, zero when they meet. For a part larger than its whole, how
	// far the part's low end exceeds the whole's high end. It ranks what
	// matters to a reader: how much the pair moves a number.
	Gap int
}

// Equal reports whether d and e are the same discrepancy, comparing Ratio by
// value.
func (d Discrepancy) Equal(e Discrepancy) bool {
	return d.A == e.A && d.B == e.B && d.Cause == e.Cause && slices.Equal(d.Differences, e.Differences) && d.Nested == e.Nested &&
		d.Conflict == e.Conflict && d.Ratio.Equal(e.Ratio) && d.Gap == e.Gap
}

// Discrepancies returns every pair of claims whose figures differ where one
// claim is about measure m over scope s (as [Index.Figure] reads it) and the
// other is about the same scope (another source, the same source's
// unordered or superseded statements), the same scope in another measure,
// or a scope nested with it or overlapping it in the same measure. Relayed
// copies are folded into their originals and never paired. The result is
// sorted by cause, then by the claims' IDs: the full list, for one scope.
// [Index.Review] gives the few that matter over the whole evidence.
func (ix *Index) Discrepancies(m source.Measure, s release.Scope) ([]Discrepancy, error) {
	if !m.IsValid() {
		return nil, fieldErr("Measure", m.String(), ErrInvalid, "unknown measure")
	}
	if !s.IsValid() {
		return nil, fieldErr("Scope", s.String(), ErrInvalid, "missing population or region")
	}
	if m.IsStock() {
		s = s.WithPeriod(release.Day(s.Period().Last()))
	}
	k := cellKey{m, s}
	here, ok := ix.cell(m, s)
	if !ok {
		return nil, nil
	}
	var out []Discrepancy
	add := func(a, b int32, cause Cause) {
		ra, rb := &ix.recs[a], &ix.recs[b]
		if ra.q == rb.q && ra.iv == rb.iv && ra.sid == rb.sid && ra.measure == rb.measure {
			return // the same figure for the same thing: no discrepancy
		}
		out = append(out, ix.pair(a, b, cause))
	}
	// The same scope: other sources, and what each claim superseded.
	for x, a := range here.direct {
		for _, b := range here.direct[x+1:] {
			add(a, b, ix.sameScopeCause(a, b))
		}
	}
	for _, b := range here.claims {
		if rb := &ix.recs[b]; rb.state == Superseded && rb.by >= 0 && ix.recs[rb.by].state == Live && ix.recs[rb.by].q.IsValid() {
			add(rb.by, b, Supersession)
		}
	}
	// The same scope in other measures.
	for _, om := range []source.Measure{source.Releases, source.Held, source.Detentions} {
		if om == m {
			continue
		}
		os := s
		if om.IsStock() {
			os = s.WithPeriod(release.Day(s.Period().Last()))
		}
		if o, ok := ix.cell(om, os); ok {
			for _, a := range here.direct {
				for _, b := range o.direct {
					add(a, b, DifferentMeasure)
				}
			}
		}
	}
	// Nested and overlapping scopes in the same measure.
	for _, on := range slices.Concat(ix.nestedCells(k), ix.overlappingCells(k)) {
		o := &ix.cells[on]
		for _, a := range here.direct {
			for _, b := range o.direct {
				add(a, b, ix.acrossCause(a, b))
			}
		}
	}
	slices.SortFunc(out, func(d, e Discrepancy) int {
		if c := cmp.Compare(d.Cause, e.Cause); c != 0 {
			return c
		}
		if c := d.A.Claim.Compare(e.A.Claim); c != 0 {
			return c
		}
		return d.B.Claim.Compare(e.B.Claim)
	})
	return out, nil
}

// nestedCells returns the other cells of k's measure whose scope contains
// k's or lies within it, in cell order.
func (ix *Index) nestedCells(k cellKey) []int32 {
	s := k.s
	var out []int32
	for _, n := range ix.columnsBelow(k.m, s.Population(), s.Region()) {
		for _, ci := range periodsWithin(ix.cols[n].cells, s.Period(), func(i int32) release.Period { return ix.cells[i].key.s.Period() }) {
			if ix.cells[ci].key != k {
				out = append(out, ci)
			}
		}
	}
	first, last := startNum(s.Period()), endNum(s.Period())
	for _, n := range ix.columnsOver(k.m, s.Population(), s.Region()) {
		cells := ix.cols[n].cells
		ix.containing(n, first, last, func(pos int) {
			if ix.cells[cells[pos]].key != k {
				out = append(out, cells[pos])
			}
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sameScopeCause classifies two claims about one measure and scope: within
// one independence group a revision (a source never disputes itself),
// else imprecision where their intervals meet and a true conflict where
// they do not.
func (ix *Index) sameScopeCause(a, b int32) Cause {
	ra, rb := &ix.recs[a], &ix.recs[b]
	switch {
	case ra.group == rb.group:
		return Revision
	case ra.iv.overlaps(rb.iv):
		return Imprecision
	}
	return TrueConflict
}

// acrossCause classifies two claims about different scopes of one measure:
// a part larger than its whole is a true conflict whichever dimension
// nests (a revision within one independence group); otherwise the first
// dimension in which the scopes differ explains the difference.
func (ix *Index) acrossCause(a, b int32) Cause {
	ra, rb := &ix.recs[a], &ix.recs[b]
	if ix.partExceedsWhole(ra, rb) {
		if ra.group == rb.group {
			return Revision
		}
		return TrueConflict
	}
	return differingDimension(ix.scopes[ra.sid], ix.scopes[rb.sid])
}

// partExceedsWhole reports whether one claim's scope contains the other's
// and the part's low end exceeds the whole's high end.
func (ix *Index) partExceedsWhole(a, b *rec) bool {
	sa, sb := ix.scopes[a.sid], ix.scopes[b.sid]
	switch {
	case sa.Contains(sb):
		return b.iv.lo > a.iv.hi
	case sb.Contains(sa):
		return a.iv.lo > b.iv.hi
	}
	return false
}

// overlappingCells returns the cells of k's measure whose scope overlaps
// k's without either containing the other: populations and regions equal
// or nested the same way, periods that share a day (two NGOs counting from
// different start days to different end days; a count of political
// prisoners since December against one of detainees on one day), in cell
// order. Per column it reads the cells that start inside k's period by
// binary search, and those that start before it through the column's tree
// of last days ([Index.containing]'s), so that its work is proportional to
// the cells nested with k's or overlapping it, never to the column.
func (ix *Index) overlappingCells(k cellKey) []int32 {
	s := k.s
	first, last := startNum(s.Period()), endNum(s.Period())
	var out []int32
	cols := slices.Concat(ix.columnsBelow(k.m, s.Population(), s.Region()), ix.columnsOver(k.m, s.Population(), s.Region()))
	slices.Sort(cols)
	for _, n := range slices.Compact(cols) {
		col := &ix.cols[n]
		keep := func(ci int32) {
			if u := ix.cells[ci].key.s; u.Period().Overlaps(s.Period()) && !u.Contains(s) && !s.Contains(u) {
				out = append(out, ci)
			}
		}
		// Every cell that shares a day with k's period either starts
		// within it, or starts before it and ends on or after its first
		// day; each is nested with k or overlaps it, so the work is the
		// output's.
		lo := sort.Search(len(col.cells), func(i int) bool { return ix.cells[col.cells[i]].first >= first })
		for _, ci := range col.cells[lo:] {
			if ix.cells[ci].first > last {
				break
			}
			keep(ci)
		}
		if col.contains == nil || lo == 0 {
			continue
		}
		size := len(col.contains) / 2
		var walk func(node, a, b int)
		walk = func(node, a, b int) {
			if a >= lo || col.contains[node] < first {
				return
			}
			if node >= size {
				keep(col.cells[a])
				return
			}
			mid := (a + b) / 2
			walk(2*node, a, mid)
			walk(2*node+1, mid, b)
		}
		walk(1, 0, size)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// differingDimension names the first dimension in which two nested scopes
// differ: population, then region, then period.
func differingDimension(a, b release.Scope) Cause {
	switch {
	case a.Population() != b.Population():
		return DifferentPopulation
	case a.Region() != b.Region():
		return DifferentRegion
	}
	return DifferentPeriod
}

// differences lists the dimensions in which a and b differ.
func (ix *Index) differences(a, b *rec) []Cause {
	sa, sb := ix.scopes[a.sid], ix.scopes[b.sid]
	var out []Cause
	if a.measure != b.measure {
		out = append(out, DifferentMeasure)
	}
	if sa.Population() != sb.Population() {
		out = append(out, DifferentPopulation)
	}
	if sa.Region() != sb.Region() {
		out = append(out, DifferentRegion)
	}
	if sa.Period() != sb.Period() {
		out = append(out, DifferentPeriod)
	}
	return out
}

// pair builds the discrepancy between claims a (about the scope asked) and b.
func (ix *Index) pair(i, j int32, cause Cause) Discrepancy {
	a, b := &ix.recs[i], &ix.recs[j]
	d := Discrepancy{A: ix.side(i), B: ix.side(j), Cause: cause, Differences: ix.differences(a, b)}
	sa, sb := ix.scopes[a.sid], ix.scopes[b.sid]
	d.Nested = sa.Contains(sb) || sb.Contains(sa)
	d.Conflict = cause == TrueConflict
	switch {
	case cause == DifferentMeasure || cause == Supersession:
	case a.sid == b.sid || !d.Nested:
		d.Gap = gap(a.iv, b.iv)
	case sa.Contains(sb):
		d.Gap = max(0, b.iv.lo-a.iv.hi)
	default:
		d.Gap = max(0, a.iv.lo-b.iv.hi)
	}
	d.Ratio = decimal.Zero
	if nb := b.q.Number(); nb != 0 {
		d.Ratio = decimal.NewFromInt(int64(a.q.Number())).DivRound(decimal.NewFromInt(int64(nb)), 4)
	}
	return d
}

// gap returns the distance between two intervals, zero when they meet.
func gap(a, b span) int {
	switch {
	case a.hi < b.lo:
		return b.lo - a.hi
	case b.hi < a.lo:
		return a.lo - b.hi
	}
	return 0
}

func (ix *Index) side(i int32) Side {
	r, c := &ix.recs[i], ix.ev.claims[i]
	return Side{
		Claim: c.ID, Source: c.Source, Measure: r.measure, Scope: ix.scopes[r.sid],
		Quantity: r.q.quantity(), Interval: r.iv.interval(),
	}
}
