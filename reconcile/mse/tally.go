package mse

import (
	"errors"
	"maps"
	"slices"
	"strconv"

	"github.com/freedcount/freedcount/source"
)

// maxTallyErrors is the most problems [Tally] reports before it stops
// looking.
const maxTallyErrors = 16

// Sighting records that one person is documented by one list, within one
// stratum: one record of a list, once record linkage has said who it is.
// Person is the caller's opaque key for the person (a register ID, a
// linkage cluster number); this package only compares keys, never shows
// them, so it may hold anything comparable.
type Sighting[P comparable] struct {
	Stratum Stratum
	Person  P
	List    ListID
}

// Tally counts capture histories from sightings: for each stratum, how many
// people are on each pattern of lists. A person sighted several times on
// one list counts once; a person's pattern is the set of lists that sight
// them. Every table has all of lists, in canonical order, even a list that
// sights nobody in that stratum; the tables come in order of stratum, one
// per stratum that has a sighting.
//
// With linked records, the adapter is a loop: for each cluster of records
// that linkage says are one person, one Sighting per record, with the
// cluster's key as Person and the record's list.
//
// The result does not depend on the order of sightings or of lists. Tally
// fails with a [*FieldError], reporting up to 16 problems joined: bad lists
// ("Histories.Lists", [ErrInvalid]), a sighting with an invalid stratum or a
// list not in lists ("Sighting.Stratum", "Sighting.List", [ErrInvalid]), and
// a person sighted in two strata ("Sighting.Stratum", [ErrConflict], naming
// the strata but never the person), and a person key of interface type
// holding a value that cannot be compared ("Sighting.Person", [ErrInvalid]).
func Tally[P comparable](lists []ListID, sightings []Sighting[P]) (out []Histories, err error) {
	// A key of interface type holding an uncomparable value (a slice in
	// an any) makes the map below panic; report it instead.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fieldErr("Sighting.Person", "", ErrInvalid, "a person key is not comparable: %v", r)
		}
	}()
	perm, err := canonicalLists(lists)
	if err != nil {
		return nil, err
	}
	canon := make([]ListID, len(lists))
	for i, l := range lists {
		canon[perm[i]] = l
	}
	type person struct {
		stratum Stratum
		mask    uint
	}
	people := make(map[P]*person)
	var errs []error
	report := func(err error) bool {
		errs = append(errs, err)
		return len(errs) >= maxTallyErrors
	}
	for i, s := range sightings {
		at := "sighting " + strconv.Itoa(i)
		if !s.Stratum.IsValid() {
			if report(fieldErr("Sighting.Stratum", "", ErrInvalid, "missing at %s", at)) {
				break
			}
			continue
		}
		j, ok := slices.BinarySearchFunc(canon, s.List, ListID.Compare)
		if !ok {
			if report(fieldErr("Sighting.List", s.List.String(), ErrInvalid, "not one of the lists, at %s", at)) {
				break
			}
			continue
		}
		p := people[s.Person]
		if p == nil {
			p = &person{stratum: s.Stratum}
			people[s.Person] = p
		} else if p.stratum != s.Stratum {
			a, b := min(p.stratum.s, s.Stratum.s), max(p.stratum.s, s.Stratum.s)
			if report(fieldErr("Sighting.Stratum", a+" "+b, ErrConflict, "one person sighted in two strata, at %s", at)) {
				break
			}
			continue
		}
		p.mask |= 1 << j
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	byStratum := make(map[Stratum][]int)
	for _, p := range people {
		c := byStratum[p.stratum]
		if c == nil {
			c = make([]int, 1<<len(canon))
			byStratum[p.stratum] = c
		}
		c[p.mask]++
	}
	out = make([]Histories, 0, len(byStratum))
	// In order of stratum, so that the error for an oversized stratum does
	// not depend on map order.
	for _, s := range slices.SortedFunc(maps.Keys(byStratum), Stratum.Compare) {
		counts := byStratum[s]
		n := 0
		for _, c := range counts {
			n += c
		}
		if n > source.MaxCount {
			return nil, fieldErr("Histories.Counts", strconv.Itoa(n), ErrInvalid, "more than %d people in stratum %s", source.MaxCount, s)
		}
		out = append(out, Histories{stratum: s, lists: slices.Clone(canon), counts: counts, n: n})
	}
	return out, nil
}
