package reconcile_test

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/source"
)

// Invariant 3: Merge is commutative, associative and idempotent, with the
// zero Evidence as identity, and figures do not depend on the order,
// grouping or repetition of the input.

func TestInvariant3MergeLaws(t *testing.T) {
	reconciletest.EvidenceLaws().Check(t)
}

func mustFold(t fataler, pieces []reconcile.Evidence) reconcile.Evidence {
	t.Helper()
	e, err := reconciletest.Fold(reconciletest.EvidenceLaws(), pieces)
	if err != nil {
		t.Fatalf("compatible pieces do not merge: %v", err)
	}
	return e
}

// rebuild adds the content of e to the zero Evidence again, claims and
// verifications in a drawn order and in drawn batches, sources first.
func rebuild(t *rapid.T, e reconcile.Evidence) reconcile.Evidence {
	var out reconcile.Evidence
	out, err := out.AddSources(rapid.Permutation(slices.Collect(e.Sources())).Draw(t, "source order")...)
	if err != nil {
		t.Fatalf("AddSources: %v", err)
	}
	claims := rapid.Permutation(claimsOf(e)).Draw(t, "claim order")
	for len(claims) > 0 {
		n := rapid.IntRange(1, len(claims)).Draw(t, "batch")
		out = mustAdd(t, out, claims[:n]...)
		claims = claims[n:]
	}
	vs := rapid.Permutation(slices.Collect(e.Verifications())).Draw(t, "verification order")
	if out, err = out.AddVerifications(vs...); err != nil {
		t.Fatalf("AddVerifications: %v", err)
	}
	return out
}

func propInvariant3FiguresIgnoreOrderGroupingDuplicates(t *rapid.T) {
	pieces := reconciletest.EvidencePieces().Draw(t, "pieces")
	inOrder := mustFold(t, pieces)

	perm := rapid.Permutation(pieces).Draw(t, "permutation")
	var groups []reconcile.Evidence
	for start := 0; start < len(perm); {
		end := rapid.IntRange(start+1, len(perm)).Draw(t, "group end")
		groups = append(groups, mustFold(t, perm[start:end]))
		start = end
	}
	slices.Reverse(groups)
	var dup []reconcile.Evidence
	for _, p := range pieces {
		for range rapid.IntRange(1, 3).Draw(t, "copies") {
			dup = append(dup, p)
		}
	}
	variants := map[string]reconcile.Evidence{
		"permuted":   mustFold(t, perm),
		"regrouped":  mustFold(t, groups),
		"duplicated": mustFold(t, rapid.Permutation(dup).Draw(t, "shuffled copies")),
		"rebuilt":    rebuild(t, inOrder),
	}
	for name, e := range variants {
		if !e.Equal(inOrder) {
			t.Fatalf("the %s pieces merge to\n%s\nbut in order to\n%s", name, dump(e), dump(inOrder))
		}
	}

	p := reconciletest.Policy().Draw(t, "p")
	queries := drawQueries(t)
	for _, p := range everyRule(p) {
		ix := mustIndex(t, inOrder, p)
		want := allFigures(t, ix, queries)
		for name, e := range variants {
			ix2 := mustIndex(t, e, p)
			got := allFigures(t, ix2, queries)
			if len(got) != len(want) {
				t.Fatalf("rule %v: the %s pieces give %d figures, in order %d", p.Best, name, len(got), len(want))
			}
			for i := range want {
				if !got[i].Equal(want[i]) {
					t.Fatalf("rule %v: the %s pieces give\n%s\nbut in order\n%s\nevidence %s", p.Best, name, got[i].Describe(), want[i].Describe(), dump(inOrder))
				}
				d1, err1 := ix.Discrepancies(want[i].Measure, want[i].Scope)
				d2, err2 := ix2.Discrepancies(want[i].Measure, want[i].Scope)
				if err1 != nil || err2 != nil || !slices.EqualFunc(d1, d2, reconcile.Discrepancy.Equal) {
					t.Fatalf("rule %v: the %s pieces give other discrepancies for %v %v: %v, %v", p.Best, name, want[i].Measure, want[i].Scope, err1, err2)
				}
			}
			for _, c := range claimsOf(inOrder) {
				r1, ok1 := ix.Reading(c.ID)
				r2, ok2 := ix2.Reading(c.ID)
				if !ok1 || !ok2 || !sameReading(r1, r2) {
					t.Fatalf("rule %v: the %s pieces read claim %s as %+v, in order as %+v", p.Best, name, c.ID, r2, r1)
				}
			}
		}
	}
}

func sameReading(a, b reconcile.Reading) bool {
	return a.Claim == b.Claim && a.State == b.State && a.By == b.By && a.Measure == b.Measure &&
		a.Scope == b.Scope && a.Quantity == b.Quantity && a.Interval == b.Interval &&
		a.Weight.Equal(b.Weight) && a.Credible == b.Credible
}

func TestInvariant3FiguresIgnoreOrderGroupingDuplicates(t *testing.T) {
	rapid.Check(t, propInvariant3FiguresIgnoreOrderGroupingDuplicates)
}

// TestMergeLeavesItsArgumentsAlone checks that Merge neither modifies nor
// aliases its arguments: merging, then adding to the result, leaves both
// arguments as they were.
func TestMergeLeavesItsArgumentsAlone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		pieces := reconciletest.EvidencePieces().Draw(t, "pieces")
		a := pieces[0]
		b := pieces[len(pieces)-1]
		ja, jb := dump(a), dump(b)
		m, err := reconcile.Merge(a, b)
		if err != nil {
			t.Fatalf("Merge: %v", err)
		}
		if m.NumSources() > 0 {
			if m, err = m.AddVerifications(reconciletest.VerificationOf(m).Draw(t, "v")); err != nil {
				t.Fatalf("AddVerifications: %v", err)
			}
		}
		for c := range m.Claims() {
			if c.Status == source.Retracted {
				continue
			}
			c.ID, c.Supersedes = source.MustClaimID("zz-new"), source.ClaimID{}
			if _, err := m.AddClaims(c); err != nil {
				t.Fatalf("AddClaims: %v", err)
			}
			break
		}
		if dump(a) != ja || dump(b) != jb {
			t.Fatalf("merging and adding to the result changed an argument")
		}
	})
}
