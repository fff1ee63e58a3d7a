package interchange_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

// TestRepeatedCellsReadAsAlone: a CSV file of claims, with lines repeated
// so that cells repeat the cell above them or one further up, reads as the
// same claims as each line read alone under the header (a reader that
// copies a repeated cell's value from an earlier line must give what
// parsing it gives).
func TestRepeatedCellsReadAsAlone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cs := rapid.SliceOfN(sourcetest.Claim(), 1, 6).Draw(t, "claims")
		var b bytes.Buffer
		if interchange.WriteClaims(&b, interchange.CSV, cs) != nil {
			t.Skip("not writable in CSV")
		}
		if strings.Count(b.String(), "\n") != len(cs)+1 {
			t.Skip("a cell spans lines")
		}
		lines := strings.SplitAfter(b.String(), "\n")
		header, body := lines[0], lines[1:len(lines)-1]
		var file []string
		for _, l := range body {
			file = append(file, rapid.SliceOfN(rapid.Just(l), 1, 3).Draw(t, "copies")...)
		}
		// Lines seen before come back further down, after others.
		file = append(file, rapid.SliceOfN(rapid.SampledFrom(body), 0, 6).Draw(t, "again")...)
		got, err := interchange.ReadClaims(strings.NewReader(header+strings.Join(file, "")), interchange.CSV)
		if err != nil {
			t.Fatalf("reading the whole file: %v", err)
		}
		for i, l := range file {
			alone, err := interchange.ReadClaims(strings.NewReader(header+l), interchange.CSV)
			if err != nil || len(alone) != 1 || !alone[0].Equal(got[i]) {
				t.Fatalf("line %d reads as %v alone (%v), as %v in the file", i+2, alone, err, got[i])
			}
		}
	})
}

// TestARepeatedBadCellIsBadAgain: a bad cell that repeats the bad cell
// above it is reported on both lines, and a good line after them still
// reads.
func TestARepeatedBadCellIsBadAgain(t *testing.T) {
	in := "id,source,stated,measure,population,region,period,quantity,status,basis\n" +
		"a,s,2026-01-25,releases,detainees,VE,2026-01-25,3,final,named_list\n" +
		"b,s,2026-01-25,releases,detainees,VE//Z,2026-01-25,3,final,named_list\n" +
		"c,s,2026-01-25,releases,detainees,VE//Z,2026-01-25,3,final,named_list\n" +
		"d,s,2026-01-25,releases,detainees,VE,2026-01-25,3,final,named_list\n"
	_, err := interchange.ReadClaims(strings.NewReader(in), interchange.CSV)
	require.Error(t, err)
	assert.Equal(t, []string{":3 region", ":4 region"}, problems(t, err))
	good := strings.ReplaceAll(in, "VE//Z", "VE/Zulia")
	cs, err := interchange.ReadClaims(strings.NewReader(good), interchange.CSV)
	require.NoError(t, err)
	require.Len(t, cs, 4)
	for _, c := range cs {
		assert.Equal(t, source.MustSourceID("s"), c.Source)
	}
	assert.Equal(t, "VE", cs[3].Scope.Region().String())
	assert.Equal(t, "VE/Zulia", cs[2].Scope.Region().String())
}
