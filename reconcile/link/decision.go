package link

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// Decision is a reviewer's verdict on a pair of records: one person
// (Same) or two. Given to [Link] in [Config.Decisions], decisions are both
// constraints and labels:
//
//   - constraints: records decided the same are always in one cluster
//     (must-link), records decided different never are (cannot-link),
//     whatever their score and whatever national ID they share; a
//     must-link pair is a [Pair] with Decided set;
//   - labels: the model's m and u are estimated with the decided pairs as
//     known matches and non-matches (semi-supervised); with at least
//     [Config.SupervisedLabels] pairs decided the same, m is estimated
//     from them alone (supervised), and the EM estimates only u and the
//     prior.
//
// Decisions must agree with each other and with the lists: the records
// joined by must-links must not include a cannot-link pair, two different
// values of a unique field, or two records of a [List.Unique] list; [Link]
// refuses contradictory decisions and says which.
type Decision struct {
	A, B Ref
	Same bool
}

// String returns "A = B" or "A ≠ B": record references only.
func (d Decision) String() string {
	op := " ≠ "
	if d.Same {
		op = " = "
	}
	return d.A.String() + op + d.B.String()
}

// constraints are the decisions of a linkage, by record index.
type constraints struct {
	must   [][2]int32
	cannot map[int32][]int32 // both directions
	labels []label
	info   labelInfo
}

type label struct {
	i, j int32 // i < j
	same bool
}

// readDecisions checks the decisions against the prepared lists and
// returns them as constraints.
func (lk *linkage) readDecisions(ds []Decision) (*constraints, error) {
	c := &constraints{cannot: map[int32][]int32{}}
	if len(ds) == 0 {
		return c, nil
	}
	var el errList
	seen := map[[2]int32]int{}
	for k, d := range ds {
		where := fmt.Sprintf("Config.Decisions[%d]", k)
		i, j := lk.find(d.A), lk.find(d.B)
		switch {
		case i < 0:
			el.add(fieldErr(where+".A", d.A.String(), ErrUnknown, "no such record"))
			continue
		case j < 0:
			el.add(fieldErr(where+".B", d.B.String(), ErrUnknown, "no such record"))
			continue
		case i == j:
			el.add(fieldErr(where, d.String(), ErrInvalid, "a record with itself"))
			continue
		}
		i, j = min(i, j), max(i, j)
		if prev, ok := seen[[2]int32{i, j}]; ok {
			if ds[prev].Same != d.Same {
				el.add(fieldErr(where, d.String(), ErrInvalid, "decided both ways (see Config.Decisions[%d])", prev))
			}
			continue
		}
		seen[[2]int32{i, j}] = k
		c.labels = append(c.labels, label{i, j, d.Same})
		if d.Same {
			c.must = append(c.must, [2]int32{i, j})
			c.info.same++
		} else {
			c.cannot[i] = append(c.cannot[i], j)
			c.cannot[j] = append(c.cannot[j], i)
			c.info.different++
		}
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(c.labels, func(a, b label) int {
		if a.i != b.i {
			return int(a.i - b.i)
		}
		return int(a.j - b.j)
	})
	h := sha256.New()
	for _, l := range c.labels {
		d := Decision{A: lk.ref(l.i), B: lk.ref(l.j), Same: l.same}
		fmt.Fprintf(h, "%s\t%s\t%s\t%s\t%v\n", d.A.Source, d.A.ID, d.B.Source, d.B.ID, d.Same)
	}
	c.info.digest = hex.EncodeToString(h.Sum(nil))
	return c, lk.checkDecisions(c)
}

// checkDecisions reports decisions that contradict each other or the
// lists: the records that must-links join into one group must hold no
// cannot-link pair, no two values of a unique field, no two records of a
// unique list.
func (lk *linkage) checkDecisions(c *constraints) error {
	parent := map[int32]int32{}
	var find func(int32) int32
	find = func(i int32) int32 {
		p, ok := parent[i]
		if !ok || p == i {
			return i
		}
		r := find(p)
		parent[i] = r
		return r
	}
	for _, m := range c.must {
		a, b := find(m[0]), find(m[1])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	group := map[int32][]int32{}
	inGroup := map[int32]bool{}
	for _, m := range c.must {
		for _, i := range m {
			if !inGroup[i] {
				inGroup[i] = true
				group[find(i)] = append(group[find(i)], i)
			}
		}
	}
	roots := make([]int32, 0, len(group))
	for r := range group {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	var el errList
	for _, r := range roots {
		g := group[r]
		slices.Sort(g)
		first := lk.ref(g[0]).String()
		for _, i := range g {
			for _, j := range c.cannot[i] {
				if j > i && find(j) == r {
					el.add(fieldErr("Config.Decisions", first, ErrInvalid, "decisions join %s and %s, decided different people", lk.ref(i), lk.ref(j)))
				}
			}
		}
		for u, vals := range lk.uniq {
			var v uint64
			for _, i := range g {
				if vals[i] != 0 && v != 0 && vals[i] != v {
					el.add(fieldErr("Config.Decisions", first, ErrInvalid, "decisions join records with two values of unique field %s, among them %s: correct the value in its list, or decide the pair otherwise", lk.fields[lk.uniqField[u]].Name, lk.ref(i)))
					break
				}
				if vals[i] != 0 {
					v = vals[i]
				}
			}
		}
		lists := map[int32]bool{}
		for _, i := range g {
			l := lk.recs[i].list
			if lk.lists[l].unique && lists[l] {
				el.add(fieldErr("Config.Decisions", first, ErrInvalid, "decisions join two records of unique list %s, among them %s", lk.lists[l].src, lk.ref(i)))
				break
			}
			lists[l] = true
		}
	}
	return el.err()
}
