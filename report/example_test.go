package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"time"

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/report"
)

// Write the report of the AFP report of 26 January 2026 in Spanish, in
// Caracas's time, and print the sentence that leads each headline.
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
	var page bytes.Buffer
	err = report.Write(context.Background(), &page, ev, report.Options{
		Lang:     language.Spanish,
		Location: time.FixedZone("", -4*3600),
		Policy:   reconcile.DefaultPolicy(),
		Version:  "v0.9.0",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range regexp.MustCompile(`<p class="lede">([^<]*)</p>`).FindAllStringSubmatch(page.String(), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// Foro Penal contó al menos 104 presos políticos excarcelados en Venezuela el domingo 25 de enero de 2026; la cifra puede aumentar. Las cifras creíbles van de 104 a 344. 104 de ellos están verificados por nombre.
	// Government of Venezuela informó de 626 detenidos excarcelados en Venezuela del 1 de diciembre de 2025 al 25 de enero de 2026, según AFP. 104 de ellos están verificados por nombre.
	// Foro Penal contó unos 313 presos políticos excarcelados en Venezuela del 1 de diciembre de 2025 al 25 de enero de 2026, según AFP. 104 de ellos están verificados por nombre.
}
