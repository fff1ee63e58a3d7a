package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFirstLineSaysWhoSpokeAndWhoRelayed: the first line of reconcile
// counts the sources that stated the claims, then, apart, the outlets
// that only relayed them, so that a reader does not take relays for
// voices. An outlet that both states and relays counts once, as a source
// that spoke; a source of the file that neither states nor relays is not
// counted (check counts the rows of the files).
func TestFirstLineSaysWhoSpokeAndWhoRelayed(t *testing.T) {
	const (
		sources = "id,name,kind,group,method,confidence\n" +
			"foro-penal,Foro Penal,ngo,,verifies_identities,0.9\n" +
			"afp,AFP,media,,relays,0.8\n" +
			"efe,EFE,media,,relays,0.8\n" +
			"ve-government,Government of Venezuela,government,,announces,0.7\n"
		header = "id,source,via,stated,measure,population,region,period,quantity,status,basis\n"
		fp     = "fp-104,foro-penal,,2026-01-25,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list\n"
		fpAFP  = "afp-fp-104,foro-penal,afp,2026-01-25,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list\n"
		fpBoth = "efe-fp-104,foro-penal,afp;efe,2026-01-25,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list\n"
		gov    = "gov-626,ve-government,,2026-01-25,releases,detainees,VE,2025-12-01/..,626,final,announcement\n"
		afpOwn = "afp-300,afp,,2026-01-26,releases,detainees,VE,2025-12-01/..,300,final,announcement\n"
	)
	for _, tc := range []struct{ name, claims, want string }{
		{"no claim", "", "0 claims; all the evidence."},
		{"one claim", fp, "1 claim by 1 source; all the evidence."},
		{"no relays", fp + gov, "2 claims by 2 sources; all the evidence."},
		{"one relay", fp + fpAFP + gov, "3 claims by 2 sources, relayed by 1 other; all the evidence."},
		{"two relays of one claim", fpBoth, "1 claim by 1 source, relayed by 2 others; all the evidence."},
		{"an outlet that speaks and relays", fp + fpAFP + afpOwn, "3 claims by 2 sources; all the evidence."},
		{"an outlet that speaks and relays, and one that relays", fpBoth + afpOwn + gov, "3 claims by 3 sources, relayed by 1 other; all the evidence."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "sources.csv"), sources)
			writeFile(t, filepath.Join(dir, "claims.csv"), header+tc.claims)
			code, out, errOut := freedcount(t, "reconcile", "-dir", dir)
			require.Equal(t, exitOK, code, errOut)
			first, _, _ := strings.Cut(out, "\n")
			assert.Equal(t, tc.want, first)
		})
	}
	// The seed story: Foro Penal and the government spoke; AFP relayed.
	code, out, errOut := freedcount(t, "reconcile", "-dir", seedDir)
	require.Equal(t, exitOK, code, errOut)
	assert.True(t, strings.HasPrefix(out, "5 claims by 2 sources, relayed by 1 other; all the evidence.\n"), out)
}
