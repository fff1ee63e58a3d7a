package mse_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// kosovo returns the four-list table of killings in Kosovo, 20 March – 22
// June 1999 (Ball et al. 2002; LCMCR's kosovo_aggregate), from
// testdata/kosovo.json: see testdata/README.md for where its counts were
// published.
func kosovo() (mse.Histories, error) {
	data, err := os.ReadFile(filepath.Join("testdata", "kosovo.json"))
	if err != nil {
		return mse.Histories{}, err
	}
	var h mse.Histories
	err = json.Unmarshal(data, &h)
	return h, err
}

// TestKosovoTable: the table reads as published: 4,400 people on four
// lists, every one of the 15 patterns with a count, and the patterns read
// against the lists in the file's order (EXH, ABA, OSCE, HRW), not the
// canonical one: each list's total is the sum of the printed table's rows
// that have a 1 in its column.
func TestKosovoTable(t *testing.T) {
	h, err := kosovo()
	require.NoError(t, err)
	require.Equal(t, 4400, h.Observed())
	require.Equal(t, 4, h.NumLists())
	cells := 0
	for _, n := range h.Cells() {
		require.Positive(t, n)
		cells++
	}
	require.Equal(t, 15, cells)
	for list, want := range map[string]int{"EXH": 1910, "ABA": 1528, "OSCE": 1786, "HRW": 685} {
		require.Equal(t, want, h.Captured(mse.MustListID(list)), list)
	}
}
