package link

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Link links the records of lists: it finds which records are of one
// person, within a list that is not [List.Unique] and across lists, and
// groups them into clusters, one per person. It validates everything first
// and returns every problem, joined (at most 100, the last saying how many
// more): an invalid config, a list without a source or two from one source,
// a record without an ID or with an ID twice in its list, a value its field
// cannot read (a malformed cédula, a name with digits), a unique list that
// holds a national ID twice, decisions ([Config.Decisions]) on unknown
// records or that contradict each other. No error repeats a record's
// values.
//
// Link is deterministic: the same lists and config give the same result,
// whatever the order of the lists, of their records, or the number of
// workers.
func Link(cfg Config, lists ...List) (*Result, error) {
	return LinkContext(context.Background(), cfg, lists...)
}

// LinkContext is [Link] with a context and progress reports: it stops
// soon after ctx is done, returning an error that wraps ctx.Err() (the
// only error of this package that wraps none of its categories), and it
// calls [Config.Progress], if set, as it goes through each [Stage].
func LinkContext(ctx context.Context, cfg Config, lists ...List) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	rep := &reporter{ctx: ctx, fn: cfg.Progress}
	rep.report(Progress{Stage: Preparing})
	if err := rep.err(); err != nil {
		return nil, err
	}
	lk, err := prepare(cfg, lists)
	if err != nil {
		return nil, err
	}
	lk.rep = rep
	cons, err := lk.readDecisions(cfg.Decisions)
	if err != nil {
		return nil, err
	}
	var terms []*savedTerms
	if cfg.Model != nil {
		terms = cfg.Model.applyTerms(lk)
	}
	if err := rep.err(); err != nil {
		return nil, err
	}
	rep.report(Progress{Stage: Blocking})
	b := lk.block()
	if err := rep.err(); err != nil {
		return nil, err
	}
	cand := lk.compareCandidates(b)
	if err := rep.err(); err != nil {
		return nil, err
	}
	// From here on only the records' keys are needed (to tell candidates
	// from other pairs); the entries and blocks are the largest part.
	b.recs, b.blocks = nil, nil
	nAll := lk.comparablePairs()
	nCand := cand.len()
	samp, sampleW, sampled := lk.sample(b, nAll, nCand)
	rules := b.rules
	labels := make([]labelled, len(cons.labels))
	for k, l := range cons.labels {
		_, isCand := b.firstShared(l.i, l.j)
		labels[k] = labelled{pat: lk.pattern(l.i, l.j), same: l.same, candidate: isCand && lk.comparable(l.i, l.j)}
	}
	b = nil // the blocks are large; let them go before clustering

	r := &Result{lk: lk, terms: terms, labels: cons.info}
	if cfg.Model != nil {
		cfg.Model.applyWeights(r)
	} else {
		est := newEstimator(lk.fields, cand, samp, sampleW, nAll, len(lk.recs), labels, cons.info.same >= cfg.SupervisedLabels)
		est.run(cfg.MaxIterations, rep)
		if err := rep.err(); err != nil {
			return nil, err
		}
		var logM [][]Weight
		var estimated [][]bool
		r.weights, logM, estimated, r.prior = est.weights()
		r.fields = make([]fieldScore, len(lk.fields))
		for f := range lk.fields {
			fs := &r.fields[f]
			fs.w, fs.logM, fs.adjust = r.weights[f], logM[f], estimated[f]
			fs.sp, _ = lk.cols[f].(surpriser)
		}
		r.model = r.buildModel(est)
	}

	strongOf := make([][]scored, len(cand))
	tallyOf := make([]blockingTally, len(cand))
	var scoredChunks atomic.Int64
	parallel(cfg.Workers, len(cand), 2, func(_, lo, hi int) {
		for c := lo; c < hi; c++ {
			if rep.stopped() {
				return
			}
			rep.report(Progress{Stage: Scoring, Done: scoredChunks.Add(1), Total: int64(len(cand))})
			ch := &cand[c]
			tally := newBlockingTally(len(rules))
			for k := range ch.pats {
				p := ch.pat(k)
				i, j := int32(ch.pairs[k]>>32), int32(uint32(ch.pairs[k]))
				s := r.scoreAux(i, j, p, ch.aux[k])
				if s >= cfg.MinScore-cfg.ReviewMargin {
					strongOf[c] = append(strongOf[c], scored{ch.pairs[k], s})
				}
				tally.add(ch.ruleSet(k), s)
			}
			tallyOf[c] = tally
		}
	})
	if err := rep.err(); err != nil {
		return nil, err
	}
	tally := newBlockingTally(len(rules))
	for _, t := range tallyOf {
		tally.merge(t)
	}
	var missed int64
	for p, n := range samp {
		missed += n * matchProb(r.patternScore(p))
	}
	cand = nil // only the pairs above the threshold are needed from here on
	near := slices.Concat(strongOf...)
	strongOf = nil
	var strong []scored
	for _, p := range near {
		if p.score >= cfg.MinScore {
			strong = append(strong, p)
		}
	}
	slices.SortFunc(near, func(a, b scored) int { return cmp.Compare(a.pair, b.pair) })
	r.near = near
	cl := newClusters(lk, func(i, j int32) Weight {
		p, aux := lk.patternAux(i, j)
		return r.scoreAux(i, j, p, aux)
	})
	cl.decide(cons)
	cl.forceUnique()
	if err := cl.link(strong, rep); err != nil {
		return nil, err
	}
	r.links, r.conflicts, r.refused = cl.links, cl.confl, cl.refused
	r.finishClusters(cl)
	r.stats = Stats{
		Records: len(lk.recs), Lists: len(lk.lists), Pairs: nAll, Compared: nCand, Sampled: sampled,
		Links: len(r.links), Conflicts: len(r.conflicts), Clusters: len(r.clusterOff) - 1, Rules: rules,
	}
	for _, rs := range rules {
		r.stats.SkippedBlocks += rs.Skipped
	}
	r.blocking = blockingReport(r.stats, tally, float64(missed)/matchUnit*sampleW)
	r.hist, r.missed = tally.hist, float64(missed)/matchUnit*sampleW
	rep.report(Progress{Stage: Finished})
	return r, nil
}

// Result is a linkage: the clusters of records, one per person, the links
// that made them, the conflicts found, the estimated model, and the counts
// of people that follow. It holds the prepared records (their values are
// never shown); it is immutable and safe for concurrent use. Obtain one
// from [Link]: a Result made any other way, the zero Result included, is
// not valid, and its methods return nothing useful (Verified counts no one,
// Verifications and Clusters give none, Same is false, ClusterOf finds
// nothing, Explain returns an error wrapping [ErrUnknown]), without
// panicking.
type Result struct {
	lk         *linkage
	weights    [][]Weight
	fields     []fieldScore
	prior      Weight
	model      Model
	cluster    []int32 // record → cluster
	clusterOff []int32 // cluster k's records: clusterMem[clusterOff[k]:clusterOff[k+1]]
	clusterMem []int32
	links      []Pair
	conflicts  []Conflict
	stats      Stats
	blocking   BlockingReport
	terms      []*savedTerms // per field, the word frequencies of a saved model
	labels     labelInfo
	near       []scored // candidate pairs in the review band and above, by pair
	hist       [2*histBits + 1]struct{ pairs, matches int64 }
	missed     float64    // estimated matches no rule proposed
	refused    []Conflict // pairs kept apart by a unique list
}

// labelInfo says which reviewers' decisions a linkage was estimated with.
type labelInfo struct {
	same, different int
	digest          string
}

// String returns "Result(N records, M people)": never a value. It and
// [Result.Format], [Result.GoString] and [Result.LogValue] have value
// receivers, so that a Result printed by value is summarised too.
//
// A Result holds the prepared records, names folded into dictionaries:
// printers that follow pointers into its internals by reflection (go-spew,
// which testify's diff uses; fmt given a Result in an unexported struct
// field and a verb it does not take) can show them. Print a Result through
// its methods, or print its [Result.Stats].
func (r Result) String() string {
	return fmt.Sprintf("Result(%d records, %d people)", r.stats.Records, r.NumClusters())
}

// GoString, used by fmt's %#v, is [Result.String].
func (r Result) GoString() string { return r.String() }

// Format makes every fmt verb print [Result.String].
func (r Result) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue shows the result in [log/slog] output by its numbers of records
// and people.
func (r Result) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("records", r.stats.Records), slog.Int("people", r.NumClusters()))
}

// fieldScore weighs one field's comparisons.
type fieldScore struct {
	w      []Weight  // each level's weight
	logM   []Weight  // log2 m of each level
	adjust []bool    // the level's weight may be adjusted for frequency
	sp     surpriser // nil if the field's values have no frequencies
}

// maxAdjust bounds a frequency adjustment.
const maxAdjust = 10 * Bits

// weight returns the weight of field comparison at level l of records i
// and j, and the frequency adjustment it includes. If aligned, sur is the
// surprise of the words the comparison aligned (for a name's Similar and
// Partial levels), which spares comparing again.
func (fs *fieldScore) weight(i, j int32, l int, sur Weight, aligned bool) (w, adj Weight) {
	w = fs.w[l]
	if fs.sp == nil || !fs.adjust[l] {
		return w, 0
	}
	if !aligned || (l != nameSimilar && l != namePartial) {
		var ok bool
		if sur, ok = fs.sp.surprise(i, j, uint8(l)); !ok {
			return w, 0
		}
	}
	adj = max(-maxAdjust, min(maxAdjust, fs.logM[l]+sur-w))
	return w + adj, adj
}

// scoreAux is the prior plus the weights of the fields of records i and j,
// whose pattern is p; aux is the surprise of the words aligned by the
// comparison of the first name field.
func (r *Result) scoreAux(i, j int32, p uint64, aux Weight) Weight {
	s := r.prior
	for f := range r.fields {
		if l := levelOf(p, f); l != levelMissing {
			w, _ := r.fields[f].weight(i, j, l, aux, f == r.lk.auxField)
			s += w
		}
	}
	return s
}

// patternScore is the prior plus the weights of the levels of pattern p,
// without frequency adjustments.
func (r *Result) patternScore(p uint64) Weight {
	s := r.prior
	for f := range r.fields {
		if l := levelOf(p, f); l != levelMissing {
			s += r.fields[f].w[l]
		}
	}
	return s
}

// Blocking returns the report of the blocking rules: what each proposed,
// and the matches it is estimated to miss.
func (r *Result) Blocking() BlockingReport {
	b := r.blocking
	b.Rules = slices.Clone(b.Rules)
	return b
}

// finishClusters numbers the clusters in the order of their first record.
func (r *Result) finishClusters(cl *clusters) {
	n := len(r.lk.recs)
	r.cluster = make([]int32, n)
	num := make([]int32, n)
	for i := range num {
		num[i] = -1
	}
	var sizes []int32
	for i := range n {
		root := cl.find(int32(i))
		if num[root] < 0 {
			num[root] = int32(len(sizes))
			sizes = append(sizes, 0)
		}
		r.cluster[i] = num[root]
		sizes[num[root]]++
	}
	r.clusterOff = make([]int32, len(sizes)+1)
	for k, s := range sizes {
		r.clusterOff[k+1] = r.clusterOff[k] + s
	}
	fill := slices.Clone(r.clusterOff[:len(sizes)])
	r.clusterMem = make([]int32, n)
	for i, k := range r.cluster {
		r.clusterMem[fill[k]] = int32(i)
		fill[k]++
	}
}

// Stats describes the work a linkage did.
type Stats struct {
	// Records and Lists are the input's size.
	Records, Lists int
	// Pairs is the number of pairs of records that could be linked: pairs
	// across lists, and pairs within lists that are not unique.
	Pairs int64
	// Compared is the number of candidate pairs that blocking proposed and
	// that were compared; Compared/Pairs is the share of all pairs looked
	// at.
	Compared int64
	// Sampled is the number of random pairs compared to estimate chance
	// agreement.
	Sampled int64
	// SkippedBlocks is the number of blocks larger than Config.MaxBlock,
	// whose pairs were not compared.
	SkippedBlocks int
	// Links and Conflicts count [Result.Links] and [Result.Conflicts];
	// Clusters the people found.
	Links, Conflicts, Clusters int
	// Rules has the work of each blocking rule, in the config's order.
	Rules []RuleStats
}

// RuleStats is the work of one blocking rule.
type RuleStats struct {
	Rule string
	// Blocks is the number of blocks of two records or more compared;
	// Skipped the number of blocks too large to compare.
	Blocks, Skipped int
	// Pairs is the number of candidate pairs the rule proposed first (a
	// pair that several rules propose counts for the first).
	Pairs int64
}

// Pair is a pair of records joined into one cluster, and the score that
// joined them (the pair's log-odds of being one person; [Result.Explain]
// breaks it down).
type Pair struct {
	A, B  Ref
	Score Weight
	// Forced reports that the records share the value of a unique field (a
	// national ID), which joins them whatever their score.
	Forced bool
	// Decided reports that a reviewer decided the records are one person
	// ([Decision]).
	Decided bool
}

// Conflict is a pair of records that resemble each other enough to be
// linked (or share a national ID) but were kept apart because their
// clusters hold different values of a unique field: the same person
// recorded with two national IDs (a digit mistyped), or two people with
// one. Conflicts are for a person to review; the counts keep them apart.
type Conflict struct {
	A, B  Ref
	Score Weight
	// Field names the unique field whose values differ, or that the
	// records share.
	Field string
	// Decided reports that the records share a unique field's value but a
	// reviewer decided they are two people ([Decision]).
	Decided bool
}

// Model is the Fellegi–Sunter model estimated for a linkage: a prior and,
// for each field, the weight of each agreement level. M and U are float64
// statistics, shown for inspection; linking uses the rounded weights only.
type Model struct {
	// Prior is the log-odds that two comparable records chosen at random
	// are of one person: log2(λ/(1−λ)).
	Prior Weight
	// MatchRate is λ, the estimated share of matches among comparable
	// pairs.
	MatchRate float64
	// Fields has one entry per field of the schema, in order.
	Fields []FieldModel
	// Iterations is the number of EM iterations run; Converged reports
	// whether they met the convergence rule before the limit.
	Iterations int
	Converged  bool
	// Labels is the number of reviewers' decisions the model was
	// estimated with; Supervised reports that m was estimated from the
	// pairs decided the same alone.
	Labels     int
	Supervised bool
}

// FieldModel is the part of a [Model] for one field.
type FieldModel struct {
	Field  string
	Levels []LevelModel
}

// LevelModel is one agreement level of a field: the probability of
// reaching it between two records of one person (M) and of two people (U),
// its weight log2(M/U) in thousandths of a bit, and the number of pairs
// (candidates and sample) observed at it.
type LevelModel struct {
	Level    Level
	M, U     float64
	Weight   Weight
	Observed int64
}

func (r *Result) buildModel(e *estimator) Model {
	m := Model{Prior: r.prior, MatchRate: e.lambda, Iterations: e.iters, Converged: e.done,
		Labels: r.labels.same + r.labels.different, Supervised: e.fixM}
	for f, fd := range r.lk.fields {
		fm := FieldModel{Field: fd.Name}
		for l, lev := range fd.levels() {
			fm.Levels = append(fm.Levels, LevelModel{Level: lev, M: e.m[f][l], U: e.u[f][l], Weight: r.weights[f][l], Observed: e.observed[f][l]})
		}
		m.Fields = append(m.Fields, fm)
	}
	return m
}

// String writes the model as a table: each field's levels and weights.
func (m Model) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "prior %s bits (match rate %.3g), %d EM iterations", m.Prior, m.MatchRate, m.Iterations)
	if !m.Converged {
		b.WriteString(", not converged")
	}
	if m.Labels > 0 {
		mode := "semi-supervised"
		if m.Supervised {
			mode = "supervised"
		}
		fmt.Fprintf(&b, ", %s with %d labels", mode, m.Labels)
	}
	b.WriteByte('\n')
	for _, f := range m.Fields {
		for _, l := range f.Levels {
			fmt.Fprintf(&b, "  %-16s %-10s m %.4f  u %.3g  %9s\n", f.Field, l.Level, l.M, l.U, l.Weight)
		}
	}
	return b.String()
}

// Model returns the estimated model.
func (r *Result) Model() Model {
	m := r.model
	m.Fields = slices.Clone(m.Fields)
	for i := range m.Fields {
		m.Fields[i].Levels = slices.Clone(m.Fields[i].Levels)
	}
	return m
}

// Stats returns what the linkage did.
func (r *Result) Stats() Stats {
	s := r.stats
	s.Rules = slices.Clone(s.Rules)
	return s
}

// Links returns the links that joined records into clusters, in the order
// they were made (exact unique-field matches first, then by decreasing
// score): a spanning tree of each cluster.
func (r *Result) Links() []Pair { return slices.Clone(r.links) }

// Conflicts returns the pairs kept apart by a unique field, in the order
// they were met.
func (r *Result) Conflicts() []Conflict { return slices.Clone(r.conflicts) }

// Cluster is one person: the records of the lists that are of them.
type Cluster struct {
	// ID is the person's canonical detainee ID: "SOURCE/ID" of the first
	// member (in the order of [Ref.Compare]), or, if the source contains a
	// slash or that is longer than a DetaineeID may be, "/" and the
	// SHA-256 of the two in hexadecimal. Two clusters never share an ID.
	ID release.DetaineeID
	// Members are the records, in the order of [Ref.Compare].
	Members []Ref
}

// NumClusters returns the number of clusters: people found.
func (r *Result) NumClusters() int { return max(len(r.clusterOff)-1, 0) }

// Clusters yields the clusters in the order of their first member.
func (r *Result) Clusters() iter.Seq[Cluster] {
	return func(yield func(Cluster) bool) {
		for k := range r.NumClusters() {
			if !yield(r.clusterAt(int32(k))) {
				return
			}
		}
	}
}

func (r *Result) clusterAt(k int32) Cluster {
	mem := r.clusterMem[r.clusterOff[k]:r.clusterOff[k+1]]
	c := Cluster{Members: make([]Ref, len(mem))}
	for x, i := range mem {
		c.Members[x] = r.lk.ref(i)
	}
	c.ID = personID(c.Members[0])
	return c
}

// ClusterOf returns the cluster of record ref, and false if the linkage
// holds no such record.
func (r *Result) ClusterOf(ref Ref) (Cluster, bool) {
	i := r.lk.find(ref)
	if i < 0 {
		return Cluster{}, false
	}
	return r.clusterAt(r.cluster[i]), true
}

// Same reports whether records a and b are in one cluster (false if either
// is unknown).
func (r *Result) Same(a, b Ref) bool {
	i, j := r.lk.find(a), r.lk.find(b)
	return i >= 0 && j >= 0 && r.cluster[i] == r.cluster[j]
}

// Explanation breaks down the score of a pair of records: the prior, and
// the weight each field contributes at the level the two values reach. It
// names fields and levels, never values.
type Explanation struct {
	A, B   Ref
	Prior  Weight
	Fields []FieldWeight
	// Score is Prior plus the fields' weights: the log-odds that A and B
	// are one person.
	Score Weight
	// Linked reports whether A and B are in one cluster.
	Linked bool
}

// FieldWeight is what one field contributes to an [Explanation]: its
// weight at the level the two values reach. For an agreement on a shared
// name or value, the weight is adjusted for how common that value is, and
// Adjustment says by how much: negative for a common name, positive for a
// rare one.
type FieldWeight struct {
	Field      string
	Level      Level
	Weight     Weight
	Adjustment Weight
}

// Explain returns the explanation of the score of records a and b. The
// error, wrapping [ErrUnknown], names a record the linkage does not hold.
func (r *Result) Explain(a, b Ref) (Explanation, error) {
	i, j := r.lk.find(a), r.lk.find(b)
	for _, x := range []struct {
		ref Ref
		i   int32
	}{{a, i}, {b, j}} {
		if x.i < 0 {
			return Explanation{}, fieldErr("Ref", x.ref.String(), ErrUnknown, "no such record")
		}
	}
	p, aux := r.lk.patternAux(min(i, j), max(i, j))
	e := Explanation{A: a, B: b, Prior: r.prior, Score: r.prior, Linked: r.cluster[i] == r.cluster[j]}
	for f, fd := range r.lk.fields {
		fw := FieldWeight{Field: fd.Name, Level: Missing}
		if l := levelOf(p, f); l != levelMissing {
			fw.Level = fd.levels()[l]
			fw.Weight, fw.Adjustment = r.fields[f].weight(min(i, j), max(i, j), l, aux, f == r.lk.auxField)
		}
		e.Score += fw.Weight
		e.Fields = append(e.Fields, fw)
	}
	return e, nil
}

// String writes the explanation, one line per field:
//
//	gov/G-17 ~ ngo/N-3: score +21.345 bits, linked
//	  prior                       -16.610
//	  name          folded        +14.200
//	  national_id   missing         0.000
func (e Explanation) String() string {
	var b strings.Builder
	state := "not linked"
	if e.Linked {
		state = "linked"
	}
	fmt.Fprintf(&b, "%s ~ %s: score %s bits, %s\n", e.A, e.B, e.Score, state)
	fmt.Fprintf(&b, "  %-14s %-10s %9s\n", "prior", "", e.Prior)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "  %-14s %-10s %9s", f.Field, f.Level, f.Weight)
		if f.Adjustment != 0 {
			fmt.Fprintf(&b, " (%s for frequency)", f.Adjustment)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Count is the number of distinct people released within a scope, as the
// linked lists record them: overall and per source.
type Count struct {
	Scope release.Scope
	// People is the number of clusters with at least one record released
	// within the scope; Records the number of such records.
	People, Records int
	// Sources has one entry per list with a record released within the
	// scope, by source.
	Sources []SourceCount
}

// SourceCount is the part of a [Count] from one source's list: the
// distinct people of its records released within the scope (its own
// duplicates counted once), and the records.
type SourceCount struct {
	Source          source.SourceID
	People, Records int
}

// Verified counts the distinct people released within scope s: records
// whose Released scope lies within s ([release.Scope.Contains]), counted
// once per cluster.
func (r *Result) Verified(s release.Scope) Count {
	c := Count{Scope: s}
	if r.lk == nil {
		return c
	}
	seen := map[int32]bool{}
	for _, l := range r.lk.lists {
		sc := SourceCount{Source: l.src}
		mine := map[int32]bool{}
		for i := l.lo; i < l.hi; i++ {
			rel := r.lk.scope(int(i))
			if !rel.IsValid() || !s.Contains(rel) {
				continue
			}
			k := r.cluster[i]
			sc.Records++
			if !mine[k] {
				mine[k] = true
				sc.People++
			}
			if !seen[k] {
				seen[k] = true
				c.People++
			}
		}
		if sc.Records > 0 {
			c.Records += sc.Records
			c.Sources = append(c.Sources, sc)
		}
	}
	return c
}

// Verifications returns one [reconcile.Verification] per released record:
// the canonical ID of its cluster ([Cluster.ID]), its Released scope, its
// list's source and Stated moment. Two records of one person carry one
// detainee ID, so [reconcile.Evidence.AddVerifications] and
// [reconcile.NewIndex] count people, not records: Figure.Verified is
// [Result.Verified]'s People for the scope, and Figure.Unverified the rest
// of what the claims imply. The list is sorted and without duplicates; the
// sources must be added to the evidence first.
func (r *Result) Verifications() []reconcile.Verification {
	if r.lk == nil { // the zero Result
		return nil
	}
	var out []reconcile.Verification
	for i, rec := range r.lk.recs {
		rel := r.lk.scope(i)
		if !rel.IsValid() {
			continue
		}
		l := r.lk.lists[rec.list]
		mem := r.clusterMem[r.clusterOff[r.cluster[i]]]
		out = append(out, reconcile.Verification{
			Detainee: personID(r.lk.ref(mem)), Scope: rel, Source: l.src, Stated: l.stated,
		})
	}
	slices.SortFunc(out, reconcile.Verification.Compare)
	return slices.CompactFunc(out, reconcile.Verification.Equal)
}
