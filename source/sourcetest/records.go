package sourcetest

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/ident"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
	"github.com/freedcount/freedcount/source"
)

// sourceIDs is the vocabulary of [SourceID]: the bodies of the January 2026
// report and a few more, so that the same source, relay or group is drawn
// often.
var sourceIDs = []string{
	"foro-penal", "ve-gov", "ve-fiscalia", "afp", "efe", "reuters", "provea",
	"clippve", "jep", "ohchr", "iachr", "el-pitazo", "familiares-rodeo-1",
}

// sourceNames gives the display name of each ID of sourceIDs.
var sourceNames = map[string]string{
	"foro-penal": "Foro Penal", "ve-gov": "Gobierno de Venezuela", "ve-fiscalia": "Fiscalía General",
	"afp": "Agence France-Presse", "efe": "Agencia EFE", "reuters": "Reuters", "provea": "Provea",
	"clippve": "Comité por la Libertad de los Presos Políticos", "jep": "Justicia, Encuentro y Perdón",
	"ohchr": "OHCHR", "iachr": "CIDH", "el-pitazo": "El Pitazo", "familiares-rodeo-1": "Familiares en Rodeo I",
}

// groups is the vocabulary of [Group].
var groups = []string{"ve-state", "press-agencies", "un-system", "ve-ngos", "familias"}

// drawIdent draws a valid identifier that is not in the vocabularies: any
// letters, digits, marks, punctuation and symbols, with inner spaces, up to
// the longest allowed (128 bytes).
func drawIdent(t *rapid.T, label string) string {
	if rapid.IntRange(0, 9).Draw(t, label+"Longest") == 0 {
		// exactly ident.MaxLen bytes, with a two-byte letter
		return "ñ" + strings.Repeat("x", 126)
	}
	// Letters, digits, marks, punctuation and symbols, but no variation
	// selector, which is an invisible mark that IDs refuse.
	char := rapid.RuneFrom(nil, unicode.L, unicode.N, unicode.M, unicode.P, unicode.S).
		Filter(func(r rune) bool { return ident.Forbidden(r) == nil })
	word := rapid.StringOfN(char, 1, 12, 36) // three words and two separators fit in 128 bytes
	s := word.Draw(t, label)
	for range rapid.IntRange(0, 2).Draw(t, label+"Words") {
		s += rapid.SampledFrom([]string{" ", "-", "/", "\u00a0x"}).Draw(t, label+"Sep") + word.Draw(t, label)
	}
	return s
}

// SourceID returns a generator of valid source IDs: mostly from a small
// vocabulary ("foro-penal", "ve-gov", "afp", ...), so that one source is
// drawn several times, and sometimes any valid identifier, up to 128 bytes.
func SourceID() *rapid.Generator[source.SourceID] {
	return rapid.Custom(func(t *rapid.T) source.SourceID {
		if rapid.IntRange(0, 4).Draw(t, "sourceIDKind") > 0 {
			return source.MustSourceID(rapid.SampledFrom(sourceIDs).Draw(t, "sourceID"))
		}
		return source.MustSourceID(drawIdent(t, "sourceIDText"))
	})
}

// ClaimID returns a generator of valid claim IDs: mostly made of a source of
// the vocabulary, a day of late January 2026 and a serial number
// ("foro-penal/2026-01-25/2"), so that IDs collide now and then, and
// sometimes any valid identifier.
func ClaimID() *rapid.Generator[source.ClaimID] {
	return rapid.Custom(func(t *rapid.T) source.ClaimID {
		if rapid.IntRange(0, 4).Draw(t, "claimIDKind") > 0 {
			return source.MustClaimID(fmt.Sprintf("%s/2026-01-%02d/%d",
				rapid.SampledFrom(sourceIDs).Draw(t, "claimSource"),
				rapid.IntRange(20, 31).Draw(t, "claimDay"),
				rapid.IntRange(1, 3).Draw(t, "claimSerial")))
		}
		return source.MustClaimID(drawIdent(t, "claimIDText"))
	})
}

// Group returns a generator of valid independence groups: mostly from a
// small vocabulary ("ve-state", "press-agencies", ...), sometimes any valid
// identifier. It never draws the zero Group; [Source] does, for sources
// that are a group of their own.
func Group() *rapid.Generator[source.Group] {
	return rapid.Custom(func(t *rapid.T) source.Group {
		if rapid.IntRange(0, 4).Draw(t, "groupKind") > 0 {
			return source.MustGroup(rapid.SampledFrom(groups).Draw(t, "group"))
		}
		return source.MustGroup(drawIdent(t, "groupText"))
	})
}

// drawUnitDecimal draws a decimal in [0, 1] with one to four fractional
// digits, sometimes written with one or two trailing zeros (0.50, 1.000)
// that the encodings must drop, and sometimes at the ends 0 and 1.
func drawUnitDecimal(t *rapid.T, label string) decimal.Decimal {
	digits := rapid.IntRange(1, 4).Draw(t, label+"Digits")
	scale := int64(1)
	for range digits {
		scale *= 10
	}
	var n int64
	switch rapid.IntRange(0, 5).Draw(t, label+"Edge") {
	case 0:
		n = 0
	case 1:
		n = scale
	default:
		n = rapid.Int64Range(0, scale).Draw(t, label)
	}
	zeros := rapid.IntRange(0, 2).Draw(t, label+"TrailingZeros")
	for range zeros {
		n *= 10
	}
	return decimal.New(n, -int32(digits+zeros))
}

// drawName draws a display name for id: its usual name for an ID of the
// vocabulary, else an invented one, up to [source.MaxNameLen] bytes.
func drawName(t *rapid.T, id source.SourceID) string {
	if name, ok := sourceNames[id.String()]; ok && rapid.IntRange(0, 3).Draw(t, "usualName") > 0 {
		return name
	}
	switch rapid.IntRange(0, 5).Draw(t, "nameKind") {
	case 0: // exactly MaxNameLen bytes, accents included
		return strings.Repeat("é", source.MaxNameLen/2)
	case 1: // any text a name may hold: spaces, punctuation, symbols, any script
		return rapid.StringOfN(rapid.Rune().Filter(func(r rune) bool { return ident.CheckName(string(r)) == nil }),
			1, 60, source.MaxNameLen).Draw(t, "anyName")
	}
	return rapid.SampledFrom([]string{
		"Observatorio Venezolano de Prisiones", "Human Rights Watch", "Amnesty International",
		"Ministerio del Poder Popular para el Servicio Penitenciario", "Radio Fe y Alegría Noticias",
		"Viasna", "AAPP (Burma)", "Efecto Cocuyo", "Tal Cual", "Madres de presos políticos \"12 de Enero\"",
	}).Draw(t, "inventedName")
}

// Source returns a generator of valid sources: an ID from [SourceID], its
// name, any kind and method, no group (a group of its own) or one from
// [Group], and a confidence in [0, 1] with one to four fractional digits,
// sometimes with trailing zeros ("0.50") to exercise canonicalisation.
func Source() *rapid.Generator[source.Source] {
	return rapid.Custom(func(t *rapid.T) source.Source {
		return SourceWithID(SourceID().Draw(t, "id")).Draw(t, "source")
	})
}

// SourceWithID returns a generator of valid sources with the given ID, as
// [Source] draws them, to build sources for the claims of [ClaimFrom]. It
// panics if id is the zero SourceID.
func SourceWithID(id source.SourceID) *rapid.Generator[source.Source] {
	if !id.IsValid() {
		panic("sourcetest.SourceWithID: zero SourceID")
	}
	return rapid.Custom(func(t *rapid.T) source.Source {
		s := source.Source{
			ID:         id,
			Name:       drawName(t, id),
			Kind:       source.Kind(rapid.IntRange(int(source.NGO), int(source.OtherKind)).Draw(t, "kind")),
			Method:     source.Method(rapid.IntRange(int(source.VerifiesIdentities), int(source.Relays)).Draw(t, "method")),
			Confidence: drawUnitDecimal(t, "confidence"),
		}
		if rapid.IntRange(0, 2).Draw(t, "hasGroup") == 0 {
			s.Group = Group().Draw(t, "group")
		}
		return s
	})
}

// Zones returns the time zones that [Stated] draws from: Caracas (UTC−4, as
// [time.FixedZone]), UTC, India (+05:30), Nepal (+05:45), and the extreme
// offsets −12:00 and +14:00, which put the local day a day away from UTC's.
func Zones() []*time.Location {
	return []*time.Location{
		time.FixedZone("VET", -4*3600),
		time.UTC,
		time.FixedZone("IST", 5*3600+30*60),
		time.FixedZone("NPT", 5*3600+45*60),
		time.FixedZone("AoE", -12*3600),
		time.FixedZone("LINT", 14*3600),
	}
}

// Stated returns a generator of valid statement times: a local day drawn by
// [releasetest.Date] (mostly late January 2026, so in [releasetest.Window]),
// a clock time, sometimes with nanoseconds, in one of [Zones].
func Stated() *rapid.Generator[time.Time] {
	return rapid.Custom(func(t *rapid.T) time.Time {
		y, m, d := releasetest.Date().Draw(t, "statedDay").Ymd()
		loc := rapid.SampledFrom(Zones()).Draw(t, "zone")
		h := rapid.IntRange(0, 23).Draw(t, "hour")
		mi := rapid.IntRange(0, 59).Draw(t, "minute")
		s := rapid.IntRange(0, 59).Draw(t, "second")
		ns := 0
		if rapid.IntRange(0, 3).Draw(t, "hasNanos") == 0 {
			ns = rapid.IntRange(0, 999_999_999).Draw(t, "nanos")
		}
		return time.Date(y, m, d, h, mi, s, ns, loc)
	})
}

// singleKinds are the kinds a [source.Relative] may take.
var singleKinds = []source.QuantityKind{
	source.Exactly, source.About, source.Nearly, source.AtLeast, source.MoreThan, source.AtMost, source.FewerThan,
}

// Relative returns a generator of valid relative figures: a claim from
// [ClaimID], a ratio in (0, 1000] with up to three fractional digits (often
// 0.5, "about half as many"), and a single-number kind.
func Relative() *rapid.Generator[source.Relative] {
	return rapid.Custom(func(t *rapid.T) source.Relative {
		var ratio decimal.Decimal
		switch rapid.IntRange(0, 3).Draw(t, "ratioKind") {
		case 0:
			ratio = rapid.SampledFrom([]decimal.Decimal{
				decimal.New(5, -1), decimal.New(50, -2), decimal.New(1, 0), decimal.New(2, 0),
				decimal.New(1, -3), decimal.New(1000, 0), decimal.New(25, -2), decimal.New(3, 0),
			}).Draw(t, "ratio")
		default:
			ratio = decimal.New(rapid.Int64Range(1, 1_000_000).Draw(t, "ratioMilli"), -3)
		}
		return source.Relative{
			To:    ClaimID().Draw(t, "to"),
			Ratio: ratio,
			Kind:  rapid.SampledFrom(singleKinds).Draw(t, "relativeKind"),
		}
	})
}

// citations are real-looking places and quotes of statements.
var (
	citationURLs = []string{
		"https://foropenal.com/reporte-sobre-la-represion-en-venezuela-enero-2026/",
		"https://www.afp.com/es/actus/afp_actualite/venezuela-excarcelaciones",
		"https://x.com/ForoPenal/status/1883412345678901234",
		"http://www.ministeriopublico.gob.ve/web/guest/buscador?p_p_id=101&q=excarcelaciones",
		"https://www.ohchr.org/en/press-releases/2026/01/venezuela",
		"https://example.org/informe?lang=es#cifras",
		"https://efectococuyo.com/politica/excarcelados-presos-politicos-ñ/",
	}
	citationQuotes = []string{
		"Foro Penal verificó 104 excarcelaciones de presos políticos",
		"the figure is not yet definitive and could increase",
		"626 detenidos han sido liberados desde diciembre",
		"about half as many releases in that period",
		"al menos 80 presos políticos fueron excarcelados este domingo",
		"«No es una cifra definitiva»",
		"",
	}
	citationLanguages = []string{"", "es", "en", "es-VE", "es-419", "pt-BR", "fr", "en-GB", "zh-Hant-TW"}
)

// Citation returns a generator of valid citations: the zero Citation, or an
// http(s) URL, a quote up to [source.MaxQuoteLen] bytes and a canonical BCP
// 47 language ("es", "es-VE", "es-419", ...), each set or empty.
func Citation() *rapid.Generator[source.Citation] {
	return rapid.Custom(func(t *rapid.T) source.Citation {
		var c source.Citation
		if rapid.IntRange(0, 2).Draw(t, "hasCitation") == 0 {
			return c
		}
		if rapid.IntRange(0, 3).Draw(t, "hasURL") > 0 {
			c.URL = rapid.SampledFrom(citationURLs).Draw(t, "url")
		}
		switch rapid.IntRange(0, 5).Draw(t, "quoteKind") {
		case 0:
			c.Quote = strings.Repeat("«104»", source.MaxQuoteLen/len("«104»"))
		case 1:
			c.Quote = rapid.StringN(0, 200, 1000).Draw(t, "anyQuote")
		default:
			c.Quote = rapid.SampledFrom(citationQuotes).Draw(t, "quote")
		}
		c.Language = rapid.SampledFrom(citationLanguages).Draw(t, "language")
		return c
	})
}

// Claim returns a generator of valid claims, each by a source drawn from
// [SourceID]; see [ClaimFrom].
func Claim() *rapid.Generator[source.Claim] {
	return rapid.Custom(func(t *rapid.T) source.Claim {
		return ClaimFrom(SourceID().Draw(t, "source")).Draw(t, "claim")
	})
}

// ClaimFrom returns a generator of valid claims by src: any measure, a scope
// from [releasetest.Scope], a time from [Stated] (one time in four known
// to the day only, in canonical form), up to three relays (never
// src), any status and basis; a figure that is a [Quantity] or, one time in
// four, a [Relative] (a retraction may have neither, and always names the
// claim it withdraws); sometimes a claim superseded (never the claim
// itself); detainees named from [releasetest.DetaineeID], no more than the
// quantity allows; and a [Citation]. It panics if src is the zero SourceID.
func ClaimFrom(src source.SourceID) *rapid.Generator[source.Claim] {
	if !src.IsValid() {
		panic("sourcetest.ClaimFrom: zero SourceID")
	}
	return rapid.Custom(func(t *rapid.T) source.Claim {
		c := source.Claim{
			ID:       ClaimID().Draw(t, "id"),
			Source:   src,
			Stated:   Stated().Draw(t, "stated"),
			Measure:  source.Measure(rapid.IntRange(int(source.Releases), int(source.Detentions)).Draw(t, "measure")),
			Scope:    releasetest.Scope().Draw(t, "scope"),
			Status:   source.Status(rapid.IntRange(int(source.Preliminary), int(source.Retracted)).Draw(t, "status")),
			Basis:    source.Basis(rapid.IntRange(int(source.NamedList), int(source.Estimate)).Draw(t, "basis")),
			Citation: Citation().Draw(t, "citation"),
		}
		// Never before its period begins: a claim about days to come is
		// refused.
		if first := c.Scope.Period().First(); first.IsValid() && c.StatedDay().Before(first) {
			c.Stated = c.Stated.AddDate(0, 0, first.DaysSince(c.StatedDay()))
		}
		// One time in four, a statement known to the day only.
		// (Midnight UTC of 0001-01-01 is the zero time: not for that day.)
		if at := source.StatedOn(c.StatedDay()); rapid.IntRange(0, 3).Draw(t, "dayOnly") == 0 && !at.IsZero() {
			c.DayOnly, c.Stated = true, at
		}
		for _, v := range rapid.SliceOfNDistinct(SourceID(), 0, 3, source.SourceID.String).Draw(t, "via") {
			if v != src {
				c.Via = append(c.Via, v)
			}
		}
		switch rapid.IntRange(0, 7).Draw(t, "figure") {
		case 0, 1:
			c.Relative = Relative().Draw(t, "relative")
		case 2:
			if c.Status == source.Retracted {
				break // a bare retraction: no figure at all
			}
			fallthrough
		default:
			c.Quantity = drawQuantity(t)
		}
		if c.Status == source.Retracted || rapid.IntRange(0, 3).Draw(t, "supersedes") == 0 {
			c.Supersedes = ClaimID().Draw(t, "supersedesID")
			if c.Supersedes == c.ID {
				c.Supersedes = source.MustClaimID("earlier-claim")
				if c.Supersedes == c.ID {
					c.Supersedes = source.MustClaimID("earlier-claim-2")
				}
			}
		}
		c.Named = drawNamed(t, c)
		return c
	})
}

// drawNamed draws the detainees a claim names: usually none unless its basis
// is a named list, never more than eight nor than c.Quantity allows.
func drawNamed(t *rapid.T, c source.Claim) []release.DetaineeID {
	if c.Basis != source.NamedList && rapid.IntRange(0, 4).Draw(t, "namesWithoutList") > 0 {
		return nil
	}
	limit := 8
	if c.Quantity.IsValid() {
		if hi, ok := c.Quantity.Bounds().Hi(); ok {
			limit = min(limit, hi)
		}
	}
	return rapid.SliceOfNDistinct(releasetest.DetaineeID(), 0, limit, release.DetaineeID.String).Draw(t, "named")
}

// Bad is a value that breaks the rules of its type, with the fields that
// were broken as a [source.FieldError] names them ("Claim.Via"). Validate
// reports at least these fields.
type Bad[T any] struct {
	Value  T
	Fields []string
}

// breaker breaks one rule of a value; it returns the field it broke.
type breaker[T any] func(t *rapid.T, v *T) string

// overlong returns invented valid UTF-8 longer than n bytes.
func overlong(t *rapid.T, n int, label string) string {
	unit := rapid.SampledFrom([]string{"a", "ñ", "Foro Penal ", "€"}).Draw(t, label)
	return strings.Repeat(unit, n/len(unit)+1)
}

// badUTF8 returns s with an invalid byte sequence inserted.
func badUTF8(t *rapid.T, s, label string) string {
	bad := rapid.SampledFrom([]string{"\xff", "\xc3", "\xed\xa0\x80", "\x80"}).Draw(t, label)
	i := rapid.IntRange(0, len(s)).Draw(t, label+"At")
	return s[:i] + bad + s[i:]
}

// badEnum draws 0 or a value above the last named one, up to 255.
func badEnum(t *rapid.T, last int, label string) uint8 {
	if rapid.Bool().Draw(t, label+"Zero") {
		return 0
	}
	return uint8(rapid.IntRange(last+1, 255).Draw(t, label))
}

var sourceBreakers = []breaker[source.Source]{
	func(t *rapid.T, s *source.Source) string { s.ID = source.SourceID{}; return "Source.ID" },
	func(t *rapid.T, s *source.Source) string {
		switch rapid.IntRange(0, 2).Draw(t, "badName") {
		case 0:
			s.Name = ""
		case 1:
			s.Name = overlong(t, source.MaxNameLen, "nameUnit")
		default:
			s.Name = badUTF8(t, s.Name, "nameBytes")
		}
		return "Source.Name"
	},
	func(t *rapid.T, s *source.Source) string {
		s.Kind = source.Kind(badEnum(t, int(source.OtherKind), "badKind"))
		return "Source.Kind"
	},
	func(t *rapid.T, s *source.Source) string {
		s.Method = source.Method(badEnum(t, int(source.Relays), "badMethod"))
		return "Source.Method"
	},
	func(t *rapid.T, s *source.Source) string {
		s.Confidence = rapid.SampledFrom([]decimal.Decimal{
			decimal.New(15, -1), decimal.New(-1, -1), decimal.New(-1, 0), decimal.New(10001, -4),
			decimal.New(2, 0), decimal.New(-1, -9), decimal.New(100, 0),
		}).Draw(t, "badConfidence")
		return "Source.Confidence"
	},
}

// BadSource returns a generator of sources that break one or two rules of
// [source.Source.Validate] (no ID; a name that is empty, longer than
// [source.MaxNameLen] or not UTF-8; an unknown kind or method; a confidence
// outside [0, 1], such as 1.5 or −0.1), with the fields broken.
func BadSource() *rapid.Generator[Bad[source.Source]] {
	return rapid.Custom(func(t *rapid.T) Bad[source.Source] {
		return breakSome(t, Source().Draw(t, "valid"), sourceBreakers)
	})
}

// InvalidSource returns a generator of sources that [source.Source.Validate]
// rejects; see [BadSource].
func InvalidSource() *rapid.Generator[source.Source] {
	return rapid.Custom(func(t *rapid.T) source.Source { return BadSource().Draw(t, "bad").Value })
}

// breakSome applies one or two distinct breakers to v; they are chosen to
// be independent of each other.
func breakSome[T any](t *rapid.T, v T, breakers []breaker[T]) Bad[T] {
	idx := rapid.SliceOfNDistinct(rapid.IntRange(0, len(breakers)-1), 1, 2, rapid.ID[int]).Draw(t, "broken")
	slices.Sort(idx)
	var fields []string
	for _, i := range idx {
		fields = append(fields, breakers[i](t, &v))
	}
	return Bad[T]{Value: v, Fields: fields}
}

// claimBreakers break the rules of a claim one at a time. Each leaves the
// claim's other fields as valid as it found them, except where it says.
var claimBreakers = []breaker[source.Claim]{
	func(t *rapid.T, c *source.Claim) string { c.ID = source.ClaimID{}; return "Claim.ID" },
	func(t *rapid.T, c *source.Claim) string {
		c.Source = source.SourceID{}
		return "Claim.Source"
	},
	func(t *rapid.T, c *source.Claim) string {
		switch rapid.IntRange(0, 3).Draw(t, "badVia") {
		case 0: // the source relays itself
			c.Via = append(slices.Clone(c.Via), c.Source)
		case 1: // a relay listed twice
			v := source.MustSourceID("afp")
			c.Via = []source.SourceID{v, source.MustSourceID("efe-relay"), v}
		case 2: // an empty relay
			c.Via = append(slices.Clone(c.Via), source.SourceID{})
		default: // too many relays
			c.Via = nil
			for i := range source.MaxVia + 1 {
				c.Via = append(c.Via, source.MustSourceID(fmt.Sprintf("relay-%02d", i)))
			}
		}
		return "Claim.Via"
	},
	func(t *rapid.T, c *source.Claim) string {
		switch rapid.IntRange(0, 3).Draw(t, "badStated") {
		case 0:
			c.Stated = time.Time{}
		case 1: // year 0 or 10000 in the statement's own zone
			y := rapid.SampledFrom([]int{0, 10000, -1}).Draw(t, "badYear")
			c.Stated = time.Date(y, time.June, 1, 12, 0, 0, 0, c.Stated.Location())
		case 2: // a zone offset RFC 3339 cannot write: seconds (Caracas' local mean time)
			c.Stated = c.Stated.In(time.FixedZone("LMT", -(4*3600 + 27*60 + 44)))
		default: // an offset of a day or more
			c.Stated = c.Stated.In(time.FixedZone("", rapid.SampledFrom([]int{24 * 3600, -24 * 3600, 25 * 3600}).Draw(t, "badOffset")))
		}
		return "Claim.Stated"
	},
	func(t *rapid.T, c *source.Claim) string {
		c.Measure = source.Measure(badEnum(t, int(source.Detentions), "badMeasure"))
		return "Claim.Measure"
	},
	func(t *rapid.T, c *source.Claim) string {
		// A relative claim may leave its scope zero (it takes its
		// referent's); a scope with a period and no population is broken
		// for every claim.
		c.Scope = release.Scope{}.WithPeriod(release.Day(release.MustDate(2026, 1, 25)))
		return "Claim.Scope.Population"
	},
	func(t *rapid.T, c *source.Claim) string {
		// Keep the figure: a retraction without one would also lose it.
		if !c.Quantity.IsValid() && c.Relative.IsZero() {
			c.Quantity = source.MustQuantity("104")
			c.Named = nil
		}
		c.Status = source.Status(badEnum(t, int(source.Pledged), "badStatus"))
		return "Claim.Status"
	},
	func(t *rapid.T, c *source.Claim) string {
		c.Basis = source.Basis(badEnum(t, int(source.Estimate), "badBasis"))
		return "Claim.Basis"
	},
	func(t *rapid.T, c *source.Claim) string {
		// A claim without an ID (broken too) cannot supersede itself.
		if c.ID.IsValid() && rapid.Bool().Draw(t, "supersedesItself") {
			c.Supersedes = c.ID
		} else { // a retraction that names nothing
			c.Status = source.Retracted
			c.Supersedes = source.ClaimID{}
		}
		return "Claim.Supersedes"
	},
	func(t *rapid.T, c *source.Claim) string { // both a quantity and a relative figure
		if !c.Quantity.IsValid() {
			c.Quantity = source.MustQuantity("about 313")
			c.Named = nil
		}
		if c.Relative.IsZero() {
			c.Relative = Relative().Draw(t, "relative")
		}
		return "Claim.Relative"
	},
	func(t *rapid.T, c *source.Claim) string { // no figure, and not a retraction
		c.Quantity, c.Relative = source.Quantity{}, source.Relative{}
		if c.Status == source.Retracted {
			c.Status = source.Final
		}
		return "Claim.Quantity"
	},
	func(t *rapid.T, c *source.Claim) string {
		c.Quantity = source.Quantity{}
		r := Relative().Draw(t, "relative")
		switch rapid.IntRange(0, 2).Draw(t, "badRelative") {
		case 0:
			r.To = source.ClaimID{}
			c.Relative = r
			return "Claim.Relative.To"
		case 1:
			r.Ratio = rapid.SampledFrom([]decimal.Decimal{
				decimal.Zero, decimal.New(-5, -1), decimal.New(1001, 0), decimal.New(10000001, -4),
			}).Draw(t, "badRatio")
			c.Relative = r
			return "Claim.Relative.Ratio"
		}
		r.Kind = rapid.SampledFrom([]source.QuantityKind{0, source.Between, source.Dozens, source.Hundreds, source.Thousands, 99}).Draw(t, "badRelativeKind")
		c.Relative = r
		return "Claim.Relative.Kind"
	},
	func(t *rapid.T, c *source.Claim) string {
		switch rapid.IntRange(0, 2).Draw(t, "badNamed") {
		// Duplicates and empty IDs are reported before the count is
		// compared with the quantity, so the quantity may stay as it is.
		case 0: // a detainee named twice
			id := releasetest.DetaineeID().Draw(t, "twice")
			c.Named = []release.DetaineeID{id, release.MustDetaineeID("FP-2026-9999-x"), id}
		case 1: // an empty detainee ID
			c.Named = append(slices.Clone(c.Named), release.DetaineeID{})
		default: // more names than the quantity allows
			n := rapid.IntRange(0, 5).Draw(t, "exactly")
			c.Quantity = source.MustQuantity(fmt.Sprint(n))
			c.Relative = source.Relative{}
			c.Named = nil
			for i := range n + rapid.IntRange(1, 3).Draw(t, "extra") {
				c.Named = append(c.Named, release.MustDetaineeID(fmt.Sprintf("FP-2026-%04d", i+1)))
			}
		}
		return "Claim.Named"
	},
	func(t *rapid.T, c *source.Claim) string {
		switch rapid.IntRange(0, 2).Draw(t, "badURLKind") {
		case 0:
			c.Citation.URL = rapid.SampledFrom([]string{
				"ftp://foropenal.com/report", "foropenal.com/report", "/reporte", "https://", "http://[::1",
				"mailto:prensa@foropenal.com", "javascript:alert(1)", "https//foropenal.com", " https://foropenal.com",
				"https://foro penal.com/", "https://foropenal.com/\x00",
			}).Draw(t, "badURL")
		case 1:
			c.Citation.URL = "https://foropenal.com/" + overlong(t, source.MaxURLLen, "urlUnit")
		default:
			c.Citation.URL = badUTF8(t, "https://foropenal.com/reporte", "urlBytes")
		}
		return "Claim.Citation.URL"
	},
	func(t *rapid.T, c *source.Claim) string {
		if rapid.Bool().Draw(t, "quoteTooLong") {
			c.Citation.Quote = overlong(t, source.MaxQuoteLen, "quoteUnit")
		} else {
			c.Citation.Quote = badUTF8(t, c.Citation.Quote, "quoteBytes")
		}
		return "Claim.Citation.Quote"
	},
	func(t *rapid.T, c *source.Claim) string {
		c.Citation.Language = rapid.SampledFrom([]string{
			"ES", "En", "es-ve", "es_VE", "EN-us", "spanish", "e", "es-", "-es", "12", "zh-hant-tw", "es VE",
		}).Draw(t, "badLanguage")
		return "Claim.Citation.Language"
	},
}

// BadClaim returns a generator of claims that break one or two rules of
// [source.Claim.Validate], with the fields broken: no ID or source; a
// relay that is the source itself, listed twice, empty, or one too many; no
// statement time, a year outside 1–9999 or a zone offset that RFC 3339
// cannot write; an unknown measure, status or basis; no scope; a claim that
// supersedes itself or a retraction that names nothing; both a quantity and
// a relative figure, or neither; a bad relative figure; a detainee named
// twice or empty, or more named than the quantity allows; a bad or
// overlong URL; a quote too long or not UTF-8; a language tag that is not
// canonical BCP 47 ("ES", "es_VE").
func BadClaim() *rapid.Generator[Bad[source.Claim]] {
	return rapid.Custom(func(t *rapid.T) Bad[source.Claim] {
		c := Claim().Draw(t, "valid")
		// Break one rule, or two whose breakers do not touch the same
		// fields: identity and provenance (ID, Source, Via, Stated) first,
		// then everything about the figure.
		first := rapid.IntRange(0, 3).Draw(t, "provenanceBreaker")
		second := rapid.IntRange(3, len(claimBreakers)-1).Draw(t, "figureBreaker")
		var fields []string
		switch rapid.IntRange(0, 2).Draw(t, "howMany") {
		case 0:
			fields = append(fields, claimBreakers[first](t, &c))
		case 1:
			fields = append(fields, claimBreakers[second](t, &c))
		default:
			if first == 3 {
				first = 0 // Stated is on both sides of the split
			}
			fields = append(fields, claimBreakers[first](t, &c), claimBreakers[second](t, &c))
		}
		return Bad[source.Claim]{Value: c, Fields: fields}
	})
}

// InvalidClaim returns a generator of claims that [source.Claim.Validate]
// rejects; see [BadClaim].
func InvalidClaim() *rapid.Generator[source.Claim] {
	return rapid.Custom(func(t *rapid.T) source.Claim { return BadClaim().Draw(t, "bad").Value })
}
