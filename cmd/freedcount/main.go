package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"
	_ "time/tzdata" // zones of -tz and of the regions, whatever the system has

	"github.com/freedcount/freedcount/reconcile"
)

// Exit codes.
const (
	exitOK          = 0
	exitInput       = 1   // the files have problems, or could not be read or written
	exitUsage       = 2   // the command line is wrong
	exitInterrupted = 130 // stopped by Ctrl-C (SIGINT) before any output was written
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"init", "write template files to fill in: sources, claims, verifications and a policy", runInit},
		{"check", "check the files and list every problem as FILE:LINE:COL", runCheck},
		{"reconcile", "print the figures (low, best, high) and the discrepancies that matter", runReconcile},
		{"report", "write one self-contained HTML page of the figures, in English or Spanish", runReport},
		{"link", "link lists of named people into distinct people: the verified count", runLink},
		{"estimate", "estimate from linked lists how many releases no list recorded", runEstimate},
		{"version", "print the version of freedcount and of Go", runVersion},
	}
}

const mainUsage = `freedcount: figures of prisoner releases that can be defended line by line.

Usage:
  freedcount COMMAND [flags]

Commands:
%s
Start with
  freedcount init mystory      # template files; their headers list every allowed value
  cd mystory                   # fill in sources.csv and claims.csv
  freedcount check             # every problem, as FILE:LINE:COL
  freedcount reconcile         # the figures
  freedcount report -o report.html -lang es

"freedcount COMMAND -h" lists the flags and allowed values of a command.
Exit status: 0 done, 1 problems in the files, 2 wrong command line, 130 interrupted.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	usage := func(w io.Writer) {
		var b strings.Builder
		for _, c := range commands() {
			fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
		}
		fmt.Fprintf(w, mainUsage, b.String())
	}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(stderr, "freedcount: no command %q%s; want one of %s\n", args[0], didYouMean(args[0], names), strings.Join(names, ", "))
	return exitUsage
}

// inputs are the flags that name the files and say how to read them,
// common to check and reconcile.
type inputs struct {
	dir                                    string
	sources, claims, verifications, policy string
	asOf, tz, dateFmt                      string
}

func (in *inputs) register(fs *flag.FlagSet, withAsOf bool) {
	fs.StringVar(&in.dir, "dir", ".", "`directory` of the files (as init writes them): sources.csv, claims.csv, and if present verifications.csv and policy.json")
	fs.StringVar(&in.sources, "sources", "", "`file` of sources (default DIR/sources.csv)")
	fs.StringVar(&in.claims, "claims", "", "`file` of claims (default DIR/claims.csv)")
	fs.StringVar(&in.verifications, "verifications", "", "`file` of verified releases (default DIR/verifications.csv when it exists)")
	fs.StringVar(&in.policy, "policy", "", "policy `file` (JSON, see CODEBOOK.md; default DIR/policy.json when it exists, else the default policy)")
	fs.StringVar(&in.tz, "tz", "", "time `zone` (IANA name, e.g. America/Caracas) in which dates and times without an offset are read (default: the zone of the claims' country when known, else UTC; the output says which)")
	fs.StringVar(&in.dateFmt, "datefmt", "", "`format` of days written with slashes: dd/mm/yyyy or mm/dd/yyyy (default: none accepted, since 03/01/2026 is ambiguous; ISO 2026-01-25 is always read)")
	if withAsOf {
		fs.StringVar(&in.asOf, "asof", "", "read the evidence as it stood at this `moment`: a day (its end, in the zone), a local time 2026-01-26 12:00, or RFC 3339 (default: all of it)")
	}
}

// newFlags returns a flag set whose -h prints head, the flags, and tail.
func newFlags(name string, stderr io.Writer, head, tail string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), head)
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
		if tail != "" {
			fmt.Fprint(fs.Output(), "\n"+tail)
		}
	}
	return fs
}

// parse parses args; for -h it prints the usage to stdout and returns
// exitOK and false.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// usageErr prints a wrong command line and returns exitUsage.
func usageErr(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "freedcount %s: %s\nRun \"freedcount %s -h\" for help.\n", name, strings.ReplaceAll(err.Error(), "\n", "\nfreedcount "+name+": "), name)
	return exitUsage
}

// work runs f, printing on stderr what it is doing once it has taken more
// than a second, and gives up when ctx is cancelled (Ctrl-C) with
// ctx.Err(): nothing has been written then.
func work(ctx context.Context, stderr io.Writer, label string, f func() error) error {
	return workStatus(ctx, stderr, func() string { return label }, f)
}

// workStatus is work whose label is asked anew at each report, so that it
// can say how far the work has gone.
func workStatus(ctx context.Context, stderr io.Writer, status func() string, f func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	shown := false
	for {
		select {
		case err := <-done:
			if shown {
				fmt.Fprintf(stderr, "\rfreedcount: %s: done in %s\n", status(), time.Since(start).Round(100*time.Millisecond))
			}
			return err
		case <-ctx.Done():
			if shown {
				fmt.Fprintln(stderr)
			}
			return ctx.Err()
		case <-tick.C:
			shown = true
			fmt.Fprintf(stderr, "\rfreedcount: %s… %s", status(), time.Since(start).Round(time.Second))
		}
	}
}

// interrupted reports a stop by Ctrl-C.
func interrupted(stderr io.Writer) int {
	fmt.Fprintln(stderr, "freedcount: interrupted; nothing was written")
	return exitInterrupted
}

// versionString is the module version of this build: "(devel)" when built
// from a checkout.
func versionString() string { return buildVersion() }

// defaultPolicy is the policy when no file gives one.
func defaultPolicy() reconcile.Policy { return reconcile.DefaultPolicy() }
