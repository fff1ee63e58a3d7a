package enum_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/enum"
)

var colours = enum.Names{"", "red", "green"}

func TestStringFallsBackToTypeN(t *testing.T) {
	for v, want := range map[uint8]string{0: "Colour(0)", 1: "red", 2: "green", 3: "Colour(3)", 255: "Colour(255)"} {
		if got := enum.String(colours, "Colour", v); got != want {
			t.Errorf("String(%d) = %q, want %q", v, got, want)
		}
	}
	if got := enum.String(colours, "Colour", ^uint64(0)); got != "Colour(18446744073709551615)" {
		t.Errorf("String(max uint64) = %q", got)
	}
}

func TestValidExcludesZeroAndUnnamed(t *testing.T) {
	for v, want := range map[uint]bool{0: false, 1: true, 2: true, 3: false} {
		if got := enum.Valid(colours, v); got != want {
			t.Errorf("Valid(%d) = %v, want %v", v, got, want)
		}
	}
}

func TestParseInvertsString(t *testing.T) {
	for text, want := range map[string]uint8{"red": 1, "green": 2} {
		got, ok := enum.Parse[uint8](colours, text)
		if !ok || got != want {
			t.Errorf("Parse(%q) = %d, %v; want %d", text, got, ok, want)
		}
		if enum.String(colours, "Colour", got) != text {
			t.Errorf("String(Parse(%q)) = %q", text, enum.String(colours, "Colour", got))
		}
	}
	for _, text := range []string{"", "Red", "blue", " red", "1"} {
		if got, ok := enum.Parse[uint8](colours, text); ok || got != 0 {
			t.Errorf("Parse(%q) = %d, %v; want 0, false", text, got, ok)
		}
	}
}
