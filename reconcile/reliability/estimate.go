package reliability

import (
	"cmp"
	"math"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// objectKey is a measure over a resolved scope: one object of truth
// discovery.
type objectKey struct {
	m source.Measure
	s release.Scope
}

func compareKey(a, b objectKey) int {
	if c := cmp.Compare(a.m, b.m); c != 0 {
		return c
	}
	return a.s.Compare(b.s)
}

// unbounded is the high end of an interval with no upper limit; counts never
// exceed source.MaxCount.
const unbounded = math.MaxInt

// Estimate learns from e how far to trust each source: its accuracy, its
// copy rate and a weight for [reconcile.Policy.SourceWeights], together
// with the figure it believes for each object. It reads the claims as
// package reconcile does under opt.Policy (only live claims count: relays
// folded, superseded and retracted claims dropped, relative quantities
// resolved), takes at most one claim per source and object (the first by
// ID), and runs the estimation described in the package documentation.
//
// The result depends on the evidence set and the options only, bit for bit:
// not on the order in which the evidence was built, nor on the sources'
// names (renaming sources renames the result and changes no number, except
// where a source has two live claims on one object and the first by ID is
// kept). It fails only if opt is invalid.
func Estimate(e reconcile.Evidence, opt Options) (Result, error) {
	if err := opt.Validate(); err != nil {
		return Result{}, err
	}
	ix, err := reconcile.NewIndex(e, opt.Policy)
	if err != nil { // unreachable: the policy was validated
		return Result{}, policyErr(err)
	}
	m := newModel(opt)
	m.read(e, ix)
	m.run()
	return m.result(), nil
}

// read builds the model's plain representation of the evidence: sources in
// order of ID, objects in order of measure and scope, and in each object
// one claim per source.
func (m *model) read(e reconcile.Evidence, ix *reconcile.Index) {
	srcIndex := make(map[source.SourceID]int32, e.NumSources())
	groupIndex := map[source.Group]int32{}
	for s := range e.Sources() {
		srcIndex[s.ID] = int32(len(m.ids))
		m.ids = append(m.ids, s.ID)
		g := s.IndependenceGroup()
		n, ok := groupIndex[g]
		if !ok {
			n = int32(len(groupIndex))
			groupIndex[g] = n
		}
		m.group = append(m.group, n)
	}
	objOf := map[objectKey]int32{}
	for c := range e.Claims() {
		r, ok := ix.Reading(c.ID)
		if !ok || r.State != reconcile.Live || !r.Quantity.IsValid() {
			continue
		}
		k := objectKey{r.Measure, r.Scope}
		n, ok := objOf[k]
		if !ok {
			n = int32(len(m.objects))
			objOf[k] = n
			m.objects = append(m.objects, object{key: k})
		}
		lo, hi := r.Quantity.Stated()
		ivHi, bounded := r.Interval.Hi()
		if !bounded {
			ivHi = unbounded
		}
		m.objects[n].claims = append(m.objects[n].claims, claimRec{
			id: c.ID, src: srcIndex[c.Source],
			lo: r.Interval.Lo(), hi: ivHi,
			stated: [2]int{r.Interval.Clamp(lo), r.Interval.Clamp(hi)},
		})
	}
	slices.SortFunc(m.objects, func(a, b object) int { return compareKey(a.key, b.key) })
	for i := range m.objects {
		o := &m.objects[i]
		o.prepare()
		// Contested: more than one independent voice speaks.
		for _, c := range o.claims[1:] {
			if m.group[c.src] != m.group[o.claims[0].src] {
				o.contested = true
				break
			}
		}
	}
	m.claims = make([]int, len(m.ids))
	m.contested = make([]int, len(m.ids))
	for i := range m.objects {
		o := &m.objects[i]
		for j := range o.claims {
			m.claims[o.claims[j].src]++
			if o.contested && o.claims[j].side {
				m.contested[o.claims[j].src]++
			}
		}
	}
}

// prepare keeps one claim per source (the first by ID, as claims arrive in
// ID order), finds the candidate figures, and sorts the claims by form.
func (o *object) prepare() {
	// Claims arrived in order of ID: a stable sort by source keeps the first
	// of each source first.
	slices.SortStableFunc(o.claims, func(a, b claimRec) int { return cmp.Compare(a.src, b.src) })
	o.claims = slices.CompactFunc(o.claims, func(a, b claimRec) bool { return a.src == b.src })
	for _, c := range o.claims {
		o.cands = append(o.cands, c.stated[0], c.stated[1])
	}
	slices.Sort(o.cands)
	o.cands = slices.Compact(o.cands)
	for j := range o.claims {
		c := &o.claims[j]
		from, _ := slices.BinarySearch(o.cands, c.lo)
		to, found := slices.BinarySearch(o.cands, c.hi) // the first candidate above hi
		if found {
			to++
		}
		c.from, c.to = int32(from), int32(to)
		// A claim takes a side when its interval leaves out some stated
		// figure, or when it states a single figure.
		c.side = c.lo == c.hi || c.from > 0 || int(c.to) < len(o.cands)
	}
	// Forms: claims with the same interval and stated figures are copies of
	// one statement, as far as the figures tell.
	slices.SortFunc(o.claims, func(a, b claimRec) int {
		if c := cmp.Compare(a.lo, b.lo); c != 0 {
			return c
		}
		if c := cmp.Compare(a.hi, b.hi); c != 0 {
			return c
		}
		if c := cmp.Compare(a.stated[0], b.stated[0]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.stated[1], b.stated[1]); c != 0 {
			return c
		}
		return cmp.Compare(a.src, b.src)
	})
	form := int32(-1)
	for j := range o.claims {
		if j == 0 || !o.claims[j].sameForm(&o.claims[j-1]) {
			form++
		}
		o.claims[j].form = form
	}
	o.forms = int(form) + 1
}

func (c *claimRec) sameForm(d *claimRec) bool {
	return c.lo == d.lo && c.hi == d.hi && c.stated == d.stated
}

// result turns the model's state into a Result with decimals.
func (m *model) result() Result {
	r := Result{
		Iterations:    m.iterations,
		Converged:     m.converged,
		Change:        decimal.NewFromFloat(m.change),
		PriorAccuracy: roundDec(m.prior, 6),
	}
	raw := make([]float64, len(m.ids))
	top := 0.0
	for s := range m.ids {
		raw[s] = m.voteWeight(s)
		top = max(top, raw[s])
	}
	r.Sources = make([]SourceReliability, len(m.ids))
	for s, id := range m.ids {
		w := decimal.Zero
		if top > 0 && raw[s] > 0 {
			w = roundDec(raw[s]/top, 6)
			if w.Sign() == 0 { // never round a positive weight to zero
				w = decimal.New(1, -6)
			}
		}
		acc := roundDec(m.acc[s], 6)
		r.Sources[s] = SourceReliability{
			Source:    id,
			Weight:    w,
			Accuracy:  acc,
			Error:     decimal.NewFromInt(1).Sub(acc),
			Copying:   roundDec(m.cp[s], 6),
			Claims:    m.claims[s],
			Contested: m.contested[s],
		}
	}
	r.Objects = make([]Object, len(m.objects))
	for i := range m.objects {
		o := &m.objects[i]
		base := m.prepare(o)
		post := m.posterior(o, base, m.diff, m.full)
		m.full = post
		best := 0
		for k := range post {
			if post[k] > post[best] {
				best = k
			}
		}
		v := o.cands[best]
		out := Object{
			Measure: o.key.m, Scope: o.key.s, Value: v,
			Probability: roundDec(post[best], 6), Contested: o.contested,
		}
		for _, c := range o.claims {
			if c.lo <= v && v <= c.hi {
				out.Support = append(out.Support, c.id)
			} else {
				out.Against = append(out.Against, c.id)
			}
		}
		slices.SortFunc(out.Support, source.ClaimID.Compare)
		slices.SortFunc(out.Against, source.ClaimID.Compare)
		r.Objects[i] = out
	}
	return r
}

// roundDec returns x rounded to places decimal places, without trailing
// zeros, so that equal estimates encode identically.
func roundDec(x float64, places int32) decimal.Decimal {
	return source.Canonical(decimal.NewFromFloat(x).Round(places))
}
