//go:build linux

package hugepage

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unsafe"
)

// Linux's madvise requests for transparent huge pages.
const (
	madvHugepage   = 14 // MADV_HUGEPAGE
	madvNoHugepage = 15 // MADV_NOHUGEPAGE
)

// onRequest reports whether the system makes transparent huge pages only
// where asked: the mode marked in brackets, as in "always [madvise]
// never". It is read once.
var onRequest = sync.OnceValue(func() bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && strings.Contains(string(b), "[madvise]")
})

// advise makes the request (on) or takes it back, for the whole base
// pages within b, and reports whether the system did so.
func advise(b []byte, on bool) bool {
	if !onRequest() {
		return false
	}
	pg := uintptr(syscall.Getpagesize())
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	off := (pg - addr%pg) % pg
	if uintptr(len(b)) < off+pg {
		return false
	}
	end := off + (uintptr(len(b))-off)/pg*pg
	advice := madvHugepage
	if !on {
		advice = madvNoHugepage
	}
	return syscall.Madvise(b[off:end], advice) == nil
}

// eligible reads /proc/self/smaps for the mapping that holds addr and
// reports what its "THPeligible" line says.
func eligible(addr uintptr) (bool, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return false, err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if v, ok := strings.CutPrefix(line, "THPeligible:"); ok && in {
			return strings.TrimSpace(v) == "1", nil
		}
	}
	if err := sc.Err(); err != nil {
		return false, err
	}
	return false, fmt.Errorf("hugepage: no mapping in /proc/self/smaps says whether %#x is eligible", addr)
}

// mappingRange parses the first line of a mapping in smaps
// ("7f00-7f80 rw-p ..."), and reports whether line is one.
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(r, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(x), uintptr(y), true
}
