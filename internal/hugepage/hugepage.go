// Package hugepage asks the system to back a large slice with huge pages
// while it is filled, and to stop doing so once it is full.
//
// Why: a slice sized for a whole input (a million claims, 288 MB) is taken
// fresh from the system and filled element by element. With the system's
// base pages (4 KiB), each page costs a fault on its first write, and two
// if the garbage collector scans the slice before it is filled: reading
// an untouched page maps it to the system's shared page of zeros, and the
// element written there later faults again for a page of its own. On the
// virtual machine we measure on, a fault costs about ten microseconds: 70
// thousand pages, twice, were most of the time it took to read a million
// claims. Backed with huge pages (2 MiB on amd64), the slice takes one
// fault per 512 base pages.
//
// What it costs: memory is still committed only where the slice is
// written, rounded up to a huge page; a collection that reads the pages
// not yet written maps them to the system's shared huge page of zeros,
// which commits nothing. [Unadvise] then takes the request back, so that
// once the slice is freed and its memory returned, the system does not
// gather the pages left behind into huge pages again (which would commit
// memory the Go runtime has given back). Linux has no request that
// restores a range as it was: taken back, the range is marked to get no
// huge pages, which is what the mode below gives it anyway.
//
// Only Linux has the request, and the package makes it only where
// transparent huge pages are made on request ("madvise" in
// /sys/kernel/mm/transparent_hugepage/enabled), the shared huge page of
// zeros is used, a huge page is at most 2 MiB, and GODEBUG does not turn
// huge pages off (disablethp=1; a //go:debug line of the program cannot
// be seen, and is not honoured). Elsewhere both calls do nothing.
//
// Where the system's setting "defrag" is "madvise", a fault in an advised
// range may compact memory to find a huge page: on a host short of memory
// that can stall the writer. When the runtime returns part of a huge page
// to the system, the rest stays charged (to a cgroup, say) until the
// kernel splits it. Whether a write after a collection's read takes one
// fault or many depends on the kernel: 6.18 takes one.
package hugepage

import (
	"errors"
	"unsafe"
)

// Min is the least capacity, in bytes, of a slice that [Advise] asks for:
// a smaller slice spans few huge pages, if any.
const Min = 4 << 20

// Advise asks the system to back the capacity of s with huge pages, and
// reports whether it did: false for fewer than [Min] bytes, or where the
// system has no such request or refused it. It never changes what s
// holds. A caller that got true calls [Unadvise] once s is filled.
func Advise[T any](s []T) bool {
	b := bytesOf(s)
	if len(b) < Min {
		return false
	}
	return advise(b, true)
}

// Unadvise takes back the request [Advise] made for s: the huge pages
// already backing s stay, and no new ones are made for its memory. Call
// it with the same s (any length, the same capacity) only where Advise
// reported true. It never changes what s holds.
func Unadvise[T any](s []T) {
	if b := bytesOf(s); len(b) >= Min {
		advise(b, false)
	}
}

// bytesOf returns the bytes of s's capacity.
func bytesOf[T any](s []T) []byte {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s[:cap(s)]))), n)
}

// Eligible reports whether the system would back the middle of s's
// capacity with huge pages, as it says in its account of the process's
// memory (Linux's /proc/self/smaps, "THPeligible"); it returns an error
// where the system gives no such account, or s is empty. It is slow (it
// reads every mapping of the process), for tests.
func Eligible[T any](s []T) (bool, error) {
	b := bytesOf(s)
	if len(b) == 0 {
		return false, errors.New("hugepage: no memory to look up")
	}
	return eligible(uintptr(unsafe.Pointer(&b[len(b)/2])))
}
