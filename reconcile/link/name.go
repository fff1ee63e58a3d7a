package link

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/freedcount/freedcount/release"
)

// Name is a person's full name read with Spanish naming conventions: one or
// more given names, then a paternal and a maternal surname, each possibly
// with particles ("de la Cruz", "del Valle"), and possibly a married name
// introduced by "de" ("María Pérez de González"). [ParseName] reads it from
// the order a register writes it — "José Luis Pérez García", or
// "PÉREZ GARCÍA, José Luis" with the surnames first and a comma — and keeps
// two forms of it: [Name.Text], normalized (case-folded, Unicode NFC) with
// its accents, and [Name.Folded], without them. Comparisons tell the two
// apart: "Peña" and "Pena" agree only when folded.
//
// Without a comma, the reading is a heuristic: the last two units are the
// surnames when there are three or more ("María José Pérez" reads as given
// name María, surnames José and Pérez), and a final "de X" after a surname
// is a married name. Comparisons do not depend on it: they compare the
// names' words ([Name.Tokens]) as well as their structure, so that swapped
// surnames, a missing second surname or an added married name are still
// recognised.
//
// A Name is personal data: [Name.String], [Name.LogValue] and every fmt verb
// show "Name(<redacted>)", and no error message repeats it; it has no
// encoding, so that it is never written out unasked (store [Name.Text]).
// It holds its text as a [release.Secret], so that printers that bypass
// its methods by reflection do not show it either; its accessors read the
// name again from that text. The zero Name is not valid. Names are
// comparable: == is [Name.Equal].
type Name struct {
	text release.Secret // parsedName.text: ParseName reads it back to the same name
}

// parsedName is a name read by parseName: the parts of a [Name].
type parsedName struct {
	given                       []string // units, normalized
	paternal, maternal, married string   // units, normalized; married without its "de"
	text, folded                string
	tokens                      []string // folded words, particles dropped
	ngiven                      int      // leading tokens of given names
}

// particles are the words that join the word after them into one unit
// ("de la cruz"); conjunctions join two surnames ("ortega y gasset") and
// are dropped. Both are left out of [Name.Tokens].
var particles = []string{"da", "das", "de", "del", "der", "di", "do", "dos", "la", "las", "los", "van", "von"}

func isParticle(w string) bool    { _, ok := slices.BinarySearch(particles, w); return ok }
func isConjunction(w string) bool { return w == "y" || w == "e" }

// ParseName reads a full name. The name must be valid UTF-8 of at most
// [release.MaxNameLen] bytes (before and after normalization), made of letters and combining marks separated
// by spaces, hyphens, apostrophes and periods, with at most one comma
// (between the surnames and the given names) and at least one letter.
// Errors are [*FieldError]s with Field "Name", wrapping [ErrInvalid], that
// never repeat the name.
func ParseName(s string) (Name, error) {
	n, why := parseName(s)
	if why != "" {
		return Name{}, secretErr("Name", ErrInvalid, "%s", why)
	}
	return Name{text: release.NewSecret(n.text)}, nil
}

// MustName is like [ParseName] but panics on error. It is meant for tests
// and examples.
func MustName(s string) Name {
	n, err := ParseName(s)
	if err != nil {
		panic(err)
	}
	return n
}

func parseName(s string) (parsedName, string) {
	switch {
	case len(s) > release.MaxNameLen:
		return parsedName{}, fmt.Sprintf("longer than %d bytes", release.MaxNameLen)
	case !utf8.ValidString(s):
		return parsedName{}, "not valid UTF-8"
	}
	for _, r := range s {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return parsedName{}, "contains a control character"
		}
	}
	s = Normalize(strings.Map(mapPunct, s))
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -'.,", r) {
			if unicode.IsDigit(r) {
				return parsedName{}, "contains a digit"
			}
			return parsedName{}, "contains a character that is not a letter, mark, space, hyphen, apostrophe, period or comma"
		}
	}
	var n parsedName
	before, after, comma := strings.Cut(s, ",")
	if comma {
		if strings.Contains(after, ",") {
			return parsedName{}, "more than one comma"
		}
		sur, giv := units(before), units(after)
		if len(sur) == 0 || len(giv) == 0 {
			return parsedName{}, "a comma without surnames before it or given names after it"
		}
		n.given = giv
		n.setSurnames(sur)
	} else {
		u := units(s)
		if len(u) == 0 {
			return parsedName{}, "no letters"
		}
		if len(u) >= 3 {
			if m, ok := marriedName(u[len(u)-1]); ok {
				n.married = m
				u = u[:len(u)-1]
			}
		}
		switch len(u) {
		case 1:
			n.given = u
		case 2:
			n.given, n.paternal = u[:1], u[1]
		default:
			n.given, n.paternal, n.maternal = u[:len(u)-2], u[len(u)-2], u[len(u)-1]
		}
	}
	n.finish()
	switch {
	case len(n.tokens) == 0:
		return parsedName{}, "no letters outside particles"
	case len(n.text) > release.MaxNameLen:
		return parsedName{}, fmt.Sprintf("longer than %d bytes once normalized", release.MaxNameLen)
	}
	return n, ""
}

// mapPunct writes typographic apostrophes and hyphens as ASCII ones.
func mapPunct(r rune) rune {
	switch r {
	case '’', 'ʼ', '‘', '´', '`':
		return '\''
	case '‐', '‑', '‒', '–', '—':
		return '-'
	}
	return r
}

// setSurnames reads the units of a surname part: the last "de X" of two or
// more is a married name; of the rest, the last is the maternal surname and
// the others the paternal one.
func (n *parsedName) setSurnames(u []string) {
	if len(u) >= 2 {
		if m, ok := marriedName(u[len(u)-1]); ok {
			n.married = m
			u = u[:len(u)-1]
		}
	}
	if len(u) == 1 {
		n.paternal = u[0]
		return
	}
	n.paternal = strings.Join(u[:len(u)-1], " ")
	n.maternal = u[len(u)-1]
}

// marriedName reports whether unit is "de X", X one word that is not a
// particle, and returns X.
func marriedName(unit string) (string, bool) {
	rest, ok := strings.CutPrefix(unit, "de ")
	if !ok || strings.Contains(rest, " ") || isParticle(rest) {
		return "", false
	}
	return rest, true
}

// units splits normalized text into words with at least one letter, drops
// conjunctions between words, and joins particles to the word after them.
func units(s string) []string {
	var words []string
	for w := range strings.FieldsSeq(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words = append(words, w)
		}
	}
	var out []string
	pending := ""
	for i, w := range words {
		switch {
		case isConjunction(w) && i > 0 && i < len(words)-1 && pending == "":
			continue
		case isParticle(w) && i < len(words)-1:
			pending += w + " "
		default:
			out = append(out, pending+w)
			pending = ""
		}
	}
	return out
}

// finish computes the text, folded and token forms from the structure.
func (n *parsedName) finish() {
	parts := n.parts()
	// Fold every unit in one call: the units are joined with a character
	// that folding leaves alone and split again.
	folded := strings.Split(foldNormalized(strings.Join(parts, "\x00")), "\x00")
	n.text = render(n, parts)
	n.folded = render(n, folded)
	n.tokens = nil
	for k, u := range folded {
		if k == len(n.given) {
			n.ngiven = len(n.tokens)
		}
		n.tokens = appendTokens(n.tokens, u)
	}
	if len(folded) == len(n.given) {
		n.ngiven = len(n.tokens)
	}
}

// render writes the units of n (as parts returns them, or folded)
// "surnames, given names".
func render(n *parsedName, units []string) string {
	g := len(n.given)
	if g == len(units) {
		return strings.Join(units, " ")
	}
	return strings.Join(units[g:], " ") + ", " + strings.Join(units[:g], " ")
}

// parts returns the units in reading order: given names, then surnames,
// the married name with its "de".
func (n *parsedName) parts() []string {
	out := slices.Clone(n.given)
	for _, u := range []string{n.paternal, n.maternal} {
		if u != "" {
			out = append(out, u)
		}
	}
	if n.married != "" {
		out = append(out, "de "+n.married)
	}
	return out
}

// appendTokens appends the words of a folded unit, without particles,
// split at hyphens and periods, apostrophes removed.
func appendTokens(dst []string, unit string) []string {
	for w := range strings.FieldsFuncSeq(unit, func(r rune) bool { return r == ' ' || r == '-' || r == '.' }) {
		if isParticle(w) || isConjunction(w) {
			continue
		}
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			dst = append(dst, w)
		}
	}
	return dst
}

// IsValid reports whether n is not the zero Name.
func (n Name) IsValid() bool { return !n.text.IsZero() }

// parsed returns the parts of n, read again from its text; the zero
// parsedName for the zero Name.
func (n Name) parsed() parsedName {
	if n.text.IsZero() {
		return parsedName{}
	}
	p, _ := parseName(n.text.Reveal())
	return p
}

// Text returns the name normalized ([Normalize]: case-folded, NFC, accents
// kept), written "surnames, given names" when it has surnames: "pérez
// garcía, josé luis". [ParseName] reads it back to the same Name.
func (n Name) Text() string { return n.text.Reveal() }

// Folded returns [Name.Text] without accents ([Fold]): "perez garcia, jose
// luis".
func (n Name) Folded() string { return n.parsed().folded }

// Given returns the given names, normalized, particles kept ("maría", "de
// los ángeles").
func (n Name) Given() []string { return n.parsed().given }

// Paternal returns the first (paternal) surname, normalized, with its
// particles ("de la cruz"); "" if none was given.
func (n Name) Paternal() string { return n.parsed().paternal }

// Maternal returns the second (maternal) surname, or "" if the name has
// none.
func (n Name) Maternal() string { return n.parsed().maternal }

// Married returns the married name without its "de" ("gonzález" in
// "maría pérez de gonzález"), or "".
func (n Name) Married() string { return n.parsed().married }

// Tokens returns the folded words of the name, given names first, without
// particles and conjunctions: "josé luis pérez garcía" gives jose, luis,
// perez, garcia.
func (n Name) Tokens() []string { return n.parsed().tokens }

// Equal reports whether n and o are the same name, part by part: whether
// their texts are equal, which the parts follow from.
func (n Name) Equal(o Name) bool { return n == o }

// String returns "Name(<redacted>)", or "Name()" for the zero Name: never
// the name.
func (n Name) String() string {
	if !n.IsValid() {
		return "Name()"
	}
	return "Name(<redacted>)"
}

// GoString, used by fmt's %#v, is [Name.String].
func (n Name) GoString() string { return n.String() }

// Format makes every fmt verb print [Name.String].
func (n Name) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(n.String())) }

// LogValue shows the name in [log/slog] output as "Name(<redacted>)".
func (n Name) LogValue() slog.Value { return slog.StringValue(n.String()) }
