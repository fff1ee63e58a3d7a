//go:build !race

package mse_test

const raceEnabled = false
