package source

import (
	"strings"

	"github.com/freedcount/freedcount/internal/ident"
)

// SourceID identifies a [Source]: a short key chosen by the caller
// ("foro-penal", "ve-gov"). Identifiers are non-empty valid UTF-8 of at most
// 128 bytes, without control characters or leading or trailing white
// space, compared byte for byte.
//
// SourceID is an immutable value, comparable and usable as a map key. The
// zero SourceID is not valid.
type SourceID struct{ s string }

// ParseSourceID returns s as a SourceID.
func ParseSourceID(s string) (SourceID, error) {
	if err := ident.Check(s); err != nil {
		return SourceID{}, fieldErr("SourceID", s, "%v", err)
	}
	return SourceID{s}, nil
}

// MustSourceID is like [ParseSourceID] but panics on error. It is meant for
// tests and examples.
func MustSourceID(s string) SourceID { return must(ParseSourceID(s)) }

// IsValid reports whether id is not the zero SourceID.
func (id SourceID) IsValid() bool { return id.s != "" }

// String returns the ID's text.
func (id SourceID) String() string { return id.s }

// Compare orders IDs byte-wise.
func (id SourceID) Compare(o SourceID) int { return strings.Compare(id.s, o.s) }

// MarshalText writes the ID's text; the zero ID is an error.
func (id SourceID) MarshalText() ([]byte, error) { return marshalID("SourceID", id.s) }

// UnmarshalText parses the ID as [ParseSourceID] does.
func (id *SourceID) UnmarshalText(text []byte) error { return unmarshal(text, id, ParseSourceID) }

// ClaimID identifies a [Claim], with the same rules as [SourceID]. The zero
// ClaimID is not valid; in [Claim.Supersedes] it means "none".
type ClaimID struct{ s string }

// ParseClaimID returns s as a ClaimID.
func ParseClaimID(s string) (ClaimID, error) {
	if err := ident.Check(s); err != nil {
		return ClaimID{}, fieldErr("ClaimID", s, "%v", err)
	}
	return ClaimID{s}, nil
}

// MustClaimID is like [ParseClaimID] but panics on error. It is meant for
// tests and examples.
func MustClaimID(s string) ClaimID { return must(ParseClaimID(s)) }

// IsValid reports whether id is not the zero ClaimID.
func (id ClaimID) IsValid() bool { return id.s != "" }

// String returns the ID's text.
func (id ClaimID) String() string { return id.s }

// Compare orders IDs byte-wise.
func (id ClaimID) Compare(o ClaimID) int { return strings.Compare(id.s, o.s) }

// MarshalText writes the ID's text; the zero ID is an error.
func (id ClaimID) MarshalText() ([]byte, error) { return marshalID("ClaimID", id.s) }

// UnmarshalText parses the ID as [ParseClaimID] does.
func (id *ClaimID) UnmarshalText(text []byte) error { return unmarshal(text, id, ParseClaimID) }

// Group names an independence group: sources whose statements are not
// independent of each other, such as two ministries of one government. Two
// sources of one group corroborate nothing by agreeing. It has the same
// rules as [SourceID]; the zero Group means "the source is a group of its
// own" ([Source.IndependenceGroup]).
type Group struct{ s string }

// ParseGroup returns s as a Group.
func ParseGroup(s string) (Group, error) {
	if err := ident.Check(s); err != nil {
		return Group{}, fieldErr("Group", s, "%v", err)
	}
	return Group{s}, nil
}

// MustGroup is like [ParseGroup] but panics on error. It is meant for tests
// and examples.
func MustGroup(s string) Group { return must(ParseGroup(s)) }

// IsValid reports whether g is not the zero Group.
func (g Group) IsValid() bool { return g.s != "" }

// String returns the group's text.
func (g Group) String() string { return g.s }

// Compare orders groups byte-wise.
func (g Group) Compare(o Group) int { return strings.Compare(g.s, o.s) }

// MarshalText writes the group's text; the zero Group is an error.
func (g Group) MarshalText() ([]byte, error) { return marshalID("Group", g.s) }

// UnmarshalText parses the group as [ParseGroup] does.
func (g *Group) UnmarshalText(text []byte) error { return unmarshal(text, g, ParseGroup) }

func marshalID(typ, s string) ([]byte, error) {
	if s == "" {
		return nil, fieldErr(typ, "", "zero value")
	}
	return []byte(s), nil
}

func unmarshal[T any](text []byte, dst *T, parse func(string) (T, error)) error {
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
