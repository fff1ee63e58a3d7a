// Package hpath implements the hierarchical paths behind release.Population
// and release.Region: slash-separated segments where an ancestor contains
// its descendants ("VE" contains "VE/Anzoátegui").
package hpath

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on a path's text.
const (
	MaxLen      = 256 // bytes, after normalisation
	MaxSegments = 16
)

// Reasons a path is rejected.
var (
	ErrEmpty    = errors.New("empty")
	ErrTooLong  = errors.New("longer than 256 bytes")
	ErrTooDeep  = errors.New("more than 16 segments")
	ErrEncoding = errors.New("not valid UTF-8")
	ErrSegment  = errors.New("empty segment (leading, trailing or doubled '/')")
	ErrSpace    = errors.New("segment with leading or trailing white space")
	ErrControl  = errors.New("contains a control character")
	ErrNotChild = errors.New("not a single segment")
)

// Path is a validated, NFC-normalised path. The zero value is the empty
// path, which is not valid. Paths are comparable; two paths that differ
// only in Unicode normal form ("Anzoátegui" composed or decomposed) are
// equal after [Parse].
type Path struct{ s string }

// Parse validates s and returns it as a Path in Unicode normal form C.
func Parse(s string) (Path, error) {
	if !utf8.ValidString(s) {
		return Path{}, ErrEncoding
	}
	s = norm.NFC.String(s)
	switch {
	case s == "":
		return Path{}, ErrEmpty
	case len(s) > MaxLen:
		return Path{}, ErrTooLong
	}
	n := 0
	for seg := range strings.SplitSeq(s, "/") {
		n++
		if err := checkSegment(seg); err != nil {
			return Path{}, err
		}
	}
	if n > MaxSegments {
		return Path{}, ErrTooDeep
	}
	return Path{s}, nil
}

func checkSegment(seg string) error {
	if seg == "" {
		return ErrSegment
	}
	first, _ := utf8.DecodeRuneInString(seg)
	last, _ := utf8.DecodeLastRuneInString(seg)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return ErrSpace
	}
	for _, r := range seg {
		if unicode.IsControl(r) {
			return ErrControl
		}
	}
	return nil
}

// IsValid reports whether p is not the zero Path.
func (p Path) IsValid() bool { return p.s != "" }

// String returns the path's text.
func (p Path) String() string { return p.s }

// Contains reports whether q is p or lies below p. The zero path contains
// nothing and is contained in nothing.
func (p Path) Contains(q Path) bool {
	if p.s == "" || q.s == "" {
		return false
	}
	return q.s == p.s || (len(q.s) > len(p.s) && q.s[len(p.s)] == '/' && q.s[:len(p.s)] == p.s)
}

// Parent returns the path one segment up, and false for a root segment.
func (p Path) Parent() (Path, bool) {
	i := strings.LastIndexByte(p.s, '/')
	if i < 0 {
		return Path{}, false
	}
	return Path{p.s[:i]}, true
}

// Depth returns the number of segments: 1 for a root, 0 for the zero path.
func (p Path) Depth() int {
	if p.s == "" {
		return 0
	}
	return strings.Count(p.s, "/") + 1
}

// Child returns p extended by one segment.
func (p Path) Child(seg string) (Path, error) {
	if !utf8.ValidString(seg) {
		return Path{}, ErrEncoding
	}
	if strings.Contains(seg, "/") {
		return Path{}, ErrNotChild
	}
	if p.s == "" {
		return Parse(seg)
	}
	return Parse(p.s + "/" + seg)
}

// Compare orders paths by their text, so that an ancestor sorts before its
// descendants.
func (p Path) Compare(q Path) int { return strings.Compare(p.s, q.s) }
