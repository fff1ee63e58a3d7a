//go:build race

package mse_test

// raceEnabled reports whether the tests run under the race detector, which
// slows the sampler about tenfold: the simulation then runs its reduced
// form.
const raceEnabled = true
