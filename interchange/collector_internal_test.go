package interchange

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/hugepage"
)

// TestCollectorKeepsEveryRecordInOrder: whatever the input's length and
// count of lines say (right, too short, too long, unknown) and whichever
// records are
// dropped, done gives back exactly the records kept, in order, with their
// lines.
func TestCollectorKeepsEveryRecordInOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 5000).Draw(t, "records")
		per := rapid.IntRange(1, 300).Draw(t, "bytes per record")
		size := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(0, int64(2*n*per+1))).Draw(t, "size")
		// A count of lines: unknown, or any (a right one is at least n).
		most := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(1, int64(2*n+2))).Draw(t, "lines")
		c := collector[[3]int]{size: size, most: most}
		var want []int
		var lines []int
		for i := range n {
			c.read = int64(i * rapid.IntRange(per, per+5).Draw(t, "len"))
			*c.next() = [3]int{i, i, i}
			if rapid.IntRange(0, 9).Draw(t, "drop") == 0 {
				c.drop()
				continue
			}
			c.keep(i + 2)
			want = append(want, i)
			lines = append(lines, i+2)
		}
		got := c.done()
		if len(got.recs) != len(want) || !slices.Equal(got.lines, lines) {
			t.Fatalf("%d records, lines %v; want %d, %v", len(got.recs), got.lines, len(want), lines)
		}
		for i, r := range got.recs {
			if r != [3]int{want[i], want[i], want[i]} {
				t.Fatalf("record %d is %v, want %d", i, r, want[i])
			}
		}
	})
}

// TestClaimsOfAnInputInMemoryFitTheirLines: claims read from an input held
// in memory come in a slice of no more room than the input has lines
// (counted, not guessed from its first lines and an eighth more), however
// the lengths of its lines change.
func TestClaimsOfAnInputInMemoryFitTheirLines(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 3000).Draw(t, "claims")
		short := rapid.IntRange(0, n).Draw(t, "short lines first")
		var b strings.Builder
		b.WriteString("id,source,stated,measure,population,region,period,quantity,status,basis,quote\n")
		for i := range n {
			quote := ""
			if i >= short {
				quote = strings.Repeat("x", 200)
			}
			fmt.Fprintf(&b, "c%d,s,2026-01-25,releases,detainees,VE,2026-01-25,3,final,named_list,%s\n", i, quote)
		}
		cs, err := ReadClaims(strings.NewReader(b.String()), CSV)
		if err != nil {
			t.Fatal(err)
		}
		if lines := n + 2; len(cs) != n || cap(cs) > lines {
			t.Fatalf("%d claims in room for %d; want %d in at most %d", len(cs), cap(cs), n, lines)
		}
	})
}

// TestCollectorAsksForHugePages checks that the slice a collector sizes
// for a whole input is backed with huge pages while it is filled, and that
// release takes the request back, where the system makes them on request.
func TestCollectorAsksForHugePages(t *testing.T) {
	probe := make([]byte, 2*hugepage.Min)
	if !hugepage.Advise(probe) {
		t.Skip("the system makes no huge pages on request here: a collector asks for none")
	}
	hugepage.Unadvise(probe)
	const lines = 100_000 // 6.4 MB of records
	c := collector[[64]byte]{size: lines * 70, most: lines}
	for i := range firstChunk + 1 {
		*c.next() = [64]byte{byte(i)}
		c.keep(i + 2)
	}
	if cap(c.cur) < lines {
		t.Fatalf("the collector sized %d records for %d lines", cap(c.cur), lines)
	}
	eligible := func() bool {
		ok, err := hugepage.Eligible(c.cur)
		if err != nil {
			t.Skipf("the system does not say which memory is eligible for huge pages: %v", err)
		}
		return ok
	}
	if !eligible() {
		t.Error("the slice sized for the whole input is not eligible for huge pages while it is filled")
	}
	c.release()
	if eligible() {
		t.Error("after release, the slice is still eligible for huge pages")
	}
}
