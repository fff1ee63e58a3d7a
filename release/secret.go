package release

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Secret holds personal data — a name, a national ID, any value of a
// linkage record — so that no printer shows it. Secrecy is a property of
// the type, not of each printer: [Secret.String], [Secret.Format] (every
// verb, %#v included), [Secret.GoString], [Secret.MarshalJSON],
// [Secret.MarshalText] and [Secret.LogValue] all write [Redacted] for a
// secret that holds text, and "" for the empty secret (that a value is
// missing is not personal). The only way to read the text back is
// [Secret.Reveal]: grep for it to find every place a program discloses
// personal data.
//
// Secret is an immutable value, comparable by its text (two secrets of the
// same text are ==, and reflect.DeepEqual), so it works as a map key. The
// zero Secret is the empty secret, equal to NewSecret("").
//
// What is guaranteed: every printer that asks the value how to print it
// (fmt, log/slog, encoding/json, encoding/text) gets the redaction, even
// when the Secret is nested in a slice, map or exported struct field; and
// printers that bypass the methods by reflection — fmt on an unexported
// struct field, testify's diff, go-spew — see the text only masked: the
// Secret stores it XORed with a key drawn at random when the program
// starts, so what they print is noise of the same length. The length of a
// secret is therefore not hidden. The mask is no encryption: it keeps
// personal data out of output by accident, not away from someone who can
// read the program's memory. Because the mask differs between runs, a
// Secret's representation must never be persisted or ordered by (it has
// no Compare; gob refuses it, having no exported field); encode the
// revealed text where it must be stored.
//
// Secret has no decoder: decode personal data as a string and wrap it
// with [NewSecret], so that a redacted encoding can never be read back as
// if it were the text.
type Secret struct {
	masked string
}

// Redacted is what every printer of a non-empty [Secret] writes.
const Redacted = errfmt.Redacted

// maskLen is the length of the mask, a power of two. Names are at most
// MaxNameLen bytes, so the mask never repeats within one; longer texts
// reuse it cyclically.
const maskLen = 1024

// mask is drawn once, at start-up, from crypto/rand, which does not fail.
var mask = func() *[maskLen]byte {
	var m [maskLen]byte
	_, _ = rand.Read(m[:])
	return &m
}()

// xorMask returns s XORed with the mask; it is its own inverse.
func xorMask(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder // one allocation, where []byte and string() make two
	b.Grow(len(s))
	for i := range len(s) {
		b.WriteByte(s[i] ^ mask[i&(maskLen-1)]) // maskLen is a power of two
	}
	return b.String()
}

// NewSecret returns a Secret holding s. NewSecret("") is the zero Secret.
func NewSecret(s string) Secret { return Secret{xorMask(s)} }

// NewSecrets returns a Secret for each string, in order; nil for nil.
func NewSecrets(ss []string) []Secret {
	if ss == nil {
		return nil
	}
	out := make([]Secret, len(ss))
	for i, s := range ss {
		out[i] = NewSecret(s)
	}
	return out
}

// Reveal returns the text of the secret. It is the one way to disclose
// it; every call is a place where personal data leaves the type.
func (s Secret) Reveal() string { return xorMask(s.masked) }

// RevealAll returns the text of each secret, in order; nil for nil.
func RevealAll(ss []Secret) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Reveal()
	}
	return out
}

// IsZero reports whether s is empty: NewSecret("") or the zero Secret.
// It is what encoding/json's omitzero consults.
func (s Secret) IsZero() bool { return s.masked == "" }

// Len returns the length of the text in bytes, which is not secret (see
// [Secret]).
func (s Secret) Len() int { return len(s.masked) }

// String returns [Redacted], or "" for the empty secret.
func (s Secret) String() string {
	if s.IsZero() {
		return ""
	}
	return Redacted
}

// GoString, used by fmt's %#v when no Format method is consulted, returns
// "release.Secret(<redacted>)", or "release.Secret{}" for the empty secret.
func (s Secret) GoString() string {
	if s.IsZero() {
		return "release.Secret{}"
	}
	return "release.Secret(" + Redacted + ")"
}

// Format makes every fmt verb print [Secret.String], quoted for %q, as
// [Secret.GoString] for %#v, and padded to the width and flags given: the
// text never shows, whatever the verb (%x and %d included).
func (s Secret) Format(f fmt.State, verb rune) {
	text := s.String()
	switch {
	case verb == 'v' && f.Flag('#'):
		text = s.GoString()
	case verb == 'q':
		text = strconv.Quote(text)
	}
	if w, ok := f.Width(); ok && len([]rune(text)) < w {
		pad := make([]byte, w-len([]rune(text)))
		for i := range pad {
			pad[i] = ' '
		}
		if f.Flag('-') {
			text += string(pad)
		} else {
			text = string(pad) + text
		}
	}
	_, _ = f.Write([]byte(text))
}

// MarshalText writes [Secret.String]: never the text.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalJSON writes [Secret.String] as a JSON string: never the text.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(s.String())), nil }

// LogValue shows the secret in [log/slog] output as [Secret.String].
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
