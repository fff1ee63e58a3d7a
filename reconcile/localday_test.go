package reconcile_test

import (
	"testing"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// TestStatementsOrderedByTheSourcesLocalDay checks that a source's
// statements are ordered by the day in the source's own zone, not in UTC:
// Foro Penal's 40 at 21:00 in Caracas on 25 January (already 26 January in
// UTC) comes before its 50 known only to have been said on 26 January, so
// the 50 supersedes the 40. Read in UTC, both would be of the 26th and
// stand together.
func TestStatementsOrderedByTheSourcesLocalDay(t *testing.T) {
	january := release.MustScope(exPolitical, exVE, release.MustPeriod(release.MustDate(2026, time.January, 1), release.MustDate(2026, time.January, 31)))
	said := func(id string, at time.Time, dayOnly bool, q string) source.Claim {
		return source.Claim{ID: source.MustClaimID(id), Source: exFP.ID, Stated: at, DayOnly: dayOnly, Measure: source.Releases,
			Scope: january, Quantity: source.MustQuantity(q), Status: source.Final, Basis: source.NamedList}
	}
	var ev reconcile.Evidence
	ev = exMust(ev.AddSources(exFP))
	ev = exMust(ev.AddClaims(
		said("fp-40", time.Date(2026, time.January, 25, 21, 0, 0, 0, exZone), false, "40"),
		said("fp-50", source.StatedOn(release.MustDate(2026, time.January, 26)), true, "50"),
	))
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]reconcile.ClaimState{"fp-40": reconcile.Superseded, "fp-50": reconcile.Live} {
		r, ok := ix.Reading(source.MustClaimID(id))
		if !ok || r.State != want {
			t.Errorf("%s read as %v (found %v), want %v", id, r.State, ok, want)
		}
	}
}
