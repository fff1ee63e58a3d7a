package mse_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
	"github.com/freedcount/freedcount/source"
)

// Each property is written once as a func(*rapid.T), run by a Test with
// rapid.Check and, in fuzz_test.go, by a Fuzz target with rapid.MakeFuzz.
// Select is exercised on up to four lists (64 models) so that the default
// go test, race detector included, stays fast; Fit covers five and six.

var categories = []error{mse.ErrInvalid, mse.ErrConflict, mse.ErrEmptyStratum, mse.ErrTooFewLists, mse.ErrNoOverlap, mse.ErrNotEstimable}

// checkRefusal fails unless err is a *FieldError wrapping exactly one
// category.
func checkRefusal(t require.TestingT, err error) {
	if _, ok := errors.AsType[*mse.FieldError](err); !ok {
		require.Failf(t, "untyped error", "%v is not a *mse.FieldError", err)
	}
	n := 0
	for _, c := range categories {
		if errors.Is(err, c) {
			n++
		}
	}
	require.Equal(t, 1, n, "error %v wraps %d categories", err, n)
}

// checkEstimate fails unless e is a sound estimate of h. It tests with
// plain comparisons and calls require only to fail: testify's assertions
// each walk the stack (t.Helper), which made the fuzz targets that check
// every estimate of a table run below 1,000 executions a second.
func checkEstimate(t require.TestingT, h mse.Histories, e mse.Estimate) {
	if err := e.Validate(); err != nil {
		require.NoError(t, err)
	}
	n := float64(h.Observed())
	iv := e.Interval()
	hi, ok := iv.Hi()
	switch {
	case h.Observed() != e.Observed:
		require.Failf(t, "observed", "estimate observes %d, the table %d", e.Observed, h.Observed())
	case !(n <= e.Lo):
		require.Failf(t, "Lo below observed", "%v", e)
	case !(e.Lo <= e.N) || !(e.N <= e.Hi):
		require.Failf(t, "Lo ≤ N ≤ Hi broken", "%v", e)
	case iv.Lo() < h.Observed():
		require.Failf(t, "interval below observed", "%v", e)
	case !ok:
		require.Failf(t, "open interval", "%v", e)
	case hi < int(math.Floor(e.N)):
		require.Failf(t, "interval below N", "%v", e)
	}
}

// estimates returns every estimate the package makes of h, with model
// selection and its profile-likelihood interval if withSelect, failing on
// any error that is not a typed refusal.
func estimates(t require.TestingT, h mse.Histories, withSelect bool) []mse.Estimate {
	return estimatesTo(t, h, withSelect, withSelect)
}

// estimatesTo is estimates with the profile-likelihood interval of the
// selection apart (withProfile): it refits the model dozens of times, and
// was most of the time of a fuzz execution.
func estimatesTo(t require.TestingT, h mse.Histories, withSelect, withProfile bool) []mse.Estimate {
	var out []mse.Estimate
	of := func(h mse.Histories) func(mse.Estimate, error) {
		return func(e mse.Estimate, err error) {
			if err != nil {
				checkRefusal(t, err)
				return
			}
			checkEstimate(t, h, e)
			out = append(out, e)
		}
	}
	ls := h.Lists()
	two, err := h.Restrict(ls[0], ls[1])
	require.NoError(t, err)
	of(two)(mse.LincolnPetersen(two, mse.DefaultOptions()))
	of(two)(mse.Chapman(two, mse.DefaultOptions()))
	of(h)(mse.Fit(h, nil, mse.DefaultOptions()))
	if len(ls) >= 3 {
		of(h)(mse.Fit(h, [][2]mse.ListID{{ls[0], ls[1]}}, mse.DefaultOptions()))
	}
	if withSelect {
		o := mse.DefaultOptions()
		o.Heterogeneity = true
		s, err := mse.Select(h, o)
		if err != nil {
			checkRefusal(t, err)
		} else {
			for i := range s.Len() {
				checkEstimate(t, h, s.At(i))
				out = append(out, s.At(i))
			}
			for _, sk := range s.Skipped() {
				checkRefusal(t, sk.Err)
			}
			a := s.Average()
			checkEstimate(t, h, a.Estimate)
			checkAverage(t, s, a)
			out = append(out, a.Estimate)
			if !withProfile {
				return out
			}
			if p, err := s.ProfileAt(0); err != nil {
				checkRefusal(t, err)
			} else {
				checkProfile(t, h, p)
			}
		}
	}
	return out
}

// propNeverBelowObserved: every estimate satisfies Observed ≤ Lo ≤ N ≤ Hi,
// its integer interval starts at or above Observed, and every refusal is
// typed.
func propNeverBelowObserved(t *rapid.T) {
	h := msetest.Histories(2, 4).Draw(t, "h")
	estimates(t, h, true)
}

func TestEstimateNeverBelowObserved(t *testing.T) { rapid.Check(t, propNeverBelowObserved) }

// propNeverBelowObservedManyLists is the same for five and six lists,
// through Fit.
func propNeverBelowObservedManyLists(t *rapid.T) {
	h := msetest.Histories(5, 6).Draw(t, "h")
	estimates(t, h, false)
}

func TestEstimateNeverBelowObservedManyLists(t *testing.T) {
	rapid.Check(t, propNeverBelowObservedManyLists)
}

// propFullOverlapNeverRaisesUnseen: one more person seen on every list never
// raises the estimated number unseen, for Lincoln–Petersen, Chapman and the
// log-linear independence model. (For models with interactions it can; see
// TestFullOverlapCanRaiseSaturatedModel.)
func propFullOverlapNeverRaisesUnseen(t *rapid.T) {
	h := msetest.Histories(2, 6).Draw(t, "h")
	more := msetest.AddEverywhere(h)
	ls := h.Lists()
	type est func(mse.Histories) (mse.Estimate, error)
	first2 := func(f func(mse.Histories, mse.Options) (mse.Estimate, error)) est {
		return func(h mse.Histories) (mse.Estimate, error) {
			two, err := h.Restrict(ls[0], ls[1])
			if err != nil {
				return mse.Estimate{}, err
			}
			return f(two, mse.DefaultOptions())
		}
	}
	for name, f := range map[string]est{
		"lincoln-petersen": first2(mse.LincolnPetersen),
		"chapman":          first2(mse.Chapman),
		"independence":     func(h mse.Histories) (mse.Estimate, error) { return mse.Fit(h, nil, mse.DefaultOptions()) },
	} {
		before, err1 := f(h)
		after, err2 := f(more)
		if err1 != nil || err2 != nil {
			continue
		}
		// The fit is exact to about 1e-8 relative; allow for it.
		if after.Unseen() > before.Unseen()*(1+1e-7)+1e-7 {
			t.Fatalf("%s: unseen rose from %v to %v after adding a person on every list\n%v\n%v", name, before.Unseen(), after.Unseen(), h, more)
		}
	}
}

func TestFullOverlapNeverRaisesUnseen(t *testing.T) { rapid.Check(t, propFullOverlapNeverRaisesUnseen) }

// TestFullOverlapCanRaiseSaturatedModel pins why the property above is
// limited to models without interactions: with three lists and all three
// interactions (saturated), the unseen are y100·y010·y001·y111 /
// (y110·y101·y011), which grows with y111.
func TestFullOverlapCanRaiseSaturatedModel(t *testing.T) {
	ls := msetest.Lists(3)
	cells := map[string]int{"100": 50, "010": 40, "001": 30, "110": 10, "101": 8, "011": 6, "111": 2}
	h := mse.MustHistories(msetest.Stratum(), ls, cells)
	all := [][2]mse.ListID{{ls[0], ls[1]}, {ls[0], ls[2]}, {ls[1], ls[2]}}
	before, err := mse.Fit(h, all, mse.DefaultOptions())
	require.NoError(t, err)
	after, err := mse.Fit(msetest.AddEverywhere(h), all, mse.DefaultOptions())
	require.NoError(t, err)
	assert.InDelta(t, 50.0*40*30*2/(10*8*6), before.Unseen(), 1e-6)
	assert.InDelta(t, 50.0*40*30*3/(10*8*6), after.Unseen(), 1e-6)
	assert.Greater(t, after.Unseen(), before.Unseen())
	assert.Equal(t, 0, before.DF)
}

// permuted returns h rebuilt from its lists in the order perm, with every
// pattern rewritten to that order.
func permuted(h mse.Histories, perm []int) mse.Histories {
	ls := h.Lists()
	order := make([]mse.ListID, len(perm))
	for i, p := range perm {
		order[i] = ls[p]
	}
	cells := map[string]int{}
	for p, c := range h.Cells() {
		b := make([]byte, len(perm))
		for i, q := range perm {
			b[i] = p[q]
		}
		cells[string(b)] = c
	}
	return mse.MustHistories(h.Stratum(), order, cells)
}

func sameEstimates(t *rapid.T, a, b mse.Histories) {
	ea, eb := estimates(t, a, true), estimates(t, b, true)
	if !slices.EqualFunc(ea, eb, mse.Estimate.Equal) {
		t.Fatalf("estimates differ:\n%v\n%v", ea, eb)
	}
}

// propListOrder: the order in which lists (and so the characters of the
// patterns) are given changes neither the table nor any estimate, to the
// last bit.
func propListOrder(t *rapid.T) {
	h := msetest.Histories(2, 4).Draw(t, "h")
	idx := make([]int, h.NumLists())
	for i := range idx {
		idx[i] = i
	}
	perm := rapid.Permutation(idx).Draw(t, "perm")
	p := permuted(h, perm)
	if !p.Equal(h) {
		t.Fatalf("tables differ:\n%v\n%v", h, p)
	}
	sameEstimates(t, h, p)
}

func TestInvariantUnderListOrder(t *testing.T) { rapid.Check(t, propListOrder) }

// propRecordOrder: tallying the sightings of a table in any order, with
// repeats, and with the lists given in any order, gives the table back.
func propRecordOrder(t *rapid.T) {
	h := msetest.Histories(2, 4).Draw(t, "h")
	ss := msetest.Sightings(h)
	if len(ss) > 0 {
		dups := rapid.SliceOfN(rapid.IntRange(0, len(ss)-1), 0, 10).Draw(t, "repeats")
		for _, i := range dups {
			ss = append(ss, ss[i])
		}
	}
	ss = rapid.Permutation(ss).Draw(t, "order")
	lists := rapid.Permutation(h.Lists()).Draw(t, "lists")
	got, err := mse.Tally(lists, ss)
	require.NoError(t, err)
	if h.Observed() == 0 {
		require.Empty(t, got)
		return
	}
	require.Len(t, got, 1)
	if !got[0].Equal(h) {
		t.Fatalf("tally differs:\n%v\n%v", h, got[0])
	}
	sameEstimates(t, h, got[0])
}

func TestInvariantUnderRecordOrder(t *testing.T) { rapid.Check(t, propRecordOrder) }

// propFitMatchesSelect: a model fitted alone gives what Select gives for it,
// to the last bit, since every model starts from the same values.
func propFitMatchesSelect(t *rapid.T) {
	h := msetest.Histories(3, 4).Draw(t, "h")
	s, err := mse.Select(h, mse.DefaultOptions())
	if err != nil {
		checkRefusal(t, err)
		return
	}
	e := s.At(rapid.IntRange(0, s.Len()-1).Draw(t, "model"))
	f, err := mse.Fit(h, e.Interactions, mse.DefaultOptions())
	require.NoError(t, err)
	if !f.Equal(e) {
		t.Fatalf("Fit %v\nSelect %v", f, e)
	}
}

func TestFitMatchesSelect(t *testing.T) { rapid.Check(t, propFitMatchesSelect) }

// propClaimWithinInterval: an estimate's claim is valid, has basis
// estimate, and states exactly its integer interval.
func propClaimWithinInterval(t *rapid.T) {
	h := msetest.Histories(2, 4).Draw(t, "h")
	for _, e := range estimates(t, h, false) {
		c, err := e.Claim(spec)
		require.NoError(t, err)
		require.Equal(t, source.Estimate, c.Basis)
		lo, hi := c.Quantity.Stated()
		ivHi, _ := e.Interval().Hi()
		require.Equal(t, e.Interval().Lo(), lo)
		require.Equal(t, ivHi, hi)
		require.GreaterOrEqual(t, lo, e.Observed)
	}
}

func TestClaimWithinInterval(t *testing.T) { rapid.Check(t, propClaimWithinInterval) }

// propJSONRoundTrip: a table encodes to bytes that decode to an equal table
// and encode again to the same bytes.
func propJSONRoundTrip(t *rapid.T) {
	h := msetest.Histories(2, 6).Draw(t, "h")
	b, err := h.MarshalJSON()
	require.NoError(t, err)
	var back mse.Histories
	require.NoError(t, back.UnmarshalJSON(b))
	require.True(t, back.Equal(h), "%v\n%v", h, back)
	b2, err := back.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
}

func TestHistoriesJSONRoundTrip(t *testing.T) { rapid.Check(t, propJSONRoundTrip) }
