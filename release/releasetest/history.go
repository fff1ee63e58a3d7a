package releasetest

import (
	"strconv"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
)

// Step is one call to a [release.Ledger]: exactly one of Register (a call to
// [release.Ledger.Register]) and Record (a call to [release.Ledger.Record])
// is set.
type Step struct {
	Register *release.Detainee
	Record   *release.Event
}

// Apply makes the step's call on l and returns its error.
func (s Step) Apply(l *release.Ledger) error {
	if s.Register != nil {
		return l.Register(*s.Register)
	}
	return l.Record(*s.Record)
}

// String describes the step by detainee ID and event, never by name.
func (s Step) String() string {
	if s.Register != nil {
		r := "register " + s.Register.ID.String()
		if s.Register.Detained.IsValid() {
			r += " detained " + s.Register.Detained.String()
		}
		return r
	}
	return "record " + s.Record.String()
}

// History returns a generator of up to 40 steps that an empty
// [release.Ledger] accepts one after the other: registrations of distinct,
// valid detainees (some detained on registration, in a region), and their
// detentions and releases. Each person's events alternate detention and
// release, on non-decreasing days within [Window] (a release and a
// re-arrest may fall on the same day); events of different people
// interleave in any order of day. Re-arrests are frequent. An event without
// a region is only drawn for a detainee who has one.
func History() *rapid.Generator[[]Step] {
	return rapid.Custom(func(t *rapid.T) []Step {
		type who struct {
			d    release.Detainee
			held bool
			last release.Date // zero before the first event
		}
		var (
			people []*who
			used   = make(map[release.DetaineeID]bool)
			steps  []Step
		)
		n := rapid.IntRange(0, 40).Draw(t, "steps")
		for i := range n {
			if len(people) == 0 || rapid.IntRange(0, 3).Draw(t, "registerNext") == 0 {
				id := DetaineeID().Draw(t, "id")
				if used[id] {
					id = release.MustDetaineeID(id.String() + "-" + strconv.Itoa(i))
				}
				used[id] = true
				d := drawDetainee(t, id, true)
				people = append(people, &who{d: d, held: d.Detained.IsValid(), last: d.Detained})
				steps = append(steps, Step{Register: &d})
				continue
			}
			p := people[rapid.IntRange(0, len(people)-1).Draw(t, "who")]
			e := release.Event{Detainee: p.d.ID, Kind: release.Detained, Day: nextDay(t, p.last)}
			if p.held {
				e.Kind = release.Released
				e.Terms = release.Terms(rapid.IntRange(0, 4).Draw(t, "terms"))
			}
			if !p.d.Region.IsValid() || rapid.Bool().Draw(t, "ownRegion") {
				e.Region = Region().Draw(t, "region")
			}
			if rapid.IntRange(0, 3).Draw(t, "hasFacility") == 0 {
				e.Facility = rapid.SampledFrom(facilities).Draw(t, "facility")
			}
			p.held = !p.held
			p.last = e.Day
			steps = append(steps, Step{Record: &e})
		}
		return steps
	})
}

// nextDay draws the day of a person's next event: any day of the window for
// a first event, else up to a week after the previous one (the same day
// included), within the window.
func nextDay(t *rapid.T, last release.Date) release.Date {
	if !last.IsValid() {
		return drawBetween(t, windowFirst, windowLast)
	}
	d, ok := last.AddDays(rapid.IntRange(0, 7).Draw(t, "gap"))
	if !ok || d.After(windowLast) {
		return windowLast // last is in the window, so not after it
	}
	return d
}
