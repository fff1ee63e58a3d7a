package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// tb is what the helpers need of a test: both *testing.T and *rapid.T.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata")

var (
	caracas   = time.FixedZone("", -4*3600)
	political = release.MustPopulation("detainees/political")
	ve        = release.MustRegion("VE")
	dec1      = release.MustDate(2025, time.December, 1)
	jan25     = release.MustDate(2026, time.January, 25)
)

// seed reads the AFP report of 26 January 2026.
func seed(t testing.TB) reconcile.Evidence {
	t.Helper()
	s, err := os.Open("../examples/reconcile/testdata/sources.csv")
	require.NoError(t, err)
	defer s.Close()
	c, err := os.Open("../examples/reconcile/testdata/claims.csv")
	require.NoError(t, err)
	defer c.Close()
	ev, err := interchange.ReadEvidence(interchange.CSV, s, c, nil)
	require.NoError(t, err)
	return ev
}

func draw(t testing.TB, ev reconcile.Evidence, s release.Scope, k Kind, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, ev, source.Releases, s, k, opts))
	return b.String()
}

// svgText is one <text> element as the test reads it.
type svgText struct {
	x, y, size float64
	anchor     string
	text       string
}

// parse decodes svg as XML, failing if it is not well-formed, and returns
// its view box, its texts, and the classes and data-claim attributes of
// its elements.
func parse(t tb, svg string) (w, h float64, texts []svgText, classes []string, claims []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	d.Strict = true
	var cur *svgText
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := make(map[string]string)
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "svg":
				var x0, y0 float64
				_, err := fmt.Sscanf(attrs["viewBox"], "%g %g %g %g", &x0, &y0, &w, &h)
				require.NoError(t, err)
			case "text":
				num := func(k string) float64 {
					v, err := strconv.ParseFloat(attrs[k], 64)
					require.NoError(t, err, "text attribute %s=%q", k, attrs[k])
					return v
				}
				texts = append(texts, svgText{x: num("x"), y: num("y"), size: num("font-size"), anchor: attrs["text-anchor"]})
				cur = &texts[len(texts)-1]
			}
			if c := attrs["class"]; c != "" {
				classes = append(classes, strings.Fields(c)...)
			}
			if c := attrs["data-claim"]; c != "" && attrs["class"] == "marker" {
				claims = append(claims, c)
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				cur = nil
			}
		}
	}
	return w, h, texts, classes, claims
}

// inside reports whether a text lies within the view box, by the width
// the chart reserves for it.
func inside(tx svgText, w, h float64) bool {
	tw := textWidth(tx.text, tx.size)
	left := tx.x
	switch tx.anchor {
	case "middle":
		left -= tw / 2
	case "end":
		left -= tw
	}
	return left >= 0 && left+tw <= w && tx.y-tx.size >= 0 && tx.y+tx.size*0.25 <= h
}

// TestGolden compares the seed report's charts with the ones a reader
// checked (testdata/*.svg; go test -update rewrites them).
func TestGolden(t *testing.T) {
	ev := seed(t)
	for _, g := range []struct {
		name string
		s    release.Scope
		k    Kind
		lang language.Tag
	}{
		{"seed-running-total.en", release.MustScope(political, ve, release.Since(dec1)), Cumulative, language.English},
		{"seed-day.es", release.MustScope(political, ve, release.Day(jan25)), Daily, language.Spanish},
		{"seed-running-total.narrow.en", release.MustScope(political, ve, release.Since(dec1)), Cumulative, language.English},
		{"seed-day.narrow.es", release.MustScope(political, ve, release.Day(jan25)), Daily, language.Spanish},
	} {
		t.Run(g.name, func(t *testing.T) {
			narrow := strings.Contains(g.name, ".narrow.")
			got := draw(t, ev, g.s, g.k, Options{Lang: g.lang, Location: caracas, Credit: "Chart: freedcount.", Narrow: narrow})
			path := filepath.Join("testdata", g.name+".svg")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to write the golden file")
			if got != string(want) {
				t.Errorf("%s differs from the chart drawn now; look at both, then go test -update", path)
			}
		})
	}
}

// titleOf joins the lines of the chart's title.
func titleOf(texts []svgText) string {
	var title []string
	for _, tx := range texts {
		if tx.size == titleSize {
			title = append(title, tx.text)
		}
	}
	return strings.Join(title, " ")
}

// TestTitleMatchesTheAxis: the running total since 1 December starts its
// axis on 1 December and says so; the one-day chart names its days.
func TestTitleMatchesTheAxis(t *testing.T) {
	ev := seed(t)
	svg := draw(t, ev, release.MustScope(political, ve, release.Since(dec1)), Cumulative, Options{Location: caracas})
	_, _, texts, _, _ := parse(t, svg)
	assert.Equal(t, "Political prisoners released in Venezuela from 1 December 2025 to 25 January 2026", titleOf(texts))
	var days []string
	for _, tx := range texts {
		if regexp.MustCompile(`^\d+ [A-Z][a-z]{2}$`).MatchString(tx.text) {
			days = append(days, tx.text)
		}
	}
	require.NotEmpty(t, days)
	assert.Equal(t, "1 Dec", days[0], "the axis starts where the title says")

	svg = draw(t, ev, release.MustScope(political, ve, release.Day(jan25)), Daily, Options{Location: caracas})
	_, _, texts, _, claims := parse(t, svg)
	assert.Equal(t, "Political prisoners released in Venezuela from 24 to 26 January 2026, day by day", titleOf(texts))
	assert.ElementsMatch(t, []string{"fp-80", "fp-104", "afp-fp-104"}, claims, "one-day counts only: not the running totals")
	assert.Contains(t, svg, "Foro Penal: 80 (replaced)", "labels are source names")
	assert.NotContains(t, svg, ">fp-80<")
}

// TestOneMeasureAndPopulationPerAxis: the government's count of detainees
// is not drawn on the chart of political prisoners, and the other way
// round.
func TestOneMeasureAndPopulationPerAxis(t *testing.T) {
	ev := seed(t)
	_, _, _, _, claims := parse(t, draw(t, ev, release.MustScope(political, ve, release.Since(dec1)), Cumulative, Options{Location: caracas}))
	assert.Equal(t, []string{"fp-half"}, claims)
	_, _, _, _, claims = parse(t, draw(t, ev, release.MustScope(release.MustPopulation("detainees"), ve, release.Since(dec1)), Cumulative, Options{Location: caracas}))
	assert.Equal(t, []string{"gov-626"}, claims)
}

// TestNoVerifiedLineWhenNothingIsVerified: announcements verify nobody,
// so the chart has no verified line, legend or label.
func TestNoVerifiedLineWhenNothingIsVerified(t *testing.T) {
	ev := seed(t)
	svg := draw(t, ev, release.MustScope(release.MustPopulation("detainees"), ve, release.Since(dec1)), Cumulative,
		Options{Location: caracas, AsOf: time.Date(2026, 1, 25, 8, 0, 0, 0, caracas).Add(13 * time.Hour)})
	_, _, _, classes, _ := parse(t, svg)
	assert.Contains(t, classes, "best")
	ev2 := evidenceOf(t, []string{"Gov"}, []claimSpec{{0, 3, "626", source.Announcement}})
	svg = draw(t, ev2, release.MustScope(political, ve, release.Since(jan1)), Cumulative, Options{})
	_, _, _, classes, _ = parse(t, svg)
	assert.NotContains(t, classes, "verified")
	assert.NotContains(t, svg, "verified")
	assert.NotContains(t, svg, "0 verified")
}

// TestAccessible: role="img", and aria-labelledby names the chart's own
// title and description; the description says the figure in words.
func TestAccessible(t *testing.T) {
	svg := draw(t, seed(t), release.MustScope(political, ve, release.Day(jan25)), Daily, Options{Location: caracas, ID: "c7"})
	assert.Contains(t, svg, `role="img" aria-labelledby="c7-title c7-desc"`)
	assert.Contains(t, svg, `<title id="c7-title">`)
	assert.Regexp(t, `<desc id="c7-desc">A chart of the figure for each day from 24 January 2026 to 26 January 2026\. On 25 January 2026: best figure 104 or more, lowest 104, highest 344\. 104 verified by name\.`, svg)
}

func TestDeterministic(t *testing.T) {
	ev := seed(t)
	s := release.MustScope(political, ve, release.Since(dec1))
	assert.Equal(t, draw(t, ev, s, Cumulative, Options{}), draw(t, ev, s, Cumulative, Options{}))
}

func TestBadArgumentsAreTypedErrors(t *testing.T) {
	ev := seed(t)
	s := release.MustScope(political, ve, release.Since(dec1))
	for _, c := range []struct {
		field string
		err   error
	}{
		{"Options.Lang", Write(io.Discard, ev, source.Releases, s, Cumulative, Options{Lang: language.German})},
		{"Measure", Write(io.Discard, ev, 0, s, Cumulative, Options{})},
		{"Scope", Write(io.Discard, ev, source.Releases, release.Scope{}, Cumulative, Options{})},
		{"Kind", Write(io.Discard, ev, source.Releases, s, 0, Options{})},
		{"Kind", Write(io.Discard, ev, source.Held, s, Cumulative, Options{})},
		{"Options.Last", Write(io.Discard, ev, source.Releases, release.MustScope(political, ve, release.Day(jan25)), Daily,
			Options{First: jan25, Last: dec1})},
	} {
		oe, ok := errors.AsType[*FieldError](c.err)
		if assert.True(t, ok, "%v", c.err) {
			assert.Equal(t, c.field, oe.Field())
			assert.ErrorIs(t, c.err, ErrInvalid)
		}
	}
	err := Write(io.Discard, ev, source.Releases, release.MustScope(political, release.MustRegion("CU"), release.Since(dec1)), Cumulative, Options{})
	assert.ErrorIs(t, err, ErrNothing)
}

var jan1 = release.MustDate(2026, time.January, 1)

// claimSpec is a claim of a generated evidence set: its source, the day
// after 1 January 2026 it is about (and stated on), its quantity.
type claimSpec struct {
	source, day int
	quantity    string
	basis       source.Basis
}

// evidenceOf builds evidence of sources with the given names and, for
// each spec, two claims of political prisoners released in Venezuela: one
// about its day and one about the days since 1 January.
func evidenceOf(t tb, names []string, specs []claimSpec) reconcile.Evidence {
	t.Helper()
	var ev reconcile.Evidence
	var err error
	for i, n := range names {
		ev, err = ev.AddSources(source.Source{ID: source.MustSourceID(fmt.Sprintf("s%d", i)), Name: n, Kind: source.NGO,
			Method: source.Announces, Confidence: decimal.RequireFromString("0.8")})
		require.NoError(t, err)
	}
	for i, sp := range specs {
		d, _ := jan1.AddDays(sp.day)
		at := d.Start(time.UTC).Add(18 * time.Hour)
		for j, per := range []release.Period{release.Day(d), release.Since(jan1)} {
			c := source.Claim{ID: source.MustClaimID(fmt.Sprintf("c%d-%d", i, j)), Source: source.MustSourceID(fmt.Sprintf("s%d", sp.source)),
				Stated: at, Measure: source.Releases, Scope: release.MustScope(political, ve, per),
				Quantity: source.MustQuantity(sp.quantity), Status: source.Final, Basis: sp.basis}
			ev, err = ev.AddClaims(c)
			require.NoError(t, err)
		}
	}
	return ev
}

// nameRunes are the characters of generated source names: wide and
// narrow Latin letters, accents, digits, CJK, spaces and punctuation.
var nameRunes = []rune("WMmwiIl.AaBbZzÉéñÑ0123456789 —–-()&<>\"'学校Ωж ")

// TestEveryTextLiesInsideTheViewBox is the layout's invariant: whatever
// the sources' names (long, wide, without spaces, in any script) and
// figures, every text of the chart, of either kind and language, lies
// inside the view box by the width the chart reserves for it.
func TestEveryTextLiesInsideTheViewBox(t *testing.T) {
	rapid.Check(t, textsInside)
}

func FuzzEveryTextLiesInsideTheViewBox(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(textsInside))
}

func textsInside(rt *rapid.T) {
	n := rapid.IntRange(1, 5).Draw(rt, "sources")
	var names []string
	for i := range n {
		name := strings.TrimSpace(string(rapid.SliceOfN(rapid.SampledFrom(nameRunes), 1, 80).Draw(rt, fmt.Sprintf("name%d", i))))
		if name == "" {
			name = "X"
		}
		names = append(names, name)
	}
	var specs []claimSpec
	for i := range rapid.IntRange(1, 8).Draw(rt, "claims") {
		q := rapid.SampledFrom([]string{"%d", "at least %d", "about %d", "more than %d", "between %d and 999999"}).Draw(rt, fmt.Sprintf("kind%d", i))
		num := rapid.IntRange(1, 900000).Draw(rt, fmt.Sprintf("n%d", i))
		specs = append(specs, claimSpec{
			source:   rapid.IntRange(0, n-1).Draw(rt, fmt.Sprintf("source%d", i)),
			day:      rapid.IntRange(0, 40).Draw(rt, fmt.Sprintf("day%d", i)),
			quantity: fmt.Sprintf(q, num),
			basis:    rapid.SampledFrom([]source.Basis{source.Announcement, source.NamedList}).Draw(rt, fmt.Sprintf("basis%d", i)),
		})
	}
	ev := evidenceOf(rt, names, specs)
	lang := rapid.SampledFrom([]language.Tag{language.English, language.Spanish}).Draw(rt, "lang")
	credit := strings.Repeat("Credit ", rapid.IntRange(0, 40).Draw(rt, "credit"))
	narrow := rapid.Bool().Draw(rt, "narrow")
	for _, k := range []Kind{Cumulative, Daily} {
		var s release.Scope
		if k == Cumulative {
			s = release.MustScope(political, ve, release.Since(jan1))
		} else {
			d, _ := jan1.AddDays(specs[0].day)
			s = release.MustScope(political, ve, release.Day(d))
		}
		var b bytes.Buffer
		if err := Write(&b, ev, source.Releases, s, k, Options{Lang: lang, Credit: credit, Narrow: narrow}); err != nil {
			rt.Fatalf("%s: %v", k, err)
		}
		w, h, texts, _, _ := parse(rt, b.String())
		for _, tx := range texts {
			if !inside(tx, w, h) {
				rt.Fatalf("%s: text %q at (%g, %g), size %g, anchor %s, width %g, leaves the view box %g × %g",
					k, tx.text, tx.x, tx.y, tx.size, tx.anchor, textWidth(tx.text, tx.size), w, h)
			}
		}
	}
}

// TestRunningTotalOpenAtItsStart draws Cuba 2015's "53 of the US list
// released (until 12 January)": a running total of all releases to each
// day, titled "until", with the three claims about it.
func TestRunningTotalOpenAtItsStart(t *testing.T) {
	open := func(name string) *os.File {
		f, err := os.Open("../reconcile/testdata/realcases/cu-2015/" + name)
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	ev, err := interchange.ReadEvidence(interchange.CSV, open("sources.csv"), open("claims.csv"), nil)
	require.NoError(t, err)
	s := release.MustScope(release.MustPopulation("detainees/political/us-list"), release.MustRegion("CU"), release.Until(release.MustDate(2015, time.January, 12)))
	w, h, texts, _, claims := parse(t, draw(t, ev, s, Cumulative, Options{}))
	assert.Equal(t, "Political prisoners (us-list) released in Cuba until 12 January 2015", titleOf(texts))
	assert.ElementsMatch(t, []string{"cu15-usstate-53", "cu15-ladies-41", "cu15-usofficials-53"}, claims)
	for _, tx := range texts {
		assert.True(t, inside(tx, w, h), "%q", tx.text)
	}
}

// TestTooManyDaysIsAnError: a chart shows at most MaxDays days.
func TestTooManyDaysIsAnError(t *testing.T) {
	s := release.MustScope(political, ve, release.MustPeriod(release.MustDate(2000, time.January, 1), jan25))
	err := Write(io.Discard, seed(t), source.Releases, s, Cumulative, Options{})
	assert.ErrorIs(t, err, ErrInvalid)
}

// TestAsOfADayAloneInventsNoTime: when the latest statement is known to the
// day only, the as-of line names the day, not an end-of-day time in some
// zone (it once read "As of 25 January 2026, 19:59 (UTC−4)").
func TestAsOfADayAloneInventsNoTime(t *testing.T) {
	sources := "id,name,kind,group,method,confidence\nforo-penal,Foro Penal,ngo,,verifies_identities,0.9\n"
	claims := "id,source,stated,measure,population,region,period,quantity,status,basis\n" +
		"fp-104,foro-penal,2026-01-25,releases,detainees/political,VE,2026-01-25,at least 104,preliminary,named_list\n"
	ev, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sources), strings.NewReader(claims), nil)
	require.NoError(t, err)
	s := release.MustScope(political, ve, release.Day(jan25))
	for _, loc := range []*time.Location{nil, caracas, time.FixedZone("", 9*3600)} {
		_, _, texts, _, _ := parse(t, draw(t, ev, s, Daily, Options{Location: loc}))
		var asOf []string
		for _, tx := range texts {
			if strings.HasPrefix(tx.text, "As of") {
				asOf = append(asOf, tx.text)
			}
		}
		assert.Equal(t, []string{"As of 25 January 2026."}, asOf, "zone %v", loc)
	}
}

// TestNarrowChart: a narrow chart is 320 units wide, so that at 375 pixels
// (a 343-pixel column) it is drawn at about its own size; no text is set
// below 12 units, and each marked claim has its number beside its marker
// and its label, with the same number, in the list below the plot.
func TestNarrowChart(t *testing.T) {
	ev := seed(t)
	s := release.MustScope(political, ve, release.Since(dec1))
	svg := draw(t, ev, s, Cumulative, Options{Location: caracas, Narrow: true})
	w, h, texts, classes, claims := parse(t, svg)
	assert.Equal(t, 320.0, w)
	require.NotEmpty(t, claims)
	var all []string
	for _, tx := range texts {
		assert.GreaterOrEqual(t, tx.size, 12.0, "text %q", tx.text)
		assert.True(t, inside(tx, w, h), "text %q leaves the view box", tx.text)
		all = append(all, tx.text)
	}
	joined := strings.Join(all, "\n")
	for i := range claims {
		assert.Contains(t, all, strconv.Itoa(i+1), "the number beside marker %d", i+1)
		assert.Contains(t, all, strconv.Itoa(i+1)+".", "the number of label %d", i+1)
	}
	assert.Contains(t, joined, "Foro Penal: about 313")
	assert.Contains(t, all, "best 313, on 25 January 2026", "the last day's figure, below the axis")
	assert.Contains(t, all, "104 verified")
	assert.NotContains(t, classes, "leader", "no leader lines run to a column")
	wide := draw(t, ev, s, Cumulative, Options{Location: caracas})
	ww, _, _, _, wideClaims := parse(t, wide)
	assert.Equal(t, 800.0, ww)
	assert.Equal(t, wideClaims, claims, "the same claims are marked")
}
