package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/report"
	"github.com/freedcount/freedcount/source"
)

// TestPageNeverShowsWhoWasReleased builds evidence about people whose
// register records carry distinctive names and national IDs: a named-list
// claim naming them and verifications of each by register ID. The page
// counts them and never shows a name, a national ID or a register ID, in
// either language, in the text, the chart or an attribute.
func TestPageNeverShowsWhoWasReleased(t *testing.T) {
	people := []release.Detainee{
		{ID: release.MustDetaineeID("REG-QZX-00917"), Name: release.NewSecret("Zacarías Quintanilla-Ybarra"), NationalID: release.NewSecret("V-98.765.432")},
		{ID: release.MustDetaineeID("REG-QZX-00918"), Name: release.NewSecret("Eulalia Wenceslao Pérez"), NationalID: release.NewSecret("V-87.654.321")},
	}
	ngo := source.Source{ID: source.MustSourceID("ngo"), Name: "Observatorio <Test>", Kind: source.NGO, Method: source.VerifiesIdentities,
		Confidence: decimal.RequireFromString("0.9")}
	day := release.MustDate(2026, time.January, 25)
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(day))
	stated := time.Date(2026, 1, 25, 20, 0, 0, 0, time.FixedZone("", -4*3600))
	claim := source.Claim{ID: source.MustClaimID("ngo-2"), Source: ngo.ID, Stated: stated, Measure: source.Releases, Scope: scope,
		Quantity: source.MustQuantity("2"), Status: source.Verified, Basis: source.NamedList,
		Named:    []release.DetaineeID{people[0].ID, people[1].ID},
		Citation: source.Citation{Quote: `two released <script>alert("x")</script>`, URL: "https://example.org/a?b=1&c=<2>"}}
	ev, err := reconcile.Evidence{}.AddSources(ngo)
	require.NoError(t, err)
	ev, err = ev.AddClaims(claim)
	require.NoError(t, err)
	for _, p := range people {
		ev, err = ev.AddVerifications(reconcile.Verification{Detainee: p.ID, Scope: scope, Source: ngo.ID, Stated: stated})
		require.NoError(t, err)
	}
	for _, lang := range langs {
		p := write(t, ev, report.Options{Lang: lang})
		assert.Contains(t, text(p), "2", "the people are counted")
		assert.Contains(t, p, "Observatorio &lt;Test&gt;", "free text is escaped")
		assert.NotContains(t, p, "<script>", "a quote is text, never markup")
		for _, d := range people {
			for _, secret := range []string{d.Name.Reveal(), d.NationalID.Reveal(), d.ID.String(), "Quintanilla", "Wenceslao", "98.765", "87654321"} {
				assert.NotContains(t, strings.ToLower(p), strings.ToLower(secret), "%s page shows %q", lang, secret)
			}
		}
	}
}
