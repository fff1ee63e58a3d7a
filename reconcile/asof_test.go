package reconcile_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/source"
)

// TestAsOfInCountsADayAloneToItsEndInTheReadersZone: a claim known only to
// its day (25 January) is in the evidence as of the end of that day in the
// reader's zone, east or west of UTC, and not before; AsOf is AsOfIn UTC.
// (Read in UTC, the end of the 25th in Tokyo dropped the claim, and the end
// of the 25th in UTC already held it for Caracas, four hours early.)
func TestAsOfInCountsADayAloneToItsEndInTheReadersZone(t *testing.T) {
	c := say("fp-104", ngoID, source.StatedOn(jan(25)), scope(political, ve, day(25)), "at least 104")
	c.DayOnly = true
	timed := say("gov-626", govID, at(25, 20), scope(detainees, ve, day(25)), "626")
	e := build(t, standardSources(), []source.Claim{c, timed})
	has := func(e reconcile.Evidence, id string) bool {
		_, ok := e.Claim(source.MustClaimID(id))
		return ok
	}
	endOf := func(d int, loc *time.Location) time.Time {
		return jan(d + 1).Start(loc).Add(-time.Nanosecond)
	}
	tokyo := time.FixedZone("JST", 9*60*60)
	for _, loc := range []*time.Location{tokyo, time.UTC, vet} {
		assert.True(t, has(e.AsOfIn(endOf(25, loc), loc), "fp-104"), "end of the 25th in %v", loc)
		assert.False(t, has(e.AsOfIn(endOf(25, loc).Add(-time.Hour), loc), "fp-104"), "an hour before the end of the 25th in %v", loc)
	}
	assert.False(t, has(e.AsOfIn(endOf(25, time.UTC), vet), "fp-104"), "the 25th is not over in Caracas at its end in UTC")
	assert.True(t, has(e.AsOfIn(at(25, 20), tokyo), "gov-626"), "a statement with a time is an instant, whatever the zone")
	assert.False(t, has(e.AsOfIn(at(25, 20).Add(-time.Second), tokyo), "gov-626"))
	assert.True(t, e.AsOf(endOf(25, time.UTC)).Equal(e.AsOfIn(endOf(25, time.UTC), time.UTC)))
	assert.True(t, e.AsOf(endOf(25, tokyo)).Equal(e.AsOfIn(endOf(25, tokyo), nil)), "nil is UTC")
}
