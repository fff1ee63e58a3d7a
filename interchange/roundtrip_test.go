package interchange_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/reconciletest"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

var formats = []interchange.Format{interchange.CSV, interchange.JSONL}

// codec is one record type's pair of functions, and what the tests need
// to know of its values.
type codec[T any] struct {
	write func(io.Writer, interchange.Format, []T) error
	read  func(io.Reader, interchange.Format) ([]T, error)
	equal func(a, b T) bool
	// csvHard reports a value that CSV cannot carry: a carriage return in
	// a cell, or a list item holding the separator.
	csvHard func(T) bool
}

var (
	sourceCodec = codec[source.Source]{interchange.WriteSources, interchange.ReadSources, source.Source.Equal,
		func(s source.Source) bool { return strings.Contains(s.Name, "\r") }}
	claimCodec        = codec[source.Claim]{interchange.WriteClaims, interchange.ReadClaims, source.Claim.Equal, claimCSVHard}
	verificationCodec = codec[reconcile.Verification]{interchange.WriteVerifications, interchange.ReadVerifications,
		reconcile.Verification.Equal, func(reconcile.Verification) bool { return false }}
	detaineeCodec = codec[release.Detainee]{interchange.WriteDisclosed, interchange.ReadDetainees,
		func(a, b release.Detainee) bool { return a == b },
		func(d release.Detainee) bool {
			return strings.ContainsRune(d.Name.Reveal()+d.NationalID.Reveal()+d.Facility, '\r')
		}}
	eventCodec = codec[release.Event]{interchange.WriteEvents, interchange.ReadEvents,
		func(a, b release.Event) bool { return a == b },
		func(e release.Event) bool { return strings.ContainsRune(e.Facility, '\r') }}
	figureCodec      = codec[reconcile.Figure]{interchange.WriteFigures, interchange.ReadFigures, reconcile.Figure.Equal, figureCSVHard}
	discrepancyCodec = codec[reconcile.Discrepancy]{interchange.WriteDiscrepancies, interchange.ReadDiscrepancies,
		reconcile.Discrepancy.Equal, func(reconcile.Discrepancy) bool { return false }}
)

func claimCSVHard(c source.Claim) bool {
	for _, v := range c.Via {
		if strings.Contains(v.String(), ";") {
			return true
		}
	}
	for _, d := range c.Named {
		if strings.Contains(d.String(), ";") {
			return true
		}
	}
	return strings.ContainsRune(c.Citation.Quote+c.Citation.URL, '\r')
}

func figureCSVHard(f reconcile.Figure) bool {
	for _, list := range [][]source.ClaimID{f.Claims, f.Support, f.LowFrom, f.BestFrom, f.HighFrom, f.FloorFrom,
		f.CapFrom, f.Superseded, f.Relayed, f.Retracted, f.Unresolved, f.Ignored} {
		for _, id := range list {
			if strings.Contains(id.String(), ";") {
				return true
			}
		}
	}
	for _, d := range f.Disputed {
		if strings.ContainsAny(d.Claim.String()+d.Contradicts.String(), ";>") {
			return true
		}
	}
	return false
}

// checkRoundTrip checks that recs, written in f, read back as equal
// records, and that writing those gives the same bytes: or, for values
// CSV cannot carry, that the writer refuses them whole.
func checkRoundTrip[T any](t *rapid.T, c codec[T], f interchange.Format, recs []T) {
	var first bytes.Buffer
	err := c.write(&first, f, recs)
	hard := f == interchange.CSV && slices.ContainsFunc(recs, c.csvHard)
	switch {
	case hard && err == nil:
		t.Fatalf("%s: the writer accepted a value CSV cannot carry:\n%s", f, first.String())
	case hard:
		if !errors.Is(err, interchange.ErrUnencodable) || first.Len() > 0 {
			t.Fatalf("%s: refusing a value CSV cannot carry, the writer wrote %d bytes and returned %v", f, first.Len(), err)
		}
		return
	case err != nil:
		t.Fatalf("%s: writing valid records: %v", f, err)
	}
	back, err := c.read(bytes.NewReader(first.Bytes()), f)
	if err != nil {
		t.Fatalf("%s: reading what was written:\n%s\n%v", f, first.String(), err)
	}
	if !slices.EqualFunc(recs, back, c.equal) {
		t.Fatalf("%s: wrote\n%s\nand read back different records:\n%v\nwant\n%v", f, first.String(), back, recs)
	}
	var second bytes.Buffer
	if err := c.write(&second, f, back); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatalf("%s: writing again gave\n%s\n%v\nnot\n%s", f, second.String(), err, first.String())
	}
}

func roundTrips[T any](t *testing.T, c codec[T], gen *rapid.Generator[[]T]) {
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) { checkRoundTrip(t, c, f, gen.Draw(t, "records")) })
		})
	}
}

func TestWriteThenReadGivesBackTheSameSources(t *testing.T) {
	roundTrips(t, sourceCodec, rapid.SliceOfN(sourcetest.Source(), 0, 6))
}

func TestWriteThenReadGivesBackTheSameClaims(t *testing.T) {
	roundTrips(t, claimCodec, rapid.SliceOfN(sourcetest.Claim(), 0, 6))
}

// detainees draws up to n detainees with distinct IDs: a register.
func detainees(n int) *rapid.Generator[[]release.Detainee] {
	return rapid.SliceOfNDistinct(releasetest.Detainee(), 0, n, func(d release.Detainee) release.DetaineeID { return d.ID })
}

func TestWriteThenReadGivesBackTheSameDetainees(t *testing.T) {
	roundTrips(t, detaineeCodec, detainees(6))
}

func TestWriteThenReadGivesBackTheSameEvents(t *testing.T) {
	roundTrips(t, eventCodec, rapid.SliceOfN(releasetest.Event(), 0, 6))
}

func TestWriteThenReadGivesBackTheSameVerifications(t *testing.T) {
	roundTrips(t, verificationCodec, rapid.Custom(func(t *rapid.T) []reconcile.Verification {
		e := reconciletest.Evidence().Draw(t, "evidence")
		if e.NumSources() == 0 {
			return nil
		}
		return rapid.SliceOfN(reconciletest.VerificationOf(e), 0, 6).Draw(t, "verifications")
	}))
}

// reconciled draws evidence and a policy and reads them: the figures of
// every scope claimed about and of one more scope, and their
// discrepancies.
func reconciled(t *rapid.T) ([]reconcile.Figure, []reconcile.Discrepancy) {
	e := reconciletest.Evidence().Draw(t, "evidence")
	ix, err := reconcile.NewIndex(e, reconciletest.Policy().Draw(t, "policy"))
	if err != nil {
		t.Fatal(err)
	}
	figs := ix.Figures()
	m := rapid.SampledFrom([]source.Measure{source.Releases, source.Held, source.Detentions}).Draw(t, "measure")
	if f, err := ix.Figure(m, reconciletest.Scope().Draw(t, "scope")); err == nil {
		figs = append(figs, f)
	}
	var ds []reconcile.Discrepancy
	for _, f := range figs {
		d, err := ix.Discrepancies(f.Measure, f.Scope)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d...)
	}
	return figs, ds
}

func TestWriteThenReadGivesBackTheSameFigures(t *testing.T) {
	roundTrips(t, figureCodec, rapid.Custom(func(t *rapid.T) []reconcile.Figure {
		figs, _ := reconciled(t)
		return figs
	}))
}

func TestWriteThenReadGivesBackTheSameDiscrepancies(t *testing.T) {
	roundTrips(t, discrepancyCodec, rapid.Custom(func(t *rapid.T) []reconcile.Discrepancy {
		_, ds := reconciled(t)
		return ds
	}))
}

func TestWriteThenReadGivesBackTheSameEvidence(t *testing.T) {
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				e := reconciletest.Evidence().Draw(t, "evidence")
				var s, c, v bytes.Buffer
				if err := interchange.WriteEvidence(f, &s, &c, &v, e); err != nil {
					t.Fatalf("writing: %v", err)
				}
				back, err := interchange.ReadEvidence(f, &s, &c, &v)
				if err != nil {
					t.Fatalf("reading:\n%s\n%s\n%s\n%v", s.String(), c.String(), v.String(), err)
				}
				if !back.Equal(e) {
					t.Fatalf("read back different evidence")
				}
			})
		})
	}
}

// TestReadingIsAllOrNothing checks that a file of good records and one bad
// line gives no records at all, and an error naming that line and column.
func TestReadingIsAllOrNothing(t *testing.T) {
	for _, f := range formats {
		t.Run(f.String(), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				recs := rapid.SliceOfN(sourcetest.Source(), 0, 6).Filter(func(ss []source.Source) bool {
					return !slices.ContainsFunc(ss, sourceCodec.csvHard)
				}).Draw(t, "sources")
				var b bytes.Buffer
				if err := interchange.WriteSources(&b, f, recs); err != nil {
					t.Fatal(err)
				}
				bad := "x,X,ngoo,,announces,0.5\n"
				if f == interchange.JSONL {
					bad = `{"id":"x","name":"X","kind":"ngoo","method":"announces","confidence":"0.5"}` + "\n"
				}
				input := b.String() + bad
				got, err := interchange.ReadSources(strings.NewReader(input), f)
				if err == nil || got != nil {
					t.Fatalf("read %d sources and error %v from a file with a bad line", len(got), err)
				}
				le, ok := errors.AsType[*interchange.LineError](err)
				if !ok || le.Column != "kind" || le.Line != strings.Count(b.String(), "\n")+1 || !errors.Is(err, interchange.ErrInvalid) || !errors.Is(err, source.ErrInvalid) {
					t.Fatalf("error %v does not name the column kind", err)
				}
			})
		})
	}
}
