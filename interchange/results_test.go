package interchange_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"slices"
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
