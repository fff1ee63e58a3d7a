package interchange_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release/releasetest"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

// categories are the sentinels every LineError wraps exactly one of.
var categories = []error{interchange.ErrSyntax, interchange.ErrHeader, interchange.ErrInvalid, interchange.ErrUnencodable}

// checkRejected checks the error of a reader that refused its input: it
// joins only *LineErrors, each with a line number in range and exactly one
// category, and repeats no line longer than the input.
func checkRejected(t *testing.T, err error, input []byte) {
	t.Helper()
	var leaves []error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		leaves = append(leaves, e)
	}
	walk(err)
	lines := bytes.Count(input, []byte("\n")) + 1
	for _, e := range leaves {
		le, ok := e.(*interchange.LineError)
		if !ok {
			t.Fatalf("error %q (%T) is not a *LineError", e, e)
		}
		if le.Line < 0 || le.Line > lines {
			t.Fatalf("error %q names line %d of an input of %d lines", e, le.Line, lines)
		}
		n := 0
		for _, c := range categories {
			if errors.Is(le, c) {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("error %q wraps %d categories, want 1", e, n)
		}
		_ = le.Error()
	}
}

// fuzzReader fuzzes one reader in both formats: it never panics, refuses
// bad input with typed errors and no record, and what it accepts writes
// back to bytes that read as equal records and write again identically.
func fuzzReader[T any](f *testing.F, c codec[T], seeds *rapid.Generator[[]T], extra ...string) {
	for seed := range 4 {
		recs := seeds.Example(seed)
		for _, format := range formats {
			var b bytes.Buffer
			if c.write(&b, format, recs) == nil {
				f.Add(b.Bytes())
			}
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range formats {
			recs, err := c.read(bytes.NewReader(data), format)
			if err != nil {
				if recs != nil {
					t.Fatalf("%s: %d records returned with an error", format, len(recs))
				}
				checkRejected(t, err, data)
				continue
			}
			var first bytes.Buffer
			if err := c.write(&first, format, recs); err != nil {
				if format == interchange.CSV && errors.Is(err, interchange.ErrUnencodable) {
					continue // read from JSON-like text CSV cannot write back, such as a carriage return
				}
				t.Fatalf("%s: accepted records that do not write: %v", format, err)
			}
			back, err := c.read(bytes.NewReader(first.Bytes()), format)
			if err != nil || !slices.EqualFunc(recs, back, c.equal) {
				t.Fatalf("%s: %q read as %v, written as %q, read back as %v, %v", format, data, recs, first.String(), back, err)
			}
			var second bytes.Buffer
			if err := c.write(&second, format, back); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Fatalf("%s: second writing %q differs from the first %q (%v)", format, second.String(), first.String(), err)
			}
		}
	})
}

func FuzzReadSources(f *testing.F) {
	fuzzReader(f, sourceCodec, rapid.SliceOfN(sourcetest.Source(), 0, 4),
		"id;name;kind;group;method;confidence\r\nfp;Foro Penal;NGO;;Verifies identities;0.9\r\n",
		"\uFEFFid,name,kind,method,confidence,# note\nfp,Foro Penal,ngo,verifies_identities,0.9,seed\n",
		"id,name,kind,method\nfp,\"Foro \"\"Penal\"\"\",ngo,announces\n",
		`{"id":"fp","name":"Foro Penal","kind":"ngo","method":"announces","confidence":"1.5"}`,
		"id,name,kind,method,confidence,,\nfp,FP,ngo,announces,1,,x\n",
		"", "\n\n", "id,id\n", "{}", "null\n[]\n")
}

func FuzzReadClaims(f *testing.F) {
	// Seeds of a few hundred bytes: the fuzzer minimises what it finds
	// interesting, and a long quote makes that slow.
	short := rapid.Custom(func(t *rapid.T) []source.Claim {
		cs := rapid.SliceOfN(sourcetest.Claim(), 0, 3).Draw(t, "claims")
		for i := range cs {
			cs[i].Citation.Quote = ""
			if len(cs[i].Named) > 2 {
				cs[i].Named = cs[i].Named[:2]
			}
		}
		return cs
	})
	fuzzReader(f, claimCodec, short,
		"id,source,via,stated,measure,population,region,period,quantity,status,basis\n"+
			"fp-104,fp,afp; efe,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,at least 104,preliminary,named list\n"+
			"fp-half,fp,,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2025-12-01/..,,verified,named_list\n",
		"id,source,stated,measure,population,region,period,quantity,relative_to,ratio,relative_kind,status,basis\n"+
			"h,fp,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2025-12-01/..,,gov-626,0.5,about,verified,named_list\n",
		`{"id":"a","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"held","scope":{"population":"detainees","region":"VE","period":"2026-01-01/2026-01-01"},"quantity":"800","status":"final","basis":"announcement"}`,
		`{"id":"a","source":"s","stated":"2026-01-25T20:00:00","measure":"held","scope":{"population":"detainees","region":"VE","period":"2026-01"},"quantity":"más de 100","status":"finale","basis":"announcement","extra":1}`)
}

func FuzzReadVerifications(f *testing.F) {
	fuzzReader(f, verificationCodec, rapid.Custom(func(t *rapid.T) []reconcile.Verification {
		e := reconciletest.Evidence().Draw(t, "evidence")
		return slices.Collect(e.Verifications())
	}),
		"detainee,source,stated,population,region,period\nFP-1,fp,2026-01-25T20:00:00-04:00,detainees/political,VE/Zulia,2026-01-25\n",
		`{"detainee":"FP-1","scope":{"population":"detainees","region":"VE","period":"../.."},"source":"s","stated":"2026-01-06T10:00:00Z"}`)
}

func FuzzReadDetainees(f *testing.F) {
	fuzzReader(f, detaineeCodec, detainees(4),
		"id,name,national_id,sex,birth_year,category,region,facility,detained\nFP-1,Ana Pérez,V-12.345.678,female,1980,political prisoner,VE/Zulia,Rodeo I,2025-08-01\n",
		"id,name\nFP-1,\"Ana\nPérez\"\nFP-2,\n",
		`{"id":"FP-1","name":"Ana Pérez","national_id":"V-1","birth_year":1800}`)
}

func FuzzReadEvents(f *testing.F) {
	fuzzReader(f, eventCodec, rapid.SliceOfN(releasetest.Event(), 0, 4),
		"detainee,kind,day,terms,facility,region\nFP-1,released,2026-01-25,house arrest,El Helicoide,VE/Caracas\nFP-2,detained,2026-01-02,conditional,,\n",
		`{"detainee":"FP-1","kind":"released","day":"2026-01-25","terms":"conditional"}`)
}

func FuzzReadFigures(f *testing.F) {
	fuzzReader(f, figureCodec, rapid.Custom(func(t *rapid.T) []reconcile.Figure {
		figs, _ := reconciled(t)
		return figs
	}),
		"measure,population,region,period,verified,low,best,high,consensus_low,consensus_high,confidence,disputed,below_verified\n"+
			"releases,detainees,VE,2025-12-01/2026-01-25,3,626,626,626,626,,1,a>b;c,c\n",
		`{"measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"verified":0,"low":80,"best":80,"high":70,"consensus_low":80,"confidence":"1","floor":0,"cap":"[0, ∞)","unverified":"[80, ∞)"}`,
		`{"record":"header","as_of":null}`+"\n"+`{"record":"figure","measure":"releases","population":"detainees","region":"VE","period":"2026-01-25","verified":0,"low":80,"best":80,"high":80,"consensus_low":80,"consensus_high":null,"confidence":1,"cap":{"lo":0,"hi":null},"disputed":["a>b"]}`)
}

func FuzzReadDiscrepancies(f *testing.F) {
	fuzzReader(f, discrepancyCodec, rapid.Custom(func(t *rapid.T) []reconcile.Discrepancy {
		_, ds := reconciled(t)
		return ds
	}))
}

// FuzzReadEvidence reads three inputs as sources, claims and
// verifications: a rejection is typed, and accepted evidence writes back
// and reads as an equal set.
func FuzzReadEvidence(f *testing.F) {
	for seed := range 4 {
		e := reconciletest.Evidence().Example(seed)
		for _, format := range formats {
			var s, c, v bytes.Buffer
			if interchange.WriteEvidence(format, &s, &c, &v, e) == nil {
				f.Add(s.Bytes(), c.Bytes(), v.Bytes())
			}
		}
	}
	f.Add([]byte("id,name,kind,method,confidence\nfp,FP,ngo,announces,0.9\nfp,FP,ngo,announces,0.8\n"),
		[]byte("id,source,stated,measure,population,region,period,quantity,status,basis,supersedes\n"+
			"a,fp,2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,5,final,announcement,b\n"+
			"b,fp,2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,6,final,announcement,a\n"+
			"c,gov,2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,6,final,announcement,a\n"),
		[]byte(nil))
	f.Fuzz(func(t *testing.T, s, c, v []byte) {
		for _, format := range formats {
			var vr io.Reader
			if len(v) > 0 {
				vr = bytes.NewReader(v)
			}
			e, err := interchange.ReadEvidence(format, bytes.NewReader(s), bytes.NewReader(c), vr)
			if err != nil {
				if !e.Equal(reconcile.Evidence{}) {
					t.Fatalf("%s: evidence returned with an error", format)
				}
				checkRejected(t, err, slices.Concat(s, c, v))
				continue
			}
			var s2, c2, v2 bytes.Buffer
			if err := interchange.WriteEvidence(format, &s2, &c2, &v2, e); err != nil {
				if format == interchange.CSV && errors.Is(err, interchange.ErrUnencodable) {
					continue
				}
				t.Fatalf("%s: accepted evidence does not write: %v", format, err)
			}
			back, err := interchange.ReadEvidence(format, &s2, &c2, &v2)
			if err != nil || !back.Equal(e) {
				t.Fatalf("%s: evidence written as\n%s\n%s\n%s\nreads back differently: %v", format, s2.String(), c2.String(), v2.String(), err)
			}
		}
	})
}

// FuzzEvidenceToFigures is the whole path a newsroom's files take: CSV
// evidence read, indexed under every Best rule (and with registers closed,
// named lists not counted), every figure and discrepancy read, and the
// review made. Nothing panics, every figure keeps Verified ≤ Floor ≤ Low ≤
// Best ≤ High, and every figure and discrepancy writes.
func FuzzEvidenceToFigures(f *testing.F) {
	for seed := range 4 {
		e := reconciletest.Evidence().Example(seed)
		var s, c, v bytes.Buffer
		if interchange.WriteEvidence(interchange.CSV, &s, &c, &v, e) == nil {
			f.Add(s.Bytes(), c.Bytes(), v.Bytes())
		}
	}
	f.Add([]byte("id,name,kind,method,confidence\nfp,FP,ngo,verifies_identities,0.9\ngov,Gov,government,announces,0.7\n"),
		[]byte("id,source,stated,measure,population,region,period,quantity,status,basis,supersedes\n"+
			"a,fp,2026-01-25,releases,detainees/political,VE,2026-01-25,80,preliminary,named_list,\n"+
			"b,fp,2026-01-25,releases,detainees/political,VE,2026-01-25,at least 104,preliminary,named_list,a\n"+
			"c,gov,2026-01-26T10:00:00-04:00,releases,detainees,VE,2025-12-01/..,626,final,announcement,\n"+
			"d,fp,2026-01-26,held,detainees/political,VE,2026-01-26,some,final,announcement,\n"),
		[]byte("count,source,stated,population,region,period\n90,fp,2026-01-26,detainees/political,VE,2026-01-25\n"))
	f.Fuzz(func(t *testing.T, s, c, v []byte) {
		var vr io.Reader
		if len(v) > 0 {
			vr = bytes.NewReader(v)
		}
		e, err := interchange.ReadEvidence(interchange.CSV, bytes.NewReader(s), bytes.NewReader(c), vr)
		if err != nil {
			return
		}
		var ids []source.SourceID
		for src := range e.Sources() {
			ids = append(ids, src.ID)
		}
		for _, rule := range []reconcile.BestRule{reconcile.WeightedMedian, reconcile.Conservative, reconcile.Range, reconcile.Majority, reconcile.Hierarchy} {
			p := reconcile.DefaultPolicy()
			p.Best, p.Hierarchy = rule, ids
			if rule == reconcile.Majority {
				p.ClosedRegisters, p.CountNamedLists = ids, false
			}
			if len(ids) == 0 && rule == reconcile.Hierarchy {
				continue
			}
			ix, err := reconcile.NewIndex(e, p)
			if err != nil {
				t.Fatalf("%v: NewIndex: %v", rule, err)
			}
			figs := ix.Figures()
			for _, fg := range figs {
				if fg.Verified > fg.Floor || fg.Floor > fg.Low || fg.Low > fg.Best || fg.Best > fg.High {
					t.Fatalf("%v: figure out of order: %s", rule, fg)
				}
				if _, err := ix.Discrepancies(fg.Measure, fg.Scope); err != nil {
					t.Fatalf("%v: Discrepancies: %v", rule, err)
				}
			}
			if err := interchange.WriteFigures(io.Discard, interchange.CSV, figs); err != nil && !errors.Is(err, interchange.ErrUnencodable) {
				t.Fatalf("%v: figures do not write: %v", rule, err)
			}
			rv := ix.Review()
			if err := interchange.WriteDiscrepancies(io.Discard, interchange.JSONL, rv.Material); err != nil {
				t.Fatalf("%v: discrepancies do not write: %v", rule, err)
			}
			_ = ix.NetChanges()
		}
	})
}
