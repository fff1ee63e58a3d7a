package source_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

func allQuantityKinds() []source.QuantityKind {
	return []source.QuantityKind{
		source.Exactly, source.AtLeast, source.MoreThan, source.AtMost, source.FewerThan,
		source.About, source.Nearly, source.Between, source.Dozens, source.Hundreds, source.Thousands,
		source.Some, source.Several, source.Handful, source.Scores, source.SeveralDozen,
		source.SeveralThousand, source.TensOfThousands, source.HundredsOfThousands,
	}
}

func TestQuantityKindStringAndText(t *testing.T) {
	want := []string{"exactly", "at_least", "more_than", "at_most", "fewer_than", "about", "nearly",
		"between", "dozens", "hundreds", "thousands", "some", "several", "handful", "scores", "several_dozen",
		"several_thousand", "tens_of_thousands", "hundreds_of_thousands"}
	for i, k := range allQuantityKinds() {
		assert.True(t, k.IsValid(), k)
		assert.Equal(t, want[i], k.String())
		text, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want[i], string(text))
		var back source.QuantityKind
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, k, back)
		assert.Equal(t, k >= source.Dozens, k.IsVague(), k)
	}
	for _, k := range []source.QuantityKind{0, source.HundredsOfThousands + 1, 255} {
		assert.False(t, k.IsValid())
		assert.False(t, k.IsVague())
		assert.Equal(t, "QuantityKind("+strconv.Itoa(int(k))+")", k.String())
		_, err := k.MarshalText()
		assertQuantityFieldError(t, err, "QuantityKind", k.String())
	}
	for _, text := range []string{"", "Exactly", "at least", "unset", "QuantityKind(0)"} {
		k := source.About
		err := k.UnmarshalText([]byte(text))
		assertQuantityFieldError(t, err, "QuantityKind", text)
		assert.Equal(t, source.About, k, "a failed UnmarshalText must leave the kind unchanged")
	}
}

// assertFieldError checks that err is a *FieldError for field, repeating
// value (before quoting), wrapping ErrInvalid.
func assertQuantityFieldError(t *testing.T, err error, field, value string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, source.ErrInvalid)
	fe, ok := errors.AsType[*source.FieldError](err)
	if assert.True(t, ok, "%v is not a *FieldError", err) {
		assert.Equal(t, field, fe.Field())
		assert.Equal(t, errfmt.Quote(value), fe.Value)
	}
}

func TestQuantityZeroValueIsUnset(t *testing.T) {
	var q source.Quantity
	assert.False(t, q.IsValid())
	assert.Equal(t, source.QuantityKind(0), q.Kind())
	assert.Equal(t, 0, q.Number())
	lo, hi := q.Stated()
	assert.Equal(t, [2]int{0, 0}, [2]int{lo, hi})
	assert.Equal(t, source.Interval{}, q.Bounds(), "the zero Quantity says nothing")
	assert.Equal(t, "<unset>", q.String())
	_, err := q.MarshalText()
	assertQuantityFieldError(t, err, "Quantity", "<unset>")
	_, err = source.ParseQuantity(q.String())
	assert.Error(t, err)
}

func TestNewQuantityRejectsBadKindOrNumber(t *testing.T) {
	tests := []struct {
		kind         source.QuantityKind
		n            int
		field, value string
	}{
		{0, 5, "Quantity.Kind", "QuantityKind(0)"},
		{source.HundredsOfThousands + 1, 5, "Quantity.Kind", "QuantityKind(20)"},
		{source.Between, 5, "Quantity.Kind", "between"},
		{source.Dozens, 5, "Quantity.Kind", "dozens"},
		{source.About, -1, "Quantity", "about -1"},
		{source.Exactly, aboveMaxCount, "Quantity", strconv.Itoa(aboveMaxCount)},
		{source.FewerThan, 0, "Quantity", "fewer than 0"},
		{source.MoreThan, source.MaxCount, "Quantity", "more than 2147483647"},
	}
	for _, tc := range tests {
		q, err := source.NewQuantity(tc.kind, tc.n)
		assertQuantityFieldError(t, err, tc.field, tc.value)
		assert.Equal(t, source.Quantity{}, q)
	}
}

func TestNewBetweenRejectsBadOrInvertedEnds(t *testing.T) {
	q, err := source.NewBetween(900, 800)
	assertQuantityFieldError(t, err, "Between", "between 900 and 800")
	assert.ErrorContains(t, err, "low end 900 above high end 800")
	assert.Equal(t, source.Quantity{}, q)

	_, err = source.NewBetween(-1, 5)
	assertQuantityFieldError(t, err, "Between.Low", "-1")
	_, err = source.NewBetween(5, aboveMaxCount)
	assertQuantityFieldError(t, err, "Between.High", strconv.Itoa(aboveMaxCount))

	q, err = source.NewBetween(800, 800)
	require.NoError(t, err)
	assert.Equal(t, source.MustInterval(800, 800), q.Bounds())
}

func TestNewVagueAcceptsOnlyVagueWords(t *testing.T) {
	for _, k := range allQuantityKinds() {
		q, err := source.NewVague(k)
		if k.IsVague() {
			require.NoError(t, err)
			assert.Equal(t, k, q.Kind())
			continue
		}
		assertQuantityFieldError(t, err, "Quantity.Kind", k.String())
	}
	_, err := source.NewVague(0)
	assertQuantityFieldError(t, err, "Quantity.Kind", "QuantityKind(0)")
}

func TestQuantityBoundsAndStated(t *testing.T) {
	unbounded := func(lo int) source.Interval {
		i, err := source.NewIntervalFrom(lo)
		require.NoError(t, err)
		return i
	}
	tests := []struct {
		phrase         string
		bounds         source.Interval
		stated         [2]int
		number         int
		canonicalSaid  string
		boundsAtTolOne source.Interval
	}{
		{"104", source.MustInterval(104, 104), [2]int{104, 104}, 104, "104", source.MustInterval(104, 104)},
		{"al menos 104", unbounded(104), [2]int{104, 104}, 104, "at least 104", unbounded(104)},
		{"more than 100", unbounded(101), [2]int{100, 100}, 100, "more than 100", unbounded(101)},
		{"more than 2147483646", unbounded(source.MaxCount), [2]int{source.MaxCount - 1, source.MaxCount - 1}, source.MaxCount - 1, "more than 2147483646", unbounded(source.MaxCount)},
		{"hasta 36", source.MustInterval(0, 36), [2]int{36, 36}, 36, "at most 36", source.MustInterval(0, 36)},
		{"under 10", source.MustInterval(0, 9), [2]int{10, 10}, 10, "fewer than 10", source.MustInterval(0, 9)},
		{"fewer than 1", source.MustInterval(0, 0), [2]int{1, 1}, 1, "fewer than 1", source.MustInterval(0, 0)},
		{"about 300", source.MustInterval(270, 330), [2]int{300, 300}, 300, "about 300", source.MustInterval(0, 600)},
		{"about 313", source.MustInterval(282, 344), [2]int{313, 313}, 313, "about 313", source.MustInterval(0, 626)},
		{"about 1", source.MustInterval(1, 1), [2]int{1, 1}, 1, "about 1", source.MustInterval(0, 2)},
		{"about 0", source.MustInterval(0, 0), [2]int{0, 0}, 0, "about 0", source.MustInterval(0, 0)},
		{"about 2147483647", source.MustInterval(1932735283, source.MaxCount), [2]int{source.MaxCount, source.MaxCount}, source.MaxCount, "about 2147483647", source.MustInterval(0, source.MaxCount)},
		{"casi 400", source.MustInterval(360, 400), [2]int{400, 400}, 400, "nearly 400", source.MustInterval(0, 400)},
		{"nearly 19", source.MustInterval(18, 19), [2]int{19, 19}, 19, "nearly 19", source.MustInterval(0, 19)},
		{"entre 800 y 900", source.MustInterval(800, 900), [2]int{800, 900}, 800, "between 800 and 900", source.MustInterval(800, 900)},
		{"decenas de", source.MustInterval(12, 99), [2]int{12, 12}, 12, "dozens", source.MustInterval(12, 99)},
		{"cientos", source.MustInterval(100, 999), [2]int{100, 100}, 100, "hundreds", source.MustInterval(100, 999)},
		{"miles de", source.MustInterval(1000, 9999), [2]int{1000, 1000}, 1000, "thousands", source.MustInterval(1000, 9999)},
		{"algunos", unbounded(1), [2]int{1, 1}, 1, "some", unbounded(1)},
		{"several", source.MustInterval(3, 19), [2]int{3, 3}, 3, "several", source.MustInterval(3, 19)},
		{"unos cuantos", source.MustInterval(2, 9), [2]int{2, 2}, 2, "a handful", source.MustInterval(2, 9)},
		{"scores of", source.MustInterval(40, 199), [2]int{40, 40}, 40, "scores", source.MustInterval(40, 199)},
		{"varias decenas", source.MustInterval(20, 99), [2]int{20, 20}, 20, "several dozen", source.MustInterval(20, 99)},
		{"a dozen", source.MustInterval(11, 13), [2]int{12, 12}, 12, "about 12", source.MustInterval(0, 24)},
		{"más de un centenar", unbounded(101), [2]int{100, 100}, 100, "more than 100", unbounded(101)},
	}
	for _, tc := range tests {
		t.Run(tc.phrase, func(t *testing.T) {
			q := source.MustQuantity(tc.phrase)
			assert.Equal(t, tc.bounds, q.Bounds())
			lo, hi := q.Stated()
			assert.Equal(t, tc.stated, [2]int{lo, hi})
			assert.Equal(t, tc.number, q.Number())
			assert.Equal(t, tc.canonicalSaid, q.String())
			atOne, err := q.BoundsTolerance(decimal.NewFromInt(1))
			require.NoError(t, err)
			assert.Equal(t, tc.boundsAtTolOne, atOne)
			atZero, err := q.BoundsTolerance(decimal.Zero)
			require.NoError(t, err)
			if q.Kind() == source.About || q.Kind() == source.Nearly {
				assert.Equal(t, source.MustInterval(q.Number(), q.Number()), atZero)
			} else {
				assert.Equal(t, tc.bounds, atZero, "tolerance only widens about and nearly")
			}
		})
	}
}

func TestHasFigureIsFalseForSomeOnly(t *testing.T) {
	for _, k := range allQuantityKinds() {
		var q source.Quantity
		switch {
		case k == source.Between:
			q = qtyBetween(1, 5)
		case k.IsVague():
			q = qtyVague(k)
		default:
			q = qtySingle(k, 5)
		}
		assert.Equal(t, k != source.Some, q.HasFigure(), "%v", q)
	}
	assert.False(t, source.Quantity{}.HasFigure(), "the zero Quantity states nothing")
	some := source.MustQuantity("some")
	assert.Equal(t, 1, some.Number(), "Some's Number is its least count")
	assert.Equal(t, source.MustQuantity("some 300"), qtySingle(source.About, 300), "some followed by a number is About")
}

func TestDefaultToleranceIsTenPercent(t *testing.T) {
	assert.True(t, source.DefaultTolerance().Equal(decimal.RequireFromString("0.1")), source.DefaultTolerance().String())
}

func TestBoundsToleranceRejectsOutsideUnitInterval(t *testing.T) {
	q := source.MustQuantity("about 300")
	for _, s := range []string{"-0.01", "-1", "1.0000001", "2"} {
		i, err := q.BoundsTolerance(decimal.RequireFromString(s))
		assertQuantityFieldError(t, err, "Tolerance", decimal.RequireFromString(s).String())
		assert.Equal(t, source.Interval{}, i)
	}
}

// drawTolerance draws a decimal tolerance in [0, 1] with up to six places.
func drawQuantityTolerance(t *rapid.T, label string) decimal.Decimal {
	places := rapid.IntRange(0, 6).Draw(t, label+" places")
	scale := int64(1)
	for range places {
		scale *= 10
	}
	return decimal.New(rapid.Int64Range(0, scale).Draw(t, label), -int32(places))
}

// propQuantityBoundsLowNotAboveHigh: every quantity's bounds, at any
// tolerance, are a valid interval of counts (one NewInterval accepts).
func propQuantityBoundsLowNotAboveHigh(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	tol := drawQuantityTolerance(t, "tol")
	b, err := q.BoundsTolerance(tol)
	if err != nil {
		t.Fatalf("%v.BoundsTolerance(%v): %v", q, tol, err)
	}
	hi, bounded := b.Hi()
	if bounded {
		if _, err := source.NewInterval(b.Lo(), hi); err != nil {
			t.Fatalf("%v.BoundsTolerance(%v) = %v: %v", q, tol, b, err)
		}
	} else if _, err := source.NewIntervalFrom(b.Lo()); err != nil {
		t.Fatalf("%v.BoundsTolerance(%v) = %v: %v", q, tol, b, err)
	}
	if q.Bounds() != mustQty(q.BoundsTolerance(source.DefaultTolerance())) {
		t.Fatalf("%v.Bounds() differs from BoundsTolerance(DefaultTolerance())", q)
	}
}

func TestQuantityBoundsLowNotAboveHigh(t *testing.T) {
	rapid.Check(t, propQuantityBoundsLowNotAboveHigh)
}

// propOnlyApproximationsReadTheTolerance: the tolerance widens the bounds
// of "about" and "nearly" only; every other quantity has the same bounds
// at any tolerance. (The fold bounds other quantities without it.)
func propOnlyApproximationsReadTheTolerance(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	if k := q.Kind(); k == source.About || k == source.Nearly {
		t.Skip("the tolerance is what bounds an approximation")
	}
	tol := drawQuantityTolerance(t, "tol")
	if b := mustQty(q.BoundsTolerance(tol)); b != q.Bounds() {
		t.Fatalf("%v.BoundsTolerance(%v) = %v, Bounds() = %v", q, tol, b, q.Bounds())
	}
}

func TestOnlyApproximationsReadTheTolerance(t *testing.T) {
	rapid.Check(t, propOnlyApproximationsReadTheTolerance)
}

// propAboutBoundsWidenWithTolerance: a larger tolerance never narrows the
// bounds of any quantity; for "about" and "nearly" it is what widens them.
func propAboutBoundsWidenWithTolerance(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	a, b := drawQuantityTolerance(t, "tol a"), drawQuantityTolerance(t, "tol b")
	if a.GreaterThan(b) {
		a, b = b, a
	}
	narrow, wide := mustQty(q.BoundsTolerance(a)), mustQty(q.BoundsTolerance(b))
	if !wide.ContainsInterval(narrow) {
		t.Fatalf("%v: bounds at %v = %v not within bounds at %v = %v", q, a, narrow, b, wide)
	}
}

func TestAboutBoundsWidenWithTolerance(t *testing.T) {
	rapid.Check(t, propAboutBoundsWidenWithTolerance)
}

// propStatedFiguresLieNearBounds: the stated figures of Exactly, AtLeast,
// AtMost, About, Nearly and Between lie within the bounds at any tolerance;
// those of MoreThan and FewerThan lie just outside (n = lo−1, n = hi+1), and
// a vague word states the low end of its bounds.
func propStatedFiguresLieNearBounds(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	b := mustQty(q.BoundsTolerance(drawQuantityTolerance(t, "tol")))
	lo, hi := q.Stated()
	if lo > hi || q.Number() != lo {
		t.Fatalf("%v: Stated() = %d, %d, Number() = %d", q, lo, hi, q.Number())
	}
	bhi, _ := b.Hi()
	switch k := q.Kind(); {
	case k == source.MoreThan:
		if lo != b.Lo()-1 || b.IsBounded() {
			t.Fatalf("%v: stated %d, bounds %v", q, lo, b)
		}
	case k == source.FewerThan:
		if hi != bhi+1 || b.Lo() != 0 {
			t.Fatalf("%v: stated %d, bounds %v", q, hi, b)
		}
	case k.IsVague():
		if lo != b.Lo() || hi != b.Lo() {
			t.Fatalf("%v: stated %d, %d, bounds %v", q, lo, hi, b)
		}
	default:
		if !b.Contains(lo) || !b.Contains(hi) {
			t.Fatalf("%v: stated %d, %d outside bounds %v", q, lo, hi, b)
		}
	}
}

func TestStatedFiguresLieNearBounds(t *testing.T) {
	rapid.Check(t, propStatedFiguresLieNearBounds)
}

// propDefaultBoundsMatchIntegerArithmetic: at the default tolerance, the
// decimal bounds of "about n" and "nearly n" equal the exact integer ones,
// ⌈9n/10⌉ and ⌊11n/10⌋.
func propDefaultBoundsMatchIntegerArithmetic(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	n := int64(q.Number())
	lo := int((9*n + 9) / 10)
	var want source.Interval
	switch q.Kind() {
	case source.About:
		want = source.MustInterval(lo, int(min(11*n/10, source.MaxCount)))
	case source.Nearly:
		want = source.MustInterval(lo, int(n))
	default:
		return
	}
	if got := q.Bounds(); got != want {
		t.Fatalf("%v.Bounds() = %v, want %v", q, got, want)
	}
}

func TestDefaultBoundsMatchIntegerArithmetic(t *testing.T) {
	rapid.Check(t, propDefaultBoundsMatchIntegerArithmetic)
}

// propQuantityTextRoundTrip: MarshalText then UnmarshalText, and String then
// ParseQuantity, give back the same quantity, and the text is canonical.
func propQuantityTextRoundTrip(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	text, err := q.MarshalText()
	if err != nil {
		t.Fatalf("%v.MarshalText: %v", q, err)
	}
	if string(text) != q.String() {
		t.Fatalf("MarshalText %q differs from String %q", text, q.String())
	}
	var back source.Quantity
	if err := back.UnmarshalText(text); err != nil || back != q {
		t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, q)
	}
	if p, err := source.ParseQuantity(q.String()); err != nil || p != q {
		t.Fatalf("ParseQuantity(%q) = %v, %v; want %v", q.String(), p, err, q)
	}
}

func TestQuantityTextRoundTrip(t *testing.T) {
	rapid.Check(t, propQuantityTextRoundTrip)
}

func FuzzQuantityTextRoundTrip(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propQuantityTextRoundTrip))
}

// quantityRecord is a record holding the package's text-encoded values, as a
// caller's JSON would.
type quantityRecord struct {
	Said   source.Quantity                     `json:"said,omitzero"`
	Kind   source.QuantityKind                 `json:"kind,omitzero"`
	Range  source.Interval                     `json:"range"`
	ByWord map[source.Quantity]source.Interval `json:"by_word,omitempty"`
}

// propQuantityJSONRoundTrip: a record of quantities, kinds and intervals,
// including quantities as map keys, survives encoding/json exactly.
func propQuantityJSONRoundTrip(t *rapid.T) {
	q := sourcetest.Quantity().Draw(t, "q")
	in := quantityRecord{
		Said:   q,
		Kind:   q.Kind(),
		Range:  sourcetest.Interval().Draw(t, "range"),
		ByWord: rapid.MapOfN(sourcetest.Quantity(), sourcetest.Interval(), 0, 3).Draw(t, "by word"),
	}
	if len(in.ByWord) == 0 {
		in.ByWord = nil
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatalf("json.Marshal(%+v): %v", in, err)
	}
	var out quantityRecord
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", data, err)
	}
	if out.Said != in.Said || out.Kind != in.Kind || out.Range != in.Range || len(out.ByWord) != len(in.ByWord) {
		t.Fatalf("JSON round trip of %+v gave %+v (%s)", in, out, data)
	}
	for k, v := range in.ByWord {
		if out.ByWord[k] != v {
			t.Fatalf("JSON round trip of map key %v: %v, want %v", k, out.ByWord[k], v)
		}
	}
}

func TestQuantityJSONRoundTrip(t *testing.T) {
	rapid.Check(t, propQuantityJSONRoundTrip)
}

func FuzzQuantityJSONRoundTrip(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propQuantityJSONRoundTrip))
}

func TestQuantityIsComparableAcrossPhrasings(t *testing.T) {
	seen := map[source.Quantity]string{}
	for _, p := range []string{"over 100", "más de 100", "MAS DE 100", "upwards of 100"} {
		seen[source.MustQuantity(p)] = p
	}
	assert.Len(t, seen, 1)
	assert.NotEqual(t, source.MustQuantity("100"), source.MustQuantity("at least 100"))
}

func mustQty[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBoundsToleranceOfZeroDecimalIsExact(t *testing.T) {
	b, err := source.MustQuantity("about 313").BoundsTolerance(decimal.Decimal{})
	require.NoError(t, err)
	assert.Equal(t, source.MustInterval(313, 313), b)
}

// maxCount64 is MaxCount held in a variable, so that aboveMaxCount is
// computed at run time and the tests compile where int has 32 bits.
var maxCount64 int64 = source.MaxCount

// aboveMaxCount is the smallest int above MaxCount on 64-bit platforms. On
// 32-bit ones, where no int is above MaxCount, it wraps to a negative number,
// which the constructors reject for the same field.
var aboveMaxCount = int(maxCount64 + 1)
