package reconcile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeShowsExample checks that the Go sample in README.md is the body
// of Example_readme, so that the README's code compiles and its output is
// pinned.
func TestReadmeShowsExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatalf("reading README.md: %v", err)
	}
	src, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	body := between(string(src), "func Example_readme() {\n", "\n}\n")
	if body == "" {
		t.Fatal("Example_readme not found in example_readme_test.go")
	}
	sample := between(string(readme), "```go\n", "```")
	if sample == "" {
		t.Fatal("README.md has no ```go block")
	}
	if got, want := normalize(sample), normalize(body); got != want {
		t.Errorf("README.md's sample differs from Example_readme.\nREADME:\n%s\nexample:\n%s", got, want)
	}
}

func between(s, start, end string) string {
	_, rest, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	in, _, ok := strings.Cut(rest, end)
	if !ok {
		return ""
	}
	return in
}

// normalize drops leading tabs, which the README indents differently.
func normalize(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}
