package interchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

var registerColumns = []string{"id", "name", "national_id", "sex", "birth_year", "category", "region", "facility", "detained"}

// propRegisterErrorsRepeatNoCell is the invariant: whatever cells of a
// register line a distinctive name and national ID land in — a name with
// unquoted commas shifting the cells after it, columns in any order, a
// comment column that takes the last cell, the values typed into the
// wrong column, or any field of a JSON line — no error of ReadDetainees
// shows them, through any printer of errors.
func propRegisterErrorsRepeatNoCell(t *rapid.T) {
	name := releasetest.DistinctiveName().Draw(t, "name")
	nid := releasetest.DistinctiveNationalID().Draw(t, "nationalID")
	d := releasetest.Detainee().Draw(t, "detainee")
	d.Name, d.NationalID = release.NewSecret(name), release.NewSecret(nid)
	var full bytes.Buffer
	if err := interchange.WriteDisclosed(&full, interchange.CSV, []release.Detainee{d}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(full.String(), "\n"), "\n")
	header, cells := strings.Split(lines[0], ","), splitCSVLine(lines[1])

	// Columns in any order.
	order := rapid.Permutation(registerColumns).Draw(t, "order")
	row := make([]string, len(order))
	for i, col := range order {
		row[i] = cells[indexOf(header, col)]
	}
	// The name or ID typed into another column, and the name written
	// with unquoted commas that shift the cells after it.
	if rapid.Bool().Draw(t, "misplaced") {
		i := rapid.IntRange(0, len(row)-1).Draw(t, "at")
		row[i] = rapid.SampledFrom([]string{name, nid, strings.ReplaceAll(name, " ", "/"), nid + " " + name}).Draw(t, "what")
	}
	nameAt := indexOf(order, "name")
	words := strings.Fields(name)
	commas := rapid.IntRange(0, len(words)-1).Draw(t, "commas")
	shifted := append([]string(nil), row[:nameAt]...)
	shifted = append(shifted, strings.Join(words[:len(words)-commas], " "))
	shifted = append(shifted, words[len(words)-commas:]...)
	shifted = append(shifted, row[nameAt+1:]...)
	cols := order
	for len(cols) < len(shifted) {
		cols = append(cols, "#note") // the comment column that takes the shifted cells
	}
	in := strings.Join(cols, ",") + "\n" + strings.Join(shifted, ",") + "\n"

	var errs []error
	_, err := interchange.ReadDetainees(strings.NewReader(in), interchange.CSV)
	errs = append(errs, err)
	// The same values in any field of a JSON line.
	obj := map[string]any{"id": d.ID.String()}
	for _, col := range rapid.SliceOfNDistinct(rapid.SampledFrom(registerColumns[1:]), 1, 4, func(s string) string { return s }).Draw(t, "jsonFields") {
		obj[col] = rapid.SampledFrom([]any{name, nid, []string{name}, map[string]string{"x": nid}, 1}).Draw(t, "jsonValue")
	}
	b, _ := json.Marshal(obj)
	_, err = interchange.ReadDetainees(bytes.NewReader(b), interchange.JSONL)
	errs = append(errs, err)
	_, err = interchange.ReadDetainees(bytes.NewReader(b[:len(b)-1]), interchange.JSONL)
	errs = append(errs, err)

	// Every printer of errors on every error, and every printer at all
	// (by reflection into unexported fields, testify's diff) on one
	// LineError drawn per case.
	out := releasetest.PrintErrors(errs...)
	var all []*interchange.LineError
	for _, err := range errs {
		for _, e := range leaves(err) {
			var le *interchange.LineError
			if errors.As(e, &le) {
				all = append(all, le)
			}
		}
	}
	if len(all) > 0 {
		out += releasetest.PrintEverywhere(testifyDiff, *all[rapid.IntRange(0, len(all)-1).Draw(t, "lineError")])
	}
	if form, ok := releasetest.FindSecret(out, name, nid); ok {
		t.Fatalf("input\n%s\n%s\nshows %q: ...%s...", in, b, form, releasetest.Around(out, form))
	}
}

func TestRegisterErrorsRepeatNoCell(t *testing.T) {
	rapid.Check(t, propRegisterErrorsRepeatNoCell)
}

func FuzzRegisterErrorsRepeatNoCell(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propRegisterErrorsRepeatNoCell))
}

// leaves returns the errors joined in err.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	panic(v)
}

// splitCSVLine splits a line that WriteDisclosed wrote, whose cells are
// quoted only where they hold a comma or a quote.
func splitCSVLine(line string) []string {
	var out []string
	for line != "" || len(out) == 0 {
		if strings.HasPrefix(line, `"`) {
			end := strings.Index(line[1:], `",`)
			if end < 0 {
				out = append(out, strings.ReplaceAll(strings.Trim(line, `"`), `""`, `"`))
				break
			}
			out = append(out, strings.ReplaceAll(line[1:end+1], `""`, `"`))
			line = line[end+3:]
			continue
		}
		cell, rest, more := strings.Cut(line, ",")
		out = append(out, cell)
		line = rest
		if !more {
			break
		}
		if rest == "" {
			out = append(out, "")
		}
	}
	return out
}

// TestARegisterListsEachIDOnce: an ID on two lines of a register is
// refused on the second, typed, by the reader, and both writers refuse
// such a register.
func TestARegisterListsEachIDOnce(t *testing.T) {
	in := "id,name,national_id\nFP-1,Ana Pérez,V-12.345.678\nFP-2,Luis Mata,\nFP-1,Otra Persona,V-9.876.543\n" // invented
	_, err := interchange.ReadDetainees(strings.NewReader(in), interchange.CSV)
	require.ErrorIs(t, err, release.ErrDuplicate)
	require.ErrorIs(t, err, interchange.ErrInvalid)
	var le *interchange.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 4, le.Line)
	assert.Equal(t, "id", le.Column)
	assert.NotContains(t, err.Error(), "Otra")

	ds := []release.Detainee{
		{ID: release.MustDetaineeID("FP-1"), Name: release.NewSecret("Ana Pérez")},
		{ID: release.MustDetaineeID("FP-1"), Name: release.NewSecret("Otra Persona")},
	}
	for _, f := range formats {
		var buf bytes.Buffer
		for _, write := range []func() error{
			func() error { return interchange.WriteDetainees(&buf, f, ds) },
			func() error { return interchange.WriteDisclosed(&buf, f, ds) },
		} {
			err := write()
			require.ErrorIs(t, err, release.ErrDuplicate, f)
			require.ErrorIs(t, err, interchange.ErrUnencodable, f)
			assert.Zero(t, buf.Len(), f)
		}
	}
}

// TestANationalIDOutOfItsColumnIsRefused: a cédula in the region or
// facility column, or a national ID without a digit, is what a shifted
// line looks like: refused, naming the column, not the value.
func TestANationalIDOutOfItsColumnIsRefused(t *testing.T) {
	for _, tc := range []struct{ in, column string }{
		{"id,name,region\nFP-1,x,V-12.345.678\n", "region"},
		{"id,name,facility\nFP-1,x,12 345 678\n", "facility"},
		{"id,name,national_id\nFP-1,Pérez,Ana\n", "national_id"},
	} {
		_, err := interchange.ReadDetainees(strings.NewReader(tc.in), interchange.CSV)
		var le *interchange.LineError
		require.ErrorAs(t, err, &le, tc.in)
		assert.Equal(t, tc.column, le.Column, tc.in)
		for _, secret := range []string{"345", "Ana"} {
			assert.NotContains(t, err.Error(), secret, tc.in)
		}
	}
	j := `{"id":"FP-1","region":"VE/12345678"}` + "\n"
	_, err := interchange.ReadDetainees(strings.NewReader(j), interchange.JSONL)
	require.ErrorIs(t, err, interchange.ErrInvalid)
	assert.NotContains(t, err.Error(), "345")
}
