package reconcile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// realCase reads the evidence of one real case from
// testdata/realcases/<dir>: sources.csv, claims.csv and, where the case
// has them, verifications.csv.
func realCase(t *testing.T, dir string) reconcile.Evidence {
	t.Helper()
	base := filepath.Join("testdata", "realcases", dir)
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(base, name))
		if os.IsNotExist(err) && name == "verifications.csv" {
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

func realIndex(t *testing.T, ev reconcile.Evidence, p reconcile.Policy) *reconcile.Index {
	t.Helper()
	ix, err := reconcile.NewIndex(ev, p)
	require.NoError(t, err)
	return ix
}

// sc builds a scope from its three CSV cells.
func sc(t *testing.T, pop, reg, per string) release.Scope {
	t.Helper()
	p, err := release.ParsePeriod(per)
	require.NoError(t, err)
	return release.MustScope(release.MustPopulation(pop), release.MustRegion(reg), p)
}

func figureOf(t *testing.T, ix *reconcile.Index, m source.Measure, pop, reg, per string) reconcile.Figure {
	t.Helper()
	f, err := ix.Figure(m, sc(t, pop, reg, per))
	require.NoError(t, err)
	return f
}

func TestRealCasesRead(t *testing.T) {
	for _, d := range []string{"ve-2024", "ve-2023", "ve-2019", "ve-2018", "ni-2023", "ni-2024", "cu-2015", "cu-2025", "by", "mm", "ir-2023", "eg"} {
		ix := realIndex(t, realCase(t, d), reconcile.DefaultPolicy())
		for _, f := range ix.Figures() {
			require.True(t, f.Verified <= f.Low && f.Low <= f.Best && f.Best <= f.High, "%s: %s", d, f)
			t.Log(f.Describe())
		}
	}
}
