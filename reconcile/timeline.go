package reconcile

import (
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Timeline reads the figure for measure m over scope s as the evidence
// stood at each moment of at ([Evidence.AsOf]), in the order given: how the
// count evolved as statements came in. No figure uses a claim stated after
// its moment. It fails if p, m or s is invalid.
func Timeline(e Evidence, p Policy, m source.Measure, s release.Scope, at []time.Time) ([]Figure, error) {
	out := make([]Figure, 0, len(at))
	for _, t := range at {
		ix, err := NewIndex(e.AsOf(t), p)
		if err != nil {
			return nil, err
		}
		f, err := ix.Figure(m, s)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}
