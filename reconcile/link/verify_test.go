package link_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

var (
	political = release.MustPopulation("detainees/political")
	jan       = func(d int) release.Date { return release.MustDate(2026, time.January, d) }
	lateJan   = release.MustPeriod(jan(20), jan(31))
)

// evidenceFor returns evidence holding a source for each list.
func evidenceFor(t fataler, lists []link.List) reconcile.Evidence {
	var ev reconcile.Evidence
	for _, l := range lists {
		var err error
		ev, err = ev.AddSources(source.Source{ID: l.Source, Name: "List " + l.Source.String(), Kind: source.NGO,
			Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")})
		if err != nil {
			t.Fatalf("AddSources: %v", err)
		}
	}
	return ev
}

// TestVerifiedCountsPeopleNotRecords: one person in two lists, one
// person twice in a list, counts once.
func TestVerifiedCountsPeopleNotRecords(t *testing.T) {
	scope := release.MustScope(political, release.MustRegion("VE/Caracas"), release.Day(jan(25)))
	at := time.Date(2026, time.January, 31, 20, 0, 0, 0, time.UTC)
	rec := func(id, name, ced string) link.Record {
		return link.Record{ID: release.MustDetaineeID(id), Values: release.NewSecrets([]string{name, ced, "", "", "", ""}), Released: scope}
	}
	ngo := link.List{Source: source.MustSourceID("ngo"), Stated: at, Records: []link.Record{
		rec("n1", "Ana Lucía Mendoza Ferrer", "V-10.203.040"),
		rec("n2", "Efraín José Zambrano Ríos", "V-13.579.246"),
		rec("n3", "ANA LUCIA MENDOZA FERRER", "V10203040"), // a duplicate
	}}
	gov := link.List{Source: source.MustSourceID("gov"), Stated: at, Unique: true, Records: []link.Record{
		rec("g1", "Mendoza Ferrer, Ana Lucía", "10.203.040"),
		rec("g2", "Dayana Sofía Briceño Lara", "V-20.864.197"),
	}}
	r := mustLink(t, link.DetaineeConfig(), ngo, gov)
	c := r.Verified(release.MustScope(political, release.MustRegion("VE"), lateJan))
	if c.People != 3 || c.Records != 5 {
		t.Fatalf("Verified = %+v, want 3 people in 5 records", c)
	}
	want := []link.SourceCount{{Source: gov.Source, People: 2, Records: 2}, {Source: ngo.Source, People: 2, Records: 3}}
	if len(c.Sources) != 2 || c.Sources[0] != want[0] || c.Sources[1] != want[1] {
		t.Fatalf("per source %+v, want %+v", c.Sources, want)
	}
	if got := r.Verified(release.MustScope(political, release.MustRegion("VE/Zulia"), lateJan)); got.People != 0 {
		t.Fatalf("people released in Zulia: %+v", got)
	}
	vs := r.Verifications()
	ids := map[release.DetaineeID]bool{}
	for _, v := range vs {
		ids[v.Detainee] = true
	}
	if len(ids) != 3 || len(vs) != 4 { // Ana verified by both sources: two verifications of one person
		t.Fatalf("verifications %v", vs)
	}
}

// TestVerificationsAreTheVerifiedFloorOfReconcile: the verifications of a
// linkage, added to evidence, give reconcile the same verified count as
// Result.Verified, for every scope; and with a claim, the unverified rest
// is the consensus less the verified people.
func TestVerificationsAreTheVerifiedFloorOfReconcile(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vc := verifyCases().Draw(t, "case")
		lists, scope := vc.lists, vc.scope
		r := mustLink(t, link.DetaineeConfig(), lists...)
		ev, err := evidenceFor(t, lists).AddVerifications(r.Verifications()...)
		if err != nil {
			t.Fatalf("AddVerifications: %v", err)
		}
		count := r.Verified(scope)
		claimed := count.People + vc.more
		ev, err = ev.AddClaims(source.Claim{
			ID: source.MustClaimID("claim"), Source: lists[0].Source, Stated: time.Date(2026, time.February, 1, 12, 0, 0, 0, time.UTC),
			Measure: source.Releases, Scope: scope, Quantity: source.MustQuantity("exactly " + itoa(claimed)),
			Status: source.Final, Basis: source.Announcement,
		})
		if err != nil {
			t.Fatalf("AddClaims: %v", err)
		}
		ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		fig, err := ix.Figure(source.Releases, scope)
		if err != nil {
			t.Fatal(err)
		}
		if fig.Verified != count.People {
			t.Fatalf("reconcile verifies %d people in %s, the linkage %d", fig.Verified, scope, count.People)
		}
		if fig.Verified > fig.Low {
			t.Fatalf("verified %d above low %d", fig.Verified, fig.Low)
		}
		lo := fig.Unverified.Lo()
		if lo != claimed-count.People {
			t.Fatalf("unverified %v, want %d (claimed %d − verified %d)", fig.Unverified, claimed-count.People, claimed, count.People)
		}
		recordsIn := 0
		for _, l := range lists {
			for _, rec := range l.Records {
				if rec.Released.IsValid() && scope.Contains(rec.Released) {
					recordsIn++
				}
			}
		}
		if count.Records != recordsIn || count.People > count.Records {
			t.Fatalf("count %+v, %d records released in scope", count, recordsIn)
		}
	})
	// The property is not vacuous: over a fixed set of seeds (so that the
	// count does not depend on how many checks rapid runs), some scopes
	// drawn hold two verified people or more.
	nonEmpty := 0
	for seed := range 100 {
		vc := verifyCases().Example(seed)
		r, err := link.Link(link.DetaineeConfig(), vc.lists...)
		if err != nil {
			t.Fatal(err)
		}
		if r.Verified(vc.scope).People > 1 {
			nonEmpty++
		}
	}
	if nonEmpty == 0 {
		t.Error("no scope drawn in 100 seeds held two verified people: the property is vacuous")
	}
}

// verifyCase is a linkage to check against reconcile: the lists, a scope to
// count in, and how many more releases a claim announces than are verified.
type verifyCase struct {
	lists []link.List
	scope release.Scope
	more  int
}

func verifyCases() *rapid.Generator[verifyCase] {
	return rapid.Custom(func(t *rapid.T) verifyCase {
		lists := linktest.Lists().Draw(t, "lists")
		region := rapid.SampledFrom([]string{"VE", "VE/Zulia", "VE/Miranda", "VE/Distrito Capital"}).Draw(t, "region")
		first := rapid.IntRange(20, 27).Draw(t, "first")
		scope := release.MustScope(political, release.MustRegion(region), release.MustPeriod(jan(first), jan(first+rapid.IntRange(0, 4).Draw(t, "days"))))
		return verifyCase{lists, scope, rapid.IntRange(0, 20).Draw(t, "more")}
	})
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }
