package releasetest

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
)

// Bad is a value that breaks the rules of its type, with the names of the
// fields that were broken, as a [release.FieldError] names them
// ("Detainee.Name"). Validate reports at least these fields; it may report
// more where one broken field makes another one wrong too (a birth year
// moved after the day of detention).
type Bad[T any] struct {
	Value  T
	Fields []string
}

// breaker breaks one field of a value; it returns the field's name.
type breaker[T any] struct {
	field string
	apply func(t *rapid.T, v *T)
}

// breakSome applies one to three distinct breakers, in their order, to v.
func breakSome[T any](t *rapid.T, v T, breakers []breaker[T], skip func(chosen []int, i int) bool) Bad[T] {
	idx := rapid.SliceOfNDistinct(rapid.IntRange(0, len(breakers)-1), 1, 3, rapid.ID[int]).Draw(t, "broken")
	slices.Sort(idx)
	var fields []string
	for _, i := range idx {
		if skip != nil && skip(idx, i) {
			continue
		}
		breakers[i].apply(t, &v)
		fields = append(fields, breakers[i].field)
	}
	return Bad[T]{Value: v, Fields: fields}
}

// overlong returns invented text (valid UTF-8, with accents) longer than n
// bytes.
func overlong(t *rapid.T, n int, label string) string {
	unit := rapid.SampledFrom([]string{"a", "Ñ", "José Pérez ", "°"}).Draw(t, label)
	extra := rapid.IntRange(1, 8).Draw(t, label+"Extra")
	s := strings.Repeat(unit, n/len(unit)+1)
	return s + strings.Repeat("x", extra)
}

// badUTF8 returns s with an invalid byte sequence inserted.
func badUTF8(t *rapid.T, s, label string) string {
	bad := rapid.SampledFrom([]string{"\xff", "\xc3", "\xed\xa0\x80", "\x80", "\xf4\x90\x80\x80"}).Draw(t, label)
	i := rapid.IntRange(0, len(s)).Draw(t, label+"At")
	out := s[:i] + bad + s[i:]
	return out
}

// Indices into detaineeBreakers of the birth year and the day of detention,
// which interact: a broken birth year can hide a detention before birth.
const (
	breakBirthYear = 5
	breakDetained  = 8
)

var detaineeBreakers = []breaker[release.Detainee]{
	{"Detainee.ID", func(t *rapid.T, d *release.Detainee) { d.ID = release.DetaineeID{} }},
	{"Detainee.Name", func(t *rapid.T, d *release.Detainee) {
		if rapid.Bool().Draw(t, "nameTooLong") {
			d.Name = release.NewSecret(overlong(t, release.MaxNameLen, "nameUnit"))
		} else {
			d.Name = release.NewSecret(badUTF8(t, d.Name.Reveal(), "nameBytes"))
		}
	}},
	{"Detainee.NationalID", func(t *rapid.T, d *release.Detainee) {
		if rapid.Bool().Draw(t, "nationalIDTooLong") {
			d.NationalID = release.NewSecret(overlong(t, release.MaxNationalIDLen, "nationalIDUnit"))
		} else {
			d.NationalID = release.NewSecret(badUTF8(t, d.NationalID.Reveal(), "nationalIDBytes"))
		}
	}},
	{"Detainee.Sex", func(t *rapid.T, d *release.Detainee) {
		d.Sex = release.Sex(rapid.IntRange(4, 255).Draw(t, "badSex"))
	}},
	{"Detainee.Category", func(t *rapid.T, d *release.Detainee) {
		d.Category = release.Category(rapid.IntRange(8, 255).Draw(t, "badCategory"))
	}},
	breakBirthYear: {"Detainee.BirthYear", func(t *rapid.T, d *release.Detainee) {
		if rapid.Bool().Draw(t, "birthYearLow") {
			d.BirthYear = rapid.IntRange(-100000, release.MinBirthYear-1).Draw(t, "badBirthYear")
			if d.BirthYear == 0 {
				d.BirthYear = -1 // 0 means "unknown", which is valid
			}
		} else {
			d.BirthYear = rapid.IntRange(release.MaxBirthYear+1, 100000).Draw(t, "badBirthYear")
		}
	}},
	{"Detainee.Facility", func(t *rapid.T, d *release.Detainee) {
		if rapid.Bool().Draw(t, "facilityTooLong") {
			d.Facility = overlong(t, release.MaxFacilityLen, "facilityUnit")
		} else {
			d.Facility = badUTF8(t, d.Facility, "facilityBytes")
		}
	}},
	{"Detainee.Sex", func(t *rapid.T, d *release.Detainee) {
		// A second way to break Sex: the largest value.
		d.Sex = release.Sex(255)
	}},
	breakDetained: {"Detainee.Detained", func(t *rapid.T, d *release.Detainee) {
		born := rapid.IntRange(1950, 2010).Draw(t, "bornAfter")
		d.BirthYear = born
		d.Detained = drawBetween(t, release.MustDate(1900, time.January, 1), release.MustDate(born-1, time.December, 31))
	}},
}

// BadDetainee returns a generator of detainees that break one to three rules
// of [release.Detainee.Validate] (no ID, a name or national ID that is too
// long or not UTF-8, an unknown sex or category, a birth year out of range,
// a facility that is too long or not UTF-8, a detention before birth), with
// the names of the fields broken.
func BadDetainee() *rapid.Generator[Bad[release.Detainee]] {
	return rapid.Custom(func(t *rapid.T) Bad[release.Detainee] {
		d := Detainee().Draw(t, "valid")
		return breakSome(t, d, detaineeBreakers, func(chosen []int, i int) bool {
			// Breaking the day of detention sets a valid birth year, and
			// breaking the birth year may then hide the broken day: do only
			// the birth year.
			return i == breakDetained && slices.Contains(chosen, breakBirthYear)
		})
	})
}

// InvalidDetainee returns a generator of detainees that
// [release.Detainee.Validate] rejects; see [BadDetainee].
func InvalidDetainee() *rapid.Generator[release.Detainee] {
	return rapid.Custom(func(t *rapid.T) release.Detainee { return BadDetainee().Draw(t, "bad").Value })
}

// Indices into eventBreakers of the kind and the terms, which interact: a
// detention has no terms, but an unknown kind is no detention.
const (
	breakKind  = 1
	breakTerms = 3
)

var eventBreakers = []breaker[release.Event]{
	{"Event.Detainee", func(t *rapid.T, e *release.Event) { e.Detainee = release.DetaineeID{} }},
	breakKind: {"Event.Kind", func(t *rapid.T, e *release.Event) {
		if rapid.Bool().Draw(t, "kindZero") {
			e.Kind = 0
		} else {
			e.Kind = release.EventKind(rapid.IntRange(3, 255).Draw(t, "badKind"))
		}
	}},
	{"Event.Day", func(t *rapid.T, e *release.Event) { e.Day = release.Date{} }},
	breakTerms: {"Event.Terms", func(t *rapid.T, e *release.Event) {
		if e.Kind.IsValid() && rapid.Bool().Draw(t, "termsOnDetention") {
			e.Kind = release.Detained
			e.Terms = release.Terms(rapid.IntRange(1, 4).Draw(t, "terms"))
		} else {
			e.Terms = release.Terms(rapid.IntRange(5, 255).Draw(t, "badTerms"))
		}
	}},
	{"Event.Facility", func(t *rapid.T, e *release.Event) {
		if rapid.Bool().Draw(t, "facilityTooLong") {
			e.Facility = overlong(t, release.MaxFacilityLen, "facilityUnit")
		} else {
			e.Facility = badUTF8(t, e.Facility, "facilityBytes")
		}
	}},
}

// BadEvent returns a generator of events that break one to three rules of
// [release.Event.Validate] (no detainee, an unknown kind, no day, unknown
// terms or terms on a detention, a facility that is too long or not UTF-8),
// with the names of the fields broken.
func BadEvent() *rapid.Generator[Bad[release.Event]] {
	return rapid.Custom(func(t *rapid.T) Bad[release.Event] {
		return breakSome(t, Event().Draw(t, "valid"), eventBreakers, nil)
	})
}

// InvalidEvent returns a generator of events that [release.Event.Validate]
// rejects; see [BadEvent].
func InvalidEvent() *rapid.Generator[release.Event] {
	return rapid.Custom(func(t *rapid.T) release.Event { return BadEvent().Draw(t, "bad").Value })
}

// InvalidDateText returns a generator of text that [release.ParseDate] and
// [release.Date.UnmarshalText] both reject (so never the empty text, which
// UnmarshalText reads as the zero Date): a valid date with a digit or a
// separator replaced, a character dropped or added, text around it; days
// that do not exist (2026-02-30, 2025-02-29, month 00 or 13, day 00, year
// 0000); and short or long garbage.
func InvalidDateText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := Date().Draw(t, "valid").String()
		y, m, _ := release.MustParseDate(s).Ymd()
		switch rapid.IntRange(0, 9).Draw(t, "dateMutation") {
		case 0: // a digit replaced by something else, maybe another script's digit
			i := rapid.SampledFrom([]int{0, 1, 2, 3, 5, 6, 8, 9}).Draw(t, "digitAt")
			r := rapid.SampledFrom([]string{"x", "O", " ", "+", ".", "T", "٣", "３", "\x00", "\xff"}).Draw(t, "nonDigit")
			return s[:i] + r + s[i+1:]
		case 1: // a separator replaced
			i := rapid.SampledFrom([]int{4, 7}).Draw(t, "sepAt")
			r := rapid.SampledFrom([]string{"/", ".", " ", "_", "–", "0"}).Draw(t, "sep")
			return s[:i] + r + s[i+1:]
		case 2: // a character dropped
			i := rapid.IntRange(0, len(s)-1).Draw(t, "dropAt")
			return s[:i] + s[i+1:]
		case 3: // a character added
			i := rapid.IntRange(0, len(s)).Draw(t, "addAt")
			r := rapid.SampledFrom([]string{"0", "1", "-", " "}).Draw(t, "add")
			return s[:i] + r + s[i:]
		case 4: // a day past the end of the month
			d := rapid.IntRange(daysIn(y, m)+1, 99).Draw(t, "badDay")
			return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
		case 5: // month 00 or past December
			bm := rapid.SampledFrom([]int{0, 13, 14, 20, 99}).Draw(t, "badMonth")
			return fmt.Sprintf("%04d-%02d-%s", y, bm, s[8:])
		case 6: // day 00
			return s[:8] + "00"
		case 7: // year 0000
			return "0000" + s[4:]
		case 8: // text around a valid date
			pre := rapid.SampledFrom([]string{"", " ", "+", "\ufeff", "-"}).Draw(t, "prefix")
			suf := rapid.SampledFrom([]string{" ", "T00:00:00Z", "\n", "Z", "/"}).Draw(t, "suffix")
			return pre + s + suf
		default: // garbage of any length but 10, without '/' so that it
			// cannot be a period either
			g := strings.ReplaceAll(rapid.StringN(1, 20, -1).Draw(t, "garbage"), "/", "?")
			if len(g) == 10 {
				g += "?"
			}
			return g
		}
	})
}

// InvalidPeriodText returns a generator of text that
// [release.ParsePeriod] rejects: inverted periods ("2026-01-31/2026-01-01"),
// an end that is [InvalidDateText], a lone "..", empty ends, three ends,
// white space around.
func InvalidPeriodText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		end := func(label string) string {
			if rapid.IntRange(0, 3).Draw(t, label+"Open") == 0 {
				return ".."
			}
			return Date().Draw(t, label).String()
		}
		switch rapid.IntRange(0, 4).Draw(t, "periodMutation") {
		case 0: // inverted
			a := Date().Draw(t, "a")
			n := rapid.IntRange(1, 400).Draw(t, "gap")
			b, ok := a.AddDays(n)
			if !ok { // a is near 9999-12-31: go back from it instead
				b = a
				a, _ = b.AddDays(-n)
			}
			return b.String() + "/" + a.String()
		case 1: // a bad end
			bad := InvalidDateText().Draw(t, "badEnd")
			switch rapid.IntRange(0, 2).Draw(t, "badEndAt") {
			case 0:
				return bad
			case 1:
				return bad + "/" + end("last")
			default:
				return end("first") + "/" + bad
			}
		case 2: // three ends
			return end("first") + "/" + end("middle") + "/" + end("last")
		case 3: // white space around a valid period
			v := end("first") + "/" + end("last")
			return rapid.SampledFrom([]string{" " + v, v + " ", v + "\n", "\t" + v}).Draw(t, "spaced")
		default:
			return rapid.SampledFrom([]string{
				"", "..", "...", "/", "../", "/..", ".../..", "../...", "2026-01-25/",
				"/2026-01-25", "2026-01-25//2026-01-26", "2026-01-25..2026-01-26",
				"2026-01-25 / 2026-01-26", "open/..", "‥/..", "…/..", "2026-01-25/now",
			}).Draw(t, "malformed")
		}
	})
}

// InvalidPathText returns a generator of text that [release.ParsePopulation]
// and [release.ParseRegion] reject: empty text or segments (leading,
// trailing or doubled '/'), white space around a segment (including
// no-break and ideographic spaces), control, bidirectional and invisible
// characters anywhere ([InvisibleRune]),
// invalid UTF-8, more than 256 bytes or more than 16 segments.
func InvalidPathText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		p := rapid.SampledFrom(slices.Concat(populations, regions)).Draw(t, "valid")
		segs := strings.Split(p, "/")
		switch rapid.IntRange(0, 8).Draw(t, "pathMutation") {
		case 0:
			return ""
		case 1:
			return "/" + p
		case 2:
			return p + "/"
		case 3:
			i := rapid.IntRange(0, len(segs)).Draw(t, "emptyAt")
			return strings.Join(slices.Insert(segs, i, ""), "/")
		case 4:
			i := rapid.IntRange(0, len(segs)-1).Draw(t, "spaceAt")
			sp := rapid.SampledFrom([]string{" ", "\t", "\u00a0", "\u3000", "\u2003", "\n"}).Draw(t, "space")
			if rapid.Bool().Draw(t, "spaceBefore") {
				segs[i] = sp + segs[i]
			} else {
				segs[i] += sp
			}
			return strings.Join(segs, "/")
		case 5:
			c := string(InvisibleRune().Draw(t, "invisible"))
			runes := []rune(p)
			i := rapid.IntRange(0, len(runes)).Draw(t, "invisibleAt")
			return string(runes[:i]) + c + string(runes[i:])
		case 6:
			return badUTF8(t, p, "pathBytes")
		case 7:
			seg := overlong(t, 256, "longSegment")
			return p + "/" + seg
		default:
			n := rapid.IntRange(17, 40).Draw(t, "segments")
			return p + strings.Repeat("/x", n-len(segs))
		}
	})
}
