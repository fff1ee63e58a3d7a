package link_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
)

// Fuzz targets for every parser: none may panic; an error is a redacted
// *FieldError wrapping ErrInvalid; what is read reads back the same (as
// checkStringParseRoundTrip in net/netip's fuzz tests).

func FuzzParseCedula(f *testing.F) {
	for _, s := range []string{"V-12.345.678", "V12345678", "12.345.678", "E-84.512.309", "v 1", "V-0", "J-1",
		"V-12.34.678", "V. 12 345 678", "V-99.999.999", "100000000", "V-", "", "V--1", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := link.ParseCedula(s)
		if err != nil {
			checkRedacted(t, err)
			if c.IsValid() {
				t.Fatalf("ParseCedula(%q) returned a valid cédula with an error", s)
			}
			return
		}
		if !c.IsValid() || !strings.Contains(s, strings.TrimLeft(c.Canonical()[2:], "0")) && !strings.ContainsAny(s, ".,  ") {
			t.Fatalf("ParseCedula(%q) = %s", s, c.Canonical())
		}
		again, err := link.ParseCedula(c.Canonical())
		if err != nil || again != c {
			t.Fatalf("ParseCedula(%q) = %s, which reads back as %s (%v)", s, c.Canonical(), again.Canonical(), err)
		}
		if strings.Contains(c.String(), c.Canonical()[2:]) {
			t.Fatalf("String shows the number: %s", c.String())
		}
	})
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"José Luis Pérez García", "PÉREZ GARCÍA, José Luis", "María Pérez de González",
		"Juan de la Cruz", "de", "y", "a, b", "Ortega y Gasset, José", "O'Brien-Sáez", "ǰ", "ß", "İstanbul", "ﬀ", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := link.ParseName(s)
		if err != nil {
			checkRedacted(t, err)
			return
		}
		again, err := link.ParseName(n.Text())
		if err != nil {
			t.Fatalf("ParseName(%q) = %q, which it refuses: %v", s, n.Text(), err)
		}
		if !again.Equal(n) || again.Folded() != n.Folded() {
			t.Fatalf("ParseName(%q) = %q, which reads back as %q", s, n.Text(), again.Text())
		}
		if len(n.Tokens()) == 0 || n.String() != "Name(<redacted>)" || !utf8.ValidString(n.Text()) {
			t.Fatalf("ParseName(%q) = %q, tokens %q", s, n.Text(), n.Tokens())
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"JOSÉ", "Jose\u0301", "ß", "ǰ", "İ", "ﬀ", "\u0345", "ᾳ", "Ⅻ", "\xff\xfe", "  a\t\nb  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, fo := link.Normalize(s), link.Fold(s)
		if link.Normalize(n) != n || link.Fold(fo) != fo || link.Fold(n) != fo {
			t.Fatalf("not idempotent on %q: Normalize %q → %q, Fold %q → %q", s, n, link.Normalize(n), fo, link.Fold(fo))
		}
		if !utf8.ValidString(n) || !utf8.ValidString(fo) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
	})
}

func FuzzJaroWinkler(f *testing.F) {
	f.Add("MARTHA", "MARHTA")
	f.Add("JOSÉ", "JOSE")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := link.JaroWinkler(a, b)
		if s != link.JaroWinkler(b, a) || s < 0 || s > 1 || link.JaroWinkler(a, a) != 1 {
			t.Fatalf("JaroWinkler(%q, %q) = %v, reversed %v", a, b, s, link.JaroWinkler(b, a))
		}
	})
}

func FuzzParseToken(f *testing.F) {
	f.Add(strings.Repeat("ab", 32))
	f.Add(strings.Repeat("AB", 32))
	f.Add("xyz")
	f.Fuzz(func(t *testing.T, s string) {
		tok, err := link.ParseToken(s)
		if err != nil {
			return
		}
		again, err := link.ParseToken(tok.String())
		if err != nil || again != tok || !strings.EqualFold(tok.String(), s) {
			t.Fatalf("ParseToken(%q) = %s, reads back as %s (%v)", s, tok, again, err)
		}
	})
}

func FuzzParseWeight(f *testing.F) {
	for _, s := range []string{"+12.345", "-3.000", "0.000", "12.3", "+-1.000", "2147483.647", "-2147483.648", "2147483.648"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := link.ParseWeight(s)
		if err != nil {
			if !errors.Is(err, link.ErrInvalid) {
				t.Fatalf("ParseWeight(%q): %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		text, _ := w.MarshalText()
		var back link.Weight
		if err := back.UnmarshalText(text); err != nil || back != w {
			t.Fatalf("ParseWeight(%q) = %s, reads back as %s (%v)", s, w, back, err)
		}
	})
}

// FuzzEnumText round-trips the text forms of the enumerations.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"person_name", "exact", "each_surname", "cedula_id", "partial", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k link.Kind
		if k.UnmarshalText([]byte(s)) == nil {
			if b, err := k.MarshalText(); err != nil || string(b) != s || k.String() != s {
				t.Fatalf("Kind %q round-trips as %q (%v)", s, b, err)
			}
		}
		var l link.Level
		if l.UnmarshalText([]byte(s)) == nil {
			if b, err := l.MarshalText(); err != nil || string(b) != s {
				t.Fatalf("Level %q round-trips as %q (%v)", s, b, err)
			}
		}
		var p link.Part
		if p.UnmarshalText([]byte(s)) == nil {
			if b, err := p.MarshalText(); err != nil || string(b) != s {
				t.Fatalf("Part %q round-trips as %q (%v)", s, b, err)
			}
		}
	})
}

// The properties of the package also run as fuzz targets.

func FuzzNormalizeIsIdempotent(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(propNormalizeIdempotent)) }
func FuzzNameIsIdempotent(f *testing.F)          { f.Fuzz(rapid.MakeFuzz(propNameIdempotent)) }
func FuzzCedulaIsIdempotent(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(propCedulaIdempotent)) }
func FuzzJaroWinklerProperties(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(propJaroWinkler)) }
func FuzzLinkIsOrderInvariant(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(propOrderInvariant)) }
func FuzzClusterHoldsOneNationalID(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propOneNationalID)) }
func FuzzUniqueListsOneToOne(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(propOneToOne)) }
func FuzzAddingKeepsIDMatches(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(propAddingKeepsIDMatches)) }
func FuzzLinksExplained(f *testing.F)            { f.Fuzz(rapid.MakeFuzz(propLinksExplained)) }
