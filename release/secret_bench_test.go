package release_test

import (
	"strings"
	"testing"

	"github.com/freedcount/freedcount/release"
)

var sinkString string

// BenchmarkSecret measures the cost of holding a name as a Secret (mask on
// NewSecret, unmask on Reveal) beside the baseline of copying the string
// twice, the allocations a Secret makes.
func BenchmarkSecret(b *testing.B) {
	name := "Yusmary Andreína Peñaloza de Quintero" // invented
	b.Run("baseline=clone", func(b *testing.B) {
		for b.Loop() {
			sinkString = strings.Clone(strings.Clone(name))
		}
	})
	b.Run("NewSecret+Reveal", func(b *testing.B) {
		for b.Loop() {
			sinkString = release.NewSecret(name).Reveal()
		}
	})
}
