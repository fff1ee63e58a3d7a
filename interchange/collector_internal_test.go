package interchange

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestCollectorKeepsEveryRecordInOrder: whatever the input's length says
// (right, too short, too long, unknown) and whichever records are
// dropped, done gives back exactly the records kept, in order, with their
// lines.
func TestCollectorKeepsEveryRecordInOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 5000).Draw(t, "records")
		per := rapid.IntRange(1, 300).Draw(t, "bytes per record")
		size := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(0, int64(2*n*per+1))).Draw(t, "size")
		c := collector[[3]int]{size: size}
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
