package mse

import (
	"math"
	"math/rand/v2"
)

// Exact samplers from the standard distributions the latent-class Gibbs
// sampler needs, on a seeded math/rand/v2 source, so that a run is
// reproducible to the last bit. None approximates: the binomial and
// Poisson samplers for large arguments reduce the problem by exact
// order-statistic identities (Devroye 1986, Non-Uniform Random Variate
// Generation, sections X.4.3 and X.3.3; Knuth, TAOCP vol. 2, 3.4.1) until
// a direct method is cheap.

// logGamma returns the logarithm of a Gamma(shape, 1) variate, shape > 0:
// for shape < 1 Marsaglia and Tsang's boost G(a) = G(a + 1)·U^(1/a), kept
// in logarithms so that a tiny shape does not underflow to zero.
func logGamma(r *rand.Rand, shape float64) float64 {
	if shape < 1 {
		u := r.Float64()
		for u == 0 {
			u = r.Float64()
		}
		return logGamma(r, shape+1) + math.Log(u)/shape
	}
	return math.Log(gamma1(r, shape))
}

// gamma1 returns a Gamma(shape, 1) variate for shape ≥ 1: Marsaglia and
// Tsang's (2000) squeeze method.
func gamma1(r *rand.Rand, shape float64) float64 {
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x {
			return d * v
		}
		if u > 0 && math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// gamma returns a Gamma(shape, 1) variate.
func gamma(r *rand.Rand, shape float64) float64 {
	if shape >= 1 {
		return gamma1(r, shape)
	}
	return math.Exp(logGamma(r, shape))
}

// beta returns a Beta(a, b) variate and log(1 − it), from two gamma
// variates X/(X + Y); below shape 1 in logarithms, so that log(1 − v)
// stays accurate when one of them is tiny.
func beta(r *rand.Rand, a, b float64) (v, log1m float64) {
	if a >= 1 && b >= 1 {
		x, y := gamma1(r, a), gamma1(r, b)
		return x / (x + y), math.Log(y / (x + y))
	}
	lx, ly := logGamma(r, a), logGamma(r, b)
	// v = 1/(1 + e^(ly−lx)); 1 − v = 1/(1 + e^(lx−ly)).
	v = 1 / (1 + math.Exp(ly-lx))
	log1m = -log1pExp(lx - ly)
	return v, log1m
}

// beta1 returns a Beta(a, b) variate for a, b ≥ 1.
func beta1(r *rand.Rand, a, b float64) float64 {
	x, y := gamma1(r, a), gamma1(r, b)
	return x / (x + y)
}

// log1pExp returns log(1 + eˣ) without overflow.
func log1pExp(x float64) float64 {
	if x > 30 {
		return x + math.Exp(-x)
	}
	return math.Log1p(math.Exp(x))
}

// binomialDirect is the cut-off below which binomial draws by inversion.
const binomialDirect = 64

// binomial returns a Binomial(n, p) variate.
func binomial(r *rand.Rand, n int, p float64) int {
	if n <= 0 || !(p > 0) {
		return 0
	}
	if p >= 1 {
		return n
	}
	k := 0
	// The a-th smallest of n uniforms is Beta(a, n + 1 − a): the count
	// below p is found on the side of it where p lies, on fewer uniforms.
	// Inversion takes over once n or its expected steps are small.
	for n > binomialDirect && float64(n)*math.Min(p, 1-p) >= 16 {
		a := 1 + n/2
		b := n + 1 - a
		x := beta1(r, float64(a), float64(b))
		if p < x {
			n, p = a-1, p/x
		} else {
			k += a
			n, p = b-1, (p-x)/(1-x)
		}
		if !(p > 0) {
			return k
		}
		if p >= 1 {
			return k + n
		}
	}
	return k + binomialInversion(r, n, p)
}

// binomialInversion draws Binomial(n, p) by inverting the distribution
// function, in expected O(n·min(p, 1 − p)) steps.
func binomialInversion(r *rand.Rand, n int, p float64) int {
	flip := p > 0.5
	if flip {
		p = 1 - p
	}
	q := 1 - p
	s := p / q
	f := math.Pow(q, float64(n))
	u := r.Float64()
	x := 0
	for u > f && x < n {
		u -= f
		f *= s * float64(n-x) / float64(x+1)
		x++
	}
	if flip {
		return n - x
	}
	return x
}

// poisson returns a Poisson(mu) variate.
func poisson(r *rand.Rand, mu float64) int {
	k := 0
	// The m-th arrival of a unit Poisson process is Gamma(m): if it falls
	// after mu, the count before mu is that of m − 1 uniforms on the way.
	for mu > 30 {
		m := int(mu * 7 / 8)
		x := gamma(r, float64(m))
		if x > mu {
			return k + binomial(r, m-1, mu/x)
		}
		k += m
		mu -= x
	}
	l := math.Exp(-mu)
	prod := r.Float64()
	for prod > l {
		k++
		prod *= r.Float64()
	}
	return k
}
