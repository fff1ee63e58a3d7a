package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

const linkHead = `freedcount link: link lists of named people released into distinct people.

Usage:
  freedcount link -population P -region R -period D -stated D [flags] SOURCE=FILE.csv SOURCE=FILE.csv...

Each FILE is a register of people released in the scope (population,
region, period), as a CSV of detainees (CODEBOOK.md: id, name,
national_id, sex, birth_year, category, region, facility, detained),
published by SOURCE (an id of your sources file). The lists are linked
record by record (names with or without accents, in either order, one or
two surnames; national IDs in any format) into distinct people, and the
count of people each list and all lists verify is printed. -o writes one
verification per released record, under the ID of its person, for
"freedcount reconcile -verifications" and "freedcount estimate". No name,
national ID or register ID is printed.

Exit status: 0 done, 1 problems in the files, 2 wrong command line,
130 interrupted (nothing written).
`

type linkOptions struct {
	population, region, period, stated, tz, dateFmt, out string
	unique                                               string
}

func runLink(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o linkOptions
	fs := newFlags("link", stderr, linkHead, "Allowed values:\n"+allowedText(release.Vocabulary{}, "  "))
	fs.StringVar(&o.population, "population", "detainees/political", "`population` of the people released")
	fs.StringVar(&o.region, "region", "", "`region` of the releases, e.g. VE (required)")
	fs.StringVar(&o.period, "period", "", "`period` of the releases: a day, FIRST/LAST or \"since DAY\" (required)")
	fs.StringVar(&o.stated, "stated", "", "when the lists were published: a `day` (its end, in the zone) or RFC 3339 (required)")
	fs.StringVar(&o.unique, "unique", "", "comma-separated `sources` whose lists hold each person at most once (official lists)")
	fs.StringVar(&o.tz, "tz", "", "time `zone` of -stated (default: the zone of -region's country, else UTC)")
	fs.StringVar(&o.dateFmt, "datefmt", "", "`format` of days written with slashes: dd/mm/yyyy or mm/dd/yyyy")
	fs.StringVar(&o.out, "o", "", "write the verifications (CSV) to this `file`")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	lists, scope, err := o.parse(fs.Args())
	if err != nil {
		return usageErr(stderr, "link", err)
	}
	var probs []problem
	for i, a := range fs.Args() {
		_, file, _ := strings.Cut(a, "=")
		f, err := os.Open(file)
		if err != nil {
			probs = append(probs, problem{file: file, msg: err.Error()})
			continue
		}
		ds, err := interchange.ReadDetainees(f, interchange.CSV)
		f.Close()
		if err != nil {
			l := &loaded{tables: map[string]*csvTable{}}
			l.addErr(file, err)
			probs = append(probs, l.problems...)
			continue
		}
		for _, d := range ds {
			r, err := link.DetaineeRecord(d, scope)
			if err != nil {
				probs = append(probs, problem{file: file, msg: "a record cannot be linked: " + redactedReason(err)})
				continue
			}
			lists[i].Records = append(lists[i].Records, r)
		}
	}
	if len(probs) > 0 {
		printProblems(stderr, probs)
		fmt.Fprintln(stderr, "freedcount link: nothing was linked; correct the problems above")
		return exitInput
	}
	cfg := link.DetaineeConfig()
	var last atomic.Value
	last.Store("linking")
	cfg.Progress = func(p link.Progress) { last.Store("linking: " + p.String()) }
	var res *link.Result
	err = workStatus(ctx, stderr, func() string { return last.Load().(string) }, func() (err error) {
		res, err = link.LinkContext(ctx, cfg, lists...)
		return err
	})
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "freedcount link:", redactedReason(err))
		return exitInput
	}
	var out, file bytes.Buffer
	count := res.Verified(scope)
	fmt.Fprintf(&out, "%s, %s\n", capitalize(measureWords(source.Releases, scope.Population())), scopeWords(scope))
	fmt.Fprintf(&out, "%d records in %d lists: %d distinct people.\n\n", res.Stats().Records, len(lists), count.People)
	tw := tabwriter.NewWriter(&out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "list\trecords\tpeople\t")
	for _, s := range count.Sources {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", s.Source, s.Records, s.People)
	}
	fmt.Fprintf(tw, "all lists\t%d\t%d\t\n", count.Records, count.People)
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "freedcount link:", err)
		return exitInput
	}
	if n := len(res.Conflicts()); n > 0 {
		fmt.Fprintf(&out, "\n%s kept apart for review: they score as one person but a field that must agree differs.\n", plural(n, "pair"))
	}
	if o.out != "" {
		if err := interchange.WriteVerifications(&file, interchange.CSV, res.Verifications()); err != nil {
			fmt.Fprintln(stderr, "freedcount link:", redactedReason(err))
			return exitInput
		}
		if err := os.WriteFile(o.out, file.Bytes(), 0o600); err != nil {
			fmt.Fprintln(stderr, "freedcount link:", err)
			return exitInput
		}
		fmt.Fprintf(&out, "\nWrote %s: one verification per released record, by person (register IDs: keep it private).\n", o.out)
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		return exitInput
	}
	return exitOK
}

// parse reads the lists' sources and the scope of the command line.
func (o linkOptions) parse(args []string) ([]link.List, release.Scope, error) {
	var errs []error
	df, err := parseDateFormat(o.dateFmt)
	if err != nil {
		errs = append(errs, err)
	}
	pop, err := release.ParsePopulation(o.population)
	if err != nil {
		errs = append(errs, fmt.Errorf("-population: %w", err))
	}
	reg, err := release.ParseRegion(o.region)
	if err != nil {
		errs = append(errs, fmt.Errorf("-region %q: want a region such as VE", o.region))
	}
	pstr, err := df.period(o.period)
	var per release.Period
	if err == nil {
		per, err = release.ParsePeriod(pstr)
	}
	if err != nil || o.period == "" {
		errs = append(errs, fmt.Errorf("-period %q: want a day, FIRST/LAST or \"since DAY\"", o.period))
	}
	loc, _, err := zoneFor(o.tz, []release.Region{reg})
	if err != nil {
		errs = append(errs, err)
		loc = time.UTC
	}
	stated, err := df.parseAsOf(o.stated, loc)
	if err != nil || o.stated == "" {
		errs = append(errs, fmt.Errorf("-stated %q: want a day or a time", o.stated))
	}
	unique := map[string]bool{}
	for u := range strings.SplitSeq(o.unique, ",") {
		if u = strings.TrimSpace(u); u != "" {
			unique[u] = true
		}
	}
	if len(args) < 2 {
		errs = append(errs, errors.New("give two lists or more, as SOURCE=FILE.csv"))
	}
	var lists []link.List
	for _, a := range args {
		src, file, ok := strings.Cut(a, "=")
		id, err := source.ParseSourceID(strings.TrimSpace(src))
		if !ok || err != nil || file == "" {
			errs = append(errs, fmt.Errorf("%q: want SOURCE=FILE.csv", a))
			continue
		}
		lists = append(lists, link.List{Source: id, Stated: stated, Unique: unique[id.String()]})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, release.Scope{}, err
	}
	scope, err := release.NewScope(pop, reg, per)
	return lists, scope, err
}

// redactedReason is an error's message; the errors of package link and
// interchange never hold a name or national ID.
func redactedReason(err error) string {
	return strings.TrimPrefix(strings.TrimPrefix(err.Error(), "interchange: "), "link: ")
}
