package reliability_test

import (
	"fmt"
	"testing"

	"github.com/freedcount/freedcount/source"
)

// TestDongCopyVoteFindsCopiersOfFalseValues checks the reference baseline
// of dong_test.go on what the paper says it does: a liar repeated by two
// copiers outvotes three independent sources wherever one of them errs, so
// that majority vote follows the clique there; sharing the liar's false
// figures reveals the copiers, and the copy-aware vote takes the truth on
// every object where at least two independent sources state it.
func TestDongCopyVoteFindsCopiersOfFalseValues(t *testing.T) {
	d := &dataset{truth: map[objKey]int{}, votes: map[objKey][]vote{}}
	var agreed []objKey // objects where at least two independent sources state the truth
	for o := range 60 {
		sc, ok := populationScope(fmt.Sprintf("city %02d", o), "Population2000")
		if !ok {
			t.Fatal("no scope")
		}
		k := objKey{source.Held, sc}
		truth := 1000 + o
		d.truth[k] = truth
		right := 0
		for h := range 4 {
			v := truth
			if (o+h)%4 == 0 || (o+2*h)%5 == 0 { // each independent source errs on about 2 objects in 5, each its own way
				v = truth + 1 + h
			} else {
				right++
			}
			d.votes[k] = append(d.votes[k], vote{src: fmt.Sprintf("honest%d", h), value: v})
		}
		if right >= 2 {
			agreed = append(agreed, k)
		}
		lie := truth
		if o%3 != 0 { // the liar errs on two objects in three
			lie = truth + 100
		}
		for _, s := range []string{"liar", "copier1", "copier2"} {
			d.votes[k] = append(d.votes[k], vote{src: s, value: lie})
		}
	}
	est, rounds := dongCopyVote(d)
	exact, _ := score(d.truth, est, 0)
	mExact, _ := score(d.truth, baseline(d, majority), 0)
	t.Logf("copy-aware vote wrong on %.3f (%d rounds), majority vote on %.3f", exact, rounds, mExact)
	if mExact == 0 {
		t.Fatal("the scenario does not mislead majority vote")
	}
	for _, k := range agreed {
		if v, _ := est(k); v != d.truth[k] {
			t.Errorf("%s: the copy-aware vote takes %d, not the truth %d that two independent sources state", k.s, v, d.truth[k])
		}
	}
}
