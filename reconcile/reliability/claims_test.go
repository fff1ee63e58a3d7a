package reliability_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// genericClaims draws claims for EstimateClaims: a few sources (some in a
// declared group), a few objects whose keys contain "/" and prefixes of
// one another, points, bounds and ranges, and sources that state two or
// three claims on one object, some at the same moment and some alike.
func genericClaims(t *rapid.T) []reliability.Claim {
	keys := []reliability.ObjectKey{"a", "a/b", "a/b/c", "b", "ab"}
	nSrc := rapid.IntRange(2, 6).Draw(t, "sources")
	base := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	var out []reliability.Claim
	for s := range nSrc {
		var g source.Group
		if s >= 4 {
			g = source.MustGroup("pair")
		}
		for o, k := range keys {
			n := rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("claims-%d-%d", s, o))
			for i := range n {
				c := reliability.Claim{
					ID:     source.MustClaimID(fmt.Sprintf("c%d-%d-%d", s, o, i)),
					Source: source.MustSourceID(fmt.Sprintf("s%d", s)),
					Group:  g,
					Object: k,
					Value:  int64(rapid.IntRange(0, 4).Draw(t, "value")) * 10,
					Stated: base.Add(time.Duration(rapid.IntRange(0, 2).Draw(t, "at")) * time.Hour),
				}
				switch rapid.IntRange(0, 3).Draw(t, "kind") {
				case 1: // at least
					c.Lo, c.Hi = c.Value, reliability.Unbounded
				case 2: // about
					c.Lo, c.Hi = max(0, c.Value-5), c.Value+5
				}
				out = append(out, c)
			}
		}
	}
	return out
}

func estimateClaims(t *rapid.T, claims []reliability.Claim) reliability.Result {
	r, err := reliability.EstimateClaims(claims, reliability.DefaultOptions())
	if err != nil {
		t.Fatalf("EstimateClaims: %v", err)
	}
	return r
}

// propClaimKeptDoesNotDependOnIDsOrOrder: which claim stands for a source
// with several claims on one object is chosen by stated moment and content,
// so renaming every claim by any one-to-one map and shuffling the input
// renames the objects' Support and Against and changes no number.
func propClaimKeptDoesNotDependOnIDsOrOrder(t *rapid.T) {
	claims := genericClaims(t)
	want := estimateClaims(t, claims)
	ids := make([]source.ClaimID, len(claims))
	for i := range claims {
		ids[i] = claims[i].ID
	}
	names := rapid.Permutation(ids).Draw(t, "names")
	rename := map[source.ClaimID]source.ClaimID{}
	for i, id := range ids {
		rename[id] = source.MustClaimID("z-" + names[i].String())
	}
	renamed := slices.Clone(claims)
	for i := range renamed {
		renamed[i].ID = rename[renamed[i].ID]
	}
	renamed = rapid.Permutation(renamed).Draw(t, "order")
	got := estimateClaims(t, renamed)
	mapIDs := func(ids []source.ClaimID) []source.ClaimID {
		out := make([]source.ClaimID, len(ids))
		for i, id := range ids {
			out[i] = rename[id]
		}
		slices.SortFunc(out, source.ClaimID.Compare)
		return out
	}
	for i := range want.Objects {
		want.Objects[i].Support = mapIDs(want.Objects[i].Support)
		want.Objects[i].Against = mapIDs(want.Objects[i].Against)
	}
	if !got.Equal(want) {
		t.Fatalf("renaming and shuffling the claims changed the result:\n%+v\nwant\n%+v", got.Objects, want.Objects)
	}
}

func TestClaimKeptDoesNotDependOnIDsOrOrder(t *testing.T) {
	rapid.Check(t, propClaimKeptDoesNotDependOnIDsOrOrder)
}

// propObjectKeysAreOpaque: every key of the input names exactly one object
// of the result, and every claim is listed, for or against, under its own
// object only: "a/b" is not inside "a".
func propObjectKeysAreOpaque(t *rapid.T) {
	claims := genericClaims(t)
	r := estimateClaims(t, claims)
	keys := map[reliability.ObjectKey]bool{}
	for _, c := range claims {
		keys[c.Object] = true
	}
	if len(r.Objects) != len(keys) {
		t.Fatalf("%d objects for %d keys", len(r.Objects), len(keys))
	}
	listed := map[source.ClaimID]reliability.ObjectKey{}
	for i, o := range r.Objects {
		if i > 0 && r.Objects[i-1].Key >= o.Key {
			t.Fatalf("objects not in order of key at %q", o.Key)
		}
		if got, ok := r.ObjectByKey(o.Key); !ok || !got.Equal(o) {
			t.Fatalf("ObjectByKey(%q) does not find its object", o.Key)
		}
		for _, id := range slices.Concat(o.Support, o.Against) {
			listed[id] = o.Key
		}
	}
	for _, c := range claims {
		if k, ok := listed[c.ID]; ok && k != c.Object {
			t.Fatalf("claim %s about %q listed under %q", c.ID, c.Object, k)
		}
	}
}

func TestObjectKeysAreOpaque(t *testing.T) {
	rapid.Check(t, propObjectKeysAreOpaque)
}

// FuzzEstimateClaims runs the generic entry point's properties on claims
// drawn from the fuzzer's bytes.
func FuzzEstimateClaims(f *testing.F) {
	for _, seed := range []string{"", "\x01\x02\x03", "opaque keys", "\xff\x00\xff\x00\x7f\x10"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		if rapid.Bool().Draw(t, "property") {
			propClaimKeptDoesNotDependOnIDsOrOrder(t)
		} else {
			propObjectKeysAreOpaque(t)
		}
	}))
}

// A source's later statement on an object stands, whatever the IDs; of two
// made at the same moment, the narrower stands; claims alike are one
// statement listed under all their IDs.
func TestEstimateClaimsKeepsTheLatestThenTheNarrowest(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, time.January, 25, h, 0, 0, 0, time.UTC) }
	claims := []reliability.Claim{
		{ID: source.MustClaimID("a-late"), Source: source.MustSourceID("a"), Object: "x", Value: 104, Stated: at(20)},
		{ID: source.MustClaimID("z-early"), Source: source.MustSourceID("a"), Object: "x", Value: 80, Stated: at(9)},
		{ID: source.MustClaimID("b1"), Source: source.MustSourceID("b"), Object: "x", Value: 100, Lo: 100, Hi: reliability.Unbounded, Stated: at(20)},
		{ID: source.MustClaimID("b2"), Source: source.MustSourceID("b"), Object: "x", Value: 104, Stated: at(20)},
		{ID: source.MustClaimID("c1"), Source: source.MustSourceID("c"), Object: "x", Value: 104, Stated: at(12)},
		{ID: source.MustClaimID("c2"), Source: source.MustSourceID("c"), Object: "x", Value: 104, Stated: at(12)},
	}
	r, err := reliability.EstimateClaims(claims, reliability.DefaultOptions())
	require.NoError(t, err)
	o, ok := r.ObjectByKey("x")
	require.True(t, ok)
	assert.Equal(t, 104, o.Value)
	// a's 80 and b's "at least 100" were set aside: a's earlier, b's wider.
	assert.Equal(t, []source.ClaimID{source.MustClaimID("a-late"), source.MustClaimID("b2"),
		source.MustClaimID("c1"), source.MustClaimID("c2")}, o.Support)
	assert.Empty(t, o.Against)
	for _, s := range r.Sources {
		assert.Equal(t, 1, s.Claims, "source %s", s.Source)
	}
}

// Counts the estimation cannot hold are refused, each with a *FieldError
// naming the claim's field, never dropped.
func TestEstimateClaimsRefusesCountsAboveMaxCount(t *testing.T) {
	big := int64(source.MaxCount) + 1
	for _, tc := range []struct {
		claim reliability.Claim
		field string
	}{
		{reliability.Claim{Value: big}, "Claims[0].Value"},
		{reliability.Claim{Value: 690690690000000}, "Claims[0].Value"},
		{reliability.Claim{Value: 5, Lo: 5, Hi: big}, "Claims[0].Hi"},
		{reliability.Claim{Value: 5, Lo: big, Hi: reliability.Unbounded}, "Claims[0].Lo"},
		{reliability.Claim{Value: -1}, "Claims[0].Value"},
	} {
		c := tc.claim
		c.ID, c.Source, c.Object = source.MustClaimID("c"), source.MustSourceID("s"), "x"
		_, err := reliability.EstimateClaims([]reliability.Claim{c}, reliability.DefaultOptions())
		require.Error(t, err, "%+v", c)
		assert.ErrorIs(t, err, reliability.ErrInvalid)
		fe, ok := errors.AsType[*reliability.FieldError](err)
		require.True(t, ok, "%v", err)
		assert.Equal(t, tc.field, fe.Field(), "%v", err)
	}
	// MaxCount itself is a count like any other.
	ok := reliability.Claim{ID: source.MustClaimID("c"), Source: source.MustSourceID("s"), Object: "x", Value: source.MaxCount}
	r, err := reliability.EstimateClaims([]reliability.Claim{ok}, reliability.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, source.MaxCount, r.Objects[0].Value)
}

func TestEstimateClaimsNamesEveryBadField(t *testing.T) {
	s, g1, g2 := source.MustSourceID("s"), source.MustGroup("g1"), source.MustGroup("g2")
	claims := []reliability.Claim{
		{Source: s, Object: "x", Value: 1},                                             // 0: no ID
		{ID: source.MustClaimID("b"), Object: "x", Value: 1},                           // 1: no source
		{ID: source.MustClaimID("c"), Source: s, Value: 1},                             // 2: no object
		{ID: source.MustClaimID("d"), Source: s, Object: "x", Value: 3, Lo: 5, Hi: 9},  // 3: below Lo
		{ID: source.MustClaimID("e"), Source: s, Object: "x", Value: 12, Lo: 5, Hi: 9}, // 4: above Hi
		{ID: source.MustClaimID("d"), Source: s, Object: "y", Value: 1},                // 5: repeats 3's ID
		{ID: source.MustClaimID("f"), Source: source.MustSourceID("t"), Group: g1, Object: "x", Value: 1},
		{ID: source.MustClaimID("g"), Source: source.MustSourceID("t"), Group: g2, Object: "y", Value: 1}, // 7: second group
	}
	opt := reliability.DefaultOptions()
	opt.FalseValues = 1
	_, err := reliability.EstimateClaims(claims, opt)
	require.Error(t, err)
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if j, ok := e.(interface{ Unwrap() []error }); ok { // the options' own join
			for _, e := range j.Unwrap() {
				fields = append(fields, e.(*reliability.FieldError).Field())
			}
			continue
		}
		fe, ok := e.(*reliability.FieldError)
		require.True(t, ok, "%T %v", e, e)
		assert.ErrorIs(t, fe, reliability.ErrInvalid)
		fields = append(fields, fe.Field())
	}
	slices.Sort(fields)
	assert.Equal(t, []string{"Claims[0].ID", "Claims[1].Source", "Claims[2].Object", "Claims[3].Value",
		"Claims[4].Value", "Claims[5].ID", "Claims[7].Group", "Options.FalseValues"}, fields)
	// An object key may hold anything; no error repeats it.
	secret := reliability.Claim{ID: source.MustClaimID("h"), Source: s, Object: "María Pérez V-12345678", Value: -3}
	_, err = reliability.EstimateClaims([]reliability.Claim{secret}, reliability.DefaultOptions())
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "María")
	assert.False(t, strings.Contains(err.Error(), "12345678"))
}

// The estimate read from generic claims is the estimate read from evidence
// when the claims say the same: the evidence entry point is an adapter.
func TestEstimateClaimsAgreesWithEstimate(t *testing.T) {
	d := loadFlights(t)
	var claims []reliability.Claim
	for c := range d.ev.Claims() {
		claims = append(claims, reliability.Claim{ID: c.ID, Source: c.Source, Object: reliability.ObjectKey(c.Scope.String()),
			Value: int64(c.Quantity.Number()), Stated: c.Stated})
	}
	want, err := reliability.Estimate(d.ev, reliability.DefaultOptions())
	require.NoError(t, err)
	got, err := reliability.EstimateClaims(claims, reliability.DefaultOptions())
	require.NoError(t, err)
	assert.Equal(t, want.Iterations, got.Iterations)
	assert.True(t, slices.EqualFunc(want.Sources, got.Sources, reliability.SourceReliability.Equal))
	require.Len(t, got.Objects, len(want.Objects))
	byKey := maps.Collect(func(yield func(reliability.ObjectKey, reliability.Object) bool) {
		for _, o := range got.Objects {
			if !yield(o.Key, o) {
				return
			}
		}
	})
	for _, w := range want.Objects {
		g := byKey[reliability.ObjectKey(w.Scope.String())]
		assert.Equal(t, w.Value, g.Value, "%s", w.Scope)
		assert.True(t, w.Probability.Equal(g.Probability), "%s", w.Scope)
	}
}

// In evidence too, a source's two live claims on one object (here two
// stocks whose scopes both resolve to 31 January, the day a stock is read
// on) give way to the later, whatever their IDs.
func TestEstimateKeepsTheLaterOfTwoLiveClaimsOnOneObject(t *testing.T) {
	jan := func(d int) release.Date { return release.MustDate(2026, time.January, d) }
	month := release.MustScope(political, venezuela, release.MustPeriod(jan(1), jan(31)))
	last := release.MustScope(political, venezuela, release.Day(jan(31)))
	for _, names := range [][2]string{{"a-early", "b-late"}, {"b-early", "a-late"}} {
		srcs := []source.Source{
			{ID: source.MustSourceID("ngo"), Name: "ngo", Kind: source.NGO, Method: source.Announces, Confidence: decimal.RequireFromString("0.9")},
			{ID: source.MustSourceID("un"), Name: "un", Kind: source.International, Method: source.Announces, Confidence: decimal.RequireFromString("0.9")},
		}
		held := func(id, src string, sc release.Scope, n string, day int) source.Claim {
			return source.Claim{ID: source.MustClaimID(id), Source: source.MustSourceID(src), Stated: statedOn(day),
				Measure: source.Held, Scope: sc, Quantity: source.MustQuantity(n), Status: source.Final, Basis: source.Announcement}
		}
		claims := []source.Claim{
			held(names[0], "ngo", month, "800", 29),
			held(names[1], "ngo", last, "750", 30),
			held("un-1", "un", last, "750", 30),
		}
		var ev reconcile.Evidence
		ev, err := ev.AddSources(srcs...)
		require.NoError(t, err)
		ev, err = ev.AddClaims(claims...)
		require.NoError(t, err)
		r, err := reliability.Estimate(ev, reliability.DefaultOptions())
		require.NoError(t, err)
		require.Len(t, r.Objects, 1, "both ngo claims are about one object")
		o := r.Objects[0]
		assert.Equal(t, 750, o.Value)
		assert.Equal(t, []source.ClaimID{source.MustClaimID(names[1]), source.MustClaimID("un-1")}, sortIDs(o.Support), "names %v", names)
		assert.Empty(t, o.Against)
	}
}

func sortIDs(ids []source.ClaimID) []source.ClaimID {
	out := slices.Clone(ids)
	slices.SortFunc(out, source.ClaimID.Compare)
	return out
}
