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

var kinds = enum.Names{"", "named_list", "announcement", "ngo"}

func TestParseFoldReadsNamesAsTyped(t *testing.T) {
	for text, want := range map[string]uint8{
		"named_list": 1, "Named list": 1, "named-list": 1, "NAMED_LIST": 1, " Named List\t": 1,
		"announcement": 2, "ANNOUNCEMENT": 2, "NGO": 3, "ngo": 3,
	} {
		got, ok := enum.ParseFold[uint8](kinds, text)
		if !ok || got != want {
			t.Errorf("ParseFold(%q) = %d, %v; want %d", text, got, ok, want)
		}
		if p, ok := enum.Parse[uint8](kinds, enum.Fold(text)); !ok || p != want {
			t.Errorf("Parse(Fold(%q)) = %d, %v; want %d", text, p, ok, want)
		}
	}
	for _, text := range []string{"", "named", "named  list", "namedlist", "named_list_", "nаmed_list", "ngo s"} {
		if got, ok := enum.ParseFold[uint8](kinds, text); ok {
			t.Errorf("ParseFold(%q) = %d, want no match", text, got)
		}
	}
}

func TestFoldKeepsCanonicalNamesWithoutAllocating(t *testing.T) {
	for in, want := range map[string]string{"named_list": "named_list", " Named list ": "named_list", "Named-List": "named_list", "": ""} {
		if got := enum.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = enum.Fold(" named_list ") }); n != 0 {
		t.Errorf("Fold of a canonical name allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = enum.ParseFold[uint8](kinds, "Named list") }); n != 0 {
		t.Errorf("ParseFold allocates %v times", n)
	}
	var v uint8
	text := []byte("announcement")
	if n := testing.AllocsPerRun(100, func() {
		_ = enum.Unmarshal(kinds, "Kind", text, &v, func(field, value, reason string) error { return nil })
	}); n != 0 {
		t.Errorf("Unmarshal of a valid name allocates %v times", n)
	}
}
