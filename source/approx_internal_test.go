package source

import (
	"net/url"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// TestApproxBoundsAreTheDecimalBounds: the integer fast path of
// lowerApprox and upperApprox gives exactly ⌈n(1−tol)⌉ and
// min(⌊n(1+tol)⌋, MaxCount) computed in decimal, for every count and every
// tolerance in [0, 1], with up to twelve decimals (beyond the fast path's
// nine, where the decimal path is taken).
func TestApproxBoundsAreTheDecimalBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.OneOf(rapid.IntRange(0, 1000), rapid.IntRange(0, MaxCount), rapid.Just(MaxCount)).Draw(t, "n")
		k := rapid.IntRange(0, 12).Draw(t, "decimals")
		one := decimal.NewFromInt(1)
		limit := one.Shift(int32(k)).IntPart()
		tol := decimal.New(rapid.Int64Range(0, limit).Draw(t, "coefficient"), -int32(k))
		lo := int(decimal.NewFromInt(int64(n)).Mul(one.Sub(tol)).Ceil().IntPart())
		hi := int(min(decimal.NewFromInt(int64(n)).Mul(one.Add(tol)).Floor().IntPart(), MaxCount))
		if got := lowerApprox(n, tol); got != lo {
			t.Fatalf("lowerApprox(%d, %s) = %d, want %d", n, tol, got, lo)
		}
		if got := upperApprox(n, tol); got != hi {
			t.Fatalf("upperApprox(%d, %s) = %d, want %d", n, tol, got, hi)
		}
	})
}

// TestPlainHTTPURLsAreThoseURLParseAccepts: every URL that the fast path
// of Citation.validate lets pass unparsed is one url.Parse reads as an
// absolute http or https URL with a host.
func TestPlainHTTPURLsAreThoseURLParseAccepts(t *testing.T) {
	chars := []rune("aZ09.-_~/?=&+,;:@!$*()'%#[] \t\x7fé\x00")
	rapid.Check(t, func(t *rapid.T) {
		prefix := rapid.SampledFrom([]string{"http://", "https://", "HTTP://", "http:/", "ftp://", ""}).Draw(t, "scheme")
		s := prefix + string(rapid.SliceOfN(rapid.SampledFrom(chars), 0, 24).Draw(t, "rest"))
		if !plainHTTPURL(s) {
			return
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			t.Fatalf("%q passes unparsed, but url.Parse gives %+v, %v", s, u, err)
		}
	})
	for _, s := range []string{"https://example.org/r/1", "http://foropenal.com", "https://a-b.c/x?y=1&z=2"} {
		if !plainHTTPURL(s) {
			t.Errorf("%q is plain", s)
		}
	}
}

// TestPlainCountsParseAsThePhraseParserReadsThem: the fast path of
// ParseQuantity for plain digits gives exactly what the phrase parser
// gives, and takes nothing the parser refuses.
func TestPlainCountsParseAsThePhraseParserReadsThem(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.StringMatching(`[0-9]{1,11}`), rapid.StringMatching(`[0-9 +,.-]{0,6}`)).Draw(t, "phrase")
		n, ok := plainCount(s)
		if !ok {
			return
		}
		var p phraseParser
		if reason := p.parse(s); reason != "" {
			t.Fatalf("%q: fast path %d, parser refuses: %s", s, n, reason)
		}
		if p.result.kind != Exactly || p.result.n != n {
			t.Fatalf("%q: fast path %d, parser %v %d", s, n, p.result.kind, p.result.n)
		}
	})
}
