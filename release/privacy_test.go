package release_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// propNoPrinterShowsPersonalData is the invariant: whatever holds a
// distinctive name and national ID — a Secret, a Detainee, a Disclosed, a
// Ledger, any of them nested in slices, maps, exported and unexported
// fields of a caller's struct — no fmt verb, slog handler, encoding/json or
// testify diff shows them, nor any error about them; only Reveal and a
// Disclosed's JSON do.
func propNoPrinterShowsPersonalData(t *rapid.T) {
	name := releasetest.DistinctiveName().Draw(t, "name")
	nid := releasetest.DistinctiveNationalID().Draw(t, "nationalID")
	d := releasetest.Detainee().Draw(t, "detainee")
	d.Name, d.NationalID = release.NewSecret(name), release.NewSecret(nid)
	var l release.Ledger
	if err := l.Register(d); err != nil {
		d.Detained = release.Date{}
		if err := l.Register(d); err != nil {
			t.Fatalf("registering %v: %v", d, err)
		}
	}

	var errs []error
	// Every error a detainee's values can cause: each field broken beside
	// the name, the name and ID themselves malformed, a duplicate, JSON
	// that cannot be read, with the name in every field.
	bad := d
	bad.Sex, bad.Category, bad.BirthYear = 9, 99, 1800
	bad.Facility = strings.Repeat("x", release.MaxFacilityLen+1)
	errs = append(errs, bad.Validate())
	for _, broken := range []release.Detainee{
		{ID: d.ID, Name: release.NewSecret(name + "\xff"), NationalID: release.NewSecret(nid + "\xff")},
		{ID: d.ID, Name: release.NewSecret(strings.Repeat(name, release.MaxNameLen/len(name)+1))},
		{ID: d.ID, NationalID: release.NewSecret(nid + strings.Repeat("9", release.MaxNationalIDLen))},
		{ID: d.ID, NationalID: release.NewSecret(name)}, // a name in the national ID: no digit
		{Name: d.Name, NationalID: d.NationalID, Facility: name, Detained: release.MustDate(2026, time.January, 2), BirthYear: 2030},
	} {
		errs = append(errs, broken.Validate(), l.Register(broken))
		_, err := json.Marshal(broken)
		errs = append(errs, err)
		_, err = json.Marshal(release.Disclosed{Detainee: broken})
		errs = append(errs, err)
	}
	errs = append(errs, l.Register(d))
	q := fmt.Sprintf("%q", name)
	fields := []string{"id", "name", "national_id", "sex", "birth_year", "category", "region", "facility", "detained", "x"}
	for _, field := range rapid.SliceOfNDistinct(rapid.SampledFrom(fields), 3, 3, func(s string) string { return s }).Draw(t, "jsonFields") {
		for _, v := range []string{q, fmt.Sprintf("%q", nid), "[" + q + "]", "{" + q + ":1}"} {
			var got release.Detainee
			errs = append(errs, json.Unmarshal([]byte(`{"id":"A","`+field+`":`+v+`}`), &got))
			errs = append(errs, json.Unmarshal([]byte(`{"id":"A","`+field+`":`+v), &got))
		}
	}
	// Every printer, on one holder drawn per case (all of them, every
	// time, cost too much); TestEveryPrinterOfEveryHolder prints them all.
	hs := holders(d, &l)
	out := releasetest.PrintErrors(errs...) + releasetest.PrintEverywhere(testifyDiff, hs[rapid.IntRange(0, len(hs)-1).Draw(t, "holder")])
	// Disclosed is the request to encode the name and ID: every printer
	// but encoding/json (and so slog's JSON handler below the top level)
	// still hides them.
	disc := release.Disclosed{Detainee: d}
	for _, verb := range releasetest.Verbs {
		out += fmt.Sprintf(verb, disc) + fmt.Sprintf(verb, &disc) + fmt.Sprintf(verb, []release.Disclosed{disc})
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("m", "d", disc)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("m", "d", disc, "ds", []release.Disclosed{disc})
	out += logs.String()
	if form, ok := releasetest.FindSecret(out, name, nid); ok {
		t.Fatalf("output shows %q: ...%s...", form, releasetest.Around(out, form))
	}

	// Reveal, and the JSON of Disclosed, do show them: the test would see
	// a leak.
	disclosed, err := json.Marshal(release.Disclosed{Detainee: d})
	if err != nil {
		t.Fatal(err)
	}
	for _, shown := range []string{d.Name.Reveal() + d.NationalID.Reveal(), string(disclosed)} {
		if _, ok := releasetest.FindSecret(shown, name, nid); !ok {
			t.Fatalf("the check does not see %q in %q", name, shown)
		}
	}
}

// holders are the values that hold d's name and national ID: the Secrets,
// the Detainee, the Ledger (by value and pointer), in a caller's
// collections and in unexported struct fields, and what their LogValue
// methods give.
func holders(d release.Detainee, l *release.Ledger) []any {
	return []any{
		d.Name, d.NationalID, d, *l, l,
		[]release.Secret{d.Name}, map[release.Secret]release.Detainee{d.Name: d},
		struct{ name, id release.Secret }{d.Name, d.NationalID},
		struct{ d release.Detainee }{d},
		d.LogValue(), d.Name.LogValue(), l.LogValue(),
	}
}

// TestEveryPrinterOfEveryHolder prints every holder of one person's name
// and national ID with every printer, and looks for them.
func TestEveryPrinterOfEveryHolder(t *testing.T) {
	name, nid := "Zqárelto Xwímenvo Qzuñarte Vqelítrox", "V-23.456.789" // invented
	d := release.Detainee{ID: release.MustDetaineeID("FP-1"), Name: release.NewSecret(name), NationalID: release.NewSecret(nid),
		Region: release.MustRegion("VE/Zulia"), Detained: release.MustDate(2026, time.January, 2), BirthYear: 1980, Facility: "Rodeo I"}
	var l release.Ledger
	if err := l.Register(d); err != nil {
		t.Fatal(err)
	}
	out := releasetest.PrintEverywhere(testifyDiff, holders(d, &l)...)
	if form, ok := releasetest.FindSecret(out, name, nid); ok {
		t.Fatalf("output shows %q: ...%s...", form, releasetest.Around(out, form))
	}
	// The check sees them where they are.
	if _, ok := releasetest.FindSecret(releasetest.PrintEverywhere(testifyDiff, struct{ Name, NationalID string }{name, nid}), name, nid); !ok {
		t.Fatal("the check misses plain strings")
	}
}

func TestNoPrinterShowsPersonalData(t *testing.T) {
	rapid.Check(t, propNoPrinterShowsPersonalData)
}

func FuzzNoPrinterShowsPersonalData(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propNoPrinterShowsPersonalData))
}
