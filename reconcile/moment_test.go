package reconcile

import (
	"cmp"
	"testing"
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"pgregory.net/rapid"
)

// drawStatedAt draws a claim's Stated as evidence holds it: any instant in
// years 1 to 9999 (whatever the zone), around 1970 and where UnixNano
// ends (never on 0001-01-01, whose midnight is the zero time evidence
// refuses), often at midnight, with a zone offset of
// whole minutes within ±24 hours; a day-only claim in canonical form,
// midnight UTC of its local day.
func drawStatedAt(t *rapid.T, label string, dayOnly bool) time.Time {
	sec := rapid.OneOf(
		rapid.Int64Range(-62135596800+4*86400, 253402300799-4*86400), // days from the zero time
		rapid.Int64Range(-3*86400, 3*86400),
		rapid.Int64Range(9223372036-100, 9223372036+100),
	).Draw(t, label+" sec")
	if rapid.Bool().Draw(t, label+" at midnight UTC") {
		sec -= sec % 86400
	}
	nsec := rapid.OneOf(rapid.Just(0), rapid.IntRange(0, 999_999_999)).Draw(t, label+" nsec")
	off := rapid.IntRange(-24*60+1, 24*60-1).Draw(t, label+" offset minutes") * 60
	at := time.Unix(sec, int64(nsec)).In(time.FixedZone("", off))
	if dayOnly {
		return source.StatedOn(release.DateOf(at))
	}
	return at
}

// TestRecordsOrderStatementsAsTheirClaims checks the invariant the
// records' clock relies on: compareMoment orders two statements as their
// claims' Stated and DayOnly do (by local day when either is known to the
// day only, else by instant to the nanosecond, then by zone offset), and a
// record's day is its claim's local calendar day, in every year a claim
// may carry and whatever the zone.
func TestRecordsOrderStatementsAsTheirClaims(t *testing.T) {
	epoch1970 := release.MustDate(1970, 1, 1)
	dayOnly := rapid.Map(rapid.IntRange(0, 3), func(n int) bool { return n == 0 }) // most claims carry a time
	rapid.Check(t, func(t *rapid.T) {
		da, db := dayOnly.Draw(t, "a day only"), dayOnly.Draw(t, "b day only")
		a := drawStatedAt(t, "a", da)
		var b time.Time
		switch rapid.IntRange(0, 3).Draw(t, "b against a") {
		case 0:
			b = drawStatedAt(t, "b", db)
		case 1: // the same second, another fraction
			b = a.Truncate(time.Second).Add(time.Duration(rapid.IntRange(0, 999_999_999).Draw(t, "b nsec")))
		case 2: // the same instant in another zone
			b = a.In(time.FixedZone("", rapid.IntRange(-24*60+1, 24*60-1).Draw(t, "b offset minutes")*60))
		default:
			b = a
		}
		if db {
			b = source.StatedOn(release.DateOf(b))
		}
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
		if got := ix.recs[1].day(); got != dayB {
			t.Fatalf("day of %v = %d, want %d", b, got, dayB)
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
