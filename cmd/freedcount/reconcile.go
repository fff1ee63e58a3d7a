package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

const reconcileHead = `freedcount reconcile: the figures, and the discrepancies that matter.

Usage:
  freedcount reconcile [flags]

For every measure and scope that a claim is about, prints the verified
floor (when something is verified), the low, best and high figures (as
UCDP publishes them), the claims behind each number, the claims set aside
(superseded, relayed, retracted), and the discrepancies between claims
with their cause in words. By default only the discrepancies that matter
are listed — true conflicts first, then differences between headline
figures — and the rest are counted by cause; -all lists every one.

Example (the AFP report of 26 January 2026 on releases in Venezuela):
  freedcount reconcile -sources examples/reconcile/testdata/sources.csv \
    -claims examples/reconcile/testdata/claims.csv

A figure "104 or more" comes only from statements open above ("at least",
a count that may still rise): it is never shown as a maximum.

Formats: text (for people), csv (the figures, as interchange writes them;
-discrepancies FILE writes the discrepancies beside them), json (JSON
Lines: a header record with as_of, zone, version and policy, then one
record per figure and per discrepancy, keyed by the CSV columns' names;
see CODEBOOK.md). Output is written only once all of it is ready.

Exit status: 0 done, 1 problems in the files, 2 wrong command line,
130 interrupted (nothing written).
`

type reconcileOptions struct {
	in            inputs
	format        string
	all           bool
	discrepancies string
	best          string
}

func runReconcile(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o reconcileOptions
	fs := newFlags("reconcile", stderr, reconcileHead, "Allowed values:\n"+allowedText(release.Vocabulary{}, "  "))
	o.in.register(fs, true)
	fs.StringVar(&o.format, "format", "text", "output `format`: text, csv or json")
	fs.BoolVar(&o.all, "all", false, "list every pair of claims whose figures differ, not only those that matter")
	fs.StringVar(&o.discrepancies, "discrepancies", "", "with -format csv, also write the discrepancies to this `file`")
	fs.StringVar(&o.best, "best", "", "`rule` for the best figure, overriding the policy file's: "+strings.Join(names[reconcile.BestRule](), ", "))
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	var errs []error
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	switch o.format {
	case "text", "csv", "json":
	default:
		errs = append(errs, fmt.Errorf("-format %q: want text, csv or json%s", o.format, didYouMean(o.format, []string{"text", "csv", "json"})))
	}
	if o.discrepancies != "" && o.format != "csv" {
		errs = append(errs, errors.New("-discrepancies goes with -format csv; text and json hold the discrepancies"))
	}
	var best reconcile.BestRule
	if o.best != "" {
		if err := best.UnmarshalText([]byte(fold(o.best))); err != nil {
			errs = append(errs, fmt.Errorf("-best %q: want one of %s%s", o.best, strings.Join(names[reconcile.BestRule](), ", "), didYouMean(o.best, names[reconcile.BestRule]())))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return usageErr(stderr, "reconcile", err)
	}

	var res *results
	var usage error
	err := work(ctx, stderr, "reconciling", func() error {
		l, err := load(o.in)
		if err != nil {
			usage = err
			return nil
		}
		if best != 0 {
			l.policy.Best = best
		}
		res, err = reconcileAll(l, o.all)
		return err
	})
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	if usage != nil {
		return usageErr(stderr, "reconcile", usage)
	}
	if err != nil {
		fmt.Fprintln(stderr, "freedcount reconcile:", err)
		return exitInput
	}
	if len(res.problems) > 0 {
		printProblems(stderr, res.problems)
		fmt.Fprintln(stderr, "freedcount reconcile: nothing was reconciled; correct the problems above (\"freedcount check\" lists them too)")
		return exitInput
	}
	// Every output is encoded before any is written, and the file before
	// standard output: a bad -discrepancies path leaves no figures
	// half-published.
	var out, discOut bytes.Buffer
	switch o.format {
	case "text":
		err = writeText(&out, res)
	case "csv":
		err = interchange.WriteFigures(&out, interchange.CSV, res.figs)
		if err == nil && o.discrepancies != "" {
			err = writeDiscrepanciesCSV(&discOut, res.allDiscs())
		}
	case "json":
		err = writeJSON(&out, res)
	}
	if err == nil && o.discrepancies != "" {
		err = os.WriteFile(o.discrepancies, discOut.Bytes(), 0o644)
	}
	if err == nil {
		_, err = stdout.Write(out.Bytes())
	}
	if err != nil {
		fmt.Fprintln(stderr, "freedcount reconcile:", err)
		return exitInput
	}
	return exitOK
}

// results are the figures of an evidence set and what explains them.
type results struct {
	l        *loaded
	ix       *reconcile.Index
	figs     []reconcile.Figure
	discs    [][]reconcile.Discrepancy // by figure
	review   reconcile.Review
	all      bool
	problems []problem
}

func (r *results) allDiscs() []reconcile.Discrepancy { return slices.Concat(r.discs...) }

// reconcileAll reads the evidence of l as of its moment and reconciles it.
// Problems of the input are in results.problems.
func reconcileAll(l *loaded, all bool) (*results, error) {
	r := &results{l: l, all: all}
	if len(l.problems) > 0 {
		r.problems = l.problems
		return r, nil
	}
	ev := l.ev
	if !l.asOf.IsZero() {
		ev = ev.AsOfIn(l.asOf, l.loc)
	}
	if ps := policySources(l, ev); len(ps) > 0 {
		r.problems = ps
		return r, nil
	}
	ix, err := reconcile.NewIndex(ev, l.policy)
	if err != nil {
		for _, e := range leaves(err) {
			r.problems = append(r.problems, problem{file: l.policyFile, msg: e.Error()})
		}
		return r, nil
	}
	r.ix = ix
	r.figs = ix.Figures()
	r.review = ix.Review()
	r.discs = material(r.figs, r.review.Material)
	if all {
		if r.discs, err = everyDiscrepancy(ix, r.figs); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// policySources reports the sources that the policy names (hierarchy,
// closed registers, weights) and the evidence does not have.
func policySources(l *loaded, ev reconcile.Evidence) []problem {
	var ps []problem
	check := func(key string, ids []source.SourceID) {
		for _, id := range ids {
			if _, ok := ev.Source(id); !ok {
				var known []string
				for s := range ev.Sources() {
					known = append(known, s.ID.String())
				}
				ps = append(ps, problem{file: l.policyFile, column: key, value: fmt.Sprintf("%q", id), msg: "no such source among the sources" + didYouMean(id.String(), known)})
			}
		}
	}
	check("hierarchy", l.policy.Hierarchy)
	check("closed_registers", l.policy.ClosedRegisters)
	return ps
}

// material places each material discrepancy of the review under the figure
// its first claim is about, keeping the review's ranking.
func material(figs []reconcile.Figure, ds []reconcile.Discrepancy) [][]reconcile.Discrepancy {
	out := make([][]reconcile.Discrepancy, len(figs))
	for _, d := range ds {
		i := slices.IndexFunc(figs, func(f reconcile.Figure) bool { return f.Measure == d.A.Measure && f.Scope == d.A.Scope })
		if i < 0 {
			i = 0
		}
		if len(out) > 0 {
			out[i] = append(out[i], d)
		}
	}
	return out
}

// everyDiscrepancy returns, for each figure, the discrepancies of its
// scope that no earlier figure listed: each pair of claims once.
func everyDiscrepancy(ix *reconcile.Index, figs []reconcile.Figure) ([][]reconcile.Discrepancy, error) {
	type pair struct{ a, b source.ClaimID }
	seen := make(map[pair]bool)
	out := make([][]reconcile.Discrepancy, len(figs))
	for i, f := range figs {
		ds, err := ix.Discrepancies(f.Measure, f.Scope)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			if seen[pair{d.A.Claim, d.B.Claim}] || seen[pair{d.B.Claim, d.A.Claim}] {
				continue
			}
			seen[pair{d.A.Claim, d.B.Claim}] = true
			out[i] = append(out[i], d)
		}
	}
	return out, nil
}

func writeJSON(w io.Writer, r *results) error {
	discs := r.allDiscs()
	var b bytes.Buffer
	if err := interchange.WriteResults(&b, interchange.Header{AsOf: r.l.asOf, Zone: r.l.loc.String(), Policy: r.l.policy, Version: versionString()},
		r.figs, discs); err != nil {
		return err
	}
	// The discrepancies come last, in order, one a line: the ratio of
	// a pair about different periods is null.
	var out bytes.Buffer
	i := 0
	for line := range strings.Lines(b.String()) {
		if strings.HasPrefix(line, `{"record":"discrepancy",`) {
			if i < len(discs) && !ratioMeans(discs[i]) {
				// The key "ratio" is a top-level key of the record and
				// nowhere else: a quote inside a JSON string is escaped.
				line = jsonRatio.ReplaceAllLiteralString(line, `"ratio":null`)
			}
			i++
		}
		out.WriteString(line)
	}
	if i != len(discs) {
		return fmt.Errorf("writing the results: %d discrepancy records for %d discrepancies", i, len(discs))
	}
	_, err := w.Write(out.Bytes())
	return err
}

var jsonRatio = regexp.MustCompile(`"ratio":[-+0-9.eE]+`)

// ratioMeans reports whether the ratio of a discrepancy's figures means
// anything to a reader: only when both claims are about the same period.
// A day's count against two months' is not a proportion of anything, so
// the command's outputs leave such a ratio out (an empty CSV cell, null
// in JSON); reconcile.Discrepancy.Ratio keeps its value.
func ratioMeans(d reconcile.Discrepancy) bool {
	return d.A.Scope.Period() == d.B.Scope.Period()
}

// writeDiscrepanciesCSV writes the discrepancies as interchange does,
// with the ratio cell empty where ratioMeans says the ratio means nothing.
func writeDiscrepanciesCSV(w io.Writer, discs []reconcile.Discrepancy) error {
	var b bytes.Buffer
	if err := interchange.WriteDiscrepancies(&b, interchange.CSV, discs); err != nil {
		return err
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		return err
	}
	if len(rows) != len(discs)+1 {
		return fmt.Errorf("writing the discrepancies: %d rows for %d discrepancies", len(rows)-1, len(discs))
	}
	col := slices.Index(rows[0], "ratio")
	if col < 0 {
		return errors.New("writing the discrepancies: no ratio column")
	}
	for i, d := range discs {
		if !ratioMeans(d) {
			rows[i+1][col] = ""
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// measureWords writes a measure and population: "releases of political
// prisoners".
func measureWords(m source.Measure, p release.Population) string {
	switch m {
	case source.Releases:
		return "releases of " + populationWords(p)
	case source.Detentions:
		return "detentions of " + populationWords(p)
	case source.Held:
		return populationWords(p) + " held"
	}
	return m.String() + " of " + populationWords(p)
}

func (r *results) sourceName(id source.SourceID) string {
	if s, ok := r.ix.Evidence().Source(id); ok && s.Name != "" {
		return s.Name
	}
	return id.String()
}

// claimRef writes a claim as "fp-104 (Foro Penal)".
func (r *results) claimRef(id source.ClaimID) string {
	if c, ok := r.ix.Evidence().Claim(id); ok {
		return id.String() + " (" + r.sourceName(c.Source) + ")"
	}
	return id.String()
}

func (r *results) claimRefs(ids []source.ClaimID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = r.claimRef(id)
	}
	return strings.Join(s, ", ")
}

func writeText(w io.Writer, r *results) error {
	ev := r.ix.Evidence()
	asOf := "all the evidence"
	if !r.l.asOf.IsZero() {
		asOf = "the evidence as it stood at " + r.l.asOf.In(r.l.loc).Format("2 January 2006 15:04 MST")
	}
	// "6 claims by 5 sources, relayed by 5 others": the sources that
	// stated the claims (Claim.Source), then the others that only relayed
	// them (Claim.Via); an outlet that does both counts once, as a source
	// that spoke; sources no claim names are not counted
	// (reconcile.Evidence.Voices). A relay is never another voice.
	stated, relayed := ev.Voices()
	fmt.Fprintf(w, "%s; %s.\n", english.Voices(ev.NumClaims(), stated, relayed), asOf)
	fmt.Fprintf(w, "Dates without a time are read in %s (%s).\n", r.l.loc, r.l.zoneWhy)
	fmt.Fprintf(w, "Best figure: %s.\n\n", bestRuleWords(r.l.policy.Best))
	if len(r.figs) == 0 {
		_, err := fmt.Fprintln(w, "No claim to reconcile.")
		return err
	}
	if err := figureTable(w, r.figs); err != nil {
		return err
	}
	if slices.ContainsFunc(r.figs, func(f reconcile.Figure) bool { return f.HighOpen || f.BestOpen }) {
		fmt.Fprintln(w, "\n\"or more\": only statements open above (\"at least\", a count that may still rise) give the figure; it is never shown as a maximum.")
	}
	for i, f := range r.figs {
		fmt.Fprintf(w, "\n%s, %s\n", capitalize(measureWords(f.Measure, f.Scope.Population())), scopeWords(f.Scope))
		r.figureDetail(w, f)
		for _, d := range r.discs[i] {
			r.discrepancyText(w, f, d)
		}
	}
	if !r.all {
		var counts []string
		for _, c := range r.review.Explained {
			counts = append(counts, fmt.Sprintf("%s (%s)", causeWords(c.Cause), plural(c.Pairs, "pair")))
		}
		if len(counts) > 0 {
			fmt.Fprintf(w, "\nOther differences between claims, each fully explained by its cause: %s. -all lists them.\n", strings.Join(counts, "; "))
		}
	}
	for _, nc := range r.ix.NetChanges() {
		text := fmt.Sprintf("%s counted %s held in %s; the number changed by %s from %s to %s", r.sourceName(nc.Source),
			populationWords(nc.Population), regionWords(nc.Region), changeText(nc), dateWords(nc.From), dateWords(nc.To))
		if nc.HasReleases && nc.AddedHigh > 0 && !nc.ChangeLowOpen && !nc.ChangeHighOpen {
			text += fmt.Sprintf(", while it counted %s releases: %s cases added (new arrests or late reports)",
				rangeText(nc.ReleasedLow, nc.ReleasedHigh), rangeText(max(0, nc.AddedLow), nc.AddedHigh))
		}
		fmt.Fprintln(w, "Net change (not a count of releases):", text+".")
	}
	return nil
}

func (r *results) figureDetail(w io.Writer, f reconcile.Figure) {
	line := func(label, text string) { fmt.Fprintf(w, "  %-16s %s\n", label, text) }
	// The claims behind each number, grouped where they are the same.
	var keys []string
	byList := make(map[string][]string)
	for _, l := range []struct {
		label string
		list  []source.ClaimID
	}{{"low", f.LowFrom}, {"best", f.BestFrom}, {"high", f.HighFrom}} {
		if len(l.list) == 0 {
			continue
		}
		k := r.claimRefs(l.list)
		if _, ok := byList[k]; !ok {
			keys = append(keys, k)
		}
		byList[k] = append(byList[k], l.label)
	}
	for _, k := range keys {
		line(strings.Join(byList[k], ", ")+":", k)
	}
	if f.Verified > 0 {
		line("verified:", fmt.Sprintf("%d: people identified by name, or counted from a named list; no figure goes below it", f.Verified))
	}
	if lo, hi, open := f.Consensus.Lo(), 0, false; true {
		hi, open = f.Consensus.Hi()
		open = !open
		if lo != f.Low || open != f.HighOpen || (!open && hi != f.High) {
			text := fmt.Sprintf("%d or more", lo)
			if !open {
				text = rangeText(lo, hi)
			}
			line("agreed:", text+": the range every claim that agrees allows ("+r.claimRefs(f.Support)+"); low and high also weigh what is proven and the wider scopes")
		}
	}
	if len(f.FloorFrom) > 0 {
		line("floor:", fmt.Sprintf("%d, the sum of its parts: %s", f.Floor, r.claimRefs(f.FloorFrom)))
	}
	if hi, ok := f.Cap.Hi(); ok && len(f.CapFrom) > 0 {
		line("capped:", fmt.Sprintf("at %d by a wider scope: %s", hi, r.claimRefs(f.CapFrom)))
	}
	for _, d := range f.Disputed {
		why := "contradicts " + r.claimRef(d.Contradicts)
		if d.BelowVerified {
			why = "below the verified figure"
		}
		line("disputed:", r.claimRef(d.Claim)+": "+why)
	}
	for _, id := range slices.Concat(f.Superseded, f.Relayed, f.Retracted, f.Unresolved, f.Ignored) {
		rd, _ := r.ix.Reading(id)
		var text string
		switch rd.State {
		case reconcile.Superseded:
			text = "replaced by the later " + r.claimRef(rd.By)
		case reconcile.Relayed:
			text = "a relay of " + r.claimRef(rd.By) + ", counted once"
		case reconcile.Retracted:
			text = "retracted"
		case reconcile.Unresolved:
			text = "relative to a claim with no figure"
		default:
			text = "weight below the policy's minimum"
		}
		line("set aside:", r.claimRef(id)+": "+text)
	}
	for _, id := range f.Pledged {
		line("pledged:", r.claimRef(id)+": announced for what is still to come; listed, not counted")
	}
}

func (r *results) discrepancyText(w io.Writer, f reconcile.Figure, d reconcile.Discrepancy) {
	text := fmt.Sprintf("%s said %s; %s said %s", r.claimRef(d.A.Claim), d.A.Quantity, r.claimRef(d.B.Claim), d.B.Quantity)
	if d.B.Measure != d.A.Measure || d.B.Scope != d.A.Scope {
		text += fmt.Sprintf(" (%s, %s)", measureWords(d.B.Measure, d.B.Scope.Population()), scopeWords(d.B.Scope))
	}
	why := causeWords(d.Cause)
	var also []string
	for _, c := range d.Differences {
		if c != d.Cause {
			also = append(also, causeWords(c))
		}
	}
	if len(also) > 0 {
		why += ", and " + strings.Join(also, ", ")
	}
	if d.Conflict {
		why = "a true conflict"
		if d.Cause != reconcile.TrueConflict {
			why += " (" + causeWords(d.Cause) + ")"
		}
		if d.Gap > 0 {
			why += fmt.Sprintf(", %d apart", d.Gap)
		}
	}
	fmt.Fprintf(w, "  %-16s %s: %s\n", "differs:", text, why)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// figureTable writes one row per figure, text columns aligned left and
// numbers right; the verified column only when something is verified.
func figureTable(w io.Writer, figs []reconcile.Figure) error {
	verified := slices.ContainsFunc(figs, func(f reconcile.Figure) bool { return f.Verified > 0 })
	head := []string{"what", "where and when"}
	if verified {
		head = append(head, "verified")
	}
	head = append(head, "low", "best", "high")
	rows := [][]string{head}
	for _, f := range figs {
		row := []string{measureWords(f.Measure, f.Scope.Population()), scopeWords(f.Scope)}
		if verified {
			v := "-"
			if f.Verified > 0 {
				v = fmt.Sprint(f.Verified)
			}
			row = append(row, v)
		}
		rows = append(rows, append(row, fmt.Sprint(f.Low), bestText(f), highText(f)))
	}
	const firstNumber = 2
	width := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < firstNumber {
				b.WriteString(c + pad)
			} else {
				b.WriteString(pad + c)
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

func rangeText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d to %d", lo, hi)
}

// changeText writes a net change as a range, a side no statement bounds
// written as such.
func changeText(nc reconcile.NetChange) string {
	switch {
	case nc.ChangeLowOpen && nc.ChangeHighOpen:
		return "an amount no statement bounds"
	case nc.ChangeHighOpen:
		return fmt.Sprintf("%d or more", nc.ChangeLow)
	case nc.ChangeLowOpen:
		return fmt.Sprintf("%d or less", nc.ChangeHigh)
	}
	return rangeText(nc.ChangeLow, nc.ChangeHigh)
}

// highText writes High, "104 or more" when nothing bounds it above.
func highText(f reconcile.Figure) string {
	if f.HighOpen {
		return fmt.Sprintf("%d or more", f.High)
	}
	return fmt.Sprint(f.High)
}

// bestText writes Best, "104 or more" when only statements open above
// give it, "-" when no claim states a figure for the scope.
func bestText(f reconcile.Figure) string {
	if len(f.Claims) == 0 {
		return "-"
	}
	if f.BestOpen {
		return fmt.Sprintf("%d or more", f.Best)
	}
	return fmt.Sprint(f.Best)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
