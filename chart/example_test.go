package chart_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/freedcount/freedcount/chart"
	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Draw the one-day counts of political prisoners released in Venezuela
// around Sunday 25 January 2026, from the claims of the AFP report of 26
// January, in Caracas's days, and print the chart's text alternative.
func ExampleWrite() {
	sources, _ := os.Open("../examples/reconcile/testdata/sources.csv")
	defer sources.Close()
	claims, _ := os.Open("../examples/reconcile/testdata/claims.csv")
	defer claims.Close()
	ev, err := interchange.ReadEvidence(interchange.CSV, sources, claims, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
		release.Day(release.MustDate(2026, time.January, 25)))
	var svg bytes.Buffer
	err = chart.Write(&svg, ev, source.Releases, scope, chart.Daily, chart.Options{
		Location: time.FixedZone("", -4*3600),
		Credit:   "Chart: freedcount.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range regexp.MustCompile(`<(title|desc) id="chart-\w+">([^<]*)<`).FindAllStringSubmatch(svg.String(), -1) {
		fmt.Printf("%s: %s\n", m[1], m[2])
	}
	// Output:
	// title: Political prisoners released in Venezuela from 24 to 26 January 2026, day by day
	// desc: A chart of the figure for each day from 24 January 2026 to 26 January 2026. On 25 January 2026: best figure 104 or more, lowest 104, highest 344. 104 verified by name. It marks 3 claims from one source.
}

// Draw the same chart for a phone's screen: 320 units wide, with each
// marker numbered and the labels listed below the plot, and print the
// viewBox and the numbered labels.
func ExampleWrite_narrow() {
	sources, _ := os.Open("../examples/reconcile/testdata/sources.csv")
	defer sources.Close()
	claims, _ := os.Open("../examples/reconcile/testdata/claims.csv")
	defer claims.Close()
	ev, err := interchange.ReadEvidence(interchange.CSV, sources, claims, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"),
		release.Day(release.MustDate(2026, time.January, 25)))
	var svg bytes.Buffer
	err = chart.Write(&svg, ev, source.Releases, scope, chart.Daily, chart.Options{
		Location: time.FixedZone("", -4*3600),
		Narrow:   true,
		ID:       "phone",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(regexp.MustCompile(`viewBox="([^"]*)"`).FindStringSubmatch(svg.String())[1])
	for _, m := range regexp.MustCompile(`(?s)<g class="label"[^>]*>\n<text[^>]*>([^<]*)</text>\n<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg.String(), -1) {
		fmt.Println(m[1], m[2])
	}
	// Output:
	// 0 0 320 660.2
	// 1. Foro Penal: 104 (copy, counted once)
	// 2. Foro Penal: 104
	// 3. Foro Penal: 80 (replaced)
}
