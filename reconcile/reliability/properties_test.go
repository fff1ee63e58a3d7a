package reliability_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/reconcile/reliability/reliabilitytest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Each property is written once as a func(*rapid.T); TestX runs it with
// rapid.Check, and FuzzEstimate runs the invariants through
// rapid.MakeFuzz. Every property that estimates checks each start (the
// starts of bench_test.go) on the scenario it draws.

func estimate(t *rapid.T, e reconcile.Evidence, opt reliability.Options) reliability.Result {
	r, err := reliability.Estimate(e, opt)
	if err != nil {
		t.Fatalf("Estimate: %v", err)
	}
	return r
}

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
)

// withStart returns the default options with the given start: every
// property holds for every start.
func withStart(st reliability.Start) reliability.Options {
	opt := reliability.DefaultOptions()
	opt.Start = st
	return opt
}

// fataler is what checkInvariants needs of a *testing.T or a *rapid.T.
type fataler interface {
	Fatalf(format string, args ...any)
}

// checkInvariants checks what every result satisfies.
func checkInvariants(t fataler, e reconcile.Evidence, opt reliability.Options, r reliability.Result) {
	if len(r.Sources) != e.NumSources() {
		t.Fatalf("%d source estimates for %d sources", len(r.Sources), e.NumSources())
	}
	for i, s := range r.Sources {
		if i > 0 && r.Sources[i-1].Source.Compare(s.Source) >= 0 {
			t.Fatalf("sources not in order of ID at %s", s.Source)
		}
		if s.Weight.LessThan(zero) || s.Weight.GreaterThan(one) {
			t.Fatalf("%s: weight %s outside [0, 1]", s.Source, s.Weight)
		}
		if !s.Accuracy.IsPositive() || !s.Accuracy.LessThan(one) {
			t.Fatalf("%s: accuracy %s outside (0, 1)", s.Source, s.Accuracy)
		}
		if !s.Error.Equal(one.Sub(s.Accuracy)) {
			t.Fatalf("%s: error %s is not 1 − accuracy %s", s.Source, s.Error, s.Accuracy)
		}
		if s.Copying.IsNegative() || !s.Copying.LessThan(one) {
			t.Fatalf("%s: copying %s outside [0, 1)", s.Source, s.Copying)
		}
		if s.Contested > s.Claims {
			t.Fatalf("%s: %d contested of %d claims", s.Source, s.Contested, s.Claims)
		}
		if s.Claims == 1 && !s.Weight.IsPositive() {
			t.Fatalf("%s speaks once and has weight %s", s.Source, s.Weight)
		}
	}
	if r.Converged != r.Change.LessThanOrEqual(opt.Tolerance) {
		t.Fatalf("converged %v with change %s and tolerance %s", r.Converged, r.Change, opt.Tolerance)
	}
	if r.Iterations < 1 || r.Iterations > opt.MaxIterations || (!r.Converged && r.Iterations != opt.MaxIterations) {
		t.Fatalf("%d iterations (cap %d), converged %v", r.Iterations, opt.MaxIterations, r.Converged)
	}
	for i, o := range r.Objects {
		if i > 0 && !objectBefore(r.Objects[i-1], o) {
			t.Fatalf("objects not in order at %s", o.Scope)
		}
		if o.Probability.IsNegative() || o.Probability.GreaterThan(one) {
			t.Fatalf("%s: probability %s outside [0, 1]", o.Scope, o.Probability)
		}
		stated := false
		for _, id := range slices.Concat(o.Support, o.Against) {
			c, ok := e.Claim(id)
			if !ok {
				t.Fatalf("%s: unknown claim %s", o.Scope, id)
			}
			lo, hi := c.Quantity.Stated()
			iv := c.Quantity.Bounds()
			stated = stated || iv.Clamp(lo) == o.Value || iv.Clamp(hi) == o.Value
			if slices.Contains(o.Support, id) != c.Quantity.Bounds().Contains(o.Value) {
				t.Fatalf("%s: claim %s (%s) misfiled for value %d", o.Scope, id, c.Quantity, o.Value)
			}
		}
		if !stated {
			t.Fatalf("%s: value %d is no claim's stated figure", o.Scope, o.Value)
		}
		groups := map[source.Group]bool{}
		for _, id := range slices.Concat(o.Support, o.Against) {
			c, _ := e.Claim(id)
			s, _ := e.Source(c.Source)
			groups[s.IndependenceGroup()] = true
		}
		if o.Contested != (len(groups) > 1) {
			t.Fatalf("%s: contested %v with %d independent voices", o.Scope, o.Contested, len(groups))
		}
	}
}

func objectBefore(a, b reliability.Object) bool {
	if a.Measure != b.Measure {
		return a.Measure < b.Measure
	}
	return a.Scope.Compare(b.Scope) < 0
}

// propInvariants: weights in [0, 1], accuracies in (0, 1), a source that
// speaks once has a positive weight, convergence is reported honestly, and
// every object's value is a figure some claim states.
func propInvariants(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	smallCap := rapid.Bool().Draw(t, "small cap")
	limit := rapid.IntRange(1, 4).Draw(t, "cap")
	for _, st := range starts {
		opt := withStart(st)
		if smallCap {
			opt.MaxIterations = limit
		}
		checkInvariants(t, sc.Evidence, opt, estimate(t, sc.Evidence, opt))
	}
}

func TestEstimateSatisfiesItsInvariants(t *testing.T) { rapid.Check(t, propInvariants) }

// propSourceWithOneClaimHasPositiveWeight: an NGO that spoke once is drawn
// to the average source's accuracy, never to zero weight, whatever it said.
func propSourceWithOneClaimHasPositiveWeight(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	n := 0
	for _, st := range starts {
		r := estimate(t, sc.Evidence, withStart(st))
		for _, s := range r.Sources {
			if s.Claims == 1 {
				n++
				if !s.Weight.IsPositive() {
					t.Fatalf("start %s: %s spoke once and got weight %s", st, s.Source, s.Weight)
				}
			}
		}
	}
	if n == 0 {
		t.Skip("no source spoke once")
	}
}

func TestSourceWithOneClaimHasPositiveWeight(t *testing.T) {
	rapid.Check(t, propSourceWithOneClaimHasPositiveWeight)
}

// propResultDoesNotDependOnInputOrder: evidence built from the same sources
// and claims in any order, in any number of pieces merged in any order,
// gives the same result, bit for bit.
func propResultDoesNotDependOnInputOrder(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	srcs := rapid.Permutation(slices.Collect(sc.Evidence.Sources())).Draw(t, "sources")
	claims := rapid.Permutation(slices.Collect(sc.Evidence.Claims())).Draw(t, "claims")
	cut := rapid.IntRange(0, len(claims)).Draw(t, "cut")
	var a, b reconcile.Evidence
	a, err := a.AddSources(srcs...)
	if err == nil {
		b, err = b.AddSources(srcs[len(srcs)/2:]...)
	}
	if err == nil {
		b, err = b.AddSources(srcs[:len(srcs)/2]...)
	}
	if err == nil {
		a, err = a.AddClaims(claims[:cut]...)
	}
	if err == nil {
		b, err = b.AddClaims(claims[cut:]...)
	}
	var e reconcile.Evidence
	if err == nil {
		e, err = reconcile.Merge(b, a)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range starts {
		opt := withStart(st)
		want, got := estimate(t, sc.Evidence, opt), estimate(t, e, opt)
		if !got.Equal(want) {
			t.Fatalf("start %s: rebuilt evidence gave a different result:\n%+v\nwant\n%+v", st, got.Sources, want.Sources)
		}
	}
}

func TestResultDoesNotDependOnInputOrder(t *testing.T) {
	rapid.Check(t, propResultDoesNotDependOnInputOrder)
}

// propRenamingSourcesChangesNoNumber: renaming the sources by any one-to-one
// map renames their estimates and changes no number, bit for bit: no order
// of names leaks into the estimation.
func propRenamingSourcesChangesNoNumber(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	ids := slices.Collect(func(yield func(source.SourceID) bool) {
		for s := range sc.Evidence.Sources() {
			if !yield(s.ID) {
				return
			}
		}
	})
	names := rapid.Permutation(ids).Draw(t, "names")
	rename := map[source.SourceID]source.SourceID{}
	for i, id := range ids {
		rename[id] = source.MustSourceID("n-" + names[i].String())
	}
	e, err := reliabilitytest.Rename(sc.Evidence, func(id source.SourceID) source.SourceID { return rename[id] })
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range starts {
		opt := withStart(st)
		want, got := estimate(t, sc.Evidence, opt), estimate(t, e, opt)
		for _, w := range want.Sources {
			g, ok := got.Source(rename[w.Source])
			was := w.Source
			w.Source = g.Source
			if !ok || !g.Equal(w) {
				t.Fatalf("start %s: %s renamed %s: got %+v, want %+v", st, was, g.Source, g, w)
			}
		}
		if !slices.EqualFunc(got.Objects, want.Objects, reliability.Object.Equal) ||
			got.Iterations != want.Iterations || !got.Change.Equal(want.Change) || !got.PriorAccuracy.Equal(want.PriorAccuracy) {
			t.Fatalf("start %s: renaming changed the objects or the run", st)
		}
	}
}

func TestRenamingSourcesChangesNoNumber(t *testing.T) {
	rapid.Check(t, propRenamingSourcesChangesNoNumber)
}

// propGroupMemberRepeatingAMemberChangesNoEstimate: a source declared in the
// independence group of another, repeating its every claim, is the same
// voice: no object's value or probability changes.
func propGroupMemberRepeatingAMemberChangesNoEstimate(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	srcs := slices.Collect(sc.Evidence.Sources())
	x := rapid.IntRange(0, len(srcs)-1).Draw(t, "speaker")
	if !srcs[x].Group.IsValid() {
		srcs[x].Group = source.MustGroup("group-" + srcs[x].ID.String())
	}
	twin := srcs[x]
	twin.ID = source.MustSourceID(rapid.SampledFrom([]string{"a-twin", "zz-twin"}).Draw(t, "twin"))
	twin.Name = "Twin"
	claims := slices.Collect(sc.Evidence.Claims())
	var repeats []source.Claim
	for _, c := range claims {
		if c.Source == srcs[x].ID {
			c.ID = source.MustClaimID("twin-" + c.ID.String())
			c.Source = twin.ID
			repeats = append(repeats, c)
		}
	}
	var base reconcile.Evidence
	base, err := base.AddSources(srcs...)
	if err == nil {
		base, err = base.AddClaims(claims...)
	}
	var with reconcile.Evidence
	if err == nil {
		with, err = base.AddSources(twin)
	}
	if err == nil {
		with, err = with.AddClaims(repeats...)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range starts {
		opt := withStart(st)
		want, got := estimate(t, base, opt), estimate(t, with, opt)
		if len(got.Objects) != len(want.Objects) {
			t.Fatalf("start %s: %d objects, want %d", st, len(got.Objects), len(want.Objects))
		}
		for i, w := range want.Objects {
			g := got.Objects[i]
			if g.Value != w.Value || !g.Probability.Equal(w.Probability) {
				t.Fatalf("start %s: %s: %d (p %s) with the twin, %d (p %s) without", st, w.Scope, g.Value, g.Probability, w.Value, w.Probability)
			}
		}
	}
}

func TestGroupMemberRepeatingAMemberChangesNoEstimate(t *testing.T) {
	rapid.Check(t, propGroupMemberRepeatingAMemberChangesNoEstimate)
}

// propConvergenceIsReportedHonestly: a run capped at the number of rounds
// another run took gives the same result; a run that did not converge used
// every round it was allowed.
func propConvergenceIsReportedHonestly(t *rapid.T) {
	sc := reliabilitytest.Scenarios().Draw(t, "scenario")
	limit := rapid.IntRange(1, 60).Draw(t, "cap")
	for _, st := range starts {
		opt := withStart(st)
		opt.MaxIterations = limit
		r := estimate(t, sc.Evidence, opt)
		checkInvariants(t, sc.Evidence, opt, r)
		again := opt
		again.MaxIterations = r.Iterations
		if r2 := estimate(t, sc.Evidence, again); !r2.Equal(r) {
			t.Fatalf("start %s: capping at the %d rounds taken changed the result", st, r.Iterations)
		}
	}
}

func TestConvergenceIsReportedHonestly(t *testing.T) {
	rapid.Check(t, propConvergenceIsReportedHonestly)
}

// FuzzEstimate runs the invariants and the order and naming properties on
// scenarios drawn from the fuzzer's bytes.
func FuzzEstimate(f *testing.F) {
	for _, seed := range []string{"", "\x01\x02\x03", "freedcount reliability", "\xff\x00\xff\x00\x7f\x10"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		switch rapid.IntRange(0, 2).Draw(t, "property") {
		case 0:
			propInvariants(t)
		case 1:
			propResultDoesNotDependOnInputOrder(t)
		default:
			propRenamingSourcesChangesNoNumber(t)
		}
	}))
}

// FuzzOptions decodes options from the fuzzer's input: an invalid set must
// be a typed error naming the field, a valid one must estimate a fixed
// scenario with every invariant.
func FuzzOptions(f *testing.F) {
	f.Add(100, "2", "0.1", "2", 500, "0.0001", uint8(1))
	f.Add(3, "0", "0.6", "0", 0, "0", uint8(3))
	f.Add(4, "1", "0", "1", 1, "0.01", uint8(2))
	f.Add(1_000_000, "1000", "0.5", "1000", 10_000, "1e-30", uint8(0))
	f.Add(-1, "NaN", "-0.1", "1e400", -5, "2", uint8(255))
	sc := reliabilitytest.Synthetic(reliabilitytest.Config{Objects: 20, Accuracies: []float64{0.9, 0.7, 0.4},
		Coverage: 0.8, Copiers: []int{2}, Once: 2, OnceAccuracy: 0.6}, 3)
	f.Fuzz(func(t *testing.T, n int, k, c0, kc string, iters int, tol string, start uint8) {
		opt := reliability.DefaultOptions()
		opt.FalseValues, opt.MaxIterations, opt.Start = n, iters, reliability.Start(start)
		for _, d := range []struct {
			dst *decimal.Decimal
			s   string
		}{{&opt.PriorStrength, k}, {&opt.CopyPrior, c0}, {&opt.CopyStrength, kc}, {&opt.Tolerance, tol}} {
			v, err := decimal.NewFromString(d.s)
			if err != nil || len(d.s) > 64 {
				return
			}
			*d.dst = v
		}
		r, err := reliability.Estimate(sc.Evidence, opt)
		if err != nil {
			if !errors.Is(err, reliability.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			if fe, ok := errors.AsType[*reliability.FieldError](err); !ok || fe.Field() == "" {
				t.Fatalf("error %v is not a *FieldError naming a field", err)
			}
			if opt.Validate() == nil {
				t.Fatalf("Estimate failed (%v) on options that validate", err)
			}
			return
		}
		checkInvariants(t, sc.Evidence, opt, r)
	})
}

func TestOptionsValidateNamesEveryBadField(t *testing.T) {
	opt := reliability.DefaultOptions()
	opt.FalseValues = 3
	opt.PriorStrength = decimal.RequireFromString("0.5")
	opt.CopyPrior = decimal.RequireFromString("0.6")
	opt.CopyStrength = decimal.Zero
	opt.MaxIterations = 0
	opt.Tolerance = decimal.Zero
	opt.Start = 3
	opt.Policy = reconcile.Policy{}
	err := opt.Validate()
	if !errors.Is(err, reliability.ErrInvalid) {
		t.Fatalf("Validate() = %v, want ErrInvalid", err)
	}
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe, ok := errors.AsType[*reliability.FieldError](e)
		if !ok {
			t.Fatalf("%v is not a *FieldError", e)
		}
		fields = append(fields, fe.Field())
	}
	want := []string{"Options.Policy", "Options.FalseValues", "Options.PriorStrength", "Options.CopyPrior",
		"Options.CopyStrength", "Options.Tolerance", "Options.MaxIterations", "Options.Start"}
	if !slices.Equal(fields, want) {
		t.Fatalf("fields %v, want %v", fields, want)
	}
	if _, err := reliability.Estimate(reconcile.Evidence{}, opt); !errors.Is(err, reliability.ErrInvalid) {
		t.Fatalf("Estimate with bad options: %v", err)
	}
	if err := reliability.DefaultOptions().Validate(); err != nil {
		t.Fatalf("DefaultOptions: %v", err)
	}
}

func TestEmptyEvidenceConvergesAtOnce(t *testing.T) {
	r, err := reliability.Estimate(reconcile.Evidence{}, reliability.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) != 0 || len(r.Objects) != 0 || !r.Converged || r.Iterations != 1 {
		t.Fatalf("empty evidence: %+v", r)
	}
}

// TestCopyingIsDetectedWhereItMatters: a liar repeated by two copiers
// against four honest sources. Without the copy model the liar's clique
// wins objects it should not; with it, the copiers are found and the
// estimate is at least as good.
func TestCopyingIsDetectedWhereItMatters(t *testing.T) {
	sc := reliabilitytest.Synthetic(reliabilitytest.LiarClique(), 11)
	opt := reliability.DefaultOptions()
	with, err := reliability.Estimate(sc.Evidence, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.CopyPrior = decimal.Zero
	without, err := reliability.Estimate(sc.Evidence, opt)
	if err != nil {
		t.Fatal(err)
	}
	errWith, errWithout := scenarioError(sc, with), scenarioError(sc, without)
	t.Logf("error with copy model %.3f, without %.3f", errWith, errWithout)
	if errWith > errWithout {
		t.Errorf("the copy model made the estimate worse: %.3f > %.3f", errWith, errWithout)
	}
	honest, _ := with.Source(source.MustSourceID("s00"))
	for _, id := range []string{"copy00", "copy01"} {
		c, _ := with.Source(source.MustSourceID(id))
		if !c.Copying.GreaterThan(honest.Copying) || !c.Weight.LessThan(honest.Weight) {
			t.Errorf("%s: copying %s weight %s; honest s00: copying %s weight %s", id, c.Copying, c.Weight, honest.Copying, honest.Weight)
		}
	}
}

func scenarioError(sc reliabilitytest.Scenario, r reliability.Result) float64 {
	miss := 0
	for _, tr := range sc.Truth {
		if o, ok := r.Object(source.Releases, tr.Scope); !ok || o.Value != tr.Value {
			miss++
		}
	}
	return float64(miss) / float64(len(sc.Truth))
}

func TestBoundsSupportEveryFigureTheyAdmit(t *testing.T) {
	// "At least 104" is consistent with the government's 150; together they
	// outvote a lone 80.
	ev := buildEvidence(t, []claimSpec{
		{"ngo", 0, "at least 104"}, {"gov", 0, "150"}, {"press", 0, "80"},
	})
	r, err := reliability.Estimate(ev, reliability.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Objects[0]; o.Value != 150 || len(o.Support) != 2 {
		t.Fatalf("object %+v, want 150 supported by two claims", o)
	}
}

// claimSpec is one claim of a hand-written evidence set: a source, a day
// (0 = 2026-01-01) and a quantity phrase.
type claimSpec struct {
	src string
	day int
	q   string
}

func buildEvidence(t testing.TB, specs []claimSpec) reconcile.Evidence {
	t.Helper()
	var srcs []source.Source
	var claims []source.Claim
	seen := map[string]bool{}
	for i, s := range specs {
		if !seen[s.src] {
			seen[s.src] = true
			srcs = append(srcs, source.Source{ID: source.MustSourceID(s.src), Name: s.src, Kind: source.NGO,
				Method: source.Announces, Confidence: decimal.RequireFromString("0.9")})
		}
		claims = append(claims, source.Claim{
			ID: source.MustClaimID(fmt.Sprintf("%s-%d-%d", s.src, s.day, i)), Source: source.MustSourceID(s.src),
			Stated: statedOn(s.day), Measure: source.Releases, Scope: dayScope(s.day),
			Quantity: source.MustQuantity(s.q), Status: source.Final, Basis: source.Announcement,
		})
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(srcs...)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

var (
	political = release.MustPopulation("detainees/political")
	venezuela = release.MustRegion("VE")
)

// dayScope is political prisoners released in Venezuela on day d of 2026
// (0 = 1 January).
func dayScope(d int) release.Scope {
	day, _ := release.MustDate(2026, time.January, 1).AddDays(d)
	return release.MustScope(political, venezuela, release.Day(day))
}

func statedOn(d int) time.Time {
	return time.Date(2026, time.January, 1+d, 20, 0, 0, 0, time.FixedZone("VET", -4*3600))
}
