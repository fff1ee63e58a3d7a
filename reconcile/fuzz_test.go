package reconcile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
)

// FuzzEvidenceJSON decodes arbitrary bytes as Evidence. A rejection must be
// a typed error that leaves the evidence alone; an accepted set must read
// every figure and discrepancy under the default policy without panicking,
// with Verified ≤ Low ≤ Best ≤ High, and must re-encode to bytes that
// decode to an equal set and encode again to the same bytes.
func FuzzEvidenceJSON(f *testing.F) {
	for seed := range 6 {
		if b, err := json.Marshal(reconciletest.Evidence().Example(seed)); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		`{}`, `null`, `{"sources":[],"claims":[],"verifications":[]}`,
		`{"sources":[{"id":"s","name":"S","kind":"ngo","method":"announces","confidence":"0.9"}],` +
			`"claims":[{"id":"a","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"held",` +
			`"scope":{"population":"detainees","region":"VE","period":"2026-01-01/2026-01-01"},"quantity":"800","status":"final","basis":"announcement"},` +
			`{"id":"b","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"held",` +
			`"scope":{"population":"detainees","region":"VE","period":"2026-01-10/2026-01-10"},"quantity":"700","status":"final","basis":"announcement"},` +
			`{"id":"c","source":"s","stated":"2026-01-25T21:00:00-04:00","measure":"releases",` +
			`"scope":{"population":"detainees/political","region":"VE","period":"2025-12-01/.."},"relative":{"to":"a","ratio":"0.5","kind":"about"},"status":"verified","basis":"named_list","named":["V-1"]}],` +
			`"verifications":[{"detainee":"V-1","scope":{"population":"detainees/political","region":"VE/Zulia","period":"2026-01-05/2026-01-05"},"source":"s","stated":"2026-01-06T10:00:00Z"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var e reconcile.Evidence
		if err := e.UnmarshalJSON(data); err != nil {
			if !e.Equal(reconcile.Evidence{}) {
				t.Fatalf("a failed decode changed the evidence")
			}
			if _, ok := errors.AsType[*reconcile.FieldError](err); !ok {
				t.Fatalf("decode error %q is not a *reconcile.FieldError", err)
			}
			n := 0
			for _, c := range categories {
				if errors.Is(err, c) {
					n++
				}
			}
			if n == 0 {
				t.Fatalf("decode error %q wraps no category", err)
			}
			return
		}
		ix, err := reconcile.NewIndex(e, reconcile.DefaultPolicy())
		if err != nil {
			t.Fatalf("NewIndex: %v", err)
		}
		for _, fig := range ix.Figures() {
			if !(fig.Verified <= fig.Low && fig.Low <= fig.Best && fig.Best <= fig.High) {
				t.Fatalf("not Verified ≤ Low ≤ Best ≤ High:\n%s", fig.Describe())
			}
			if _, err := ix.Discrepancies(fig.Measure, fig.Scope); err != nil {
				t.Fatalf("Discrepancies(%v, %v): %v", fig.Measure, fig.Scope, err)
			}
		}
		b1, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("accepted evidence does not encode: %v", err)
		}
		var back reconcile.Evidence
		if err := back.UnmarshalJSON(b1); err != nil {
			t.Fatalf("own encoding %s does not decode: %v", b1, err)
		}
		if !back.Equal(e) {
			t.Fatalf("round trip changed the evidence:\n%s\n%s", b1, dump(back))
		}
		if b2, err := json.Marshal(back); err != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("re-encoding differs (%v):\n%s\n%s", err, b1, b2)
		}
	})
}

// Rapid-backed fuzz targets: the properties of the tests above, their
// random choices driven by the fuzzer's bytes.

func FuzzInvariant1LowBestHighOrdered(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propInvariant1LowBestHighOrdered))
}

func FuzzInvariant3FiguresIgnoreOrderGroupingDuplicates(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propInvariant3FiguresIgnoreOrderGroupingDuplicates))
}

func FuzzInvariant4RelayChangesNoFigure(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propInvariant4RelayChangesNoFigure))
}

func FuzzInvariant7NestedScopes(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propInvariant7NestedScopes))
}

func FuzzInvariant11BadInputIsTypedAndLosesNothing(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propInvariant11BadInputIsTypedAndLosesNothing))
}
