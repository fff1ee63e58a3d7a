package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/release"
)

const estimateHead = `freedcount estimate: how many were released, documented or not.

Usage:
  freedcount estimate [flags] VERIFICATIONS.csv

Reads verifications of released people by name (as "freedcount link -o"
writes them: one line per person and list, under the ID of the person
after linkage) and estimates, by multiple systems estimation, how many
people were released in each stratum (by default each region), those no
list recorded included. Each list is a source; a person on several lists
counts once. It fits every log-linear model of the lists' dependence,
ranks them by AIC (or BIC), and prints the best model's estimate, the
average over all models with its interval, and a warning when models the
data support equally disagree. A stratum with fewer than three usable
lists is refused, with the reason: two lists cannot show whether they
depend on each other. Counts of people without names (the count column)
are not lists and are left out.

Exit status: 0 done, 1 problems in the file or no stratum could be
estimated, 2 wrong command line, 130 interrupted.
`

func runEstimate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("estimate", stderr, estimateHead, "")
	by := fs.String("by", "region", "`stratum` of the estimates: region, population, or all (one estimate)")
	criterion := fs.String("criterion", "aic", "`criterion` ranking the models: aic or bic")
	level := fs.Float64("level", 0.95, "confidence `level` of the intervals, in (0, 1)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	var errs []error
	if fs.NArg() != 1 {
		errs = append(errs, errors.New("give one file of verifications"))
	}
	switch *by {
	case "region", "population", "all":
	default:
		errs = append(errs, fmt.Errorf("-by %q: want region, population or all%s", *by, didYouMean(*by, []string{"region", "population", "all"})))
	}
	opts := mse.DefaultOptions()
	opts.Level = *level
	switch strings.ToLower(*criterion) {
	case "aic":
		opts.Criterion = mse.AIC
	case "bic":
		opts.Criterion = mse.BIC
	default:
		errs = append(errs, fmt.Errorf("-criterion %q: want aic or bic", *criterion))
	}
	if *level <= 0 || *level >= 1 {
		errs = append(errs, fmt.Errorf("-level %v: want a number between 0 and 1", *level))
	}
	if err := errors.Join(errs...); err != nil {
		return usageErr(stderr, "estimate", err)
	}
	file := fs.Arg(0)
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(stderr, "freedcount estimate:", err)
		return exitInput
	}
	format, ok := interchange.FormatOf(file)
	if !ok {
		format = interchange.CSV
	}
	vs, err := interchange.ReadVerifications(f, format)
	f.Close()
	if err != nil {
		l := &loaded{tables: map[string]*csvTable{}}
		l.addErr(file, err)
		printProblems(stderr, l.problems)
		fmt.Fprintln(stderr, "freedcount estimate: nothing was estimated; correct the problems above")
		return exitInput
	}
	var out bytes.Buffer
	var estimated int
	err = work(ctx, stderr, "estimating", func() (err error) { estimated, err = estimate(&out, vs, *by, opts); return err })
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "freedcount estimate:", err)
		return exitInput
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		return exitInput
	}
	if estimated == 0 {
		fmt.Fprintln(stderr, "freedcount estimate: no stratum could be estimated (see above)")
		return exitInput
	}
	return exitOK
}

// stratumOf names the stratum of a verification's scope.
func stratumOf(s release.Scope, by string) string {
	switch by {
	case "region":
		return s.Region().String()
	case "population":
		return s.Population().String()
	}
	return "all"
}

// estimate writes the estimates of every stratum of vs.
func estimate(w io.Writer, vs []reconcile.Verification, by string, opts mse.Options) (int, error) {
	var sightings []mse.Sighting[release.DetaineeID]
	listSet := map[mse.ListID]bool{}
	counts := 0
	for _, v := range vs {
		if !v.Detainee.IsValid() {
			counts++
			continue
		}
		st, err := mse.ParseStratum(stratumOf(v.Scope, by))
		if err != nil {
			return 0, err
		}
		l, err := mse.ParseListID(v.Source.String())
		if err != nil {
			return 0, err
		}
		listSet[l] = true
		sightings = append(sightings, mse.Sighting[release.DetaineeID]{Stratum: st, Person: v.Detainee, List: l})
	}
	lists := slices.SortedFunc(maps.Keys(listSet), mse.ListID.Compare)
	if len(sightings) == 0 {
		return 0, errors.New("no verification names a person: nothing to estimate from")
	}
	tables, err := mse.Tally(lists, sightings)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(w, "%s by name on %s", plural(len(sightings), "verification"), plural(len(lists), "list"))
	if counts > 0 {
		fmt.Fprintf(w, " (%s without names left out)", plural(counts, "count"))
	}
	fmt.Fprintf(w, "; models ranked by %s, %.0f%% intervals.\n", strings.ToUpper(opts.Criterion.String()), opts.Level*100)
	estimated := 0
	for _, h := range tables {
		fmt.Fprintf(w, "\n%s: %d people documented\n", h.Stratum(), h.Observed())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		for _, l := range lists {
			fmt.Fprintf(tw, "  %s\t%d\t\n", l, h.Captured(l))
		}
		if err := tw.Flush(); err != nil {
			return 0, err
		}
		sel, err := mse.Select(h, opts)
		if err != nil {
			fmt.Fprintf(w, "  not estimated: %s\n", strings.TrimPrefix(err.Error(), "mse: "))
			continue
		}
		estimated++
		best := sel.Best()
		lo, hi := best.Interval().Lo(), "no upper end"
		if h, ok := best.Interval().Hi(); ok {
			hi = fmt.Sprint(h)
		}
		fmt.Fprintf(w, "  best model %s: about %.0f released, %d to %s (about %.0f recorded by no list)\n", best.Model(), best.N, lo, hi, best.Unseen())
		avg := sel.Average()
		alo, ahi := avg.Estimate.Interval().Lo(), "no upper end"
		if h, ok := avg.Estimate.Interval().Hi(); ok {
			ahi = fmt.Sprint(h)
		}
		fmt.Fprintf(w, "  all %d models, weighted: about %.0f released, %d to %s\n", sel.Len(), avg.Estimate.N, alo, ahi)
		if avg.Warning != "" {
			fmt.Fprintf(w, "  warning: %s\n", avg.Warning)
		}
	}
	return estimated, nil
}
