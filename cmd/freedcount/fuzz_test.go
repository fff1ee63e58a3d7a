package main

import (
	"bytes"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
)

// writersNeverFail is the property: whatever evidence and policy, read as
// of any moment, the text, CSV and JSON writers of reconcile write without
// error or panic, and the text never prints a snake_case cause.
func writersNeverFail(t *rapid.T) {
	l := &loaded{
		ev:      reconciletest.Evidence().Draw(t, "evidence"),
		policy:  reconciletest.Policy().Draw(t, "policy"),
		loc:     time.FixedZone("test", rapid.IntRange(-12, 14).Draw(t, "offset")*3600),
		zoneWhy: "a test zone",
	}
	if rapid.Bool().Draw(t, "as of") {
		l.asOf = time.Date(2026, 1, rapid.IntRange(1, 31).Draw(t, "day"), rapid.IntRange(0, 23).Draw(t, "hour"), 0, 0, 0, time.UTC)
	}
	r, err := reconcileAll(l, rapid.Bool().Draw(t, "all"))
	if err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	if len(r.problems) > 0 {
		t.Skip("the policy names sources the evidence lacks")
	}
	var text, js, csv bytes.Buffer
	if err := writeText(&text, r); err != nil {
		t.Fatalf("text: %v", err)
	}
	if err := writeJSON(&js, r); err != nil {
		t.Fatalf("json: %v", err)
	}
	if err := interchange.WriteFigures(&csv, interchange.CSV, r.figs); err != nil {
		t.Fatalf("csv: %v", err)
	}
	for _, bad := range []string{"different_population", "true_conflict", "different_period"} {
		if bytes.Contains(text.Bytes(), []byte(bad)) {
			t.Fatalf("the text prints %q", bad)
		}
	}
}

func TestWritersNeverFail(t *testing.T) { rapid.Check(t, writersNeverFail) }

func FuzzWriters(f *testing.F) { f.Fuzz(rapid.MakeFuzz(writersNeverFail)) }
