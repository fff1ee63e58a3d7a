//go:build linux

package prefault_test

import (
	"syscall"
	"testing"

	"github.com/freedcount/freedcount/internal/prefault"
)

// minorFaults returns the process's minor page faults so far.
func minorFaults(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Minflt
}

// touch writes a byte of every page of b and returns the faults it took.
func touch(t *testing.T, b []byte) int64 {
	pg := syscall.Getpagesize()
	before := minorFaults(t)
	for i := 0; i < len(b); i += pg {
		b[i] = 1
	}
	return minorFaults(t) - before
}

// TestSliceBacksPages checks that after Slice, writing every page of a
// fresh slice takes at least half a fault a page fewer than writing a fresh
// slice beside it without Slice. The control also shows the memory was
// fresh, without which the check could not fail; and faults of memory
// other than the slices' own (the race detector's shadow of each page)
// count on both sides alike.
func TestSliceBacksPages(t *testing.T) {
	const size = 64 << 20
	pages := int64(size / syscall.Getpagesize())
	backed, control := make([]byte, size), make([]byte, size)
	if !prefault.Slice(backed, len(backed)) {
		t.Skip("the kernel refused MADV_POPULATE_WRITE (Linux before 5.14): nothing to check")
	}
	without := touch(t, control)
	if without < pages/2 {
		t.Skipf("writing %d pages not backed took %d faults: the memory was not fresh, so Slice cannot be told apart", pages, without)
	}
	if with := touch(t, backed); without-with < pages/2 {
		t.Errorf("writing %d pages took %d faults after Slice and %d without: want at least %d fewer", pages, with, without, pages/2)
	}
}
