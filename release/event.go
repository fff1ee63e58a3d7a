package release

import (
	"encoding/json"
	"errors"
	"log/slog"
	"unicode/utf8"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// Event is a documented detention or release of one person on one day: the
// release event (called ReleaseEvent in early sketches). It refers to the
// person by [DetaineeID] only, so it carries no personal data.
type Event struct {
	// Detainee is who was detained or released. Required.
	Detainee DetaineeID
	// Kind is [Detained] or [Released]. Required.
	Kind EventKind
	// Day is the calendar day of the event. Required.
	Day Date
	// Terms of a release; zero if not recorded. A detention has none.
	Terms Terms
	// Facility is where the person was held or released from; "" if unknown.
	Facility string
	// Region is where the event took place. If zero, the detainee's own
	// region is used; the [Ledger] refuses an event for which neither is
	// known, since it could not be counted in any region.
	Region Region
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError].
func (e Event) Validate() error {
	var errs []error
	if !e.Detainee.IsValid() {
		errs = append(errs, fieldErr("Event.Detainee", "", "missing"))
	}
	if !e.Kind.IsValid() {
		errs = append(errs, fieldErr("Event.Kind", e.Kind.String(), "want detained or released"))
	}
	if !e.Day.IsValid() {
		errs = append(errs, fieldErr("Event.Day", "", "missing"))
	}
	if e.Terms != 0 {
		if !e.Terms.IsValid() {
			errs = append(errs, fieldErr("Event.Terms", e.Terms.String(), "unknown value"))
		} else if e.Kind == Detained {
			errs = append(errs, fieldErr("Event.Terms", e.Terms.String(), "a detention has no release terms"))
		}
	}
	if len(e.Facility) > MaxFacilityLen {
		errs = append(errs, fieldErr("Event.Facility", e.Facility, "longer than %d bytes", MaxFacilityLen))
	} else if !utf8.ValidString(e.Facility) {
		errs = append(errs, fieldErr("Event.Facility", e.Facility, "not valid UTF-8"))
	}
	return errors.Join(errs...)
}

// String returns "KIND ID DAY", as "released FP-0117 2026-01-25", with the
// terms when known.
func (e Event) String() string {
	s := e.Kind.String() + " " + e.Detainee.String() + " " + e.Day.String()
	if e.Terms != 0 {
		s += " (" + e.Terms.String() + ")"
	}
	return s
}

// LogValue shows the event in [log/slog] output.
func (e Event) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("kind", e.Kind.String()),
		slog.String("detainee", e.Detainee.String()),
		slog.String("day", e.Day.String()),
	}
	if e.Terms != 0 {
		attrs = append(attrs, slog.String("terms", e.Terms.String()))
	}
	if e.Region.IsValid() {
		attrs = append(attrs, slog.String("region", e.Region.String()))
	}
	return slog.GroupValue(attrs...)
}

type eventJSON struct {
	Detainee DetaineeID `json:"detainee"`
	Kind     EventKind  `json:"kind"`
	Day      Date       `json:"day"`
	Terms    Terms      `json:"terms,omitzero"`
	Facility string     `json:"facility,omitempty"`
	Region   Region     `json:"region,omitzero"`
}

// MarshalJSON writes the event's fields; the event must be valid.
func (e Event) MarshalJSON() ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(eventJSON(e))
}

// UnmarshalJSON reads what [Event.MarshalJSON] writes and validates it.
func (e *Event) UnmarshalJSON(data []byte) error {
	var v eventJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return decodeErr("Event", errfmt.Quote(string(data)), located("Event", data, &v, err))
	}
	if err := Event(v).Validate(); err != nil {
		return err
	}
	*e = Event(v)
	return nil
}
