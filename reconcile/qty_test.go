package reconcile

import (
	"cmp"
	"testing"

	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
	"pgregory.net/rapid"
)

// TestQtyHoldsQuantity checks the invariant the compact record relies on:
// a qty gives back the very Quantity it was made from, its methods answer
// as the Quantity's do, two qty are == exactly when their Quantities are,
// and compareQuantity orders qty as Quantities order by kind and stated
// figures.
func TestQtyHoldsQuantity(t *testing.T) {
	q := rapid.OneOf(sourcetest.Quantity(), rapid.Just(source.Quantity{}))
	rapid.Check(t, func(t *rapid.T) {
		a, b := q.Draw(t, "a"), q.Draw(t, "b")
		x, y := qtyOf(a), qtyOf(b)
		if got := x.quantity(); got != a {
			t.Fatalf("qtyOf(%v).quantity() = %v", a, got)
		}
		if x.IsValid() != a.IsValid() || x.HasFigure() != a.HasFigure() || x.Number() != a.Number() || x.Kind() != a.Kind() {
			t.Fatalf("qty of %v answers unlike it", a)
		}
		if (x == y) != (a == b) {
			t.Fatalf("qty == is %v for %v and %v, Quantity == is %v", x == y, a, b, a == b)
		}
		want := cmp.Compare(a.Kind(), b.Kind())
		alo, ahi := a.Stated()
		blo, bhi := b.Stated()
		if want == 0 {
			want = cmp.Or(cmp.Compare(alo, blo), cmp.Compare(ahi, bhi))
		}
		if got := compareQuantity(x, y); got != want {
			t.Fatalf("compareQuantity(%v, %v) = %d, want %d", a, b, got, want)
		}
	})
}
