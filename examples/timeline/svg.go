package main

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Geometry of the chart, in SVG user units (pixels).
const (
	width      = 1060.0
	height     = 560.0
	plotLeft   = 70.0
	plotRight  = 660.0 // the claims' labels stand to the right
	plotTop    = 78.0
	plotBottom = 440.0
	labelX     = plotRight + 34
	labelGap   = 15.0 // least vertical distance between two labels
)

// Colours: greys for what reconciliation makes of the claims, the
// Okabe–Ito palette (distinct for colour-blind readers) for the sources.
const (
	colConsensus = "#e3e8ee"
	colBand      = "#a9b7c6"
	colBest      = "#1b2a3a"
	colVerified  = "#009e73"
	colGrid      = "#e5e5e5"
	colAxis      = "#555555"
	colText      = "#222222"
	colMuted     = "#6b6b6b"
)

var sourceColours = []string{"#0072b2", "#d55e00", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"}

// shape is how a source's markers are drawn.
type shape int

const (
	circle shape = iota
	square
	diamond
	triangle
)

type chart struct {
	o     options
	loc   *time.Location
	days  []day
	marks []mark
	ev    reconcile.Evidence
	yMax  int
	x0    time.Time // start of the first day
	x1    time.Time // end of the last day
	// style of each source of a marked claim, in order of first claim.
	style  map[source.SourceID]int
	styled []source.SourceID
}

func newChart(o options, loc *time.Location, days []day, ms []mark, ev reconcile.Evidence) *chart {
	end, _ := o.last.AddDays(1)
	c := &chart{o: o, loc: loc, days: days, marks: ms, ev: ev, x0: o.first.Start(loc), x1: end.Start(loc),
		style: make(map[source.SourceID]int)}
	slices.SortStableFunc(c.marks, func(a, b mark) int {
		if n := a.at.Compare(b.at); n != 0 {
			return n
		}
		return a.claim.ID.Compare(b.claim.ID)
	})
	top := 1
	for _, d := range days {
		if !d.known {
			continue
		}
		top = max(top, d.fig.High, d.fig.Verified)
		if hi, ok := d.fig.Consensus.Hi(); ok {
			top = max(top, hi)
		}
	}
	for _, m := range c.marks {
		top = max(top, m.value)
		if hi, ok := m.interval.Hi(); ok {
			top = max(top, hi)
		}
		if _, ok := c.style[m.claim.Source]; !ok {
			c.style[m.claim.Source] = len(c.styled)
			c.styled = append(c.styled, m.claim.Source)
		}
	}
	c.yMax = niceCeil(top * 11 / 10)
	return c
}

// niceCeil returns the least round number at least n: 1, 1.5, 2, 2.5,
// 3, 4, 5, 6, 8 or 10 × 10^k.
func niceCeil(n int) int {
	if n <= 10 {
		return 10
	}
	p := int(math.Pow(10, math.Floor(math.Log10(float64(n)))))
	for _, m := range []int{10, 15, 20, 25, 30, 40, 50, 60, 80, 100} {
		if m*p/10 >= n {
			return m * p / 10
		}
	}
	return 10 * p
}

// tickStep returns a step for about five to eight ticks up to max.
func tickStep(max int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000} {
		if max/s <= 8 && max%s == 0 {
			return s
		}
	}
	return max / 5
}

func (c *chart) x(t time.Time) float64 {
	span := c.x1.Sub(c.x0).Seconds()
	return plotLeft + (plotRight-plotLeft)*t.Sub(c.x0).Seconds()/span
}

func (c *chart) xDay(d release.Date) float64 { return c.x(d.Start(c.loc)) }

func (c *chart) y(n int) float64 {
	n = min(n, c.yMax)
	return plotBottom - (plotBottom-plotTop)*float64(n)/float64(c.yMax)
}

// f formats a coordinate with at most one decimal, so that the output is
// small and the same on every platform.
func f(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

func esc(s string) string { return html.EscapeString(s) }

// dayLabel writes a day as "25 Jan".
func dayLabel(d release.Date) string {
	_, m, dd := d.Ymd()
	return fmt.Sprintf("%d %s", dd, m.String()[:3])
}

func longDay(d release.Date) string {
	y, m, dd := d.Ymd()
	return fmt.Sprintf("%d %s %d", dd, m, y)
}

// segments splits the days into runs of consecutive known days.
func (c *chart) segments() [][]day {
	var out [][]day
	var run []day
	for _, d := range c.days {
		if !d.known {
			if len(run) > 0 {
				out = append(out, run)
			}
			run = nil
			continue
		}
		run = append(run, d)
	}
	if len(run) > 0 {
		out = append(out, run)
	}
	return out
}

// stepBand returns the path of a band that steps day by day between lo
// and hi of each day's figure.
func (c *chart) stepBand(run []day, lo, hi func(reconcile.Figure) int) string {
	var top, bottom []string
	for _, d := range run {
		next, _ := d.date.AddDays(1)
		x0, x1 := f(c.xDay(d.date)), f(c.xDay(next))
		top = append(top, x0+","+f(c.y(hi(d.fig))), x1+","+f(c.y(hi(d.fig))))
		bottom = append(bottom, x0+","+f(c.y(lo(d.fig))), x1+","+f(c.y(lo(d.fig))))
	}
	slices.Reverse(bottom)
	return "M" + strings.Join(top, " L") + " L" + strings.Join(bottom, " L") + " Z"
}

// stepLine returns the points of a line that steps day by day.
func (c *chart) stepLine(run []day, v func(reconcile.Figure) int) string {
	var pts []string
	for _, d := range run {
		next, _ := d.date.AddDays(1)
		y := f(c.y(v(d.fig)))
		pts = append(pts, f(c.xDay(d.date))+","+y, f(c.xDay(next))+","+y)
	}
	return strings.Join(pts, " ")
}

func (c *chart) render(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	title := c.o.title
	if title == "" {
		title = fmt.Sprintf("Releases of %s in %s since %s", c.o.pop, c.o.reg, longDay(c.o.since))
	}
	p(`<?xml version="1.0" encoding="UTF-8"?>`)
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12" fill="%s">`,
		f(width), f(height), f(width), f(height), colText)
	p(`<title>%s</title>`, esc(title))
	p(`<desc>Cumulative count of releases, read each day from the evidence as it stood at the end of that day: the band of credible figures, the consensus, the best figure, the verified floor, and each claim at the moment it was stated.</desc>`)
	p(`<rect width="100%%" height="100%%" fill="#ffffff"/>`)
	p(`<text x="%s" y="30" font-size="18" font-weight="bold">%s</text>`, f(plotLeft), esc(title))
	p(`<text x="%s" y="52" fill="%s">Cumulative count as the evidence stood at the end of each day (%s); %d claims from %d sources</text>`,
		f(plotLeft), colMuted, esc(zoneName(c.loc, c.x0)), c.ev.NumClaims(), c.ev.NumSources())

	// Grid and axes.
	step := tickStep(c.yMax)
	p(`<g class="grid" stroke="%s" stroke-width="1">`, colGrid)
	for v := 0; v <= c.yMax; v += step {
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(plotLeft), f(c.y(v)), f(plotRight), f(c.y(v)))
	}
	p(`</g>`)
	p(`<g class="y-axis" fill="%s" text-anchor="end">`, colAxis)
	for v := 0; v <= c.yMax; v += step {
		p(`<text x="%s" y="%s">%d</text>`, f(plotLeft-8), f(c.y(v)+4), v)
	}
	p(`<text transform="translate(18 %s) rotate(-90)" text-anchor="middle">people released</text>`, f((plotTop+plotBottom)/2))
	p(`</g>`)
	p(`<g class="x-axis" fill="%s" text-anchor="middle">`, colAxis)
	nDays := c.o.last.DaysSince(c.o.first) + 1
	// A label needs about 50 units; label every day, or every few days.
	every := max(1, int(math.Ceil(50/((plotRight-plotLeft)/float64(nDays)))))
	for i, d := 0, c.o.first; i < nDays; i++ {
		x := c.xDay(d)
		if i%every == 0 {
			p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, f(x), f(plotBottom), f(x), f(plotBottom+5), colAxis)
			if every == 1 {
				next, _ := d.AddDays(1)
				x = (x + c.xDay(next)) / 2 // in the middle of its day
			}
			p(`<text x="%s" y="%s">%s</text>`, f(x), f(plotBottom+20), dayLabel(d))
		}
		d, _ = d.AddDays(1)
	}
	p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, f(plotLeft), f(plotBottom), f(plotRight), f(plotBottom), colAxis)
	p(`</g>`)

	// Where nothing was known yet, say so rather than draw a zero.
	if len(c.days) > 0 && !c.days[0].known {
		last := c.days[0].date
		for _, d := range c.days {
			if d.known {
				break
			}
			last = d.date
		}
		next, _ := last.AddDays(1)
		p(`<text class="no-claim" x="%s" y="%s" text-anchor="middle" fill="%s" font-style="italic">no claim yet</text>`,
			f((c.xDay(c.days[0].date)+c.xDay(next))/2), f((plotTop+plotBottom)/2), colMuted)
	}

	// The reconciled figures: consensus band, low–high band, best line,
	// verified floor.
	// An unbounded consensus fades out upwards over a tenth of the scale.
	p(`<defs><linearGradient id="open" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s" stop-opacity="0"/></linearGradient></defs>`,
		colConsensus, colConsensus)
	fade := max(1, c.yMax/10)
	for _, run := range c.segments() {
		for _, part := range splitBy(run, func(d day) bool { return d.fig.Consensus.IsBounded() }) {
			lo := func(fig reconcile.Figure) int { return fig.Consensus.Lo() }
			if part[0].fig.Consensus.IsBounded() {
				hi := func(fig reconcile.Figure) int { hi, _ := fig.Consensus.Hi(); return hi }
				p(`<path class="consensus" d="%s" fill="%s"/>`, c.stepBand(part, lo, hi), colConsensus)
			} else {
				hi := func(fig reconcile.Figure) int { return fig.Consensus.Lo() + fade }
				p(`<path class="consensus open" d="%s" fill="url(#open)"/>`, c.stepBand(part, lo, hi))
			}
		}
		p(`<path class="band" d="%s" fill="%s" stroke="%s" stroke-width="1"/>`,
			c.stepBand(run, func(fig reconcile.Figure) int { return fig.Low }, func(fig reconcile.Figure) int { return fig.High }), colBand, colBand)
		p(`<polyline class="best" points="%s" fill="none" stroke="%s" stroke-width="2.5"/>`,
			c.stepLine(run, func(fig reconcile.Figure) int { return fig.Best }), colBest)
	}
	if len(c.days) > 0 {
		p(`<polyline class="verified" points="%s" fill="none" stroke="%s" stroke-width="2" stroke-dasharray="6 4"/>`,
			c.stepLine(c.days, func(fig reconcile.Figure) int { return fig.Verified }), colVerified)
		// The last day's numbers, at the end of their lines.
		last := c.days[len(c.days)-1]
		if last.known {
			p(`<text class="end" x="%s" y="%s" fill="%s" font-weight="bold" text-anchor="end">best %d</text>`, f(plotRight-4), f(c.y(last.fig.Best)-6), colBest, last.fig.Best)
		}
		p(`<text class="end" x="%s" y="%s" fill="%s" text-anchor="end">%d verified</text>`, f(plotRight-4), f(c.y(last.fig.Verified)-6), colVerified, last.fig.Verified)
	}

	c.renderMarks(p)
	c.renderLegend(p)
	p(`</svg>`)
}

func zoneName(loc *time.Location, t time.Time) string {
	name, off := t.In(loc).Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	utc := fmt.Sprintf("UTC%s%d", sign, off/3600)
	if m := off % 3600 / 60; m != 0 {
		utc += fmt.Sprintf(":%02d", m)
	}
	if name == "" || strings.HasPrefix(name, "+") || strings.HasPrefix(name, "-") || name == "UTC" {
		return utc
	}
	return name + ", " + utc
}

// renderMarks draws each claim at the moment it was stated and the figure
// it states, with the interval it admits as a whisker, and labels it in
// the column to the right of the plot.
func (c *chart) renderMarks(p func(string, ...any)) {
	type placed struct {
		m      mark
		x, y   float64
		labelY float64
	}
	var ps []placed
	// Copies at the same moment and figure stand side by side.
	seen := make(map[string]int)
	for _, m := range c.marks {
		k := m.at.String() + "/" + strconv.Itoa(m.value)
		x := c.x(m.at) + float64(seen[k])*11
		seen[k]++
		ps = append(ps, placed{m: m, x: x, y: c.y(m.value)})
	}
	// Labels in order of height, pushed apart so that none overlaps.
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if ps[a].y != ps[b].y {
			if ps[a].y < ps[b].y {
				return -1
			}
			return 1
		}
		return ps[a].m.claim.ID.Compare(ps[b].m.claim.ID)
	})
	next := plotTop
	for _, i := range order {
		ps[i].labelY = max(ps[i].y, next)
		next = ps[i].labelY + labelGap
	}
	// If the labels run off the bottom, shift them all up.
	if over := next - labelGap - (plotBottom + 40); over > 0 {
		for i := range ps {
			ps[i].labelY -= over
		}
	}

	p(`<g class="markers">`)
	for _, pl := range ps {
		m := pl.m
		st := c.style[m.claim.Source]
		colour := sourceColours[st%len(sourceColours)]
		counted := m.reading.State == reconcile.Live
		fill := colour
		if !counted {
			fill = "#ffffff"
		}
		p(`<g class="marker" data-claim="%s">`, esc(m.claim.ID.String()))
		p(`<title>%s</title>`, esc(c.describe(m)))
		// The whisker: the counts the claim admits.
		lo := m.interval.Lo()
		hi, bounded := m.interval.Hi()
		if !bounded {
			hi = c.yMax
		}
		// An interval open above is a short arrow: "at least".
		yHi := c.y(hi)
		if !bounded {
			yHi = c.y(lo) - 26
		}
		if lo != m.value || !bounded || hi != m.value {
			p(`<line class="whisker" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" opacity="0.8"/>`,
				f(pl.x), f(c.y(lo)), f(pl.x), f(yHi), colour)
			if !bounded {
				p(`<path d="M%s,%s l-4,7 h8 z" fill="%s" opacity="0.8"/>`, f(pl.x), f(yHi-3), colour)
			}
		}
		p(`%s`, marker(shape(st%4), pl.x, pl.y, colour, fill))
		p(`</g>`)
		// The label, with a leader line from the marker.
		p(`<polyline class="leader" points="%s,%s %s,%s %s,%s" fill="none" stroke="%s" stroke-width="0.75" opacity="0.6"/>`,
			f(pl.x+6), f(pl.y), f(plotRight+14), f(pl.labelY), f(labelX-4), f(pl.labelY), colour)
		p(`<text class="label" x="%s" y="%s" fill="%s"><tspan font-weight="bold">%s</tspan> %s</text>`,
			f(labelX), f(pl.labelY+4), colText, esc(m.claim.ID.String()), esc(c.caption(m)))
	}
	p(`</g>`)
}

// marker returns the SVG of a marker of shape s centred at x, y.
func marker(s shape, x, y float64, stroke, fill string) string {
	attrs := fmt.Sprintf(`fill="%s" stroke="%s" stroke-width="2"`, fill, stroke)
	switch s {
	case square:
		return fmt.Sprintf(`<rect x="%s" y="%s" width="10" height="10" %s/>`, f(x-5), f(y-5), attrs)
	case diamond:
		return fmt.Sprintf(`<path d="M%s,%s l6,6 l-6,6 l-6,-6 z" %s/>`, f(x), f(y-6), attrs)
	case triangle:
		return fmt.Sprintf(`<path d="M%s,%s l6,10 h-12 z" %s/>`, f(x), f(y-6), attrs)
	}
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="5.5" %s/>`, f(x), f(y), attrs)
}

// caption says briefly what a claim states, where it differs from what
// the chart counts, and what became of it.
func (c *chart) caption(m mark) string {
	parts := []string{m.reading.Quantity.String()}
	s := m.reading.Scope
	if s.Population() != c.o.pop {
		parts = append(parts, s.Population().String())
	}
	if s.Region() != c.o.reg {
		parts = append(parts, "in "+s.Region().String())
	}
	per := s.Period()
	switch {
	case per.First().IsValid() && per.First() == per.Last():
		parts = append(parts, "on "+dayLabel(per.First()))
	case per.First() == c.o.since:
		parts = append(parts, "since "+dayLabel(per.First()))
	default:
		parts = append(parts, per.String())
	}
	switch m.reading.State {
	case reconcile.Superseded:
		parts = append(parts, "(superseded by "+m.reading.By.String()+")")
	case reconcile.Relayed:
		parts = append(parts, "(a copy of "+m.reading.By.String()+", counted once)")
	}
	if len(m.claim.Via) > 0 && m.reading.State != reconcile.Relayed {
		var names []string
		for _, v := range m.claim.Via {
			names = append(names, c.sourceName(v))
		}
		parts = append(parts, "via "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " ")
}

func (c *chart) describe(m mark) string {
	return fmt.Sprintf("%s, %s: %s %s, stated %s, read as %s (%s)", m.claim.ID, c.sourceName(m.claim.Source),
		m.reading.Quantity, m.reading.Measure, m.at.Format(time.RFC3339), m.interval, m.reading.State)
}

func (c *chart) sourceName(id source.SourceID) string {
	if s, ok := c.ev.Source(id); ok {
		return s.Name
	}
	return id.String()
}

// renderLegend explains the bands, the lines and the sources' markers,
// below the plot.
func (c *chart) renderLegend(p func(string, ...any)) {
	y := plotBottom + 52
	x := plotLeft
	p(`<g class="legend" font-size="12">`)
	// Text is about 6.8 units a character at this size.
	item := func(swatch string, text string) {
		p(`%s`, swatch)
		p(`<text x="%s" y="%s">%s</text>`, f(x+24), f(y+4), esc(text))
		x += 24 + 6.8*float64(len([]rune(text))) + 22
	}
	item(fmt.Sprintf(`<rect x="%s" y="%s" width="18" height="10" fill="%s"/>`, f(x), f(y-5), colConsensus), "consensus of the claims (fading: no upper bound)")
	item(fmt.Sprintf(`<rect x="%s" y="%s" width="18" height="10" fill="%s"/>`, f(x), f(y-5), colBand), "low–high")
	item(fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"/>`, f(x), f(y), f(x+18), f(y), colBest), "best figure")
	item(fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="6 4"/>`, f(x), f(y), f(x+18), f(y), colVerified), "verified floor (people identified)")
	y += 24
	x = plotLeft
	for i, id := range c.styled {
		colour := sourceColours[i%len(sourceColours)]
		item(marker(shape(i%4), x+9, y, colour, colour), c.sourceName(id))
	}
	item(marker(circle, x+9, y, colMuted, "#ffffff"), "hollow: superseded, or a copy counted once")
	item(fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/><path d="M%s,%s l-4,7 h8 z" fill="%s"/>`,
		f(x+9), f(y-4), f(x+9), f(y+9), colMuted, f(x+9), f(y-10), colMuted), "counts the claim admits (arrow: at least)")
	p(`</g>`)
}

// splitBy splits days into runs over which keep gives the same answer.
func splitBy(days []day, keep func(day) bool) [][]day {
	var out [][]day
	start := 0
	for i := 1; i <= len(days); i++ {
		if i == len(days) || keep(days[i]) != keep(days[start]) {
			out = append(out, days[start:i])
			start = i
		}
	}
	return out
}
