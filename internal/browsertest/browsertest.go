// Package browsertest drives a headless Chromium from tests: find it (or
// skip), dump a page's DOM once its scripts have run, and take a
// screenshot at a given window size. Each run gets a fresh profile and
// has networking features off, so a page under test cannot reach out.
package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Chromium returns the path of a Chromium browser, or skips tb: in short
// mode, or when none is installed (Debian's chromium package provides
// /usr/bin/chromium).
func Chromium(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("skipping the browser test in short mode")
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	tb.Skip("skipping: no Chromium (/usr/bin/chromium or chromium on PATH); install Debian's chromium package to run the browser tests")
	return ""
}

// run runs the browser with the common flags, a fresh profile, a window
// of width × height and the extra arguments, and returns its standard
// output.
func run(tb testing.TB, browser string, width, height int, args ...string) []byte {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	common := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--hide-scrollbars", "--force-device-scale-factor=1",
		"--user-data-dir=" + filepath.Join(tb.TempDir(), "profile"),
		"--window-size=" + strconv.Itoa(width) + "," + strconv.Itoa(height)}
	cmd := exec.CommandContext(ctx, browser, append(common, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		tb.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
	}
	return out.Bytes()
}

// DumpDOM opens url in a window of width × height and returns the DOM
// once the page's scripts have run.
func DumpDOM(tb testing.TB, browser, url string, width, height int) string {
	tb.Helper()
	return string(run(tb, browser, width, height, "--virtual-time-budget=5000", "--dump-dom", url))
}

// Screenshot opens url in a window of width × height and writes what it
// shows to the PNG file png.
func Screenshot(tb testing.TB, browser, url, png string, width, height int) {
	tb.Helper()
	run(tb, browser, width, height, "--virtual-time-budget=5000", fmt.Sprintf("--screenshot=%s", png), url)
}
