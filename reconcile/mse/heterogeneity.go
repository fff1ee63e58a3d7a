package mse

import (
	"math"
	"math/bits"

	"github.com/freedcount/freedcount/internal/enum"
)

// Heterogeneity is a model of heterogeneous capture: some people are
// easier to document than others, whatever the list, so that people seen
// by many lists are over-represented among the seen. Rcapture (Baillargeon
// and Rivest 2007, section 2; Rivest and Lévesque 2001) models it, for
// each capture history ω with f(ω) = Σⱼ ωⱼ lists, by a column
// h(f(ω)) added to the log-linear model: log μ(ω) = β₀ + Σⱼ βⱼωⱼ +
// Σ λⱼₗωⱼωₗ + τ·h(f(ω)). With the main effects of the lists it is
// Rcapture's Mth family.
//
// The zero value is no heterogeneity term: the interaction models of
// [Fit] and [Select].
type Heterogeneity uint8

// Values of [Heterogeneity], with Rcapture's columns (internal.matrices.R).
const (
	// Poisson2 is h(f) = 2^f − 1, Rcapture's "Mth Poisson2": the capture
	// probabilities' heterogeneity follows a Poisson-like law (Rivest and
	// Baillargeon 2007).
	Poisson2 Heterogeneity = 1 + iota
	// Darroch is h(f) = f²/2, Rcapture's "Mth Darroch" (Darroch et al.
	// 1993): a normal distribution of catchability on the logit scale.
	Darroch
	// Gamma35 is h(f) = −log(3.5 + f) + log 3.5, Rcapture's "Mth
	// Gamma3.5": a gamma distribution of catchability.
	Gamma35
	// ChaoLB is Chao's lower bound, Rcapture's "Mth Chao (LB)": one column
	// max(f − j + 1, 0) for each j = 3, …, k, whose coefficients must not be
	// negative; a column whose coefficient is fitted negative is dropped and
	// the model refitted, as Rcapture does (neg = TRUE).
	ChaoLB
)

var heterogeneityNames = enum.Names{"", "poisson2", "darroch", "gamma3.5", "chao_lb"}

// rcaptureHet are the names Rcapture prints for the Mth models.
var rcaptureHet = [...]string{"", "Mth Poisson2", "Mth Darroch", "Mth Gamma3.5", "Mth Chao (LB)"}

// String returns the name ("poisson2", "darroch", "gamma3.5", "chao_lb"),
// "" for none, or "Heterogeneity(N)".
func (h Heterogeneity) String() string {
	if h == 0 {
		return ""
	}
	return enum.String(heterogeneityNames, "Heterogeneity", h)
}

// IsValid reports whether h is none or one of the named values.
func (h Heterogeneity) IsValid() bool { return h == 0 || enum.Valid(heterogeneityNames, h) }

// MarshalText writes the name; an unnamed value is an error.
func (h Heterogeneity) MarshalText() ([]byte, error) {
	return enum.Marshal(heterogeneityNames, "Heterogeneity", h, badEnum)
}

// UnmarshalText reads a name that [Heterogeneity.MarshalText] writes.
func (h *Heterogeneity) UnmarshalText(text []byte) error {
	return enum.Unmarshal(heterogeneityNames, "Heterogeneity", text, h, badEnum)
}

// hetCols returns the number of columns h adds for k lists.
func hetCols(h Heterogeneity, k int) int {
	switch h {
	case 0:
		return 0
	case ChaoLB:
		return k - 2
	}
	return 1
}

// hetValue returns column c of h for a history on f lists.
func hetValue(h Heterogeneity, c, f int) float64 {
	x := float64(f)
	switch h {
	case Poisson2:
		return math.Exp2(x) - 1
	case Darroch:
		return x * x / 2
	case Gamma35:
		return -math.Log(3.5+x) + math.Log(3.5)
	case ChaoLB:
		return math.Max(x-float64(c+3)+1, 0)
	}
	return 0
}

// spec is one model: the interactions of mask, and a heterogeneity term.
type spec struct {
	mask uint
	het  Heterogeneity
}

// denseDesign returns the design matrix of s over the observed cells 1 …
// 2^k − 1 (and, if full, the cell of the unseen last, all zeros but the
// intercept), row-major, and its number of columns. drop lists heterogeneity
// columns left out (Chao's refit).
func (d *design) denseDesign(s spec, full bool, drop []bool) ([]float64, int) {
	cells := 1<<d.k - 1
	rows := cells
	if full {
		rows++
	}
	var cols []uint
	cols = d.columns(s.mask, cols)
	nh := hetCols(s.het, d.k)
	p := len(cols)
	for c := range nh {
		if drop == nil || !drop[c] {
			p++
		}
	}
	x := make([]float64, rows*p)
	for r := range cells {
		m := uint(r + 1)
		row := x[r*p : r*p+p]
		for a, set := range cols {
			if m&set == set {
				row[a] = 1
			}
		}
		a := len(cols)
		for c := range nh {
			if drop == nil || !drop[c] {
				row[a] = hetValue(s.het, c, bits.OnesCount(m))
				a++
			}
		}
	}
	if full {
		x[cells*p] = 1
	}
	return x, p
}

// fitDense fits s to y (the observed cells, then the unseen if full) and
// returns the fit and its number of coefficients. For [ChaoLB] it drops,
// one at a time, a column whose coefficient is negative, and refits.
func (d *design) fitDense(s spec, y []float64, full bool) (fitResult, int, error) {
	nh := hetCols(s.het, d.k)
	var drop []bool
	if s.het == ChaoLB {
		drop = make([]bool, nh)
	}
	base := 1 + d.k + bits.OnesCount(s.mask)
	for {
		x, p := d.denseDesign(s, full, drop)
		f := newDenseFit(x, p, y)
		r, err := f.fit()
		if s.het != ChaoLB {
			return r, p, err
		}
		// The first negative eta, if any, is dropped; an eta that runs off
		// to −∞ (its column's cells are empty) makes the fit diverge, and
		// is dropped the same way, as Rcapture drops it once glm stops.
		beta := f.coef()
		a, again := base, false
		for c := range nh {
			if drop[c] {
				continue
			}
			if beta[a] < 0 {
				drop[c], again = true, true
				break
			}
			a++
		}
		if !again {
			return r, p, err
		}
	}
}
