package reconcile_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// propPledgeChangesNoFigure: a pledge — a figure announced for releases
// still to come — changes no number of any figure, whatever it says and
// whatever it names in Supersedes, and is listed in the figure of its
// scope.
func propPledgeChangesNoFigure(t *rapid.T) {
	e := reconciletest.Evidence().Draw(t, "e")
	var plain []source.Claim
	for _, c := range claimsOf(e) {
		if c.Relative.IsZero() && c.Scope.IsValid() {
			plain = append(plain, c)
		}
	}
	if len(plain) == 0 {
		return
	}
	c := rapid.SampledFrom(plain).Draw(t, "claim")
	pledge := source.Claim{
		ID: newID(t, "pledge"), Source: c.Source, Via: c.Via, Stated: c.Stated, DayOnly: c.DayOnly,
		Measure: c.Measure, Scope: c.Scope, Status: source.Pledged,
		Basis: rapid.SampledFrom([]source.Basis{source.Announcement, source.NamedList, source.Estimate}).Draw(t, "basis"),
		Quantity: rapid.SampledFrom([]source.Quantity{
			c.Quantity, source.MustQuantity("0"), source.MustQuantity("5636"), source.MustQuantity("up to 36"),
			source.MustQuantity("more than 600"), source.MustQuantity("about 90"),
		}).Draw(t, "pledged figure"),
	}
	if !pledge.Quantity.IsValid() {
		pledge.Quantity = source.MustQuantity("24")
	}
	if rapid.Bool().Draw(t, "names what it would supersede") {
		pledge.Supersedes = c.ID
	}
	e2 := mustAdd(t, e, pledge)
	queries := drawQueries(t)
	for _, p := range everyRule(reconciletest.Policy().Draw(t, "p")) {
		ix, ix2 := mustIndex(t, e, p), mustIndex(t, e2, p)
		sameNumbers(t, "pledging "+pledge.ID.String(), ix, ix2, queries, e, e2)
		f := mustFigure(t, ix2, pledge.Measure, pledge.ResolvedScope())
		if !slices.Contains(f.Pledged, pledge.ID) {
			t.Fatalf("pledge %s is not listed:\n%s", pledge.ID, f.Describe())
		}
		r, _ := ix2.Reading(pledge.ID)
		if r.State != reconcile.Pledged {
			t.Fatalf("pledge %s read as %s", pledge.ID, r.State)
		}
		if r0, _ := ix.Reading(c.ID); r0.State != func() reconcile.ClaimState { r, _ := ix2.Reading(c.ID); return r.State }() {
			t.Fatalf("pledge %s changed how %s is read: %s", pledge.ID, c.ID, r0.State)
		}
	}
}

func TestPledgeChangesNoFigure(t *testing.T) {
	rapid.Check(t, propPledgeChangesNoFigure)
}

// A government that reported 40 releases and then pledged 100 more for the
// same day has not revised its 40: the pledge is listed, never counted,
// and supersedes nothing even when it names the report.
func TestPledgeIsListedNotCounted(t *testing.T) {
	day := release.MustScope(release.MustPopulation("detainees"), release.MustRegion("MM"), release.Day(release.MustDate(2021, time.October, 18)))
	at := func(h int) time.Time {
		return time.Date(2021, time.October, 18, h, 0, 0, 0, time.FixedZone("MMT", 23400))
	}
	report := source.Claim{ID: source.MustClaimID("junta-40"), Source: exGov.ID, Stated: at(9), Measure: source.Releases,
		Scope: day, Quantity: source.MustQuantity("40"), Status: source.Final, Basis: source.Announcement}
	pledge := report
	pledge.ID, pledge.Stated, pledge.Quantity, pledge.Status = source.MustClaimID("junta-5636"), at(20), source.MustQuantity("5636"), source.Pledged
	pledge.Supersedes = report.ID
	ev := build(t, []source.Source{exGov}, []source.Claim{report, pledge})
	ix := realIndex(t, ev, reconcile.DefaultPolicy())
	f, err := ix.Figure(source.Releases, day)
	require.NoError(t, err)
	assert.Equal(t, "40 40 40", fmt.Sprint(f.Low, f.Best, f.High))
	assert.Equal(t, ids("junta-40"), f.Claims)
	assert.Equal(t, ids("junta-5636"), f.Pledged)
	assert.Empty(t, f.Superseded)
	r, ok := ix.Reading(pledge.ID)
	require.True(t, ok)
	assert.Equal(t, reconcile.Pledged, r.State)
	assert.Equal(t, "[5636, 5636]", r.Interval.String(), "the pledge's figure is read, for a reader to compare")
	ds, err := ix.Discrepancies(source.Releases, day)
	require.NoError(t, err)
	assert.Empty(t, ds, "a pledge is no discrepancy: it says nothing of what happened")
}
