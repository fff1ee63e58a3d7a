package link_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/internal/datatest"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// fakeLabels reads splink's clerical labels of fake_1000 as decisions.
func fakeLabels(t testing.TB) []link.Decision {
	t.Helper()
	head, rows := readCSV(t, filepath.Join(datatest.Dir(t), "splink-fake-1000", "fake_1000_labels.csv"))
	if len(head) != 5 || head[0] != "unique_id_l" || head[4] != "clerical_match_score" {
		t.Fatalf("fake_1000_labels.csv: unexpected header %q", head)
	}
	src := source.MustSourceID("fake")
	var ds []link.Decision
	for _, row := range rows {
		ds = append(ds, link.Decision{
			A:    link.Ref{Source: src, ID: release.MustDetaineeID("r" + row[0])},
			B:    link.Ref{Source: src, ID: release.MustDetaineeID("r" + row[2])},
			Same: row[4] == "1.0" || row[4] == "1",
		})
	}
	return ds
}

// checkCurve checks the invariants of an accuracy table: thresholds
// increasing, linked pairs and recall never increasing with the threshold,
// figures within [0, 1], the linkage's threshold among the points with its
// figures.
func checkCurve(t *testing.T, a link.Accuracy) {
	t.Helper()
	if len(a.Points) == 0 {
		t.Fatal("no points")
	}
	found := false
	for k, p := range a.Points {
		if p.Precision < 0 || p.Precision > 1 || p.Recall < 0 || p.Recall > 1+1e-9 {
			t.Fatalf("point %+v out of range", p)
		}
		if k > 0 {
			q := a.Points[k-1]
			if p.Threshold <= q.Threshold || p.Linked > q.Linked || p.Recall > q.Recall+1e-12 {
				t.Fatalf("points %+v then %+v", q, p)
			}
		}
		found = found || p.Threshold == a.Threshold
	}
	if !found {
		t.Errorf("the threshold %s is not among the points", a.Threshold)
	}
}

// TestAccuracyFromLabels measures precision and recall of fake_1000's
// linkage from splink's clerical labels, and checks them against the
// labels counted directly.
func TestAccuracyFromLabels(t *testing.T) {
	fake, _ := splinkList(t)
	r := mustLink(t, link.Config{Schema: splinkConfig().Schema}, fake)
	ds := fakeLabels(t)
	a, err := r.Accuracy(ds)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", strings.SplitN(a.String(), "\n", 2)[0])
	checkCurve(t, a)
	var tp, linked, same int
	for _, d := range ds {
		in := r.Same(d.A, d.B)
		if in {
			linked++
		}
		if d.Same {
			same++
			if in {
				tp++
			}
		}
	}
	if a.Source != "labels" || a.Labels != len(ds) || int(a.Matches) != same {
		t.Errorf("source %s, %d labels, %.0f matches; want labels, %d, %d", a.Source, a.Labels, a.Matches, len(ds), same)
	}
	if a.Precision != float64(tp)/float64(linked) || a.Recall != float64(tp)/float64(same) {
		t.Errorf("at the threshold P %.4f R %.4f, counted P %.4f R %.4f", a.Precision, a.Recall, float64(tp)/float64(linked), float64(tp)/float64(same))
	}
	if _, err := r.Accuracy([]link.Decision{{A: ds[0].A, B: link.Ref{Source: ds[0].A.Source, ID: release.MustDetaineeID("nope")}}}); !errors.Is(err, link.ErrUnknown) {
		t.Errorf("a decision on an unknown record: %v", err)
	}
}

// TestModelAccuracyIsLabelled checks the model's own estimate: its
// invariants, its label, and that it is near what the labels measure on
// FEBRL4, where the model fits well.
func TestModelAccuracyIsLabelled(t *testing.T) {
	fake, _ := splinkList(t)
	r := mustLink(t, link.Config{Schema: splinkConfig().Schema}, fake)
	a := r.ModelAccuracy()
	checkCurve(t, a)
	if a.Source != "model" || a.Labels != 0 || !strings.Contains(a.String(), "the model's own estimate") {
		t.Errorf("the model's estimate is not labelled so: %s", strings.SplitN(a.String(), "\n", 2)[0])
	}
	t.Logf("%s", strings.SplitN(a.String(), "\n", 2)[0])
}

// TestAccuracySVG checks that the chart is well-formed XML, names its
// source and marks the threshold; with FREEDCOUNT_SVG_DIR set, it writes
// the charts there to look at.
func TestAccuracySVG(t *testing.T) {
	fake, _ := splinkList(t)
	r := mustLink(t, link.Config{Schema: splinkConfig().Schema}, fake)
	fromLabels, err := r.Accuracy(fakeLabels(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]link.Accuracy{"labels": fromLabels, "model": r.ModelAccuracy()} {
		var buf bytes.Buffer
		if err := a.WriteSVG(&buf); err != nil {
			t.Fatal(err)
		}
		checkXML(t, buf.Bytes())
		if !strings.Contains(buf.String(), "chosen") || !strings.Contains(buf.String(), "<polyline") {
			t.Errorf("%s: chart without the threshold or curves", name)
		}
		if dir := os.Getenv("FREEDCOUNT_SVG_DIR"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "accuracy-"+name+".svg"), buf.Bytes(), 0o644)
		}
	}
}

// checkXML fails unless b is well-formed XML.
func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}
