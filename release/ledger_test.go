package release_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// ledgerModel is a plain model of a Ledger: the registered people and the
// accepted events, from which every count is recomputed by brute force.
type ledgerModel struct {
	people map[release.DetaineeID]release.Detainee
	pops   map[release.DetaineeID]release.Population // of each person's category
	events []release.Event
}

func newLedgerModel() *ledgerModel {
	return &ledgerModel{
		people: make(map[release.DetaineeID]release.Detainee),
		pops:   make(map[release.DetaineeID]release.Population),
	}
}

// ids returns the registered IDs in order.
func (m *ledgerModel) ids() []release.DetaineeID {
	ids := make([]release.DetaineeID, 0, len(m.people))
	for id := range m.people {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, release.DetaineeID.Compare)
	return ids
}

// regionOf is where an accepted event took place.
func (m *ledgerModel) regionOf(e release.Event) release.Region {
	if e.Region.IsValid() {
		return e.Region
	}
	return m.people[e.Detainee].Region
}

func (m *ledgerModel) inPop(id release.DetaineeID, pop release.Population) bool {
	return pop.Contains(m.pops[id])
}

// lastEvent returns the person's latest accepted event on or before day (any
// day, if day is zero).
func (m *ledgerModel) lastEvent(id release.DetaineeID, day release.Date) (release.Event, bool) {
	var last release.Event
	found := false
	for _, e := range m.events {
		if e.Detainee == id && (!day.IsValid() || !e.Day.After(day)) {
			last, found = e, true
		}
	}
	return last, found
}

// heldAt reports whether the person is held at the end of day (now, if day
// is zero), and where the detention that holds them took place.
func (m *ledgerModel) heldAt(id release.DetaineeID, day release.Date) (release.Region, bool) {
	e, ok := m.lastEvent(id, day)
	if !ok || e.Kind != release.Detained {
		return release.Region{}, false
	}
	return m.regionOf(e), true
}

func (m *ledgerModel) releasedIDs(s release.Scope) map[release.DetaineeID]bool {
	ids := make(map[release.DetaineeID]bool)
	for _, e := range m.events {
		if e.Kind == release.Released && s.Period().ContainsDate(e.Day) &&
			s.Region().Contains(m.regionOf(e)) && m.inPop(e.Detainee, s.Population()) {
			ids[e.Detainee] = true
		}
	}
	return ids
}

func (m *ledgerModel) released(s release.Scope) int { return len(m.releasedIDs(s)) }

func (m *ledgerModel) detentions(s release.Scope) int {
	n := 0
	for _, e := range m.events {
		if e.Kind == release.Detained && s.Period().ContainsDate(e.Day) &&
			s.Region().Contains(m.regionOf(e)) && m.inPop(e.Detainee, s.Population()) {
			n++
		}
	}
	return n
}

func (m *ledgerModel) stillFree(s release.Scope, day release.Date) int {
	n := 0
	for id := range m.releasedIDs(s) {
		if _, held := m.heldAt(id, day); !held {
			n++
		}
	}
	return n
}

func (m *ledgerModel) balance(day release.Date, pop release.Population, reg release.Region) release.Balance {
	var b release.Balance
	for i, e := range m.events {
		if e.Kind != release.Detained || e.Day.After(day) || !reg.Contains(m.regionOf(e)) || !m.inPop(e.Detainee, pop) {
			continue
		}
		b.Opened++
		// The spell is closed by the person's next event, a release.
		for _, f := range m.events[i+1:] {
			if f.Detainee == e.Detainee {
				if !f.Day.After(day) {
					b.Closed++
				}
				break
			}
		}
	}
	for id := range m.people {
		if where, held := m.heldAt(id, day); held && reg.Contains(where) && m.inPop(id, pop) {
			b.Held++
		}
	}
	return b
}

// registerRules returns the ledger rules that registering a valid d
// breaks.
func (m *ledgerModel) registerRules(d release.Detainee) []error {
	var rules []error
	if _, dup := m.people[d.ID]; dup {
		rules = append(rules, release.ErrDuplicate)
	}
	if d.Detained.IsValid() && !d.Region.IsValid() {
		rules = append(rules, release.ErrNoRegion)
	}
	return rules
}

func (m *ledgerModel) register(d release.Detainee) {
	m.people[d.ID] = d
	m.pops[d.ID] = d.Category.Population()
	if d.Detained.IsValid() {
		m.events = append(m.events, release.Event{Detainee: d.ID, Kind: release.Detained, Day: d.Detained})
	}
}

// recordRules returns the ledger rules that recording a valid e breaks.
func (m *ledgerModel) recordRules(e release.Event) []error {
	p, ok := m.people[e.Detainee]
	if !ok {
		return []error{release.ErrUnknownDetainee}
	}
	var rules []error
	if !e.Region.IsValid() && !p.Region.IsValid() {
		rules = append(rules, release.ErrNoRegion)
	}
	last, found := m.lastEvent(e.Detainee, release.Date{})
	if found && e.Day.Before(last.Day) {
		rules = append(rules, release.ErrOutOfOrder)
	}
	held := found && last.Kind == release.Detained
	if e.Kind == release.Detained && held {
		rules = append(rules, release.ErrAlreadyHeld)
	}
	if e.Kind == release.Released && !held {
		rules = append(rules, release.ErrNotHeld)
	}
	return rules
}

// Fixed queries checked after every step of the state machine.
var (
	mPops = []release.Population{
		release.MustPopulation("detainees"),
		release.MustPopulation("detainees/political"),
		release.MustPopulation("detainees/political/military"),
		release.MustPopulation("detainees/common"),
	}
	mRegions = []release.Region{
		release.MustRegion("VE"),
		release.MustRegion("VE/Caracas"),
		release.MustRegion("VE/Caracas/Libertador"),
		release.MustRegion("CO"),
	}
	mPeriods = []release.Period{
		{},
		release.Day(jan(25)),
		release.MustPeriod(jan(20), jan(26)),
		release.Since(jan(27)),
		release.Until(jan(22)),
	}
	mDays = []release.Date{jan(19), jan(22), jan(25), jan(28)}
	mIDs  = []release.DetaineeID{
		release.MustDetaineeID("FP-1"), release.MustDetaineeID("FP-2"), release.MustDetaineeID("FP-3"),
		release.MustDetaineeID("FP-4"), release.MustDetaineeID("FP-5"), release.MustDetaineeID("FP-6"),
	}
)

func jan(d int) release.Date { return release.MustDate(2026, time.January, d) }

// ledgerMachine drives a Ledger and its model side by side.
type ledgerMachine struct {
	l release.Ledger
	m *ledgerModel
}

func (s *ledgerMachine) day(t *rapid.T, label string) release.Date {
	return releasetest.DateBetween(jan(18), jan(30)).Draw(t, label)
}

// dayFrom draws a day on or after the person's latest event.
func (s *ledgerMachine) dayFrom(t *rapid.T, id release.DetaineeID) release.Date {
	last, ok := s.m.lastEvent(id, release.Date{})
	if !ok {
		return s.day(t, "day")
	}
	hi, ok := last.Day.AddDays(4)
	if !ok {
		hi = last.Day
	}
	return releasetest.DateBetween(last.Day, hi).Draw(t, "day")
}

// pick draws a registered person that satisfies ok, or skips the action.
func (s *ledgerMachine) pick(t *rapid.T, ok func(release.DetaineeID) bool) release.DetaineeID {
	var ids []release.DetaineeID
	for _, id := range s.m.ids() {
		if ok(id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		t.Skip("nobody to pick")
	}
	return rapid.SampledFrom(ids).Draw(t, "who")
}

func (s *ledgerMachine) held(id release.DetaineeID) bool {
	_, held := s.m.heldAt(id, release.Date{})
	return held
}

func (s *ledgerMachine) everReleased(id release.DetaineeID) bool {
	for _, e := range s.m.events {
		if e.Detainee == id && e.Kind == release.Released {
			return true
		}
	}
	return false
}

// snapshot is what a refused call must leave unchanged.
type snapshot struct {
	events    []release.Event
	detainees []release.Detainee
}

func (s *ledgerMachine) snapshot() snapshot {
	return snapshot{slices.Collect(s.l.Events()), slices.Collect(s.l.Detainees())}
}

// register calls Register and checks the outcome against the model.
func (s *ledgerMachine) register(t *rapid.T, d release.Detainee, invalid bool) {
	before := s.snapshot()
	err := s.l.Register(d)
	if invalid {
		requireInvalidFields(t, err)
		require.Equal(t, before, s.snapshot(), "a refused registration changed the ledger")
		return
	}
	rules := s.m.registerRules(d)
	if len(rules) == 0 {
		require.NoError(t, err, "register %s", d)
		s.m.register(d)
		return
	}
	require.Error(t, err, "register %s should break one of %v", d, rules)
	require.Equal(t, before, s.snapshot(), "a refused registration changed the ledger")
	requireOneOf(t, err, rules)
	if errors.Is(err, release.ErrDuplicate) {
		fe, ok := errors.AsType[*release.FieldError](err)
		require.True(t, ok, "%T", err)
		require.Equal(t, "Detainee.ID", fe.Field())
		require.Equal(t, quoted(d.ID.String()), fe.Value)
		require.NotErrorIs(t, err, release.ErrInvalid)
	} else {
		re, ok := errors.AsType[*release.RuleError](err)
		require.True(t, ok, "%T", err)
		require.Equal(t, release.ErrNoRegion, re.Rule)
		require.Equal(t, release.Event{Detainee: d.ID, Kind: release.Detained, Day: d.Detained}, re.Event)
	}
	requireNoPersonalData(t, d, err.Error())
}

// record calls Record and checks the outcome against the model. If want is
// not nil, the model must agree that the event breaks exactly that rule.
func (s *ledgerMachine) record(t *rapid.T, e release.Event, want error) {
	rules := s.m.recordRules(e)
	if want != nil {
		require.Equal(t, []error{want}, rules, "test set-up: %s", e)
	}
	before := s.snapshot()
	err := s.l.Record(e)
	if len(rules) == 0 {
		require.NoError(t, err, "record %s", e)
		s.m.events = append(s.m.events, e)
		return
	}
	require.Error(t, err, "record %s should break one of %v", e, rules)
	require.Equal(t, before, s.snapshot(), "a refused event changed the ledger")
	requireOneOf(t, err, rules)
	re, ok := errors.AsType[*release.RuleError](err)
	require.True(t, ok, "%T", err)
	require.Equal(t, e, re.Event)
	require.ErrorIs(t, err, re.Rule)
	require.NotErrorIs(t, err, release.ErrInvalid)
	msg := err.Error()
	require.True(t, strings.HasPrefix(msg, "release: ledger: "+re.Rule.Error()+": "), msg)
	require.Contains(t, msg, e.Detainee.String())
	require.Contains(t, msg, e.Day.String())
	if d, ok := s.m.people[e.Detainee]; ok {
		requireNoPersonalData(t, d, msg)
	}
}

// requireOneOf checks that err wraps exactly one of the sentinels, and that
// it is one of rules.
func requireOneOf(t *rapid.T, err error, rules []error) {
	var hit []error
	for _, s := range []error{release.ErrInvalid, release.ErrUnknownDetainee, release.ErrDuplicate,
		release.ErrNotHeld, release.ErrAlreadyHeld, release.ErrOutOfOrder, release.ErrNoRegion} {
		if errors.Is(err, s) {
			hit = append(hit, s)
		}
	}
	require.Len(t, hit, 1, "%v wraps %v", err, hit)
	require.Contains(t, rules, hit[0], "%v is not one of the rules broken, %v", err, rules)
}

// detainee draws a valid detainee with a pooled ID, detained (or not) on a
// day of the test window.
func (s *ledgerMachine) detainee(t *rapid.T, id release.DetaineeID) release.Detainee {
	d := releasetest.Detainee().Draw(t, "detainee")
	d.ID = id
	d.BirthYear = 0
	if d.Detained.IsValid() {
		d.Detained = s.day(t, "detained")
	}
	return d
}

func (s *ledgerMachine) region(t *rapid.T, id release.DetaineeID) release.Region {
	if s.m.people[id].Region.IsValid() && rapid.Bool().Draw(t, "ownRegion") {
		return release.Region{}
	}
	return releasetest.Region().Draw(t, "region")
}

func (s *ledgerMachine) actions() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"Register": func(t *rapid.T) {
			var fresh []release.DetaineeID
			for _, id := range mIDs {
				if _, ok := s.m.people[id]; !ok {
					fresh = append(fresh, id)
				}
			}
			if len(fresh) == 0 {
				t.Skip("every pooled ID is registered")
			}
			s.register(t, s.detainee(t, rapid.SampledFrom(fresh).Draw(t, "id")), false)
		},
		"RegisterInvalid": func(t *rapid.T) {
			d := releasetest.InvalidDetainee().Draw(t, "invalid")
			if d.ID.IsValid() && rapid.Bool().Draw(t, "pooledID") {
				d.ID = rapid.SampledFrom(mIDs).Draw(t, "id")
			}
			s.register(t, d, true)
		},
		"RegisterDuplicate": func(t *rapid.T) {
			id := s.pick(t, func(release.DetaineeID) bool { return true })
			s.register(t, s.detainee(t, id), false)
		},
		"RecordDetention": func(t *rapid.T) {
			id := s.pick(t, func(id release.DetaineeID) bool { return !s.held(id) })
			s.record(t, release.Event{Detainee: id, Kind: release.Detained, Day: s.dayFrom(t, id), Region: s.region(t, id)}, nil)
		},
		"RecordRelease": func(t *rapid.T) {
			id := s.pick(t, s.held)
			terms := release.Terms(rapid.IntRange(0, 4).Draw(t, "terms"))
			s.record(t, release.Event{Detainee: id, Kind: release.Released, Day: s.dayFrom(t, id), Terms: terms, Region: s.region(t, id)}, nil)
		},
		"RecordReArrest": func(t *rapid.T) {
			id := s.pick(t, func(id release.DetaineeID) bool { return !s.held(id) && s.everReleased(id) })
			s.record(t, release.Event{Detainee: id, Kind: release.Detained, Day: s.dayFrom(t, id), Region: s.region(t, id)}, nil)
		},
		"RecordAny": func(t *rapid.T) {
			e := releasetest.Event().Draw(t, "event")
			e.Detainee = rapid.SampledFrom(slices.Concat(mIDs, s.m.ids())).Draw(t, "id")
			if rapid.Bool().Draw(t, "afterLast") {
				e.Day = s.dayFrom(t, e.Detainee)
			} else {
				e.Day = s.day(t, "day")
			}
			s.record(t, e, nil)
		},
		"RecordReleaseOfSomeoneNotHeld": func(t *rapid.T) {
			id := s.pick(t, func(id release.DetaineeID) bool { return !s.held(id) })
			s.record(t, release.Event{Detainee: id, Kind: release.Released, Day: s.dayFrom(t, id), Region: s.region(t, id)}, release.ErrNotHeld)
		},
		"RecordDetentionOfSomeoneHeld": func(t *rapid.T) {
			id := s.pick(t, s.held)
			s.record(t, release.Event{Detainee: id, Kind: release.Detained, Day: s.dayFrom(t, id), Region: s.region(t, id)}, release.ErrAlreadyHeld)
		},
		"RecordBeforePreviousEvent": func(t *rapid.T) {
			id := s.pick(t, func(id release.DetaineeID) bool { _, ok := s.m.lastEvent(id, release.Date{}); return ok })
			last, _ := s.m.lastEvent(id, release.Date{})
			day, _ := last.Day.AddDays(-rapid.IntRange(1, 10).Draw(t, "daysBefore"))
			kind := release.Detained
			if s.held(id) {
				kind = release.Released
			}
			s.record(t, release.Event{Detainee: id, Kind: kind, Day: day, Region: s.region(t, id)}, release.ErrOutOfOrder)
		},
		"RecordUnknownDetainee": func(t *rapid.T) {
			e := releasetest.Event().Draw(t, "event")
			if _, known := s.m.people[e.Detainee]; known {
				t.Skip("drew a registered ID")
			}
			s.record(t, e, release.ErrUnknownDetainee)
		},
		"RecordWithNoRegion": func(t *rapid.T) {
			id := s.pick(t, func(id release.DetaineeID) bool { return !s.m.people[id].Region.IsValid() })
			kind := release.Detained
			if s.held(id) {
				kind = release.Released
			}
			s.record(t, release.Event{Detainee: id, Kind: kind, Day: s.dayFrom(t, id)}, release.ErrNoRegion)
		},
		"RecordInvalid": func(t *rapid.T) {
			e := releasetest.InvalidEvent().Draw(t, "invalid")
			if e.Detainee.IsValid() && rapid.Bool().Draw(t, "pooledID") {
				e.Detainee = rapid.SampledFrom(mIDs).Draw(t, "id")
			}
			before := s.snapshot()
			requireInvalidFields(t, s.l.Record(e))
			require.Equal(t, before, s.snapshot(), "a refused event changed the ledger")
		},
		"": s.check,
	}
}

// check compares the ledger with the model.
func (s *ledgerMachine) check(t *rapid.T) {
	m := s.m
	require.Equal(t, len(m.people), s.l.Len())
	var want []release.Detainee
	for _, id := range m.ids() {
		want = append(want, m.people[id])
	}
	require.Equal(t, want, slices.Collect(s.l.Detainees()))
	require.Equal(t, m.events, slices.Collect(s.l.Events()))
	for _, id := range mIDs {
		d, ok := s.l.Detainee(id)
		wd, wok := m.people[id]
		require.Equal(t, wok, ok)
		require.Equal(t, wd, d)
	}
	for _, pop := range mPops {
		for _, reg := range mRegions {
			// Plain comparisons: this loop runs after every step.
			for _, per := range mPeriods {
				sc := release.MustScope(pop, reg, per)
				if got, want := s.l.Released(sc), m.released(sc); got != want {
					t.Fatalf("Released(%s) = %d, model says %d", sc, got, want)
				}
				if got, want := s.l.Detentions(sc), m.detentions(sc); got != want {
					t.Fatalf("Detentions(%s) = %d, model says %d", sc, got, want)
				}
				for _, day := range mDays[1:3] {
					if got, want := s.l.StillFree(sc, day), m.stillFree(sc, day); got != want {
						t.Fatalf("StillFree(%s, %s) = %d, model says %d", sc, day, got, want)
					}
				}
			}
			for _, day := range mDays {
				b := s.l.Balance(day, pop, reg)
				if want := m.balance(day, pop, reg); b != want {
					t.Fatalf("Balance(%s, %s, %s) = %+v, model says %+v", day, pop, reg, b, want)
				}
				if b.Opened != b.Held+b.Closed {
					t.Fatalf("Balance(%s, %s, %s) = %+v: opened ≠ held + closed", day, pop, reg, b)
				}
				if held := s.l.Held(day, pop, reg); held != b.Held {
					t.Fatalf("Held(%s, %s, %s) = %d, Balance says %d", day, pop, reg, held, b.Held)
				}
			}
		}
	}
}

func TestLedgerStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := &ledgerMachine{m: newLedgerModel()}
		// Start from a valid history, so that the actions meet a ledger
		// with people held, released and re-arrested.
		for _, st := range releasetest.History().Draw(t, "history") {
			if st.Register != nil {
				s.register(t, *st.Register, false)
			} else {
				s.record(t, *st.Record, nil)
			}
		}
		s.check(t)
		t.Repeat(s.actions())
	})
}

// replay applies a generated history to an empty ledger, and to a model.
func replay(t *rapid.T, steps []releasetest.Step) (*release.Ledger, *ledgerModel) {
	var l release.Ledger
	m := newLedgerModel()
	for i, st := range steps {
		require.NoError(t, st.Apply(&l), "step %d: %s", i, st)
		if st.Register != nil {
			m.register(*st.Register)
		} else {
			m.events = append(m.events, *st.Record)
		}
	}
	return &l, m
}

func propLedgerBalanceOpenedEqualsHeldPlusClosed(t *rapid.T) {
	l, m := replay(t, releasetest.History().Draw(t, "history"))
	w := releasetest.Window()
	day := releasetest.DateBetween(w.First(), w.Last()).Draw(t, "day")
	pop := releasetest.Population().Draw(t, "population")
	reg := releasetest.Region().Draw(t, "region")
	b := l.Balance(day, pop, reg)
	require.Equal(t, b.Opened, b.Held+b.Closed, "%+v", b)
	require.Equal(t, m.balance(day, pop, reg), b)
	require.Equal(t, b.Held, l.Held(day, pop, reg))
	require.Equal(t, b.Opened, l.Detentions(release.MustScope(pop, reg, release.Until(day))))
	// Flows: what a day adds to the stock is what it opens less what it
	// closes.
	prev, _ := day.AddDays(-1)
	a := l.Balance(prev, pop, reg)
	require.Equal(t, b.Opened-a.Opened, l.Detentions(release.MustScope(pop, reg, release.Day(day))))
	require.GreaterOrEqual(t, b.Closed, a.Closed)
	require.Equal(t, b.Held-a.Held, (b.Opened-a.Opened)-(b.Closed-a.Closed))
	// Held counts people, each at most once.
	require.LessOrEqual(t, b.Held, l.Len())
}

func TestLedgerBalanceOpenedEqualsHeldPlusClosed(t *testing.T) {
	rapid.Check(t, propLedgerBalanceOpenedEqualsHeldPlusClosed)
}

func propLedgerReleasedCountsDistinctPeople(t *rapid.T) {
	l, _ := replay(t, releasetest.History().Draw(t, "history"))
	s := releasetest.Scope().Draw(t, "scope")
	// Count from the public view alone: Events and Detainee.
	ids := make(map[release.DetaineeID]bool)
	releases := 0
	for e := range l.Events() {
		d, ok := l.Detainee(e.Detainee)
		require.True(t, ok)
		where := e.Region
		if !where.IsValid() {
			where = d.Region
		}
		if e.Kind == release.Released && s.Period().ContainsDate(e.Day) && s.Region().Contains(where) && s.Population().Contains(d.Population()) {
			ids[e.Detainee] = true
			releases++
		}
	}
	n := l.Released(s)
	require.Equal(t, len(ids), n, "Released(%s)", s)
	require.LessOrEqual(t, n, releases)
	require.LessOrEqual(t, l.StillFree(s, releasetest.Date().Draw(t, "day")), n)
	// Counts grow with the scope.
	big := scopeNear(t, s, "big")
	if big.Contains(s) {
		require.LessOrEqual(t, n, l.Released(big))
		require.LessOrEqual(t, l.Detentions(s), l.Detentions(big))
	}
}

func TestLedgerReleasedCountsDistinctPeople(t *testing.T) {
	rapid.Check(t, propLedgerReleasedCountsDistinctPeople)
}

func TestLedgerReleasedTwiceCountsOnce(t *testing.T) {
	var l release.Ledger
	id := release.MustDetaineeID("FP-1")
	require.NoError(t, l.Register(release.Detainee{ID: id, Region: release.MustRegion("VE/Zulia"), Detained: jan(2)}))
	for _, e := range []release.Event{
		{Detainee: id, Kind: release.Released, Day: jan(10)},
		{Detainee: id, Kind: release.Detained, Day: jan(12)},
		{Detainee: id, Kind: release.Released, Day: jan(20)},
	} {
		require.NoError(t, l.Record(e))
	}
	jan2026 := release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), release.MustPeriod(jan(1), jan(31)))
	assert.Equal(t, 1, l.Released(jan2026))
	assert.Equal(t, 2, l.Detentions(jan2026), "a person detained twice counts twice")
	assert.Equal(t, release.Balance{Opened: 2, Held: 0, Closed: 2}, l.Balance(jan(31), jan2026.Population(), jan2026.Region()))
	assert.Equal(t, release.Balance{Opened: 2, Held: 1, Closed: 1}, l.Balance(jan(15), jan2026.Population(), jan2026.Region()))
}

func TestLedgerReArrestLeavesOneStillFree(t *testing.T) {
	var l release.Ledger
	ve := release.MustRegion("VE")
	a, b := release.MustDetaineeID("FP-A"), release.MustDetaineeID("FP-B")
	require.NoError(t, l.Register(release.Detainee{ID: a, Category: release.PoliticalPrisoner, Region: ve, Detained: release.MustDate(2025, time.March, 3)}))
	require.NoError(t, l.Register(release.Detainee{ID: b, Category: release.Journalist, Region: ve, Detained: release.MustDate(2025, time.June, 9)}))
	require.NoError(t, l.Record(release.Event{Detainee: a, Kind: release.Released, Day: jan(25), Terms: release.Conditional}))
	require.NoError(t, l.Record(release.Event{Detainee: b, Kind: release.Released, Day: jan(25)}))
	require.NoError(t, l.Record(release.Event{Detainee: b, Kind: release.Detained, Day: jan(28)}))

	pol := release.MustPopulation("detainees/political")
	since := release.MustScope(pol, ve, release.Since(release.MustDate(2025, time.December, 1)))
	assert.Equal(t, 2, l.Released(since))
	assert.Equal(t, 2, l.StillFree(since, jan(27)))
	assert.Equal(t, 1, l.StillFree(since, jan(28)), "re-arrested on the 28th")
	assert.Equal(t, 1, l.Held(jan(28), pol, ve))
	assert.Equal(t, 0, l.Held(jan(27), pol, ve))
	assert.Equal(t, 2, l.Held(jan(24), pol, ve))
	assert.Equal(t, 1, l.Detentions(since))
}

func TestLedgerSameDayReleaseAndReArrest(t *testing.T) {
	var l release.Ledger
	id := release.MustDetaineeID("FP-1")
	require.NoError(t, l.Register(release.Detainee{ID: id, Region: release.MustRegion("VE")}))
	for _, e := range []release.Event{
		{Detainee: id, Kind: release.Detained, Day: jan(25)},
		{Detainee: id, Kind: release.Released, Day: jan(25)},
		{Detainee: id, Kind: release.Detained, Day: jan(25)},
	} {
		require.NoError(t, l.Record(e), "%s", e)
	}
	pop, reg := release.MustPopulation("detainees"), release.MustRegion("VE")
	assert.Equal(t, release.Balance{Opened: 2, Held: 1, Closed: 1}, l.Balance(jan(25), pop, reg))
	assert.Equal(t, release.Balance{}, l.Balance(jan(24), pop, reg))
	sc := release.MustScope(pop, reg, release.Day(jan(25)))
	assert.Equal(t, 1, l.Released(sc))
	assert.Equal(t, 0, l.StillFree(sc, jan(25)))
}

func TestLedgerCountsByWhereEachEventHappened(t *testing.T) {
	var l release.Ledger
	id := release.MustDetaineeID("FP-1")
	zulia, caracas := release.MustRegion("VE/Zulia"), release.MustRegion("VE/Caracas")
	require.NoError(t, l.Register(release.Detainee{ID: id, Category: release.Military, Region: zulia, Detained: jan(2)}))
	require.NoError(t, l.Record(release.Event{Detainee: id, Kind: release.Released, Day: jan(25), Region: caracas}))
	mil := release.MustPopulation("detainees/political/military")
	all := release.Period{}
	assert.Equal(t, 1, l.Released(release.MustScope(mil, caracas, all)), "released in Caracas")
	assert.Equal(t, 0, l.Released(release.MustScope(mil, zulia, all)))
	assert.Equal(t, 1, l.Detentions(release.MustScope(mil, zulia, all)), "detained in Zulia")
	assert.Equal(t, release.Balance{Opened: 1, Closed: 1}, l.Balance(jan(31), mil, zulia), "spells are placed by their detention")
	assert.Equal(t, release.Balance{}, l.Balance(jan(31), mil, caracas))
	assert.Equal(t, 0, l.Released(release.MustScope(release.MustPopulation("detainees/common"), caracas, all)))
}

func TestZeroLedgerIsEmpty(t *testing.T) {
	var l release.Ledger
	s := release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), release.Period{})
	assert.Equal(t, 0, l.Len())
	assert.Equal(t, 0, l.Released(s))
	assert.Equal(t, 0, l.Detentions(s))
	assert.Equal(t, 0, l.StillFree(s, jan(25)))
	assert.Equal(t, release.Balance{}, l.Balance(jan(25), s.Population(), s.Region()))
	assert.Empty(t, slices.Collect(l.Events()))
	assert.Empty(t, slices.Collect(l.Detainees()))
	_, ok := l.Detainee(release.MustDetaineeID("FP-1"))
	assert.False(t, ok)
	assert.Equal(t, 0, l.Released(release.Scope{}), "the zero Scope counts nothing")
}

func TestLedgerIteratorsStopEarly(t *testing.T) {
	var l release.Ledger
	for _, id := range []string{"FP-3", "FP-1", "FP-2"} {
		require.NoError(t, l.Register(release.Detainee{ID: release.MustDetaineeID(id), Region: release.MustRegion("VE"), Detained: jan(1)}))
	}
	var ids []string
	for d := range l.Detainees() {
		ids = append(ids, d.ID.String())
		if len(ids) == 2 {
			break
		}
	}
	assert.Equal(t, []string{"FP-1", "FP-2"}, ids, "in order of ID")
	var evs []string
	for e := range l.Events() {
		evs = append(evs, e.Detainee.String())
		break
	}
	assert.Equal(t, []string{"FP-3"}, evs, "in order of acceptance")
}
