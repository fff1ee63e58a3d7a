// Command venezuela2026 reconciles the figures of the AFP report of 26
// January 2026 on releases of political prisoners in Venezuela, exactly as
// the report gives them, and prints the figures, the claims set aside and
// the discrepancy between the government's and Foro Penal's counts.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "venezuela2026:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	ev, err := evidence()
	if err != nil {
		return err
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		return err
	}
	ve := release.MustRegion("VE")
	sunday := release.Day(release.MustDate(2026, time.January, 25))
	// "Since December", stated on 25 January: open periods close at the day
	// a claim was stated.
	since := release.MustPeriod(release.MustDate(2025, time.December, 1), release.MustDate(2026, time.January, 25))
	rows := []struct {
		label string
		scope release.Scope
	}{
		{"political prisoners released on Sunday 25 January", release.MustScope(political, ve, sunday)},
		{"political prisoners released since 1 December", release.MustScope(political, ve, since)},
		{"detainees released since 1 December", release.MustScope(detainees, ve, since)},
	}

	fmt.Fprintln(w, "Releases in Venezuela, as reported by AFP on 26 January 2026")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-52s\tverified\tlow\tbest\thigh\tconsensus\tconfidence\t\n", "figure")
	var figs []reconcile.Figure
	for _, r := range rows {
		f, err := ix.Figure(source.Releases, r.scope)
		if err != nil {
			return err
		}
		figs = append(figs, f)
		fmt.Fprintf(tw, "%-52s\t%d\t%d\t%s\t%s\t%s\t%s\t\n", r.label, f.Verified, f.Low, orMore(f.Best, f.BestOpen), orMore(f.High, f.HighOpen), f.Consensus, f.Confidence)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "\"104+\": Foro Penal's count \"is not yet definitive and could increase\": a lower bound,")
	fmt.Fprintln(w, "never a maximum. The high of 344 for Sunday is the cap that its own \"about half as")
	fmt.Fprintln(w, "many\" since 1 December (about 313, at most 344) gives. Verified: the 104 releases")
	fmt.Fprintln(w, "Foro Penal counted from its named list.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Claims behind each figure")
	for i, f := range figs {
		fmt.Fprintf(w, "  %s: %s\n", rows[i].label, ids(f.Support))
		if len(f.FloorFrom) > 0 {
			fmt.Fprintf(w, "    floor %d from its parts: %s\n", f.Floor, ids(f.FloorFrom))
		}
		if len(f.CapFrom) > 0 {
			if hi, ok := f.Cap.Hi(); ok {
				fmt.Fprintf(w, "    capped at %d by the wider scope: %s\n", hi, ids(f.CapFrom))
			}
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "Claims set aside")
	for c := range ev.Claims() {
		r, _ := ix.Reading(c.ID)
		switch r.State {
		case reconcile.Superseded:
			fmt.Fprintf(w, "  %s (%s) superseded by %s\n", c.ID, c.Quantity, r.By)
		case reconcile.Relayed:
			fmt.Fprintf(w, "  %s relayed by %s: the same statement as %s, counted once\n", c.ID, via(c), r.By)
		}
	}

	fmt.Fprintln(w)
	review := ix.Review()
	fmt.Fprintf(w, "Discrepancies: %d material", len(review.Material))
	for _, c := range review.Explained {
		fmt.Fprintf(w, "; %s %d", c.Cause, c.Pairs)
	}
	fmt.Fprintln(w, " (explained by their cause)")
	ds, err := ix.Discrepancies(source.Releases, rows[2].scope)
	if err != nil {
		return err
	}
	for _, d := range ds {
		fmt.Fprintf(w, "  %s (%s): %s %s of %s\n", name(ev, d.A.Source), d.A.Claim, d.A.Quantity, d.A.Measure, d.A.Scope)
		fmt.Fprintf(w, "  %s (%s): %s %s of %s\n", name(ev, d.B.Source), d.B.Claim, d.B.Quantity, d.B.Measure, d.B.Scope)
		fmt.Fprintf(w, "    cause: %s; the scopes also differ in: %s; nested: %t; conflict: %t\n",
			d.Cause, causes(d.Differences), d.Nested, d.Conflict)
	}
	return nil
}

// orMore writes n, followed by "+" when it is a lower bound only.
func orMore(n int, open bool) string {
	if open {
		return fmt.Sprintf("%d+", n)
	}
	return fmt.Sprint(n)
}

func ids(list []source.ClaimID) string {
	if len(list) == 0 {
		return "-"
	}
	s := make([]string, len(list))
	for i, id := range list {
		s[i] = id.String()
	}
	return strings.Join(s, ", ")
}

func name(ev reconcile.Evidence, id source.SourceID) string {
	if s, ok := ev.Source(id); ok {
		return s.Name
	}
	return id.String()
}

func causes(cs []reconcile.Cause) string {
	if len(cs) < 2 {
		return "-"
	}
	s := make([]string, 0, len(cs)-1)
	for _, c := range cs[1:] {
		s = append(s, c.String())
	}
	return strings.Join(s, ", ")
}

func via(c source.Claim) string {
	s := make([]string, len(c.Via))
	for i, v := range c.Via {
		s[i] = v.String()
	}
	return strings.Join(s, ", ")
}

// The populations the report speaks of: the government counts detainees,
// Foro Penal political prisoners, who are among them.
var (
	detainees = release.MustPopulation("detainees")
	political = release.MustPopulation("detainees/political")
)

// caracas is Venezuela's time zone, UTC−4 all year.
var caracas = time.FixedZone("VET", -4*60*60)

func evidence() (reconcile.Evidence, error) {
	fp, afp, gov := source.MustSourceID("foro-penal"), source.MustSourceID("afp"), source.MustSourceID("ve-government")
	sources := []source.Source{
		{ID: fp, Name: "Foro Penal", Kind: source.NGO, Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")},
		{ID: afp, Name: "AFP", Kind: source.Media, Method: source.Relays, Confidence: decimal.RequireFromString("0.8")},
		{ID: gov, Name: "Government of Venezuela", Kind: source.Government, Method: source.Announces, Confidence: decimal.RequireFromString("0.7")},
	}
	ve := release.MustRegion("VE")
	sunday := release.Day(release.MustDate(2026, time.January, 25))
	sinceDecember := release.Since(release.MustDate(2025, time.December, 1))
	morning := time.Date(2026, time.January, 25, 9, 0, 0, 0, caracas)
	evening := time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas)
	claims := []source.Claim{
		{ID: source.MustClaimID("fp-80"), Source: fp, Stated: morning, Measure: source.Releases,
			Scope: release.MustScope(political, ve, sunday), Quantity: source.MustQuantity("80"),
			Status: source.Preliminary, Basis: source.NamedList},
		{ID: source.MustClaimID("fp-104"), Source: fp, Stated: evening, Measure: source.Releases,
			Scope: release.MustScope(political, ve, sunday), Quantity: source.MustQuantity("104"),
			Status: source.Preliminary, Basis: source.NamedList, Supersedes: source.MustClaimID("fp-80")},
		{ID: source.MustClaimID("afp-fp-104"), Source: fp, Via: []source.SourceID{afp}, Stated: evening, Measure: source.Releases,
			Scope: release.MustScope(political, ve, sunday), Quantity: source.MustQuantity("104"),
			Status: source.Preliminary, Basis: source.NamedList, Supersedes: source.MustClaimID("fp-80")},
		{ID: source.MustClaimID("gov-626"), Source: gov, Via: []source.SourceID{afp}, Stated: evening, Measure: source.Releases,
			Scope: release.MustScope(detainees, ve, sinceDecember), Quantity: source.MustQuantity("626"),
			Status: source.Final, Basis: source.Announcement},
		{ID: source.MustClaimID("fp-half"), Source: fp, Via: []source.SourceID{afp}, Stated: evening, Measure: source.Releases,
			Scope:    release.MustScope(political, ve, sinceDecember),
			Relative: source.Relative{To: source.MustClaimID("gov-626"), Ratio: decimal.RequireFromString("0.5"), Kind: source.About},
			Status:   source.Verified, Basis: source.NamedList},
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(sources...)
	if err != nil {
		return ev, err
	}
	return ev.AddClaims(claims...)
}
