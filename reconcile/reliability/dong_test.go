package reliability_test

import (
	"cmp"
	"math"
	"slices"
)

// The copy-aware vote of Dong, Berti-Equille and Srivastava ("Integrating
// conflicting data: the role of source dependence", PVLDB 2(1), 2009), as a
// reference baseline for the benchmarks beside the fact-finders of
// factfinders_test.go: the package's copy model differs from it (a copy
// rate per source, learned by EM, rather than a dependence per pair of
// sources), and the benchmarks measure both in one run. It is not offered
// by the package: its pairs are quadratic in the sources that speak on an
// object, which a crowd of sources agreeing on one figure makes too many.
//
// The model, with the paper's parameters (n = 100 wrong values, a copier
// copies an object with chance c = 0.8, a pair is dependent a priori with
// chance α = 0.2, every source starts at accuracy 0.8), each round:
//
//   - Dependence. For each pair of sources and each object both speak on,
//     the chance of what they say if independent: both right A₁A₂, the
//     same wrong figure (1−A₁)(1−A₂)/n, different figures the rest; and if
//     S₁ copies S₂: the same right figure A₂c + A₁A₂(1−c), the same wrong
//     one (1−A₂)c + (1−A₁)(1−A₂)(1−c)/n, different ones (1−c) times the
//     independent chance. A shared figure is right with the chance the last
//     round gave it. The posterior of S₁→S₂, S₂→S₁ and independence follows
//     from priors α/2, α/2 and 1−α and the products over the shared objects.
//   - Votes. On each object, the sources stating a figure are taken in
//     greedy order, each time the one that depends least on those already
//     taken (the most likely original), and each adds its vote
//     ln(n·A/(1−A)) times Π(1 − c·P(S~S′)) over the S′ taken before it,
//     P(S~S′) = P(S→S′) + P(S′→S) being the chance that the two are
//     dependent either way (the order is no inference of direction, so a
//     pair's discount is the same whichever of them is taken first).
//     A figure's chance is e^C / (Σ e^C′ + (n+1−k)), the k stated figures'
//     votes C′ beside the n+1−k that nobody states (vote 0).
//   - Accuracy. A source's accuracy is the mean chance of its figures, kept
//     in [0.0001, 0.9999].
//
// Rounds stop when no accuracy moves by more than 0.0001, or after
// dongRounds. Sums run in a fixed order (objects in order, sources by
// index, figures increasing), so the result is deterministic.

const (
	dongN      = 100
	dongCopy   = 0.8
	dongAlpha  = 0.2
	dongRounds = 50
)

// dongPair is the dependence of two sources, lo < hi by index.
type dongPair struct{ lo, hi int }

// dongCopyVote returns the estimate of each object of d under the model
// above, and the rounds run.
func dongCopyVote(d *dataset) (func(objKey) (int, bool), int) {
	keys := sortedKeys(d.votes)
	type said struct{ src, value int }
	srcIndex := map[string]int{}
	objects := make([][]said, len(keys)) // one figure per source: its last in file order
	for i, k := range keys {
		at := map[int]int{}
		for _, v := range d.votes[k] {
			s, ok := srcIndex[v.src]
			if !ok {
				s = len(srcIndex)
				srcIndex[v.src] = s
			}
			if j, ok := at[s]; ok {
				objects[i][j].value = v.value
				continue
			}
			at[s] = len(objects[i])
			objects[i] = append(objects[i], said{s, v.value})
		}
		slices.SortFunc(objects[i], func(a, b said) int { return cmp.Compare(a.src, b.src) })
	}
	acc := make([]float64, len(srcIndex))
	for s := range acc {
		acc[s] = 0.8
	}
	// prob[i][j]: the chance of the figure of objects[i][j], from the last round.
	prob := make([][]float64, len(keys))
	for i := range prob {
		prob[i] = make([]float64, len(objects[i]))
	}
	dep := map[dongPair][2]float64{} // P(lo→hi), P(hi→lo)
	first := true
	rounds := 0
	for rounds < dongRounds {
		rounds++
		// Dependence, from the last round's chances (none in the first).
		clear(dep)
		if !first {
			logs := map[dongPair][3]float64{} // log-likelihood of lo→hi, hi→lo, independent
			for i := range objects {
				for a := range objects[i] {
					for b := a + 1; b < len(objects[i]); b++ {
						x, y := objects[i][a], objects[i][b]
						a1, a2 := acc[x.src], acc[y.src]
						pt, pf := a1*a2, (1-a1)*(1-a2)/dongN
						l := logs[dongPair{x.src, y.src}]
						if x.value == y.value {
							p := prob[i][a]
							ind := p*pt + (1-p)*pf
							xy := p*(a2*dongCopy+pt*(1-dongCopy)) + (1-p)*((1-a2)*dongCopy+pf*(1-dongCopy))
							yx := p*(a1*dongCopy+pt*(1-dongCopy)) + (1-p)*((1-a1)*dongCopy+pf*(1-dongCopy))
							l[0] += math.Log(xy)
							l[1] += math.Log(yx)
							l[2] += math.Log(ind)
						} else {
							pd := 1 - pt - pf
							l[0] += math.Log(pd * (1 - dongCopy))
							l[1] += math.Log(pd * (1 - dongCopy))
							l[2] += math.Log(pd)
						}
						logs[dongPair{x.src, y.src}] = l
					}
				}
			}
			for p, l := range logs {
				top := max(l[0], l[1], l[2])
				e0 := dongAlpha / 2 * math.Exp(l[0]-top)
				e1 := dongAlpha / 2 * math.Exp(l[1]-top)
				e2 := (1 - dongAlpha) * math.Exp(l[2]-top)
				z := e0 + e1 + e2
				dep[p] = [2]float64{e0 / z, e1 / z}
			}
		}
		first = false
		dependent := func(s, t int) float64 { // P(s→t) + P(t→s)
			pr := dep[dongPair{min(s, t), max(s, t)}]
			return pr[0] + pr[1]
		}
		// Votes and chances.
		var group []int
		for i := range objects {
			claims := objects[i]
			values := make([]int, 0, len(claims))
			for _, c := range claims {
				values = append(values, c.value)
			}
			slices.Sort(values)
			values = slices.Compact(values)
			votes := make([]float64, len(values))
			for vi, v := range values {
				group = group[:0]
				for j, c := range claims {
					if c.value == v {
						group = append(group, j)
					}
				}
				var taken []int
				for len(group) > 0 {
					best, bestDep := 0, math.Inf(1)
					for gi, j := range group {
						var sum float64
						for _, t := range taken {
							sum += dependent(claims[j].src, claims[t].src)
						}
						if sum < bestDep {
							best, bestDep = gi, sum
						}
					}
					j := group[best]
					group = slices.Delete(group, best, best+1)
					s := claims[j].src
					indep := 1.0
					for _, t := range taken {
						indep *= 1 - dongCopy*dependent(s, claims[t].src)
					}
					votes[vi] += math.Log(dongN*acc[s]/(1-acc[s])) * indep
					taken = append(taken, j)
				}
			}
			top := max(0, slices.Max(votes))
			z := float64(dongN+1-len(values)) * math.Exp(-top)
			for _, c := range votes {
				z += math.Exp(c - top)
			}
			for j, c := range claims {
				vi, _ := slices.BinarySearch(values, c.value)
				prob[i][j] = math.Exp(votes[vi]-top) / z
			}
		}
		// Accuracies.
		sum := make([]float64, len(acc))
		n := make([]float64, len(acc))
		for i := range objects {
			for j, c := range objects[i] {
				sum[c.src] += prob[i][j]
				n[c.src]++
			}
		}
		change := 0.0
		for s := range acc {
			a := min(0.9999, max(0.0001, sum[s]/n[s]))
			change = max(change, math.Abs(a-acc[s]))
			acc[s] = a
		}
		if change <= 1e-4 {
			break
		}
	}
	est := make(map[objKey]int, len(keys))
	for i, k := range keys {
		best := 0
		for j := range objects[i] {
			if p, q := prob[i][j], prob[i][best]; p > q || (p == q && objects[i][j].value < objects[i][best].value) {
				best = j
			}
		}
		est[k] = objects[i][best].value
	}
	return func(k objKey) (int, bool) {
		v, ok := est[k]
		return v, ok
	}, rounds
}
