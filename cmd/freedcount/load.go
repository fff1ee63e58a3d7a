package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
)

// problem is one problem of the input, at its file, line and column.
type problem struct {
	file      string
	line, col int
	column    string // the column's name, or ""
	value     string // quoted, or ""
	msg       string
}

func (p problem) String() string {
	var b strings.Builder
	b.WriteString(p.file)
	if p.line > 0 {
		fmt.Fprintf(&b, ":%d", p.line)
		if p.col > 0 {
			fmt.Fprintf(&b, ":%d", p.col)
		}
	}
	b.WriteString(": ")
	var what []string
	if p.column != "" {
		what = append(what, "column "+p.column)
	}
	if p.value != "" {
		what = append(what, p.value)
	}
	if len(what) > 0 {
		b.WriteString(strings.Join(what, " ") + ": ")
	}
	b.WriteString(p.msg)
	return b.String()
}

// personal names the columns whose values may identify a person: their
// values are never printed.
var personal = map[string]bool{"detainee": true, "named": true, "name": true, "national_id": true}

// loaded is what a command reads: the evidence, the policy, the zone in
// which dates alone were read, and the moment to read the evidence as of.
type loaded struct {
	ev      reconcile.Evidence
	policy  reconcile.Policy
	loc     *time.Location
	zoneWhy string
	asOf    time.Time
	files   []string
	// policyFile names the policy's file, or "the default policy".
	policyFile string
	srcName    string               // the sources file
	tables     map[string]*csvTable // by file name, for columns' numbers
	problems   []problem
}

// namedReader is a reader with the name of its file, for the errors of
// package interchange.
type namedReader struct {
	*bytes.Reader
	name string
}

func (r namedReader) Name() string { return r.name }

// pick returns the file of a flag, or DIR/base when it exists or is
// required.
func pick(flagged, dir, base string, required bool) string {
	if flagged != "" {
		return flagged
	}
	p := filepath.Join(dir, base)
	if _, err := os.Stat(p); err == nil || required {
		return p
	}
	return ""
}

// load reads every file of in and checks them against each other and the
// policy's vocabulary. Problems of the files are in loaded.problems; the
// error is for a wrong command line.
func load(in inputs) (*loaded, error) {
	df, err := parseDateFormat(in.dateFmt)
	if err != nil {
		return nil, err
	}
	l := &loaded{tables: map[string]*csvTable{}}
	srcName := pick(in.sources, in.dir, "sources.csv", true)
	l.srcName = srcName
	clName := pick(in.claims, in.dir, "claims.csv", true)
	verName := pick(in.verifications, in.dir, "verifications.csv", false)
	polName := pick(in.policy, in.dir, "policy.json", false)

	format, _ := interchange.FormatOf(clName)
	if format == 0 {
		format = interchange.CSV
	}
	for _, n := range []string{srcName, verName} {
		if f, ok := interchange.FormatOf(n); ok && f != format {
			return nil, fmt.Errorf("%s is %s but %s is %s: give all files in one format", n, f, clName, format)
		}
	}
	read := func(name string) []byte {
		if name == "" {
			return nil
		}
		l.files = append(l.files, name)
		b, err := os.ReadFile(name)
		if err != nil {
			msg := err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				msg = "no such file (\"freedcount init\" writes templates)"
			}
			l.problems = append(l.problems, problem{file: name, msg: msg})
			return nil
		}
		return b
	}
	srcB, clB, verB, polB := read(srcName), read(clName), read(verName), read(polName)

	l.policy = defaultPolicy()
	l.policyFile = "the default policy"
	if polName != "" {
		l.policyFile = polName
	}
	if polName != "" && polB != nil {
		p, err := interchange.ReadPolicy(namedReader{bytes.NewReader(polB), polName})
		if err != nil {
			l.addErr(polName, err)
		} else {
			l.policy = p
		}
	}

	// The zone: from -tz, or the country of every claim.
	var regions []release.Region
	if format == interchange.CSV {
		for name, b := range map[string][]byte{clName: clB, verName: verB} {
			if b == nil {
				continue
			}
			t, err := readTable(b)
			if err != nil {
				continue
			}
			l.tables[name] = t
			if c := t.col("region"); c >= 0 {
				for _, row := range t.rows {
					if c < len(row) {
						if r, err := release.ParseRegion(strings.TrimSpace(row[c])); err == nil {
							regions = append(regions, r)
						}
					}
				}
			}
		}
		if t, err := readTable(srcB); err == nil && srcB != nil {
			l.tables[srcName] = t
		}
	}
	slices.SortFunc(regions, release.Region.Compare)
	l.loc, l.zoneWhy, err = zoneFor(in.tz, regions)
	if err != nil {
		return nil, err
	}
	if in.asOf != "" {
		if l.asOf, err = df.parseAsOf(in.asOf, l.loc); err != nil {
			return nil, fmt.Errorf("-asof %q: %w", in.asOf, err)
		}
	}
	if format == interchange.CSV {
		for _, f := range []struct {
			name   string
			b      *[]byte
			dayEnd bool
		}{{clName, &clB, false}, {verName, &verB, true}} {
			if *f.b == nil {
				continue
			}
			out, probs := rewriteDates(*f.b, df, l.loc, f.dayEnd)
			for _, p := range probs {
				l.problems = append(l.problems, problem{file: f.name, line: p.line, col: p.col, column: p.column, value: quoteCell(p.column, p.value), msg: p.err.Error()})
			}
			*f.b = out
		}
	}
	if srcB == nil || clB == nil {
		return l, nil
	}
	dated := len(l.problems)
	var ver io.Reader
	if verB != nil {
		ver = namedReader{bytes.NewReader(verB), verName}
	}
	ev, err := interchange.ReadEvidence(format, namedReader{bytes.NewReader(srcB), srcName}, namedReader{bytes.NewReader(clB), clName}, ver)
	if err != nil {
		l.addErr("", err)
		l.dropSecondWords(dated)
		return l, nil
	}
	if dated > 0 {
		return l, nil
	}
	l.ev = ev
	l.checkVocabulary(clName, verName)
	return l, nil
}

// dropSecondWords drops the problems after the first n (the reader's) that
// fall on a cell one of the first n (the dates') already names: a day the
// date pass could not read is left as it was, and the reader refuses it
// again in its own words.
func (l *loaded) dropSecondWords(n int) {
	type cell struct {
		file   string
		line   int
		column string
	}
	seen := make(map[cell]bool, n)
	for _, p := range l.problems[:n] {
		seen[cell{p.file, p.line, p.column}] = true
	}
	kept := l.problems[:n]
	for _, p := range l.problems[n:] {
		if !seen[cell{p.file, p.line, p.column}] {
			kept = append(kept, p)
		}
	}
	l.problems = kept
}

// quoteCell quotes a value for a message, or hides it if it may identify
// a person.
func quoteCell(column, v string) string {
	if personal[column] {
		return "<redacted>"
	}
	return fmt.Sprintf("%q", v)
}

// addErr adds the problems of an error of package interchange (or any
// other, as one problem of file).
func (l *loaded) addErr(file string, err error) {
	lines, other := interchange.LineErrors(err)
	var ids []string
	suggested := 0
	for _, e := range other {
		l.problems = append(l.problems, problem{file: file, msg: strings.TrimPrefix(e.Error(), "interchange: ")})
	}
	for _, le := range lines {
		p := problem{file: le.File, line: le.Line, column: le.Column, value: le.Value}
		if p.file == "" {
			p.file = file
		}
		if personal[le.Column] && le.Value != "" {
			p.value = "<redacted>"
		}
		if t := l.tables[p.file]; t != nil && le.Column != "" {
			if c := t.col(le.Column); c >= 0 {
				p.col = c + 1
			}
		}
		p.msg = reasonOf(le)
		if allowed := allowedValues(le.Column); allowed != nil && strings.Contains(p.msg, "unknown value") {
			p.msg += didYouMean(strings.Trim(le.Value, `"`), allowed)
		}
		if errors.Is(le, reconcile.ErrUnknownSource) && suggested < maxShown {
			// Suggestions cost a pass over the sources each: only for
			// the problems that can be shown.
			if ids == nil {
				ids = l.sourceIDs()
			}
			p.msg += didYouMean(strings.Trim(le.Value, `"`), ids)
			suggested++
		}
		l.problems = append(l.problems, p)
	}
}

// sourceIDs returns the IDs in the id column of the sources file, as
// written, for the did-you-mean of a claim naming an unknown source.
func (l *loaded) sourceIDs() []string {
	t := l.tables[l.srcName]
	if t == nil {
		return nil
	}
	c := t.col("id")
	if c < 0 {
		return nil
	}
	ids := make([]string, 0, len(t.rows))
	for _, row := range t.rows {
		if c < len(row) {
			ids = append(ids, strings.TrimSpace(row[c]))
		}
	}
	return ids
}

// reasonOf is the reason of a LineError, without what the problem line
// already says (file, line, column, value).
func reasonOf(le *interchange.LineError) string {
	bare := *le
	bare.File, bare.Line, bare.Column, bare.Value = "", 0, "", ""
	return strings.TrimPrefix(bare.Error(), "interchange: ")
}

// checkVocabulary reports every claim and verification whose population
// or region the policy's vocabulary does not declare, at its line, with
// the nearest declared paths.
func (l *loaded) checkVocabulary(clName, verName string) {
	v := l.policy.Vocabulary
	undeclared := func(s release.Scope) bool {
		return v.CheckPopulation(s.Population()) != nil || v.CheckRegion(s.Region()) != nil
	}
	add := func(file string, line int, t *csvTable, s release.Scope) {
		for _, dim := range []struct {
			column string
			err    error
			value  string
		}{{"population", v.CheckPopulation(s.Population()), s.Population().String()}, {"region", v.CheckRegion(s.Region()), s.Region().String()}} {
			if dim.err == nil {
				continue
			}
			p := problem{file: file, line: line, column: dim.column, value: fmt.Sprintf("%q", dim.value)}
			if t != nil {
				p.col = t.col(dim.column) + 1
			}
			msg := dim.err.Error()
			if u, ok := errors.AsType[*release.UndeclaredError](dim.err); ok {
				msg = strings.TrimPrefix(u.Error(), release.ErrInvalid.Error()+": ")
			}
			p.msg = msg + " (the vocabulary of the policy file)"
			l.problems = append(l.problems, p)
		}
	}
	// Lines are looked up in maps built once, and only for a scope out of
	// the vocabulary: one scan of each file, however many claims.
	var claimLine map[string]int
	for c := range l.ev.Claims() {
		if !c.Scope.IsValid() || !undeclared(c.Scope) {
			continue
		}
		t := l.tables[clName]
		if claimLine == nil {
			claimLine = firstLines(t, "id")
		}
		add(clName, claimLine[c.ID.String()], t, c.Scope)
	}
	var verLine map[string]int
	for vr := range l.ev.Verifications() {
		if !undeclared(vr.Scope) {
			continue
		}
		// The first line with this scope's population and region.
		t := l.tables[verName]
		if verLine == nil {
			verLine = firstLines(t, "population", "region")
		}
		add(verName, verLine[vr.Scope.Population().String()+"\x00"+vr.Scope.Region().String()], t, vr.Scope)
	}
}

// firstLines maps the cells of the named columns of t's rows, trimmed and
// joined by NUL, to the first line that holds them. A missing table or
// column gives an empty map, so that every line reads as unknown (0).
func firstLines(t *csvTable, columns ...string) map[string]int {
	out := make(map[string]int)
	if t == nil {
		return out
	}
	cols := make([]int, len(columns))
	for i, name := range columns {
		if cols[i] = t.col(name); cols[i] < 0 {
			return out
		}
	}
	for i, row := range t.rows {
		key := make([]string, len(cols))
		ok := true
		for k, c := range cols {
			if c >= len(row) {
				ok = false
				break
			}
			key[k] = strings.TrimSpace(row[c])
		}
		if k := strings.Join(key, "\x00"); ok {
			if _, seen := out[k]; !seen {
				out[k] = t.lines[i]
			}
		}
	}
	return out
}

// leaves flattens errors joined with errors.Join.
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

// maxShown is how many problems are printed.
const maxShown = 100

// printProblems prints every problem, sorted by file and line.
func printProblems(w io.Writer, ps []problem) {
	slices.SortStableFunc(ps, func(a, b problem) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		if a.line != b.line {
			return a.line - b.line
		}
		return a.col - b.col
	})
	for i, p := range ps {
		if i == maxShown {
			fmt.Fprintf(w, "... and %d more problems\n", len(ps)-maxShown)
			break
		}
		fmt.Fprintln(w, p)
	}
}
