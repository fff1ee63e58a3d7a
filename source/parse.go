package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// maxPhraseBytes bounds the input of ParseQuantity. A quantity phrase is a
// few words; the bound keeps the cost of bad input (and of explaining why it
// is bad) small.
const maxPhraseBytes = 256

// ParseQuantity reads a quantity phrase as English and Spanish press reports
// write it, and returns the [Quantity] it states. The phrase must be the
// quantity alone: "104 people" is an error, the caller passes "104".
//
// Reading is case-insensitive, accents are optional ("mas de" is "más de"),
// runs of white space (including no-break U+00A0 and narrow no-break U+202F
// spaces) count as one space, and leading and trailing space is ignored. The
// accepted phrases, where N is a number:
//
//	Exactly    N, exactly N, exactamente N
//	AtLeast    at least N, no fewer than N, no less than N, N or more, N+,
//	           al menos N, por lo menos N, como mínimo N, N o más
//	MoreThan   more than N, over N, above N, upwards of N, más de N
//	AtMost     at most N, up to N, no more than N, N or fewer, N or less,
//	           hasta N, como máximo N, a lo sumo N, N o menos
//	FewerThan  fewer than N, less than N, under N, below N, menos de N
//	About      about N, around N, approximately N, roughly N, some N,
//	           an estimated N, ~N, circa N, close to N, cerca de N, unos N,
//	           unas N, alrededor de N, aproximadamente N
//	Nearly     nearly N, almost N, casi N
//	Between    between N and M, N-M, N–M, N—M, N to M, from N to M,
//	           entre N y M, de N a M
//	Dozens     dozens, dozens of, decenas, decenas de
//	Hundreds   hundreds, hundreds of, centenares, centenares de, cientos,
//	           cientos de
//	Thousands  thousands, thousands of, miles, miles de
//
// A number is written in plain digits ("1084") or in groups of thousands
// separated by a comma, a full stop or a (no-break, narrow no-break) space:
// "1,084", "1.084" and "1 084" all mean 1084. The first group has one to
// three digits and every later group exactly three, one number uses one
// separator only, and a number has no leading zero. Anything else is
// rejected rather than guessed at: "1,5", "1.5", "1,08" and "1.084,5" could
// be decimal fractions. Numbers above [MaxCount], negative numbers, an
// inverted range ("between 900 and 800"), "fewer than 0" and
// "more than 2147483647" are errors, as is a phrase longer than 256 bytes.
//
// Every error is a [*FieldError] for "Quantity" whose Value repeats s and
// whose reason says what is wrong. ParseQuantity reads back what
// [Quantity.String] writes.
func ParseQuantity(s string) (Quantity, error) {
	bad := func(format string, args ...any) (Quantity, error) {
		return Quantity{}, fieldErr("Quantity", s, format, args...)
	}
	if len(s) > maxPhraseBytes {
		return bad("phrase longer than %d bytes", maxPhraseBytes)
	}
	if !utf8.ValidString(s) {
		return bad("not valid UTF-8")
	}
	norm, err := normalizePhrase(s)
	if err != nil {
		return bad("cannot fold accents: %v", err)
	}
	if norm == "" {
		return bad("empty phrase")
	}
	toks, reason := tokenizePhrase(norm)
	if reason != "" {
		return bad("%s", reason)
	}
	kind, ok := phraseKind(phraseShape(toks))
	if !ok {
		return bad("%s", explainPhrase(norm, toks))
	}
	var q Quantity
	var fe *FieldError
	switch {
	case kind == Between:
		q, fe = newBetweenQuantity(toks.number(0), toks.number(1))
	case kind.IsVague():
		q = Quantity{kind: kind}
	default:
		q, fe = newSingleQuantity(kind, toks.number(0))
	}
	if fe != nil {
		// Keep the constructor's reason, but name the phrase, not the
		// constructor's argument.
		return Quantity{}, &FieldError{Field: "Quantity", Value: errfmt.Quote(s), Err: fe.Err}
	}
	return q, nil
}

// phraseKind returns the kind of a phrase shape: its words, with "#" for each
// number and "+", "~", "-" for the symbols, separated by single spaces.
// Accents have been folded, so "más de" is "mas de".
func phraseKind(shape string) (QuantityKind, bool) {
	switch shape {
	case "#", "exactly #", "exactamente #":
		return Exactly, true
	case "at least #", "no fewer than #", "no less than #", "# or more", "# +",
		"al menos #", "por lo menos #", "como minimo #", "# o mas":
		return AtLeast, true
	case "more than #", "over #", "above #", "upwards of #", "mas de #":
		return MoreThan, true
	case "at most #", "up to #", "no more than #", "# or fewer", "# or less",
		"hasta #", "como maximo #", "a lo sumo #", "# o menos":
		return AtMost, true
	case "fewer than #", "less than #", "under #", "below #", "menos de #":
		return FewerThan, true
	case "about #", "around #", "approximately #", "roughly #", "some #",
		"an estimated #", "~ #", "circa #", "close to #",
		"cerca de #", "unos #", "unas #", "alrededor de #", "aproximadamente #":
		return About, true
	case "nearly #", "almost #", "casi #":
		return Nearly, true
	case "between # and #", "# - #", "# to #", "from # to #",
		"entre # y #", "de # a #":
		return Between, true
	case "dozens", "dozens of", "decenas", "decenas de":
		return Dozens, true
	case "hundreds", "hundreds of", "centenares", "centenares de", "cientos", "cientos de":
		return Hundreds, true
	case "thousands", "thousands of", "miles", "miles de":
		return Thousands, true
	}
	return 0, false
}

// maxShapeTokens is the length of the longest phrase shape phraseKind
// knows ("between # and #").
const maxShapeTokens = 4

// normalizePhrase lower-cases s, removes its accents (NFD, drop combining
// marks, NFC) and collapses its white space to single ASCII spaces.
func normalizePhrase(s string) (string, error) {
	fold := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(fold, strings.ToLower(s))
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(folded), " "), nil
}

// phraseToken is a word, a number or a symbol of a normalized phrase.
type phraseToken struct {
	kind       byte   // 'w' word, '#' number, or the symbol '+', '~', '-'
	word       string // the text of a word
	n          int    // the value of a number
	start, end int    // byte offsets in the normalized phrase
}

type phraseTokens []phraseToken

// number returns the value of the i-th number token.
func (ts phraseTokens) number(i int) int {
	for _, t := range ts {
		if t.kind == '#' {
			if i == 0 {
				return t.n
			}
			i--
		}
	}
	return 0
}

// tokenizePhrase splits a normalized phrase into tokens, or returns why it
// cannot.
func tokenizePhrase(s string) (phraseTokens, string) {
	var toks phraseTokens
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		tok := phraseToken{start: i}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isASCIIDigit(c):
			n, end, reason := scanPhraseNumber(s, i)
			if reason != "" {
				return nil, reason
			}
			tok.kind, tok.n, i = '#', n, end
		case c == '+' || c == '~':
			tok.kind, i = c, i+1
		case isPhraseDash(r):
			tok.kind, i = '-', i+size
		case unicode.IsLetter(r):
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsLetter(r) {
					break
				}
				i += size
			}
			tok.kind, tok.word = 'w', s[tok.start:i]
		default:
			return nil, fmt.Sprintf("unexpected character %q", r)
		}
		tok.end = i
		if len(toks) > 0 {
			prev := toks[len(toks)-1]
			if prev.end == tok.start && (prev.kind == 'w' && tok.kind == '#' || prev.kind == '#' && tok.kind == 'w') {
				return nil, "missing space between a word and a number"
			}
		}
		toks = append(toks, tok)
	}
	return toks, ""
}

// scanPhraseNumber reads the number that starts at s[i], a digit, and
// returns its value and end, or why it is not a count.
func scanPhraseNumber(s string, i int) (n, end int, reason string) {
	start := i
	n, over := 0, false
	for ; i < len(s) && isASCIIDigit(s[i]); i++ {
		n, over = appendCountDigit(n, over, s[i])
	}
	first := i - start
	var sep byte
	groups := 0
	for i+1 < len(s) && isThousandsSep(s[i]) && isASCIIDigit(s[i+1]) {
		if sep != 0 && s[i] != sep {
			return 0, 0, fmt.Sprintf("mixed thousands separators in %q", s[start:digitsEnd(s, i+1)])
		}
		sep = s[i]
		j := digitsEnd(s, i+1)
		if first > 3 || j-(i+1) != 3 {
			return 0, 0, fmt.Sprintf("ambiguous thousands separator in %q", s[start:j])
		}
		for k := i + 1; k < j; k++ {
			n, over = appendCountDigit(n, over, s[k])
		}
		i = j
		groups++
	}
	if s[start] == '0' && (first > 1 || groups > 0) {
		return 0, 0, fmt.Sprintf("leading zero in %q", s[start:i])
	}
	if over {
		return 0, 0, fmt.Sprintf("number above MaxCount (%d)", MaxCount)
	}
	return n, i, ""
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	return i
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// isThousandsSep reports whether c may separate groups of thousands. White
// space has been collapsed to ' ' already.
func isThousandsSep(c byte) bool { return c == ',' || c == '.' || c == ' ' }

// isPhraseDash reports whether r joins the ends of a range: hyphen-minus,
// hyphens, figure dash, en dash, em dash, horizontal bar or minus sign.
func isPhraseDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return true
	}
	return false
}

// phraseShape returns the shape of toks for phraseKind.
func phraseShape(toks phraseTokens) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.kind == 'w' {
			b.WriteString(t.word)
		} else {
			b.WriteByte(t.kind)
		}
	}
	return b.String()
}

// explainPhrase returns why a well-formed sequence of tokens is not a
// quantity phrase. The reason quotes only quantity words and numbers, never
// the rest of the input, which may hold anything.
func explainPhrase(s string, toks phraseTokens) string {
	numbers := 0
	for i, t := range toks {
		if t.kind == '-' && i+1 < len(toks) && toks[i+1].kind == '#' && (i == 0 || toks[i-1].kind != '#') {
			return "negative count"
		}
		if t.kind == '#' {
			numbers++
		}
	}
	for k := min(len(toks)-1, maxShapeTokens); k > 0; k-- {
		if _, ok := phraseKind(phraseShape(toks[:k])); ok {
			return fmt.Sprintf("unexpected text after the quantity %q", s[:toks[k-1].end])
		}
	}
	if numbers == 0 {
		return "no number and no vague word (dozens, hundreds, thousands)"
	}
	return "not a quantity phrase"
}
