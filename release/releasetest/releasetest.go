package releasetest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/ident"
	"github.com/freedcount/freedcount/release"
)

// Days that the generators favour. Most generated dates fall in the twelve
// "hot" days around the report of Sunday 25 January 2026, so that equal and
// nested periods are drawn often; most of the rest fall in the window from
// December 2025 to February 2026.
var (
	windowFirst = release.MustDate(2025, time.December, 1)
	windowLast  = release.MustDate(2026, time.February, 28)
	hotFirst    = release.MustDate(2026, time.January, 20)
	hotLast     = release.MustDate(2026, time.January, 31)
	minDate     = release.MustDate(1, time.January, 1)
	maxDate     = release.MustDate(9999, time.December, 31)
)

// Window returns the period most generated dates lie in, 2025-12-01 to
// 2026-02-28; every day of a [History] lies in it. Tests can draw query days
// from it with [DateBetween] so that queries hit the generated data.
func Window() release.Period { return release.MustPeriod(windowFirst, windowLast) }

// Date returns a generator of valid dates. Most lie in late January 2026,
// many elsewhere in [Window], some anywhere from 0001-01-01 to 9999-12-31,
// and a few on edges: the first and last valid days and leap days.
func Date() *rapid.Generator[release.Date] {
	return rapid.Custom(func(t *rapid.T) release.Date {
		switch k := rapid.IntRange(0, 19).Draw(t, "dateKind"); {
		case k < 12:
			return drawBetween(t, hotFirst, hotLast)
		case k < 16:
			return drawBetween(t, windowFirst, windowLast)
		case k < 19:
			y := rapid.IntRange(1, 9999).Draw(t, "year")
			m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
			d := rapid.IntRange(1, daysIn(y, m)).Draw(t, "day")
			return release.MustDate(y, m, d)
		default:
			return rapid.SampledFrom([]release.Date{
				minDate, maxDate,
				release.MustDate(2024, time.February, 29),
				release.MustDate(2000, time.February, 29),
				release.MustDate(1900, time.February, 28),
				release.MustDate(1969, time.December, 31),
				release.MustDate(1970, time.January, 1),
			}).Draw(t, "edgeDate")
		}
	})
}

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateBetween returns a generator of dates from lo to hi inclusive, lower
// dates first when shrinking. Like [rapid.IntRange] with bad bounds, it
// panics if lo or hi is the zero Date or lo is after hi.
func DateBetween(lo, hi release.Date) *rapid.Generator[release.Date] {
	if !lo.IsValid() || !hi.IsValid() || lo.After(hi) {
		panic(fmt.Sprintf("releasetest.DateBetween: invalid range %q to %q", lo, hi))
	}
	return rapid.Custom(func(t *rapid.T) release.Date { return drawBetween(t, lo, hi) })
}

func drawBetween(t *rapid.T, lo, hi release.Date) release.Date {
	n := rapid.IntRange(0, hi.DaysSince(lo)).Draw(t, "daysAfter")
	d, ok := lo.AddDays(n)
	if !ok {
		panic("releasetest: AddDays left the range between two valid dates")
	}
	return d
}

// Period returns a generator of valid periods: the zero Period ("ever"),
// periods open at the start or at the end, single days, and bounded periods
// of up to six weeks, their days drawn by [Date].
func Period() *rapid.Generator[release.Period] {
	return rapid.Custom(func(t *rapid.T) release.Period {
		switch rapid.IntRange(0, 9).Draw(t, "periodKind") {
		case 0:
			return release.Period{}
		case 1:
			return release.Since(Date().Draw(t, "first"))
		case 2:
			return release.Until(Date().Draw(t, "last"))
		case 3:
			return release.Day(Date().Draw(t, "day"))
		default:
			first := Date().Draw(t, "first")
			n := rapid.IntRange(0, 42).Draw(t, "days")
			last, ok := first.AddDays(n)
			if !ok {
				last = maxDate
			}
			return release.MustPeriod(first, last)
		}
	})
}

// populations is the vocabulary of [Population]: every population of a
// [release.Category], a deeper one, a sibling of "detainees/political" and a
// second root with non-ASCII text.
var populations = []string{
	"detainees",
	"detainees/political",
	"detainees/political/military",
	"detainees/political/military/officers",
	"detainees/political/foreign",
	"detainees/political/journalist",
	"detainees/political/minor",
	"detainees/political/defender",
	"detainees/common",
	"detainees/under restrictions",
	"presos",
	"presos/políticos",
}

// Population returns a generator of valid populations drawn from a small
// vocabulary, mostly below "detainees" (the population of every
// [release.Category], and a few more) with a second root in Spanish
// ("presos/políticos"), so that equal, nested and sibling populations are
// drawn often.
func Population() *rapid.Generator[release.Population] {
	return rapid.Custom(func(t *rapid.T) release.Population {
		return release.MustPopulation(rapid.SampledFrom(populations).Draw(t, "population"))
	})
}

// regions is the vocabulary of [Region].
var regions = []string{
	"VE",
	"VE/Zulia",
	"VE/Zulia/Maracaibo",
	"VE/Caracas",
	"VE/Caracas/Libertador",
	"VE/Caracas/Sucre",
	"VE/Anzoátegui",
	"VE/Anzoátegui/Barcelona",
	"VE/Táchira",
	"VE/Carabobo",
	"CO",
	"CO/Bogotá",
	"CO/Norte de Santander",
	"CU",
	"NI",
}

// Region returns a generator of valid regions drawn from a small vocabulary
// of countries and subdivisions (VE, VE/Zulia, VE/Caracas/Libertador,
// VE/Anzoátegui, CO, CO/Bogotá, ...), so that equal, nested and sibling
// regions are drawn often.
func Region() *rapid.Generator[release.Region] {
	return rapid.Custom(func(t *rapid.T) release.Region {
		return release.MustRegion(rapid.SampledFrom(regions).Draw(t, "region"))
	})
}

// Scope returns a generator of valid scopes: a [Population] in a [Region]
// over a [Period].
func Scope() *rapid.Generator[release.Scope] {
	return rapid.Custom(func(t *rapid.T) release.Scope {
		return release.MustScope(
			Population().Draw(t, "population"),
			Region().Draw(t, "region"),
			Period().Draw(t, "period"),
		)
	})
}

// Partition returns a generator of valid partitions of "detainees" or
// "detainees/political": two or more populations of the [Population]
// vocabulary strictly below the parent, none containing another.
func Partition() *rapid.Generator[release.Partition] {
	return rapid.Custom(func(t *rapid.T) release.Partition {
		parent := release.MustPopulation(rapid.SampledFrom([]string{"detainees", "detainees/political"}).Draw(t, "parent"))
		var below []release.Population
		for _, s := range populations {
			if p := release.MustPopulation(s); p != parent && parent.Contains(p) {
				below = append(below, p)
			}
		}
		var parts []release.Population
		for _, p := range rapid.Permutation(below).Draw(t, "candidates") {
			nested := false
			for _, q := range parts {
				nested = nested || p.Contains(q) || q.Contains(p)
			}
			if !nested {
				parts = append(parts, p)
			}
		}
		n := rapid.IntRange(2, len(parts)).Draw(t, "parts")
		pt, err := release.NewPartition(parent, parts[:n]...)
		if err != nil {
			panic("releasetest: invalid partition: " + err.Error())
		}
		return pt
	})
}

// DetaineeID returns a generator of valid detainee IDs: mostly from a pool
// of a dozen register keys ("FP-2026-0001" ...), so that the same person is
// drawn twice often, else register-style keys and arbitrary valid text
// (letters, digits, marks, punctuation and symbols of any script).
func DetaineeID() *rapid.Generator[release.DetaineeID] {
	return rapid.Custom(func(t *rapid.T) release.DetaineeID {
		var s string
		switch k := rapid.IntRange(0, 9).Draw(t, "idKind"); {
		case k < 7:
			s = fmt.Sprintf("FP-2026-%04d", rapid.IntRange(1, 12).Draw(t, "poolIndex"))
		case k < 9:
			s = fmt.Sprintf("%s-%04d-%05d",
				rapid.SampledFrom([]string{"FP", "OVP", "CLIPPVE", "JEP"}).Draw(t, "registry"),
				rapid.IntRange(2014, 2026).Draw(t, "idYear"),
				rapid.IntRange(0, 99999).Draw(t, "idNumber"))
		default:
			// Any visible character: variation selectors (invisible marks) are refused.
			char := rapid.RuneFrom(nil, unicode.L, unicode.N, unicode.M, unicode.P, unicode.S).
				Filter(func(r rune) bool { return ident.Forbidden(r) == nil })
			word := rapid.StringOfN(char, 1, 20, 60)
			s = word.Draw(t, "idWord")
			if rapid.Bool().Draw(t, "idSpace") {
				s += " " + word.Draw(t, "idWord2")
			}
		}
		return release.MustDetaineeID(s)
	})
}

// Invented given names and surnames: the people that [Detainee] draws are
// made up and belong to no one.
var (
	givenNames = []string{
		"José", "María", "Andrés", "Ramón", "Inés", "Jesús", "Ángel", "Begoña",
		"Nicolás", "Sofía", "Óscar", "Lucía", "Héctor", "Verónica", "Joaquín",
		"Rocío", "Darío", "Yolimar", "Yusmary", "Adrián", "Dayana", "Efraín",
	}
	surnames = []string{
		"Pérez", "Gutiérrez", "Peñaloza", "Núñez", "Rodríguez", "Hernández",
		"Martínez", "Añez", "Briceño", "Ibáñez", "Márquez", "Zambrano",
		"Villalobos", "Quiñónez", "Sánchez", "Colmenárez", "Ávila", "Muñoz",
	}
	facilities = []string{
		"El Helicoide", "Rodeo I", "Tocorón", "Yare III", "La Tumba",
		"Zona 7 de Boleíta", "Tocuyito", "Fuerte Tiuna",
	}
)

// name draws an invented full name of two to four words, at least a dozen
// bytes long, so that it cannot appear by accident in other output.
func name(t *rapid.T) string {
	given := rapid.SampledFrom(givenNames)
	sur := rapid.SampledFrom(surnames)
	parts := []string{given.Draw(t, "given")}
	if rapid.Bool().Draw(t, "secondGiven") {
		parts = append(parts, given.Draw(t, "given2"))
	}
	parts = append(parts, sur.Draw(t, "surname"), sur.Draw(t, "surname2"))
	return strings.Join(parts, " ")
}

// nationalID draws an invented Venezuelan identity document number,
// "V-12.345.678" (or "E-" for a foreigner), sometimes without the dots.
func nationalID(t *rapid.T) string {
	n := rapid.IntRange(1_000_000, 35_999_999).Draw(t, "cedula")
	prefix := rapid.SampledFrom([]string{"V-", "E-"}).Draw(t, "cedulaPrefix")
	if rapid.IntRange(0, 4).Draw(t, "cedulaUndotted") == 0 {
		return prefix + strconv.Itoa(n)
	}
	return fmt.Sprintf("%s%d.%03d.%03d", prefix, n/1_000_000, n/1000%1000, n%1000)
}

// Detainee returns a generator of valid detainees with invented names
// (Spanish, with accents) and national IDs ("V-12.345.678"). The name is
// always set; the other optional fields are set or left zero at random.
// A detainee with Detained set may lack a Region, which
// [release.Ledger.Register] refuses ([release.ErrNoRegion]); draw from
// [History] for detainees that a ledger accepts.
func Detainee() *rapid.Generator[release.Detainee] {
	return rapid.Custom(func(t *rapid.T) release.Detainee {
		return drawDetainee(t, DetaineeID().Draw(t, "id"), false)
	})
}

// drawDetainee draws a valid detainee with the given ID. If registerable, a
// set Detained day lies in the window and comes with a region.
func drawDetainee(t *rapid.T, id release.DetaineeID, registerable bool) release.Detainee {
	d := release.Detainee{
		ID:       id,
		Name:     release.NewSecret(name(t)),
		Sex:      release.Sex(rapid.IntRange(0, 3).Draw(t, "sex")),
		Category: release.Category(rapid.IntRange(0, 7).Draw(t, "category")),
	}
	if rapid.IntRange(0, 5).Draw(t, "hasNationalID") > 0 {
		d.NationalID = release.NewSecret(nationalID(t))
	}
	if rapid.IntRange(0, 3).Draw(t, "hasRegion") > 0 {
		d.Region = Region().Draw(t, "region")
	}
	if rapid.Bool().Draw(t, "hasFacility") {
		d.Facility = rapid.SampledFrom(facilities).Draw(t, "facility")
	}
	if rapid.IntRange(0, 4).Draw(t, "hasDetained") > 1 {
		if registerable {
			d.Detained = drawBetween(t, windowFirst, windowLast)
			if !d.Region.IsValid() {
				d.Region = Region().Draw(t, "region")
			}
		} else {
			d.Detained = Date().Draw(t, "detained")
		}
	}
	if rapid.IntRange(0, 4).Draw(t, "hasBirthYear") > 1 {
		lo, hi := 1930, 2010
		if d.Detained.IsValid() {
			y, _, _ := d.Detained.Ymd()
			hi = min(y, release.MaxBirthYear)
			lo = max(release.MinBirthYear, hi-90)
		}
		if lo <= hi {
			d.BirthYear = rapid.IntRange(lo, hi).Draw(t, "birthYear")
		}
	}
	return d
}

// Event returns a generator of valid events: a detention or a release (with
// or without terms) of a [DetaineeID] on a [Date], with or without a
// facility and a region. Whether a ledger accepts it depends on the ledger;
// draw from [History] for events that one accepts.
func Event() *rapid.Generator[release.Event] {
	return rapid.Custom(func(t *rapid.T) release.Event {
		e := release.Event{
			Detainee: DetaineeID().Draw(t, "detainee"),
			Kind:     release.EventKind(rapid.IntRange(1, 2).Draw(t, "kind")),
			Day:      Date().Draw(t, "day"),
		}
		if e.Kind == release.Released {
			e.Terms = release.Terms(rapid.IntRange(0, 4).Draw(t, "terms"))
		}
		if rapid.Bool().Draw(t, "hasFacility") {
			e.Facility = rapid.SampledFrom(facilities).Draw(t, "facility")
		}
		if rapid.IntRange(0, 4).Draw(t, "hasRegion") > 1 {
			e.Region = Region().Draw(t, "region")
		}
		return e
	})
}
