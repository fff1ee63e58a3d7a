package release_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/freedcount/freedcount/release"
)

// The day Foro Penal reported 80, then 104, releases.
func ExampleParseDate() {
	d, err := release.ParseDate("2026-01-25")
	if err != nil {
		panic(err)
	}
	fmt.Println(d, d.Weekday())

	_, err = release.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-01-25 Sunday
	// release: Date "2026-02-30": invalid: no such day
}

// "626 freed since December", said on 25 January: the open period is closed
// by the day of the statement.
func ExamplePeriod_CloseEnd_sinceDecember() {
	dec := release.Since(release.MustDate(2025, time.December, 1))
	fmt.Println(dec)

	stated := release.MustDate(2026, time.January, 25)
	p, ok := dec.CloseEnd(stated)
	days, _ := p.Days()
	fmt.Println(p, ok, days, "days")

	_, err := release.NewPeriod(stated, release.MustDate(2025, time.December, 1))
	fmt.Println(err)
	// Output:
	// 2025-12-01/..
	// 2025-12-01/2026-01-25 true 56 days
	// release: Period "2026-01-25/2025-12-01": invalid: first day after last day
}

// Two reports about overlapping weeks share the days in the middle.
func ExamplePeriod_Intersect() {
	a := release.MustPeriod(release.MustDate(2026, time.January, 19), release.MustDate(2026, time.January, 25))
	b := release.MustPeriod(release.MustDate(2026, time.January, 23), release.MustDate(2026, time.January, 29))
	both, ok := a.Intersect(b)
	fmt.Println(both, ok)

	_, ok = a.Intersect(release.Since(release.MustDate(2026, time.February, 1)))
	fmt.Println(ok)
	// Output:
	// 2026-01-23/2026-01-25 true
	// false
}

// The government counts "detainees"; the NGO, "political prisoners" among
// them.
func ExampleParsePopulation() {
	detainees, _ := release.ParsePopulation("detainees")
	political, _ := release.ParsePopulation("detainees/political")
	fmt.Println(detainees.Contains(political), political.Contains(detainees))
	fmt.Println(release.Military.Population(), political.Contains(release.Military.Population()))
	// Output:
	// true false
	// detainees/political/military true
}

// Political prisoners in prison and those under court restrictions may be
// counted in both; only a declared partition makes sibling counts add up.
func ExampleNewPartition() {
	detainees := release.MustPopulation("detainees")
	political := release.MustPopulation("detainees/political")
	common := release.MustPopulation("detainees/common")
	jan25 := release.Day(release.MustDate(2026, time.January, 25))
	a := release.MustScope(political, release.MustRegion("VE"), jan25)
	b := a.WithPopulation(common)

	fmt.Println("disjoint by default:", a.Disjoint(b))
	pt, err := release.NewPartition(detainees, political, common)
	if err != nil {
		panic(err)
	}
	fmt.Println("disjoint when declared:", a.Disjoint(b, pt))

	_, err = release.NewPartition(detainees, political, release.MustPopulation("detainees/political/minor"))
	fmt.Println(err)
	// Output:
	// disjoint by default: false
	// disjoint when declared: true
	// release: Partition.Parts "detainees/political/minor": invalid: contained in part detainees/political
}

// "104 political prisoners released on Sunday in Venezuela" is about a
// scope within "626 detainees released since December".
func ExampleNewScope() {
	sunday := release.MustScope(
		release.MustPopulation("detainees/political"),
		release.MustRegion("VE"),
		release.Day(release.MustDate(2026, time.January, 25)),
	)
	since, err := release.NewScope(
		release.MustPopulation("detainees"),
		release.MustRegion("VE"),
		release.MustPeriod(release.MustDate(2025, time.December, 1), release.MustDate(2026, time.January, 25)),
	)
	if err != nil {
		panic(err)
	}
	fmt.Println(sunday)
	fmt.Println(since.Contains(sunday), sunday.Contains(since))

	_, err = release.NewScope(release.Population{}, release.MustRegion("VE"), release.Period{})
	fmt.Println(err)
	// Output:
	// detainees/political @ VE 2026-01-25/2026-01-25
	// true false
	// release: Scope.Population "": invalid: zero value
}

// A detainee prints as its register ID, whatever the verb: the name and
// national ID stay out of logs and messages.
func ExampleDetainee_String() {
	d := release.Detainee{
		ID:         release.MustDetaineeID("FP-2026-0117"),
		Name:       release.NewSecret("Rocío Villalobos Quiñónez"), // invented
		NationalID: release.NewSecret("V-14.258.369"),              // invented
		Category:   release.Journalist,
	}
	fmt.Println(d)
	fmt.Printf("%+v %#v %q\n", d, d, d)

	d.BirthYear = 1850
	fmt.Println(d.Validate())
	// Output:
	// Detainee(FP-2026-0117)
	// Detainee(FP-2026-0117) Detainee(FP-2026-0117) Detainee(FP-2026-0117)
	// release: Detainee.BirthYear "1850": invalid: outside 1900–2100
}

// Three invented people, two released on Sunday, one of them re-arrested
// three days later.
func ExampleLedger() {
	day := func(m time.Month, d int) release.Date { return release.MustDate(2026, m, d) }
	ve := release.MustRegion("VE")
	var l release.Ledger
	for _, d := range []release.Detainee{
		{ID: release.MustDetaineeID("FP-1"), Category: release.PoliticalPrisoner, Region: ve, Detained: release.MustDate(2024, time.August, 2)},
		{ID: release.MustDetaineeID("FP-2"), Category: release.Journalist, Region: release.MustRegion("VE/Zulia"), Detained: release.MustDate(2025, time.March, 14)},
		{ID: release.MustDetaineeID("FP-3"), Category: release.CommonDetainee, Region: ve, Detained: release.MustDate(2025, time.May, 5)},
	} {
		if err := l.Register(d); err != nil {
			panic(err)
		}
	}
	for _, e := range []release.Event{
		{Detainee: release.MustDetaineeID("FP-1"), Kind: release.Released, Day: day(time.January, 25), Terms: release.Conditional},
		{Detainee: release.MustDetaineeID("FP-2"), Kind: release.Released, Day: day(time.January, 25)},
		{Detainee: release.MustDetaineeID("FP-2"), Kind: release.Detained, Day: day(time.January, 28)},
	} {
		if err := l.Record(e); err != nil {
			panic(err)
		}
	}

	political := release.MustPopulation("detainees/political")
	sunday := release.MustScope(political, ve, release.Day(day(time.January, 25)))
	fmt.Println("released on Sunday:", l.Released(sunday))
	fmt.Println("still free on the 31st:", l.StillFree(sunday, day(time.January, 31)))
	fmt.Println("political prisoners held on the 31st:", l.Held(day(time.January, 31), political, ve))
	fmt.Printf("balance of all detainees on the 31st: %+v\n", l.Balance(day(time.January, 31), release.MustPopulation("detainees"), ve))
	// Output:
	// released on Sunday: 2
	// still free on the 31st: 1
	// political prisoners held on the 31st: 1
	// balance of all detainees on the 31st: {Opened:4 Held:2 Closed:2}
}

// A release of someone the ledger does not hold is refused with a
// *RuleError; the ledger is unchanged.
func ExampleRuleError() {
	var l release.Ledger
	id := release.MustDetaineeID("FP-7")
	if err := l.Register(release.Detainee{ID: id, Region: release.MustRegion("VE")}); err != nil {
		panic(err)
	}
	err := l.Record(release.Event{Detainee: id, Kind: release.Released, Day: release.MustDate(2026, time.January, 25)})
	fmt.Println(errors.Is(err, release.ErrNotHeld))
	if re, ok := errors.AsType[*release.RuleError](err); ok {
		fmt.Println(re.Rule == release.ErrNotHeld, re.Event.Detainee)
	}
	fmt.Println(err)
	// Output:
	// true
	// true FP-7
	// release: ledger: release of someone not held: released FP-7 2026-01-25
}

// A Secret holds a name so that no printer shows it: not fmt, whatever
// the verb, not encoding/json, not a struct printed by reflection. Reveal
// is the one way back to the text.
func ExampleNewSecret() {
	name := release.NewSecret("Yusmary Peñaloza Briceño") // invented
	fmt.Println(name, name.IsZero(), name.Len())
	fmt.Printf("%q %#v %x\n", name, name, name)
	b, _ := json.Marshal(struct{ Name release.Secret }{name})
	fmt.Println(string(b))
	fmt.Println(name.Reveal())
	fmt.Printf("%q\n", release.Secret{})
	// Output:
	// <redacted> false 26
	// "<redacted>" release.Secret(<redacted>) <redacted>
	// {"Name":"\u003credacted\u003e"}
	// Yusmary Peñaloza Briceño
	// ""
}

// Disclosed is the explicit request to encode the name and national ID,
// for a register that must be exchanged whole; printing it still shows
// the ID only.
func ExampleDisclosed() {
	d := release.Detainee{
		ID:         release.MustDetaineeID("FP-2026-0118"),
		Name:       release.NewSecret("Óscar Ramón Núñez Ávila"), // invented
		NationalID: release.NewSecret("V-12.345.678"),            // invented
	}
	redacted, _ := json.Marshal(d)
	whole, _ := json.Marshal(release.Disclosed{Detainee: d})
	fmt.Println(string(redacted))
	fmt.Println(string(whole))
	fmt.Println(release.Disclosed{Detainee: d})
	// Output:
	// {"id":"FP-2026-0118"}
	// {"id":"FP-2026-0118","name":"Óscar Ramón Núñez Ávila","national_id":"V-12.345.678"}
	// Detainee(FP-2026-0118)
}

// A ledger prints as its numbers of people and events, never its people.
func ExampleLedger_String() {
	var l release.Ledger
	err := l.Register(release.Detainee{ID: release.MustDetaineeID("FP-1"), Name: release.NewSecret("Ana Pérez"), // invented
		Region: release.MustRegion("VE"), Detained: release.MustDate(2026, time.January, 2)})
	fmt.Println(err)
	fmt.Println(l)
	fmt.Printf("%+v %s\n", &l, l)
	// Output:
	// <nil>
	// Ledger(1 detainees, 1 events)
	// Ledger(1 detainees, 1 events) Ledger(1 detainees, 1 events)
}
