package interchange

import (
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"runtime"
	"slices"
	"sync"
	"unsafe"
)

// csvRecord is one step of reading a CSV input: a record's cells and the
// line it starts on, or the error reading it gave. offset is where the
// input stood before it was read ([csv.Reader.InputOffset]).
type csvRecord struct {
	cells  []string
	line   int
	offset int64
	err    error
}

// fatal reports whether reading stops at the record's error: any error
// but a [*csv.ParseError], after which the next line is read.
func (r csvRecord) fatal() bool {
	if r.err == nil || r.err == io.EOF {
		return false
	}
	_, ok := errors.AsType[*csv.ParseError](r.err)
	return !ok
}

// csvRecords returns the records of cr, in order, each with the offset
// before it and the line it starts on; reading stops after io.EOF (not
// yielded) or an error that is no [*csv.ParseError] (yielded). A record's
// cells are valid until the next record is yielded (the strings in them
// stay valid: [csv.Reader] makes them afresh for each record).
func csvRecords(cr *csv.Reader) iter.Seq[csvRecord] {
	return func(yield func(csvRecord) bool) {
		for {
			off := cr.InputOffset()
			cells, err := cr.Read()
			if err == io.EOF {
				return
			}
			rec := csvRecord{cells: cells, offset: off, err: err}
			if err == nil {
				rec.line, _ = cr.FieldPos(0)
			}
			if !yield(rec) || rec.fatal() {
				return
			}
		}
	}
}

// Reading on three goroutines. Splitting a CSV input into cells takes
// about as long as parsing the cells into records (a claim's slot in the
// result, a few hundred bytes, is written for the first time then), and
// no part of either waits for the other but the order of the input.
// Where two or more processors run goroutines, one goroutine splits the
// input into batches of records, in order, and two parse them (the
// caller's and one more), each batch into its own run of slots of the
// result: both processors are busy until the end, where with one
// goroutine splitting and one parsing the splitter waited for the
// parser about half the time. The records, their lines,
// their errors and their order are those of reading on one goroutine:
// each batch keeps its records' errors, and batches are put together in
// input order at the end. Each parsing goroutine remembers the records
// it parsed ([seen]); a cell read again is copied from one, which gives
// the value parsing it gives.
const (
	// pipeMin is the least number of bytes of input, where its length is
	// known, worth more goroutines.
	pipeMin = 64 << 10
	// batchRecords and batchCells bound a batch (it ends after the
	// record that takes it to batchCells cells); batches is the number
	// of batches in flight (one being filled, two being parsed, one
	// waiting), whose buffers are reused.
	batchRecords = 1024
	batchCells   = 16 << 10
	batches      = 4
)

// pipeBatch returns the batch size readCSVBatched is given for an input of
// size bytes (0 if unknown): batchRecords for a large or unknown input
// where GOMAXPROCS allows more goroutines, else 0 (none).
func pipeBatch(size int64) int {
	if runtime.GOMAXPROCS(0) > 1 && (size == 0 || size >= pipeMin) {
		return batchRecords
	}
	return 0
}

// csvBatch is a run of records read on the splitting goroutine: the cells
// of each, one record after the other, and per record where its cells end.
type csvBatch struct {
	cells []string
	recs  []csvRecord // cells nil; ends gives them
	ends  []int
	// seq numbers the batch from 0, first is the number of records read
	// before it, and end is the input's offset after it.
	seq, first int
	end        int64
	// last marks the final batch: input ended or reading failed.
	last bool
}

// fillBatch reads records from cr into b, from empty, until it holds n
// records or batchCells cells, the input ends, or reading fails other than
// with a [*csv.ParseError].
func fillBatch(cr *csv.Reader, b *csvBatch, n int) {
	b.cells, b.recs, b.ends, b.last = b.cells[:0], b.recs[:0], b.ends[:0], false
	defer func() { b.end = cr.InputOffset() }()
	for len(b.recs) < n && len(b.cells) < batchCells {
		off := cr.InputOffset()
		cells, err := cr.Read()
		if err == io.EOF {
			b.last = true
			return
		}
		rec := csvRecord{offset: off, err: err}
		if err == nil {
			rec.line, _ = cr.FieldPos(0)
			b.cells = append(b.cells, cells...)
		}
		b.recs = append(b.recs, rec)
		b.ends = append(b.ends, len(b.cells))
		if rec.fatal() {
			b.last = true
			return
		}
	}
}

// parsedBatch is a batch parsed: a slot and a line per record, the line
// -1 where the record was dropped, and the errors of its records, in
// order.
type parsedBatch[T any] struct {
	seq     int
	recs    []T
	lines   []int
	errs    []error
	dropped int
	fatal   bool
}

// parseBatch parses the records of b into recs and lines, one slot each,
// zero on entry.
func parseBatch[T any](t *table[T], h csvHead, b *csvBatch, recs []T, lines []int, seen *seen[T]) parsedBatch[T] {
	p := parsedBatch[T]{seq: b.seq, recs: recs, lines: lines}
	start := 0
	for i, got := range b.recs {
		end := b.ends[i]
		// Capacity cut at the record's end, so that appending to its
		// cells cannot overwrite the next record's.
		cells := b.cells[start:end:end]
		start = end
		if got.err != nil {
			p.errs = append(p.errs, csvErr(got.err, h.file))
			p.fatal = p.fatal || got.fatal()
			lines[i] = -1
			p.dropped++
			continue
		}
		if errs := t.parseCSVRecord(&recs[i], cells, got.line, h, seen); len(errs) > 0 {
			var zero T
			recs[i] = zero
			lines[i] = -1
			p.dropped++
			p.errs = append(p.errs, errs...)
			continue
		}
		lines[i] = got.line
	}
	return p
}

// readCSVPiped reads the records after the header from cr, as
// readCSVBatched does on one goroutine, with the cells split on a second
// goroutine in batches of batch records and parsed on the caller's and a
// third. Every goroutine has stopped when it returns; a panic of the
// input's Read, or of parsing, is the caller's.
func readCSVPiped[T any](cr *csv.Reader, t *table[T], h csvHead, size, lines int64, batch int) (lined[T], error) {
	free := make(chan *csvBatch, batches)
	for range batches {
		b := new(csvBatch)
		if size > 0 {
			// A large input fills its batches: they are made whole,
			// not grown by doubling. Those of an input of unknown
			// length grow as it needs.
			b.cells = make([]string, 0, batchCells)
			b.recs, b.ends = make([]csvRecord, 0, batch), make([]int, 0, batch)
		}
		free <- b
	}
	full := make(chan *csvBatch, batches)
	done := make(chan struct{})
	var splitPanic, parsePanic any // each set before its goroutine ends
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(full)
		defer func() {
			// A panic of the input's Read belongs to the caller, as it
			// would without this goroutine.
			if p := recover(); p != nil {
				splitPanic = p
			}
		}()
		first := 0
		for seq := 0; ; seq++ {
			var b *csvBatch
			select {
			case b = <-free:
			case <-done:
				return
			}
			fillBatch(cr, b, batch)
			b.seq, b.first = seq, first
			first += len(b.recs)
			full <- b // never blocks: full holds every buffer
			if b.last {
				return
			}
		}
	})
	// Whatever ends the call, the other goroutines stop and are waited
	// for: no read of the input outlives it.
	var stopped bool
	stop := func() {
		if !stopped {
			stopped = true
			close(done)
			wg.Wait()
		}
	}
	defer stop()

	b0, ok := <-full
	if !ok {
		stop()
		panic(splitPanic) // the splitting goroutine sends a batch unless it panicked
	}
	// The result's slots, in one slice where the number of records can
	// be bounded: every batch that fits is parsed in place.
	var zero T
	// Never more bytes of records than twice the input's, whatever its
	// lines are like.
	limit := 2*size/max(int64(unsafe.Sizeof(zero)), 1) + 16
	est := int64(0)
	n0 := int64(len(b0.recs))
	switch {
	case lines > 0:
		est = min(lines, limit)
	case size > 0 && b0.end > 0 && size > b0.end:
		// Records at the bytes per record of the first batch, and an
		// eighth more.
		est = n0 + (size-b0.end)*n0/b0.end
		est = min(est+est/8+16, limit)
	}
	est = max(est, n0)
	slots, slotLines := make([]T, est), make([]int, est)
	in := func(b *csvBatch) ([]T, []int) {
		lo, hi := b.first, b.first+len(b.recs)
		if hi <= len(slots) {
			return slots[lo:hi:hi], slotLines[lo:hi:hi]
		}
		return make([]T, hi-lo), make([]int, hi-lo)
	}
	parse := func(b *csvBatch, seen *seen[T]) parsedBatch[T] {
		recs, ls := in(b)
		p := parseBatch(t, h, b, recs, ls, seen)
		free <- b // never blocks: free holds every buffer
		return p
	}

	var theirs []parsedBatch[T]
	wg.Go(func() {
		defer func() {
			if p := recover(); p != nil {
				parsePanic = p
			}
		}()
		seen := newSeen[T](len(h.header))
		for b := range full {
			theirs = append(theirs, parse(b, seen))
		}
	})
	seen := newSeen[T](len(h.header))
	mine := []parsedBatch[T]{parse(b0, seen)}
	for b := range full {
		mine = append(mine, parse(b, seen))
	}
	stop()
	switch {
	case splitPanic != nil:
		panic(splitPanic)
	case parsePanic != nil:
		panic(parsePanic)
	}
	return joinBatches(slices.Concat(mine, theirs), slots, slotLines)
}

// joinBatches puts the parsed batches together in input order: their
// records kept, with their lines, and their errors. slots and lines are
// the slices in which batches that fit were parsed in place.
func joinBatches[T any](ps []parsedBatch[T], slots []T, lines []int) (lined[T], error) {
	slices.SortFunc(ps, func(a, b parsedBatch[T]) int { return a.seq - b.seq })
	var errs []error
	n, dropped, inPlace := 0, 0, true
	for _, p := range ps {
		errs = append(errs, p.errs...)
		if p.fatal {
			return lined[T]{}, errors.Join(errs...)
		}
		inPlace = inPlace && n+len(p.recs) <= len(slots)
		n += len(p.recs)
		dropped += p.dropped
	}
	if inPlace && dropped == 0 {
		return lined[T]{slots[:n], lines[:n]}, errors.Join(errs...)
	}
	// Dropped records are left out, and batches parsed apart copied in:
	// in place, or into a slice of the exact length.
	out, outLines := slots[:0], lines[:0]
	if !inPlace {
		out, outLines = make([]T, 0, n-dropped), make([]int, 0, n-dropped)
	}
	for _, p := range ps {
		for i, l := range p.lines {
			if l >= 0 {
				out = append(out, p.recs[i])
				outLines = append(outLines, l)
			}
		}
	}
	if inPlace {
		clear(slots[len(out):n])
	}
	return lined[T]{out, outLines}, errors.Join(errs...)
}
