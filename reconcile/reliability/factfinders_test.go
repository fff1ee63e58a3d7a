package reliability_test

import (
	"cmp"
	"math"
	"slices"
)

// The fact-finders of Pasternack and Roth ("Knowing What to Believe (when
// you already know something)", COLING 2010), as reference baselines for
// the benchmarks: Investment and PooledInvestment. They were measured
// against the package's model on every data set (see the package
// documentation) and are not offered by the package; they are kept here so
// that the comparison is repeated in every benchmark run.
//
// A claim is an object's distinct stated figure; the sources of a claim
// are those that state it; M(c) are the claims on c's object. Each source
// s invests its trust T(s) uniformly in its |C_s| claims. Starting from
// T⁰ = 1 and the uniform belief B⁰(c) = 1/|M(c)|, each round computes
//
//	T(s) = Σ_{c∈C_s} B(c) · (T(s)/|C_s|) / H(c),  H(c) = Σ_{r∈S_c} T(r)/|C_r|
//
// with the previous round's T, B and H, normalises T by its greatest value,
// and then the new beliefs from the new H:
//
//	Investment:        B(c) = H(c)^g
//	PooledInvestment:  B(c) = H(c) · H(c)^g / Σ_{d∈M(c)} H(d)^g
//
// The estimate of an object is its claim of greatest belief, the smaller
// figure on a tie. Sums run in a fixed order (objects in order, figures
// increasing, sources in file order), so the result is deterministic.

// factFinder selects the belief function.
type factFinder int

const (
	investment factFinder = 1 + iota
	pooledInvestment
)

// factClaim is one distinct figure of one object, with the sources stating
// it.
type factClaim struct {
	value   int
	sources []int
	h, b    float64
}

// factFind runs rounds rounds of the fact-finder f with exponent g over the
// data set's votes and returns the estimate of each object.
func factFind(d *dataset, f factFinder, g float64, rounds int) func(objKey) (int, bool) {
	keys := sortedKeys(d.votes)
	srcIndex := map[string]int{}
	var counts []float64 // |C_s|
	objects := make([][]factClaim, len(keys))
	for i, k := range keys {
		byValue := map[int]int{}
		for _, v := range d.votes[k] {
			s, ok := srcIndex[v.src]
			if !ok {
				s = len(counts)
				srcIndex[v.src] = s
				counts = append(counts, 0)
			}
			j, ok := byValue[v.value]
			if !ok {
				j = len(objects[i])
				byValue[v.value] = j
				objects[i] = append(objects[i], factClaim{value: v.value})
			}
			if !slices.Contains(objects[i][j].sources, s) {
				objects[i][j].sources = append(objects[i][j].sources, s)
				counts[s]++
			}
		}
		slices.SortFunc(objects[i], func(a, b factClaim) int { return cmp.Compare(a.value, b.value) })
		for j := range objects[i] {
			objects[i][j].b = 1 / float64(len(objects[i]))
		}
	}
	trust := make([]float64, len(counts))
	for s := range trust {
		trust[s] = 1
	}
	next := make([]float64, len(counts))
	pool := func() { // H from the current trust
		for _, claims := range objects {
			for j := range claims {
				c := &claims[j]
				c.h = 0
				for _, s := range c.sources {
					c.h += trust[s] / counts[s]
				}
			}
		}
	}
	pool()
	for range rounds {
		clear(next)
		for _, claims := range objects {
			for _, c := range claims {
				if c.h == 0 {
					continue // every investor's trust underflowed
				}
				for _, s := range c.sources {
					next[s] += c.b * (trust[s] / counts[s]) / c.h
				}
			}
		}
		top := slices.Max(next)
		for s := range trust {
			trust[s] = next[s] / top
		}
		pool()
		for _, claims := range objects {
			var z float64
			for _, c := range claims {
				z += math.Pow(c.h, g)
			}
			for j := range claims {
				c := &claims[j]
				c.b = math.Pow(c.h, g)
				if f == pooledInvestment {
					c.b = 0
					if z > 0 {
						c.b = c.h * math.Pow(c.h, g) / z
					}
				}
			}
		}
	}
	est := make(map[objKey]int, len(keys))
	for i, k := range keys {
		best := 0
		for j, c := range objects[i] {
			if c.b > objects[i][best].b {
				best = j
			}
		}
		est[k] = objects[i][best].value
	}
	return func(k objKey) (int, bool) {
		v, ok := est[k]
		return v, ok
	}
}
