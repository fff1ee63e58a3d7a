package reconcile

import (
	"cmp"
	"math"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
)

// TestDay32KeepsOrder checks the invariant the floor tables' int32 days
// rest on: day32 keeps the order of every day number startNum and endNum
// can give (a Date's, or an open end), and dayOf32 reads it back exactly.
func TestDay32KeepsOrder(t *testing.T) {
	last := release.MustDate(9999, 12, 31).DaysSince(epoch)
	day := rapid.OneOf(
		rapid.IntRange(0, last),
		rapid.SampledFrom([]int{math.MinInt, math.MaxInt, 0, last}),
	)
	rapid.Check(t, func(t *rapid.T) {
		x, y := day.Draw(t, "x"), day.Draw(t, "y")
		if got := dayOf32(day32(x)); got != x {
			t.Fatalf("dayOf32(day32(%d)) = %d", x, got)
		}
		if cmp.Compare(day32(x), day32(y)) != cmp.Compare(x, y) {
			t.Fatalf("day32 orders %d and %d as %d, want %d", x, y, cmp.Compare(day32(x), day32(y)), cmp.Compare(x, y))
		}
	})
}
