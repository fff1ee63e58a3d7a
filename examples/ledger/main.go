// Command ledger registers a handful of detainees in a [release.Ledger],
// records their releases (and one re-arrest) around Sunday 25 January 2026,
// and prints the counts the ledger answers: people released within a scope,
// held on a day, detentions opened, still free, and the stock-and-flow
// balance (opened = held + closed).
//
// Every person here is INVENTED: the names, national IDs, register keys and
// dates are made up for the example and belong to no one.
//
//	go run ./examples/ledger
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/freedcount/freedcount/release"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func day(y int, m time.Month, d int) release.Date { return release.MustDate(y, m, d) }

// people returns the INVENTED detainees of the example. Their names and
// national IDs are never printed: the ledger shows people by register key.
func people() []release.Detainee {
	r := release.MustRegion
	return []release.Detainee{
		{ID: release.MustDetaineeID("FP-2026-0001"), Name: release.NewSecret("Ana Lucía Mendoza Ferrer"), NationalID: release.NewSecret("V-10.203.040"),
			Sex: release.Female, BirthYear: 1979, Category: release.PoliticalPrisoner,
			Region: r("VE/Caracas"), Facility: "El Helicoide", Detained: day(2024, time.August, 2)},
		{ID: release.MustDetaineeID("FP-2026-0002"), Name: release.NewSecret("Efraín José Zambrano Ríos"), NationalID: release.NewSecret("V-13.579.246"),
			Sex: release.Male, BirthYear: 1983, Category: release.Military,
			Region: r("VE/Zulia"), Facility: "Rodeo I", Detained: day(2025, time.March, 14)},
		{ID: release.MustDetaineeID("FP-2026-0003"), Name: release.NewSecret("Dayana Sofía Briceño Lara"), NationalID: release.NewSecret("V-20.864.197"),
			Sex: release.Female, BirthYear: 1991, Category: release.Journalist,
			Region: r("VE/Anzoátegui"), Detained: day(2025, time.September, 20)},
		{ID: release.MustDetaineeID("FP-2026-0004"), Name: release.NewSecret("Tomás Echeverría Olmos"), NationalID: release.NewSecret("E-84.512.309"),
			Sex: release.Male, BirthYear: 1975, Category: release.ForeignNational,
			Region: r("VE/Caracas"), Detained: day(2025, time.November, 5)},
		{ID: release.MustDetaineeID("FP-2026-0005"), Name: release.NewSecret("Rubén Darío Colina Pérez"), NationalID: release.NewSecret("V-25.101.202"),
			Sex: release.Male, Category: release.CommonDetainee,
			Region: r("VE/Carabobo"), Detained: day(2025, time.December, 10)},
		// Registered before any detention is documented.
		{ID: release.MustDetaineeID("FP-2026-0006"), Name: release.NewSecret("Inés Carolina Páez Vivas"), NationalID: release.NewSecret("V-18.300.411"),
			Sex: release.Female, BirthYear: 1988, Category: release.PoliticalPrisoner, Region: r("VE/Táchira")},
	}
}

// events returns the documented detentions and releases, in the order they
// are recorded.
func events() []release.Event {
	id := release.MustDetaineeID
	return []release.Event{
		{Detainee: id("FP-2026-0006"), Kind: release.Detained, Day: day(2026, time.January, 5)},
		{Detainee: id("FP-2026-0004"), Kind: release.Released, Day: day(2026, time.January, 8), Terms: release.Expelled},
		{Detainee: id("FP-2026-0001"), Kind: release.Released, Day: day(2026, time.January, 25), Terms: release.Conditional},
		// Held in Zulia, released from a prison in Caracas.
		{Detainee: id("FP-2026-0002"), Kind: release.Released, Day: day(2026, time.January, 25), Terms: release.Conditional, Region: release.MustRegion("VE/Caracas")},
		{Detainee: id("FP-2026-0003"), Kind: release.Released, Day: day(2026, time.January, 25), Terms: release.HouseArrest},
		{Detainee: id("FP-2026-0005"), Kind: release.Released, Day: day(2026, time.January, 25), Terms: release.Unconditional},
		// The re-arrest: released on Sunday, detained again on Wednesday.
		{Detainee: id("FP-2026-0003"), Kind: release.Detained, Day: day(2026, time.January, 28)},
		{Detainee: id("FP-2026-0006"), Kind: release.Released, Day: day(2026, time.January, 30), Terms: release.Conditional},
	}
}

func run(w io.Writer) error {
	var l release.Ledger
	for _, d := range people() {
		if err := l.Register(d); err != nil {
			return err
		}
	}
	for _, e := range events() {
		if err := l.Record(e); err != nil {
			return err
		}
	}

	detainees := release.MustPopulation("detainees")
	political := release.MustPopulation("detainees/political")
	ve, caracas := release.MustRegion("VE"), release.MustRegion("VE/Caracas")
	sunday := day(2026, time.January, 25)
	sinceDec := release.Since(day(2025, time.December, 1))
	endJan := day(2026, time.January, 31)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }

	p("INVENTED DATA: the people below do not exist; names and national IDs are never printed.\n\n")
	p("Register:\n")
	for d := range l.Detainees() {
		p("  %v\t%s\t%s\n", d, d.Category, d.Region)
	}
	p("Events:\n")
	for e := range l.Events() {
		p("  %s\n", e)
	}

	p("\nReleased within a scope (distinct people):\n")
	for _, s := range []release.Scope{
		release.MustScope(political, ve, release.Day(sunday)),
		release.MustScope(detainees, ve, release.Day(sunday)),
		release.MustScope(political, caracas, sinceDec),
	} {
		p("  %s\t%d\n", s, l.Released(s))
	}

	p("\nHeld at the end of the day:\n")
	for _, d := range []release.Date{day(2025, time.December, 31), sunday, endJan} {
		p("  %s, %s @ %s\t%d\n", d, political, ve, l.Held(d, political, ve))
	}

	p("\nDetentions opened within a scope (a re-arrest opens a new one):\n")
	for _, s := range []release.Scope{
		release.MustScope(political, ve, sinceDec),
		release.MustScope(detainees, ve, sinceDec),
	} {
		p("  %s\t%d\n", s, l.Detentions(s))
	}

	p("\nReleased on Sunday and still free:\n")
	sundayPolitical := release.MustScope(political, ve, release.Day(sunday))
	for _, d := range []release.Date{day(2026, time.January, 27), endJan} {
		p("  on %s\t%d of %d\n", d, l.StillFree(sundayPolitical, d), l.Released(sundayPolitical))
	}

	p("\nBalance of %s @ %s (opened = held + closed):\n", detainees, ve)
	p("  day\topened\theld\tclosed\tbalanced\n")
	for _, d := range []release.Date{day(2025, time.December, 31), day(2026, time.January, 24), sunday, endJan} {
		b := l.Balance(d, detainees, ve)
		p("  %s\t%d\t%d\t%d\t%v\n", d, b.Opened, b.Held, b.Closed, b.Opened == b.Held+b.Closed)
	}
	return tw.Flush()
}
