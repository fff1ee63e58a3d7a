package link_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
)

// decideFromTruth fills the decision column of a review file as a
// reviewer who knows the truth would; unsure(a, b) leaves a pair
// undecided.
func decideFromTruth(t testing.TB, file []byte, same, unsure func(a, b link.Ref) bool) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(file)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for k, h := range rows[0] {
		col[h] = k
	}
	for _, row := range rows[1:] {
		a := refOf(t, row[col["a_source"]], row[col["a_id"]])
		b := refOf(t, row[col["b_source"]], row[col["b_id"]])
		switch {
		case unsure(a, b):
			row[col["decision"]] = "unsure"
		case same(a, b):
			row[col["decision"]] = "Same "
		default:
			row[col["decision"]] = "different"
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	_ = w.WriteAll(rows)
	return out.Bytes()
}

func refOf(t testing.TB, src, id string) link.Ref {
	t.Helper()
	for _, r := range allRefs {
		if r.Source.String() == src && r.ID.String() == id {
			return r
		}
	}
	t.Fatalf("no record %s/%s", src, id)
	return link.Ref{}
}

var allRefs []link.Ref

// TestReviewLoop exports the uncertain and refused pairs of a linkage,
// blind and shuffled, decides them from the truth, reads the decisions
// back, and links again with them: every decision is honoured, the
// decisions read back are those written, and the accuracy does not drop.
func TestReviewLoop(t *testing.T) {
	lists, truth := synthLists(800, 21)
	allRefs = refsOf(lists...)
	cfg := link.DetaineeConfig()
	r := mustLink(t, cfg, lists...)
	items := r.Review(-8*link.Bits, 8*link.Bits)
	if len(items) == 0 {
		t.Fatal("nothing to review")
	}
	var file bytes.Buffer
	if err := r.WriteReview(&file, items, lists, link.ReviewOptions{Shuffle: true, Seed: 1, Blind: true}); err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(file.String(), "\n"); strings.Contains(head, "score") || !strings.Contains(head, "a_name") {
		t.Fatalf("blind header %q", head)
	}
	same := func(a, b link.Ref) bool {
		pa, _ := truth.Person(a)
		pb, _ := truth.Person(b)
		return pa == pb
	}
	// A person recorded with two national IDs cannot be joined without
	// correcting a list: the reviewer leaves their pairs undecided.
	ids := map[int]map[link.Cedula]bool{}
	for _, l := range lists {
		for _, rec := range l.Records {
			p, _ := truth.Person(link.Ref{Source: l.Source, ID: rec.ID})
			if c, err := link.ParseCedula(rec.Values[1].Reveal()); err == nil {
				if ids[p] == nil {
					ids[p] = map[link.Cedula]bool{}
				}
				ids[p][c] = true
			}
		}
	}
	unsure := func(a, b link.Ref) bool {
		p, _ := truth.Person(a)
		return same(a, b) && len(ids[p]) > 1
	}
	decided := decideFromTruth(t, file.Bytes(), same, unsure)
	ds, err := link.ReadDecisions(bytes.NewReader(decided))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Count(string(decided), ",Same \n") + strings.Count(string(decided), ",different\n"); len(ds) != want || want == 0 {
		t.Fatalf("%d decisions read from %d decided of %d items", len(ds), want, len(items))
	}
	for _, d := range ds {
		if d.Same != same(d.A, d.B) {
			t.Fatalf("decision %v read back wrong", d)
		}
	}
	cfg.Decisions = ds
	r2 := mustLink(t, cfg, lists...)
	for _, d := range ds {
		if r2.Same(d.A, d.B) != d.Same {
			t.Fatalf("decision %v not honoured", d)
		}
	}
	before, after := truth.Score(r), truth.Score(r2)
	t.Logf("%d items reviewed; before P %.4f R %.4f, after P %.4f R %.4f; %s", len(items), before.Precision, before.Recall, after.Precision, after.Recall, strings.SplitN(r2.Model().String(), "\n", 2)[0])
	if after.F1 < before.F1 {
		t.Errorf("reviewing lowered F1 from %.4f to %.4f", before.F1, after.F1)
	}
	if m := r2.Model(); m.Labels != len(ds) {
		t.Errorf("model reports %d labels, want %d", m.Labels, len(ds))
	}
}

// TestSupervisedWithEnoughLabels labels pairs of fake_1000 from its truth
// and checks that with at least SupervisedLabels pairs decided the same,
// m comes from the labels (the model says so), and the decisions are
// honoured.
func TestSupervisedWithEnoughLabels(t *testing.T) {
	fake, person := splinkList(t)
	cfg := link.Config{Schema: splinkConfig().Schema}
	r := mustLink(t, cfg, fake)
	var ds []link.Decision
	for _, it := range r.Review(-20*link.Bits, 40*link.Bits) {
		ds = append(ds, link.Decision{A: it.A, B: it.B, Same: person[it.A.ID.String()] == person[it.B.ID.String()]})
	}
	cfg.Decisions = ds
	r2 := mustLink(t, cfg, fake)
	nSame := 0
	for _, d := range ds {
		if d.Same {
			nSame++
		}
		if r2.Same(d.A, d.B) != d.Same {
			t.Fatalf("decision %v not honoured", d)
		}
	}
	m := r2.Model()
	if (nSame >= link.DefaultSupervisedLabels) != m.Supervised {
		t.Errorf("%d pairs decided the same, Supervised = %v", nSame, m.Supervised)
	}
	pf := func(ref link.Ref) string { return person[ref.ID.String()] }
	before, after := scorePairs(r, pf, refsOf(fake)), scorePairs(r2, pf, refsOf(fake))
	t.Logf("%d labels (%d same): before P %.4f R %.4f, after P %.4f R %.4f", len(ds), nSame, before.precision(), before.recall(), after.precision(), after.recall())
	if after.f1() < before.f1() {
		t.Errorf("labels lowered F1 from %.4f to %.4f", before.f1(), after.f1())
	}
}

// contradictory reports, independently of the package, whether decisions
// contradict each other or the lists: must-link groups holding a
// cannot-link pair, two national IDs, or two records of a unique list.
func contradictory(lists []link.List, ds []link.Decision) bool {
	parent := map[link.Ref]link.Ref{}
	var find func(link.Ref) link.Ref
	find = func(r link.Ref) link.Ref {
		if p, ok := parent[r]; ok && p != r {
			return find(p)
		}
		return r
	}
	verdict := map[[2]link.Ref]bool{}
	for _, d := range ds {
		k := [2]link.Ref{d.A, d.B}
		if d.B.Compare(d.A) < 0 {
			k = [2]link.Ref{d.B, d.A}
		}
		if v, ok := verdict[k]; ok && v != d.Same {
			return true
		}
		verdict[k] = d.Same
		if d.Same {
			parent[find(d.A)] = find(d.B)
		}
	}
	for _, d := range ds {
		if !d.Same && find(d.A) == find(d.B) {
			return true
		}
	}
	ced := map[link.Ref]link.Cedula{}
	unique := map[link.Ref]bool{}
	for _, l := range lists {
		for _, r := range l.Records {
			ref := link.Ref{Source: l.Source, ID: r.ID}
			if c, err := link.ParseCedula(r.Values[1].Reveal()); err == nil {
				ced[ref] = c
			}
			unique[ref] = l.Unique
		}
	}
	members := map[link.Ref][]link.Ref{}
	inGroup := map[link.Ref]bool{}
	for _, d := range ds {
		if d.Same {
			for _, r := range []link.Ref{d.A, d.B} {
				if !inGroup[r] {
					inGroup[r] = true
					members[find(r)] = append(members[find(r)], r)
				}
			}
		}
	}
	for _, ms := range members {
		var seen link.Cedula
		lists := map[string]bool{}
		for _, m := range ms {
			if c, ok := ced[m]; ok {
				if seen.IsValid() && c != seen {
					return true
				}
				seen = c
			}
			if unique[m] {
				if lists[m.Source.String()] {
					return true
				}
				lists[m.Source.String()] = true
			}
		}
	}
	return false
}

// drawDecisions draws decisions on pairs of records of lists.
func drawDecisions(t *rapid.T, lists []link.List) []link.Decision {
	refs := refsOf(lists...)
	if len(refs) < 2 {
		return nil
	}
	n := rapid.IntRange(0, 8).Draw(t, "decisions")
	var ds []link.Decision
	for range n {
		a := rapid.SampledFrom(refs).Draw(t, "a")
		b := rapid.SampledFrom(refs).Draw(t, "b")
		if a != b {
			ds = append(ds, link.Decision{A: a, B: b, Same: rapid.Bool().Draw(t, "same")})
		}
	}
	return ds
}

// TestDecisionsAreAlwaysHonoured checks the invariant that consistent
// decisions are always honoured — records decided the same in one cluster,
// decided different never — and never make a cluster with two national
// IDs; and that Link refuses exactly the contradictory ones.
func TestDecisionsAreAlwaysHonoured(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lists := linktest.Lists().Draw(t, "lists")
		ds := drawDecisions(t, lists)
		cfg := link.DetaineeConfig()
		cfg.Decisions = ds
		r, err := link.Link(cfg, lists...)
		if bad := contradictory(lists, ds); bad || err != nil {
			if bad != (err != nil) || bad && !errors.Is(err, link.ErrInvalid) {
				t.Fatalf("contradictory %v, Link error %v", bad, err)
			}
			return
		}
		for _, d := range ds {
			if r.Same(d.A, d.B) != d.Same {
				t.Fatalf("decision %v not honoured", d)
			}
		}
		ced := map[link.Ref]link.Cedula{}
		for _, l := range lists {
			for _, rec := range l.Records {
				if c, err := link.ParseCedula(rec.Values[1].Reveal()); err == nil {
					ced[link.Ref{Source: l.Source, ID: rec.ID}] = c
				}
			}
		}
		for c := range r.Clusters() {
			var seen link.Cedula
			for _, m := range c.Members {
				if v, ok := ced[m]; ok {
					if seen.IsValid() && v != seen {
						t.Fatalf("cluster %s holds two national IDs", c.ID)
					}
					seen = v
				}
			}
		}
	})
}

// TestLabelsNeverChangeAConstrainedPair checks the invariant that adding
// decisions on other pairs (labels that re-estimate the model) never
// changes the outcome of a pair fixed by a decision.
func TestLabelsNeverChangeAConstrainedPair(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lists := linktest.Lists().Draw(t, "lists")
		fixed := drawDecisions(t, lists)
		more := drawDecisions(t, lists)
		all := slices.Concat(fixed, more)
		if contradictory(lists, all) {
			return
		}
		cfg := link.DetaineeConfig()
		cfg.Decisions = all
		r := mustLink(t, cfg, lists...)
		for _, d := range fixed {
			if r.Same(d.A, d.B) != d.Same {
				t.Fatalf("with more labels, decision %v is not honoured", d)
			}
		}
	})
}

// TestReadDecisionsErrors checks that a bad review file gives errors with
// line and column that never repeat a value.
func TestReadDecisionsErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"empty", "", "line 1"},
		{"no decision column", "a_source,a_id,b_source,b_id\n", `no column "decision"`},
		{"bad source", "a_source,a_id,b_source,b_id,decision\n,X,s,Y,same\n", "line 2 column a_source"},
		{"bad id", "a_source,a_id,b_source,b_id,a_name,decision\ns,X,s,,Secret Name,different\n", "line 2 column b_id"},
	} {
		_, err := link.ReadDecisions(strings.NewReader(tc.file))
		if !errors.Is(err, link.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "Secret") {
			t.Errorf("%s: err = %v, want ErrInvalid mentioning %s", tc.name, err, tc.want)
		}
	}
	ds, err := link.ReadDecisions(strings.NewReader("\ufeffitem,a_source,a_id,b_source,b_id,decision\n1,s,X,t,Y,unsure\n2,s,X,t,Z,\n3,s,X,t,W,DIFFERENT\n"))
	if err != nil || len(ds) != 1 || ds[0].Same || ds[0].B.ID.String() != "W" {
		t.Errorf("ReadDecisions = %v, %v; want one decision, X ≠ W", ds, err)
	}
}

// FuzzReadDecisions checks that no review file makes ReadDecisions panic,
// that its errors wrap ErrInvalid, and that decisions read are valid refs.
func FuzzReadDecisions(f *testing.F) {
	f.Add("a_source,a_id,b_source,b_id,decision\ns,X,t,Y,same\n")
	f.Add("a_source,a_id,b_source,b_id,decision\ns,X,t,Y,different\n\"x")
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := link.ReadDecisions(strings.NewReader(s))
		if err != nil {
			if !errors.Is(err, link.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		for _, d := range ds {
			if !d.A.Source.IsValid() || !d.A.ID.IsValid() || !d.B.Source.IsValid() || !d.B.ID.IsValid() {
				t.Fatalf("invalid decision read: %v", d)
			}
		}
	})
}

// BenchmarkReviewLoop measures the review loop on two lists of 20,000
// invented detainees: exporting 10,000 pairs as CSV, reading 10,000
// decisions back, and linking again with them as constraints and labels;
// beside it, the first linkage, as the baseline.
func BenchmarkReviewLoop(b *testing.B) {
	lists, truth := synthLists(20_000, 31)
	cfg := link.DetaineeConfig()
	r := mustLink(b, cfg, lists...)
	items := r.Review(cfg.MinScore-10*link.Bits, 1000*link.Bits)
	if len(items) < 10_000 {
		b.Fatalf("only %d pairs to review", len(items))
	}
	items = items[:10_000]
	var file bytes.Buffer
	if err := r.WriteReview(&file, items, lists, link.ReviewOptions{}); err != nil {
		b.Fatal(err)
	}
	// Every pair decided from the truth, but for a person with two
	// national IDs, whom a reviewer would correct in the list first.
	ids := map[int]map[link.Cedula]bool{}
	for _, l := range lists {
		for _, rec := range l.Records {
			p, _ := truth.Person(link.Ref{Source: l.Source, ID: rec.ID})
			if c, err := link.ParseCedula(rec.Values[1].Reveal()); err == nil {
				if ids[p] == nil {
					ids[p] = map[link.Cedula]bool{}
				}
				ids[p][c] = true
			}
		}
	}
	var decided strings.Builder
	for k, line := range strings.Split(strings.TrimSuffix(file.String(), "\n"), "\n") {
		if k == 0 {
			decided.WriteString(line + "\n")
			continue
		}
		it := items[k-1]
		pa, _ := truth.Person(it.A)
		pb, _ := truth.Person(it.B)
		v := "different"
		switch {
		case pa == pb && len(ids[pa]) > 1:
			v = "unsure"
		case pa == pb:
			v = "same"
		}
		decided.WriteString(line + v + "\n")
	}
	read, err := link.ReadDecisions(strings.NewReader(decided.String()))
	if err != nil || len(read) < len(items)*9/10 {
		b.Fatalf("%d decisions read: %v", len(read), err)
	}
	cfg.Decisions = read
	b.Run("link-baseline", func(b *testing.B) {
		for b.Loop() {
			mustLink(b, link.DetaineeConfig(), lists...)
		}
	})
	b.Run("export-10000", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := r.WriteReview(&buf, items, lists, link.ReviewOptions{Shuffle: true, Blind: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read-10000", func(b *testing.B) {
		for b.Loop() {
			if _, err := link.ReadDecisions(strings.NewReader(decided.String())); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("relink", func(b *testing.B) {
		var r2 *link.Result
		for b.Loop() {
			r2 = mustLink(b, cfg, lists...)
		}
		s := truth.Score(r2)
		b.ReportMetric(float64(len(cfg.Decisions)), "decisions")
		b.ReportMetric(s.Recall, "recall")
		b.ReportMetric(s.Precision, "precision")
	})
}
