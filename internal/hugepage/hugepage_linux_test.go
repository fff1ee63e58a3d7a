//go:build linux

package hugepage_test

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/freedcount/freedcount/internal/hugepage"
)

// onRequest skips the test unless Advise makes its request here: a
// probe of Min bytes tells.
func onRequest(t *testing.T) {
	t.Helper()
	probe := make([]byte, hugepage.Min)
	if !hugepage.Advise(probe) {
		b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
		t.Skipf("Advise makes no request here (transparent huge pages %q, %v; or use_zero_page, hpage_pmd_size or GODEBUG rule it out): nothing to check", strings.TrimSpace(string(b)), err)
	}
	hugepage.Unadvise(probe)
}

// TestAdviseMarksTheMapping checks, through the kernel's own account of
// the process's memory, that Advise makes the middle of a slice eligible
// for huge pages and Unadvise takes it back.
func TestAdviseMarksTheMapping(t *testing.T) {
	onRequest(t)
	s := make([]byte, 16<<20)
	if eligible(t, s) {
		t.Fatal("a fresh slice is eligible for huge pages before Advise, in the mode where only a request makes it so")
	}
	if !hugepage.Advise(s) {
		t.Fatal("Advise of 16 MiB reported no request where a probe of Min bytes got one")
	}
	if !eligible(t, s) {
		t.Error("after Advise, the slice's memory is not eligible for huge pages")
	}
	hugepage.Unadvise(s)
	if eligible(t, s) {
		t.Error("after Unadvise, the slice's memory is still eligible for huge pages")
	}
}

// eligible reports whether the memory of s is eligible for huge pages,
// and skips the test if the system does not say.
func eligible(t *testing.T, s []byte) bool {
	t.Helper()
	ok, err := hugepage.Eligible(s)
	if err != nil {
		t.Skipf("the system does not say which memory is eligible for huge pages: %v", err)
	}
	return ok
}

// minorFaults returns the process's minor page faults so far.
func minorFaults(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return int64(ru.Minflt)
}

// touch writes a byte of every base page of b and returns the faults it
// took.
func touch(t *testing.T, b []byte) int64 {
	pg := syscall.Getpagesize()
	before := minorFaults(t)
	for i := 0; i < len(b); i += pg {
		b[i] = 1
	}
	return minorFaults(t) - before
}

// fresh returns n bytes of memory mapped afresh from the system, outside
// the Go heap, so that no page of it has been touched: memory from make
// may be memory the heap reused, already faulted in.
func fresh(t *testing.T, n int) []byte {
	t.Helper()
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Munmap(b) })
	return b
}

// TestAdviseSavesFaults checks what Advise is for: writing every page of
// fresh memory after it takes at least half a fault a page fewer than
// writing as much fresh memory without. Faults of memory other than the
// two ranges' own count on both sides alike.
func TestAdviseSavesFaults(t *testing.T) {
	onRequest(t)
	const size = 64 << 20
	pages := int64(size / syscall.Getpagesize())
	advised, control := fresh(t, size), fresh(t, size)
	if !hugepage.Advise(advised) {
		t.Fatal("Advise of 64 MiB reported no request where a probe of Min bytes got one")
	}
	defer hugepage.Unadvise(advised)
	without := touch(t, control)
	if with := touch(t, advised); without-with < pages/2 {
		t.Errorf("writing %d fresh pages took %d faults after Advise and %d without: want at least %d fewer", pages, with, without, pages/2)
	}
}
