// Package datatest finds the shared data sets that freedcount's tests and
// benchmarks read: ../shared/data beside the module root (see its README).
package datatest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data folder, ../shared/data from the module root
// (found by walking up from the test's folder to go.mod), or skips the test
// or benchmark, saying why, when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skipf("skipping: cannot find the working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("skipping: no go.mod above the test's folder, so no ../shared/data")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		tb.Skipf("skipping: the shared data sets are absent (%s): %v", data, err)
	}
	return data
}
