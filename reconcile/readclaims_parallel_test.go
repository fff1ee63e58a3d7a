package reconcile

import (
	"fmt"
	"slices"
)

// SameReading returns an error naming the first claim or scope that a and
// b read differently: the records of their claims and their scopes must be
// identical, for the external tests.
func SameReading(a, b *Index) error {
	if len(a.recs) != len(b.recs) || len(a.scopes) != len(b.scopes) {
		return fmt.Errorf("%d claims and %d scopes against %d and %d", len(a.recs), len(a.scopes), len(b.recs), len(b.scopes))
	}
	for i := range a.recs {
		if a.recs[i] != b.recs[i] {
			return fmt.Errorf("claim %s: %+v against %+v", a.ev.claims[i].ID, a.recs[i], b.recs[i])
		}
	}
	for i := range a.scopes {
		if a.scopes[i] != b.scopes[i] {
			return fmt.Errorf("scope %d: %v against %v", i, a.scopes[i], b.scopes[i])
		}
	}
	return nil
}

// GroupedClaims returns how many claims of ix are in groups of a source's
// statements on one measure and scope (see groups), and how many a reader
// needs before it splits them between two goroutines.
func GroupedClaims(ix *Index) (grouped, least int) {
	rd := reader{
		ix:   &Index{ev: ix.ev, recs: slices.Clone(ix.recs)},
		keys: make([]scopeKey, len(ix.recs)), prs: interner{n: map[popReg]uint64{}},
	}
	for i := range rd.ix.recs {
		rd.setKey(i, ix.scopes[ix.recs[i].sid], &rd.prs) // the scope as resolved
	}
	return len(rd.numberScopes(nil).members), parallelMin
}
