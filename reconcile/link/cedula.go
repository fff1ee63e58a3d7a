package link

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/release"
)

// Cedula is a Venezuelan identity card number (cédula de identidad): a
// nationality letter, V for Venezuelans and E for foreign residents, and a
// number. Registers write one number many ways — "V-12.345.678",
// "V12345678", "v 12345678", "12.345.678" — and [ParseCedula] reads them
// all to one value, written canonically as "V-12345678" by
// [Cedula.Canonical].
//
// A cédula is personal data: [Cedula.String], [Cedula.LogValue], every fmt
// verb and every error message of this package show "Cedula(<redacted>)"
// or nothing of the number. Ask for the number with [Cedula.Canonical], or
// share a keyed pseudonym of it ([Pseudonymizer.NationalID]).
//
// Cedula is an immutable value, comparable and usable as a map key. The zero
// Cedula is not valid. Unlike the other scalars of freedcount it has no
// MarshalText, on purpose: an encoder would write the number into JSON or a
// log behind the caller's back. Store [Cedula.Canonical] where the number
// must be kept.
type Cedula struct {
	nat byte   // 'V' or 'E'; 0 in the zero value
	num uint32 // the number XOR cedulaMask, so that reflection does not print it
}

// cedulaMask hides the numbers of cédulas from printers that bypass
// Cedula's methods by reflection (fmt on an unexported field, testify's
// diff): drawn at start-up from crypto/rand, which does not fail.
var cedulaMask = func() uint32 {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return binary.LittleEndian.Uint32(b[:])
}()

// number returns the cédula's number.
func (c Cedula) number() uint32 { return c.num ^ cedulaMask }

// MaxCedula is the largest cédula number accepted: eight digits.
const MaxCedula = 99_999_999

// ParseCedula reads a cédula: an optional nationality letter (V or E, in
// either case; none means V), optionally followed by one hyphen, dot or
// space, then the number — plain digits, or digits grouped by threes from
// the right with dots, commas or spaces ("12.345.678"). Spaces around the
// whole are ignored; leading zeros are allowed. Anything else is an error
// ([*FieldError] with Field "Cedula", wrapping [ErrInvalid]) that never
// repeats the input: a malformed number is reported, not silently left
// unmatched.
func ParseCedula(s string) (Cedula, error) {
	c, why := parseCedula(s)
	if why != "" {
		return Cedula{}, secretErr("Cedula", ErrInvalid, "%s", why)
	}
	return c, nil
}

// MustCedula is like [ParseCedula] but panics on error. It is meant for
// tests and examples.
func MustCedula(s string) Cedula {
	c, err := ParseCedula(s)
	if err != nil {
		panic(err)
	}
	return c
}

// parseCedula returns the cédula in s, or a reason it is malformed that does
// not repeat s.
func parseCedula(s string) (Cedula, string) {
	if len(s) > release.MaxNationalIDLen {
		return Cedula{}, fmt.Sprintf("longer than %d bytes", release.MaxNationalIDLen)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return Cedula{}, "empty"
	}
	c := Cedula{nat: 'V'}
	lettered := true
	switch s[0] {
	case 'V', 'v':
	case 'E', 'e':
		c.nat = 'E'
	default:
		if s[0] < '0' || s[0] > '9' {
			return Cedula{}, "does not start with V, E or a digit"
		}
		lettered = false
	}
	if lettered {
		s = s[1:]
		if s != "" && (s[0] == '-' || s[0] == '.' || s[0] == ' ') {
			s = strings.TrimLeft(s[1:], " ")
		}
	}
	if s == "" {
		return Cedula{}, "no number"
	}
	digits, why := groupedDigits(s)
	if why != "" {
		return Cedula{}, why
	}
	trimmed := strings.TrimLeft(digits, "0")
	if trimmed == "" {
		return Cedula{}, "number is zero"
	}
	if len(trimmed) > 8 {
		return Cedula{}, "more than 8 significant digits"
	}
	n, _ := strconv.ParseUint(trimmed, 10, 32)
	c.num = uint32(n) ^ cedulaMask
	return c, ""
}

// groupedDigits returns the digits of s, plain ("12345678") or grouped by
// threes with one kind of separator ("12.345.678", "12 345 678").
func groupedDigits(s string) (string, string) {
	sep := byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
		case c == '.' || c == ',' || c == ' ':
			if sep == 0 {
				sep = c
			} else if c != sep {
				return "", "mixed digit separators"
			}
		default:
			return "", "a character other than a digit or separator"
		}
	}
	if len(s) > 16 {
		return "", "too many digits"
	}
	if sep == 0 {
		return s, ""
	}
	groups := strings.Split(s, string(sep))
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return "", "digits not grouped by threes"
		}
	}
	return strings.Join(groups, ""), ""
}

// IsValid reports whether c is not the zero Cedula.
func (c Cedula) IsValid() bool { return c.nat != 0 }

// Foreign reports whether c is a foreign resident's cédula (E).
func (c Cedula) Foreign() bool { return c.nat == 'E' }

// Canonical returns the cédula in canonical form, "V-12345678" or
// "E-84512309" (no dots, no leading zeros), or "" for the zero Cedula. It
// is personal data.
func (c Cedula) Canonical() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.nat) + "-" + strconv.FormatUint(uint64(c.number()), 10)
}

// Compare orders cédulas by nationality, then number. It is a total order
// consistent with ==.
func (c Cedula) Compare(o Cedula) int {
	switch {
	case c.nat != o.nat:
		if c.nat < o.nat {
			return -1
		}
		return 1
	case c.number() < o.number():
		return -1
	case c.number() > o.number():
		return 1
	}
	return 0
}

// String returns "Cedula(<redacted>)", or "Cedula()" for the zero Cedula:
// never the number.
func (c Cedula) String() string {
	if !c.IsValid() {
		return "Cedula()"
	}
	return "Cedula(<redacted>)"
}

// GoString, used by fmt's %#v, is [Cedula.String].
func (c Cedula) GoString() string { return c.String() }

// Format makes every fmt verb print [Cedula.String].
func (c Cedula) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue shows the cédula in [log/slog] output as "<redacted>": never the
// number.
func (c Cedula) LogValue() slog.Value { return slog.StringValue(c.String()) }

// key packs c into 64 bits for comparisons and blocking: nationality in the
// high byte.
func (c Cedula) key() uint64 { return uint64(c.nat)<<32 | uint64(c.number()) }
