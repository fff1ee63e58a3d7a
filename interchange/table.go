package interchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unsafe"

	"github.com/freedcount/freedcount/internal/hugepage"
	"github.com/freedcount/freedcount/release"
)

// table describes how one record type is exchanged: its CSV columns, how a
// record read from CSV is checked, and its JSON encoding.
type table[T any] struct {
	// kind names the records in messages ("claims").
	kind string
	// columns are the CSV columns, in the order writers write them.
	columns []column[T]
	// finish, if set, completes a record whose cells all parsed, before
	// check: for values that span columns.
	finish func(*T)
	// check validates a record whose cells all parsed, as the record's
	// Validate method does; its errors are mapped to columns by fields,
	// or carry their column as a *colError.
	check func(T) error
	// fields maps the path of a field error (of package source, release
	// or reconcile), written with dots, to the CSV column it is about;
	// keyFields maps it to the JSON key ("scope.region" for a key of a
	// nested object). A path not in a map is looked up by its longest
	// prefix that is ([columnOf]); one with no prefix there is about the
	// line as a whole. Columns are named by these tables only, never by
	// an error's text or by the value it repeats.
	fields    map[string]string
	keyFields map[string]string
	// decode reads one JSON object, validating it; encode writes one.
	decode func([]byte) (T, error)
	encode func(T) ([]byte, error)
	// keys are the JSON keys a record may have.
	keys []string
	// nested gives, per path of a nested JSON object ("scope", "a.scope"),
	// the keys it may hold: others are refused, not dropped.
	nested map[string][]string
	// secret names the columns and keys whose values are personal data,
	// never repeated in an error; whole means no part of a line may be,
	// whatever column a value is in (a name with an unquoted comma shifts
	// the cells after it, and puts a national ID in another column).
	secret map[string]bool
	whole  bool
}

// column is one CSV column of a record type.
type column[T any] struct {
	name string
	// required columns must be in the header; a cell of one may still be
	// empty where the record allows it.
	required bool
	// get returns the cell of a record; an error means the value cannot be
	// written in CSV.
	get func(*T) (string, error)
	// set parses a cell into a record.
	set func(*T, string) error
	// same, if set, copies into dst what set put into src: a reader uses
	// it for a cell that repeats the cell above it, which set read
	// without error there (columns of a newsroom's file repeat their
	// source, population, region and period from line to line).
	same func(dst, src *T)
}

// colError is an error about a known column, returned by a table's check.
type colError struct {
	column string
	err    error
}

func (e *colError) Error() string { return e.column + ": " + e.err.Error() }
func (e *colError) Unwrap() error { return e.err }

// inputName returns the name of r, if it has one, as *os.File does.
func inputName(r any) string {
	if n, ok := r.(interface{ Name() string }); ok {
		return n.Name()
	}
	return ""
}

// lined holds the records read from an input and, for each, the line it
// was read from.
type lined[T any] struct {
	recs  []T
	lines []int
}

// at is one record of a [lined] and its line.
type at[T any] struct {
	rec  T
	line int
}

// len returns the number of records.
func (l lined[T]) len() int { return len(l.recs) }

// all yields each record with its line, in input order.
func (l lined[T]) all() iter.Seq[at[T]] {
	return func(yield func(at[T]) bool) {
		for i := range l.recs {
			if !yield(at[T]{l.recs[i], l.lines[i]}) {
				return
			}
		}
	}
}

// collector gathers the records of an input. Records are parsed in place,
// into the next slot of a chunk ([collector.next]), and kept or dropped
// ([collector.keep]). A record is a few hundred bytes: parsed into a local
// variable it would escape to the heap (the cells are set through function
// values), and gathered by append it would be copied again at every
// doubling. Where the input's length is known (size), the records of the
// first chunk tell how many bytes a record takes, and the rest go into
// one slice sized for the whole input, so that they are never copied,
// and backed with huge pages while it is filled ([hugepage.Advise]; see
// there why: most of the time to read a million claims went to faulting
// its base pages in, twice); otherwise, or past that estimate, they go
// into chunks that [collector.done] copies once into a slice of the exact
// length. [collector.release] takes the request for huge pages back.
type collector[T any] struct {
	full  [][]T
	cur   []T
	lines []int
	// size is the input's length in bytes, or 0 if unknown; read is how
	// many bytes the records so far took, set by the reader.
	size, read int64
	// most is the number of lines of the input, or 0 if unknown: no input
	// holds more records than lines.
	most  int64
	sized bool
	// advised is the slice sized for the whole input, if huge pages
	// were asked for it.
	advised []T
}

// chunkLen is the number of records in a chunk of a collector, and
// firstChunk the number in its first, from which the input's records are
// counted.
const (
	chunkLen   = 1024
	firstChunk = 64
)

// next returns the zeroed slot the next record is parsed into.
func (c *collector[T]) next() *T {
	if len(c.cur) == cap(c.cur) {
		c.grow()
	}
	c.cur = c.cur[:len(c.cur)+1]
	return &c.cur[len(c.cur)-1]
}

// grow makes room for another record.
func (c *collector[T]) grow() {
	n := len(c.cur)
	var zero T
	// Never more bytes of records than twice the input's, whatever its
	// lines are like.
	limit := 2*c.size/max(int64(unsafe.Sizeof(zero)), 1) + 16
	if !c.sized && len(c.full) == 0 && c.most > 0 {
		// As many records as lines, which the input has counted: one
		// slice, neither too short nor much too long.
		c.sized = true
		if est := min(c.most, limit); est > int64(n) {
			big := c.presized(n, est)
			copy(big, c.cur)
			c.cur = big
			c.lines = slices.Grow(c.lines, int(est)-len(c.lines))
			return
		}
	}
	if !c.sized && len(c.full) == 0 && n > 0 && c.read > 0 && c.size > c.read {
		c.sized = true
		// Records at the bytes per record seen so far, and an eighth
		// more.
		est := int64(n) + (c.size-c.read)*int64(n)/c.read
		est += est/8 + 16
		est = min(est, limit)
		if est > int64(n) {
			big := c.presized(n, est)
			copy(big, c.cur)
			c.cur = big
			c.lines = slices.Grow(c.lines, int(est)-len(c.lines))
			return
		}
	}
	if n > 0 {
		c.full = append(c.full, c.cur)
	}
	size := chunkLen
	if n == 0 && len(c.full) == 0 {
		size = firstChunk
	}
	c.cur = make([]T, 0, size)
}

// presized returns the slice sized for the whole input, of length n and
// capacity est, with huge pages asked for it.
func (c *collector[T]) presized(n int, est int64) []T {
	big := make([]T, n, est)
	if hugepage.Advise(big) {
		c.advised = big
	}
	return big
}

// release takes back the request for huge pages, if one was made, once
// no more records are collected. Without it, the system could gather the
// pages left behind into huge pages again after the records are freed
// and their memory returned, committing memory the runtime gave back.
func (c *collector[T]) release() {
	if c.advised != nil {
		hugepage.Unadvise(c.advised)
		c.advised = nil
	}
}

// keep keeps the record parsed into the last slot given by next, read
// from line; drop zeroes the slot and gives it back.
func (c *collector[T]) keep(line int) { c.lines = append(c.lines, line) }
func (c *collector[T]) drop() {
	var zero T
	c.cur[len(c.cur)-1] = zero
	c.cur = c.cur[:len(c.cur)-1]
}

// done returns the records kept, in order.
func (c *collector[T]) done() lined[T] {
	if len(c.full) == 0 {
		return lined[T]{c.cur, c.lines}
	}
	out := make([]T, 0, len(c.lines))
	for _, ch := range c.full {
		out = append(out, ch...)
	}
	out = append(out, c.cur...)
	return lined[T]{out, c.lines}
}

// read reads records of table t in format f from r. On error it returns
// no record.
func read[T any](r io.Reader, f Format, t *table[T]) ([]T, error) {
	ls, err := readLined(r, f, t, inputName(r))
	if err != nil {
		return nil, err
	}
	return ls.recs, nil
}

// readLined reads records of table t in format f from r, with their line
// numbers. On error it returns the records of the good lines too, which a
// caller may check further but must not accept.
func readLined[T any](r io.Reader, f Format, t *table[T], file string) (lined[T], error) {
	if r == nil {
		return lined[T]{}, &LineError{File: file, Err: reason(ErrSyntax, "no input")}
	}
	size, lines := inputSize(r), inputLines(r)
	r = limited(r, file)
	switch f {
	case CSV:
		return readCSV(r, t, file, size, lines)
	case JSONL:
		return readJSONL(r, t, file, size, lines)
	}
	return lined[T]{}, &LineError{File: file, Column: "format", Value: quote(f.String()), Err: reason(ErrInvalid, "unknown format")}
}

// inputSize returns the number of bytes left to read from r, where r says
// (a bytes.Reader, strings.Reader or bytes.Buffer, or a regular file), or
// 0. It is a hint for sizing, never trusted for anything else.
func inputSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case interface {
		Stat() (fs.FileInfo, error)
		io.Seeker
	}:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0
		}
		at, err := v.Seek(0, io.SeekCurrent)
		if err != nil || at > fi.Size() {
			return 0
		}
		return fi.Size() - at
	}
	return 0
}

// inputLines returns the number of lines left to read from r, a last
// line without a newline counted, where r holds them in memory (a
// bytes.Reader or strings.Reader), or 0. It is a hint for sizing: a file
// is not read twice for it.
func inputLines(r io.Reader) int64 {
	ra, ok := r.(interface {
		io.ReaderAt
		Size() int64
		Len() int
	})
	if !ok {
		return 0
	}
	buf := make([]byte, 32<<10)
	n := int64(1)
	for off := ra.Size() - int64(ra.Len()); ; {
		k, err := ra.ReadAt(buf, off)
		n += int64(bytes.Count(buf[:k], []byte{'\n'}))
		off += int64(k)
		if err != nil || k == 0 {
			return n
		}
	}
}

// write writes recs in format f to w, all or nothing: if a record cannot
// be written, nothing is.
func write[T any](w io.Writer, f Format, t *table[T], recs []T) error {
	var buf bytes.Buffer
	var err error
	switch f {
	case CSV:
		err = encodeCSV(&buf, t, recs)
	case JSONL:
		err = encodeJSONL(&buf, t, recs)
	default:
		err = &LineError{Column: "format", Value: quote(f.String()), Err: reason(ErrInvalid, "unknown format")}
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// bom is the byte order mark some spreadsheets put at the start of a
// UTF-8 file.
const bom = "\uFEFF"

// sniff wraps r in a buffered reader without a leading byte order mark and
// returns the CSV separator its first line uses: ';' when that line holds
// a semicolon and no comma (as spreadsheets set to Spanish and other
// locales that write decimal commas save CSV), else ','.
func sniff(r io.Reader) (*bufio.Reader, rune) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		_, _ = br.Discard(len(bom))
	}
	// Peek returns what it has, with an error, when the buffer or the
	// input ends first.
	b, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if bytes.IndexByte(b, ';') >= 0 && bytes.IndexByte(b, ',') < 0 {
		return br, ';'
	}
	return br, ','
}

func readCSV[T any](r io.Reader, t *table[T], file string, size, lines int64) (lined[T], error) {
	return readCSVBatched(r, t, file, size, lines, pipeBatch(size))
}

// readCSVBatched is readCSV with the cells split on a second goroutine in
// batches of batch records, or on the caller's if batch is 0
// ([csvRecords]).
func readCSVBatched[T any](r io.Reader, t *table[T], file string, size, lines int64, batch int) (lined[T], error) {
	br, sep := sniff(r)
	cr := csv.NewReader(br)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	// The cells of a record are parsed before the next is read: its slice
	// of cells can be reused (the strings in it are fresh each time).
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return lined[T]{}, &LineError{File: file, Line: 1, Err: reason(ErrHeader, "empty input; want a header line: %s", t.headerLine())}
	}
	if err != nil {
		return lined[T]{}, csvErr(err, file)
	}
	header = slices.Clone(header)
	cols, errs := t.mapHeader(header, file)
	if len(errs) > 0 {
		return lined[T]{}, errors.Join(errs...)
	}
	out := collector[T]{size: size, most: lines}
	defer out.release()
	seen := newSeen[T](len(header))
	for got := range csvRecords(cr, batch) {
		out.read = got.offset
		if got.err != nil {
			errs = append(errs, csvErr(got.err, file))
			if !got.fatal() {
				continue
			}
			return lined[T]{}, errors.Join(errs...)
		}
		rec, line := got.cells, got.line
		if len(rec) < len(header) && notesOnly(header[len(rec):]) {
			// Note columns at the end may be left out of a record, as a
			// template's header that lists allowed values in them is
			// followed by records typed without them.
			rec = append(rec, make([]string, len(header)-len(rec))...)
		}
		if len(rec) != len(header) {
			errs = append(errs, &LineError{File: file, Line: line,
				Err: reason(ErrSyntax, "%d fields, but the header has %d", len(rec), len(header))})
			continue
		}
		v := out.next()
		if lineErrs := t.parseRecordAfter(v, rec, cols, file, line, seen); len(lineErrs) > 0 {
			out.drop()
			errs = append(errs, t.scrub(lineErrs, csvCells(header, rec))...)
			continue
		}
		out.keep(line)
		seen.add(t, cols, v, rec)
	}
	return out.done(), errors.Join(errs...)
}

// notesOnly reports whether every column of names is a note (its name
// starts with "#").
func notesOnly(names []string) bool {
	for _, n := range names {
		if !strings.HasPrefix(strings.TrimSpace(n), "#") {
			return false
		}
	}
	return true
}

// csvErr turns an error of encoding/csv into a LineError.
func csvErr(err error, file string) error {
	if le, ok := errors.AsType[*LineError](err); ok {
		return le
	}
	if pe, ok := errors.AsType[*csv.ParseError](err); ok {
		return &LineError{File: file, Line: pe.Line, Err: reason(ErrSyntax, "%v (character %d)", pe.Err, pe.Column)}
	}
	if file != "" {
		return fmt.Errorf("interchange: reading %s: %w", file, err)
	}
	return fmt.Errorf("interchange: reading: %w", err)
}

// headerLine returns the header a writer writes.
func (t *table[T]) headerLine() string {
	names := make([]string, len(t.columns))
	for i, c := range t.columns {
		names[i] = c.name
	}
	return strings.Join(names, ",")
}

// Marks, in the result of mapHeader, of fields that are no column.
const (
	// comment is a column whose name starts with '#': it is ignored.
	comment = -1
	// unnamed is a column with no name, as spreadsheets leave after the
	// last column; it must be empty.
	unnamed = -2
)

// mapHeader returns, for each field of the header, the index of its column
// in t.columns, or comment or unnamed; and every problem of the header.
func (t *table[T]) mapHeader(header []string, file string) ([]int, []error) {
	cols := make([]int, len(header))
	seen := make(map[int]bool)
	var errs []error
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == "":
			cols[i] = unnamed
			continue
		case strings.HasPrefix(name, "#"):
			cols[i] = comment
			continue
		}
		k := t.columnIndex(name)
		switch {
		case k < 0:
			cols[i] = comment
			col, val := t.unknownName(name)
			errs = append(errs, &LineError{File: file, Line: 1, Column: col, Value: val,
				Err: reason(ErrHeader, "no such column in %s (field %d of the header); want %s (a column whose name starts with # is ignored)", t.kind, i+1, t.headerLine())})
		case seen[k]:
			cols[i] = comment
			errs = append(errs, &LineError{File: file, Line: 1, Column: name, Err: reason(ErrHeader, "named twice")})
		default:
			seen[k] = true
			cols[i] = k
		}
	}
	for k, c := range t.columns {
		if c.required && !seen[k] {
			errs = append(errs, &LineError{File: file, Line: 1, Column: c.name, Err: reason(ErrHeader, "missing from the header")})
		}
	}
	return cols, errs
}

func (t *table[T]) columnIndex(name string) int {
	for k, c := range t.columns {
		if c.name == name {
			return k
		}
	}
	return -1
}

// value returns the Value of an error about cell text of column col.
func (t *table[T]) value(col, text string) string {
	switch {
	case strings.TrimSpace(text) == "":
		return "" // "column source: missing" says it all
	case t.secret[col] || t.whole:
		return redacted
	}
	return quote(text)
}

// parseRecord parses the cells of one CSV record into *v, which must be
// zero, and checks the result, returning every problem, at most one per
// column.
func (t *table[T]) parseRecord(v *T, rec []string, cols []int, file string, line int) []error {
	return t.parseRecordAfter(v, rec, cols, file, line, nil)
}

// seen remembers, per CSV column, records read without error and the cell
// each was read from, so that a cell read before, in a column that can
// copy its value ([column.same]), is copied rather than parsed again. A
// newsroom's file repeats its source, population, region, period and
// status from line to line, and a handful of phrases ("at least 104")
// among its quantities.
type seen[T any] struct {
	// prev is the record kept last and prevCells its cells: most repeated
	// cells repeat the cell above them, which is found without hashing.
	prev      *T
	prevCells []string
	// by maps each column's cells to a kept record read from that cell;
	// a map stops growing at seenLimit cells, so that a column of cells
	// that never repeat costs a lookup, not a map of the whole input.
	by []map[string]*T
	// fresh marks the cells of the record being read that were parsed,
	// not copied: those are the ones to map when it is kept.
	fresh []bool
}

// seenLimit is the number of distinct cells a column's map of [seen]
// holds.
const seenLimit = 512

func newSeen[T any](n int) *seen[T] {
	return &seen[T]{prevCells: make([]string, n), by: make([]map[string]*T, n), fresh: make([]bool, n)}
}

// add remembers v, kept, read from the cells rec. Records handed to add
// must not change afterwards: later records copy fields from them.
func (s *seen[T]) add(t *table[T], cols []int, v *T, rec []string) {
	for i, k := range cols {
		if !s.fresh[i] || k < 0 || t.columns[k].same == nil {
			continue
		}
		m := s.by[i]
		if m == nil {
			m = make(map[string]*T)
			s.by[i] = m
		}
		if len(m) < seenLimit {
			if _, ok := m[rec[i]]; !ok {
				m[rec[i]] = v
			}
		}
	}
	s.prev = v
	copy(s.prevCells, rec)
}

// source returns a kept record read from cell in column i, or nil.
func (s *seen[T]) source(i int, cell string) *T {
	if s == nil || s.prev == nil {
		return nil
	}
	if cell == s.prevCells[i] {
		return s.prev
	}
	return s.by[i][cell]
}

// parseRecordAfter is parseRecord for a record read after the records
// seen: a cell equal to one of theirs, in a column that can copy its value
// ([column.same]), is copied from that record rather than parsed again.
func (t *table[T]) parseRecordAfter(v *T, rec []string, cols []int, file string, line int, seen *seen[T]) []error {
	var errs []error
	var bad map[string]bool // made on the first error only: most lines have none
	cell := func(name string) string {
		for i, k := range cols {
			if k >= 0 && t.columns[k].name == name {
				return rec[i]
			}
		}
		return ""
	}
	for i, k := range cols {
		if k == unnamed && strings.TrimSpace(rec[i]) != "" {
			val := quote(rec[i])
			if t.whole {
				val = redacted // a name or national ID pushed one column right
			}
			errs = append(errs, &LineError{File: file, Line: line, Value: val,
				Err: reason(ErrSyntax, "a value in column %d, which has no name in the header", i+1)})
		}
		if k < 0 {
			continue
		}
		c := t.columns[k]
		if c.same != nil && seen != nil {
			if src := seen.source(i, rec[i]); src != nil {
				seen.fresh[i] = false
				c.same(v, src)
				continue
			}
			seen.fresh[i] = true
		}
		if err := c.set(v, rec[i]); err != nil {
			if bad == nil {
				bad = make(map[string]bool)
			}
			bad[c.name] = true
			errs = append(errs, &LineError{File: file, Line: line, Column: c.name, Value: t.value(c.name, rec[i]), Err: err})
		}
	}
	if len(errs) == 0 && t.finish != nil {
		t.finish(v)
	}
	if t.check != nil {
		for _, e := range leaves(t.check(*v)) {
			col := ""
			if ce, ok := errors.AsType[*colError](e); ok {
				col, e = ce.column, ce.err
			} else {
				col = columnOf(t.fields, pathOf(e))
			}
			if bad[col] {
				continue // already reported
			}
			if col != "" {
				if bad == nil {
					bad = make(map[string]bool)
				}
				bad[col] = true
			}
			le := &LineError{File: file, Line: line, Column: col, Err: because(ErrInvalid, e)}
			if col != "" {
				le.Value = t.value(col, cell(col))
			}
			errs = append(errs, le)
		}
	}
	return errs
}

// encodeCSV writes the header and one line per record, or nothing if a
// record cannot be written.
func encodeCSV[T any](buf *bytes.Buffer, t *table[T], recs []T) error {
	cw := csv.NewWriter(buf)
	header := make([]string, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.name
	}
	_ = cw.Write(header) // writes to a bytes.Buffer do not fail
	var errs []error
	row := make([]string, len(t.columns))
	for n := range recs {
		v := &recs[n]
		if t.check != nil {
			if err := t.check(*v); err != nil {
				errs = append(errs, t.scrub([]error{&LineError{Line: n + 1, Err: because(ErrUnencodable, err)}}, t.cellsOf(v))...)
				continue
			}
		}
		ok := true
		var lineErrs []error
		for i, c := range t.columns {
			s, err := c.get(v)
			if err == nil && strings.ContainsRune(s, '\r') {
				err = reason(ErrUnencodable, "a carriage return does not survive CSV; use JSON Lines")
			}
			if err != nil {
				lineErrs = append(lineErrs, &LineError{Line: n + 1, Column: c.name, Value: t.value(c.name, s), Err: err})
				ok = false
			}
			row[i] = s
		}
		errs = append(errs, t.scrub(lineErrs, t.cellsOf(v))...)
		if ok {
			_ = cw.Write(row)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	cw.Flush()
	return cw.Error()
}

func readJSONL[T any](r io.Reader, t *table[T], file string, size, lines int64) (lined[T], error) {
	br := bufio.NewReader(r)
	out := collector[T]{size: size, most: lines}
	defer out.release()
	var errs []error
	for n := 1; ; n++ {
		b, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return lined[T]{}, csvErr(err, file)
		}
		out.read += int64(len(b))
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte(bom))
		}
		if len(bytes.TrimSpace(b)) > 0 {
			var v T
			var lineErrs []error
			if obj, flat, skip := flatLine(b, t); skip {
				continue
			} else if flat {
				v, lineErrs = t.parseFlat(obj, b, file, n)
			} else {
				v, lineErrs = t.parseJSON(b, file, n)
			}
			if len(lineErrs) > 0 {
				errs = append(errs, t.scrub(lineErrs, jsonCells(b))...)
			} else {
				*out.next() = v
				out.keep(n)
			}
		}
		if err == io.EOF {
			break
		}
	}
	return out.done(), errors.Join(errs...)
}

// parseJSON reads one line of JSON Lines.
func (t *table[T]) parseJSON(b []byte, file string, line int) (T, []error) {
	var zero T
	lineValue := func() string {
		if t.whole {
			return redacted
		}
		return quote(string(bytes.TrimSpace(b)))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		if err == nil {
			err = errors.New("not a JSON object")
		}
		return zero, []error{&LineError{File: file, Line: line, Value: lineValue(), Err: because(ErrSyntax, err)}}
	}
	if key, err := strictJSON(b, t.nested); err != nil {
		le := &LineError{File: file, Line: line, Column: key, Err: err}
		if key == "" {
			le.Value = lineValue()
		}
		return zero, []error{le}
	}
	var errs []error
	for _, k := range sortedKeys(obj) {
		if !t.hasKey(k) {
			col, val := t.unknownName(k)
			errs = append(errs, &LineError{File: file, Line: line, Column: col, Value: val,
				Err: reason(ErrInvalid, "no such field in %s; want %s", t.kind, strings.Join(t.keys, ", "))})
		}
	}
	if len(errs) > 0 {
		return zero, errs
	}
	v, err := t.decode(b)
	if err == nil {
		return v, nil
	}
	bad := make(map[string]bool)
	for _, e := range leaves(err) {
		key := ""
		if ce, ok := errors.AsType[*colError](e); ok {
			key, e = ce.column, ce.err
		} else {
			key = t.keyOf(e)
		}
		if bad[key] {
			continue
		}
		bad[key] = true
		le := &LineError{File: file, Line: line, Column: key, Err: because(ErrInvalid, e)}
		switch raw, ok := lookupPath(obj, key); {
		case key == "":
			le.Value = ""
		case t.secret[key] || t.whole:
			le.Value = redacted
		case ok:
			le.Value = quote(rawText(raw))
		}
		errs = append(errs, le)
	}
	return zero, errs
}

func (t *table[T]) hasKey(k string) bool {
	// Exactly as written: encoding/json would match "ID" to id, so that
	// "ID" and "id" on one line would silently keep the last.
	return slices.Contains(t.keys, k)
}

// lookup finds key in obj as encoding/json would, without regard to case.
func lookup(obj map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	if raw, ok := obj[key]; ok {
		return raw, true
	}
	for k, raw := range obj {
		if strings.EqualFold(k, key) {
			return raw, true
		}
	}
	return nil, false
}

// rawText is a JSON value as text: a string's contents, else the JSON.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// jsonKey returns the JSON key of a field error's Field: the snake_case
// form of the segment after the type, "Claim.Relative.Ratio" → "relative",
// "Detainee.NationalID" → "national_id". A bare type ("Claim") gives "".
func jsonKey(field string) string {
	_, rest, ok := strings.Cut(field, ".")
	if !ok {
		return ""
	}
	seg, _, _ := strings.Cut(rest, ".")
	seg, _, _ = strings.Cut(seg, "[")
	var b strings.Builder
	rs := []rune(seg)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			// A new word starts at an upper-case letter that follows a
			// lower-case one, or that precedes one after a run of capitals.
			if i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func encodeJSONL[T any](buf *bytes.Buffer, t *table[T], recs []T) error {
	var errs []error
	for n, v := range recs {
		b, err := t.encode(v)
		if err != nil {
			errs = append(errs, t.scrub([]error{&LineError{Line: n + 1, Err: because(ErrUnencodable, err)}}, t.cellsOf(&v))...)
			continue
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return errors.Join(errs...)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// keyOf returns the JSON key that a field error of package source,
// release or reconcile is about, by its path: from keyFields where the
// table has them, else the snake_case form of the path's second segment
// ("Figure.ConsensusLow" → "consensus_low") if the table has that key;
// "" (the line as a whole) if neither.
func (t *table[T]) keyOf(err error) string {
	path := pathOf(err)
	if t.keyFields != nil {
		return columnOf(t.keyFields, path)
	}
	if k := jsonKey(path.String()); k != "" && t.hasKey(k) {
		return k
	}
	return ""
}

// lookupPath finds key in obj as [lookup] does, following the dots of a
// key of a nested object ("scope.region").
func lookupPath(obj map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	head, rest, nested := strings.Cut(key, ".")
	raw, ok := lookup(obj, head)
	if !ok || !nested {
		return raw, ok
	}
	var inner map[string]json.RawMessage
	if json.Unmarshal(raw, &inner) != nil {
		return nil, false
	}
	return lookupPath(inner, rest)
}

// unknownName returns the Column and Value of an error about a header
// field or JSON key that is not a known column or key: the name as the
// Column, or, for a table whose lines may hold personal data anywhere
// (whole), no Column and a redacted Value, since a register exported
// without its header line, or a JSON object keyed by name, would otherwise
// repeat a name or national ID.
func (t *table[T]) unknownName(s string) (column, value string) {
	if t.whole {
		return "", redacted
	}
	return columnName(s), ""
}

// columnName returns the name of an unknown column or key for a
// LineError: as it is if it prints plainly, else quoted and truncated.
func columnName(s string) string {
	if q := quote(s); q == strconv.Quote(s) && !strings.ContainsAny(s, " \"") {
		return s
	}
	return quote(s)
}

// scrub returns errs, errors about one line (or record) whose cells are
// cells (by column or key), unchanged for a table that keeps personal data in known columns
// only; for one whose lines may hold it anywhere (whole), with every Value
// redacted and every reason rebuilt so that neither its text nor an error
// it wraps repeats a cell: a [*release.FieldError] in it is replaced by a
// copy with a redacted Value, and a reason that quotes a cell is withheld.
// The categories wrapped, of this package and of package release, are
// kept.
func (t *table[T]) scrub(errs []error, cells map[string]string) []error {
	if !t.whole {
		return errs
	}
	out := make([]error, len(errs))
	for i, err := range errs {
		le, ok := err.(*LineError)
		if !ok {
			out[i] = scrubErr(err, slices.Collect(maps.Values(cells)))
			continue
		}
		c := *le
		if c.Value != "" {
			c.Value = redacted
		}
		// A reason about a column may list the values the column takes,
		// which other cells of the line may hold: look for its own cell
		// only. A reason about the line may repeat any cell.
		check := []string{cells[c.Column]}
		if c.Column == "" {
			check = slices.Collect(maps.Values(cells))
		}
		c.Err = scrubErr(le.Err, check)
		out[i] = &c
	}
	return out
}

// withheld is the reason given instead of one that repeats a cell.
const withheld = "the reason is withheld, as it repeats the value"

// categories are the sentinels, of this package and of package release, that
// a scrubbed error keeps wrapping.
var (
	ownCategories     = []error{ErrSyntax, ErrHeader, ErrUnencodable, ErrInvalid}
	releaseCategories = []error{release.ErrInvalid, release.ErrDuplicate, release.ErrUnknownDetainee,
		release.ErrNotHeld, release.ErrAlreadyHeld, release.ErrOutOfOrder, release.ErrNoRegion}
)

// scrubErr rebuilds err as scrub does.
func scrubErr(err error, cells []string) error {
	if err == nil {
		return nil
	}
	msg := reasonText(err)
	for _, c := range cells {
		if c = strings.TrimSpace(c); len(c) >= 3 && strings.Contains(msg, c) {
			msg = withheld
			break
		}
	}
	cat := ErrInvalid
	for _, c := range ownCategories {
		if errors.Is(err, c) {
			cat = c
			break
		}
	}
	var rel error
	for _, c := range releaseCategories {
		if errors.Is(err, c) && c != cat {
			rel = c
			break
		}
	}
	// The categories are put back below: drop their text from msg.
	for _, c := range []error{cat, rel} {
		if c != nil {
			msg = strings.TrimPrefix(strings.TrimPrefix(msg, c.Error()), ": ")
		}
	}
	wrap := func(sentinel error) error {
		if msg == "" {
			return fmt.Errorf("%w", sentinel)
		}
		return fmt.Errorf("%w: %s", sentinel, msg)
	}
	if fe, ok := fieldError(err); ok {
		c := *fe
		if c.Value != "" {
			c.Value = redacted
		}
		if rel == nil {
			rel = release.ErrInvalid
		}
		c.Err = wrap(rel)
		return because(cat, &c)
	}
	if rel != nil {
		return because(cat, wrap(rel))
	}
	return wrap(cat)
}

// csvCells returns the cells of a CSV line by column name, for scrub;
// cells under no name are keyed by their position ("#3").
func csvCells(header, rec []string) map[string]string {
	out := make(map[string]string, len(rec))
	for i, cell := range rec {
		name := "#" + strconv.Itoa(i+1)
		if i < len(header) && strings.TrimSpace(header[i]) != "" {
			name = strings.ToLower(strings.TrimSpace(header[i]))
		}
		if _, dup := out[name]; dup {
			name += "#" + strconv.Itoa(i+1)
		}
		out[name] = cell
	}
	return out
}

// jsonCells returns the values of a JSON Lines line, as text, by key
// (lower-cased, as errors name them), for scrub; nil if it is not a JSON
// object.
func jsonCells(b []byte) map[string]string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		return nil
	}
	out := make(map[string]string, len(obj))
	for k, raw := range obj {
		out[strings.ToLower(k)+suffixIfTaken(out, strings.ToLower(k))] = rawText(raw)
	}
	return out
}

// suffixIfTaken returns "" if key is free in m, else a suffix that makes
// it unique (JSON keys may differ in case only).
func suffixIfTaken(m map[string]string, key string) string {
	if _, ok := m[key]; !ok {
		return ""
	}
	return "#" + strconv.Itoa(len(m))
}

// cellsOf returns the cells a writer would write for v, by column, for
// scrub.
func (t *table[T]) cellsOf(v *T) map[string]string {
	out := make(map[string]string, len(t.columns))
	for _, c := range t.columns {
		if s, err := c.get(v); err == nil {
			out[c.name] = s
		}
	}
	return out
}
