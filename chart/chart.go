package chart

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/internal/words"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Kind is what a chart shows for each of its days.
type Kind uint8

// Values of Kind. The zero value is "unset" and not valid.
const (
	// Cumulative is a running total: for each day, the figure for the
	// scope's period from its first day to that day, read from the
	// evidence as it stood at the end of that day. The axis starts on the
	// period's first day, which the title names; for a period open at its
	// start ("until 12 January"), the count of all releases to each day,
	// drawn from the first claim's day.
	Cumulative Kind = 1 + iota
	// Daily is one-day counts (or, for a stock, the number held on each
	// day): for each day, the figure for that day alone, read from all the
	// evidence.
	Daily
)

// String returns "cumulative" or "daily", or "Kind(N)".
func (k Kind) String() string {
	switch k {
	case Cumulative:
		return "cumulative"
	case Daily:
		return "daily"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MaxDays is the most days one chart shows.
const MaxDays = 3660

var (
	// ErrInvalid marks an argument or option that cannot be drawn. It is
	// [release.ErrInvalid], the one such sentinel of freedcount.
	ErrInvalid = release.ErrInvalid
	// ErrNothing marks a chart with nothing to show: no claim about its
	// measure, population and region, and no figure known on any day.
	ErrNothing = errors.New("nothing to draw")
)

// FieldError reports one argument or option that Write cannot use: its
// Path names it ("Options.Lang", "Scope"), Value repeats it, and Err is the
// reason, wrapping ErrInvalid. It is [release.FieldError], the one
// field-error type of freedcount.
type FieldError = release.FieldError

// bad returns the FieldError of the argument or option at field, a dotted
// path, refused for reason (or for err, when reason is "").
func bad(field, value, reason string, err error) error {
	if err == nil {
		err = errors.New(reason)
	}
	if !errors.Is(err, ErrInvalid) {
		err = fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &FieldError{Pkg: "chart", Path: strings.Split(field, "."), Value: value, Err: err}
}

// Options says how to draw a chart. The zero Options draws in English, in
// UTC, under reconcile.DefaultPolicy, from all the evidence, over the days
// the claims cover.
type Options struct {
	// Lang is English (the zero Tag) or Spanish; any other language is an
	// error.
	Lang language.Tag
	// Title replaces the derived title, which says what is counted over
	// exactly the days the axis shows. Leave it empty unless the derived
	// one will not do: a title must match the axis.
	Title string
	// Location is the zone whose days the chart counts in; nil means UTC.
	Location *time.Location
	// Policy reads the evidence; the zero Policy means
	// reconcile.DefaultPolicy, and any other must be valid.
	Policy reconcile.Policy
	// AsOf is the moment the chart is drawn at: nothing stated later is
	// used. The zero time uses all the evidence.
	AsOf time.Time
	// First and Last are the chart's first and last days. For a
	// Cumulative chart First is the first day of the scope's period
	// whatever is given (the running total starts there). By default the
	// days run from the scope's first day (or the first claim's) to its
	// last (or the last claim's), and a Daily chart from the day before
	// the first one-day claim to the day after the last.
	First, Last release.Date
	// Credit is written at the foot of the chart before the sources'
	// names ("Chart: freedcount"); "" writes the sources alone.
	Credit string
	// Narrow draws the chart for a phone's screen: 320 units wide
	// instead of 800, so that at about 375 pixels its text keeps the size
	// it has on a wide screen. The plot fills the width; each marker
	// carries a number, and the labels are a numbered list below the
	// plot instead of a column beside it.
	Narrow bool
	// ID prefixes the ids of the chart's elements, so that several charts
	// in one HTML page keep their ids apart; "" means "chart".
	ID string
}

// day is the reading of one day of the chart.
type day struct {
	date  release.Date
	fig   reconcile.Figure
	known bool // some claim or verification bears on the figure
}

// mark is one claim as the chart shows it.
type mark struct {
	claim   source.Claim
	reading reconcile.Reading
	at      time.Time // where on the time axis
	value   int
}

// Write draws, as an SVG document, the figure for measure m over scope s
// day by day (see Kind), with every claim about the same measure,
// population and region and the same kind of period as a marker at the
// moment it was stated (Cumulative; a statement made after the chart's
// last day stands at its end) or on its day (Daily). One chart has
// one scope and one measure: claims about other populations, regions or
// measures are not drawn, so that a one-day count, a running total and a
// government's count of detainees never share an axis.
//
// The output is deterministic: the same evidence and options give the same
// bytes. It fails with an *FieldError for a bad argument or option, with
// ErrNothing when nothing is known about the measure and scope, and with
// w's error.
func Write(w io.Writer, ev reconcile.Evidence, m source.Measure, s release.Scope, k Kind, opts Options) error {
	l, err := words.For(opts.Lang)
	if err != nil {
		return bad("Options.Lang", opts.Lang.String(), "", err)
	}
	if !m.IsValid() {
		return bad("Measure", m.String(), "not a measure", nil)
	}
	if !s.IsValid() {
		return bad("Scope", s.String(), "not a scope", nil)
	}
	if k != Cumulative && k != Daily {
		return bad("Kind", k.String(), "not a kind of chart", nil)
	}
	if k == Cumulative && m.IsStock() {
		return bad("Kind", k.String(), "a stock has no running total: draw it Daily", nil)
	}
	p := opts.Policy
	if reflect.DeepEqual(p, reconcile.Policy{}) {
		p = reconcile.DefaultPolicy()
	} else if err := p.Validate(); err != nil {
		return bad("Options.Policy", "", "", err)
	}
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	if !opts.AsOf.IsZero() {
		ev = ev.AsOfIn(opts.AsOf, loc)
	}
	ix, err := reconcile.NewIndex(ev, p)
	if err != nil {
		return err
	}
	c := &chart{l: l, opts: opts, loc: loc, ev: ev, m: m, s: s, k: k, pol: p}
	if err := c.read(ix); err != nil {
		return err
	}
	c.layout()
	return c.render(w)
}

// related reports whether a claim's reading is about the chart's measure,
// population and region, with the chart's kind of period.
func (c *chart) related(rd reconcile.Reading) bool {
	if rd.Measure != c.m || rd.Scope.Population() != c.s.Population() || rd.Scope.Region() != c.s.Region() || !rd.Quantity.IsValid() {
		return false
	}
	per := rd.Scope.Period()
	if c.k == Daily {
		return per.First().IsValid() && per.First() == per.Last()
	}
	return per.First() == c.s.Period().First()
}

// runningPeriod returns the period of a running total to day d: from the
// scope's first day, or, for a scope open at its start ("until"), ever.
func (c *chart) runningPeriod(d release.Date) release.Period {
	if !c.s.Period().First().IsValid() {
		return release.Until(d)
	}
	return release.MustPeriod(c.s.Period().First(), d)
}

// read chooses the days, reads each day's figure and collects the marks.
func (c *chart) read(ix *reconcile.Index) error {
	var rel []mark
	for cl := range ix.Evidence().Claims() {
		rd, ok := ix.Reading(cl.ID)
		if !ok || !c.related(rd) {
			continue
		}
		rel = append(rel, mark{claim: cl, reading: rd, value: rd.Quantity.Number()})
	}
	per := c.s.Period()
	first, last := c.opts.First, c.opts.Last
	if c.k == Cumulative {
		first = per.First()
	}
	// Default ends: the scope's, else the claims'.
	lo, hi := per.First(), per.Last()
	for _, mk := range rel {
		d := mk.reading.Scope.Period().Last()
		if c.k == Cumulative {
			d = mk.claim.StatedDay()
		}
		if !lo.IsValid() || d.Before(lo) {
			lo = d
		}
		if !hi.IsValid() || d.After(hi) {
			hi = d
		}
		if c.k == Cumulative && per.Last().IsValid() && hi.After(per.Last()) {
			hi = per.Last()
		}
	}
	if c.k == Daily && lo.IsValid() {
		lo, _ = lo.AddDays(-1)
		hi, _ = hi.AddDays(1)
	}
	if !first.IsValid() {
		first = lo
	}
	if !last.IsValid() {
		last = hi
	}
	if !first.IsValid() || !last.IsValid() {
		return fmt.Errorf("chart: %w: no claim dates the chart of %s", ErrNothing, c.s)
	}
	if last.Before(first) {
		return bad("Options.Last", last.String(), "before the chart's first day "+first.String(), nil)
	}
	if n := last.DaysSince(first) + 1; n > MaxDays {
		return bad("Options.Last", last.String(), fmt.Sprintf("%d days are more than %d for one chart", n, MaxDays), nil)
	}
	c.first, c.last = first, last
	end, _ := last.AddDays(1)
	c.x0, c.x1 = first.Start(c.loc), end.Start(c.loc)

	// The figures, day by day.
	var prev *reconcile.Index
	var prevN [2]int
	for d := first; ; d, _ = d.AddDays(1) {
		var f reconcile.Figure
		var err error
		if c.k == Daily {
			f, err = ix.Figure(c.m, c.s.WithPeriod(release.Day(d)))
		} else {
			// The last day is read from all the evidence (as of
			// Options.AsOf), so that the chart ends on the scope's figure
			// even where a statement about it came after its last day.
			e := ix.Evidence()
			if d != last {
				next, _ := d.AddDays(1)
				at := next.Start(c.loc).Add(-time.Nanosecond)
				if !c.opts.AsOf.IsZero() && c.opts.AsOf.Before(at) {
					at = c.opts.AsOf
				}
				e = e.AsOfIn(at, c.loc)
			}
			// The evidence grows only when a statement arrives: reuse
			// the index of the day before when nothing did.
			n := [2]int{e.NumClaims(), e.NumVerifications()}
			if prev == nil || n != prevN {
				if prev, err = reconcile.NewIndex(e, c.pol); err != nil {
					return err
				}
				prevN = n
			}
			f, err = prev.Figure(c.m, c.s.WithPeriod(c.runningPeriod(d)))
		}
		if err != nil {
			return err
		}
		c.days = append(c.days, day{d, f, len(f.Claims) > 0 || f.Floor > 0 || f.Verified > 0})
		if d == last {
			break
		}
	}
	for _, mk := range rel {
		if c.k == Daily {
			d := mk.reading.Scope.Period().First()
			if d.Before(first) || d.After(last) {
				continue
			}
			mk.at = d.Start(c.loc).Add(12 * time.Hour)
		} else {
			// A statement made after the last day (the scope's own
			// figure, stated the morning after) stands at the end of the
			// axis.
			mk.at = mk.claim.StatedBy()
			if mk.at.Before(c.x0) {
				continue
			}
			if !mk.at.Before(c.x1) {
				mk.at = c.x1.Add(-time.Hour)
			}
		}
		c.marks = append(c.marks, mk)
	}
	slices.SortStableFunc(c.marks, func(a, b mark) int {
		if n := a.at.Compare(b.at); n != 0 {
			return n
		}
		return a.claim.ID.Compare(b.claim.ID)
	})
	known := len(c.marks) > 0
	for _, d := range c.days {
		known = known || d.known
	}
	if !known {
		return fmt.Errorf("chart: %w: nothing is known of %s %s", ErrNothing, c.m, c.s)
	}
	return nil
}
