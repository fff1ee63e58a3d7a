package reconcile

import (
	"errors"
	"maps"
	"slices"

	"github.com/freedcount/freedcount/internal/enum"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// BestRule is how [Figure.Best] is chosen. The zero value is "unset", which
// [Policy.Validate] rejects.
type BestRule uint8

// Values of [BestRule]. Each example in this package's tests shows how they
// differ on the same claims.
const (
	// WeightedMedian (the default) takes the weighted median of the stated
	// figures of the consensus claims, clamped into the consensus interval.
	WeightedMedian BestRule = 1 + iota
	// Conservative takes the lowest stated figure among the consensus
	// claims, clamped into the consensus interval, as ACLED codes the most
	// conservative report.
	Conservative
	// Range reports the range: Best is the middle of [Low, High] (rounded
	// down), as Iraq Body Count publishes a minimum and a maximum and no
	// single figure.
	Range
	// Majority takes the stated figure asserted by the most independence
	// groups among the credible claims, the smaller figure on a tie.
	Majority
	// Hierarchy takes the stated figure of the first source in
	// [Policy.Hierarchy] that has a credible claim for the scope, falling
	// back to WeightedMedian when none has.
	Hierarchy
)

var bestRuleNames = enum.Names{"", "weighted_median", "conservative", "range", "majority", "hierarchy"}

// String returns the rule's snake_case name, or "BestRule(N)".
func (r BestRule) String() string { return enum.String(bestRuleNames, "BestRule", r) }

// IsValid reports whether r is one of the named rules.
func (r BestRule) IsValid() bool { return enum.Valid(bestRuleNames, r) }

// MarshalText writes the name; an unnamed value is an error.
func (r BestRule) MarshalText() ([]byte, error) {
	return enum.Marshal(bestRuleNames, "BestRule", r, badEnum)
}

// UnmarshalText reads a name that [BestRule.MarshalText] writes.
func (r *BestRule) UnmarshalText(text []byte) error {
	return enum.Unmarshal(bestRuleNames, "BestRule", text, r, badEnum)
}

// Policy holds every choice that reconciliation makes, as an explicit value:
// there are no package-level settings. Start from [DefaultPolicy] and change
// what you need; the zero Policy is not valid.
//
// A claim's weight is its source's confidence (or the override in
// SourceWeights) × the weight of its status × the weight of its basis. A
// claim is credible when its weight is positive and at least MinWeight;
// other claims are listed in [Figure.Ignored] and count nowhere.
type Policy struct {
	// Weights by claim status, each in [0, 1]. Retracted claims carry no
	// figure and have no weight.
	Preliminary, Verified, Final decimal.Decimal
	// Weights by claim basis, each in [0, 1].
	NamedList, Announcement, Estimate decimal.Decimal
	// Tolerance is the relative width of "about" and "nearly", in [0, 1]:
	// "about 300" at 0.1 admits [270, 330].
	Tolerance decimal.Decimal
	// MinWeight is the least weight of a credible claim, in [0, 1].
	MinWeight decimal.Decimal
	// PreliminaryIsFloor reads a preliminary figure ("not yet definitive,
	// could increase") as a lower bound: its interval has no upper end.
	PreliminaryIsFloor bool
	// CountNamedLists reads a claim in force about releases whose basis is
	// a named list, and whose figure is a count ("104", "at least 104"),
	// as a verified count — whether final, verified or preliminary "so
	// far": the names counted so far are a floor (see [Verification]).
	CountNamedLists bool
	// ClosedRegisters lists the sources whose stock figures come from one
	// closed register of their own, where the number held moves only with
	// releases and detentions that the register records. Only their
	// consecutive stock figures bound the flows between them; any other
	// source's stock changes are reported as net changes
	// ([Index.NetChanges]), never turned into release or detention floors,
	// and stocks of different sources are never differenced. No repeats.
	ClosedRegisters []source.SourceID
	// Best is the rule for [Figure.Best].
	Best BestRule
	// Hierarchy is the order of sources for the [Hierarchy] rule, most
	// trusted first. No repeats.
	Hierarchy []source.SourceID
	// SourceWeights, when set for a source, replaces its prior confidence:
	// weights learned from a track record. Each in [0, 1].
	SourceWeights map[source.SourceID]decimal.Decimal
	// Partitions declares sibling populations that exclude each other, so
	// that their floors add up (see [release.Partition]).
	Partitions []release.Partition
	// Vocabulary, when it declares paths, is the populations and regions
	// the evidence may use: [NewIndex] refuses a claim or verification
	// whose scope uses another, with the nearest declared path suggested
	// ("political prisoners" typed for "detainees/political" would
	// otherwise be a scope of its own that nothing caps). The zero
	// Vocabulary accepts every path.
	Vocabulary release.Vocabulary
}

// DefaultPolicy returns the default policy:
//
//	status weights       preliminary 0.8, verified 1, final 1
//	basis weights        named list 1, announcement 0.9, estimate 0.6
//	Tolerance            0.1 (source.DefaultTolerance)
//	MinWeight            0 (every claim with positive weight is credible)
//	PreliminaryIsFloor   true
//	CountNamedLists      true
//	ClosedRegisters      none
//	Best                 WeightedMedian
func DefaultPolicy() Policy {
	return Policy{
		Preliminary:        decimal.New(8, -1),
		Verified:           decimal.NewFromInt(1),
		Final:              decimal.NewFromInt(1),
		NamedList:          decimal.NewFromInt(1),
		Announcement:       decimal.New(9, -1),
		Estimate:           decimal.New(6, -1),
		Tolerance:          source.DefaultTolerance(),
		MinWeight:          decimal.Zero,
		PreliminaryIsFloor: true,
		CountNamedLists:    true,
		Best:               WeightedMedian,
	}
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError] wrapping [ErrInvalid].
func (p Policy) Validate() error {
	var errs []error
	unit := func(field string, d decimal.Decimal) {
		if d.Sign() < 0 || d.GreaterThan(decimal.NewFromInt(1)) {
			errs = append(errs, fieldErr(field, d.String(), ErrInvalid, "outside [0, 1]"))
		}
	}
	unit("Policy.Preliminary", p.Preliminary)
	unit("Policy.Verified", p.Verified)
	unit("Policy.Final", p.Final)
	unit("Policy.NamedList", p.NamedList)
	unit("Policy.Announcement", p.Announcement)
	unit("Policy.Estimate", p.Estimate)
	unit("Policy.Tolerance", p.Tolerance)
	unit("Policy.MinWeight", p.MinWeight)
	if !p.Best.IsValid() {
		errs = append(errs, fieldErr("Policy.Best", p.Best.String(), ErrInvalid, "unknown rule"))
	}
	// A set, not a search of the list so far: a policy naming many
	// sources must not cost the square of their number.
	seen := map[source.SourceID]bool{}
	for _, id := range p.Hierarchy {
		if !id.IsValid() || seen[id] {
			errs = append(errs, fieldErr("Policy.Hierarchy", id.String(), ErrInvalid, "empty or repeated source"))
		}
		seen[id] = true
	}
	clear(seen)
	for _, id := range p.ClosedRegisters {
		if !id.IsValid() || seen[id] {
			errs = append(errs, fieldErr("Policy.ClosedRegisters", id.String(), ErrInvalid, "empty or repeated source"))
		}
		seen[id] = true
	}
	if p.Best == Hierarchy && len(p.Hierarchy) == 0 {
		errs = append(errs, fieldErr("Policy.Hierarchy", "", ErrInvalid, "the hierarchy rule needs an order of sources"))
	}
	for _, id := range sortedKeys(p.SourceWeights) {
		if !id.IsValid() {
			errs = append(errs, fieldErr("Policy.SourceWeights", "", ErrInvalid, "empty source ID"))
		}
		unit("Policy.SourceWeights["+id.String()+"]", p.SourceWeights[id])
	}
	for _, pt := range p.Partitions {
		if !pt.Parent().IsValid() {
			errs = append(errs, fieldErr("Policy.Partitions", "", ErrInvalid, "zero partition"))
		}
	}
	return errors.Join(errs...)
}

func sortedKeys(m map[source.SourceID]decimal.Decimal) []source.SourceID {
	return slices.SortedFunc(maps.Keys(m), source.SourceID.Compare)
}

// statusWeight returns the weight of a status; 0 for a retraction.
func (p Policy) statusWeight(s source.Status) decimal.Decimal {
	switch s {
	case source.Preliminary:
		return p.Preliminary
	case source.Verified:
		return p.Verified
	case source.Final:
		return p.Final
	}
	return decimal.Zero
}

func (p Policy) basisWeight(b source.Basis) decimal.Decimal {
	switch b {
	case source.NamedList:
		return p.NamedList
	case source.Announcement:
		return p.Announcement
	case source.Estimate:
		return p.Estimate
	}
	return decimal.Zero
}

// clone returns p with its slices and map copied, so that an Index does not
// share them with the caller.
func (p Policy) clone() Policy {
	p.Hierarchy = slices.Clone(p.Hierarchy)
	p.Partitions = slices.Clone(p.Partitions)
	p.ClosedRegisters = slices.Clone(p.ClosedRegisters)
	p.SourceWeights = maps.Clone(p.SourceWeights)
	return p
}
