package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// freedcount runs the command in-process.
func freedcount(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

var seedDir = filepath.Join("..", "..", "examples", "reconcile", "testdata")

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file; run go test ./cmd/freedcount -run Golden -update")
	assert.Equal(t, string(want), got, "output differs from %s (go test -update rewrites it)", path)
}

// TestGoldenReconcile pins what reconcile prints, in text and JSON, on
// the seed story and on every real case of reconcile/testdata/realcases.
func TestGoldenReconcile(t *testing.T) {
	dirs := map[string]string{"seed": seedDir}
	cases, err := filepath.Glob(filepath.Join("..", "..", "reconcile", "testdata", "realcases", "*", "claims.csv"))
	require.NoError(t, err)
	require.NotEmpty(t, cases, "no real cases found")
	for _, c := range cases {
		dirs[filepath.Base(filepath.Dir(c))] = filepath.Dir(c)
	}
	for name, dir := range dirs {
		for _, format := range []string{"text", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				code, out, errOut := freedcount(t, "reconcile", "-dir", dir, "-format", format)
				require.Equal(t, exitOK, code, errOut)
				ext := map[string]string{"text": ".txt", "json": ".jsonl"}[format]
				golden(t, name+ext, out)
			})
		}
	}
}

// TestReconcileTextIsWrittenForReaders checks what a reader of the seed
// story sees: scopes and causes in words, no consensus interval or
// confidence printed bare, no ratio, no snake_case cause.
func TestReconcileTextIsWrittenForReaders(t *testing.T) {
	code, out, errOut := freedcount(t, "reconcile", "-dir", seedDir)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Venezuela, 25 January 2026")
	assert.Contains(t, out, "Venezuela, 1 December 2025 to 25 January 2026")
	assert.Contains(t, out, "a different population")
	assert.Contains(t, out, "104 or more")
	assert.Contains(t, out, "read in America/Caracas (the zone of Venezuela)")
	for _, bad := range []string{"different_population", "@ VE", "confidence", "consensus [", "ratio", "6.0192", "no conflict", "2026-01-25/2026-01-25"} {
		assert.NotContains(t, out, bad)
	}
	code, all, _ := freedcount(t, "reconcile", "-dir", seedDir, "-all")
	require.Equal(t, exitOK, code)
	assert.Contains(t, all, "differs:")
	assert.NotContains(t, out, "differs:", "the seed story has no material discrepancy: none is listed by default")
}

func TestVerifiedIsShownOnlyWhenSomethingIsVerified(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"gov-626,ve-government,2026-01-25,releases,detainees,VE,2025-12-01/..,626,final,announcement\n")
	code, out, errOut := freedcount(t, "reconcile", "-dir", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "verified")
	code, out, _ = freedcount(t, "reconcile", "-dir", seedDir)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "verified")
}

func TestJSONOutputHasAHeaderAndNumbers(t *testing.T) {
	code, out, errOut := freedcount(t, "reconcile", "-dir", seedDir, "-format", "json", "-asof", "2026-01-26")
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var head map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &head))
	assert.Equal(t, "header", head["record"])
	assert.Equal(t, "2026-01-26T23:59:59.999999999-04:00", head["as_of"])
	assert.Equal(t, "America/Caracas", head["zone"])
	assert.NotNil(t, head["policy"])
	var fig map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &fig))
	assert.Equal(t, "figure", fig["record"])
	assert.IsType(t, float64(0), fig["low"])
	assert.IsType(t, float64(0), fig["confidence"])
	assert.IsType(t, map[string]any{}, fig["cap"])
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	require.NoError(t, os.WriteFile(name, []byte(text), 0o644))
}

// afpClaims are the claims of the AFP story of 26 January 2026 as a
// journalist types them from the story: days only, day first.
const afpClaims = `fp-80,foro-penal,afp,25/01/2026,releases,detainees/political,VE,25/01/2026,80,,,,preliminary,named_list,,,,80 political prisoners released today,en
fp-104,foro-penal,afp,25/01/2026,releases,detainees/political,VE,25/01/2026,at least 104,,,,preliminary,named_list,,fp-80,,"verified 104 releases; the figure is not yet definitive and could increase",en
gov-626,ve-government,afp,25/01/2026,releases,detainees,VE,since 01/12/2025,626,,,,final,announcement,,,,626 detainees freed since December,en
fp-half,foro-penal,afp,25/01/2026,releases,detainees/political,VE,since 01/12/2025,,gov-626,0.5,about,verified,named_list,,,,about half as many releases in that period,en
`

const afpSources = `foro-penal,Foro Penal,ngo,,verifies_identities,0.9
afp,AFP,media,,relays,0.8
ve-government,Government of Venezuela,government,,announces,0.7
`

// appendTo adds lines to a template file.
func appendTo(t *testing.T, name, lines string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(lines)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

// TestInitCheckReconcileReportOnTheAFPStory drives the in-process command
// as the README tells a journalist to: init, fill in the templates,
// check, reconcile, report.
func TestInitCheckReconcileReportOnTheAFPStory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "story")
	code, out, errOut := freedcount(t, "init", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Wrote")
	appendTo(t, filepath.Join(dir, "sources.csv"), afpSources)
	appendTo(t, filepath.Join(dir, "claims.csv"), afpClaims)

	code, _, errOut = freedcount(t, "check", "-dir", dir)
	assert.Equal(t, exitInput, code, "days with slashes are refused without -datefmt")
	assert.Contains(t, errOut, "-datefmt")
	code, out, errOut = freedcount(t, "check", "-dir", dir, "-datefmt", "dd/mm/yyyy")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "3 sources, 4 claims")

	code, out, errOut = freedcount(t, "reconcile", "-dir", dir, "-datefmt", "dd/mm/yyyy")
	require.Equal(t, exitOK, code, errOut)
	assert.Regexp(t, `releases of political prisoners\s+Venezuela, 25 January 2026\s+104\s+104\s+104 or more`, out)
	assert.Regexp(t, `releases of detainees\s+Venezuela, 1 December 2025 to 25 January 2026\s+104\s+626\s+626\s+626`, out)
	assert.Contains(t, out, "fp-80 (Foro Penal): replaced by the later fp-104 (Foro Penal)")

	page := filepath.Join(dir, "report.html")
	code, _, errOut = freedcount(t, "report", "-dir", dir, "-datefmt", "dd/mm/yyyy", "-o", page, "-lang", "es")
	require.Equal(t, exitOK, code, errOut)
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.Contains(t, string(b), `lang="es"`)
	assert.Contains(t, string(b), "Venezuela")

	code, _, errOut = freedcount(t, "init", dir)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "already exist")
}

// TestInstalledBinary installs the command with go install into a
// temporary GOBIN and drives the installed binary through init, editing
// the templates, check, reconcile and report.
func TestInstalledBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("go install builds the command: slow; run without -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to install with")
	}
	gobin := t.TempDir()
	install := exec.Command(goTool, "install", ".")
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	outB, err := install.CombinedOutput()

	require.NoError(t, err, "go install: %s", outB)
	bin := filepath.Join(gobin, "freedcount")
	work := t.TempDir()
	runBin := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		b, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(b)
		}
		require.NoError(t, err)
		return 0, string(b)
	}
	code, out := runBin("version")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, runtime.Version())
	code, out = runBin("init", "story")
	require.Equal(t, 0, code, out)
	appendTo(t, filepath.Join(work, "story", "sources.csv"), afpSources)
	appendTo(t, filepath.Join(work, "story", "claims.csv"), afpClaims)
	code, out = runBin("check", "-dir", "story", "-datefmt", "dd/mm/yyyy")
	require.Equal(t, 0, code, out)
	code, out = runBin("reconcile", "-dir", "story", "-datefmt", "dd/mm/yyyy")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "104 or more")
	code, out = runBin("report", "-dir", "story", "-datefmt", "dd/mm/yyyy", "-o", "story/report.html")
	require.Equal(t, 0, code, out)
	_, err = os.Stat(filepath.Join(work, "story", "report.html"))
	require.NoError(t, err)
	code, out = runBin("reconcle")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, `did you mean "reconcile"?`)
}

// TestPrivacyNoDetaineeIDInAnyOutput: detainee IDs given in the inputs
// (a verification's detainee, a claim's named list), even on bad lines,
// never reach standard output or standard error, in any command or format.
func TestPrivacyNoDetaineeIDInAnyOutput(t *testing.T) {
	secrets := []string{"ve-maria-lopez-v12345678", "ve-jose-perez-e87654321"}
	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis,named\n"+
		"fp-2,foro-penal,2026-01-25,releases,detainees/political,VE,2026-01-25,2,final,named_list,"+secrets[0]+";"+secrets[1]+"\n")
	writeFile(t, filepath.Join(dir, "verifications.csv"), "detainee,source,stated,population,region,period\n"+
		secrets[0]+",foro-penal,2026-01-25,detainees/political,VE,2026-01-25\n"+
		secrets[1]+",foro-penal,2026-01-25,detainees/political,VE,2026-01-25\n")
	bad := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(bad, "sources.csv"))
	copyFile(t, filepath.Join(dir, "claims.csv"), filepath.Join(bad, "claims.csv"))
	writeFile(t, filepath.Join(bad, "verifications.csv"), "detainee,source,stated,population,region,period\n"+
		secrets[0]+" x,nobody,2026-13-25,detainees/political,VE,2026-01-25\n")
	for _, args := range [][]string{
		{"check", "-dir", dir},
		{"reconcile", "-dir", dir},
		{"reconcile", "-dir", dir, "-format", "json", "-all"},
		{"reconcile", "-dir", dir, "-format", "csv"},
		{"report", "-dir", dir, "-o", filepath.Join(t.TempDir(), "r.html")},
		{"check", "-dir", bad},
		{"reconcile", "-dir", bad},
	} {
		code, out, errOut := freedcount(t, args...)
		if args[2] == dir {
			require.Equal(t, exitOK, code, "%v: %s", args, errOut)
		} else {
			require.Equal(t, exitInput, code, "%v", args)
		}
		for _, s := range secrets {
			assert.NotContains(t, strings.ToLower(out+errOut), s, "%v", args)
		}
	}
	code, out, _ := freedcount(t, "reconcile", "-dir", dir)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "verified")
}

func TestCheckSaysWhereAndSuggests(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"a,foro-penal,2026-01-25,relases,detainees/political,VE,2026-01-25,80,prelimnary,named_list\n"+
		"b,foro-penal,2026-01-25,releases,detainees/politcal,VE,2026-01-25,80,final,named_list\n")
	writeFile(t, filepath.Join(dir, "policy.json"), `{"vocabulary": {"populations": ["detainees/political"], "regions": ["VE"]}}`)
	code, _, errOut := freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitInput, code)
	claims := filepath.Join(dir, "claims.csv")
	assert.Contains(t, errOut, claims+`:2:4: column measure "relases": unknown value; want one of releases, held, detentions; did you mean "releases"?`)
	assert.Contains(t, errOut, claims+`:2:9: column status "prelimnary"`)
	assert.Contains(t, errOut, `did you mean "preliminary"?`)

	// The path is checked once the values read.
	writeFile(t, claims, "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"b,foro-penal,2026-01-25,releases,detainees/politcal,VE,2026-01-25,80,final,named_list\n")
	code, _, errOut = freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitInput, code)
	assert.Contains(t, errOut, claims+`:2:5: column population "detainees/politcal": not in the vocabulary; did you mean "detainees/political"`)

	writeFile(t, filepath.Join(dir, "policy.json"), "{\n  \"bset\": \"range\"\n}\n")
	code, _, errOut = freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `policy.json:2: column bset (column 3)`)
	assert.Contains(t, errOut, `did you mean "best"?`)

	code, _, errOut = freedcount(t, "reconcile", "-dir", seedDir, "-format", "jsn")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `did you mean "json"?`)
}

// TestCheckListsEveryProblemAtOnce: a day the command cannot read does not
// hide the other problems of the file, and its cell is named once.
func TestCheckListsEveryProblemAtOnce(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"a,foro-penal,25/01/2026,releases,detainees/political,VE,2026-01-25,80,preliminary,named_list\n"+
		"b,foro-penal,2026-01-25,release,detainees/political,VE,2026-01-25,80,final,named_list\n")
	code, _, errOut := freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitInput, code)
	claims := filepath.Join(dir, "claims.csv")
	assert.Equal(t, 1, strings.Count(errOut, claims+":2:3: column stated"), errOut)
	assert.Contains(t, errOut, claims+`:3:4: column measure "release": unknown value`)
	assert.Contains(t, errOut, "2 problems")

	// Once the values read, a misspelt source is named with the nearest.
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"a,foro-penal,2026-01-25,releases,detainees/political,VE,2026-01-25,80,preliminary,named_list\n"+
		"b,foro-pena,2026-01-25,releases,detainees/political,VE,2026-01-25,80,final,named_list\n")
	code, _, errOut = freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitInput, code)
	assert.Contains(t, errOut, claims+`:3:2: column source "foro-pena": unknown source: not among the sources; did you mean "foro-penal"?`)
}

// TestDatesAreReadInTheZoneAndFormatGiven checks -datefmt and -tz: a
// day-first day is read as such, a month-first one too, an ambiguous one
// is never guessed; a local time is read in the zone (by default the
// claims' country's), and -asof with a day alone means the end of that day
// there.
func TestDatesAreReadInTheZoneAndFormatGiven(t *testing.T) {
	var df dateFormat
	_, err := df.isoDay("03/01/2026")
	assert.Error(t, err, "a slashed day without -datefmt is ambiguous")
	d, err := dayFirst.isoDay("03/01/2026")
	require.NoError(t, err)
	assert.Equal(t, "2026-01-03", d)
	d, err = monthFirst.isoDay("03/01/2026")
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01", d)
	_, err = monthFirst.isoDay("25/01/2026")
	assert.Error(t, err, "there is no 25th month")

	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis,supersedes\n"+
		"fp-80,foro-penal,2026-01-25 09:00,releases,detainees/political,VE,2026-01-25,80,preliminary,named_list,\n"+
		"fp-104,foro-penal,2026-01-25 20:00,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list,fp-80\n"+
		"gov-626,ve-government,2026-01-25,releases,detainees,VE,2025-12-01/..,626,final,announcement,\n")
	best := func(args ...string) string {
		t.Helper()
		code, out, errOut := freedcount(t, append([]string{"reconcile", "-dir", dir, "-format", "csv"}, args...)...)
		require.Equal(t, exitOK, code, errOut)
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "releases,detainees/political,VE,2026-01-25,") {
				return strings.Split(line, ",")[6]
			}
		}
		return ""
	}
	// 20:00 in Caracas is 00:00 UTC on the 26th.
	assert.Equal(t, "80", best("-asof", "2026-01-25T22:00:00Z"), "20:00 is read in Caracas by default")
	assert.Equal(t, "104", best("-asof", "2026-01-25T22:00:00Z", "-tz", "UTC"), "20:00 is read in UTC with -tz UTC")
	assert.Equal(t, "104", best("-asof", "2026-01-25"), "a day alone is its end, in the zone")
	assert.Equal(t, "80", best("-asof", "2026-01-25 19:00"))

	// A claim known to the day only is used once its whole day is over
	// in the zone, never at an invented time.
	code, out, errOut := freedcount(t, "reconcile", "-dir", dir, "-asof", "2026-01-25 23:00")
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "releases of detainees ", "gov-626, stated on the 25th with no time, may have been said after 23:00")
	code, out, errOut = freedcount(t, "reconcile", "-dir", dir, "-asof", "2026-01-26")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "releases of detainees ")
	assert.Contains(t, out, "read in America/Caracas")

	code, _, errOut = freedcount(t, "reconcile", "-dir", dir, "-tz", "Mars/Olympus")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "IANA")
	code, _, errOut = freedcount(t, "reconcile", "-dir", dir, "-datefmt", "yyyy/dd/mm")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "dd/mm/yyyy or mm/dd/yyyy")
}

// TestHelpListsTheAllowedValues: -h of every command that reads files
// lists every allowed value of every column that has them.
func TestHelpListsTheAllowedValues(t *testing.T) {
	for _, c := range []string{"init", "check", "reconcile", "report", "link"} {
		code, out, _ := freedcount(t, c, "-h")
		require.Equal(t, exitOK, code, c)
		for _, col := range []string{"kind", "method", "measure", "status", "basis", "relative_kind"} {
			for _, v := range allowedValues(col) {
				assert.Contains(t, out, v, "%s -h lacks %s value %s", c, col, v)
			}
		}
		assert.Contains(t, out, "detainees/political", c)
	}
	code, out, _ := freedcount(t, "-h")
	require.Equal(t, exitOK, code)
	for _, c := range commands() {
		assert.Contains(t, out, c.name)
	}
	code, _, _ = freedcount(t)
	assert.Equal(t, exitUsage, code)
}

// TestTemplatesListEveryAllowedValueAndReadAsEmpty: each template's notes
// list every allowed value of its columns, and the templates, unfilled,
// are good files with nothing in them.
func TestTemplatesListEveryAllowedValueAndReadAsEmpty(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := freedcount(t, "init", dir)
	require.Equal(t, exitOK, code, errOut)
	claims, err := os.ReadFile(filepath.Join(dir, "claims.csv"))
	require.NoError(t, err)
	for _, col := range []string{"measure", "status", "basis", "relative_kind"} {
		for _, v := range allowedValues(col) {
			assert.Contains(t, string(claims), v)
		}
	}
	for _, p := range categoryPopulations() {
		assert.Contains(t, string(claims), p)
	}
	sources, err := os.ReadFile(filepath.Join(dir, "sources.csv"))
	require.NoError(t, err)
	for _, col := range []string{"kind", "method"} {
		for _, v := range allowedValues(col) {
			assert.Contains(t, string(sources), v)
		}
	}
	code, out, errOut := freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "No claim yet")
}

func TestNothingIsWrittenWhenAnOutputFails(t *testing.T) {
	code, out, _ := freedcount(t, "reconcile", "-dir", seedDir, "-format", "csv", "-discrepancies", filepath.Join(t.TempDir(), "no", "dir", "d.csv"))
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
}

func TestInterruptedWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"reconcile", "-dir", seedDir}, &out, &errb)
	assert.Equal(t, exitInterrupted, code)
	assert.Empty(t, out.String())
}

// TestReadmeShowsTheSampleOutput keeps the README's sample output of
// reconcile identical to what the command prints.
func TestReadmeShowsTheSampleOutput(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "## For newsrooms\n")
	require.True(t, ok, "README.md has no section \"For newsrooms\"")
	section, _, _ = strings.Cut(section, "\n## ")
	_, shown, ok := strings.Cut(section, "\nprints\n\n```\n")
	require.True(t, ok, "the section shows no output after \"prints\"")
	shown, _, _ = strings.Cut(shown, "```")
	code, out, errOut := freedcount(t, "reconcile", "-sources", filepath.Join(seedDir, "sources.csv"), "-claims", filepath.Join(seedDir, "claims.csv"))
	require.Equal(t, exitOK, code, errOut)
	assert.True(t, strings.HasPrefix(out, shown), "README shows\n%s\nbut the command prints\n%s", shown, out)
	assert.Contains(t, section, "go install github.com/freedcount/freedcount/cmd/freedcount@latest")
	first, _, _ := strings.Cut(string(readme), "## ")
	assert.Contains(t, first, "go run ./examples/venezuela2026\ngo test ./...")
}

// TestCodebookDescribesEveryColumn keeps CODEBOOK.md from going stale:
// every column of every record type that package interchange knows, every
// key of a policy file, and every allowed value of every column that has
// them appear in it.
func TestCodebookDescribesEveryColumn(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "CODEBOOK.md"))
	require.NoError(t, err)
	book := string(b)
	for _, r := range interchange.Records() {
		for _, c := range interchange.Columns(r) {
			assert.Contains(t, book, "`"+c+"`", "CODEBOOK.md lacks column %s of %s", c, r)
		}
	}
	for _, k := range interchange.PolicyKeys() {
		assert.Contains(t, book, "`"+k+"`", "CODEBOOK.md lacks policy key %s", k)
	}
	for _, col := range []string{"kind", "method", "measure", "status", "basis", "relative_kind", "best"} {
		for _, v := range allowedValues(col) {
			assert.Contains(t, book, "`"+v+"`", "CODEBOOK.md lacks value %s of %s", v, col)
		}
	}
	for _, v := range names[source.QuantityKind]() {
		assert.Contains(t, book, "`"+v+"`", "CODEBOOK.md lacks quantity kind %s", v)
	}
	for _, v := range slices.Concat(names[release.Sex](), names[release.Category](), names[release.EventKind](), names[release.Terms](), names[reconcile.Cause]()) {
		assert.Contains(t, book, "`"+v+"`", "CODEBOOK.md lacks value %s", v)
	}
	for _, p := range categoryPopulations() {
		assert.Contains(t, book, "`"+p+"`")
	}
}

// writeLists writes three INVENTED registers of released people that
// share people, with the same names and IDs where they do, and returns the
// number of distinct people on them.
func writeLists(t *testing.T, dir string) int {
	t.Helper()
	first := []string{"Ana", "Luis", "Carmen", "José", "María", "Pedro", "Rosa", "Juan", "Elena", "Carlos"}
	last := []string{"Pérez", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez"}
	on := map[string]func(i int) bool{
		"ngo":    func(i int) bool { return i%2 == 0 || i%7 == 0 },
		"gov":    func(i int) bool { return i%3 != 1 },
		"church": func(i int) bool { return i%5 == 0 || i%4 == 1 },
	}
	seen := map[int]bool{}
	for name, has := range on {
		var b strings.Builder
		b.WriteString("id,name,national_id,birth_year,region\n")
		for i := range 120 {
			if !has(i) {
				continue
			}
			seen[i] = true
			fmt.Fprintf(&b, "%s-%d,%s %s %s %s,V%d,%d,VE\n", name, i, first[i%10], first[(i/10)%10], last[i%11], last[(i/11)%11], 10000000+i*7919, 1950+i%50)
		}
		writeFile(t, filepath.Join(dir, name+".csv"), b.String())
	}
	return len(seen)
}

// TestLinkThenEstimate links three lists into people, writes the
// verifications, and estimates from them; no register ID or name is
// printed.
func TestLinkThenEstimate(t *testing.T) {
	dir := t.TempDir()
	people := writeLists(t, dir)
	ver := filepath.Join(dir, "verifications.csv")
	code, out, errOut := freedcount(t, "link", "-region", "VE", "-period", "25/01/2026", "-datefmt", "dd/mm/yyyy", "-stated", "2026-01-25", "-o", ver,
		"ngo="+filepath.Join(dir, "ngo.csv"), "gov="+filepath.Join(dir, "gov.csv"), "church="+filepath.Join(dir, "church.csv"))
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, fmt.Sprintf("lists: %d distinct people", people))
	assert.Contains(t, out, "Venezuela, 25 January 2026")
	for _, secret := range []string{"ngo-", "gov-", "church-", "V1000", "Pérez"} {
		assert.NotContains(t, out+errOut, secret)
	}
	code, out, errOut = freedcount(t, "estimate", ver)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, fmt.Sprintf("VE: %d people documented", people))
	assert.Regexp(t, `best model \S+: about \d+ released, \d+ to \d+`, out)
	for _, secret := range []string{"ngo-", "gov-", "church-"} {
		assert.NotContains(t, out+errOut, secret)
	}

	// Two lists are refused with the reason, not estimated.
	code, _, errOut = freedcount(t, "link", "-region", "VE", "-period", "2026-01-25", "-stated", "2026-01-25", "-o", ver,
		"ngo="+filepath.Join(dir, "ngo.csv"), "gov="+filepath.Join(dir, "gov.csv"))
	require.Equal(t, exitOK, code, errOut)
	code, out, errOut = freedcount(t, "estimate", ver)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, out, "not estimated")
	assert.Contains(t, errOut, "no stratum could be estimated")

	code, _, errOut = freedcount(t, "link", "-region", "VE", "ngo="+filepath.Join(dir, "ngo.csv"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "two lists or more")
	assert.Contains(t, errOut, "-period")
}

func TestCheckRefusesAPolicyNamingUnknownSources(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(seedDir, "sources.csv"), filepath.Join(dir, "sources.csv"))
	copyFile(t, filepath.Join(seedDir, "claims.csv"), filepath.Join(dir, "claims.csv"))
	writeFile(t, filepath.Join(dir, "policy.json"), `{"best": "hierarchy", "hierarchy": ["foro-penall"]}`)
	code, _, errOut := freedcount(t, "check", "-dir", dir)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `column hierarchy "foro-penall": no such source among the sources; did you mean "foro-penal"?`)
	code, _, _ = freedcount(t, "reconcile", "-dir", dir)
	assert.Equal(t, exitInput, code)
}

// TestProgressIsShownForLongWork: work that takes over a second says so
// on standard error, and says when it is done.
func TestProgressIsShownForLongWork(t *testing.T) {
	if testing.Short() {
		t.Skip("waits over a second for the progress line")
	}
	var errb bytes.Buffer
	finish := make(chan struct{})
	go func() {
		time.Sleep(1500 * time.Millisecond)
		close(finish)
	}()
	err := work(context.Background(), &errb, "linking", func() error { <-finish; return nil })
	require.NoError(t, err)
	assert.Contains(t, errb.String(), "freedcount: linking…")
	assert.Contains(t, errb.String(), "linking: done in")

	errb.Reset()
	require.NoError(t, work(context.Background(), &errb, "quick", func() error { return nil }))
	assert.Empty(t, errb.String(), "work under a second prints nothing")
}

func TestCheckNotesASourceWeighingNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "sources.csv"), "id,name,kind,method,confidence\nfp,Foro Penal,ngo,verifies_identities,0\n")
	writeFile(t, filepath.Join(dir, "claims.csv"), "id,source,stated,measure,population,region,period,quantity,status,basis\n"+
		"a,fp,2026-01-25,releases,detainees/political,VE,2026-01-25,80,final,named_list\n")
	code, out, errOut := freedcount(t, "check", "-dir", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "source fp has a weight of 0")
}

// TestRatioOnlyForOnePeriod: in the seed, 626 detainees over two months
// against Foro Penal's 104 of one day has no ratio in the command's
// outputs (an empty CSV cell, null in JSON), while 626 against about 313
// over the same two months keeps its ratio of 2; the library's
// Discrepancy.Ratio keeps its value.
func TestRatioOnlyForOnePeriod(t *testing.T) {
	code, out, errOut := freedcount(t, "reconcile", "-dir", seedDir, "-all", "-format", "json")
	require.Equal(t, exitOK, code, errOut)
	ratios := make(map[string]any)
	for line := range strings.Lines(out) {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		if rec["record"] != "discrepancy" {
			continue
		}
		require.Contains(t, rec, "ratio")
		ratios[fmt.Sprint(rec["a_claim"])+"/"+fmt.Sprint(rec["b_claim"])] = rec["ratio"]
	}
	assert.Equal(t, map[string]any{"gov-626/fp-104": nil, "gov-626/fp-half": 2.0, "fp-half/fp-104": nil, "fp-104/fp-80": 1.3}, ratios)

	file := filepath.Join(t.TempDir(), "d.csv")
	code, _, errOut = freedcount(t, "reconcile", "-dir", seedDir, "-all", "-format", "csv", "-discrepancies", file)
	require.Equal(t, exitOK, code, errOut)
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := slices.Index(rows[0], "ratio")
	require.GreaterOrEqual(t, col, 0)
	got := make(map[string]string)
	for _, r := range rows[1:] {
		got[r[0]+"/"+r[8]] = r[col]
	}
	assert.Equal(t, map[string]string{"gov-626/fp-104": "", "gov-626/fp-half": "2", "fp-half/fp-104": "", "fp-104/fp-80": "1.3"}, got)

	// What the command writes, the library reads back, in both formats.
	back, err := os.Open(file)
	require.NoError(t, err)
	defer back.Close()
	ds, err := interchange.ReadDiscrepancies(back, interchange.CSV)
	require.NoError(t, err)
	assert.Len(t, ds, len(rows)-1)
	var discJSON strings.Builder
	for line := range strings.Lines(out) {
		if strings.Contains(line, `"record":"discrepancy"`) {
			discJSON.WriteString(line)
		}
	}
	ds, err = interchange.ReadDiscrepancies(strings.NewReader(discJSON.String()), interchange.JSONL)
	require.NoError(t, err)
	assert.Len(t, ds, len(ratios))
}
