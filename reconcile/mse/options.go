package mse

import (
	"errors"
	"math"
	"strconv"

	"github.com/freedcount/freedcount/internal/enum"
)

// Method is how an estimate was made. The zero value is "unset".
type Method uint8

// Values of [Method].
const (
	// MethodLincolnPetersen is the two-list estimator N = n₁n₂/m
	// (Petersen 1896, Lincoln 1930), with the variance
	// n₁n₂(n₁−m)(n₂−m)/m³; see [LincolnPetersen].
	MethodLincolnPetersen Method = 1 + iota
	// MethodChapman is the two-list estimator
	// N = (n₁+1)(n₂+1)/(m+1) − 1 (Chapman 1951), nearly unbiased where
	// Lincoln–Petersen is not, with the variance
	// (n₁+1)(n₂+1)(n₁−m)(n₂−m)/((m+1)²(m+2)) (Seber 1970); see [Chapman].
	MethodChapman
	// MethodLogLinear is a Poisson log-linear model of the capture
	// histories of three to six lists (Fienberg 1972; Cormack 1989), fitted
	// by iteratively reweighted least squares; N = n + exp(β₀). See [Fit]
	// and [Select].
	MethodLogLinear
	// MethodModelAverage is the average of the log-linear models of a
	// [Selection], weighted by their criterion, with Buckland et al.'s
	// unconditional standard error; see [Selection.Average].
	MethodModelAverage
	// MethodLatentClass is the Bayesian latent-class model of
	// Manrique-Vallier (2016), a Dirichlet-process mixture of independent
	// lists, sampled by Gibbs; see [LatentClass].
	MethodLatentClass
)

var methodNames = enum.Names{"", "lincoln_petersen", "chapman", "log_linear", "model_average", "latent_class"}

// String returns the method's name ("lincoln_petersen", "chapman",
// "log_linear", "model_average", "latent_class"), or "Method(N)".
func (m Method) String() string { return enum.String(methodNames, "Method", m) }

// IsValid reports whether m is one of the named values.
func (m Method) IsValid() bool { return enum.Valid(methodNames, m) }

// MarshalText writes the name; an unnamed value is an error.
func (m Method) MarshalText() ([]byte, error) { return enum.Marshal(methodNames, "Method", m, badEnum) }

// UnmarshalText reads a name that [Method.MarshalText] writes.
func (m *Method) UnmarshalText(text []byte) error {
	return enum.Unmarshal(methodNames, "Method", text, m, badEnum)
}

// Criterion is how [Select] ranks log-linear models. The zero value is
// "unset".
type Criterion uint8

// Values of [Criterion]. Both are computed as Rcapture computes them (see
// the package documentation): from the full Poisson log-likelihood of the
// observed cells, log L = Σ y log μ − μ − log y!, and p, the number of
// coefficients including the intercept.
const (
	// AIC is −2 log L + 2p (Akaike): it favours the better fit, at the
	// risk of a model too rich for the data.
	AIC Criterion = 1 + iota
	// BIC is −2 log L + p·log n, n the number of people observed
	// (Schwarz): it penalises each coefficient more than AIC once n > 7,
	// and favours smaller models.
	BIC
)

var criterionNames = enum.Names{"", "aic", "bic"}

// String returns the criterion's name ("aic", "bic"), or "Criterion(N)".
func (c Criterion) String() string { return enum.String(criterionNames, "Criterion", c) }

// IsValid reports whether c is one of the named values.
func (c Criterion) IsValid() bool { return enum.Valid(criterionNames, c) }

// MarshalText writes the name; an unnamed value is an error.
func (c Criterion) MarshalText() ([]byte, error) {
	return enum.Marshal(criterionNames, "Criterion", c, badEnum)
}

// UnmarshalText reads a name that [Criterion.MarshalText] writes.
func (c *Criterion) UnmarshalText(text []byte) error {
	return enum.Unmarshal(criterionNames, "Criterion", text, c, badEnum)
}

// Options are the choices of an estimation, an explicit value as
// reconcile.Policy is: there are no package-level settings. Start from
// [DefaultOptions]; the zero Options is not valid.
type Options struct {
	// Level is the confidence level of the interval, in (0, 1).
	Level float64
	// Criterion ranks the models of [Select].
	Criterion Criterion
	// Heterogeneity adds Rcapture's four heterogeneity models (Mth
	// Poisson2, Darroch, Gamma3.5 and Chao's lower bound; see
	// [Heterogeneity]) to the interaction models that [Select] ranks.
	Heterogeneity bool
}

// DefaultOptions returns a 95 % interval and selection by AIC.
func DefaultOptions() Options { return Options{Level: 0.95, Criterion: AIC} }

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError] wrapping [ErrInvalid].
func (o Options) Validate() error {
	var errs []error
	if !(o.Level > 0 && o.Level < 1) {
		errs = append(errs, fieldErr("Options.Level", strconv.FormatFloat(o.Level, 'g', -1, 64), ErrInvalid, "want a level in (0, 1)"))
	}
	if !o.Criterion.IsValid() {
		errs = append(errs, fieldErr("Options.Criterion", o.Criterion.String(), ErrInvalid, "unknown criterion"))
	}
	return errors.Join(errs...)
}

// z returns the standard normal quantile of (1 + Level)/2: 1.959964 for a
// 95 % interval.
func (o Options) z() float64 { return math.Sqrt2 * math.Erfinv(o.Level) }
