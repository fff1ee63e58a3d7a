//go:build race

package reliability_test

// raceDetector reports that the tests run under the race detector, which
// slows the single-threaded estimation tenfold without anything to find.
const raceDetector = true
