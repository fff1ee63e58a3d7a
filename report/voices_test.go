package report_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/report"
)

// footer is the sentence of a page's text that says what it was written
// from.
var footer = regexp.MustCompile(`(Written by freedcount from|Elaborado por freedcount a partir de) [^.]*\.`)

// TestFooterSaysWhoSpokeAndWhoRelayed: the footer counts the sources that
// stated the claims, then the outlets that only relayed them. In the seed
// story Foro Penal and the government spoke and AFP relayed them; in
// Nicaragua 2024 five sources spoke (the White House, Guatemala's
// president, the Mecanismo, the vice-president, the Supreme Court) and
// five outlets relayed them (EFE, lostiempos.com, nicaraguainvestiga.com,
// confidencial.digital, AP). With no claim, no source is counted.
func TestFooterSaysWhoSpokeAndWhoRelayed(t *testing.T) {
	for _, tc := range []struct {
		c      testCase
		en, es string
	}{
		{cases[0], "Written by freedcount from 5 claims by 2 sources, relayed by 1 other.",
			"Elaborado por freedcount a partir de 5 declaraciones de 2 fuentes, difundidas por otra."},
		{cases[1], "Written by freedcount from 6 claims by 5 sources, relayed by 5 others.",
			"Elaborado por freedcount a partir de 6 declaraciones de 5 fuentes, difundidas por otras 5."},
	} {
		assert.Equal(t, tc.en, footer.FindString(text(page(t, tc.c, language.English))), tc.c.name)
		assert.Equal(t, tc.es, footer.FindString(text(page(t, tc.c, language.Spanish))), tc.c.name)
	}
	assert.Equal(t, "Written by freedcount from 0 claims.", footer.FindString(text(write(t, reconcile.Evidence{}, report.Options{}))))
	assert.Equal(t, "Elaborado por freedcount a partir de 0 declaraciones.",
		footer.FindString(text(write(t, reconcile.Evidence{}, report.Options{Lang: language.Spanish}))))
}
