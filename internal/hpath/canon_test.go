package hpath_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/hpath"
	"github.com/freedcount/freedcount/internal/ident"
)

func TestCanonicalSpellings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		st   hpath.Style
		want string
	}{
		{"detainees/political", hpath.Lower, "detainees/political"},
		{"Detainees/Political", hpath.Lower, "detainees/political"},
		{"DETAINEES", hpath.Lower, "detainees"},
		{"Presos/Poli\u0301ticos", hpath.Lower, "presos/políticos"},
		{"PRESOS/POLÍTICOS", hpath.Lower, "presos/políticos"},
		{"detainees/under  restrictions", hpath.Lower, "detainees/under restrictions"},
		{"detainees/under\u00a0restrictions", hpath.Lower, "detainees/under restrictions"},
		{"Straße", hpath.Lower, "strasse"},
		{"VE", hpath.Place, "VE"},
		{"ve", hpath.Place, "VE"},
		{"mmr", hpath.Place, "MMR"},
		{"VE/Zulia", hpath.Place, "VE/Zulia"},
		{"ve/zulia", hpath.Place, "VE/Zulia"},
		{"VE/ZULIA", hpath.Place, "VE/Zulia"},
		{"VE/Anzoátegui", hpath.Place, "VE/Anzoátegui"},
		{"ve/ANZOÁTEGUI", hpath.Place, "VE/Anzoátegui"},
		{"ve/anzoa\u0301tegui", hpath.Place, "VE/Anzoátegui"},
		{"VE/distrito capital", hpath.Place, "VE/Distrito Capital"},
		{"VE/Distrito   Capital", hpath.Place, "VE/Distrito Capital"},
		{"co/norte de santander", hpath.Place, "CO/Norte de Santander"},
		{"CO/NORTE DE SANTANDER", hpath.Place, "CO/Norte de Santander"},
		{"br/rio grande do sul", hpath.Place, "BR/Rio Grande do Sul"},
		{"CI/côte d'ivoire", hpath.Place, "CI/Côte d'Ivoire"},
		{"cl/o'higgins", hpath.Place, "CL/O'Higgins"},
		{"nz/hawke's bay", hpath.Place, "NZ/Hawke's Bay"},
		{"it/l'aquila", hpath.Place, "IT/L'Aquila"},
		{"pm/saint-pierre-et-miquelon", hpath.Place, "PM/Saint-Pierre-et-Miquelon"},
		{"de/baden-württemberg", hpath.Place, "DE/Baden-Württemberg"},
		{"DE/FRANKFURT AM MAIN", hpath.Place, "DE/Frankfurt am Main"},
		{"de/gießen", hpath.Place, "DE/Giessen"},
		{"us/ny", hpath.Place, "US/NY"},
		{"ve/ve-a", hpath.Place, "VE/VE-A"},
		{"gb/GB-ENG", hpath.Place, "GB/GB-ENG"},
		{"pe/ica", hpath.Place, "PE/Ica"},
		{"ch/ZUG", hpath.Place, "CH/Zug"},
		{"la guaira", hpath.Place, "La Guaira"},
		{"world/abu dhabi", hpath.Place, "World/Abu Dhabi"},
		{"tr/diyarbakır", hpath.Place, "TR/Diyarbakır"},
		{"gr/αττική", hpath.Place, "GR/Αττική"},
		{"ru/МОСКВА", hpath.Place, "RU/Москва"},
		{"ve/comuna 13", hpath.Place, "VE/Comuna 13"},
		{"mm/rakhine (arakan)", hpath.Place, "MM/Rakhine (Arakan)"},
		{"nl/'s-hertogenbosch", hpath.Place, "NL/'s-Hertogenbosch"},
	} {
		p, err := hpath.Parse(tc.in, tc.st)
		if err != nil || p.String() != tc.want {
			t.Errorf("Parse(%q, %v) = %q, %v; want %q", tc.in, tc.st, p, err, tc.want)
			continue
		}
		if q, err := hpath.Parse(p.String(), tc.st); err != nil || q != p {
			t.Errorf("Parse(%q) = %q, %v; not idempotent", p, q, err)
		}
	}
}

// caseVariants returns s with every letter in upper, lower and title case,
// each one's simple case folding orbit, and s decomposed (NFD). Case is
// mapped on s as written, which is right only while s holds at most one
// combining mark in a row: upper-casing U+0345 after another mark makes a
// text not canonically equivalent to s's upper case (see casetest.Variants).
func caseVariants(s string) []string {
	vs := []string{strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), norm.NFD.String(s)}
	for _, r := range s {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			vs = append(vs, strings.ReplaceAll(s, string(r), string(f)))
		}
	}
	// strings.ToUpper maps ı to I and ſ to S, which are other letters
	// under Unicode's (non-Turkic) folding; keep only true case variants.
	out := vs[:0]
	for _, v := range vs {
		if strings.EqualFold(v, s) || norm.NFC.String(v) == norm.NFC.String(s) {
			out = append(out, v)
		}
	}
	return out
}

// TestEveryCharacterSpellsCanonically checks code points that a path may
// contain, at a word start and inside a word, in both styles: the canonical
// spelling parses to itself (idempotence), every case variant parses to the
// same path, the Lower spelling is the folded text (so the fast path for
// Latin and Cyrillic letters agrees with the folder), and the spelling
// contains no refused character. It checks every character that has case,
// a decomposition or a special folding, which are the ones that can break
// (of the 11,172 Hangul syllables, which decompose alike, one in 97), and
// in full mode one in 499 of the others too.
func TestEveryCharacterSpellsCanonically(t *testing.T) {
	checked := 0
	var buf [utf8.UTFMax]byte
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || ident.Forbidden(r) != nil || unicode.IsSpace(r) || r == '/' {
			continue
		}
		if testing.Short() && (r >= 0x20000 || (r >= 0x3400 && r < 0xa000) || (r >= 0xac00 && r < 0xf900)) {
			// No character with case or a folding lies in the CJK
			// ideographs, Hangul syllables, private use or planes 2 to 16.
			continue
		}
		// Has case, or a (compatibility) decomposition, which covers every
		// character that folding changes; Hangul syllables decompose by
		// algorithm, not by table.
		n := utf8.EncodeRune(buf[:], r)
		interesting := unicode.SimpleFold(r) != r || norm.NFKD.Properties(buf[:n]).Decomposition() != nil ||
			(r >= 0xac00 && r <= 0xd7a3)
		if !interesting && testing.Short() {
			continue
		}
		if !interesting && r%499 != 0 {
			continue
		}
		if interesting && r >= 0xac00 && r <= 0xd7a3 && r%97 != 0 {
			continue // Hangul syllables decompose alike; a sample is enough
		}
		checked++
		texts := []string{"ve/" + string(r) + "ab", "ve/a" + string(r) + "b c", string(r) + "x"}
		if testing.Short() {
			texts = texts[:1]
		}
		for _, text := range texts {
			for _, st := range []hpath.Style{hpath.Lower, hpath.Place} {
				p, err := hpath.Parse(text, st)
				if err != nil {
					if errors.Is(err, hpath.ErrSpace) || errors.Is(err, hpath.ErrSegment) {
						continue // a character that folds to or composes into a space or '/'
					}
					t.Fatalf("Parse(%q) (%U): %v", text, r, err)
				}
				q, err := hpath.Parse(p.String(), st)
				if err != nil || q != p {
					t.Fatalf("%U: Parse(%q) = %q, then %q, %v", r, text, p, q, err)
				}
				if st == hpath.Lower && p.String() != hpath.Fold(text) {
					t.Fatalf("%U: Parse(%q, Lower) = %q, folded %q", r, text, p, hpath.Fold(text))
				}
				if err := ident.CheckRunes(p.String()); err != nil {
					t.Fatalf("%U: %q spells as %q: %v", r, text, p, err)
				}
				for _, v := range caseVariants(text) {
					pv, err := hpath.Parse(v, st)
					if err != nil || pv != p {
						t.Fatalf("%U: Parse(%q) = %q, %v; Parse(%q) = %q", r, v, pv, err, text, p)
					}
				}
			}
		}
	}
	if checked < 2000 {
		t.Errorf("only %d characters checked", checked)
	}
}

func TestErrorsNameTheInvisibleCharacter(t *testing.T) {
	_, err := hpath.Parse("detainees/pol\u200bitical", hpath.Lower)
	ce, ok := errors.AsType[*ident.CharError](err)
	if !ok || ce.Rune != 0x200b || err.Error() != "contains U+200B ZERO WIDTH SPACE" {
		t.Fatalf("err = %v", err)
	}
	_, err = hpath.Parse("VE\x1b[31m", hpath.Place)
	if err == nil || err.Error() != "contains U+001B ESCAPE" || strings.ContainsRune(err.Error(), 0x1b) {
		t.Fatalf("err = %q", err)
	}
}

func TestParseDoesNotAllocateForCanonicalASCII(t *testing.T) {
	for _, tc := range []struct {
		s  string
		st hpath.Style
	}{{"detainees/political", hpath.Lower}, {"VE/Distrito Capital", hpath.Place}, {"CO/Norte de Santander", hpath.Place}} {
		if n := testing.AllocsPerRun(100, func() { _, _ = hpath.Parse(tc.s, tc.st) }); n != 0 {
			t.Errorf("Parse(%q): %v allocations", tc.s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = hpath.Parse("VE/ZULIA", hpath.Place) }); n != 1 {
		t.Errorf("Parse(VE/ZULIA): %v allocations, want 1 (the new spelling)", n)
	}
}
