package mse

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Estimate is an estimate of the total number of people in one stratum,
// documented or not, from the overlap between lists. It is a statistical
// result: its numbers are floats, estimated, not counted. [Estimate.Interval]
// turns them into the integer interval that the rest of freedcount works
// with, and [Estimate.Claim] into a claim for reconcile.Evidence.
//
// Every Estimate this package returns satisfies
// Observed ≤ Lo ≤ N ≤ Hi: no estimate falls below the number of people the
// lists document. Estimates are records: their fields are exported to be
// read and printed; [Estimate.Validate] checks one built by hand. Compare
// them with [Estimate.Equal], not ==.
type Estimate struct {
	// Stratum is the stratum estimated.
	Stratum Stratum
	// Method is the estimator.
	Method Method
	// Lists are the lists the estimate rests on, in canonical order: the
	// lists of the table that document at least one person in the stratum.
	// [Estimate.Model] numbers them from 1 in this order.
	Lists []ListID
	// Interactions are the two-way interactions of a log-linear model,
	// each pair and the pairs in canonical order; empty for the
	// independence model and the two-list estimators.
	Interactions [][2]ListID
	// Heterogeneity is the heterogeneity term of a log-linear model; zero
	// for none.
	Heterogeneity Heterogeneity
	// Observed is n, the number of people documented by at least one of
	// the lists.
	Observed int
	// N is the estimated total, documented or not; N − Observed is the
	// estimate of the people no list documents ([Estimate.Unseen]).
	N float64
	// SE is the standard error of N.
	SE float64
	// Level is the confidence level of [Lo, Hi].
	Level float64
	// Lo and Hi are the confidence interval of N: Chao's (1987)
	// log-normal interval for the number unseen, added to Observed, so that
	// Lo is never below Observed. For [MethodLatentClass] they are the
	// posterior quantiles of N, which never fall below Observed either.
	Lo, Hi float64

	// The fit of a log-linear model; zero for the two-list estimators.

	// Params is p, the number of coefficients, the intercept included.
	Params int
	// Deviance is the Poisson deviance over the 2^k − 1 observed cells, and
	// DF its degrees of freedom, 2^k − 1 − p.
	Deviance float64
	DF       int
	// AIC and BIC are the criteria of [Criterion], as Rcapture prints them.
	AIC, BIC float64
	// Iterations is the number of iterations the fit took.
	Iterations int
}

// Unseen returns N − Observed, the estimated number of people that no list
// documents.
func (e Estimate) Unseen() float64 { return e.N - float64(e.Observed) }

// Model returns the model in Rcapture's notation, the lists numbered from 1
// in the order of [Estimate.Lists]: the interactions, then each list that is
// in none: "[12,3,4]" is the model of four lists with an interaction between
// the first two, "[1,2,3,4]" their independence. A heterogeneity model
// without interactions has Rcapture's name ("Mth Darroch"), and one with
// interactions adds the term ("[12,3,4] h=darroch"). The two-list
// estimators give "[1,2]", a model average "average", the latent-class
// model "latent-class"; an Estimate without lists gives "".
func (e Estimate) Model() string {
	switch {
	case len(e.Lists) == 0:
		return ""
	case e.Method == MethodModelAverage:
		return "average"
	case e.Method == MethodLatentClass:
		return "latent-class"
	}
	if e.Heterogeneity != 0 && len(e.Interactions) == 0 {
		if int(e.Heterogeneity) < len(rcaptureHet) {
			return rcaptureHet[e.Heterogeneity]
		}
		return "Mth " + e.Heterogeneity.String()
	}
	pos := func(l ListID) int { return slices.Index(e.Lists, l) + 1 }
	var terms []string
	in := make([]bool, len(e.Lists)+1)
	for _, p := range e.Interactions {
		a, b := pos(p[0]), pos(p[1])
		terms = append(terms, strconv.Itoa(a)+strconv.Itoa(b))
		in[a], in[b] = true, true
	}
	for i := 1; i <= len(e.Lists); i++ {
		if !in[i] {
			terms = append(terms, strconv.Itoa(i))
		}
	}
	name := "[" + strings.Join(terms, ",") + "]"
	if e.Heterogeneity != 0 {
		name += " h=" + e.Heterogeneity.String()
	}
	return name
}

// Interval returns the integer interval of the estimate, rounded outwards:
// [max(Observed, ⌊Lo⌋), ⌈Hi⌉], the high end capped at source.MaxCount.
// This is the one place where the estimate's floats become counts.
func (e Estimate) Interval() source.Interval {
	lo := max(e.Observed, 0)
	if !math.IsNaN(e.Lo) && e.Lo > float64(lo) {
		lo = int(math.Min(math.Floor(e.Lo), source.MaxCount))
	}
	lo = min(lo, source.MaxCount)
	hi := source.MaxCount
	if !math.IsNaN(e.Hi) && e.Hi < source.MaxCount {
		hi = max(lo, int(math.Ceil(math.Max(e.Hi, 0))))
	}
	// 0 ≤ lo ≤ hi ≤ MaxCount whatever the fields hold, so this cannot
	// panic.
	return source.MustInterval(lo, hi)
}

// Validate reports whether e could have been returned by this package: a
// valid stratum and method, at least MinLists distinct lists, finite
// numbers with 0 ≤ Observed ≤ Lo ≤ N ≤ Hi, N ≤ source.MaxCount, SE ≥ 0 and
// Level in (0, 1). Every problem is a [*FieldError] wrapping [ErrInvalid].
func (e Estimate) Validate() error {
	var errs []error
	bad := func(field string, v any, why string) {
		errs = append(errs, fieldErr(field, fmt.Sprint(v), ErrInvalid, "%s", why))
	}
	if !e.Stratum.IsValid() {
		bad("Estimate.Stratum", "", "missing")
	}
	if !e.Method.IsValid() {
		bad("Estimate.Method", e.Method, "unknown method")
	}
	if !e.Heterogeneity.IsValid() {
		bad("Estimate.Heterogeneity", e.Heterogeneity, "unknown heterogeneity model")
	}
	if len(e.Lists) < MinLists || len(e.Lists) > MaxLists {
		bad("Estimate.Lists", len(e.Lists), "want 2 to 6 lists")
	}
	for i, l := range e.Lists {
		if !l.IsValid() || slices.Contains(e.Lists[:i], l) {
			bad("Estimate.Lists", l, "want distinct valid list IDs")
			break
		}
	}
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	n := float64(e.Observed)
	switch {
	case e.Observed < 0 || e.Observed > source.MaxCount:
		bad("Estimate.Observed", e.Observed, "outside [0, MaxCount]")
	case !finite(e.N) || e.N < n || e.N > source.MaxCount:
		bad("Estimate.N", e.N, "want Observed ≤ N ≤ MaxCount")
	case !finite(e.Lo) || !finite(e.Hi) || e.Lo < n || e.Lo > e.N || e.Hi < e.N:
		bad("Estimate.Lo", fmt.Sprintf("[%g, %g]", e.Lo, e.Hi), "want Observed ≤ Lo ≤ N ≤ Hi, finite")
	}
	if !finite(e.SE) || e.SE < 0 {
		bad("Estimate.SE", e.SE, "want a finite SE ≥ 0")
	}
	if !(e.Level > 0 && e.Level < 1) {
		bad("Estimate.Level", e.Level, "want a level in (0, 1)")
	}
	return errors.Join(errs...)
}

// Equal reports whether e and o are the same estimate, field by field.
func (e Estimate) Equal(o Estimate) bool {
	return e.Stratum == o.Stratum && e.Method == o.Method && slices.Equal(e.Lists, o.Lists) &&
		slices.Equal(e.Interactions, o.Interactions) && e.Heterogeneity == o.Heterogeneity && e.Observed == o.Observed &&
		e.N == o.N && e.SE == o.SE && e.Level == o.Level && e.Lo == o.Lo && e.Hi == o.Hi &&
		e.Params == o.Params && e.Deviance == o.Deviance && e.DF == o.DF &&
		e.AIC == o.AIC && e.BIC == o.BIC && e.Iterations == o.Iterations
}

// String returns a one-line summary: "STRATUM: METHOD MODEL on K lists, n
// observed: N 12318.5 (SE 1188.7), 95% interval [LO, HI]", the interval
// as [Estimate.Interval] gives it.
func (e Estimate) String() string {
	return fmt.Sprintf("%s: %s %s on %d lists, %d observed: N %.1f (SE %.1f), %s%% interval %s",
		e.Stratum, e.Method, e.Model(), len(e.Lists), e.Observed, e.N, e.SE,
		strconv.FormatFloat(100*e.Level, 'f', -1, 64), e.Interval())
}

// ClaimSpec is what a claim needs besides the estimate: its ID, who states
// it, when, what it counts and about what scope. The stratum is the
// caller's to map to a scope.
type ClaimSpec struct {
	ID      source.ClaimID
	Source  source.SourceID
	Stated  time.Time
	Measure source.Measure
	Scope   release.Scope
}

// Claim returns the estimate as a claim that can enter reconcile.Evidence:
// basis [source.Estimate], status [source.Final] (the source's figure for
// the scope, not a preliminary floor), quantity "between lo and hi" from
// [Estimate.Interval], and the estimate's summary ([Estimate.String]) as the
// citation's quote. Its stated low end is never below the number of people
// the lists document — the clamp HRDAG's verdata applies — so in a figure
// it can raise High to reflect people nobody listed without pulling Low
// below what was documented.
//
// An estimate that fails [Estimate.Validate], or a spec that makes an
// invalid claim, is an error: a [*FieldError] wrapping [ErrInvalid] (and,
// for the claim, the source.FieldError).
func (e Estimate) Claim(spec ClaimSpec) (source.Claim, error) {
	if err := e.Validate(); err != nil {
		return source.Claim{}, err
	}
	iv := e.Interval()
	hi, _ := iv.Hi()
	q, err := source.NewBetween(iv.Lo(), hi)
	if err != nil {
		return source.Claim{}, wrapErr("Estimate", e.String(), err)
	}
	c := source.Claim{
		ID: spec.ID, Source: spec.Source, Stated: spec.Stated, Measure: spec.Measure, Scope: spec.Scope,
		Quantity: q, Status: source.Final, Basis: source.Estimate,
		Citation: source.Citation{Quote: e.String(), Language: "en"},
	}
	if err := c.Validate(); err != nil {
		return source.Claim{}, wrapErr("Claim", spec.ID.String(), err)
	}
	return c, nil
}

// chaoInterval returns Chao's (1987, eq. 12) log-normal interval for
// N = n + U: log U is taken as normal, so the interval is
// [n + U/C, n + U·C] with C = exp(z·√log(1 + SE²/U²)). It never falls
// below n and is skewed upwards, as the uncertainty about the unseen is.
// With U = 0 it is [n, n].
func chaoInterval(n, N, se, z float64) (lo, hi float64) {
	u := N - n
	if !(u > 0) || !(se > 0) {
		return N, N
	}
	c := math.Exp(z * math.Sqrt(math.Log1p(se*se/(u*u))))
	return n + u/c, n + u*c
}
