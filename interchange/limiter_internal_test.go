package interchange

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"pgregory.net/rapid"
)

// TestLineLimiterStopsAtTheByteTooMany: whatever the input and however it
// is split into reads, the limiter passes every byte up to the first that
// takes a line past max, then fails with ErrTooLong naming that line; an
// input without such a line passes whole.
func TestLineLimiterStopsAtTheByteTooMany(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := rapid.SliceOfN(rapid.SampledFrom([]byte("ab\n")), 0, 200).Draw(t, "input")
		limit := rapid.IntRange(1, 20).Draw(t, "max")
		// The plain rule, byte by byte.
		want, line, run := len(in), 1, 0
		for i, c := range in {
			if c == '\n' {
				line, run = line+1, 0
				continue
			}
			if run++; run > limit {
				want = i
				break
			}
		}
		var r io.Reader = bytes.NewReader(in)
		if rapid.Bool().Draw(t, "one byte a read") {
			r = iotest.OneByteReader(r)
		}
		l := LimitLines(r, limit)
		got, err := io.ReadAll(l)
		if !bytes.Equal(got, in[:want]) {
			t.Fatalf("passed %q, want %q", got, in[:want])
		}
		le, ok := errors.AsType[*LineError](err)
		switch {
		case want == len(in) && err != nil:
			t.Fatalf("error %v on an input within the limit", err)
		case want < len(in) && (!ok || !errors.Is(err, ErrTooLong) || le.Line != line):
			t.Fatalf("error %v, want ErrTooLong on line %d", err, line)
		}
	})
}
