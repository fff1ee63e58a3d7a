package reliability

import (
	"errors"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/internal/enum"
	"github.com/freedcount/freedcount/reconcile"
)

// Limits of the numeric options; [Options.Validate] enforces them.
const (
	MinFalseValues   = 4
	MaxFalseValues   = 1_000_000
	MaxIterationsCap = 10_000
)

// Options holds every choice that [Estimate] makes, as an explicit value:
// there are no package-level settings. Start from [DefaultOptions] and
// change what you need; the zero Options is not valid.
type Options struct {
	// Policy is how claims are read (package reconcile's fold, step 1 and 2):
	// which claims are live after supersession, retraction and relay
	// folding, and which counts a quantity admits (Policy.Tolerance for
	// "about", Policy.PreliminaryIsFloor). Weights in the policy play no
	// part: every live claim counts towards its source's track record,
	// whatever its prior weight.
	Policy reconcile.Policy
	// FalseValues is the number of wrong values a claim can take when it
	// is wrong (n of Dong, Berti-Equille and Srivastava): the larger, the
	// less likely two independent sources agree by chance on a wrong
	// figure. In [MinFalseValues, MaxFalseValues].
	FalseValues int
	// PriorStrength is how many claims the prior accuracy counts as: a
	// source's accuracy is (its track record + PriorStrength × the pooled
	// accuracy of all sources) / (its contested claims + PriorStrength).
	// In [1, 1000]. It is what keeps a source that spoke once at about the
	// average source's accuracy, never at 0 or 1.
	PriorStrength decimal.Decimal
	// CopyPrior is the prior share of a source's claims that repeat another
	// source's rather than being its own, in [0, 0.5]. Zero switches
	// copying off: every source is taken as independent.
	CopyPrior decimal.Decimal
	// CopyStrength is how many claims the copy prior counts as, in
	// [1, 1000].
	CopyStrength decimal.Decimal
	// MaxIterations caps the rounds of estimation, in [1, MaxIterationsCap].
	MaxIterations int
	// Tolerance is the convergence rule: estimation stops, converged, when
	// no source's accuracy or copy rate moved by more than Tolerance in a
	// round. In (0, 0.01].
	Tolerance decimal.Decimal
	// Start is where the estimation starts from: the accuracies of its
	// first round. The zero value means [PooledStart].
	Start Start

	// claimPrior makes the prior accuracy the pooled share of all voting
	// claims, as the first release did, rather than the mean over voices:
	// set only by the tests, to measure both in one run.
	claimPrior bool
}

// Start is where [Estimate] starts from: the sources' accuracies before
// the first round. Expectation–maximisation climbs to a fixed point near
// where it starts, and a clique of sources that repeat each other can hold
// a fixed point of its own; the package documentation ("The start") says
// how each start is made and what it changes. The zero value means
// [PooledStart].
type Start uint8

// Values of [Start].
const (
	// PooledStart starts each source at the accuracy that a few rounds of
	// Pasternack and Roth's PooledInvestment, over the same claims, give
	// it: sources that share every claim with the same others start below
	// independent ones. It is the default.
	PooledStart Start = 1 + iota
	// PriorStart starts every source at the same accuracy (0.8), so that
	// the first round is a vote of equals.
	PriorStart
)

var startNames = enum.Names{"", "pooled", "prior"}

// String returns the start's name, or "Start(N)".
func (s Start) String() string { return enum.String(startNames, "Start", s) }

// IsValid reports whether s is one of the named starts (not 0, which
// [Options] reads as [PooledStart]).
func (s Start) IsValid() bool { return enum.Valid(startNames, s) }

// MarshalText writes the name; an unnamed value is an error.
func (s Start) MarshalText() ([]byte, error) { return enum.Marshal(startNames, "Start", s, badEnum) }

// UnmarshalText reads a name that [Start.MarshalText] writes.
func (s *Start) UnmarshalText(text []byte) error {
	return enum.Unmarshal(startNames, "Start", text, s, badEnum)
}

// orDefault returns s, or [PooledStart] for the zero value.
func (s Start) orDefault() Start {
	if s == 0 {
		return PooledStart
	}
	return s
}

// DefaultOptions returns the default options:
//
//	Policy          reconcile.DefaultPolicy()
//	FalseValues     100 (as in Dong et al. 2009)
//	PriorStrength   2
//	CopyPrior       0.1
//	CopyStrength    2
//	MaxIterations   500
//	Tolerance       0.0001
//	Start           PooledStart
func DefaultOptions() Options {
	return Options{
		Policy:        reconcile.DefaultPolicy(),
		FalseValues:   100,
		PriorStrength: decimal.NewFromInt(2),
		CopyPrior:     decimal.New(1, -1),
		CopyStrength:  decimal.NewFromInt(2),
		MaxIterations: 500,
		Tolerance:     decimal.New(1, -4),
		Start:         PooledStart,
	}
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError] wrapping [ErrInvalid].
func (o Options) Validate() error {
	var errs []error
	if err := o.Policy.Validate(); err != nil {
		errs = append(errs, policyErr(err))
	}
	if o.FalseValues < MinFalseValues || o.FalseValues > MaxFalseValues {
		errs = append(errs, fieldErr("Options.FalseValues", strconv.Itoa(o.FalseValues), "want %d to %d", MinFalseValues, MaxFalseValues))
	}
	between := func(field string, d decimal.Decimal, lo, hi decimal.Decimal, openLo bool) {
		bracket := "["
		if openLo {
			bracket = "("
		}
		if d.LessThan(lo) || d.GreaterThan(hi) || (openLo && d.Equal(lo)) {
			errs = append(errs, fieldErr(field, d.String(), "outside %s%s, %s]", bracket, lo, hi))
		}
	}
	one, thousand := decimal.NewFromInt(1), decimal.NewFromInt(1000)
	between("Options.PriorStrength", o.PriorStrength, one, thousand, false)
	between("Options.CopyPrior", o.CopyPrior, decimal.Zero, decimal.New(5, -1), false)
	between("Options.CopyStrength", o.CopyStrength, one, thousand, false)
	between("Options.Tolerance", o.Tolerance, decimal.Zero, decimal.New(1, -2), true)
	if o.MaxIterations < 1 || o.MaxIterations > MaxIterationsCap {
		errs = append(errs, fieldErr("Options.MaxIterations", strconv.Itoa(o.MaxIterations), "want 1 to %d", MaxIterationsCap))
	}
	if o.Start != 0 && !o.Start.IsValid() {
		errs = append(errs, fieldErr("Options.Start", o.Start.String(), "want %s or %s (or 0, read as %s)", PooledStart, PriorStart, PooledStart))
	}
	return errors.Join(errs...)
}
