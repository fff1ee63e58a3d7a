package mse

import (
	"math"

	"github.com/freedcount/freedcount/source"
)

// LincolnPetersen estimates the total of a stratum documented by exactly
// two lists (choose them with [Histories.Restrict]) as N = n₁n₂/m, where
// n₁ and n₂ are the lists' sizes and m the people on both, with the
// variance n₁n₂(n₁−m)(n₂−m)/m³ and Chao's log-normal interval.
//
// It assumes what two lists cannot test: that being on one list does not
// change the chance of being on the other. Lists of NGOs that share
// information break it, and then the estimate is too low; see [Select] for
// three or more lists, which can model such dependence.
//
// It refuses, with a [*FieldError] for "Histories": a table without
// exactly two lists ([ErrInvalid]); an empty stratum ([ErrEmptyStratum]); a
// list that documents nobody ([ErrTooFewLists]); no one on both lists
// ([ErrNoOverlap]); and an estimate above source.MaxCount
// ([ErrNotEstimable]).
func LincolnPetersen(h Histories, o Options) (Estimate, error) {
	return twoList(h, o, MethodLincolnPetersen)
}

// Chapman estimates the total of a stratum documented by exactly two lists
// as N = (n₁+1)(n₂+1)/(m+1) − 1, which is nearly unbiased where
// Lincoln–Petersen overestimates for small m, with Seber's variance
// (n₁+1)(n₂+1)(n₁−m)(n₂−m)/((m+1)²(m+2)) and Chao's log-normal interval. It
// makes the same assumption and the same refusals as [LincolnPetersen]: m
// must be positive even though the formula would not divide by zero,
// because with no overlap the lists carry no information about the unseen.
func Chapman(h Histories, o Options) (Estimate, error) {
	return twoList(h, o, MethodChapman)
}

func twoList(h Histories, o Options, m Method) (Estimate, error) {
	if err := o.Validate(); err != nil {
		return Estimate{}, err
	}
	if err := checkTable(h); err != nil {
		return Estimate{}, err
	}
	name := h.stratum.String()
	if len(h.lists) != 2 {
		return Estimate{}, fieldErr("Histories", name, ErrInvalid, "%s needs exactly two lists, not %d: choose them with Restrict", m, len(h.lists))
	}
	n1, n2, both := h.superset(1), h.superset(2), h.counts[3]
	switch {
	case n1 == 0 || n2 == 0:
		return Estimate{}, fieldErr("Histories", name, ErrTooFewLists, "a list documents nobody in the stratum")
	case both == 0:
		return Estimate{}, fieldErr("Histories", name, ErrNoOverlap, "lists %s and %s share nobody", h.lists[0], h.lists[1])
	}
	// a and b are the people on one list only; the unseen are ab/m
	// (Lincoln–Petersen) or ab/(m+1) (Chapman), written so that they are
	// never negative.
	f1, f2, fm := float64(n1), float64(n2), float64(both)
	a, b := f1-fm, f2-fm
	var unseen, variance float64
	if m == MethodLincolnPetersen {
		unseen = a * b / fm
		variance = f1 * f2 * a * b / (fm * fm * fm)
	} else {
		unseen = a * b / (fm + 1)
		variance = (f1 + 1) * (f2 + 1) * a * b / ((fm + 1) * (fm + 1) * (fm + 2))
	}
	n := float64(h.n)
	e := Estimate{
		Stratum: h.stratum, Method: m, Lists: h.Lists(), Observed: h.n,
		N: n + unseen, SE: math.Sqrt(variance), Level: o.Level,
	}
	if e.N > source.MaxCount {
		return Estimate{}, fieldErr("Histories", name, ErrNotEstimable, "estimate %.0f above %d", e.N, source.MaxCount)
	}
	e.Lo, e.Hi = chaoInterval(n, e.N, e.SE, o.z())
	return e, nil
}

// checkTable refuses the zero Histories and an empty stratum.
func checkTable(h Histories) error {
	if !h.IsValid() {
		return fieldErr("Histories", "", ErrInvalid, "zero value")
	}
	if h.n == 0 {
		return fieldErr("Histories", h.stratum.String(), ErrEmptyStratum, "no list documents anyone")
	}
	return nil
}
