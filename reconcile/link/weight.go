package link

import (
	"math"
	"strconv"
	"strings"
)

// Weight is a match weight: a base-2 log-likelihood ratio, in thousandths
// of a bit. A field that agrees adds a positive weight (the agreement is
// more likely between records of one person than between records of two),
// one that disagrees a negative weight; the sum of a pair's field weights
// and the prior is its score, the log-odds that the two records are of one
// person: score 0 is even odds, +6.644 bits 99 to 1.
//
// Weights are integers so that sums, thresholds and orderings are exact and
// the same on every platform; the float64 statistics they are read from
// (see the package documentation) are rounded once, to the nearest
// thousandth of a bit. The zero Weight is neutral evidence.
type Weight int32

// Bits is a Weight of one bit, to write thresholds: 5 * link.Bits.
const Bits Weight = 1000

// maxWeight bounds every weight, so that sums of up to 64 of them fit an
// int32 with room to spare.
const maxWeight = 10_000_000

// String returns the weight in bits with three decimals and a sign,
// "+12.345", "-3.000", or "0.000".
func (w Weight) String() string {
	if w == 0 {
		return "0.000"
	}
	sign := "+"
	v := int64(w) // int64: the negation of math.MinInt32 overflows int32
	if v < 0 {
		sign, v = "-", -v
	}
	frac := strconv.FormatInt(v%1000, 10)
	for len(frac) < 3 {
		frac = "0" + frac
	}
	return sign + strconv.FormatInt(v/1000, 10) + "." + frac
}

// weightOf rounds the statistic bits (log2 of a likelihood ratio) to a
// Weight, saturating at ±10,000 bits.
func weightOf(bits float64) Weight {
	switch {
	case math.IsNaN(bits):
		return 0
	case bits*1000 >= maxWeight:
		return maxWeight
	case bits*1000 <= -maxWeight:
		return -maxWeight
	}
	return Weight(math.Round(bits * 1000))
}

// ParseWeight reads a weight as [Weight.String] writes it: an optional sign,
// the bits, a period and exactly three decimals ("+12.345", "-3.000",
// "0.000").
func ParseWeight(s string) (Weight, error) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return 0, fieldErr("Weight", s, ErrInvalid, "want bits with three decimals, as +12.345")
	}
	whole, frac, ok := strings.Cut(body, ".")
	if !ok || len(frac) != 3 || whole == "" || len(whole) > 7 || !allDigits(whole) || !allDigits(frac) {
		return 0, fieldErr("Weight", s, ErrInvalid, "want bits with three decimals, as +12.345")
	}
	w, _ := strconv.ParseInt(whole+frac, 10, 64)
	if strings.HasPrefix(s, "-") {
		w = -w
	}
	if w > math.MaxInt32 || w < math.MinInt32 {
		return 0, fieldErr("Weight", s, ErrInvalid, "out of range")
	}
	return Weight(w), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MarshalText writes [Weight.String].
func (w Weight) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText reads a weight as [ParseWeight] does.
func (w *Weight) UnmarshalText(text []byte) error {
	v, err := ParseWeight(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
