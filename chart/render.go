package chart

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/freedcount/freedcount/internal/words"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Geometry, in SVG user units.
const (
	width            = 800.0 // a wide chart's width
	narrowW          = 320.0 // a narrow chart's width (Options.Narrow)
	numberW          = 24.0  // room for a narrow chart's label number
	margin           = 16.0
	plotHeight       = 280.0
	narrowPlotHeight = 220.0
	labelGap         = 4.0 // between two labels of the column
	fontSize         = 13.0
	smallSize        = 12.0
	titleSize        = 18.0
	lineHeight       = 1.3 // times the font size
)

// Colours. The sources take the palette of Okabe and Ito ("Color
// Universal Design", 2008), whose colours stay apart for readers with the
// common forms of colour blindness; each source also has its own marker
// shape, so that colour is never the only cue. Yellow (#f0e442) is left
// out: it is too pale on white. What reconciliation makes of the claims
// is in greys and in the palette's bluish green (verified).
const (
	colConsensus = "#e3e8ee"
	colBand      = "#a9b7c6"
	colBest      = "#1b2a3a"
	colVerified  = "#009e73"
	colGrid      = "#e5e5e5"
	colAxis      = "#555555"
	colText      = "#222222"
	colMuted     = "#595959"
)

var sourceColours = []string{"#0072b2", "#d55e00", "#cc79a7", "#e69f00", "#56b4e9", "#000000"}

// shape is how a source's markers are drawn.
type shape int

const (
	circle shape = iota
	square
	diamond
	triangle
)

type chart struct {
	l           words.Lang
	opts        Options
	loc         *time.Location
	ev          reconcile.Evidence
	pol         reconcile.Policy
	m           source.Measure
	s           release.Scope
	k           Kind
	first, last release.Date
	x0, x1      time.Time
	days        []day
	marks       []mark
	// layout
	w                               float64 // the view box's width
	yMax                            int
	plotLeft                        float64
	plotTop, plotBottom, plotRight  float64
	labelX, height                  float64
	title, subtitle, credit, asOf   []string
	style                           map[source.SourceID]int
	styled                          []source.SourceID
	labels                          [][]string // per mark
	labelY                          []float64  // per mark: first line's baseline
	summary                         []string   // narrow: the last day's figures
	summaryY                        float64    // narrow: the summary's first baseline
	summaryBest                     int        // narrow: the summary's lines of the best figure
	legendTop                       float64
	hasVerified, hasOpen, hasHollow bool
}

func (c *chart) id(s string) string {
	p := c.opts.ID
	if p == "" {
		p = "chart"
	}
	return p + "-" + s
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

// tickStep returns a step for at most eight ticks up to max.
func tickStep(max int) int {
	for s := 1; s < max; s *= 10 {
		for _, m := range []int{1, 2, 5} {
			if max/(s*m) <= 8 && max%(s*m) == 0 {
				return s * m
			}
		}
	}
	return max
}

// title returns the chart's title: the caller's, or what is counted over
// the days of the axis.
func (c *chart) titleText() string {
	if c.opts.Title != "" {
		return c.opts.Title
	}
	per := release.MustPeriod(c.first, c.last)
	if c.k == Cumulative {
		per = c.runningPeriod(c.last)
	}
	what := c.l.What(c.m, c.s.WithPeriod(per))
	if c.k == Daily {
		what = c.l.T("%s, day by day", what)
	}
	return words.Capital(what)
}

func (c *chart) sourceName(id source.SourceID) string {
	if s, ok := c.ev.Source(id); ok {
		return words.Source(s.Name)
	}
	return id.String()
}

// label says briefly who stated a marked claim and what: the source's
// name, not the outlets that relayed it (the marker's tooltip names them),
// so that the figure is not cut off.
func (c *chart) label(mk mark) string {
	return c.describeMark(mk, false)
}

// describeMark says who stated a claim and what, with the outlets that
// relayed it if via.
func (c *chart) describeMark(mk mark, via bool) string {
	name := c.sourceName(mk.claim.Source)
	if via && len(mk.claim.Via) > 0 {
		var via []string
		for _, v := range mk.claim.Via {
			via = append(via, c.sourceName(v))
		}
		name = c.l.T("%s, via %s", name, c.l.List(via))
	}
	s := name + ": " + c.l.Quantity(mk.reading.Quantity)
	switch mk.reading.State {
	case reconcile.Superseded:
		s += " " + c.l.T("(replaced)")
	case reconcile.Relayed:
		s += " " + c.l.T("(copy, counted once)")
	case reconcile.Pledged:
		s += " " + c.l.T("(pledge)")
	}
	return s
}

// layout sets the scale, wraps the texts and places the labels.
func (c *chart) layout() {
	c.style = make(map[source.SourceID]int)
	top := 1
	for _, d := range c.days {
		if !d.known {
			continue
		}
		top = max(top, d.fig.High, d.fig.Verified, d.fig.Best)
		if hi, ok := d.fig.Consensus.Hi(); ok {
			top = max(top, hi)
		}
		c.hasVerified = c.hasVerified || d.fig.Verified > 0
		c.hasOpen = c.hasOpen || !d.fig.Consensus.IsBounded()
	}
	for _, mk := range c.marks {
		top = max(top, mk.value)
		if hi, ok := mk.reading.Interval.Hi(); ok {
			top = max(top, hi)
		}
		if _, ok := c.style[mk.claim.Source]; !ok {
			c.style[mk.claim.Source] = len(c.styled)
			c.styled = append(c.styled, mk.claim.Source)
		}
		c.hasHollow = c.hasHollow || mk.reading.State != reconcile.Live
	}
	c.yMax = niceCeil(top * 11 / 10)
	// The plot starts right of its widest number.
	c.plotLeft = 0
	for v := 0; v <= c.yMax; v += tickStep(c.yMax) {
		c.plotLeft = max(c.plotLeft, textWidth(c.l.N(v), smallSize))
	}
	c.plotLeft += margin + 10

	c.w = width
	titleLines := 3
	if c.opts.Narrow {
		c.w, titleLines = narrowW, 4
	}
	inner := c.w - 2*margin
	c.title = wrap(c.titleText(), titleSize, inner, titleLines)
	zone := words.Zone(c.x0)
	if c.k == Daily {
		c.subtitle = wrap(c.l.T("The figure for each day alone, from all the evidence; days in %s.", zone), fontSize, inner, 3)
	} else {
		c.subtitle = wrap(c.l.T("Running total, as the evidence stood at the end of each day; days in %s.", zone), fontSize, inner, 3)
	}
	y := margin + titleSize
	y += float64(len(c.title)-1)*titleSize*lineHeight + 6
	y += float64(len(c.subtitle)) * fontSize * lineHeight
	c.plotTop = y + 30 // room for the axis's unit
	c.plotBottom = c.plotTop + plotHeight
	lh := smallSize * lineHeight
	c.labels = make([][]string, len(c.marks))
	c.labelY = make([]float64, len(c.marks))
	c.plotRight = c.w - margin
	if c.opts.Narrow {
		// The plot fills the width; the markers carry numbers, and their
		// labels are a numbered list below the axis's day labels.
		c.plotBottom = c.plotTop + narrowPlotHeight
		c.labelX = margin + numberW
		next := c.plotBottom + 44
		c.summary = c.summaryLines(inner)
		if len(c.summary) > 0 {
			c.summaryY = next
			next += float64(len(c.summary))*fontSize*lineHeight + 6
		}
		for i, mk := range c.marks {
			c.labels[i] = wrap(c.label(mk), smallSize, c.w-margin-c.labelX, 3)
			c.labelY[i] = next
			next += float64(len(c.labels[i]))*lh + labelGap
		}
		c.legendTop = next + 12
		if len(c.marks) == 0 {
			c.legendTop = c.plotBottom + 44
		}
		c.finish(inner)
		return
	}

	// The labels of the markers, in a column to the right of the plot.
	if len(c.marks) > 0 {
		c.plotRight = 520
		c.labelX = c.plotRight + 30
	}
	colW := c.w - margin - c.labelX
	order := make([]int, len(c.marks))
	for i, mk := range c.marks {
		c.labels[i] = wrap(c.label(mk), smallSize, colW, 2)
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ya, yb := c.y(c.marks[a].value), c.y(c.marks[b].value)
		if ya != yb {
			if ya < yb {
				return -1
			}
			return 1
		}
		return c.marks[a].at.Compare(c.marks[b].at)
	})
	next := c.plotTop
	for _, i := range order {
		c.labelY[i] = max(c.y(c.marks[i].value)+4, next+smallSize)
		next = c.labelY[i] + float64(len(c.labels[i])-1)*lh + labelGap
	}
	// Below the plot, the axis's day labels, then the legend.
	c.legendTop = max(c.plotBottom+44, next+16)
	c.finish(inner)
}

// finish lays out what follows the legend's top: the legend, the credit
// and the as-of line, and sets the chart's height.
func (c *chart) finish(inner float64) {
	c.height = c.legendTop + c.legendHeight()
	creditLines := 3
	if c.opts.Narrow {
		creditLines = 6
	}
	c.credit = wrap(c.creditText(), smallSize, inner, creditLines)
	c.asOf = wrap(c.asOfText(), smallSize, inner, 2)
	c.height += 10 + float64(len(c.credit)+len(c.asOf))*smallSize*lineHeight + margin
}

func (c *chart) creditText() string {
	var names []string
	for s := range c.ev.Sources() {
		for _, mk := range c.marks {
			if mk.claim.Source == s.ID || slices.Contains(mk.claim.Via, s.ID) {
				names = append(names, words.Source(s.Name))
				break
			}
		}
	}
	data := c.l.T("Data: %s.", c.l.List(names))
	if len(names) == 0 {
		data = ""
	}
	return strings.TrimSpace(c.opts.Credit + " " + data)
}

func (c *chart) asOfText() string {
	at, dayOnly := c.opts.AsOf, false
	if at.IsZero() {
		at, dayOnly = c.ev.Latest()
	}
	if at.IsZero() {
		return ""
	}
	if dayOnly {
		return c.l.T("As of %s.", c.l.Date(release.DateOf(at), false))
	}
	return c.l.T("As of %s.", c.l.Moment(at, c.loc))
}

func (c *chart) x(t time.Time) float64 {
	span := c.x1.Sub(c.x0).Seconds()
	return c.plotLeft + (c.plotRight-c.plotLeft)*t.Sub(c.x0).Seconds()/span
}

func (c *chart) xDay(d release.Date) float64 { return c.x(d.Start(c.loc)) }

func (c *chart) y(n int) float64 {
	n = min(n, c.yMax)
	return c.plotBottom - (c.plotBottom-c.plotTop)*float64(n)/float64(c.yMax)
}

// f formats a coordinate with at most one decimal, so that the output is
// small and the same on every platform.
func f(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

func esc(s string) string { return html.EscapeString(s) }

type out struct{ bytes.Buffer }

func (o *out) p(format string, args ...any) { fmt.Fprintf(o, format+"\n", args...) }

// text writes one line of text. Every text of the chart goes through it,
// with its size and anchor explicit, so that a test can check that each
// lies inside the view box.
func (o *out) text(x, y, size float64, anchor, attrs, s string) {
	if attrs != "" {
		attrs = " " + attrs
	}
	o.p(`<text x="%s" y="%s" font-size="%s" text-anchor="%s"%s>%s</text>`, f(x), f(y), f(size), anchor, attrs, esc(s))
}

// segments splits the days into runs of consecutive known days.
func (c *chart) segments() [][]day {
	var res [][]day
	var run []day
	for _, d := range c.days {
		if !d.known {
			if len(run) > 0 {
				res = append(res, run)
			}
			run = nil
			continue
		}
		run = append(run, d)
	}
	if len(run) > 0 {
		res = append(res, run)
	}
	return res
}

// minRun is the least width of a run of known days: a running total known
// on its last day only is still seen.
const minRun = 8.0

// span returns the left and right ends of day d of run: its day, widened
// to the left where the whole run is narrower than minRun.
func (c *chart) span(run []day, d release.Date) (float64, float64) {
	next, _ := d.AddDays(1)
	x0, x1 := c.xDay(d), c.xDay(next)
	if d == run[0].date {
		end, _ := run[len(run)-1].date.AddDays(1)
		if w := c.xDay(end) - x0; w < minRun {
			x0 = max(c.plotLeft, x0-(minRun-w))
		}
	}
	return x0, x1
}

// stepBand returns the path of a band that steps day by day between lo
// and hi of each day's figure.
func (c *chart) stepBand(run []day, lo, hi func(reconcile.Figure) int) string {
	var top, bottom []string
	for _, d := range run {
		a, b := c.span(run, d.date)
		x0, x1 := f(a), f(b)
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
		x0, x1 := c.span(run, d.date)
		y := f(c.y(v(d.fig)))
		pts = append(pts, f(x0)+","+y, f(x1)+","+y)
	}
	return strings.Join(pts, " ")
}

// describe is the chart's text alternative: what it shows, and the last
// day's figure.
func (c *chart) describe() string {
	l := c.l
	var s string
	if c.k == Daily {
		s = l.T("A chart of the figure for each day from %s to %s.", l.Date(c.first, false), l.Date(c.last, false))
	} else {
		s = l.T("A chart of the running total from %s to %s.", l.Date(c.first, false), l.Date(c.last, false))
	}
	lastKnown := -1
	for i, d := range c.days {
		if d.known {
			lastKnown = i
		}
	}
	if lastKnown >= 0 {
		d := c.days[lastKnown]
		best := l.N(d.fig.Best)
		if d.fig.BestOpen {
			best = l.T("%d or more", d.fig.Best)
		}
		high := l.N(d.fig.High)
		if d.fig.HighOpen {
			high = l.T("%d or more", d.fig.High)
		}
		s += " " + l.T("On %s: best figure %s, lowest %d, highest %s.", l.Date(d.date, false), best, d.fig.Low, high)
		if d.fig.Verified > 0 {
			s += " " + l.T("%d verified by name.", d.fig.Verified)
		}
	} else {
		s += " " + l.T("No figure is known on any day.")
	}
	switch n := len(c.marks); {
	case n == 1:
		s += " " + l.T("It marks one claim.")
	case n > 1 && len(c.styled) == 1:
		s += " " + l.T("It marks %d claims from one source.", n)
	case n > 1:
		s += " " + l.T("It marks %d claims from %d sources.", n, len(c.styled))
	}
	return s
}

func (c *chart) render(w io.Writer) error {
	var o out
	l := c.l
	o.p(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s %s" font-family="DejaVu Sans, Verdana, Helvetica, Arial, sans-serif" fill="%s">`,
		f(c.w), f(c.height), c.id("title"), c.id("desc"), colText)
	o.p(`<title id="%s">%s</title>`, c.id("title"), esc(c.titleText()))
	o.p(`<desc id="%s">%s</desc>`, c.id("desc"), esc(c.describe()))
	o.p(`<rect width="%s" height="%s" fill="#ffffff"/>`, f(c.w), f(c.height))
	y := margin + titleSize
	for _, line := range c.title {
		o.text(margin, y, titleSize, "start", `font-weight="bold"`, line)
		y += titleSize * lineHeight
	}
	y += 6 - titleSize*lineHeight + fontSize*lineHeight
	for _, line := range c.subtitle {
		o.text(margin, y, fontSize, "start", `fill="`+colMuted+`"`, line)
		y += fontSize * lineHeight
	}

	// Grid and axes.
	step := tickStep(c.yMax)
	o.p(`<g class="grid" stroke="%s" stroke-width="1">`, colGrid)
	for v := 0; v <= c.yMax; v += step {
		o.p(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(c.plotLeft), f(c.y(v)), f(c.plotRight), f(c.y(v)))
	}
	o.p(`</g>`)
	o.p(`<g class="y-axis" fill="%s">`, colAxis)
	for v := 0; v <= c.yMax; v += step {
		o.text(c.plotLeft-8, c.y(v)+4, smallSize, "end", "", l.N(v))
	}
	unit := l.T("people released")
	switch c.m {
	case source.Held:
		unit = l.T("people held")
	case source.Detentions:
		unit = l.T("people detained")
	}
	o.text(margin, c.plotTop-14, smallSize, "start", "", unit)
	o.p(`</g>`)
	c.renderXAxis(&o)

	// Where nothing was known yet, say so rather than draw a zero.
	if len(c.days) > 0 && !c.days[0].known {
		lastUnknown := c.days[0].date
		for _, d := range c.days {
			if d.known {
				break
			}
			lastUnknown = d.date
		}
		next, _ := lastUnknown.AddDays(1)
		x0, x1 := c.xDay(c.days[0].date), c.xDay(next)
		msg := l.T("no claim yet")
		if textWidth(msg, fontSize) < x1-x0-8 {
			o.text((x0+x1)/2, (c.plotTop+c.plotBottom)/2, fontSize, "middle", `class="no-claim" font-style="italic" fill="`+colMuted+`"`, msg)
		}
	}
	if c.k == Daily {
		c.renderDays(&o)
	} else {
		c.renderRuns(&o)
	}
	c.renderMarks(&o)
	c.renderLegend(&o)
	y = c.height - margin - float64(len(c.credit)+len(c.asOf)-1)*smallSize*lineHeight
	for _, line := range slices.Concat(c.credit, c.asOf) {
		o.text(margin, y, smallSize, "start", `class="credit" fill="`+colMuted+`"`, line)
		y += smallSize * lineHeight
	}
	o.p(`</svg>`)
	_, err := w.Write(o.Bytes())
	return err
}

func (c *chart) renderXAxis(o *out) {
	o.p(`<g class="x-axis" fill="%s">`, colAxis)
	nDays := c.last.DaysSince(c.first) + 1
	dayW := (c.plotRight - c.plotLeft) / float64(nDays)
	// A label needs its width and a gap; label every day, or every few.
	every := max(1, int(math.Ceil((textWidth("28 sep", smallSize)+10)/dayW)))
	d := c.first
	right := math.Inf(-1) // where the last label ends
	for i := 0; i < nDays; i++ {
		if i%every == 0 {
			x := c.xDay(d)
			o.p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, f(x), f(c.plotBottom), f(x), f(c.plotBottom+5), colAxis)
			anchor := "start"
			if every == 1 {
				x += dayW / 2 // in the middle of its day
				anchor = "middle"
			}
			text := c.l.Short(d)
			tw := textWidth(text, smallSize)
			left := x
			switch {
			case anchor == "middle" && x+tw/2 > c.w-margin, anchor == "start" && x+tw > c.w-margin:
				anchor, x = "end", min(x, c.w-margin)
				left = x - tw
			case anchor == "middle":
				left = x - tw/2
			}
			if left >= right+6 {
				o.text(x, c.plotBottom+20, smallSize, anchor, "", text)
				right = left + tw
			}
		}
		d, _ = d.AddDays(1)
	}
	o.p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, f(c.plotLeft), f(c.plotBottom), f(c.plotRight), f(c.plotBottom), colAxis)
	o.p(`</g>`)
}

// renderRuns draws a running total: the consensus band, the low–high
// band, the best line and the verified floor, stepping day by day.
func (c *chart) renderRuns(o *out) {
	o.p(`<defs><linearGradient id="%s" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s" stop-opacity="0"/></linearGradient></defs>`,
		c.id("open"), colConsensus, colConsensus)
	fade := max(1, c.yMax/10)
	for _, run := range c.segments() {
		for _, part := range splitBy(run, func(d day) bool { return d.fig.Consensus.IsBounded() }) {
			lo := func(fig reconcile.Figure) int { return fig.Consensus.Lo() }
			if part[0].fig.Consensus.IsBounded() {
				hi := func(fig reconcile.Figure) int { hi, _ := fig.Consensus.Hi(); return hi }
				o.p(`<path class="consensus" d="%s" fill="%s"/>`, c.stepBand(part, lo, hi), colConsensus)
			} else {
				hi := func(fig reconcile.Figure) int { return fig.Consensus.Lo() + fade }
				o.p(`<path class="consensus open" d="%s" fill="url(#%s)"/>`, c.stepBand(part, lo, hi), c.id("open"))
			}
		}
		o.p(`<path class="band" d="%s" fill="%s" fill-opacity="0.7" stroke="%s" stroke-width="1"/>`,
			c.stepBand(run, func(fig reconcile.Figure) int { return fig.Low }, func(fig reconcile.Figure) int { return fig.High }), colBand, colBand)
		o.p(`<polyline class="best" points="%s" fill="none" stroke="%s" stroke-width="2.5"/>`,
			c.stepLine(run, func(fig reconcile.Figure) int { return fig.Best }), colBest)
		if c.hasVerified {
			o.p(`<polyline class="verified" points="%s" fill="none" stroke="%s" stroke-width="2" stroke-dasharray="6 4"/>`,
				c.stepLine(run, func(fig reconcile.Figure) int { return fig.Verified }), colVerified)
		}
	}
	c.endLabels(o)
}

// renderDays draws one-day counts: for each day a low–high bar, the best
// figure as a bar across it and the verified floor as a dashed one.
func (c *chart) renderDays(o *out) {
	o.p(`<g class="days">`)
	for _, d := range c.days {
		if !d.known {
			continue
		}
		next, _ := d.date.AddDays(1)
		x0, x1 := c.xDay(d.date), c.xDay(next)
		pad := min(6, (x1-x0)/6)
		x0, x1 = x0+pad, x1-pad
		yHi := c.y(d.fig.High)
		if d.fig.HighOpen {
			yHi = min(yHi, c.y(d.fig.Low)) - 18
		}
		o.p(`<rect class="band" x="%s" y="%s" width="%s" height="%s" fill="%s" fill-opacity="0.7"/>`,
			f(x0), f(yHi), f(x1-x0), f(max(1, c.y(d.fig.Low)-yHi)), colBand)
		if d.fig.HighOpen {
			o.p(`<path class="open" d="M%s,%s l-5,8 h10 z" fill="%s"/>`, f((x0+x1)/2), f(yHi-9), colBand)
		}
		o.p(`<line class="best" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"/>`, f(x0), f(c.y(d.fig.Best)), f(x1), f(c.y(d.fig.Best)), colBest)
		if d.fig.Verified > 0 {
			o.p(`<line class="verified" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 3"/>`,
				f(x0), f(c.y(d.fig.Verified)), f(x1), f(c.y(d.fig.Verified)), colVerified)
		}
	}
	o.p(`</g>`)
}

// endLabels writes the last day's best and verified figures at the end of
// their lines.
func (c *chart) endLabels(o *out) {
	last := c.days[len(c.days)-1]
	if !last.known {
		return
	}
	l := c.l
	best := l.N(last.fig.Best)
	if last.fig.BestOpen {
		best = l.T("%d or more", last.fig.Best)
	}
	if c.opts.Narrow {
		// Below the axis, in full: the plot's end has markers on it.
		for i, line := range c.summary {
			attrs := `class="end" font-weight="bold" fill="` + colBest + `"`
			if i >= c.summaryBest {
				attrs = `class="end" fill="` + colVerified + `"`
			}
			o.text(margin, c.summaryY+float64(i)*fontSize*lineHeight, fontSize, "start", attrs, line)
		}
		return
	}
	yb := max(c.y(last.fig.Best)-6, c.plotTop+fontSize)
	text := l.T("best %s", best)
	o.text(c.plotRight-4, yb, fontSize, "end", `class="end" font-weight="bold" fill="`+colBest+`"`, text)
	if last.fig.Verified > 0 {
		yv := c.y(last.fig.Verified) + 16
		if math.Abs(yv-yb) < fontSize+2 {
			yv = yb + fontSize + 4
		}
		yv = min(yv, c.plotBottom-4)
		text := l.T("%d verified", last.fig.Verified)
		o.text(c.plotRight-4, yv, fontSize, "end", `class="end" fill="`+colVerified+`"`, text)
	}
}

// summaryLines returns, for a narrow running total, the last day's best
// figure and the verified figure, each on a line of its own, which a wide
// chart writes at the end of their lines.
func (c *chart) summaryLines(inner float64) []string {
	if c.k != Cumulative || len(c.days) == 0 {
		return nil
	}
	last := c.days[len(c.days)-1]
	if !last.known {
		return nil
	}
	l := c.l
	best := l.N(last.fig.Best)
	if last.fig.BestOpen {
		best = l.T("%d or more", last.fig.Best)
	}
	lines := wrap(l.T("%s, on %s", l.T("best %s", best), l.Date(last.date, false)), fontSize, inner, 2)
	c.summaryBest = len(lines)
	if last.fig.Verified > 0 {
		lines = append(lines, wrap(l.T("%d verified", last.fig.Verified), fontSize, inner, 1)...)
	}
	return lines
}

// renderMarks draws each claim at its moment (or day) and the figure it
// states, the counts it admits as a whisker, and its label in the column
// to the right.
func (c *chart) renderMarks(o *out) {
	if len(c.marks) == 0 {
		return
	}
	// Marks at the same moment stand side by side; in a narrow chart,
	// whose plot ends at the view box's margin, centred on their moment,
	// and a group that would pass the plot's end moves left.
	xs := make([]float64, len(c.marks))
	seen := make(map[time.Time]int)
	gap := 12.0
	if c.opts.Narrow {
		gap = 22 // room for each marker's number
	}
	for i, mk := range c.marks {
		xs[i] = c.x(mk.at) + float64(seen[mk.at])*gap
		seen[mk.at]++
	}
	if c.opts.Narrow {
		// Centred on their moment, and within the plot.
		for i, mk := range c.marks {
			xs[i] -= float64(seen[mk.at]-1) * gap / 2
			last := c.x(mk.at) + float64(seen[mk.at]-1)*gap/2
			xs[i] -= max(0, last-(c.plotRight-7))
		}
	}
	lh := smallSize * lineHeight
	o.p(`<g class="markers">`)
	for i, mk := range c.marks {
		st := c.style[mk.claim.Source]
		colour := sourceColours[st%len(sourceColours)]
		fill := colour
		if mk.reading.State != reconcile.Live {
			fill = "#ffffff"
		}
		x, y := xs[i], c.y(mk.value)
		o.p(`<g class="marker" data-claim="%s">`, esc(mk.claim.ID.String()))
		o.p(`<title>%s</title>`, esc(c.describeMark(mk, true)))
		lo := mk.reading.Interval.Lo()
		hi, bounded := mk.reading.Interval.Hi()
		yHi := c.y(hi)
		if !bounded {
			yHi = c.y(lo) - 24 // "at least": a short arrow
		}
		if lo != mk.value || !bounded || hi != mk.value {
			o.p(`<line class="whisker" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" opacity="0.8"/>`, f(x), f(c.y(lo)), f(x), f(yHi), colour)
			if !bounded {
				o.p(`<path d="M%s,%s l-4,7 h8 z" fill="%s" opacity="0.8"/>`, f(x), f(yHi-3), colour)
			}
		}
		o.p(`%s`, marker(shape(st%4), x, y, colour, fill))
		o.p(`</g>`)
		if c.opts.Narrow {
			c.numberedLabel(o, i, x, y)
			continue
		}
		ly := c.labelY[i]
		o.p(`<polyline class="leader" points="%s,%s %s,%s %s,%s" fill="none" stroke="%s" stroke-width="0.75" opacity="0.6"/>`,
			f(x+7), f(y), f(c.plotRight+12), f(ly-4), f(c.labelX-4), f(ly-4), colour)
		o.p(`<g class="label" data-claim="%s">`, esc(mk.claim.ID.String()))
		for j, line := range c.labels[i] {
			o.text(c.labelX, ly+float64(j)*lh, smallSize, "start", "", line)
		}
		o.p(`</g>`)
	}
	o.p(`</g>`)
}

// numberedLabel writes, for a narrow chart, mark i's number above its
// marker at x, y, and its label with the number in the list below the
// plot.
func (c *chart) numberedLabel(o *out, i int, x, y float64) {
	n := strconv.Itoa(i + 1)
	// Above and to the right of the marker, clear of its whisker; to the
	// left where the view box ends.
	if x+6+textWidth(n, smallSize) <= c.w-2 {
		o.text(x+6, y-6, smallSize, "start", `class="number" font-weight="bold"`, n)
	} else {
		o.text(x-6, y-6, smallSize, "end", `class="number" font-weight="bold"`, n)
	}
	ly := c.labelY[i]
	o.p(`<g class="label" data-claim="%s">`, esc(c.marks[i].claim.ID.String()))
	o.text(margin, ly, smallSize, "start", `class="number" font-weight="bold"`, n+".")
	for j, line := range c.labels[i] {
		o.text(c.labelX, ly+float64(j)*smallSize*lineHeight, smallSize, "start", "", line)
	}
	o.p(`</g>`)
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

// legendItem is one entry of the legend: a swatch drawn at x, y and its
// text.
type legendItem struct {
	swatch func(x, y float64) string
	text   string
}

func (c *chart) legendItems() []legendItem {
	l := c.l
	var items []legendItem
	rect := func(fill string) func(x, y float64) string {
		return func(x, y float64) string {
			return fmt.Sprintf(`<rect x="%s" y="%s" width="18" height="10" fill="%s"/>`, f(x), f(y-5), fill)
		}
	}
	line := func(colour, extra string) func(x, y float64) string {
		return func(x, y float64) string {
			return fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`, f(x), f(y), f(x+18), f(y), colour, extra)
		}
	}
	if c.k == Cumulative {
		text := l.T("consensus of the claims")
		if c.hasOpen {
			text = l.T("consensus of the claims (fading: no upper bound)")
		}
		items = append(items, legendItem{rect(colConsensus), text})
	}
	items = append(items, legendItem{rect(colBand), l.T("lowest to highest credible figure")}, legendItem{line(colBest, ""), l.T("best figure")})
	if c.hasVerified {
		items = append(items, legendItem{line(colVerified, ` stroke-dasharray="6 4"`), l.T("verified by name")})
	}
	for i, id := range c.styled {
		colour := sourceColours[i%len(sourceColours)]
		sh := shape(i % 4)
		items = append(items, legendItem{func(x, y float64) string { return marker(sh, x+9, y, colour, colour) }, c.sourceName(id)})
	}
	if c.hasHollow {
		items = append(items, legendItem{func(x, y float64) string { return marker(circle, x+9, y, colMuted, "#ffffff") }, l.T("hollow: replaced, or a copy counted once")})
	}
	if len(c.marks) > 0 {
		items = append(items, legendItem{func(x, y float64) string {
			return fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/><path d="M%s,%s l-4,7 h8 z" fill="%s"/>`,
				f(x+9), f(y-4), f(x+9), f(y+9), colMuted, f(x+9), f(y-10), colMuted)
		}, l.T("counts a claim admits (arrow: at least)")})
	}
	return items
}

// legendPlace lays out the legend's items in rows from the legend's top,
// wrapping a text that is too long for the chart, and returns each item's
// position and lines, and the legend's height.
func (c *chart) legendPlace() (pos [][2]float64, lines [][]string, height float64) {
	const swatchW, gap = 26.0, 20.0
	inner := c.w - 2*margin
	lh := smallSize * lineHeight
	x, y, rowH := margin, c.legendTop, lh
	for _, it := range c.legendItems() {
		ls := wrap(it.text, smallSize, inner-swatchW, 2)
		w := swatchW
		for _, s := range ls {
			w = max(w, swatchW+textWidth(s, smallSize))
		}
		if x > margin && x+w > c.w-margin {
			x, y = margin, y+rowH+6
			rowH = lh
		}
		pos = append(pos, [2]float64{x, y})
		lines = append(lines, ls)
		rowH = max(rowH, float64(len(ls))*lh)
		x += w + gap
	}
	return pos, lines, y + rowH - c.legendTop
}

func (c *chart) legendHeight() float64 {
	_, _, h := c.legendPlace()
	return h
}

func (c *chart) renderLegend(o *out) {
	pos, lines, _ := c.legendPlace()
	o.p(`<g class="legend">`)
	for i, it := range c.legendItems() {
		x, y := pos[i][0], pos[i][1]
		o.p(`%s`, it.swatch(x, y))
		for j, s := range lines[i] {
			o.text(x+26, y+4+float64(j)*smallSize*lineHeight, smallSize, "start", "", s)
		}
	}
	o.p(`</g>`)
}

// splitBy splits days into runs over which keep gives the same answer.
func splitBy(days []day, keep func(day) bool) [][]day {
	var res [][]day
	start := 0
	for i := 1; i <= len(days); i++ {
		if i == len(days) || keep(days[i]) != keep(days[start]) {
			res = append(res, days[start:i])
			start = i
		}
	}
	return res
}
