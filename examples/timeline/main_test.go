package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// element is an SVG element as the test sees it.
type element struct {
	name  string
	attrs map[string]string
}

// parse decodes svg as XML, failing the test if it is not well-formed, and
// returns its elements in document order.
func parse(t *testing.T, svg []byte) []element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var out []element
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				require.Equal(t, "svg", tok.Name.Local)
				require.Equal(t, "http://www.w3.org/2000/svg", tok.Name.Space)
			}
			depth++
			e := element{name: tok.Name.Local, attrs: make(map[string]string)}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
		case xml.EndElement:
			depth--
		}
	}
	require.Zero(t, depth)
	return out
}

func draw1(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errOut), errOut.String())
	return out.Bytes()
}

func count(els []element, name, class string) int {
	n := 0
	for _, e := range els {
		if e.name == name && slices.Contains(strings.Fields(e.attrs["class"]), class) {
			n++
		}
	}
	return n
}

func markedClaims(els []element) []string {
	var claims []string
	for _, e := range els {
		if e.name == "g" && e.attrs["class"] == "marker" {
			claims = append(claims, e.attrs["data-claim"])
		}
	}
	return claims
}

// TestRunningTotalMarksOnlyClaimsOfItsScope draws the seed report's
// running total of political prisoners since 1 December: the band, the
// best line, the verified floor, and a marker for the one claim about that
// scope ("about half as many") — not the government's count of detainees
// nor Foro Penal's one-day counts, which are other scopes.
func TestRunningTotalMarksOnlyClaimsOfItsScope(t *testing.T) {
	svg := draw1(t)
	els := parse(t, svg)
	assert.Equal(t, 1, count(els, "path", "band"), "one low–high band: the figures are known on 25 January only")
	assert.Equal(t, 1, count(els, "polyline", "best"))
	assert.Equal(t, 1, count(els, "polyline", "verified"), "Foro Penal's named list verifies 104")
	assert.ElementsMatch(t, []string{"fp-half"}, markedClaims(els))
	assert.Contains(t, string(svg), "from 1 December 2025 to 25 January 2026", "the title names the axis's days")
}

// TestDailyChartMarksTheOneDayCounts draws the one-day counts: Foro
// Penal's 80, then 104, and AFP's copy of the 104.
func TestDailyChartMarksTheOneDayCounts(t *testing.T) {
	els := parse(t, draw1(t, "-daily"))
	assert.ElementsMatch(t, []string{"fp-80", "fp-104", "afp-fp-104"}, markedClaims(els))
	assert.Equal(t, 3, count(els, "g", "label"), "each claim is labelled")
}

func TestChartIsDeterministic(t *testing.T) {
	assert.Equal(t, draw1(t), draw1(t))
}

// TestSeedIsTheSampleOfTheReconcileCommand keeps the embedded copy of the
// seed report identical to examples/reconcile/testdata.
func TestSeedIsTheSampleOfTheReconcileCommand(t *testing.T) {
	for _, name := range []string{"sources.csv", "claims.csv"} {
		want, err := os.ReadFile(filepath.Join("..", "reconcile", "testdata", name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("seed", name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "seed/%s differs from ../reconcile/testdata/%s", name, name)
	}
}

func TestChartOfOwnFilesAndRange(t *testing.T) {
	out := filepath.Join(t.TempDir(), "chart.svg")
	draw1(t, "-sources", "seed/sources.csv", "-claims", "seed/claims.csv", "-last", "2026-02-05", "-lang", "es",
		"-title", "Since December <all of it>", "-o", out)
	svg, err := os.ReadFile(out)
	require.NoError(t, err)
	els := parse(t, svg)
	assert.NotEmpty(t, els)
	assert.Contains(t, string(svg), "Since December &lt;all of it&gt;")
}

func TestBadInputIsReported(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-sources", "seed/sources.csv", "-claims", "seed/missing.csv"}, &out, &errOut))
	assert.Empty(t, out.String())
	assert.Equal(t, 2, run([]string{"-sources", "seed/sources.csv"}, &out, &errOut))
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "-population")
}
