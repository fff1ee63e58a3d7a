package reconcile_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/source"
)

// errText is err's message, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// drawChainClaims draws claims of two sources whose supersession and
// relative references, to one another and to claims never given, may run
// across sources, against the clock, or in loops.
func drawChainClaims(t *rapid.T) []source.Claim {
	n := rapid.IntRange(2, 9).Draw(t, "claims")
	srcs := []source.SourceID{ngoID, govID}
	cs := make([]source.Claim, n)
	for i := range cs {
		s := srcs[rapid.IntRange(0, 1).Draw(t, "source")]
		cs[i] = say(fmt.Sprintf("k%d", i), s, at(25, rapid.IntRange(0, 5).Draw(t, "hour")), scope(political, ve, day(25)), "10")
		switch rapid.IntRange(0, 3).Draw(t, "reference") {
		case 1:
			if j := rapid.IntRange(0, n).Draw(t, "superseded"); j != i {
				cs[i].Supersedes = source.MustClaimID(fmt.Sprintf("k%d", j))
			}
		case 2:
			j := rapid.IntRange(0, n).Draw(t, "referred")
			cs[i].Quantity = source.Quantity{}
			cs[i].Relative = source.Relative{To: source.MustClaimID(fmt.Sprintf("k%d", j)),
				Ratio: decimal.RequireFromString("2"), Kind: source.About}
		}
	}
	return cs
}

// TestChainsCheckedIncrementallyAsFromScratch checks the invariant that
// lets Merge and AddClaims check only the chains their operands left open:
// whatever the split of a set of claims into two, merging the two parts,
// or adding one part's claims to the other, fails exactly as adding all the
// claims at once does, with the same errors; a part that fails alone
// makes the whole fail.
func TestChainsCheckedIncrementallyAsFromScratch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cs := drawChainClaims(t)
		var empty reconcile.Evidence
		empty, err := empty.AddSources(standardSources()...)
		if err != nil {
			t.Fatal(err)
		}
		_, whole := empty.AddClaims(cs...)
		var left, right []source.Claim
		for i, c := range cs {
			switch rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("side of k%d", i)) {
			case 0:
				left = append(left, c)
			case 1:
				right = append(right, c)
			default:
				left, right = append(left, c), append(right, c)
			}
		}
		a, errA := empty.AddClaims(left...)
		b, errB := empty.AddClaims(right...)
		if errA != nil || errB != nil {
			if whole == nil {
				t.Fatalf("a part fails (%v; %v) but the whole does not", errA, errB)
			}
			return
		}
		m, err := reconcile.Merge(a, b)
		if errText(err) != errText(whole) {
			t.Fatalf("Merge: %q, from scratch: %q", errText(err), errText(whole))
		}
		_, err = a.AddClaims(right...)
		if errText(err) != errText(whole) {
			t.Fatalf("AddClaims onto a part: %q, from scratch: %q", errText(err), errText(whole))
		}
		if whole != nil {
			return
		}
		// What the merge left open is what a later merge must check: adding
		// every claim again, or merging with the whole, changes nothing.
		all, _ := empty.AddClaims(cs...)
		again, err := reconcile.Merge(m, all)
		if err != nil || !again.Equal(all) {
			t.Fatalf("merging the union with the whole: %v", err)
		}
	})
}
