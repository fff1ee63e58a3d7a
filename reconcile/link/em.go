package link

import (
	"cmp"
	"math"
	"slices"
)

// Estimation: the EM of the package documentation (section Estimation),
// over pattern counts. All of it is float64 statistics; the weights read
// from it are rounded to integer thousandths of a bit ([Weight]) before
// anything sums or compares them.

type patCount struct {
	pat        uint64
	cand, samp float64 // candidate pairs; sampled pairs (unweighted)
	same, diff float64 // pairs labelled one person, two people
}

// labelled is a pair a reviewer decided: its pattern, the verdict, and
// whether it is among the candidates (whose counts then leave it out).
type labelled struct {
	pat       uint64
	same      bool
	candidate bool
}

// estimator holds the data and parameters of the EM.
type estimator struct {
	nLevels  []int
	pats     []patCount
	sampleW  float64
	nAll     float64
	lambda   float64
	m, u     [][]float64
	observed [][]int64
	iters    int
	done     bool
	// fixM: m was estimated from labelled matches and is not re-estimated.
	fixM bool
}

func levelOf(p uint64, f int) int { return int(p >> (4 * f) & 0xf) }

func newEstimator(fields []Field, cand candidates, samp map[uint64]int64, sampleW float64, nAll int64, nRecords int, labels []labelled, supervised bool) *estimator {
	counts := map[uint64]*patCount{}
	get := func(p uint64) *patCount {
		c, ok := counts[p]
		if !ok {
			c = &patCount{pat: p}
			counts[p] = c
		}
		return c
	}
	for _, ch := range cand {
		for k := range ch.pats {
			get(ch.pat(k)).cand++
		}
	}
	for p, n := range samp {
		get(p).samp += float64(n)
	}
	for _, l := range labels {
		c := get(l.pat)
		if l.candidate {
			c.cand--
		}
		if l.same {
			c.same++
		} else {
			c.diff++
		}
	}
	e := &estimator{sampleW: sampleW, nAll: float64(max(nAll, 1))}
	for _, c := range counts {
		e.pats = append(e.pats, *c)
	}
	// Sums run in pattern order, so the estimate does not depend on map
	// order.
	slices.SortFunc(e.pats, func(a, b patCount) int { return cmp.Compare(a.pat, b.pat) })
	for _, f := range fields {
		e.nLevels = append(e.nLevels, len(f.levels()))
	}
	nf := len(fields)
	e.m, e.u, e.observed = make([][]float64, nf), make([][]float64, nf), make([][]int64, nf)
	for f, n := range e.nLevels {
		e.m[f], e.u[f], e.observed[f] = make([]float64, n), make([]float64, n), make([]int64, n)
		rest := 1.0
		for l := range n {
			switch {
			case l == n-1:
				e.m[f][l] = rest
			case l == 0:
				e.m[f][l] = 0.9
			default:
				e.m[f][l] = rest / 2
			}
			rest -= e.m[f][l]
		}
	}
	for _, pc := range e.pats {
		for f := range nf {
			if l := levelOf(pc.pat, f); l != levelMissing {
				e.u[f][l] += pc.cand + pc.samp*sampleW + pc.same + pc.diff
				e.observed[f][l] += int64(pc.cand + pc.samp + pc.same + pc.diff)
			}
		}
	}
	for f := range nf {
		for l := range e.u[f] {
			e.u[f][l] += pseudoCount * sampleW
		}
		normalize(e.u[f])
	}
	e.lambda = clamp(float64(nRecords)/e.nAll, 1e-15, 0.5)
	if supervised {
		// m from the labelled matches alone.
		e.fixM = true
		for f := range nf {
			mc := make([]float64, e.nLevels[f])
			for _, pc := range e.pats {
				if l := levelOf(pc.pat, f); l != levelMissing {
					mc[l] += pc.same
				}
			}
			for l := range mc {
				mc[l] += pseudoCount
			}
			normalize(mc)
			e.m[f] = mc
		}
	}
	return e
}

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

// normalize scales v to sum 1, or leaves it if it sums to 0.
func normalize(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if s > 0 {
		for i := range v {
			v[i] /= s
		}
	}
}

const (
	probFloor   = 1e-15
	pseudoCount = 0.5
)

// posterior is the probability that a pair with pattern p is a match.
func (e *estimator) posterior(p uint64) float64 {
	lm, lu := math.Log(e.lambda), math.Log(1-e.lambda)
	for f := range e.nLevels {
		if l := levelOf(p, f); l != levelMissing {
			lm += math.Log(max(e.m[f][l], probFloor))
			lu += math.Log(max(e.u[f][l], probFloor))
		}
	}
	return 1 / (1 + math.Exp(lu-lm))
}

// run iterates EM to convergence or maxIter.
func (e *estimator) run(maxIter int, rep *reporter) {
	nf := len(e.nLevels)
	mc, uc := make([][]float64, nf), make([][]float64, nf)
	for f, n := range e.nLevels {
		mc[f], uc[f] = make([]float64, n), make([]float64, n)
	}
	for e.iters = 0; e.iters < maxIter; {
		if rep.stopped() {
			return
		}
		rep.report(Progress{Stage: Estimating, Done: int64(e.iters), Total: int64(maxIter)})
		e.iters++
		for f := range nf {
			clear(mc[f])
			clear(uc[f])
		}
		matches := 0.0
		for _, pc := range e.pats {
			p := 0.0
			if pc.cand > 0 {
				p = e.posterior(pc.pat)
			}
			mw, uw := pc.cand*p+pc.same, pc.cand*(1-p)+pc.samp*e.sampleW+pc.diff
			matches += mw
			for f := range nf {
				if l := levelOf(pc.pat, f); l != levelMissing {
					mc[f][l] += mw
					uc[f][l] += uw
				}
			}
		}
		delta := 0.0
		for f := range nf {
			for l := range uc[f] {
				mc[f][l] += pseudoCount
				uc[f][l] += pseudoCount * e.sampleW
			}
			for k, pair := range []struct{ next, cur []float64 }{{mc[f], e.m[f]}, {uc[f], e.u[f]}} {
				if sumOf(pair.next) == 0 || k == 0 && e.fixM {
					continue // no evidence: keep the current estimate
				}
				normalize(pair.next)
				for l, v := range pair.next {
					delta = max(delta, math.Abs(v-pair.cur[l]))
					pair.cur[l] = v
				}
			}
		}
		lambda := clamp(matches/e.nAll, 1e-15, 0.5)
		dl := math.Abs(lambda - e.lambda)
		e.lambda = lambda
		if delta <= 1e-6 && dl <= 1e-6*lambda {
			e.done = true
			return
		}
	}
}

func sumOf(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// weights returns each field's level weights, log2 m of each level (for
// frequency adjustment), whether each level was estimated (observed often
// enough), and the prior, rounded.
func (e *estimator) weights() (w, logM [][]Weight, estimated [][]bool, prior Weight) {
	n := len(e.nLevels)
	w, logM, estimated = make([][]Weight, n), make([][]Weight, n), make([][]bool, n)
	for f, n := range e.nLevels {
		w[f], logM[f], estimated[f] = make([]Weight, n), make([]Weight, n), make([]bool, n)
		for l := range n {
			logM[f][l] = weightOf(math.Log2(max(e.m[f][l], probFloor)))
			if e.observed[f][l] > 0 {
				w[f][l] = weightOf(math.Log2(max(e.m[f][l], probFloor) / max(e.u[f][l], probFloor)))
				estimated[f][l] = true
			}
		}
		for l := range n {
			if estimated[f][l] {
				continue
			}
			from := -1
			for k := l + 1; k < n && from < 0; k++ {
				if estimated[f][k] {
					from = k
				}
			}
			for k := l - 1; k >= 0 && from < 0; k-- {
				if estimated[f][k] {
					from = k
				}
			}
			if from >= 0 {
				w[f][l] = w[f][from]
			}
		}
	}
	return w, logM, estimated, weightOf(math.Log2(e.lambda / (1 - e.lambda)))
}
