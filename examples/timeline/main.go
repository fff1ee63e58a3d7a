package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The seed's sources and claims: a copy of examples/reconcile/testdata,
// kept identical by a test.
var (
	//go:embed seed/sources.csv
	seedSources []byte
	//go:embed seed/claims.csv
	seedClaims []byte
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type options struct {
	sources, claims, out string
	pop                  release.Population
	reg                  release.Region
	since, first, last   release.Date
	title                string
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	o := options{
		out:   "-",
		pop:   release.MustPopulation("detainees/political"),
		reg:   release.MustRegion("VE"),
		since: release.MustDate(2025, time.December, 1),
	}
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `timeline: an SVG chart of a cumulative count of releases as the evidence came in.

Usage:
  go run ./examples/timeline [flags] > timeline.svg

Without -sources and -claims it draws the claims of the AFP report of
26 January 2026 (Foro Penal's 80 then 104, the government's 626 since
December, Foro Penal's "about half as many"). Files are read as
examples/reconcile reads them (go run ./examples/reconcile -h).

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.sources, "sources", "", "`file` of sources (default: the seed report's)")
	fs.StringVar(&o.claims, "claims", "", "`file` of claims (default: the seed report's)")
	fs.StringVar(&o.out, "o", o.out, "write the SVG to this `file`; - for standard output")
	fs.TextVar(&o.pop, "population", o.pop, "the `population` counted")
	fs.TextVar(&o.reg, "region", o.reg, "the `region`")
	fs.TextVar(&o.since, "since", o.since, "count releases from this `day` on")
	fs.TextVar(&o.first, "first", release.Date{}, "first `day` of the chart (default: five days before the first claim)")
	fs.TextVar(&o.last, "last", release.Date{}, "last `day` of the chart (default: three days after the last claim)")
	fs.StringVar(&o.title, "title", "", "the chart's `title` (default: says what is counted)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 || (o.sources == "") != (o.claims == "") {
		err := errors.New("give both -sources and -claims, or neither, and no other argument")
		fmt.Fprintln(stderr, "timeline:", err)
		return o, err
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if o.sources == "" && o.title == "" {
		o.title = "Political prisoners released in Venezuela since 1 December 2025"
	}
	ev, err := readEvidence(o)
	if err != nil {
		fmt.Fprintln(stderr, strings.ReplaceAll(err.Error(), "interchange: ", ""))
		return 1
	}
	var svg bytes.Buffer
	if err := draw(&svg, ev, o); err != nil {
		fmt.Fprintln(stderr, "timeline:", err)
		return 1
	}
	if o.out == "-" {
		_, err = stdout.Write(svg.Bytes())
	} else {
		err = os.WriteFile(o.out, svg.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(stderr, "timeline:", err)
		return 1
	}
	return 0
}

func readEvidence(o options) (reconcile.Evidence, error) {
	if o.sources == "" {
		return interchange.ReadEvidence(interchange.CSV, bytes.NewReader(seedSources), bytes.NewReader(seedClaims), nil)
	}
	format, ok := interchange.FormatOf(o.claims)
	if !ok {
		format = interchange.CSV
	}
	s, err := os.Open(o.sources)
	if err != nil {
		return reconcile.Evidence{}, err
	}
	defer s.Close()
	c, err := os.Open(o.claims)
	if err != nil {
		return reconcile.Evidence{}, err
	}
	defer c.Close()
	return interchange.ReadEvidence(format, s, c, nil)
}

// day is the reading of one day of the chart.
type day struct {
	date  release.Date
	fig   reconcile.Figure
	known bool // some claim or verification bears on the figure
}

// mark is one claim as the chart shows it.
type mark struct {
	claim    source.Claim
	reading  reconcile.Reading
	at       time.Time
	value    int
	interval source.Interval
}

// timeline reads the figure of each day from first to last, as the
// evidence stood at the end of that day in loc.
func timeline(ev reconcile.Evidence, p reconcile.Policy, o options, loc *time.Location) ([]day, error) {
	var out []day
	for d := o.first; !d.After(o.last); d, _ = d.AddDays(1) {
		next, _ := d.AddDays(1)
		asOf := next.Start(loc).Add(-time.Nanosecond)
		scope, err := release.NewScope(o.pop, o.reg, release.MustPeriod(o.since, d))
		if err != nil {
			return nil, err
		}
		ix, err := reconcile.NewIndex(ev.AsOf(asOf), p)
		if err != nil {
			return nil, err
		}
		f, err := ix.Figure(source.Releases, scope)
		if err != nil {
			return nil, err
		}
		out = append(out, day{d, f, len(f.Claims) > 0 || f.Floor > 0 || f.Verified > 0})
		if d == o.last {
			break
		}
	}
	return out, nil
}

// marks returns every claim stated by the end of the chart that has a
// figure, as the index of all that evidence reads it.
func marks(ev reconcile.Evidence, p reconcile.Policy, end time.Time) ([]mark, error) {
	ix, err := reconcile.NewIndex(ev.AsOf(end), p)
	if err != nil {
		return nil, err
	}
	var out []mark
	for c := range ix.Evidence().Claims() {
		r, _ := ix.Reading(c.ID)
		if !r.Quantity.IsValid() {
			continue // a retraction, or relative to a claim with no figure
		}
		out = append(out, mark{claim: c, reading: r, at: c.Stated, value: r.Quantity.Number(), interval: r.Interval})
	}
	return out, nil
}

func draw(w io.Writer, ev reconcile.Evidence, o options) error {
	if ev.NumClaims() == 0 {
		return errors.New("no claims to draw")
	}
	// Days are those of the first statement's zone.
	var firstAt, lastAt time.Time
	for c := range ev.Claims() {
		if firstAt.IsZero() || c.Stated.Before(firstAt) {
			firstAt = c.Stated
		}
		if c.Stated.After(lastAt) {
			lastAt = c.Stated
		}
	}
	loc := firstAt.Location()
	if !o.first.IsValid() {
		o.first, _ = release.DateOf(firstAt).AddDays(-5)
	}
	if !o.last.IsValid() {
		o.last, _ = release.DateOf(lastAt.In(loc)).AddDays(3)
	}
	if o.first.Before(o.since) {
		o.first = o.since
	}
	if o.last.Before(o.first) {
		return fmt.Errorf("the chart's last day %s is before its first %s", o.last, o.first)
	}
	if n := o.last.DaysSince(o.first); n > 3660 {
		return fmt.Errorf("%d days are too many for one chart", n+1)
	}
	p := reconcile.DefaultPolicy()
	days, err := timeline(ev, p, o, loc)
	if err != nil {
		return err
	}
	end, _ := o.last.AddDays(1)
	ms, err := marks(ev, p, end.Start(loc).Add(-time.Nanosecond))
	if err != nil {
		return err
	}
	c := newChart(o, loc, days, ms, ev)
	c.render(w)
	return nil
}
