// Package msetest provides [pgregory.net/rapid] generators of capture
// histories for property tests of package
// [github.com/freedcount/freedcount/reconcile/mse] and of code built on it,
// and the expansion of a table back into sightings, for tests of record
// linkage adapters.
//
// Tables are valid by construction (built through [mse.NewHistories]), and
// their counts look like the data the package is for: many people on one
// list, fewer on two, few on three or more, with zeros frequent enough that
// every refusal of the package (empty strata, lists that document nobody,
// lists that share nobody) is drawn often.
package msetest

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"strings"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// listPool are the names lists are drawn from, in an order that is not
// canonical, so that tables built from them exercise the canonical sort.
var listPool = []string{"ngo-b", "press", "ngo-a", "church", "un", "family"}

// Lists returns k list IDs (1 ≤ k ≤ mse.MaxLists), in the order the
// generators use them: not canonical order.
func Lists(k int) []mse.ListID {
	out := make([]mse.ListID, k)
	for i := range k {
		out[i] = mse.MustListID(listPool[i])
	}
	return out
}

// Stratum returns the stratum of generated tables, "VE/Zulia".
func Stratum() mse.Stratum { return mse.MustStratum("VE/Zulia") }

// Histories generates tables of capture histories over minLists to
// maxLists lists (mse.MinLists ≤ minLists ≤ maxLists ≤ mse.MaxLists, else
// it panics). A person is on one list with counts up to 200, on two with
// counts up to 40, on three or more up to 8; each cell is zero with
// probability about one in four, and a whole list is empty now and then.
func Histories(minLists, maxLists int) *rapid.Generator[mse.Histories] {
	if minLists < mse.MinLists || maxLists > mse.MaxLists || minLists > maxLists {
		panic(fmt.Sprintf("msetest: Histories(%d, %d): want %d ≤ min ≤ max ≤ %d", minLists, maxLists, mse.MinLists, mse.MaxLists))
	}
	return rapid.Custom(func(t *rapid.T) mse.Histories {
		k := rapid.IntRange(minLists, maxLists).Draw(t, "lists")
		return drawTable(t, k)
	})
}

func drawTable(t *rapid.T, k int) mse.Histories {
	lists := Lists(k)
	empty := -1
	if rapid.IntRange(0, 9).Draw(t, "someListEmpty") == 0 {
		empty = rapid.IntRange(0, k-1).Draw(t, "emptyList")
	}
	counts := map[string]int{}
	for m := 1; m < 1<<k; m++ {
		if empty >= 0 && m&(1<<empty) != 0 {
			continue
		}
		top := [...]int{0, 200, 40, 8, 8, 8, 8}[bits.OnesCount(uint(m))]
		c := 0
		if rapid.IntRange(0, 3).Draw(t, "nonzero") > 0 {
			c = rapid.IntRange(0, top).Draw(t, "count")
		}
		counts[Pattern(uint(m), k)] = c
	}
	return mse.MustHistories(Stratum(), lists, counts)
}

// Pattern writes mask as a pattern of k characters over lists in the order
// given: character i is '1' when bit i of mask is set.
func Pattern(mask uint, k int) string {
	var b strings.Builder
	for i := range k {
		b.WriteByte('0' + byte(mask>>i&1))
	}
	return b.String()
}

// Sightings expands tables into sightings: for each person of each cell,
// one sighting per list of the cell's pattern, with a person key unique
// across the tables ("STRATUM/PATTERN/i"). Tallying the result over the
// tables' lists gives the tables back. The sightings come in table, cell
// and person order; shuffle them to test order independence.
func Sightings(hs ...mse.Histories) []mse.Sighting[string] {
	var out []mse.Sighting[string]
	for _, h := range hs {
		lists := h.Lists()
		for p, c := range h.Cells() {
			for i := range c {
				key := h.Stratum().String() + "/" + p + "/" + fmt.Sprint(i)
				for j, on := range p {
					if on == '1' {
						out = append(out, mse.Sighting[string]{Stratum: h.Stratum(), Person: key, List: lists[j]})
					}
				}
			}
		}
	}
	return out
}

// AddEverywhere returns h with one more person on every list.
func AddEverywhere(h mse.Histories) mse.Histories {
	counts := map[string]int{}
	all := ""
	for p, c := range h.Cells() {
		counts[p] = c
		if !strings.Contains(p, "0") {
			all = p
		}
	}
	counts[all]++
	return mse.MustHistories(h.Stratum(), h.Lists(), counts)
}

// Simulated returns the table of a simulated stratum of total people and k
// lists (mse.MinLists ≤ k ≤ mse.MaxLists), deterministic for a seed: list j
// documents a person with probability 0.15 + 0.05j, except that the second
// list documents half of the people on the first (a dependence that
// log-linear models should find). It is meant for benchmarks and
// examples of realistic size.
func Simulated(k, total int, seed uint64) mse.Histories {
	if k < mse.MinLists || k > mse.MaxLists || total < 0 {
		panic(fmt.Sprintf("msetest: Simulated(%d, %d): bad arguments", k, total))
	}
	r := rand.New(rand.NewPCG(seed, 0x6d7365))
	counts := make([]int, 1<<k)
	for range total {
		var m uint
		for j := range k {
			p := 0.15 + 0.05*float64(j)
			if j == 1 && m&1 != 0 {
				p = 0.5
			}
			if r.Float64() < p {
				m |= 1 << j
			}
		}
		counts[m]++
	}
	cells := map[string]int{}
	for m := 1; m < 1<<k; m++ {
		cells[Pattern(uint(m), k)] = counts[m]
	}
	return mse.MustHistories(Stratum(), Lists(k), cells)
}

// Population is a simulated stratum of [LatentClasses]: its table and the
// truth behind it.
type Population struct {
	Histories mse.Histories
	// N is the true total, seen or not.
	N int
	// Classes is the number of latent classes it was drawn from (for
	// [FromPrior], the number with at least one member).
	Classes int
}

// LatentClasses simulates a stratum of total people in classes latent
// classes (2 or 3) documented by k lists (mse.MinLists ≤ k ≤
// mse.MaxLists), deterministic for a seed, as a test of estimators under
// heterogeneous capture: each class's share is proportional to 0.1 + U,
// with U uniform on [0, 1); in the first class, the easily documented, each
// list documents a person with a probability drawn uniformly from
// [0.3, 0.7]; in the others, the hard to see, from [0.1, 0.3]. Within a
// class the lists are
// independent, which is the latent-class model's assumption, and across
// classes they are not, which breaks that of the log-linear independence
// model.
func LatentClasses(k, total, classes int, seed uint64) Population {
	if k < mse.MinLists || k > mse.MaxLists || total < 0 || classes < 1 {
		panic(fmt.Sprintf("msetest: LatentClasses(%d, %d, %d): bad arguments", k, total, classes))
	}
	r := rand.New(rand.NewPCG(seed, 0x6c6174656e74))
	share := make([]float64, classes)
	sum := 0.0
	for c := range share {
		share[c] = 0.1 + r.Float64()
		sum += share[c]
	}
	p := make([][]float64, classes)
	for c := range p {
		p[c] = make([]float64, k)
		for j := range k {
			if c == 0 {
				p[c][j] = 0.3 + 0.4*r.Float64()
			} else {
				p[c][j] = 0.1 + 0.2*r.Float64()
			}
		}
	}
	counts := make([]int, 1<<k)
	for range total {
		u := r.Float64() * sum
		c := 0
		for c < classes-1 && u >= share[c] {
			u -= share[c]
			c++
		}
		var m uint
		for j := range k {
			if r.Float64() < p[c][j] {
				m |= 1 << j
			}
		}
		counts[m]++
	}
	cells := map[string]int{}
	for m := 1; m < 1<<k; m++ {
		cells[Pattern(uint(m), k)] = counts[m]
	}
	return Population{Histories: mse.MustHistories(Stratum(), Lists(k), cells), N: total, Classes: classes}
}

// FromPrior simulates a stratum documented by k lists (mse.MinLists ≤ k ≤
// mse.MaxLists) from the prior of [mse.LatentClass] itself, deterministic
// for a seed, for simulation-based calibration of the sampler (Cook, Gelman
// and Rubin 2006; Talts et al. 2018): whatever the population, the
// posterior's 95 % interval of a correct sampler covers a total drawn from
// the prior 95 % of the time. The concentration α is drawn from
// Gamma(o.AlphaShape, o.AlphaRate), the class weights by stick-breaking
// truncated at o.Classes, each list's probability of documenting a member of
// a class uniformly from [0, 1], and the total log-uniformly from 500 to
// 20,000 (the sampler's prior p(N) ∝ 1/N, truncated). It panics on
// arguments [mse.LatentClassOptions.Validate] refuses.
func FromPrior(k int, o mse.LatentClassOptions, seed uint64) Population {
	if k < mse.MinLists || k > mse.MaxLists || o.Validate() != nil {
		panic(fmt.Sprintf("msetest: FromPrior(%d, %+v): bad arguments", k, o))
	}
	r := rand.New(rand.NewPCG(seed, 0x7072696f72))
	alpha := gammaVariate(r, o.AlphaShape) / o.AlphaRate
	K := o.Classes
	pi := make([]float64, K)
	rest := 1.0
	for c := range K - 1 {
		x, y := gammaVariate(r, 1), gammaVariate(r, alpha)
		v := 1.0
		if x+y > 0 {
			v = x / (x + y)
		}
		pi[c] = rest * v
		rest *= 1 - v
	}
	pi[K-1] = rest
	lambda := make([][]float64, K)
	for c := range lambda {
		lambda[c] = make([]float64, k)
		for j := range k {
			lambda[c][j] = r.Float64()
		}
	}
	total := int(math.Round(500 * math.Pow(40, r.Float64())))
	counts := make([]int, 1<<k)
	used := map[int]bool{}
	for range total {
		u := r.Float64()
		c := 0
		for c < K-1 && u >= pi[c] {
			u -= pi[c]
			c++
		}
		used[c] = true
		var m uint
		for j := range k {
			if r.Float64() < lambda[c][j] {
				m |= 1 << j
			}
		}
		counts[m]++
	}
	cells := map[string]int{}
	for m := 1; m < 1<<k; m++ {
		cells[Pattern(uint(m), k)] = counts[m]
	}
	return Population{Histories: mse.MustHistories(Stratum(), Lists(k), cells), N: total, Classes: len(used)}
}

// gammaVariate returns a Gamma(shape, 1) variate (Marsaglia and Tsang 2000,
// with their boost for shape < 1); 0 for shape 0.
func gammaVariate(r *rand.Rand, shape float64) float64 {
	if !(shape > 0) {
		return 0
	}
	if shape < 1 {
		return gammaVariate(r, shape+1) * math.Pow(1-r.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		if u := 1 - r.Float64(); math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}
