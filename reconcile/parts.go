package reconcile

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// This file computes the derived floors of every cell at once (see
// deriveFloors), with the same result as reading each scope on its own
// (items, then the best of three families of disjoint parts), without
// gathering the parts beneath each scope again for every scope.
//
// The families are built from one step: weighted interval scheduling of a
// set of parts, restricted to a period [a, b]. A set is a list of columns
// (every column below a scope; the columns of one region exactly; of one
// population exactly). Sorted by (last day, rank), the parts of a set that
// start on or after a and end by b are a prefix of the parts that start on
// or after a and end by the latest b asked for, and the scheduling program
// over a prefix is the program over the whole list cut short: one table per
// set and first day a answers every period [a, b] of every scope that needs
// that set, with the very same choices (and so the same claims) as the
// program run on that period alone. A scope's own cell, which is never one
// of its parts, ends on b and overlaps every part: leaving it out changes
// only the choice among the parts that end on b, which each table keeps the
// two best of.
//
// The cost is the sum, over the tables, of the parts they hold: each part
// lies in a table for every first day a ≤ its first day whose latest b
// reaches its last day, times the sets it belongs to (its column's
// ancestors: population depth × region depth, a handful). Scopes that share
// a first day (days, weeks, months that tile; counts "since 1 December"
// however many days they run to; periods open at the start) share tables,
// so each part lies in few, and the whole is O(n log n). Many long periods
// that each start on a different day are the one input that costs more:
// O(n · s) for s distinct first days whose periods overlap a part.

// part is a lower bound known inside some scope: a cell that counts, or a
// floor the stock-and-flow identity implies. Parts are numbered in rank
// order — by column, a column's cells (by period) before its derived floors
// (by period) — which is the order the families break ties in.
type part struct {
	first, last int
	w           int
	cell        int32 // the cell, or -1 for a derived floor
	col, pos    int32 // a derived floor: ix.cols[col].derived[pos]
	// named reports that claims stand behind the part's figure (a cell's
	// lowFrom, a derived floor's from): only such parts add to the claims
	// of a floor.
	named bool
}

// buildParts lists the parts of every column. Every cell's lowDirect must
// be known.
func (ix *Index) buildParts() {
	isPart := func(c *cell) bool { return c.lowDirect > 0 && (len(c.direct) > 0 || c.verifiedScope) }
	count := 0
	for n := range ix.cols {
		for _, ci := range ix.cols[n].cells {
			if isPart(&ix.cells[ci]) {
				count++
			}
		}
		count += len(ix.cols[n].derived)
	}
	ix.parts = slices.Grow(ix.parts[:0], count)
	// A column's parts are numbered in a run, its cells' then its derived
	// floors': their lists are runs of one list of every number.
	seq := make([]int32, count)
	for i := range seq {
		seq[i] = int32(i)
	}
	run := func(from int) []int32 {
		if from == len(ix.parts) {
			return nil
		}
		return seq[from:len(ix.parts):len(ix.parts)]
	}
	for n := range ix.cols {
		col := &ix.cols[n]
		start := len(ix.parts)
		for _, ci := range col.cells {
			if c := &ix.cells[ci]; isPart(c) {
				ix.parts = append(ix.parts, part{first: c.first, last: c.last, w: c.lowDirect, cell: ci, col: int32(n), pos: -1, named: len(c.lowFrom) > 0})
			}
		}
		col.cellParts = run(start)
		start = len(ix.parts)
		for pos, d := range col.derived {
			p := d.scope.Period()
			ix.parts = append(ix.parts, part{first: startNum(p), last: endNum(p), w: d.w, cell: -1, col: int32(n), pos: int32(pos), named: len(d.from) > 0})
		}
		col.derivedParts = run(start)
	}
	ix.partOf = make([]int32, len(ix.cells))
	for i := range ix.partOf {
		ix.partOf[i] = -1
	}
	for i, p := range ix.parts {
		if p.cell >= 0 {
			ix.partOf[p.cell] = int32(i)
		}
	}
}

// shape is what the families need to know of a scope's population and
// region, whatever its period: the set of every column below it, and the
// trees of regions and populations beneath it.
type shape struct {
	all int32      // set of every column below
	reg []treeNode // region tree, root first; nil when the root is the only node
	pop []treeNode // population tree, root first; nil when the root is the only node or no partition is declared
}

type treeNode struct {
	set  int32   // the columns exactly here, or -1
	kids []int32 // child nodes; populations in Population.Compare order
	// parts lists, for each partition of this population the policy
	// declares (in policy order), the nodes of its parts (-1 for a part
	// with no column beneath it).
	parts [][]int32
}

// floorSolver answers derived floors, sharing scheduling tables across the
// scopes it is asked about.
type floorSolver struct {
	ix     *Index
	sets   map[string]int32
	setCol [][]int32
	need   []tabNeed
	// Per set: its parts by (last day, rank), and the first days of its
	// tables (as day32 writes them), in order. The tables, by set then
	// first day, are numbered in a run, a set's from tabBase on; see
	// table for the rest.
	setParts [][]int32
	tabA     [][]int32
	tabBase  []int
	tables
	// scratch, per query
	regRes, popRes []schedResult
	regSum         []bool
	popVal         []int
	popChoice      []int32 // -1 here; k ≥ 0 kid k; -2 − j partition j
	popDone        []bool
	picked         []int32
	from           []int32
	// slab hands out the floors' claim lists, several to an allocation.
	slab []int32
}

// tabNeed is a table some query needs: set's parts from day a to day b,
// as day32 writes them.
type tabNeed struct {
	set, a, b int32
}

// day32 writes a day number (as startNum and endNum give it) in an int32,
// the open ends at its extremes; dayOf32 reads it back. Every day a Date
// holds fits, far from the extremes: the order of days is kept.
func day32(d int) int32 { return int32(min(max(d, math.MinInt32), math.MaxInt32)) }

func dayOf32(d int32) int {
	switch d {
	case math.MinInt32:
		return math.MinInt
	case math.MaxInt32:
		return math.MaxInt
	}
	return int(d)
}

func newFloorSolver(ix *Index) *floorSolver {
	return &floorSolver{ix: ix, sets: map[string]int32{}}
}

// setOf interns a list of columns (in increasing order).
func (fs *floorSolver) setOf(cols []int32) int32 {
	if len(cols) == 0 {
		return -1
	}
	key := make([]byte, 0, 4*len(cols))
	for _, n := range cols {
		key = append(key, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
	if s, ok := fs.sets[string(key)]; ok {
		return s
	}
	s := int32(len(fs.setCol))
	fs.sets[string(key)] = s
	fs.setCol = append(fs.setCol, slices.Clone(cols))
	return s
}

// shapeOf builds the shape of population pop and region reg, given the
// columns below them (in increasing order).
func (fs *floorSolver) shapeOf(pop release.Population, reg release.Region, down []int32) *shape {
	ix := fs.ix
	sh := &shape{all: fs.setOf(down)}
	// Regions.
	if _, _, nodes := pathTree(fs, reg, down, func(k colKey) release.Region { return k.reg }); len(nodes) > 1 {
		sh.reg = nodes
	}
	// Populations, only when some partition can make siblings add up.
	if len(ix.policy.Partitions) == 0 {
		return sh
	}
	pops, idx, nodes := pathTree(fs, pop, down, func(k colKey) release.Population { return k.pop })
	if len(nodes) <= 1 {
		return sh
	}
	for i, p := range pops {
		for _, pt := range ix.policy.Partitions {
			if pt.Parent() != p {
				continue
			}
			var ps []int32
			for _, q := range pt.Parts() {
				k, ok := idx[q]
				if !ok {
					k = -1
				}
				ps = append(ps, k)
			}
			nodes[i].parts = append(nodes[i].parts, ps)
		}
	}
	for i := range nodes {
		slices.SortFunc(nodes[i].kids, func(a, b int32) int { return pops[a].Compare(pops[b]) })
	}
	sh.pop = nodes
	return sh
}

// pathTree builds the tree of the paths (regions or populations, as
// path gives them) of the columns down, from root: every path on the way
// from a column's up to root, numbered root first, each node with the set
// of the columns exactly at it and its children in the order met.
func pathTree[P interface {
	comparable
	Parent() (P, bool)
}](fs *floorSolver, root P, down []int32, path func(colKey) P) ([]P, map[P]int32, []treeNode) {
	ix := fs.ix
	// Most scopes have no column beneath them but at their own path:
	// their tree is the root alone, and needs no map.
	if !slices.ContainsFunc(down, func(n int32) bool { return path(ix.cols[n].key) != root }) {
		return []P{root}, nil, nil
	}
	idx := map[P]int32{root: 0}
	paths := []P{root}
	for _, n := range down {
		for p := path(ix.cols[n].key); ; {
			if _, ok := idx[p]; ok {
				break
			}
			idx[p] = int32(len(paths))
			paths = append(paths, p)
			p, _ = p.Parent()
		}
	}
	if len(paths) == 1 {
		return paths, idx, nil
	}
	nodes := make([]treeNode, len(paths))
	here := make([][]int32, len(paths))
	for _, n := range down {
		k := idx[path(ix.cols[n].key)]
		here[k] = append(here[k], n)
	}
	for i, p := range paths {
		nodes[i].set = fs.setOf(here[i])
		if i > 0 {
			q, _ := p.Parent()
			nodes[idx[q]].kids = append(nodes[idx[q]].kids, int32(i))
		}
	}
	return paths, idx, nodes
}

// floorQuery is one scope whose floor is asked: its shape, its period
// [a, b] and the part that is its own cell (-1 if none), which is never
// one of its parts.
type floorQuery struct {
	sh   *shape
	a, b int
	self int32
}

// mark records the tables a query needs.
func (fs *floorSolver) mark(q floorQuery) {
	add := func(set int32) {
		if set < 0 {
			return
		}
		fs.need = append(fs.need, tabNeed{set, day32(q.a), day32(q.b)})
	}
	add(q.sh.all)
	for _, n := range q.sh.reg {
		add(n.set)
	}
	for _, n := range q.sh.pop {
		add(n.set)
	}
}

// build makes every table marked, in up to parts goroutines, each
// table in its own slot.
func (fs *floorSolver) build(parts int) {
	slices.SortFunc(fs.need, func(x, y tabNeed) int {
		if c := cmp.Compare(x.set, y.set); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(y.b, x.b) // the latest last day first
	})
	fs.setParts = make([][]int32, len(fs.setCol))
	fs.tabA = make([][]int32, len(fs.setCol))
	uniq := fs.need[:0]
	for i, k := range fs.need {
		if i > 0 && fs.need[i-1].set == k.set && fs.need[i-1].a == k.a {
			continue
		}
		uniq = append(uniq, k)
	}
	// The tables, by set then first day, are one list: each set's are a
	// run of it.
	as := make([]int32, len(uniq))
	fs.tabBase = make([]int, len(fs.setCol))
	work := 0
	for i := 0; i < len(uniq); {
		set, j := uniq[i].set, i
		for ; j < len(uniq) && uniq[j].set == set; j++ {
			as[j] = uniq[j].a
		}
		fs.setParts[set] = fs.partsOf(set)
		fs.tabA[set], fs.tabBase[set] = as[i:j:j], i
		work += (j - i) * len(fs.setParts[set])
		i = j
	}
	// First the number of parts of every table, then each table in its
	// place in two arrays sized for all. A table's work is at most its
	// set's parts: a rough measure, enough to balance the counting.
	fs.off = make([]int, len(uniq)+1)
	chunks := splitWork(parts, len(uniq), work, func(i int) int { return len(fs.setParts[uniq[i].set]) })
	parallel(chunks, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			k := uniq[i]
			fs.off[i+1] = fs.partsFrom(k.set, dayOf32(k.a), dayOf32(k.b), nil)
		}
	})
	for i := range uniq {
		fs.off[i+1] += fs.off[i]
	}
	total := fs.off[len(uniq)]
	fs.ints = make([]int, total+len(uniq))
	fs.i32 = make([]int32, 4*total+2*len(uniq))
	chunks = splitWork(parts, len(uniq), total+len(uniq), func(i int) int { return fs.off[i+1] - fs.off[i] + 1 })
	parallel(chunks, func(lo, hi int) {
		var sc schedScratch
		for i := lo; i < hi; i++ {
			k := uniq[i]
			fs.newSched(fs.table(i), k.set, dayOf32(k.a), dayOf32(k.b), &sc)
		}
	})
	fs.need = nil
}

// partsOf returns the parts of a set's columns, by (last day, rank).
func (fs *floorSolver) partsOf(set int32) []int32 {
	ix := fs.ix
	size := 0
	for _, n := range fs.setCol[set] {
		size += len(ix.cols[n].cellParts) + len(ix.cols[n].derivedParts)
	}
	out := make([]int32, 0, size)
	for _, n := range fs.setCol[set] {
		out = append(out, ix.cols[n].cellParts...)
		out = append(out, ix.cols[n].derivedParts...)
	}
	slices.SortFunc(out, func(x, y int32) int {
		if c := cmp.Compare(ix.parts[x].last, ix.parts[y].last); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	return out
}

// sched is weighted interval scheduling over the parts of one set that
// start on or after a day and end by a last day, sorted by (last, rank):
// the program of intervalFamily, kept whole so that any prefix can be read.
// Its lists, for n parts, are two runs of the arrays of tables: best, n+1
// entries, best[p] the heaviest family among the first p; and lists, 4n+2
// entries, these one after another:
//
//   - part (n): the parts, by (last, rank);
//   - prev (n+1): prev[p], how many end before the p-th starts;
//   - jump (n+1): jump[p], the first part, as the program's last take
//     gives it, on the chain of choices of the first p that has claims
//     behind it (see part.named), or 0; pick follows it to skip the parts
//     that add no claims;
//   - top (n): for a group of two or more parts that end on one day,
//     starting at index g, top[g] is the index of the first part of
//     heaviest with (best before it plus its weight), top[g+1] the first
//     heaviest but that one. A group of one keeps nothing: its part is
//     the heaviest, and there is no other.
//
// The zero sched is the table of no parts, as is a sched with n = 0.
type sched struct {
	best  []int
	lists []int32
}

func (t sched) n() int { return len(t.best) - 1 }

func (t sched) part() []int32 { n := t.n(); return t.lists[:n:n] }
func (t sched) prev() []int32 { n := t.n(); return t.lists[n : 2*n+1 : 2*n+1] }
func (t sched) jump() []int32 { n := t.n(); return t.lists[2*n+1 : 3*n+2 : 3*n+2] }
func (t sched) top() []int32  { n := t.n(); return t.lists[3*n+2 : 4*n+2 : 4*n+2] }

// with returns the weight of the heaviest family whose last part is the
// table's i-th: that part's weight and the best of those ending before it
// starts.
func (t sched) with(ix *Index, i int32) int {
	n := t.n()
	return t.best[t.lists[n+1+int(i)]] + ix.parts[t.lists[i]].w
}

// tables holds the lists of every table, numbered from 0: table i has
// off[i+1] − off[i] parts, and its lists are runs of ints and i32, each
// table's after the one before.
type tables struct {
	off  []int
	ints []int
	i32  []int32
}

// table returns table i.
func (ts *tables) table(i int) sched {
	lo, hi := ts.off[i], ts.off[i+1]
	return sched{
		best:  ts.ints[lo+i : hi+i+1 : hi+i+1],
		lists: ts.i32[4*lo+2*i : 4*hi+2*i+2 : 4*hi+2*i+2],
	}
}

// schedScratch is the scratch of building tables.
type schedScratch struct {
	took []int32
	end  []int
}

// partsFrom returns the number of set's parts from day a to day b, and
// writes them to part if it is not nil: the parts of their table, in
// order.
func (fs *floorSolver) partsFrom(set int32, a, b int, part []int32) int {
	ix := fs.ix
	// The set's parts are by (last day, rank): those that end from a to b
	// are a run, and those of them that start on or after a are the
	// table, already in order. The run also holds the parts that start
	// before a and end within [a, b]: long periods, each met by the few
	// tables whose period holds its last day.
	list := fs.setParts[set]
	n := 0
	lo := sort.Search(len(list), func(j int) bool { return ix.parts[list[j]].last >= a })
	for _, pi := range list[lo:] {
		p := &ix.parts[pi]
		if p.last > b {
			break
		}
		if p.first >= a {
			if part != nil {
				part[n] = pi
			}
			n++
		}
	}
	return n
}

// newSched builds t, the table of set's parts from day a to day b, in the
// lists given it.
func (fs *floorSolver) newSched(t sched, set int32, a, b int, sc *schedScratch) {
	ix := fs.ix
	n := t.n()
	if n == 0 {
		return
	}
	part, best, prev, jump, top := t.part(), t.best, t.prev(), t.jump(), t.top()
	fs.partsFrom(set, a, b, part)
	// took[p]: the last q ≤ p whose part the program took, or 0; end[i]:
	// the last day of the i-th part.
	took := slices.Grow(sc.took[:0], n+1)[:n+1]
	end := slices.Grow(sc.end[:0], n)[:n]
	sc.took, sc.end = took, end
	for i, pi := range part {
		end[i] = ix.parts[pi].last
	}
	best[0], prev[0], took[0], jump[0] = 0, 0, 0, 0
	for g := 0; g < n; {
		h := g
		for h < n && end[h] == end[g] {
			h++
		}
		// Every part of the group starts by its end, so each one's
		// predecessors lie before the group.
		for i := g; i < h; i++ {
			p := &ix.parts[part[i]]
			pv := sort.SearchInts(end[:g], p.first)
			prev[i+1] = int32(pv)
			with := best[pv] + p.w
			k := i + 1
			if with > best[k-1] {
				best[k], took[k] = with, int32(k)
			} else {
				best[k], took[k] = best[k-1], took[k-1]
			}
		}
		if h-g > 1 {
			t1, t2 := int32(-1), int32(-1)
			for i := int32(g); i < int32(h); i++ {
				if t1 < 0 || t.with(ix, i) > t.with(ix, t1) {
					t1 = i
				}
			}
			for i := int32(g); i < int32(h); i++ {
				if i != t1 && (t2 < 0 || t.with(ix, i) > t.with(ix, t2)) {
					t2 = i
				}
			}
			top[g], top[g+1] = t1, t2
		}
		g = h
	}
	for k := 1; k <= n; k++ {
		switch p := took[k]; {
		case p == 0:
			jump[k] = 0
		case ix.parts[part[p-1]].named:
			jump[k] = p
		default:
			jump[k] = jump[prev[p]]
		}
	}
}

// schedResult is the heaviest family of a table's parts within [a, b]: its
// weight, a part taken last (index into the table, or -1) and the prefix
// whose program's choices make up the rest.
type schedResult struct {
	w      int
	chosen int32
	from   int32
}

// query returns the heaviest family among the table's parts that end by
// b, leaving out part self.
func (t sched) query(ix *Index, b int, self int32) schedResult {
	if t.n() <= 0 {
		return schedResult{chosen: -1}
	}
	part := t.part()
	hi := sort.Search(len(part), func(i int) bool { return ix.parts[part[i]].last > b })
	if self >= 0 && hi > 0 && ix.parts[part[hi-1]].last == b {
		lo := sort.Search(hi, func(i int) bool { return ix.parts[part[i]].last >= b })
		x := lo + sort.Search(hi-lo, func(i int) bool { return part[lo+i] >= self })
		if x < hi && part[x] == self {
			// The first heaviest of the group but self.
			f := int32(-1)
			if hi-lo > 1 {
				top := t.top()
				if f = top[lo]; int(f) == x {
					f = top[lo+1]
				}
			}
			if f >= 0 && t.with(ix, f) > t.best[lo] {
				return schedResult{t.with(ix, f), f, t.prev()[f+1]}
			}
			return schedResult{t.best[lo], -1, int32(lo)}
		}
	}
	return schedResult{t.best[hi], -1, int32(hi)}
}

// pick appends the parts of a result that have claims behind them (the
// others add nothing to a floor's claims): in time proportional to those
// it appends, however many parts the family holds.
func (t sched) pick(ix *Index, r schedResult, out []int32) []int32 {
	if t.n() <= 0 {
		return out
	}
	part, prev, jump := t.part(), t.prev(), t.jump()
	if r.chosen >= 0 && ix.parts[part[r.chosen]].named {
		out = append(out, part[r.chosen])
	}
	for p := jump[r.from]; p > 0; p = jump[prev[p]] {
		out = append(out, part[p-1])
	}
	return out
}

// tab returns set's table from day a, or the zero sched if none was made.
func (fs *floorSolver) tab(set int32, a int) sched {
	if set < 0 {
		return sched{}
	}
	i, ok := slices.BinarySearch(fs.tabA[set], day32(a))
	if !ok {
		return sched{}
	}
	return fs.table(fs.tabBase[set] + i)
}

// solve returns the floor of query q with verified count verified, and the
// claims behind it: what floor defines.
func (fs *floorSolver) solve(q floorQuery, verified int) (int, []int32) {
	ix := fs.ix
	sh := q.sh
	allT := fs.tab(sh.all, q.a)
	all := allT.query(ix, q.b, q.self)
	best, family := all.w, 0
	if sh.reg != nil {
		if len(fs.regRes) < len(sh.reg) {
			fs.regRes = make([]schedResult, len(sh.reg))
			fs.regSum = make([]bool, len(sh.reg))
		}
		if w := fs.regionVal(q, 0); w > best {
			best, family = w, 1
		}
	}
	if sh.pop != nil {
		if len(fs.popRes) < len(sh.pop) {
			fs.popRes = make([]schedResult, len(sh.pop))
			fs.popVal = make([]int, len(sh.pop))
			fs.popChoice = make([]int32, len(sh.pop))
			fs.popDone = make([]bool, len(sh.pop))
		}
		clear(fs.popDone[:len(sh.pop)])
		if w := fs.populationVal(q, 0); w > best {
			best, family = w, 2
		}
	}
	total := min(best, source.MaxCount)
	if verified >= total {
		return verified, nil
	}
	fs.picked = fs.picked[:0]
	switch family {
	case 0:
		fs.picked = allT.pick(ix, all, fs.picked)
	case 1:
		fs.regionPick(q, 0)
	case 2:
		fs.populationPick(q, 0)
	}
	from := fs.from[:0]
	for _, pi := range fs.picked {
		p := &ix.parts[pi]
		if p.cell >= 0 {
			from = append(from, ix.cells[p.cell].lowFrom...)
		} else {
			from = append(from, ix.cols[p.col].derived[p.pos].from...)
		}
	}
	slices.Sort(from)
	from = slices.Compact(from)
	fs.from = from
	if len(from) == 0 {
		return total, nil
	}
	if len(fs.slab) < len(from) {
		fs.slab = make([]int32, max(len(from), 1024))
	}
	out := fs.slab[:len(from):len(from)]
	fs.slab = fs.slab[len(from):]
	copy(out, from)
	return total, out
}

// regionVal is regionFamily's weight at node i: the parts of its region
// exactly, scheduled by time, or its subregions' families added up.
func (fs *floorSolver) regionVal(q floorQuery, i int32) int {
	n := &q.sh.reg[i]
	self := int32(-1)
	if i == 0 {
		self = q.self
	}
	r := fs.tab(n.set, q.a).query(fs.ix, q.b, self)
	sum := 0
	for _, k := range n.kids {
		sum += fs.regionVal(q, k)
	}
	fs.regRes[i], fs.regSum[i] = r, sum > r.w
	if sum > r.w {
		return sum
	}
	return r.w
}

func (fs *floorSolver) regionPick(q floorQuery, i int32) {
	n := &q.sh.reg[i]
	if fs.regSum[i] {
		for _, k := range n.kids {
			fs.regionPick(q, k)
		}
		return
	}
	fs.picked = fs.tab(n.set, q.a).pick(fs.ix, fs.regRes[i], fs.picked)
}

// populationVal is populationFamily's weight at node i: the parts of its
// population exactly, scheduled by time; or the family of one
// sub-population; or, for a declared partition, its parts' families added
// up — the first heaviest.
func (fs *floorSolver) populationVal(q floorQuery, i int32) int {
	if i < 0 {
		return 0
	}
	if fs.popDone[i] {
		return fs.popVal[i]
	}
	n := &q.sh.pop[i]
	self := int32(-1)
	if i == 0 {
		self = q.self
	}
	r := fs.tab(n.set, q.a).query(fs.ix, q.b, self)
	best, choice := r.w, int32(-1)
	for _, k := range n.kids {
		if w := fs.populationVal(q, k); w > best {
			best, choice = w, k
		}
	}
	for j, ps := range n.parts {
		sum := 0
		for _, k := range ps {
			sum += fs.populationVal(q, k)
		}
		if sum > best {
			best, choice = sum, -2-int32(j)
		}
	}
	fs.popRes[i], fs.popVal[i], fs.popChoice[i], fs.popDone[i] = r, best, choice, true
	return best
}

func (fs *floorSolver) populationPick(q floorQuery, i int32) {
	if i < 0 {
		return
	}
	n := &q.sh.pop[i]
	switch c := fs.popChoice[i]; {
	case c == -1:
		fs.picked = fs.tab(n.set, q.a).pick(fs.ix, fs.popRes[i], fs.picked)
	case c >= 0:
		fs.populationPick(q, c)
	default:
		for _, k := range n.parts[-2-c] {
			fs.populationPick(q, k)
		}
	}
}

// solveCells sets the floor of every cell. The tables are built, and the
// cells solved, in contiguous chunks, one goroutine per processor that the
// index keeps busy (see workers); each result goes to its own slot, so the
// floors are those of one pass.
func (ix *Index) solveCells() { ix.solveCellsIn(workers(len(ix.recs))) }

// solveCellsIn is solveCells in at most parts chunks.
func (ix *Index) solveCellsIn(parts int) {
	fs := newFloorSolver(ix)
	shapes := make([]*shape, len(ix.cols))
	marks := 0
	for n := range ix.cols {
		col := &ix.cols[n]
		if len(col.cells) == 0 {
			continue
		}
		sh := fs.shapeOf(col.key.pop, col.key.reg, col.down)
		shapes[n] = sh
		firsts := 0
		for k, ci := range col.cells {
			if k == 0 || ix.cells[ci].first != ix.cells[col.cells[k-1]].first {
				firsts++
			}
		}
		marks += firsts * (1 + len(sh.reg) + len(sh.pop))
	}
	fs.need = make([]tabNeed, 0, marks)
	for n := range ix.cols {
		col := &ix.cols[n]
		if len(col.cells) == 0 {
			continue
		}
		sh := shapes[n]
		// One table per set and first day, to the latest last day of the
		// cells that start on it (the column's cells are by period).
		for k := 0; k < len(col.cells); {
			a, b := ix.cells[col.cells[k]].first, ix.cells[col.cells[k]].last
			j := k + 1
			for ; j < len(col.cells) && ix.cells[col.cells[j]].first == a; j++ {
				b = max(b, ix.cells[col.cells[j]].last)
			}
			fs.mark(floorQuery{sh: sh, a: a, b: b, self: -1})
			k = j
		}
	}
	fs.build(parts)
	chunks := splitWork(parts, len(ix.cells), len(ix.cells), func(int) int { return 1 })
	parallel(chunks, func(lo, hi int) {
		sub := floorSolver{ix: ix, setCol: fs.setCol, setParts: fs.setParts, tabA: fs.tabA, tabBase: fs.tabBase, tables: fs.tables}
		for i := lo; i < hi; i++ {
			c := &ix.cells[i]
			q := floorQuery{shapes[c.col], c.first, c.last, ix.partOf[i]}
			c.floor, c.floorFrom = sub.solve(q, c.verified)
		}
	})
}

// floorOf answers one scope that need not be a cell.
func (ix *Index) floorOf(k cellKey, verified int) (int, []int32) {
	s := k.s
	fs := newFloorSolver(ix)
	q := floorQuery{
		sh: fs.shapeOf(s.Population(), s.Region(), ix.columnsBelow(k.m, s.Population(), s.Region())),
		a:  startNum(s.Period()), b: endNum(s.Period()), self: -1,
	}
	if id, ok := ix.cellIndex(k); ok {
		q.self = ix.partOf[id]
	}
	fs.mark(q)
	fs.build(1)
	return fs.solve(q, verified)
}

// cellIndex returns the index of the cell of k, if any.
func (ix *Index) cellIndex(k cellKey) (int32, bool) {
	id, ok := ix.scopeNumber(k.s)
	if !ok || !k.m.IsValid() {
		return -1, false
	}
	n := ix.cellAt[(int(k.m)-1)*len(ix.scopes)+int(id)]
	return n, n >= 0
}
