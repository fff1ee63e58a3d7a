package linktest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// NameText returns a generator of full names that [link.ParseName] reads:
// invented Spanish names of one or two given names and one or two surnames
// (some with particles, some with a married name), written in any of the
// ways registers write them — with or without accents, in capitals,
// surnames first with a comma — and sometimes with a typo.
func NameText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		p := drawPerson(t)
		n := drawNoise(t)
		return render(rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1)), &p, n, nil)[0]
	})
}

// drawPerson draws an invented person.
func drawPerson(t *rapid.T) Person {
	female := rapid.Bool().Draw(t, "female")
	names := maleGiven
	p := Person{Sex: release.Male}
	if female {
		names, p.Sex = femaleGiven, release.Female
	}
	given := rapid.SampledFrom(names)
	sur := rapid.SampledFrom(surnames)
	p.Given = []string{given.Draw(t, "given")}
	if rapid.Bool().Draw(t, "secondGiven") {
		p.Given = append(p.Given, given.Draw(t, "given2"))
	}
	p.Paternal, p.Maternal = sur.Draw(t, "paternal"), sur.Draw(t, "maternal")
	if female && rapid.IntRange(0, 4).Draw(t, "married") == 0 {
		p.Married = sur.Draw(t, "husband")
	}
	p.BirthYear = rapid.IntRange(1940, 2007).Draw(t, "birthYear")
	p.Foreign = rapid.IntRange(0, 9).Draw(t, "foreign") == 0
	p.Cedula = rapid.IntRange(1_000_000, 35_999_999).Draw(t, "cedula")
	if p.Foreign {
		p.Cedula = rapid.IntRange(80_000_000, 99_999_999).Draw(t, "cedulaE")
	}
	p.Region = rapid.SampledFrom(regions).Draw(t, "region")
	p.Facility = rapid.SampledFrom(facilities).Draw(t, "facility")
	return p
}

// drawNoise draws a noise profile: the default, the harsh one, or a rough
// one where a third of the records have a typo and a tenth a transposed
// cédula, so that small linkages meet every case.
func drawNoise(t *rapid.T) Noise {
	switch rapid.IntRange(0, 2).Draw(t, "noise") {
	case 0:
		return DefaultNoise()
	case 1:
		return HarshNoise()
	}
	n := DefaultNoise()
	n.Typo, n.CedulaTransposition, n.DropMaternal, n.SwapSurnames = 0.3, 0.1, 0.2, 0.2
	return n
}

// CedulaCase is a cédula as a register writes it and its canonical form.
type CedulaCase struct {
	Text, Canonical string
}

// Cedula returns a generator of cédulas written in the ways registers write
// them — "V-12.345.678", "V12345678", "12.345.678", "v 12345678",
// "E-84.512.309", with leading zeros or spaces around — with the canonical
// form [link.ParseCedula] must read them to.
func Cedula() *rapid.Generator[CedulaCase] {
	return rapid.Custom(func(t *rapid.T) CedulaCase {
		n := rapid.OneOf(rapid.IntRange(1, 999), rapid.IntRange(1_000_000, 35_999_999), rapid.IntRange(80_000_000, link.MaxCedula)).Draw(t, "number")
		letter := rapid.SampledFrom([]string{"V", "E", "v", "e", ""}).Draw(t, "letter")
		canonical := "V-" + strconv.Itoa(n)
		if strings.EqualFold(letter, "E") {
			canonical = "E-" + strconv.Itoa(n)
		}
		digits := strconv.Itoa(n)
		if zeros := rapid.IntRange(0, 2).Draw(t, "zeros"); zeros > 0 && len(digits)+zeros <= 9 {
			digits = strings.Repeat("0", zeros) + digits
		}
		switch rapid.IntRange(0, 3).Draw(t, "grouping") {
		case 1:
			digits = groupThrees(digits, ".")
		case 2:
			digits = groupThrees(digits, " ")
		case 3:
			digits = groupThrees(digits, ",")
		}
		sep := ""
		if letter != "" {
			sep = rapid.SampledFrom([]string{"", "-", ".", " ", "- ", ". "}).Draw(t, "sep")
		}
		pad := rapid.SampledFrom([]string{"", " ", "\t"})
		return CedulaCase{Text: pad.Draw(t, "before") + letter + sep + digits + pad.Draw(t, "after"), Canonical: canonical}
	})
}

// InvalidCedulaText returns a generator of texts that [link.ParseCedula]
// must refuse: another letter (a company's J-, a passport's P-), letters
// among the digits, digits grouped wrongly, more than eight significant
// digits, zero, nothing after the letter, and arbitrary text.
func InvalidCedulaText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		n := strconv.Itoa(rapid.IntRange(1_000_000, 35_999_999).Draw(t, "number"))
		switch rapid.IntRange(0, 7).Draw(t, "kind") {
		case 0:
			return rapid.SampledFrom([]string{"J-", "P-", "G-", "X"}).Draw(t, "letter") + n
		case 1:
			k := rapid.IntRange(1, len(n)-1).Draw(t, "at")
			return "V-" + n[:k] + rapid.SampledFrom([]string{"O", "l", "x", "/"}).Draw(t, "bad") + n[k:]
		case 2:
			return "V-" + n[:len(n)-2] + "." + n[len(n)-2:]
		case 3:
			return "V-" + n + strconv.Itoa(rapid.IntRange(10, 99).Draw(t, "extra"))
		case 4:
			return rapid.SampledFrom([]string{"0", "V-0", "V-0.000.000", "E-00"}).Draw(t, "zero")
		case 5:
			return rapid.SampledFrom([]string{"", " ", "V", "V-", "E. ", "-"}).Draw(t, "empty")
		case 6:
			return "V-" + groupThrees(n, ".")[:3] + " " + groupThrees(n, ".")[3:]
		}
		return "V-" + rapid.StringMatching(`[a-zA-Z]{1,8}`).Draw(t, "word")
	})
}

// Lists returns a generator of small linkages for [link.DetaineeSchema]:
// one to three lists from distinct sources, each of up to 16 records of
// people drawn from a pool of two to ten, corrupted by a drawn noise
// profile. Some lists are unique (each person once), some not (duplicates);
// some records are releases, with a scope. The lists are valid input of
// [link.Link] with [link.DetaineeConfig].
func Lists() *rapid.Generator[[]link.List] {
	return rapid.Custom(func(t *rapid.T) []link.List {
		pool := rapid.SliceOfN(rapid.Custom(drawPerson), 2, 10).Draw(t, "pool")
		distinctCedulas(pool)
		noise := drawNoise(t)
		rng := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 2))
		used := map[int]bool{}
		for _, p := range pool {
			used[p.Cedula] = true
		}
		n := rapid.IntRange(1, 3).Draw(t, "lists")
		var out []link.List
		for k := range n {
			l := link.List{
				Source: source.MustSourceID(fmt.Sprintf("src-%d", k)),
				Unique: rapid.Bool().Draw(t, "unique"),
				Stated: time.Date(2026, time.February, 1+k, 20, 0, 0, 0, time.UTC), // after every release it lists
			}
			var who []int
			if l.Unique {
				perm := rng.Perm(len(pool))
				who = perm[:rapid.IntRange(len(pool)/2, len(pool)).Draw(t, "size")]
			} else {
				who = rapid.SliceOfN(rapid.IntRange(0, len(pool)-1), len(pool)/2, 16).Draw(t, "who")
			}
			for r, p := range who {
				rec := link.Record{
					ID:     release.MustDetaineeID(fmt.Sprintf("R%02d", r)),
					Values: release.NewSecrets(render(rng, &pool[p], noise, used)),
				}
				if rapid.Bool().Draw(t, "released") {
					rec.Released = releaseScope(rapid.IntRange(0, 3).Draw(t, "day"), pool[p].Region)
				}
				l.Records = append(l.Records, rec)
			}
			if l.Unique {
				dropRepeatedIDs(&l)
			}
			out = append(out, l)
		}
		return out
	})
}

// dropRepeatedIDs blanks the national ID of a record of a unique list that
// repeats an earlier record's, which two typing errors could make.
func dropRepeatedIDs(l *link.List) {
	seen := map[link.Cedula]bool{}
	for _, r := range l.Records {
		c, err := link.ParseCedula(r.Values[1].Reveal())
		if err != nil {
			continue
		}
		if seen[c] {
			r.Values[1] = release.Secret{}
		}
		seen[c] = true
	}
}

// distinctCedulas gives the people of a pool distinct cédulas, as people
// have.
func distinctCedulas(pool []Person) {
	seen := map[int]bool{}
	for i := range pool {
		for seen[pool[i].Cedula] {
			pool[i].Cedula-- // never below 1,000,000 in a pool of ten
		}
		seen[pool[i].Cedula] = true
	}
}

// releaseScope is political prisoners released in region on a day of late
// January 2026.
func releaseScope(day int, region string) release.Scope {
	d := release.MustDate(2026, time.January, 24+day)
	reg, err := release.ParseRegion(region)
	if err != nil {
		reg = release.MustRegion("VE")
	}
	return release.MustScope(release.MustPopulation("detainees/political"), reg, release.Day(d))
}

// Addition is a record to add to one of a linkage's lists.
type Addition struct {
	// List is the index of the list in the linkage's lists.
	List   int
	Record link.Record
}

// AdditionTo returns a generator of records that can be added to lists
// (as [Lists] draws them): a record with a fresh ID, of a new or an
// existing person (with a national ID the list can hold), corrupted like
// the others.
func AdditionTo(lists []link.List) *rapid.Generator[Addition] {
	return rapid.Custom(func(t *rapid.T) Addition {
		if len(lists) == 0 {
			panic("linktest: AdditionTo needs a list")
		}
		k := rapid.IntRange(0, len(lists)-1).Draw(t, "list")
		l := lists[k]
		rng := rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 3))
		var vals []string
		if src := collectValues(lists); len(src) > 0 && rapid.Bool().Draw(t, "copy") {
			// A copy of another record, as a second list would write it.
			vals = append([]string(nil), rapid.SampledFrom(src).Draw(t, "of")...)
			if rapid.Bool().Draw(t, "dropID") {
				vals[1] = ""
			}
		} else {
			p := drawPerson(t)
			vals = render(rng, &p, drawNoise(t), nil)
		}
		if l.Unique && vals[1] != "" {
			c, err := link.ParseCedula(vals[1])
			for _, r := range l.Records {
				if d, err2 := link.ParseCedula(r.Values[1].Reveal()); err == nil && err2 == nil && d == c {
					vals[1] = "" // the list holds that national ID already
				}
			}
		}
		return Addition{List: k, Record: link.Record{ID: release.MustDetaineeID("added"), Values: release.NewSecrets(vals)}}
	})
}

func collectValues(lists []link.List) [][]string {
	var out [][]string
	for _, l := range lists {
		for _, r := range l.Records {
			out = append(out, release.RevealAll(r.Values))
		}
	}
	return out
}
