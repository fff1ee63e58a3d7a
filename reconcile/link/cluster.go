package link

import (
	"cmp"
	"slices"
)

// Clustering. Records are joined greedily, the strongest link first:
//
//  0. Records that a reviewer decided are one person ([Decision]) are
//     joined first; records decided different people are never joined,
//     in any step.
//  1. Records that share the value of a unique field (a national ID) are
//     joined, whatever their score.
//  2. Candidate pairs scoring at least MinScore are taken in order of
//     decreasing score (ties by record order). A pair joins its two
//     clusters unless the union would hold two different values of a
//     unique field (the pair is then reported as a [Conflict]), two records
//     of a unique list, or more than MaxCluster records; and, when either
//     cluster already holds several records, unless the average score of
//     all pairs across the two clusters falls below MinScore. That last
//     test is average linkage: it is what stops a chain of pairwise
//     resemblances (A like B, B like C) from putting unrelated people (A
//     and C) together, while tolerating two corrupted copies of one record
//     that resemble the original more than each other.
//
// The result depends only on the scores and the canonical record order,
// never on input order or scheduling.

type clusters struct {
	lk     *linkage
	parent []int32
	next   []int32 // members of a cluster form a circular list
	size   []int32
	uval   [][]uint64 // per unique field, the value of each root's cluster
	score  func(i, j int32) Weight
	min    Weight
	max    int32
	links  []Pair
	confl  []Conflict
	// cannot holds the cannot-link decisions, both ways; constrained
	// marks the roots of clusters with a record that has one.
	cannot      map[int32][]int32
	constrained []bool
	// refused are the pairs scoring above the threshold kept apart
	// because their clusters hold records of one unique list.
	refused []Conflict
}

func newClusters(lk *linkage, score func(i, j int32) Weight) *clusters {
	n := len(lk.recs)
	c := &clusters{lk: lk, parent: make([]int32, n), next: make([]int32, n), size: make([]int32, n),
		score: score, min: lk.cfg.MinScore, max: int32(lk.cfg.MaxCluster)}
	for i := range n {
		c.parent[i], c.next[i], c.size[i] = int32(i), int32(i), 1
	}
	for _, vals := range lk.uniq {
		c.uval = append(c.uval, slices.Clone(vals))
	}
	c.constrained = make([]bool, n)
	return c
}

// decide joins the records decided the same and records the cannot-link
// decisions, which every later join honours. The decisions have been
// checked: the must-links contradict neither the cannot-links nor the
// unique fields and lists.
func (c *clusters) decide(k *constraints) {
	c.cannot = k.cannot
	for i := range k.cannot {
		c.constrained[i] = true
	}
	for _, m := range k.must {
		a, b := c.find(m[0]), c.find(m[1])
		if a == b {
			continue
		}
		c.union(a, b)
		c.links = append(c.links, Pair{A: c.lk.ref(m[0]), B: c.lk.ref(m[1]), Score: c.score(m[0], m[1]), Decided: true})
	}
}

// cannotLink reports whether a cannot-link decision keeps clusters a and b
// apart.
func (c *clusters) cannotLink(a, b int32) bool {
	if !c.constrained[a] || !c.constrained[b] {
		return false
	}
	found := false
	c.members(a, func(i int32) {
		for _, j := range c.cannot[i] {
			found = found || c.find(j) == b
		}
	})
	return found
}

func (c *clusters) find(i int32) int32 {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// members calls fn for each record of the cluster rooted at r.
func (c *clusters) members(r int32, fn func(int32)) {
	i := r
	for {
		fn(i)
		i = c.next[i]
		if i == r {
			return
		}
	}
}

// uniqueClash returns the index of a unique field on which clusters a and b
// hold different values, or -1.
func (c *clusters) uniqueClash(a, b int32) int {
	for u, vals := range c.uval {
		if vals[a] != 0 && vals[b] != 0 && vals[a] != vals[b] {
			return u
		}
	}
	return -1
}

// listClash reports whether clusters a and b hold records of the same
// unique list.
func (c *clusters) listClash(a, b int32) bool {
	var lists []int32
	c.members(a, func(i int32) {
		if l := c.lk.recs[i].list; c.lk.lists[l].unique {
			lists = append(lists, l)
		}
	})
	if len(lists) == 0 {
		return false
	}
	clash := false
	c.members(b, func(j int32) {
		clash = clash || slices.Contains(lists, c.lk.recs[j].list)
	})
	return clash
}

// coherent reports whether the average score across clusters a and b
// reaches the threshold.
func (c *clusters) coherent(a, b int32) bool {
	if c.size[a] == 1 && c.size[b] == 1 {
		return true
	}
	var sum int64
	c.members(a, func(i int32) {
		c.members(b, func(j int32) {
			sum += int64(c.score(min(i, j), max(i, j)))
		})
	})
	return sum >= int64(c.min)*int64(c.size[a])*int64(c.size[b])
}

func (c *clusters) union(a, b int32) {
	if c.size[a] < c.size[b] || (c.size[a] == c.size[b] && b < a) {
		a, b = b, a
	}
	c.parent[b] = a
	c.size[a] += c.size[b]
	c.next[a], c.next[b] = c.next[b], c.next[a]
	c.constrained[a] = c.constrained[a] || c.constrained[b]
	for _, vals := range c.uval {
		if vals[a] == 0 {
			vals[a] = vals[b]
		}
	}
}

// forceUnique joins records sharing a unique value.
func (c *clusters) forceUnique() {
	for u, vals := range c.lk.uniq {
		var idx []int32
		for i, v := range vals {
			if v != 0 {
				idx = append(idx, int32(i))
			}
		}
		slices.SortFunc(idx, func(a, b int32) int { return cmp.Or(cmp.Compare(vals[a], vals[b]), cmp.Compare(a, b)) })
		for lo := 0; lo < len(idx); {
			hi := lo + 1
			for hi < len(idx) && vals[idx[hi]] == vals[idx[lo]] {
				hi++
			}
			for _, j := range idx[lo+1 : hi] {
				c.force(idx[lo], j, u)
			}
			lo = hi
		}
	}
}

// force joins records i and j, which share the value of unique field u,
// unless another unique field or a unique list keeps them apart.
func (c *clusters) force(i, j int32, u int) {
	a, b := c.find(i), c.find(j)
	if a == b {
		return
	}
	s := c.score(i, j)
	if c.cannotLink(a, b) {
		c.confl = append(c.confl, Conflict{A: c.lk.ref(i), B: c.lk.ref(j), Score: s, Field: c.lk.fields[c.lk.uniqField[u]].Name, Decided: true})
		return
	}
	clash := c.uniqueClash(a, b)
	if clash < 0 && c.listClash(a, b) {
		clash = u
	}
	if clash >= 0 {
		c.confl = append(c.confl, Conflict{A: c.lk.ref(i), B: c.lk.ref(j), Score: s, Field: c.lk.fields[c.lk.uniqField[clash]].Name})
		return
	}
	c.union(a, b)
	c.links = append(c.links, Pair{A: c.lk.ref(i), B: c.lk.ref(j), Score: s, Forced: true})
}

type scored struct {
	pair  uint64
	score Weight
}

// link takes the pairs scoring at least the threshold, strongest first.
func (c *clusters) link(pairs []scored, rep *reporter) error {
	slices.SortFunc(pairs, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.pair, b.pair))
	})
	for k, p := range pairs {
		if k%(1<<16) == 0 {
			rep.report(Progress{Stage: Clustering, Done: int64(k), Total: int64(len(pairs))})
			if err := rep.err(); err != nil {
				return err
			}
		}
		i, j := int32(p.pair>>32), int32(uint32(p.pair))
		a, b := c.find(i), c.find(j)
		if a == b {
			continue
		}
		if f := c.uniqueClash(a, b); f >= 0 {
			c.confl = append(c.confl, Conflict{A: c.lk.ref(i), B: c.lk.ref(j), Score: p.score, Field: c.lk.fields[c.lk.uniqField[f]].Name})
			continue
		}
		if c.size[a]+c.size[b] > c.max || c.cannotLink(a, b) {
			continue
		}
		if c.listClash(a, b) {
			c.refused = append(c.refused, Conflict{A: c.lk.ref(i), B: c.lk.ref(j), Score: p.score})
			continue
		}
		if !c.coherent(a, b) {
			continue
		}
		c.union(a, b)
		c.links = append(c.links, Pair{A: c.lk.ref(i), B: c.lk.ref(j), Score: p.score})
	}
	return nil
}
