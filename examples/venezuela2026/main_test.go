package main

import (
	"os"
	"strings"
	"testing"
)

// Example pins the program's output: the figures, the claims behind them,
// the claims set aside and the discrepancy, as the README promises.
func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// Releases in Venezuela, as reported by AFP on 26 January 2026
	//
	//   figure                                                verified  low  best  high   consensus  confidence
	//   political prisoners released on Sunday 25 January          104  104  104+   344  [104, 344]           1
	//   political prisoners released since 1 December              104  313   313   313  [282, 344]           1
	//   detainees released since 1 December                        104  626   626   626  [626, 626]           1
	//
	// "104+": Foro Penal's count "is not yet definitive and could increase": a lower bound,
	// never a maximum. The high of 344 for Sunday is the cap that its own "about half as
	// many" since 1 December (about 313, at most 344) gives. Verified: the 104 releases
	// Foro Penal counted from its named list.
	//
	// Claims behind each figure
	//   political prisoners released on Sunday 25 January: fp-104
	//     capped at 344 by the wider scope: fp-half
	//   political prisoners released since 1 December: fp-half
	//     capped at 626 by the wider scope: gov-626
	//   detainees released since 1 December: gov-626
	//     floor 313 from its parts: fp-half
	//
	// Claims set aside
	//   afp-fp-104 relayed by afp: the same statement as fp-104, counted once
	//   fp-80 (80) superseded by fp-104
	//
	// Discrepancies: 0 material; supersession 1; different_population 1; different_period 1 (explained by their cause)
	//   Government of Venezuela (gov-626): 626 releases of detainees @ VE 2025-12-01/2026-01-25
	//   Foro Penal (fp-104): 104 releases of detainees/political @ VE 2026-01-25/2026-01-25
	//     cause: different_population; the scopes also differ in: different_period; nested: true; conflict: false
	//   Government of Venezuela (gov-626): 626 releases of detainees @ VE 2025-12-01/2026-01-25
	//   Foro Penal (fp-half): about 313 releases of detainees/political @ VE 2025-12-01/2026-01-25
	//     cause: different_population; the scopes also differ in: -; nested: true; conflict: false
}

// TestReportSaysWhyTheSourcesDiffer checks the sentence the report turns
// on: 626 detainees against about 313 political prisoners is a difference
// of population, not a conflict.
func TestReportSaysWhyTheSourcesDiffer(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"about 313 releases of detainees/political",
		"cause: different_population; the scopes also differ in: -; nested: true; conflict: false",
		"fp-80 (80) superseded by fp-104",
		"afp-fp-104 relayed by afp",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
