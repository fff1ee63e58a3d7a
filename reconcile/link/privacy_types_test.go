package link_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
	"github.com/freedcount/freedcount/source"
)

// linkHolders returns every exported type of package link that holds a
// name or national ID, with name and nid in it: a Record, a List, a Name,
// a Cedula, a Result linking the list, and a caller's struct holding them
// in unexported fields.
//
// The Result, second, holds the prepared records, names folded into
// dictionaries for comparison: it promises nothing to printers that follow
// pointers into its internals (go-spew, which testify's diff uses; fmt on
// an unexported field of it with a bad verb). It is printed without the
// diff, and not in unexported fields.
func linkHolders(t interface{ Fatal(...any) }, name, nid string) (holders, results []any) {
	rec := link.Record{ID: release.MustDetaineeID("R-1"),
		Values: release.NewSecrets([]string{name, nid, "1980", "female", "VE/Zulia", "Rodeo I"})}
	other := link.Record{ID: release.MustDetaineeID("R-2"),
		Values: release.NewSecrets([]string{name, "", "1981", "", "", ""})}
	list := link.List{Source: source.MustSourceID("ngo"), Stated: time.Date(2026, 1, 25, 0, 0, 0, 0, time.UTC), Records: []link.Record{rec, other}}
	r, err := link.Link(link.DetaineeConfig(), list)
	if err != nil {
		t.Fatal(err)
	}
	n, err := link.ParseName(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := link.ParseCedula(nid)
	if err != nil {
		t.Fatal(err)
	}
	type held struct {
		rec  link.Record
		list link.List
		name link.Name
		ced  link.Cedula
	}
	type exported struct{ R link.Result }
	return []any{rec, list, []link.Record{rec}, n, c, held{rec, list, n, c}},
		[]any{r, *r, exported{*r}, []*link.Result{r}, map[string]link.Result{"r": *r}}
}

// TestNoPrinterShowsWhatLinkHolds: the names and cédulas that link's
// types hold show in no printer: fmt (every verb, also by reflection
// through unexported fields), log/slog, encoding/json, testify's diff.
func TestNoPrinterShowsWhatLinkHolds(t *testing.T) {
	name, nid := "Zqárelto Xwímenvo Qzuñarte Vqelítrox", "V-23.456.789" // invented
	hs, rs := linkHolders(t, name, nid)
	out := releasetest.PrintEverywhere(testifyDiff, hs...) + releasetest.PrintWithoutDiff(rs...)
	if form, ok := releasetest.FindSecret(out, name, nid); ok {
		t.Fatalf("output shows %q: ...%s...", form, releasetest.Around(out, form))
	}
}

// propLinkTypesShowNoPersonalData is the invariant of the test above, for
// any distinctive name and cédula, on one holder drawn per case.
func propLinkTypesShowNoPersonalData(t *rapid.T) {
	name := releasetest.DistinctiveName().Draw(t, "name")
	nid := releasetest.DistinctiveNationalID().Draw(t, "nationalID")
	hs, rs := linkHolders(t, name, nid)
	out := releasetest.PrintEverywhere(testifyDiff, hs[rapid.IntRange(0, len(hs)-1).Draw(t, "holder")]) +
		releasetest.PrintWithoutDiff(rs[rapid.IntRange(0, len(rs)-1).Draw(t, "result")])
	if form, ok := releasetest.FindSecret(out, name, nid); ok {
		t.Fatalf("output shows %q", form)
	}
}

func TestLinkTypesShowNoPersonalData(t *testing.T) {
	rapid.Check(t, propLinkTypesShowNoPersonalData)
}
