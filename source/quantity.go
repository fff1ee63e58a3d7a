package source

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/internal/enum"
)

// QuantityKind is how a number was said: exactly, as a bound, as an
// approximation, as a range, or as a vague word. The zero value means
// "unset" and is not valid.
type QuantityKind uint8

// Values of [QuantityKind]. The comment of each gives its phrase and the
// interval [Quantity.Bounds] derives from it.
const (
	// Exactly is a bare figure: "104", [104, 104].
	Exactly QuantityKind = 1 + iota
	// AtLeast is an inclusive lower bound: "at least 104", "104 or more",
	// "al menos 104", [104, ∞).
	AtLeast
	// MoreThan is an exclusive lower bound: "more than 100", "over 100",
	// "más de 100", [101, ∞).
	MoreThan
	// AtMost is an inclusive upper bound: "at most 36", "up to 36",
	// "hasta 36", [0, 36].
	AtMost
	// FewerThan is an exclusive upper bound: "fewer than 10", "under 10",
	// "menos de 10", [0, 9].
	FewerThan
	// About is an approximation either way: "about 300", "some 300",
	// "unos 300", [270, 330] at the default tolerance.
	About
	// Nearly is an approximation from below: "nearly 400", "almost 400",
	// "casi 400", [360, 400] at the default tolerance.
	Nearly
	// Between is a stated range: "between 800 and 900", "800–900",
	// "entre 800 y 900", [800, 900].
	Between
	// Dozens is the vague word "dozens" ("decenas"): [12, 99]. Spanish
	// "decenas" is literally "tens"; it is read as dozens, whose
	// conservative point 12 is the one ACLED codes.
	Dozens
	// Hundreds is the vague word "hundreds" ("centenares", "cientos"):
	// [100, 999].
	Hundreds
	// Thousands is the vague word "thousands" ("miles"): [1000, 9999].
	Thousands
	// Some says that some were freed without any figure: "some"
	// (not followed by a number: "some 300" is [About]), "algunos",
	// "algunas"; [1, ∞). It is the only kind with no stated figure:
	// [Quantity.HasFigure] is false, and the 1 that [Quantity.Number] and
	// [Quantity.Stated] give is its least count, not a figure to quote.
	Some
	// Several is the vague word "several" ("varios", "varias"): [3, 19].
	// "Several" is more than two; above a score one says "dozens" or
	// "una veintena".
	Several
	// Handful is a vague small count: "a handful", "a few", "un puñado",
	// "unos pocos", "unos cuantos"; [2, 9]. Plural, so at least two; below
	// ten, where "tens" and "a dozen" begin.
	Handful
	// Scores is the vague word "scores" (of twenty): [40, 199]. Plural, so
	// at least two score; below two hundred, which is "hundreds".
	Scores
	// SeveralDozen is "several dozen" ("varias decenas", "varias
	// docenas"): [20, 99]. The low end is two tens, the least either
	// language's words are used for ("varias decenas" of 20-odd); the high
	// end is that of [Dozens].
	SeveralDozen
	// SeveralThousand is "several thousand" ("varios miles"): [2000, 9999].
	// The low end is two thousand, as "several dozen" starts at two tens;
	// the high end is that of [Thousands].
	SeveralThousand
	// TensOfThousands is "tens of thousands" ("decenas de miles"):
	// [10000, 99999].
	TensOfThousands
	// HundredsOfThousands is "hundreds of thousands" ("cientos de miles",
	// "centenares de miles"): [100000, 999999].
	HundredsOfThousands
)

var quantityKindNames = enum.Names{"", "exactly", "at_least", "more_than", "at_most", "fewer_than", "about", "nearly", "between", "dozens", "hundreds", "thousands",
	"some", "several", "handful", "scores", "several_dozen", "several_thousand", "tens_of_thousands", "hundreds_of_thousands"}

// String returns the kind's snake_case name ("exactly", "at_least",
// "more_than", ...), or "QuantityKind(N)" for an unknown value (the zero
// value gives "QuantityKind(0)").
func (k QuantityKind) String() string { return enum.String(quantityKindNames, "QuantityKind", k) }

// IsValid reports whether k is one of the named kinds (not the zero value).
func (k QuantityKind) IsValid() bool { return enum.Valid(quantityKindNames, k) }

// IsVague reports whether k is a vague word without a number: [Dozens],
// [Hundreds], [Thousands], [Some], [Several], [Handful], [Scores],
// [SeveralDozen], [SeveralThousand], [TensOfThousands] or
// [HundredsOfThousands]. A vague kind takes no number ([NewVague] builds it) and
// has fixed bounds; each but Some states its low end as a conservative
// figure.
func (k QuantityKind) IsVague() bool {
	switch k {
	case Dozens, Hundreds, Thousands, Some, Several, Handful, Scores, SeveralDozen,
		SeveralThousand, TensOfThousands, HundredsOfThousands:
		return true
	}
	return false
}

// MarshalText writes the snake_case name; an unnamed value is an error.
func (k QuantityKind) MarshalText() ([]byte, error) {
	return enum.Marshal(quantityKindNames, "QuantityKind", k, badEnum)
}

// UnmarshalText reads a name that [QuantityKind.MarshalText] writes. On error
// k is left unchanged.
func (k *QuantityKind) UnmarshalText(text []byte) error {
	return enum.Unmarshal(quantityKindNames, "QuantityKind", text, k, badEnum)
}

// Conservative points and upper ends of the vague words. ACLED, in its
// guidance on reported fatalities (the "Fatalities" questions of its
// methodology pages, 2023, and its codebook), uses the most conservative
// estimate a vague report allows and codes "tens" as 10, "dozens" as 12 and
// "hundreds" as 100, "and so on"; "thousands" follows the same rule as 1000.
// Each word admits counts up to the next order of magnitude: "hundreds" is
// not yet "thousands". The words added since (some, several, a handful,
// scores, several dozen) follow the same rule: the point is the least count
// the words allow, the high end the count at which another word would be
// used; see each kind's comment for the reasoning.
const (
	dozensPoint              = 12
	dozensHigh               = 99
	hundredsPoint            = 100
	hundredsHigh             = 999
	thousandsPoint           = 1000
	thousandsHigh            = 9999
	somePoint                = 1
	severalPoint             = 3
	severalHigh              = 19
	handfulPoint             = 2
	handfulHigh              = 9
	scoresPoint              = 40
	scoresHigh               = 199
	severalDozenPoint        = 20
	severalDozenHigh         = 99
	severalThousandPoint     = 2000
	severalThousandHigh      = 9999
	tensOfThousandsPoint     = 10000
	tensOfThousandsHigh      = 99999
	hundredsOfThousandsPoint = 100000
	hundredsOfThousandsHigh  = 999999
)

// Quantity is what number a source said and how: "104", "at least 104",
// "more than 100", "about 300", "between 800 and 900", "dozens". It keeps the
// words' meaning, not only a figure, so that a bound stays a bound; see
// [Quantity.Bounds] for the counts it admits and [Quantity.Stated] for the
// figures it names.
//
// Quantity is immutable and comparable: == and map keys work, and two
// Quantities are == exactly when they have the same kind and numbers
// (whatever phrase they were parsed from: "over 100" == "más de 100").
//
// The zero value is unset and not valid ([Quantity.IsValid] is false): it
// says nothing, its bounds are the zero [Interval] [0, ∞), and it has no text
// form.
type Quantity struct {
	kind QuantityKind
	n    int // the number said; Between: the low end; vague kinds: 0
	hi   int // Between: the high end; otherwise 0
}

// NewQuantity returns the quantity of a kind that takes one number: Exactly,
// AtLeast, MoreThan, AtMost, FewerThan, About or Nearly. It requires
// 0 ≤ n ≤ [MaxCount], and a bound that leaves some count: "fewer than 0" and
// "more than MaxCount" are errors.
//
// A kind that does not take one number ([Between], the vague kinds, or an
// unnamed value) is a [*FieldError] for "Quantity.Kind"; a bad number is one
// for "Quantity" whose Value is the phrase, such as "about -5".
func NewQuantity(kind QuantityKind, n int) (Quantity, error) {
	q, err := newSingleQuantity(kind, n)
	if err != nil {
		return Quantity{}, err
	}
	return q, nil
}

func newSingleQuantity(kind QuantityKind, n int) (Quantity, *FieldError) {
	switch {
	case !kind.IsValid():
		return Quantity{}, fieldErr("Quantity.Kind", kind.String(), "unknown quantity kind")
	case kind == Between:
		return Quantity{}, fieldErr("Quantity.Kind", kind.String(), "between takes two numbers: use NewBetween")
	case kind.IsVague():
		return Quantity{}, fieldErr("Quantity.Kind", kind.String(), "%s takes no number: use NewVague", kind)
	case n < 0:
		return Quantity{}, fieldErr("Quantity", formatQuantity(kind, n, 0), "negative count")
	case n > MaxCount:
		return Quantity{}, fieldErr("Quantity", formatQuantity(kind, n, 0), "count above MaxCount (%d)", MaxCount)
	case kind == FewerThan && n == 0:
		return Quantity{}, fieldErr("Quantity", formatQuantity(kind, n, 0), "no count is fewer than 0")
	case kind == MoreThan && n == MaxCount:
		return Quantity{}, fieldErr("Quantity", formatQuantity(kind, n, 0), "no count above MaxCount (%d) is allowed", MaxCount)
	}
	return Quantity{kind: kind, n: n}, nil
}

// NewBetween returns the range "between lo and hi". It requires
// 0 ≤ lo ≤ hi ≤ [MaxCount]: a bad end is a [*FieldError] for "Between.Low"
// or "Between.High", and an inverted range ("between 900 and 800") one for
// "Between" that names both ends. A range of one number (lo == hi) is
// allowed.
func NewBetween(lo, hi int) (Quantity, error) {
	q, err := newBetweenQuantity(lo, hi)
	if err != nil {
		return Quantity{}, err
	}
	return q, nil
}

func newBetweenQuantity(lo, hi int) (Quantity, *FieldError) {
	for _, end := range [...]struct {
		field string
		n     int
	}{{"Between.Low", lo}, {"Between.High", hi}} {
		switch {
		case end.n < 0:
			return Quantity{}, fieldErr(end.field, strconv.Itoa(end.n), "negative count")
		case end.n > MaxCount:
			return Quantity{}, fieldErr(end.field, strconv.Itoa(end.n), "count above MaxCount (%d)", MaxCount)
		}
	}
	if lo > hi {
		return Quantity{}, fieldErr("Between", formatQuantity(Between, lo, hi), "low end %d above high end %d", lo, hi)
	}
	return Quantity{kind: Between, n: lo, hi: hi}, nil
}

// NewVague returns the vague word of kind, one for which
// [QuantityKind.IsVague] holds: [Dozens], [Hundreds], [Thousands], [Some],
// [Several], [Handful], [Scores] or [SeveralDozen]. Any other kind is a
// [*FieldError] for "Quantity.Kind".
func NewVague(kind QuantityKind) (Quantity, error) {
	if !kind.IsVague() {
		return Quantity{}, fieldErr("Quantity.Kind", kind.String(),
			"not a vague word (dozens, hundreds, thousands, some, several, a handful, scores, several dozen)")
	}
	return Quantity{kind: kind}, nil
}

// MustQuantity is like [ParseQuantity] but panics on error. It is meant for
// tests and examples only, where the phrase is a literal; code that handles
// input must call ParseQuantity.
func MustQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// IsValid reports whether q was built by a constructor or parser, that is
// whether it is not the zero value.
func (q Quantity) IsValid() bool { return q.kind.IsValid() }

// Kind returns how the number was said; the zero Quantity gives 0.
func (q Quantity) Kind() QuantityKind { return q.kind }

// Number returns the number said: n for the kinds that take one number, the
// low end for [Between], and the conservative point for a vague word
// (12 for dozens, 100 for hundreds, 1000 for thousands; see
// [Quantity.Stated]). The zero Quantity gives 0.
//
// [Some] gives 1, its least count; it states no figure, so a reader must
// check [Quantity.HasFigure] before quoting Number as "the figure".
func (q Quantity) Number() int {
	lo, _ := q.Stated()
	return lo
}

// HasFigure reports whether q states a figure a reader may quote: it is
// true for every valid Quantity but one of kind [Some] ("some were freed"),
// whose [Quantity.Number] and [Quantity.Stated] give its least count, 1,
// and not a figure anyone said. The zero Quantity states nothing and gives
// false.
func (q Quantity) HasFigure() bool { return q.IsValid() && q.kind != Some }

// Stated returns the figures as stated, lo ≤ hi:
//
//	kind                        lo    hi
//	Exactly ... Nearly n        n     n
//	Between a, b                a     b
//	Dozens                      12    12
//	Hundreds                    100   100
//	Thousands                   1000  1000
//	Some                        1     1     (no figure: see HasFigure)
//	Several                     3     3
//	Handful                     2     2
//	Scores                      40    40
//	SeveralDozen                20    20
//	SeveralThousand             2000  2000
//	TensOfThousands             10000 10000
//	HundredsOfThousands         100000 100000
//	zero Quantity               0     0
//
// A vague word states its conservative point twice: ACLED's codebook, in its
// guidance on reported fatalities, codes "dozens" as 12 and "hundreds" as
// 100 when sources give only a vague estimate, and "thousands" is read the
// same way as 1000; the other vague words state the low end of their bounds
// by the same rule. The stated figures are what a reader would quote as "the figure"
// (the 104 of "at least 104"), whereas [Quantity.Bounds] is what the words
// admit. [Some] states no figure at all: its 1 is only its least count, and
// [Quantity.HasFigure] is false.
func (q Quantity) Stated() (lo, hi int) {
	switch q.kind {
	case Between:
		return q.n, q.hi
	case Dozens:
		return dozensPoint, dozensPoint
	case Hundreds:
		return hundredsPoint, hundredsPoint
	case Thousands:
		return thousandsPoint, thousandsPoint
	case Some:
		return somePoint, somePoint
	case Several:
		return severalPoint, severalPoint
	case Handful:
		return handfulPoint, handfulPoint
	case Scores:
		return scoresPoint, scoresPoint
	case SeveralDozen:
		return severalDozenPoint, severalDozenPoint
	case SeveralThousand:
		return severalThousandPoint, severalThousandPoint
	case TensOfThousands:
		return tensOfThousandsPoint, tensOfThousandsPoint
	case HundredsOfThousands:
		return hundredsOfThousandsPoint, hundredsOfThousandsPoint
	}
	return q.n, q.n
}

// DefaultTolerance returns 0.1 (10 %), the relative width that
// [Quantity.Bounds] gives to "about" and "nearly". reconcile.Policy may
// choose another through [Quantity.BoundsTolerance].
func DefaultTolerance() decimal.Decimal { return decimal.New(1, -1) }

// Bounds returns the counts q admits, with [DefaultTolerance]; see
// [Quantity.BoundsTolerance] for the table. The zero Quantity gives the zero
// Interval, [0, ∞): it says nothing.
func (q Quantity) Bounds() Interval { return q.bounds(defaultTolerance) }

// decimalOne and defaultTolerance are made once: a claim reader bounds
// every quantity it reads, and a decimal built per call is an allocation
// per claim. Decimals are never modified in place, so sharing them is safe.
var (
	decimalOne       = decimal.NewFromInt(1)
	defaultTolerance = DefaultTolerance()
)

// BoundsTolerance returns the counts q admits, where tol (0 ≤ tol ≤ 1) is
// the relative width of "about" and "nearly":
//
//	kind           bounds
//	Exactly n      [n, n]
//	AtLeast n      [n, ∞)
//	MoreThan n     [n+1, ∞)
//	AtMost n       [0, n]
//	FewerThan n    [0, n−1]
//	About n        [⌈n(1−tol)⌉, ⌊n(1+tol)⌋], the high end capped at MaxCount
//	Nearly n       [⌈n(1−tol)⌉, n]
//	Between a, b   [a, b]
//	Dozens         [12, 99]
//	Hundreds       [100, 999]
//	Thousands      [1000, 9999]
//	Some           [1, ∞)
//	Several        [3, 19]
//	Handful        [2, 9]
//	Scores         [40, 199]
//	SeveralDozen   [20, 99]
//	SeveralThousand      [2000, 9999]
//	TensOfThousands      [10000, 99999]
//	HundredsOfThousands  [100000, 999999]
//	zero Quantity  [0, ∞)
//
// The arithmetic is exact (decimal, never float): "about 313" at tol 0.1 is
// [⌈281.7⌉, ⌊344.3⌋] = [282, 344]. The bounds widen as tol grows, and at
// tol 0 "about n" and "nearly n" are [n, n].
//
// A tol outside [0, 1] is a [*FieldError] for "Tolerance".
func (q Quantity) BoundsTolerance(tol decimal.Decimal) (Interval, error) {
	if tol.IsNegative() || tol.GreaterThan(decimalOne) {
		return Interval{}, fieldErr("Tolerance", tol.String(), "tolerance outside [0, 1]")
	}
	return q.bounds(tol), nil
}

// bounds implements BoundsTolerance for a tol already checked to lie in
// [0, 1]. Every result satisfies the invariants of Interval because q does.
func (q Quantity) bounds(tol decimal.Decimal) Interval {
	n := q.n
	switch q.kind {
	case Exactly:
		return Interval{lo: n, hi: n, bounded: true}
	case AtLeast:
		return Interval{lo: n}
	case MoreThan:
		return Interval{lo: n + 1}
	case AtMost:
		return Interval{lo: 0, hi: n, bounded: true}
	case FewerThan:
		return Interval{lo: 0, hi: n - 1, bounded: true}
	case About:
		return Interval{lo: lowerApprox(n, tol), hi: upperApprox(n, tol), bounded: true}
	case Nearly:
		return Interval{lo: lowerApprox(n, tol), hi: n, bounded: true}
	case Between:
		return Interval{lo: n, hi: q.hi, bounded: true}
	case Dozens:
		return Interval{lo: dozensPoint, hi: dozensHigh, bounded: true}
	case Hundreds:
		return Interval{lo: hundredsPoint, hi: hundredsHigh, bounded: true}
	case Thousands:
		return Interval{lo: thousandsPoint, hi: thousandsHigh, bounded: true}
	case Some:
		return Interval{lo: somePoint}
	case Several:
		return Interval{lo: severalPoint, hi: severalHigh, bounded: true}
	case Handful:
		return Interval{lo: handfulPoint, hi: handfulHigh, bounded: true}
	case Scores:
		return Interval{lo: scoresPoint, hi: scoresHigh, bounded: true}
	case SeveralDozen:
		return Interval{lo: severalDozenPoint, hi: severalDozenHigh, bounded: true}
	case SeveralThousand:
		return Interval{lo: severalThousandPoint, hi: severalThousandHigh, bounded: true}
	case TensOfThousands:
		return Interval{lo: tensOfThousandsPoint, hi: tensOfThousandsHigh, bounded: true}
	case HundredsOfThousands:
		return Interval{lo: hundredsOfThousandsPoint, hi: hundredsOfThousandsHigh, bounded: true}
	}
	return Interval{}
}

// lowerApprox returns ⌈n(1−tol)⌉, which lies in [0, n] for tol in [0, 1].
func lowerApprox(n int, tol decimal.Decimal) int {
	if d, ok := approxDelta(n, tol); ok {
		return n - d // ⌈n − x⌉ = n − ⌊x⌋ for a whole n
	}
	one := decimal.NewFromInt(1)
	return int(decimal.NewFromInt(int64(n)).Mul(one.Sub(tol)).Ceil().IntPart())
}

// upperApprox returns ⌊n(1+tol)⌋ capped at MaxCount. The product is at most
// 2·MaxCount, so it fits int64; it is capped before the conversion to int.
func upperApprox(n int, tol decimal.Decimal) int {
	if d, ok := approxDelta(n, tol); ok {
		return int(min(int64(n)+int64(d), MaxCount))
	}
	one := decimal.NewFromInt(1)
	hi := decimal.NewFromInt(int64(n)).Mul(one.Add(tol)).Floor().IntPart()
	return int(min(hi, MaxCount))
}

// approxDelta returns ⌊n·tol⌋ in integers, exactly, where tol has at most
// nine digits and nine decimals and n is a count (0 to MaxCount): then
// n·coefficient < 2³¹·10⁹ fits an int64. The decimal arithmetic it stands
// in for allocates a few big integers a call, and every "about" of every
// claim read goes through here. ok is false for any other tol.
func approxDelta(n int, tol decimal.Decimal) (int, bool) {
	exp := tol.Exponent()
	if n < 0 || n > MaxCount || exp > 0 || exp < -9 || tol.Sign() < 0 || tol.NumDigits() > 9 {
		return 0, false
	}
	return int(int64(n) * tol.CoefficientInt64() / pow10[-exp]), true
}

// pow10 are the powers of ten that approxDelta divides by.
var pow10 = [...]int64{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000}

// String returns q in canonical English, which [ParseQuantity] reads back
// to q: "104", "at least 104", "more than 100", "at most 36",
// "fewer than 10", "about 300", "nearly 400", "between 800 and 900",
// "dozens", "hundreds", "thousands", "some", "several", "a handful",
// "scores", "several dozen", "several thousand", "tens of thousands",
// "hundreds of thousands". Numbers are written with plain digits.
// The zero Quantity gives "<unset>", which does not parse.
func (q Quantity) String() string { return formatQuantity(q.kind, q.n, q.hi) }

func formatQuantity(kind QuantityKind, n, hi int) string {
	num := strconv.Itoa(n)
	switch kind {
	case Exactly:
		return num
	case AtLeast:
		return "at least " + num
	case MoreThan:
		return "more than " + num
	case AtMost:
		return "at most " + num
	case FewerThan:
		return "fewer than " + num
	case About:
		return "about " + num
	case Nearly:
		return "nearly " + num
	case Between:
		return "between " + num + " and " + strconv.Itoa(hi)
	case Dozens, Hundreds, Thousands, Some, Several, Scores:
		return kind.String()
	case Handful:
		return "a handful"
	case SeveralDozen:
		return "several dozen"
	case SeveralThousand:
		return "several thousand"
	case TensOfThousands:
		return "tens of thousands"
	case HundredsOfThousands:
		return "hundreds of thousands"
	}
	return "<unset>"
}

// MarshalText writes [Quantity.String]. The zero Quantity has no text form
// and is an error.
func (q Quantity) MarshalText() ([]byte, error) {
	if !q.IsValid() {
		return nil, fieldErr("Quantity", q.String(), "the zero Quantity has no text form")
	}
	return []byte(q.String()), nil
}

// UnmarshalText reads any phrase [ParseQuantity] accepts, in particular what
// [Quantity.MarshalText] writes. On error q is left unchanged.
func (q *Quantity) UnmarshalText(text []byte) error {
	v, err := ParseQuantity(string(text))
	if err != nil {
		return err
	}
	*q = v
	return nil
}
