package mse_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
	"github.com/freedcount/freedcount/source"
)

func table(t *testing.T, k int, cells map[string]int) mse.Histories {
	t.Helper()
	h, err := mse.NewHistories(msetest.Stratum(), msetest.Lists(k), cells)
	require.NoError(t, err)
	return h
}

// requireRefusal checks that err is a *FieldError for field wrapping want.
func requireRefusal(t *testing.T, err error, field string, want error) {
	t.Helper()
	require.ErrorIs(t, err, want)
	checkRefusal(t, err)
	fe, ok := errors.AsType[*mse.FieldError](err)
	require.True(t, ok)
	assert.Equal(t, field, fe.Field())
	assert.True(t, strings.HasPrefix(err.Error(), "mse: "), err.Error())
}

func TestRefusesEmptyStratum(t *testing.T) {
	h := table(t, 3, nil)
	assert.Equal(t, 0, h.Observed())
	_, err := mse.Select(h, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrEmptyStratum)
	_, err = mse.Fit(h, nil, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrEmptyStratum)
	two := table(t, 2, nil)
	_, err = mse.Chapman(two, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrEmptyStratum)
}

// TestRefusesTooFewUsableLists: a list that documents nobody in the
// stratum does not count, and log-linear models need three that do.
func TestRefusesTooFewUsableLists(t *testing.T) {
	// Lists in canonical order: church, ngo-a, ngo-b, press; only ngo-a
	// (character 2 over the generators' order) and ngo-b (character 0) are
	// used.
	h := table(t, 4, map[string]int{"1000": 30, "0010": 40, "1010": 12})
	_, err := mse.Select(h, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrTooFewLists)
	assert.Contains(t, err.Error(), "2 of 4 lists document someone here (ngo-a ngo-b)")
	_, err = mse.Fit(h, nil, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrTooFewLists)

	// The two usable lists can still be used, by name.
	two, err := h.Restrict(mse.MustListID("ngo-a"), mse.MustListID("ngo-b"))
	require.NoError(t, err)
	e, err := mse.Chapman(two, mse.DefaultOptions())
	require.NoError(t, err)
	assert.InDelta(t, 82+40.0*30/13, e.N, 1e-9) // ab/(m+1) unseen

	// A two-list estimator with a list that documents nobody.
	empty, err := h.Restrict(mse.MustListID("ngo-a"), mse.MustListID("press"))
	require.NoError(t, err)
	_, err = mse.LincolnPetersen(empty, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrTooFewLists)
}

// TestSetsAsideEmptyLists: a list that documents nobody is left out of the
// fit, which is then that of the other lists alone.
func TestSetsAsideEmptyLists(t *testing.T) {
	with := table(t, 4, map[string]int{"1000": 30, "0100": 20, "0010": 40, "1010": 12, "1100": 5, "0110": 7, "1110": 2})
	without := table(t, 3, map[string]int{"100": 30, "010": 20, "001": 40, "101": 12, "110": 5, "011": 7, "111": 2})
	a, err := mse.Fit(with, nil, mse.DefaultOptions())
	require.NoError(t, err)
	b, err := mse.Fit(without, nil, mse.DefaultOptions())
	require.NoError(t, err)
	assert.Len(t, a.Lists, 3)
	assert.True(t, a.Equal(b), "%v\n%v", a, b)
}

func TestRefusesNoOverlap(t *testing.T) {
	h := table(t, 3, map[string]int{"100": 30, "010": 20, "001": 40})
	_, err := mse.Select(h, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrNoOverlap)

	two := table(t, 2, map[string]int{"10": 30, "01": 20})
	_, err = mse.LincolnPetersen(two, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrNoOverlap)
	_, err = mse.Chapman(two, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrNoOverlap)
}

// TestRefusesInteractionWithoutOverlap: lists ngo-b and press share nobody,
// so a model with their interaction has no estimate; Select skips it and
// ranks the others. Model [12,13] has none either: it makes ngo-b and press
// independent among the people not on ngo-a, and among those they share
// nobody, so the unseen run to infinity.
func TestRefusesInteractionWithoutOverlap(t *testing.T) {
	// Generators' order: ngo-b, press, ngo-a.
	h := table(t, 3, map[string]int{"100": 30, "010": 20, "001": 40, "101": 9, "011": 6, "111": 0})
	ls := msetest.Lists(3)
	_, err := mse.Fit(h, [][2]mse.ListID{{ls[1], ls[0]}}, mse.DefaultOptions())
	requireRefusal(t, err, "Model", mse.ErrNoOverlap)
	assert.Contains(t, err.Error(), "share nobody")

	s, err := mse.Select(h, mse.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, 3, s.Len())
	require.Len(t, s.Skipped(), 5)
	for _, sk := range s.Skipped() {
		if sk.Model == "[12,13]" {
			require.ErrorIs(t, sk.Err, mse.ErrNotEstimable)
			continue
		}
		require.ErrorIs(t, sk.Err, mse.ErrNoOverlap)
		assert.Contains(t, sk.Model, "23")
	}
}

// TestRefusesListThatHoldsEveryone: when one list documents everyone the
// others do, every model's fit runs to the boundary (that list looks
// complete, and its coefficient infinite): no model has an estimate.
func TestRefusesListThatHoldsEveryone(t *testing.T) {
	h := table(t, 3, map[string]int{"100": 50, "110": 10, "101": 8, "111": 3})
	s, err := mse.Select(h, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrNotEstimable)
	assert.Zero(t, s.Len())
	_, err = mse.Fit(h, nil, mse.DefaultOptions())
	requireRefusal(t, err, "Model", mse.ErrNotEstimable)
}

func TestRefusesBadInput(t *testing.T) {
	ls := msetest.Lists(3)
	_, err := mse.Fit(table(t, 3, map[string]int{"110": 1}), [][2]mse.ListID{{ls[0], ls[0]}}, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrTooFewLists)
	h := table(t, 3, map[string]int{"110": 3, "100": 4, "010": 5, "001": 6, "011": 1})
	_, err = mse.Fit(h, [][2]mse.ListID{{ls[0], ls[0]}}, mse.DefaultOptions())
	requireRefusal(t, err, "Model", mse.ErrInvalid)
	_, err = mse.Fit(h, [][2]mse.ListID{{ls[0], mse.MustListID("other")}}, mse.DefaultOptions())
	requireRefusal(t, err, "Model", mse.ErrInvalid)
	_, err = mse.LincolnPetersen(h, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrInvalid)
	_, err = mse.Select(mse.Histories{}, mse.DefaultOptions())
	requireRefusal(t, err, "Histories", mse.ErrInvalid)

	for _, o := range []mse.Options{{}, {Level: 1, Criterion: mse.AIC}, {Level: math.NaN(), Criterion: mse.BIC}, {Level: 0.9, Criterion: 7}} {
		_, err := mse.Select(h, o)
		require.ErrorIs(t, err, mse.ErrInvalid, "%+v", o)
		checkRefusal(t, err)
	}
}

func TestNewHistoriesReportsEveryField(t *testing.T) {
	_, err := mse.NewHistories(mse.Stratum{}, msetest.Lists(2), map[string]int{"1": 1, "00": 2, "12": 3, "10": -1, "01": 4})
	require.ErrorIs(t, err, mse.ErrInvalid)
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe, ok := errors.AsType[*mse.FieldError](e)
		require.True(t, ok)
		fields = append(fields, fe.Field()+" "+fe.Value)
	}
	assert.Equal(t, []string{
		`Histories.Stratum ""`, `Histories.Counts "00"`, `Histories.Counts "1"`,
		`Histories.Counts "10:-1"`, `Histories.Counts "12"`,
	}, fields)

	for _, lists := range [][]mse.ListID{msetest.Lists(1), append(msetest.Lists(6), mse.MustListID("x")),
		{mse.MustListID("a"), {}}, {mse.MustListID("a"), mse.MustListID("a")}} {
		_, err := mse.NewHistories(msetest.Stratum(), lists, nil)
		requireRefusal(t, err, "Histories.Lists", mse.ErrInvalid)
	}
	_, err = mse.NewHistories(msetest.Stratum(), msetest.Lists(2), map[string]int{"10": math.MaxInt32, "01": 1})
	requireRefusal(t, err, "Histories.Counts", mse.ErrInvalid)
}

func TestIDs(t *testing.T) {
	for _, s := range []string{"", " a", "a\x00", strings.Repeat("x", 129)} {
		_, err := mse.ParseListID(s)
		requireRefusal(t, err, "ListID", mse.ErrInvalid)
		_, err = mse.ParseStratum(s)
		requireRefusal(t, err, "Stratum", mse.ErrInvalid)
	}
	var l mse.ListID
	require.NoError(t, l.UnmarshalText([]byte("ngo")))
	b, err := l.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "ngo", string(b))
	_, err = mse.ListID{}.MarshalText()
	require.ErrorIs(t, err, mse.ErrInvalid)
	var s mse.Stratum
	require.Error(t, s.UnmarshalText(nil))
	assert.False(t, s.IsValid())
}

func TestEnums(t *testing.T) {
	for _, m := range []mse.Method{mse.MethodLincolnPetersen, mse.MethodChapman, mse.MethodLogLinear} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back mse.Method
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
	}
	for _, c := range []mse.Criterion{mse.AIC, mse.BIC} {
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back mse.Criterion
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, c, back)
	}
	assert.Equal(t, "Method(0)", mse.Method(0).String())
	assert.Equal(t, "Criterion(9)", mse.Criterion(9).String())
	_, err := mse.Method(9).MarshalText()
	require.ErrorIs(t, err, mse.ErrInvalid)
	var c mse.Criterion
	require.ErrorIs(t, c.UnmarshalText([]byte("aicc")), mse.ErrInvalid)
}

func TestTallyRefusals(t *testing.T) {
	ls := msetest.Lists(3)
	a, b := mse.MustStratum("a"), mse.MustStratum("b")
	_, err := mse.Tally(ls, []mse.Sighting[string]{
		{Stratum: a, Person: "María Pérez", List: ls[0]},
		{Stratum: b, Person: "María Pérez", List: ls[1]},
		{Stratum: a, Person: "x", List: mse.MustListID("elsewhere")},
		{Person: "y", List: ls[0]},
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, mse.ErrConflict)
	assert.ErrorIs(t, err, mse.ErrInvalid)
	assert.NotContains(t, err.Error(), "María", "an error never shows a person's key")
	assert.Contains(t, err.Error(), `Sighting.Stratum "a b"`)
	assert.Contains(t, err.Error(), `Sighting.List "elsewhere"`)

	many := make([]mse.Sighting[int], 100)
	_, err = mse.Tally(ls, many)
	assert.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 16)

	_, err = mse.Tally(ls[:1], []mse.Sighting[int]{})
	requireRefusal(t, err, "Histories.Lists", mse.ErrInvalid)
}

func TestEstimateValidate(t *testing.T) {
	var zero mse.Estimate
	require.ErrorIs(t, zero.Validate(), mse.ErrInvalid)
	_, err := zero.Claim(spec)
	require.ErrorIs(t, err, mse.ErrInvalid)
	assert.Equal(t, "", zero.Model())

	e, err := mse.Fit(hiv(), nil, mse.DefaultOptions())
	require.NoError(t, err)
	bad := e
	bad.Lo = 10
	require.ErrorIs(t, bad.Validate(), mse.ErrInvalid)
	bad = e
	bad.Hi = math.Inf(1)
	require.ErrorIs(t, bad.Validate(), mse.ErrInvalid)
	require.NoError(t, e.Validate())
	bad = e
	bad.Lists = append([]mse.ListID{}, e.Lists...)
	bad.Lists[1] = bad.Lists[0]
	assertField(t, bad.Validate(), "Estimate.Lists")
	bad.Lists[1] = mse.ListID{}
	assertField(t, bad.Validate(), "Estimate.Lists")
	bad = e
	bad.Hi = math.Inf(1)
	// Interval never panics, whatever the fields hold.
	bad.Lo, bad.Hi, bad.Observed = math.NaN(), math.NaN(), -5
	assert.Equal(t, "[0, 2147483647]", bad.Interval().String())

	noID := spec
	noID.ID = source.ClaimID{}
	_, err = e.Claim(noID)
	require.ErrorIs(t, err, mse.ErrInvalid)
	require.ErrorIs(t, err, source.ErrInvalid)
}

func TestFieldErrorNilReason(t *testing.T) {
	e := &mse.FieldError{Pkg: "mse", Path: []string{"F"}, Value: `"v"`}
	assert.Equal(t, `mse: F "v": invalid`, e.Error())
	assert.Nil(t, e.Unwrap())
}

func TestTallyUncomparableKey(t *testing.T) {
	ls := msetest.Lists(2)
	_, err := mse.Tally(ls, []mse.Sighting[any]{{Stratum: msetest.Stratum(), Person: []int{1}, List: ls[0]}})
	requireRefusal(t, err, "Sighting.Person", mse.ErrInvalid)
}

func TestSelectionOutOfRange(t *testing.T) {
	var zero mse.Selection
	assert.Zero(t, zero.Len())
	assert.Equal(t, "<no selection>", zero.String())
	assert.Empty(t, zero.Best().Lists)
	assert.Nil(t, zero.Lists())
	s, err := mse.Select(hiv(), mse.DefaultOptions())
	require.NoError(t, err)
	assert.Empty(t, s.At(-1).Lists)
	assert.Empty(t, s.At(64).Lists)
	n := 0
	for i, e := range s.All() {
		assert.True(t, e.Equal(s.At(i)))
		n++
	}
	assert.Equal(t, 64, n)
	assert.Equal(t, "rome: 64 models by aic, best [12,3,4]", s.String())
}

// assertField checks that err wraps ErrInvalid and holds a FieldError for
// field.
func assertField(t *testing.T, err error, field string) {
	t.Helper()
	require.ErrorIs(t, err, mse.ErrInvalid)
	fe, ok := errors.AsType[*mse.FieldError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, field, fe.Field())
}
