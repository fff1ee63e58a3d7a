package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogue: each message has the same fmt verbs, in the same order,
// in both languages, and every literal key that the chart and report
// packages (and this one) pass to Lang.T is in the catalogue.
func TestCatalogue(t *testing.T) {
	for key, m := range messages {
		assert.Equal(t, verb.FindAllString(m[0], -1), verb.FindAllString(m[1], -1), "verbs of %q", key)
		assert.Equal(t, verb.FindAllString(key, -1), verb.FindAllString(m[0], -1), "verbs of %q", key)
	}
	fset := token.NewFileSet()
	var used []string
	for _, dir := range []string{".", "../../chart", "../../report"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range files {
			f, err := parser.ParseFile(fset, name, nil, 0)
			require.NoError(t, err)
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "T" {
					if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						key, err := strconv.Unquote(lit.Value)
						require.NoError(t, err)
						used = append(used, key)
					}
				}
				return true
			})
		}
	}
	require.Greater(t, len(used), 80, "the scan finds the calls")
	// Keys chosen at run time.
	used = append(used, "%s held in %s %s", "%s detained in %s %s", "%s counted %s %s", "%s estimated %s %s",
		"%s reported %s %s (plural)", "%s counted %s %s (plural)", "%s estimated %s %s (plural)")
	for _, key := range used {
		_, ok := messages[key]
		assert.True(t, ok, "%q is not in the catalogue", key)
	}
}

func TestLanguages(t *testing.T) {
	for _, tag := range []language.Tag{{}, language.Und, language.English, language.BritishEnglish, language.Spanish, language.MustParse("es-VE")} {
		_, err := For(tag)
		assert.NoError(t, err, tag.String())
	}
	_, err := For(language.French)
	assert.ErrorIs(t, err, ErrLanguage)
}

func TestWords(t *testing.T) {
	en, _ := For(language.English)
	es, _ := For(language.Spanish)
	d := release.MustDate(2026, time.January, 25)
	assert.Equal(t, "Sunday 25 January 2026", en.Date(d, true))
	assert.Equal(t, "domingo 25 de enero de 2026", es.Date(d, true))
	assert.Equal(t, "from 1 December 2025 to 25 January 2026", en.Range(release.MustDate(2025, time.December, 1), d))
	assert.Equal(t, "del 20 al 25 de enero de 2026", es.Range(release.MustDate(2026, time.January, 20), d))
	assert.Equal(t, "1,234,567", en.N(1234567))
	assert.Equal(t, "1.234.567", es.N(1234567))
	assert.Equal(t, "al menos 1.200", es.Quantity(source.MustQuantity("at least 1200")))
	assert.Equal(t, "between 40 and 50", en.Quantity(source.MustQuantity("between 40 and 50")))
	assert.Equal(t, "Venezuela (Zulia)", en.Region(release.MustRegion("VE/Zulia")))
	assert.Equal(t, "presos políticos (unlisted)", es.Population(release.MustPopulation("detainees/political/unlisted")))
	assert.Equal(t, "political prisoners released in Venezuela on Sunday 25 January 2026",
		en.What(source.Releases, release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(d))))
	assert.Equal(t, "UTC−4", Zone(time.Date(2026, 1, 25, 0, 0, 0, 0, time.FixedZone("", -4*3600))))
	assert.Equal(t, "UTC+5:30", Zone(time.Date(2026, 1, 25, 0, 0, 0, 0, time.FixedZone("", 5*3600+1800))))
}

// TestPopulationWords: every path of the real cases reads as words in
// both languages, never as a path with slashes.
func TestPopulationWords(t *testing.T) {
	en, _ := For(language.English)
	es, _ := For(language.Spanish)
	for path, want := range map[string][2]string{
		"detainees/protest/political":    {"political prisoners from the protests", "presos políticos de las protestas"},
		"detainees/political/conscience": {"prisoners of conscience", "presos de conciencia"},
		"detainees/to-ukraine":           {"detainees handed over to Ukraine", "detenidos entregados a Ucrania"},
		"detainees/foreign/lk":           {"foreign detainees (Sri Lanka)", "detenidos extranjeros (Sri Lanka)"},
		"detainees/political/us-list":    {"political prisoners (us-list)", "presos políticos (us-list)"},
		"detainees/political/journalist": {"journalists held as political prisoners", "periodistas presos políticos"},
		"detainees/political/a/b":        {"political prisoners (a, b)", "presos políticos (a, b)"},
		"prisoners/listed":               {"prisoners (listed)", "prisoners (listed)"},
	} {
		p := release.MustPopulation(path)
		assert.Equal(t, want[0], en.Population(p), path)
		assert.Equal(t, want[1], es.Population(p), path)
	}
}

// TestSource: a name that goes on with a clause after a comma reads in a
// sentence with the clause in brackets; other names are left alone.
func TestSource(t *testing.T) {
	for name, want := range map[string]string{
		"Rosario Murillo, vice-president of Nicaragua": "Rosario Murillo (vice-president of Nicaragua)",
		"Natallia Eismant, presidential spokeswoman":   "Natallia Eismant (presidential spokeswoman)",
		"A, B (C)": "A (B, C)",
		"White House (Jake Sullivan, national security adviser)": "White House (Jake Sullivan, national security adviser)",
		"Foro Penal":       "Foro Penal",
		"Trailing,":        "Trailing,",
		", leading clause": ", leading clause",
	} {
		assert.Equal(t, want, Source(name), name)
	}
}

// TestVoices: the count of claims, of the sources that stated them and of
// the others that only relayed them, with singular and plural right in
// both languages (Spanish agrees the participle with the claims and
// "otra" with the relayers).
func TestVoices(t *testing.T) {
	en, _ := For(language.English)
	es, _ := For(language.Spanish)
	for _, tc := range []struct {
		claims, stated, relayed int
		en, es                  string
	}{
		{0, 0, 0, "0 claims", "0 declaraciones"},
		{1, 1, 0, "1 claim by 1 source", "1 declaración de 1 fuente"},
		{2, 1, 0, "2 claims by 1 source", "2 declaraciones de 1 fuente"},
		{6, 5, 0, "6 claims by 5 sources", "6 declaraciones de 5 fuentes"},
		{1, 1, 1, "1 claim by 1 source, relayed by 1 other", "1 declaración de 1 fuente, difundida por otra"},
		{1, 1, 2, "1 claim by 1 source, relayed by 2 others", "1 declaración de 1 fuente, difundida por otras 2"},
		{5, 2, 1, "5 claims by 2 sources, relayed by 1 other", "5 declaraciones de 2 fuentes, difundidas por otra"},
		{6, 5, 5, "6 claims by 5 sources, relayed by 5 others", "6 declaraciones de 5 fuentes, difundidas por otras 5"},
		{1234, 12, 1000, "1,234 claims by 12 sources, relayed by 1,000 others", "1.234 declaraciones de 12 fuentes, difundidas por otras 1.000"},
	} {
		assert.Equal(t, tc.en, en.Voices(tc.claims, tc.stated, tc.relayed))
		assert.Equal(t, tc.es, es.Voices(tc.claims, tc.stated, tc.relayed))
	}
}
