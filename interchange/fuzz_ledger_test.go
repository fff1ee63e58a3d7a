package interchange_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// ledgerRules are the sentinels a refused registration or event wraps.
var ledgerRules = []error{release.ErrInvalid, release.ErrDuplicate, release.ErrUnknownDetainee,
	release.ErrNotHeld, release.ErrAlreadyHeld, release.ErrOutOfOrder, release.ErrNoRegion}

// FuzzRegisterToLedger is the whole path of a register: a file of
// detainees and a file of events, in either format, read and put into a
// ledger, every registration and then every event in file order. Nothing
// panics; a refused registration or event wraps a sentinel of package
// release, names no one, and changes nothing (the ledger's count of
// people and of events moves by exactly one on success, zero on refusal);
// and at the end, on every day a spell opened or closed, the ledger's
// account of spells, summed over the root regions, is the plain count of
// accepted detentions (at registration or by event) and releases up to
// that day, and holds no more people than were registered.
func FuzzRegisterToLedger(f *testing.F) {
	for seed := range 4 {
		steps := releasetest.History().Example(seed)
		var ds []release.Detainee
		var es []release.Event
		for _, s := range steps {
			if s.Register != nil {
				ds = append(ds, *s.Register)
			} else {
				es = append(es, *s.Record)
			}
		}
		for _, format := range formats {
			var d, e bytes.Buffer
			if interchange.WriteDisclosed(&d, format, ds) == nil && interchange.WriteEvents(&e, format, es) == nil {
				f.Add(d.Bytes(), e.Bytes())
			}
		}
	}
	f.Add([]byte("id,name,national_id,category,region,detained\nFP-1,Ana Pérez,V-12.345.678,political prisoner,VE/Zulia,2025-08-01\nFP-2,Luis Mora,V-9.876.543,,VE,\n"),
		[]byte("detainee,kind,day,region\nFP-1,released,2026-01-25,\nFP-1,released,2026-01-26,\nFP-2,released,2026-01-25,\nFP-3,detained,2026-01-02,VE\nFP-2,detained,2026-01-02,\n"))
	f.Fuzz(func(t *testing.T, dIn, eIn []byte) {
		for _, format := range formats {
			ds, err := interchange.ReadDetainees(bytes.NewReader(dIn), format)
			if err != nil {
				checkRejected(t, err, dIn)
				continue
			}
			es, err := interchange.ReadEvents(bytes.NewReader(eIn), format)
			if err != nil {
				checkRejected(t, err, eIn)
				continue
			}
			var secrets []string
			for _, d := range ds {
				for _, s := range []string{d.Name.Reveal(), d.NationalID.Reveal()} {
					if len(s) >= 4 {
						secrets = append(secrets, s)
					}
				}
			}
			refused := func(what string, err error) {
				t.Helper()
				n := 0
				for _, r := range ledgerRules {
					if errors.Is(err, r) {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("%s: %v wraps %d rules of package release, want 1", what, err, n)
				}
				if form, found := releasetest.FindSecret(err.Error(), secrets...); found {
					t.Fatalf("%s: error repeats personal data %q", what, form)
				}
			}
			var l release.Ledger
			type spell struct {
				day    release.Date
				closes bool
			}
			var model []spell
			roots := make(map[release.Region]bool)
			root := func(r release.Region) {
				for {
					p, ok := r.Parent()
					if !ok {
						break
					}
					r = p
				}
				if r.IsValid() {
					roots[r] = true
				}
			}
			for _, d := range ds {
				before := l.Len()
				if err := l.Register(d); err != nil {
					refused("register "+d.ID.String(), err)
					if l.Len() != before {
						t.Fatalf("a refused registration changed the ledger")
					}
					continue
				}
				if l.Len() != before+1 {
					t.Fatalf("a registration added %d people", l.Len()-before)
				}
				root(d.Region)
				if d.Detained.IsValid() {
					model = append(model, spell{d.Detained, false})
				}
			}
			events := func() int {
				n := 0
				for range l.Events() {
					n++
				}
				return n
			}
			for _, e := range es {
				before := events()
				if err := l.Record(e); err != nil {
					refused("record "+e.String(), err)
					if events() != before {
						t.Fatalf("a refused event changed the ledger")
					}
					continue
				}
				if events() != before+1 {
					t.Fatalf("an event added %d events", events()-before)
				}
				root(e.Region)
				model = append(model, spell{e.Day, e.Kind == release.Released})
			}
			all := release.MustPopulation("detainees")
			for _, at := range model {
				var got release.Balance
				for r := range roots {
					b := l.Balance(at.day, all, r)
					got.Opened, got.Held, got.Closed = got.Opened+b.Opened, got.Held+b.Held, got.Closed+b.Closed
				}
				var want release.Balance
				for _, s := range model {
					switch {
					case s.day.After(at.day):
					case s.closes:
						want.Closed++
					default:
						want.Opened++
					}
				}
				want.Held = want.Opened - want.Closed
				if got != want || got.Held < 0 || got.Held > l.Len() {
					t.Fatalf("balance on %s: %+v, want %+v, with %d people", at.day, got, want, l.Len())
				}
			}
		}
	})
}
