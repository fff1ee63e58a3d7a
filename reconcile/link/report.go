package link

import (
	"fmt"
	"math"
	"strings"
)

// BlockingReport shows the trade-off of a linkage's blocking rules, as a
// cumulative comparisons chart does: how many pairs each rule proposes,
// alone and beyond the rules before it, and how many matches each rule
// alone, and all rules together, are estimated to miss.
//
// The matches are the model's own estimate, not a measurement: each pair
// counts its probability of being one person under the estimated model
// (the logistic of its score). The pairs that no rule proposes are
// represented by the random sample of all pairs ([Stats.Sampled]), weighted
// up to their number; a rule's misses are the matches among the pairs the
// other rules propose and it does not, plus those that no rule proposes.
// Labelled pairs ([Config.Decisions]) give a measured recall instead
// ([Result.Accuracy]).
type BlockingReport struct {
	// Pairs is the number of comparable pairs; Compared the candidates
	// that the rules together propose.
	Pairs, Compared int64
	// Matches is the estimated number of matches among all comparable
	// pairs; Missed among the pairs that no rule proposes.
	Matches, Missed float64
	// Rules has one entry per rule, in the config's order.
	Rules []RuleReport
}

// RuleReport is the part of a [BlockingReport] for one rule.
type RuleReport struct {
	Rule string
	// Pairs is the number of candidate pairs the rule proposes alone; New
	// those no earlier rule proposes; Cumulative the pairs proposed by this
	// rule and the earlier ones together.
	Pairs, New, Cumulative int64
	// Matches is the estimated number of matches among the pairs the rule
	// proposes; Missed the estimated number it would miss alone.
	Matches, Missed float64
	// Skipped is the number of the rule's blocks larger than its largest
	// block size, which were not compared.
	Skipped int
}

// matchUnit is the fixed point of the estimated matches summed while
// linking: integers, so that the sums do not depend on their order.
const matchUnit = 1e9

// matchProb returns the probability of a match of a pair scoring s, in
// units of 1/matchUnit.
func matchProb(s Weight) int64 {
	return int64(math.Round(matchUnit / (1 + math.Exp2(-float64(s)/float64(Bits)))))
}

// blockingTally gathers the figures of a BlockingReport while linking.
type blockingTally struct {
	pairs   []int64 // per rule, the pairs it proposes
	matches []int64 // per rule, the estimated matches among them, in 1/matchUnit
	all     int64   // estimated matches among all candidates
	// hist counts the candidates by score, in whole bits from
	// -histBits to +histBits (the ends gather the rest), and sums their
	// estimated matches.
	hist [2*histBits + 1]struct{ pairs, matches int64 }
}

// histBits bounds the score histogram of the candidates.
const histBits = 60

// histBin returns the bin of score s: the whole bits below it, bounded.
func histBin(s Weight) int {
	b := int(s) / int(Bits)
	if s < 0 && int(s)%int(Bits) != 0 {
		b--
	}
	return max(-histBits, min(histBits, b)) + histBits
}

func newBlockingTally(n int) blockingTally {
	return blockingTally{pairs: make([]int64, n), matches: make([]int64, n)}
}

func (t *blockingTally) add(rules uint32, s Weight) {
	p := matchProb(s)
	h := &t.hist[histBin(s)]
	h.pairs++
	h.matches += p
	t.all += p
	for r := range t.pairs {
		if rules&(1<<r) != 0 {
			t.pairs[r]++
			t.matches[r] += p
		}
	}
}

func (t *blockingTally) merge(o blockingTally) {
	t.all += o.all
	for k := range t.hist {
		t.hist[k].pairs += o.hist[k].pairs
		t.hist[k].matches += o.hist[k].matches
	}
	for r := range t.pairs {
		t.pairs[r] += o.pairs[r]
		t.matches[r] += o.matches[r]
	}
}

// blockingReport builds the report from the tally of the candidates and
// the estimated matches among the pairs no rule proposes (in 1/matchUnit).
func blockingReport(st Stats, t blockingTally, missed float64) BlockingReport {
	rep := BlockingReport{Pairs: st.Pairs, Compared: st.Compared, Missed: missed, Matches: float64(t.all)/matchUnit + missed}
	var cum int64
	for r, rs := range st.Rules {
		cum += rs.Pairs
		m := float64(t.matches[r]) / matchUnit
		rep.Rules = append(rep.Rules, RuleReport{
			Rule: rs.Rule, Pairs: t.pairs[r], New: rs.Pairs, Cumulative: cum, Skipped: rs.Skipped,
			Matches: m, Missed: rep.Matches - m,
		})
	}
	return rep
}

// String writes the report as a table.
func (b BlockingReport) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%d of %d pairs compared (%.3f%%); estimated matches %.1f, missed by every rule %.1f\n",
		b.Compared, b.Pairs, 100*float64(b.Compared)/float64(max(b.Pairs, 1)), b.Matches, b.Missed)
	fmt.Fprintf(&s, "  %-28s %12s %12s %12s %10s %10s %8s\n", "rule", "pairs", "new", "cumulative", "matches", "missed", "skipped")
	for _, r := range b.Rules {
		fmt.Fprintf(&s, "  %-28s %12d %12d %12d %10.1f %10.1f %8d\n", r.Rule, r.Pairs, r.New, r.Cumulative, r.Matches, r.Missed, r.Skipped)
	}
	return s.String()
}
