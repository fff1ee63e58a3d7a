package source

import "bytes"

// Numbers in words. A number word is looked up in numberWords, built once;
// readNumber then reads a run of tokens as one number by a fixed grammar
// with no recursion, so the cost of a run is linear in its length, which
// maxPhraseTokens bounds.

// lexClass is the part a word plays in a number.
type lexClass uint8

const (
	lexNone       lexClass = iota // not a number word
	lexDigits                     // a number in digits
	lexZero                       // "zero", "cero": a number only alone
	lexUnit                       // 1 to 9: "one", "uno", "un", "una"
	lexTeen                       // a complete part below 100 that takes no unit: "twelve", "veintidós", "twenty-two"
	lexTens                       // 20 to 90, which may take a unit: "twenty", "treinta"
	lexHundreds                   // Spanish hundreds, a complete part: "cien", "ciento", "doscientos"
	lexHundred                    // "hundred", after a unit or "a"
	lexThousand                   // "thousand", after a number; "mil", also alone
	lexMillion                    // "million", "millón", "millones", after a number
	lexArticle                    // "a", as in "a hundred", "a dozen"
	lexCollective                 // approximate nouns of number: "dozen", "docena", "centenar"
	lexHalf                       // "half" (then "a"), "medio", "media"
	lexAnd                        // "and", after hundreds or a thousand: "two hundred and five"
	lexY                          // "y", between tens and a unit: "treinta y dos"
	lexDe                         // "de", after a collective noun: "un centenar de"
)

// startsNumber reports whether a word of class c can only be read as (part
// of) a number, so that a phrase holding it must be searched for numbers in
// words. Articles and connectors are also ordinary words of phrases ("a lo
// sumo", "between 1 and 2", "más de 3") and do not count.
func (c lexClass) startsNumber() bool {
	switch c {
	case lexZero, lexUnit, lexTeen, lexTens, lexHundreds, lexHundred, lexThousand, lexMillion, lexCollective, lexHalf:
		return true
	}
	return false
}

// lexeme is a word's class and value.
type lexeme struct {
	class lexClass
	value int
}

// numberWords maps each number word, accents folded, to its lexeme. For
// lexThousand the value is 1 when the word may stand alone ("mil"); for
// lexHalf it is 1 when "a" must follow ("half a dozen").
var numberWords = func() map[string]lexeme {
	m := map[string]lexeme{
		"zero": {lexZero, 0}, "cero": {lexZero, 0},
		"hundred":  {lexHundred, 100},
		"thousand": {lexThousand, 0}, "mil": {lexThousand, 1},
		"million": {lexMillion, 0}, "millon": {lexMillion, 0}, "millones": {lexMillion, 0},
		"a":    {lexArticle, 1},
		"half": {lexHalf, 1}, "medio": {lexHalf, 0}, "media": {lexHalf, 0},
		"and": {lexAnd, 0}, "y": {lexY, 0}, "de": {lexDe, 0},
		// Collective nouns, singular and plural: "two dozen", "dos docenas",
		// "tres centenares". "Dozens", "decenas", "centenares" alone are the
		// vague words of quantityPhrases; after a number they count.
		"dozen": {lexCollective, 12}, "docena": {lexCollective, 12}, "docenas": {lexCollective, 12},
		"decena": {lexCollective, 10}, "decenas": {lexCollective, 10},
		"veintena": {lexCollective, 20}, "veintenas": {lexCollective, 20},
		"centenar": {lexCollective, 100}, "centenares": {lexCollective, 100},
		"millar": {lexCollective, 1000}, "millares": {lexCollective, 1000},
	}
	add := func(class lexClass, first int, words ...string) {
		for i, w := range words {
			if w != "" {
				m[w] = lexeme{class, first + i}
			}
		}
	}
	add(lexUnit, 1, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
	add(lexUnit, 1, "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
	add(lexUnit, 1, "un")
	add(lexUnit, 1, "una")
	add(lexTeen, 10, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
	add(lexTeen, 10, "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve")
	add(lexTeen, 21, "veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve")
	add(lexTeen, 21, "veintiun")
	add(lexTeen, 21, "veintiuna")
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		m[w] = lexeme{lexTens, 20 + 10*i}
	}
	for i, w := range []string{"veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"} {
		m[w] = lexeme{lexTens, 20 + 10*i}
	}
	m["cien"], m["ciento"] = lexeme{lexHundreds, 100}, lexeme{lexHundreds, 100}
	for i, w := range []string{"doscient", "trescient", "cuatrocient", "quinient", "seiscient", "setecient", "ochocient", "novecient"} {
		m[w+"os"] = lexeme{lexHundreds, 200 + 100*i}
		m[w+"as"] = lexeme{lexHundreds, 200 + 100*i}
	}
	return m
}()

// lookupNumberWord returns the lexeme of a normalized word: a number word,
// or an English compound of tens and a unit ("twenty-two"), or lexNone.
func lookupNumberWord(w []byte) lexeme {
	if lx, ok := numberWords[string(w)]; ok {
		return lx
	}
	i := bytes.IndexByte(w, '-')
	if i < 0 {
		return lexeme{}
	}
	tens, unit := numberWords[string(w[:i])], numberWords[string(w[i+1:])]
	if tens.class == lexTens && unit.class == lexUnit && isEnglishWord(w[i+1:]) {
		return lexeme{lexTeen, tens.value + unit.value}
	}
	return lexeme{}
}

// isEnglishWord reports whether w is an English unit word, so that
// "twenty-two" is a compound but "treinta-dos" is not.
func isEnglishWord(w []byte) bool {
	switch string(w) {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine":
		return true
	}
	return false
}

// readNumber reads a run of tokens as one number: digits alone, a cardinal
// in words, or a collective noun of number (approx is then true). ok is
// false unless the whole run is one number.
func readNumber(lx phraseTokens) (n int, approx, ok bool) {
	for _, t := range lx {
		if t.lex.class == lexNone || t.lex.class == lexDigits && len(lx) > 1 {
			return 0, false, false
		}
	}
	if len(lx) == 1 && (lx[0].lex.class == lexDigits || lx[0].lex.class == lexZero) {
		return lx[0].lex.value, false, true
	}
	if n, ok := readCollective(lx); ok {
		return n, true, true
	}
	if n, end := readCardinal(lx); end == len(lx) && end > 0 {
		return n, false, true
	}
	return 0, false, false
}

// class returns the class of lx[i], or lexNone past its end.
func class(lx phraseTokens, i int) lexClass {
	if i < len(lx) {
		return lx[i].lex.class
	}
	return lexNone
}

// readCollective reads "a dozen", "two dozen", "half a dozen", "medio
// centenar", "un centenar de" and their like.
func readCollective(lx phraseTokens) (int, bool) {
	i, mult, half := 0, 1, false
	switch {
	case class(lx, 0) == lexHalf && lx[0].lex.value == 1: // "half a"
		if class(lx, 1) != lexArticle {
			return 0, false
		}
		i, half = 2, true
	case class(lx, 0) == lexHalf: // "medio", "media"
		i, half = 1, true
	case class(lx, 0) == lexArticle:
		i = 1
	default:
		g, end := readGroup(lx, 0)
		if end == 0 {
			return 0, false
		}
		i, mult = end, g
	}
	if class(lx, i) != lexCollective {
		return 0, false
	}
	c := lx[i].lex.value
	i++
	if class(lx, i) == lexDe {
		i++
	}
	if i != len(lx) {
		return 0, false
	}
	if half {
		return c / 2, true
	}
	return mult * c, true
}

// readGroup reads a number from 1 to 999 at lx[i:]: hundreds ("two
// hundred", "a hundred", "doscientos"), then, after an optional "and", tens
// and units ("twenty-two", "twenty two", "treinta y dos", "twelve", "five").
// It returns the value and the end; end == i when there is none.
func readGroup(lx phraseTokens, i int) (v, end int) {
	j := i
	switch {
	case (class(lx, j) == lexUnit || class(lx, j) == lexArticle) && class(lx, j+1) == lexHundred:
		v, j = lx[j].lex.value*100, j+2
	case class(lx, j) == lexHundreds:
		v, j = lx[j].lex.value, j+1
	}
	if j > i && class(lx, j) == lexAnd {
		switch class(lx, j+1) {
		case lexTens, lexTeen, lexUnit:
			j++
		}
	}
	switch class(lx, j) {
	case lexTens:
		v += lx[j].lex.value
		j++
		switch {
		case class(lx, j) == lexY && class(lx, j+1) == lexUnit:
			v += lx[j+1].lex.value
			j += 2
		case class(lx, j) == lexUnit:
			v += lx[j].lex.value
			j++
		}
	case lexTeen, lexUnit:
		v += lx[j].lex.value
		j++
	}
	return v, j
}

// readScaled reads a group or "a" followed by a word of class scale, and
// returns the group's value and the end after the scale word, or end == i.
func readScaled(lx phraseTokens, i int, scale lexClass) (g, end int) {
	g, end = readGroup(lx, i)
	if end == i && class(lx, i) == lexArticle {
		g, end = 1, i+1
	}
	if end == i || class(lx, end) != scale {
		return 0, i
	}
	return g, end + 1
}

// readCardinal reads millions, thousands and a last group, each optional
// but at least one: "two million three hundred thousand and five", "dos
// mil cuatrocientos", "mil doscientos". The largest is 999,999,999, below
// MaxCount.
func readCardinal(lx phraseTokens) (n, end int) {
	j := 0
	scaled := false
	if g, e := readScaled(lx, j, lexMillion); e > j {
		n, j, scaled = g*1_000_000, e, true
	}
	if g, e := readScaled(lx, j, lexThousand); e > j {
		n, j, scaled = n+g*1000, e, true
	} else if class(lx, j) == lexThousand && lx[j].lex.value == 1 { // "mil" alone
		n, j, scaled = n+1000, j+1, true
	}
	if scaled && class(lx, j) == lexAnd {
		if _, e := readGroup(lx, j+1); e > j+1 {
			j++
		}
	}
	if g, e := readGroup(lx, j); e > j {
		n, j = n+g, e
	}
	return n, j
}
