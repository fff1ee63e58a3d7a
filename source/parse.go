package source

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// maxPhraseBytes bounds the input of ParseQuantity. A quantity phrase is a
// few words; the bound keeps the cost of bad input (and of explaining why it
// is bad) small.
const maxPhraseBytes = 256

// maxPhraseTokens bounds the words, numbers and symbols of a phrase. The
// longest phrase that spells its numbers in words ("between nine hundred
// and ninety-nine thousand and one million") stays well below it; the bound
// keeps the search for the numbers in a phrase of words small.
const maxPhraseTokens = 32

// normBytes is the room for a normalized phrase: lower-casing lengthens a
// rune by at most half (two bytes to three), so twice maxPhraseBytes is
// enough; the normalizer checks it all the same.
const normBytes = 2 * maxPhraseBytes

// ParseQuantity reads a quantity phrase as English and Spanish press reports
// write it, and returns the [Quantity] it states. The phrase must be the
// quantity alone: "104 people" is an error, the caller passes "104".
//
// Reading is case-insensitive, accents are optional ("mas de" is "más de"),
// runs of white space (including no-break U+00A0 and narrow no-break U+202F
// spaces) count as one space, and leading and trailing space is ignored. The
// accepted phrases, where N is a number:
//
//	Exactly      N, exactly N, exactamente N
//	AtLeast      at least N, no fewer than N, no less than N, N or more, N+,
//	             al menos N, por lo menos N, como mínimo N, N o más
//	MoreThan     more than N, over N, above N, upwards of N, just over N,
//	             slightly over N, slightly more than N, a little over N,
//	             a little more than N, más de N, poco más de N,
//	             algo más de N, un poco más de N
//	AtMost       at most N, up to N, no more than N, N or fewer, N or less,
//	             hasta N, como máximo N, a lo sumo N, N o menos
//	FewerThan    fewer than N, less than N, under N, below N, menos de N
//	About        about N, around N, approximately N, roughly N, some N,
//	             an estimated N, ~N, circa N, close to N, cerca de N, unos N,
//	             unas N, alrededor de N, aproximadamente N
//	Nearly       nearly N, almost N, casi N
//	Between      between N and M, N-M, N–M, N—M, N to M, from N to M,
//	             entre N y M, de N a M
//	Dozens       dozens, dozens of, decenas, decenas de
//	Hundreds     hundreds, hundreds of, centenares, centenares de, cientos,
//	             cientos de
//	Thousands    thousands, thousands of, miles, miles de
//	Some         some, algunos, algunas
//	Several      several, varios, varias
//	Handful      a handful, a handful of, a few, un puñado, un puñado de,
//	             unos pocos, unas pocas, unos cuantos, unas cuantas
//	Scores       scores, scores of
//	SeveralDozen several dozen, varias decenas, varias decenas de,
//	             varias docenas, varias docenas de
//	SeveralThousand      several thousand(s) (of), varios miles (de)
//	TensOfThousands      tens of thousands (of), decenas de miles (de)
//	HundredsOfThousands  hundreds of thousands (of), cientos de miles (de),
//	                     centenares de miles (de)
//
// A number is written in digits or in words. In digits it is plain ("1084")
// or in groups of thousands separated by a comma, a full stop or a
// (no-break, narrow no-break) space: "1,084", "1.084" and "1 084" all mean
// 1084. The first group has one to three digits and every later group
// exactly three, one number uses one separator only, and a number has no
// leading zero. Anything else is rejected rather than guessed at: "1,5",
// "1.5", "1,08" and "1.084,5" could be decimal fractions.
//
// In words, a number is a cardinal below a thousand million in English or
// Spanish: "zero" to "nineteen", "twenty" to "ninety" with a unit
// ("twenty-two", "twenty two"), "a hundred", "two hundred and five",
// "a thousand", "twelve thousand three hundred", "a million"; "cero" to
// "veintinueve" ("veintidós"), "treinta y dos", "cien", "ciento veinte",
// "doscientos", "mil", "dos mil", "un millón". It may also be a collective
// noun, which is approximate: "a dozen" (12), "half a dozen" (6), "two
// dozen" (24), "una docena", "media docena", "una decena" (10), "una
// veintena" (20), "un centenar" (100), "medio centenar" (50), "tres
// centenares" (300), "un millar" (1000), optionally followed by "de". A
// collective noun alone is About its value ("a dozen" is about 12); after
// another word it is the number that word qualifies ("more than a dozen" is
// more than 12, "exactly a dozen" exactly 12). Where a phrase of words could
// be split into numbers in two ways that give different quantities, it is
// rejected as ambiguous.
//
// Numbers above [MaxCount], negative numbers, an inverted range ("between
// 900 and 800"), "fewer than 0" and "more than 2147483647" are errors, as is
// a phrase longer than 256 bytes or of more than 32 words.
//
// Every error is a [*FieldError] for "Quantity" whose Value repeats s and
// whose reason says what is wrong. ParseQuantity reads back what
// [Quantity.String] writes.
//
// ParseQuantity allocates nothing for a phrase it accepts: it normalizes
// into a buffer on the stack, folds accents rune by rune from the Unicode
// tables (no transformer is built), and looks phrases up in tables built
// once.
func ParseQuantity(s string) (Quantity, error) {
	if len(s) > maxPhraseBytes {
		return Quantity{}, fieldErr("Quantity", s, "phrase longer than %d bytes", maxPhraseBytes)
	}
	if !utf8.ValidString(s) {
		return Quantity{}, fieldErr("Quantity", s, "not valid UTF-8")
	}
	if n, ok := plainCount(s); ok {
		// Most figures in a file are plain digits: "104".
		return Quantity{kind: Exactly, n: n}, nil
	}
	var p phraseParser
	if reason := p.parse(s); reason != "" {
		return Quantity{}, fieldErr("Quantity", s, "%s", reason)
	}
	var q Quantity
	var fe *FieldError
	switch kind := p.result.kind; {
	case kind == Between:
		q, fe = newBetweenQuantity(p.result.n, p.result.m)
	case kind.IsVague():
		q = Quantity{kind: kind}
	default:
		q, fe = newSingleQuantity(kind, p.result.n)
	}
	if fe != nil {
		// Keep the constructor's reason, but name the phrase, not the
		// constructor's argument.
		return Quantity{}, &FieldError{Pkg: "source", Path: release.FieldPath{"Quantity"}, Value: errfmt.Quote(s), Err: fe.Err}
	}
	return q, nil
}

// quantityPhrases lists the phrase shapes ParseQuantity accepts: words, with
// "#" for each number and "+", "~", "-" for the symbols, separated by single
// spaces. Accents are folded, so "más de" is "mas de".
var quantityPhrases = [...]struct {
	kind   QuantityKind
	shapes []string
}{
	{Exactly, []string{"#", "exactly #", "exactamente #"}},
	{AtLeast, []string{"at least #", "no fewer than #", "no less than #", "# or more", "# +",
		"al menos #", "por lo menos #", "como minimo #", "# o mas"}},
	{MoreThan, []string{"more than #", "over #", "above #", "upwards of #", "just over #",
		"slightly over #", "slightly more than #", "a little over #", "a little more than #",
		"mas de #", "poco mas de #", "algo mas de #", "un poco mas de #"}},
	{AtMost, []string{"at most #", "up to #", "no more than #", "# or fewer", "# or less",
		"hasta #", "como maximo #", "a lo sumo #", "# o menos"}},
	{FewerThan, []string{"fewer than #", "less than #", "under #", "below #", "menos de #"}},
	{About, []string{"about #", "around #", "approximately #", "roughly #", "some #",
		"an estimated #", "~ #", "circa #", "close to #",
		"cerca de #", "unos #", "unas #", "alrededor de #", "aproximadamente #"}},
	{Nearly, []string{"nearly #", "almost #", "casi #"}},
	{Between, []string{"between # and #", "# - #", "# to #", "from # to #", "entre # y #", "de # a #"}},
	{Dozens, []string{"dozens", "dozens of", "decenas", "decenas de"}},
	{Hundreds, []string{"hundreds", "hundreds of", "centenares", "centenares de", "cientos", "cientos de"}},
	{Thousands, []string{"thousands", "thousands of", "miles", "miles de"}},
	{Some, []string{"some", "algunos", "algunas"}},
	{Several, []string{"several", "varios", "varias"}},
	{Handful, []string{"a handful", "a handful of", "a few", "un punado", "un punado de",
		"unos pocos", "unas pocas", "unos cuantos", "unas cuantas"}},
	{Scores, []string{"scores", "scores of"}},
	{SeveralDozen, []string{"several dozen", "varias decenas", "varias decenas de", "varias docenas", "varias docenas de"}},
	{SeveralThousand, []string{"several thousand", "several thousands", "several thousand of", "several thousands of",
		"varios miles", "varios miles de"}},
	{TensOfThousands, []string{"tens of thousands", "tens of thousands of", "decenas de miles", "decenas de miles de"}},
	{HundredsOfThousands, []string{"hundreds of thousands", "hundreds of thousands of", "cientos de miles",
		"cientos de miles de", "centenares de miles", "centenares de miles de"}},
}

// phraseShapes holds quantityPhrases indexed for the two ways of reading:
// byShape maps a whole shape to its kind, for phrases whose numbers are all
// digits; byFirst and numberLed hold each shape cut into its elements, by
// its first element, for phrases with numbers in words, whose extent is
// found by trying. All are built once and only read after.
var phraseShapes = func() (t struct {
	byShape   map[string]QuantityKind
	byFirst   map[string][]splitShape // shapes by their first word or symbol
	numberLed []splitShape            // shapes that start with a number
}) {
	t.byShape = map[string]QuantityKind{}
	t.byFirst = map[string][]splitShape{}
	for _, p := range quantityPhrases {
		for _, shape := range p.shapes {
			t.byShape[shape] = p.kind
			sh := splitShape{kind: p.kind, elems: strings.Fields(shape)}
			if first := sh.elems[0]; first == "#" {
				t.numberLed = append(t.numberLed, sh)
			} else {
				t.byFirst[first] = append(t.byFirst[first], sh)
			}
		}
	}
	return t
}()

// splitShape is a phrase shape cut into its elements.
type splitShape struct {
	kind  QuantityKind
	elems []string
}

// phraseToken is a word, a number or a symbol of a normalized phrase.
type phraseToken struct {
	kind       byte // 'w' word, '#' number in digits, or the symbol '+', '~', '-'
	start, end int  // byte offsets in the normalized phrase
	lex        lexeme
}

// phraseResult is what a phrase states.
type phraseResult struct {
	kind QuantityKind
	n, m int
}

// phraseParser reads one phrase. It lives on the caller's stack: the
// normalized text, its tokens and the shape being looked up are held in
// arrays, so reading an accepted phrase allocates nothing.
type phraseParser struct {
	buf    [normBytes]byte
	n      int // bytes of buf in use
	toks   [maxPhraseTokens]phraseToken
	nt     int // tokens in use
	result phraseResult
}

// text returns the normalized phrase as a string, for error messages only.
func (p *phraseParser) text() string { return string(p.buf[:p.n]) }

// word returns the bytes of a word token.
func (p *phraseParser) word(t phraseToken) []byte { return p.buf[t.start:t.end] }

// parse reads s into p.result, or returns why it cannot.
func (p *phraseParser) parse(s string) string {
	if reason := p.normalize(s); reason != "" {
		return reason
	}
	if p.n == 0 {
		return "empty phrase"
	}
	if reason := p.tokenize(); reason != "" {
		return reason
	}
	if p.hasNumberWords() {
		return p.parseWords()
	}
	r, found, _ := p.match(p.nt, nil)
	if !found {
		return p.explain(nil)
	}
	p.result = r
	return ""
}

// parseWords is parse for a phrase with number words. Its memo of the runs
// of tokens read as numbers lives on the stack of this call only, so phrases
// in digits do not pay for it.
func (p *phraseParser) parseWords() string {
	var memo spanMemo
	r, found, reason := p.match(p.nt, &memo)
	if reason != "" {
		return reason
	}
	if !found {
		return p.explain(&memo)
	}
	p.result = r
	return ""
}

// hasNumberWords reports whether a token is a word that can only be read as
// (part of) a number.
func (p *phraseParser) hasNumberWords() bool {
	for _, t := range p.toks[:p.nt] {
		if t.lex.class.startsNumber() {
			return true
		}
	}
	return false
}

// spanMemo remembers how each run of tokens toks[i:j] reads as a number,
// so that trying every shape reads each run once: the search over a phrase
// of maxPhraseTokens tokens reads at most maxPhraseTokens² runs.
type spanMemo [maxPhraseTokens][maxPhraseTokens + 1]spanRead

// spanRead is a memoized reading: state 0 unread, 1 a number, 2 none.
type spanRead struct {
	n      int32
	state  uint8
	approx bool
}

// read returns how toks[i:j] reads as a number.
func (m *spanMemo) read(toks phraseTokens, i, j int) (n int, approx, ok bool) {
	r := &m[i][j]
	if r.state == 0 {
		r.state = 2
		if n, approx, ok := readNumber(toks[i:j]); ok {
			r.n, r.approx, r.state = int32(n), approx, 1
		}
	}
	return int(r.n), r.approx, r.state == 1
}

// normalize writes s into p.buf lower-cased, without accents, and with its
// white space collapsed to single ASCII spaces and trimmed: the result of
// strings.ToLower, NFD, removing the nonspacing marks (Mn), NFC and
// strings.Fields, without building a transformer. ASCII input takes a byte
// loop; another rune is lower-cased, and if its canonical decomposition is
// a base followed by nonspacing marks only, replaced by that base.
func (p *phraseParser) normalize(s string) string {
	n, space := 0, false
	put := func(b []byte) bool {
		if space {
			if n == len(p.buf) {
				return false
			}
			p.buf[n] = ' '
			n++
			space = false
		}
		if n+len(b) > len(p.buf) {
			return false
		}
		n += copy(p.buf[n:], b)
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				space = n > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if !put([]byte{c}) {
				return "phrase too long once normalized"
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			space = n > 0
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		}
		var enc [utf8.UTFMax]byte
		if !put(enc[:utf8.EncodeRune(enc[:], foldRune(unicode.ToLower(r)))]) {
			return "phrase too long once normalized"
		}
	}
	p.n = n
	return ""
}

// foldRune returns the base of r if r decomposes canonically into a base
// followed by nonspacing marks only ("á" is "a" and U+0301), and r otherwise.
func foldRune(r rune) rune {
	var enc [utf8.UTFMax]byte
	d := norm.NFD.Properties(enc[:utf8.EncodeRune(enc[:], r)]).Decomposition()
	if len(d) == 0 {
		return r
	}
	base, size := utf8.DecodeRune(d)
	for rest := d[size:]; len(rest) > 0; {
		m, size := utf8.DecodeRune(rest)
		if !unicode.Is(unicode.Mn, m) {
			return r
		}
		rest = rest[size:]
	}
	return base
}

// tokenize splits the normalized phrase into p.toks, or returns why it
// cannot.
func (p *phraseParser) tokenize() string {
	s := p.buf[:p.n]
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		if p.nt == len(p.toks) {
			return fmt.Sprintf("more than %d words", maxPhraseTokens)
		}
		tok := phraseToken{start: i}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case isASCIIDigit(c):
			n, end, reason := scanPhraseNumber(s, i)
			if reason != "" {
				return reason
			}
			tok.kind, i = '#', end
			tok.lex = lexeme{class: lexDigits, value: n}
		case c == '+' || c == '~':
			tok.kind, i = c, i+1
		case isPhraseDash(r):
			tok.kind, i = '-', i+size
		case unicode.IsLetter(r):
			// A word runs over letters, and over a hyphen between letters
			// ("twenty-two").
			for i < len(s) {
				r, size := utf8.DecodeRune(s[i:])
				if r == '-' && i > tok.start && i+1 < len(s) && isLetterAt(s, i+1) {
					i++
					continue
				}
				if !unicode.IsLetter(r) {
					break
				}
				i += size
			}
			tok.kind = 'w'
			tok.lex = lookupNumberWord(s[tok.start:i])
		default:
			return fmt.Sprintf("unexpected character %q", r)
		}
		tok.end = i
		if p.nt > 0 {
			prev := p.toks[p.nt-1]
			if prev.end == tok.start && prev.kind == '#' && tok.kind == 'w' && isExponent(s, tok.start, i) {
				return "scientific notation (such as 1e6) is not a count; write the number in digits"
			}
			if prev.end == tok.start && (prev.kind == 'w' && tok.kind == '#' || prev.kind == '#' && tok.kind == 'w') {
				return "missing space between a word and a number"
			}
		}
		p.toks[p.nt] = tok
		p.nt++
	}
	return ""
}

// plainCount returns the count that s writes in plain digits, with no
// leading zero, no sign, no space and no separator, at most MaxCount: the
// phrase the parser reads as exactly that count.
func plainCount(s string) (int, bool) {
	if s == "" || len(s) > 10 || len(s) > 1 && s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= MaxCount
}

// isExponent reports whether the word s[start:end], which follows a number
// with no space, is the exponent mark of scientific notation ("1e309",
// "2E+6"): a lone e followed by digits, with or without a sign.
func isExponent(s []byte, start, end int) bool {
	if end-start != 1 || s[start]|0x20 != 'e' || end >= len(s) {
		return false
	}
	if (s[end] == '+' || s[end] == '-') && end+1 < len(s) {
		end++
	}
	return isASCIIDigit(s[end])
}

func isLetterAt(s []byte, i int) bool {
	r, _ := utf8.DecodeRune(s[i:])
	return unicode.IsLetter(r)
}

// match finds what the first nt tokens state. Without number words (memo
// nil) a phrase has one reading, looked up whole. With number words, it is
// tried against every shape, each number taking any run of tokens that
// reads as one, and must have exactly one reading; reason is set when it has
// more.
func (p *phraseParser) match(nt int, memo *spanMemo) (r phraseResult, found bool, reason string) {
	if memo == nil {
		var shape [normBytes]byte
		n := 0
		for i, t := range p.toks[:nt] {
			if i > 0 {
				shape[n] = ' '
				n++
			}
			if t.kind == 'w' {
				n += copy(shape[n:], p.word(t))
			} else {
				shape[n] = t.kind
				n++
			}
		}
		kind, ok := phraseShapes.byShape[string(shape[:n])]
		if !ok {
			return phraseResult{}, false, ""
		}
		toks := phraseTokens(p.toks[:nt])
		return phraseResult{kind: kind, n: toks.number(0), m: toks.number(1)}, true, ""
	}
	m := matcher{p: p, toks: phraseTokens(p.toks[:nt]), memo: memo}
	for _, sh := range phraseShapes.numberLed {
		m.shape = sh
		m.try(0, 0, 0)
	}
	var first []byte
	if t := p.toks[0]; t.kind == 'w' {
		first = p.word(t)
	} else {
		first = []byte{t.kind}
	}
	for _, sh := range phraseShapes.byFirst[string(first)] {
		m.shape = sh
		m.try(0, 0, 0)
	}
	switch {
	case m.found == 0:
		return phraseResult{}, false, ""
	case m.ambiguous:
		return phraseResult{}, false, fmt.Sprintf("ambiguous number words: %q reads as %v and as %v",
			p.text(), m.first.quantityText(), m.other.quantityText())
	}
	return m.first, true, ""
}

// quantityText writes a result as ParseQuantity's caller would see it, for
// an error message.
func (r phraseResult) quantityText() string { return formatQuantity(r.kind, r.n, r.m) }

// number returns the value of the i-th number token (in digits).
func (ts phraseTokens) number(i int) int {
	for _, t := range ts {
		if t.kind == '#' {
			if i == 0 {
				return t.lex.value
			}
			i--
		}
	}
	return 0
}

type phraseTokens []phraseToken

// matcher tries one shape against tokens, numbers taking runs of tokens.
type matcher struct {
	p         *phraseParser
	toks      phraseTokens
	memo      *spanMemo
	shape     splitShape
	nums      [2]int
	approx    bool // the first number is a collective noun ("a dozen")
	found     int
	first     phraseResult
	other     phraseResult
	ambiguous bool
}

// try matches shape elements from e on against tokens from t on, with k
// numbers read so far. The depth is at most the shape's length; a number
// ends only where the shape's next word is (or at the end of the phrase),
// and each run is read once (memo), so the work is bounded.
func (m *matcher) try(t, e, k int) {
	elems := m.shape.elems
	if e == len(elems) {
		if t == len(m.toks) {
			m.accept(k)
		}
		return
	}
	if t == len(m.toks) {
		return
	}
	el := elems[e]
	if el != "#" {
		tok := m.toks[t]
		ok := false
		if tok.kind == 'w' {
			ok = string(m.p.word(tok)) == el
		} else {
			ok = len(el) == 1 && el[0] == tok.kind
		}
		if ok {
			m.try(t+1, e+1, k)
		}
		return
	}
	if k == len(m.nums) {
		return
	}
	for end := t + 1; end <= len(m.toks); end++ {
		if !m.canFollow(end, e+1) {
			continue
		}
		n, approx, ok := m.memo.read(m.toks, t, end)
		if !ok {
			continue
		}
		m.nums[k] = n
		if k == 0 {
			m.approx = approx
		}
		m.try(end, e+1, k+1)
	}
}

// canFollow reports whether shape element e can start at token t: the end
// of the shape at the end of the phrase, or a word or symbol equal to the
// token. A number (two in a row never occur in a shape) is not pruned.
func (m *matcher) canFollow(t, e int) bool {
	elems := m.shape.elems
	switch {
	case e == len(elems):
		return t == len(m.toks)
	case t == len(m.toks):
		return false
	case elems[e] == "#":
		return true
	}
	tok := m.toks[t]
	if tok.kind == 'w' {
		return string(m.p.word(tok)) == elems[e]
	}
	return len(elems[e]) == 1 && elems[e][0] == tok.kind
}

// accept records a complete reading.
func (m *matcher) accept(k int) {
	r := phraseResult{kind: m.shape.kind}
	if k > 0 {
		r.n = m.nums[0]
	}
	if k > 1 {
		r.m = m.nums[1]
	}
	// A collective noun alone is approximate: "a dozen" is about 12.
	if len(m.shape.elems) == 1 && r.kind == Exactly && m.approx {
		r.kind = About
	}
	switch {
	case m.found == 0:
		m.first = r
	case r != m.first && !m.ambiguous:
		m.other, m.ambiguous = r, true
	}
	m.found++
}

// explain returns why a well-formed sequence of tokens is not a quantity
// phrase. The reason quotes only quantity words and numbers, never the rest
// of the input, which may hold anything.
func (p *phraseParser) explain(memo *spanMemo) string {
	toks := p.toks[:p.nt]
	numbers := 0
	for i, t := range toks {
		if t.kind == '-' && i+1 < len(toks) && toks[i+1].kind == '#' && (i == 0 || toks[i-1].kind != '#') {
			if toks[i+1].lex.value == 0 {
				return "a count takes no sign; write 0 for none"
			}
			return "negative count"
		}
		if t.kind == '#' || t.lex.class.startsNumber() {
			numbers++
		}
	}
	for k := len(toks) - 1; k > 0; k-- {
		if _, found, _ := p.match(k, memo); found {
			return fmt.Sprintf("unexpected text after the quantity %q", string(p.buf[:toks[k-1].end]))
		}
	}
	if numbers == 0 {
		return "no number and no vague word (dozens, hundreds, thousands, some, several, a handful, scores)"
	}
	return "not a quantity phrase"
}

// scanPhraseNumber reads the number that starts at s[i], a digit, and
// returns its value and end, or why it is not a count.
func scanPhraseNumber(s []byte, i int) (n, end int, reason string) {
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
			return 0, 0, fmt.Sprintf("mixed thousands separators in %q", string(s[start:digitsEnd(s, i+1)]))
		}
		sep = s[i]
		j := digitsEnd(s, i+1)
		if first > 3 || j-(i+1) != 3 {
			return 0, 0, fmt.Sprintf("ambiguous thousands separator in %q", string(s[start:j]))
		}
		for k := i + 1; k < j; k++ {
			n, over = appendCountDigit(n, over, s[k])
		}
		i = j
		groups++
	}
	if s[start] == '0' && (first > 1 || groups > 0) {
		return 0, 0, fmt.Sprintf("leading zero in %q", string(s[start:i]))
	}
	if over {
		return 0, 0, fmt.Sprintf("number above MaxCount (%d)", MaxCount)
	}
	return n, i, ""
}

func digitsEnd(s []byte, i int) int {
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
