package link

import (
	"testing"

	"pgregory.net/rapid"
)

// White-box properties of the comparison helpers.

func TestEditDistanceCountsTyposAndTranspositions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"12345678", "12345678", 0},
		{"12345678", "12345687", 1}, // transposition
		{"12345678", "12345679", 1}, // substitution
		{"12345678", "1234567", 1},  // deletion
		{"12345678", "21436587", 3},
		{"perez", "pérez", 1}, // one character, two bytes
		{"abc", "xyz", 3},
	} {
		if got := editDistance(tc.a, tc.b, 2); got != min(tc.want, 3) {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, min(tc.want, 3))
		}
	}
}

func TestEditDistanceIsSymmetricAndCapped(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.StringMatching(`[0-9a-cé]{0,12}`).Draw(t, "a")
		b := rapid.StringMatching(`[0-9a-cé]{0,12}`).Draw(t, "b")
		limit := rapid.IntRange(0, 4).Draw(t, "limit")
		d := editDistance(a, b, limit)
		if d != editDistance(b, a, limit) {
			t.Fatalf("asymmetric")
		}
		if d > limit+1 || (d == 0) != (a == b) {
			t.Fatalf("editDistance(%q, %q, %d) = %d", a, b, limit, d)
		}
		if full := editDistance(a, b, 100); min(full, limit+1) != d {
			t.Fatalf("capped %d, uncapped %d", d, full)
		}
	})
}

// The cheap bounds must never be beaten: they decide which pairs are
// spared the exact computation.
func TestBoundsHold(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := []rune(rapid.StringMatching(`[a-eáñ]{0,12}`).Draw(t, "a"))
		b := []rune(rapid.StringMatching(`[a-eáñ]{0,12}`).Draw(t, "b"))
		if s, u := jaroWinkler(a, b), jwUpper(a, b); s > u+1e-12 {
			t.Fatalf("jaroWinkler(%q, %q) = %v above its bound %v", string(a), string(b), s, u)
		}
		if d, l := osa(a, b, 100), bagDistance(a, b); l > d {
			t.Fatalf("bag distance %d above edit distance %d", l, d)
		}
	})
}

func TestWeightString(t *testing.T) {
	for w, want := range map[Weight]string{0: "0.000", 1: "+0.001", -1500: "-1.500", 12345: "+12.345", Bits: "+1.000"} {
		if got := w.String(); got != want {
			t.Errorf("Weight(%d).String() = %q, want %q", int32(w), got, want)
		}
	}
}

// TestPhoneticKeys checks the sound keys the documentation promises, and
// that words pronounced differently keep different keys.
func TestPhoneticKeys(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"sofia", "sophia"}, {"gonzalez", "gonsales"}, {"yusmary", "llusmari"},
		{"valeria", "baleria"}, {"jimenez", "gimenez"}, {"hernandez", "ernandez"},
	} {
		if pa, pb := phonetic(tc.a), phonetic(tc.b); pa != pb || pa == "" {
			t.Errorf("phonetic(%q) = %q, phonetic(%q) = %q, want equal", tc.a, pa, tc.b, pb)
		}
	}
	for _, tc := range []struct{ a, b string }{{"maria", "marta"}, {"perez", "paez"}, {"ana", "ines"}} {
		if phonetic(tc.a) == phonetic(tc.b) {
			t.Errorf("phonetic(%q) = phonetic(%q) = %q", tc.a, tc.b, phonetic(tc.a))
		}
	}
	if got := phonetic("sofia"); got != "sf" {
		t.Errorf(`phonetic("sofia") = %q, want "sf"`, got)
	}
}
