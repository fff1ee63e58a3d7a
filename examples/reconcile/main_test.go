package main

import "os"

// Example reads the AFP report of 26 January 2026 and prints its figures.
func Example() {
	if err := run(os.Stdout, "testdata/sources.csv", "testdata/claims.csv"); err != nil {
		panic(err)
	}
	// Output:
	// releases of detainees in VE, 2025-12-01/2026-01-25: verified 104, low 626, best 626, high 626
	// releases of detainees/political in VE, 2025-12-01/2026-01-25: verified 104, low 313, best 313, high 313
	// releases of detainees/political in VE, 2026-01-25/2026-01-25: verified 104, low 104, best 104 or more, high 344
}
