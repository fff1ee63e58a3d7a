package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit codes.
const (
	exitOK    = 0
	exitInput = 1 // the files could not be read or were refused
	exitUsage = 2 // the command line is wrong
)

// maxShown is how many problems of bad input are printed.
const maxShown = 50

type options struct {
	sources, claims, verifications string
	discrepancies                  string
	asOf                           time.Time
	best                           reconcile.BestRule
	hierarchy                      []source.SourceID
	closed                         []source.SourceID
	allDiscrepancies               bool
	format                         string
}

const usageText = `reconcile: figures that can be defended, from your own files of claims.

Usage:
  go run ./examples/reconcile -sources SOURCES -claims CLAIMS [flags]

Example (the AFP report of 26 January 2026 on releases in Venezuela):
  go run ./examples/reconcile \
    -sources examples/reconcile/testdata/sources.csv \
    -claims examples/reconcile/testdata/claims.csv \
    -asof 2026-01-26T12:00:00Z -policy conservative

For every measure and scope that a claim is about, it prints the verified
floor, the low, best and high figures (UCDP style), the consensus of the
claims that agree, the claims behind each number, the claims set aside
(superseded, relayed, retracted) and the discrepancies between claims with
their cause. Files are read whole or not at all: if any line is bad,
nothing is reconciled and every bad line is listed as FILE:LINE.

Files are CSV (one record a line, with a header; "," or ";" between
columns) or JSON Lines (.jsonl), by their extension. CSV headers, in any
order (a column whose name starts with # is ignored):
  sources        id,name,kind,group,method,confidence
                 e.g. foro-penal,Foro Penal,ngo,,verifies_identities,0.9
  claims         id,source,via,stated,measure,population,region,period,
                 quantity,relative_to,ratio,relative_kind,status,basis,
                 named,supersedes,url,quote,language
                 e.g. fp-104,foro-penal,afp,2026-01-25T20:00:00-04:00,
                 releases,detainees/political,VE,2026-01-25,at least 104,
                 ,,,preliminary,named_list,,fp-80,,,
  verifications  detainee,count,source,stated,population,region,period
                 (a detainee, or the count of people a source verified
                 without publishing their names)
Cells are written as people write them: quantity "at least 104", "about
300", "más de 100"; period a day (2026-01-25), a range
(2025-12-01/2026-01-25) or "since" (2025-12-01/..); stated a date
(2026-01-25) when the report gives no time, or RFC 3339 with offset; via and named as ";"-separated IDs; a relative claim ("about half
as many as gov-626") leaves quantity empty and sets relative_to gov-626,
ratio 0.5, relative_kind about. "go doc ./interchange" has every column.

Flags:
`

func parseFlags(args []string, stderr io.Writer) (options, error) {
	o := options{best: reconcile.WeightedMedian, format: "table"}
	fs := flag.NewFlagSet("reconcile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.sources, "sources", "", "`file` of sources: who speaks, how far to trust them (required)")
	fs.StringVar(&o.claims, "claims", "", "`file` of claims: who said what figure, about what, when (required)")
	fs.StringVar(&o.verifications, "verifications", "", "`file` of released people verified by identity (optional): the verified floor")
	fs.Func("asof", "read the evidence as it stood at this `time`, RFC 3339 with offset, e.g. 2026-01-26T12:00:00Z (default: all of it)",
		func(s string) (err error) {
			o.asOf, err = time.Parse(time.RFC3339, s)
			if err != nil {
				return errors.New("want an RFC 3339 time with its offset, such as 2026-01-26T12:00:00Z")
			}
			return nil
		})
	fs.Func("policy", "`rule` for the best figure: weighted_median, conservative (lowest consistent, as ACLED), range (middle of low and high, as Iraq Body Count), majority, or hierarchy (with -hierarchy) (default weighted_median)",
		func(s string) error {
			s = strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
			if s == "default" {
				s = "weighted_median"
			}
			return o.best.UnmarshalText([]byte(s))
		})
	fs.Func("hierarchy", "comma-separated source `ids`, most trusted first, for -policy hierarchy", sourceIDs(&o.hierarchy))
	fs.Func("closed-registers", "comma-separated source `ids` whose counts of people held come from one closed register of their own: only their stock figures bound the releases between them (default: none; other stock changes are reported as net changes)",
		sourceIDs(&o.closed))
	fs.BoolVar(&o.allDiscrepancies, "all-discrepancies", false, "list every pair of claims whose figures differ (default: the material ones — true conflicts and headline differences — with the rest counted by cause)")
	fs.StringVar(&o.format, "format", o.format, "output `format`: table (for people), csv or json (JSON Lines: one figure a line, as interchange.WriteFigures writes them)")
	fs.StringVar(&o.discrepancies, "discrepancies", "", "with -format csv or json, also write the discrepancies to this `file`")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var errs []error
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if o.sources == "" {
		errs = append(errs, errors.New("-sources is required"))
	}
	if o.claims == "" {
		errs = append(errs, errors.New("-claims is required"))
	}
	switch o.format {
	case "table", "csv", "json", "jsonl":
	default:
		errs = append(errs, fmt.Errorf("-format %q: want table, csv or json", o.format))
	}
	if o.discrepancies != "" && o.format == "table" {
		errs = append(errs, errors.New("-discrepancies needs -format csv or json; the table shows them"))
	}
	if o.best == reconcile.Hierarchy && len(o.hierarchy) == 0 {
		errs = append(errs, errors.New("-policy hierarchy needs -hierarchy"))
	}
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintln(stderr, "reconcile:", strings.ReplaceAll(err.Error(), "\n", "\nreconcile: "))
		fmt.Fprintln(stderr, "Run with -h for help.")
		return o, err
	}
	return o, nil
}

// sourceIDs returns a flag parser that appends the comma-separated source
// IDs of its value to *dst.
func sourceIDs(dst *[]source.SourceID) func(string) error {
	return func(s string) error {
		for item := range strings.SplitSeq(s, ",") {
			id, err := source.ParseSourceID(strings.TrimSpace(item))
			if err != nil {
				return err
			}
			*dst = append(*dst, id)
		}
		return nil
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	ev, err := readEvidence(o)
	if err != nil {
		report(stderr, err)
		return exitInput
	}
	if !o.asOf.IsZero() {
		ev = ev.AsOf(o.asOf)
	}
	if err := errors.Join(checkSources(ev, "-hierarchy", o.hierarchy), checkSources(ev, "-closed-registers", o.closed)); err != nil {
		fmt.Fprintln(stderr, "reconcile:", strings.ReplaceAll(err.Error(), "\n", "\nreconcile: "))
		return exitUsage
	}
	policy := reconcile.DefaultPolicy()
	policy.Best, policy.Hierarchy, policy.ClosedRegisters = o.best, o.hierarchy, o.closed
	ix, err := reconcile.NewIndex(ev, policy)
	if err != nil {
		report(stderr, err)
		return exitUsage
	}
	figs := ix.Figures()
	review := ix.Review()
	discs := material(figs, review.Material)
	if o.allDiscrepancies {
		if discs, err = discrepancies(ix, figs); err != nil {
			report(stderr, err)
			return exitInput
		}
	}
	switch o.format {
	case "table":
		err = writeTable(stdout, o, ix, figs, discs, review)
	default:
		// Every output is encoded before any is written, and the file
		// before standard output: a bad -discrepancies path leaves no
		// figures half-published.
		f := interchange.CSV
		if o.format != "csv" {
			f = interchange.JSONL
		}
		var figOut, discOut bytes.Buffer
		err = interchange.WriteFigures(&figOut, f, figs)
		if err == nil && o.discrepancies != "" {
			err = interchange.WriteDiscrepancies(&discOut, f, slices.Concat(discs...))
			if err == nil {
				err = writeFile(o.discrepancies, func(w io.Writer) error { _, err := w.Write(discOut.Bytes()); return err })
			}
		}
		if err == nil {
			_, err = stdout.Write(figOut.Bytes())
		}
	}
	if err != nil {
		report(stderr, err)
		return exitInput
	}
	return exitOK
}

// checkSources reports every source ID given on the command line that the
// evidence does not have.
func checkSources(ev reconcile.Evidence, flag string, ids []source.SourceID) error {
	var errs []error
	for _, id := range ids {
		if _, ok := ev.Source(id); !ok {
			errs = append(errs, fmt.Errorf("%s: no source %q among the sources", flag, id))
		}
	}
	return errors.Join(errs...)
}

// readEvidence opens the files and reads them as one evidence set, each
// in the format its extension names (CSV by default).
func readEvidence(o options) (reconcile.Evidence, error) {
	format, _ := interchange.FormatOf(o.claims)
	if format == 0 {
		format = interchange.CSV
	}
	for _, name := range []string{o.sources, o.verifications} {
		if f, ok := interchange.FormatOf(name); ok && f != format {
			return reconcile.Evidence{}, fmt.Errorf("%s is %s but %s is %s: give all files in one format", name, f, o.claims, format)
		}
	}
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	open := func(name string) (io.Reader, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return f, nil
	}
	src, err := open(o.sources)
	if err != nil {
		return reconcile.Evidence{}, err
	}
	cl, err := open(o.claims)
	if err != nil {
		return reconcile.Evidence{}, err
	}
	var ver io.Reader
	if o.verifications != "" {
		if ver, err = open(o.verifications); err != nil {
			return reconcile.Evidence{}, err
		}
	}
	return interchange.ReadEvidence(format, src, cl, ver)
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
		out[i] = append(out[i], d)
	}
	return out
}

// discrepancies returns, for each figure, the discrepancies of its scope
// that no earlier figure listed: each pair of claims once.
func discrepancies(ix *reconcile.Index, figs []reconcile.Figure) ([][]reconcile.Discrepancy, error) {
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

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// report prints an error: each problem of bad input on a line of its own,
// FILE:LINE: column NAME "VALUE": REASON, at most maxShown of them.
func report(w io.Writer, err error) {
	var lines []string
	for _, e := range leaves(err) {
		lines = append(lines, strings.TrimPrefix(e.Error(), "interchange: "))
	}
	for i, l := range lines {
		if i == maxShown {
			fmt.Fprintf(w, "... and %d more problems\n", len(lines)-maxShown)
			break
		}
		fmt.Fprintln(w, l)
	}
	if _, ok := errors.AsType[*interchange.LineError](err); ok {
		fmt.Fprintln(w, "reconcile: nothing was read; correct the lines above and run again (-h shows the columns of each file)")
	} else {
		fmt.Fprintln(w, "reconcile:", err)
	}
}

func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// scopeText writes a scope as "POPULATION @ REGION PERIOD", a one-day
// period as its day.
func scopeText(s release.Scope) string {
	return s.Population().String() + " @ " + s.Region().String() + " " + periodText(s.Period())
}

func periodText(p release.Period) string {
	if p.First().IsValid() && p.First() == p.Last() {
		return p.First().String()
	}
	return p.String()
}

func ids(list []source.ClaimID) string {
	s := make([]string, len(list))
	for i, id := range list {
		s[i] = id.String()
	}
	return strings.Join(s, ", ")
}

func sourceName(ev reconcile.Evidence, id source.SourceID) string {
	if s, ok := ev.Source(id); ok {
		return s.Name
	}
	return id.String()
}

func writeTable(w io.Writer, o options, ix *reconcile.Index, figs []reconcile.Figure, discs [][]reconcile.Discrepancy, review reconcile.Review) error {
	ev := ix.Evidence()
	asOf := "all the evidence"
	if !o.asOf.IsZero() {
		asOf = "the evidence as of " + o.asOf.Format(time.RFC3339)
	}
	fmt.Fprintf(w, "%s from %s; %s; best figure by %s\n\n", plural(ev.NumClaims(), "claim"), plural(ev.NumSources(), "source"), asOf, o.best)
	if len(figs) == 0 {
		fmt.Fprintln(w, "No claim to reconcile.")
		return nil
	}
	if err := figureTable(w, figs); err != nil {
		return err
	}
	if slices.ContainsFunc(figs, func(f reconcile.Figure) bool { return f.HighOpen || f.BestOpen }) {
		fmt.Fprintln(w, "\n\"or more\": only statements open above (\"at least\", a count that may still rise) give the figure; it is never shown as a maximum.")
	}
	for i, f := range figs {
		fmt.Fprintf(w, "\n%s of %s\n", f.Measure, scopeText(f.Scope))
		line := func(label, text string) { fmt.Fprintf(w, "  %-13s %s\n", label, text) }
		// The claims behind each number, grouped where they are the same.
		var labels []string
		byList := make(map[string][]string)
		for _, l := range []struct {
			label string
			list  []source.ClaimID
		}{{"consensus", f.Support}, {"low", f.LowFrom}, {"best", f.BestFrom}, {"high", f.HighFrom}} {
			if len(l.list) == 0 {
				continue
			}
			k := ids(l.list)
			if _, ok := byList[k]; !ok {
				labels = append(labels, k)
			}
			byList[k] = append(byList[k], l.label)
		}
		for _, k := range labels {
			line("from:", k+" ("+strings.Join(byList[k], ", ")+")")
		}
		if len(f.FloorFrom) > 0 {
			line("floor:", fmt.Sprintf("%d, from its parts: %s", f.Floor, ids(f.FloorFrom)))
		}
		if hi, ok := f.Cap.Hi(); ok && len(f.CapFrom) > 0 {
			line("cap:", fmt.Sprintf("%d, from the wider scope: %s", hi, ids(f.CapFrom)))
		}
		for _, d := range f.Disputed {
			why := "contradicts " + d.Contradicts.String()
			if d.BelowVerified {
				why = "below the verified floor"
			}
			line("disputed:", d.Claim.String()+", "+why)
		}
		for _, id := range slices.Concat(f.Superseded, f.Relayed, f.Retracted, f.Unresolved, f.Ignored) {
			r, _ := ix.Reading(id)
			var text string
			switch r.State {
			case reconcile.Superseded:
				text = "superseded by " + r.By.String()
			case reconcile.Relayed:
				text = "relayed: the same statement as " + r.By.String() + ", counted once"
			case reconcile.Retracted:
				text = "retracted"
			case reconcile.Unresolved:
				text = "relative to a claim with no figure"
			default:
				text = "weight below the policy's minimum"
			}
			line("set aside:", id.String()+" "+text)
		}
		for _, id := range f.Pledged {
			line("pledged:", id.String()+" announced for what is still to come: listed, not counted")
		}
		for _, d := range discs[i] {
			line("discrepancy:", fmt.Sprintf("%s (%s) %s against %s (%s) %s", d.A.Claim, sourceName(ev, d.A.Source), d.A.Quantity,
				d.B.Claim, sourceName(ev, d.B.Source), d.B.Quantity))
			text := d.Cause.String()
			var also []string
			for _, c := range d.Differences {
				if c != d.Cause {
					also = append(also, c.String())
				}
			}
			if len(also) > 0 {
				text += ", also " + strings.Join(also, ", ")
			}
			if d.B.Measure != d.A.Measure || d.B.Scope != d.A.Scope {
				text += "; " + d.B.Claim.String() + " is about " + d.B.Measure.String() + " of " + scopeText(d.B.Scope)
				if d.Nested {
					text += " (nested)"
				}
			}
			if d.Conflict {
				text += "; a true conflict"
			} else {
				text += "; no conflict"
			}
			if d.Gap > 0 {
				text += fmt.Sprintf("; %d apart", d.Gap)
			}
			line("", text)
		}
	}
	if !o.allDiscrepancies {
		var counts []string
		for _, c := range review.Explained {
			counts = append(counts, fmt.Sprintf("%s %d", c.Cause, c.Pairs))
		}
		if len(counts) > 0 {
			fmt.Fprintf(w, "\nOther differences, fully explained by their cause (pairs): %s; -all-discrepancies lists them.\n", strings.Join(counts, ", "))
		}
	}
	for _, nc := range ix.NetChanges() {
		text := fmt.Sprintf("%s: held %s @ %s changed by %s from %s to %s", sourceName(ev, nc.Source), nc.Population, nc.Region,
			changeText(nc), nc.From, nc.To)
		if nc.HasReleases && nc.AddedHigh > 0 && !nc.ChangeLowOpen && !nc.ChangeHighOpen {
			text += fmt.Sprintf(" while it counted [%d, %d] releases: [%d, %d] cases added (new arrests or late reports)",
				nc.ReleasedLow, nc.ReleasedHigh, max(0, nc.AddedLow), nc.AddedHigh)
		}
		fmt.Fprintln(w, "net change:", text)
	}
	return nil
}

// figureTable writes one row per figure, text columns aligned left and
// numbers right.
func figureTable(w io.Writer, figs []reconcile.Figure) error {
	rows := [][]string{{"measure", "population", "region", "period", "verified", "low", "best", "high", "consensus", "confidence"}}
	for _, f := range figs {
		rows = append(rows, []string{f.Measure.String(), f.Scope.Population().String(), f.Scope.Region().String(),
			periodText(f.Scope.Period()), fmt.Sprint(f.Verified), fmt.Sprint(f.Low), bestText(f), highText(f),
			f.Consensus.String(), f.Confidence.String()})
	}
	const firstNumber = 4
	width := make([]int, len(rows[0]))
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
	case nc.ChangeLow == nc.ChangeHigh:
		return fmt.Sprint(nc.ChangeLow)
	}
	return fmt.Sprintf("[%d, %d]", nc.ChangeLow, nc.ChangeHigh)
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
		return "-" // nothing stated for the scope (a pledge at most)
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
