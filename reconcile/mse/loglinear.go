package mse

import (
	"cmp"
	"errors"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/freedcount/freedcount/source"
)

// Reasons a model has no finite estimate, wrapped in a FieldError with
// ErrNotEstimable.
var (
	errSingular = errors.New("information matrix singular: the data do not determine every coefficient")
	errDiverged = errors.New("the fit does not converge: a coefficient runs off to infinity")
)

// MinLogLinearLists is the fewest usable lists a log-linear model is fitted
// to; see the package documentation for why.
const MinLogLinearLists = 3

// design is the table a log-linear model is fitted to: the usable lists of
// a stratum and their pairs.
type design struct {
	h     Histories // restricted to the usable lists
	k     int
	pairs [][2]int // pairs of list positions, (0,1), (0,2), …, (k−2, k−1)
	meet  []int    // people on both lists of each pair
}

// prepare applies the stratum rule: an empty stratum, fewer than
// MinLogLinearLists usable lists, or no one on two lists is refused.
func prepare(h Histories) (*design, error) {
	if err := checkTable(h); err != nil {
		return nil, err
	}
	name := h.stratum.String()
	use := h.usable()
	if k := bits.OnesCount(use); k < MinLogLinearLists {
		var names []ListID
		for i, l := range h.lists {
			if use&(1<<i) != 0 {
				names = append(names, l)
			}
		}
		return nil, fieldErr("Histories", name, ErrTooFewLists,
			"%d of %d lists document someone here (%s); a log-linear model needs %d",
			k, len(h.lists), listNames(names), MinLogLinearLists)
	}
	if use != uint(len(h.counts)-1) {
		h = h.restrict(use)
	}
	multi := 0
	for c := 1; c < len(h.counts); c++ {
		if bits.OnesCount(uint(c)) >= 2 {
			multi += h.counts[c]
		}
	}
	if multi == 0 {
		return nil, fieldErr("Histories", name, ErrNoOverlap, "no one is on two or more lists")
	}
	d := &design{h: h, k: len(h.lists)}
	for i := range d.k {
		for j := i + 1; j < d.k; j++ {
			d.pairs = append(d.pairs, [2]int{i, j})
			d.meet = append(d.meet, h.superset(1<<i|1<<j))
		}
	}
	return d, nil
}

// columns returns the list sets of the model with the interactions of
// mask: ∅, each list, each pair of mask.
func (d *design) columns(mask uint, into []uint) []uint {
	cols := append(into[:0], 0)
	for i := range d.k {
		cols = append(cols, 1<<i)
	}
	for q, p := range d.pairs {
		if mask&(1<<q) != 0 {
			cols = append(cols, 1<<p[0]|1<<p[1])
		}
	}
	return cols
}

// name returns the model of s in Rcapture's notation.
func (d *design) name(s spec) string { return d.estimate(s).Model() }

// estimate returns the Estimate of s with its lists, interactions and
// heterogeneity and nothing else.
func (d *design) estimate(s spec) Estimate {
	e := Estimate{Stratum: d.h.stratum, Method: MethodLogLinear, Lists: d.h.Lists(), Observed: d.h.n, Heterogeneity: s.het}
	for q, p := range d.pairs {
		if s.mask&(1<<q) != 0 {
			e.Interactions = append(e.Interactions, [2]ListID{d.h.lists[p[0]], d.h.lists[p[1]]})
		}
	}
	return e
}

// empty returns the first interaction of mask between lists that share
// nobody, or -1: such a model has no maximum-likelihood estimate (the
// interaction's coefficient is −∞).
func (d *design) empty(mask uint) int {
	for q := range d.pairs {
		if mask&(1<<q) != 0 && d.meet[q] == 0 {
			return q
		}
	}
	return -1
}

// model fits s, returning the fit and its number of coefficients, or the
// error that refuses it. Models without heterogeneity are fitted by f.
func (d *design) model(f *fitter, s spec, cols []uint) (fitResult, int, error) {
	if q := d.empty(s.mask); q >= 0 {
		p := d.pairs[q]
		return fitResult{}, 0, fieldErr("Model", d.name(s), ErrNoOverlap, "lists %s and %s share nobody, so their interaction has no estimate",
			d.h.lists[p[0]], d.h.lists[p[1]])
	}
	var r fitResult
	var p int
	var err error
	if s.het == 0 {
		cols = d.columns(s.mask, cols)
		p = len(cols)
		r, err = f.fit(cols)
	} else {
		r, p, err = d.fitDense(s, f.y[1:], false)
	}
	if err != nil {
		return fitResult{}, 0, fieldErr("Model", d.name(s), ErrNotEstimable, "%v", err)
	}
	if unseen := math.Exp(r.beta0); unseen+f.n > source.MaxCount || math.IsInf(unseen, 0) {
		return fitResult{}, 0, fieldErr("Model", d.name(s), ErrNotEstimable, "estimate above %d", source.MaxCount)
	}
	return r, p, nil
}

// result turns a fit of p coefficients into an Estimate.
func (d *design) result(s spec, r fitResult, p int, o Options) Estimate {
	e := d.estimate(s)
	n := float64(d.h.n)
	unseen := math.Exp(r.beta0)
	e.N = n + unseen
	// Rcapture's standard error: the delta method on exp(β₀), plus the
	// Poisson variance of the unseen count itself.
	e.SE = math.Sqrt(unseen + unseen*unseen*r.var0)
	e.Level = o.Level
	e.Lo, e.Hi = chaoInterval(n, e.N, e.SE, o.z())
	e.Params = p
	e.Deviance = r.dev
	e.DF = (1<<d.k - 1) - p
	e.AIC = -2*r.ll + 2*float64(p)
	e.BIC = -2*r.ll + math.Log(n)*float64(p)
	e.Iterations = r.iter
	return e
}

// Model names a log-linear model: the two-way interactions between lists
// (each pair in any order; a pair given twice counts once) and a
// heterogeneity term. The zero Model is the independence model.
type Model struct {
	Interactions  [][2]ListID
	Heterogeneity Heterogeneity
}

// Fit fits one hierarchical Poisson log-linear model to the capture
// histories of a stratum: every list's main effect, and a two-way
// interaction for each pair of lists in interactions (in any order; a pair
// given twice counts once). With no interactions it is the independence
// model. The estimate is N = n + exp(β₀), with Rcapture's standard error
// and Chao's log-normal interval; see the package documentation for the
// conventions. It is FitModel(h, Model{Interactions: interactions}, o).
//
// Lists that document nobody in the stratum are set aside first. Fit
// refuses, with a [*FieldError]: an empty stratum ([ErrEmptyStratum]);
// fewer than three usable lists ([ErrTooFewLists]); no one on two or more
// lists, or an interaction between lists that share nobody
// ([ErrNoOverlap]); a pair that repeats a list or names a list not in the
// table ([ErrInvalid]); and a model without a finite estimate
// ([ErrNotEstimable]).
func Fit(h Histories, interactions [][2]ListID, o Options) (Estimate, error) {
	return FitModel(h, Model{Interactions: interactions}, o)
}

// FitModel is [Fit] for any [Model], heterogeneity included: with
// m.Heterogeneity set and no interactions it is one of Rcapture's Mth
// models (closedp.t), fitted to the same design as R's glm.
func FitModel(h Histories, m Model, o Options) (Estimate, error) {
	d, s, err := prepareModel(h, m, o)
	if err != nil {
		return Estimate{}, err
	}
	f := newFitter(d.h.counts)
	r, p, err := d.model(f, s, nil)
	if err != nil {
		return Estimate{}, err
	}
	return d.result(s, r, p, o), nil
}

// prepareModel checks o and m against h and returns the design and spec.
func prepareModel(h Histories, m Model, o Options) (*design, spec, error) {
	if err := o.Validate(); err != nil {
		return nil, spec{}, err
	}
	if !m.Heterogeneity.IsValid() {
		return nil, spec{}, fieldErr("Model.Heterogeneity", m.Heterogeneity.String(), ErrInvalid, "unknown heterogeneity model")
	}
	d, err := prepare(h)
	if err != nil {
		return nil, spec{}, err
	}
	s := spec{het: m.Heterogeneity}
	for _, pr := range m.Interactions {
		a, b := h.index(pr[0]), h.index(pr[1])
		if a < 0 || b < 0 || a == b {
			return nil, spec{}, fieldErr("Model", pr[0].String()+" "+pr[1].String(), ErrInvalid, "want two different lists of the table")
		}
		a, b = d.h.index(pr[0]), d.h.index(pr[1])
		if a < 0 || b < 0 {
			return nil, spec{}, fieldErr("Model", pr[0].String()+" "+pr[1].String(), ErrNoOverlap, "a list of the pair documents nobody in the stratum")
		}
		a, b = min(a, b), max(a, b)
		s.mask |= 1 << slices.Index(d.pairs, [2]int{a, b})
	}
	return d, s, nil
}

// Selection is the outcome of [Select]: every hierarchical log-linear
// model of a stratum's usable lists that has an estimate, ranked by the
// criterion, and the models that have none, with the reason.
//
// The zero Selection holds no model.
type Selection struct {
	d       *design
	opts    Options
	rows    []row // ranked
	skipped []Skip
}

type row struct {
	spec
	fit  fitResult
	p    int
	crit float64
}

// Skip is a model that [Select] could not estimate, and why: Err is a
// [*FieldError] for "Model" wrapping [ErrNoOverlap] or [ErrNotEstimable].
type Skip struct {
	Model string
	Err   error
}

// Select fits every hierarchical log-linear model up to two-way
// interactions to the capture histories of a stratum, and ranks them by
// o.Criterion. With k usable lists the models are the independence model
// and every set of two-way interactions added to it: 2^(k(k−1)/2) of them,
// 8 for three lists, 64 for four, 1,024 for five, 32,768 for six. Models
// that have no estimate are left out and listed in [Selection.Skipped].
//
// The ranking is by the criterion, ties broken by fewer coefficients, then
// by the order of enumeration (the interactions as a binary number over
// the pairs (1,2), (1,3), …, in canonical list order). Every model is
// fitted from the same start, so the numbers of a model do not depend on
// which others were fitted, and [Fit] gives the same to the last bit.
//
// Select makes the refusals of [Fit] for the stratum as a whole, and
// returns [ErrNotEstimable] if no model has an estimate.
func Select(h Histories, o Options) (Selection, error) {
	if err := o.Validate(); err != nil {
		return Selection{}, err
	}
	d, err := prepare(h)
	if err != nil {
		return Selection{}, err
	}
	s := Selection{d: d, opts: o}
	f := newFitter(d.h.counts)
	cols := make([]uint, 0, 1+d.k+len(d.pairs))
	n := float64(d.h.n)
	models := make([]spec, 0, 1<<len(d.pairs)+4)
	for mask := uint(0); mask < 1<<len(d.pairs); mask++ {
		models = append(models, spec{mask: mask})
	}
	if o.Heterogeneity {
		for het := Poisson2; het <= ChaoLB; het++ {
			models = append(models, spec{het: het})
		}
	}
	for _, m := range models {
		r, p, err := d.model(f, m, cols)
		if err != nil {
			s.skipped = append(s.skipped, Skip{Model: d.name(m), Err: err})
			continue
		}
		crit := -2*r.ll + 2*float64(p)
		if o.Criterion == BIC {
			crit = -2*r.ll + math.Log(n)*float64(p)
		}
		s.rows = append(s.rows, row{spec: m, fit: r, p: p, crit: crit})
	}
	if len(s.rows) == 0 {
		return Selection{}, fieldErr("Histories", h.stratum.String(), ErrNotEstimable, "none of the %d models has an estimate", len(s.skipped))
	}
	slices.SortStableFunc(s.rows, func(a, b row) int {
		if c := cmp.Compare(a.crit, b.crit); c != 0 {
			return c
		}
		if c := cmp.Compare(a.p, b.p); c != 0 {
			return c
		}
		if c := cmp.Compare(a.het, b.het); c != 0 {
			return c
		}
		return cmp.Compare(a.mask, b.mask)
	})
	return s, nil
}

// Len returns the number of models with an estimate.
func (s Selection) Len() int { return len(s.rows) }

// At returns the estimate of the i-th model in rank order, 0 being the
// best, or the zero Estimate when i is out of range.
func (s Selection) At(i int) Estimate {
	if i < 0 || i >= len(s.rows) {
		return Estimate{}
	}
	r := s.rows[i]
	return s.d.result(r.spec, r.fit, r.p, s.opts)
}

// All yields the estimates in rank order, with their rank.
func (s Selection) All() iter.Seq2[int, Estimate] {
	return func(yield func(int, Estimate) bool) {
		for i := range s.rows {
			if !yield(i, s.At(i)) {
				return
			}
		}
	}
}

// Best returns the estimate of the best model: At(0). The zero Selection
// gives the zero Estimate.
func (s Selection) Best() Estimate { return s.At(0) }

// Criterion returns the criterion the models are ranked by.
func (s Selection) Criterion() Criterion { return s.opts.Criterion }

// Skipped returns the models without an estimate, in order of enumeration.
func (s Selection) Skipped() []Skip { return slices.Clone(s.skipped) }

// Lists returns the usable lists the models were fitted to, in canonical
// order.
func (s Selection) Lists() []ListID {
	if s.d == nil {
		return nil
	}
	return s.d.h.Lists()
}

// String returns "STRATUM: K models by CRITERION, best MODEL" or, for the
// zero Selection, "<no selection>".
func (s Selection) String() string {
	if len(s.rows) == 0 {
		return "<no selection>"
	}
	return s.d.h.stratum.String() + ": " + strconv.Itoa(len(s.rows)) + " models by " + s.opts.Criterion.String() + ", best " + s.Best().Model()
}
