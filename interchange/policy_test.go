package interchange_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release/releasetest"
)

// policyEqual compares policies field by field, decimals by value.
func policyEqual(a, b reconcile.Policy) bool {
	decs := func(p reconcile.Policy) []string {
		return []string{p.Preliminary.String(), p.Verified.String(), p.Final.String(), p.NamedList.String(),
			p.Announcement.String(), p.Estimate.String(), p.Tolerance.String(), p.MinWeight.String()}
	}
	if !slices.Equal(decs(a), decs(b)) || a.Best != b.Best || a.PreliminaryIsFloor != b.PreliminaryIsFloor ||
		a.CountNamedLists != b.CountNamedLists || !slices.Equal(a.Hierarchy, b.Hierarchy) ||
		!slices.Equal(a.ClosedRegisters, b.ClosedRegisters) || !a.Vocabulary.Equal(b.Vocabulary) ||
		len(a.SourceWeights) != len(b.SourceWeights) || len(a.Partitions) != len(b.Partitions) {
		return false
	}
	for id, w := range a.SourceWeights {
		if v, ok := b.SourceWeights[id]; !ok || !v.Equal(w) {
			return false
		}
	}
	for i := range a.Partitions {
		if a.Partitions[i].Parent() != b.Partitions[i].Parent() || !slices.Equal(a.Partitions[i].Parts(), b.Partitions[i].Parts()) {
			return false
		}
	}
	return true
}

// TestPolicyFileRoundTrips checks the invariant: a policy written and read
// back is the same policy, and writing it again gives the same bytes.
func TestPolicyFileRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := reconciletest.Policy().Draw(t, "policy")
		if rapid.Bool().Draw(t, "vocabulary") {
			p.Vocabulary = releasetest.Vocabulary().Draw(t, "vocabulary")
		}
		var first bytes.Buffer
		if err := interchange.WritePolicy(&first, p); err != nil {
			t.Fatalf("write: %v", err)
		}
		got, err := interchange.ReadPolicy(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("read back: %v\n%s", err, first.String())
		}
		if !policyEqual(p, got) {
			t.Fatalf("read back a different policy from\n%s", first.String())
		}
		var second bytes.Buffer
		if err := interchange.WritePolicy(&second, got); err != nil {
			t.Fatalf("write again: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("written twice differently:\n%s\n%s", first.String(), second.String())
		}
	})
}

func TestPolicyFileLeavesOutKeysAsTheirDefaults(t *testing.T) {
	p, err := interchange.ReadPolicy(strings.NewReader(`{"best": "conservative", "status_weights": {"preliminary": 0.5}}`))
	require.NoError(t, err)
	want := reconcile.DefaultPolicy()
	want.Best = reconcile.Conservative
	want.Preliminary = decimal.RequireFromString("0.5")
	assert.True(t, policyEqual(want, p), "%+v", p)
}

func TestPolicyFileRefusesUnknownKeysAtTheirLineAndColumn(t *testing.T) {
	in := "{\n  \"best\": \"range\",\n  \"tolerence\": 0.2,\n  \"status_weights\": {\"prelim\": 1}\n}\n"
	_, err := interchange.ReadPolicy(strings.NewReader(in))
	require.Error(t, err)
	assert.ErrorIs(t, err, interchange.ErrInvalid)
	msg := err.Error()
	assert.Contains(t, msg, `line 3: column tolerence (column 3)`)
	assert.Contains(t, msg, `did you mean "tolerance"?`)
	assert.Contains(t, msg, `line 4: column status_weights.prelim (column 22)`)
}

func TestPolicyFileRefusesBadValues(t *testing.T) {
	for name, in := range map[string]string{
		"weight above one":    `{"basis_weights": {"estimate": 1.5}}`,
		"unknown rule":        `{"best": "median"}`,
		"weight as text":      `{"tolerance": "a lot"}`,
		"repeated key":        `{"best": "range", "best": "majority"}`,
		"bad partition":       `{"partitions": [{"parent": "detainees", "parts": ["detainees/common"]}]}`,
		"not an object":       `[1, 2]`,
		"hierarchy rule bare": `{"best": "hierarchy"}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := interchange.ReadPolicy(strings.NewReader(in))
			require.Error(t, err)
			le, ok := errors.AsType[*interchange.LineError](err)
			require.True(t, ok, "%T %v", err, err)
			assert.True(t, errors.Is(le, interchange.ErrInvalid) || errors.Is(le, interchange.ErrSyntax), "%v", le)
		})
	}
}

func TestPolicyKeysNameEveryNestedSetting(t *testing.T) {
	keys := interchange.PolicyKeys()
	for _, k := range []string{"best", "status_weights.preliminary", "basis_weights.estimate", "partitions.parts", "vocabulary.regions", "source_weights"} {
		assert.Contains(t, keys, k)
	}
}

// FuzzReadPolicy checks that no input makes ReadPolicy panic, and that a
// policy it accepts writes and reads back as the same policy.
func FuzzReadPolicy(f *testing.F) {
	f.Add(`{"best": "range"}`)
	f.Add(`{"status_weights": {"preliminary": 0.5}, "partitions": [{"parent": "detainees", "parts": ["detainees/a", "detainees/b"]}]}`)
	f.Add(`{"vocabulary": {"populations": ["detainees/political"], "regions": ["VE"]}, "source_weights": {"x": 1}}`)
	f.Add(`{"tolerence": 1}`)
	f.Fuzz(func(t *testing.T, in string) {
		p, err := interchange.ReadPolicy(strings.NewReader(in))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := interchange.WritePolicy(&b, p); err != nil {
			t.Fatalf("an accepted policy does not write: %v", err)
		}
		back, err := interchange.ReadPolicy(&b)
		if err != nil {
			t.Fatalf("a written policy does not read: %v", err)
		}
		if !policyEqual(p, back) {
			t.Fatalf("read back a different policy")
		}
	})
}
