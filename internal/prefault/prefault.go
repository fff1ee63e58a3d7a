// Package prefault backs a large, freshly allocated slice with memory
// before it is filled, where the system has a way to do that in bulk.
//
// Why: a slice sized for a whole input (a million claims) is taken fresh
// from the system and filled element by element. If the garbage collector
// runs meanwhile, it scans the slice's whole capacity, including the pages
// not yet written; reading an untouched page maps it to the system's
// shared page of zeros, and the element written there later faults a
// second time to get a page of its own. Each page then costs two faults,
// the second dearer than a first write. Backed in bulk before it is
// filled, each page is faulted once, in one system call. Nothing a Go
// program can observe changes: the memory reads as zeros either way.
package prefault

import "unsafe"

// Min is the least number of bytes Slice backs: a smaller slice is filled
// soon after it is made, so a collection rarely scans it half written, and
// it is likely carved from memory the process already holds.
const Min = 4 << 20

// Slice backs the first n elements of s's capacity with memory now, and
// reports whether the system did so. It does nothing, and reports false,
// for fewer than [Min] bytes, where the system has no such call, or where
// it refuses (Linux before 5.14). Only whole pages within the span are
// backed. It never changes what s holds.
func Slice[T any](s []T, n int) bool {
	n = min(max(n, 0), cap(s))
	var zero T
	size := uintptr(n) * unsafe.Sizeof(zero)
	if size < Min {
		return false
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), size)
	return populate(b)
}
