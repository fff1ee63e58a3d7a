package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
)

// claimCells are cells of a claims file, per column, good and bad, for
// drawing inputs whose lines fail in every way a reader reports.
var claimCells = [][]string{
	{"c1", "c2", "c1", "", "c 3", "c\"4"},
	{"foro-penal", "afp", "", "Foro Penal!"},
	{"", "afp", "efe;afp", "foro-penal", "?"},
	{"2026-01-05", "2026-01-05T20:00:00-04:00", "2026-13-40", "", "2025-12-01"},
	{"releases", "Releases", "detained", "nope"},
	{"detainees/political", "", "detainees/"},
	{"VE/Zulia", "VE", "VE//Zulia", ""},
	{"2025-12-01/..", "2025-12-01/2026-01-01", "2030-01-01/..", "x"},
	{"104", "at least 104", "más de 100", "abc", "-0", "1e309", ""},
	{"final", "preliminary", "bogus"},
	{"named_list", "Named list", "", "x"},
	{"https://example.org/r/1", "", "ftp://\x1b"},
	{"\"104 released, the NGO said\"", "", "\"a \"\"quoted\"\" word\"", "\"open", "bare\"quote"},
	{"es", "ES-ve", "", "xx-!!"},
}

const claimHeader = "id,source,via,stated,measure,population,region,period,quantity,status,basis,url,quote,language\n"

// drawClaimsCSV draws a claims file: a header, perhaps with a note column
// at the end, and lines of cells from claimCells, some with a cell too
// many or too few, some blank, some with or without the note.
func drawClaimsCSV(t *rapid.T) []byte {
	var b bytes.Buffer
	note := rapid.Bool().Draw(t, "note column")
	if note {
		b.WriteString(strings.TrimSuffix(claimHeader, "\n") + ",# note\n")
	} else {
		b.WriteString(claimHeader)
	}
	n := rapid.IntRange(0, 60).Draw(t, "lines")
	for range n {
		var cells []string
		for _, col := range claimCells {
			// Good cells (the first two) are drawn most often.
			i := rapid.IntRange(0, 2*len(col)).Draw(t, "cell")
			if i >= len(col) {
				i %= 2
			}
			cells = append(cells, col[i])
		}
		switch rapid.IntRange(0, 15).Draw(t, "shape") {
		case 0:
			cells = cells[:len(cells)-1]
		case 1:
			cells = append(cells, "extra")
		case 2:
			cells = nil
		}
		if note && rapid.Bool().Draw(t, "note") {
			cells = append(cells, "a note")
		}
		b.WriteString(strings.Join(cells, ","))
		b.WriteString("\n")
	}
	return b.Bytes()
}

// failingReader reads from r and fails with err after n bytes.
type failingReader struct {
	r   io.Reader
	n   int
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, f.err
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	k, err := f.r.Read(p)
	f.n -= k
	return k, err
}

// drawInput wraps in as a reader: whole, a byte at a time, failing
// midway, or with a line limit.
func drawInput(t *rapid.T, in []byte) func() io.Reader {
	how := rapid.IntRange(0, 3).Draw(t, "input")
	cut := rapid.IntRange(0, len(in)).Draw(t, "fail at")
	limit := rapid.IntRange(1, 200).Draw(t, "line limit")
	return func() io.Reader {
		switch how {
		case 1:
			return iotest.OneByteReader(bytes.NewReader(in))
		case 2:
			return &failingReader{r: bytes.NewReader(in), n: cut, err: errors.New("disk on fire")}
		case 3:
			return LimitLines(bytes.NewReader(in), limit)
		}
		return bytes.NewReader(in)
	}
}

// TestPipedReadIsTheSame: reading claims with the cells split on a second
// goroutine, in batches of any size, gives what reading them on one gives:
// the same claims, from the same lines, and the same errors in the same
// order, whatever the lines hold, however the input ends (at its end,
// failing midway, at a line too long), and whatever the hints of its size
// and lines say (the result sized by them, past them, or with none).
func TestPipedReadIsTheSame(t *testing.T) {
	rapid.Check(t, propPipedReadIsTheSame)
}

func FuzzPipedReadIsTheSame(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propPipedReadIsTheSame))
}

func propPipedReadIsTheSame(t *rapid.T) {
	in := drawClaimsCSV(t)
	input := drawInput(t, in)
	batch := rapid.IntRange(1, 7).Draw(t, "batch")
	// The hints are the input's, or any others: too few lines, too many,
	// none.
	hints := rapid.IntRange(0, 2).Draw(t, "hints")
	lineHint := int64(rapid.IntRange(0, 80).Draw(t, "line hint"))
	sizeHint := int64(rapid.IntRange(0, 2*len(in)).Draw(t, "size hint"))
	read := func(batch int) (lined[source.Claim], error) {
		r := input()
		size, lines := inputSize(r), inputLines(r)
		switch hints {
		case 1:
			size, lines = sizeHint, lineHint
		case 2:
			size, lines = sizeHint, 0
		}
		return readCSVBatched(limited(r, "claims.csv"), claimTable, "claims.csv", size, lines, batch)
	}
	want, wantErr := read(0)
	got, gotErr := read(batch)
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
		t.Fatalf("piped error:\n%v\nwant:\n%v", gotErr, wantErr)
	}
	wl, wo := LineErrors(wantErr)
	gl, gother := LineErrors(gotErr)
	if len(wl) != len(gl) || len(wo) != len(gother) {
		t.Fatalf("piped: %d line errors and %d others, want %d and %d", len(gl), len(gother), len(wl), len(wo))
	}
	for i := range wl {
		if gl[i].Line != wl[i].Line || gl[i].Column != wl[i].Column {
			t.Fatalf("piped: line error %d at line %d column %q, want line %d column %q", i, gl[i].Line, gl[i].Column, wl[i].Line, wl[i].Column)
		}
	}
	if got.len() != want.len() || len(got.lines) != len(want.lines) {
		t.Fatalf("piped: %d claims (%d lines), want %d (%d)", got.len(), len(got.lines), want.len(), len(want.lines))
	}
	for i := range want.recs {
		if !got.recs[i].Equal(want.recs[i]) || got.lines[i] != want.lines[i] {
			t.Fatalf("piped: claim %d (line %d) differs from line %d's", i, got.lines[i], want.lines[i])
		}
	}
	// Slots past the records hold no claim (nothing dropped lingers).
	for i, c := range got.recs[len(got.recs):cap(got.recs)] {
		if !c.Equal(source.Claim{}) {
			t.Fatalf("piped: slot %d past the %d claims holds a claim", len(got.recs)+i, len(got.recs))
		}
	}
}

// waitGoroutines waits a little for the number of goroutines to fall to
// n, and reports whether it did.
func waitGoroutines(n int) bool {
	for range 200 {
		if runtime.NumGoroutine() <= n {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

// watchedReader counts its reads after closed is set.
type watchedReader struct {
	r            io.Reader
	closed, late atomic.Bool
}

func (w *watchedReader) Read(p []byte) (int, error) {
	if w.closed.Load() {
		w.late.Store(true)
	}
	return w.r.Read(p)
}

// TestPipedReadStopsItsGoroutine: however reading ends (at the input's end,
// at an input that fails midway, when the caller stops taking records, or
// when parsing a record panics), the goroutine that splits cells has stopped when the call returns: it
// never reads the input afterwards, and no goroutine is left behind.
func TestPipedReadStopsItsGoroutine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(claimHeader)
	for range 5000 {
		b.WriteString("c1,foro-penal,,2026-01-05,releases,detainees/political,VE/Zulia,2025-12-01/..,104,final,named_list,,,es\n")
	}
	in := b.Bytes()
	before := runtime.NumGoroutine()

	for _, cut := range []int{0, len(claimHeader) + 10, len(in) / 2, len(in)} {
		w := &watchedReader{r: &failingReader{r: bytes.NewReader(in), n: cut, err: errors.New("disk on fire")}}
		_, err := readCSVBatched(limited(w, ""), claimTable, "", 0, 0, 64)
		w.closed.Store(true)
		if err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("failing at byte %d: error %v does not say why", cut, err)
		}
		if !waitGoroutines(before) {
			t.Fatalf("failing at byte %d: %d goroutines left, want %d", cut, runtime.NumGoroutine(), before)
		}
		if w.late.Load() {
			t.Fatalf("failing at byte %d: input read after the call returned", cut)
		}
	}

	// The caller stops after a few records of a long input.
	w := &watchedReader{r: bytes.NewReader(in)}
	cr := csv.NewReader(w)
	cr.ReuseRecord = true
	n := 0
	for r := range csvRecords(cr, 16) {
		if r.err != nil {
			t.Fatal(r.err)
		}
		if n++; n == 40 {
			break
		}
	}
	w.closed.Store(true)
	if !waitGoroutines(before) {
		t.Fatalf("stopping early: %d goroutines left, want %d", runtime.NumGoroutine(), before)
	}
	if w.late.Load() {
		t.Fatal("stopping early: input read after the iteration ended")
	}

	// Parsing panics (every record from some record on panics): the
	// panic is the caller's, and the splitting goroutine has stopped,
	// without reading on, when it reaches the caller.
	for _, from := range []int{1, 1500, 4990} {
		w := &watchedReader{r: bytes.NewReader(in)}
		p := func() (p any) {
			defer func() { p = recover() }()
			_, _ = readCSVBatched(limited(w, ""), panickingTable(from), "", 0, 0, 64)
			return nil
		}()
		w.closed.Store(true)
		if p != "parse broke" {
			t.Fatalf("panicking from record %d: recovered %v, want the parser's panic", from, p)
		}
		if !waitGoroutines(before) {
			t.Fatalf("panicking from record %d: %d goroutines left, want %d", from, runtime.NumGoroutine(), before)
		}
		if w.late.Load() {
			t.Fatalf("panicking from record %d: input read after the call returned", from)
		}
	}
}

// panickingTable is claimTable whose id column panics in the records
// from the from-th parsed on.
func panickingTable(from int) *table[source.Claim] {
	t := *claimTable
	t.columns = slices.Clone(t.columns)
	parsed := 0
	set := t.columns[0].set
	t.columns[0].set = func(c *source.Claim, s string) error {
		if parsed++; parsed >= from {
			panic("parse broke")
		}
		return set(c, s)
	}
	return &t
}

// panickingReader panics when read.
type panickingReader struct{}

func (panickingReader) Read([]byte) (int, error) { panic("reader broke") }

// TestPipedReadPanicsInTheCaller: a panic of the input's Read reaches the
// caller's goroutine, where it can be recovered, as it would without the
// second goroutine.
func TestPipedReadPanicsInTheCaller(t *testing.T) {
	// Past the first 64 KiB, which the caller's goroutine reads to
	// sniff the separator.
	lines := strings.Repeat("c1,foro-penal,,2026-01-05,releases,detainees/political,VE/Zulia,2025-12-01/..,104,final,named_list,,,es\n", 2000)
	r := io.MultiReader(strings.NewReader(claimHeader+lines), panickingReader{})
	defer func() {
		if p := recover(); p != "reader broke" {
			t.Fatalf("recovered %v, want the reader's panic", p)
		}
	}()
	_, _ = readCSVBatched(limited(r, ""), claimTable, "", 0, 0, 8)
	t.Fatal("no panic")
}
