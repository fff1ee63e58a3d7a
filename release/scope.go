package release

import (
	"encoding/json"
	"errors"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Scope is what a figure is about: a [Population] in a [Region] over a
// [Period]. "Political prisoners released in Venezuela on Sunday 25
// January 2026" is the scope (detainees/political, VE, 2026-01-25).
//
// Scopes are partially ordered by [Scope.Contains]; a day nests in a
// period, a state in its country, political prisoners among detainees.
//
// Scope is an immutable value, comparable with == and usable as a map key.
// The zero Scope is not valid: population and region must be set (the
// period may be open).
type Scope struct {
	pop Population
	reg Region
	per Period
}

// NewScope returns the scope pop × reg × per, or an error naming the
// missing field.
func NewScope(pop Population, reg Region, per Period) (Scope, error) {
	var errs []error
	if !pop.IsValid() {
		errs = append(errs, fieldErr("Scope.Population", "", "zero value"))
	}
	if !reg.IsValid() {
		errs = append(errs, fieldErr("Scope.Region", "", "zero value"))
	}
	if per.first.IsValid() && per.last.IsValid() && per.first.After(per.last) {
		errs = append(errs, fieldErr("Scope.Period", per.String(), "first day after last day"))
	}
	if len(errs) > 0 {
		return Scope{}, errors.Join(errs...)
	}
	return Scope{pop, reg, per}, nil
}

// MustScope is like [NewScope] but panics on error. It is meant for tests
// and examples.
func MustScope(pop Population, reg Region, per Period) Scope {
	s, err := NewScope(pop, reg, per)
	if err != nil {
		panic(err)
	}
	return s
}

// IsValid reports whether s has a population and a region.
func (s Scope) IsValid() bool { return s.pop.IsValid() && s.reg.IsValid() }

// Population returns the population counted.
func (s Scope) Population() Population { return s.pop }

// Region returns the place.
func (s Scope) Region() Region { return s.reg }

// Period returns the days.
func (s Scope) Period() Period { return s.per }

// WithPeriod returns a copy of s over per.
func (s Scope) WithPeriod(per Period) Scope { s.per = per; return s }

// WithPopulation returns a copy of s about pop.
func (s Scope) WithPopulation(pop Population) Scope { s.pop = pop; return s }

// WithRegion returns a copy of s in reg.
func (s Scope) WithRegion(reg Region) Scope { s.reg = reg; return s }

// Contains reports whether t lies within s in every dimension: its
// population within s's population, its region within s's region, its
// period within s's period. It is a partial order (reflexive, antisymmetric,
// transitive) on valid scopes; the zero Scope contains nothing and is
// contained in nothing.
func (s Scope) Contains(t Scope) bool {
	return s.pop.Contains(t.pop) && s.reg.Contains(t.reg) && s.per.Contains(t.per)
}

// Overlaps reports whether s and t may share a counted event: their periods
// share a day, their regions are nested, and no declared [Partition]
// separates their populations. It is the negation of [Scope.Disjoint].
func (s Scope) Overlaps(t Scope, partitions ...Partition) bool { return !s.Disjoint(t, partitions...) }

// Disjoint reports whether no event can be counted in both s and t: their
// periods share no day, their regions are siblings (or cousins), or one of
// partitions places their populations in different parts. Without a
// partition, two populations are never known to be disjoint, so Disjoint
// does not claim what it cannot know. Invalid scopes are disjoint from
// everything.
func (s Scope) Disjoint(t Scope, partitions ...Partition) bool {
	if !s.IsValid() || !t.IsValid() {
		return true
	}
	if !s.per.Overlaps(t.per) || s.reg.Disjoint(t.reg) {
		return true
	}
	for _, pt := range partitions {
		if pt.Separates(s.pop, t.pop) {
			return true
		}
	}
	return false
}

// Compare orders scopes by population, then region, then period. It is a
// total order consistent with ==, for sorting; it is not [Scope.Contains].
func (s Scope) Compare(t Scope) int {
	if c := s.pop.Compare(t.pop); c != 0 {
		return c
	}
	if c := s.reg.Compare(t.reg); c != 0 {
		return c
	}
	return s.per.Compare(t.per)
}

// String returns "POPULATION @ REGION PERIOD", as
// "detainees/political @ VE 2026-01-25/2026-01-25".
func (s Scope) String() string {
	if !s.IsValid() {
		return "<invalid scope>"
	}
	return s.pop.String() + " @ " + s.reg.String() + " " + s.per.String()
}

type scopeJSON struct {
	Population Population `json:"population"`
	Region     Region     `json:"region"`
	Period     Period     `json:"period"`
}

// MarshalJSON writes {"population":…,"region":…,"period":…}.
func (s Scope) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("Scope", "", "zero value")
	}
	return json.Marshal(scopeJSON{s.pop, s.reg, s.per})
}

// UnmarshalJSON reads what [Scope.MarshalJSON] writes, through [NewScope].
// All three fields are required.
func (s *Scope) UnmarshalJSON(data []byte) error {
	var v struct {
		Population *Population `json:"population"`
		Region     *Region     `json:"region"`
		Period     *Period     `json:"period"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return decodeErr("Scope", errfmt.Quote(string(data)), located("Scope", data, &v, err))
	}
	var errs []error
	if v.Population == nil {
		errs = append(errs, fieldErr("Scope.Population", "", "missing"))
	}
	if v.Region == nil {
		errs = append(errs, fieldErr("Scope.Region", "", "missing"))
	}
	if v.Period == nil {
		errs = append(errs, fieldErr("Scope.Period", "", "missing"))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	t, err := NewScope(*v.Population, *v.Region, *v.Period)
	if err != nil {
		return err
	}
	*s = t
	return nil
}
