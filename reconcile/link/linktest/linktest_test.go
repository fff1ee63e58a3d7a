package linktest

import (
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/source"
)

// The generators are valid by construction: these tests check it, and that
// they draw what the properties of package link need, so that those
// properties are not vacuous.

func TestNameTextIsReadable(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := NameText().Draw(t, "name")
		if _, err := link.ParseName(s); err != nil {
			t.Fatalf("ParseName refuses a generated name: %v", err)
		}
	})
	// The variety the properties of package link rely on, counted over a
	// fixed set of seeds so that the count does not depend on how many
	// checks rapid runs (-short runs fewer).
	var comma, upper, married int
	for seed := range 500 {
		s := NameText().Example(seed)
		if strings.Contains(s, ",") {
			comma++
		}
		if s == strings.ToUpper(s) {
			upper++
		}
		if strings.Contains(strings.ToLower(s), " de ") {
			married++
		}
	}
	if comma == 0 || upper == 0 || married == 0 {
		t.Errorf("NameText drew %d comma forms, %d in capitals, %d with \"de\" in 500 seeds", comma, upper, married)
	}
}

func TestCedulaReadsToItsCanonicalForm(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Cedula().Draw(t, "cedula")
		got, err := link.ParseCedula(c.Text)
		if err != nil {
			t.Fatalf("ParseCedula refuses a generated cédula: %v", err)
		}
		if got.Canonical() != c.Canonical {
			t.Fatalf("read as %s, want %s", got.Canonical(), c.Canonical)
		}
	})
}

func TestInvalidCedulaTextIsRefused(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := InvalidCedulaText().Draw(t, "text")
		if _, err := link.ParseCedula(s); err == nil {
			t.Fatalf("ParseCedula reads %q", s)
		}
	})
}

func TestListsAreValidAndVaried(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lists := Lists().Draw(t, "lists")
		if _, err := link.Link(link.DetaineeConfig(), lists...); err != nil {
			t.Fatalf("Link refuses generated lists: %v", err)
		}
		add := AdditionTo(lists).Draw(t, "add")
		more := append([]link.List(nil), lists...)
		more[add.List].Records = append(append([]link.Record(nil), more[add.List].Records...), add.Record)
		if _, err := link.Link(link.DetaineeConfig(), more...); err != nil {
			t.Fatalf("Link refuses lists with an addition: %v", err)
		}
	})
	// The variety, counted over a fixed set of seeds so that the count does
	// not depend on how many checks rapid runs (-short runs fewer).
	var unique, dup, released, multi int
	for seed := range 200 {
		lists := Lists().Example(seed)
		if len(lists) > 1 {
			multi++
		}
		for _, l := range lists {
			if l.Unique {
				unique++
			} else if len(l.Records) > 1 {
				dup++
			}
			for _, r := range l.Records {
				if r.Released.IsValid() {
					released++
				}
			}
		}
	}
	for name, n := range map[string]int{"unique lists": unique, "lists with repeats": dup, "releases": released, "linkages of several lists": multi} {
		if n == 0 {
			t.Errorf("Lists drew no %s in 200 seeds", name)
		}
	}
}

func TestSyntheticIsDeterministicAndScored(t *testing.T) {
	syn := Synthetic{People: 300, Overlap: 0.5, Seed: 7, Lists: []ListSpec{
		{Source: source.MustSourceID("a"), Records: 200, Unique: true},
		{Source: source.MustSourceID("b"), Records: 150},
	}}
	l1, truth := syn.Generate()
	l2, _ := syn.Generate()
	for k := range l1 {
		for i := range l1[k].Records {
			if l1[k].Records[i].ID != l2[k].Records[i].ID || !slices.Equal(l1[k].Records[i].Values, l2[k].Records[i].Values) {
				t.Fatalf("Generate is not deterministic at list %d record %d", k, i)
			}
		}
	}
	r, err := link.Link(link.DetaineeConfig(), l1...)
	if err != nil {
		t.Fatal(err)
	}
	s := truth.Score(r)
	if s.TruePairs == 0 || s.Found == 0 || s.Correct > s.Found || s.Correct > s.TruePairs {
		t.Fatalf("score %+v", s)
	}
	if s.F1 < 0.9 {
		t.Errorf("F1 %.3f on a small synthetic linkage", s.F1)
	}
	for _, l := range l1 {
		for _, rec := range l.Records {
			if _, ok := truth.Person(link.Ref{Source: l.Source, ID: rec.ID}); !ok {
				t.Fatalf("truth does not know %s", rec.ID)
			}
		}
	}
}
