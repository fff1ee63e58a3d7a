package link

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
)

// Pseudonymizer makes keyed pseudonyms ([Token]s) of identities, so that
// two organisations can link their lists without exchanging names or
// national IDs: each replaces the identifying values of its list by tokens
// under a key they share, and links the tokens ([Identifier] fields). Belarus'
// Viasna, for one, withholds the names of released prisoners for their
// safety; a token lets another list be matched against its register without
// disclosing them.
//
// A token is HMAC-SHA256, under the caller's key, of a domain label and the
// canonical text of the value: the canonical cédula ([Pseudonymizer.NationalID]),
// a canonical identifier ([Pseudonymizer.Identifier]), or the folded words
// of a name, sorted, with the year of birth ([Pseudonymizer.NameYear]). The
// same value and key always give the same token; the token contains nothing
// of the text; different keys give unrelated tokens; and a token of a
// cédula never equals a token of a name.
//
// What it protects against: anyone who holds the tokens but not the key
// can neither read the values nor test a guess. What it does not protect
// against: anyone who holds the key — every organisation that shares it,
// and anyone who obtains it — can test guesses, and the spaces are small:
// Venezuelan cédulas are at most 10⁸ numbers, names with a year of birth a
// few billion likely combinations, both searched in minutes. A leaked key
// therefore discloses every tokenised identity of the lists it was used on:
// keep it secret, use one key per exchange, and rotate it. Tokens also do
// not hide who is on both lists from the parties that link them, nor how
// many people a list holds. Matching tokens is exact: a typo in a name or a
// cédula gives an unrelated token, so fuzzy comparison is lost.
//
// A Pseudonymizer is safe for concurrent use. Its String and fmt output
// never show the key.
type Pseudonymizer struct{ key []byte }

// MinKeyLen is the shortest key a [Pseudonymizer] accepts, in bytes.
const MinKeyLen = 32

// NewPseudonymizer returns a pseudonymizer under key, which must be at least
// [MinKeyLen] bytes of secret randomness (the key is copied).
func NewPseudonymizer(key []byte) (*Pseudonymizer, error) {
	if len(key) < MinKeyLen {
		return nil, secretErr("Pseudonymizer.Key", ErrInvalid, "shorter than %d bytes", MinKeyLen)
	}
	return &Pseudonymizer{key: slices.Clone(key)}, nil
}

// Domain labels keep tokens of different kinds apart.
const (
	domainCedula     = "freedcount/link/v1/cedula\x00"
	domainIdentifier = "freedcount/link/v1/identifier\x00"
	domainNameYear   = "freedcount/link/v1/name-year\x00"
)

func (p *Pseudonymizer) token(domain, text string) Token {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(domain))
	m.Write([]byte(text))
	var t Token
	m.Sum(t.b[:0])
	t.ok = true
	return t
}

// NationalID returns the token of a cédula's canonical form, so that every
// way of writing one number gives one token. It fails on the zero Cedula.
func (p *Pseudonymizer) NationalID(c Cedula) (Token, error) {
	if !c.IsValid() {
		return Token{}, secretErr("Cedula", ErrInvalid, "zero value")
	}
	return p.token(domainCedula, c.Canonical()), nil
}

// Identifier returns the token of another identity number, read as an
// [Identifier] field reads it (upper-cased, without spaces, dots, hyphens
// or slashes).
func (p *Pseudonymizer) Identifier(s string) (Token, error) {
	id, why := canonicalIdentifier(s)
	if why != "" {
		return Token{}, secretErr("Identifier", ErrInvalid, "%s", why)
	}
	return p.token(domainIdentifier, id), nil
}

// NameYear returns the token of a name with a year of birth: the name's
// folded words ([Name.Tokens]), sorted, so that accents, case, particles and
// the order of the words do not matter, and the year. The year must be in
// 1000–9999.
func (p *Pseudonymizer) NameYear(n Name, year int) (Token, error) {
	if !n.IsValid() {
		return Token{}, secretErr("Name", ErrInvalid, "zero value")
	}
	if year < 1000 || year > 9999 {
		return Token{}, fieldErr("Year", strconv.Itoa(year), ErrInvalid, "want 1000–9999")
	}
	words := n.Tokens()
	slices.Sort(words)
	return p.token(domainNameYear, strings.Join(words, " ")+"\x00"+strconv.Itoa(year)), nil
}

// String returns "Pseudonymizer(<key redacted>)".
func (p *Pseudonymizer) String() string { return "Pseudonymizer(<key redacted>)" }

// GoString, used by fmt's %#v, is [Pseudonymizer.String].
func (p *Pseudonymizer) GoString() string { return p.String() }

// Format makes every fmt verb print [Pseudonymizer.String].
func (p *Pseudonymizer) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue shows the pseudonymizer in [log/slog] output without its key.
func (p *Pseudonymizer) LogValue() slog.Value { return slog.StringValue(p.String()) }

// Token is a keyed pseudonym made by a [Pseudonymizer]: 32 bytes, written
// as 64 lower-case hexadecimal digits. It reveals nothing of the value it
// stands for to whoever lacks the key, and can be shared and printed.
//
// Token is an immutable value, comparable and usable as a map key. The zero
// Token is not valid.
type Token struct {
	b  [sha256.Size]byte
	ok bool
}

// ParseToken reads the 64 hexadecimal digits that [Token.String] writes
// (either case).
func ParseToken(s string) (Token, error) {
	var t Token
	if len(s) != 2*len(t.b) {
		return Token{}, fieldErr("Token", s, ErrInvalid, "want %d hexadecimal digits", 2*len(t.b))
	}
	if _, err := hex.Decode(t.b[:], []byte(s)); err != nil {
		return Token{}, fieldErr("Token", s, ErrInvalid, "not hexadecimal")
	}
	t.ok = true
	return t, nil
}

// IsValid reports whether t is not the zero Token.
func (t Token) IsValid() bool { return t.ok }

// String returns the token as 64 lower-case hexadecimal digits, or "" for
// the zero Token.
func (t Token) String() string {
	if !t.ok {
		return ""
	}
	return hex.EncodeToString(t.b[:])
}

// MarshalText writes [Token.String]; the zero Token is an error.
func (t Token) MarshalText() ([]byte, error) {
	if !t.ok {
		return nil, fieldErr("Token", "", ErrInvalid, "zero value")
	}
	return []byte(t.String()), nil
}

// UnmarshalText reads the token as [ParseToken] does.
func (t *Token) UnmarshalText(text []byte) error {
	v, err := ParseToken(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// hexDigest returns the SHA-256 of s in hexadecimal.
func hexDigest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
