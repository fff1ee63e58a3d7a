package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/chart"
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
	kind                 chart.Kind
	lang                 language.Tag
	loc                  *time.Location
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	o := options{
		out:   "-",
		pop:   release.MustPopulation("detainees/political"),
		reg:   release.MustRegion("VE"),
		since: release.MustDate(2025, time.December, 1),
		kind:  chart.Cumulative,
		loc:   time.FixedZone("", -4*3600),
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
freedcount reads them (CODEBOOK.md; freedcount check -h).

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
	fs.TextVar(&o.first, "first", release.Date{}, "with -daily, the first `day` of the chart (default: the day before the first one-day claim)")
	fs.TextVar(&o.last, "last", release.Date{}, "last `day` of the chart (default: the last claim's)")
	fs.StringVar(&o.title, "title", "", "the chart's `title` (default: says what is counted over the days shown)")
	fs.BoolFunc("daily", "draw one-day counts instead of the running total since -since", func(string) error { o.kind = chart.Daily; return nil })
	fs.Func("lang", "`language` of the chart: en or es (default en)", func(s string) (err error) {
		o.lang, err = language.Parse(s)
		return err
	})
	fs.Func("utc-offset", "the `hours` from UTC of the days counted (default -4, Venezuela)", func(s string) error {
		h, err := strconv.Atoi(s)
		if err != nil || h < -14 || h > 14 {
			return errors.New("want whole hours from -14 to 14")
		}
		o.loc = time.FixedZone("", h*3600)
		return nil
	})
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

func draw(w io.Writer, ev reconcile.Evidence, o options) error {
	per := release.Since(o.since)
	if o.last.IsValid() {
		p, err := release.NewPeriod(o.since, o.last)
		if err != nil {
			return err
		}
		per = p
	}
	scope, err := release.NewScope(o.pop, o.reg, per)
	if err != nil {
		return err
	}
	return chart.Write(w, ev, source.Releases, scope, o.kind, chart.Options{
		Lang: o.lang, Title: o.title, Location: o.loc, First: o.first, Last: o.last,
		Credit: "Chart: freedcount (examples/timeline).",
	})
}
