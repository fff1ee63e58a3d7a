package hpath_test

import (
	"strings"
	"testing"

	"github.com/freedcount/freedcount/internal/hpath"
	"github.com/freedcount/freedcount/internal/ident"
	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks any text in both styles: a parsed path parses to itself,
// holds no refused character, is no longer than MaxLen, folds as its input
// does, and the input's canonical decomposition in upper or lower case
// parses to the same path.
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
			// Case is mapped on the canonical decomposition, as Unicode's
			// canonical caseless match does (The Unicode Standard, 3.13,
			// D145): strings.ToUpper maps U+0345 (a combining mark that
			// follows U+0301 in canonical order) to U+0399 (a letter, which
			// does not), so on text out of canonical order it would make a
			// string that is not canonically equivalent to s's upper case.
			d := norm.NFD.String(s)
			// Each variant with the text it must fold equal to.
			vs := [][2]string{{strings.ToUpper(d), d}, {strings.ToLower(d), d}, {strings.ToLower(s), s}}
			if !strings.ContainsRune(d, '\u0345') {
				vs = append(vs, [2]string{strings.ToUpper(s), s}) // precomposed letters too
			}
			for _, vb := range vs {
				v := vb[0]
				if !strings.EqualFold(v, vb[1]) {
					continue
				}
				if pv, err := hpath.Parse(v, st); err != nil || pv != p {
					t.Fatalf("Parse(%q) = %q, %v; Parse(%q) = %q", v, pv, err, s, p)
				}
			}
		}
	})
}
