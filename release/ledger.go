package release

import (
	"fmt"
	"iter"
	"log/slog"
	"maps"
	"slices"
	"strconv"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Ledger is the register of documented detentions and releases: who is
// known, and the events that open and close their detention spells. A
// person's events alternate detained, released, detained (a re-arrest opens a
// new spell), ... in order of day.
//
// Every change is validated: [Ledger.Register] and [Ledger.Record] either
// accept a value whole or return an error and change nothing.
//
// Counting queries take a [Scope]. A person belongs to the population of
// their [Detainee.Category]; an event happens in its own region or, if it has
// none, in the detainee's; a spell is placed by the region of the detention
// that opened it. Stock and flow balance: on any day, the spells opened up to
// then equal the spells still open plus the spells closed by a release
// ([Ledger.Balance]), the identity AAPP (Burma) publishes every day.
//
// The zero Ledger is empty and ready to use. A Ledger is not safe for
// concurrent use without synchronisation; queries may run concurrently with
// each other.
type Ledger struct {
	people map[DetaineeID]*person
	events []Event
}

// person is a registered detainee and their detention spells, oldest first.
type person struct {
	d      Detainee
	spells []spell
}

// spell is one detention: from the day of the detention to the day of the
// release that ended it (zero while open).
type spell struct {
	start, end Date
	in         Region // where the detention took place
	releasedIn Region // where the release took place; zero while open
}

func (p *person) open() bool { return len(p.spells) > 0 && !p.spells[len(p.spells)-1].end.IsValid() }

// last returns the day of the person's latest event, or the zero Date.
func (p *person) last() Date {
	if len(p.spells) == 0 {
		return Date{}
	}
	s := p.spells[len(p.spells)-1]
	if s.end.IsValid() {
		return s.end
	}
	return s.start
}

// Register adds a detainee. The detainee must be valid and its ID not yet
// registered ([ErrDuplicate]). If d.Detained is set, a detention spell opens
// on that day in d.Region, which must then be known ([ErrNoRegion]), and a
// [Detained] event for it joins [Ledger.Events]. On error nothing changes.
func (l *Ledger) Register(d Detainee) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if _, dup := l.people[d.ID]; dup {
		return &FieldError{Pkg: "release", Path: FieldPath{"Detainee", "ID"}, Value: errfmt.Quote(d.ID.String()), Err: ErrDuplicate}
	}
	p := &person{d: d}
	if d.Detained.IsValid() {
		e := Event{Detainee: d.ID, Kind: Detained, Day: d.Detained}
		if !d.Region.IsValid() {
			return &RuleError{Rule: ErrNoRegion, Event: e}
		}
		p.spells = append(p.spells, spell{start: d.Detained, in: d.Region})
		l.events = append(l.events, e)
	}
	if l.people == nil {
		l.people = make(map[DetaineeID]*person)
	}
	l.people[d.ID] = p
	return nil
}

// Record adds an event. It refuses an invalid event (a [*FieldError]), and,
// as a [*RuleError] naming the rule and the event, an event about an
// unregistered detainee ([ErrUnknownDetainee]), one dated before the
// person's previous event ([ErrOutOfOrder]; so no release before its
// detention), a release of someone not held ([ErrNotHeld]), a detention of
// someone already held ([ErrAlreadyHeld]), and an event with no region of
// its own or of the detainee ([ErrNoRegion]). On error nothing changes.
func (l *Ledger) Record(e Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	p, ok := l.people[e.Detainee]
	if !ok {
		return &RuleError{Rule: ErrUnknownDetainee, Event: e}
	}
	where := e.Region
	if !where.IsValid() {
		where = p.d.Region
	}
	switch {
	case !where.IsValid():
		return &RuleError{Rule: ErrNoRegion, Event: e}
	case e.Day.Before(p.last()):
		return &RuleError{Rule: ErrOutOfOrder, Event: e}
	case e.Kind == Detained && p.open():
		return &RuleError{Rule: ErrAlreadyHeld, Event: e}
	case e.Kind == Released && !p.open():
		return &RuleError{Rule: ErrNotHeld, Event: e}
	}
	if e.Kind == Detained {
		p.spells = append(p.spells, spell{start: e.Day, in: where})
	} else {
		s := &p.spells[len(p.spells)-1]
		s.end, s.releasedIn = e.Day, where
	}
	l.events = append(l.events, e)
	return nil
}

// String returns "Ledger(N detainees, M events)": never a person. It has a
// value receiver, like [Ledger.Format], so that a Ledger printed by value
// is summarised too.
func (l Ledger) String() string {
	return "Ledger(" + strconv.Itoa(len(l.people)) + " detainees, " + strconv.Itoa(len(l.events)) + " events)"
}

// GoString, used by fmt's %#v, is [Ledger.String].
func (l Ledger) GoString() string { return l.String() }

// Format makes every fmt verb print [Ledger.String], so that printing a
// ledger does not list the people in it.
func (l Ledger) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(l.String())) }

// LogValue shows the ledger in [log/slog] output by its numbers of
// detainees and events.
func (l Ledger) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("detainees", len(l.people)), slog.Int("events", len(l.events)))
}

// Len returns the number of registered detainees.
func (l *Ledger) Len() int { return len(l.people) }

// Detainee returns the registered detainee with the given ID.
func (l *Ledger) Detainee(id DetaineeID) (Detainee, bool) {
	p, ok := l.people[id]
	if !ok {
		return Detainee{}, false
	}
	return p.d, true
}

// Detainees yields the registered detainees in order of ID.
func (l *Ledger) Detainees() iter.Seq[Detainee] {
	return func(yield func(Detainee) bool) {
		for _, id := range slices.SortedFunc(maps.Keys(l.people), DetaineeID.Compare) {
			if !yield(l.people[id].d) {
				return
			}
		}
	}
}

// Events yields the accepted events in the order they were accepted,
// including the detentions opened by [Ledger.Register].
func (l *Ledger) Events() iter.Seq[Event] { return slices.Values(l.events) }

// Released returns the number of distinct people released within s: with a
// release dated in s's period, in s's region, who belong to s's population.
// Someone released twice in the period counts once.
func (l *Ledger) Released(s Scope) int {
	n := 0
	for _, p := range l.people {
		if l.releasedIn(p, s) {
			n++
		}
	}
	return n
}

func (l *Ledger) releasedIn(p *person, s Scope) bool {
	if !s.pop.Contains(p.d.Population()) {
		return false
	}
	for _, sp := range p.spells {
		if sp.end.IsValid() && s.per.ContainsDate(sp.end) && s.reg.Contains(sp.releasedIn) {
			return true
		}
	}
	return false
}

// Detentions returns the number of detention spells opened within s: dated
// in s's period, in s's region, of people in s's population. A person
// detained twice counts twice.
func (l *Ledger) Detentions(s Scope) int {
	n := 0
	for _, p := range l.people {
		if !s.pop.Contains(p.d.Population()) {
			continue
		}
		for _, sp := range p.spells {
			if s.per.ContainsDate(sp.start) && s.reg.Contains(sp.in) {
				n++
			}
		}
	}
	return n
}

// Held returns the number of people of population pop, detained in region
// reg, who are held at the end of day: detained on or before day and not
// released by then.
func (l *Ledger) Held(day Date, pop Population, reg Region) int {
	return l.Balance(day, pop, reg).Held
}

// StillFree returns the number of people released within s (as
// [Ledger.Released] counts them) who are not held at the end of day. A
// re-arrest after the release takes the person out of the count: a
// government figure of 897 releases became 896 after one re-arrest.
func (l *Ledger) StillFree(s Scope, day Date) int {
	n := 0
	for _, p := range l.people {
		if l.releasedIn(p, s) && !heldOn(p, day) {
			n++
		}
	}
	return n
}

func heldOn(p *person, day Date) bool {
	for _, sp := range p.spells {
		if !sp.start.After(day) && (!sp.end.IsValid() || sp.end.After(day)) {
			return true
		}
	}
	return false
}

// Balance is the stock-and-flow account of detention spells at the end of a
// day: Opened = Held + Closed, always.
type Balance struct {
	// Opened is the number of spells opened on or before the day.
	Opened int
	// Held is the number of those still open at the end of the day: the
	// people held (a person has at most one open spell).
	Held int
	// Closed is the number of those closed by a release on or before the day.
	Closed int
}

// Balance returns the account of spells of people in population pop,
// opened by a detention in region reg, at the end of day.
func (l *Ledger) Balance(day Date, pop Population, reg Region) Balance {
	var b Balance
	for _, p := range l.people {
		if !pop.Contains(p.d.Population()) {
			continue
		}
		for _, sp := range p.spells {
			if sp.start.After(day) || !reg.Contains(sp.in) {
				continue
			}
			b.Opened++
			if sp.end.IsValid() && !sp.end.After(day) {
				b.Closed++
			} else {
				b.Held++
			}
		}
	}
	return b
}
