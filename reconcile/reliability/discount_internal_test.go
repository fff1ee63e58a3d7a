package reliability

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability/reliabilitytest"
)

// TestRepeatsAreNotIndependentConfirmations checks, on the model's own
// votes, the guarantee the package documents: on every object, the first
// vote of each form keeps its source's full log-odds, and every later vote
// of the form (a claim repeating the same figures) weighs strictly less
// than its source's full log-odds whenever the source's copy rate is
// positive, so that a form's combined weight is below the sum of its
// voters' independent weights.
func TestRepeatsAreNotIndependentConfirmations(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sc := reliabilitytest.Scenarios().Draw(t, "scenario")
		opt := DefaultOptions()
		opt.Start = rapid.SampledFrom([]Start{PooledStart, PriorStart}).Draw(t, "start")
		ix, err := reconcile.NewIndex(sc.Evidence, opt.Policy)
		if err != nil {
			t.Fatal(err)
		}
		m := newModel(opt)
		m.read(sc.Evidence, ix)
		m.run()
		for i := range m.objects {
			o := &m.objects[i]
			m.prepare(o)
			form := int32(-1)
			for _, v := range m.votes {
				c := &o.claims[v.claim]
				lt, lf := m.likelihoods(c.src, 0) // the vote with no chance of repeating
				alone := lt - lf
				got := v.lt - v.lf
				first := c.form != form
				form = c.form
				switch {
				case first && (v.q != 0 || got != alone):
					t.Fatalf("%s: the first vote of a form (q %g) weighs %v, not its full %v", o.key.s, v.q, got, alone)
				case !first && m.cp[c.src] > 0 && v.q > 0 && alone != 0 && abs(got) >= abs(alone):
					t.Fatalf("%s: a repeat (q %g, copy rate %g) weighs %v, as much as alone (%v)", o.key.s, v.q, m.cp[c.src], got, alone)
				case !first && abs(got) > abs(alone):
					t.Fatalf("%s: a repeat weighs %v, more than alone (%v)", o.key.s, got, alone)
				}
			}
		}
	})
}

func abs(f fix) fix {
	if f < 0 {
		return -f
	}
	return f
}
