package msetest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// TestHistories checks that generated tables are valid, within the
// requested number of lists, and come back from their sightings.
func TestHistories(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.IntRange(mse.MinLists, mse.MaxLists).Draw(t, "lo")
		hi := rapid.IntRange(lo, mse.MaxLists).Draw(t, "hi")
		h := msetest.Histories(lo, hi).Draw(t, "h")
		if !h.IsValid() || h.NumLists() < lo || h.NumLists() > hi {
			t.Fatalf("bad table %v for [%d, %d]", h, lo, hi)
		}
		hs, err := mse.Tally(h.Lists(), msetest.Sightings(h))
		if err != nil {
			t.Fatal(err)
		}
		if h.Observed() > 0 && (len(hs) != 1 || !hs[0].Equal(h)) {
			t.Fatalf("tally of the sightings of %v gives %v", h, hs)
		}
		more := msetest.AddEverywhere(h)
		if more.Observed() != h.Observed()+1 || more.Captured(h.Lists()...) != h.Captured(h.Lists()...)+1 {
			t.Fatalf("AddEverywhere(%v) = %v", h, more)
		}
	})
}

func TestSimulatedIsDeterministic(t *testing.T) {
	a, b := msetest.Simulated(4, 1000, 7), msetest.Simulated(4, 1000, 7)
	if !a.Equal(b) {
		t.Fatalf("same seed, different tables:\n%v\n%v", a, b)
	}
	if a.Observed() == 0 || a.Observed() > 1000 {
		t.Fatalf("observed %d of 1000", a.Observed())
	}
}

func TestHistoriesPanicsOnBadRange(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Histories(1, 7) did not panic")
		}
	}()
	msetest.Histories(1, 7)
}

// TestFromPrior: a population drawn from the sampler's prior is the same
// for the same seed, has its total in [500, 20,000] and at least one
// class, and documents no more people than it has.
func TestFromPrior(t *testing.T) {
	o := mse.DefaultLatentClassOptions()
	for seed := range uint64(20) {
		a, b := msetest.FromPrior(4, o, seed), msetest.FromPrior(4, o, seed)
		if !a.Histories.Equal(b.Histories) || a.N != b.N || a.Classes != b.Classes {
			t.Fatalf("seed %d: same seed, different populations", seed)
		}
		if a.N < 500 || a.N > 20000 || a.Classes < 1 || a.Classes > o.Classes || a.Histories.Observed() > a.N {
			t.Fatalf("seed %d: N %d, %d classes, %d observed", seed, a.N, a.Classes, a.Histories.Observed())
		}
	}
}
