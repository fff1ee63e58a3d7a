package main

import (
	"fmt"
	"io"
	"os"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
)

func main() {
	if err := run(os.Stdout, "testdata/sources.csv", "testdata/claims.csv"); err != nil {
		fmt.Fprintln(os.Stderr, "reconcile:", err)
		os.Exit(1)
	}
}

// run reads a file of sources and a file of claims, reconciles them under
// the default policy and prints one line per figure.
func run(w io.Writer, sourcesFile, claimsFile string) error {
	// 1. Read the files: all or nothing, every bad line reported at once.
	sources, err := os.Open(sourcesFile)
	if err != nil {
		return err
	}
	defer sources.Close()
	claims, err := os.Open(claimsFile)
	if err != nil {
		return err
	}
	defer claims.Close()
	ev, err := interchange.ReadEvidence(interchange.CSV, sources, claims, nil)
	if err != nil {
		return err
	}

	// 2. Index the evidence under a policy: which claims are in force, the
	// consensus of each scope, the floors and caps across scopes.
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		return err
	}

	// 3. Every figure: low ≤ best ≤ high, and the verified floor.
	for _, f := range ix.Figures() {
		// A figure open above ("at least 104") is never printed as a maximum.
		best, high := fmt.Sprint(f.Best), fmt.Sprint(f.High)
		if f.BestOpen {
			best += " or more"
		}
		if f.HighOpen {
			high += " or more"
		}
		fmt.Fprintf(w, "%s of %s in %s, %s: verified %d, low %d, best %s, high %s\n",
			f.Measure, f.Scope.Population(), f.Scope.Region(), f.Scope.Period(), f.Verified, f.Low, best, high)
	}
	return nil
}
