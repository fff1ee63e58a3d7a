package release_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/freedcount/freedcount/internal/casetest"
	"github.com/freedcount/freedcount/internal/hpath"
	"github.com/freedcount/freedcount/internal/ident"
	"github.com/freedcount/freedcount/release"
)

// Fuzz targets for every decoder: none may panic; on error the result is
// made of *FieldErrors wrapping ErrInvalid and the target is unchanged;
// on success, encoding the value and decoding it again gives the same value
// (as checkStringParseRoundTrip in net/netip's fuzz tests).

// checkFieldError fails unless err is made of *FieldErrors wrapping
// ErrInvalid, which never repeat personal data.
func checkFieldError(t *testing.T, err error, field string) {
	t.Helper()
	if !errors.Is(err, release.ErrInvalid) {
		t.Fatalf("error %v does not wrap ErrInvalid", err)
	}
	fes := fieldErrors(err)
	if len(fes) == 0 || len(fes) != len(leaves(err)) {
		t.Fatalf("error %T %v is not made of *FieldErrors", err, err)
	}
	if field != "" && fes[0].Field() != field {
		t.Fatalf("error names field %q, want %q", fes[0].Field(), field)
	}
	for _, fe := range fes {
		if (fe.Field() == "Detainee.Name" || fe.Field() == "Detainee.NationalID") && fe.Value != "<redacted>" {
			t.Fatalf("personal field %s repeated: %q", fe.Field(), fe.Value)
		}
		if !utf8.ValidString(fe.Error()) {
			t.Fatalf("message is not valid UTF-8: %q", fe.Error())
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-25", "2024-02-29", "2026-02-30", "0000-01-01", "0001-01-01",
		"9999-12-31", "", "2026-1-25", "２０２６-01-25", "2026-01-25T00:00:00Z", "+2026-01-2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := release.ParseDate(s)
		if err != nil {
			checkFieldError(t, err, "Date")
			if d.IsValid() {
				t.Fatalf("ParseDate(%q) = %s with error", s, d)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = zero Date without error", s)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q: the accepted form is not canonical", s, d.String())
		}
		d2, err := release.ParseDate(d.String())
		if err != nil || d2 != d {
			t.Fatalf("round trip of %q: %s, %v", s, d2, err)
		}
	})
}

func FuzzDateUnmarshalText(f *testing.F) {
	for _, s := range []string{"2026-01-25", "", "2025-02-29", "1970-01-01", "x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := release.MustDate(2000, 1, 1)
		err := d.UnmarshalText(b)
		if err != nil {
			checkFieldError(t, err, "Date")
			if d != release.MustDate(2000, 1, 1) {
				t.Fatalf("UnmarshalText(%q) changed the date on error", b)
			}
			return
		}
		out, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(b) {
			t.Fatalf("UnmarshalText(%q) then MarshalText = %q", b, out)
		}
		var d2 release.Date
		if err := d2.UnmarshalText(out); err != nil || d2 != d {
			t.Fatalf("round trip of %q: %s, %v", b, d2, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-12-01/2026-01-25", "2025-12-01/..", "../2026-01-25", "../..", "2026-01-25",
		"2026-01-26/2026-01-25", "..", "/", "2026-01-25/2026-01-25/..", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := release.ParsePeriod(s)
		if err != nil {
			checkFieldError(t, err, "Period")
			return
		}
		if strings.Contains(s, "/") && p.String() != s {
			t.Fatalf("ParsePeriod(%q).String() = %q", s, p.String())
		}
		if f, l := p.First(), p.Last(); f.IsValid() && l.IsValid() && f.After(l) {
			t.Fatalf("ParsePeriod(%q) = inverted %s", s, p)
		}
		p2, err := release.ParsePeriod(p.String())
		if err != nil || p2 != p {
			t.Fatalf("round trip of %q: %s, %v", s, p2, err)
		}
		b, _ := p.MarshalText()
		var p3 release.Period
		if err := p3.UnmarshalText(b); err != nil || p3 != p {
			t.Fatalf("text round trip of %q: %s, %v", s, p3, err)
		}
	})
}

// pathSeeds are seeds for the path parsers.
var pathSeeds = []string{"VE", "ve/ZULIA", "Detainees/Political", "VE/Zu\u200blia", "VE/\u202eZulia",
	"detainees/under  restrictions", "CI/côte d'ivoire", "VE/Anzoátegui", "VE/Anzoa\u0301tegui", "detainees/political/military", "",
	"/VE", "VE/", "VE//Zulia", " VE", "VE\x00", "VE/\xff", strings.Repeat("a/", 16) + "a", "a\u0301/\u0301",
	"\u0345\u0301", "VE/A\u0345\u0301b"}

// checkPath checks a parsed path: its text is the input folded (case,
// normal form, white space), holds no refused character, parses to itself
// and round-trips through MarshalText; the input in upper and lower case
// parses to the same path.
func checkPath[P interface {
	comparable
	String() string
	Contains(P) bool
	MarshalText() ([]byte, error)
}](t *testing.T, s string, p P, parse func(string) (P, error)) {
	t.Helper()
	if got, want := hpath.Fold(p.String()), collapseSpace(hpath.Fold(s)); got != want {
		t.Fatalf("parse(%q) = %q, folded %q, want the input folded, %q", s, p, got, want)
	}
	if err := ident.CheckRunes(p.String()); err != nil {
		t.Fatalf("parse(%q) = %q: %v", s, p, err)
	}
	if !p.Contains(p) {
		t.Fatalf("%q does not contain itself", s)
	}
	b, err := p.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	p2, err := parse(string(b))
	if err != nil || p2 != p {
		t.Fatalf("round trip of %q: %v, %v", s, p2, err)
	}
	for _, v := range casetest.Variants(s) {
		if pv, err := parse(v); err != nil || pv != p {
			t.Fatalf("parse(%q) = %q, %v; parse(%q) = %q", v, pv, err, s, p)
		}
	}
}

// collapseSpace makes each run of white space one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzParsePopulation(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := release.ParsePopulation(s)
		if err != nil {
			checkFieldError(t, err, "Population")
			return
		}
		checkPath(t, s, p, release.ParsePopulation)
		var u release.Population
		if err := u.UnmarshalText([]byte(s)); err != nil || u != p {
			t.Fatalf("UnmarshalText(%q) = %v, %v", s, u, err)
		}
	})
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := release.ParseRegion(s)
		if err != nil {
			checkFieldError(t, err, "Region")
			return
		}
		checkPath(t, s, r, release.ParseRegion)
		if parent, ok := r.Parent(); ok && (!parent.Contains(r) || r.Contains(parent) || parent.Disjoint(r)) {
			t.Fatalf("parent %q of %q", parent, r)
		}
		if r.Disjoint(r) {
			t.Fatalf("%q is disjoint from itself", r)
		}
	})
}

func FuzzParseDetaineeID(f *testing.F) {
	for _, s := range []string{"FP-2026-0117", "", " x", "x\n", "\xff", "José"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := release.ParseDetaineeID(s)
		if err != nil {
			checkFieldError(t, err, "DetaineeID")
			return
		}
		if id.String() != s {
			t.Fatalf("ParseDetaineeID(%q).String() = %q", s, id.String())
		}
		b, err := id.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var u release.DetaineeID
		if err := u.UnmarshalText(b); err != nil || u != id {
			t.Fatalf("round trip of %q: %v, %v", s, u, err)
		}
	})
}

func FuzzEnumUnmarshalText(f *testing.F) {
	for _, s := range []string{"female", "male", "other", "military", "common_detainee", "detained", "released",
		"house_arrest", "expelled", "", "Male", "unknown"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(typ string, v interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}, again interface{ UnmarshalText([]byte) error }) {
			if err := v.UnmarshalText(b); err != nil {
				checkFieldError(t, err, typ)
				return
			}
			out, err := v.MarshalText()
			if err != nil || string(out) != string(b) {
				t.Fatalf("%s: UnmarshalText(%q) then MarshalText = %q, %v", typ, b, out, err)
			}
			if err := again.UnmarshalText(out); err != nil {
				t.Fatalf("%s: %v", typ, err)
			}
		}
		var s1, s2 release.Sex
		check("Sex", &s1, &s2)
		var c1, c2 release.Category
		check("Category", &c1, &c2)
		var k1, k2 release.EventKind
		check("EventKind", &k1, &k2)
		var t1, t2 release.Terms
		check("Terms", &t1, &t2)
		if s1 != s2 || c1 != c2 || k1 != k2 || t1 != t2 {
			t.Fatalf("round trip of %q changed the value", b)
		}
	})
}

func FuzzScopeUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"population":"detainees/political","region":"VE","period":"2026-01-25/2026-01-25"}`,
		`{"population":"detainees","region":"VE/Anzoa\u0301tegui","period":"2025-12-01/.."}`,
		`{"population":"detainees","region":"VE","period":"2026-01-26/2026-01-25"}`,
		`{"population":"detainees","region":"VE"}`, `{}`, `null`, `[]`, `{"POPULATION":"x","Region":"y","period":"../.."}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s release.Scope
		if err := s.UnmarshalJSON(b); err != nil {
			checkFieldError(t, err, "")
			if s != (release.Scope{}) {
				t.Fatalf("Unmarshal(%q) set %s on error", b, s)
			}
			return
		}
		if !s.IsValid() {
			t.Fatalf("Unmarshal(%q) accepted the invalid scope %s", b, s)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var s2 release.Scope
		if err := json.Unmarshal(out, &s2); err != nil || s2 != s {
			t.Fatalf("round trip of %q via %s: %s, %v", b, out, s2, err)
		}
	})
}

func FuzzDetaineeUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"id":"FP-2026-0001","name":"Óscar Núñez Ávila","national_id":"V-12.345.678","sex":"male","birth_year":1984,"category":"military","region":"VE/Zulia","facility":"Rodeo I","detained":"2024-08-03"}`,
		`{"id":"FP-1"}`, `{"id":""}`, `{"id":"FP-1","birth_year":2000,"detained":"1999-01-01"}`,
		`{"id":"FP-1","name":"\xff"}`, `{"id":"FP-1","sex":"F"}`, `{"id":"FP-1","detained":""}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d release.Detainee
		if err := d.UnmarshalJSON(b); err != nil {
			checkFieldError(t, err, "")
			if d != (release.Detainee{}) {
				t.Fatalf("Unmarshal(%q) set %+v on error", b, d)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("Unmarshal(%q) accepted an invalid detainee: %v", b, err)
		}
		out, err := json.Marshal(release.Disclosed{Detainee: d})
		if err != nil {
			t.Fatal(err)
		}
		var d2 release.Detainee
		if err := json.Unmarshal(out, &d2); err != nil || d2 != d {
			t.Fatalf("round trip of %q via %s: %v", b, out, err)
		}
	})
}

func FuzzEventUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"detainee":"FP-2026-0001","kind":"released","day":"2026-01-25","terms":"conditional","facility":"El Helicoide","region":"VE/Caracas"}`,
		`{"detainee":"FP-1","kind":"detained","day":"2026-01-25"}`, `{"detainee":"FP-1","kind":"detained","day":"2026-01-25","terms":"expelled"}`,
		`{"detainee":"FP-1","kind":"released"}`, `{}`, `null`, `{"detainee":"FP-1","kind":"released","day":"2026-01-25","region":""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var e release.Event
		if err := e.UnmarshalJSON(b); err != nil {
			checkFieldError(t, err, "")
			if e != (release.Event{}) {
				t.Fatalf("Unmarshal(%q) set %s on error", b, e)
			}
			return
		}
		if err := e.Validate(); err != nil {
			t.Fatalf("Unmarshal(%q) accepted an invalid event: %v", b, err)
		}
		out, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var e2 release.Event
		if err := json.Unmarshal(out, &e2); err != nil || e2 != e {
			t.Fatalf("round trip of %q via %s: %v", b, out, err)
		}
	})
}

// FuzzVocabularyUnmarshalText decodes any text as a Vocabulary: an error
// is made of *FieldErrors; a success encodes to text that decodes to an
// equal Vocabulary and encodes to the same bytes.
func FuzzVocabularyUnmarshalText(f *testing.F) {
	for _, s := range []string{"population detainees/political\nregion VE/Zulia\n", "# x\n\nregion ve\n", "",
		"population a//b", "region VE/\u202eZulia", "populace x", "population Detainees\npopulation detainees"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v release.Vocabulary
		if err := v.UnmarshalText([]byte(s)); err != nil {
			checkFieldError(t, err, "")
			return
		}
		b, err := v.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var w release.Vocabulary
		if err := w.UnmarshalText(b); err != nil || !w.Equal(v) {
			t.Fatalf("round trip of %q: %v", b, err)
		}
		if b2, _ := w.MarshalText(); string(b2) != string(b) {
			t.Fatalf("%q encodes as %q, then %q", s, b, b2)
		}
	})
}

// FuzzVocabularyUnmarshalJSON is FuzzVocabularyUnmarshalText for JSON.
func FuzzVocabularyUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`{"populations":["detainees/political"],"regions":["VE/Zulia"]}`, `{}`, `[]`,
		`{"populations":[""]}`, `{"regions":["ve","VE/zulia"]}`, `{"populations":null}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v release.Vocabulary
		if err := v.UnmarshalJSON([]byte(s)); err != nil {
			checkFieldError(t, err, "")
			return
		}
		b, err := v.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var w release.Vocabulary
		if err := json.Unmarshal(b, &w); err != nil || !w.Equal(v) {
			t.Fatalf("round trip of %s: %v", b, err)
		}
	})
}
