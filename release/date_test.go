package release_test

import (
	"cmp"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

var (
	firstDay = release.MustDate(1, time.January, 1)
	lastDay  = release.MustDate(9999, time.December, 31)
)

// dateOrZero draws a valid date or, sometimes, the zero Date.
func dateOrZero(t *rapid.T, label string) release.Date {
	if rapid.IntRange(0, 9).Draw(t, label+"IsZero") == 0 {
		return release.Date{}
	}
	return releasetest.Date().Draw(t, label)
}

func propDateTextRoundTrip(t *rapid.T) {
	d := releasetest.Date().Draw(t, "d")
	require.True(t, d.IsValid())
	s := d.String()

	// The text is what the time package writes for the same day.
	require.Equal(t, d.Start(time.UTC).Format(time.DateOnly), s)
	y, m, dd := d.Ymd()
	require.Equal(t, fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd), s)
	require.Equal(t, d, release.MustDate(y, m, dd))
	require.Equal(t, d.Start(time.UTC).Weekday(), d.Weekday())

	p, err := release.ParseDate(s)
	require.NoError(t, err)
	require.Equal(t, d, p)

	b, err := d.MarshalText()
	require.NoError(t, err)
	var u release.Date
	require.NoError(t, u.UnmarshalText(b))
	require.Equal(t, d, u)
}

func TestDateTextRoundTrip(t *testing.T) { rapid.Check(t, propDateTextRoundTrip) }
func FuzzDateTextRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propDateTextRoundTrip)) }

func TestZeroDateIsBlankText(t *testing.T) {
	var zero release.Date
	assert.False(t, zero.IsValid())
	assert.Equal(t, "", zero.String())
	b, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	d := release.MustDate(2026, time.January, 25)
	require.NoError(t, d.UnmarshalText(nil))
	assert.Equal(t, zero, d, "empty text decodes to the zero Date")
	y, m, dd := zero.Ymd()
	assert.Equal(t, []int{0, 0, 0}, []int{y, int(m), dd})
	assert.Equal(t, time.Sunday, zero.Weekday())
	assert.True(t, zero.Start(time.UTC).IsZero())
	_, err = release.ParseDate("")
	assert.ErrorIs(t, err, release.ErrInvalid, "ParseDate, unlike UnmarshalText, wants a day")
}

func propDateAddDaysInverseOfDaysSince(t *rapid.T) {
	d := releasetest.Date().Draw(t, "d")
	n := rapid.OneOf(rapid.IntRange(-400, 400), rapid.IntRange(-4_000_000, 4_000_000)).Draw(t, "n")
	e, ok := d.AddDays(n)
	// Oracle: the time package's calendar arithmetic.
	want := d.Start(time.UTC).AddDate(0, 0, n)
	inRange := want.Year() >= 1 && want.Year() <= 9999
	require.Equal(t, inRange, ok, "AddDays(%d) from %s: time says %s", n, d, want.Format(time.DateOnly))
	if !ok {
		require.Equal(t, release.Date{}, e)
		return
	}
	require.Equal(t, want, e.Start(time.UTC))
	require.Equal(t, n, e.DaysSince(d))
	require.Equal(t, -n, d.DaysSince(e))
	back, ok := e.AddDays(-n)
	require.True(t, ok)
	require.Equal(t, d, back)
}

func TestDateAddDaysInverseOfDaysSince(t *testing.T) {
	rapid.Check(t, propDateAddDaysInverseOfDaysSince)
}

func TestDateAddDaysStaysInRange(t *testing.T) {
	d := release.MustDate(2026, time.January, 25)
	for _, tc := range []struct {
		from release.Date
		n    int
		ok   bool
	}{
		{lastDay, 1, false},
		{lastDay, 0, true},
		{firstDay, -1, false},
		{firstDay, 0, true},
		{firstDay, lastDay.DaysSince(firstDay), true},
		{d, math.MaxInt, false},
		{d, math.MinInt, false},
		{d, math.MaxInt32, false},
		{d, math.MinInt32, false},
		{release.Date{}, 0, false},
		{release.Date{}, 1, false},
	} {
		got, ok := tc.from.AddDays(tc.n)
		assert.Equal(t, tc.ok, ok, "%q.AddDays(%d)", tc.from, tc.n)
		if !ok {
			assert.False(t, got.IsValid())
		}
	}
	assert.Equal(t, 0, release.Date{}.DaysSince(d))
	assert.Equal(t, 0, d.DaysSince(release.Date{}))
	assert.Equal(t, 3652058, lastDay.DaysSince(firstDay))
}

func propDateCompareConsistentWithBeforeAfter(t *rapid.T) {
	a := dateOrZero(t, "a")
	b := rapid.OneOf(rapid.Just(a), releasetest.Date()).Draw(t, "b")
	c := a.Compare(b)
	require.Contains(t, []int{-1, 0, 1}, c)
	require.Equal(t, -c, b.Compare(a))
	require.Equal(t, c < 0, a.Before(b))
	require.Equal(t, c > 0, a.After(b))
	require.Equal(t, c == 0, a == b)
	// ISO 8601 text of four-digit years sorts chronologically, and the
	// zero Date (empty text) sorts first.
	require.Equal(t, cmp.Compare(a.String(), b.String()), c)
	if a.IsValid() && b.IsValid() {
		require.Equal(t, cmp.Compare(a.DaysSince(b), 0), c)
	}
}

func TestDateCompareConsistentWithBeforeAfter(t *testing.T) {
	rapid.Check(t, propDateCompareConsistentWithBeforeAfter)
}

func TestNewDateRejectsDaysThatDoNotExist(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		text string
	}{
		{2026, time.February, 30, "2026-02-30"},
		{2025, time.February, 29, "2025-02-29"},
		{1900, time.February, 29, "1900-02-29"},
		{2026, time.April, 31, "2026-04-31"},
		{2026, 13, 1, "2026-13-01"},
		{2026, 0, 10, "2026-00-10"},
		{2026, time.January, 0, "2026-01-00"},
		{2026, time.January, 32, "2026-01-32"},
		{0, time.January, 1, "0000-01-01"},
		{10000, time.January, 1, "10000-01-01"},
		{-1, time.January, 1, "-001-01-01"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			d, err := release.NewDate(tc.y, tc.m, tc.d)
			assert.False(t, d.IsValid())
			fes := requireInvalidFields(t, err, "Date")
			assert.Equal(t, quoted(tc.text), fes[0].Value)
			// Unlike time.Date, no normalisation into the next month.
			assert.Panics(t, func() { release.MustDate(tc.y, tc.m, tc.d) })
		})
	}
	for _, ok := range []string{"2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-01-25"} {
		d, err := release.ParseDate(ok)
		require.NoError(t, err, ok)
		y, m, dd := d.Ymd()
		d2, err := release.NewDate(y, m, dd)
		require.NoError(t, err, ok)
		assert.Equal(t, d, d2)
		assert.Equal(t, ok, d2.String())
	}
}

func propNewDateAgreesWithTime(t *rapid.T) {
	y := rapid.OneOf(rapid.IntRange(-2, 3), rapid.IntRange(1890, 2110), rapid.IntRange(9997, 10002)).Draw(t, "year")
	m := time.Month(rapid.IntRange(-1, 14).Draw(t, "month"))
	dd := rapid.IntRange(-1, 33).Draw(t, "day")
	d, err := release.NewDate(y, m, dd)
	norm := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	exists := y >= 1 && y <= 9999 && norm.Year() == y && norm.Month() == m && norm.Day() == dd
	require.Equal(t, exists, err == nil, "NewDate(%d, %d, %d): %v", y, m, dd, err)
	if exists {
		require.Equal(t, norm, d.Start(time.UTC))
	} else {
		requireInvalidFields(t, err, "Date")
	}
}

func TestNewDateAgreesWithTime(t *testing.T) { rapid.Check(t, propNewDateAgreesWithTime) }

func TestDateOfUsesTheInstantsOwnLocation(t *testing.T) {
	caracas := time.FixedZone("VET", -4*60*60)
	evening := time.Date(2026, time.January, 25, 20, 0, 0, 0, caracas)
	require.Equal(t, 26, evening.UTC().Day(), "already the 26th in UTC")
	assert.Equal(t, release.MustDate(2026, time.January, 25), release.DateOf(evening))
	assert.Equal(t, release.MustDate(2026, time.January, 26), release.DateOf(evening.UTC()))
	assert.Equal(t, release.Date{}, release.DateOf(time.Time{}))
	// The zero time.Time is also the first instant of 0001-01-01 in UTC:
	// DateOf reads it as the zero Date, so Start and DateOf do not round
	// trip on that one day in UTC (they do in any other location).
	assert.True(t, firstDay.Start(time.UTC).IsZero())
	assert.Equal(t, release.Date{}, release.DateOf(firstDay.Start(time.UTC)))
	assert.Equal(t, firstDay, release.DateOf(firstDay.Start(time.UTC).Add(time.Nanosecond)))
	assert.Equal(t, firstDay, release.DateOf(firstDay.Start(time.FixedZone("X", 3600))))
	assert.Equal(t, release.Date{}, release.DateOf(time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, release.Date{}, release.DateOf(time.Date(0, time.December, 31, 12, 0, 0, 0, time.UTC)))
}

func propDateOfStartIsIdentity(t *rapid.T) {
	d := releasetest.Date().Draw(t, "d")
	offset := rapid.IntRange(-14*60, 14*60).Draw(t, "offsetMinutes")
	loc := time.FixedZone("X", offset*60)
	start := d.Start(loc)
	if start.IsZero() {
		// 0001-01-01 in UTC starts at the zero time.Time, which DateOf
		// reads as "no time" (documented).
		require.Equal(t, firstDay, d)
		require.Equal(t, release.Date{}, release.DateOf(start))
	} else {
		require.Equal(t, d, release.DateOf(start))
	}
	require.Equal(t, d, release.DateOf(start.Add(24*time.Hour-time.Nanosecond)))
	if next, ok := d.AddDays(1); ok {
		require.Equal(t, next, release.DateOf(start.Add(24*time.Hour)))
	}
}

func TestDateOfStartIsIdentity(t *testing.T) { rapid.Check(t, propDateOfStartIsIdentity) }

func propParseDateRejectsInvalidText(t *rapid.T) {
	s := releasetest.InvalidDateText().Draw(t, "s")
	d, err := release.ParseDate(s)
	require.False(t, d.IsValid(), "ParseDate(%q) = %s", s, d)
	requireInvalidFields(t, err, "Date")
	var u release.Date
	requireInvalidFields(t, u.UnmarshalText([]byte(s)), "Date")
}

func TestParseDateRejectsInvalidText(t *testing.T) { rapid.Check(t, propParseDateRejectsInvalidText) }
func FuzzParseDateRejectsInvalidText(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propParseDateRejectsInvalidText))
}

// TestDateOfIsTheLocalCalendarDay: DateOf, which counts days from an
// instant's local seconds, gives the day that the instant's calendar date
// in its own location names (time.Time.Date, then NewDate), or the zero
// Date where that date is no Date, at any instant and fixed zone offset.
func TestDateOfIsTheLocalCalendarDay(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var sec int64
		if rapid.Bool().Draw(t, "extreme") {
			sec = rapid.Int64().Draw(t, "sec")
		} else {
			// Years 0 to 10000, and a little beyond.
			sec = rapid.Int64Range(-62_200_000_000, 253_500_000_000).Draw(t, "sec")
		}
		nsec := rapid.Int64Range(0, 999_999_999).Draw(t, "nsec")
		off := rapid.IntRange(-24*3600+1, 24*3600-1).Draw(t, "offset")
		at := time.Unix(sec, nsec).In(time.FixedZone("", off))
		if rapid.Bool().Draw(t, "utc") {
			at = at.UTC()
		}
		want := release.Date{}
		if !at.IsZero() {
			y, m, d := at.Date()
			if day, err := release.NewDate(y, m, d); err == nil {
				want = day
			}
		}
		if got := release.DateOf(at); got != want {
			t.Fatalf("DateOf(%v) = %v, want %v", at, got, want)
		}
	})
}
