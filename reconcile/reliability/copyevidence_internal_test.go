package reliability

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// TestSharedFalseFiguresAreStrongerEvidenceOfCopying checks the copy
// evidence against Dong, Berti-Equille and Srivastava (2009): for a source
// more likely to state the truth than any one wrong figure (A > (1−A)/n),
// the posterior chance that a claim is a repeat never rises as the other
// claims come to believe its figure true, and the odds of copying when they
// believe it wrong are n·A/(1−A) times the odds when they believe it true
// (both to within float64 rounding)
// (the ratio of the rare wrong figure's chance, (1−A)/n, to the truth's,
// A). A claim with nothing to repeat (q = 0) is never a repeat.
func TestSharedFalseFiguresAreStrongerEvidenceOfCopying(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := float64(rapid.IntRange(MinFalseValues, MaxFalseValues).Draw(t, "n"))
		a := rapid.Float64Range(1/(n+1)+1e-9, maxAccuracy).Draw(t, "accuracy")
		c := rapid.Float64Range(1e-6, maxCopy).Draw(t, "copy rate")
		q := rapid.Float64Range(1e-6, 1).Draw(t, "q")
		p1 := rapid.Float64Range(0, 1).Draw(t, "po")
		p2 := rapid.Float64Range(p1, 1).Draw(t, "higher po")
		lo, hi := copyPosterior(a, c, q, p1, n), copyPosterior(a, c, q, p2, n)
		if hi > lo*(1+1e-12) { // within rounding
			t.Fatalf("A %g, c %g, q %g: repeat chance %g when the others believe the figure at %g, more than %g at %g", a, c, q, hi, p2, lo, p1)
		}
		if got := copyPosterior(a, c, 0, p1, n); got != 0 {
			t.Fatalf("a claim with nothing to repeat is a repeat with chance %g", got)
		}
		odds := func(p float64) float64 { return p / (1 - p) }
		f, tr := copyPosterior(a, c, q, 0, n), copyPosterior(a, c, q, 1, n)
		if 1-f < 1e-9 || tr == 0 {
			return // the odds are beyond what float64 resolves to 1e-6
		}
		want := n * a / (1 - a)
		if got := odds(f) / odds(tr); math.Abs(got-want) > 1e-6*want {
			t.Fatalf("A %g, n %g: false sharing is %g times the evidence of true sharing, want n·A/(1−A) = %g", a, n, got, want)
		}
	})
}
