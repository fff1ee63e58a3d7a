package source_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/source"
)

// checkQuantityRoundTrip checks a quantity that was accepted: it is valid,
// has a valid text form, and that text reads back to it unchanged (the
// parse–format–parse check of net/netip's fuzz tests).
func checkQuantityRoundTrip(t *testing.T, q source.Quantity, from string) {
	t.Helper()
	if !q.IsValid() {
		t.Fatalf("%q gave an invalid Quantity %#v", from, q)
	}
	text, err := q.MarshalText()
	if err != nil {
		t.Fatalf("%q gave %v, whose MarshalText fails: %v", from, q, err)
	}
	back, err := source.ParseQuantity(string(text))
	if err != nil || back != q {
		t.Fatalf("%q gave %v, whose text %q reads as %v, %v", from, q, text, back, err)
	}
	if _, err := q.BoundsTolerance(source.DefaultTolerance()); err != nil {
		t.Fatalf("%q gave %v, whose bounds fail: %v", from, q, err)
	}
	if b := q.Bounds(); !b.Contains(b.Lo()) {
		t.Fatalf("%q gave %v with empty bounds %v", from, q, b)
	}
}

// checkQuantityRejected checks that err is a *FieldError for field that repeats
// input and wraps ErrInvalid.
func checkQuantityRejected(t *testing.T, err error, field, input string) {
	t.Helper()
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("%q: error %v does not wrap ErrInvalid", input, err)
	}
	fe, ok := errors.AsType[*source.FieldError](err)
	if !ok || fe.Field() != field || fe.Value != errfmt.Quote(input) {
		t.Fatalf("%q: error %#v is not a FieldError for %s repeating the input", input, err, field)
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, tc := range acceptedQuantityPhrases {
		f.Add(tc.phrase)
	}
	for _, tc := range rejectedQuantityPhrases {
		f.Add(tc.phrase)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := source.ParseQuantity(s)
		if err != nil {
			if q != (source.Quantity{}) {
				t.Fatalf("ParseQuantity(%q) returned %v with error %v", s, q, err)
			}
			checkQuantityRejected(t, err, "Quantity", s)
			return
		}
		checkQuantityRoundTrip(t, q, s)
	})
}

func FuzzQuantityUnmarshalText(f *testing.F) {
	for _, tc := range acceptedQuantityPhrases {
		f.Add([]byte(tc.phrase))
	}
	for _, tc := range rejectedQuantityPhrases {
		f.Add([]byte(tc.phrase))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		before := source.MustQuantity("about 313")
		q := before
		if err := q.UnmarshalText(text); err != nil {
			if q != before {
				t.Fatalf("failed UnmarshalText(%q) changed the quantity to %v", text, q)
			}
			checkQuantityRejected(t, err, "Quantity", string(text))
			return
		}
		checkQuantityRoundTrip(t, q, string(text))
		if p, err := source.ParseQuantity(string(text)); err != nil || p != q {
			t.Fatalf("UnmarshalText(%q) = %v but ParseQuantity gives %v, %v", text, q, p, err)
		}
	})
}

func FuzzIntervalUnmarshalText(f *testing.F) {
	for _, s := range []string{"[104, 120]", "[104, ∞)", "[0, inf)", " [ 0 , 0 ] ", "[0, 2147483647]"} {
		f.Add([]byte(s))
	}
	for _, s := range rejectedIntervalTexts {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		before := source.MustInterval(1, 2)
		i := before
		if err := i.UnmarshalText(text); err != nil {
			if i != before {
				t.Fatalf("failed UnmarshalText(%q) changed the interval to %v", text, i)
			}
			checkQuantityRejected(t, err, "Interval", string(text))
			return
		}
		hi, bounded := i.Hi()
		if i.Lo() < 0 || i.Lo() > source.MaxCount || bounded && (hi < i.Lo() || hi > source.MaxCount) {
			t.Fatalf("UnmarshalText(%q) accepted an invalid interval %v", text, i)
		}
		out, err := i.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", i, err)
		}
		var back source.Interval
		if err := back.UnmarshalText(out); err != nil || back != i {
			t.Fatalf("UnmarshalText(%q) = %v, whose text %q reads as %v, %v", text, i, out, back, err)
		}
	})
}

// quantityFuzzRecord holds the package's text-encoded values as a caller's JSON
// record would, including a quantity as a map key.
type quantityFuzzRecord struct {
	Said   source.Quantity                     `json:"said,omitzero"`
	Kind   source.QuantityKind                 `json:"kind,omitzero"`
	Range  source.Interval                     `json:"range"`
	Ranges []source.Interval                   `json:"ranges,omitempty"`
	ByWord map[source.Quantity]source.Interval `json:"by_word,omitempty"`
}

func FuzzQuantityJSON(f *testing.F) {
	for _, s := range []string{
		`{"said":"at least 104","kind":"at_least","range":"[104, ∞)"}`,
		`{"said":"más de 1.000","range":"[0, 36]","ranges":["[1, 2]","[3, inf)"]}`,
		`{"by_word":{"dozens":"[12, 99]","entre 800 y 900":"[800, 900]"}}`,
		`{"said":"between 900 and 800"}`,
		`{"said":"104 people"}`,
		`{"kind":"sometimes"}`,
		`{"range":"[2, 1]"}`,
		`{"said":null,"range":null}`,
		`{"said":104}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r quantityFuzzRecord
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		// Empty and absent collections encode alike; compare them alike.
		if len(r.Ranges) == 0 {
			r.Ranges = nil
		}
		if len(r.ByWord) == 0 {
			r.ByWord = nil
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("decoded %+v from %s but cannot encode it: %v", r, data, err)
		}
		var back quantityFuzzRecord
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("cannot decode %s, encoded from %+v: %v", out, r, err)
		}
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("JSON round trip changed %+v into %+v (%s)", r, back, out)
		}
	})
}
