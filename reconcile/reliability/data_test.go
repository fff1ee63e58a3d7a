package reliability_test

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/internal/datatest"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The real data sets live in ../shared/data beside the module root (see
// its README). Tests and benchmarks that need them skip, saying so, when
// the folder is absent.

// readCSV reads a whole CSV file, header first.
func readCSV(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("skipping: data file absent: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("reading %s: %v", path, err)
		}
		rows = append(rows, rec)
	}
	if len(rows) < 2 {
		tb.Fatalf("%s has no data", path)
	}
	return rows[1:]
}

// objKey names an object of a data set: a measure over a resolved scope.
type objKey struct {
	m source.Measure
	s release.Scope
}

// vote is one claim as the baselines see it, in file order.
type vote struct {
	src   string
	value int
	raw   string
}

// dataset is a real data set read into evidence, with its ground truth.
type dataset struct {
	ev      reconcile.Evidence
	truth   map[objKey]int    // objects with ground truth and claims
	votes   map[objKey][]vote // the claims per object, in file order
	claims  int
	sources int
	skipped int           // values the adapter could not read
	build   time.Duration // AddSources + AddClaims
	// For flights: the raw strings per item and the truth as written.
	raw      map[objKey][]string
	rawTruth map[objKey]string
}

var (
	popOnce, flightsOnce sync.Once
	popData, flightsData *dataset
	popErr, flightsErr   error
)

// evidenceOf builds evidence through the public API.
func evidenceOf(srcs []source.Source, claims []source.Claim) (reconcile.Evidence, time.Duration, error) {
	start := time.Now()
	var ev reconcile.Evidence
	ev, err := ev.AddSources(srcs...)
	if err != nil {
		return ev, 0, err
	}
	ev, err = ev.AddClaims(claims...)
	return ev, time.Since(start), err
}

func newSource(id string) (source.Source, error) {
	sid, err := source.ParseSourceID(id)
	if err != nil {
		return source.Source{}, err
	}
	return source.Source{ID: sid, Name: id, Kind: source.OtherKind, Method: source.Announces,
		Confidence: decimal.New(5, -1)}, nil
}

// The population data set (Pasternack and Roth 2010): each Wikipedia
// editor is a source, each (city, year) an object. An object becomes the
// number of residents (measure Held, a stock) of the region
// "world/STATE/CITY" (the city's name split at its commas, in reverse, a
// "/" inside a name written "⁄") on 31 December of the year. The year is
// the digits of the property: "Population2006" and "Population/2006" are
// the same object, which merges 6 of the 42,832 (city, property) pairs of
// the file and none with ground truth. A figure above source.MaxCount
// (vandalism such as 690690690000000) becomes "at least MaxCount": the
// library cannot hold it, but it is a claim all the same.

var (
	residents = release.MustPopulation("residents")
	world     = release.MustRegion("world")
	popStated = time.Date(2008, time.June, 1, 0, 0, 0, 0, time.UTC)
)

func populationScope(city, property string) (release.Scope, bool) {
	digits := strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, property)
	year, err := strconv.Atoi(digits)
	if err != nil || !strings.HasPrefix(property, "Population") {
		return release.Scope{}, false
	}
	first, err1 := release.NewDate(year, time.January, 1)
	last, err2 := release.NewDate(year, time.December, 31)
	if err1 != nil || err2 != nil {
		return release.Scope{}, false
	}
	reg := world
	parts := strings.Split(city, ",")
	for i := len(parts) - 1; i >= 0; i-- {
		seg := strings.TrimSpace(strings.ReplaceAll(parts[i], "/", "⁄"))
		if seg == "" {
			continue
		}
		if reg, err = reg.Child(seg); err != nil {
			return release.Scope{}, false
		}
	}
	// A stock is read on the last day of its period.
	return release.MustScope(residents, reg, release.Day(last)).WithPeriod(release.MustPeriod(first, last)), true
}

func loadPopulation(tb testing.TB) *dataset {
	tb.Helper()
	dir := datatest.Dir(tb)
	popOnce.Do(func() { popData, popErr = readPopulation(tb, filepath.Join(dir, "population")) })
	if popErr != nil {
		tb.Fatal(popErr)
	}
	return popData
}

func readPopulation(tb testing.TB, dir string) (*dataset, error) {
	rows := readCSV(tb, filepath.Join(dir, "population_claims.csv"))
	d := &dataset{truth: map[objKey]int{}, votes: map[objKey][]vote{}}
	srcSeen := map[string]bool{}
	var srcs []source.Source
	var claims []source.Claim
	for i, row := range rows {
		if len(row) != 5 {
			return nil, fmt.Errorf("population claims line %d: %d fields", i+2, len(row))
		}
		city, prop, val, src := row[0], row[1], row[2], row[3]
		sc, ok := populationScope(city, prop)
		n, err := strconv.ParseInt(val, 10, 64)
		if !ok || err != nil || n < 0 {
			d.skipped++
			continue
		}
		if !srcSeen[src] {
			s, err := newSource(src)
			if err != nil {
				return nil, fmt.Errorf("population claims line %d: %w", i+2, err)
			}
			srcSeen[src] = true
			srcs = append(srcs, s)
		}
		q, _ := source.NewQuantity(source.AtLeast, source.MaxCount)
		if n <= source.MaxCount {
			q, _ = source.NewQuantity(source.Exactly, int(n))
		}
		// The file gives no time (its TimeStamp column is "null"): one
		// moment for every claim, but never before the year it is about,
		// since a count of days to come is refused.
		stated := popStated
		if end := sc.Period().Last().Start(time.UTC); end.After(stated) {
			stated = end
		}
		claims = append(claims, source.Claim{
			ID: source.MustClaimID(fmt.Sprintf("p%05d", i)), Source: source.MustSourceID(src),
			Stated: stated, Measure: source.Held, Scope: sc, Quantity: q,
			Status: source.Final, Basis: source.Announcement,
		})
		k := objKey{source.Held, sc.WithPeriod(release.Day(sc.Period().Last()))}
		d.votes[k] = append(d.votes[k], vote{src: src, value: int(min(n, source.MaxCount))})
	}
	for _, row := range readCSV(tb, filepath.Join(dir, "population_truth.csv")) {
		sc, ok := populationScope(row[0], row[1])
		n, err := strconv.Atoi(row[2])
		if !ok || err != nil {
			return nil, fmt.Errorf("population truth: bad row %q", row)
		}
		k := objKey{source.Held, sc.WithPeriod(release.Day(sc.Period().Last()))}
		if len(d.votes[k]) > 0 {
			d.truth[k] = n
		}
	}
	d.claims, d.sources = len(claims), len(srcs)
	var err error
	d.ev, d.build, err = evidenceOf(srcs, claims)
	return d, err
}

// The flight data set (Li et al., VLDB 2013), 2011-12-01: each web site is
// a source, each (flight, attribute) an object. An object becomes the
// "count" of minutes after midnight (measure Held) of the population
// "flight-times/ATTRIBUTE" in the region FLIGHT on that day. Values are
// read with parseClock; those it rejects ("Not Available", empty cells)
// are no claim.

var (
	flightDay    = release.Day(release.MustDate(2011, time.December, 1))
	flightStated = time.Date(2011, time.December, 2, 0, 0, 0, 0, time.UTC)
	flightAttrs  = []string{"sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"}
)

func flightKey(flight, attr string) (objKey, error) {
	pop, err := release.ParsePopulation("flight-times/" + attr)
	if err != nil {
		return objKey{}, err
	}
	reg, err := release.ParseRegion(flight)
	if err != nil {
		return objKey{}, err
	}
	return objKey{source.Held, release.MustScope(pop, reg, flightDay)}, nil
}

func loadFlights(tb testing.TB) *dataset {
	tb.Helper()
	dir := datatest.Dir(tb)
	flightsOnce.Do(func() {
		flightsData, flightsErr = readFlights(tb, filepath.Join(dir, "flights-2011-12-01"))
	})
	if flightsErr != nil {
		tb.Fatal(flightsErr)
	}
	return flightsData
}

func readFlights(tb testing.TB, dir string) (*dataset, error) {
	d := &dataset{truth: map[objKey]int{}, votes: map[objKey][]vote{}, raw: map[objKey][]string{}, rawTruth: map[objKey]string{}}
	srcSeen := map[string]bool{}
	var srcs []source.Source
	var claims []source.Claim
	for i, row := range readCSV(tb, filepath.Join(dir, "dirty.csv")) {
		if len(row) != 6 {
			return nil, fmt.Errorf("flights dirty.csv line %d: %d fields", i+2, len(row))
		}
		src, flight := row[0], row[1]
		if !srcSeen[src] {
			s, err := newSource(src)
			if err != nil {
				return nil, err
			}
			srcSeen[src] = true
			srcs = append(srcs, s)
		}
		for a, attr := range flightAttrs {
			k, err := flightKey(flight, attr)
			if err != nil {
				return nil, err
			}
			raw := row[2+a]
			if strings.TrimSpace(raw) != "" {
				d.raw[k] = append(d.raw[k], raw)
			}
			m, err := parseClock(raw)
			if err != nil {
				d.skipped++
				continue
			}
			q, _ := source.NewQuantity(source.Exactly, m)
			claims = append(claims, source.Claim{
				ID: source.MustClaimID(fmt.Sprintf("f%04d-%d", i, a)), Source: source.MustSourceID(src),
				Stated: flightStated, Measure: source.Held, Scope: k.s, Quantity: q,
				Status: source.Final, Basis: source.Announcement,
			})
			d.votes[k] = append(d.votes[k], vote{src: src, value: m, raw: raw})
		}
	}
	for _, row := range readCSV(tb, filepath.Join(dir, "clean.csv")) {
		for a, attr := range flightAttrs {
			k, err := flightKey(row[1], attr)
			if err != nil {
				return nil, err
			}
			m, err := parseClock(row[2+a])
			if err != nil {
				return nil, fmt.Errorf("flights clean.csv: truth %q of %s: %w", row[2+a], k.s, err)
			}
			if old, ok := d.truth[k]; ok && old != m {
				return nil, fmt.Errorf("flights clean.csv: two truths for %s", k.s)
			}
			d.truth[k], d.rawTruth[k] = m, row[2+a]
		}
	}
	d.claims, d.sources = len(claims), len(srcs)
	var err error
	d.ev, d.build, err = evidenceOf(srcs, claims)
	return d, err
}

// Scores and baselines.

// score returns the share of the truth's objects whose estimate misses the
// truth exactly, and by more than rel (0.01 for 1 %).
func score(truth map[objKey]int, estimate func(objKey) (int, bool), rel float64) (exact, beyond float64) {
	var miss, far int
	for k, t := range truth {
		v, ok := estimate(k)
		if !ok || v != t {
			miss++
		}
		if !ok || absF(float64(v-t)) > rel*absF(float64(t)) {
			far++
		}
	}
	n := float64(len(truth))
	return float64(miss) / n, float64(far) / n
}

func absF(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func fromResult(r reliability.Result) func(objKey) (int, bool) {
	return func(k objKey) (int, bool) {
		o, ok := r.Object(k.m, k.s)
		return o.Value, ok
	}
}

// majority is the figure stated most often, ties to the first stated in
// file order (the README's baseline).
func majority(votes []vote) int {
	count := map[int]int{}
	top := 0
	for _, v := range votes {
		count[v.value]++
		top = max(top, count[v.value])
	}
	for _, v := range votes {
		if count[v.value] == top {
			return v.value
		}
	}
	return 0
}

// earliest is the first figure stated in file order, and latest the last:
// baselines for recency on the population data set. Its TimeStamp column is
// "null", but the file lists each object's claims in the order of the page's
// edits, as far as the file shows: of ClueBot's 12 claims, 9 restore a
// figure stated earlier in the file right after a different one (a revert of
// vandalism); read backwards, 1 would. The earliest edit is mostly the
// census figure that the truth holds; the latest, often vandalism not yet
// reverted.
func earliest(votes []vote) int { return votes[0].value }

func latest(votes []vote) int { return votes[len(votes)-1].value }

// cloneGroups returns d's evidence with every set of sources that state
// the same figure on every item they share, over at least minShared shared
// items, declared one independence group (linked transitively): copy
// detection by identical records, as an upper bound on what finding
// clones could do. Sources are compared in order of ID and a group is
// named after its first member, so the result does not depend on map
// order.
func cloneGroups(tb testing.TB, d *dataset, minShared int) reconcile.Evidence {
	tb.Helper()
	said := map[string]map[objKey]int{}
	for k, vs := range d.votes {
		for _, v := range vs {
			if said[v.src] == nil {
				said[v.src] = map[objKey]int{}
			}
			said[v.src][k] = v.value
		}
	}
	names := slices.Sorted(maps.Keys(said))
	root := make(map[string]string, len(names))
	find := func(s string) string {
		for root[s] != "" && root[s] != s {
			s = root[s]
		}
		return s
	}
	for i, a := range names {
		for _, b := range names[i+1:] {
			shared, same := 0, 0
			for k, v := range said[a] {
				if w, ok := said[b][k]; ok {
					shared++
					if v == w {
						same++
					}
				}
			}
			if shared >= minShared && same == shared {
				ra, rb := find(a), find(b)
				if ra != rb {
					root[max(ra, rb)] = min(ra, rb)
				}
			}
		}
	}
	size := map[string]int{}
	for _, s := range names {
		size[find(s)]++
	}
	var srcs []source.Source
	for s := range d.ev.Sources() {
		if r := find(s.ID.String()); size[r] > 1 {
			s.Group = source.MustGroup("clones of " + r)
		}
		srcs = append(srcs, s)
	}
	ev, _, err := evidenceOf(srcs, slices.Collect(d.ev.Claims()))
	if err != nil {
		tb.Fatal(err)
	}
	return ev
}

// lowerMedian is the lower median of the stated figures.
func lowerMedian(votes []vote) int {
	vs := make([]int, len(votes))
	for i, v := range votes {
		vs[i] = v.value
	}
	slices.Sort(vs)
	return vs[(len(vs)-1)/2]
}

func baseline(d *dataset, rule func([]vote) int) func(objKey) (int, bool) {
	return func(k objKey) (int, bool) {
		vs := d.votes[k]
		if len(vs) == 0 {
			return 0, false
		}
		return rule(vs), true
	}
}

// rawMajorityAccuracy is the README's flight baseline: the raw string
// stated most often (empty cells aside, ties to the first in file order)
// is right when it equals the true string.
func rawMajorityAccuracy(d *dataset) float64 {
	right := 0
	for k, t := range d.rawTruth {
		vs := d.raw[k]
		count := map[string]int{}
		top := 0
		for _, v := range vs {
			count[v]++
			top = max(top, count[v])
		}
		for _, v := range vs {
			if count[v] == top {
				if v == t {
					right++
				}
				break
			}
		}
	}
	return float64(right) / float64(len(d.rawTruth))
}

// sortedKeys returns the objects of m (the truth, or a data set's votes)
// in a fixed order: by measure, then scope.
func sortedKeys[V any](m map[objKey]V) []objKey {
	return slices.SortedFunc(maps.Keys(m), func(a, b objKey) int {
		if c := cmp.Compare(a.m, b.m); c != 0 {
			return c
		}
		return a.s.Compare(b.s)
	})
}
