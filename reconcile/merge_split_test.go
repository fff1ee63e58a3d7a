package reconcile

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
)

// drawClaimSides draws two sorted, repeat-free lists of claims from one
// set of IDs: a claim on both sides is one pointer, an equal copy, or (when
// conflicts are drawn) a copy from another source.
func drawClaimSides(t *rapid.T, conflicts bool) (a, b []*source.Claim) {
	n := rapid.IntRange(0, 60).Draw(t, "ids")
	srcs := []source.SourceID{source.MustSourceID("s1"), source.MustSourceID("s2")}
	for i := range n {
		c := &source.Claim{ID: source.MustClaimID(fmt.Sprintf("c%03d", i)), Source: srcs[0]}
		switch rapid.IntRange(0, 4).Draw(t, "side") {
		case 0:
			a = append(a, c)
		case 1:
			b = append(b, c)
		case 2:
			a, b = append(a, c), append(b, c)
		case 3:
			d := *c
			a, b = append(a, c), append(b, &d)
		case 4:
			if conflicts {
				d := *c
				d.Source = srcs[1]
				a, b = append(a, c), append(b, &d)
			}
		}
	}
	return a, b
}

// TestMergeSplitIsOneMerge checks the property that makes a parallel merge
// of claims safe: cut into any number of parts merged concurrently, the
// merge gives the claims (the same pointers, in the same order) and the
// first conflict of one merge from the start, and runs what goes beside it
// once.
func TestMergeSplitIsOneMerge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := drawClaimSides(t, rapid.Bool().Draw(t, "conflicts"))
		parts := rapid.IntRange(1, 7).Draw(t, "parts")
		want := make([]*source.Claim, len(a)+len(b))
		n, wantErr := mergeClaimsInto(want, a, b)
		runs := 0
		got, err := mergeClaimsSplit(a, b, parts, func() { runs++ })
		if runs != 1 {
			t.Fatalf("ran what goes beside the merge %d times", runs)
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("error %v, one merge: %v", err, wantErr)
		}
		if wantErr != nil {
			return
		}
		if len(got) != n || cap(got) != n {
			t.Fatalf("%d claims (capacity %d), one merge: %d", len(got), cap(got), n)
		}
		for i := range n {
			if got[i] != want[i] {
				t.Fatalf("claim %d is %s, one merge: %s", i, got[i].ID, want[i].ID)
			}
		}
	})
}
