//go:build linux

package prefault

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is Linux's MADV_POPULATE_WRITE (5.14 and later): back
// the range with writable pages, as writing a byte of each would, in one
// call.
const madvPopulateWrite = 23

// populate backs the whole pages within b.
func populate(b []byte) bool {
	pg := uintptr(syscall.Getpagesize())
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	off := (pg - addr%pg) % pg
	if uintptr(len(b)) < off+pg {
		return false
	}
	end := off + (uintptr(len(b))-off)/pg*pg
	return syscall.Madvise(b[off:end], madvPopulateWrite) == nil
}
