package linktest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/reconcile/link"
)

// Person returns the index, in [Truth.People], of the person record ref is
// of, and false if ref is not a record of the lists the truth was generated
// with.
func (t Truth) Person(ref link.Ref) (int, bool) {
	l := slices.Index(t.sources, ref.Source)
	if l < 0 {
		return 0, false
	}
	id := ref.ID.String()
	num, err := strconv.Atoi(id[strings.LastIndexByte(id, '-')+1:])
	if err != nil || num < 0 || num >= len(t.person[l]) {
		return 0, false
	}
	return int(t.person[l][num]), true
}

// People returns the population the lists were drawn from.
func (t Truth) People() []Person { return slices.Clone(t.people) }

// Pairs returns the number of true pairs: pairs of records of one person.
func (t Truth) Pairs() int64 {
	count := make(map[int32]int64)
	for _, l := range t.person {
		for _, p := range l {
			count[p]++
		}
	}
	var n int64
	for _, c := range count {
		n += c * (c - 1) / 2
	}
	return n
}

// Score is a linkage compared with the truth pair by pair: the pairs of
// records that the clusters put together, against the pairs that are of
// one person. Precision, Recall and F1 are float64 statistics.
type Score struct {
	// TruePairs are the pairs of records of one person; Found the pairs
	// in one cluster; Correct those of both.
	TruePairs, Found, Correct int64
	Precision, Recall, F1     float64
}

// Score compares the clusters of r with the truth. Records that the truth
// does not know count as people of their own.
func (t Truth) Score(r *link.Result) Score {
	s := Score{TruePairs: t.Pairs()}
	var who []int
	for c := range r.Clusters() {
		who = who[:0]
		for k, m := range c.Members {
			p, ok := t.Person(m)
			if !ok {
				p = -1 - k
			}
			who = append(who, p)
		}
		for x := range who {
			for y := x + 1; y < len(who); y++ {
				s.Found++
				if who[x] == who[y] {
					s.Correct++
				}
			}
		}
	}
	s.Precision, s.Recall = ratio(s.Correct, s.Found), ratio(s.Correct, s.TruePairs)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
