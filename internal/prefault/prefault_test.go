package prefault_test

import (
	"testing"
	"unsafe"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/prefault"
)

// elem holds pointers and plain values, as a claim does.
type elem struct {
	p *int
	s string
	n int64
}

// TestSliceKeepsContents checks the invariant that Slice never changes what
// a slice holds, nor panics, whatever n, offset into its allocation and
// length: elements written before the call read the same after it, and
// the rest still read as zero.
func TestSliceKeepsContents(t *testing.T) {
	size := int(unsafe.Sizeof(elem{}))
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.IntRange(prefault.Min/size-8, 2*prefault.Min/size).Draw(t, "cap")
		off := rapid.IntRange(0, 7).Draw(t, "offset")
		n := rapid.IntRange(-1, c+1).Draw(t, "n")
		all := make([]elem, c)
		s := all[off:off:c]
		written := rapid.SliceOfDistinct(rapid.IntRange(0, cap(s)-1), func(i int) int { return i }).Draw(t, "written")
		x := 7
		for _, i := range written {
			all[off+i] = elem{p: &x, s: "cédula", n: int64(i)}
		}
		prefault.Slice(s, n)
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
				t.Fatalf("element %d = %+v after Slice, want %+v", i, full[i], want)
			}
		}
	})
}

// TestSliceSmall checks that Slice makes no call, and says so, below Min
// bytes and for an empty or nil slice.
func TestSliceSmall(t *testing.T) {
	for _, s := range [][]byte{nil, {}, make([]byte, prefault.Min-1)} {
		if prefault.Slice(s, cap(s)) {
			t.Errorf("Slice of %d bytes reported a call", cap(s))
		}
	}
	if prefault.Slice(make([]byte, 0, prefault.Min), -5) {
		t.Error("Slice with n < 0 reported a call")
	}
}
