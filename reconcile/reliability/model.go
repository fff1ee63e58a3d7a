package reliability

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/freedcount/freedcount/source"
)

// Accuracies are kept within [minAccuracy, maxAccuracy], so that no source
// ever becomes certain or certainly wrong and every log-odds is finite.
const (
	minAccuracy     = 1e-4
	maxAccuracy     = 1 - 1e-4
	initialAccuracy = 0.8 // every source's accuracy before the first round, from PriorStart
	minPrior        = 0.5 // the pooled prior accuracy never falls below
	maxCopy         = 0.999
)

// fix is a fixed-point sum: terms are truncated to multiples of 2⁻³⁰ and
// added as integers, so that a sum is exact and does not depend on the
// order of its terms. Every sum of the estimation that runs over sources or
// claims is a fix; this is what makes the result independent of the
// sources' names. The terms summed are log-likelihoods (above −40 each),
// probabilities and counts, far from the int64 range.
type fix int64

const fixScale = 1 << 30

func toFix(x float64) fix    { return fix(x * fixScale) } // truncates towards zero
func (f fix) float() float64 { return float64(f) / fixScale }

// claimRec is one live claim as the model sees it.
type claimRec struct {
	ids    []source.ClaimID // its ID, and those of claims alike (see keepFirst), by ID
	src    int32
	lo, hi int    // the counts its quantity admits; hi is unbounded if none
	stated [2]int // its stated figures, clamped into [lo, hi]
	// from and to delimit the candidates inside [lo, hi]: cands[from:to].
	from, to int32
	form     int32 // claims of one form state the same interval and figures
	side     bool  // the claim leaves out some candidate, or states one figure
	at       time.Time
}

// object is a measure over a resolved scope, with one claim per source.
type object struct {
	key       objectKey
	claims    []claimRec // by form, then source
	cands     []int      // the distinct stated figures, increasing
	forms     int
	contested bool
}

// vote is one voting claim of the object being estimated, in vote order:
// by form, and within a form by copy rate, accuracy and source.
type vote struct {
	claim  int32   // index in object.claims
	q      float64 // chance that it repeats a claim of its form before it
	lt, lf fix     // log-likelihood when the truth is inside / outside its interval
}

// model is the estimation's state: a plain representation of the evidence,
// each source's accuracy and copy rate, and scratch space.
type model struct {
	n, kA, c0, kC, tol float64
	maxIter            int
	start              Start
	claimPrior         bool // see Options.claimPrior

	ids       []source.SourceID // sources by ID
	group     []int32           // declared independence group of each source
	objects   []object
	claims    []int // live claims read, per source
	contested []int // contested claims that take a side, per source

	acc, cp []float64 // accuracy and copy rate per source

	sA, nA, sC, nC []fix // the E-step's sums, per source
	vS, vN         []fix // the sums over each independence group's voting claims

	prior      float64
	iterations int
	converged  bool
	change     float64

	// Scratch for one object.
	votes    []vote
	voting   []bool    // by claim index
	leader   []int32   // by claim index: the vote (index in votes) that speaks for it
	formMass []float64 // independent mass of each form
	diff     []fix     // per candidate, difference array of log-likelihoods
	ll       []fix
	full     []float64 // posterior with every claim
	pw       []float64 // by claim index: log investment (pooledStart)
	order    []int32   // claim indices of one form, by group
	pc       []float64 // by vote: the chance that it repeats another
	cum      []fix     // prefix sums of the posterior, in fix
	fwd, bwd []float64 // prefix and suffix sums of the posterior
	dq, dq2  []fix     // by vote: suffix sums of the first and second derivatives of its vote in q
	restP    float64   // the posterior of the figures no claim states
}

func newModel(opt Options) *model {
	return &model{
		n:       float64(opt.FalseValues),
		kA:      opt.PriorStrength.InexactFloat64(),
		c0:      opt.CopyPrior.InexactFloat64(),
		kC:      opt.CopyStrength.InexactFloat64(),
		tol:     opt.Tolerance.InexactFloat64(),
		maxIter: opt.MaxIterations,
		start:   opt.Start.orDefault(),

		claimPrior: opt.claimPrior,
	}
}

// run iterates the rounds (an E-step and an M-step, see round) from the
// start (every source at the prior copy rate, and at the initial accuracy
// or the one pooledStart gives it), until a round moves no accuracy and no
// copy rate by more than the tolerance, or the cap on rounds is reached.
//
// Plain EM creeps towards its fixed point (on the population data set the
// largest move shrinks by about 3 % a round), so rounds are grouped in
// threes and accelerated as SQUAREM does (Varadhan and Roland 2008): from
// θ₀, two rounds give θ₁ and θ₂; with r = θ₁ − θ₀ and v = θ₂ − 2θ₁ + θ₀,
// the step θ₀ − 2αr + α²v with α = −max|r| / max|v| (at most −1, the plain
// step) is taken, clamped into range, and the next three rounds start from
// it. Convergence is always judged on a plain round, so a converged result
// is a fixed point of EM whatever the acceleration did.
func (m *model) run() {
	m.acc = make([]float64, len(m.ids))
	m.cp = make([]float64, len(m.ids))
	for s := range m.ids {
		m.acc[s], m.cp[s] = initialAccuracy, m.c0
	}
	m.prior = initialAccuracy
	m.vS = make([]fix, len(m.ids)) // there are no more groups than sources
	m.vN = make([]fix, len(m.ids))
	if m.start == PooledStart {
		m.pooledStart()
	}
	m.sA = make([]fix, len(m.ids))
	m.nA = make([]fix, len(m.ids))
	m.sC = make([]fix, len(m.ids))
	m.nC = make([]fix, len(m.ids))
	acc0, cp0 := slices.Clone(m.acc), slices.Clone(m.cp)
	acc1, cp1 := slices.Clone(m.acc), slices.Clone(m.cp)
	for m.iterations < m.maxIter {
		copy(acc0, m.acc)
		copy(cp0, m.cp)
		if m.round() {
			return
		}
		if m.iterations+2 > m.maxIter {
			continue
		}
		copy(acc1, m.acc)
		copy(cp1, m.cp)
		if m.round() {
			return
		}
		// Extrapolate from θ₀ along r and v.
		var rMax, vMax float64
		for s := range m.ids {
			for _, d := range [2][3]float64{{acc0[s], acc1[s], m.acc[s]}, {cp0[s], cp1[s], m.cp[s]}} {
				rMax = max(rMax, math.Abs(d[1]-d[0]))
				vMax = max(vMax, math.Abs(d[2]-2*d[1]+d[0]))
			}
		}
		if vMax == 0 {
			continue
		}
		alpha := min(-1, -rMax/vMax)
		step := func(x0, x1, x2 float64) float64 {
			r, v := x1-x0, x2-2*x1+x0
			return x0 - 2*alpha*r + alpha*alpha*v
		}
		for s := range m.ids {
			m.acc[s] = min(maxAccuracy, max(minAccuracy, step(acc0[s], acc1[s], m.acc[s])))
			m.cp[s] = min(maxCopy, max(0, step(cp0[s], cp1[s], m.cp[s])))
		}
	}
}

// round runs one E-step over the contested objects and one M-step, and
// reports whether it converged.
func (m *model) round() bool {
	m.iterations++
	clear(m.sA)
	clear(m.nA)
	clear(m.sC)
	clear(m.nC)
	clear(m.vS)
	clear(m.vN)
	for i := range m.objects {
		if o := &m.objects[i]; o.contested {
			// An object with one voice says nothing of its accuracy.
			m.expect(o, m.sA, m.nA, m.sC, m.nC)
		}
	}
	m.change = m.maximise(m.sA, m.nA, m.sC, m.nC)
	m.converged = m.change <= m.tol
	return m.converged
}

// expect is the E-step for one contested object: it adds to each claim's
// source the posterior probability that the claim holds the truth (sA, nA)
// and the posterior probability that the claim repeats another (sC, nC).
//
// It runs in time linear in the object's claims and candidates (after
// sorting): the posterior's masses over an interval are read off prefix
// sums, and the posterior without one vote (what the others say of its
// figure) differs from the full one only by a factor on the vote's
// interval, which is also that of every other vote of its form (see loo).
func (m *model) expect(o *object, sA, nA, sC, nC []fix) {
	base := m.prepare(o)
	m.full = m.posterior(o, base, m.diff, m.full)
	k := len(o.cands)
	m.cum = resize(m.cum, k+1)
	m.cum[0] = 0
	for i, p := range m.full {
		m.cum[i+1] = m.cum[i] + toFix(p)
	}
	copying := m.c0 != 0 && len(m.votes) >= 2
	if copying {
		m.copyChances(o)
	}
	for j := range o.claims {
		c := &o.claims[j]
		if c.side {
			p := m.cum[c.to] - m.cum[c.from]
			sA[c.src] += p
			nA[c.src] += fixScale
			if m.voting[j] { // a group's silent members do not weigh on the prior
				m.vS[m.group[c.src]] += p
				m.vN[m.group[c.src]] += fixScale
			}
		}
		if copying {
			// A silent member of the voter's group said the same: it shares
			// the voter's chance of repeating, so that which of two tied
			// members speaks changes no number.
			sC[c.src] += toFix(m.pc[m.leader[j]])
			nC[c.src] += fixScale
		}
	}
}

// exactLater is how many of the later votes of its form loo recomputes
// exactly when it takes a vote out; the change to the others' likelihoods
// (each vote's chance to repeat lowered by less than 1/(votes − 1)) is
// taken to second order in that chance, from suffix sums of derivatives.
// The forms of the population and flight data sets have fewer votes, so
// there every number is exact. (To first order only, a crowd of 1,000
// sources agreeing on one figure did not converge in 500 rounds; to second
// order it converges in 5, as exactly.)
const exactLater = 64

// copyChances sets m.pc[v], for each vote of the object whose posterior is
// m.full, to the posterior probability that the vote repeats an earlier
// claim: c·q / (c·q + (1−c)·(A·p + (1−A)(1−p)/n)), p being what the other
// votes say of its figure.
func (m *model) copyChances(o *object) {
	k := len(o.cands)
	m.fwd = resize(m.fwd, k+1)
	m.bwd = resize(m.bwd, k+1)
	m.fwd[0], m.bwd[k] = 0, 0
	for i := range k {
		m.fwd[i+1] = m.fwd[i] + m.full[i]
		m.bwd[k-1-i] = m.bwd[k-i] + m.full[k-1-i]
	}
	// Suffix sums, within each form, of each vote's derivative in q.
	m.dq = resize(m.dq, len(m.votes)+1)
	m.dq2 = resize(m.dq2, len(m.votes)+1)
	m.dq[len(m.votes)], m.dq2[len(m.votes)] = 0, 0
	for v := len(m.votes) - 1; v >= 0; v-- {
		vt := &m.votes[v]
		s := o.claims[vt.claim].src
		m.dq[v], m.dq2[v] = 0, 0
		if v+1 < len(m.votes) && o.claims[m.votes[v+1].claim].form == o.claims[vt.claim].form {
			m.dq[v], m.dq2[v] = m.dq[v+1], m.dq2[v+1]
		}
		a, c := m.acc[s], m.cp[s]
		t, f := c*vt.q+(1-c)*a, c*vt.q+(1-c)*(1-a)/m.n
		m.dq[v] += toFix(c/t - c/f)
		m.dq2[v] += toFix(c*c/(f*f) - c*c/(t*t))
	}
	others := float64(len(m.votes) - 1)
	m.pc = resize(m.pc, len(m.votes))
	for v := range m.votes {
		c := &o.claims[m.votes[v].claim]
		s := c.src
		m.pc[v] = 0
		// The chance that the claim repeats another: the independent mass of
		// the other claims of its form, over the number of other claims.
		q := (m.formMass[c.form] - (1 - m.cp[s])) / others
		if q <= 1e-12 {
			continue
		}
		po := m.loo(o, v) // what the others say of its figure
		m.pc[v] = copyPosterior(m.acc[s], m.cp[s], q, po, m.n)
	}
}

// copyPosterior returns the posterior probability that a claim repeats an
// earlier claim of its form rather than being its source's own: the source
// has accuracy a and copy rate c, the claim repeats one of its form with
// chance q if it is a copy, and the other claims give its figure the
// posterior po of being true, among n wrong figures. As its own, the claim
// states that figure with chance a·po + (1−a)(1−po)/n, so the odds of
// copying are c/(1−c) · q/(a·po + (1−a)(1−po)/n): a figure the others
// believe wrong is n·a/(1−a) times stronger evidence of copying than one
// they believe true (Dong, Berti-Equille and Srivastava 2009: sharing false
// values reveals a copier, sharing true ones is what accurate independent
// sources do).
func copyPosterior(a, c, q, po, n float64) float64 {
	pInd := a*po + (1-a)*(1-po)/n
	cq := c * q
	return cq / (cq + (1-c)*pInd)
}

// loo returns the posterior probability, without vote v, that the truth
// lies in v's interval. Taking v out removes its own log-likelihood ratio
// from its interval and lowers the chance that each later vote of its form
// repeats an earlier one; every vote of the form has v's interval, so the
// posterior without v is the full one with the interval's mass M scaled by
// e^δ, δ being the change to the interval's log-likelihood: M·e^δ /
// (M·e^δ + 1 − M). The first exactLater later votes are recomputed
// exactly (with fixed-point sums, as prepare made them); beyond them, in a
// large form, their change is taken to second order from suffix sums.
func (m *model) loo(o *object, v int) float64 {
	vt := &m.votes[v]
	c := &o.claims[vt.claim]
	delta := -(vt.lt - vt.lf)
	share := (1 - m.cp[c.src]) / float64(len(m.votes)-1)
	w := v + 1
	for ; w < len(m.votes) && w <= v+exactLater && o.claims[m.votes[w].claim].form == c.form; w++ {
		wt := &m.votes[w]
		lt, lf := m.likelihoods(o.claims[wt.claim].src, max(0, wt.q-share))
		delta += (lt - lf) - (wt.lt - wt.lf)
	}
	if w < len(m.votes) && o.claims[m.votes[w].claim].form == c.form {
		delta += toFix(-share*m.dq[w].float() + share*share/2*m.dq2[w].float())
	}
	// The interval's mass, and the rest's, each summed without cancelling.
	var in float64
	if c.to-c.from <= 8 {
		for _, p := range m.full[c.from:c.to] {
			in += p
		}
	} else {
		in = m.fwd[c.to] - m.fwd[c.from]
	}
	out := m.fwd[c.from] + m.bwd[c.to] + m.restP
	in *= math.Exp(delta.float())
	if in+out == 0 {
		return 0
	}
	return in / (in + out)
}

// maximise is the M-step: each source's accuracy and copy rate become their
// posterior means under Beta priors, the accuracy prior being the mean over
// voices of their voting claims' accuracy on contested objects (at
// least minPrior). It returns the largest move.
func (m *model) maximise(sA, nA, sC, nC []fix) float64 {
	m.prior = m.pooled()
	if m.claimPrior {
		m.prior = m.pooledClaims()
	}
	change := 0.0
	for s := range m.ids {
		a := (sA[s].float() + m.prior*m.kA) / (nA[s].float() + m.kA)
		a = min(maxAccuracy, max(minAccuracy, a))
		c := (sC[s].float() + m.c0*m.kC) / (nC[s].float() + m.kC)
		change = max(change, math.Abs(a-m.acc[s]), math.Abs(c-m.cp[s]))
		m.acc[s], m.cp[s] = a, c
	}
	return change
}

// pooled returns the prior accuracy: the mean, over the independence
// groups that vote on some contested object, of the share of their voting
// claims that hold the truth (m.vS / m.vN), at least minPrior;
// initialAccuracy when none votes. Each voice counts once, whatever the
// length of its record: the prior is what to expect of a source, and the
// sources it speaks for are those with few claims. (Which member of a
// group votes on an object changes no group's sums, so the prior does not
// depend on the members' names.)
func (m *model) pooled() float64 {
	var sum, n fix
	for g := range m.vN {
		if m.vN[g] > 0 {
			sum += toFix(m.vS[g].float() / m.vN[g].float())
			n += fixScale
		}
	}
	if n == 0 {
		return initialAccuracy
	}
	return max(minPrior, sum.float()/n.float())
}

// pooledClaims returns the pooled share of all voting claims that hold
// the truth, at least minPrior; initialAccuracy when none votes.
func (m *model) pooledClaims() float64 {
	var sum, n fix
	for g := range m.vN {
		sum += m.vS[g]
		n += m.vN[g]
	}
	if n == 0 {
		return initialAccuracy
	}
	return max(minPrior, sum.float()/n.float())
}

// prepare fixes, for the current accuracies and copy rates, which claims of
// o vote and in what order, each vote's likelihoods, and the independent
// mass of each form; it fills m.diff and returns the base log-likelihood
// (that of a figure outside every interval).
//
// Of the sources of one declared independence group that state the same
// form, only one votes: they are one voice. It is the most accurate, then
// the least copying, then the first by ID; a member tied with it in both
// rates would give the same numbers. Within a form, voters are ordered by
// copy rate, then accuracy (the most independent and reliable first), then
// source: the first is taken as the original, and each later one may
// repeat those before it. Sources tied in both rates are interchangeable,
// so the order among them changes no number.
func (m *model) prepare(o *object) fix {
	m.votes = m.votes[:0]
	m.voting = resize(m.voting, len(o.claims))
	clear(m.voting)
	m.leader = resize(m.leader, len(o.claims))
	m.formMass = resize(m.formMass, o.forms)
	better := func(a, b int32) int { // vote order within a form
		if c := cmp.Compare(m.cp[a], m.cp[b]); c != 0 {
			return c
		}
		if c := cmp.Compare(m.acc[b], m.acc[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
	for lo := 0; lo < len(o.claims); {
		hi := lo + 1
		for hi < len(o.claims) && o.claims[hi].form == o.claims[lo].form {
			hi++
		}
		// The form's claims by group, the speaker of each group first: it
		// alone votes, and speaks for the group's other claims.
		m.order = m.order[:0]
		for j := lo; j < hi; j++ {
			m.order = append(m.order, int32(j))
		}
		slices.SortFunc(m.order, func(a, b int32) int {
			s, t := o.claims[a].src, o.claims[b].src
			switch {
			case m.group[s] != m.group[t]:
				return cmp.Compare(m.group[s], m.group[t])
			case s == t:
				return 0
			case m.speaksBefore(s, t):
				return -1
			}
			return 1
		})
		start := len(m.votes)
		for k, j := range m.order {
			if k == 0 || m.group[o.claims[j].src] != m.group[o.claims[m.order[k-1]].src] {
				m.votes = append(m.votes, vote{claim: j})
				m.voting[j] = true
			}
		}
		form := m.votes[start:]
		slices.SortFunc(form, func(a, b vote) int { return better(o.claims[a.claim].src, o.claims[b.claim].src) })
		for v := start; v < len(m.votes); v++ {
			m.leader[m.votes[v].claim] = int32(v)
		}
		var speaker int32
		for _, j := range m.order { // the vote that speaks for each claim of the form
			if m.voting[j] {
				speaker = m.leader[j]
			}
			m.leader[j] = speaker
		}
		var f fix
		for _, v := range form {
			f += toFix(1 - m.cp[o.claims[v.claim].src])
		}
		m.formMass[o.claims[lo].form] = f.float()
		lo = hi
	}
	others := float64(len(m.votes) - 1)
	m.diff = resize(m.diff, len(o.cands)+1)
	clear(m.diff)
	var base fix
	form, seen := int32(-1), 0.0
	for v := range m.votes {
		vt := &m.votes[v]
		c := &o.claims[vt.claim]
		if c.form != form {
			form, seen = c.form, 0
		}
		if others > 0 {
			vt.q = seen / others
		}
		seen += 1 - m.cp[c.src]
		vt.lt, vt.lf = m.likelihoods(c.src, vt.q)
		base += vt.lf
		m.diff[c.from] += vt.lt - vt.lf
		m.diff[c.to] -= vt.lt - vt.lf
	}
	return base
}

// speaksBefore reports whether source t, rather than s, speaks for their
// group: the more accurate, then the less copying, then the first by ID.
func (m *model) speaksBefore(t, s int32) bool {
	switch {
	case m.acc[t] != m.acc[s]:
		return m.acc[t] > m.acc[s]
	case m.cp[t] != m.cp[s]:
		return m.cp[t] < m.cp[s]
	}
	return t < s
}

// likelihoods returns, for a claim of source s that repeats an earlier
// claim with chance q, the log-likelihood c·q + (1−c)·L when the truth is
// inside its interval (L = A) and when it is outside (L = (1−A)/n).
func (m *model) likelihoods(s int32, q float64) (lt, lf fix) {
	a, c := m.acc[s], m.cp[s]
	return toFix(math.Log(c*q + (1-c)*a)), toFix(math.Log(c*q + (1-c)*(1-a)/m.n))
}

// posterior returns, in buf, the posterior probability of each candidate of
// o given the log-likelihoods base (of a figure outside every interval) and
// diff (by how much each candidate's exceeds base, as a difference array).
// The figures no claim states, n+1 minus the candidates, share the rest.
func (m *model) posterior(o *object, base fix, diff []fix, buf []float64) []float64 {
	k := len(o.cands)
	m.ll = resize(m.ll, k)
	run := base
	for i := range k {
		run += diff[i]
		m.ll[i] = run
	}
	top := slices.Max(m.ll)
	rest := m.n + 1 - float64(k) // figures no claim states
	if rest > 0 {
		top = max(top, base)
	}
	buf = resize(buf, k)
	var z fix
	for i := range k {
		buf[i] = math.Exp((m.ll[i] - top).float())
		z += toFix(buf[i])
	}
	restW := 0.0
	if rest > 0 {
		restW = rest * math.Exp((base - top).float())
		z += toFix(restW)
	}
	total := z.float()
	for i := range buf {
		buf[i] /= total
	}
	m.restP = restW / total
	return buf
}

// resize returns s with length n, reusing its array when it can.
func resize[T any](s []T, n int) []T {
	return slices.Grow(s[:0], n)[:n]
}

// voteWeight is a source's weight before scaling: its log-odds of being
// right against one of n wrong figures, floored at 0, times its
// independence.
func (m *model) voteWeight(s int) float64 {
	a := m.acc[s]
	return max(0, math.Log(m.n*a/(1-a))) * (1 - m.cp[s])
}
