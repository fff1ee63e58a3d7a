package interchange_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
)

// TestResultsHaveTheCSVColumnsAsKeysAndNumbersAsNumbers checks the
// invariant: every figure and discrepancy record of a results file has
// exactly the keys of its CSV columns (plus "record"), counts and decimals
// are JSON numbers, and intervals are {"lo", "hi"} objects.
func TestResultsHaveTheCSVColumnsAsKeysAndNumbersAsNumbers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		figs, discs := reconciled(t)
		var buf bytes.Buffer
		at := time.Date(2026, 1, 26, 12, 0, 0, 0, time.UTC)
		if err := interchange.WriteResults(&buf, interchange.Header{AsOf: at, Zone: "UTC", Policy: reconcile.DefaultPolicy(), Version: "v0"}, figs, discs); err != nil {
			t.Fatalf("write: %v", err)
		}
		sc := bufio.NewScanner(&buf)
		sc.Buffer(nil, 1<<24)
		n := 0
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("line %d: %v", n+1, err)
			}
			n++
			kind := rec["record"]
			if n == 1 {
				if kind != "header" || rec["as_of"] != "2026-01-26T12:00:00Z" || rec["version"] != "v0" {
					t.Fatalf("bad header %v", rec)
				}
				if _, ok := rec["policy"].(map[string]any)["tolerance"].(float64); !ok {
					t.Fatalf("policy tolerance not a number: %v", rec["policy"])
				}
				continue
			}
			cols := interchange.Columns(map[any]string{"figure": "figures", "discrepancy": "discrepancies"}[kind])
			if cols == nil {
				t.Fatalf("record %v", kind)
			}
			var keys []string
			for k := range rec {
				if k != "record" {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			want := slices.Sorted(slices.Values(cols))
			if !slices.Equal(keys, want) {
				t.Fatalf("keys %v, want %v", keys, want)
			}
			for _, k := range []string{"low", "confidence", "ratio"} {
				if v, ok := rec[k]; ok {
					if _, num := v.(float64); !num {
						t.Fatalf("%s is %T, want a number", k, v)
					}
				}
			}
			for _, k := range []string{"cap", "unverified", "a_interval"} {
				if v, ok := rec[k]; ok {
					iv, isObj := v.(map[string]any)
					if !isObj {
						t.Fatalf("%s is %T, want an object", k, v)
					}
					if _, ok := iv["lo"].(float64); !ok {
						t.Fatalf("%s.lo is %T", k, iv["lo"])
					}
				}
			}
		}
		if n != 1+len(figs)+len(discs) {
			t.Fatalf("%d records, want %d", n, 1+len(figs)+len(discs))
		}
	})
}

func TestColumnsKnowEveryRecordType(t *testing.T) {
	for _, r := range interchange.Records() {
		require.NotEmpty(t, interchange.Columns(r), r)
		for _, c := range interchange.RequiredColumns(r) {
			assert.Contains(t, interchange.Columns(r), c)
		}
	}
	assert.Nil(t, interchange.Columns("nothing"))
}

// TestResultsReadBack checks the invariant of one field vocabulary in and
// out: the figures and discrepancies of a results file read back, through
// ReadFigures and ReadDiscrepancies, as the records written (each reader
// takes its own records and skips the header and the other records).
func TestResultsReadBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		figs, discs := reconciled(t)
		if slices.ContainsFunc(figs, figureCSVHard) {
			t.Skip("a claim ID that the flat form, like CSV, cannot carry")
		}
		var buf bytes.Buffer
		if err := interchange.WriteResults(&buf, interchange.Header{Policy: reconcile.DefaultPolicy()}, figs, discs); err != nil {
			t.Fatalf("write: %v", err)
		}
		gotF, err := interchange.ReadFigures(bytes.NewReader(buf.Bytes()), interchange.JSONL)
		if err != nil {
			t.Fatalf("read figures: %v\n%s", err, buf.String())
		}
		gotD, err := interchange.ReadDiscrepancies(bytes.NewReader(buf.Bytes()), interchange.JSONL)
		if err != nil {
			t.Fatalf("read discrepancies: %v", err)
		}
		if !slices.EqualFunc(figs, gotF, reconcile.Figure.Equal) {
			t.Fatalf("figures read back differ:\n%s", buf.String())
		}
		if !slices.EqualFunc(discs, gotD, reconcile.Discrepancy.Equal) {
			t.Fatalf("discrepancies read back differ")
		}
	})
}

// TestFlatJSONClaimsUseTheCSVNames: a claim given as a JSON object with
// the CSV columns' names reads as the same line of CSV does.
func TestFlatJSONClaimsUseTheCSVNames(t *testing.T) {
	csvIn := "id,source,stated,measure,population,region,period,quantity,relative_to,ratio,relative_kind,status,basis\n" +
		"fp-half,foro-penal,2026-01-25,releases,detainees/political,VE,2025-12-01/..,,gov-626,0.5,about,verified,named_list\n"
	jsonIn := `{"id":"fp-half","source":"foro-penal","stated":"2026-01-25","measure":"releases","population":"detainees/political","region":"VE","period":"2025-12-01/..","relative_to":"gov-626","ratio":0.5,"relative_kind":"about","status":"verified","basis":"named_list"}` + "\n"
	fromCSV, err := interchange.ReadClaims(strings.NewReader(csvIn), interchange.CSV)
	require.NoError(t, err)
	fromJSON, err := interchange.ReadClaims(strings.NewReader(jsonIn), interchange.JSONL)
	require.NoError(t, err)
	require.Len(t, fromJSON, 1)
	assert.True(t, fromCSV[0].Equal(fromJSON[0]), "%v\n%v", fromCSV[0], fromJSON[0])

	_, err = interchange.ReadClaims(strings.NewReader(`{"id":"x","source":"s","population":"detainees","quantiti":"5"}`+"\n"), interchange.JSONL)
	require.Error(t, err, "a misspelt key is refused in either form")
	_, err = interchange.ReadClaims(strings.NewReader(`{"id":"x","source":"s","measure":"releases","population":"detainees","region":"VE","period":"2026-01-25","quantity":"5","status":"final","basis":"estimate"}`+"\n"), interchange.JSONL)
	require.Error(t, err, "a missing required key is refused")
	assert.Contains(t, err.Error(), "column stated")
}
