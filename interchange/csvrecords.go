package interchange

import (
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"runtime"
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

// Reading on a second goroutine. Splitting a CSV input into cells takes
// about a quarter of the time of reading its records (parsing each cell,
// checking each record); where two or more processors run goroutines, one
// goroutine splits while the caller's parses, in batches, so that reading
// a large file takes the longer of the two rather than their sum. The
// records, their errors and their order are the same either way: the
// splitting goroutine only runs the [csv.Reader] and hands over what it
// returned, one batch at a time, in order.
const (
	// pipeMin is the least number of bytes of input, where its length is
	// known, worth a second goroutine.
	pipeMin = 64 << 10
	// batchRecords and batchCells bound a batch (it ends after the
	// record that takes it to batchCells cells); batches is the number
	// of batches in flight (one being filled, one being parsed, one
	// waiting), whose buffers are reused.
	batchRecords = 1024
	batchCells   = 16 << 10
	batches      = 3
)

// pipeBatch returns the batch size csvRecords is given for an input of
// size bytes (0 if unknown): batchRecords for a large or unknown input
// where GOMAXPROCS allows a second goroutine, else 0 (none).
func pipeBatch(size int64) int {
	if runtime.GOMAXPROCS(0) > 1 && (size == 0 || size >= pipeMin) {
		return batchRecords
	}
	return 0
}

// csvRecords returns the records of cr, in order, each with the offset
// before it and the line it starts on; reading stops after io.EOF (not
// yielded) or an error that is no [*csv.ParseError] (yielded). A record's
// cells are valid until the next record is yielded (the strings in them
// stay valid: [csv.Reader] makes them afresh for each record). With batch
// > 0, cr is read on a second goroutine, batch records at a time; cr must
// then not be used by the caller until the iteration ends, which waits
// for that goroutine to stop.
func csvRecords(cr *csv.Reader, batch int) iter.Seq[csvRecord] {
	if batch > 0 {
		return csvRecordsPiped(cr, batch)
	}
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

// csvBatch is a run of records read on the splitting goroutine: the cells
// of each, one record after the other, and per record where its cells end.
type csvBatch struct {
	cells []string
	recs  []csvRecord // cells nil; ends gives them
	ends  []int
	// last marks the final batch: input ended or reading failed.
	last bool
}

// csvRecordsPiped is csvRecords with the splitting on a second goroutine.
func csvRecordsPiped(cr *csv.Reader, batch int) iter.Seq[csvRecord] {
	return func(yield func(csvRecord) bool) {
		free := make(chan *csvBatch, batches)
		for range batches {
			free <- new(csvBatch)
		}
		full := make(chan *csvBatch)
		done := make(chan struct{})
		var panicked any // set by the goroutine before it closes full
		go func() {
			defer close(full)
			defer func() {
				// A panic of the input's Read belongs to the caller, as
				// it would without this goroutine.
				if p := recover(); p != nil {
					panicked = p
				}
			}()
			for {
				var b *csvBatch
				select {
				case b = <-free:
				case <-done:
					return
				}
				fillBatch(cr, b, batch)
				select {
				case full <- b:
				case <-done:
					return
				}
				if b.last {
					return
				}
			}
		}()
		// Whatever ends the iteration, the goroutine stops and is waited
		// for: no read of the input outlives the call.
		defer func() {
			close(done)
			for range full {
			}
		}()
		for b := range full {
			start := 0
			for i, rec := range b.recs {
				end := b.ends[i]
				// Capacity cut at the record's end, so that appending to
				// its cells cannot overwrite the next record's.
				rec.cells = b.cells[start:end:end]
				start = end
				if !yield(rec) {
					return
				}
			}
			free <- b
		}
		if panicked != nil {
			panic(panicked)
		}
	}
}

// fillBatch reads records from cr into b, from empty, until it holds n
// records or batchCells cells, the input ends, or reading fails other than
// with a [*csv.ParseError].
func fillBatch(cr *csv.Reader, b *csvBatch, n int) {
	b.cells, b.recs, b.ends, b.last = b.cells[:0], b.recs[:0], b.ends[:0], false
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
