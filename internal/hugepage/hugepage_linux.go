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

// usable reports whether [Advise] makes its request here. It is read
// once, from the system's settings and the program's environment:
//
//   - transparent huge pages are made only where asked (the mode in
//     brackets in .../enabled is "madvise"): where always, the system
//     already makes them; where never, it cannot;
//   - a read of memory not yet written maps the shared huge page of zeros
//     (.../use_zero_page is 1); otherwise a collection that scans the
//     capacity not yet written would commit all of it;
//   - a huge page is at most 2 MiB (.../hpage_pmd_size), the rounding of
//     what a written slice commits;
//   - GODEBUG does not set disablethp=1, the runtime's setting that turns
//     huge pages off for the heap.
var usable = sync.OnceValue(func() bool {
	return setting("enabled", func(v string) bool { return strings.Contains(v, "[madvise]") }) &&
		setting("use_zero_page", func(v string) bool { return v == "1" }) &&
		setting("hpage_pmd_size", func(v string) bool {
			n, err := strconv.ParseInt(v, 10, 64)
			return err == nil && n > 0 && n <= 2<<20
		}) &&
		!thpDisabled(os.Getenv("GODEBUG"))
})

// setting reports whether the system's setting of transparent huge pages
// named name can be read and ok holds of it (without spaces around).
func setting(name string, ok func(string) bool) bool {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/" + name)
	return err == nil && ok(strings.TrimSpace(string(b)))
}

// thpDisabled reports whether the GODEBUG value godebug sets disablethp
// to 1 (its last setting counts, as for the runtime).
func thpDisabled(godebug string) bool {
	off := false
	for kv := range strings.SplitSeq(godebug, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			off = v == "1"
		}
	}
	return off
}

// advise makes the request (on) or takes it back, for the whole base
// pages within b, and reports whether the system did so.
func advise(b []byte, on bool) bool {
	if !usable() {
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
