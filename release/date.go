package release

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil calendar day, with no clock and no time zone: the "Sunday"
// or "25 January" that reports speak of. Counts are about days, not
// instants; [DateOf] takes the day of an instant in the instant's own
// location.
//
// Date is an immutable value, comparable with == and usable as a map key.
// The zero Date is not a day: [Date.IsValid] reports false, and a [Period]
// uses it for an open end. Valid dates run from 0001-01-01 to 9999-12-31.
type Date struct {
	// n counts days from 0001-01-01, which is 1; 0 is the zero Date.
	n int32
}

// Range of valid dates, as day numbers.
const (
	minDay = 1
	maxDay = 3652059 // 9999-12-31
)

// unixOffset is the day number of 1970-01-01.
const unixOffset = 719163

// NewDate returns the date year-month-day, or an error if no such day exists
// (2026-02-30) or the year is outside 1..9999. Unlike [time.Date], it does
// not normalise out-of-range values.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < time.January || month > time.December || day < 1 || day > 31 {
		return Date{}, fieldErr("Date", fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), "no such day")
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, fieldErr("Date", fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), "no such day")
	}
	return Date{n: int32(t.Unix()/86400 + unixOffset)}, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for
// tests and examples, where the date is a literal.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's own location: a statement
// made at 20:00 in Caracas (UTC−4) on 25 January is about 25 January, even
// though it is already 26 January in UTC. The zero time gives the zero Date;
// since the zero time is also the first instant of 0001-01-01 in UTC, that
// instant gives the zero Date too. An instant in a year outside 1..9999
// gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	// The day number of t's local calendar day, counted from its local
	// seconds since 1970 (as t.Date would, without building a year, month
	// and day and a time.Time back from them): a claim reader calls this
	// on every line (TestDateOfIsTheLocalCalendarDay).
	_, off := t.Zone()
	sec := t.Unix() + int64(off)
	days := sec / 86400
	if sec%86400 < 0 {
		days--
	}
	days += unixOffset
	if days < minDay || days > maxDay {
		return Date{}
	}
	return Date{n: int32(days)}
}

// ParseDate parses an ISO 8601 calendar date, "2026-01-25": four-digit
// year, two-digit month and day, nothing else.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fieldErr("Date", s, "want YYYY-MM-DD")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fieldErr("Date", s, "want YYYY-MM-DD")
	}
	date, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, fieldErr("Date", s, "no such day")
	}
	return date, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// IsValid reports whether d is a day, not the zero Date.
func (d Date) IsValid() bool { return d.n != 0 }

func (d Date) time() time.Time {
	return time.Unix(int64(d.n-unixOffset)*86400, 0).UTC()
}

// Ymd returns the year, month and day of d. The zero Date gives 0, 0, 0.
func (d Date) Ymd() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	return d.time().Date()
}

// Weekday returns the day of the week of d; the zero Date gives Sunday.
func (d Date) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	return d.time().Weekday()
}

// AddDays returns the day n days after d (before, for negative n), and false
// if d is the zero Date or the result leaves the range 0001-01-01 to
// 9999-12-31.
func (d Date) AddDays(n int) (Date, bool) {
	if d.n == 0 {
		return Date{}, false
	}
	r := int64(d.n) + int64(n)
	if r < minDay || r > maxDay {
		return Date{}, false
	}
	return Date{n: int32(r)}, true
}

// DaysSince returns the number of days from e to d: positive when d is after
// e. It is 0 if either is the zero Date.
func (d Date) DaysSince(e Date) int {
	if d.n == 0 || e.n == 0 {
		return 0
	}
	return int(d.n - e.n)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. The zero
// Date sorts before every day.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Start returns the first instant of d in loc. The zero Date gives the zero
// time, and so does 0001-01-01 in UTC, which [DateOf] then reads as the zero
// Date.
func (d Date) Start(loc *time.Location) time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	y, m, dd := d.Ymd()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// String returns d as "2026-01-25", and "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	y, m, dd := d.Ymd()
	b := make([]byte, 0, 10)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, int(m), 2)
	b = append(b, '-')
	b = appendPadded(b, dd, 2)
	return string(b)
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// MarshalText writes d as [Date.String] does. The zero Date writes as the
// empty string, so that an optional date can be left blank.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a date as [ParseDate] does; the empty text gives the
// zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
