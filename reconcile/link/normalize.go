package link

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as comparisons read it: in Unicode normal form C,
// lower-cased (Unicode's full lower-case mapping, language-neutral), with
// every run of white space as one space and none at either end. Accents are
// kept: "JOSÉ  Pérez" becomes "josé pérez". Invalid UTF-8 becomes U+FFFD.
// Normalize is idempotent.
//
// It lower-cases rather than case-folds: Unicode case folding is not
// idempotent once composed again (it maps Cherokee lower-case letters to
// upper-case ones, and x/text's folding maps them back), and idempotence is
// what lets a normalized value be stored and read again.
func Normalize(s string) string {
	if isASCII(s) {
		return collapseASCII(s)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	// NFC first (free for text already in NFC, as most is), lower-case,
	// and NFC again for what lower-casing decomposed.
	s = norm.NFC.String(s)
	s, _, _ = transform.String(cases.Lower(language.Und), s)
	s = norm.NFC.String(s)
	return collapseSpace(s)
}

// Fold returns [Normalize](s) without combining marks: Unicode NFD, removal
// of nonspacing marks (category Mn), NFC. "José" and "Jose" fold alike — and
// so do "Peña" and "Pena", different surnames, which is why the
// comparisons of this package keep the normalized and the folded form and
// tell a folded agreement ([Folded]) from an exact one ([Exact]). Fold is
// idempotent.
func Fold(s string) string { return foldNormalized(Normalize(s)) }

// foldNormalized is Fold for text that Normalize has already read.
func foldNormalized(s string) string {
	if isASCII(s) {
		return s
	}
	s = norm.NFD.String(s)
	s, _, _ = transform.String(runes.Remove(runes.In(unicode.Mn)), s)
	s = norm.NFC.String(s)
	// Removing a mark can leave nothing between two spaces.
	return collapseSpace(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// collapseASCII lower-cases ASCII s and collapses its white space, as the
// general path does for ASCII input.
func collapseASCII(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := isASCIISpace(c)
		if ('A' <= c && c <= 'Z') || (sp && (c != ' ' || prevSpace)) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && (len(s) == 0 || s[len(s)-1] != ' ') {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isASCIISpace(c) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// collapseSpace replaces each run of white space in s by one space and
// trims both ends.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
