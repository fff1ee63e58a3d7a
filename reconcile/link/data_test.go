package link_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/internal/datatest"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// readCSV reads a CSV file with a header, trimming the space after each
// comma (FEBRL writes ", ").
func readCSV(tb testing.TB, path string) ([]string, [][]string) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("skipping: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.TrimLeadingSpace = true
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	for _, row := range rows {
		for i := range row {
			row[i] = strings.TrimSpace(row[i])
		}
	}
	return rows[0], rows[1:]
}

// febrlSchema is the FEBRL adapter: its fields, compared generically.
func febrlSchema() link.Schema {
	return link.MustSchema(
		link.Field{Name: "given_name", Kind: link.Text},
		link.Field{Name: "surname", Kind: link.Text},
		link.Field{Name: "street_number", Kind: link.Code},
		link.Field{Name: "address_1", Kind: link.Text},
		link.Field{Name: "address_2", Kind: link.Text},
		link.Field{Name: "suburb", Kind: link.Text},
		link.Field{Name: "postcode", Kind: link.Code},
		link.Field{Name: "state", Kind: link.Categorical},
		link.Field{Name: "date_of_birth", Kind: link.Date},
		link.Field{Name: "soc_sec_id", Kind: link.Code},
	)
}

func febrlRules() []link.Rule {
	k := func(f string, p link.Part) link.Key { return link.Key{Field: f, Part: p} }
	return []link.Rule{
		{Name: "given", Keys: []link.Key{k("given_name", link.Whole)}},
		{Name: "surname", Keys: []link.Key{k("surname", link.Whole)}},
		{Name: "dob", Keys: []link.Key{k("date_of_birth", link.Whole)}},
		{Name: "ssn", Keys: []link.Key{k("soc_sec_id", link.Whole)}},
		{Name: "postcode-street", Keys: []link.Key{k("postcode", link.Whole), k("street_number", link.Whole)}},
		{Name: "suburb-year", Keys: []link.Key{k("suburb", link.Whole), k("date_of_birth", link.YearOf)}},
	}
}

func febrlConfig() link.Config { return link.Config{Schema: febrlSchema(), Rules: febrlRules()} }

// febrlList reads a FEBRL file as a list; the truth is in the record IDs
// ("rec-12-org", "rec-12-dup-0": person 12).
func febrlList(tb testing.TB, file, src string, unique bool) link.List {
	tb.Helper()
	head, rows := readCSV(tb, filepath.Join(datatest.Dir(tb), "febrl", file))
	if len(head) != 11 || head[0] != "rec_id" {
		tb.Fatalf("%s: unexpected header %q", file, head)
	}
	l := link.List{Source: source.MustSourceID(src), Unique: unique}
	for _, row := range rows {
		l.Records = append(l.Records, link.Record{ID: release.MustDetaineeID(row[0]), Values: release.NewSecrets(row[1:])})
	}
	return l
}

// febrlPerson returns the person of a FEBRL record ID.
func febrlPerson(id string) string {
	s := strings.TrimPrefix(id, "rec-")
	n, _, _ := strings.Cut(s, "-")
	return n
}

// splinkList reads splink-fake-1000 as a list to deduplicate, and the true
// person of each record.
func splinkList(tb testing.TB) (link.List, map[string]string) {
	tb.Helper()
	head, rows := readCSV(tb, filepath.Join(datatest.Dir(tb), "splink-fake-1000", "fake_1000.csv"))
	if len(head) != 7 || head[0] != "unique_id" || head[6] != "cluster" {
		tb.Fatalf("fake_1000.csv: unexpected header %q", head)
	}
	l := link.List{Source: source.MustSourceID("fake")}
	person := map[string]string{}
	for _, row := range rows {
		id := release.MustDetaineeID("r" + row[0])
		person[id.String()] = row[6]
		l.Records = append(l.Records, link.Record{ID: id, Values: release.NewSecrets(row[1:6])})
	}
	return l, person
}

// splinkConfig compares splink-fake-1000's fields. Its records are so
// corrupted (names, dates of birth and e-mails all mistyped, a third of
// fields missing) that blocking must be loose: single fields, a year, an
// e-mail's first letters. A thousand records make that cheap.
func splinkConfig() link.Config {
	k := func(f string, p link.Part) link.Key { return link.Key{Field: f, Part: p} }
	return link.Config{
		Schema: link.MustSchema(
			link.Field{Name: "first_name", Kind: link.Text},
			link.Field{Name: "surname", Kind: link.Text},
			link.Field{Name: "dob", Kind: link.Date},
			link.Field{Name: "city", Kind: link.Text},
			link.Field{Name: "email", Kind: link.Text},
		),
		Rules: []link.Rule{
			{Name: "first", Keys: []link.Key{k("first_name", link.Whole)}},
			{Name: "surname", Keys: []link.Key{k("surname", link.Whole)}},
			{Name: "year", Keys: []link.Key{k("dob", link.YearOf)}},
			{Name: "email", Keys: []link.Key{{Field: "email", Part: link.Prefix, N: 4}}},
			{Name: "dob-city", Keys: []link.Key{k("dob", link.Whole), k("city", link.Whole)}},
		},
	}
}

// pairwise scores the clusters of r against the truth pair by pair.
type pairwise struct {
	truePairs, found, correct int
}

func scorePairs(r *link.Result, person func(link.Ref) string, all []link.Ref) pairwise {
	var s pairwise
	count := map[string]int{}
	for _, ref := range all {
		count[person(ref)]++
	}
	for _, n := range count {
		s.truePairs += n * (n - 1) / 2
	}
	for c := range r.Clusters() {
		for x := range c.Members {
			for y := x + 1; y < len(c.Members); y++ {
				s.found++
				if person(c.Members[x]) == person(c.Members[y]) {
					s.correct++
				}
			}
		}
	}
	return s
}

func (s pairwise) precision() float64 { return ratio(s.correct, s.found) }
func (s pairwise) recall() float64    { return ratio(s.correct, s.truePairs) }
func (s pairwise) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func refsOf(lists ...link.List) []link.Ref {
	var out []link.Ref
	for _, l := range lists {
		for _, r := range l.Records {
			out = append(out, link.Ref{Source: l.Source, ID: r.ID})
		}
	}
	return out
}

func febrlRefPerson(r link.Ref) string { return febrlPerson(r.ID.String()) }

// TestFEBRL4LinksTwoListsUnsupervised links FEBRL's two lists of 5,000
// people (5,000 true pairs), estimating the model from the data alone. The
// recordlinkage tutorial's rule reaches precision 1.0 and recall 0.648;
// Splink's demo pairs about 4,960 of the 5,000.
func TestFEBRL4LinksTwoListsUnsupervised(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the FEBRL4 linkage in short mode")
	}
	a := febrlList(t, "dataset4a.csv", "4a", true)
	b := febrlList(t, "dataset4b.csv", "4b", true)
	r := mustLink(t, febrlConfig(), a, b)
	s := scorePairs(r, febrlRefPerson, refsOf(a, b))
	t.Logf("FEBRL4: %d true pairs, %d found, %d correct: precision %.4f, recall %.4f, F1 %.4f; %d of %d pairs compared",
		s.truePairs, s.found, s.correct, s.precision(), s.recall(), s.f1(), r.Stats().Compared, r.Stats().Pairs)
	if s.truePairs != 5000 {
		t.Fatalf("%d true pairs in FEBRL4, want 5000", s.truePairs)
	}
	if s.precision() < 0.995 || s.recall() < 0.99 {
		t.Errorf("precision %.4f (want ≥ 0.995), recall %.4f (want ≥ 0.99)", s.precision(), s.recall())
	}
	if !r.Model().Converged {
		t.Errorf("EM did not converge: %v", r.Model())
	}
}
