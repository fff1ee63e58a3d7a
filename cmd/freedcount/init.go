package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
)

const initHead = `freedcount init: write template files to fill in.

Usage:
  freedcount init [DIR]      (default: the current directory)

Writes DIR/sources.csv, DIR/claims.csv, DIR/verifications.csv and
DIR/policy.json. Each CSV file has its header line and no record: add one
line per source, claim or verified release. The columns at the end of the
header whose names start with "#" are notes listing the allowed values;
they are ignored, and lines may leave them out. CODEBOOK.md explains every
column. An existing file is never overwritten: init then writes nothing.
`

// templateNotes returns the note columns of a template: the allowed
// values of its columns that have them.
func templateNotes(record string, v release.Vocabulary) []string {
	var notes []string
	for _, col := range interchange.Columns(record) {
		if vals := allowedValues(col); vals != nil {
			notes = append(notes, "# "+col+": "+strings.Join(vals, " | "))
		}
	}
	switch record {
	case "claims", "verifications":
		notes = append(notes, "# population: "+strings.Join(populationPaths(v), " | "))
		if rs := v.Regions(); len(rs) > 0 {
			var regs []string
			for _, r := range rs {
				regs = append(regs, r.String())
			}
			notes = append(notes, "# region: "+strings.Join(regs, " | "))
		} else {
			notes = append(notes, "# region: a country code then sub-regions: VE | VE/Zulia ("+strings.Join(slices.Sorted(maps.Keys(countries)), " ")+" read in their own time zone)")
		}
		notes = append(notes, "# stated: 2026-01-25 (a day alone: no time is invented) | 2026-01-25 20:00 (read in -tz) | 2026-01-25T20:00:00-04:00")
		notes = append(notes, "# period: 2026-01-25 | 2025-12-01/2026-01-25 | 2025-12-01/.. (since)")
	}
	if record == "claims" {
		notes = append(notes, "# quantity: 104 | at least 104 | more than 100 | about 300 | between 800 and 900 | más de 100")
	}
	return notes
}

// templateVocabulary is the vocabulary init writes into the policy: the
// populations of the categories of package release, so that "political
// prisoners" typed for detainees/political is caught with a suggestion.
// Regions are left open (any country code and sub-region), since a
// newsroom may cover any country; declare them in the policy to have
// their typos caught too.
func templateVocabulary() (release.Vocabulary, error) {
	var pops []release.Population
	for _, p := range categoryPopulations() {
		pp, err := release.ParsePopulation(p)
		if err != nil {
			return release.Vocabulary{}, err
		}
		pops = append(pops, pp)
	}
	return release.NewVocabulary(pops, nil)
}

// templates returns the files init writes, by name.
func templates() (map[string][]byte, error) {
	v, err := templateVocabulary()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, rec := range []string{"sources", "claims", "verifications"} {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		if err := w.Write(append(interchange.Columns(rec), templateNotes(rec, v)...)); err != nil {
			return nil, err
		}
		w.Flush()
		out[rec+".csv"] = b.Bytes()
	}
	p := reconcile.DefaultPolicy()
	p.Vocabulary = v
	var b bytes.Buffer
	if err := interchange.WritePolicy(&b, p); err != nil {
		return nil, err
	}
	out["policy.json"] = b.Bytes()
	return out, nil
}

func runInit(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr, initHead, "Allowed values (also in the templates' notes):\n"+allowedText(release.Vocabulary{}, "  "))
	if code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return usageErr(stderr, "init", fmt.Errorf("one directory at most, got %d arguments", fs.NArg()))
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	files, err := templates()
	if err != nil {
		fmt.Fprintln(stderr, "freedcount init:", err)
		return exitInput
	}
	names := slices.Sorted(maps.Keys(files))
	var exist []string
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			exist = append(exist, filepath.Join(dir, n))
		}
	}
	if len(exist) > 0 {
		fmt.Fprintf(stderr, "freedcount init: %s already exist%s; nothing was written (init never overwrites a file)\n",
			strings.Join(exist, ", "), map[bool]string{true: "s", false: ""}[len(exist) == 1])
		return exitInput
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "freedcount init:", err)
		return exitInput
	}
	var written []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := writeNew(p, files[n]); err != nil {
			for _, w := range written {
				_ = os.Remove(w)
			}
			fmt.Fprintln(stderr, "freedcount init:", err, "; nothing was written")
			return exitInput
		}
		written = append(written, p)
	}
	fmt.Fprintf(stdout, "Wrote %s.\nFill in sources.csv and claims.csv (one line each; CODEBOOK.md explains every column), then run\n  freedcount check -dir %s\n  freedcount reconcile -dir %s\n",
		strings.Join(written, ", "), dir, dir)
	return exitOK
}

// writeNew creates name with b, refusing to replace an existing file.
func writeNew(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
