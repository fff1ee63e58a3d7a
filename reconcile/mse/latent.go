package mse

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/source"
)

// LatentClassOptions are the choices of [LatentClass]. Start from
// [DefaultLatentClassOptions]; the zero value is not valid.
type LatentClassOptions struct {
	// Level is the probability of the posterior interval, in (0, 1): the
	// interval runs from the (1 − Level)/2 quantile of N to the
	// (1 + Level)/2 quantile.
	Level float64
	// Classes is K*, the number of latent classes the Dirichlet process is
	// truncated at (LCMCR's K), 2 to 50. Classes the data do not need stay
	// nearly empty.
	Classes int
	// AlphaShape and AlphaRate are the Gamma(a, b) prior of the Dirichlet
	// process's concentration α (LCMCR's a_alpha and b_alpha).
	AlphaShape, AlphaRate float64
	// Burnin is the number of iterations discarded at the start.
	Burnin int
	// Draws is the number of draws of N kept after the burn-in, one every
	// Thin iterations.
	Draws, Thin int
	// Seed seeds the sampler: the same seed and table give the same draws
	// to the last bit.
	Seed uint64
	// Progress, if not nil, is called every 1,000 iterations and at the
	// end with the iterations done and their total. It runs on the
	// caller's goroutine and must not block.
	Progress func(done, total int)
}

// DefaultLatentClassOptions returns LCMCR's defaults and those of its
// documented example: 10 classes, α ~ Gamma(0.25, 0.25), 10,000
// iterations of burn-in, then 10,000 draws kept one every 10 iterations,
// seed 1, a 95 % interval.
func DefaultLatentClassOptions() LatentClassOptions {
	return LatentClassOptions{Level: 0.95, Classes: 10, AlphaShape: 0.25, AlphaRate: 0.25, Burnin: 10000, Draws: 10000, Thin: 10, Seed: 1}
}

// Limits on [LatentClassOptions].
const (
	maxClasses    = 50
	maxIterations = 100_000_000
)

// Validate reports every field that breaks its rule, joined; each is a
// [*FieldError] wrapping [ErrInvalid].
func (o LatentClassOptions) Validate() error {
	var errs []error
	bad := func(field string, v any, why string) {
		errs = append(errs, fieldErr("LatentClassOptions."+field, fmt.Sprint(v), ErrInvalid, "%s", why))
	}
	if !(o.Level > 0 && o.Level < 1) {
		bad("Level", o.Level, "want a level in (0, 1)")
	}
	if o.Classes < 2 || o.Classes > maxClasses {
		bad("Classes", o.Classes, "want 2 to 50 classes")
	}
	if !(o.AlphaShape > 0) || math.IsInf(o.AlphaShape, 0) {
		bad("AlphaShape", o.AlphaShape, "want a finite shape > 0")
	}
	if !(o.AlphaRate > 0) || math.IsInf(o.AlphaRate, 0) {
		bad("AlphaRate", o.AlphaRate, "want a finite rate > 0")
	}
	if o.Burnin < 0 {
		bad("Burnin", o.Burnin, "want 0 or more iterations")
	}
	if o.Draws < 10 {
		bad("Draws", o.Draws, "want at least 10 draws")
	}
	if o.Thin < 1 {
		bad("Thin", o.Thin, "want 1 or more")
	}
	if len(errs) == 0 && o.Burnin+o.Draws*o.Thin > maxIterations {
		bad("Draws", o.Draws, "more than 100,000,000 iterations in all")
	}
	return errors.Join(errs...)
}

// Posterior is the outcome of [LatentClass]: the kept draws of N and what
// they say.
type Posterior struct {
	// Estimate summarises the posterior with [MethodLatentClass]: N is the
	// posterior median, Lo and Hi the quantiles of the interval, SE the
	// posterior standard deviation. Params, Deviance, DF, AIC, BIC are zero;
	// Iterations is the number of iterations run.
	Estimate Estimate
	// Draws are the kept draws of N, in the order drawn.
	Draws []int
	// Diagnostics are the convergence diagnostics of the draws.
	Diagnostics Diagnostics
}

// Quantile returns the q-quantile of the draws of N (R's default, type 7:
// linear between order statistics), or NaN when there are no draws or q
// is outside [0, 1].
func (p Posterior) Quantile(q float64) float64 {
	if len(p.Draws) == 0 || !(q >= 0 && q <= 1) {
		return math.NaN()
	}
	s := slices.Clone(p.Draws)
	slices.Sort(s)
	return quantile7(s, q)
}

func quantile7(sorted []int, q float64) float64 {
	h := q * float64(len(sorted)-1)
	i := int(math.Floor(h))
	if i >= len(sorted)-1 {
		return float64(sorted[len(sorted)-1])
	}
	return float64(sorted[i]) + (h-float64(i))*float64(sorted[i+1]-sorted[i])
}

// Diagnostics are convergence diagnostics of a chain of draws of N.
type Diagnostics struct {
	// ESS is the effective sample size: the number of independent draws
	// worth as much as the chain, from its autocorrelations (Geyer's
	// initial monotone sequence, 1992).
	ESS float64
	// RHat is the split-R̂ of Gelman et al. (2013, section 11.4): the chain
	// cut in two halves, the ratio of the pooled to the within-half
	// variance. Near 1 when the halves agree.
	RHat float64
	// Geweke is Geweke's (1992) z-score: the mean of the first 10 % of the
	// draws minus that of the last 50 %, over its standard error
	// (each part's variance over its effective size). Within ±2 when the
	// start and the end agree.
	Geweke float64
	// Warning is empty when ESS ≥ 100, RHat ≤ 1.05 and |Geweke| ≤ 3, and
	// otherwise says which is not, and that the chain should run longer.
	Warning string
}

// LatentClass estimates the total of a stratum with the Bayesian
// latent-class model of Manrique-Vallier (2016, "Bayesian population size
// estimation using Dirichlet process mixtures", Biometrics 72(4)), the
// model that R's LCMCR implements and HRDAG's verdata runs per stratum.
//
// People belong to latent classes; within a class the lists document
// people independently, with probabilities λⱼₖ that differ from class to
// class, so that heterogeneous capture and dependence between lists are
// both captured by the mixture. The class weights have a truncated
// stick-breaking (Dirichlet process) prior with concentration α ~
// Gamma(AlphaShape, AlphaRate), each λⱼₖ a uniform prior, and N the prior
// p(N) ∝ 1/N. The Gibbs sampler draws, in each iteration: the classes of
// the people seen, cell by cell, as multinomial counts; the number unseen
// from its negative binomial conditional, NB(n, 1 − p₀) with p₀ the
// probability of being on no list; their classes; each λⱼₖ from its beta
// conditional; the stick-breaking weights; α.
//
// The sampler is seeded ([LatentClassOptions.Seed]) and deterministic: the
// same table and options give the same draws to the last bit, whatever
// the order in which the lists or cells were given. It checks ctx every
// 1,000 iterations and returns ctx's error if it is done.
//
// It refuses what [Fit] refuses for the stratum as a whole (empty
// stratum, fewer than three usable lists, no one on two lists), invalid
// options, and a posterior median of N above source.MaxCount
// ([ErrNotEstimable]).
func LatentClass(ctx context.Context, h Histories, o LatentClassOptions) (Posterior, error) {
	if err := o.Validate(); err != nil {
		return Posterior{}, err
	}
	d, err := prepare(h)
	if err != nil {
		return Posterior{}, err
	}
	s := newLCSampler(d, o)
	total := o.Burnin + o.Draws*o.Thin
	draws := make([]int, 0, o.Draws)
	for it := 1; it <= total; it++ {
		s.step()
		if it > o.Burnin && (it-o.Burnin)%o.Thin == 0 {
			draws = append(draws, s.n+s.n0)
		}
		if it%1000 == 0 || it == total {
			if err := ctx.Err(); err != nil {
				return Posterior{}, err
			}
			if o.Progress != nil {
				o.Progress(it, total)
			}
		}
	}
	p := posterior(d, o, draws, total)
	if p.Estimate.N > source.MaxCount {
		return Posterior{}, fieldErr("Histories", h.stratum.String(), ErrNotEstimable, "posterior median of N above %d", source.MaxCount)
	}
	return p, nil
}

// posterior summarises the draws.
func posterior(d *design, o LatentClassOptions, draws []int, iters int) Posterior {
	sorted := slices.Clone(draws)
	slices.Sort(sorted)
	_, sd := meanSD(draws)
	e := Estimate{
		Stratum: d.h.stratum, Method: MethodLatentClass, Lists: d.h.Lists(), Observed: d.h.n,
		N: quantile7(sorted, 0.5), SE: sd, Level: o.Level,
		Lo: quantile7(sorted, (1-o.Level)/2), Hi: quantile7(sorted, (1+o.Level)/2),
		Iterations: iters,
	}
	return Posterior{Estimate: e, Draws: draws, Diagnostics: diagnose(draws)}
}

// lcSampler is the state of the Gibbs sampler.
type lcSampler struct {
	r       *rand.Rand
	k, K    int       // lists, classes
	y       []int     // counts by cell mask; y[0] unused
	cells   []int     // the cells with a count, in mask order
	n, n0   int       // observed, unseen
	lambda  []float64 // λ[j*K + c]
	logPi   []float64 // log π_c
	pi      []float64 // π_c
	alpha   float64
	a, b    float64   // prior of α
	prob    []float64 // P(cell | class), [mask*K + c]
	nk      []int     // people per class, unseen included
	sk      []int     // people per class on list j, [j*K + c]
	w       []float64 // multinomial weights
	log1mV  []float64
	cellCnt []int // class counts of one cell
}

func newLCSampler(d *design, o LatentClassOptions) *lcSampler {
	k, K := d.k, o.Classes
	s := &lcSampler{
		r: rand.New(rand.NewPCG(o.Seed, 0x6c636d6372)), k: k, K: K, y: d.h.counts, n: d.h.n,
		lambda: make([]float64, k*K), logPi: make([]float64, K), pi: make([]float64, K), alpha: 1, a: o.AlphaShape, b: o.AlphaRate,
		prob: make([]float64, (1<<k)*K), nk: make([]int, K), sk: make([]int, k*K), w: make([]float64, K),
		log1mV: make([]float64, K), cellCnt: make([]int, K),
	}
	for c := 1; c < len(s.y); c++ {
		if s.y[c] > 0 {
			s.cells = append(s.cells, c)
		}
	}
	for i := range s.lambda {
		s.lambda[i] = beta1(s.r, 1, 1)
	}
	s.sticks()
	return s
}

// sticks draws the stick-breaking weights from their conditional given the
// class sizes nk (all zero at the start: the prior).
func (s *lcSampler) sticks() {
	rest := 0
	for _, c := range s.nk {
		rest += c
	}
	acc := 0.0
	for c := range s.K {
		rest -= s.nk[c]
		if c == s.K-1 {
			s.logPi[c] = acc
			s.log1mV[c] = math.Inf(-1)
			break
		}
		v, l1m := beta(s.r, 1+float64(s.nk[c]), s.alpha+float64(rest))
		s.logPi[c] = acc + math.Log(v)
		s.log1mV[c] = l1m
		acc += l1m
	}
}

// step runs one sweep of the Gibbs sampler. Each draw is from the full
// conditional of Manrique-Vallier (2016, section 3) given the rest:
//
//   - the classes of the people seen, given π and λ: a person in cell m is
//     in class c with probability ∝ π_c·P(m | c), so the cell's count is
//     split multinomially ([lcSampler.classesSeen]);
//   - the number unseen, given π and λ alone (the classes of the seen do
//     not enter): under p(N) ∝ 1/N, N − n ~ NB(n, 1 − p₀), with p₀ =
//     Σ_c π_c ∏_j (1 − λⱼ_c) the probability of being on no list; then
//     their classes, given that they were not seen: ∝ π_c ∏_j (1 − λⱼ_c)
//     ([lcSampler.unseen]);
//   - each λⱼ_c, given the classes: Beta(1 + seen on j in c, 1 + the
//     rest of c) under its uniform prior ([lcSampler.captures]);
//   - the sticks, given the class sizes: V_c ~ Beta(1 + n_c, α + Σ_{l>c}
//     n_l) for c < K*, and V_K* = 1 ([lcSampler.sticks]);
//   - α, given the sticks: Gamma(a + K* − 1, b − Σ_{c<K*} log(1 − V_c))
//     ([lcSampler.concentration]).
func (s *lcSampler) step() {
	s.likelihoods()
	s.classesSeen()
	s.unseen()
	s.captures()
	s.sticks()
	s.concentration()
}

// likelihoods computes P(cell | class) for every cell, the unseen cell 0
// included, and π from its logarithms.
func (s *lcSampler) likelihoods() {
	k, K := s.k, s.K
	for m := range 1 << k {
		for c := range K {
			p := 1.0
			for j := range k {
				l := s.lambda[j*K+c]
				if m&(1<<j) != 0 {
					p *= l
				} else {
					p *= 1 - l
				}
			}
			s.prob[m*K+c] = p
		}
	}
	for c := range K {
		s.pi[c] = math.Exp(s.logPi[c])
	}
}

// classesSeen draws the classes of the people seen, cell by cell, and
// restarts the class sizes nk and the counts sk from them.
func (s *lcSampler) classesSeen() {
	k, K := s.k, s.K
	clear(s.nk)
	clear(s.sk)
	for _, m := range s.cells {
		for c := range K {
			s.w[c] = s.pi[c] * s.prob[m*K+c]
		}
		s.multinomial(s.y[m], s.w)
		for c, cnt := range s.cellCnt {
			if cnt == 0 {
				continue
			}
			s.nk[c] += cnt
			for j := range k {
				if m&(1<<j) != 0 {
					s.sk[j*K+c] += cnt
				}
			}
		}
	}
}

// unseen draws the number unseen, then their classes, which it adds to
// nk.
func (s *lcSampler) unseen() {
	s.n0 = s.unseenCount(s.unseenWeights())
	s.multinomial(s.n0, s.w)
	for c, cnt := range s.cellCnt {
		s.nk[c] += cnt
	}
}

// unseenWeights sets s.w to π_c·P(unseen | c), the weights of an unseen
// person's class, and returns their sum p₀, the probability of being
// unseen.
func (s *lcSampler) unseenWeights() float64 {
	p0 := 0.0
	for c := range s.K {
		s.w[c] = s.pi[c] * s.prob[c]
		p0 += s.w[c]
	}
	return p0
}

// unseenCount draws N − n from NB(n, 1 − p0), the number of failures
// before the n-th success, as a Poisson draw whose mean is a Gamma(n, 1)
// draw times the odds p0/(1 − p0).
func (s *lcSampler) unseenCount(p0 float64) int {
	if !(p0 > 0) {
		return 0
	}
	odds := p0 / (1 - p0)
	if p0 >= 1 || math.IsInf(odds, 0) {
		odds = math.MaxFloat64
	}
	mu := gamma(s.r, float64(s.n)) * odds
	if mu > 4*maxCountF {
		mu = 4 * maxCountF
	}
	return poisson(s.r, mu)
}

// captures draws each capture probability λⱼ_c given the classes.
func (s *lcSampler) captures() {
	k, K := s.k, s.K
	for j := range k {
		for c := range K {
			on := s.sk[j*K+c]
			s.lambda[j*K+c] = beta1(s.r, 1+float64(on), 1+float64(s.nk[c]-on))
		}
	}
}

// concentration draws α given the sticks.
func (s *lcSampler) concentration() {
	sum := 0.0
	for c := range s.K - 1 {
		sum += s.log1mV[c]
	}
	rate := s.b - sum
	s.alpha = math.Max(gamma(s.r, s.a+float64(s.K-1))/rate, 1e-300)
}

// multinomial draws n into s.cellCnt with probabilities proportional to w,
// by successive binomials.
func (s *lcSampler) multinomial(n int, w []float64) {
	clear(s.cellCnt)
	rest := 0.0
	for _, v := range w {
		rest += v
	}
	for c, v := range w {
		if n == 0 {
			return
		}
		if c == len(w)-1 || !(rest > 0) {
			s.cellCnt[c] = n
			return
		}
		p := min(v/rest, 1)
		b := binomial(s.r, n, p)
		s.cellCnt[c] = b
		n -= b
		rest -= v
	}
}

// maxCountF caps the mean of the unseen count: beyond source.MaxCount the
// draw means nothing, and the cap keeps the sampler finite.
const maxCountF = 1e9

func meanSD(x []int) (mean, sd float64) {
	if len(x) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, v := range x {
		mean += float64(v)
	}
	mean /= float64(len(x))
	for _, v := range x {
		d := float64(v) - mean
		sd += d * d
	}
	if len(x) > 1 {
		sd = math.Sqrt(sd / float64(len(x)-1))
	}
	return mean, sd
}

// ess returns the effective sample size of x by Geyer's initial monotone
// sequence.
func ess(x []int) float64 {
	n := len(x)
	if n < 4 {
		return float64(n)
	}
	mean, sd := meanSD(x)
	v := sd * sd * float64(n-1) / float64(n)
	if !(v > 0) {
		return float64(n)
	}
	rho := func(t int) float64 {
		s := 0.0
		for i := 0; i+t < n; i++ {
			s += (float64(x[i]) - mean) * (float64(x[i+t]) - mean)
		}
		return s / float64(n) / v
	}
	tau := -1.0
	prev := math.Inf(1)
	for m := 0; 2*m+1 < n; m++ {
		g := rho(2*m) + rho(2*m+1)
		if g <= 0 {
			break
		}
		g = math.Min(g, prev)
		prev = g
		tau += 2 * g
	}
	if tau < 1.0/float64(n) {
		tau = 1.0 / float64(n)
	}
	return float64(n) / tau
}

// diagnose computes the diagnostics of draws.
func diagnose(x []int) Diagnostics {
	var d Diagnostics
	n := len(x)
	d.ESS = ess(x)
	h := n / 2
	m1, s1 := meanSD(x[:h])
	m2, s2 := meanSD(x[n-h:])
	w := (s1*s1 + s2*s2) / 2
	mm := (m1 + m2) / 2
	b := float64(h) * ((m1-mm)*(m1-mm) + (m2-mm)*(m2-mm))
	if w > 0 {
		d.RHat = math.Sqrt((float64(h-1)/float64(h)*w + b/float64(h)) / w)
	} else {
		d.RHat = 1
	}
	a := x[:n/10]
	z := x[n-n/2:]
	ma, sa := meanSD(a)
	mz, sz := meanSD(z)
	den := sa*sa/ess(a) + sz*sz/ess(z)
	if den > 0 {
		d.Geweke = (ma - mz) / math.Sqrt(den)
	}
	var why []string
	if d.ESS < 100 {
		why = append(why, "effective sample size "+strconv.FormatFloat(d.ESS, 'f', 0, 64)+" < 100")
	}
	if d.RHat > 1.05 {
		why = append(why, "split-R̂ "+strconv.FormatFloat(d.RHat, 'f', 3, 64)+" > 1.05")
	}
	if math.Abs(d.Geweke) > 3 {
		why = append(why, "Geweke z "+strconv.FormatFloat(d.Geweke, 'f', 2, 64)+" beyond ±3")
	}
	if len(why) > 0 {
		d.Warning = "the chain may not have converged (" + strings.Join(why, ", ") + "): run it longer"
	}
	return d
}
