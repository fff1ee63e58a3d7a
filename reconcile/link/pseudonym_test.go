package link_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

func drawKey(t *rapid.T, label string) []byte {
	return rapid.SliceOfN(rapid.Byte(), link.MinKeyLen, 64).Draw(t, label)
}

// TestTokensAreKeyedAndDeterministic: the same value and key give the same
// token, however the value is written; different keys give different
// tokens; a token contains nothing of the value.
func TestTokensAreKeyedAndDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k1, k2 := drawKey(t, "k1"), drawKey(t, "k2")
		p1, _ := link.NewPseudonymizer(k1)
		p1again, _ := link.NewPseudonymizer(k1)
		p2, _ := link.NewPseudonymizer(k2)
		c := linktest.Cedula().Draw(t, "cedula")
		ced := link.MustCedula(c.Text)
		t1, err := p1.NationalID(ced)
		if err != nil {
			t.Fatal(err)
		}
		if t1b, _ := p1again.NationalID(link.MustCedula(c.Canonical)); t1b != t1 {
			t.Fatalf("the same cédula written %q and %q gives two tokens", c.Text, c.Canonical)
		}
		if t2, _ := p2.NationalID(ced); string(k1) != string(k2) && t2 == t1 {
			t.Fatalf("two keys give one token")
		}
		digits := c.Canonical[2:]
		if strings.Contains(t1.String(), digits) && len(digits) >= 6 {
			t.Fatalf("token %s contains the number", t1)
		}
		raw, _ := hex.DecodeString(t1.String())
		if len(digits) >= 6 && strings.Contains(string(raw), digits) {
			t.Fatalf("token bytes contain the number")
		}
		name := link.MustName(linktest.NameText().Draw(t, "name"))
		year := rapid.IntRange(1940, 2007).Draw(t, "year")
		n1, err := p1.NameYear(name, year)
		if err != nil {
			t.Fatal(err)
		}
		if n1b, _ := p1again.NameYear(link.MustName(name.Text()), year); n1b != n1 {
			t.Fatal("one name gives two tokens")
		}
		if n2, _ := p1.NameYear(name, year+1); n2 == n1 {
			t.Fatal("two years give one token")
		}
		if n1 == t1 {
			t.Fatal("a name and a cédula give one token")
		}
		for _, w := range name.Tokens() {
			if len(w) >= 4 && strings.Contains(string(raw), w) {
				t.Fatalf("token contains %q", w)
			}
		}
	})
}

func TestNameYearTokenIgnoresAccentsCaseAndOrder(t *testing.T) {
	p, _ := link.NewPseudonymizer([]byte("0123456789abcdef0123456789abcdef"))
	a, _ := p.NameYear(link.MustName("José Luis Pérez García"), 1980)
	b, _ := p.NameYear(link.MustName("PEREZ GARCIA, JOSE LUIS"), 1980)
	c, _ := p.NameYear(link.MustName("Jose Luis Garcia Perez"), 1980)
	if a != b || a != c {
		t.Fatalf("tokens differ: %s %s %s", a, b, c)
	}
	if _, err := p.NameYear(link.Name{}, 1980); err == nil {
		t.Fatal("a token of the zero Name")
	}
	if _, err := p.NationalID(link.Cedula{}); err == nil {
		t.Fatal("a token of the zero Cedula")
	}
	if _, err := link.ParseToken("zz"); err == nil {
		t.Fatal("ParseToken reads zz")
	}
}

// TestListsLinkByTokensAlone: two organisations that share a key link their
// lists from tokens, without exchanging a name or a national ID.
func TestListsLinkByTokensAlone(t *testing.T) {
	key := []byte("shared by the two organisations, never sent with the lists")
	p, _ := link.NewPseudonymizer(key)
	people := []struct {
		name   string
		cedula string
		year   int
	}{
		{"Ana Lucía Mendoza Ferrer", "V-10.203.040", 1979},
		{"Efraín José Zambrano Ríos", "V-13.579.246", 1983},
		{"Dayana Sofía Briceño Lara", "", 1991},
		{"Tomás Echeverría Olmos", "E-84.512.309", 1975},
	}
	schema := link.MustSchema(
		link.Field{Name: "id_token", Kind: link.Identifier, Unique: true},
		link.Field{Name: "name_token", Kind: link.Identifier},
	)
	tokenList := func(src string, written func(i int, name string) string) link.List {
		l := link.List{Source: source.MustSourceID(src), Unique: true}
		for i, pp := range people {
			vals := []string{"", ""}
			if pp.cedula != "" {
				tok, _ := p.NationalID(link.MustCedula(pp.cedula))
				vals[0] = tok.String()
			}
			tok, _ := p.NameYear(link.MustName(written(i, pp.name)), pp.year)
			vals[1] = tok.String()
			l.Records = append(l.Records, link.Record{ID: release.MustDetaineeID(src + "-" + string(rune('a'+i))), Values: release.NewSecrets(vals)})
		}
		return l
	}
	a := tokenList("viasna", func(_ int, n string) string { return n })
	b := tokenList("ngo", func(_ int, n string) string { return strings.ToUpper(linktestStrip(n)) })
	cfg := link.Config{Schema: schema, Rules: []link.Rule{
		{Name: "id", Keys: []link.Key{{Field: "id_token", Part: link.Whole}}},
		{Name: "name", Keys: []link.Key{{Field: "name_token", Part: link.Whole}}},
	}}
	r := mustLink(t, cfg, a, b)
	for i := range people {
		if !r.Same(link.Ref{Source: a.Source, ID: a.Records[i].ID}, link.Ref{Source: b.Source, ID: b.Records[i].ID}) {
			t.Errorf("person %d not linked by tokens", i)
		}
	}
	if r.NumClusters() != len(people) {
		t.Errorf("%d clusters for %d people", r.NumClusters(), len(people))
	}
}

// linktestStrip drops accents, as a list typed without them would.
func linktestStrip(s string) string {
	out := link.Fold(s)
	return out
}
