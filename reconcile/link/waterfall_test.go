package link_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
)

// TestExplanationSVG checks that the waterfall is well-formed XML with a
// row per field, shows the score, and holds no value of the records; with
// FREEDCOUNT_SVG_DIR set, it writes the chart there to look at.
func TestExplanationSVG(t *testing.T) {
	r := mustLink(t, link.DetaineeConfig(), ngoList, govList)
	e, err := r.Explain(link.Ref{Source: ngoList.Source, ID: release.MustDetaineeID("FP-3")},
		link.Ref{Source: govList.Source, ID: release.MustDetaineeID("G-2")})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := e.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	checkXML(t, buf.Bytes())
	svg := buf.String()
	for _, f := range e.Fields {
		if !strings.Contains(svg, f.Field+" ("+f.Level.String()+")") {
			t.Errorf("no row for %s", f.Field)
		}
	}
	if !strings.Contains(svg, e.Score.String()) || !strings.Contains(svg, "frequency") {
		t.Errorf("the chart lacks the score or the frequency adjustment")
	}
	for _, secret := range []string{"Briceño", "BRICENO", "Dayana", "DAYANA", "1991"} {
		if strings.Contains(svg, secret) {
			t.Errorf("the chart shows a value")
		}
	}
	if dir := os.Getenv("FREEDCOUNT_SVG_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "waterfall.svg"), buf.Bytes(), 0o644)
	}
}
