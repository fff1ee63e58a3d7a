package reconcile_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
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

// Invariant 9 in the reader's zone: reading as of a moment in any zone
// never uses a claim that may have been stated later. A claim known to its
// day only may have been stated at any moment of that day in the reader's
// zone, so AsOfIn holds it only once that whole day is over there; a claim
// with a time is held once that instant has passed, whatever the zone.
func TestInvariant9AsOfInNeverUsesLaterClaims(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := reconciletest.Evidence().Draw(t, "e")
		claims := claimsOf(e)
		// Claims in a chain keep their times: a day alone could put a
		// statement before the one it supersedes or refers to.
		chained := make(map[source.ClaimID]bool)
		for _, c := range claims {
			if c.Supersedes.IsValid() || !c.Relative.IsZero() {
				chained[c.ID], chained[c.Supersedes], chained[c.Relative.To] = true, true, true
			}
		}
		for i, c := range claims {
			if !chained[c.ID] && rapid.Bool().Draw(t, "day only") {
				c.DayOnly = true
				claims[i] = c.Canonical()
			}
		}
		var d reconcile.Evidence
		d, err := d.AddSources(slices.Collect(e.Sources())...)
		if err == nil {
			d, err = d.AddClaims(claims...)
		}
		if err == nil {
			d, err = d.AddVerifications(slices.Collect(e.Verifications())...)
		}
		if err != nil {
			t.Fatalf("the evidence with days alone is refused: %v", err)
		}
		loc := time.FixedZone("", rapid.IntRange(-12*4, 14*4).Draw(t, "quarter hours east")*15*60)
		var at time.Time
		if len(claims) > 0 && rapid.Bool().Draw(t, "at the end of a claim's day") {
			c := rapid.SampledFrom(claims).Draw(t, "claim")
			next, _ := c.StatedDay().AddDays(1)
			at = next.Start(loc).Add(time.Duration(rapid.IntRange(-1, 1).Draw(t, "nanoseconds off")) - time.Nanosecond)
		} else {
			day := release.MustDate(2026, time.January, rapid.IntRange(15, 31).Draw(t, "day"))
			at = day.Start(loc).Add(time.Duration(rapid.IntRange(0, 24*60-1).Draw(t, "minute")) * time.Minute)
		}
		past := d.AsOfIn(at, loc)
		for _, c := range claims {
			latest := c.Stated // the latest moment the claim may have been made
			if c.DayOnly {
				next, _ := c.StatedDay().AddDays(1)
				latest = next.Start(loc).Add(-time.Nanosecond)
			}
			if _, ok := past.Claim(c.ID); ok == latest.After(at) {
				t.Fatalf("AsOfIn(%v, %v) has claim %s (stated %v, day only %v): %v", at, loc, c.ID, c.Stated, c.DayOnly, ok)
			}
		}
		for v := range past.Verifications() {
			if v.Stated.After(at) {
				t.Fatalf("AsOfIn(%v) has verification %v stated %v", at, v, v.Stated)
			}
		}
	})
}
