package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
)

var sample = []string{"-sources", "testdata/sources.csv", "-claims", "testdata/claims.csv"}

// Example pins the command's output on the sample files, the AFP report of
// 26 January 2026, as the README shows it.
func Example() {
	run(sample, os.Stdout, os.Stderr)
	// Output:
	// 5 claims from 3 sources; all the evidence; best figure by weighted_median
	//
	// measure   population           region  period                 verified  low         best  high   consensus  confidence
	// releases  detainees            VE      2025-12-01/2026-01-25       104  626          626   626  [626, 626]           1
	// releases  detainees/political  VE      2025-12-01/2026-01-25       104  313          313   313  [282, 344]           1
	// releases  detainees/political  VE      2026-01-25                  104  104  104 or more   344  [104, 344]           1
	//
	// "or more": only statements open above ("at least", a count that may still rise) give the figure; it is never shown as a maximum.
	//
	// releases of detainees @ VE 2025-12-01/2026-01-25
	//   from:         gov-626 (consensus, low, best, high)
	//   floor:        313, from its parts: fp-half
	//
	// releases of detainees/political @ VE 2025-12-01/2026-01-25
	//   from:         fp-half (consensus, low, best, high)
	//   cap:          626, from the wider scope: gov-626
	//
	// releases of detainees/political @ VE 2026-01-25
	//   from:         fp-104 (consensus, low, best)
	//   from:         fp-half (high)
	//   cap:          344, from the wider scope: fp-half
	//   set aside:    fp-80 superseded by fp-104
	//   set aside:    afp-fp-104 relayed: the same statement as fp-104, counted once
	//
	// Other differences, fully explained by their cause (pairs): supersession 1, different_population 1, different_period 1; -all-discrepancies lists them.
}

// Example_asOf reads the evidence as it stood on Sunday at noon in
// Caracas, with the conservative rule: only Foro Penal's first count.
func Example_asOf() {
	run(append(sample, "-asof", "2026-01-25T12:00:00-04:00", "-policy", "conservative"), os.Stdout, os.Stderr)
	// Output:
	// 1 claim from 3 sources; the evidence as of 2026-01-25T12:00:00-04:00; best figure by conservative
	//
	// measure   population           region  period      verified  low        best        high  consensus  confidence
	// releases  detainees/political  VE      2026-01-25        80   80  80 or more  80 or more    [80, ∞)           1
	//
	// "or more": only statements open above ("at least", a count that may still rise) give the figure; it is never shown as a maximum.
	//
	// releases of detainees/political @ VE 2026-01-25
	//   from:         fp-80 (consensus, low, best, high)
}

func runCapture(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadInputNamesFileLineAndColumn(t *testing.T) {
	dir := t.TempDir()
	claims, err := os.ReadFile("testdata/claims.csv")
	require.NoError(t, err)
	bad := strings.Replace(string(claims), ",80,", ",eightyish,", 1)
	bad = strings.Replace(bad, "gov-626,ve-government,afp", "gov-626,ve-govt,afp", 1)
	path := filepath.Join(dir, "claims.csv")
	require.NoError(t, os.WriteFile(path, []byte(bad), 0o600))

	code, out, errOut := runCapture(t, "-sources", "testdata/sources.csv", "-claims", path)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, path+`:2: column quantity "eightyish": no number and no vague word (dozens, hundreds, thousands, some, several, a handful, scores)`)
	assert.Contains(t, errOut, path+`:5: column source "ve-govt": unknown source: not among the sources`)
	assert.Contains(t, errOut, "nothing was read")
}

func TestMissingFileIsReported(t *testing.T) {
	code, _, errOut := runCapture(t, "-sources", "testdata/sources.csv", "-claims", "testdata/nope.csv")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "testdata/nope.csv")
}

func TestHelpExplainsEveryFlagWithAnExample(t *testing.T) {
	code, out, errOut := runCapture(t, "-h")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, out)
	for _, want := range []string{"-sources", "-claims", "-verifications", "-asof", "-policy", "-hierarchy", "-format", "-discrepancies",
		"go run ./examples/reconcile", "examples/reconcile/testdata/claims.csv", "id,name,kind,group,method,confidence"} {
		assert.Contains(t, errOut, want)
	}
}

func TestUsageErrorsExitWithTwo(t *testing.T) {
	for _, args := range [][]string{
		{"-claims", "x.csv"},
		{"-sources", "s.csv", "-claims", "c.csv", "-format", "xml"},
		{"-sources", "s.csv", "-claims", "c.csv", "-policy", "loudest"},
		{"-sources", "s.csv", "-claims", "c.csv", "-asof", "yesterday"},
		{"-sources", "s.csv", "-claims", "c.csv", "-policy", "hierarchy"},
		{"-sources", "s.csv", "-claims", "c.csv", "extra"},
	} {
		code, _, errOut := runCapture(t, args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, errOut)
		assert.NotEmpty(t, errOut)
	}
}

// TestMachineOutputReadsBack checks that -format csv and json write the
// interchange figures format, and -discrepancies the discrepancies.
func TestMachineOutputReadsBack(t *testing.T) {
	for _, tc := range []struct {
		flag string
		f    interchange.Format
		ext  string
	}{{"csv", interchange.CSV, ".csv"}, {"json", interchange.JSONL, ".jsonl"}} {
		t.Run(tc.flag, func(t *testing.T) {
			disc := filepath.Join(t.TempDir(), "discrepancies"+tc.ext)
			code, out, errOut := runCapture(t, append(sample, "-format", tc.flag, "-discrepancies", disc, "-all-discrepancies",
				"-policy", "hierarchy", "-hierarchy", "foro-penal, ve-government")...)
			require.Equal(t, exitOK, code, errOut)
			figs, err := interchange.ReadFigures(strings.NewReader(out), tc.f)
			require.NoError(t, err)
			require.Len(t, figs, 3)
			assert.Equal(t, []int{626, 313, 104}, []int{figs[0].Best, figs[1].Best, figs[2].Best})
			f, err := os.Open(disc)
			require.NoError(t, err)
			defer f.Close()
			ds, err := interchange.ReadDiscrepancies(f, tc.f)
			require.NoError(t, err)
			assert.Len(t, ds, 4, "each pair of claims once")
		})
	}
}

// TestDiscrepanciesAreTheMaterialOnesByDefault: by default the command
// lists the material discrepancies (none in the seed story) and counts the
// rest by cause; -all-discrepancies lists every pair.
func TestDiscrepanciesAreTheMaterialOnesByDefault(t *testing.T) {
	code, out, errOut := runCapture(t, sample...)
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "discrepancy:")
	assert.Contains(t, out, "fully explained by their cause (pairs): supersession 1, different_population 1, different_period 1")
	code, out, errOut = runCapture(t, append(sample, "-all-discrepancies")...)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 4, strings.Count(out, "discrepancy:"))
}

func TestFilesOfDifferentFormatsAreRefused(t *testing.T) {
	code, _, errOut := runCapture(t, "-sources", "testdata/sources.jsonl", "-claims", "testdata/claims.csv")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "one format")
}

// TestReadmeShowsTheSampleOutput keeps the README's command and output for
// the sample files identical to what the command does.
func TestReadmeShowsTheSampleOutput(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "## Your own files\n")
	require.True(t, ok, "README.md has no section \"Your own files\"")
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := strings.Split(section, "```")
	require.GreaterOrEqual(t, len(blocks), 4, "want the command and its output as code blocks")
	command := strings.Join(strings.Fields(strings.ReplaceAll(blocks[1], "\\\n", " ")), " ")
	assert.Equal(t, "go run ./examples/reconcile -sources examples/reconcile/testdata/sources.csv -claims examples/reconcile/testdata/claims.csv", command)
	var out bytes.Buffer
	require.Equal(t, exitOK, run(sample, &out, &out))
	shown := strings.TrimLeft(blocks[3], "\n")
	assert.True(t, strings.HasPrefix(out.String(), shown), "README shows\n%s\nbut the command prints\n%s", shown, out.String())
}

// TestUnknownSourcesOnTheCommandLineAreRefused: a hierarchy or closed
// register naming no source of the evidence is a usage error, not a
// silent fallback.
func TestUnknownSourcesOnTheCommandLineAreRefused(t *testing.T) {
	code, _, errOut := runCapture(t, append(sample, "-policy", "hierarchy", "-hierarchy", "nobody")...)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `-hierarchy: no source "nobody"`)
	code, _, errOut = runCapture(t, append(sample, "-closed-registers", "foro-penal,nobody")...)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `-closed-registers: no source "nobody"`)
}

// TestNothingIsWrittenWhenAnOutputFails: with a -discrepancies file that
// cannot be created, no figure reaches standard output.
func TestNothingIsWrittenWhenAnOutputFails(t *testing.T) {
	code, out, errOut := runCapture(t, append(sample, "-format", "csv", "-discrepancies", filepath.Join(t.TempDir(), "no", "such", "dir", "d.csv"))...)
	assert.Equal(t, exitInput, code, errOut)
	assert.Empty(t, out)
}
