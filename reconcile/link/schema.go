package link

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/freedcount/freedcount/internal/enum"
)

// Kind says how the values of a [Field] are read and compared, and so which
// agreement [Level]s a comparison of two values can reach. The zero value
// is "unset".
type Kind uint8

// Values of [Kind]. Each lists the levels its comparisons reach, from the
// strongest agreement to [Different]; a value missing on either side gives
// [Missing], which is neutral evidence.
const (
	// Categorical values agree or not, after [Normalize]: sex, a state
	// code. Levels: Exact, Folded, Different.
	Categorical Kind = 1 + iota
	// Text is free text compared by [JaroWinkler] on its folded form:
	// a given name or surname held in its own field, a street, a town.
	// Levels: Exact, Folded, Similar (≥ 0.92), Weak (≥ 0.80), Different.
	Text
	// PersonName is a full name read by [ParseName] with Spanish naming
	// conventions. Its words are compared as well as its structure. Levels:
	// Exact, Folded, Reordered (the same words in another order: swapped
	// surnames), Contained (the words of one name among those of the
	// other, at least two: a missing second surname or given name, an added
	// married name), Similar (the same, allowing typos: every word of the
	// shorter name matched one to one to a word of the other with
	// Jaro–Winkler at least 0.9), Partial (at least two words matched so,
	// each name with words the other lacks), Weak (the words' best
	// Jaro–Winkler matches average at least 0.8), Different. A name
	// [ParseName] refuses is an error.
	PersonName
	// Code is a code compared character by character: a postcode, a house
	// number, a social security number. Letters are upper-cased and
	// anything but letters and digits dropped. Levels: Exact, Near (one
	// edit: a typo or two adjacent characters swapped), Close (two edits),
	// Different.
	Code
	// Date is a day written YYYYMMDD or YYYY-MM-DD (or with slashes or dots).
	// The calendar is not checked: registers hold impossible dates that
	// still identify a person. Levels: Exact, Near (one edit, or day and
	// month swapped), Close (two edits), Different. Other text is an error.
	Date
	// Year is a year such as a year of birth, from 1000 to 9999. Levels:
	// Exact, Close (at most [Field.Tolerance] years apart), Different.
	// Other text is an error.
	Year
	// Path is a slash-separated place such as a [release.Region]
	// ("VE/Zulia"), compared folded. Levels: Exact, Nested (one within the
	// other), Different.
	Path
	// CedulaID is a Venezuelan identity card number, read by [ParseCedula]
	// to its canonical form. Levels: Exact, Near (one digit typed wrong or
	// two swapped, or only the nationality letter differs), Different. A
	// malformed number is an error, not a silent disagreement.
	CedulaID
	// Identifier is any other identity number or token (such as a
	// [Token] from a [Pseudonymizer]): upper-cased, with spaces, dots,
	// hyphens and slashes dropped; it must hold a letter or digit. Levels:
	// Exact, Near (one edit), Different.
	Identifier
)

var kindNames = enum.Names{"", "categorical", "text", "person_name", "code", "date", "year", "path", "cedula_id", "identifier"}

// String returns the kind's snake_case name, or "Kind(N)".
func (k Kind) String() string { return enum.String(kindNames, "Kind", k) }

// IsValid reports whether k is one of the named values.
func (k Kind) IsValid() bool { return enum.Valid(kindNames, k) }

// MarshalText writes the name; an unnamed value is an error.
func (k Kind) MarshalText() ([]byte, error) { return enum.Marshal(kindNames, "Kind", k, badEnum) }

// UnmarshalText reads a name that [Kind.MarshalText] writes.
func (k *Kind) UnmarshalText(text []byte) error {
	return enum.Unmarshal(kindNames, "Kind", text, k, badEnum)
}

// Level is how far two values of a field agree. Which levels a comparison
// can reach depends on the field's [Kind]; [Model] gives each its weight.
// The zero value is "unset".
type Level uint8

// Values of [Level], from the strongest agreement to none.
const (
	// Exact: the values are equal after normalization, accents included.
	Exact Level = 1 + iota
	// Folded: equal only once accents are removed ([Fold]): "José" and
	// "Jose", but also "Peña" and "Pena".
	Folded
	// Reordered: the same words in another order.
	Reordered
	// Contained: the words of one name are among those of the other.
	Contained
	// Similar: close by Jaro–Winkler (typos); for names, every word of the
	// shorter name matched to a word of the other, exactly or nearly.
	Similar
	// Partial: two names share at least two words (exactly or nearly), and
	// each has words the other lacks.
	Partial
	// Weak: somewhat close by Jaro–Winkler.
	Weak
	// Near: one edit apart (a typo, two adjacent characters swapped).
	Near
	// Close: two edits apart, or years within the field's tolerance.
	Close
	// Nested: one place within the other.
	Nested
	// Different: no agreement.
	Different
	// Missing: a value is missing on one side or both; neutral evidence.
	Missing
)

var levelNames = enum.Names{"", "exact", "folded", "reordered", "contained", "similar", "partial", "weak", "near", "close", "nested", "different", "missing"}

// String returns the level's name, or "Level(N)".
func (l Level) String() string { return enum.String(levelNames, "Level", l) }

// IsValid reports whether l is one of the named values.
func (l Level) IsValid() bool { return enum.Valid(levelNames, l) }

// MarshalText writes the name; an unnamed value is an error.
func (l Level) MarshalText() ([]byte, error) { return enum.Marshal(levelNames, "Level", l, badEnum) }

// UnmarshalText reads a name that [Level.MarshalText] writes.
func (l *Level) UnmarshalText(text []byte) error {
	return enum.Unmarshal(levelNames, "Level", text, l, badEnum)
}

// levels returns the levels a comparison of a field reaches, strongest
// first; a comparison's result is an index into it.
func (f Field) levels() []Level {
	switch f.Kind {
	case Categorical:
		return []Level{Exact, Folded, Different}
	case Text:
		return []Level{Exact, Folded, Similar, Weak, Different}
	case PersonName:
		return []Level{Exact, Folded, Reordered, Contained, Similar, Partial, Weak, Different}
	case Code, Date:
		return []Level{Exact, Near, Close, Different}
	case Year:
		if f.Tolerance > 0 {
			return []Level{Exact, Close, Different}
		}
		return []Level{Exact, Different}
	case Path:
		return []Level{Exact, Nested, Different}
	case CedulaID, Identifier:
		return []Level{Exact, Near, Different}
	}
	return nil
}

// Field is one named value that records carry and comparisons weigh: a
// name, a national ID, a year of birth. [Record.Values] hold one value (a
// [release.Secret]) per field of the [Schema], in its order; the empty
// secret is a missing value.
type Field struct {
	// Name identifies the field in rules, models and explanations:
	// 1 to 64 ASCII letters, digits, '_' or '-'.
	Name string
	// Kind says how values are read and compared.
	Kind Kind
	// Tolerance is, for a [Year] field, how many years apart two values may
	// be and still agree closely ([Close]); 0 to 10. Other kinds must leave
	// it 0.
	Tolerance int
	// Unique marks a national identity: two records with the same value
	// are always the same person, and two with different values never are,
	// whatever else they share. Only [CedulaID] and [Identifier] fields can
	// be unique.
	Unique bool
}

// Schema is the list of fields that records of a linkage carry, at most
// [MaxFields]. It is an immutable value; the zero Schema has no fields and
// is not valid for linking.
type Schema struct{ fields []Field }

// MaxFields is the largest number of fields in a [Schema].
const MaxFields = 16

// NewSchema returns the schema of fields, in that order, or every problem
// with them, joined: a field must have a valid name, unique in the schema,
// a valid kind, a tolerance only where its kind takes one, and be unique
// only if its kind allows.
func NewSchema(fields ...Field) (Schema, error) {
	var errs []error
	if len(fields) == 0 || len(fields) > MaxFields {
		errs = append(errs, fieldErr("Schema", strconv.Itoa(len(fields)), ErrInvalid, "want 1 to %d fields", MaxFields))
	}
	for i, f := range fields {
		where := fmt.Sprintf("Schema.Fields[%d]", i)
		if !validFieldName(f.Name) {
			errs = append(errs, fieldErr(where+".Name", f.Name, ErrInvalid, "want 1 to 64 ASCII letters, digits, '_' or '-'"))
		} else if slices.ContainsFunc(fields[:i], func(g Field) bool { return g.Name == f.Name }) {
			errs = append(errs, fieldErr(where+".Name", f.Name, ErrDuplicate, "field named twice"))
		}
		if !f.Kind.IsValid() {
			errs = append(errs, fieldErr(where+".Kind", f.Kind.String(), ErrInvalid, "unknown kind"))
		}
		if f.Tolerance != 0 && (f.Kind != Year || f.Tolerance < 0 || f.Tolerance > 10) {
			errs = append(errs, fieldErr(where+".Tolerance", strconv.Itoa(f.Tolerance), ErrInvalid, "only a year field takes a tolerance, from 0 to 10"))
		}
		if f.Unique && f.Kind != CedulaID && f.Kind != Identifier {
			errs = append(errs, fieldErr(where+".Unique", f.Name, ErrInvalid, "only cedula_id and identifier fields can be unique"))
		}
	}
	if len(errs) > 0 {
		return Schema{}, errors.Join(errs...)
	}
	return Schema{slices.Clone(fields)}, nil
}

// MustSchema is like [NewSchema] but panics on error. It is meant for tests
// and examples.
func MustSchema(fields ...Field) Schema {
	s, err := NewSchema(fields...)
	if err != nil {
		panic(err)
	}
	return s
}

func validFieldName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Len returns the number of fields.
func (s Schema) Len() int { return len(s.fields) }

// Fields returns a copy of the fields, in order.
func (s Schema) Fields() []Field { return slices.Clone(s.fields) }

// Index returns the position of the field named name, or -1.
func (s Schema) Index(name string) int {
	return slices.IndexFunc(s.fields, func(f Field) bool { return f.Name == name })
}

// Part says which keys a blocking [Key] draws from a field's value. The
// zero value is "unset".
type Part uint8

// Values of [Part].
const (
	// Whole is the whole value, folded (for a cédula or identifier, its
	// canonical form; for a year, the year). Any kind.
	Whole Part = 1 + iota
	// EachToken gives one key per folded word: records share the key if
	// they share a word. Text and PersonName.
	EachToken
	// FirstToken is the first folded word: a full name's first given name.
	// Text and PersonName.
	FirstToken
	// EachSurname gives one key per folded word of the surnames (paternal,
	// maternal, married). PersonName.
	EachSurname
	// Surnames is the folded words of the surnames, sorted: one key that
	// survives swapped surnames. PersonName.
	Surnames
	// TokenSet is all the folded words, sorted: one key that survives any
	// reordering. Text and PersonName.
	TokenSet
	// YearOf is the year of a date. Date.
	YearOf
	// Prefix is the first [Key.N] characters of the folded value. Text,
	// PersonName, Categorical, Code, Identifier.
	Prefix
	// Phonetic gives one key per folded word: how it sounds, so that
	// "Sofía" and "Sophia", "González" and "Gonsales", "Yusmary" and
	// "Llusmari" share it (b and v, s, z and soft c, j and soft g, ll and
	// y are one sound each, h is silent, vowels after the first letter are
	// dropped). Text and PersonName.
	Phonetic
)

var partNames = enum.Names{"", "whole", "each_token", "first_token", "each_surname", "surnames", "token_set", "year_of", "prefix", "phonetic"}

// String returns the part's snake_case name, or "Part(N)".
func (p Part) String() string { return enum.String(partNames, "Part", p) }

// IsValid reports whether p is one of the named values.
func (p Part) IsValid() bool { return enum.Valid(partNames, p) }

// MarshalText writes the name; an unnamed value is an error.
func (p Part) MarshalText() ([]byte, error) { return enum.Marshal(partNames, "Part", p, badEnum) }

// UnmarshalText reads a name that [Part.MarshalText] writes.
func (p *Part) UnmarshalText(text []byte) error {
	return enum.Unmarshal(partNames, "Part", text, p, badEnum)
}

// takesWords reports whether part p is made of words, each of which a
// key's N may shorten.
func (p Part) takesWords() bool {
	return p == EachToken || p == FirstToken || p == EachSurname || p == Surnames || p == TokenSet || p == Phonetic
}

// allows reports whether part p applies to fields of kind k.
func (p Part) allows(k Kind) bool {
	switch p {
	case Whole:
		return true
	case EachToken, FirstToken, TokenSet, Phonetic:
		return k == Text || k == PersonName
	case EachSurname, Surnames:
		return k == PersonName
	case YearOf:
		return k == Date
	case Prefix:
		return k == Text || k == PersonName || k == Categorical || k == Code || k == Identifier
	}
	return false
}

// Key is one component of a blocking [Rule]: a [Part] of a field's value.
type Key struct {
	// Field names a field of the schema.
	Field string
	// Part says which keys the value gives.
	Part Part
	// N is the number of characters of a [Prefix], 1 to 32. For the parts
	// that take words (EachToken, FirstToken, EachSurname, Surnames,
	// TokenSet, Phonetic) it optionally keeps the first N characters of
	// each word (of each sound key), so that a typo further in does not
	// change the key; 0 keeps whole words.
	// Other parts leave it 0.
	N int
}

// Rule is a blocking rule: records are compared only if, for some rule,
// they give the same key for every one of its [Key]s (for parts that give
// several keys, any one). The candidate pairs of all rules are united, each
// pair compared once. A rule over a missing value gives no key.
//
// Blocking is what keeps linkage from comparing every pair: rules should be
// selective (a block of records sharing a key costs the square of its size)
// and, together, catch every pair of one person's records (a pair no rule
// proposes is never linked, except through a unique field).
type Rule struct {
	// Name identifies the rule in errors and statistics.
	Name string
	// Keys are the components, 1 to 4, all required.
	Keys []Key
	// MaxBlock, if not 0, is the largest block of this rule that is
	// compared, below [Config.MaxBlock]: a loose rule (a given name and a
	// surname) can then pair the records of people with rare names, the
	// only ones it could link without more evidence, at little cost.
	MaxBlock int
}

// MaxRules is the largest number of blocking rules in a [Config].
const MaxRules = 32

// badEnum builds the error for an unknown enum value or name.
func badEnum(field, value, reason string) error {
	return fieldErr(field, value, ErrInvalid, "%s", reason)
}
