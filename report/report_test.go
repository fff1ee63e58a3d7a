package report_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/report"
	"github.com/freedcount/freedcount/source"
)

var update = flag.Bool("update", false, "rewrite the golden HTML files in testdata")

// A case is a set of evidence with known figures: the seed report (the AFP
// report of 26 January 2026) and real cases of reconcile/testdata.
type testCase struct {
	name string
	dir  string
	loc  *time.Location
}

var cases = []testCase{
	{"seed", "../examples/reconcile/testdata", time.FixedZone("", -4*3600)},
	{"ni-2024", "../reconcile/testdata/realcases/ni-2024", time.FixedZone("", -6*3600)},
	{"cu-2025", "../reconcile/testdata/realcases/cu-2025", time.FixedZone("", -5*3600)},
}

var langs = []language.Tag{language.English, language.Spanish}

// evidence reads a case's sources, claims and (if present) verifications.
func evidence(t testing.TB, dir string) reconcile.Evidence {
	t.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) && name == "verifications.csv" {
			return nil
		}
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	s, c := open("sources.csv"), open("claims.csv")
	var ev reconcile.Evidence
	var err error
	if v := open("verifications.csv"); v != nil {
		ev, err = interchange.ReadEvidence(interchange.CSV, s, c, v)
	} else {
		ev, err = interchange.ReadEvidence(interchange.CSV, s, c, nil)
	}
	require.NoError(t, err)
	return ev
}

func write(t testing.TB, ev reconcile.Evidence, opts report.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Write(context.Background(), &b, ev, opts))
	return b.String()
}

func page(t testing.TB, c testCase, lang language.Tag) string {
	t.Helper()
	return write(t, evidence(t, c.dir), report.Options{Lang: lang, Location: c.loc, Version: "test"})
}

// TestGolden compares each case's page, in English and Spanish, with the
// page a reader checked (testdata/CASE.LANG.html; go test -update rewrites
// them after a change is read and approved).
func TestGolden(t *testing.T) {
	for _, c := range cases {
		for _, lang := range langs {
			t.Run(c.name+"."+lang.String(), func(t *testing.T) {
				got := page(t, c, lang)
				path := filepath.Join("testdata", c.name+"."+lang.String()+".html")
				if *update {
					require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test -update to write the golden file")
				if got != string(want) {
					t.Errorf("%s differs from the page written now; read the difference, then go test -update", path)
				}
			})
		}
	}
}

// text returns the page's text as a reader sees it: tags removed,
// entities decoded, white space collapsed.
func text(page string) string {
	page = regexp.MustCompile(`(?s)<style>.*?</style>|<svg.*?</svg>`).ReplaceAllString(page, " ")
	page = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " ")
	page = strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(page)
	return strings.Join(strings.Fields(page), " ")
}

// TestSeedSaysTheFigureInWords reads the seed report as a reader would:
// Foro Penal's 104 of 25 January is a floor ("at least", "may rise",
// "104 or more", never a maximum), the government's 626 is about
// detainees, and the page says as of when and under which policy.
func TestSeedSaysTheFigureInWords(t *testing.T) {
	en := text(page(t, cases[0], language.English))
	for _, want := range []string{
		"Foro Penal counted at least 104 political prisoners released in Venezuela on Sunday 25 January 2026; the count may rise.",
		"Best figure 104 or more",
		"Government of Venezuela reported 626 detainees released in Venezuela from 1 December 2025 to 25 January 2026, as relayed by AFP.",
		"Foro Penal counted about 313 political prisoners released in Venezuela from 1 December 2025 to 25 January 2026, as relayed by AFP.",
		"Figures as of the latest statement, 25 January 2026, 20:00 (UTC−4).",
		"The best figure is the weighted median",
		"A preliminary count that may still rise is read as a minimum.",
		"replaced by Foro Penal (fp-104)",
		"a copy of Foro Penal (fp-104), counted once",
		"verified 104 releases; the figure is not yet definitive and could increase",
		"Differences explained by their cause",
		"freedcount version test.",
	} {
		assert.Contains(t, en, want)
	}
	es := text(page(t, cases[0], language.Spanish))
	for _, want := range []string{
		"Foro Penal contó al menos 104 presos políticos excarcelados en Venezuela el domingo 25 de enero de 2026; la cifra puede aumentar.",
		"Cifra más probable 104 o más",
		"Gobierno de Venezuela",
		"del 1 de diciembre de 2025 al 25 de enero de 2026",
		"Cifras a fecha de la última declaración, 25 de enero de 2026, 20:00 (UTC−4).",
		"sustituida por Foro Penal (fp-104)",
	} {
		if want == "Gobierno de Venezuela" {
			continue // source names are the sources' own, not translated
		}
		assert.Contains(t, es, want)
	}
	assert.NotContains(t, en, "0 verified")
}

// TestNumbersAndDatesPerLanguage checks digit grouping and dates in words
// on Cuba 2025, where Prisoners Defenders counts 1,161 political
// prisoners held on 31 December 2024, and the lead sentence names the
// outlets that relayed it.
func TestNumbersAndDatesPerLanguage(t *testing.T) {
	ev := evidence(t, cases[2].dir)
	held := []report.Headline{{Measure: source.Held, Scope: release.MustScope(release.MustPopulation("detainees/political"),
		release.MustRegion("CU"), release.Day(release.MustDate(2024, time.December, 31)))}}
	en := text(write(t, ev, report.Options{Headlines: held, Location: cases[2].loc}))
	es := text(write(t, ev, report.Options{Headlines: held, Location: cases[2].loc, Lang: language.Spanish}))
	assert.Contains(t, en, "Prisoners Defenders counted 1,161 political prisoners held in Cuba on Tuesday 31 December 2024, as relayed by 14ymedio and translatingcuba.com.")
	assert.Contains(t, es, "Prisoners Defenders contó 1.161 presos políticos detenidos en Cuba el martes 31 de diciembre de 2024, según 14ymedio y translatingcuba.com.")
	assert.Contains(t, es, "Pesos: preliminar 0,8")
}

// TestAsOfUsesNothingStatedLater reads the seed at noon on 25 January,
// when Foro Penal had said 80 and nothing else.
func TestAsOfUsesNothingStatedLater(t *testing.T) {
	loc := cases[0].loc
	p := text(write(t, evidence(t, cases[0].dir), report.Options{AsOf: time.Date(2026, 1, 25, 12, 0, 0, 0, loc), Location: loc}))
	assert.Contains(t, p, "Foro Penal counted at least 80 political prisoners released in Venezuela on Sunday 25 January 2026; the count may rise.")
	assert.Contains(t, p, "Figures as the evidence stood at 25 January 2026, 12:00 (UTC−4); later statements are not used.")
	assert.NotContains(t, p, "104")
	assert.NotContains(t, p, "626")
}

// TestHeadlinesGivenAreWrittenInOrder asks for one headline.
func TestHeadlinesGivenAreWrittenInOrder(t *testing.T) {
	s := release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"),
		release.MustPeriod(release.MustDate(2025, time.December, 1), release.MustDate(2026, time.January, 25)))
	var progress [][2]int
	p := write(t, evidence(t, cases[0].dir), report.Options{
		Headlines: []report.Headline{{Measure: source.Releases, Scope: s}},
		Progress:  func(done, total int) { progress = append(progress, [2]int{done, total}) },
		Title:     "Freed <since> December",
	})
	assert.Equal(t, 1, strings.Count(p, `<section class="headline"`))
	assert.Contains(t, p, "<title>Freed &lt;since&gt; December</title>")
	assert.Equal(t, [][2]int{{1, 1}}, progress)
}

// TestBadOptionsAreTypedErrors: a language other than English or Spanish,
// an invalid policy, an invalid headline, a cancelled context; nothing is
// written.
func TestBadOptionsAreTypedErrors(t *testing.T) {
	ev := evidence(t, cases[0].dir)
	var b bytes.Buffer
	err := report.Write(context.Background(), &b, ev, report.Options{Lang: language.French, Policy: reconcile.DefaultPolicy()})
	oe, ok := errors.AsType[*report.FieldError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, "Options.Lang", oe.Field())
	assert.ErrorIs(t, err, report.ErrLanguage)
	assert.ErrorIs(t, err, report.ErrInvalid)

	bad := reconcile.DefaultPolicy()
	bad.Tolerance = bad.Tolerance.Neg()
	err = report.Write(context.Background(), &b, ev, report.Options{Policy: bad})
	oe, ok = errors.AsType[*report.FieldError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, "Options.Policy", oe.Field())

	err = report.Write(context.Background(), &b, ev, report.Options{Policy: reconcile.DefaultPolicy(), Headlines: []report.Headline{{}}})
	oe, ok = errors.AsType[*report.FieldError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, "Options.Headlines[0].Measure", oe.Field())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, report.Write(ctx, &b, ev, report.Options{Policy: reconcile.DefaultPolicy()}), context.Canceled)
	assert.Zero(t, b.Len(), "nothing is written on error")

	// Spanish of any region is Spanish.
	assert.NoError(t, report.Write(context.Background(), &b, ev, report.Options{Lang: language.MustParse("es-VE"), Policy: reconcile.DefaultPolicy()}))
	assert.Contains(t, b.String(), `<html lang="es">`)
}

// TestPageIsSelfContained: no request can leave the page.
func TestPageIsSelfContained(t *testing.T) {
	for _, c := range cases {
		p := page(t, c, language.English)
		assert.NotRegexp(t, `<script|<link|<img|<iframe|@import|url\(http|src=`, p, c.name)
		assert.Contains(t, p, `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
		assert.Contains(t, p, `<html lang="en">`)
		assert.Contains(t, p, `@media print`)
		assert.Regexp(t, `<svg [^>]*role="img" aria-labelledby="h1-chart-title h1-chart-desc"`, p)
	}
}

// TestEmptyEvidence writes a page that says there is nothing.
func TestEmptyEvidence(t *testing.T) {
	p := text(write(t, reconcile.Evidence{}, report.Options{Lang: language.Spanish}))
	assert.Contains(t, p, "Ninguna declaración da una cifra.")
	assert.Contains(t, p, "Aún no hay declaraciones.")
}

func TestDeterministic(t *testing.T) {
	assert.Equal(t, page(t, cases[1], language.English), page(t, cases[1], language.English))
}

// TestConflictsComeFirst: in Belarus 2025, Lithuania's list of 8 foreign
// detainees freed on 21 June and the presidential spokeswoman's 10 cannot
// both be right; the page lists that conflict, with both sources and the
// gap, before the differences that their cause explains, which it counts.
func TestConflictsComeFirst(t *testing.T) {
	p := text(write(t, evidence(t, "../reconcile/testdata/realcases/by"), report.Options{}))
	conflict := strings.Index(p, "Government of Lithuania (list of the 14): 8 foreign detainees released in Belarus on Saturday 21 June 2025; "+
		"Natallia Eismant (presidential spokeswoman): 10 foreign detainees released in Belarus on Saturday 21 June 2025. These cannot both be right: they are 2 apart.")
	explained := strings.Index(p, "Differences explained by their cause Cause Pairs of claims")
	require.GreaterOrEqual(t, conflict, 0, "the conflict is listed")
	require.Greater(t, explained, conflict, "conflicts come first")
	assert.Contains(t, p[explained:], "different populations 5")
	seed := text(page(t, cases[0], language.English))
	assert.Contains(t, seed, "No true conflict: every difference between the claims is explained by its cause.")
	assert.Contains(t, seed, "a later statement of the same source 1 different populations 1 different periods 1")
}

// TestHeadlineWithoutAStatedFigure asks for a day nobody gave a figure
// for: the page says so, with what other figures prove.
func TestHeadlineWithoutAStatedFigure(t *testing.T) {
	s := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(release.MustDate(2026, time.January, 24)))
	p := text(write(t, evidence(t, cases[0].dir), report.Options{Location: cases[0].loc, Headlines: []report.Headline{{Measure: source.Releases, Scope: s}}}))
	assert.Contains(t, p, "No source states a figure for political prisoners released in Venezuela on Saturday 24 January 2026.")
	assert.NotContains(t, p, "Best figure")
}

// TestStockIsNotAFlow: Prisoners Defenders' counts of political prisoners
// held in Cuba, 1,161 then 1,152, are reported as a net change, never as
// releases.
func TestStockIsNotAFlow(t *testing.T) {
	en := text(page(t, cases[2], language.English))
	es := text(page(t, cases[2], language.Spanish))
	assert.Contains(t, en, "Prisoners Defenders: political prisoners held in Cuba changed by −9 from 31 December 2024 to 31 March 2025.")
	assert.Contains(t, es, "Prisoners Defenders: los presos políticos detenidos en Cuba cambiaron en −9 del 31 de diciembre de 2024 al 31 de marzo de 2025.")
	assert.NotContains(t, text(page(t, cases[0], language.English)), "How the number of people held moved", "no stock, no section")
}

// TestHeadlineTooLongToChart: a headline over 26 years has no chart (a
// chart shows at most chart.MaxDays days), and the page is still written.
func TestHeadlineTooLongToChart(t *testing.T) {
	s := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
		release.MustPeriod(release.MustDate(2000, time.January, 1), release.MustDate(2026, time.January, 25)))
	p := write(t, evidence(t, cases[0].dir), report.Options{Headlines: []report.Headline{{Measure: source.Releases, Scope: s}}})
	assert.NotContains(t, p, "<svg")
	assert.Contains(t, text(p), "political prisoners released in Venezuela from 1 January 2000 to 25 January 2026")
}

// TestSourceNameWithAClause: a source named with a clause after a comma
// ("Rosario Murillo, vice-president of Nicaragua") is written with the
// clause in brackets, so that the verb after it reads in both languages.
func TestSourceNameWithAClause(t *testing.T) {
	en := text(page(t, cases[1], language.English))
	es := text(page(t, cases[1], language.Spanish))
	assert.Contains(t, en, "Rosario Murillo (vice-president of Nicaragua) reported 1,600 common-law prisoners released in Nicaragua")
	assert.Contains(t, es, "Rosario Murillo (vice-president of Nicaragua) informó de 1.600 presos comunes excarcelados en Nicaragua")
	assert.Contains(t, en, "President of Guatemala (Bernardo Arévalo) and White House (Jake Sullivan, national security adviser) reported 135")
	assert.NotContains(t, en, "vice-president of Nicaragua reported")
}

// TestChartDrawnWideAndNarrow: each chart is in the page twice, wide and
// narrow (the style shows one), and every id in the page is unique, so
// that each drawing's aria-labelledby names its own title.
func TestChartDrawnWideAndNarrow(t *testing.T) {
	for _, c := range cases {
		p := page(t, c, language.English)
		wide := strings.Count(p, "<div class=\"wide\">\n<svg")
		narrow := strings.Count(p, "<div class=\"narrow\">\n<svg")
		assert.Positive(t, wide, c.name)
		assert.Equal(t, wide, narrow, "%s: each chart wide and narrow", c.name)
		assert.Equal(t, wide, strings.Count(p, "viewBox=\"0 0 320 "), "%s: the narrow drawings are narrow", c.name)
		seen := make(map[string]bool)
		for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(p, -1) {
			assert.False(t, seen[m[1]], "%s: id %q twice", c.name, m[1])
			seen[m[1]] = true
		}
		for _, m := range regexp.MustCompile(`aria-labelledby="([^"]*)"`).FindAllStringSubmatch(p, -1) {
			for _, id := range strings.Fields(m[1]) {
				assert.True(t, seen[id], "%s: aria-labelledby names %q, which is not in the page", c.name, id)
			}
		}
	}
}
