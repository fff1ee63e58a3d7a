package source

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCount is the largest count any quantity or interval may hold
// (math.MaxInt32). Larger numbers are rejected, so that sums over many
// scopes cannot overflow int on 64-bit platforms.
const MaxCount = math.MaxInt32

// Interval is an integer interval of counts [lo, hi], where hi may be
// unbounded ([lo, ∞)). Every Interval satisfies 0 ≤ lo ≤ MaxCount and, when
// bounded, lo ≤ hi ≤ MaxCount: the constructors check it and there is no
// other way to build one, so an Interval is never empty.
//
// Interval is immutable and comparable: == and map keys work, and two
// Intervals are == exactly when they hold the same counts.
//
// The zero value is [0, ∞), "nothing known": it contains every count and is
// the identity of [Interval.Intersect].
type Interval struct {
	lo, hi  int // hi is 0 when unbounded, so that == compares values
	bounded bool
}

// NewInterval returns [lo, hi]. It requires 0 ≤ lo ≤ hi ≤ [MaxCount]; a
// negative or too large end is a [*FieldError] for "Interval.Lo" or
// "Interval.Hi", an inverted pair one for "Interval".
func NewInterval(lo, hi int) (Interval, error) {
	if err := checkIntervalEnd("Interval.Lo", lo); err != nil {
		return Interval{}, err
	}
	if err := checkIntervalEnd("Interval.Hi", hi); err != nil {
		return Interval{}, err
	}
	if lo > hi {
		return Interval{}, fieldErr("Interval", formatInterval(lo, hi, true), "low end %d above high end %d", lo, hi)
	}
	return Interval{lo: lo, hi: hi, bounded: true}, nil
}

// NewIntervalFrom returns the unbounded interval [lo, ∞). It requires
// 0 ≤ lo ≤ [MaxCount]; otherwise the error is a [*FieldError] for
// "Interval.Lo".
func NewIntervalFrom(lo int) (Interval, error) {
	if err := checkIntervalEnd("Interval.Lo", lo); err != nil {
		return Interval{}, err
	}
	return Interval{lo: lo}, nil
}

// Point returns [n, n], the interval of an exact count. It requires
// 0 ≤ n ≤ [MaxCount]; otherwise the error is a [*FieldError] for "Point".
func Point(n int) (Interval, error) {
	if err := checkIntervalEnd("Point", n); err != nil {
		return Interval{}, err
	}
	return Interval{lo: n, hi: n, bounded: true}, nil
}

// MustInterval is like [NewInterval] but panics on error. It is meant for
// tests and examples only, where the bounds are literals; code that handles
// input must call NewInterval.
func MustInterval(lo, hi int) Interval {
	i, err := NewInterval(lo, hi)
	if err != nil {
		panic(err)
	}
	return i
}

func checkIntervalEnd(field string, n int) error {
	switch {
	case n < 0:
		return fieldErr(field, strconv.Itoa(n), "negative count")
	case n > MaxCount:
		return fieldErr(field, strconv.Itoa(n), "count above MaxCount (%d)", MaxCount)
	}
	return nil
}

// Lo returns the low end of i, the smallest count it contains.
func (i Interval) Lo() int { return i.lo }

// Hi returns the high end of i and true, or 0 and false when i is unbounded.
func (i Interval) Hi() (hi int, bounded bool) { return i.hi, i.bounded }

// IsBounded reports whether i has a high end.
func (i Interval) IsBounded() bool { return i.bounded }

// Contains reports whether lo ≤ n ≤ hi (lo ≤ n when i is unbounded).
func (i Interval) Contains(n int) bool {
	return n >= i.lo && (!i.bounded || n <= i.hi)
}

// ContainsInterval reports whether every count of j is a count of i, that is
// whether j ⊆ i. An unbounded j is contained only in an unbounded i.
func (i Interval) ContainsInterval(j Interval) bool {
	if j.lo < i.lo {
		return false
	}
	if !i.bounded {
		return true
	}
	return j.bounded && j.hi <= i.hi
}

// Overlaps reports whether i and j share at least one count.
func (i Interval) Overlaps(j Interval) bool {
	_, ok := i.Intersect(j)
	return ok
}

// Intersect returns i ∩ j and true, or the zero Interval and false when the
// two share no count. Intersect is commutative and associative, and the zero
// Interval is its identity.
func (i Interval) Intersect(j Interval) (Interval, bool) {
	r := Interval{lo: max(i.lo, j.lo)}
	switch {
	case i.bounded && j.bounded:
		r.hi, r.bounded = min(i.hi, j.hi), true
	case i.bounded:
		r.hi, r.bounded = i.hi, true
	case j.bounded:
		r.hi, r.bounded = j.hi, true
	}
	if r.bounded && r.lo > r.hi {
		return Interval{}, false
	}
	return r, true
}

// Clamp returns the count of i nearest to n: lo when n is below i, hi when n
// is above a bounded i, and n itself when i contains it.
func (i Interval) Clamp(n int) int {
	if n < i.lo {
		return i.lo
	}
	if i.bounded && n > i.hi {
		return i.hi
	}
	return n
}

// Compare returns -1, 0 or +1 as i sorts before, equal to or after j. The
// order is total: by low end, then by high end with an unbounded high end
// last. Compare(j) == 0 exactly when i == j.
func (i Interval) Compare(j Interval) int {
	switch {
	case i.lo != j.lo:
		if i.lo < j.lo {
			return -1
		}
		return 1
	case i.bounded != j.bounded:
		if i.bounded {
			return -1
		}
		return 1
	case i.hi != j.hi:
		if i.hi < j.hi {
			return -1
		}
		return 1
	}
	return 0
}

// String returns i as "[104, 120]", or "[104, ∞)" when unbounded.
func (i Interval) String() string { return formatInterval(i.lo, i.hi, i.bounded) }

func formatInterval(lo, hi int, bounded bool) string {
	if !bounded {
		return "[" + strconv.Itoa(lo) + ", ∞)"
	}
	return "[" + strconv.Itoa(lo) + ", " + strconv.Itoa(hi) + "]"
}

// MarshalText writes [Interval.String]. It never fails.
func (i Interval) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// UnmarshalText reads what [Interval.MarshalText] writes, as
// [ParseInterval] does. On error i is left unchanged.
func (i *Interval) UnmarshalText(text []byte) error {
	j, err := ParseInterval(string(text))
	if err != nil {
		return err
	}
	*i = j
	return nil
}

// ParseInterval reads "[lo, hi]" or "[lo, ∞)", the form [Interval.String]
// writes. Spaces are optional around each part, and "inf" (in any case)
// may stand for "∞". The ends are plain decimal digits without sign,
// separator or leading zero, and must satisfy the rules of [NewInterval].
// Every error is a [*FieldError] for "Interval" that repeats s.
func ParseInterval(s string) (Interval, error) {
	p := intervalScanner{s: s}
	p.skipSpace()
	if !p.consume("[") {
		return Interval{}, fieldErr("Interval", s, "missing opening %q", "[")
	}
	p.skipSpace()
	lo, ok := p.number()
	if !ok {
		return Interval{}, fieldErr("Interval", s, "low end is not a count from 0 to %d", MaxCount)
	}
	p.skipSpace()
	if !p.consume(",") {
		return Interval{}, fieldErr("Interval", s, "missing %q between the ends", ",")
	}
	p.skipSpace()
	var i Interval
	if p.consume("∞") || p.consumeFold("inf") {
		p.skipSpace()
		if !p.consume(")") {
			return Interval{}, fieldErr("Interval", s, "unbounded interval must close with %q", ")")
		}
		i = Interval{lo: lo}
	} else {
		hi, ok := p.number()
		if !ok {
			return Interval{}, fieldErr("Interval", s, "high end is neither a count from 0 to %d nor %q", MaxCount, "∞")
		}
		p.skipSpace()
		if !p.consume("]") {
			return Interval{}, fieldErr("Interval", s, "bounded interval must close with %q", "]")
		}
		if lo > hi {
			return Interval{}, fieldErr("Interval", s, "low end %d above high end %d", lo, hi)
		}
		i = Interval{lo: lo, hi: hi, bounded: true}
	}
	p.skipSpace()
	if p.i != len(p.s) {
		return Interval{}, fieldErr("Interval", s, "unexpected text after the interval")
	}
	return i, nil
}

// intervalScanner reads the text form of an Interval.
type intervalScanner struct {
	s string
	i int
}

func (p *intervalScanner) skipSpace() {
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			return
		}
		p.i += size
	}
}

func (p *intervalScanner) consume(tok string) bool {
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *intervalScanner) consumeFold(tok string) bool {
	if len(p.s)-p.i >= len(tok) && strings.EqualFold(p.s[p.i:p.i+len(tok)], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

// number reads a count in [0, MaxCount] written with plain digits and no
// leading zero.
func (p *intervalScanner) number() (int, bool) {
	start := p.i
	n, over := 0, false
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		n, over = appendCountDigit(n, over, p.s[p.i])
		p.i++
	}
	digits := p.i - start
	if digits == 0 || over || (digits > 1 && p.s[start] == '0') {
		return 0, false
	}
	return n, true
}

// appendCountDigit returns n*10 + (d-'0'), or over = true once the result
// would exceed MaxCount. It never overflows int, even where int has 32 bits.
func appendCountDigit(n int, over bool, d byte) (int, bool) {
	v := int(d - '0')
	if over || n > (MaxCount-v)/10 {
		return n, true
	}
	return n*10 + v, false
}
