package release

import (
	"slices"

	"github.com/freedcount/freedcount/internal/hpath"
)

// Population is a group of people that a figure counts, as a hierarchical
// path: "detainees" contains "detainees/political", which contains
// "detainees/political/military". A government figure about "detainees"
// and an NGO figure about "political prisoners" are about different, nested
// populations.
//
// Sibling populations are not assumed disjoint: political prisoners are
// found both among those still in prison and among those released under
// court restrictions, and a person can be a journalist and a foreign
// national. Only a caller who knows that siblings exclude each other can say
// so, with a [Partition].
//
// Paths are canonical: texts that differ only in case, Unicode normal form
// or runs of white space are one population ("Detainees/Political" is
// "detainees/political"), spelled in lower case. See [ParsePopulation].
//
// Population is an immutable value, comparable and usable as a map key. The
// zero Population is not valid.
type Population struct{ p hpath.Path }

func mustPop(s string) Population {
	p, err := ParsePopulation(s)
	if err != nil {
		panic(err)
	}
	return p
}

// ParsePopulation parses a slash-separated path such as
// "detainees/political". Segments are non-empty, without leading or
// trailing white space; the whole is at most 256 bytes and 16 segments,
// without control characters, bidirectional controls or invisible
// characters (zero-width space, soft hyphen, byte order mark...), which the
// error names by code point ("contains U+200B ZERO WIDTH SPACE").
//
// The text is made canonical: normalised (NFD, Unicode full case folding,
// NFC), so "Detainees", "DETAINEES" and "detainees" are one population, and
// each run of white space inside a segment made one space. A population is
// spelled in lower case (the case-folded text), as words rather than names
// are; ß is spelled ss. ParsePopulation(p.String()) == p for every p.
func ParsePopulation(s string) (Population, error) {
	p, err := hpath.Parse(s, hpath.Lower)
	if err != nil {
		return Population{}, fieldErr("Population", s, "%v", err)
	}
	return Population{p}, nil
}

// MustPopulation is like [ParsePopulation] but panics on error. It is meant
// for tests and examples.
func MustPopulation(s string) Population { return mustPop(s) }

// IsValid reports whether p is not the zero Population.
func (p Population) IsValid() bool { return p.p.IsValid() }

// String returns the path.
func (p Population) String() string { return p.p.String() }

// Contains reports whether q is p or a sub-population of p. It is a partial
// order.
func (p Population) Contains(q Population) bool { return p.p.Contains(q.p) }

// Parent returns the population one level up, and false at a root.
func (p Population) Parent() (Population, bool) {
	q, ok := p.p.Parent()
	return Population{q}, ok
}

// Child returns the sub-population named seg.
func (p Population) Child(seg string) (Population, error) {
	q, err := p.p.Child(seg, hpath.Lower)
	if err != nil {
		return Population{}, fieldErr("Population", seg, "%v", err)
	}
	return Population{q}, nil
}

// Compare orders populations by path, ancestors first.
func (p Population) Compare(q Population) int { return p.p.Compare(q.p) }

// MarshalText writes the path.
func (p Population) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fieldErr("Population", "", "zero value")
	}
	return []byte(p.String()), nil
}

// UnmarshalText parses the path as [ParsePopulation] does.
func (p *Population) UnmarshalText(text []byte) error {
	v, err := ParsePopulation(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Partition declares that some sub-populations of a parent exclude each
// other: nobody belongs to two of them. Only with such a declaration do
// counts of sibling populations add up; without it, [Scope.Disjoint] assumes
// that siblings may share people.
//
// A Partition is immutable. Its zero value declares nothing.
type Partition struct {
	parent Population
	parts  []Population // sorted, distinct
}

// NewPartition declares parts, each strictly below parent and none containing
// another, as mutually exclusive sub-populations of parent. The parts need
// not cover the parent.
func NewPartition(parent Population, parts ...Population) (Partition, error) {
	if !parent.IsValid() {
		return Partition{}, fieldErr("Partition.Parent", "", "zero value")
	}
	if len(parts) < 2 {
		return Partition{}, fieldErr("Partition.Parts", parent.String(), "fewer than two parts")
	}
	ps := slices.Clone(parts)
	slices.SortFunc(ps, Population.Compare)
	for i, q := range ps {
		if !q.IsValid() || q == parent || !parent.Contains(q) {
			return Partition{}, fieldErr("Partition.Parts", q.String(), "not strictly below %s", parent)
		}
		// An ancestor sorts before its descendants, but not always right
		// before them ("a/b" < "a/b c" < "a/b/x"): check every earlier part.
		for _, p := range ps[:i] {
			if p.Contains(q) {
				return Partition{}, fieldErr("Partition.Parts", q.String(), "contained in part %s", p)
			}
		}
	}
	return Partition{parent: parent, parts: ps}, nil
}

// Parent returns the population that is partitioned.
func (pt Partition) Parent() Population { return pt.parent }

// Parts returns a copy of the declared parts, sorted.
func (pt Partition) Parts() []Population { return slices.Clone(pt.parts) }

// part returns the index of the part containing q, or -1.
func (pt Partition) part(q Population) int {
	for i, p := range pt.parts {
		if p.Contains(q) {
			return i
		}
	}
	return -1
}

// Separates reports whether the partition places p and q in different parts,
// so that no one belongs to both.
func (pt Partition) Separates(p, q Population) bool {
	i, j := pt.part(p), pt.part(q)
	return i >= 0 && j >= 0 && i != j
}

// Region is a place, as a hierarchical path of country code and
// subdivisions: "VE" contains "VE/Anzoátegui". Unlike populations, sibling
// regions are disjoint: nobody is released in two states at once.
//
// Paths are canonical: texts that differ only in case, Unicode normal form
// or runs of white space are one region ("ve/zulia" is "VE/Zulia"), spelled
// as an atlas prints it. See [ParseRegion].
//
// Region is an immutable value, comparable and usable as a map key. The
// zero Region is not valid.
type Region struct{ p hpath.Path }

// ParseRegion parses a slash-separated path such as "VE/Anzoátegui", with
// the same rules and the same folding as [ParsePopulation], so "ve/ZULIA"
// is "VE/Zulia". The canonical spelling prints codes in upper case and names
// in title case, and depends only on the folded text:
//
//   - a segment of two ASCII letters, of three at the root (ISO 3166-1
//     alpha-2 or alpha-3: "VE", "MMR", "US/NY"), or an ISO 3166-2 code
//     ("VE/VE-A") is upper case; three letters below the root are a name
//     ("PE/Ica", "CH/Zug");
//   - in a name, each word (after a space, hyphen or parenthesis) begins
//     with a capital, except linking words after the first ("de", "del",
//     "la", "do", "of", "and", "am", "d'"): "VE/Distrito Capital",
//     "CO/Norte de Santander", "BR/Rio Grande do Sul";
//   - after an apostrophe that follows a single letter the next letter is a
//     capital: "CL/O'Higgins", "CI/Côte d'Ivoire", but "NZ/Hawke's Bay".
//
// The spelling is for display; comparison ignores it. A caller who wants a
// particular spelling of a name can still not get two regions from it.
func ParseRegion(s string) (Region, error) {
	p, err := hpath.Parse(s, hpath.Place)
	if err != nil {
		return Region{}, fieldErr("Region", s, "%v", err)
	}
	return Region{p}, nil
}

// MustRegion is like [ParseRegion] but panics on error. It is meant for
// tests and examples.
func MustRegion(s string) Region {
	r, err := ParseRegion(s)
	if err != nil {
		panic(err)
	}
	return r
}

// IsValid reports whether r is not the zero Region.
func (r Region) IsValid() bool { return r.p.IsValid() }

// String returns the path.
func (r Region) String() string { return r.p.String() }

// Contains reports whether q is r or lies within r. It is a partial order.
func (r Region) Contains(q Region) bool { return r.p.Contains(q.p) }

// Disjoint reports whether r and q share no place: neither contains the
// other. Two valid regions are either nested or disjoint.
func (r Region) Disjoint(q Region) bool { return !r.Contains(q) && !q.Contains(r) }

// Parent returns the region one level up, and false at a root.
func (r Region) Parent() (Region, bool) {
	q, ok := r.p.Parent()
	return Region{q}, ok
}

// Child returns the subdivision named seg.
func (r Region) Child(seg string) (Region, error) {
	q, err := r.p.Child(seg, hpath.Place)
	if err != nil {
		return Region{}, fieldErr("Region", seg, "%v", err)
	}
	return Region{q}, nil
}

// Compare orders regions by path, enclosing regions first.
func (r Region) Compare(q Region) int { return r.p.Compare(q.p) }

// MarshalText writes the path.
func (r Region) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("Region", "", "zero value")
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses the path as [ParseRegion] does.
func (r *Region) UnmarshalText(text []byte) error {
	v, err := ParseRegion(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
