//go:build unix

package interchange_test

import "syscall"

// pageFaults returns how many pages the process has touched for the first
// time since it started (minor faults): memory taken from the system
// rather than reused, which costs on some virtual machines as much as the
// work done in it.
func pageFaults() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Minflt)
}
