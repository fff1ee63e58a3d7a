package link_test

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/freedcount/freedcount/reconcile/link"
)

// chromium returns the path of a Chromium browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the browser test in short mode")
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipping: no Chromium (/usr/bin/chromium or chromium on PATH); install Debian's chromium package to run the review page test")
	return ""
}

// dumpDOM opens url in headless Chromium with profile dir and returns the
// DOM once the page's scripts have run.
func dumpDOM(t *testing.T, browser, profile, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir="+profile, "--virtual-time-budget=5000", "--dump-dom", url)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	return out.String()
}

var testOutput = regexp.MustCompile(`(?s)<pre id="test-output"[^>]*>(.*?)</pre>`)

// TestReviewPageInChromium opens the review page in headless Chromium,
// decides three pairs by clicking its buttons (the page's test mode),
// reads the CSV it would download back with ReadDecisions, and checks the
// decisions; then opens it again with the same browser profile and checks
// that the decisions were kept in the browser. The page must make no
// network request: it holds no URL and its policy forbids them.
func TestReviewPageInChromium(t *testing.T) {
	browser := chromium(t)
	lists, _ := synthLists(300, 9)
	allRefs = refsOf(lists...)
	r := mustLink(t, link.DetaineeConfig(), lists...)
	items := r.Review(-20*link.Bits, 20*link.Bits)
	if len(items) < 3 {
		t.Fatalf("only %d pairs to review", len(items))
	}
	opt := link.ReviewOptions{Shuffle: true, Seed: 3, Blind: true}
	var page, file bytes.Buffer
	if err := r.WriteReviewHTML(&page, items, lists, opt); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteReview(&file, items, lists, opt); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"http://", "https://", "src=", "href="} {
		if strings.Contains(page.String(), bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(html.UnescapeString(page.String()), "default-src 'none'; script-src 'sha256-") {
		t.Error("the page has no content security policy forbidding requests")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "review.html")
	if err := os.WriteFile(path, page.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("FREEDCOUNT_SVG_DIR"); d != "" {
		_ = os.WriteFile(filepath.Join(d, "review.html"), page.Bytes(), 0o644)
	}
	// The pairs numbered 1, 2 and 3 in the file the page shows.
	want, err := link.ReadDecisions(strings.NewReader(decideItems(t, file.String(), map[string]string{"1": "same", "2": "different", "3": "same"})))
	if err != nil || len(want) != 3 {
		t.Fatalf("expected decisions: %v, %v", want, err)
	}
	profile := filepath.Join(dir, "profile")
	dom := dumpDOM(t, browser, profile, "file://"+path+"#test-decide=1:same,2:different,3:same")
	got := readTestOutput(t, dom)
	if len(got) != 3 {
		t.Fatalf("the page exported %d decisions, want 3", len(got))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("decision %d: page %v, want %v", k, got[k], want[k])
		}
	}
	again := readTestOutput(t, dumpDOM(t, browser, profile, "file://"+path+"#test-export"))
	if len(again) != 3 {
		t.Errorf("reopened, the page kept %d decisions, want 3", len(again))
	}
}

// readTestOutput reads the decisions the page wrote in test mode.
func readTestOutput(t *testing.T, dom string) []link.Decision {
	t.Helper()
	m := testOutput.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no test output in the page")
	}
	ds, err := link.ReadDecisions(strings.NewReader(html.UnescapeString(m[1])))
	if err != nil {
		t.Fatalf("reading the page's CSV: %v", err)
	}
	return ds
}

// decideItems fills the decision column of the rows of a review file by
// item number.
func decideItems(t *testing.T, file string, verdicts map[string]string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(file, "\n"), "\n")
	for k := 1; k < len(lines); k++ {
		item, _, _ := strings.Cut(lines[k], ",")
		if v, ok := verdicts[item]; ok {
			lines[k] += v
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
