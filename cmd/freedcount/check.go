package main

import (
	"context"
	"fmt"
	"io"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
)

const checkHead = `freedcount check: check the files, and list every problem.

Usage:
  freedcount check [flags]

Reads every file (sources, claims, verifications, policy) whole and lists
each problem on a line of its own as FILE:LINE:COL: column NAME "VALUE":
REASON, with the nearest allowed value or declared path when a value
looks like a typo. Nothing is changed.

Exit status: 0 when the files are good, 1 when they have problems, 2 for
a wrong command line.
`

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var in inputs
	fs := newFlags("check", stderr, checkHead, "Allowed values:\n"+allowedText(release.Vocabulary{}, "  "))
	in.register(fs, false)
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usageErr(stderr, "check", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	var l *loaded
	err := work(ctx, stderr, "reading", func() (err error) { l, err = load(in); return err })
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	if err != nil {
		return usageErr(stderr, "check", err)
	}
	if len(l.problems) == 0 {
		// What reconcile would refuse: sources the policy names and the
		// evidence lacks, and evidence the policy refuses.
		l.problems = policySources(l, l.ev)
		if len(l.problems) == 0 {
			if _, err := reconcile.NewIndex(l.ev, l.policy); err != nil {
				for _, e := range leaves(err) {
					l.problems = append(l.problems, problem{file: l.policyFile, msg: e.Error()})
				}
			}
		}
	}
	if len(l.problems) > 0 {
		printProblems(stderr, l.problems)
		fmt.Fprintf(stderr, "freedcount check: %d problem%s; nothing is used until every one is corrected\n", len(l.problems), map[bool]string{true: "", false: "s"}[len(l.problems) == 1])
		return exitInput
	}
	for src := range l.ev.Sources() {
		w, weighed := l.policy.SourceWeights[src.ID]
		if !weighed {
			w = src.Confidence
		}
		if w.IsZero() {
			fmt.Fprintf(stdout, "Note: source %s has a weight of 0 (its confidence, or the policy's source_weights): its claims will count for nothing.\n", src.ID)
		}
	}
	if l.ev.NumClaims() == 0 {
		fmt.Fprintln(stdout, "No claim yet: add one line per claim to the claims file (\"freedcount init\" writes a template).")
	}
	fmt.Fprintf(stdout, "%d sources, %d claims, %d verifications: no problem found. Dates without a time are read in %s (%s).\n",
		l.ev.NumSources(), l.ev.NumClaims(), countSeq(l.ev.Verifications()), l.loc, l.zoneWhy)
	return exitOK
}

func countSeq[T any](seq func(func(T) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
}
