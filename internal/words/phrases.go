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
