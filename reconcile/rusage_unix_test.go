//go:build unix

package reconcile

import "syscall"

// cpuTime returns the CPU time the process has used, user and system, in
// nanoseconds: on a machine that other work loads, it measures what the
// benchmark did rather than how long it waited.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

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
