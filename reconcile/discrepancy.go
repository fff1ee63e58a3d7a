package reconcile

import (
	"cmp"
	"slices"

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
	// TrueConflict: the same measure and scope, figures that cannot both be
	// right.
	TrueConflict
)

var causeNames = enum.Names{"", "supersession", "different_measure", "different_population", "different_region", "different_period", "imprecision", "true_conflict"}

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
}

// Equal reports whether d and e are the same discrepancy, comparing Ratio by
// value.
func (d Discrepancy) Equal(e Discrepancy) bool {
	return d.A == e.A && d.B == e.B && d.Cause == e.Cause && slices.Equal(d.Differences, e.Differences) && d.Nested == e.Nested &&
		d.Conflict == e.Conflict && d.Ratio.Equal(e.Ratio)
}

// Discrepancies returns every pair of claims whose figures differ where one
// claim is about measure m over scope s (as [Index.Figure] reads it) and the
// other is about the same scope (another source, or the same source
// superseded), the same scope in another measure, or a scope nested with it
// in the same measure. Relayed copies are folded into their originals and
// never paired. The result is sorted by cause, then by the claims' IDs.
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
		if ra.q == rb.q && ra.iv == rb.iv {
			return // the same figure: no discrepancy
		}
		out = append(out, ix.pair(ra, rb, cause))
	}
	// The same scope: other sources, and what each claim superseded.
	for x, a := range here.direct {
		for _, b := range here.direct[x+1:] {
			cause := Imprecision
			if !ix.recs[a].iv.overlaps(ix.recs[b].iv) {
				cause = TrueConflict
			}
			add(a, b, cause)
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
	// Nested scopes in the same measure.
	for _, on := range ix.nestedCells(k) {
		o := &ix.cells[on]
		cause := differingDimension(s, o.key.s)
		for _, a := range here.direct {
			for _, b := range o.direct {
				add(a, b, cause)
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
func differences(a, b *rec) []Cause {
	var out []Cause
	if a.c.Measure != b.c.Measure {
		out = append(out, DifferentMeasure)
	}
	if a.scope.Population() != b.scope.Population() {
		out = append(out, DifferentPopulation)
	}
	if a.scope.Region() != b.scope.Region() {
		out = append(out, DifferentRegion)
	}
	if a.scope.Period() != b.scope.Period() {
		out = append(out, DifferentPeriod)
	}
	return out
}

// pair builds the discrepancy between claims a (about the scope asked) and b.
func (ix *Index) pair(a, b *rec, cause Cause) Discrepancy {
	d := Discrepancy{A: ix.side(a), B: ix.side(b), Cause: cause, Differences: differences(a, b)}
	d.Nested = a.scope.Contains(b.scope) || b.scope.Contains(a.scope)
	switch {
	case cause == TrueConflict:
		d.Conflict = true
	case cause == DifferentMeasure || cause == Supersession:
	case a.scope.Contains(b.scope):
		d.Conflict = b.iv.lo > a.iv.hi
	case b.scope.Contains(a.scope):
		d.Conflict = a.iv.lo > b.iv.hi
	}
	d.Ratio = decimal.Zero
	if nb := b.q.Number(); nb != 0 {
		d.Ratio = decimal.NewFromInt(int64(a.q.Number())).DivRound(decimal.NewFromInt(int64(nb)), 4)
	}
	return d
}

func (ix *Index) side(r *rec) Side {
	return Side{
		Claim: r.c.ID, Source: r.c.Source, Measure: r.c.Measure, Scope: r.scope,
		Quantity: r.q, Interval: r.iv.interval(),
	}
}
