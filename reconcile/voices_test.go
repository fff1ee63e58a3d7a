package reconcile_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/source"
)

// TestVoicesCountWhoSpokeApartFromWhoRelayed: Evidence.Voices counts the
// sources that stated a claim, then the outlets that only relayed one; an
// outlet that both states and relays counts once, as a source that spoke,
// and a source that neither states nor relays is in neither count.
func TestVoicesCountWhoSpokeApartFromWhoRelayed(t *testing.T) {
	sc := scope(political, ve, day(25))
	efeID, unusedID := source.MustSourceID("efe"), source.MustSourceID("unused")
	sources := append(standardSources(), src(efeID, source.Media, "0.8"), src(unusedID, source.NGO, "0.5"))
	via := func(c source.Claim, id string, outlets ...source.SourceID) source.Claim {
		c = c.Clone()
		c.ID, c.Via = source.MustClaimID(id), outlets
		return c
	}
	ngo := say("ngo-104", ngoID, at(25, 20), sc, "104")
	gov := say("gov-120", govID, at(25, 21), sc, "120")
	afpOwn := say("afp-130", afpID, at(25, 22), sc, "130")
	for _, tc := range []struct {
		name            string
		claims          []source.Claim
		stated, relayed int
	}{
		{"nothing", nil, 0, 0},
		{"one claim", []source.Claim{ngo}, 1, 0},
		{"no relays", []source.Claim{ngo, gov}, 2, 0},
		{"a relay", []source.Claim{via(ngo, "afp-104", afpID), gov}, 2, 1},
		{"a statement and its relay", []source.Claim{ngo, via(ngo, "afp-104", afpID)}, 1, 1},
		{"one outlet relays twice", []source.Claim{via(ngo, "afp-104", afpID), via(gov, "afp-120", afpID)}, 2, 1},
		{"two outlets relay", []source.Claim{via(ngo, "afp-104", afpID, efeID), gov}, 2, 2},
		{"an outlet that speaks and relays", []source.Claim{via(ngo, "afp-104", afpID), gov, afpOwn}, 3, 0},
		{"an outlet that speaks and relays, and one that relays", []source.Claim{via(ngo, "afp-104", afpID, efeID), afpOwn}, 2, 1},
		{"a source relayed by a source that speaks", []source.Claim{via(ngo, "gov-104", govID), gov}, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := build(t, sources, tc.claims)
			stated, relayed := e.Voices()
			assert.Equal(t, tc.stated, stated, "sources that stated a claim")
			assert.Equal(t, tc.relayed, relayed, "outlets that only relayed")
			assert.Equal(t, len(sources), e.NumSources(), "NumSources still counts every source")
		})
	}
}

// TestVoicesPartitionTheSourcesNamedByClaims checks on random evidence the
// invariant of Evidence.Voices: stated is the number of distinct
// Claim.Source, and stated+relayed the number of distinct sources named as
// Source or in Via, so no source is counted twice and none that a claim
// names is left out.
func TestVoicesPartitionTheSourcesNamedByClaims(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := reconciletest.Evidence().Draw(t, "evidence")
		spoke, named := map[source.SourceID]bool{}, map[source.SourceID]bool{}
		for c := range e.Claims() {
			spoke[c.Source], named[c.Source] = true, true
			for _, o := range c.Via {
				named[o] = true
			}
		}
		stated, relayed := e.Voices()
		if stated != len(spoke) || stated+relayed != len(named) {
			t.Fatalf("Voices() = %d, %d; want %d stated of %d named", stated, relayed, len(spoke), len(named))
		}
	})
}

// The AFP carries Foro Penal's 104 and the government's 626; Foro Penal
// also said 104 itself. Two sources spoke; one other only relayed them.
func ExampleEvidence_Voices() {
	fp := exFPSays("fp-104", 20, "at least 104")
	afpFP := fp.Clone()
	afpFP.ID, afpFP.Via = source.MustClaimID("afp-fp-104"), []source.SourceID{exAFP.ID}
	gov := source.Claim{ID: source.MustClaimID("gov-626"), Source: exGov.ID, Via: []source.SourceID{exAFP.ID},
		Stated: exAt(21), Measure: source.Releases, Scope: exSunday, Quantity: source.MustQuantity("626"),
		Status: source.Final, Basis: source.Announcement}
	var e reconcile.Evidence
	e = exMust(e.AddSources(exFP, exAFP, exGov))
	e = exMust(e.AddClaims(fp, afpFP, gov))
	stated, relayed := e.Voices()
	fmt.Printf("%d claims by %d sources, relayed by %d other\n", e.NumClaims(), stated, relayed)
	// Output:
	// 3 claims by 2 sources, relayed by 1 other
}
