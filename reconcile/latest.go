package reconcile

import "time"

// Latest returns the moment of the evidence's latest statement, the claim
// or verification that is known last, and whether that moment is only a
// day: a claim stated on a day alone (source.Claim.DayOnly) is known by the
// end of its day, so a report printing "as of" should print the day, not an
// invented end-of-day time. Of a claim and a verification known at the same
// moment, the verification's exact time wins. The zero time means the
// evidence is empty.
func (e Evidence) Latest() (at time.Time, dayOnly bool) {
	for c := range e.Claims() {
		if s := c.StatedBy(); s.After(at) {
			at, dayOnly = s, c.DayOnly
		}
	}
	for _, v := range e.verified {
		if !v.Stated.Before(at) {
			at, dayOnly = v.Stated, false
		}
	}
	return at, dayOnly
}
