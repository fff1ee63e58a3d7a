package interchange

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/source"
)

// ReadEvidence reads sources, claims and verified identities, each in
// format f, and returns them as one evidence set. verifications may be
// nil.
//
// Reading is all or nothing. Every line of the three inputs is read and
// checked alone first; then, if all are good, against each other: a
// claim's source and relays, and a verification's source, must be among
// the sources ([reconcile.ErrUnknownSource]); an ID used twice must name
// the same record both times ([reconcile.ErrConflict]); a claim may
// supersede only a claim of its own source, and chains of supersession and
// of relative figures must not loop ([reconcile.ErrChain]). Every problem
// is a [*LineError] naming the input (its name, as *os.File gives one, or
// else "sources", "claims" or "verifications"), the line and the column,
// and the error joins them all.
func ReadEvidence(f Format, sources, claims, verifications io.Reader) (reconcile.Evidence, error) {
	srcFile, claimFile, verFile := nameOr(sources, "sources"), nameOr(claims, "claims"), nameOr(verifications, "verifications")
	ss, err1 := readLined(sources, f, sourceTable, srcFile)
	cs, err2 := readLined(claims, f, claimTable, claimFile)
	var vs lined[reconcile.Verification]
	var err3 error
	if verifications != nil {
		vs, err3 = readLined(verifications, f, verificationTable, verFile)
	}
	// Lines are checked against each other even when some are bad, so that
	// one run lists every problem; but a claim is only checked against the
	// sources when every source line is good, lest a bad source line make
	// its claims look unknown.
	sourcesRead := err1 == nil
	errs := leaves(errors.Join(err1, err2, err3))

	col := func(c string) string {
		if f == JSONL {
			switch c {
			case "relative_to":
				return "relative"
			}
		}
		return c
	}
	bad := func(file string, line int, column, value string, category error, format string, args ...any) {
		errs = append(errs, &LineError{File: file, Line: line, Column: col(column), Value: quote(value),
			Err: fmt.Errorf("%w: %w: "+format, append([]any{ErrInvalid, category}, args...)...)})
	}

	// Sources: an ID names one source.
	srcLine := make(map[source.SourceID]int, ss.len())
	srcAt := make(map[source.SourceID]source.Source, ss.len())
	for s := range ss.all() {
		if l, ok := srcLine[s.rec.ID]; ok {
			if !srcAt[s.rec.ID].Equal(s.rec) {
				bad(srcFile, s.line, "id", s.rec.ID.String(), reconcile.ErrConflict, "a different source has this ID on line %d", l)
			}
			continue
		}
		srcLine[s.rec.ID], srcAt[s.rec.ID] = s.line, s.rec
	}

	// Claims: known sources, one claim per ID, sound chains.
	claimLine := make(map[source.ClaimID]int, cs.len())
	claimAt := make(map[source.ClaimID]source.Claim, cs.len())
	for c := range cs.all() {
		if l, ok := claimLine[c.rec.ID]; ok {
			if !claimAt[c.rec.ID].Equal(c.rec) {
				bad(claimFile, c.line, "id", c.rec.ID.String(), reconcile.ErrConflict, "a different claim has this ID on line %d", l)
			}
			continue
		}
		claimLine[c.rec.ID], claimAt[c.rec.ID] = c.line, c.rec
	}
	for c := range cs.all() {
		if _, ok := srcLine[c.rec.Source]; !ok && sourcesRead {
			bad(claimFile, c.line, "source", c.rec.Source.String(), reconcile.ErrUnknownSource, "not among the sources")
		}
		for _, v := range c.rec.Via {
			if _, ok := srcLine[v]; !ok && sourcesRead {
				bad(claimFile, c.line, "via", v.String(), reconcile.ErrUnknownSource, "not among the sources")
			}
		}
		if t, ok := claimAt[c.rec.Supersedes]; ok && t.Source != c.rec.Source {
			bad(claimFile, c.line, "supersedes", c.rec.Supersedes.String(), reconcile.ErrChain,
				"claim of source %s (line %d), not of %s", t.Source, claimLine[t.ID], c.rec.Source)
		}
	}
	for _, loop := range [...]struct {
		column, what string
		next         func(source.Claim) source.ClaimID
	}{
		{"supersedes", "supersession", func(c source.Claim) source.ClaimID { return c.Supersedes }},
		{"relative_to", "relative figures", func(c source.Claim) source.ClaimID { return c.Relative.To }},
	} {
		for _, cycle := range cyclesOf(claimAt, loop.next) {
			path := make([]string, 0, len(cycle)+1)
			for _, id := range cycle {
				path = append(path, id.String())
			}
			path = append(path, cycle[0].String())
			for _, id := range cycle {
				bad(claimFile, claimLine[id], loop.column, loop.next(claimAt[id]).String(), reconcile.ErrChain,
					"a cycle of %s: %s", loop.what, strings.Join(path, " → "))
			}
		}
	}

	for v := range vs.all() {
		if _, ok := srcLine[v.rec.Source]; !ok && sourcesRead {
			bad(verFile, v.line, "source", v.rec.Source.String(), reconcile.ErrUnknownSource, "not among the sources")
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, compareLineErrors)
		return reconcile.Evidence{}, errors.Join(errs...)
	}

	var e reconcile.Evidence
	var err error
	if e, err = e.AddSources(ss.recs...); err != nil {
		return reconcile.Evidence{}, &LineError{File: srcFile, Err: because(ErrInvalid, err)}
	}
	if e, err = e.AddClaims(cs.recs...); err != nil {
		return reconcile.Evidence{}, &LineError{File: claimFile, Err: because(ErrInvalid, err)}
	}
	if e, err = e.AddVerifications(vs.recs...); err != nil {
		return reconcile.Evidence{}, &LineError{File: verFile, Err: because(ErrInvalid, err)}
	}
	return e, nil
}

// compareLineErrors orders errors of *LineError by file, line and column.
func compareLineErrors(a, b error) int {
	x, _ := a.(*LineError)
	y, _ := b.(*LineError)
	if x == nil || y == nil {
		return 0
	}
	if c := strings.Compare(x.File, y.File); c != 0 {
		return c
	}
	if x.Line != y.Line {
		return x.Line - y.Line
	}
	return strings.Compare(x.Column, y.Column)
}

func nameOr(r io.Reader, fallback string) string {
	if n := inputName(r); n != "" {
		return n
	}
	return fallback
}

// cyclesOf returns each cycle of the graph that next draws over the claims
// (an edge to a claim not in the map ends a path), as the claim IDs along
// it from its smallest, in order of that ID.
func cyclesOf(claims map[source.ClaimID]source.Claim, next func(source.Claim) source.ClaimID) [][]source.ClaimID {
	ids := slices.SortedFunc(func(yield func(source.ClaimID) bool) {
		for id := range claims {
			if !yield(id) {
				return
			}
		}
	}, source.ClaimID.Compare)
	const (
		onPath = 1
		done   = 2
	)
	state := make(map[source.ClaimID]int, len(ids))
	var out [][]source.ClaimID
	for _, start := range ids {
		var path []source.ClaimID
		id := start
		for {
			c, ok := claims[id]
			if !ok || state[id] != 0 {
				break
			}
			state[id] = onPath
			path = append(path, id)
			id = next(c)
		}
		if state[id] == onPath {
			k := slices.Index(path, id)
			cycle := slices.Clone(path[k:])
			m := slices.IndexFunc(cycle, func(x source.ClaimID) bool {
				return x == slices.MinFunc(cycle, source.ClaimID.Compare)
			})
			out = append(out, append(cycle[m:], cycle[:m]...))
		}
		for _, p := range path {
			state[p] = done
		}
	}
	return out
}

// WriteEvidence writes the sources, claims and verifications of e, in
// order of ID, each in format f to its writer, all or nothing: if any
// cannot be written, nothing is. verifications may be nil when e holds
// none. [ReadEvidence] reads back an equal set ([reconcile.Evidence.Equal]).
func WriteEvidence(f Format, sources, claims, verifications io.Writer, e reconcile.Evidence) error {
	if verifications == nil && e.NumVerifications() > 0 {
		return &LineError{File: "verifications", Err: reason(ErrUnencodable, "%d verifications and no writer for them", e.NumVerifications())}
	}
	ss := slices.Collect(e.Sources())
	cs := slices.Collect(e.Claims())
	vs := slices.Collect(e.Verifications())
	// Encode all three before writing any.
	var bufs [3]strings.Builder
	errs := []error{
		named(write(&bufs[0], f, sourceTable, ss), "sources"),
		named(write(&bufs[1], f, claimTable, cs), "claims"),
	}
	if verifications != nil {
		errs = append(errs, named(write(&bufs[2], f, verificationTable, vs), "verifications"))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, w := range []io.Writer{sources, claims, verifications} {
		if w == nil {
			continue
		}
		if _, err := io.WriteString(w, bufs[i].String()); err != nil {
			return err
		}
	}
	return nil
}

// named sets the File of every LineError joined in err to name.
func named(err error, name string) error {
	for _, e := range leaves(err) {
		if le, ok := e.(*LineError); ok {
			le.File = name
		}
	}
	return err
}
