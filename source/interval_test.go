package source_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

func TestIntervalZeroValueIsNothingKnown(t *testing.T) {
	var i source.Interval
	assert.Equal(t, 0, i.Lo())
	hi, bounded := i.Hi()
	assert.False(t, bounded)
	assert.Equal(t, 0, hi)
	assert.False(t, i.IsBounded())
	assert.True(t, i.Contains(0))
	assert.True(t, i.Contains(source.MaxCount))
	assert.Equal(t, "[0, ∞)", i.String())
	from0, err := source.NewIntervalFrom(0)
	require.NoError(t, err)
	assert.Equal(t, from0, i)
}

func TestIntervalConstructors(t *testing.T) {
	i, err := source.NewInterval(104, 120)
	require.NoError(t, err)
	assert.Equal(t, 104, i.Lo())
	hi, bounded := i.Hi()
	assert.Equal(t, [2]any{120, true}, [2]any{hi, bounded})
	assert.Equal(t, "[104, 120]", i.String())

	i, err = source.NewIntervalFrom(104)
	require.NoError(t, err)
	assert.Equal(t, "[104, ∞)", i.String())

	i, err = source.Point(source.MaxCount)
	require.NoError(t, err)
	assert.Equal(t, source.MustInterval(source.MaxCount, source.MaxCount), i)

	assert.Panics(t, func() { source.MustInterval(2, 1) })
}

func TestIntervalConstructorsRejectBadEnds(t *testing.T) {
	tests := []struct {
		name         string
		build        func() (source.Interval, error)
		field, value string
	}{
		{"negative lo", func() (source.Interval, error) { return source.NewInterval(-1, 5) }, "Interval.Lo", "-1"},
		{"lo above MaxCount", func() (source.Interval, error) { return source.NewInterval(aboveMaxCount, aboveMaxCount) }, "Interval.Lo", strconv.Itoa(aboveMaxCount)},
		{"hi above MaxCount", func() (source.Interval, error) { return source.NewInterval(0, aboveMaxCount) }, "Interval.Hi", strconv.Itoa(aboveMaxCount)},
		{"inverted", func() (source.Interval, error) { return source.NewInterval(120, 104) }, "Interval", "[120, 104]"},
		{"negative from", func() (source.Interval, error) { return source.NewIntervalFrom(-3) }, "Interval.Lo", "-3"},
		{"from above MaxCount", func() (source.Interval, error) { return source.NewIntervalFrom(aboveMaxCount) }, "Interval.Lo", strconv.Itoa(aboveMaxCount)},
		{"negative point", func() (source.Interval, error) { return source.Point(-1) }, "Point", "-1"},
		{"point above MaxCount", func() (source.Interval, error) { return source.Point(aboveMaxCount) }, "Point", strconv.Itoa(aboveMaxCount)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i, err := tc.build()
			assertQuantityFieldError(t, err, tc.field, tc.value)
			assert.Equal(t, source.Interval{}, i)
		})
	}
}

func TestParseIntervalAcceptsWrittenForms(t *testing.T) {
	tests := []struct {
		text string
		want source.Interval
	}{
		{"[104, 120]", source.MustInterval(104, 120)},
		{"[104,120]", source.MustInterval(104, 120)},
		{"  [ 104 ,\t120 ]  ", source.MustInterval(104, 120)},
		{"[0, 0]", source.MustInterval(0, 0)},
		{"[0, 2147483647]", source.MustInterval(0, source.MaxCount)},
		{"[104, ∞)", mustQty(source.NewIntervalFrom(104))},
		{"[104,∞)", mustQty(source.NewIntervalFrom(104))},
		{"[104, inf)", mustQty(source.NewIntervalFrom(104))},
		{"[104, INF )", mustQty(source.NewIntervalFrom(104))},
		{"[0, ∞)", source.Interval{}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := source.ParseInterval(tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// rejectedIntervalTexts lists texts ParseInterval must reject.
var rejectedIntervalTexts = []string{
	"", " ", "[", "104", "[104]", "[104,]", "[, 120]", "[120, 104]", "[-1, 5]", "[1, -5]",
	"[1, 2)", "[1, ∞]", "[1, 2147483648]", "[2147483648, ∞)", "[01, 2]", "[1, 02]",
	"[1, 2] x", "(1, 2]", "[1,, 2]", "[1, +∞)", "[1 0, 20]", "[1, 2", "[1, infinity)",
	"[1.5, 2]", "[1,000, 2,000]", "[1, 99999999999999999999]", "[\xff, 2]",
}

func TestParseIntervalRejects(t *testing.T) {
	for _, text := range rejectedIntervalTexts {
		t.Run(text, func(t *testing.T) {
			got, err := source.ParseInterval(text)
			assertQuantityFieldError(t, err, "Interval", text)
			assert.Equal(t, source.Interval{}, got)

			i := source.MustInterval(1, 2)
			require.Error(t, i.UnmarshalText([]byte(text)))
			assert.Equal(t, source.MustInterval(1, 2), i, "a failed UnmarshalText must leave the interval unchanged")
		})
	}
}

func TestIntervalQueries(t *testing.T) {
	i := source.MustInterval(104, 120)
	up, _ := source.NewIntervalFrom(131)
	assert.True(t, i.Contains(104))
	assert.True(t, i.Contains(120))
	assert.False(t, i.Contains(121))
	assert.False(t, i.Contains(-1))
	assert.True(t, up.Contains(source.MaxCount))
	assert.True(t, up.ContainsInterval(source.MustInterval(225, 225)))
	assert.False(t, i.ContainsInterval(up))
	assert.False(t, i.Overlaps(up))
	assert.Equal(t, 104, i.Clamp(80))
	assert.Equal(t, 120, i.Clamp(626))
	assert.Equal(t, 110, i.Clamp(110))
	assert.Equal(t, 131, up.Clamp(104))
	assert.Equal(t, 626, up.Clamp(626))
	_, ok := i.Intersect(up)
	assert.False(t, ok)
	got, ok := up.Intersect(source.MustInterval(0, 225))
	assert.True(t, ok)
	assert.Equal(t, source.MustInterval(131, 225), got)
}

// propIntervalIntersectIsCommutativeAndContained: i ∩ j = j ∩ i; when it
// exists it lies in both and holds exactly their common counts; when it does
// not, no count lies in both.
func propIntervalIntersectIsCommutativeAndContained(t *rapid.T) {
	i := sourcetest.Interval().Draw(t, "i")
	j := sourcetest.Interval().Draw(t, "j")
	r, ok := i.Intersect(j)
	r2, ok2 := j.Intersect(i)
	if r != r2 || ok != ok2 {
		t.Fatalf("%v ∩ %v = %v, %v but %v ∩ %v = %v, %v", i, j, r, ok, j, i, r2, ok2)
	}
	if ok != i.Overlaps(j) || ok != j.Overlaps(i) {
		t.Fatalf("Overlaps(%v, %v) disagrees with Intersect (%v)", i, j, ok)
	}
	if ok && (!i.ContainsInterval(r) || !j.ContainsInterval(r)) {
		t.Fatalf("%v ∩ %v = %v is not within both", i, j, r)
	}
	if !ok && r != (source.Interval{}) {
		t.Fatalf("empty %v ∩ %v returned %v, not the zero Interval", i, j, r)
	}
	probes := []int{i.Lo(), j.Lo(), i.Lo() - 1, j.Lo() - 1, rapid.IntRange(0, source.MaxCount).Draw(t, "n")}
	for _, iv := range []source.Interval{i, j} {
		if hi, bounded := iv.Hi(); bounded {
			probes = append(probes, hi, hi+1)
		}
	}
	for _, n := range probes {
		both := i.Contains(n) && j.Contains(n)
		if both != (ok && r.Contains(n)) {
			t.Fatalf("%v ∩ %v = %v, %v: count %d in both: %v", i, j, r, ok, n, both)
		}
	}
}

func TestIntervalIntersectIsCommutativeAndContained(t *testing.T) {
	rapid.Check(t, propIntervalIntersectIsCommutativeAndContained)
}

// propIntervalIntersectIsAssociativeWithZeroIdentity: (a ∩ b) ∩ c =
// a ∩ (b ∩ c) whenever both sides exist (and one exists when the other
// does), the zero Interval is the identity, and a ∩ a = a.
func propIntervalIntersectIsAssociativeWithZeroIdentity(t *rapid.T) {
	a := sourcetest.Interval().Draw(t, "a")
	b := sourcetest.Interval().Draw(t, "b")
	c := sourcetest.Interval().Draw(t, "c")
	if r, ok := a.Intersect(source.Interval{}); !ok || r != a {
		t.Fatalf("%v ∩ zero = %v, %v", a, r, ok)
	}
	if r, ok := a.Intersect(a); !ok || r != a {
		t.Fatalf("%v ∩ itself = %v, %v", a, r, ok)
	}
	left, okL := a.Intersect(b)
	if okL {
		left, okL = left.Intersect(c)
	}
	right, okR := b.Intersect(c)
	if okR {
		right, okR = a.Intersect(right)
	}
	if okL != okR || left != right {
		t.Fatalf("(%v ∩ %v) ∩ %v = %v, %v but %v ∩ (%v ∩ %v) = %v, %v", a, b, c, left, okL, a, b, c, right, okR)
	}
}

func TestIntervalIntersectIsAssociativeWithZeroIdentity(t *testing.T) {
	rapid.Check(t, propIntervalIntersectIsAssociativeWithZeroIdentity)
}

// propIntervalContainsIntervalIffIntersectIsInner: j ⊆ i exactly when
// i ∩ j = j.
func propIntervalContainsIntervalIffIntersectIsInner(t *rapid.T) {
	i := sourcetest.Interval().Draw(t, "i")
	j := sourcetest.Interval().Draw(t, "j")
	r, ok := i.Intersect(j)
	if i.ContainsInterval(j) != (ok && r == j) {
		t.Fatalf("%v.ContainsInterval(%v) = %v but intersection is %v, %v", i, j, i.ContainsInterval(j), r, ok)
	}
}

func TestIntervalContainsIntervalIffIntersectIsInner(t *testing.T) {
	rapid.Check(t, propIntervalContainsIntervalIffIntersectIsInner)
}

// propIntervalClampGivesNearestCount: Clamp(n) lies in the interval, is n
// itself when n does, and otherwise is the end nearest to n.
func propIntervalClampGivesNearestCount(t *rapid.T) {
	i := sourcetest.Interval().Draw(t, "i")
	n := rapid.IntRange(-10, source.MaxCount).Draw(t, "n")
	c := i.Clamp(n)
	hi, bounded := i.Hi()
	switch {
	case i.Contains(n):
		if c != n {
			t.Fatalf("%v.Clamp(%d) = %d, want %d", i, n, c, n)
		}
	case n < i.Lo():
		if c != i.Lo() {
			t.Fatalf("%v.Clamp(%d) = %d, want the low end", i, n, c)
		}
	default:
		if !bounded || c != hi {
			t.Fatalf("%v.Clamp(%d) = %d, want the high end", i, n, c)
		}
	}
	if c >= 0 && c <= source.MaxCount && !i.Contains(c) {
		t.Fatalf("%v.Clamp(%d) = %d is outside", i, n, c)
	}
}

func TestIntervalClampGivesNearestCount(t *testing.T) {
	rapid.Check(t, propIntervalClampGivesNearestCount)
}

// propIntervalCompareIsTotalOrder: Compare is antisymmetric, transitive and
// zero exactly on equal intervals, and sorts by low end first.
func propIntervalCompareIsTotalOrder(t *rapid.T) {
	xs := rapid.SliceOfN(sourcetest.Interval(), 3, 3).Draw(t, "xs")
	a, b, c := xs[0], xs[1], xs[2]
	if a.Compare(b) != -b.Compare(a) {
		t.Fatalf("Compare(%v, %v) = %d but Compare(%v, %v) = %d", a, b, a.Compare(b), b, a, b.Compare(a))
	}
	if (a.Compare(b) == 0) != (a == b) {
		t.Fatalf("Compare(%v, %v) = %d, == %v", a, b, a.Compare(b), a == b)
	}
	if a.Lo() < b.Lo() && a.Compare(b) != -1 {
		t.Fatalf("Compare(%v, %v) = %d, want -1 by low end", a, b, a.Compare(b))
	}
	if a.Compare(b) <= 0 && b.Compare(c) <= 0 && a.Compare(c) > 0 {
		t.Fatalf("Compare not transitive on %v, %v, %v", a, b, c)
	}
	sorted := slices.SortedFunc(slices.Values(xs), source.Interval.Compare)
	if !slices.IsSortedFunc(sorted, source.Interval.Compare) {
		t.Fatalf("%v is not sorted", sorted)
	}
}

func TestIntervalCompareIsTotalOrder(t *testing.T) {
	rapid.Check(t, propIntervalCompareIsTotalOrder)
}

// propIntervalTextRoundTrip: MarshalText then UnmarshalText, and String then
// ParseInterval, give back the same interval.
func propIntervalTextRoundTrip(t *rapid.T) {
	i := sourcetest.Interval().Draw(t, "i")
	text, err := i.MarshalText()
	if err != nil || string(text) != i.String() {
		t.Fatalf("%v.MarshalText() = %q, %v", i, text, err)
	}
	var back source.Interval
	if err := back.UnmarshalText(text); err != nil || back != i {
		t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, i)
	}
	lo := strconv.Itoa(i.Lo())
	hiText := "inf)"
	if hi, bounded := i.Hi(); bounded {
		hiText = strconv.Itoa(hi) + "]"
	}
	if p, err := source.ParseInterval(" [ " + lo + " ," + hiText + " "); err != nil || p != i {
		t.Fatalf("ParseInterval of a spaced %v = %v, %v", i, p, err)
	}
}

func TestIntervalTextRoundTrip(t *testing.T) {
	rapid.Check(t, propIntervalTextRoundTrip)
}

func FuzzIntervalTextRoundTrip(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propIntervalTextRoundTrip))
}
