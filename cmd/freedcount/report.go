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

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/report"
)

const reportHead = `freedcount report: one self-contained HTML page of the figures.

Usage:
  freedcount report -o report.html [-lang en|es] [flags]

Writes a page a newsroom can publish or file: for each headline scope a
plain sentence, low, best and high with open bounds shown as such, the
claims behind each number with source, quote and link, a chart, the true
conflicts first and the other differences counted by cause, the as-of
moment and the policy in words. It loads nothing from the network and
prints cleanly. The file is written only once the whole page is ready.

Exit status: 0 done, 1 problems in the files, 2 wrong command line,
130 interrupted (nothing written).
`

func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var in inputs
	var out, lang, title string
	fs := newFlags("report", stderr, reportHead, "Allowed values:\n"+allowedText(release.Vocabulary{}, "  "))
	in.register(fs, true)
	fs.StringVar(&out, "o", "", "the HTML `file` to write (required)")
	fs.StringVar(&lang, "lang", "en", "`language` of the page: en or es")
	fs.StringVar(&title, "title", "", "`title` of the page (default: from the first headline)")
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	var errs []error
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if out == "" {
		errs = append(errs, errors.New("-o FILE is required"))
	}
	var tag language.Tag
	switch strings.ToLower(lang) {
	case "en":
		tag = language.English
	case "es":
		tag = language.Spanish
	default:
		errs = append(errs, fmt.Errorf("-lang %q: want en or es", lang))
	}
	if err := errors.Join(errs...); err != nil {
		return usageErr(stderr, "report", err)
	}
	var page bytes.Buffer
	var usage error
	var probs []problem
	var done, total atomic.Int64
	err := work(ctx, stderr, "writing the report", func() error {
		l, err := load(in)
		if err != nil {
			usage = err
			return nil
		}
		if len(l.problems) > 0 {
			probs = l.problems
			return nil
		}
		if ps := policySources(l, l.ev); len(ps) > 0 {
			probs = ps
			return nil
		}
		ev := l.ev
		if !l.asOf.IsZero() {
			if ev, err = asOfInZone(ev, l.asOf, l.loc); err != nil {
				return err
			}
		}
		return report.Write(ctx, &page, ev, report.Options{
			Lang: tag, Title: title, AsOf: l.asOf, Location: l.loc, Policy: l.policy, Version: versionString(),
			Progress: func(d, t int) { done.Store(int64(d)); total.Store(int64(t)) },
		})
	})
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	if usage != nil {
		return usageErr(stderr, "report", usage)
	}
	if len(probs) > 0 {
		printProblems(stderr, probs)
		fmt.Fprintln(stderr, "freedcount report: nothing was written; correct the problems above")
		return exitInput
	}
	if err == nil {
		err = os.WriteFile(out, page.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(stderr, "freedcount report:", err)
		return exitInput
	}
	fmt.Fprintf(stdout, "Wrote %s (%d headlines).\n", out, total.Load())
	return exitOK
}
