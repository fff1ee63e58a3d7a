package hpath_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/casetest"
	"github.com/freedcount/freedcount/internal/hpath"
	"github.com/freedcount/freedcount/internal/ident"
)

// FuzzParse checks any text in both styles: a parsed path parses to itself,
// holds no refused character, is no longer than MaxLen, folds as its input
// does, and the input in upper or lower case ([casetest.Variants]) parses
// to the same path.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"VE", "ve/zulia", "VE/Anzoa\u0301tegui", "detainees/political", "co/norte de santander",
		"CI/côte d'ivoire", "gr/ΣΊΣΥΦΟΣ", "tr/İstanbul", "de/GIEẞEN", "x/ǅemal", "ve/ꭰ", "a\u0345", "ﬀ/ﬃ", "/", "a  b",
		"VE/Zu\u200blia", "\u0345\u0301", "A\u0345\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range []hpath.Style{hpath.Lower, hpath.Place} {
			p, err := hpath.Parse(s, st)
			if err != nil {
				continue
			}
			q, err := hpath.Parse(p.String(), st)
			if err != nil || q != p {
				t.Fatalf("Parse(%q) = %q; Parse of that = %q, %v", s, p, q, err)
			}
			if err := ident.CheckRunes(p.String()); err != nil || len(p.String()) > hpath.MaxLen {
				t.Fatalf("Parse(%q) = %q: %v", s, p, err)
			}
			if st == hpath.Lower && p.String() != hpath.Fold(p.String()) {
				t.Fatalf("Parse(%q, Lower) = %q, not folded", s, p)
			}
			for _, v := range casetest.Variants(s) {
				if pv, err := hpath.Parse(v, st); err != nil || pv != p {
					t.Fatalf("Parse(%q) = %q, %v; Parse(%q) = %q", v, pv, err, s, p)
				}
			}
		}
	})
}
