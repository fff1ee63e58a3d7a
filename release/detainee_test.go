package release_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

func propValidateAcceptsGeneratedValues(t *rapid.T) {
	d := releasetest.Detainee().Draw(t, "d")
	require.NoError(t, d.Validate())
	require.Equal(t, d.Category.Population(), d.Population())
	e := releasetest.Event().Draw(t, "e")
	require.NoError(t, e.Validate())
}

func TestValidateAcceptsGeneratedValues(t *testing.T) {
	rapid.Check(t, propValidateAcceptsGeneratedValues)
}

// requireRedacted checks that the field errors of a detainee never repeat
// its name or national ID.
func requireRedacted(t require.TestingT, fes []*release.FieldError) {
	for _, fe := range fes {
		if fe.Field() == "Detainee.Name" || fe.Field() == "Detainee.NationalID" {
			require.Equal(t, "<redacted>", fe.Value)
		}
	}
}

func propDetaineeValidateRejectsBadFields(t *rapid.T) {
	bad := releasetest.BadDetainee().Draw(t, "bad")
	d := bad.Value
	err := d.Validate()
	fes := requireInvalidFields(t, err, bad.Fields...)
	requireRedacted(t, fes)
	requireNoPersonalData(t, d, err.Error())
	_, err = json.Marshal(d)
	require.ErrorIs(t, err, release.ErrInvalid, "MarshalJSON validates")
	requireNoPersonalData(t, d, err.Error())
	var l release.Ledger
	err = l.Register(d)
	requireInvalidFields(t, err, bad.Fields...)
	require.Equal(t, 0, l.Len())
}

func TestDetaineeValidateRejectsBadFields(t *testing.T) {
	rapid.Check(t, propDetaineeValidateRejectsBadFields)
}

func propEventValidateRejectsBadFields(t *rapid.T) {
	bad := releasetest.BadEvent().Draw(t, "bad")
	err := bad.Value.Validate()
	requireInvalidFields(t, err, bad.Fields...)
	_, err = json.Marshal(bad.Value)
	require.ErrorIs(t, err, release.ErrInvalid, "MarshalJSON validates")
}

func TestEventValidateRejectsBadFields(t *testing.T) {
	rapid.Check(t, propEventValidateRejectsBadFields)
}

// requireNoPersonalData checks that out contains neither the name nor the
// national ID of d. Generated names and IDs are long enough (a dozen and
// eight bytes at least) not to turn up by accident.
func requireNoPersonalData(t require.TestingT, d release.Detainee, out string) {
	for _, secret := range []string{d.Name.Reveal(), d.NationalID.Reveal()} {
		if len(secret) >= 8 {
			require.NotContains(t, out, secret)
		}
	}
}

func propDetaineeNeverShowsNameOrNationalID(t *rapid.T) {
	d := releasetest.Detainee().Draw(t, "d")
	require.GreaterOrEqual(t, d.Name.Len(), 12)
	var outs []string
	outs = append(outs, d.String(), d.GoString())
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%T %[1]v", "%10.3v"} {
		outs = append(outs,
			fmt.Sprintf(verb, d),
			fmt.Sprintf(verb, &d),
			fmt.Sprintf(verb, []release.Detainee{d}),
			fmt.Sprintf(verb, map[string]release.Detainee{"k": d}),
			fmt.Sprintf(verb, struct{ D release.Detainee }{d}),
		)
	}
	outs = append(outs, fmt.Sprint(d), fmt.Sprintln(d), fmt.Sprint(&d))

	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		log := slog.New(h)
		log.Info("registered", "detainee", d)
		log.Info("registered", "detainee", &d)
		log.Info("registered", slog.Any("detainee", d))
		log.With("detainee", d).Warn("again")
		log.WithGroup("g").Info("grouped", "detainee", d)
	}
	outs = append(outs, buf.String())

	// Every error about this person: a bad field beside the name, a
	// duplicate, a detention with no region, and ledger rules.
	bad := d
	bad.Sex, bad.Facility = 9, strings.Repeat("x", release.MaxFacilityLen+1)
	outs = append(outs, bad.Validate().Error())
	var l release.Ledger
	noRegion := d
	noRegion.Region, noRegion.Detained = release.Region{}, release.MustDate(2026, time.January, 25)
	noRegion.BirthYear = 0
	if err := l.Register(noRegion); err != nil {
		outs = append(outs, err.Error(), fmt.Sprintf("%+v", err))
	}
	free := d
	free.Detained, free.Region = release.Date{}, release.MustRegion("VE")
	if err := l.Register(free); err == nil {
		err := l.Register(free)
		require.ErrorIs(t, err, release.ErrDuplicate)
		outs = append(outs, err.Error())
		err = l.Record(release.Event{Detainee: d.ID, Kind: release.Released, Day: release.MustDate(2026, time.January, 25)})
		require.ErrorIs(t, err, release.ErrNotHeld)
		outs = append(outs, err.Error(), fmt.Sprintf("%#v", err))
	}
	for _, out := range outs {
		requireNoPersonalData(t, d, out)
	}
	require.Contains(t, d.String(), d.ID.String())
}

func TestDetaineeNeverShowsNameOrNationalID(t *testing.T) {
	rapid.Check(t, propDetaineeNeverShowsNameOrNationalID)
}

func TestDetaineeLogValueShowsIDCategoryAndRegion(t *testing.T) {
	d := release.Detainee{
		ID:         release.MustDetaineeID("FP-2026-0007"),
		Name:       release.NewSecret("Yusmary Peñaloza Briceño"), // invented
		NationalID: release.NewSecret("V-21.987.654"),             // invented
		Category:   release.Journalist,
		Region:     release.MustRegion("VE/Zulia"),
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})).Info("released", "detainee", d)
	assert.JSONEq(t, `{"level":"INFO","msg":"released","detainee":{"id":"FP-2026-0007","category":"journalist","region":"VE/Zulia"}}`, buf.String())
	assert.Equal(t, "Detainee(FP-2026-0007)", fmt.Sprintf("%+v", d))
}

func propDetaineeJSONRoundTrip(t *rapid.T) {
	d := releasetest.Detainee().Draw(t, "d")
	b, err := json.Marshal(release.Disclosed{Detainee: d})
	require.NoError(t, err)
	var u release.Detainee
	require.NoError(t, json.Unmarshal(b, &u))
	require.Equal(t, d, u)
	// The encoding is canonical: encoding the decoded value gives the same
	// bytes.
	b2, err := json.Marshal(release.Disclosed{Detainee: u})
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))

	// Without Disclosed, the same detainee encodes without its personal data
	// and decodes to the detainee minus name and national ID.
	plain, err := json.Marshal(d)
	require.NoError(t, err)
	var p release.Detainee
	require.NoError(t, json.Unmarshal(plain, &p))
	want := d
	want.Name, want.NationalID = release.Secret{}, release.Secret{}
	require.Equal(t, want, p)
}

// TestDetaineeNestedInJSONLogIsRedacted: slog's JSON handler consults
// LogValue only for the top-level value; a detainee inside a slice is
// encoded with MarshalJSON, which must not disclose the name either.
func TestDetaineeNestedInJSONLogIsRedacted(t *testing.T) {
	d := release.Detainee{
		ID:         release.MustDetaineeID("FP-2026-0009"),
		Name:       release.NewSecret("Zoraida Inventada Pérez"), // invented
		NationalID: release.NewSecret("V-98.765.432"),            // invented
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("batch", "detainees", []release.Detainee{d}, "one", struct{ D release.Detainee }{d})
	assert.Contains(t, buf.String(), "FP-2026-0009")
	assert.NotContains(t, buf.String(), "Zoraida")
	assert.NotContains(t, buf.String(), "98.765.432")
}

func TestDetaineeJSONRoundTrip(t *testing.T) { rapid.Check(t, propDetaineeJSONRoundTrip) }
func FuzzDetaineeJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propDetaineeJSONRoundTrip)) }

func propEventJSONRoundTrip(t *rapid.T) {
	e := releasetest.Event().Draw(t, "e")
	b, err := json.Marshal(e)
	require.NoError(t, err)
	var u release.Event
	require.NoError(t, json.Unmarshal(b, &u))
	require.Equal(t, e, u)
	b2, err := json.Marshal(u)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
}

func TestEventJSONRoundTrip(t *testing.T) { rapid.Check(t, propEventJSONRoundTrip) }
func FuzzEventJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propEventJSONRoundTrip)) }

func TestDetaineeJSONUsesSnakeCaseAndOmitsUnrecorded(t *testing.T) {
	d := release.Detainee{
		ID:         release.MustDetaineeID("FP-2026-0001"),
		Name:       release.NewSecret("Óscar Ramón Núñez Ávila"), // invented
		NationalID: release.NewSecret("V-12.345.678"),            // invented
		Sex:        release.Male,
		BirthYear:  1984,
		Category:   release.Military,
		Region:     release.MustRegion("VE/Anzoátegui"),
		Facility:   "Rodeo I",
		Detained:   release.MustDate(2024, time.August, 3),
	}
	b, err := json.Marshal(release.Disclosed{Detainee: d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"FP-2026-0001","name":"Óscar Ramón Núñez Ávila","national_id":"V-12.345.678",
		"sex":"male","birth_year":1984,"category":"military","region":"VE/Anzoátegui",
		"facility":"Rodeo I","detained":"2024-08-03"}`, string(b))
	b, err = json.Marshal(release.Detainee{ID: d.ID})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"FP-2026-0001"}`, string(b), "unrecorded fields are left out")

	var u release.Detainee
	require.NoError(t, json.Unmarshal([]byte(`{"id":"FP-2026-0001","detained":""}`), &u))
	assert.Equal(t, release.Detainee{ID: d.ID}, u, "an empty date is unknown")
}

func TestEventJSONAndLogShowTheWholeEvent(t *testing.T) {
	e := release.Event{
		Detainee: release.MustDetaineeID("FP-2026-0001"),
		Kind:     release.Released,
		Day:      release.MustDate(2026, time.January, 25),
		Terms:    release.Conditional,
		Facility: "El Helicoide",
		Region:   release.MustRegion("VE/Caracas"),
	}
	b, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"detainee":"FP-2026-0001","kind":"released","day":"2026-01-25","terms":"conditional","facility":"El Helicoide","region":"VE/Caracas"}`, string(b))
	assert.Equal(t, "released FP-2026-0001 2026-01-25 (conditional)", e.String())
	e.Terms = 0
	assert.Equal(t, "released FP-2026-0001 2026-01-25", e.String())

	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})).Info("ok", "event", e)
	assert.Equal(t, "level=INFO msg=ok event.kind=released event.detainee=FP-2026-0001 event.day=2026-01-25 event.region=VE/Caracas\n", buf.String())
}

func TestValidateJoinsEveryBadField(t *testing.T) {
	d := release.Detainee{
		Name:       release.NewSecret(strings.Repeat("ñ", release.MaxNameLen)),
		NationalID: release.NewSecret("V-\xff"),
		Sex:        7,
		BirthYear:  1800,
		Category:   99,
		Facility:   "\xc3",
	}
	err := d.Validate()
	fes := requireInvalidFields(t, err)
	var got []string
	for _, fe := range fes {
		got = append(got, fe.Field())
	}
	assert.Equal(t, []string{"Detainee.ID", "Detainee.Name", "Detainee.NationalID", "Detainee.Sex", "Detainee.BirthYear", "Detainee.Category", "Detainee.Facility"}, got)
	requireRedacted(t, fes)

	e := release.Event{Kind: 9, Terms: 9, Facility: strings.Repeat("x", release.MaxFacilityLen+1)}
	fes = requireInvalidFields(t, e.Validate())
	got = got[:0]
	for _, fe := range fes {
		got = append(got, fe.Field())
	}
	assert.Equal(t, []string{"Event.Detainee", "Event.Kind", "Event.Day", "Event.Terms", "Event.Facility"}, got)
}

func TestDetaineeIDAcceptsOpaqueKeysAndRejectsBadText(t *testing.T) {
	for _, ok := range []string{"FP-2026-0117", "a", "José Pérez 1", strings.Repeat("x", 128), "ñ", "OVP/2025/17"} {
		id, err := release.ParseDetaineeID(ok)
		require.NoError(t, err, ok)
		assert.Equal(t, ok, id.String())
		b, err := id.MarshalText()
		require.NoError(t, err)
		var u release.DetaineeID
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, id, u)
	}
	for _, bad := range []string{"", " FP", "FP ", "\tFP", "FP\n", "F\x00P", "F\u0085P", "\xff", strings.Repeat("x", 129), "\u00a0FP"} {
		id, err := release.ParseDetaineeID(bad)
		assert.False(t, id.IsValid())
		fes := requireInvalidFields(t, err, "DetaineeID")
		assert.Equal(t, quotedTrunc(bad), fes[0].Value)
	}
	var zero release.DetaineeID
	_, err := zero.MarshalText()
	requireInvalidFields(t, err, "DetaineeID")
	a, b := release.MustDetaineeID("A"), release.MustDetaineeID("B")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Panics(t, func() { release.MustDetaineeID("") })
	// IDs are compared byte for byte: no Unicode folding.
	assert.NotEqual(t, release.MustDetaineeID("Jose\u0301"), release.MustDetaineeID("José"))
}

func TestEnumTextRoundTripsAndRejectsUnknownNames(t *testing.T) {
	type enum interface {
		String() string
		IsValid() bool
		MarshalText() ([]byte, error)
	}
	check := func(t *testing.T, typ string, values []enum, names []string, zero, unknown enum, decode func(string) (enum, error)) {
		for i, v := range values {
			assert.True(t, v.IsValid())
			assert.Equal(t, names[i], v.String())
			b, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, names[i], string(b))
			u, err := decode(names[i])
			require.NoError(t, err)
			assert.Equal(t, v, u)
		}
		for _, v := range []enum{zero, unknown} {
			assert.False(t, v.IsValid())
			_, err := v.MarshalText()
			fes := requireInvalidFields(t, err, typ)
			assert.Equal(t, quoted(v.String()), fes[0].Value)
		}
		assert.Equal(t, typ+"(0)", zero.String())
		for _, bad := range []string{"", "Female", "MALE", " male", "unknown", "0", "1", names[0] + " "} {
			_, err := decode(bad)
			fes := requireInvalidFields(t, err, typ)
			assert.Equal(t, quoted(bad), fes[0].Value)
			assert.Contains(t, err.Error(), strings.Join(names, ", "), "lists the names")
		}
	}
	t.Run("Sex", func(t *testing.T) {
		check(t, "Sex", []enum{release.Female, release.Male, release.OtherSex}, []string{"female", "male", "other"},
			release.Sex(0), release.Sex(4), func(s string) (enum, error) {
				var v release.Sex
				err := v.UnmarshalText([]byte(s))
				return v, err
			})
		assert.Equal(t, "Sex(255)", release.Sex(255).String())
	})
	t.Run("Category", func(t *testing.T) {
		check(t, "Category",
			[]enum{release.PoliticalPrisoner, release.Military, release.ForeignNational, release.Journalist, release.Minor, release.HumanRightsDefender, release.CommonDetainee},
			[]string{"political_prisoner", "military", "foreign_national", "journalist", "minor", "human_rights_defender", "common_detainee"},
			release.Category(0), release.Category(8), func(s string) (enum, error) {
				var v release.Category
				err := v.UnmarshalText([]byte(s))
				return v, err
			})
	})
	t.Run("EventKind", func(t *testing.T) {
		check(t, "EventKind", []enum{release.Detained, release.Released}, []string{"detained", "released"},
			release.EventKind(0), release.EventKind(3), func(s string) (enum, error) {
				var v release.EventKind
				err := v.UnmarshalText([]byte(s))
				return v, err
			})
	})
	t.Run("Terms", func(t *testing.T) {
		check(t, "Terms", []enum{release.Unconditional, release.Conditional, release.HouseArrest, release.Expelled},
			[]string{"unconditional", "conditional", "house_arrest", "expelled"},
			release.Terms(0), release.Terms(5), func(s string) (enum, error) {
				var v release.Terms
				err := v.UnmarshalText([]byte(s))
				return v, err
			})
	})
}

func TestCategoryPopulationNestsUnderDetainees(t *testing.T) {
	for c, want := range map[release.Category]string{
		0:                           "detainees",
		release.PoliticalPrisoner:   "detainees/political",
		release.Military:            "detainees/political/military",
		release.ForeignNational:     "detainees/political/foreign",
		release.Journalist:          "detainees/political/journalist",
		release.Minor:               "detainees/political/minor",
		release.HumanRightsDefender: "detainees/political/defender",
		release.CommonDetainee:      "detainees/common",
		8:                           "detainees",
		255:                         "detainees",
	} {
		assert.Equal(t, release.MustPopulation(want), c.Population(), "%s", c)
		assert.True(t, release.MustPopulation("detainees").Contains(c.Population()))
	}
}

func TestUnmarshalLeavesValueOnError(t *testing.T) {
	d := release.Detainee{ID: release.MustDetaineeID("FP-1")}
	err := json.Unmarshal([]byte(`{"id":"FP-2","birth_year":1800}`), &d)
	requireInvalidFields(t, err, "Detainee.BirthYear")
	assert.Equal(t, release.MustDetaineeID("FP-1"), d.ID)

	e := release.Event{Facility: "kept"}
	err = json.Unmarshal([]byte(`{"detainee":"FP-2","kind":"released","day":"2026-01-25","terms":"pardoned"}`), &e)
	fe, ok := errors.AsType[*release.FieldError](err)
	require.True(t, ok)
	assert.Equal(t, "Event.Terms", fe.Field())
	assert.Equal(t, "kept", e.Facility)
}
