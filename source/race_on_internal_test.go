//go:build race

package source

// raceEnabled is true when the tests run under the race detector, which
// makes exhaustive loops over all of Unicode too slow; they then sample.
const raceEnabled = true
