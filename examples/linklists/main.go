// Command linklists links two lists of people released on Sunday 25
// January 2026 — an NGO's list of verified releases and a government list —
// that name the same people differently, and prints how many distinct
// people the lists verify, per source and together, what remains
// unverified of the government's figure, and why one pair of records was
// taken for one person.
//
// Every person here is INVENTED: the names, national IDs, register keys and
// years are made up for the example and belong to no one.
//
// It then does what a researcher does next: lists the pairs to review,
// saves the model, and links next month's list with it without estimating
// again. With -out DIR it writes, for the reviewers and the reader, the
// review file (review.csv), the offline review page (review.html), the
// saved model (model.json), the model's own precision and recall against
// the threshold (accuracy.svg) and the waterfall of the explained link
// (why.svg). The review files hold the invented names; in real use they
// are personal data.
//
//	go run ./examples/linklists [-out DIR]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

func main() {
	out := flag.String("out", "", "write the review file and page, the saved model and the charts to this directory")
	flag.Parse()
	if err := runTo(os.Stdout, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var (
	ngoID = source.MustSourceID("ngo")
	govID = source.MustSourceID("gov")
	// The release scope of both lists: political prisoners released in
	// Venezuela on Sunday 25 January 2026.
	sunday = release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
		release.Day(release.MustDate(2026, time.January, 25)))
	stated = time.Date(2026, time.January, 25, 21, 0, 0, 0, time.FixedZone("VET", -4*3600))
)

// person is one INVENTED entry of a list: register key, name as the list
// writes it, national ID as written (or none), year of birth (or 0),
// region.
type person struct {
	key, name, nationalID string
	born                  int
	region                string
}

// ngoList is an NGO's list of verified releases. It was typed by hand: it
// has accents, a duplicate entry (FP-07 is FP-02 again) and cédulas in
// several formats.
var ngoList = []person{
	{"FP-01", "Ana Lucía Mendoza Ferrer", "V-10.203.040", 1979, "VE/Distrito Capital"},
	{"FP-02", "Efraín José Zambrano Ríos", "V-13.579.246", 1983, "VE/Zulia"},
	{"FP-03", "Dayana Sofía Briceño Lara", "", 1991, "VE/Anzoátegui"},
	{"FP-04", "Tomás Echeverría Olmos", "E-84.512.309", 1975, "VE/Distrito Capital"},
	{"FP-05", "Inés Carolina Páez Vivas", "V-18.300.411", 1988, "VE/Táchira"},
	{"FP-06", "Rubén Darío Colina Pérez", "V-25.101.202", 1990, "VE/Carabobo"},
	{"FP-07", "EFRAIN JOSE ZAMBRANO RIOS", "13579246", 1983, "VE/Zulia"},
	{"FP-08", "Yusmary Andreína Peñaloza de Quintero", "V-16.420.918", 1986, "VE/Lara"},
}

// govList is the government's list: capitals without accents, surnames
// first, second surnames dropped, one cédula with two digits swapped.
var govList = []person{
	{"G-101", "MENDOZA FERRER, ANA LUCIA", "10203040", 1979, "VE/Distrito Capital"},
	{"G-102", "BRICENO, DAYANA SOFIA", "V20864197", 1991, "VE/Anzoátegui"},
	{"G-103", "ECHEVERRIA OLMOS, TOMAS", "E84512309", 1975, ""},
	{"G-104", "PAEZ VIVAS, INES CAROLINA", "V18300141", 1988, "VE/Táchira"},
	{"G-105", "COLINA PEREZ, RUBEN DARIO", "V25101202", 1990, "VE/Carabobo"},
	{"G-106", "PENALOZA, YUSMARY ANDREINA", "", 1986, "VE/Lara"},
	{"G-107", "MARQUEZ NUNEZ, JESUS ALBERTO", "V14900317", 1970, "VE/Miranda"},
	{"G-108", "VILLALOBOS ANEZ, JOAQUIN", "V21555030", 1994, "VE/Zulia"},
	{"G-109", "COLMENAREZ AVILA, VERONICA", "V19233874", 1987, "VE/Lara"},
	{"G-110", "SANCHEZ IBANEZ, OSCAR", "V11027559", 1965, "VE/Bolívar"},
}

// list builds a link.List of released people through the Detainee adapter.
func list(src source.SourceID, unique bool, people []person) (link.List, error) {
	l := link.List{Source: src, Stated: stated, Unique: unique}
	for _, p := range people {
		d := release.Detainee{ID: release.MustDetaineeID(p.key), Name: release.NewSecret(p.name), NationalID: release.NewSecret(p.nationalID), BirthYear: p.born}
		if p.region != "" {
			d.Region = release.MustRegion(p.region)
		}
		r, err := link.DetaineeRecord(d, sunday)
		if err != nil {
			return link.List{}, err
		}
		l.Records = append(l.Records, r)
	}
	return l, nil
}

func run(w io.Writer) error { return runTo(w, "") }

// runTo is run, writing the review files, the model and the charts to dir
// if it is not "".
func runTo(w io.Writer, dir string) error {
	ngo, err := list(ngoID, false, ngoList)
	if err != nil {
		return err
	}
	gov, err := list(govID, true, govList)
	if err != nil {
		return err
	}
	res, err := link.Link(link.DetaineeConfig(), ngo, gov)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "INVENTED DATA: every name and national ID below the code is made up.")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Releases of political prisoners in Venezuela on Sunday 25 January 2026\n")
	fmt.Fprintf(w, "%d records in two lists, %d distinct people\n\n", res.Stats().Records, res.NumClusters())

	count := res.Verified(sunday)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\trecords\tpeople\t")
	for _, s := range count.Sources {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", s.Source, s.Records, s.People)
	}
	fmt.Fprintf(tw, "both lists\t%d\t%d\t\n", count.Records, count.People)
	if err := tw.Flush(); err != nil {
		return err
	}

	// The verified people are the floor of the government's figure.
	const announced = 15
	fig, err := figure(res, announced)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nThe government announced %d releases: %d verified by name, %s not yet identified.\n",
		announced, fig.Verified, number(fig.Unverified))

	fmt.Fprintln(w, "\nPeople with more than one record")
	for c := range res.Clusters() {
		if len(c.Members) > 1 {
			fmt.Fprintf(w, "  %s: %v\n", c.ID, c.Members)
		}
	}
	for _, c := range res.Conflicts() {
		fmt.Fprintf(w, "\nKept apart for review: %s and %s score %s bits, but their %s values differ\n", c.A, c.B, c.Score, c.Field)
	}

	// Why the NGO's Dayana Briceño is the government's G-102: no national
	// ID on one side, one surname missing on the other.
	e, err := res.Explain(link.Ref{Source: ngoID, ID: release.MustDetaineeID("FP-03")}, link.Ref{Source: govID, ID: release.MustDetaineeID("G-102")})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nWhy one link was made (weights in bits; the score is the log-odds of one person)")
	fmt.Fprint(w, e)
	return next(w, dir, res, e, ngo, gov)
}

// families is next month's list, from families' reports (INVENTED): two
// people already on the government's list, written otherwise, and one new.
var families = []person{
	{"F-1", "Joaquín Villalobos", "", 1994, "VE/Zulia"},
	{"F-2", "Verónica Colmenárez Ávila", "19.233.874", 1987, "VE/Lara"},
	{"F-3", "Leonardo Antonio Guédez Pinto", "", 1981, "VE/Yaracuy"},
}

// next lists the pairs to review, saves the model, and links next month's
// list with it; with dir, it writes the files for the reviewers.
func next(w io.Writer, dir string, res *link.Result, e link.Explanation, ngo, gov link.List) error {
	items := res.Review(-10*link.Bits, 10*link.Bits)
	refused := 0
	for _, it := range items {
		if it.Kind == link.Refused {
			refused++
		}
	}
	fmt.Fprintf(w, "\nPairs to review: %d (%d scoring within 10 bits of even odds, %d refused)\n", len(items), len(items)-refused, refused)

	model, err := res.SaveModel(link.Training{At: stated, Note: "INVENTED example lists"})
	if err != nil {
		return err
	}
	var file bytes.Buffer
	if _, err := model.WriteTo(&file); err != nil {
		return err
	}
	saved, err := link.ReadModel(&file)
	if err != nil {
		return err
	}
	t := saved.Training()
	fmt.Fprintf(w, "Model saved (format version %d), trained on %d records of %d lists\n", link.ModelFormatVersion, t.Records, len(t.Lists))
	fam, err := list(source.MustSourceID("families"), false, families)
	if err != nil {
		return err
	}
	again, err := link.Link(saved.Config(), gov, fam)
	if err != nil {
		return err
	}
	known := 0
	for _, r := range fam.Records {
		if c, ok := again.ClusterOf(link.Ref{Source: fam.Source, ID: r.ID}); ok && len(c.Members) > 1 {
			known++
		}
	}
	fmt.Fprintf(w, "Next month's families' list, linked with the saved model: %d records, %d of them already on the government's list\n", len(fam.Records), known)
	if dir == "" {
		return nil
	}
	lists := []link.List{ngo, gov}
	opt := link.ReviewOptions{Shuffle: true, Seed: 1}
	return writeFiles(dir, map[string]func(io.Writer) error{
		"review.csv":   func(f io.Writer) error { return res.WriteReview(f, items, lists, opt) },
		"review.html":  func(f io.Writer) error { return res.WriteReviewHTML(f, items, lists, opt) },
		"model.json":   func(f io.Writer) error { _, err := model.WriteTo(f); return err },
		"accuracy.svg": func(f io.Writer) error { return res.ModelAccuracy().WriteSVG(f) },
		"why.svg":      e.WriteSVG,
	})
}

// writeFiles writes each named file in dir, in name order.
func writeFiles(dir string, files map[string]func(io.Writer) error) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		var buf bytes.Buffer
		if err := files[name](&buf); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600); err != nil {
			return err
		}
	}
	return nil
}

// number writes an interval that is one number as that number.
func number(iv source.Interval) string {
	if hi, ok := iv.Hi(); ok && hi == iv.Lo() {
		return strconv.Itoa(hi)
	}
	return iv.String()
}

// figure reconciles the government's claim with the verifications of the
// linked lists.
func figure(res *link.Result, claimed int) (reconcile.Figure, error) {
	var ev reconcile.Evidence
	ev, err := ev.AddSources(
		source.Source{ID: ngoID, Name: "An NGO", Kind: source.NGO, Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")},
		source.Source{ID: govID, Name: "The government", Kind: source.Government, Method: source.Announces, Confidence: decimal.RequireFromString("0.7")},
	)
	if err == nil {
		ev, err = ev.AddVerifications(res.Verifications()...)
	}
	if err == nil {
		ev, err = ev.AddClaims(source.Claim{ID: source.MustClaimID("gov-1"), Source: govID, Stated: stated, Measure: source.Releases,
			Scope: sunday, Quantity: source.MustQuantity(strconv.Itoa(claimed)), Status: source.Final, Basis: source.Announcement})
	}
	if err != nil {
		return reconcile.Figure{}, err
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		return reconcile.Figure{}, err
	}
	return ix.Figure(source.Releases, sunday)
}
