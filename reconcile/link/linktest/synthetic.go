package linktest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Person is an invented person: the truth behind the records of a
// [Synthetic] linkage.
type Person struct {
	Given              []string // one or two given names
	Paternal, Maternal string
	Married            string // a married woman's husband's surname, or ""
	Sex                release.Sex
	BirthYear          int
	Cedula             int  // 1,000,000 to 35,999,999 (80,000,000 and up for foreigners)
	Foreign            bool // an E- cédula
	Region             string
	Facility           string
}

// Noise is how records depart from the person they are of: the
// corruptions that registers, lists from press reports and families'
// reports really show. Each field is the probability, per record, of one
// corruption.
type Noise struct {
	// Accents: the name is written without accents (and ñ as n).
	Accents float64
	// Uppercase: the name is written in capitals.
	Uppercase float64
	// SurnamesFirst: written "SURNAMES, Given names".
	SurnamesFirst float64
	// SwapSurnames: paternal and maternal surnames swapped.
	SwapSurnames float64
	// DropMaternal: the second surname left out.
	DropMaternal float64
	// DropSecondGiven: the second given name left out.
	DropSecondGiven float64
	// MarriedName: a married woman's "de X" added.
	MarriedName float64
	// Typo: one typing error (a letter replaced, dropped, doubled, or two
	// swapped) in one word of the name.
	Typo float64
	// MissingCedula: no national ID; otherwise it is written in one of the
	// usual formats (V-12.345.678, V12345678, 12.345.678, v 12345678 ...).
	MissingCedula float64
	// CedulaTransposition: two adjacent digits of the cédula swapped, which
	// makes it another valid number (never another person's).
	CedulaTransposition float64
	// MissingBirthYear, BirthYearOff (by one year): the year of birth.
	MissingBirthYear, BirthYearOff float64
	// MissingSex, MissingRegion, MissingFacility: optional fields left
	// empty. CountryOnly: the region recorded as "VE" alone.
	MissingSex, MissingRegion, MissingFacility, CountryOnly float64
}

// DefaultNoise returns the noise of [Synthetic] when none is given: the
// corruptions that lists of detainees show (accents, capitals, order,
// swapped or missing surnames, typos, cédula formats and transpositions) at
// realistic rates, and a moderate share of missing optional fields:
//
//	accents dropped        35%   typo in the name            8%
//	capitals               40%   cédula digits transposed  0.3%
//	surnames first         20%   missing cédula             10%
//	surnames swapped        4%   missing year of birth      10%
//	second surname missing  8%   year of birth off by one    3%
//	second given missing   15%   missing sex                20%
//	married name added     30% of married women's records
//	missing region 10%, country only 10%, missing facility 50%
func DefaultNoise() Noise {
	return Noise{
		Accents: 0.35, Uppercase: 0.40, SurnamesFirst: 0.20, SwapSurnames: 0.04, DropMaternal: 0.08,
		DropSecondGiven: 0.15, MarriedName: 0.30, Typo: 0.08,
		MissingCedula: 0.10, CedulaTransposition: 0.003,
		MissingBirthYear: 0.10, BirthYearOff: 0.03,
		MissingSex: 0.20, MissingRegion: 0.10, MissingFacility: 0.50, CountryOnly: 0.10,
	}
}

// HarshNoise is [DefaultNoise] with many more missing fields, as in lists
// compiled from families' reports: a quarter of records without a cédula,
// a fifth without a year of birth, 30% without sex or region, 60% without
// facility. About one pair of records of a person in fifteen then has
// nothing but (often partial) names to go on, and some of those cannot be
// told from namesakes by any method.
func HarshNoise() Noise {
	n := DefaultNoise()
	n.MissingCedula, n.MissingBirthYear = 0.25, 0.20
	n.MissingSex, n.MissingRegion, n.MissingFacility = 0.30, 0.30, 0.60
	return n
}

// ListSpec describes one list of a [Synthetic] linkage.
type ListSpec struct {
	// Source is the list's source. Required.
	Source source.SourceID
	// Records is the number of records.
	Records int
	// Unique lists hold each person once; other lists draw people with
	// repeats, so that a person has 1 to 4 records (mean about 2).
	Unique bool
	// Released, if valid, is the release scope of every record, and
	// Stated the list's publication moment.
	Released release.Scope
	Stated   time.Time
}

// Synthetic describes a synthetic linkage: lists of records drawn from one
// invented population, with noise, and the truth known.
type Synthetic struct {
	// People is the size of the population the lists draw from.
	People int
	// Overlap is, for unique lists, the share of each list's people drawn
	// from a pool common to all lists; the rest are drawn from the whole
	// population (and so are found in other lists by chance only). 0 means
	// every person is drawn from the whole population.
	Overlap float64
	// Lists are the lists to generate.
	Lists []ListSpec
	// Noise is the corruption applied to each record; the zero Noise
	// means [DefaultNoise]. Use [Noise] with tiny positive values for
	// almost clean records.
	Noise Noise
	// Seed makes the result reproducible: the same Synthetic always
	// generates the same lists.
	Seed uint64
}

// Truth knows which person each record of a [Synthetic] linkage is of.
type Truth struct {
	people  []Person
	sources []source.SourceID
	person  [][]int32 // per list (in the order of Synthetic.Lists), per record number
}

// Generate returns the lists and the truth. Records carry invented names,
// cédulas ("V-12.345.678" and variants), years of birth, sex, region and
// facility, in [link.DetaineeSchema]'s order; record IDs are "SOURCE-" and a
// number unrelated to the person. It panics if a list has no valid source
// or a unique list asks for more records than there are people.
func (s Synthetic) Generate() ([]link.List, Truth) {
	rng := rand.New(rand.NewPCG(s.Seed, 0x73796e74))
	noise := s.Noise
	if noise == (Noise{}) {
		noise = DefaultNoise()
	}
	people := Population(s.People, s.Seed)
	t := Truth{people: people}
	used := make(map[int]bool, len(people))
	for _, p := range people {
		used[p.Cedula] = true
	}
	pool := rng.Perm(s.People)
	shared := pool[:int(s.Overlap*float64(s.People))]
	var out []link.List
	for _, spec := range s.Lists {
		if !spec.Source.IsValid() {
			panic("linktest: Synthetic list without a source")
		}
		who := s.draw(rng, spec, shared)
		l := link.List{Source: spec.Source, Unique: spec.Unique, Stated: spec.Stated, Records: make([]link.Record, len(who))}
		ids := rng.Perm(len(who))
		person := make([]int32, len(who))
		for k, p := range who {
			num := ids[k]
			person[num] = int32(p)
			l.Records[k] = link.Record{
				ID:       release.MustDetaineeID(fmt.Sprintf("%s-%07d", spec.Source, num)),
				Values:   release.NewSecrets(render(rng, &people[p], noise, used)),
				Released: spec.Released,
			}
		}
		t.sources = append(t.sources, spec.Source)
		t.person = append(t.person, person)
		out = append(out, l)
	}
	return out, t
}

// draw picks the people of one list.
func (s Synthetic) draw(rng *rand.Rand, spec ListSpec, shared []int) []int {
	if spec.Unique {
		if spec.Records > s.People {
			panic("linktest: a unique list larger than the population")
		}
		nShared := min(len(shared), int(s.Overlap*float64(spec.Records)))
		picked := make(map[int]bool, spec.Records)
		var who []int
		for _, k := range rng.Perm(len(shared))[:nShared] {
			who = append(who, shared[k])
			picked[shared[k]] = true
		}
		for len(who) < spec.Records {
			p := rng.IntN(s.People)
			if !picked[p] {
				picked[p] = true
				who = append(who, p)
			}
		}
		return who
	}
	var who []int
	for len(who) < spec.Records {
		p := rng.IntN(s.People)
		n := 1 + min(rng.IntN(4), rng.IntN(4)) // 1–4 records, mean about 1.9
		for range n {
			if len(who) < spec.Records {
				who = append(who, p)
			}
		}
	}
	return who
}

// zipf draws an index of a list of n in order of frequency, with weights
// 1/(rank+offset).
type zipf struct{ cum []float64 }

func newZipf(n int, offset float64) zipf {
	z := zipf{cum: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += 1 / (float64(i) + offset)
		z.cum[i] = sum
	}
	for i := range z.cum {
		z.cum[i] /= sum
	}
	return z
}

func (z zipf) draw(rng *rand.Rand) int {
	i, _ := slices.BinarySearch(z.cum, rng.Float64())
	return min(i, len(z.cum)-1)
}

// Population returns n invented people, the same for the same n and seed.
// Given names and surnames follow rough Venezuelan frequencies (the most
// common surname about 3% of people); 60% have a second given name; a
// fifth of women are married and may be recorded with their husband's
// surname; 4% are foreign residents with an E- cédula.
func Population(n int, seed uint64) []Person {
	rng := rand.New(rand.NewPCG(seed, 0x706f70))
	zm, zf, zs := newZipf(len(maleGiven), 8), newZipf(len(femaleGiven), 8), newZipf(len(surnames), 6)
	used := make(map[int]bool, n)
	out := make([]Person, n)
	for i := range out {
		p := &out[i]
		names, z := maleGiven, zm
		p.Sex = release.Male
		if rng.IntN(2) == 0 {
			names, z, p.Sex = femaleGiven, zf, release.Female
		}
		p.Given = []string{names[z.draw(rng)]}
		if rng.Float64() < 0.6 {
			if g := names[z.draw(rng)]; g != p.Given[0] {
				p.Given = append(p.Given, g)
			}
		}
		p.Paternal, p.Maternal = surnames[zs.draw(rng)], surnames[zs.draw(rng)]
		if p.Sex == release.Female && rng.Float64() < 0.2 {
			p.Married = surnames[zs.draw(rng)]
		}
		p.BirthYear = 1940 + rng.IntN(68)
		p.Foreign = rng.Float64() < 0.04
		for {
			c := 1_000_000 + rng.IntN(35_000_000)
			if p.Foreign {
				c = 80_000_000 + rng.IntN(19_999_999)
			}
			if !used[c] {
				used[c] = true
				p.Cedula = c
				break
			}
		}
		p.Region = regions[regionZipf.draw(rng)]
		p.Facility = facilities[rng.IntN(len(facilities))]
	}
	return out
}

// regionZipf draws a region, the capital and the populous states most
// often. It is never modified.
var regionZipf = newZipf(len(regions), 3)

// render writes one record of p, with noise, in DetaineeSchema's order.
// A transposed cédula is never another person's.
func render(rng *rand.Rand, p *Person, n Noise, used map[int]bool) []string {
	hit := func(prob float64) bool { return prob > 0 && rng.Float64() < prob }
	given := slices.Clone(p.Given)
	if len(given) > 1 && hit(n.DropSecondGiven) {
		given = given[:1]
	}
	sur := []string{p.Paternal, p.Maternal}
	if hit(n.SwapSurnames) {
		sur[0], sur[1] = sur[1], sur[0]
	}
	if hit(n.DropMaternal) {
		sur = sur[:1]
	}
	if p.Married != "" && hit(n.MarriedName) {
		sur = append(sur, "de "+p.Married)
	}
	words := append(slices.Clone(given), sur...)
	if hit(n.Typo) {
		k := rng.IntN(len(words))
		words[k] = typo(rng, words[k])
	}
	var name string
	if hit(n.SurnamesFirst) {
		name = strings.Join(words[len(given):], " ") + ", " + strings.Join(words[:len(given)], " ")
	} else {
		name = strings.Join(words, " ")
	}
	if hit(n.Accents) {
		name = stripAccents(name)
	}
	if hit(n.Uppercase) {
		name = strings.ToUpper(name)
	}
	vals := make([]string, 6)
	vals[0] = name
	if !hit(n.MissingCedula) {
		c := p.Cedula
		if hit(n.CedulaTransposition) {
			if t := transpose(rng, c); !used[t] {
				c = t
			}
		}
		vals[1] = formatCedula(rng, c, p.Foreign)
	}
	if !hit(n.MissingBirthYear) {
		y := p.BirthYear
		if hit(n.BirthYearOff) {
			y += 2*rng.IntN(2) - 1
		}
		vals[2] = strconv.Itoa(y)
	}
	if !hit(n.MissingSex) {
		vals[3] = p.Sex.String()
	}
	if !hit(n.MissingRegion) {
		vals[4] = p.Region
		if hit(n.CountryOnly) {
			vals[4] = "VE"
		}
	}
	if !hit(n.MissingFacility) {
		vals[5] = p.Facility
	}
	return vals
}

// typo makes one typing error in a word of at least three letters: a letter
// replaced by a neighbour, dropped, doubled, or two letters swapped.
func typo(rng *rand.Rand, w string) string {
	r := []rune(w)
	if len(r) < 3 {
		return w
	}
	k := 1 + rng.IntN(len(r)-2)
	switch rng.IntN(4) {
	case 0:
		r[k] = rune('a' + rng.IntN(26))
	case 1:
		r = append(r[:k], r[k+1:]...)
	case 2:
		r = append(r[:k+1], r[k:]...)
	default:
		r[k], r[k+1] = r[k+1], r[k]
	}
	return string(r)
}

// stripAccents removes combining marks, as a keyboard without them does.
func stripAccents(s string) string {
	out, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	return out
}

// transpose swaps two adjacent different digits of c.
func transpose(rng *rand.Rand, c int) int {
	d := []byte(strconv.Itoa(c))
	for range 10 {
		k := rng.IntN(len(d) - 1)
		if d[k] != d[k+1] && (k > 0 || d[k+1] != '0') {
			d[k], d[k+1] = d[k+1], d[k]
			n, _ := strconv.Atoi(string(d))
			return n
		}
	}
	return c
}

// formatCedula writes c in one of the ways registers write cédulas.
func formatCedula(rng *rand.Rand, c int, foreign bool) string {
	letter := "V"
	if foreign {
		letter = "E"
	}
	digits := strconv.Itoa(c)
	dotted := groupThrees(digits, ".")
	switch rng.IntN(6) {
	case 0:
		return letter + "-" + dotted
	case 1:
		return letter + digits
	case 2:
		if foreign {
			return letter + "-" + digits
		}
		return dotted
	case 3:
		return letter + "-" + digits
	case 4:
		return strings.ToLower(letter) + " " + digits
	default:
		return letter + ". " + groupThrees(digits, " ")
	}
}

func groupThrees(digits, sep string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
