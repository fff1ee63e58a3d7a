package source

import (
	"github.com/freedcount/freedcount/internal/enum"
)

// Kind is what sort of body a source is. The zero value is "unset", which
// [Source.Validate] rejects.
type Kind uint8

// Values of [Kind].
const (
	// NGO is a non-governmental organisation (Foro Penal, Viasna, AAPP).
	NGO Kind = 1 + iota
	// Government is an authority of the state that holds the prisoners.
	Government
	// Media is a news organisation (AFP, Reuters, a local paper).
	Media
	// International is an intergovernmental body or foreign government (UN
	// bodies, the IACHR, an embassy).
	International
	// Family is relatives of detainees or their collectives.
	Family
	// Lawyer is defence counsel or a legal aid group.
	Lawyer
	// Academic is a researcher or research group.
	Academic
	// OtherKind is anything else.
	OtherKind
)

var kindNames = enum.Names{"", "ngo", "government", "media", "international", "family", "lawyer", "academic", "other"}

// String returns the kind's name, or "Kind(N)".
func (k Kind) String() string { return enum.String(kindNames, "Kind", k) }

// IsValid reports whether k is one of the named values.
func (k Kind) IsValid() bool { return enum.Valid(kindNames, k) }

// MarshalText writes the name; an unnamed value is an error.
func (k Kind) MarshalText() ([]byte, error) { return enum.Marshal(kindNames, "Kind", k, badEnum) }

// UnmarshalText reads a name that [Kind.MarshalText] writes.
func (k *Kind) UnmarshalText(text []byte) error {
	return enum.Unmarshal(kindNames, "Kind", text, k, badEnum)
}

// Method is how a source comes by its figures. The zero value is "unset",
// which [Source.Validate] rejects.
type Method uint8

// Values of [Method].
const (
	// VerifiesIdentities: the source counts people it has identified by
	// name, as Foro Penal verifies each release.
	VerifiesIdentities Method = 1 + iota
	// Announces: the source states figures without a list (a government's
	// announcement).
	Announces
	// Relays: the source passes on others' figures (a news agency).
	Relays
)

var methodNames = enum.Names{"", "verifies_identities", "announces", "relays"}

// String returns the method's name, or "Method(N)".
func (m Method) String() string { return enum.String(methodNames, "Method", m) }

// IsValid reports whether m is one of the named values.
func (m Method) IsValid() bool { return enum.Valid(methodNames, m) }

// MarshalText writes the name; an unnamed value is an error.
func (m Method) MarshalText() ([]byte, error) { return enum.Marshal(methodNames, "Method", m, badEnum) }

// UnmarshalText reads a name that [Method.MarshalText] writes.
func (m *Method) UnmarshalText(text []byte) error {
	return enum.Unmarshal(methodNames, "Method", text, m, badEnum)
}

// Measure is what a figure counts over its scope. Reports mix all three,
// often in one sentence ("104 released today; 777 remain"): a stock must
// never be read as a flow. The zero value is "unset".
type Measure uint8

// Values of [Measure].
const (
	// Releases counts releases within the period: a flow. Counts of
	// disjoint periods add up, so a person released twice in a period (after
	// a re-arrest) is two releases; counts of verified people, which are
	// distinct people, can only be lower.
	Releases Measure = 1 + iota
	// Held counts people held at the end of the period's last day: a stock
	// ("777 political prisoners remain").
	Held
	// Detentions counts detentions within the period: a flow.
	Detentions
)

var measureNames = enum.Names{"", "releases", "held", "detentions"}

// String returns the measure's name, or "Measure(N)".
func (m Measure) String() string { return enum.String(measureNames, "Measure", m) }

// IsValid reports whether m is one of the named values.
func (m Measure) IsValid() bool { return enum.Valid(measureNames, m) }

// IsStock reports whether m counts people at a moment ([Held]) rather than
// events over a period.
func (m Measure) IsStock() bool { return m == Held }

// MarshalText writes the name; an unnamed value is an error.
func (m Measure) MarshalText() ([]byte, error) {
	return enum.Marshal(measureNames, "Measure", m, badEnum)
}

// UnmarshalText reads a name that [Measure.MarshalText] writes.
func (m *Measure) UnmarshalText(text []byte) error {
	return enum.Unmarshal(measureNames, "Measure", text, m, badEnum)
}

// Status is where a claim stands in its source's own process. The zero value
// is "unset".
type Status uint8

// Values of [Status].
const (
	// Preliminary: "not yet definitive, could increase".
	Preliminary Status = 1 + iota
	// Verified: checked by the source (for a list, name by name).
	Verified
	// Final: the source's closing figure for the scope.
	Final
	// Retracted: withdrawn. A retracted claim carries no figure; with
	// [Claim.Supersedes] set it withdraws that claim too.
	Retracted
	// Pledged: a figure announced for what is still to come — "24 will be
	// freed in the coming hours", "an amnesty of 5,636", "up to 36 are
	// expected to be released". It says nothing of what happened, so it is
	// neither a floor (as a preliminary count is) nor a count (as a final
	// one is): reconciliation lists it beside the figure of its scope and
	// never counts it.
	Pledged
)

var statusNames = enum.Names{"", "preliminary", "verified", "final", "retracted", "pledged"}

// String returns the status's name, or "Status(N)".
func (s Status) String() string { return enum.String(statusNames, "Status", s) }

// IsValid reports whether s is one of the named values.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// MarshalText writes the name; an unnamed value is an error.
func (s Status) MarshalText() ([]byte, error) { return enum.Marshal(statusNames, "Status", s, badEnum) }

// UnmarshalText reads a name that [Status.MarshalText] writes.
func (s *Status) UnmarshalText(text []byte) error {
	return enum.Unmarshal(statusNames, "Status", text, s, badEnum)
}

// Basis is what a claim rests on. The zero value is "unset".
type Basis uint8

// Values of [Basis].
const (
	// NamedList: a list of identified people (see [Claim.Named]).
	NamedList Basis = 1 + iota
	// Announcement: a figure stated without a list.
	Announcement
	// Estimate: a statistical or informed estimate (for example, multiple
	// systems estimation from overlapping lists).
	Estimate
)

var basisNames = enum.Names{"", "named_list", "announcement", "estimate"}

// String returns the basis's name, or "Basis(N)".
func (b Basis) String() string { return enum.String(basisNames, "Basis", b) }

// IsValid reports whether b is one of the named values.
func (b Basis) IsValid() bool { return enum.Valid(basisNames, b) }

// MarshalText writes the name; an unnamed value is an error.
func (b Basis) MarshalText() ([]byte, error) { return enum.Marshal(basisNames, "Basis", b, badEnum) }

// UnmarshalText reads a name that [Basis.MarshalText] writes.
func (b *Basis) UnmarshalText(text []byte) error {
	return enum.Unmarshal(basisNames, "Basis", text, b, badEnum)
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error { return fieldErr(field, value, "%s", reason) }
