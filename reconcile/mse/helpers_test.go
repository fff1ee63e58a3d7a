package mse_test

import (
	"time"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// spec is a claim specification for tests.
var spec = mse.ClaimSpec{
	ID:      source.MustClaimID("mse-zulia"),
	Source:  source.MustSourceID("analyst"),
	Stated:  time.Date(2026, time.February, 1, 12, 0, 0, 0, time.UTC),
	Measure: source.Releases,
	Scope: release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE/Zulia"),
		release.MustPeriod(release.MustDate(2026, time.January, 1), release.MustDate(2026, time.January, 31))),
}
