package release

import (
	"github.com/freedcount/freedcount/internal/enum"
)

// Sex as recorded in a register. The zero value means "not recorded".
type Sex uint8

// Values of [Sex].
const (
	Female Sex = 1 + iota
	Male
	// OtherSex is recorded but neither female nor male.
	OtherSex
)

var sexNames = enum.Names{"", "female", "male", "other"}

// String returns "female", "male", "other", or "Sex(N)" for an unknown value
// (the zero value gives "Sex(0)").
func (s Sex) String() string { return enum.String(sexNames, "Sex", s) }

// IsValid reports whether s is one of the named values.
func (s Sex) IsValid() bool { return enum.Valid(sexNames, s) }

// MarshalText writes the name; an unnamed value is an error.
func (s Sex) MarshalText() ([]byte, error) { return enum.Marshal(sexNames, "Sex", s, badEnum) }

// UnmarshalText reads a name that [Sex.MarshalText] writes.
func (s *Sex) UnmarshalText(text []byte) error {
	return enum.Unmarshal(sexNames, "Sex", text, s, badEnum)
}

// Category is why a detainee is counted, as registers of political prisoners
// record it. Each category maps to a [Population] ([Category.Population]):
// the categories below PoliticalPrisoner are kinds of political prisoner, as
// Foro Penal breaks its counts down (military, foreigners, adolescents).
// The zero value means "not recorded"; such a person belongs to "detainees".
type Category uint8

// Values of [Category].
const (
	// PoliticalPrisoner is a civilian detained for political reasons.
	PoliticalPrisoner Category = 1 + iota
	// Military is a member of the armed forces detained for political
	// reasons.
	Military
	// ForeignNational is a foreigner (or dual national) detained for
	// political reasons.
	ForeignNational
	// Journalist is a journalist or media worker detained for political
	// reasons.
	Journalist
	// Minor was under 18 when detained for political reasons.
	Minor
	// HumanRightsDefender is an activist or defender detained for political
	// reasons.
	HumanRightsDefender
	// CommonDetainee is held for reasons the register does not consider
	// political.
	CommonDetainee
)

var categoryNames = enum.Names{"", "political_prisoner", "military", "foreign_national", "journalist", "minor", "human_rights_defender", "common_detainee"}

// categoryPaths maps each category to its population's path.
var categoryPaths = [...]string{
	0:                   "detainees",
	PoliticalPrisoner:   "detainees/political",
	Military:            "detainees/political/military",
	ForeignNational:     "detainees/political/foreign",
	Journalist:          "detainees/political/journalist",
	Minor:               "detainees/political/minor",
	HumanRightsDefender: "detainees/political/defender",
	CommonDetainee:      "detainees/common",
}

// String returns the category's snake_case name, or "Category(N)".
func (c Category) String() string { return enum.String(categoryNames, "Category", c) }

// IsValid reports whether c is one of the named values.
func (c Category) IsValid() bool { return enum.Valid(categoryNames, c) }

// Population returns the population of people in category c:
//
//	(zero)                detainees
//	PoliticalPrisoner     detainees/political
//	Military              detainees/political/military
//	ForeignNational       detainees/political/foreign
//	Journalist            detainees/political/journalist
//	Minor                 detainees/political/minor
//	HumanRightsDefender   detainees/political/defender
//	CommonDetainee        detainees/common
//
// An unknown value gives "detainees".
func (c Category) Population() Population {
	if int(c) >= len(categoryPaths) {
		c = 0
	}
	return categoryPops[c]
}

// categoryPops holds the parsed populations of categoryPaths, computed once:
// Population values are immutable, so sharing them is safe.
var categoryPops = func() (out [len(categoryPaths)]Population) {
	for i, p := range categoryPaths {
		out[i] = mustPop(p)
	}
	return out
}()

// MarshalText writes the name; an unnamed value is an error.
func (c Category) MarshalText() ([]byte, error) {
	return enum.Marshal(categoryNames, "Category", c, badEnum)
}

// UnmarshalText reads a name that [Category.MarshalText] writes.
func (c *Category) UnmarshalText(text []byte) error {
	return enum.Unmarshal(categoryNames, "Category", text, c, badEnum)
}

// EventKind says whether an [Event] opens or closes a detention spell. The
// zero value is "unset".
type EventKind uint8

// Values of [EventKind].
const (
	// Detained opens a detention spell.
	Detained EventKind = 1 + iota
	// Released closes one.
	Released
)

var eventKindNames = enum.Names{"", "detained", "released"}

// String returns "detained", "released", or "EventKind(N)".
func (k EventKind) String() string { return enum.String(eventKindNames, "EventKind", k) }

// IsValid reports whether k is one of the named values.
func (k EventKind) IsValid() bool { return enum.Valid(eventKindNames, k) }

// MarshalText writes the name; an unnamed value is an error.
func (k EventKind) MarshalText() ([]byte, error) {
	return enum.Marshal(eventKindNames, "EventKind", k, badEnum)
}

// UnmarshalText reads a name that [EventKind.MarshalText] writes.
func (k *EventKind) UnmarshalText(text []byte) error {
	return enum.Unmarshal(eventKindNames, "EventKind", text, k, badEnum)
}

// Terms are the conditions of a release. The zero value means "not
// recorded"; a detention has no terms.
type Terms uint8

// Values of [Terms].
const (
	// Unconditional is a full release.
	Unconditional Terms = 1 + iota
	// Conditional is a release under court restrictions (Venezuela's
	// "excarcelación" with regular presentation before a court, a ban on
	// leaving the country or on speaking to the press). The proceedings go on.
	Conditional
	// HouseArrest moves the person from prison to detention at home.
	HouseArrest
	// Expelled releases the person by sending them out of the country.
	Expelled
)

var termsNames = enum.Names{"", "unconditional", "conditional", "house_arrest", "expelled"}

// String returns the terms' snake_case name, or "Terms(N)".
func (t Terms) String() string { return enum.String(termsNames, "Terms", t) }

// IsValid reports whether t is one of the named values.
func (t Terms) IsValid() bool { return enum.Valid(termsNames, t) }

// MarshalText writes the name; an unnamed value is an error.
func (t Terms) MarshalText() ([]byte, error) { return enum.Marshal(termsNames, "Terms", t, badEnum) }

// UnmarshalText reads a name that [Terms.MarshalText] writes.
func (t *Terms) UnmarshalText(text []byte) error {
	return enum.Unmarshal(termsNames, "Terms", text, t, badEnum)
}

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error { return fieldErr(field, value, "%s", reason) }
