//go:build linux

package hugepage_test

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/freedcount/freedcount/internal/hugepage"
)

// onRequest skips the test unless the system makes huge pages only where
// asked, the one mode in which Advise makes a request.
func onRequest(t *testing.T) {
	t.Helper()
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(b), "[madvise]") {
		t.Skipf("transparent huge pages are not enabled on request here (%q, %v): Advise makes no request to check", strings.TrimSpace(string(b)), err)
	}
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
		t.Fatal("Advise of 16 MiB reported no request where huge pages are made on request")
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
	return ru.Minflt
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

// TestAdviseSavesFaults checks what Advise is for: writing every page of
// a fresh slice after it takes at least half a fault a page fewer than
// writing a fresh slice beside it without. The control also shows that
// the memory was fresh, without which the check could not fail; faults of
// memory other than the slices' own (the race detector's shadow of each
// page) count on both sides alike.
func TestAdviseSavesFaults(t *testing.T) {
	onRequest(t)
	const size = 64 << 20
	pages := int64(size / syscall.Getpagesize())
	advised, control := make([]byte, size), make([]byte, size)
	if !hugepage.Advise(advised) {
		t.Fatal("Advise of 64 MiB reported no request where huge pages are made on request")
	}
	defer hugepage.Unadvise(advised)
	without := touch(t, control)
	if without < pages/2 {
		t.Skipf("writing %d pages without Advise took %d faults: the memory was not fresh, so Advise cannot be told apart", pages, without)
	}
	if with := touch(t, advised); without-with < pages/2 {
		t.Errorf("writing %d pages took %d faults after Advise and %d without: want at least %d fewer", pages, with, without, pages/2)
	}
}
