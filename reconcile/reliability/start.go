package reliability

import (
	"cmp"
	"math"
	"slices"
)

// The start from PooledInvestment (see the package documentation, "The
// start").
const (
	// pooledRounds is how many rounds of PooledInvestment [PooledStart]
	// runs before the accuracies are read off its beliefs.
	pooledRounds = 5
	// pooledExponent is PooledInvestment's g, Pasternack and Roth's 1.4.
	pooledExponent = 1.4
	// minReturn keeps a source's trust positive, so that its logarithm is
	// finite: a source whose claims earn nothing keeps a trust of about
	// 1e-300, which is no voice at all.
	minReturn = 1e-300
	// wideInterval is the number of candidates beyond which the first
	// round sums a claim's pay from prefix sums rather than one by one.
	wideInterval = 32
)

// pooledStart sets each source's accuracy from pooledRounds rounds of
// Pasternack and Roth's PooledInvestment over the claims the E-step reads,
// and m.prior to the pooled accuracy of their voices.
//
// Trust T starts at 1 and belief B at 1/k over an object's k candidates.
// In each round a source invests T/n in each of its n side-taking claims on
// contested objects; a form's voice is the greatest investment of each
// group stating it, the greatest in full and the others times 1 − c₀; a
// candidate's pool H is the sum of the voices of the forms admitting it.
// The first round pays each claim B·(its investment)/H summed over the
// candidates it admits, and a source's new trust is the sum of its claims'
// pay; every later round pays the claim its candidates' share of belief,
// H^g / Σ H^g, and multiplies the source's trust by its claims' mean pay.
// After the last round, the mean share of belief each source's claims hold
// becomes its accuracy as the M-step would make it, drawn towards the
// pooled share of the voices by PriorStrength pseudo-claims.
//
// Every sum over claims is a fix (a sum over an object's candidates runs in
// order of figure), and a source's trust is only ever compared with
// others' through the greatest, so the result does not depend on the order
// of the evidence nor on the sources' names.
func (m *model) pooledStart() {
	logT := make([]float64, len(m.ids)) // log trust; the greatest investor's is 0
	earned := make([]fix, len(m.ids))   // each source's pay this round
	for round := 0; ; round++ {
		clear(earned)
		clear(m.vS)
		clear(m.vN)
		for i := range m.objects {
			if o := &m.objects[i]; o.contested {
				m.invest(o, logT, round == 0, earned)
			}
		}
		if round == pooledRounds {
			break
		}
		top := math.Inf(-1)
		for s, n := range m.contested {
			if n == 0 {
				continue
			}
			x := earned[s].float() // the new trust, after the first round
			if round > 0 {
				x /= float64(n) // the factor the trust grows by, later
			}
			logT[s] += math.Log(max(minReturn, x))
			top = max(top, logT[s])
		}
		for s, n := range m.contested {
			if n > 0 {
				logT[s] -= top
			}
		}
	}
	m.prior = m.pooledClaims()
	for s, n := range m.contested {
		a := (earned[s].float() + m.prior*m.kA) / (float64(n) + m.kA)
		m.acc[s] = min(maxAccuracy, max(minAccuracy, a))
	}
}

// invest runs a round of PooledInvestment on the contested object o, from
// the sources' log trust: it adds to earned what each side-taking claim of
// o pays its source and, after the first round, the voices' pay to m.totS
// and their number to m.totN. first selects the first round's uniform
// belief.
func (m *model) invest(o *object, logT []float64, first bool, earned []fix) {
	// Each side-taking claim invests its source's trust over its number of
	// such claims (in logarithms, in m.pw); of a group's members that state
	// the same form, the greatest investor is the voice (a tied member
	// invests as much, so which one changes no number).
	m.pw = resize(m.pw, len(o.claims))
	m.voting = resize(m.voting, len(o.claims))
	top := math.Inf(-1)
	for j := range o.claims {
		c := &o.claims[j]
		m.voting[j] = false
		if c.side {
			m.pw[j] = logT[c.src] - math.Log(float64(m.contested[c.src]))
		}
	}
	for lo := 0; lo < len(o.claims); {
		hi := formEnd(o, lo)
		if !o.claims[lo].side { // a form's claims share their interval
			lo = hi
			continue
		}
		// By group, the greatest investor first (then the first claim).
		m.order = m.order[:0]
		for j := lo; j < hi; j++ {
			m.order = append(m.order, int32(j))
		}
		slices.SortFunc(m.order, func(a, b int32) int {
			if c := cmp.Compare(m.group[o.claims[a].src], m.group[o.claims[b].src]); c != 0 {
				return c
			}
			if c := cmp.Compare(m.pw[b], m.pw[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for k, j := range m.order {
			if k == 0 || m.group[o.claims[j].src] != m.group[o.claims[m.order[k-1]].src] {
				m.voting[j] = true
				top = max(top, m.pw[j])
			}
		}
		lo = hi
	}
	if math.IsInf(top, -1) {
		return // no claim takes a side
	}
	if first {
		top = 0 // the first round's pay depends on the pools' scale
	}
	// The pools: each form's voices, relative to the greatest investment
	// on the object, as a difference array over the candidates.
	m.diff = resize(m.diff, len(o.cands)+1)
	clear(m.diff)
	for lo := 0; lo < len(o.claims); {
		hi := formEnd(o, lo)
		var sum, lead fix
		for j := lo; j < hi; j++ {
			if m.voting[j] {
				w := toFix(math.Exp(m.pw[j] - top))
				sum += w
				lead = max(lead, w)
			}
		}
		if sum > 0 {
			// The first voice in full, the others as possible repeats.
			h := lead + toFix((1-m.c0)*(sum-lead).float())
			c := &o.claims[lo]
			m.diff[c.from] += h
			m.diff[c.to] -= h
		}
		lo = hi
	}
	k := len(o.cands)
	m.ll = resize(m.ll, k) // the pool of each candidate
	var run, hmax fix
	for v := range k {
		run += m.diff[v]
		m.ll[v] = run
		hmax = max(hmax, run)
	}
	// m.full: per candidate, 1/H in the first round, and the share of
	// belief H^g / Σ H^g after.
	m.full = resize(m.full, k)
	if first {
		for v := range k {
			m.full[v] = 0
			if m.ll[v] > 0 {
				m.full[v] = 1 / m.ll[v].float()
			}
		}
	} else {
		var z fix
		for v := range k {
			m.full[v] = math.Pow(m.ll[v].float()/hmax.float(), pooledExponent)
			z += toFix(m.full[v])
		}
		for v := range k {
			m.full[v] /= z.float()
		}
	}
	// Prefix sums over the candidates: of the shares of belief in fix (so
	// that a claim's mass is an exact sum, whatever the order), and of 1/H in
	// float64 for the first round's wide intervals.
	m.cum = resize(m.cum, k+1)
	m.fwd = resize(m.fwd, k+1)
	m.cum[0], m.fwd[0] = 0, 0
	for v := range k {
		m.cum[v+1] = m.cum[v] + toFix(m.full[v])
		m.fwd[v+1] = m.fwd[v] + m.full[v]
	}
	for j := range o.claims {
		c := &o.claims[j]
		if !c.side {
			continue
		}
		var pay float64
		if first {
			// The claim's share of each pool it is in, times the belief 1/k.
			// The sum runs over candidates in order of figure: 1/H can be
			// too large and too small for a fix. Over more than
			// wideInterval candidates it is a difference of prefix sums,
			// so that no object costs more than linear time.
			if c.to-c.from <= wideInterval {
				for _, x := range m.full[c.from:c.to] {
					pay += x
				}
			} else {
				pay = m.fwd[c.to] - m.fwd[c.from]
			}
			pay *= math.Exp(m.pw[j]) / float64(k)
		} else {
			pay = (m.cum[c.to] - m.cum[c.from]).float()
		}
		earned[c.src] += toFix(pay) // at most 1, or 1/(1 − c₀) in the first round
		if !first && m.voting[j] {
			m.vS[m.group[c.src]] += toFix(pay)
			m.vN[m.group[c.src]] += fixScale
		}
	}
}

// formEnd returns the end of the form that starts at o.claims[lo].
func formEnd(o *object, lo int) int {
	hi := lo + 1
	for hi < len(o.claims) && o.claims[hi].form == o.claims[lo].form {
		hi++
	}
	return hi
}
