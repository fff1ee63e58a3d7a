package release

import (
	"strings"
)

// Period is a closed range of days [First, Last], either end of which may be
// open where a report gives none: "since December" starts on 2025-12-01 and
// is open at the end until the statement's day closes it
// ([Period.CloseEnd]).
//
// Period is an immutable value, comparable with == and usable as a map key.
// The zero Period is open at both ends: it contains every day ("ever").
type Period struct {
	first, last Date // the zero Date marks an open end
}

// NewPeriod returns the period [first, last]. Either may be the zero Date
// for an open end; when both are days, first must not be after last.
func NewPeriod(first, last Date) (Period, error) {
	if first.IsValid() && last.IsValid() && first.After(last) {
		return Period{}, fieldErr("Period", first.String()+"/"+last.String(), "first day after last day")
	}
	return Period{first, last}, nil
}

// MustPeriod is like [NewPeriod] but panics on error. It is meant for tests
// and examples.
func MustPeriod(first, last Date) Period {
	p, err := NewPeriod(first, last)
	if err != nil {
		panic(err)
	}
	return p
}

// Day returns the one-day period [d, d]. For the zero Date it returns the
// zero Period.
func Day(d Date) Period { return Period{d, d} }

// Since returns the period from d on, open at the end.
func Since(d Date) Period { return Period{first: d} }

// Until returns the period up to and including d, open at the start.
func Until(d Date) Period { return Period{last: d} }

// First returns the first day, or the zero Date if the start is open.
func (p Period) First() Date { return p.first }

// Last returns the last day, or the zero Date if the end is open.
func (p Period) Last() Date { return p.last }

// IsBounded reports whether both ends are days.
func (p Period) IsBounded() bool { return p.first.IsValid() && p.last.IsValid() }

// Days returns the number of days in p, and false if p is open at either end.
func (p Period) Days() (int, bool) {
	if !p.IsBounded() {
		return 0, false
	}
	return p.last.DaysSince(p.first) + 1, true
}

// startLE reports whether a start a lies at or before a start b, an open
// start being the earliest.
func startLE(a, b Date) bool { return !a.IsValid() || (b.IsValid() && !a.After(b)) }

// endGE reports whether an end a lies at or after an end b, an open end
// being the latest.
func endGE(a, b Date) bool { return !a.IsValid() || (b.IsValid() && !a.Before(b)) }

// Contains reports whether every day of q lies in p. It is a partial order:
// reflexive, antisymmetric and transitive.
func (p Period) Contains(q Period) bool { return startLE(p.first, q.first) && endGE(p.last, q.last) }

// ContainsDate reports whether the day d lies in p. No period contains the
// zero Date.
func (p Period) ContainsDate(d Date) bool {
	return d.IsValid() && startLE(p.first, d) && endGE(p.last, d)
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	_, ok := p.Intersect(q)
	return ok
}

// Intersect returns the days p and q share, and false if they share none.
func (p Period) Intersect(q Period) (Period, bool) {
	r := Period{first: p.first, last: p.last}
	if !startLE(q.first, p.first) {
		r.first = q.first
	}
	if !endGE(q.last, p.last) {
		r.last = q.last
	}
	if r.first.IsValid() && r.last.IsValid() && r.first.After(r.last) {
		return Period{}, false
	}
	return r, true
}

// Precedes reports whether p ends before q begins, so that the two are
// disjoint and p comes first.
func (p Period) Precedes(q Period) bool {
	return p.last.IsValid() && q.first.IsValid() && p.last.Before(q.first)
}

// CloseEnd returns p with an open end closed at d: a count stated on d can
// only cover days up to d. A period that already ends, or a zero d, is
// returned unchanged; if d is before p's first day the period is closed on
// its first day, and false is returned to say the statement predates the
// period it speaks of.
func (p Period) CloseEnd(d Date) (Period, bool) {
	if p.last.IsValid() || !d.IsValid() {
		return p, true
	}
	if p.first.IsValid() && d.Before(p.first) {
		return Period{p.first, p.first}, false
	}
	return Period{p.first, d}, true
}

// Compare orders periods by first day (open first), then by last day (open
// last). It is a total order consistent with ==.
func (p Period) Compare(q Period) int {
	if c := p.first.Compare(q.first); c != 0 {
		return c
	}
	// An open end sorts after every day.
	switch {
	case p.last == q.last:
		return 0
	case !p.last.IsValid():
		return 1
	case !q.last.IsValid():
		return -1
	}
	return p.last.Compare(q.last)
}

// String returns p in ISO 8601 interval form, "2025-12-01/2026-01-25", with
// ".." for an open end ("2025-12-01/..").
func (p Period) String() string {
	return endText(p.first) + "/" + endText(p.last)
}

func endText(d Date) string {
	if !d.IsValid() {
		return ".."
	}
	return d.String()
}

// ParsePeriod parses what [Period.String] writes. A single date, "2026-01-25",
// is the one-day period.
func ParsePeriod(s string) (Period, error) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		d, err := ParseDate(s)
		if err != nil {
			return Period{}, fieldErr("Period", s, "want FIRST/LAST, a day or '..' for each end")
		}
		return Day(d), nil
	}
	first, err1 := parseEnd(a)
	last, err2 := parseEnd(b)
	if err1 != nil || err2 != nil {
		return Period{}, fieldErr("Period", s, "want FIRST/LAST, a day or '..' for each end")
	}
	p, err := NewPeriod(first, last)
	if err != nil {
		return Period{}, fieldErr("Period", s, "first day after last day")
	}
	return p, nil
}

func parseEnd(s string) (Date, error) {
	if s == ".." {
		return Date{}, nil
	}
	return ParseDate(s)
}

// MarshalText writes p as [Period.String] does.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses p as [ParsePeriod] does.
func (p *Period) UnmarshalText(text []byte) error {
	v, err := ParsePeriod(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
