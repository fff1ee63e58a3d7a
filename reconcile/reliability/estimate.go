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

// objectKey is one object of truth discovery: a measure over a resolved
// scope (from [Estimate]), or a key (from [EstimateClaims]).
type objectKey struct {
	m source.Measure
	s release.Scope
	k ObjectKey
}

func compareKey(a, b objectKey) int {
	if c := cmp.Compare(a.m, b.m); c != 0 {
		return c
	}
	if c := a.s.Compare(b.s); c != 0 {
		return c
	}
	return cmp.Compare(a.k, b.k)
}

// unbounded is the high end of an interval with no upper limit; counts never
// exceed source.MaxCount.
const unbounded = math.MaxInt

// Estimate learns from e how far to trust each source: its accuracy, its
// copy rate and a weight for [reconcile.Policy.SourceWeights], together
// with the figure it believes for each object, a measure over a resolved
// scope. It reads the claims as package reconcile does under opt.Policy
// (only live claims count: relays folded, superseded and retracted claims
// dropped, relative quantities resolved), and runs the estimation
// described in the package documentation. It is an adapter over the model
// that [EstimateClaims] runs on generic claims: each live claim becomes a
// claim about the object (measure, resolved scope), with the interval its
// quantity admits under the policy and its stated figures; of two live
// claims of one source on one object, the one kept is chosen as
// [EstimateClaims] chooses it, by stated moment and content, never by ID.
//
// The result depends on the evidence set and the options only, bit for bit:
// not on the order in which the evidence was built, nor on the sources' or
// claims' names (renaming sources renames the result and changes no
// number). It fails only if opt is invalid.
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

// read turns the live claims of e, as ix reads them, into the model's
// input.
func (m *model) read(e reconcile.Evidence, ix *reconcile.Index) {
	srcs := make([]sourceDecl, 0, e.NumSources())
	for s := range e.Sources() {
		srcs = append(srcs, sourceDecl{id: s.ID, group: s.IndependenceGroup()})
	}
	in := make([]input, 0, e.NumClaims())
	for c := range e.Claims() {
		r, ok := ix.Reading(c.ID)
		if !ok || r.State != reconcile.Live || !r.Quantity.IsValid() {
			continue // not live, or a relative quantity without its base
		}
		lo, hi := r.Quantity.Stated()
		ivHi, bounded := r.Interval.Hi()
		if !bounded {
			ivHi = unbounded
		}
		in = append(in, input{
			key: objectKey{m: r.Measure, s: r.Scope}, id: c.ID, src: c.Source,
			lo: r.Interval.Lo(), hi: ivHi,
			stated: [2]int{r.Interval.Clamp(lo), r.Interval.Clamp(hi)},
			at:     c.Stated,
		})
	}
	m.load(srcs, in)
}

// load builds the model's plain representation of the claims: sources in
// order of ID (srcs must be so, without repeats, and name every source of
// in), objects in order of key, and in each object one claim per source.
// A source's zero group is a group of its own.
func (m *model) load(srcs []sourceDecl, in []input) {
	type groupKey struct {
		g    source.Group
		solo source.SourceID
	}
	srcIndex := make(map[source.SourceID]int32, len(srcs))
	groupIndex := map[groupKey]int32{}
	for _, s := range srcs {
		srcIndex[s.id] = int32(len(m.ids))
		m.ids = append(m.ids, s.id)
		k := groupKey{g: s.group}
		if !s.group.IsValid() {
			k.solo = s.id
		}
		n, ok := groupIndex[k]
		if !ok {
			n = int32(len(groupIndex))
			groupIndex[k] = n
		}
		m.group = append(m.group, n)
	}
	objOf := map[objectKey]int32{}
	for _, c := range in {
		n, ok := objOf[c.key]
		if !ok {
			n = int32(len(m.objects))
			objOf[c.key] = n
			m.objects = append(m.objects, object{key: c.key})
		}
		m.objects[n].claims = append(m.objects[n].claims, claimRec{
			ids: []source.ClaimID{c.id}, src: srcIndex[c.src],
			lo: c.lo, hi: c.hi, stated: c.stated, at: c.at,
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

// prepare keeps one claim per source (see keepFirst: the latest, then by
// content; claims alike are one, with all their IDs), finds the candidate
// figures, and sorts the claims by form.
func (o *object) prepare() {
	slices.SortFunc(o.claims, func(a, b claimRec) int {
		if c := cmp.Compare(a.src, b.src); c != 0 {
			return c
		}
		return keepFirst(&a, &b)
	})
	kept := o.claims[:0]
	for j := range o.claims {
		c := o.claims[j]
		if k := len(kept) - 1; k >= 0 && kept[k].src == c.src {
			if keepFirst(&kept[k], &c) == 0 { // the same statement again
				kept[k].ids = append(kept[k].ids, c.ids...)
			}
			continue
		}
		kept = append(kept, c)
	}
	o.claims = kept
	for j := range o.claims {
		slices.SortFunc(o.claims[j].ids, source.ClaimID.Compare)
	}
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
			Measure: o.key.m, Scope: o.key.s, Key: o.key.k, Value: v,
			Probability: roundDec(post[best], 6), Contested: o.contested,
		}
		for _, c := range o.claims {
			if c.lo <= v && v <= c.hi {
				out.Support = append(out.Support, c.ids...)
			} else {
				out.Against = append(out.Against, c.ids...)
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
