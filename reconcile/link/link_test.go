package link_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// summary writes everything a result says, for comparing results.
func summary(r *link.Result) string {
	var b strings.Builder
	s := r.Stats()
	fmt.Fprintf(&b, "records %d pairs %d compared %d sampled %d clusters %d\n", s.Records, s.Pairs, s.Compared, s.Sampled, s.Clusters)
	b.WriteString(r.Model().String())
	for c := range r.Clusters() {
		fmt.Fprintln(&b, c.ID, c.Members)
	}
	for _, l := range r.Links() {
		fmt.Fprintln(&b, "link", l)
	}
	for _, c := range r.Conflicts() {
		fmt.Fprintln(&b, "conflict", c)
	}
	for _, v := range r.Verifications() {
		fmt.Fprintln(&b, "verified", v)
	}
	return b.String()
}

// fataler is what testing.TB and *rapid.T have in common here.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustLink(t fataler, cfg link.Config, lists ...link.List) *link.Result {
	t.Helper()
	r, err := link.Link(cfg, lists...)
	if err != nil {
		t.Fatalf("Link: %v", err)
	}
	return r
}

// shuffled returns lists in another order, with their records in another
// order, drawn by t.
func shuffled(t *rapid.T, lists []link.List) []link.List {
	out := rapid.Permutation(lists).Draw(t, "listOrder")
	for k := range out {
		out[k].Records = rapid.Permutation(out[k].Records).Draw(t, "recordOrder")
	}
	return out
}

func TestLinkIsInvariantUnderTheOrderOfRecordsAndLists(t *testing.T) {
	rapid.Check(t, propOrderInvariant)
}

func propOrderInvariant(t *rapid.T) {
	lists := linktest.Lists().Draw(t, "lists")
	cfg := link.DetaineeConfig()
	want := summary(mustLink(t, cfg, lists...))
	cfg.Workers = rapid.IntRange(1, 4).Draw(t, "workers")
	if got := summary(mustLink(t, cfg, shuffled(t, lists)...)); got != want {
		t.Fatalf("reordered input gives another result:\n%s\nwant\n%s", got, want)
	}
}

// byRef indexes the records of lists.
func byRef(lists []link.List) map[link.Ref]link.Record {
	m := map[link.Ref]link.Record{}
	for _, l := range lists {
		for _, r := range l.Records {
			m[link.Ref{Source: l.Source, ID: r.ID}] = r
		}
	}
	return m
}

func cedulaOf(r link.Record) (link.Cedula, bool) {
	c, err := link.ParseCedula(r.Values[1].Reveal())
	return c, err == nil
}

func TestClusterNeverHoldsTwoNationalIDs(t *testing.T) { rapid.Check(t, propOneNationalID) }

func propOneNationalID(t *rapid.T) {
	lists := linktest.Lists().Draw(t, "lists")
	cfg := link.DetaineeConfig()
	cfg.MinScore = link.Weight(rapid.IntRange(-30, 10).Draw(t, "minScoreBits")) * link.Bits
	r := mustLink(t, cfg, lists...)
	recs := byRef(lists)
	for c := range r.Clusters() {
		var ids []link.Cedula
		for _, m := range c.Members {
			if ced, ok := cedulaOf(recs[m]); ok && !slices.Contains(ids, ced) {
				ids = append(ids, ced)
			}
		}
		if len(ids) > 1 {
			t.Fatalf("cluster %s holds %d national IDs", c.ID, len(ids))
		}
	}
}

func TestUniqueListsAreLinkedOneToOne(t *testing.T) { rapid.Check(t, propOneToOne) }

func propOneToOne(t *rapid.T) {
	lists := linktest.Lists().Draw(t, "lists")
	cfg := link.DetaineeConfig()
	cfg.MinScore = link.Weight(rapid.IntRange(-30, 10).Draw(t, "minScoreBits")) * link.Bits
	r := mustLink(t, cfg, lists...)
	unique := map[source.SourceID]bool{}
	for _, l := range lists {
		unique[l.Source] = l.Unique
	}
	for c := range r.Clusters() {
		seen := map[source.SourceID]bool{}
		for _, m := range c.Members {
			if unique[m.Source] && seen[m.Source] {
				t.Fatalf("cluster %s holds two records of unique list %s", c.ID, m.Source)
			}
			seen[m.Source] = true
		}
	}
}

func TestAddingARecordNeverSplitsAnExactIDMatch(t *testing.T) {
	rapid.Check(t, propAddingKeepsIDMatches)
}

func propAddingKeepsIDMatches(t *rapid.T) {
	lists := linktest.Lists().Draw(t, "lists")
	cfg := link.DetaineeConfig()
	before := mustLink(t, cfg, lists...)
	add := linktest.AdditionTo(lists).Draw(t, "add")
	more := slices.Clone(lists)
	more[add.List].Records = append(slices.Clone(more[add.List].Records), add.Record)
	after := mustLink(t, cfg, more...)
	type rc struct {
		ref link.Ref
		c   link.Cedula
	}
	var withID []rc
	for ref, r := range byRef(lists) {
		if c, ok := cedulaOf(r); ok {
			withID = append(withID, rc{ref, c})
		}
	}
	for _, a := range withID {
		for _, b := range withID {
			if a.c == b.c && a.ref != b.ref {
				if !before.Same(a.ref, b.ref) {
					t.Fatalf("%s and %s share a national ID but are apart", a.ref, b.ref)
				}
				if !after.Same(a.ref, b.ref) {
					t.Fatalf("adding %s to list %d separated %s and %s, who share a national ID", add.Record.ID, add.List, a.ref, b.ref)
				}
			}
		}
	}
}

// TestEveryLinkExplainsItself: a link's score is the prior plus the
// weights its explanation lists, and only pairs reaching the threshold (or
// sharing a national ID) are links.
func TestEveryLinkExplainsItself(t *testing.T) { rapid.Check(t, propLinksExplained) }

func propLinksExplained(t *rapid.T) {
	lists := linktest.Lists().Draw(t, "lists")
	cfg := link.DetaineeConfig()
	r := mustLink(t, cfg, lists...)
	for _, l := range r.Links() {
		e, err := r.Explain(l.A, l.B)
		if err != nil {
			t.Fatal(err)
		}
		sum := e.Prior
		for _, f := range e.Fields {
			sum += f.Weight
			if f.Level == link.Missing && f.Weight != 0 {
				t.Fatalf("missing value weighs %s", f.Weight)
			}
		}
		if sum != e.Score || e.Score != l.Score || !e.Linked {
			t.Fatalf("link %v: explanation %v sums to %s", l, e, sum)
		}
		if !l.Forced && l.Score < cfg.MinScore {
			t.Fatalf("link %v below the threshold", l)
		}
	}
}

func TestLinkRejectsBadInputWithTypedErrors(t *testing.T) {
	cfg := link.DetaineeConfig()
	rec := func(id string, vals ...string) link.Record {
		v := make([]string, 6)
		copy(v, vals)
		return link.Record{ID: release.MustDetaineeID(id), Values: release.NewSecrets(v)}
	}
	src := source.MustSourceID
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(release.MustDate(2026, time.January, 25)))
	for _, tc := range []struct {
		name   string
		lists  []link.List
		is     error
		field  string
		secret string
	}{
		{"no lists", nil, link.ErrInvalid, "Lists", ""},
		{"no source", []link.List{{Records: []link.Record{rec("a", "Ana Pérez")}}}, link.ErrInvalid, "List.Source", ""},
		{"two lists from one source", []link.List{{Source: src("s")}, {Source: src("s")}}, link.ErrDuplicate, "List.Source", ""},
		{"an ID twice", []link.List{{Source: src("s"), Records: []link.Record{rec("a", "Ana Pérez"), rec("a", "Ana Pérez")}}}, link.ErrDuplicate, "Record.ID", ""},
		{"no ID", []link.List{{Source: src("s"), Records: []link.Record{{Values: make([]release.Secret, 6)}}}}, link.ErrInvalid, "Record.ID", ""},
		{"too few values", []link.List{{Source: src("s"), Records: []link.Record{{ID: release.MustDetaineeID("a"), Values: release.NewSecrets([]string{"Ana Pérez"})}}}}, link.ErrInvalid, "Record.Values", ""},
		{"malformed cédula", []link.List{{Source: src("s"), Records: []link.Record{rec("a", "Ana Pérez", "V-12.34.5678")}}}, link.ErrInvalid, "Record.Values[national_id]", "12.34.5678"},
		{"name with digits", []link.List{{Source: src("s"), Records: []link.Record{rec("a", "Ana Pérez 2")}}}, link.ErrInvalid, "Record.Values[name]", "Ana Pérez"},
		{"bad year", []link.List{{Source: src("s"), Records: []link.Record{rec("a", "Ana Pérez", "", "19x5")}}}, link.ErrInvalid, "Record.Values[birth_year]", "19x5"},
		{"a unique list with one national ID twice", []link.List{{Source: src("s"), Unique: true, Records: []link.Record{
			rec("a", "Ana Pérez", "V-12.345.678"), rec("b", "Luis Mata", "V12345678")}}}, link.ErrDuplicate, "Record.Values[national_id]", "12345678"},
		{"releases without a date of publication", []link.List{{Source: src("s"), Records: []link.Record{{ID: release.MustDetaineeID("a"), Values: make([]release.Secret, 6), Released: scope}}}}, link.ErrInvalid, "List.Stated", ""},
	} {
		_, err := link.Link(cfg, tc.lists...)
		if !errors.Is(err, tc.is) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.is)
			continue
		}
		fe, ok := errors.AsType[*link.FieldError](err)
		if !ok || fe.Field() != tc.field {
			t.Errorf("%s: error %v, want field %s", tc.name, err, tc.field)
		}
		if tc.secret != "" && strings.Contains(err.Error(), tc.secret) {
			t.Errorf("%s: error %q repeats the value", tc.name, err)
		}
	}
}

func TestConfigValidateNamesTheField(t *testing.T) {
	s := link.DetaineeSchema()
	for _, tc := range []struct {
		cfg   link.Config
		field string
	}{
		{link.Config{Rules: link.DetaineeRules()}, "Config.Schema"},
		{link.Config{Schema: s, Rules: make([]link.Rule, link.MaxRules+1)}, "Config.Rules"},
		{link.Config{Schema: s, Rules: []link.Rule{{Name: "r", Keys: []link.Key{{Field: "nope", Part: link.Whole}}}}}, "Config.Rules[0].Keys[0].Field"},
		{link.Config{Schema: s, Rules: []link.Rule{{Name: "r", Keys: []link.Key{{Field: "birth_year", Part: link.EachToken}}}}}, "Config.Rules[0].Keys[0].Part"},
		{link.Config{Schema: s, Rules: []link.Rule{{Name: "r", Keys: []link.Key{{Field: "name", Part: link.Prefix}}}}}, "Config.Rules[0].Keys[0].N"},
		{link.Config{Schema: s, Rules: []link.Rule{{Name: "", Keys: []link.Key{{Field: "name", Part: link.Whole}}}}}, "Config.Rules[0].Name"},
		{link.Config{Schema: s, Rules: link.DetaineeRules(), MaxBlock: -1}, "Config.MaxBlock"},
	} {
		err := tc.cfg.Validate()
		fe, ok := errors.AsType[*link.FieldError](err)
		if !ok || fe.Field() != tc.field || !errors.Is(err, link.ErrInvalid) && !errors.Is(err, link.ErrUnknown) {
			t.Errorf("Validate() = %v, want an error for %s", err, tc.field)
		}
		if _, err := link.Link(tc.cfg, link.List{Source: source.MustSourceID("s")}); err == nil {
			t.Errorf("Link accepts a config whose Validate fails (%s)", tc.field)
		}
	}
	for _, fs := range [][]link.Field{
		{{Name: "a b", Kind: link.Text}},
		{{Name: "a", Kind: link.Text}, {Name: "a", Kind: link.Text}},
		{{Name: "a", Kind: 0}},
		{{Name: "a", Kind: link.Text, Unique: true}},
		{{Name: "a", Kind: link.Text, Tolerance: 1}},
		{},
	} {
		if _, err := link.NewSchema(fs...); err == nil {
			t.Errorf("NewSchema(%v) accepts bad fields", fs)
		}
	}
}

func TestExplainRefusesUnknownRecords(t *testing.T) {
	l := link.List{Source: source.MustSourceID("s"), Records: []link.Record{{ID: release.MustDetaineeID("a"), Values: release.NewSecrets([]string{"Ana Pérez", "", "", "", "", ""})}}}
	r := mustLink(t, link.DetaineeConfig(), l)
	_, err := r.Explain(link.Ref{Source: l.Source, ID: release.MustDetaineeID("a")}, link.Ref{Source: l.Source, ID: release.MustDetaineeID("zz")})
	if !errors.Is(err, link.ErrUnknown) {
		t.Fatalf("Explain of an unknown record: %v", err)
	}
	if _, ok := r.ClusterOf(link.Ref{Source: source.MustSourceID("t"), ID: release.MustDetaineeID("a")}); ok {
		t.Fatal("ClusterOf finds a record of an unknown list")
	}
}

// TestLinkHandlesDegenerateInput: nothing to compare is not an error.
func TestLinkHandlesDegenerateInput(t *testing.T) {
	vals := func(name string) []release.Secret { return release.NewSecrets([]string{name, "", "", "", "", ""}) }
	one := link.List{Source: source.MustSourceID("one"), Unique: true, Records: []link.Record{
		{ID: release.MustDetaineeID("a"), Values: vals("Ana Pérez")},
		{ID: release.MustDetaineeID("b"), Values: vals("Ana Pérez")},
		{ID: release.MustDetaineeID("c"), Values: vals("")},
	}}
	empty := link.List{Source: source.MustSourceID("empty")}
	blank := link.List{Source: source.MustSourceID("blank"), Records: []link.Record{
		{ID: release.MustDetaineeID("x"), Values: vals("")}, {ID: release.MustDetaineeID("y"), Values: vals("")},
	}}
	for _, lists := range [][]link.List{{one}, {empty}, {one, empty}, {blank}, {empty, blank}} {
		r := mustLink(t, link.DetaineeConfig(), lists...)
		n := 0
		for _, l := range lists {
			n += len(l.Records)
		}
		if r.NumClusters() != n || len(r.Links()) != 0 {
			t.Errorf("%d records give %d clusters and links %v", n, r.NumClusters(), r.Links())
		}
	}
}

// TestClusterIDsNeverCollide: sources and record IDs with slashes, or too
// long to join, still give every person their own ID.
func TestClusterIDsNeverCollide(t *testing.T) {
	long := strings.Repeat("x", 120)
	var lists []link.List
	for _, pair := range [][2]string{{"a/b", "c"}, {"a", "b/c"}, {long, long}, {long + "y", long}} {
		lists = append(lists, link.List{Source: source.MustSourceID(pair[0]), Unique: true, Records: []link.Record{
			{ID: release.MustDetaineeID(pair[1]), Values: make([]release.Secret, 6)},
		}})
	}
	r := mustLink(t, link.DetaineeConfig(), lists...)
	seen := map[release.DetaineeID]bool{}
	for c := range r.Clusters() {
		if seen[c.ID] {
			t.Fatalf("two clusters have ID %s", c.ID)
		}
		seen[c.ID] = true
	}
	if len(seen) != 4 {
		t.Fatalf("%d clusters", len(seen))
	}
}
