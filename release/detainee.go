package release

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/internal/ident"
)

// DetaineeID identifies a person in a register. It is an opaque key chosen by
// whoever keeps the register ("FP-2024-0117"); it must not be the person's
// name or national ID, which are personal data kept in [Detainee].
//
// DetaineeID is an immutable value, comparable and usable as a map key. The
// zero DetaineeID is not valid.
type DetaineeID struct{ s string }

// ParseDetaineeID returns s as a DetaineeID: non-empty valid UTF-8 of at most
// 128 bytes, without control characters or leading or trailing white space.
func ParseDetaineeID(s string) (DetaineeID, error) {
	if err := ident.Check(s); err != nil {
		return DetaineeID{}, fieldErr("DetaineeID", s, "%v", err)
	}
	return DetaineeID{s}, nil
}

// MustDetaineeID is like [ParseDetaineeID] but panics on error. It is meant
// for tests and examples.
func MustDetaineeID(s string) DetaineeID {
	id, err := ParseDetaineeID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// IsValid reports whether id is not the zero DetaineeID.
func (id DetaineeID) IsValid() bool { return id.s != "" }

// String returns the ID's text.
func (id DetaineeID) String() string { return id.s }

// Compare orders IDs byte-wise.
func (id DetaineeID) Compare(o DetaineeID) int {
	switch {
	case id.s < o.s:
		return -1
	case id.s > o.s:
		return 1
	}
	return 0
}

// MarshalText writes the ID's text; the zero ID is an error.
func (id DetaineeID) MarshalText() ([]byte, error) {
	if !id.IsValid() {
		return nil, fieldErr("DetaineeID", "", "zero value")
	}
	return []byte(id.s), nil
}

// UnmarshalText parses the ID as [ParseDetaineeID] does.
func (id *DetaineeID) UnmarshalText(text []byte) error {
	v, err := ParseDetaineeID(string(text))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Limits on a detainee's free-text fields, in bytes.
const (
	MaxNameLen       = 512
	MaxNationalIDLen = 64
	MaxFacilityLen   = 256
)

// Bounds of [Detainee.BirthYear] when it is known.
const (
	MinBirthYear = 1900
	MaxBirthYear = 2100
)

// Detainee is a person in a register of detentions. Name and NationalID are
// personal data, held as [Secret]s, so that no printer shows them, even by
// reflection; [Detainee.String], [Detainee.LogValue], [Detainee.MarshalJSON]
// and every error message show neither. [Disclosed] encodes them. Fields
// other than ID are optional; their zero values mean "not recorded".
type Detainee struct {
	// ID is the register's key for the person. Required.
	ID DetaineeID
	// Name is the full name as recorded, in whatever order and spelling the
	// register uses. Personal data, so a [Secret]: no printer shows it.
	Name Secret
	// NationalID is the identity document number as recorded, such as a
	// Venezuelan cédula "V-12.345.678"; if recorded, it has at least one
	// digit. Personal data, so a [Secret]: no printer shows it.
	NationalID Secret
	// Sex as recorded; zero if not recorded.
	Sex Sex
	// BirthYear is the year of birth, 0 if unknown, else in
	// [MinBirthYear, MaxBirthYear].
	BirthYear int
	// Category is why the person is counted; zero if not recorded.
	// It decides the [Population] the person belongs to.
	Category Category
	// Region is where the person was detained; zero if unknown.
	Region Region
	// Facility is where the person is or was held; "" if unknown.
	Facility string
	// Detained is the day of detention; zero if unknown. When it is set,
	// [Ledger.Register] opens a detention spell on that day.
	Detained Date
}

// Population returns the population the person belongs to, from Category.
func (d Detainee) Population() Population { return d.Category.Population() }

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError]. The name and national ID are never
// repeated in the error.
func (d Detainee) Validate() error {
	var errs []error
	if !d.ID.IsValid() {
		errs = append(errs, fieldErr("Detainee.ID", "", "missing"))
	}
	if d.Name.Len() > MaxNameLen {
		errs = append(errs, secretErr("Detainee.Name", "longer than %d bytes", MaxNameLen))
	} else if !utf8.ValidString(d.Name.Reveal()) {
		errs = append(errs, secretErr("Detainee.Name", "not valid UTF-8"))
	}
	if d.NationalID.Len() > MaxNationalIDLen {
		errs = append(errs, secretErr("Detainee.NationalID", "longer than %d bytes", MaxNationalIDLen))
	} else if id := d.NationalID.Reveal(); !utf8.ValidString(id) {
		errs = append(errs, secretErr("Detainee.NationalID", "not valid UTF-8"))
	} else if id != "" && !strings.ContainsAny(id, "0123456789") {
		// Most often a part of a name pushed into the column by an
		// unquoted comma.
		errs = append(errs, secretErr("Detainee.NationalID", "no digit, so not an identity document number"))
	}
	if d.Sex != 0 && !d.Sex.IsValid() {
		errs = append(errs, fieldErr("Detainee.Sex", d.Sex.String(), "unknown value"))
	}
	if d.BirthYear != 0 && (d.BirthYear < MinBirthYear || d.BirthYear > MaxBirthYear) {
		errs = append(errs, fieldErr("Detainee.BirthYear", strconv.Itoa(d.BirthYear), "outside %d–%d", MinBirthYear, MaxBirthYear))
	}
	if d.Category != 0 && !d.Category.IsValid() {
		errs = append(errs, fieldErr("Detainee.Category", d.Category.String(), "unknown value"))
	}
	if len(d.Facility) > MaxFacilityLen {
		errs = append(errs, fieldErr("Detainee.Facility", d.Facility, "longer than %d bytes", MaxFacilityLen))
	} else if !utf8.ValidString(d.Facility) {
		errs = append(errs, fieldErr("Detainee.Facility", d.Facility, "not valid UTF-8"))
	}
	if d.Detained.IsValid() && d.BirthYear != 0 {
		if y, _, _ := d.Detained.Ymd(); y < d.BirthYear {
			errs = append(errs, fieldErr("Detainee.Detained", d.Detained.String(), "before birth year %d", d.BirthYear))
		}
	}
	return errors.Join(errs...)
}

// String returns "Detainee(ID)": never the name or national ID.
func (d Detainee) String() string { return "Detainee(" + d.ID.String() + ")" }

// LogValue shows the detainee in [log/slog] output by ID, category and
// region only: never the name or national ID.
func (d Detainee) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("id", d.ID.String())}
	if d.Category != 0 {
		attrs = append(attrs, slog.String("category", d.Category.String()))
	}
	if d.Region.IsValid() {
		attrs = append(attrs, slog.String("region", d.Region.String()))
	}
	return slog.GroupValue(attrs...)
}

// GoString, used by fmt's %#v, is [Detainee.String], so that a debug print
// does not leak the name either.
func (d Detainee) GoString() string { return d.String() }

// Format makes every fmt verb (%v, %+v, %s, %q, %#v) print [Detainee.String].
func (d Detainee) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(d.String())) }

type detaineeJSON struct {
	ID         DetaineeID `json:"id"`
	Name       string     `json:"name,omitempty"`
	NationalID string     `json:"national_id,omitempty"`
	Sex        Sex        `json:"sex,omitzero"`
	BirthYear  int        `json:"birth_year,omitzero"`
	Category   Category   `json:"category,omitzero"`
	Region     Region     `json:"region,omitzero"`
	Facility   string     `json:"facility,omitempty"`
	Detained   Date       `json:"detained,omitzero"`
}

// toJSON returns the detainee's encoding, with its name and national ID
// only if disclose says so.
func (d Detainee) toJSON(disclose bool) detaineeJSON {
	v := detaineeJSON{ID: d.ID, Sex: d.Sex, BirthYear: d.BirthYear, Category: d.Category,
		Region: d.Region, Facility: d.Facility, Detained: d.Detained}
	if disclose {
		v.Name, v.NationalID = d.Name.Reveal(), d.NationalID.Reveal()
	}
	return v
}

// detainee returns the detainee v encodes.
func (v detaineeJSON) detainee() Detainee {
	return Detainee{ID: v.ID, Name: NewSecret(v.Name), NationalID: NewSecret(v.NationalID), Sex: v.Sex,
		BirthYear: v.BirthYear, Category: v.Category, Region: v.Region, Facility: v.Facility, Detained: v.Detained}
}

// MarshalJSON writes the detainee without its name and national ID, so that
// a detainee that reaches a JSON log or an API response by way of a slice or
// a struct (where [Detainee.LogValue] is not consulted) does not disclose
// them. To encode the whole record, wrap it in [Disclosed]: that is the
// caller asking for personal data. The detainee must be valid.
func (d Detainee) MarshalJSON() ([]byte, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(d.toJSON(false))
}

// UnmarshalJSON reads a detainee, with or without name and national ID (as
// [Disclosed.MarshalJSON] or [Detainee.MarshalJSON] writes it), and
// validates it. Its errors repeat no value of the input, whatever the
// field: a record of personal data may hold a name or national ID in any
// field.
func (d *Detainee) UnmarshalJSON(data []byte) error {
	var v detaineeJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return redactDecodeErr(decodeErr("Detainee", errfmt.Redacted, located("Detainee", data, &v, err)), data)
	}
	nd := v.detainee()
	if err := nd.Validate(); err != nil {
		return err
	}
	*d = nd
	return nil
}

// Disclosed encodes a detainee in full, name and national ID included, for
// registers that must be exchanged whole. Wrapping a detainee in Disclosed is
// the explicit request for personal data that [Detainee.MarshalJSON] waits
// for; String and LogValue still show the ID only.
type Disclosed struct{ Detainee Detainee }

// MarshalJSON writes every field of the detainee; it must be valid.
func (d Disclosed) MarshalJSON() ([]byte, error) {
	if err := d.Detainee.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(d.Detainee.toJSON(true))
}

// UnmarshalJSON reads what [Disclosed.MarshalJSON] writes, as
// [Detainee.UnmarshalJSON] does.
func (d *Disclosed) UnmarshalJSON(data []byte) error { return d.Detainee.UnmarshalJSON(data) }

// String returns the detainee's String: the ID only.
func (d Disclosed) String() string { return d.Detainee.String() }

// GoString, used by fmt's %#v, is [Disclosed.String].
func (d Disclosed) GoString() string { return d.String() }

// Format makes every fmt verb print [Disclosed.String]: disclosure is for
// encoding, not for printing.
func (d Disclosed) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue returns the detainee's LogValue: never the name or national ID.
func (d Disclosed) LogValue() slog.Value { return d.Detainee.LogValue() }

// redactDecodeErr returns err, an error from decoding a detainee from
// data, with no value of data in it: the Value of its [*FieldError] is
// redacted, and a reason that quotes a string of data is withheld.
func redactDecodeErr(err error, data []byte) error {
	fe, ok := err.(*FieldError)
	if !ok {
		return err
	}
	c := *fe
	out := &c
	if out.Value != "" && out.Value != `""` {
		out.Value = errfmt.Redacted
	}
	if msg := errfmt.Reason(fe.Err); repeatsString(msg, data) {
		out.Err = reason("the reason is withheld, as it repeats the value")
	}
	return out
}

// repeatsString reports whether msg holds a string value (of three bytes
// or more) of the JSON data, at any depth; keys do not count.
func repeatsString(msg string, data []byte) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch v := v.(type) {
		case string:
			return len(v) >= 3 && strings.Contains(msg, v)
		case []any:
			return slices.ContainsFunc(v, walk)
		case map[string]any:
			for _, x := range v {
				if walk(x) {
					return true
				}
			}
		}
		return false
	}
	return walk(v)
}
