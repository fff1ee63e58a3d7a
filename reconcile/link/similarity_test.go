package link_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
)

// TestJaroWinklerMatchesPublishedVectors pins the implementation to the
// values of Winkler's papers and every textbook since.
func TestJaroWinklerMatchesPublishedVectors(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"MARTHA", "MARHTA", 0.9611},
		{"DWAYNE", "DUANE", 0.8400},
		{"DIXON", "DICKSONX", 0.8133},
		{"JELLYFISH", "SMELLYFISH", 0.8963},
		{"CRATE", "TRACE", 0.7333},
		{"", "", 1},
		{"ABC", "", 0},
		{"ABC", "XYZ", 0},
		{"SAME", "SAME", 1},
	} {
		for _, pair := range [][2]string{{tc.a, tc.b}, {tc.b, tc.a}} {
			if got := link.JaroWinkler(pair[0], pair[1]); math.Abs(got-tc.want) > 0.00005 {
				t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.4f", pair[0], pair[1], got, tc.want)
			}
		}
	}
}

// TestJaroWinklerComparesCharactersNotBytes: "É" is one character of two
// bytes; counting bytes would give JOSÉ five characters.
func TestJaroWinklerComparesCharactersNotBytes(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		// Three of four characters match, three in the prefix:
		// jaro (3/4 + 3/4 + 1) / 3 = 0.8333, + 3 × 0.1 × 0.1667.
		{"JOSÉ", "JOSE", 0.8833},
		{"PEÑA", "PENA", 0.8667},
		{"MUÑOZ", "MUNOZ", 0.8933},
		{"ÑAÑEZ", "ÑAÑEZ", 1},
		// Decomposed, É is two code points (E and a combining acute):
		// five characters against four. Normalize composes it first.
		{"JOSE\u0301", "JOSÉ", 0.8483},
		{link.Normalize("JOSE\u0301"), link.Normalize("JOSÉ"), 1},
	} {
		if got := link.JaroWinkler(tc.a, tc.b); math.Abs(got-tc.want) > 0.00005 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
	}
}

func drawWord(t *rapid.T, label string) string {
	return rapid.OneOf(
		rapid.String(),
		rapid.StringMatching(`[A-ZÁÉÍÓÚÑ]{0,10}`),
		linktest.NameText(),
	).Draw(t, label)
}

func TestJaroWinklerIsSymmetricBoundedAndOneForEqualStrings(t *testing.T) {
	rapid.Check(t, propJaroWinkler)
}

func propJaroWinkler(t *rapid.T) {
	a, b := drawWord(t, "a"), drawWord(t, "b")
	s, r := link.JaroWinkler(a, b), link.JaroWinkler(b, a)
	if s != r {
		t.Fatalf("JaroWinkler(%q, %q) = %v but JaroWinkler(%q, %q) = %v", a, b, s, b, a, r)
	}
	if !(s >= 0 && s <= 1) {
		t.Fatalf("JaroWinkler(%q, %q) = %v, outside [0, 1]", a, b, s)
	}
	if e := link.JaroWinkler(a, a); e != 1 {
		t.Fatalf("JaroWinkler(%q, itself) = %v", a, e)
	}
	if a != b && utf8.ValidString(a) && utf8.ValidString(b) && s == 1 {
		t.Fatalf("JaroWinkler(%q, %q) = 1 for different strings", a, b)
	}
}
