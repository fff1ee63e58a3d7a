package interchange

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
)

func verificationScope(v *reconcile.Verification) *release.Scope { return &v.Scope }

// verificationTable exchanges [reconcile.Verification].
var verificationTable = &table[reconcile.Verification]{
	kind: "verifications",
	columns: concat(
		[]column[reconcile.Verification]{
			{name: "detainee",
				get: plain(func(v *reconcile.Verification) string { return idCell(v.Detainee) }),
				set: func(v *reconcile.Verification, s string) (err error) {
					v.Detainee, err = parseOptional(s, parseDetaineeID)
					return
				}},
			{name: "count",
				get: plain(func(v *reconcile.Verification) string {
					if v.Count == 0 {
						return ""
					}
					return strconv.Itoa(v.Count)
				}),
				set: func(v *reconcile.Verification, s string) (err error) {
					v.Count, err = parseOptional(s, parseCount)
					return
				}},
			{name: "source", required: true,
				get: plain(func(v *reconcile.Verification) string { return idCell(v.Source) }),
				set: func(v *reconcile.Verification, s string) (err error) {
					v.Source, err = parseRequired(s, parseSourceID)
					return
				}},
			{name: "stated", required: true,
				get: func(v *reconcile.Verification) (string, error) { return timeCell(v.Stated) },
				set: func(v *reconcile.Verification, s string) (err error) {
					v.Stated, err = parseRequired(s, parseTime)
					return
				}},
		},
		scopeColumns("", verificationScope, false),
	),
	check: reconcile.Verification.Validate,
	fields: map[string]string{
		"Verification.Detainee": "detainee", "Verification.Count": "count",
		"Verification.Scope.Population": "population", "Verification.Scope.Region": "region",
		"Verification.Scope.Period": "period", "Verification.Source": "source", "Verification.Stated": "stated",
	},
	keyFields: map[string]string{
		"Verification.Detainee": "detainee", "Verification.Count": "count", "Verification.Scope": "scope",
		"Verification.Scope.Population": "scope.population", "Verification.Scope.Region": "scope.region",
		"Verification.Scope.Period": "scope.period", "Verification.Source": "source", "Verification.Stated": "stated",
	},
	decode: func(b []byte) (v reconcile.Verification, err error) { err = json.Unmarshal(b, &v); return },
	encode: func(v reconcile.Verification) ([]byte, error) { return json.Marshal(v) },
	keys:   []string{"detainee", "count", "scope", "source", "stated"},
	nested: map[string][]string{"scope": scopeKeys},
}

// ReadVerifications reads verified identities and counts in format f, all
// or nothing, as [ReadSources] does. Each is valid
// ([reconcile.Verification.Validate]): a row names a detainee, or gives the
// count of people a source verified without publishing their names.
func ReadVerifications(r io.Reader, f Format) ([]reconcile.Verification, error) {
	return read(r, f, verificationTable)
}

// WriteVerifications writes the verifications in format f, all or
// nothing, as [WriteSources] does. [ReadVerifications] reads back equal
// verifications ([reconcile.Verification.Equal]).
func WriteVerifications(w io.Writer, f Format, vs []reconcile.Verification) error {
	return write(w, f, verificationTable, vs)
}

// detaineeColumns are the columns of a detainee; get writes the name and
// national ID only if disclose says so.
func detaineeColumns(disclose bool) []column[release.Detainee] {
	secret := func(get func(*release.Detainee) string) func(*release.Detainee) (string, error) {
		return func(d *release.Detainee) (string, error) {
			if !disclose {
				return "", nil
			}
			return get(d), nil
		}
	}
	return []column[release.Detainee]{
		{name: "id", required: true,
			get: plain(func(d *release.Detainee) string { return idCell(d.ID) }),
			set: func(d *release.Detainee, s string) (err error) { d.ID, err = parseRequired(s, parseDetaineeID); return }},
		{name: "name",
			get: secret(func(d *release.Detainee) string { return d.Name.Reveal() }),
			set: func(d *release.Detainee, s string) error { d.Name = release.NewSecret(s); return nil }},
		{name: "national_id",
			get: secret(func(d *release.Detainee) string { return d.NationalID.Reveal() }),
			set: func(d *release.Detainee, s string) error { d.NationalID = release.NewSecret(s); return nil }},
		{name: "sex",
			get: plain(func(d *release.Detainee) string { return enumCell(d.Sex) }),
			set: func(d *release.Detainee, s string) (err error) {
				d.Sex, err = parseOptional(s, parseEnum[release.Sex]())
				return
			}},
		{name: "birth_year",
			get: plain(func(d *release.Detainee) string {
				if d.BirthYear == 0 {
					return ""
				}
				return strconv.Itoa(d.BirthYear)
			}),
			set: func(d *release.Detainee, s string) (err error) {
				d.BirthYear, err = parseOptional(s, parseYear)
				return
			}},
		{name: "category",
			get: plain(func(d *release.Detainee) string { return enumCell(d.Category) }),
			set: func(d *release.Detainee, s string) (err error) {
				d.Category, err = parseOptional(s, parseEnum[release.Category]())
				return
			}},
		{name: "region",
			get: plain(func(d *release.Detainee) string { return idCell(d.Region) }),
			set: func(d *release.Detainee, s string) (err error) { d.Region, err = parseOptional(s, parseRegion); return }},
		{name: "facility",
			get: plain(func(d *release.Detainee) string { return d.Facility }),
			set: func(d *release.Detainee, s string) error { d.Facility = s; return nil }},
		{name: "detained",
			get: plain(func(d *release.Detainee) string { return d.Detained.String() }),
			set: func(d *release.Detainee, s string) (err error) { d.Detained, err = parseOptional(s, parseDate); return }},
	}
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, reason(ErrInvalid, "want a year in digits")
	}
	return y, nil
}

// detaineeFields maps the paths of a detainee's fields to its columns and
// keys, which are the same.
var detaineeFields = map[string]string{
	"Detainee.ID": "id", "Detainee.Name": "name", "Detainee.NationalID": "national_id",
	"Detainee.Sex": "sex", "Detainee.BirthYear": "birth_year", "Detainee.Category": "category",
	"Detainee.Region": "region", "Detainee.Facility": "facility", "Detainee.Detained": "detained",
}

// eventFields maps the paths of an event's fields to its columns and keys,
// which are the same.
var eventFields = map[string]string{
	"Event.Detainee": "detainee", "Event.Kind": "kind", "Event.Day": "day", "Event.Terms": "terms",
	"Event.Facility": "facility", "Event.Region": "region",
}

// detaineeTable exchanges [release.Detainee] in full, name and national ID
// included; redactedDetaineeTable leaves them out.
var detaineeTable, redactedDetaineeTable = newDetaineeTable(true), newDetaineeTable(false)

func newDetaineeTable(disclose bool) *table[release.Detainee] {
	return &table[release.Detainee]{
		kind:      "detainees",
		columns:   detaineeColumns(disclose),
		check:     checkDetainee,
		fields:    detaineeFields,
		keyFields: detaineeFields,
		decode: func(b []byte) (d release.Detainee, err error) {
			if err = json.Unmarshal(b, &d); err == nil {
				err = checkShifted(d)
			}
			return
		},
		encode: func(d release.Detainee) ([]byte, error) {
			if disclose {
				return json.Marshal(release.Disclosed{Detainee: d})
			}
			return json.Marshal(d)
		},
		keys:   []string{"id", "name", "national_id", "sex", "birth_year", "category", "region", "facility", "detained"},
		secret: map[string]bool{"name": true, "national_id": true},
		whole:  true,
	}
}

// checkDetainee validates a detainee read from CSV, as
// [release.Detainee.Validate] does and as checkShifted does.
func checkDetainee(d release.Detainee) error { return errors.Join(d.Validate(), checkShifted(d)) }

// checkShifted refuses a detainee whose region or facility (the columns
// that take free text) looks like a national ID: in a register, that is
// what a name with an unquoted comma does, pushing each cell after it one
// column right.
func checkShifted(d release.Detainee) error {
	var errs []error
	for _, c := range []struct{ column, text string }{{"region", d.Region.String()}, {"facility", d.Facility}} {
		if looksLikeNationalID(c.text) {
			errs = append(errs, &colError{c.column, reason(ErrInvalid, "looks like a national ID, which belongs in column national_id: the cells of the line may have shifted (a name with an unquoted comma?)")})
		}
	}
	return errors.Join(errs...)
}

// looksLikeNationalID reports whether s holds six digits or more in a row,
// counting across the dots, commas and spaces that group digits
// ("V-12.345.678", "12 345 678"): no year, day, count or place name
// does.
func looksLikeNationalID(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if run++; run >= 6 {
				return true
			}
		case (c == '.' || c == ',' || c == ' ') && run > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			// a separator between digits
		default:
			run = 0
		}
	}
	return false
}

// ReadDetainees reads a register of detainees in format f, all or nothing,
// as [ReadSources] does, names and national IDs included where the input
// has them.
//
// A register is a table of personal data, whose cells can shift columns
// (a name with an unquoted comma pushes a national ID into the sex,
// birth_year or category column): no error repeats the value of any cell,
// whatever its column, nor any part of a JSON line; errors name the line,
// the column and the reason. A national ID is refused where it does not
// belong (a region or facility that looks like one; a national ID without
// a digit). An ID used on two lines is refused on the second, with an
// error wrapping [ErrInvalid] and [release.ErrDuplicate]: a register
// lists each person once.
func ReadDetainees(r io.Reader, f Format) ([]release.Detainee, error) {
	file := inputName(r)
	ls, err := readLined(r, f, detaineeTable, file)
	errs := []error{err}
	first := make(map[release.DetaineeID]int, ls.len())
	for l := range ls.all() {
		if line, dup := first[l.rec.ID]; dup {
			errs = append(errs, &LineError{File: file, Line: l.line, Column: "id", Value: redacted,
				Err: reason(ErrInvalid, "%w: the ID of line %d", release.ErrDuplicate, line)})
			continue
		}
		first[l.rec.ID] = l.line
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ls.recs, nil
}

// WriteDetainees writes the detainees in format f without their names and
// national IDs (the CSV columns are left empty), all or nothing, as
// [WriteSources] does. It refuses, as [ReadDetainees] does, an ID used
// twice. To write them in full, use [WriteDisclosed]: that
// is the explicit request for personal data.
func WriteDetainees(w io.Writer, f Format, ds []release.Detainee) error {
	if err := checkDistinct(ds); err != nil {
		return err
	}
	return write(w, f, redactedDetaineeTable, ds)
}

// checkDistinct refuses a register that uses an ID twice, which
// [ReadDetainees] would not read back.
func checkDistinct(ds []release.Detainee) error {
	var errs []error
	first := make(map[release.DetaineeID]int, len(ds))
	for n, d := range ds {
		if k, dup := first[d.ID]; dup {
			errs = append(errs, &LineError{Line: n + 1, Column: "id", Value: redacted,
				Err: reason(ErrUnencodable, "%w: the ID of record %d", release.ErrDuplicate, k)})
			continue
		}
		first[d.ID] = n + 1
	}
	return errors.Join(errs...)
}

// WriteDisclosed writes the detainees in full, names and national IDs
// included, for registers that must be exchanged whole, as
// [release.Disclosed] encodes them. [ReadDetainees] reads back equal
// detainees.
func WriteDisclosed(w io.Writer, f Format, ds []release.Detainee) error {
	if err := checkDistinct(ds); err != nil {
		return err
	}
	return write(w, f, detaineeTable, ds)
}

// eventTable exchanges [release.Event].
var eventTable = &table[release.Event]{
	kind: "events",
	columns: []column[release.Event]{
		{name: "detainee", required: true,
			get: plain(func(e *release.Event) string { return idCell(e.Detainee) }),
			set: func(e *release.Event, s string) (err error) {
				e.Detainee, err = parseRequired(s, parseDetaineeID)
				return
			}},
		{name: "kind", required: true,
			get: plain(func(e *release.Event) string { return enumCell(e.Kind) }),
			set: func(e *release.Event, s string) (err error) {
				e.Kind, err = parseRequired(s, parseEnum[release.EventKind]())
				return
			}},
		{name: "day", required: true,
			get: plain(func(e *release.Event) string { return e.Day.String() }),
			set: func(e *release.Event, s string) (err error) { e.Day, err = parseRequired(s, parseDate); return }},
		{name: "terms",
			get: plain(func(e *release.Event) string { return enumCell(e.Terms) }),
			set: func(e *release.Event, s string) (err error) {
				e.Terms, err = parseOptional(s, parseEnum[release.Terms]())
				return
			}},
		{name: "facility",
			get: plain(func(e *release.Event) string { return e.Facility }),
			set: func(e *release.Event, s string) error { e.Facility = s; return nil }},
		{name: "region",
			get: plain(func(e *release.Event) string { return idCell(e.Region) }),
			set: func(e *release.Event, s string) (err error) { e.Region, err = parseOptional(s, parseRegion); return }},
	},
	check:     release.Event.Validate,
	fields:    eventFields,
	keyFields: eventFields,
	decode:    func(b []byte) (e release.Event, err error) { err = json.Unmarshal(b, &e); return },
	encode:    func(e release.Event) ([]byte, error) { return json.Marshal(e) },
	keys:      []string{"detainee", "kind", "day", "terms", "facility", "region"},
}

// ReadEvents reads detention and release events in format f, all or
// nothing, as [ReadSources] does. Each is valid ([release.Event.Validate]);
// whether a ledger accepts them is for [release.Ledger.Record].
func ReadEvents(r io.Reader, f Format) ([]release.Event, error) { return read(r, f, eventTable) }

// WriteEvents writes the events in format f, all or nothing, as
// [WriteSources] does. [ReadEvents] reads back equal events.
func WriteEvents(w io.Writer, f Format, es []release.Event) error {
	return write(w, f, eventTable, es)
}
