package hugepage_test

import (
	"testing"
	"unsafe"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/hugepage"
)

// elem holds pointers and plain values, as a claim does.
type elem struct {
	p *int
	s string
	n int64
}

// TestAdviseKeepsContents checks the invariant that Advise and Unadvise
// never change what a slice holds, nor panic, whatever its capacity (on
// either side of Min), its offset into its allocation and its length:
// elements written before the calls read the same after them, and the
// rest still read as zero.
func TestAdviseKeepsContents(t *testing.T) {
	size := int(unsafe.Sizeof(elem{}))
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.IntRange(hugepage.Min/size-8, 2*hugepage.Min/size).Draw(t, "cap")
		off := rapid.IntRange(0, 7).Draw(t, "offset")
		n := rapid.IntRange(0, c-off).Draw(t, "len")
		all := make([]elem, c)
		s := all[off : off+n : c]
		written := rapid.SliceOfDistinct(rapid.IntRange(0, cap(s)-1), func(i int) int { return i }).Draw(t, "written")
		x := 7
		for _, i := range written {
			all[off+i] = elem{p: &x, s: "cédula", n: int64(i)}
		}
		if hugepage.Advise(s) {
			hugepage.Unadvise(s)
		}
		set := make(map[int]bool, len(written))
		for _, i := range written {
			set[i] = true
		}
		full := s[:cap(s)]
		for i := range full {
			want := elem{}
			if set[i] {
				want = elem{p: &x, s: "cédula", n: int64(i)}
			}
			if full[i] != want {
				t.Fatalf("element %d = %+v after Advise and Unadvise, want %+v", i, full[i], want)
			}
		}
	})
}

// TestAdviseSmall checks that Advise makes no request, and says so, below
// Min bytes and for an empty or nil slice; Unadvise then does nothing
// either, and neither panics.
func TestAdviseSmall(t *testing.T) {
	for _, s := range [][]byte{nil, {}, make([]byte, hugepage.Min-1), make([]byte, 0, hugepage.Min-1)} {
		if hugepage.Advise(s) {
			t.Errorf("Advise of %d bytes reported a request", cap(s))
		}
		hugepage.Unadvise(s)
	}
}
