// Package words is the one message catalogue of freedcount's printed
// products (package chart and package report): every sentence, label and
// heading they write, in English and Spanish, with numbers written per
// language by golang.org/x/text/message (1,234 and 1.234) and dates in
// words ("Sunday 25 January 2026", "domingo 25 de enero de 2026").
//
// Messages are keyed by their English text's identifier; each entry holds
// both languages side by side, so a message cannot exist in one language
// only. Arguments follow fmt verbs; %d is written with the language's
// digit grouping, so years, days and IDs are passed as strings (%s).
package words

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// ErrLanguage marks a language the catalogue does not hold.
var ErrLanguage = errors.New("language not supported (want English or Spanish)")

// Lang writes the catalogue's messages in one language. Build one with
// For; the zero Lang writes English.
type Lang struct {
	es bool
	p  *message.Printer
}

var builder = sync.OnceValue(func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for key, m := range messages {
		// SetString fails only on a malformed message; every entry is
		// plain text with fmt verbs, which TestCatalogue checks.
		_ = b.SetString(language.English, key, m[0])
		_ = b.SetString(language.Spanish, key, m[1])
	}
	return b
})

// For returns the Lang of tag: English for the zero tag or any English
// tag, Spanish for any Spanish tag; any other language is an error
// wrapping ErrLanguage.
func For(tag language.Tag) (Lang, error) {
	if tag == (language.Tag{}) || tag == language.Und {
		tag = language.English
	}
	base, _ := tag.Base()
	switch base.String() {
	case "en":
		return Lang{p: message.NewPrinter(language.English, message.Catalog(builder()))}, nil
	case "es":
		return Lang{es: true, p: message.NewPrinter(language.Spanish, message.Catalog(builder()))}, nil
	}
	return Lang{}, fmt.Errorf("%w: %q", ErrLanguage, tag.String())
}

func (l Lang) printer() *message.Printer {
	if l.p == nil {
		return message.NewPrinter(language.English, message.Catalog(builder()))
	}
	return l.p
}

// Tag returns the language as a BCP 47 tag ("en" or "es").
func (l Lang) Tag() string {
	if l.es {
		return "es"
	}
	return "en"
}

// Spanish reports whether l writes Spanish.
func (l Lang) Spanish() bool { return l.es }

// T writes the message key with args. A key missing from the catalogue is
// a programming error that TestCatalogue catches; it prints as the key.
func (l Lang) T(key string, args ...any) string {
	return l.printer().Sprintf(key, args...)
}

// Dec writes a decimal with the language's decimal mark ("0.8", "0,8").
func (l Lang) Dec(d decimal.Decimal) string {
	s := d.String()
	if l.es {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// N writes a count with the language's digit grouping.
func (l Lang) N(n int) string { return l.printer().Sprintf("%d", n) }

var (
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsES = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
	daysEN   = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	daysES   = [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}
)

// Date writes d in words: "25 January 2026" or "25 de enero de 2026";
// with weekday, "Sunday 25 January 2026" or "domingo 25 de enero de 2026".
func (l Lang) Date(d release.Date, weekday bool) string {
	if !d.IsValid() {
		return ""
	}
	y, m, dd := d.Ymd()
	var s string
	if l.es {
		s = strconv.Itoa(dd) + " de " + monthsES[m-1] + " de " + strconv.Itoa(y)
		if weekday {
			s = daysES[d.Weekday()] + " " + s
		}
		return s
	}
	s = strconv.Itoa(dd) + " " + monthsEN[m-1] + " " + strconv.Itoa(y)
	if weekday {
		s = daysEN[d.Weekday()] + " " + s
	}
	return s
}

// Short writes d briefly, for an axis: "25 Jan" or "25 ene".
func (l Lang) Short(d release.Date) string {
	_, m, dd := d.Ymd()
	if l.es {
		return strconv.Itoa(dd) + " " + monthsES[m-1][:3]
	}
	return strconv.Itoa(dd) + " " + monthsEN[m-1][:3]
}

// Range writes the days from a to b: "20 to 28 January 2026", "from 1
// December 2025 to 25 January 2026"; one day alone as Date does.
func (l Lang) Range(a, b release.Date) string {
	if a == b {
		return l.Date(a, false)
	}
	ya, ma, da := a.Ymd()
	yb, mb, _ := b.Ymd()
	first := l.Date(a, false)
	switch {
	case ya == yb && ma == mb:
		first = strconv.Itoa(da)
	case ya == yb && l.es:
		first = strconv.Itoa(da) + " de " + monthsES[ma-1]
	case ya == yb:
		first = strconv.Itoa(da) + " " + monthsEN[ma-1]
	}
	return l.T("range %s %s", first, l.Date(b, false))
}

// Moment writes t in loc in words, with the zone: "26 January 2026, 12:00
// (UTC−4)".
func (l Lang) Moment(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return l.Date(release.DateOf(t), false) + ", " + t.Format("15:04") + " (" + Zone(t) + ")"
}

// Zone names t's zone: "UTC", "UTC−4", "UTC+5:30", after the zone's
// abbreviation where it has a real one ("CET, UTC+1").
func Zone(t time.Time) string {
	name, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	utc := "UTC"
	if off != 0 {
		utc += sign + strconv.Itoa(off/3600)
		if m := off % 3600 / 60; m != 0 {
			utc += fmt.Sprintf(":%02d", m)
		}
	}
	if name == "" || strings.HasPrefix(name, "+") || strings.HasPrefix(name, "-") || name == "UTC" {
		return utc
	}
	return name + ", " + utc
}

// Region writes a region's country in the language ("Venezuela"), with
// the rest of its path after it ("Venezuela (Zulia)"); a code that names
// no country prints as it is.
func (l Lang) Region(r release.Region) string {
	path := r.String()
	code, rest, _ := strings.Cut(path, "/")
	name := l.country(code)
	if rest != "" {
		return name + " (" + strings.ReplaceAll(rest, "/", ", ") + ")"
	}
	return name
}

// country returns the name of the country whose code is code, or code.
func (l Lang) country(code string) string {
	if reg, err := language.ParseRegion(code); err == nil && reg.IsCountry() {
		tag := language.English
		if l.es {
			tag = language.Spanish
		}
		if n := display.Regions(tag).Name(reg); n != "" {
			return n
		}
	}
	return code
}

// Population writes a population in words: "political prisoners",
// "presos políticos"; a path the catalogue does not know is written as
// its nearest known ancestor with the rest of its segments in brackets,
// as they are ("political prisoners (us-list)") except that a segment
// that is a country's code is written as the country's name ("foreign
// detainees (Sri Lanka)").
func (l Lang) Population(p release.Population) string {
	path := p.String()
	if m, ok := populations[path]; ok {
		return l.pick(m)
	}
	for q, ok := p.Parent(); ok; q, ok = q.Parent() {
		if m, known := populations[q.String()]; known {
			return l.pick(m) + " (" + l.segments(strings.TrimPrefix(path, q.String()+"/")) + ")"
		}
	}
	head, rest, _ := strings.Cut(path, "/")
	if rest == "" {
		return head
	}
	return head + " (" + l.segments(rest) + ")"
}

// segments writes the segments of the rest of a path, a country's code
// as the country's name, separated by commas.
func (l Lang) segments(rest string) string {
	segs := strings.Split(rest, "/")
	for i, s := range segs {
		if len(s) == 2 {
			if n := l.country(s); n != s {
				segs[i] = n
			}
		}
	}
	return strings.Join(segs, ", ")
}

// Source writes a source's name so that it reads in a sentence: a name
// that goes on after a comma with a clause about the person ("Rosario
// Murillo, vice-president of Nicaragua") puts the clause in brackets
// ("Rosario Murillo (vice-president of Nicaragua)"), so that "reported"
// or "informó de" after it is not read as part of the clause. A comma
// inside brackets is left as it is ("White House (Jake Sullivan,
// national security adviser)").
func Source(name string) string {
	head, rest, ok := strings.Cut(name, ",")
	if !ok || strings.ContainsAny(head, "()") {
		return name
	}
	head, rest = strings.TrimSpace(head), strings.TrimSpace(rest)
	if head == "" || rest == "" {
		return name
	}
	// Brackets already in the clause become commas: "A, B (C)" is
	// "A (B, C)", not "A (B (C))".
	rest = strings.TrimSuffix(strings.ReplaceAll(rest, " (", ", "), ")")
	rest = strings.ReplaceAll(rest, ")", "")
	rest = strings.ReplaceAll(rest, "(", "")
	return head + " (" + rest + ")"
}

func (l Lang) pick(m [2]string) string {
	if l.es {
		return m[1]
	}
	return m[0]
}

// Quantity writes a quantity as said, in the language: "at least 104",
// "al menos 104", "between 40 and 50".
func (l Lang) Quantity(q source.Quantity) string {
	if !q.IsValid() {
		return ""
	}
	lo, hi := q.Stated()
	switch q.Kind() {
	case source.Exactly:
		return l.N(lo)
	case source.AtLeast:
		return l.T("at least %d", lo)
	case source.MoreThan:
		return l.T("more than %d", lo)
	case source.AtMost:
		return l.T("at most %d", lo)
	case source.FewerThan:
		return l.T("fewer than %d", lo)
	case source.About:
		return l.T("about %d", lo)
	case source.Nearly:
		return l.T("nearly %d", lo)
	case source.Between:
		return l.T("between %d and %d", lo, hi)
	case source.Some:
		return l.T("some")
	}
	if w, ok := vague[q.Kind()]; ok {
		return l.pick(w)
	}
	return q.String()
}

// vague holds the vague words, each as a noun phrase.
var vague = map[source.QuantityKind][2]string{
	source.Dozens:              {"dozens", "decenas"},
	source.Hundreds:            {"hundreds", "cientos"},
	source.Thousands:           {"thousands", "miles"},
	source.Several:             {"several", "varios"},
	source.Handful:             {"a handful", "un puñado"},
	source.Scores:              {"scores", "veintenas"},
	source.SeveralDozen:        {"several dozen", "varias decenas"},
	source.SeveralThousand:     {"several thousand", "varios miles"},
	source.TensOfThousands:     {"tens of thousands", "decenas de miles"},
	source.HundredsOfThousands: {"hundreds of thousands", "cientos de miles"},
}

// populations holds the populations the catalogue names.
var populations = map[string][2]string{
	"detainees":                    {"detainees", "detenidos"},
	"detainees/political":          {"political prisoners", "presos políticos"},
	"detainees/political/foreign":  {"foreign political prisoners", "presos políticos extranjeros"},
	"detainees/political/military": {"military political prisoners", "presos políticos militares"},
	"detainees/political/civilian": {"civilian political prisoners", "presos políticos civiles"},
	"detainees/foreign":            {"foreign detainees", "detenidos extranjeros"},
	"detainees/common":             {"common-law prisoners", "presos comunes"},
	"detainees/protest":            {"protest detainees", "detenidos en protestas"},
	"detainees/national":           {"national detainees", "detenidos nacionales"},
	// The other categories of package release.
	"detainees/political/journalist": {"journalists held as political prisoners", "periodistas presos políticos"},
	"detainees/political/minor":      {"minors held as political prisoners", "menores presos políticos"},
	"detainees/political/defender":   {"human rights defenders held as political prisoners", "defensores de derechos humanos presos políticos"},
	// Paths the real cases use.
	"detainees/political/national":   {"national political prisoners", "presos políticos nacionales"},
	"detainees/political/conscience": {"prisoners of conscience", "presos de conciencia"},
	"detainees/protest/political":    {"political prisoners from the protests", "presos políticos de las protestas"},
	"detainees/to-ukraine":           {"detainees handed over to Ukraine", "detenidos entregados a Ucrania"},
}
