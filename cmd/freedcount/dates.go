package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/freedcount/freedcount/release"
)

// dateFormat is how the command reads a day written with slashes: never
// guessed, since 03/01/2026 is 3 January in Caracas and 1 March in
// Miami.
type dateFormat uint8

const (
	isoOnly    dateFormat = iota // only 2026-01-25
	dayFirst                     // dd/mm/yyyy
	monthFirst                   // mm/dd/yyyy
)

func parseDateFormat(s string) (dateFormat, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "iso", "yyyy-mm-dd":
		return isoOnly, nil
	case "dd/mm/yyyy", "dmy":
		return dayFirst, nil
	case "mm/dd/yyyy", "mdy":
		return monthFirst, nil
	}
	return 0, fmt.Errorf("-datefmt %q: want dd/mm/yyyy or mm/dd/yyyy (ISO dates, 2026-01-25, are always read)", s)
}

var slashed = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// isoDay converts a day in the format f to ISO 8601; an ISO day is
// returned as it is. A slashed day without -datefmt is an error that says
// so, never a guess.
func (f dateFormat) isoDay(s string) (string, error) {
	s = strings.TrimSpace(s)
	m := slashed.FindStringSubmatch(s)
	if m == nil {
		return s, nil
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	var day, month int
	switch f {
	case dayFirst:
		day, month = a, b
	case monthFirst:
		month, day = a, b
	default:
		return "", fmt.Errorf("a day with slashes is ambiguous (3/1 is 3 January or 1 March); write 2026-01-25, or give -datefmt dd/mm/yyyy or -datefmt mm/dd/yyyy")
	}
	d, err := release.NewDate(y, time.Month(month), day)
	if err != nil {
		return "", fmt.Errorf("no such day in %s", map[dateFormat]string{dayFirst: "dd/mm/yyyy", monthFirst: "mm/dd/yyyy"}[f])
	}
	return d.String(), nil
}

// localLayouts are the forms of a time of day without a zone offset that
// the command reads in the zone of -tz.
var localLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// stated converts a statement time: an ISO or slashed day alone stays a
// day (the claim is then known to the day only: no time is invented); a
// date and time without an offset is read in loc; RFC 3339 is kept.
func (f dateFormat) stated(s string, loc *time.Location) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return s, nil
	}
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return s, nil
	}
	day, clock, hasClock := strings.Cut(s, " ")
	if !hasClock {
		day, clock, hasClock = strings.Cut(s, "T")
	}
	iso, err := f.isoDay(day)
	if err != nil {
		return "", err
	}
	if !hasClock {
		return iso, nil
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, iso+"T"+strings.TrimSpace(clock), loc); err == nil {
			return t.Format(time.RFC3339), nil
		}
		if t, err := time.ParseInLocation(l, iso+" "+strings.TrimSpace(clock), loc); err == nil {
			return t.Format(time.RFC3339), nil
		}
	}
	return s, nil // let the reader say what is wrong with it
}

// period converts a period cell: a day alone, "FIRST/LAST" of ISO days,
// "FIRST to LAST", "FIRST - LAST" and "since FIRST", with days in ISO
// form or, with -datefmt, with slashes.
func (f dateFormat) period(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "..") || (f == isoOnly && strings.Count(s, "/") == 1) {
		return s, nil // FIRST/LAST as interchange reads it
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "since "); ok {
		d, err := f.isoDay(rest)
		return d + "/..", err
	}
	for _, sep := range []string{" to ", " - ", " – "} {
		if a, b, ok := strings.Cut(s, sep); ok {
			da, err := f.isoDay(a)
			if err != nil {
				return "", err
			}
			db, err := f.isoDay(b)
			return da + "/" + db, err
		}
	}
	return f.isoDay(s)
}

// parseAsOf reads -asof: RFC 3339; a date and time without an offset, in
// loc; or a day alone, meaning the end of that day in loc.
func (f dateFormat) parseAsOf(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	st, err := f.stated(s, loc)
	if err != nil {
		return time.Time{}, err
	}
	if t, err := time.Parse(time.RFC3339, st); err == nil {
		return t, nil
	}
	if d, err := release.ParseDate(st); err == nil {
		next, ok := d.AddDays(1)
		if ok {
			return next.Start(loc).Add(-time.Nanosecond), nil
		}
	}
	return time.Time{}, errors.New("want a day (2026-01-26, the end of that day), a local time (2026-01-26 12:00) or RFC 3339 (2026-01-26T12:00:00Z)")
}

// cellProblem is a cell the date conversion refused, at its line and
// column number.
type cellProblem struct {
	line, col int
	column    string
	value     string
	err       error
}

// csvSep returns the separator of a CSV file as package interchange
// reads it: ";" when the first line has a semicolon and no comma.
func csvSep(b []byte) rune {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	first, _, _ := bytes.Cut(b, []byte("\n"))
	if bytes.IndexByte(first, ';') >= 0 && bytes.IndexByte(first, ',') < 0 {
		return ';'
	}
	return ','
}

// csvTable is a CSV file as cells, with the line of each record.
type csvTable struct {
	sep    rune
	header []string
	rows   [][]string
	lines  []int
}

// readTable reads a CSV file leniently, for looking at its cells; package
// interchange reads it strictly afterwards.
func readTable(b []byte) (*csvTable, error) {
	t := &csvTable{sep: csvSep(b)}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = t.sep
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	t.header = header
	for {
		rec, err := r.Read()
		if err != nil {
			break // the strict reader reports it
		}
		line, _ := r.FieldPos(0)
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	return t, nil
}

// col returns the index of a column by name, in any case, or -1.
func (t *csvTable) col(name string) int {
	for i, h := range t.header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// rewriteDates converts, in the CSV file b, the stated and period cells
// to the forms package interchange reads, and returns the new file. It
// keeps every record on its line, so that the reader's line numbers stay
// those of the file.
//
// A verification has no notion of a statement known to the day only: with
// dayEnd, a stated day alone becomes the last second of that day in loc,
// the latest moment it can have been made, so that no reading as of an
// earlier moment uses it.
func rewriteDates(b []byte, f dateFormat, loc *time.Location, dayEnd bool) ([]byte, []cellProblem) {
	t, err := readTable(b)
	if err != nil {
		return b, nil
	}
	stated, period := t.col("stated"), t.col("period")
	if stated < 0 && period < 0 {
		return b, nil
	}
	var probs []cellProblem
	changed := false
	for i, row := range t.rows {
		for _, c := range []struct {
			i    int
			name string
			conv func(string) (string, error)
		}{{stated, "stated", func(s string) (string, error) {
			v, err := f.stated(s, loc)
			if err == nil && dayEnd {
				if d, derr := release.ParseDate(v); derr == nil {
					if next, ok := d.AddDays(1); ok {
						v = next.Start(loc).Add(-time.Second).Format(time.RFC3339)
					}
				}
			}
			return v, err
		}}, {period, "period", f.period}} {
			if c.i < 0 || c.i >= len(row) {
				continue
			}
			v, err := c.conv(row[c.i])
			if err != nil {
				probs = append(probs, cellProblem{t.lines[i], c.i + 1, c.name, row[c.i], err})
				continue
			}
			if v != row[c.i] {
				row[c.i], changed = v, true
			}
		}
	}
	// Cells that could not be read stay as they were: the reader then
	// finds the rest of the file's problems, and load drops its second
	// word on these cells.
	if !changed {
		return b, probs
	}
	// Each record is rewritten in place of its lines: a record of one line
	// stays one line. Records spanning lines (a quote with a line break)
	// are copied as they were, as conversion never touches their quotes.
	lines := bytes.SplitAfter(b, []byte("\n"))
	for i, row := range t.rows {
		l := t.lines[i] - 1
		if l >= len(lines) {
			continue
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Comma = t.sep
		_ = w.Write(row)
		w.Flush()
		out := buf.Bytes()
		if bytes.Count(out, []byte("\n")) != 1 || bytes.Count(lines[l], []byte("\n")) > 1 {
			continue
		}
		if !bytes.HasSuffix(lines[l], []byte("\n")) {
			out = bytes.TrimSuffix(out, []byte("\n"))
		} else if bytes.HasSuffix(lines[l], []byte("\r\n")) {
			out = append(bytes.TrimSuffix(out, []byte("\n")), '\r', '\n')
		}
		if !recordOnOneLine(lines[l], t.sep, len(row)) {
			continue
		}
		lines[l] = out
	}
	return bytes.Join(lines, nil), nil
}

// recordOnOneLine reports whether line holds a whole record of n fields.
func recordOnOneLine(line []byte, sep rune, n int) bool {
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = sep
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	return err == nil && len(rec) == n
}
