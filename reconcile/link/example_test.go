package link_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Every person in these examples is INVENTED: names, national IDs and keys
// are made up and belong to no one.

func ExampleNormalize() {
	fmt.Println(link.Normalize("  JOSÉ   Peña "))
	fmt.Println(link.Fold("  JOSÉ   Peña "))
	// Output:
	// josé peña
	// jose pena
}

func ExampleParseCedula() {
	for _, s := range []string{"V-12.345.678", "V12345678", "12.345.678", "v 12 345 678", "E-84.512.309"} {
		c, err := link.ParseCedula(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-14q %s (printed %v)\n", s, c.Canonical(), c)
	}
	_, err := link.ParseCedula("V-12.34.5678")
	fmt.Println(err, errors.Is(err, link.ErrInvalid))
	// Output:
	// "V-12.345.678" V-12345678 (printed Cedula(<redacted>))
	// "V12345678"    V-12345678 (printed Cedula(<redacted>))
	// "12.345.678"   V-12345678 (printed Cedula(<redacted>))
	// "v 12 345 678" V-12345678 (printed Cedula(<redacted>))
	// "E-84.512.309" E-84512309 (printed Cedula(<redacted>))
	// link: Cedula <redacted>: invalid: digits not grouped by threes true
}

func ExampleParseName() {
	for _, s := range []string{"José Luis Pérez García", "PÉREZ GARCÍA, JOSÉ LUIS", "María Peña de González"} {
		n := link.MustName(s)
		fmt.Printf("%s | %s | given %q, surnames %q %q, married %q\n",
			n.Text(), n.Folded(), n.Given(), n.Paternal(), n.Maternal(), n.Married())
	}
	// Output:
	// pérez garcía, josé luis | perez garcia, jose luis | given ["josé" "luis"], surnames "pérez" "garcía", married ""
	// pérez garcía, josé luis | perez garcia, jose luis | given ["josé" "luis"], surnames "pérez" "garcía", married ""
	// peña de gonzález, maría | pena de gonzalez, maria | given ["maría"], surnames "peña" "", married "gonzález"
}

func ExampleJaroWinkler() {
	fmt.Printf("%.4f %.4f %.4f\n", link.JaroWinkler("MARTHA", "MARHTA"), link.JaroWinkler("DWAYNE", "DUANE"), link.JaroWinkler("DIXON", "DICKSONX"))
	// Characters, not bytes: É is one of four.
	fmt.Printf("%.4f\n", link.JaroWinkler("JOSÉ", "JOSE"))
	// Output:
	// 0.9611 0.8400 0.8133
	// 0.8833
}

// A schema for any data: here, FEBRL-style records with English names,
// addresses and social security numbers.
func ExampleNewSchema() {
	s, err := link.NewSchema(
		link.Field{Name: "given_name", Kind: link.Text},
		link.Field{Name: "surname", Kind: link.Text},
		link.Field{Name: "postcode", Kind: link.Code},
		link.Field{Name: "date_of_birth", Kind: link.Date},
		link.Field{Name: "soc_sec_id", Kind: link.Code},
	)
	fmt.Println(s.Len(), s.Index("postcode"), err)
	_, err = link.NewSchema(link.Field{Name: "surname", Kind: link.Text, Unique: true})
	fmt.Println(err)
	// Output:
	// 5 2 <nil>
	// link: Schema.Fields[0].Unique "surname": invalid: only cedula_id and identifier fields can be unique
}

// record makes an INVENTED detainee's record released on 25 January 2026.
func record(key, name, cedula string, born int) link.Record {
	d := release.Detainee{ID: release.MustDetaineeID(key), Name: release.NewSecret(name), NationalID: release.NewSecret(cedula), BirthYear: born}
	r, err := link.DetaineeRecord(d, sunday)
	if err != nil {
		panic(err)
	}
	return r
}

var (
	sunday = release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
		release.Day(release.MustDate(2026, time.January, 25)))
	published = time.Date(2026, time.January, 31, 21, 0, 0, 0, time.UTC)
	// An NGO's list, with one person twice, and a government's list.
	ngoList = link.List{Source: source.MustSourceID("ngo"), Stated: published, Records: []link.Record{
		record("FP-1", "Ana Lucía Mendoza Ferrer", "V-10.203.040", 1979),
		record("FP-2", "Efraín José Zambrano Ríos", "V-13.579.246", 1983),
		record("FP-3", "Dayana Sofía Briceño Lara", "", 1991),
		record("FP-4", "EFRAIN JOSE ZAMBRANO RIOS", "13579246", 1983),
		record("FP-5", "Tomás Echeverría Olmos", "E-84.512.309", 1975),
	}}
	govList = link.List{Source: source.MustSourceID("gov"), Stated: published, Unique: true, Records: []link.Record{
		record("G-1", "MENDOZA FERRER, ANA LUCIA", "10203040", 1979),
		record("G-2", "BRICENO, DAYANA SOFIA", "V20864197", 1991),
		record("G-3", "Jesús Alberto Márquez Núñez", "V14900317", 1970),
		record("G-4", "Verónica Colmenárez Ávila", "V19233874", 1987),
		record("G-5", "Óscar Sánchez Ibáñez", "V11027559", 1965),
		record("G-6", "Joaquín Villalobos Añez", "V21555030", 1994),
	}}
)

func ExampleLink() {
	r, err := link.Link(link.DetaineeConfig(), ngoList, govList)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Stats().Records, "records,", r.NumClusters(), "people")
	for c := range r.Clusters() {
		if len(c.Members) > 1 {
			fmt.Println(c.ID, c.Members)
		}
	}
	// Output:
	// 11 records, 8 people
	// gov/G-1 [gov/G-1 ngo/FP-1]
	// gov/G-2 [gov/G-2 ngo/FP-3]
	// ngo/FP-2 [ngo/FP-2 ngo/FP-4]
}

func ExampleResult_Explain() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	e, _ := r.Explain(link.Ref{Source: ngoList.Source, ID: release.MustDetaineeID("FP-3")},
		link.Ref{Source: govList.Source, ID: release.MustDetaineeID("G-2")})
	fmt.Print(e)
	// Output:
	// ngo/FP-3 ~ gov/G-2: score +7.382 bits, linked
	//   prior                        -3.631
	//   name           contained     +5.145 (+1.054 for frequency)
	//   national_id    missing        0.000
	//   birth_year     exact         +5.868
	//   sex            missing        0.000
	//   region         missing        0.000
	//   facility       missing        0.000
}

func ExampleResult_Verified() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	c := r.Verified(sunday)
	fmt.Println(c.People, "people released, in", c.Records, "records")
	for _, s := range c.Sources {
		fmt.Printf("%s: %d people in %d records\n", s.Source, s.People, s.Records)
	}
	// Output:
	// 8 people released, in 11 records
	// gov: 6 people in 6 records
	// ngo: 4 people in 5 records
}

// The verifications of linked lists are the verified floor of reconcile:
// the NGO's announcement of 10 leaves 2 unverified. (Had it rested on a
// named list, its 10 would itself be a verified count.)
func ExampleResult_Verifications() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	var ev reconcile.Evidence
	ev, err := ev.AddSources(
		source.Source{ID: ngoList.Source, Name: "An NGO", Kind: source.NGO, Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")},
		source.Source{ID: govList.Source, Name: "A government", Kind: source.Government, Method: source.Announces, Confidence: decimal.RequireFromString("0.7")},
	)
	if err == nil {
		ev, err = ev.AddVerifications(r.Verifications()...)
	}
	if err == nil {
		ev, err = ev.AddClaims(source.Claim{ID: source.MustClaimID("ngo-1"), Source: ngoList.Source, Stated: published,
			Measure: source.Releases, Scope: sunday, Quantity: source.MustQuantity("10"), Status: source.Final, Basis: source.Announcement})
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	ix, _ := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	f, _ := ix.Figure(source.Releases, sunday)
	fmt.Println(len(r.Verifications()), "verifications of", f.Verified, "people; unverified", f.Unverified)
	// Output:
	// 10 verifications of 8 people; unverified [2, 2]
}

// Two organisations link their lists from keyed tokens, without sending
// each other a name or a national ID.
func ExamplePseudonymizer() {
	p, err := link.NewPseudonymizer([]byte("a key the two organisations share, and keep secret"))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := p.NationalID(link.MustCedula("V-12.345.678"))
	b, _ := p.NationalID(link.MustCedula("12345678"))
	n1, _ := p.NameYear(link.MustName("José Luis Pérez García"), 1980)
	n2, _ := p.NameYear(link.MustName("PEREZ GARCIA, JOSE LUIS"), 1980)
	fmt.Println(a == b, n1 == n2, a == n1, len(a.String()))
	other, _ := link.NewPseudonymizer([]byte("another key, another exchange, unlinkable tokens"))
	c, _ := other.NationalID(link.MustCedula("V-12.345.678"))
	fmt.Println(a == c, strings.Contains(a.String(), "12345678"))
	// Output:
	// true true false 64
	// false false
}

func ExampleDetaineeRecord() {
	d := release.Detainee{ID: release.MustDetaineeID("FP-9"), Name: release.NewSecret("Inés Páez"), NationalID: release.NewSecret("V-18.300.41")}
	_, err := link.DetaineeRecord(d, sunday)
	fmt.Println(err)
	d.NationalID = release.NewSecret("V-18.300.411")
	r, err := link.DetaineeRecord(d, sunday)
	fmt.Println(r, len(r.Values), err)
	// Output:
	// link: Detainee.NationalID <redacted>: invalid: FP-9: digits not grouped by threes
	// Record(FP-9) 6 <nil>
}

func ExampleConfig_Validate() {
	cfg := link.DetaineeConfig()
	cfg.Rules = append(cfg.Rules, link.Rule{Name: "by-year", Keys: []link.Key{{Field: "birth_year", Part: link.EachToken}}})
	fmt.Println(cfg.Validate())
	// Output:
	// link: Config.Rules[7].Keys[0].Part "each_token": invalid: not a part of a year field
}

// A schema of one's own needs no blocking rules: DefaultRules derives them
// from the fields' kinds, and Link uses them when Config.Rules is empty.
func ExampleDefaultRules() {
	s := link.MustSchema(
		link.Field{Name: "name", Kind: link.PersonName},
		link.Field{Name: "born", Kind: link.Date},
		link.Field{Name: "town", Kind: link.Text},
	)
	for _, r := range link.DefaultRules(s) {
		fmt.Println(r.Name, r.MaxBlock)
	}
	// Output:
	// name~given-surname 100
	// name~surnames 100
	// name~words 0
	// name~sound 50
	// born 0
	// town 50
	// town~sound 50
	// name+born 100
	// name+town 100
	// born+town 100
}

// A model learned on this month's lists is saved as JSON and read back to
// link next month's without estimating again.
func ExampleResult_SaveModel() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	m, err := r.SaveModel(link.Training{At: time.Date(2026, time.January, 31, 0, 0, 0, 0, time.UTC), Note: "January lists"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var file strings.Builder
	_, _ = m.WriteTo(&file)

	saved, err := link.ReadModel(strings.NewReader(file.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := saved.Training()
	fmt.Println("trained", t.At.Format(time.DateOnly), "on", t.Records, "records of", len(t.Lists), "lists")
	next := link.List{Source: source.MustSourceID("families"), Stated: published, Records: []link.Record{
		record("F-1", "Ana L. Mendoza", "V10203040", 1979),
		record("F-2", "Tomas Echeverria", "E84512309", 0),
	}}
	r2, err := link.Link(saved.Config(), govList, next)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r2.NumClusters(), "people in", r2.Stats().Records, "records")

	_, err = link.ReadModel(strings.NewReader(strings.Replace(file.String(), `"version": 1`, `"version": 2`, 1)))
	fmt.Println(errors.Is(err, link.ErrVersion))
	// Output:
	// trained 2026-01-31 on 11 records of 2 lists
	// 7 people in 8 records
	// true
}

// The pairs a linkage is unsure of, and those it refused, go to reviewers
// as CSV; their decisions come back as constraints and labels.
func ExampleResult_Review() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	items := r.Review(-10*link.Bits, 10*link.Bits)
	for _, it := range items {
		fmt.Println(it.Kind, it.A, it.B, it.Score, it.Linked)
	}
	var file strings.Builder
	_ = r.WriteReview(&file, items[:1], []link.List{ngoList, govList}, link.ReviewOptions{Blind: true})
	head, _, _ := strings.Cut(file.String(), "\n")
	fmt.Println(head)

	// A reviewer decides the first pair; the decisions are read back.
	decided := strings.Replace(file.String(), ",\n", ",different\n", 1)
	ds, _ := link.ReadDecisions(strings.NewReader(decided))
	cfg := link.DetaineeConfig()
	cfg.Decisions = ds
	r2, _ := link.Link(cfg, ngoList, govList)
	fmt.Println(ds[0], r2.Same(ds[0].A, ds[0].B))
	// Output:
	// uncertain gov/G-2 ngo/FP-3 +7.382 true
	// item,a_source,a_id,b_source,b_id,a_name,b_name,a_national_id,b_national_id,a_birth_year,b_birth_year,a_sex,b_sex,a_region,b_region,a_facility,b_facility,decision
	// gov/G-2 ≠ ngo/FP-3 false
}

// Reviewers' decisions measure precision and recall a researcher can
// cite, at the linkage's threshold and at others.
func ExampleResult_Accuracy() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	ref := func(src link.List, id string) link.Ref {
		return link.Ref{Source: src.Source, ID: release.MustDetaineeID(id)}
	}
	a, err := r.Accuracy([]link.Decision{
		{A: ref(ngoList, "FP-1"), B: ref(govList, "G-1"), Same: true},
		{A: ref(ngoList, "FP-3"), B: ref(govList, "G-2"), Same: true},
		{A: ref(ngoList, "FP-2"), B: ref(ngoList, "FP-4"), Same: true},
		{A: ref(ngoList, "FP-5"), B: ref(govList, "G-5"), Same: false},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: threshold %s, precision %.2f, recall %.2f\n", a.Source, a.Threshold, a.Precision, a.Recall)
	m := r.ModelAccuracy()
	fmt.Println(m.Source, len(m.Points) > 0)
	// Output:
	// labels: threshold 0.000, precision 1.00, recall 1.00
	// model true
}

// Long linkages take a context and report their progress.
func ExampleLinkContext() {
	cfg := link.DetaineeConfig()
	var last link.Stage
	cfg.Progress = func(p link.Progress) {
		if p.Stage != last {
			fmt.Println(p.Stage)
			last = p.Stage
		}
	}
	r, err := link.LinkContext(context.Background(), cfg, ngoList, govList)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.NumClusters(), "people")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = link.LinkContext(ctx, link.DetaineeConfig(), ngoList, govList)
	fmt.Println(err, errors.Is(err, context.Canceled))
	// Output:
	// preparing
	// blocking
	// comparing
	// estimating
	// scoring
	// clustering
	// finished
	// 8 people
	// link: context canceled true
}

// An explanation draws itself as a waterfall of match weights.
func ExampleExplanation_WriteSVG() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	e, _ := r.Explain(link.Ref{Source: ngoList.Source, ID: release.MustDetaineeID("FP-3")},
		link.Ref{Source: govList.Source, ID: release.MustDetaineeID("G-2")})
	var svg strings.Builder
	if err := e.WriteSVG(&svg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(svg.String(), "<svg"), strings.Count(svg.String(), "<rect") > len(e.Fields)/2)
	// Output:
	// true true
}

// Reviewers of named lists may not send names anywhere: the review page is
// one file that works offline and downloads the decisions as CSV.
func ExampleResult_WriteReviewHTML() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	var page strings.Builder
	err := r.WriteReviewHTML(&page, r.Review(-10*link.Bits, 10*link.Bits), []link.List{ngoList, govList}, link.ReviewOptions{Blind: true})
	fmt.Println(err, strings.HasPrefix(page.String(), "<!DOCTYPE html>"), strings.Contains(page.String(), "https://"))
	// Output:
	// <nil> true false
}

// Blocking decides recall: the report shows what each rule proposes and
// what it would miss alone.
func ExampleResult_Blocking() {
	r, _ := link.Link(link.DetaineeConfig(), ngoList, govList)
	b := r.Blocking()
	fmt.Println(b.Compared, "of", b.Pairs, "pairs compared")
	for _, rr := range b.Rules[:3] {
		fmt.Printf("%-20s alone %d, new %d, cumulative %d\n", rr.Rule, rr.Pairs, rr.New, rr.Cumulative)
	}
	// Output:
	// 3 of 40 pairs compared
	// national_id          alone 2, new 2, cumulative 2
	// given-surname-year   alone 3, new 1, cumulative 3
	// surnames-year        alone 2, new 0, cumulative 3
}
