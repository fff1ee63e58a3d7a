package link_test

import (
	"github.com/freedcount/freedcount/release"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/source"
)

// withAllPairs returns cfg and lists changed so that every comparable pair
// is compared: one more field, the same in every record, is the only
// blocking key. The field always agrees, so its weight is about 0.
func withAllPairs(cfg link.Config, lists []link.List) (link.Config, []link.List) {
	cfg.Schema = link.MustSchema(append(cfg.Schema.Fields(), link.Field{Name: "all", Kind: link.Categorical})...)
	cfg.Rules = []link.Rule{{Name: "all", Keys: []link.Key{{Field: "all", Part: link.Whole}}}}
	cfg.MaxBlock = 1 << 20
	out := make([]link.List, len(lists))
	for k, l := range lists {
		out[k] = l
		out[k].Records = make([]link.Record, len(l.Records))
		for i, r := range l.Records {
			r.Values = append(append([]release.Secret(nil), r.Values...), release.NewSecret("x"))
			out[k].Records[i] = r
		}
	}
	return cfg, out
}

// TestDefaultRulesReachAllPairsRecall links splink's fake_1000 and FEBRL's
// data sets with no blocking rule written by the user (Config.Rules empty,
// so DefaultRules), and checks that the recall is within 0.01 of the
// recall of the same model comparing all pairs, with precision as good.
// Comparing all pairs of FEBRL2–4 takes minutes; there, recall ≥ 0.99
// suffices, since the all-pairs recall is at most 1.
func TestDefaultRulesReachAllPairsRecall(t *testing.T) {
	fake, person := splinkList(t)
	fakePerson := func(r link.Ref) string { return person[r.ID.String()] }
	for _, tc := range []struct {
		name     string
		schema   link.Schema
		lists    []link.List
		person   func(link.Ref) string
		allPairs bool
		long     bool
	}{
		{"fake_1000", splinkConfig().Schema, []link.List{fake}, fakePerson, true, false},
		{"FEBRL1", febrlSchema(), []link.List{febrlList(t, "dataset1.csv", "a", false)}, febrlRefPerson, true, false},
		{"FEBRL2", febrlSchema(), []link.List{febrlList(t, "dataset2.csv", "a", false)}, febrlRefPerson, false, true},
		{"FEBRL3", febrlSchema(), []link.List{febrlList(t, "dataset3.csv", "a", false)}, febrlRefPerson, false, true},
		{"FEBRL4", febrlSchema(), []link.List{febrlList(t, "dataset4a.csv", "a", true), febrlList(t, "dataset4b.csv", "b", true)}, febrlRefPerson, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long && testing.Short() {
				t.Skip("skipping a FEBRL data set of 5,000 records in short mode")
			}
			cfg := link.Config{Schema: tc.schema}
			r := mustLink(t, cfg, tc.lists...)
			s := scorePairs(r, tc.person, refsOf(tc.lists...))
			st := r.Stats()
			t.Logf("default rules: P %.4f R %.4f, %d of %d pairs compared (%.2f%%)", s.precision(), s.recall(), st.Compared, st.Pairs, 100*float64(st.Compared)/float64(st.Pairs))
			wantR, wantP := 0.99, 0.99
			if tc.allPairs {
				acfg, alists := withAllPairs(cfg, tc.lists)
				ar := mustLink(t, acfg, alists...)
				as := scorePairs(ar, tc.person, refsOf(alists...))
				if got := ar.Stats(); got.Compared != got.Pairs {
					t.Fatalf("all pairs: %d of %d compared", got.Compared, got.Pairs)
				}
				t.Logf("all pairs:     P %.4f R %.4f", as.precision(), as.recall())
				wantR, wantP = as.recall()-0.01, as.precision()-0.01
			}
			if s.recall() < wantR || s.precision() < wantP {
				t.Errorf("default rules: recall %.4f (want ≥ %.4f), precision %.4f (want ≥ %.4f)", s.recall(), wantR, s.precision(), wantP)
			}
			if len(st.Rules) != len(link.DefaultRules(tc.schema)) {
				t.Errorf("%d rules used, want the %d default rules", len(st.Rules), len(link.DefaultRules(tc.schema)))
			}
		})
	}
}

// TestDefaultRulesAreValid checks the invariant that the default rules of
// any valid schema are a valid configuration of one to MaxRules rules,
// with distinct names.
func TestDefaultRulesAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		kinds := []link.Kind{link.Categorical, link.Text, link.PersonName, link.Code, link.Date, link.Year, link.Path, link.CedulaID, link.Identifier}
		n := rapid.IntRange(1, link.MaxFields).Draw(t, "fields")
		var fs []link.Field
		for i := range n {
			k := rapid.SampledFrom(kinds).Draw(t, "kind")
			fs = append(fs, link.Field{Name: "f" + string(rune('a'+i)), Kind: k})
		}
		s := link.MustSchema(fs...)
		rules := link.DefaultRules(s)
		if len(rules) == 0 {
			t.Fatal("no default rules")
		}
		if err := (link.Config{Schema: s, Rules: rules}).Validate(); err != nil {
			t.Fatalf("default rules invalid: %v", err)
		}
		seen := map[string]bool{}
		for _, r := range rules {
			if seen[r.Name] {
				t.Fatalf("rule %q twice", r.Name)
			}
			seen[r.Name] = true
		}
	})
}

// TestBlockingReportAddsUp checks the report against the stats: the new
// pairs of the rules sum to the pairs compared, the cumulative count ends
// there, no rule alone proposes more than all together, and a rule's
// matches and misses sum to the estimated matches.
func TestBlockingReportAddsUp(t *testing.T) {
	fake, _ := splinkList(t)
	r := mustLink(t, link.Config{Schema: splinkConfig().Schema}, fake)
	rep := r.Blocking()
	t.Log("\n" + rep.String())
	var sum int64
	for _, rr := range rep.Rules {
		sum += rr.New
		if rr.Cumulative != sum || rr.Pairs > rep.Compared || rr.New > rr.Pairs {
			t.Errorf("rule %s: %+v inconsistent (running sum %d)", rr.Rule, rr, sum)
		}
		if d := rr.Matches + rr.Missed - rep.Matches; d > 1e-6 || d < -1e-6 {
			t.Errorf("rule %s: matches %.3f + missed %.3f ≠ %.3f", rr.Rule, rr.Matches, rr.Missed, rep.Matches)
		}
	}
	if sum != rep.Compared || rep.Compared != r.Stats().Compared {
		t.Errorf("new pairs sum to %d, compared %d, stats %d", sum, rep.Compared, r.Stats().Compared)
	}
	if rep.Missed < 0 || rep.Missed > rep.Matches {
		t.Errorf("missed %.3f of %.3f estimated matches", rep.Missed, rep.Matches)
	}
}

// BenchmarkDefaultRulesSynthetic100k deduplicates 100,000 invented records
// with the default rules of DetaineeSchema and, as the baseline, with
// DetaineeRules: the share of pairs compared (goal ≤ 2 %) and the recall.
func BenchmarkDefaultRulesSynthetic100k(b *testing.B) {
	const n = 100_000
	lists, truth := linktest.Synthetic{People: 3 * n / 4, Noise: linktest.DefaultNoise(), Seed: 2, Lists: []linktest.ListSpec{
		{Source: source.MustSourceID("register"), Records: n},
	}}.Generate()
	for _, tc := range []struct {
		name  string
		rules []link.Rule
	}{{"default", nil}, {"detainee-rules", link.DetaineeRules()}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			var r *link.Result
			for b.Loop() {
				r = mustLink(b, link.Config{Schema: link.DetaineeSchema(), Rules: tc.rules}, lists...)
			}
			s := truth.Score(r)
			report(b, r, s.Precision, s.Recall, s.F1)
		})
	}
}
