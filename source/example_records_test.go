package source_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Foro Penal as a source: an NGO that verifies each release by name. Its
// confidence, written 0.90, is encoded canonically as 0.9.
func ExampleSource() {
	fp := source.Source{
		ID:         source.MustSourceID("foro-penal"),
		Name:       "Foro Penal",
		Kind:       source.NGO,
		Method:     source.VerifiesIdentities,
		Confidence: decimal.RequireFromString("0.90"),
	}
	fmt.Println(fp, fp.Validate())
	fmt.Println("independence group:", fp.IndependenceGroup())
	data, err := json.Marshal(fp)
	fmt.Println(string(data), err)
	// Output:
	// Foro Penal (foro-penal) <nil>
	// independence group: foro-penal
	// {"id":"foro-penal","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"0.9"} <nil>
}

// Foro Penal verified 104 releases of political prisoners in Venezuela on
// Sunday 25 January 2026; the figure is preliminary and could increase, so
// it is a lower bound. AFP relayed it. It replaces the 80 that Foro Penal
// had given earlier that day.
func ExampleClaim() {
	caracas := time.FixedZone("VET", -4*3600)
	c := source.Claim{
		ID:      source.MustClaimID("fp/2026-01-25/2"),
		Source:  source.MustSourceID("foro-penal"),
		Via:     []source.SourceID{source.MustSourceID("afp")},
		Stated:  time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas),
		Measure: source.Releases,
		Scope: release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
			release.Day(release.MustDate(2026, time.January, 25))),
		Quantity:   source.MustQuantity("at least 104"),
		Status:     source.Preliminary,
		Basis:      source.NamedList,
		Supersedes: source.MustClaimID("fp/2026-01-25/1"),
		Citation: source.Citation{
			URL:      "https://foropenal.com/",
			Quote:    "verified 104 releases ... not yet definitive and could increase",
			Language: "en",
		},
	}
	fmt.Println(c.Validate())
	fmt.Println(c)
	fmt.Println("relayed via", c.Via, "- a relay:", c.IsRelay())
	fmt.Println("counts admitted:", c.Quantity.Bounds())
	fmt.Println("stated on", c.StatedDay(), "(in UTC already", release.DateOf(c.Stated.UTC()).String()+")")
	fmt.Println("resolved scope:", c.ResolvedScope())
	// Output:
	// <nil>
	// fp/2026-01-25/2: foro-penal says releases at least 104 in detainees/political @ VE 2026-01-25/2026-01-25 (preliminary, stated 2026-01-25T20:00:00-04:00)
	// relayed via [afp] - a relay: true
	// counts admitted: [104, ∞)
	// stated on 2026-01-25 (in UTC already 2026-01-26)
	// resolved scope: detainees/political @ VE 2026-01-25/2026-01-25
}

// The authorities said 626 detainees had been freed "since December"; Foro
// Penal had recorded "about half as many" political prisoners released in
// that period. The open period is closed at the day of the statement, and
// the relative figure is resolved against the government's.
func ExampleRelative_Apply() {
	caracas := time.FixedZone("VET", -4*3600)
	sinceDecember := release.Since(release.MustDate(2025, time.December, 1))
	gov := source.Claim{
		ID:       source.MustClaimID("ve-gov/2026-01-25/1"),
		Source:   source.MustSourceID("ve-gov"),
		Stated:   time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas),
		Measure:  source.Releases,
		Scope:    release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), sinceDecember),
		Quantity: source.MustQuantity("626"),
		Status:   source.Final,
		Basis:    source.Announcement,
	}
	fp := source.Claim{
		ID:      source.MustClaimID("fp/since-december"),
		Source:  source.MustSourceID("foro-penal"),
		Stated:  gov.Stated,
		Measure: source.Releases,
		Scope:   gov.Scope.WithPopulation(release.MustPopulation("detainees/political")),
		Relative: source.Relative{
			To:    gov.ID,
			Ratio: decimal.RequireFromString("0.5"),
			Kind:  source.About,
		},
		Status: source.Verified,
		Basis:  source.NamedList,
	}
	fmt.Println(gov.Validate(), fp.Validate())
	fmt.Println(fp)
	fmt.Println("government:", gov.ResolvedScope())

	n, _ := gov.Quantity.Stated()
	q, err := fp.Relative.Apply(n)
	fmt.Println("Foro Penal:", q, q.Bounds(), err)
	// Output:
	// <nil> <nil>
	// fp/since-december: foro-penal says releases about 0.5× ve-gov/2026-01-25/1 in detainees/political @ VE 2025-12-01/.. (verified, stated 2026-01-25T20:00:00-04:00)
	// government: detainees @ VE 2025-12-01/2026-01-25
	// Foro Penal: about 313 [282, 344] <nil>
}

// Validate reports every bad field at once, joined with errors.Join: here
// a source listed among its own relays and a language tag that is not in
// canonical form.
func ExampleClaim_Validate() {
	c := source.Claim{
		ID:       source.MustClaimID("fp/2026-01-25/2"),
		Source:   source.MustSourceID("foro-penal"),
		Via:      []source.SourceID{source.MustSourceID("afp"), source.MustSourceID("foro-penal")},
		Stated:   time.Date(2026, time.January, 25, 20, 0, 0, 0, time.FixedZone("VET", -4*3600)),
		Measure:  source.Releases,
		Scope:    release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Period{}),
		Quantity: source.MustQuantity("104"),
		Status:   source.Verified,
		Basis:    source.NamedList,
		Citation: source.Citation{Language: "ES"},
	}
	err := c.Validate()
	fmt.Println(errors.Is(err, source.ErrInvalid))
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if fe, ok := errors.AsType[*source.FieldError](e); ok {
			fmt.Println(fe.Field(), fe.Value)
		}
	}
	// Output:
	// true
	// Claim.Via "foro-penal"
	// Claim.Citation.Language "ES"
}

// The same statement delivered twice — once as entered, once read back in
// UTC with an empty relay list — is one claim: EqualTo compares the two
// through pointers, as Equal does by value. A revised figure is another
// claim.
func ExampleClaim_EqualTo() {
	caracas := time.FixedZone("VET", -4*3600)
	a := source.Claim{
		ID:       source.MustClaimID("fp/2026-01-25/2"),
		Source:   source.MustSourceID("foro-penal"),
		Stated:   time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas),
		Measure:  source.Releases,
		Scope:    release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(release.MustDate(2026, time.January, 25))),
		Quantity: source.MustQuantity("104"),
		Status:   source.Verified,
		Basis:    source.NamedList,
	}
	b := a
	b.Via = []source.SourceID{}
	b.Stated = a.Stated.In(time.FixedZone("also VET", -4*3600))
	fmt.Println(a.EqualTo(&b), a.Equal(b))
	b.Quantity = source.MustQuantity("106")
	fmt.Println(a.EqualTo(&b))
	// Output:
	// true true
	// false
}
