package sourcetest

import (
	"strconv"
	"strings"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
)

// QuantityCase is a quantity phrase together with the Quantity that
// [source.ParseQuantity] must read from it.
type QuantityCase struct {
	Want   source.Quantity
	Phrase string
}

// Quantity generates valid quantities of every kind. Numbers favour small
// counts but also reach the edges next to 0 and [source.MaxCount], such as
// "more than 2147483646" and "fewer than 1".
func Quantity() *rapid.Generator[source.Quantity] {
	return rapid.Custom(drawQuantity)
}

// Interval generates valid intervals, bounded and unbounded, favouring small
// counts but also reaching [source.MaxCount].
func Interval() *rapid.Generator[source.Interval] {
	return rapid.Custom(func(t *rapid.T) source.Interval {
		lo := drawCount(t, 0, source.MaxCount, "lo")
		if rapid.Bool().Draw(t, "unbounded") {
			return must(source.NewIntervalFrom(lo))
		}
		return must(source.NewInterval(lo, drawCount(t, lo, source.MaxCount, "hi")))
	})
}

// QuantityPhrase generates valid quantity phrases, in English or Spanish, as
// [QuantityWithPhrase] does; use QuantityWithPhrase to know which Quantity
// each phrase states.
func QuantityPhrase() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string { return drawQuantityCase(t).Phrase })
}

// QuantityWithPhrase generates a valid Quantity with one of the phrases that
// state it: any of the English and Spanish forms [source.ParseQuantity]
// documents, with numbers in digits grouped by ",", ".", a space, a no-break
// space or a narrow no-break space, or in English or Spanish words ("two
// hundred and five", "doscientos cinco", "a dozen", "un centenar"), with any
// case, with or without accents, and with varied white space between and
// around the words.
func QuantityWithPhrase() *rapid.Generator[QuantityCase] {
	return rapid.Custom(drawQuantityCase)
}

// InvalidQuantityPhrase generates strings that [source.ParseQuantity] must
// reject: inverted ranges, negative numbers, numbers above
// [source.MaxCount], bounds that leave no count ("fewer than 0"), ambiguous
// or mixed thousands separators and leading zeros, valid phrases followed by
// other words or punctuation, and malformed phrases.
func InvalidQuantityPhrase() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		switch rapid.IntRange(0, 6).Draw(t, "defect") {
		case 0: // inverted range
			lo := drawCount(t, 0, source.MaxCount-1, "low")
			hi := drawCount(t, lo+1, source.MaxCount, "high")
			return renderPhrase(t, rapid.SampledFrom(phraseTemplates(source.Between)).Draw(t, "template"),
				formatCount(t, hi, "high"), formatCount(t, lo, "low"))
		case 1: // negative
			minus := rapid.SampledFrom([]string{"-", "\u2212", "- "}).Draw(t, "minus")
			return renderPhrase(t, drawSingleTemplate(t), minus+formatCount(t, drawCount(t, 0, source.MaxCount, "n"), "n"), "")
		case 2: // above MaxCount, or a bound that leaves no count
			return drawOverflowPhrase(t)
		case 3: // ambiguous number
			return renderPhrase(t, drawSingleTemplate(t), drawAmbiguousNumber(t), "")
		case 4: // valid phrase followed by something else
			c := drawQuantityCase(t)
			if c.Want.Kind() == source.Some {
				// "some" followed by a number is a valid About; "algunos"
				// is not.
				c.Phrase = "algunos"
			}
			junk := rapid.SampledFrom([]string{
				" people", " personas", " prisoners", " presos políticos", " released",
				"\u00a0liberados", " x", ".", "!", "?", "%", " 2026", "people",
			}).Draw(t, "junk")
			return strings.TrimRight(c.Phrase, " \t\n\u00a0\u202f") + junk
		case 5: // not UTF-8, or too long
			c := drawQuantityCase(t)
			if rapid.Bool().Draw(t, "long") {
				return strings.Repeat(" ", 257) + c.Phrase
			}
			return "\xff" + c.Phrase
		default:
			return rapid.SampledFrom([]string{
				"", " ", "\u00a0\u202f", "at least", "more than", "between 5 and", "between and",
				"entre 5 y", "de 5", "unos", "about about 5", "at least at most 5", "fivefold", "cinco cinco",
				"N/A", "104 -", "- 104", "+104", "1e3", "0x10", "½", "\uff11\uff10\uff14", "10 to",
				"dozens of dozens", "5 or", "5 o", "~", "+", "5 ~", "between 1 and 2 and 3",
				"1-2-3", "5 5 5", "104,", ",104", "1_000", "1'000", "some300", "104or more",
			}).Draw(t, "malformed")
		}
	})
}

func drawQuantity(t *rapid.T) source.Quantity {
	kind := rapid.SampledFrom(kinds()).Draw(t, "kind")
	switch {
	case kind == source.Between:
		lo := drawCount(t, 0, source.MaxCount, "low")
		return must(source.NewBetween(lo, drawCount(t, lo, source.MaxCount, "high")))
	case kind.IsVague():
		return must(source.NewVague(kind))
	case kind == source.MoreThan:
		return must(source.NewQuantity(kind, drawCount(t, 0, source.MaxCount-1, "n")))
	case kind == source.FewerThan:
		return must(source.NewQuantity(kind, drawCount(t, 1, source.MaxCount, "n")))
	}
	return must(source.NewQuantity(kind, drawCount(t, 0, source.MaxCount, "n")))
}

func drawQuantityCase(t *rapid.T) QuantityCase {
	q := drawQuantity(t)
	kind := q.Kind()
	// One time in four, a single-number kind takes a number that a
	// collective noun states ("more than a dozen", "casi un centenar").
	collective := kind != source.Between && !kind.IsVague() && rapid.IntRange(0, 3).Draw(t, "collective") == 0
	if collective {
		n := rapid.SampledFrom(collectiveValues).Draw(t, "collective value")
		q = must(source.NewQuantity(kind, n))
	}
	if collective && kind == source.About && rapid.Bool().Draw(t, "collective alone") {
		// A collective noun alone is about its value: "a dozen".
		return QuantityCase{Want: q, Phrase: renderPhrase(t, "{n}", drawCollective(t, q.Number()), "")}
	}
	template := rapid.SampledFrom(phraseTemplates(kind)).Draw(t, "template")
	if collective && template == "{n}" {
		template = "exactly {n}" // a collective noun alone would be About
	}
	lo, hi := q.Stated()
	var n, m string
	words := rapid.IntRange(0, 2).Draw(t, "words") == 0
	switch {
	case kind.IsVague():
	case collective:
		n = drawCollective(t, lo)
	case words:
		n = drawNumberWords(t, lo, "n")
	default:
		n = formatCount(t, lo, "n")
	}
	if kind == source.Between {
		if words {
			m = drawNumberWords(t, hi, "m")
			template = strings.ReplaceAll(template, "{-}", " {-} ")
		} else {
			m = formatCount(t, hi, "m")
		}
	}
	return QuantityCase{Want: q, Phrase: renderPhrase(t, template, n, m)}
}

// collectiveValues are the counts that collectiveWords states.
var collectiveValues = []int{6, 10, 12, 20, 24, 50, 100, 200, 1000}

// drawCollective draws a phrase of collective nouns that states n, one of
// collectiveValues.
func drawCollective(t *rapid.T, n int) string {
	words := map[int][]string{
		6:    {"half a dozen", "media docena"},
		10:   {"una decena", "una decena de"},
		12:   {"a dozen", "una docena", "una docena de"},
		20:   {"una veintena", "una veintena de"},
		24:   {"two dozen", "dos docenas"},
		50:   {"medio centenar", "medio centenar de"},
		100:  {"un centenar", "un centenar de"},
		200:  {"dos centenares", "dos centenares de"},
		1000: {"un millar", "un millar de"},
	}[n]
	return rapid.SampledFrom(words).Draw(t, "collective words")
}

// drawNumberWords writes n in English or Spanish words when it is below a
// thousand million, and in digits otherwise. The writers below are written
// independently of the parser's grammar, so that each checks the other.
func drawNumberWords(t *rapid.T, n int, label string) string {
	if n >= 1_000_000_000 {
		return formatCount(t, n, label)
	}
	if rapid.Bool().Draw(t, label+" spanish") {
		return spanishWords(n)
	}
	return englishWords(t, n, label)
}

// NumberWords returns n, a count below a thousand million, written in
// words in Spanish and in each of the English forms [QuantityWithPhrase]
// draws from ("a hundred and five", "one hundred five", "twenty-two",
// "twenty two"), as [source.ParseQuantity] must read them. A larger n
// gives nil.
func NumberWords(n int) []string {
	if n < 0 || n >= 1_000_000_000 {
		return nil
	}
	out := []string{spanishWords(n)}
	for _, style := range []englishStyle{{}, {article: true, and: true, hyphen: true}, {and: true}, {article: true, hyphen: true}} {
		out = append(out, englishWordsIn(n, style))
	}
	return out
}

// englishStyle chooses the optional forms of English number words.
type englishStyle struct {
	article bool // "a hundred" rather than "one hundred"
	and     bool // "two hundred and five" rather than "two hundred five"
	hyphen  bool // "twenty-two" rather than "twenty two"
}

var (
	englishUnits = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	englishTens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// englishWords writes n < 10⁹ in English words, drawing the optional forms:
// "a" or "one" before a lone scale word, "and" before the last tens, and a
// hyphen or a space in "twenty-two".
func englishWords(t *rapid.T, n int, label string) string {
	return englishWordsIn(n, englishStyle{
		article: rapid.Bool().Draw(t, label+" article"),
		and:     rapid.Bool().Draw(t, label+" and"),
		hyphen:  rapid.Bool().Draw(t, label+" hyphen"),
	})
}

// englishWordsIn writes n < 10⁹ in English words in the given style.
func englishWordsIn(n int, style englishStyle) string {
	if n == 0 {
		return "zero"
	}
	below100 := func(r int) string {
		if r < 20 {
			return englishUnits[r]
		}
		s := englishTens[r/10]
		if r%10 != 0 {
			if style.hyphen {
				s += "-"
			} else {
				s += " "
			}
			s += englishUnits[r%10]
		}
		return s
	}
	article := func(s string) string {
		if style.article {
			return "a " + s
		}
		return "one " + s
	}
	and := ""
	if style.and {
		and = "and "
	}
	group := func(g int) string { // 1 ≤ g ≤ 999
		var parts []string
		if h := g / 100; h == 1 {
			parts = append(parts, article("hundred"))
		} else if h > 1 {
			parts = append(parts, englishUnits[h]+" hundred")
		}
		if r := g % 100; r > 0 {
			if g >= 100 {
				parts = append(parts, and+below100(r))
			} else {
				parts = append(parts, below100(r))
			}
		}
		return strings.Join(parts, " ")
	}
	var parts []string
	scaled := func(g int, word string) {
		if g == 1 {
			parts = append(parts, article(word))
		} else {
			parts = append(parts, group(g)+" "+word)
		}
	}
	if m := n / 1_000_000; m > 0 {
		scaled(m, "million")
	}
	if k := n / 1000 % 1000; k > 0 {
		scaled(k, "thousand")
	}
	if r := n % 1000; r > 0 {
		last := group(r)
		if n >= 1000 && r < 100 {
			last = and + last
		}
		parts = append(parts, last)
	}
	return strings.Join(parts, " ")
}

var (
	spanishBelow30 = []string{"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
		"diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
		"veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
		"veintiocho", "veintinueve"}
	spanishTens     = []string{"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	spanishHundreds = []string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos",
		"seiscientos", "setecientos", "ochocientos", "novecientos"}
)

// spanishWords writes n < 10⁹ in Spanish words, with the apocope before a
// scale word ("veintiún mil", "un millón").
func spanishWords(n int) string {
	if n == 0 {
		return "cero"
	}
	group := func(g int, apocope bool) string { // 1 ≤ g ≤ 999
		var parts []string
		h, r := g/100, g%100
		switch {
		case h == 1 && r == 0:
			parts = append(parts, "cien")
		case h > 0:
			parts = append(parts, spanishHundreds[h])
		}
		if r > 0 {
			var s string
			if r < 30 {
				s = spanishBelow30[r]
			} else {
				s = spanishTens[r/10]
				if r%10 != 0 {
					s += " y " + spanishBelow30[r%10]
				}
			}
			if apocope {
				switch {
				case s == "uno":
					s = "un"
				case s == "veintiuno":
					s = "veintiún"
				case strings.HasSuffix(s, " y uno"):
					s = strings.TrimSuffix(s, "uno") + "un"
				}
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " ")
	}
	var parts []string
	if m := n / 1_000_000; m > 0 {
		if m == 1 {
			parts = append(parts, "un millón")
		} else {
			parts = append(parts, group(m, true)+" millones")
		}
	}
	if k := n / 1000 % 1000; k > 0 {
		if k == 1 {
			parts = append(parts, "mil")
		} else {
			parts = append(parts, group(k, true)+" mil")
		}
	}
	if r := n % 1000; r > 0 {
		parts = append(parts, group(r, false))
	}
	return strings.Join(parts, " ")
}

// drawCount draws a count in [lo, hi], favouring counts next to lo and
// reaching those next to hi.
func drawCount(t *rapid.T, lo, hi int, label string) int {
	switch rapid.IntRange(0, 4).Draw(t, label+" scale") {
	case 0, 1:
		return rapid.IntRange(lo, lo+min(hi-lo, 20)).Draw(t, label)
	case 2:
		return rapid.IntRange(lo, lo+min(hi-lo, 20_000)).Draw(t, label)
	case 3:
		return rapid.IntRange(lo, hi).Draw(t, label)
	}
	return rapid.IntRange(hi-min(hi-lo, 20), hi).Draw(t, label)
}

// formatCount writes n in plain digits or in groups of thousands with one
// of the separators ParseQuantity accepts.
func formatCount(t *rapid.T, n int, label string) string {
	sep := rapid.SampledFrom([]string{"", ",", ".", " ", "\u00a0", "\u202f"}).Draw(t, label+" separator")
	return groupDigits(strconv.Itoa(n), sep)
}

// groupDigits inserts sep between the groups of three digits of digits.
func groupDigits(digits, sep string) string {
	if sep == "" || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// stripAccents writes Spanish without its accents, as people often type it.
var stripAccents = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n")

// renderPhrase fills a template: "{n}" and "{m}" are the numbers, "{-}" a
// dash, and each space becomes a drawn run of white space; the result is
// then drawn in some case, with or without accents, and with or without
// white space around it.
func renderPhrase(t *rapid.T, template, n, m string) string {
	dash := rapid.SampledFrom([]string{"-", "–", "—", " - ", " – ", " — "}).Draw(t, "dash")
	space := rapid.SampledFrom([]string{" ", " ", "  ", "\u00a0", "\u202f", "\t", " \u00a0"}).Draw(t, "space")
	s := strings.ReplaceAll(template, "{-}", dash)
	s = strings.ReplaceAll(s, " ", space)
	if rapid.Bool().Draw(t, "strip accents") {
		s = stripAccents.Replace(s)
	}
	switch rapid.IntRange(0, 2).Draw(t, "case") {
	case 1:
		s = strings.ToUpper(s)
	case 2:
		if s != "" && 'a' <= s[0] && s[0] <= 'z' {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	s = strings.NewReplacer("{N}", n, "{n}", n, "{M}", m, "{m}", m).Replace(s)
	pad := rapid.SampledFrom([]string{"", "", " ", "\u00a0", "\n"}).Draw(t, "padding")
	return pad + s + pad
}

func drawSingleTemplate(t *rapid.T) string {
	kind := rapid.SampledFrom([]source.QuantityKind{
		source.Exactly, source.AtLeast, source.MoreThan, source.AtMost,
		source.FewerThan, source.About, source.Nearly,
	}).Draw(t, "kind")
	return rapid.SampledFrom(phraseTemplates(kind)).Draw(t, "template")
}

// drawOverflowPhrase draws a phrase with a number above MaxCount, or a bound
// at the edge that leaves no count.
func drawOverflowPhrase(t *rapid.T) string {
	switch rapid.IntRange(0, 3).Draw(t, "overflow") {
	case 0:
		return renderPhrase(t, rapid.SampledFrom(phraseTemplates(source.MoreThan)).Draw(t, "template"),
			formatCount(t, source.MaxCount, "n"), "")
	case 1:
		return renderPhrase(t, rapid.SampledFrom(phraseTemplates(source.FewerThan)).Draw(t, "template"), "0", "")
	case 2:
		hi := rapid.SampledFrom([]string{"2147483648", "4294967296", "9223372036854775807",
			"9223372036854775808", "99999999999999999999999999999999"}).Draw(t, "huge")
		lo := formatCount(t, drawCount(t, 0, source.MaxCount, "n"), "n")
		return renderPhrase(t, rapid.SampledFrom(phraseTemplates(source.Between)).Draw(t, "template"), lo, hi)
	}
	n := rapid.Int64Range(int64(source.MaxCount)+1, 1<<62).Draw(t, "n")
	sep := rapid.SampledFrom([]string{"", ",", ".", " "}).Draw(t, "separator")
	return renderPhrase(t, drawSingleTemplate(t), groupDigits(strconv.FormatInt(n, 10), sep), "")
}

// drawAmbiguousNumber draws a number whose separators do not make groups of
// thousands: a short or long group, mixed separators, an over-long first
// group, or a leading zero.
func drawAmbiguousNumber(t *rapid.T) string {
	sep := rapid.SampledFrom([]string{",", ".", " ", "\u00a0"}).Draw(t, "separator")
	other := map[string]string{",": ".", ".": ",", " ": ",", "\u00a0": "."}[sep]
	digits := func(n int, label string) string {
		var b strings.Builder
		for i := range n {
			lo := byte('0')
			if i == 0 && label == "first" {
				lo = '1'
			}
			b.WriteByte(rapid.ByteRange(lo, '9').Draw(t, label))
		}
		return b.String()
	}
	first := digits(rapid.IntRange(1, 3).Draw(t, "first len"), "first")
	switch rapid.IntRange(0, 5).Draw(t, "ambiguity") {
	case 0: // a later group of other than three digits: "1,5", "1,08", "1,0845"
		return first + sep + digits(rapid.SampledFrom([]int{1, 2, 4, 5}).Draw(t, "group len"), "group")
	case 1: // a valid group, then a bad one: "1,000,00"
		return first + sep + digits(3, "group") + sep + digits(rapid.SampledFrom([]int{1, 2, 4}).Draw(t, "group len"), "group")
	case 2: // mixed separators: "1.084,5", "1,084.500"
		return first + sep + digits(3, "group") + other + digits(rapid.IntRange(1, 3).Draw(t, "group len"), "group")
	case 3: // first group too long: "1234,567"
		return digits(rapid.IntRange(4, 7).Draw(t, "first len"), "first") + sep + digits(3, "group")
	case 4: // leading zero: "07", "007"
		return "0" + digits(rapid.IntRange(1, 2).Draw(t, "zero len"), "group")
	}
	// leading zero before a group: "0,500", "01,000"
	return "0" + digits(rapid.IntRange(0, 2).Draw(t, "zero len"), "group") + sep + digits(3, "group")
}

func kinds() []source.QuantityKind {
	return []source.QuantityKind{
		source.Exactly, source.AtLeast, source.MoreThan, source.AtMost, source.FewerThan,
		source.About, source.Nearly, source.Between, source.Dozens, source.Hundreds, source.Thousands,
		source.Some, source.Several, source.Handful, source.Scores, source.SeveralDozen,
		source.SeveralThousand, source.TensOfThousands, source.HundredsOfThousands,
	}
}

// phraseTemplates lists the phrases of kind that ParseQuantity documents,
// written independently of the parser so that each checks the other.
func phraseTemplates(kind source.QuantityKind) []string {
	switch kind {
	case source.Exactly:
		return []string{"{n}", "exactly {n}", "exactamente {n}"}
	case source.AtLeast:
		return []string{"at least {n}", "no fewer than {n}", "no less than {n}", "{n} or more", "{n}+", "{n} +",
			"al menos {n}", "por lo menos {n}", "como mínimo {n}", "{n} o más"}
	case source.MoreThan:
		return []string{"more than {n}", "over {n}", "above {n}", "upwards of {n}", "más de {n}"}
	case source.AtMost:
		return []string{"at most {n}", "up to {n}", "no more than {n}", "{n} or fewer", "{n} or less",
			"hasta {n}", "como máximo {n}", "a lo sumo {n}", "{n} o menos"}
	case source.FewerThan:
		return []string{"fewer than {n}", "less than {n}", "under {n}", "below {n}", "menos de {n}"}
	case source.About:
		return []string{"about {n}", "around {n}", "approximately {n}", "roughly {n}", "some {n}",
			"an estimated {n}", "~{n}", "~ {n}", "circa {n}", "close to {n}", "cerca de {n}", "unos {n}",
			"unas {n}", "alrededor de {n}", "aproximadamente {n}"}
	case source.Nearly:
		return []string{"nearly {n}", "almost {n}", "casi {n}"}
	case source.Between:
		return []string{"between {n} and {m}", "{n}{-}{m}", "{n} to {m}", "from {n} to {m}",
			"entre {n} y {m}", "de {n} a {m}"}
	case source.Dozens:
		return []string{"dozens", "dozens of", "decenas", "decenas de"}
	case source.Hundreds:
		return []string{"hundreds", "hundreds of", "centenares", "centenares de", "cientos", "cientos de"}
	case source.Thousands:
		return []string{"thousands", "thousands of", "miles", "miles de"}
	case source.Some:
		return []string{"some", "algunos", "algunas"}
	case source.Several:
		return []string{"several", "varios", "varias"}
	case source.Handful:
		return []string{"a handful", "a handful of", "a few", "un puñado", "un puñado de",
			"unos pocos", "unas pocas", "unos cuantos", "unas cuantas"}
	case source.Scores:
		return []string{"scores", "scores of"}
	case source.SeveralDozen:
		return []string{"several dozen", "varias decenas", "varias decenas de", "varias docenas", "varias docenas de"}
	case source.SeveralThousand:
		return []string{"several thousand", "several thousands", "several thousands of", "varios miles", "varios miles de"}
	case source.TensOfThousands:
		return []string{"tens of thousands", "tens of thousands of", "decenas de miles", "decenas de miles de"}
	case source.HundredsOfThousands:
		return []string{"hundreds of thousands", "hundreds of thousands of", "cientos de miles", "centenares de miles de"}
	}
	return nil
}

// must unwraps the result of a constructor whose arguments are valid by
// construction.
func must[T any](v T, err error) T {
	if err != nil {
		panic("sourcetest: generator built an invalid value: " + err.Error())
	}
	return v
}
