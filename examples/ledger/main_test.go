package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

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
	for _, d := range people() {
		if form, ok := releasetest.FindSecret(out, d.Name.Reveal(), d.NationalID.Reveal()); ok {
			t.Errorf("output shows personal data %q of %s: ...%s...", form, d, releasetest.Around(out, form))
		}
		if !strings.Contains(out, d.ID.String()) {
			t.Errorf("output misses %s", d.ID)
		}
	}
	if !strings.HasPrefix(out, "INVENTED DATA") {
		t.Errorf("output does not start by saying the data is invented")
	}
	if strings.Contains(out, "false") {
		t.Errorf("a balance does not hold:\n%s", out)
	}
}

func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// INVENTED DATA: the people below do not exist; names and national IDs are never printed.
	//
	// Register:
	//   Detainee(FP-2026-0001)  political_prisoner  VE/Caracas
	//   Detainee(FP-2026-0002)  military            VE/Zulia
	//   Detainee(FP-2026-0003)  journalist          VE/Anzoátegui
	//   Detainee(FP-2026-0004)  foreign_national    VE/Caracas
	//   Detainee(FP-2026-0005)  common_detainee     VE/Carabobo
	//   Detainee(FP-2026-0006)  political_prisoner  VE/Táchira
	// Events:
	//   detained FP-2026-0001 2024-08-02
	//   detained FP-2026-0002 2025-03-14
	//   detained FP-2026-0003 2025-09-20
	//   detained FP-2026-0004 2025-11-05
	//   detained FP-2026-0005 2025-12-10
	//   detained FP-2026-0006 2026-01-05
	//   released FP-2026-0004 2026-01-08 (expelled)
	//   released FP-2026-0001 2026-01-25 (conditional)
	//   released FP-2026-0002 2026-01-25 (conditional)
	//   released FP-2026-0003 2026-01-25 (house_arrest)
	//   released FP-2026-0005 2026-01-25 (unconditional)
	//   detained FP-2026-0003 2026-01-28
	//   released FP-2026-0006 2026-01-30 (conditional)
	//
	// Released within a scope (distinct people):
	//   detainees/political @ VE 2026-01-25/2026-01-25  3
	//   detainees @ VE 2026-01-25/2026-01-25            4
	//   detainees/political @ VE/Caracas 2025-12-01/..  3
	//
	// Held at the end of the day:
	//   2025-12-31, detainees/political @ VE  4
	//   2026-01-25, detainees/political @ VE  1
	//   2026-01-31, detainees/political @ VE  1
	//
	// Detentions opened within a scope (a re-arrest opens a new one):
	//   detainees/political @ VE 2025-12-01/..  2
	//   detainees @ VE 2025-12-01/..            3
	//
	// Released on Sunday and still free:
	//   on 2026-01-27  3 of 3
	//   on 2026-01-31  2 of 3
	//
	// Balance of detainees @ VE (opened = held + closed):
	//   day         opened  held  closed  balanced
	//   2025-12-31  5       5     0       true
	//   2026-01-24  6       5     1       true
	//   2026-01-25  6       1     5       true
	//   2026-01-31  7       1     6       true
}
