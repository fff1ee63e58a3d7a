package source_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/source"
)

// checkDecodeRejected checks the error of a decoder that refused its input:
// it wraps ErrInvalid and is, or joins, *FieldErrors whose messages start
// with the package name.
func checkDecodeRejected(t *testing.T, err error, input []byte) {
	t.Helper()
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("decoding %q: error %v does not wrap ErrInvalid", input, err)
	}
	fes := sourceFieldErrors(err)
	if len(fes) == 0 {
		t.Fatalf("decoding %q: error %#v is no *FieldError", input, err)
	}
	for _, fe := range fes {
		if fe.Field() == "" || len(fe.Value) < 2 {
			t.Fatalf("decoding %q: field error %#v names no field or value", input, fe)
		}
	}
}

// sourceSeeds are real-looking sources, good and bad.
var sourceSeeds = []string{
	goodSourceJSON,
	`{"id":"ve-gov","name":"Gobierno de Venezuela","kind":"government","group":"ve-state","method":"announces","confidence":"0.50"}`,
	`{"id":"afp","name":"Agence France-Presse","kind":"media","group":"press-agencies","method":"relays","confidence":0.7}`,
	`{"id":"ohchr","name":"OHCHR","kind":"international","method":"announces","confidence":"1.000"}`,
	`{"id":"familiares","name":"Familiares en Rodeo I","kind":"family","method":"announces"}`,
	`{"ID":"Foro-Penal","NAME":"Foro Penal","Kind":"ngo","method":"verifies_identities","confidence":"1e-1"}`,
	`{"id":"fp","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"1.5"}`,
	`{"id":"fp","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"NaN"}`,
	`{"id":"fp","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"-0"}`,
	`{"id":"fp","name":"Foro Penal","kind":"NGO","method":"verifies_identities"}`,
	`{"id":"","name":"","kind":"","method":""}`,
	`{"id":"fp","name":"Foro Penal","kind":"ngo","method":"relays","group":""}`,
	`{"id":"fp","id":"fp2","name":"Foro Penal","kind":"ngo","method":"relays","confidence":"9e-10000"}`,
	`null`, `{}`, `[]`, `"foro-penal"`, `{"id":"fp"`, ``,
}

func FuzzSourceUnmarshalJSON(f *testing.F) {
	for _, s := range sourceSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s source.Source
		if err := s.UnmarshalJSON(data); err != nil {
			checkDecodeRejected(t, err, data)
			if !s.Equal(source.Source{}) {
				t.Fatalf("UnmarshalJSON(%q) changed its target on error: %+v", data, s)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("UnmarshalJSON(%q) accepted an invalid source: %v", data, err)
		}
		first, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("UnmarshalJSON(%q) accepted %+v, which does not encode: %v", data, s, err)
		}
		var back source.Source
		if err := json.Unmarshal(first, &back); err != nil || !back.Equal(s) {
			t.Fatalf("%q gave %+v, whose encoding %s reads as %+v, %v", data, s, first, back, err)
		}
		if second, err := json.Marshal(back); err != nil || !bytes.Equal(first, second) {
			t.Fatalf("%q: second encoding %s, %v differs from the first %s", data, second, err, first)
		}
	})
}

// claimSeeds are real-looking claims, good and bad.
var claimSeeds = []string{
	goodClaimJSON,
	goodRelativeJSON,
	`{"id":"fp/2026-01-25/1","source":"foro-penal","stated":"2026-01-25T11:30:00-04:00","measure":"releases",` +
		`"scope":{"population":"detainees/political","region":"VE","period":"2026-01-25"},"quantity":"80",` +
		`"status":"preliminary","basis":"named_list"}`,
	`{"id":"ve-gov/2026-01-25/1","source":"ve-gov","via":["afp","efe"],"stated":"2026-01-26T00:00:00.123456789Z",` +
		`"measure":"releases","scope":{"population":"detainees","region":"VE","period":"2025-12-01/.."},"quantity":"626",` +
		`"status":"final","basis":"announcement","citation":{"url":"https://www.afp.com/es","quote":"626 liberados desde diciembre","language":"es-VE"}}`,
	`{"id":"fp/held","source":"foro-penal","stated":"2026-01-25T20:00:00+05:30","measure":"held",` +
		`"scope":{"population":"presos/políticos","region":"VE/Zulia","period":"../2026-01-25"},"quantity":"más de 700",` +
		`"status":"verified","basis":"estimate"}`,
	`{"id":"fp/retract","source":"foro-penal","stated":"2026-01-26T09:00:00-04:00","measure":"releases",` +
		`"scope":{"population":"detainees/political","region":"VE","period":"2026-01-25/2026-01-25"},` +
		`"status":"retracted","basis":"announcement","supersedes":"fp/2026-01-25/1"}`,
	`{"id":"x","source":"fp","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"../.."},"quantity":"between 800 and 900","status":"final","basis":"estimate","named":["FP-2026-0001"]}`,
	`{"id":"x","source":"fp","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-31/2026-01-01"},"quantity":"80","status":"final","basis":"estimate"}`,
	`{"id":"x","source":"fp","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"../.."},"relative":{"to":"g","ratio":"NaN","kind":"about"},"status":"final","basis":"estimate"}`,
	`{"id":"x","source":"fp","stated":"2026-01-25T20:00:00-24:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"../.."},"quantity":"1","status":"final","basis":"estimate"}`,
	`{"id":"x","source":"fp","via":["fp"],"stated":"2026-01-25","measure":"flows","quantity":"-1","status":"final","basis":"estimate","named":["a","a"],"citation":{"language":"ES","url":"ftp://x"}}`,
	`{"id":"x","source":"fp","stated":"2026-01-25T20:00:00Z","measure":"releases","scope":null,"quantity":null,"relative":{},"citation":{},"status":"retracted","basis":"estimate","supersedes":"y"}`,
	`null`, `{}`, `[]`, `{"id":`, ``,
}

func FuzzClaimUnmarshalJSON(f *testing.F) {
	for _, s := range claimSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c source.Claim
		if err := c.UnmarshalJSON(data); err != nil {
			checkDecodeRejected(t, err, data)
			if !c.Equal(source.Claim{}) {
				t.Fatalf("UnmarshalJSON(%q) changed its target on error: %v", data, c)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("UnmarshalJSON(%q) accepted an invalid claim: %v", data, err)
		}
		first, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("UnmarshalJSON(%q) accepted %v, which does not encode: %v", data, c, err)
		}
		var back source.Claim
		if err := json.Unmarshal(first, &back); err != nil || !back.Equal(c) {
			t.Fatalf("%q gave %v, whose encoding %s reads as %v, %v", data, c, first, back, err)
		}
		if back.StatedDay() != c.StatedDay() || back.ResolvedScope() != c.ResolvedScope() {
			t.Fatalf("%q: the round trip moved the statement's day from %v to %v", data, c.StatedDay(), back.StatedDay())
		}
		if second, err := json.Marshal(back); err != nil || !bytes.Equal(first, second) {
			t.Fatalf("%q: second encoding %s, %v differs from the first %s", data, second, err, first)
		}
		_ = c.String() // must not panic on anything accepted
	})
}

// textDecoder is one ID or enum type's text decoding, as its UnmarshalText
// does it, returning the value's MarshalText output on success.
type textDecoder struct {
	typ    string
	decode func([]byte) (text []byte, again func([]byte) ([]byte, error), err error)
}

// decoderOf wraps a text type for the fuzz targets.
func decoderOf[T any, PT interface {
	*T
	encoding.TextUnmarshaler
	encoding.TextMarshaler
}](typ string) textDecoder {
	var decode func([]byte) ([]byte, func([]byte) ([]byte, error), error)
	decode = func(in []byte) ([]byte, func([]byte) ([]byte, error), error) {
		var v T
		if err := PT(&v).UnmarshalText(in); err != nil {
			var zero T
			if any(v) != any(zero) {
				return nil, nil, fmt.Errorf("UnmarshalText changed its target on error: %v", v)
			}
			return nil, nil, err
		}
		out, err := PT(&v).MarshalText()
		if err != nil {
			return nil, nil, fmt.Errorf("accepted %q, whose MarshalText fails: %w", in, err)
		}
		again := func(b []byte) ([]byte, error) {
			text, _, err := decode(b)
			return text, err
		}
		return out, again, nil
	}
	return textDecoder{typ, decode}
}

// checkTextDecoders runs each decoder on in. A decoder that accepts must
// write text that it reads back to the same text; one that refuses must
// return a *FieldError for its type repeating the input.
func checkTextDecoders(t *testing.T, in []byte, decoders []textDecoder) (accepted int) {
	for _, d := range decoders {
		text, again, err := d.decode(in)
		if err != nil {
			if !errors.Is(err, source.ErrInvalid) {
				t.Fatalf("%s %q: %v", d.typ, in, err)
			}
			fe, ok := errors.AsType[*source.FieldError](err)
			if !ok || fe.Field() != d.typ || fe.Value != errfmt.Quote(string(in)) {
				t.Fatalf("%s %q: error %#v is not a FieldError for %s repeating the input", d.typ, in, err, d.typ)
			}
			continue
		}
		accepted++
		if !bytes.Equal(text, in) {
			t.Fatalf("%s %q was written back as %q", d.typ, in, text)
		}
		if second, err := again(text); err != nil || !bytes.Equal(second, text) {
			t.Fatalf("%s %q: second round %q, %v", d.typ, in, second, err)
		}
	}
	return accepted
}

var idDecoders = []textDecoder{
	decoderOf[source.SourceID]("SourceID"),
	decoderOf[source.ClaimID]("ClaimID"),
	decoderOf[source.Group]("Group"),
}

func FuzzIDUnmarshalText(f *testing.F) {
	for _, s := range []string{"foro-penal", "ve-gov/2026-01-25/1", "Foro Penal", "ñ", "", " ", " x", "x ",
		"a\x00b", "\xff", "a\u00a0b", "\u00a0", "\u2028x", string(make([]byte, 129))} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// The ID types share their rules: all accept or all refuse.
		if n := checkTextDecoders(t, in, idDecoders); n != 0 && n != len(idDecoders) {
			t.Fatalf("%q is accepted by %d of %d ID types", in, n, len(idDecoders))
		}
	})
}

var enumDecoders = []textDecoder{
	decoderOf[source.Kind]("Kind"),
	decoderOf[source.Method]("Method"),
	decoderOf[source.Measure]("Measure"),
	decoderOf[source.Status]("Status"),
	decoderOf[source.Basis]("Basis"),
}

func FuzzEnumUnmarshalText(f *testing.F) {
	for _, s := range []string{"ngo", "government", "verifies_identities", "releases", "held", "retracted",
		"named_list", "NGO", "Kind(1)", "1", "", "other ", "named list"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkTextDecoders(t, in, enumDecoders)
	})
}
