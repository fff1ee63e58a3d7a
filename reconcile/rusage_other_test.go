//go:build !unix

package reconcile

// cpuTime returns 0: the system gives no count of CPU time that this
// package reads.
func cpuTime() int64 { return 0 }

// pageFaults returns 0: the system gives no count of page faults that
// this package reads.
func pageFaults() int64 { return 0 }
