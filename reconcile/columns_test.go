package reconcile_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"pgregory.net/rapid"
)

// propColumnsLinkedByContainment: every column of a measure is linked up
// to each column whose population and region contain its own and down to
// each it contains — the flow columns created for the floors that closed
// registers' stocks imply included, however many there are and in
// whatever order they appear.
func propColumnsLinkedByContainment(t *rapid.T) {
	e := reconciletest.Evidence().Draw(t, "e")
	p := reconciletest.Policy().Draw(t, "p")
	var srcs []source.SourceID
	for s := range e.Sources() {
		srcs = append(srcs, s.ID)
	}
	if len(srcs) == 0 {
		return
	}
	p.ClosedRegisters = srcs
	pops := []release.Population{detainees, political, common}
	var regs []release.Region
	for _, r := range []release.Region{ve, zulia, caracas} {
		regs = append(regs, r)
		for k := range 3 {
			regs = append(regs, release.MustRegion(fmt.Sprintf("%s/D%d", r, k)))
		}
	}
	var held []source.Claim
	for k := range rapid.IntRange(1, 40).Draw(t, "stock figures") {
		d := rapid.IntRange(10, 28).Draw(t, "day")
		held = append(held, source.Claim{
			ID: source.MustClaimID(fmt.Sprintf("held-%d", k)), Source: rapid.SampledFrom(srcs).Draw(t, "source"),
			Stated: at(d, 20+k%3), Measure: source.Held,
			Scope:    scope(rapid.SampledFrom(pops).Draw(t, "population"), rapid.SampledFrom(regs).Draw(t, "region"), day(d)),
			Quantity: source.MustQuantity(fmt.Sprint(rapid.IntRange(100, 2000).Draw(t, "held"))),
			Status:   source.Final, Basis: source.Announcement,
		})
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(slices.Collect(e.Sources())...)
	if err == nil {
		ev, err = ev.AddClaims(held...)
	}
	if err != nil {
		t.Fatalf("evidence of distinct claims refused: %v", err)
	}
	ix := mustIndex(t, ev, p)
	if err := ix.ColumnLinksError(); err != nil {
		t.Fatalf("%v (of %d columns)", err, ix.Columns())
	}
}

func TestColumnsLinkedByContainment(t *testing.T) {
	rapid.Check(t, propColumnsLinkedByContainment)
}
