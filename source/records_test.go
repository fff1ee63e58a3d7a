package source_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

// sourceFieldErrors returns every *source.FieldError in err's tree, in
// order, including those wrapped inside another.
func sourceFieldErrors(err error) []*source.FieldError {
	var out []*source.FieldError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if fe, ok := e.(*source.FieldError); ok {
			out = append(out, fe)
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// fieldsOf returns the Field of each *source.FieldError in err's tree.
func fieldsOf(err error) []string {
	var fields []string
	for _, fe := range sourceFieldErrors(err) {
		fields = append(fields, fe.Field())
	}
	return fields
}

// assertRecordFieldError checks that err wraps ErrInvalid and that its first
// *FieldError is for field and repeats value (before quoting), and that the
// message starts with the package name.
func assertRecordFieldError(t *testing.T, err error, field, value string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, source.ErrInvalid)
	assert.True(t, strings.HasPrefix(err.Error(), "source: "), "message %q does not start with the package name", err)
	fe, ok := errors.AsType[*source.FieldError](err)
	if assert.True(t, ok, "%v is not a *FieldError", err) {
		assert.Equal(t, field, fe.Field())
		assert.Equal(t, errfmt.Quote(value), fe.Value)
	}
}

// ---- IDs -------------------------------------------------------------------

type textID interface {
	comparable
	IsValid() bool
	String() string
	MarshalText() ([]byte, error)
}

// checkIDText checks that a valid id survives its text form and encoding/json,
// as a value and as a map key.
func checkIDText[T textID, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *rapid.T, id T, parse func(string) (T, error)) {
	if !id.IsValid() {
		t.Fatalf("generated an invalid ID %q", id.String())
	}
	text, err := id.MarshalText()
	if err != nil || string(text) != id.String() {
		t.Fatalf("MarshalText(%q) = %q, %v", id.String(), text, err)
	}
	if back, err := parse(string(text)); err != nil || back != id {
		t.Fatalf("parse(%q) = %q, %v", text, back.String(), err)
	}
	var back T
	if err := PT(&back).UnmarshalText(text); err != nil || back != id {
		t.Fatalf("UnmarshalText(%q) = %q, %v", text, back.String(), err)
	}
	data, err := json.Marshal(map[T]T{id: id})
	if err != nil {
		t.Fatalf("json.Marshal of a map keyed by %q: %v", id.String(), err)
	}
	var m map[T]T
	if err := json.Unmarshal(data, &m); err != nil || len(m) != 1 || m[id] != id {
		t.Fatalf("json round trip of %s gave %v, %v", data, m, err)
	}
}

func propIDTextRoundTrip(t *rapid.T) {
	checkIDText(t, sourcetest.SourceID().Draw(t, "source"), source.ParseSourceID)
	checkIDText(t, sourcetest.ClaimID().Draw(t, "claim"), source.ParseClaimID)
	checkIDText(t, sourcetest.Group().Draw(t, "group"), source.ParseGroup)
}

func TestIDTextRoundTrip(t *testing.T) { rapid.Check(t, propIDTextRoundTrip) }

func FuzzIDTextRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propIDTextRoundTrip)) }

func TestIDZeroValueIsInvalidAndHasNoText(t *testing.T) {
	for _, tc := range []struct {
		typ string
		id  interface {
			IsValid() bool
			String() string
			MarshalText() ([]byte, error)
		}
	}{
		{"SourceID", source.SourceID{}},
		{"ClaimID", source.ClaimID{}},
		{"Group", source.Group{}},
	} {
		assert.False(t, tc.id.IsValid(), tc.typ)
		assert.Empty(t, tc.id.String(), tc.typ)
		text, err := tc.id.MarshalText()
		assert.Nil(t, text, tc.typ)
		assertRecordFieldError(t, err, tc.typ, "")
		_, err = json.Marshal(struct{ ID any }{tc.id})
		assert.ErrorIs(t, err, source.ErrInvalid, tc.typ)
	}
}

// idParsers are the ID types' parsers and UnmarshalText, returning the text
// of what they accepted.
var idParsers = []struct {
	typ       string
	parse     func(string) (string, error)
	unmarshal func([]byte) (string, error)
}{
	{"SourceID", func(s string) (string, error) { id, err := source.ParseSourceID(s); return id.String(), err },
		func(b []byte) (string, error) {
			id := source.MustSourceID("before")
			err := id.UnmarshalText(b)
			return id.String(), err
		}},
	{"ClaimID", func(s string) (string, error) { id, err := source.ParseClaimID(s); return id.String(), err },
		func(b []byte) (string, error) {
			id := source.MustClaimID("before")
			err := id.UnmarshalText(b)
			return id.String(), err
		}},
	{"Group", func(s string) (string, error) { g, err := source.ParseGroup(s); return g.String(), err },
		func(b []byte) (string, error) {
			g := source.MustGroup("before")
			err := g.UnmarshalText(b)
			return g.String(), err
		}},
}

func TestParseIDRejectsMalformedText(t *testing.T) {
	for _, in := range []string{
		"", " ", " x", "x ", "x\n", "\tx", "\u00a0foro-penal", "foro-penal\u3000",
		"a\x00b", "a\x7fb", "a\u0085b", strings.Repeat("a", 129), strings.Repeat("ñ", 64) + "a",
		"\xff", "foro\xc3penal", "\xed\xa0\x80",
	} {
		for _, p := range idParsers {
			got, err := p.parse(in)
			assert.Empty(t, got, "%s %q", p.typ, in)
			assertRecordFieldError(t, err, p.typ, in)
			got, err = p.unmarshal([]byte(in))
			assert.Equal(t, "before", got, "UnmarshalText changed the %s on error", p.typ)
			assertRecordFieldError(t, err, p.typ, in)
		}
	}
}

func TestParseIDAcceptsEdgeText(t *testing.T) {
	for _, in := range []string{
		"x", "foro-penal", "Foro Penal", "a\u00a0b", strings.Repeat("a", 128), strings.Repeat("ñ", 64),
		"ve-gov/2026-01-25/1", "ЁЖ", "👍", "-", "a  b",
	} {
		for _, p := range idParsers {
			got, err := p.parse(in)
			if assert.NoError(t, err, "%s %q", p.typ, in) {
				assert.Equal(t, in, got)
			}
		}
	}
}

// ---- enums -------------------------------------------------------------------

type enumValue interface {
	~uint8
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// checkEnum checks an enumeration against its names, written here apart
// from the package's tables so that each checks the other.
func checkEnum[T enumValue, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, typ string, names []string) {
	t.Helper()
	for i, name := range names {
		v := T(i + 1)
		assert.True(t, v.IsValid(), "%s %d", typ, i+1)
		assert.Equal(t, name, v.String())
		text, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(text))
		var back T
		require.NoError(t, PT(&back).UnmarshalText(text))
		assert.Equal(t, v, back)
	}
	for _, n := range []int{0, len(names) + 1, 255} {
		v := T(n)
		want := fmt.Sprintf("%s(%d)", typ, n)
		assert.False(t, v.IsValid(), want)
		assert.Equal(t, want, v.String())
		text, err := v.MarshalText()
		assert.Nil(t, text)
		assertRecordFieldError(t, err, typ, want)
	}
	for _, text := range []string{"", " ", "bogus", strings.ToUpper(names[0]), " " + names[0], names[0] + " ",
		typ + "(0)", "1", "\xff", strings.ReplaceAll(names[len(names)-1], "_", " ")} {
		if slices.Contains(names, text) {
			continue
		}
		v := T(1)
		err := PT(&v).UnmarshalText([]byte(text))
		assertRecordFieldError(t, err, typ, text)
		assert.Equal(t, T(1), v, "UnmarshalText changed the %s on error", typ)
		assert.Contains(t, err.Error(), names[0], "the message lists the names")
	}
}

func TestEnumTextRoundTripAndFallbacks(t *testing.T) {
	checkEnum[source.Kind](t, "Kind", []string{"ngo", "government", "media", "international", "family", "lawyer", "academic", "other"})
	checkEnum[source.Method](t, "Method", []string{"verifies_identities", "announces", "relays"})
	checkEnum[source.Measure](t, "Measure", []string{"releases", "held", "detentions"})
	checkEnum[source.Status](t, "Status", []string{"preliminary", "verified", "final", "retracted", "pledged"})
	checkEnum[source.Basis](t, "Basis", []string{"named_list", "announcement", "estimate"})
}

func TestMeasureIsStockOnlyForHeld(t *testing.T) {
	for m := range 256 {
		assert.Equal(t, m == int(source.Held), source.Measure(m).IsStock(), source.Measure(m).String())
	}
}

// ---- sources -------------------------------------------------------------------

func TestCanonicalDropsTrailingZeros(t *testing.T) {
	for in, want := range map[string]string{
		"0.50": "0.5", "0.5": "0.5", "1.000": "1", "0.0": "0", "0": "0", "0.0100": "0.01", "100": "100", "1e2": "100",
		"-0.10": "-0.1",
	} {
		c := source.Canonical(decimal.RequireFromString(in))
		assert.Equal(t, want, c.String(), in)
		assert.True(t, c.Equal(decimal.RequireFromString(in)), in)
		assert.Equal(t, decimal.RequireFromString(want).Exponent(), c.Exponent(), "%s is not in canonical form", in)
	}
}

func propSourceValidateAcceptsGenerated(t *rapid.T) {
	s := sourcetest.Source().Draw(t, "source")
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate(%v): %v", s, err)
	}
}

func TestSourceValidateAcceptsGenerated(t *testing.T) {
	rapid.Check(t, propSourceValidateAcceptsGenerated)
}

// padConfidence returns s with its confidence written with extra trailing
// zeros: 0.5 as 0.500.
func padConfidence(s source.Source, zeros int32) source.Source {
	c := s.Confidence
	pow := decimal.New(1, zeros)
	s.Confidence = decimal.NewFromBigInt(c.Coefficient().Mul(c.Coefficient(), pow.BigInt()), c.Exponent()-zeros)
	return s
}

// propSourceJSONRoundTripIsExactAndCanonical: a valid source survives JSON
// (Equal), a second encoding is byte-identical to the first, and the
// encoding does not depend on how the confidence was written (0.5, 0.50).
func propSourceJSONRoundTripIsExactAndCanonical(t *rapid.T) {
	s := sourcetest.Source().Draw(t, "source")
	first, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("Marshal(%v): %v", s, err)
	}
	var back source.Source
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", first, err)
	}
	if !back.Equal(s) || !s.Equal(back) {
		t.Fatalf("round trip of %+v gave %+v (%s)", s, back, first)
	}
	if back.Confidence.Exponent() != source.Canonical(s.Confidence).Exponent() {
		t.Fatalf("decoded confidence %s is not canonical", back.Confidence)
	}
	second, err := json.Marshal(back)
	if err != nil || !bytes.Equal(first, second) {
		t.Fatalf("second encoding %s, %v differs from the first %s", second, err, first)
	}
	padded := padConfidence(s, int32(rapid.IntRange(1, 3).Draw(t, "zeros")))
	third, err := json.Marshal(padded)
	if err != nil || !bytes.Equal(first, third) {
		t.Fatalf("confidence %s encodes as %s, %v; %s as %s", padded.Confidence, third, err, s.Confidence, first)
	}
}

func TestSourceJSONRoundTripIsExactAndCanonical(t *testing.T) {
	rapid.Check(t, propSourceJSONRoundTripIsExactAndCanonical)
}

func FuzzSourceJSONRoundTripIsExactAndCanonical(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propSourceJSONRoundTripIsExactAndCanonical))
}

func TestSourceMarshalJSONWritesConfidenceCanonically(t *testing.T) {
	fp := source.Source{ID: source.MustSourceID("foro-penal"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.VerifiesIdentities}
	var encodings []string
	for _, c := range []string{"0.5", "0.50", "0.500", "5e-1", "50e-2"} {
		fp.Confidence = decimal.RequireFromString(c)
		b, err := json.Marshal(fp)
		require.NoError(t, err)
		encodings = append(encodings, string(b))
	}
	assert.Equal(t, `{"id":"foro-penal","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"0.5"}`, encodings[0])
	for _, e := range encodings[1:] {
		assert.Equal(t, encodings[0], e)
	}
}

func TestSourceZeroConfidenceIsValidAndExplicit(t *testing.T) {
	s := source.Source{ID: source.MustSourceID("ve-gov"), Name: "Gobierno", Kind: source.Government, Method: source.Announces}
	require.NoError(t, s.Validate())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"confidence":"0"`)
	var back source.Source
	require.NoError(t, json.Unmarshal([]byte(`{"id":"ve-gov","name":"Gobierno","kind":"government","method":"announces"}`), &back))
	assert.True(t, back.Equal(s))
}

// jsonOfSource renders s as MarshalJSON would, without validating it, so
// that invalid sources can be fed to the decoder.
func jsonOfSource(s source.Source) []byte {
	m := map[string]any{
		"id": s.ID.String(), "name": s.Name, "kind": s.Kind.String(), "method": s.Method.String(),
		"confidence": s.Confidence.String(),
	}
	if s.Group.IsValid() {
		m["group"] = s.Group.String()
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// carriedByJSON returns s as it reads back from a JSON string: valid UTF-8,
// each bad byte replaced by U+FFFD.
func carriedByJSON(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	var back string
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	return back
}

// decodedSourceField maps a field that Validate names to the field that
// decoding names: a bad ID or enum in JSON is rejected by its own type.

// propSourceValidateAndDecodingNameEveryBrokenField: Validate reports every
// broken field of a bad source, each a *FieldError wrapping ErrInvalid;
// MarshalJSON refuses it; and decoding its JSON fails with a *FieldError
// for one of the broken fields, leaving the target unchanged, unless the
// only defect is one that JSON cannot carry (bytes that are not UTF-8,
// which JSON replaces).
func propSourceValidateAndDecodingNameEveryBrokenField(t *rapid.T) {
	bad := sourcetest.BadSource().Draw(t, "bad")
	err := bad.Value.Validate()
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("Validate(%+v) = %v; want ErrInvalid", bad.Value, err)
	}
	got := fieldsOf(err)
	for _, f := range bad.Fields {
		if !slices.Contains(got, f) {
			t.Fatalf("Validate(%+v) reports %v; want %s among them", bad.Value, got, f)
		}
	}
	if _, err := json.Marshal(bad.Value); !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("json.Marshal of an invalid source: %v; want ErrInvalid", err)
	}

	var want []string
	for _, f := range bad.Fields {
		if f == "Source.Name" {
			// JSON replaces bytes that are not UTF-8: judge the name it carries.
			if carried := carriedByJSON(bad.Value.Name); carried != "" && len(carried) <= source.MaxNameLen {
				continue
			}
		}
		want = append(want, f) // decoding names the field, as Validate does
	}
	data := jsonOfSource(bad.Value)
	before := sourcetest.Source().Draw(t, "before")
	dst := before
	err = dst.UnmarshalJSON(data)
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("UnmarshalJSON(%s): %v", data, err)
		}
		return
	}
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("UnmarshalJSON(%s) = %v; want ErrInvalid", data, err)
	}
	for _, f := range fieldsOf(err) {
		if !slices.Contains(want, f) {
			t.Fatalf("UnmarshalJSON(%s) reports %s; want one of %v", data, f, want)
		}
	}
	if len(fieldsOf(err)) == 0 {
		t.Fatalf("UnmarshalJSON(%s) = %v; want a *FieldError", data, err)
	}
	if !dst.Equal(before) {
		t.Fatalf("UnmarshalJSON changed its target on error: %+v", dst)
	}
}

func TestSourceValidateAndDecodingNameEveryBrokenField(t *testing.T) {
	rapid.Check(t, propSourceValidateAndDecodingNameEveryBrokenField)
}

func FuzzSourceValidateAndDecodingNameEveryBrokenField(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propSourceValidateAndDecodingNameEveryBrokenField))
}

func propSourceIndependenceGroupFallsBackToID(t *rapid.T) {
	s := sourcetest.Source().Draw(t, "source")
	g := s.IndependenceGroup()
	if !g.IsValid() {
		t.Fatalf("%v has no independence group", s)
	}
	if s.Group.IsValid() {
		if g != s.Group {
			t.Fatalf("IndependenceGroup of %v = %v; want its group %v", s, g, s.Group)
		}
	} else if g.String() != s.ID.String() {
		t.Fatalf("IndependenceGroup of %v without a group = %v; want its ID", s, g)
	}
}

func TestSourceIndependenceGroupFallsBackToID(t *testing.T) {
	rapid.Check(t, propSourceIndependenceGroupFallsBackToID)
	assert.Equal(t, source.Group{}, source.Source{}.IndependenceGroup(), "the zero source has no group")
}

// ---- claims -------------------------------------------------------------------

var caracas = time.FixedZone("VET", -4*3600)

// foroPenal104 is the claim of the report: Foro Penal verified 104 releases
// of political prisoners in Venezuela on Sunday 25 January 2026, stated at
// 8 pm in Caracas, relayed by AFP.
func foroPenal104() source.Claim {
	return source.Claim{
		ID:         source.MustClaimID("fp/2026-01-25/2"),
		Source:     source.MustSourceID("foro-penal"),
		Via:        []source.SourceID{source.MustSourceID("afp")},
		Stated:     time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas),
		Measure:    source.Releases,
		Scope:      release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE"), release.Day(release.MustDate(2026, time.January, 25))),
		Quantity:   source.MustQuantity("at least 104"),
		Status:     source.Preliminary,
		Basis:      source.NamedList,
		Named:      []release.DetaineeID{release.MustDetaineeID("FP-2026-0001"), release.MustDetaineeID("FP-2026-0002")},
		Supersedes: source.MustClaimID("fp/2026-01-25/1"),
		Citation:   source.Citation{URL: "https://foropenal.com/reporte", Quote: "verified 104 releases", Language: "en"},
	}
}

func propClaimValidateAcceptsGenerated(t *rapid.T) {
	c := sourcetest.Claim().Draw(t, "claim")
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate(%v): %v", c, err)
	}
}

func TestClaimValidateAcceptsGenerated(t *testing.T) {
	rapid.Check(t, propClaimValidateAcceptsGenerated)
	require.NoError(t, foroPenal104().Validate())
}

// propClaimValidateNamesEveryBrokenField: Validate reports every broken
// field of a bad claim, each as a *FieldError wrapping ErrInvalid, and
// MarshalJSON refuses the claim.
func propClaimValidateNamesEveryBrokenField(t *rapid.T) {
	bad := sourcetest.BadClaim().Draw(t, "bad")
	err := bad.Value.Validate()
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("Validate(%v) = %v; want ErrInvalid", bad.Value, err)
	}
	got := fieldsOf(err)
	for _, f := range bad.Fields {
		if !slices.Contains(got, f) {
			t.Fatalf("Validate(%v) reports %v (%v); want %s among them", bad.Value, got, err, f)
		}
	}
	for _, fe := range sourceFieldErrors(err) {
		if !errors.Is(fe, source.ErrInvalid) || !strings.HasPrefix(fe.Error(), "source: "+fe.Field()+" ") {
			t.Fatalf("malformed field error %q", fe)
		}
	}
	if _, err := bad.Value.MarshalJSON(); !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("MarshalJSON of an invalid claim: %v; want ErrInvalid", err)
	}
}

func TestClaimValidateNamesEveryBrokenField(t *testing.T) {
	rapid.Check(t, propClaimValidateNamesEveryBrokenField)
}

// propClaimJSONRoundTripIsExact: a valid claim survives JSON (Equal, the
// same local day and offset, the same resolved scope), and a second
// encoding is byte-identical to the first.
func propClaimJSONRoundTripIsExact(t *rapid.T) {
	c := sourcetest.Claim().Draw(t, "claim")
	first, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("Marshal(%v): %v", c, err)
	}
	var back source.Claim
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", first, err)
	}
	if !back.Equal(c) || !c.Equal(back) {
		t.Fatalf("round trip of %v gave %v (%s)", c, back, first)
	}
	_, off1 := c.Stated.Zone()
	_, off2 := back.Stated.Zone()
	if off1 != off2 || back.StatedDay() != c.StatedDay() || back.ResolvedScope() != c.ResolvedScope() {
		t.Fatalf("round trip moved the statement from %v (day %v) to %v (day %v)", c.Stated, c.StatedDay(), back.Stated, back.StatedDay())
	}
	second, err := json.Marshal(back)
	if err != nil || !bytes.Equal(first, second) {
		t.Fatalf("second encoding %s, %v differs from the first %s", second, err, first)
	}
}

func TestClaimJSONRoundTripIsExact(t *testing.T) {
	rapid.Check(t, propClaimJSONRoundTripIsExact)
}

func FuzzClaimJSONRoundTripIsExact(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propClaimJSONRoundTripIsExact))
}

// jsonOfClaim renders c as MarshalJSON would, without validating it, so
// that invalid claims can be fed to the decoder.
func jsonOfClaim(c source.Claim) []byte {
	m := map[string]any{
		"id": c.ID.String(), "source": c.Source.String(), "measure": c.Measure.String(),
		"status": c.Status.String(), "basis": c.Basis.String(),
		"stated": c.Stated.Format(time.RFC3339Nano),
	}
	if c.Scope.IsValid() {
		m["scope"] = c.Scope
	}
	var via []string
	for _, v := range c.Via {
		via = append(via, v.String())
	}
	if via != nil {
		m["via"] = via
	}
	var named []string
	for _, d := range c.Named {
		named = append(named, d.String())
	}
	if named != nil {
		m["named"] = named
	}
	if c.Quantity.IsValid() {
		m["quantity"] = c.Quantity
	}
	if !c.Relative.IsZero() {
		m["relative"] = map[string]string{"to": c.Relative.To.String(), "ratio": c.Relative.Ratio.String(), "kind": c.Relative.Kind.String()}
	}
	if c.Supersedes.IsValid() {
		m["supersedes"] = c.Supersedes.String()
	}
	if c.Citation != (source.Citation{}) {
		m["citation"] = map[string]string{"url": c.Citation.URL, "quote": c.Citation.Quote, "language": c.Citation.Language}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// propClaimUnmarshalJSONRejectsBadClaims: decoding the JSON of a bad claim
// fails with a *FieldError wrapping ErrInvalid and leaves its target
// unchanged, unless JSON could not carry the defect (bytes that are not
// UTF-8, which JSON replaces, or a zone offset with seconds, which RFC 3339
// cannot write): then it yields a valid claim different from the bad one.
func propClaimUnmarshalJSONRejectsBadClaims(t *rapid.T) {
	bad := sourcetest.BadClaim().Draw(t, "bad")
	data := jsonOfClaim(bad.Value)
	before := sourcetest.Claim().Draw(t, "before")
	dst := before.Clone()
	err := dst.UnmarshalJSON(data)
	if err == nil {
		if vErr := dst.Validate(); vErr != nil || dst.Equal(bad.Value) {
			t.Fatalf("UnmarshalJSON(%s) accepted %v (%v)", data, dst, vErr)
		}
		return
	}
	if !errors.Is(err, source.ErrInvalid) || len(sourceFieldErrors(err)) == 0 {
		t.Fatalf("UnmarshalJSON(%s) = %v; want a *FieldError wrapping ErrInvalid", data, err)
	}
	if !dst.Equal(before) {
		t.Fatalf("UnmarshalJSON changed its target on error: %v", dst)
	}
}

func TestClaimUnmarshalJSONRejectsBadClaims(t *testing.T) {
	rapid.Check(t, propClaimUnmarshalJSONRejectsBadClaims)
}

func FuzzClaimUnmarshalJSONRejectsBadClaims(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propClaimUnmarshalJSONRejectsBadClaims))
}

// A count of releases that have not begun is refused; the same figure
// announced as a pledge ("553 will be released gradually from tomorrow")
// may be about days still to come.
func TestClaimAboutLaterDaysOnlyAsAPledge(t *testing.T) {
	minrex := source.Claim{
		ID:       source.MustClaimID("cu-minrex/2025-01-14"),
		Source:   source.MustSourceID("cu-minrex"),
		Stated:   time.Date(2025, time.January, 14, 12, 0, 0, 0, time.FixedZone("CST", -5*3600)),
		Measure:  source.Releases,
		Scope:    release.MustScope(release.MustPopulation("detainees"), release.MustRegion("CU"), release.MustPeriod(release.MustDate(2025, time.January, 15), release.MustDate(2025, time.March, 10))),
		Quantity: source.MustQuantity("553"),
		Status:   source.Final,
		Basis:    source.Announcement,
	}
	err := minrex.Validate()
	fe, ok := errors.AsType[*source.FieldError](err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, "Claim.Scope.Period", fe.Field())
	minrex.Status = source.Pledged
	require.NoError(t, minrex.Validate())
	data, err := json.Marshal(minrex)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"status":"pledged"`)
	var back source.Claim
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(minrex))
}

func TestClaimStatedAt8pmInCaracasStaysOnTheLocalDay(t *testing.T) {
	gov := source.Claim{
		ID:       source.MustClaimID("ve-gov/2026-01-25/1"),
		Source:   source.MustSourceID("ve-gov"),
		Stated:   time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas),
		Measure:  source.Releases,
		Scope:    release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), release.Since(release.MustDate(2025, time.December, 1))),
		Quantity: source.MustQuantity("626"),
		Status:   source.Final,
		Basis:    source.Announcement,
	}
	require.NoError(t, gov.Validate())
	assert.Equal(t, release.MustDate(2026, time.January, 26), release.DateOf(gov.Stated.UTC()), "it is already the 26th in UTC")
	assert.Equal(t, release.MustDate(2026, time.January, 25), gov.StatedDay())
	want := release.MustPeriod(release.MustDate(2025, time.December, 1), release.MustDate(2026, time.January, 25))
	assert.Equal(t, want, gov.ResolvedScope().Period())
	assert.Equal(t, gov.Scope.WithPeriod(want), gov.ResolvedScope())

	data, err := json.Marshal(gov)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"stated":"2026-01-25T20:00:00-04:00"`)
	assert.Contains(t, string(data), `"period":"2025-12-01/.."`, "the stored scope stays open")
	var back source.Claim
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(gov))
	assert.Equal(t, gov.StatedDay(), back.StatedDay())
	assert.Equal(t, gov.ResolvedScope(), back.ResolvedScope())

	// The same instant said in UTC is another statement: another local day.
	utc := gov.Clone()
	utc.Stated = gov.Stated.UTC()
	assert.False(t, utc.Equal(gov), "Equal compares the offset, which decides the day")
	assert.Equal(t, release.MustDate(2026, time.January, 26), utc.ResolvedScope().Period().Last())
}

// propClaimResolvedScopeClosesOpenEndAtStatedDay: the resolved scope keeps
// the population, the region and the first day; it keeps a last day that
// is set, and closes an open one at the stated day (or, for a statement
// made before the period begins, at its first day).
func propClaimResolvedScopeClosesOpenEndAtStatedDay(t *rapid.T) {
	c := sourcetest.Claim().Draw(t, "claim")
	r := c.ResolvedScope()
	p, rp := c.Scope.Period(), r.Period()
	if r.Population() != c.Scope.Population() || r.Region() != c.Scope.Region() || rp.First() != p.First() {
		t.Fatalf("ResolvedScope of %v = %v", c.Scope, r)
	}
	day := c.StatedDay()
	switch {
	case p.Last().IsValid():
		if rp != p {
			t.Fatalf("ResolvedScope changed the bounded period %v to %v", p, rp)
		}
	case p.First().IsValid() && day.Before(p.First()):
		if rp.Last() != p.First() {
			t.Fatalf("ResolvedScope of %v stated %v = %v; want it closed on its first day", p, day, rp)
		}
	default:
		if rp.Last() != day {
			t.Fatalf("ResolvedScope of %v stated %v = %v; want it closed on %v", p, day, rp, day)
		}
	}
	if !c.Scope.Contains(r) {
		t.Fatalf("the resolved scope %v is not within %v", r, c.Scope)
	}
}

func TestClaimResolvedScopeClosesOpenEndAtStatedDay(t *testing.T) {
	rapid.Check(t, propClaimResolvedScopeClosesOpenEndAtStatedDay)
}

// propClaimCloneSharesNoSlice: changing a clone's relays and names leaves
// the original as it was.
func propClaimCloneSharesNoSlice(t *rapid.T) {
	c := sourcetest.Claim().Draw(t, "claim")
	c.Via = slices.Grow(c.Via, 4) // spare capacity, where append would write in place
	c.Named = slices.Grow(c.Named, 4)
	snapshot := slices.Clone(c.Via)
	names := slices.Clone(c.Named)
	d := c.Clone()
	if !d.Equal(c) {
		t.Fatalf("Clone(%v) = %v", c, d)
	}
	for i := range d.Via {
		d.Via[i] = source.MustSourceID(fmt.Sprintf("changed-%d", i))
	}
	for i := range d.Named {
		d.Named[i] = release.MustDetaineeID(fmt.Sprintf("changed-%d", i))
	}
	d.Via = append(d.Via, source.MustSourceID("appended"))
	d.Named = append(d.Named, release.MustDetaineeID("appended"))
	if !slices.Equal(c.Via, snapshot) || !slices.Equal(c.Named, names) {
		t.Fatalf("changing a clone changed the original: via %v, named %d", c.Via, len(c.Named))
	}
	if len(c.Via) < cap(c.Via) && c.Via[:len(c.Via)+1][len(c.Via)] == source.MustSourceID("appended") {
		t.Fatalf("appending to a clone wrote into the original's array")
	}
}

func TestClaimCloneSharesNoSlice(t *testing.T) {
	rapid.Check(t, propClaimCloneSharesNoSlice)
}

// propClaimStringShowsNoDetainee: String does not depend on the detainees
// named, and never shows one.
func propClaimStringShowsNoDetainee(t *rapid.T) {
	c := sourcetest.Claim().Draw(t, "claim")
	anon := c.Clone()
	anon.Named = nil
	if c.String() != anon.String() {
		t.Fatalf("String depends on Named: %q vs %q", c.String(), anon.String())
	}
	marked := c.Clone()
	marked.Named = []release.DetaineeID{release.MustDetaineeID("SECRET-detainee-Ñ")}
	if strings.Contains(marked.String(), "SECRET") {
		t.Fatalf("String shows a detainee: %q", marked.String())
	}
}

func TestClaimStringShowsNoDetainee(t *testing.T) {
	rapid.Check(t, propClaimStringShowsNoDetainee)
	assert.Equal(t,
		"fp/2026-01-25/2: foro-penal says releases at least 104 in detainees/political @ VE 2026-01-25/2026-01-25 (preliminary, stated 2026-01-25T20:00:00-04:00)",
		foroPenal104().String())
}

func TestClaimEqualTreatsNilAndEmptySlicesAlike(t *testing.T) {
	c := foroPenal104()
	d := c.Clone()
	c.Via, d.Via = nil, []source.SourceID{}
	c.Named, d.Named = []release.DetaineeID{}, nil
	assert.True(t, c.Equal(d))
	d.Named = []release.DetaineeID{release.MustDetaineeID("FP-2026-0001")}
	assert.False(t, c.Equal(d))
	e := c.Clone()
	e.Relative = source.Relative{Ratio: decimal.New(0, -3)} // zero, written 0.000
	assert.True(t, c.Equal(e))
}

func TestClaimValidateRejectsOffsetsRFC3339CannotWrite(t *testing.T) {
	for _, off := range []int{-(4*3600 + 27*60 + 44), 30, 24 * 3600, -24 * 3600, 26 * 3600} {
		c := foroPenal104()
		c.Stated = c.Stated.In(time.FixedZone("", off))
		assertRecordFieldError(t, c.Validate(), "Claim.Stated", c.Stated.Format(time.RFC3339))
	}
	for _, off := range []int{-12 * 3600, 14 * 3600, 5*3600 + 45*60, 23*3600 + 59*60, -(23*3600 + 59*60)} {
		c := foroPenal104()
		c.Stated = c.Stated.In(time.FixedZone("", off))
		require.NoError(t, c.Validate(), off)
		data, err := json.Marshal(c)
		require.NoError(t, err, off)
		var back source.Claim
		require.NoError(t, json.Unmarshal(data, &back))
		assert.True(t, back.Equal(c), off)
	}
}

func TestClaimValidateRejectsURLThatIsNotUTF8(t *testing.T) {
	c := foroPenal104()
	c.Citation.URL = "https://foropenal.com/\xff"
	assertRecordFieldError(t, c.Validate(), "Claim.Citation.URL", c.Citation.URL)
}

func TestCanonicalLanguage(t *testing.T) {
	for in, want := range map[string]string{"ES": "es", "es-ve": "es-VE", "ES-ve": "es-VE", "es_VE": "es-VE", "en": "en", "es-419": "es-419"} {
		got, err := source.CanonicalLanguage(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		c := foroPenal104()
		c.Citation.Language = got
		assert.NoError(t, c.Validate(), got)
	}
	// Canonical forms are fixed points: CanonicalLanguage is idempotent.
	for _, tag := range []string{"zh-min-nan", "i-klingon", "root", "EN-us-POSIX", "en-GB-oed", "mo", "sh",
		"es-ES-u-co-trad", "x-foo", "und-Zzzz", "en-a-bbb-x-a-ccc"} {
		once, err := source.CanonicalLanguage(tag)
		require.NoError(t, err, tag)
		twice, err := source.CanonicalLanguage(once)
		require.NoError(t, err, once)
		assert.Equal(t, once, twice, tag)
		c := foroPenal104()
		c.Citation.Language = once
		assert.NoError(t, c.Validate(), once)
	}
	_, err := source.CanonicalLanguage("not a language")
	assertRecordFieldError(t, err, "Citation.Language", "not a language")
}

// ---- relative figures ------------------------------------------------------------

func TestRelativeApplyRoundsHalfAwayFromZero(t *testing.T) {
	gov := source.MustClaimID("ve-gov/2026-01-25/1")
	for _, tc := range []struct {
		n     int
		ratio string
		kind  source.QuantityKind
		want  string
	}{
		{626, "0.5", source.About, "about 313"},
		{625, "0.5", source.About, "about 313"}, // 312.5
		{627, "0.5", source.About, "about 314"}, // 313.5
		{3, "0.5", source.Exactly, "2"},
		{1, "0.5", source.AtLeast, "at least 1"},
		{1, "0.49", source.AtMost, "at most 0"},
		{5, "0.1", source.Nearly, "nearly 1"},
		{0, "1000", source.Exactly, "0"},
		{104, "2", source.MoreThan, "more than 208"},
		{626, "0.333", source.About, "about 208"}, // 208.458
		{source.MaxCount, "1", source.Exactly, "2147483647"},
	} {
		r := source.Relative{To: gov, Ratio: decimal.RequireFromString(tc.ratio), Kind: tc.kind}
		q, err := r.Apply(tc.n)
		if assert.NoError(t, err, "%d × %s", tc.n, tc.ratio) {
			assert.Equal(t, tc.want, q.String(), "%d × %s", tc.n, tc.ratio)
		}
	}
}

func TestRelativeApplyRejectsBadInput(t *testing.T) {
	gov := source.MustClaimID("ve-gov/2026-01-25/1")
	half := source.Relative{To: gov, Ratio: decimal.New(5, -1), Kind: source.About}

	_, err := half.Apply(-626)
	assertRecordFieldError(t, err, "Quantity", "-626")
	_, err = half.Apply(math.MinInt)
	assertRecordFieldError(t, err, "Quantity", fmt.Sprint(math.MinInt))

	double := half
	double.Ratio = decimal.NewFromInt(2)
	_, err = double.Apply(source.MaxCount)
	assertRecordFieldError(t, err, "Relative.Ratio", "2")

	// A ratio so large that the product wraps around int64 is refused, not
	// read as a small count.
	huge := half
	huge.Ratio = decimal.RequireFromString("18446744073709551611")
	_, err = huge.Apply(1)
	assertRecordFieldError(t, err, "Claim.Relative.Ratio", "18446744073709551611")

	_, err = source.Relative{}.Apply(626)
	assert.ErrorIs(t, err, source.ErrInvalid)
	assert.Subset(t, fieldsOf(err), []string{"Claim.Relative.To", "Claim.Relative.Ratio", "Claim.Relative.Kind"})

	between := half
	between.Kind = source.Between
	_, err = between.Apply(626)
	assertRecordFieldError(t, err, "Claim.Relative.Kind", "between")
}

// propRelativeApplyMatchesIntegerArithmetic: for a ratio of k thousandths,
// Apply gives n·k/1000 rounded half up, computed with integers.
func propRelativeApplyMatchesIntegerArithmetic(t *rapid.T) {
	n := rapid.IntRange(0, 10_000_000).Draw(t, "n")
	k := rapid.Int64Range(1, 1_000_000).Draw(t, "thousandths")
	kind := rapid.SampledFrom([]source.QuantityKind{source.Exactly, source.About, source.AtLeast, source.AtMost}).Draw(t, "kind")
	r := source.Relative{To: source.MustClaimID("c"), Ratio: decimal.New(k, -3), Kind: kind}
	q, err := r.Apply(n)
	want := (int64(n)*k + 500) / 1000
	if want > source.MaxCount {
		if !errors.Is(err, source.ErrInvalid) {
			t.Fatalf("Apply(%d) with ratio %v = %v, %v; want an error", n, r.Ratio, q, err)
		}
		return
	}
	if err != nil || q.Kind() != kind || q.Number() != int(want) {
		t.Fatalf("Apply(%d) with ratio %v = %v, %v; want %s %d", n, r.Ratio, q, err, kind, want)
	}
}

func TestRelativeApplyMatchesIntegerArithmetic(t *testing.T) {
	rapid.Check(t, propRelativeApplyMatchesIntegerArithmetic)
}

// ---- bad input across the records -------------------------------------------------

const (
	goodSourceJSON = `{"id":"foro-penal","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"0.9"}`
	goodClaimJSON  = `{"id":"fp/2026-01-25/2","source":"foro-penal","via":["afp"],"stated":"2026-01-25T20:00:00-04:00",` +
		`"measure":"releases","scope":{"population":"detainees/political","region":"VE","period":"2026-01-25/2026-01-25"},` +
		`"quantity":"at least 104","status":"preliminary","basis":"named_list","named":["FP-2026-0001","FP-2026-0002"],` +
		`"supersedes":"fp/2026-01-25/1","citation":{"url":"https://foropenal.com/reporte","quote":"verified 104 releases","language":"en"}}`
	goodRelativeJSON = `{"id":"fp/since-december","source":"foro-penal","stated":"2026-01-25T20:00:00-04:00","measure":"releases",` +
		`"scope":{"population":"detainees/political","region":"VE","period":"2025-12-01/.."},` +
		`"relative":{"to":"ve-gov/2026-01-25/1","ratio":"0.5","kind":"about"},"status":"verified","basis":"named_list"}`
)

// withField returns the JSON object good with key set to the raw JSON value
// (or removed, for a nil value).
func withField(good, key string, value any) []byte {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(good), &m); err != nil {
		panic(err)
	}
	if value == nil {
		delete(m, key)
	} else {
		m[key] = json.RawMessage(fmt.Sprint(value))
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

func TestGoodRecordJSONIsAccepted(t *testing.T) {
	var s source.Source
	require.NoError(t, json.Unmarshal([]byte(goodSourceJSON), &s))
	var c source.Claim
	require.NoError(t, json.Unmarshal([]byte(goodClaimJSON), &c))
	assert.True(t, c.Equal(foroPenal104()))
	require.NoError(t, json.Unmarshal([]byte(goodRelativeJSON), &c))
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, goodRelativeJSON, string(out))
}

func TestBadRecordInputGivesTypedErrorNamingTheField(t *testing.T) {
	decodeSource := func(data []byte) error { var s source.Source; return json.Unmarshal(data, &s) }
	decodeClaim := func(data []byte) error { var c source.Claim; return json.Unmarshal(data, &c) }
	gov := source.Relative{To: source.MustClaimID("ve-gov/2026-01-25/1"), Ratio: decimal.New(5, -1), Kind: source.About}
	long := strings.Repeat("x", 129)

	for _, tc := range []struct {
		name  string
		err   error
		field string // of the first *source.FieldError
		value string // its Value, before quoting
		// For errors from package release (a bad scope), the first
		// *release.FieldError's Field and Value; they also wrap
		// release.ErrInvalid.
		releaseField, releaseValue string
	}{
		{name: "confidence 1.5", err: decodeSource(withField(goodSourceJSON, "confidence", `"1.5"`)),
			field: "Source.Confidence", value: "1.5"},
		{name: "confidence 1.5 as a number", err: decodeSource(withField(goodSourceJSON, "confidence", `1.5`)),
			field: "Source.Confidence", value: "1.5"},
		{name: "negative confidence", err: decodeSource(withField(goodSourceJSON, "confidence", `"-0.1"`)),
			field: "Source.Confidence", value: "-0.1"},
		{name: "confidence NaN", err: decodeSource(withField(goodSourceJSON, "confidence", `"NaN"`)),
			field: "Source.Confidence", value: "NaN"},
		{name: "confidence as words", err: decodeSource(withField(goodSourceJSON, "confidence", `"high"`)),
			field: "Source.Confidence", value: "high"},
		{name: "confidence true", err: decodeSource(withField(goodSourceJSON, "confidence", `true`)),
			field: "Source.Confidence", value: `true`},
		{name: "empty source ID", err: decodeSource(withField(goodSourceJSON, "id", `""`)),
			field: "Source.ID", value: ""},
		{name: "missing source ID", err: decodeSource(withField(goodSourceJSON, "id", nil)),
			field: "Source.ID", value: ""},
		{name: "overlong source ID", err: decodeSource(withField(goodSourceJSON, "id", `"`+long+`"`)),
			field: "Source.ID", value: long},
		{name: "overlong name", err: decodeSource(withField(goodSourceJSON, "name", `"`+strings.Repeat("ñ", 129)+`"`)),
			field: "Source.Name", value: strings.Repeat("ñ", 129)},
		{name: "unknown kind", err: decodeSource(withField(goodSourceJSON, "kind", `"NGO"`)),
			field: "Source.Kind", value: "NGO"},
		// A value of the wrong JSON type is reported by its key, in JSON's
		// words rather than encoding/json's, which name Go types (issue 10).
		{name: "kind as a number", err: decodeSource(withField(goodSourceJSON, "kind", `1`)),
			field: "Source.Kind", value: ""},
		{name: "unknown method", err: decodeSource(withField(goodSourceJSON, "method", `"verified"`)),
			field: "Source.Method", value: "verified"},
		{name: "source JSON not an object", err: decodeSource([]byte(`["foro-penal"]`)),
			field: "Source", value: `["foro-penal"]`},

		{name: "empty claim ID", err: decodeClaim(withField(goodClaimJSON, "id", `""`)),
			field: "Claim.ID", value: ""},
		{name: "overlong relay", err: decodeClaim(withField(goodClaimJSON, "via", `["`+long+`"]`)),
			field: "Claim.Via", value: long},
		{name: "source relays itself", err: decodeClaim(withField(goodClaimJSON, "via", `["afp","foro-penal"]`)),
			field: "Claim.Via", value: "foro-penal"},
		{name: "unknown measure", err: decodeClaim(withField(goodClaimJSON, "measure", `"release"`)),
			field: "Claim.Measure", value: "release"},
		{name: "unknown status", err: decodeClaim(withField(goodClaimJSON, "status", `"definitive"`)),
			field: "Claim.Status", value: "definitive"},
		{name: "unknown basis", err: decodeClaim(withField(goodClaimJSON, "basis", `"list"`)),
			field: "Claim.Basis", value: "list"},
		{name: "stated without a zone", err: decodeClaim(withField(goodClaimJSON, "stated", `"2026-01-25T20:00:00"`)),
			field: "Claim.Stated", value: "2026-01-25T20:00:00"},
		{name: "stated on 30 February", err: decodeClaim(withField(goodClaimJSON, "stated", `"2026-02-30T20:00:00-04:00"`)),
			field: "Claim.Stated", value: "2026-02-30T20:00:00-04:00"},
		// A date alone is a statement known to the day only (DESIGN step
		// 1, revised), so it is no longer bad input; a time without its
		// offset still is.
		{name: "stated without an offset", err: decodeClaim(withField(goodClaimJSON, "stated", `"2026-01-25T20:00:00"`)),
			field: "Claim.Stated", value: "2026-01-25T20:00:00"},
		{name: "stated in year 0", err: decodeClaim(withField(goodClaimJSON, "stated", `"0000-01-25T20:00:00Z"`)),
			field: "Claim.Stated", value: "0000-01-25T20:00:00Z"},
		{name: "missing stated", err: decodeClaim(withField(goodClaimJSON, "stated", nil)),
			field: "Claim.Stated", value: ""},
		{name: "inverted period in the scope",
			err:   decodeClaim(withField(goodClaimJSON, "scope", `{"population":"detainees","region":"VE","period":"2026-01-31/2026-01-01"}`)),
			field: "Claim.Scope", value: `{"population":"detainees","region":"VE","period":"2026-01-31/2026-01-01"}`,
			releaseField: "Claim.Scope.Period", releaseValue: "2026-01-31/2026-01-01"},
		{name: "no such day in the scope",
			err:   decodeClaim(withField(goodClaimJSON, "scope", `{"population":"detainees","region":"VE","period":"2026-02-30/.."}`)),
			field: "Claim.Scope", value: `{"population":"detainees","region":"VE","period":"2026-02-30/.."}`,
			releaseField: "Claim.Scope.Period", releaseValue: "2026-02-30/.."},
		{name: "scope without a region",
			err:   decodeClaim(withField(goodClaimJSON, "scope", `{"population":"detainees","period":"../.."}`)),
			field: "Claim.Scope", value: `{"population":"detainees","period":"../.."}`,
			releaseField: "Claim.Scope.Region", releaseValue: ""},
		{name: "empty detainee ID", err: decodeClaim(withField(goodClaimJSON, "named", `["FP-2026-0001",""]`)),
			field: "Claim.Named", value: `["FP-2026-0001",""]`, releaseField: "Claim.Named", releaseValue: ""},
		{name: "detainee named twice", err: decodeClaim(withField(goodClaimJSON, "named", `["FP-2026-0001","FP-2026-0001"]`)),
			field: "Claim.Named", value: "FP-2026-0001"},
		{name: "more named than exactly 1", err: decodeClaim(withField(withFieldString(goodClaimJSON, "quantity", `"1"`), "named", `["a","b"]`)),
			field: "Claim.Named", value: "2"},
		{name: "negative quantity", err: decodeClaim(withField(goodClaimJSON, "quantity", `"-5"`)),
			field: "Claim.Quantity", value: "-5"},
		{name: "quantity and relative", err: decodeClaim(withField(goodClaimJSON, "relative", `{"to":"ve-gov/2026-01-25/1","ratio":"0.5","kind":"about"}`)),
			field: "Claim.Relative", value: "ve-gov/2026-01-25/1"},
		{name: "neither quantity nor relative", err: decodeClaim(withField(goodClaimJSON, "quantity", nil)),
			field: "Claim.Quantity", value: ""},
		{name: "ratio NaN", err: decodeClaim(withField(goodRelativeJSON, "relative", `{"to":"g","ratio":"NaN","kind":"about"}`)),
			field: "Claim.Relative.Ratio", value: "NaN"},
		{name: "ratio 0", err: decodeClaim(withField(goodRelativeJSON, "relative", `{"to":"g","ratio":"0.0","kind":"about"}`)),
			field: "Claim.Relative.Ratio", value: "0"},
		{name: "relative kind between", err: decodeClaim(withField(goodRelativeJSON, "relative", `{"to":"g","ratio":"0.5","kind":"between"}`)),
			field: "Claim.Relative.Kind", value: "between"},
		{name: "retraction naming nothing", err: decodeClaim(withField(withFieldString(goodRelativeJSON, "status", `"retracted"`), "supersedes", nil)),
			field: "Claim.Supersedes", value: ""},
		{name: "claim supersedes itself", err: decodeClaim(withField(goodClaimJSON, "supersedes", `"fp/2026-01-25/2"`)),
			field: "Claim.Supersedes", value: "fp/2026-01-25/2"},
		{name: "non-canonical language", err: decodeClaim(withField(goodClaimJSON, "citation", `{"language":"ES"}`)),
			field: "Claim.Citation.Language", value: "ES"},
		{name: "ftp URL", err: decodeClaim(withField(goodClaimJSON, "citation", `{"url":"ftp://foropenal.com/r"}`)),
			field: "Claim.Citation.URL", value: "ftp://foropenal.com/r"},
		{name: "quote too long", err: decodeClaim(withField(goodClaimJSON, "citation", `{"quote":"`+strings.Repeat("a", source.MaxQuoteLen+1)+`"}`)),
			field: "Claim.Citation.Quote", value: strings.Repeat("a", source.MaxQuoteLen+1)},
		// json.Unmarshal reports malformed JSON as a *json.SyntaxError before
		// any UnmarshalJSON runs; the method itself gives a *FieldError.
		{name: "truncated claim JSON", err: new(source.Claim).UnmarshalJSON([]byte(goodClaimJSON[:40])),
			field: "Claim", value: goodClaimJSON[:40]},

		{name: "Relative.Apply to a negative count", err: second(gov.Apply(-626)),
			field: "Quantity", value: "-626"},
		{name: "Relative.Apply beyond MaxCount", err: second(source.Relative{To: gov.To, Ratio: decimal.NewFromInt(1000), Kind: source.About}.Apply(source.MaxCount)),
			field: "Relative.Ratio", value: "1000"},
		{name: "source confidence 1.5 in Go", err: source.Source{ID: source.MustSourceID("fp"), Name: "Foro Penal", Kind: source.NGO,
			Method: source.Announces, Confidence: decimal.New(15, -1)}.Validate(),
			field: "Source.Confidence", value: "1.5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One field-error type: a value that package release refused
			// is reported by release, at its path within the record.
			if tc.releaseField == "" {
				assertRecordFieldError(t, tc.err, tc.field, tc.value)
				fe, _ := errors.AsType[*release.FieldError](tc.err)
				assert.Equal(t, "source", fe.Pkg)
				return
			}
			assert.ErrorIs(t, tc.err, release.ErrInvalid)
			assert.ErrorIs(t, tc.err, source.ErrInvalid)
			rfe, ok := errors.AsType[*source.FieldError](tc.err)
			if assert.True(t, ok, "%v is not a *FieldError", tc.err) {
				assert.Equal(t, "release", rfe.Pkg)
				assert.Equal(t, tc.releaseField, rfe.Field())
				assert.Equal(t, errfmt.Quote(tc.releaseValue), rfe.Value)
			}
		})
	}
}

func withFieldString(good, key string, value any) string { return string(withField(good, key, value)) }

func second[T any](_ T, err error) error { return err }

func TestDecodingErrorLeavesTargetUnchanged(t *testing.T) {
	s := source.Source{ID: source.MustSourceID("before"), Name: "Before", Kind: source.Media, Method: source.Relays}
	orig := s
	require.Error(t, json.Unmarshal(withField(goodSourceJSON, "confidence", `"1.5"`), &s))
	assert.True(t, s.Equal(orig))

	c := foroPenal104()
	require.Error(t, json.Unmarshal(withField(goodClaimJSON, "measure", `"bogus"`), &c))
	assert.True(t, c.Equal(foroPenal104()))
}

func TestClaimValidateReportsSeveralFieldsAtOnce(t *testing.T) {
	c := foroPenal104()
	c.Via = append(c.Via, c.Source)
	c.Citation.Language = "ES"
	c.Measure = 0
	err := c.Validate()
	assert.Equal(t, []string{"Claim.Via", "Claim.Measure", "Claim.Citation.Language"}, fieldsOf(err))
	assert.ErrorIs(t, err, source.ErrInvalid)
}

// TestPlainLanguagesAreCanonical: the tags read without the BCP 47 parser
// are exactly what the parser would make of them.
func TestPlainLanguagesAreCanonical(t *testing.T) {
	for _, tag := range []string{"es", "en", "pt", "fr", "de", "ru", "be", "uk", "ar", "fa", "my", "zh", "it", "nl", "pl", "tr"} {
		got, err := language.Parse(tag)
		if err != nil || got.String() != tag {
			t.Errorf("%q parses to %v, %v", tag, got, err)
		}
		c, err := source.CanonicalLanguage(tag)
		if err != nil || c != tag {
			t.Errorf("CanonicalLanguage(%q) = %q, %v", tag, c, err)
		}
	}
}
