package source

import (
	"encoding/json"
	"errors"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/internal/ident"
)

// MaxNameLen is the longest [Source.Name] accepted, in bytes.
const MaxNameLen = 256

// Source is a body that makes claims: an NGO, a government, a news agency.
type Source struct {
	// ID is the caller's key for the source. Required.
	ID SourceID
	// Name is the source's name for display ("Foro Penal"). Required: valid
	// UTF-8 of at most [MaxNameLen] bytes, without control characters,
	// bidirectional controls or other invisible characters (the zero-width
	// joiner and non-joiner, which some scripts need, are allowed).
	Name string
	// Kind is what sort of body it is. Required.
	Kind Kind
	// Group is the source's independence group: sources of one group (two
	// ministries of one government) are one voice. The zero Group makes the
	// source a group of its own; see [Source.IndependenceGroup].
	Group Group
	// Method is how the source comes by its figures. Required.
	Method Method
	// Confidence is the prior trust in the source's figures, in [0, 1]. The
	// zero value is 0: no trust, so that the source's claims carry no weight
	// until the caller says otherwise.
	Confidence decimal.Decimal
}

// IndependenceGroup returns the source's group, or a group named after its
// ID when Group is zero.
func (s Source) IndependenceGroup() Group {
	if s.Group.IsValid() {
		return s.Group
	}
	return Group(s.ID)
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError].
func (s Source) Validate() error {
	var errs []error
	if !s.ID.IsValid() {
		errs = append(errs, fieldErr("Source.ID", "", "missing"))
	}
	switch {
	case s.Name == "":
		errs = append(errs, fieldErr("Source.Name", "", "missing"))
	case len(s.Name) > MaxNameLen:
		errs = append(errs, fieldErr("Source.Name", s.Name, "longer than %d bytes", MaxNameLen))
	case !utf8.ValidString(s.Name):
		errs = append(errs, fieldErr("Source.Name", s.Name, "not valid UTF-8"))
	default:
		if err := ident.CheckName(s.Name); err != nil {
			errs = append(errs, fieldErr("Source.Name", s.Name, "%v", err))
		}
	}
	if !s.Kind.IsValid() {
		errs = append(errs, fieldErr("Source.Kind", s.Kind.String(), "unknown value"))
	}
	if !s.Method.IsValid() {
		errs = append(errs, fieldErr("Source.Method", s.Method.String(), "unknown value"))
	}
	if err := checkUnit("Source.Confidence", s.Confidence); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// checkUnit reports a decimal outside [0, 1].
func checkUnit(field string, d decimal.Decimal) error {
	if d.Sign() < 0 || d.GreaterThan(decimal.NewFromInt(1)) {
		return fieldErr(field, d.String(), "outside [0, 1]")
	}
	return nil
}

// Canonical returns d with trailing zeros removed, so that 0.50 and 0.5 are
// the same value in every encoding and in ==-based comparisons of their
// text.
func Canonical(d decimal.Decimal) decimal.Decimal {
	c, err := decimal.NewFromString(d.String())
	if err != nil {
		return d
	}
	return c
}

// Equal reports whether s and o are the same source, comparing Confidence by
// value (0.5 equals 0.50).
func (s Source) Equal(o Source) bool {
	return s.ID == o.ID && s.Name == o.Name && s.Kind == o.Kind && s.Group == o.Group &&
		s.Method == o.Method && s.Confidence.Equal(o.Confidence)
}

// String returns "Name (ID)".
func (s Source) String() string { return s.Name + " (" + s.ID.String() + ")" }

type sourceJSON struct {
	ID         SourceID        `json:"id"`
	Name       string          `json:"name"`
	Kind       Kind            `json:"kind"`
	Group      Group           `json:"group,omitzero"`
	Method     Method          `json:"method"`
	Confidence decimal.Decimal `json:"confidence"`
}

// MarshalJSON writes the source's fields, Confidence as a canonical decimal
// string ("0.9"); the source must be valid.
func (s Source) MarshalJSON() ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	v := sourceJSON(s)
	v.Confidence = Canonical(v.Confidence)
	return json.Marshal(v)
}

// UnmarshalJSON reads what [Source.MarshalJSON] writes and validates it.
func (s *Source) UnmarshalJSON(data []byte) error {
	// The confidence is decoded apart so that a malformed one ("NaN") is
	// reported as Source.Confidence, not as the whole input.
	var in struct {
		sourceJSON
		Confidence json.RawMessage `json:"confidence"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return decodeErr("Source", data, &in, err)
	}
	v := in.sourceJSON
	if err := decodeField("Source.Confidence", in.Confidence, &v.Confidence); err != nil {
		return err
	}
	v.Confidence = Canonical(v.Confidence)
	if err := Source(v).Validate(); err != nil {
		return err
	}
	*s = Source(v)
	return nil
}
