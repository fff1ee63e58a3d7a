package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release/releasetest"
)

// TestRunNeverPrintsNamesOrNationalIDs checks the privacy promise of the
// example: its invented people appear by register key only.
func TestRunNeverPrintsNamesOrNationalIDs(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, p := range append(append([]person(nil), ngoList...), govList...) {
		// As written, in any case, without accents, word by word (of
		// five letters or more), the digits of the cédula.
		if form, ok := releasetest.FindSecret(out, p.name, p.nationalID); ok {
			t.Errorf("output shows personal data %q of %s: ...%s...", form, p.key, releasetest.Around(out, form))
		}
	}
	if !strings.HasPrefix(out, "INVENTED DATA") {
		t.Errorf("output does not start by saying the data is invented")
	}
}

// Example pins the program's output: the people verified by each list and
// by both, the remainder of the government's figure, the pairs kept apart,
// and the explanation of one link.
func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// INVENTED DATA: every name and national ID below the code is made up.
	//
	// Releases of political prisoners in Venezuela on Sunday 25 January 2026
	// 18 records in two lists, 12 distinct people
	//
	//       source  records  people
	//          gov       10      10
	//          ngo        8       7
	//   both lists       18      12
	//
	// The government announced 15 releases: 12 verified by name, 3 not yet identified.
	//
	// People with more than one record
	//   gov/G-101: [gov/G-101 ngo/FP-01]
	//   gov/G-102: [gov/G-102 ngo/FP-03]
	//   gov/G-103: [gov/G-103 ngo/FP-04]
	//   gov/G-105: [gov/G-105 ngo/FP-06]
	//   gov/G-106: [gov/G-106 ngo/FP-08]
	//   ngo/FP-02: [ngo/FP-02 ngo/FP-07]
	//
	// Kept apart for review: gov/G-104 and ngo/FP-05 score +24.453 bits, but their national_id values differ
	//
	// Why one link was made (weights in bits; the score is the log-odds of one person)
	// ngo/FP-03 ~ gov/G-102: score +14.930 bits, linked
	//   prior                        -3.851
	//   name           contained     +7.372 (+1.796 for frequency)
	//   national_id    missing        0.000
	//   birth_year     exact         +7.498
	//   sex            missing        0.000
	//   region         exact         +3.911
	//   facility       missing        0.000
	//
	// Pairs to review: 1 (0 scoring within 10 bits of even odds, 1 refused)
	// Model saved (format version 1), trained on 18 records of 2 lists
	// Next month's families' list, linked with the saved model: 3 records, 2 of them already on the government's list
}

// TestRunWritesTheReviewFiles checks the files of -out: the review file
// reads back (nothing decided yet), the page is self-contained, the model
// reads back, and the charts are SVG.
func TestRunWritesTheReviewFiles(t *testing.T) {
	dir := t.TempDir()
	if err := runTo(io.Discard, dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if ds, err := link.ReadDecisions(bytes.NewReader(read("review.csv"))); err != nil || len(ds) != 0 {
		t.Errorf("review.csv: %d decisions, %v", len(ds), err)
	}
	if _, err := link.ReadModel(bytes.NewReader(read("model.json"))); err != nil {
		t.Errorf("model.json: %v", err)
	}
	if page := string(read("review.html")); !strings.HasPrefix(page, "<!DOCTYPE html>") || strings.Contains(page, "https://") {
		t.Errorf("review.html is not a self-contained page")
	}
	for _, name := range []string{"accuracy.svg", "why.svg"} {
		if !bytes.HasPrefix(read(name), []byte("<svg")) {
			t.Errorf("%s is not SVG", name)
		}
	}
}
