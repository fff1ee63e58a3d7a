package release_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/release"
)

// TestBadInputIsATypedErrorNamingFieldAndValue walks bad input across the
// package: each gives an error that errors.Is the right sentinel and
// errors.As a *FieldError naming the field and repeating the value (quoted,
// truncated), or "<redacted>" for a name or national ID.
func TestBadInputIsATypedErrorNamingFieldAndValue(t *testing.T) {
	long := strings.Repeat("Ñ", 200) // 400 bytes, 200 runes
	id := release.MustDetaineeID("FP-2026-0001")
	valid := release.Detainee{ID: id, Name: release.NewSecret("Begoña Ibáñez Colmenárez"), NationalID: release.NewSecret("V-18.765.432")} // invented
	with := func(f func(*release.Detainee)) release.Detainee { d := valid; f(&d); return d }
	ev := release.Event{Detainee: id, Kind: release.Released, Day: jan(25)}
	withEv := func(f func(*release.Event)) release.Event { e := ev; f(&e); return e }
	unmarshal := func(v any, text string) func() error {
		return func() error { return json.Unmarshal([]byte(text), v) }
	}
	text := func(v interface{ UnmarshalText([]byte) error }, s string) func() error {
		return func() error { return v.UnmarshalText([]byte(s)) }
	}
	type row struct {
		name  string
		call  func() error
		is    error
		field string
		value string // the FieldError's Value, exactly
	}
	rows := []row{
		// IDs.
		{"empty detainee ID", func() error { _, err := release.ParseDetaineeID(""); return err }, release.ErrInvalid, "DetaineeID", `""`},
		{"overlong detainee ID", func() error { _, err := release.ParseDetaineeID(strings.Repeat("x", 129)); return err }, release.ErrInvalid, "DetaineeID", quotedTrunc(strings.Repeat("x", 129))},
		{"detainee ID with control", func() error { _, err := release.ParseDetaineeID("FP\x00"); return err }, release.ErrInvalid, "DetaineeID", `"FP\x00"`},
		{"detainee ID not UTF-8", func() error { _, err := release.ParseDetaineeID("FP\xff"); return err }, release.ErrInvalid, "DetaineeID", `"FP\xff"`},
		{"missing detainee ID", func() error { return with(func(d *release.Detainee) { d.ID = release.DetaineeID{} }).Validate() }, release.ErrInvalid, "Detainee.ID", `""`},
		{"empty ID in JSON", unmarshal(new(release.Detainee), `{"id":""}`), release.ErrInvalid, "Detainee.ID", `""`},
		{"empty event detainee", func() error { return withEv(func(e *release.Event) { e.Detainee = release.DetaineeID{} }).Validate() }, release.ErrInvalid, "Event.Detainee", `""`},

		// Personal data: never repeated.
		{"overlong name", func() error {
			return with(func(d *release.Detainee) { d.Name = release.NewSecret(strings.Repeat("José ", 103)) }).Validate()
		}, release.ErrInvalid, "Detainee.Name", "<redacted>"},
		{"name not UTF-8", func() error {
			return with(func(d *release.Detainee) { d.Name = release.NewSecret("Jos\xe9 P\xe9rez") }).Validate()
		}, release.ErrInvalid, "Detainee.Name", "<redacted>"},
		{"overlong national ID", func() error {
			return with(func(d *release.Detainee) { d.NationalID = release.NewSecret("V-" + strings.Repeat("1", 63)) }).Validate()
		}, release.ErrInvalid, "Detainee.NationalID", "<redacted>"},
		{"national ID not UTF-8", func() error {
			return with(func(d *release.Detainee) { d.NationalID = release.NewSecret("V-12.345.\xff78") }).Validate()
		}, release.ErrInvalid, "Detainee.NationalID", "<redacted>"},

		// Other fields: repeated, quoted and cut.
		{"overlong facility", func() error { return with(func(d *release.Detainee) { d.Facility = long + long }).Validate() }, release.ErrInvalid, "Detainee.Facility", quotedTrunc(long)},
		{"facility not UTF-8", func() error { return withEv(func(e *release.Event) { e.Facility = "Rodeo \xff" }).Validate() }, release.ErrInvalid, "Event.Facility", `"Rodeo \xff"`},
		{"overlong event facility", func() error {
			return withEv(func(e *release.Event) { e.Facility = strings.Repeat("y", release.MaxFacilityLen+1) }).Validate()
		}, release.ErrInvalid, "Event.Facility", `"` + strings.Repeat("y", 64) + `"…`},
		{"birth year", func() error { return with(func(d *release.Detainee) { d.BirthYear = 1899 }).Validate() }, release.ErrInvalid, "Detainee.BirthYear", `"1899"`},
		{"detained before birth", func() error {
			return with(func(d *release.Detainee) { d.BirthYear, d.Detained = 2000, release.MustDate(1999, time.December, 31) }).Validate()
		}, release.ErrInvalid, "Detainee.Detained", `"1999-12-31"`},

		// Enums, as values and as text.
		{"unknown sex value", func() error { return with(func(d *release.Detainee) { d.Sex = 4 }).Validate() }, release.ErrInvalid, "Detainee.Sex", `"Sex(4)"`},
		{"unknown category value", func() error { return with(func(d *release.Detainee) { d.Category = 8 }).Validate() }, release.ErrInvalid, "Detainee.Category", `"Category(8)"`},
		{"unset event kind", func() error { return withEv(func(e *release.Event) { e.Kind = 0 }).Validate() }, release.ErrInvalid, "Event.Kind", `"EventKind(0)"`},
		{"unknown terms value", func() error { return withEv(func(e *release.Event) { e.Terms = 5 }).Validate() }, release.ErrInvalid, "Event.Terms", `"Terms(5)"`},
		{"terms on a detention", func() error {
			return withEv(func(e *release.Event) { e.Kind, e.Terms = release.Detained, release.Conditional }).Validate()
		}, release.ErrInvalid, "Event.Terms", `"conditional"`},
		{"unknown sex text", text(new(release.Sex), "mujer"), release.ErrInvalid, "Sex", `"mujer"`},
		{"unknown category text", text(new(release.Category), "political"), release.ErrInvalid, "Category", `"political"`},
		{"unknown event kind text", text(new(release.EventKind), "freed"), release.ErrInvalid, "EventKind", `"freed"`},
		{"unknown terms text", text(new(release.Terms), "parole"), release.ErrInvalid, "Terms", `"parole"`},
		{"unknown sex in JSON", unmarshal(new(release.Detainee), `{"id":"FP-1","sex":"F"}`), release.ErrInvalid, "Detainee.Sex", "<redacted>"}, // any field of a detainee may hold a shifted name
		{"unknown kind in JSON", unmarshal(new(release.Event), `{"detainee":"FP-1","kind":"excarcelado","day":"2026-01-25"}`), release.ErrInvalid, "Event.Kind", `"excarcelado"`},

		// Dates and periods.
		{"no such day", func() error { _, err := release.ParseDate("2026-02-30"); return err }, release.ErrInvalid, "Date", `"2026-02-30"`},
		{"not leap", func() error { _, err := release.NewDate(2025, time.February, 29); return err }, release.ErrInvalid, "Date", `"2025-02-29"`},
		{"bad date form", func() error { _, err := release.ParseDate("25/01/2026"); return err }, release.ErrInvalid, "Date", `"25/01/2026"`},
		{"bad date in JSON", unmarshal(new(release.Event), `{"detainee":"FP-1","kind":"released","day":"2026-1-25"}`), release.ErrInvalid, "Event.Day", `"2026-1-25"`},
		{"missing event day", func() error { return withEv(func(e *release.Event) { e.Day = release.Date{} }).Validate() }, release.ErrInvalid, "Event.Day", `""`},
		{"inverted period", func() error { _, err := release.NewPeriod(jan(26), jan(25)); return err }, release.ErrInvalid, "Period", `"2026-01-26/2026-01-25"`},
		{"inverted period text", func() error { _, err := release.ParsePeriod("2026-01-26/2026-01-25"); return err }, release.ErrInvalid, "Period", `"2026-01-26/2026-01-25"`},
		{"scope with an inverted period", unmarshal(new(release.Scope), `{"population":"detainees","region":"VE","period":"2026-01-26/2026-01-25"}`), release.ErrInvalid, "Scope.Period", `"2026-01-26/2026-01-25"`},

		// Paths.
		{"path not UTF-8", func() error { _, err := release.ParseRegion("VE/Anzo\xe1tegui"); return err }, release.ErrInvalid, "Region", `"VE/Anzo\xe1tegui"`},
		{"empty path segment", func() error { _, err := release.ParsePopulation("detainees//political"); return err }, release.ErrInvalid, "Population", `"detainees//political"`},
		{"overlong path", func() error { _, err := release.ParseRegion("VE/" + long); return err }, release.ErrInvalid, "Region", quotedTrunc("VE/" + long)},
		{"scope without region", func() error {
			_, err := release.NewScope(release.MustPopulation("detainees"), release.Region{}, release.Period{})
			return err
		}, release.ErrInvalid, "Scope.Region", `""`},

		// The ledger's field rule: a duplicate ID.
		{"duplicate registration", func() error {
			var l release.Ledger
			if err := l.Register(valid); err != nil {
				return err
			}
			return l.Register(valid)
		}, release.ErrDuplicate, "Detainee.ID", `"FP-2026-0001"`},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err := r.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, r.is)
			fe, ok := errors.AsType[*release.FieldError](err)
			require.True(t, ok, "%T %v", err, err)
			var fe2 *release.FieldError
			require.True(t, errors.As(err, &fe2))
			assert.Same(t, fe, fe2)
			assert.Equal(t, r.field, fe.Field())
			assert.Equal(t, r.value, fe.Value)
			assert.True(t, utf8.ValidString(err.Error()), "the message is valid UTF-8: %q", err.Error())
			assert.True(t, strings.HasPrefix(err.Error(), "release: "), err.Error())
			assert.Contains(t, err.Error(), r.field)
			assert.LessOrEqual(t, utf8.RuneCountInString(fe.Value), 64+3, "value cut")
			for _, secret := range []string{valid.Name.Reveal(), valid.NationalID.Reveal(), "José José", "Jos\xe9", "12.345.\xff78", "V-1111"} {
				assert.NotContains(t, err.Error(), secret)
			}
		})
	}
}

// TestLedgerRuleErrors shows each ledger rule as a *RuleError that names the
// rule and the event.
func TestLedgerRuleErrors(t *testing.T) {
	id := release.MustDetaineeID("FP-2026-0002")
	newLedger := func(t *testing.T) *release.Ledger {
		var l release.Ledger
		require.NoError(t, l.Register(release.Detainee{ID: id, Name: release.NewSecret("Darío Márquez Añez"), Region: release.MustRegion("VE"), Detained: jan(10)}))
		require.NoError(t, l.Register(release.Detainee{ID: release.MustDetaineeID("FP-2026-0003")}))
		return &l
	}
	for _, tc := range []struct {
		name string
		e    release.Event
		rule error
	}{
		{"release before detention", release.Event{Detainee: id, Kind: release.Released, Day: jan(9)}, release.ErrOutOfOrder},
		{"detention of someone held", release.Event{Detainee: id, Kind: release.Detained, Day: jan(11)}, release.ErrAlreadyHeld},
		{"release of someone not held", release.Event{Detainee: release.MustDetaineeID("FP-2026-0003"), Kind: release.Released, Day: jan(11), Region: release.MustRegion("VE")}, release.ErrNotHeld},
		{"unknown detainee", release.Event{Detainee: release.MustDetaineeID("FP-9"), Kind: release.Released, Day: jan(11)}, release.ErrUnknownDetainee},
		{"no region", release.Event{Detainee: release.MustDetaineeID("FP-2026-0003"), Kind: release.Detained, Day: jan(11)}, release.ErrNoRegion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLedger(t)
			err := l.Record(tc.e)
			require.ErrorIs(t, err, tc.rule)
			re, ok := errors.AsType[*release.RuleError](err)
			require.True(t, ok, "%T", err)
			assert.Equal(t, tc.rule, re.Rule)
			assert.Equal(t, tc.e, re.Event)
			assert.Equal(t, "release: ledger: "+tc.rule.Error()+": "+tc.e.String(), err.Error())
			assert.NotContains(t, err.Error(), "Darío")
		})
	}
	var l release.Ledger
	err := l.Register(release.Detainee{ID: id, Detained: jan(10)})
	require.ErrorIs(t, err, release.ErrNoRegion, "a registration that opens a detention needs a region")
	assert.Equal(t, 0, l.Len())
}
