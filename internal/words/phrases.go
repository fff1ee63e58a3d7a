package words

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Period writes when, as a phrase that follows a verb: "on Sunday 25
// January 2026", "from 1 December 2025 to 25 January 2026", "until 25
// January 2026", "since 1 December 2025"; "" for a period open at both
// ends.
func (l Lang) Period(p release.Period) string {
	a, b := p.First(), p.Last()
	switch {
	case a.IsValid() && a == b:
		return l.T("on %s", l.Date(a, true))
	case a.IsValid() && b.IsValid():
		return l.Range(a, b)
	case b.IsValid():
		return l.T("until %s", l.Date(b, false))
	case a.IsValid():
		return l.T("since %s", l.Date(a, false))
	}
	return ""
}

// What writes what a figure counts, without a number: "political
// prisoners released in Venezuela on Sunday 25 January 2026".
func (l Lang) What(m source.Measure, s release.Scope) string {
	key := "%s released in %s %s"
	switch m {
	case source.Held:
		key = "%s held in %s %s"
	case source.Detentions:
		key = "%s detained in %s %s"
	}
	return strings.TrimSpace(l.T(key, l.Population(s.Population()), l.Region(s.Region()), l.Period(s.Period())))
}

// Capital returns s with its first letter in upper case.
func Capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// List joins items as a reader would: "A", "A and B", "A, B and C" ("y"
// in Spanish).
func (l Lang) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return l.T("%s and %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// Voices writes how many claims there are and who is behind them, as
// [reconcile.Evidence.Voices] counts: "6 claims by 5 sources, relayed by
// 5 others" ("6 declaraciones de 5 fuentes, difundidas por otras 5"),
// "1 claim by 1 source", and "0 claims" with no source. stated counts the
// sources that made the statements; relayed the other sources that only
// carried them, named apart so that a reader does not take them for more
// voices.
func (l Lang) Voices(claims, stated, relayed int) string {
	s := l.T("%d claims", claims)
	if claims == 1 {
		s = l.T("%d claim", claims)
	}
	if claims == 0 {
		return s
	}
	if stated == 1 {
		s = l.T("%s by %d source", s, stated)
	} else {
		s = l.T("%s by %d sources", s, stated)
	}
	// In Spanish the participle agrees with the claims ("difundida",
	// "difundidas") and "otra" with the relayers.
	switch {
	case relayed == 1 && claims == 1:
		s = l.T("%s, relayed by one other", s)
	case relayed == 1:
		s = l.T("%s, relayed by one other (plural)", s)
	case relayed > 1 && claims == 1:
		s = l.T("%s, relayed by %d others", s, relayed)
	case relayed > 1:
		s = l.T("%s, relayed by %d others (plural)", s, relayed)
	}
	return s
}
