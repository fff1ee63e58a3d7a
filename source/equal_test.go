package source_test

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

// equalByValue is the definition of claim equality written out field by
// field, as Claim.Equal stated it before it compared through pointers.
func equalByValue(c, o source.Claim) bool {
	_, off1 := c.Stated.Zone()
	_, off2 := o.Stated.Zone()
	sameTime := c.Stated.Equal(o.Stated) && off1 == off2
	if c.DayOnly {
		sameTime = c.StatedDay() == o.StatedDay()
	}
	return c.ID == o.ID && c.Source == o.Source && slices.Equal(c.Via, o.Via) &&
		c.DayOnly == o.DayOnly && sameTime && c.Measure == o.Measure &&
		c.Scope == o.Scope && c.Quantity == o.Quantity && c.Relative.Equal(o.Relative) &&
		c.Status == o.Status && c.Basis == o.Basis && slices.Equal(c.Named, o.Named) &&
		c.Supersedes == o.Supersedes && c.Citation == o.Citation
}

// TestClaimEqualToAgreesWithEqual checks the invariant that EqualTo and
// Equal both say what equalByValue says, on a claim against a copy with at
// most one field changed — including changes that must not matter (the
// same instant in another zone of the same offset, nil against empty
// slices, a ratio written with more digits, another time on the same day of
// a claim known to the day only).
func TestClaimEqualToAgreesWithEqual(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := sourceWithCopy(t)
		a, b := c[0], c[1]
		want := equalByValue(a, b)
		if got := a.EqualTo(&b); got != want {
			t.Fatalf("EqualTo = %v, by value %v\n%v\n%v", got, want, a, b)
		}
		if got := a.Equal(b); got != want {
			t.Fatalf("Equal = %v, by value %v", got, want)
		}
		if got := b.EqualTo(&a); got != want {
			t.Fatalf("EqualTo is not symmetric: %v, by value %v", got, want)
		}
		if !a.EqualTo(&a) {
			t.Fatal("a claim is not EqualTo itself")
		}
	})
}

func sourceWithCopy(t *rapid.T) [2]source.Claim {
	a := sourcetest.Claim().Draw(t, "claim")
	b := a.Clone()
	switch rapid.IntRange(0, 15).Draw(t, "change") {
	case 1:
		b.ID = sourcetest.ClaimID().Draw(t, "id")
	case 2:
		b.Source = sourcetest.SourceID().Draw(t, "source")
	case 3:
		b.Via = append(b.Via, sourcetest.SourceID().Draw(t, "via"))
	case 4:
		if len(b.Via) == 0 {
			b.Via = []source.SourceID{} // empty, not nil: the same
		}
	case 5:
		b.Stated = b.Stated.Add(time.Duration(rapid.IntRange(-3, 3).Draw(t, "hours")) * time.Hour)
		if rapid.Bool().Draw(t, "whole days") {
			b.Stated = a.Stated.AddDate(0, 0, rapid.IntRange(-1, 1).Draw(t, "days"))
		}
	case 6:
		_, off := b.Stated.Zone()
		b.Stated = b.Stated.In(time.FixedZone("other", off)) // same instant and offset
	case 7:
		b.DayOnly = !b.DayOnly
	case 8:
		b.Measure = source.Measure(rapid.IntRange(1, 3).Draw(t, "measure"))
	case 9:
		b.Scope = b.Scope.WithPeriod(release.Day(b.StatedDay()))
	case 10:
		b.Quantity = sourcetest.Quantity().Draw(t, "quantity")
	case 11:
		b.Relative = sourcetest.Relative().Draw(t, "relative")
	case 12:
		if !b.Relative.IsZero() {
			b.Relative.Ratio = decimal.RequireFromString(b.Relative.Ratio.StringFixed(b.Relative.Ratio.Exponent()*-1 + 2))
		}
	case 13:
		b.Named = append(b.Named, release.MustDetaineeID("someone-else"))
	case 15:
		// Known to the day only: another time of the same day is the same
		// statement, another day is not.
		if at := source.StatedOn(a.StatedDay()); !at.IsZero() {
			a.DayOnly, a.Stated = true, at
			b.DayOnly = true
			b.Stated = at.AddDate(0, 0, rapid.IntRange(0, 1).Draw(t, "days")).Add(time.Duration(rapid.IntRange(0, 23).Draw(t, "hour")) * time.Hour)
		}
	case 14:
		if rapid.Bool().Draw(t, "new citation") {
			b.Citation = sourcetest.Citation().Draw(t, "citation")
		} else {
			b.Citation.Quote += "."
		}
	}
	return [2]source.Claim{a, b}
}
