package link

import (
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
)

// Blocking. Every rule gives each record a set of keys (none if a value it
// needs is missing); a key is tagged with its rule in its top byte, so keys
// of different rules never collide. Records sharing a key form a block, and
// the pairs of a block are candidates. A pair sharing several keys is
// compared once, in the block of the smallest key they share, so the union
// of the rules' candidate pairs needs neither a set nor a sort. Blocks
// larger than MaxBlock are skipped, their keys dropped.

// maxKeysPerRule bounds the keys one rule gives one record (the product of
// its parts' keys).
const maxKeysPerRule = 64

type blocking struct {
	keyOff []uint32 // record i's keys: keys[keyOff[i]:keyOff[i+1]], sorted
	keys   []uint64
	recs   []int32 // the records of the blocks, block after block
	blocks []block // runs of recs with one key, of at least two records
	rules  []RuleStats
}

// block is a run of records sharing a key: recs[lo:hi].
type block struct {
	lo, hi int32
	key    uint64
}

type entry struct {
	key uint64
	rec int32
}

type span struct{ lo, hi int32 }

// ruleKeys computes every record's keys.
func (lk *linkage) ruleKeys() ([]uint32, []uint64) {
	n := len(lk.recs)
	fieldOf := make([][]int, len(lk.cfg.Rules))
	for r, rule := range lk.cfg.Rules {
		for _, k := range rule.Keys {
			fieldOf[r] = append(fieldOf[r], lk.cfg.Schema.Index(k.Field))
		}
	}
	w := max(lk.cfg.Workers, 1)
	chunkKeys := make([][]uint64, w)
	chunkCount := make([][]uint32, w)
	parallel(w, n, 1024, func(wk, lo, hi int) {
		var out []uint64
		counts := make([]uint32, 0, hi-lo)
		var cur, next, tmp []uint64
		for i := lo; i < hi; i++ {
			start := len(out)
			for r, rule := range lk.cfg.Rules {
				cur = append(cur[:0], fnvOffset^uint64(r))
				for x, k := range rule.Keys {
					tmp = lk.cols[fieldOf[r][x]].keys(tmp[:0], int32(i), k.Part, k.N)
					next = next[:0]
					for _, h := range cur {
						for _, p := range tmp {
							if len(next) < maxKeysPerRule {
								next = append(next, combine(h, p))
							}
						}
					}
					cur, next = next, cur
					if len(cur) == 0 {
						break
					}
				}
				for _, h := range cur {
					out = append(out, uint64(r)<<56|h>>8)
				}
			}
			keys := out[start:]
			slices.Sort(keys)
			keys = slices.Compact(keys)
			out = out[:start+len(keys)]
			counts = append(counts, uint32(len(keys)))
		}
		chunkKeys[wk], chunkCount[wk] = out, counts
	})
	off := make([]uint32, 1, n+1)
	for _, counts := range chunkCount {
		for _, c := range counts {
			off = append(off, off[len(off)-1]+c)
		}
	}
	return off, slices.Concat(chunkKeys...)
}

// block computes the keys, the blocks, and drops the keys of oversized
// blocks.
func (lk *linkage) block() *blocking {
	b := &blocking{}
	b.keyOff, b.keys = lk.ruleKeys()
	entries := make([]entry, 0, len(b.keys))
	for i := range len(lk.recs) {
		for _, k := range b.keys[b.keyOff[i]:b.keyOff[i+1]] {
			entries = append(entries, entry{k, int32(i)})
		}
	}
	radixSort(entries)
	maxBlock := make([]int, len(lk.cfg.Rules))
	for r, rule := range lk.cfg.Rules {
		maxBlock[r] = lk.cfg.MaxBlock
		if rule.MaxBlock > 0 {
			maxBlock[r] = min(rule.MaxBlock, lk.cfg.MaxBlock)
		}
	}
	b.rules = make([]RuleStats, len(lk.cfg.Rules))
	for r, rule := range lk.cfg.Rules {
		b.rules[r].Rule = rule.Name
	}
	// Only the records of blocks are kept, four bytes each rather than
	// sixteen: the entries are the largest part of the blocking.
	var drop []uint64
	b.recs = make([]int32, 0, len(entries))
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].key == entries[lo].key {
			hi++
		}
		r := entries[lo].key >> 56
		switch {
		case hi-lo > maxBlock[r]:
			drop = append(drop, entries[lo].key)
			b.rules[r].Skipped++
		case hi-lo >= 2:
			start := int32(len(b.recs))
			for _, e := range entries[lo:hi] {
				b.recs = append(b.recs, e.rec)
			}
			b.blocks = append(b.blocks, block{start, int32(len(b.recs)), entries[lo].key})
			b.rules[r].Blocks++
		}
		lo = hi
	}
	if len(drop) > 0 {
		// drop is sorted: entries are.
		out := b.keys[:0]
		off := uint32(0)
		for i := range len(lk.recs) {
			lo, hi := b.keyOff[i], b.keyOff[i+1]
			b.keyOff[i] = off
			for _, k := range b.keys[lo:hi] {
				if _, found := slices.BinarySearch(drop, k); !found {
					out = append(out, k)
					off++
				}
			}
		}
		b.keyOff[len(lk.recs)] = off
		b.keys = out
	}
	return b
}

// radixSort sorts entries by key, stably (records stay in order within a
// key), eight bits at a time.
func radixSort(es []entry) {
	if len(es) < 256 {
		slices.SortStableFunc(es, func(a, b entry) int {
			switch {
			case a.key < b.key:
				return -1
			case a.key > b.key:
				return 1
			}
			return 0
		})
		return
	}
	buf := make([]entry, len(es))
	src, dst := es, buf
	for shift := uint(0); shift < 64; shift += 8 {
		var count [257]int
		same := true
		first := byte(src[0].key >> shift)
		for _, e := range src {
			d := byte(e.key >> shift)
			count[int(d)+1]++
			same = same && d == first
		}
		if same {
			continue
		}
		for k := 1; k < len(count); k++ {
			count[k] += count[k-1]
		}
		for _, e := range src {
			d := byte(e.key >> shift)
			dst[count[d]] = e
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &es[0] {
		copy(es, src)
	}
}

// firstShared returns the smallest key that records i and j share, and
// whether they share one.
func (b *blocking) firstShared(i, j int32) (uint64, bool) {
	x, y := b.keys[b.keyOff[i]:b.keyOff[i+1]], b.keys[b.keyOff[j]:b.keyOff[j+1]]
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0] == y[0]:
			return x[0], true
		case x[0] < y[0]:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	return 0, false
}

// sharedRules returns the set of rules that propose records i and j: bit r
// is set if they share a key of rule r.
func (b *blocking) sharedRules(i, j int32) uint32 {
	x, y := b.keys[b.keyOff[i]:b.keyOff[i+1]], b.keys[b.keyOff[j]:b.keyOff[j+1]]
	var set uint32
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0] == y[0]:
			set |= 1 << (x[0] >> 56)
			x, y = x[1:], y[1:]
		case x[0] < y[0]:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	return set
}

// pattern packs the agreement levels of records i and j, four bits a
// field.
func (lk *linkage) pattern(i, j int32) uint64 {
	var p uint64
	for f, c := range lk.cols {
		p |= uint64(c.level(i, j)) << (4 * f)
	}
	return p
}

// patternAux is pattern, with the surprise of the aligned words of the
// first name field (see nameCol.compare), which scoring needs and which
// would otherwise cost a second comparison.
func (lk *linkage) patternAux(i, j int32) (uint64, Weight) {
	var p uint64
	var aux Weight
	for f, c := range lk.cols {
		var l uint8
		if f == lk.auxField {
			l, aux = c.(*nameCol).compare(i, j)
		} else {
			l = c.level(i, j)
		}
		p |= uint64(l) << (4 * f)
	}
	return p, aux
}

// candidates are the compared pairs, each packed as i<<32 | j with i < j,
// their patterns, and the surprise of their aligned name words; in chunks,
// in block order.
type candidates []candChunk

type candChunk struct {
	pairs []uint64
	// pats are the patterns' low 32 bits (eight fields), patsHi the high
	// ones, nil when the schema has at most eight fields.
	pats, patsHi []uint32
	aux          []Weight
	// rules are the rules that propose the pair, one bit each: the low 16
	// rules, and rulesHi the others, nil when there are at most 16.
	rules, rulesHi []uint16
}

// ruleSet returns the set of rules that propose the chunk's kth pair.
func (ch *candChunk) ruleSet(k int) uint32 {
	s := uint32(ch.rules[k])
	if ch.rulesHi != nil {
		s |= uint32(ch.rulesHi[k]) << 16
	}
	return s
}

// pat returns the pattern of the chunk's kth pair.
func (ch *candChunk) pat(k int) uint64 {
	p := uint64(ch.pats[k])
	if ch.patsHi != nil {
		p |= uint64(ch.patsHi[k]) << 32
	}
	return p
}

func (c candidates) len() int64 {
	var n int64
	for _, ch := range c {
		n += int64(len(ch.pairs))
	}
	return n
}

// compareCandidates compares every candidate pair once.
func (lk *linkage) compareCandidates(b *blocking) candidates {
	// Work is handed out in chunks of blocks of about equal cost, and the
	// chunks' results are concatenated in order, so the output does not
	// depend on the number of workers or on scheduling.
	var chunks []span
	const target = 1 << 16
	cost := 0
	lo := 0
	for k, bl := range b.blocks {
		n := int(bl.hi - bl.lo)
		cost += n * (n - 1) / 2
		if cost >= target {
			chunks = append(chunks, span{int32(lo), int32(k + 1)})
			lo, cost = k+1, 0
		}
	}
	if lo < len(b.blocks) {
		chunks = append(chunks, span{int32(lo), int32(len(b.blocks))})
	}
	var total int64
	for _, bl := range b.blocks {
		n := int64(bl.hi - bl.lo)
		total += n * (n - 1) / 2
	}
	var done atomic.Int64
	out := make(candidates, len(chunks))
	pairsOf := make([][]int64, len(chunks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(lk.cfg.Workers, 1) {
		wg.Go(func() {
			var buf []uint64
			for {
				c := int(next.Add(1) - 1)
				if c >= len(chunks) || lk.rep.stopped() {
					return
				}
				// The chunk's pairs first, in a buffer the worker reuses,
				// so that its slices are allocated at their exact size:
				// with appends they would hold a third more, on
				// average, for as long as the candidates live.
				perRule := make([]int64, len(b.rules))
				buf = buf[:0]
				for _, bl := range b.blocks[chunks[c].lo:chunks[c].hi] {
					es := b.recs[bl.lo:bl.hi]
					key := bl.key
					for x, i := range es {
						for _, j := range es[x+1:] {
							if !lk.comparable(i, j) {
								continue
							}
							if k, _ := b.firstShared(i, j); k != key {
								continue
							}
							buf = append(buf, uint64(i)<<32|uint64(j))
							perRule[key>>56]++
						}
					}
				}
				res := candChunk{pairs: slices.Clone(buf), pats: make([]uint32, len(buf)), aux: make([]Weight, len(buf)), rules: make([]uint16, len(buf))}
				if len(b.rules) > 16 {
					res.rulesHi = make([]uint16, len(buf))
				}
				if len(lk.fields) > 8 {
					res.patsHi = make([]uint32, len(buf))
				}
				for k, pr := range res.pairs {
					i, j := int32(pr>>32), int32(uint32(pr))
					var p uint64
					p, res.aux[k] = lk.patternAux(i, j)
					res.pats[k] = uint32(p)
					if res.patsHi != nil {
						res.patsHi[k] = uint32(p >> 32)
					}
					set := b.sharedRules(i, j)
					res.rules[k] = uint16(set)
					if res.rulesHi != nil {
						res.rulesHi[k] = uint16(set >> 16)
					}
				}
				out[c], pairsOf[c] = res, perRule
				lk.rep.report(Progress{Stage: Comparing, Done: done.Add(int64(len(res.pairs))), Total: total})
			}
		})
	}
	wg.Wait()
	for _, perRule := range pairsOf {
		for r, n := range perRule {
			b.rules[r].Pairs += n
		}
	}
	return out
}

// comparablePairs counts the pairs of records that may be linked.
func (lk *linkage) comparablePairs() int64 {
	var total, seen int64
	for _, l := range lk.lists {
		n := int64(l.hi - l.lo)
		total += n * seen
		if !l.unique {
			total += n * (n - 1) / 2
		}
		seen += n
	}
	return total
}

// sample compares pairs that blocking did not propose: all of them when
// there are at most cfg.Sample comparable pairs, else cfg.Sample pairs drawn
// uniformly at random (seeded). It returns the patterns found and how many
// pairs each drawn pair stands for.
func (lk *linkage) sample(b *blocking, nAll, nCand int64) (map[uint64]int64, float64, int64) {
	n := int32(len(lk.recs))
	var pairs []uint64
	exhaustive := nAll <= int64(lk.cfg.Sample)
	if exhaustive {
		for i := range n {
			for j := i + 1; j < n; j++ {
				if lk.comparable(i, j) {
					pairs = append(pairs, uint64(i)<<32|uint64(j))
				}
			}
		}
	} else {
		rng := rand.New(rand.NewPCG(lk.cfg.Seed, 0x6c696e6b))
		for tries := 0; len(pairs) < lk.cfg.Sample && tries < 50*lk.cfg.Sample; tries++ {
			i, j := int32(rng.IntN(int(n))), int32(rng.IntN(int(n)))
			if i == j || !lk.comparable(i, j) {
				continue
			}
			if i > j {
				i, j = j, i
			}
			pairs = append(pairs, uint64(i)<<32|uint64(j))
		}
	}
	w := max(lk.cfg.Workers, 1)
	counts := make([]map[uint64]int64, w)
	parallel(w, len(pairs), 1024, func(wk, lo, hi int) {
		m := map[uint64]int64{}
		for _, p := range pairs[lo:hi] {
			i, j := int32(p>>32), int32(uint32(p))
			if _, shared := b.firstShared(i, j); shared {
				continue // counted among the candidates
			}
			m[lk.pattern(i, j)]++
		}
		counts[wk] = m
	})
	all := map[uint64]int64{}
	var drawn int64
	for _, m := range counts {
		for p, c := range m {
			all[p] += c
			drawn += c
		}
	}
	weight := 1.0
	if !exhaustive && drawn > 0 {
		weight = float64(nAll-nCand) / float64(drawn)
	}
	return all, weight, int64(len(pairs))
}
