package reliability

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Result is what [Estimate] learned from an evidence set: how far to trust
// each source, the figure it believes for each object (a measure over a
// resolved scope), and how the estimation ended.
//
// A Result holds decimals and slices: compare Results with [Result.Equal],
// not ==.
type Result struct {
	// Sources has one entry per source of the evidence, in order of ID,
	// including sources without any live claim (which keep the prior).
	Sources []SourceReliability
	// Objects has one entry per object that some live claim is about, in
	// order of measure and scope ([Estimate]) or of key ([EstimateClaims]).
	Objects []Object
	// Iterations is the number of rounds of estimation run, at most
	// [Options.MaxIterations]; the rounds of [PooledStart] are not
	// counted.
	Iterations int
	// Converged reports that the last round moved no accuracy and no copy
	// rate by more than [Options.Tolerance]. When false, the estimates are
	// those of the last round, which hit the cap.
	Converged bool
	// Change is the largest move of an accuracy or a copy rate in the last
	// round: Converged is Change ≤ Options.Tolerance.
	Change decimal.Decimal
	// PriorAccuracy is the prior towards which a source with a short track
	// record is drawn: the mean, over the independence groups that vote on
	// contested objects, of the share of their voting claims that hold the
	// truth (at least 0.5); to 6 decimal places.
	PriorAccuracy decimal.Decimal
}

// SourceReliability is the estimate for one source, with the track record
// that justifies it. Every decimal has at most 6 decimal places.
type SourceReliability struct {
	// Source is the source's ID.
	Source source.SourceID
	// Weight is the source's weight for [reconcile.Policy.SourceWeights],
	// in [0, 1]: its log-odds of being right, ln(n·A/(1−A)), floored at 0,
	// times its independence (1 − Copying), relative to the greatest such
	// value among the sources (which gets 1). A source with a short track
	// record gets about the weight of an average source; one that spoke
	// once always gets more than 0.
	Weight decimal.Decimal
	// Accuracy is the estimated probability A that a claim of the source
	// holds the true figure, in (0, 1).
	Accuracy decimal.Decimal
	// Error is 1 − Accuracy: the estimated share of the source's claims
	// that miss the true figure.
	Error decimal.Decimal
	// Copying is the estimated share of the source's claims that repeat
	// another source's claim rather than being its own, in [0, 1).
	Copying decimal.Decimal
	// Claims is the number of the source's live claims read, at most one
	// per object.
	Claims int
	// Contested is the number of those claims about objects on which a
	// source of another independence group also speaks, and on which the
	// claim takes a side (its interval leaves out some figure stated by
	// another): the track record. Accuracy is the prior's when Contested
	// is 0.
	Contested int
}

// Object is the figure the estimation believes for one measure over one
// resolved scope (the "object" of truth discovery), with the claims for and
// against it.
type Object struct {
	// Measure and Scope say what the figure counts; the scope is resolved
	// as package reconcile reads it (an open end closed at the day stated;
	// for a stock, the last day only).
	Measure source.Measure
	Scope   release.Scope
	// Key is the object's key, from [EstimateClaims]; empty for an object
	// read from evidence by [Estimate].
	Key ObjectKey
	// Value is the most probable of the figures stated for the object (the
	// stated figures of its live claims, each clamped into the claim's
	// interval); the smaller on a tie.
	Value int
	// Probability is the estimated probability that Value is the true
	// figure, to 6 decimal places.
	Probability decimal.Decimal
	// Support are the claims whose interval contains Value, Against the
	// others; each by ID.
	Support, Against []source.ClaimID
	// Contested reports that more than one independent voice speaks to
	// the object: sources of more than one independence group.
	Contested bool
}

// Equal reports whether r and o are the same result, comparing decimals by
// value.
func (r Result) Equal(o Result) bool {
	return r.Iterations == o.Iterations && r.Converged == o.Converged && r.Change.Equal(o.Change) &&
		r.PriorAccuracy.Equal(o.PriorAccuracy) &&
		slices.EqualFunc(r.Sources, o.Sources, SourceReliability.Equal) &&
		slices.EqualFunc(r.Objects, o.Objects, Object.Equal)
}

// Equal reports whether s and o are the same estimate, comparing decimals
// by value.
func (s SourceReliability) Equal(o SourceReliability) bool {
	return s.Source == o.Source && s.Weight.Equal(o.Weight) && s.Accuracy.Equal(o.Accuracy) &&
		s.Error.Equal(o.Error) && s.Copying.Equal(o.Copying) && s.Claims == o.Claims && s.Contested == o.Contested
}

// Equal reports whether b and o are the same object estimate, comparing
// Probability by value and nil and empty lists alike.
func (b Object) Equal(o Object) bool {
	return b.Measure == o.Measure && b.Scope == o.Scope && b.Key == o.Key && b.Value == o.Value &&
		b.Probability.Equal(o.Probability) && b.Contested == o.Contested &&
		slices.Equal(b.Support, o.Support) && slices.Equal(b.Against, o.Against)
}

// Source returns the estimate for the source with the given ID.
func (r Result) Source(id source.SourceID) (SourceReliability, bool) {
	i, ok := slices.BinarySearchFunc(r.Sources, id, func(s SourceReliability, id source.SourceID) int { return s.Source.Compare(id) })
	if !ok {
		return SourceReliability{}, false
	}
	return r.Sources[i], true
}

// Object returns the estimate for measure m over the resolved scope s, as
// [Estimate] reads it.
func (r Result) Object(m source.Measure, s release.Scope) (Object, bool) {
	return r.find(objectKey{m: m, s: s})
}

// ObjectByKey returns the estimate for the object named k, as
// [EstimateClaims] reads it.
func (r Result) ObjectByKey(k ObjectKey) (Object, bool) {
	return r.find(objectKey{k: k})
}

func (r Result) find(k objectKey) (Object, bool) {
	i, ok := slices.BinarySearchFunc(r.Objects, k, func(o Object, k objectKey) int {
		return compareKey(objectKey{o.Measure, o.Scope, o.Key}, k)
	})
	if !ok {
		return Object{}, false
	}
	return r.Objects[i], true
}

// Weights returns the sources' weights as a new map, ready for
// [reconcile.Policy.SourceWeights].
func (r Result) Weights() map[source.SourceID]decimal.Decimal {
	w := make(map[source.SourceID]decimal.Decimal, len(r.Sources))
	for _, s := range r.Sources {
		w[s.Source] = s.Weight
	}
	return w
}

// Apply returns a copy of p whose SourceWeights are the learned weights:
// those of p for sources r does not know are kept, the others replaced. p
// itself is not modified.
func (r Result) Apply(p reconcile.Policy) reconcile.Policy {
	w := maps.Clone(p.SourceWeights)
	if w == nil {
		w = make(map[source.SourceID]decimal.Decimal, len(r.Sources))
	}
	for _, s := range r.Sources {
		w[s.Source] = s.Weight
	}
	p.SourceWeights = w
	p.Hierarchy = slices.Clone(p.Hierarchy)
	p.Partitions = slices.Clone(p.Partitions)
	return p
}
