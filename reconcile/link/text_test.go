package link_test

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
)

func TestNormalizeAndFold(t *testing.T) {
	for _, tc := range []struct{ in, norm, fold string }{
		{"JOSÉ  Pérez", "josé pérez", "jose perez"},
		{" Peña\tNÚÑEZ ", "peña núñez", "pena nunez"},
		{"Jose\u0301", "josé", "jose"},
		{"STRAUß", "strauß", "strauß"},
		{"ᎠᎡ ꭰ", "ꭰꭱ ꭰ", "ꭰꭱ ꭰ"},
		{"ÇAĞLAR Øyvind", "çağlar øyvind", "caglar øyvind"},
		{"", "", ""},
		{"   ", "", ""},
		{"plain ascii", "plain ascii", "plain ascii"},
	} {
		if got := link.Normalize(tc.in); got != tc.norm {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.norm)
		}
		if got := link.Fold(tc.in); got != tc.fold {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.fold)
		}
	}
}

func drawText(t *rapid.T) string {
	return rapid.OneOf(rapid.String(), linktest.NameText(), rapid.StringMatching(`[A-Za-zÀ-ÿ \x{0300}-\x{036f}ßİı]{0,20}`)).Draw(t, "s")
}

func TestNormalizeIsIdempotent(t *testing.T) { rapid.Check(t, propNormalizeIdempotent) }

func propNormalizeIdempotent(t *rapid.T) {
	s := drawText(t)
	n := link.Normalize(s)
	if again := link.Normalize(n); again != n {
		t.Fatalf("Normalize(%q) = %q, but Normalize(%q) = %q", s, n, n, again)
	}
	f := link.Fold(s)
	if again := link.Fold(f); again != f {
		t.Fatalf("Fold(%q) = %q, but Fold(%q) = %q", s, f, f, again)
	}
	if link.Fold(n) != f {
		t.Fatalf("Fold(Normalize(%q)) = %q, Fold = %q", s, link.Fold(n), f)
	}
}

// checkRedacted fails unless err is made of *link.FieldErrors wrapping
// ErrInvalid whose text repeats none of secrets.
func checkRedacted(t testing.TB, err error, secrets ...string) {
	t.Helper()
	if !errors.Is(err, link.ErrInvalid) {
		t.Fatalf("error %v does not wrap ErrInvalid", err)
	}
	fe, ok := errors.AsType[*link.FieldError](err)
	if !ok {
		t.Fatalf("error %T %v is not a *FieldError", err, err)
	}
	if fe.Value != "<redacted>" {
		t.Fatalf("error repeats a value: %q", fe.Value)
	}
	for _, s := range secrets {
		if s = strings.TrimSpace(s); len(s) >= 3 && strings.Contains(err.Error(), s) {
			t.Fatalf("error %q repeats %q", err, s)
		}
	}
}

func TestParseCedulaReadsEveryFormatToOneNumber(t *testing.T) {
	for _, s := range []string{"V-12.345.678", "V12345678", "12.345.678", "12345678", "v 12345678",
		"V.12.345.678", "V- 12.345.678", "V 12 345 678", " V-012345678 ", "V-12,345,678"} {
		c, err := link.ParseCedula(s)
		if err != nil {
			t.Errorf("ParseCedula(%q): %v", s, err)
			continue
		}
		if c.Canonical() != "V-12345678" || c.Foreign() {
			t.Errorf("ParseCedula(%q) = %s", s, c.Canonical())
		}
	}
	e := link.MustCedula("E-84.512.309")
	if e.Canonical() != "E-84512309" || !e.Foreign() || e == link.MustCedula("V-84512309") {
		t.Errorf("E-84.512.309 reads as %s", e.Canonical())
	}
}

func TestParseCedulaRefusesMalformedNumbersWithoutRepeatingThem(t *testing.T) {
	for _, s := range []string{"", "V-", "J-12345678", "V-12.34.678", "V-123456789", "V-12.345.678-9",
		"V-12345O78", "0", "V-12.345 678", "Pérez", "V--12345678", strings.Repeat("1", 80)} {
		c, err := link.ParseCedula(s)
		if err == nil {
			t.Errorf("ParseCedula(%q) = %s, want an error", s, c.Canonical())
			continue
		}
		checkRedacted(t, err, s, strings.TrimPrefix(s, "V-"))
		if c.IsValid() {
			t.Errorf("ParseCedula(%q) returned a valid cédula with its error", s)
		}
	}
}

func TestParseCedulaIsIdempotent(t *testing.T) { rapid.Check(t, propCedulaIdempotent) }

func propCedulaIdempotent(t *rapid.T) {
	c := linktest.Cedula().Draw(t, "cedula")
	got, err := link.ParseCedula(c.Text)
	if err != nil {
		t.Fatal(err)
	}
	again, err := link.ParseCedula(got.Canonical())
	if err != nil || again != got {
		t.Fatalf("ParseCedula(%q) = %s, read back as %s (%v)", c.Text, got.Canonical(), again.Canonical(), err)
	}
}

func TestParseNameReadsSpanishNames(t *testing.T) {
	for _, tc := range []struct {
		in                         string
		given                      string
		paternal, maternal, wedded string
		text                       string
	}{
		{"José Luis Pérez García", "josé luis", "pérez", "garcía", "", "pérez garcía, josé luis"},
		{"PÉREZ GARCÍA, José Luis", "josé luis", "pérez", "garcía", "", "pérez garcía, josé luis"},
		{"María Pérez de González", "maría", "pérez", "", "gonzález", "pérez de gonzález, maría"},
		{"María Pérez García de González", "maría", "pérez", "garcía", "gonzález", "pérez garcía de gonzález, maría"},
		{"Juan de la Cruz Peña", "juan", "de la cruz", "peña", "", "de la cruz peña, juan"},
		{"José Ortega y Gasset", "josé", "ortega", "gasset", "", "ortega gasset, josé"},
		{"Pérez, María de los Ángeles", "maría de los ángeles", "pérez", "", "", "pérez, maría de los ángeles"},
		{"Andrés Bello", "andrés", "bello", "", "", "bello, andrés"},
		{"Yusmary", "yusmary", "", "", "", "yusmary"},
		{"O’Brien-Sáez, Seán", "seán", "o'brien-sáez", "", "", "o'brien-sáez, seán"},
		{"  ANA   lucía  MENDOZA ", "ana", "lucía", "mendoza", "", "lucía mendoza, ana"},
	} {
		n, err := link.ParseName(tc.in)
		if err != nil {
			t.Errorf("ParseName(%q): %v", tc.in, err)
			continue
		}
		if g := strings.Join(n.Given(), " "); g != tc.given || n.Paternal() != tc.paternal || n.Maternal() != tc.maternal || n.Married() != tc.wedded || n.Text() != tc.text {
			t.Errorf("ParseName(%q) = given %q, surnames %q %q, married %q, text %q", tc.in, g, n.Paternal(), n.Maternal(), n.Married(), n.Text())
		}
		if n.Folded() != link.Fold(n.Text()) {
			t.Errorf("ParseName(%q).Folded() = %q, want Fold(Text) %q", tc.in, n.Folded(), link.Fold(n.Text()))
		}
	}
	n := link.MustName("María José Pérez de la Cruz de González")
	if got := strings.Join(n.Tokens(), " "); got != "maria jose perez cruz gonzalez" {
		t.Errorf("Tokens = %q", got)
	}
}

func TestParseNameRefusesWithoutRepeatingTheName(t *testing.T) {
	for _, s := range []string{"", "   ", "José 2 Pérez", "Pérez, García, José", "José\x00Pérez", ", José", "Pérez,",
		"José (Cheo) Pérez", "de la", "José\xffPérez", strings.Repeat("Pérez ", 100)} {
		n, err := link.ParseName(s)
		if err == nil {
			t.Errorf("ParseName(%q) = %v, want an error", s, n.Text())
			continue
		}
		checkRedacted(t, err, "Pérez", "José", "García")
	}
}

func TestParseNameIsIdempotent(t *testing.T) { rapid.Check(t, propNameIdempotent) }

func propNameIdempotent(t *rapid.T) {
	s := rapid.OneOf(linktest.NameText(), rapid.String()).Draw(t, "name")
	n, err := link.ParseName(s)
	if err != nil {
		return
	}
	again, err := link.ParseName(n.Text())
	if err != nil {
		t.Fatalf("ParseName(%q) gives text %q, which it refuses: %v", s, n.Text(), err)
	}
	if !again.Equal(n) || again.Folded() != n.Folded() || strings.Join(again.Tokens(), " ") != strings.Join(n.Tokens(), " ") {
		t.Fatalf("ParseName(%q) = %q, but reading that back gives %q", s, n.Text(), again.Text())
	}
}
