package reconcile

import (
	"cmp"
	"testing"
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"pgregory.net/rapid"
)

// TestRecordsOrderStatementsAsTheirClaims checks the invariant the
// records' clock relies on: compareMoment orders two statements as their
// claims' Stated and DayOnly do (by local day when either is known to the
// day only, else by instant to the nanosecond, then by zone offset), and a
// record's day is its claim's local calendar day, in every year a claim
// may carry and whatever the zone.
func TestRecordsOrderStatementsAsTheirClaims(t *testing.T) {
	epoch1970 := release.MustDate(1970, 1, 1)
	stated := rapid.Custom(func(t *rapid.T) time.Time {
		sec := rapid.OneOf(
			rapid.Int64Range(-62135596800+86400, 253402300799-86400), // years 1 to 9999, in every zone
			rapid.Int64Range(-100, 100),                              // around 1970
			rapid.Int64Range(9223372036-100, 9223372036+100),         // where UnixNano ends
		).Draw(t, "sec")
		nsec := rapid.OneOf(rapid.Just(0), rapid.IntRange(0, 999_999_999)).Draw(t, "nsec")
		off := rapid.IntRange(-24*60+1, 24*60-1).Draw(t, "offset minutes") * 60
		return time.Unix(sec, int64(nsec)).In(time.FixedZone("", off))
	})
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.OneOf(stated, rapid.Just(time.Unix(0, 0).UTC())).Draw(t, "a")
		b := a
		if rapid.Bool().Draw(t, "apart") {
			b = stated.Draw(t, "b")
		} else if rapid.Bool().Draw(t, "same second, other fraction") {
			b = a.Truncate(time.Second).Add(time.Duration(rapid.IntRange(0, 999_999_999).Draw(t, "b nsec")))
		} else if rapid.Bool().Draw(t, "same instant, other zone") {
			b = a.In(time.FixedZone("", rapid.IntRange(-24*60+1, 24*60-1).Draw(t, "b offset minutes")*60))
		}
		da, db := rapid.Bool().Draw(t, "a day only"), rapid.Bool().Draw(t, "b day only")
		ix := &Index{
			ev:   Evidence{claims: []*source.Claim{{Stated: a, DayOnly: da}, {Stated: b, DayOnly: db}}},
			recs: make([]rec, 2),
		}
		ix.recs[0].setStated(a, da)
		ix.recs[1].setStated(b, db)
		dayA, dayB := int64(release.DateOf(a).DaysSince(epoch1970)), int64(release.DateOf(b).DaysSince(epoch1970))
		if got := ix.recs[0].day(); got != dayA {
			t.Fatalf("day of %v = %d, want %d", a, got, dayA)
		}
		var want int
		if da || db {
			want = cmp.Compare(dayA, dayB)
		} else {
			_, oa := a.Zone()
			_, ob := b.Zone()
			want = cmp.Or(cmp.Compare(a.Unix(), b.Unix()), cmp.Compare(a.Nanosecond(), b.Nanosecond()), cmp.Compare(oa, ob))
		}
		if got := ix.compareMoment(0, 1); got != want {
			t.Fatalf("compareMoment(%v (day only %v), %v (day only %v)) = %d, want %d", a, da, b, db, got, want)
		}
	})
}
