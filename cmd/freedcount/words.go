package main

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/internal/words"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
)

// country is what the command knows of a country code used as the first
// segment of a region path: its name in words and its time zone. Only the
// countries of the real cases are listed; any other code is written as
// it is and read in UTC unless -tz says otherwise.
type country struct {
	name, zone string
}

var countries = map[string]country{
	"BY": {"Belarus", "Europe/Minsk"},
	"CU": {"Cuba", "America/Havana"},
	"EG": {"Egypt", "Africa/Cairo"},
	"IR": {"Iran", "Asia/Tehran"},
	"MM": {"Myanmar", "Asia/Yangon"},
	"NI": {"Nicaragua", "America/Managua"},
	"VE": {"Venezuela", "America/Caracas"},
}

// countryOf returns the first segment of a region path, upper-cased.
func countryOf(r release.Region) string {
	code, _, _ := strings.Cut(r.String(), "/")
	return strings.ToUpper(code)
}

// regionWords writes a region as a reader says it: "Venezuela",
// "Zulia, Venezuela", "Dawei, Tanintharyi, Myanmar".
func regionWords(r release.Region) string {
	segs := strings.Split(r.String(), "/")
	if c, ok := countries[strings.ToUpper(segs[0])]; ok {
		segs[0] = c.name
	}
	for i, j := 0, len(segs)-1; i < j; i, j = i+1, j-1 {
		segs[i], segs[j] = segs[j], segs[i]
	}
	return strings.Join(segs, ", ")
}

// populationWords writes a population path in English words, as the
// report does: "political prisoners", "political prisoners detained in
// protests", "foreign detainees (Sri Lanka)", and a path the catalogue
// does not know as its nearest known ancestor with the rest in brackets
// ("political prisoners (us-list)").
func populationWords(p release.Population) string {
	return english.Population(p)
}

// english writes words in English; English is always available.
var english, _ = words.For(language.English)

// dateWords writes a day as "25 January 2026".
func dateWords(d release.Date) string {
	y, m, day := d.Ymd()
	return fmt.Sprintf("%d %s %d", day, m, y)
}

// periodWords writes a period as "25 January 2026", "1 December 2025 to
// 25 January 2026", "since 1 December 2025" or "until 25 January 2026".
func periodWords(p release.Period) string {
	first, last := p.First(), p.Last()
	switch {
	case first.IsValid() && last.IsValid() && first == last:
		return dateWords(first)
	case first.IsValid() && last.IsValid():
		return dateWords(first) + " to " + dateWords(last)
	case first.IsValid():
		return "since " + dateWords(first)
	case last.IsValid():
		return "until " + dateWords(last)
	}
	return "at any time"
}

// scopeWords writes a scope's place and period: "Venezuela, 25 January
// 2026".
func scopeWords(s release.Scope) string {
	return regionWords(s.Region()) + ", " + periodWords(s.Period())
}

// causeWords writes the cause of a discrepancy as a reader says it.
func causeWords(c reconcile.Cause) string {
	switch c {
	case reconcile.Supersession:
		return "a later statement of the same source"
	case reconcile.Revision:
		return "a revision by the same source whose order is unknown"
	case reconcile.DifferentMeasure:
		return "a different measure (people held on a day is not releases over a period)"
	case reconcile.DifferentPopulation:
		return "a different population"
	case reconcile.DifferentRegion:
		return "a different region"
	case reconcile.DifferentPeriod:
		return "a different period"
	case reconcile.Imprecision:
		return "imprecise wording"
	case reconcile.TrueConflict:
		return "a true conflict"
	}
	return strings.ReplaceAll(c.String(), "_", " ")
}

// bestRuleWords says how Best is chosen.
func bestRuleWords(r reconcile.BestRule) string {
	switch r {
	case reconcile.WeightedMedian:
		return "the weighted median of the figures of the claims that agree"
	case reconcile.Conservative:
		return "the lowest figure of the claims that agree (as ACLED)"
	case reconcile.Range:
		return "the middle of low and high (as Iraq Body Count)"
	case reconcile.Majority:
		return "the figure stated by the most independent sources"
	case reconcile.Hierarchy:
		return "the figure of the most trusted source in the policy's hierarchy"
	}
	return r.String()
}

// zoneFor returns the zone in which dates alone are read: the named zone
// when -tz gives one, else the zone of the one country every region of
// the claims is in, else UTC. It returns the zone's name and the reason
// for it, for the output to state.
func zoneFor(flagTZ string, regions []release.Region) (*time.Location, string, error) {
	if flagTZ != "" {
		loc, err := time.LoadLocation(flagTZ)
		if err != nil {
			return nil, "", fmt.Errorf("-tz %q: not a time zone name; give an IANA name such as America/Caracas or UTC", flagTZ)
		}
		return loc, "given by -tz", nil
	}
	code := ""
	for _, r := range regions {
		c := countryOf(r)
		if code != "" && c != code {
			return time.UTC, "the claims span several countries", nil
		}
		code = c
	}
	if c, ok := countries[code]; ok {
		loc, err := time.LoadLocation(c.zone)
		if err == nil {
			return loc, "the zone of " + c.name, nil
		}
	}
	return time.UTC, "no zone is known for the claims' region", nil
}
