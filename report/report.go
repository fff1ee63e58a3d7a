package report

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/chart"
	"github.com/freedcount/freedcount/internal/words"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// MaxHeadlines is how many headline scopes the default rule chooses.
const MaxHeadlines = 6

var (
	// ErrInvalid marks an option that cannot be used: a language other
	// than English or Spanish, an invalid policy, or a headline whose
	// measure or scope is invalid. It is [release.ErrInvalid], the one
	// such sentinel of freedcount.
	ErrInvalid = release.ErrInvalid
	// ErrLanguage marks a language the report is not written in; the
	// error for it wraps ErrInvalid too.
	ErrLanguage = words.ErrLanguage
)

// FieldError reports one option that Write cannot use: its Path names the
// option ("Options.Lang", "Options.Headlines[2].Scope"), Value repeats it,
// and Err is the reason, wrapping ErrInvalid (and ErrLanguage for a
// language). It is [release.FieldError], the one field-error type of
// freedcount.
type FieldError = release.FieldError

// badOption returns the FieldError of the option at field, a dotted path,
// refused for err.
func badOption(field, value string, err error) error {
	if !errors.Is(err, ErrInvalid) {
		err = fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &FieldError{Pkg: "report", Path: strings.Split(field, "."), Value: value, Err: err}
}

// Options says how to write a report. The zero Options writes an English
// report of the latest figures, in UTC, under reconcile.DefaultPolicy.
type Options struct {
	// Lang is the language of the page: English (the default, for the
	// zero Tag) or Spanish; any other is an *FieldError wrapping
	// ErrLanguage.
	Lang language.Tag
	// Title is the page's title; when empty, one is derived from the
	// headlines' regions ("Prisoner releases in Venezuela: the figures
	// and their sources").
	Title string
	// AsOf is the moment the figures are read at: claims and
	// verifications stated later are not used. The zero time reads all
	// the evidence, as of its latest statement.
	AsOf time.Time
	// Location is the zone days and times are printed in; nil means UTC.
	// The page says which zone it uses.
	Location *time.Location
	// Policy is how the evidence is read (reconcile.NewIndex); the page
	// states it in words. The zero Policy means reconcile.DefaultPolicy;
	// any other must be valid (Policy.Validate).
	Policy reconcile.Policy
	// Version is the version of freedcount that wrote the page, printed in
	// its footer; "" prints none.
	Version string
	// Headlines are the measures and scopes the page leads with, in
	// order. When empty, the package chooses them: every measure and
	// scope that a credible claim in force is about, releases first, then
	// people held, then detentions; within a measure the scope the most
	// sources and outlets spoke about first (the story), then the most
	// recent period end, then the shorter period, then by population and
	// region; at most MaxHeadlines.
	Headlines []Headline
	// Progress, when set, is called after each headline is written with
	// how many are done of how many.
	Progress func(done, total int)
}

// Headline is one figure the report leads with: a measure over a scope.
type Headline struct {
	Measure source.Measure
	Scope   release.Scope
}

// Write writes the report of e under opts to w as one self-contained HTML
// page: no request leaves it (no scripts, fonts, images or styles from
// elsewhere), and it prints cleanly. For each headline it writes a plain
// sentence built from the figure, the figure's low, best and high values
// (an open bound as "104 or more"), the verified floor when there is one,
// a chart, and the claims behind the numbers with their sources' words and
// links; then the true conflicts first and the differences their cause
// explains, counted by cause; then the moment the figures are read at and
// the policy, in words. Names and national IDs never appear: the evidence
// holds only register IDs, and the page prints none of those either.
//
// Write fails with an *FieldError for a bad option, with the error of
// reconcile.NewIndex for evidence the policy refuses, with ctx's error when
// ctx is done between headlines, and with w's error. Nothing is written to
// w unless the whole page could be built.
func Write(ctx context.Context, w io.Writer, e reconcile.Evidence, opts Options) error {
	l, err := words.For(opts.Lang)
	if err != nil {
		return badOption("Options.Lang", opts.Lang.String(), err)
	}
	if reflect.DeepEqual(opts.Policy, reconcile.Policy{}) {
		opts.Policy = reconcile.DefaultPolicy()
	} else if err := opts.Policy.Validate(); err != nil {
		return badOption("Options.Policy", opts.Policy.Best.String(), err)
	}
	for i, h := range opts.Headlines {
		if !h.Measure.IsValid() {
			return badOption(fmt.Sprintf("Options.Headlines[%d].Measure", i), h.Measure.String(), errors.New("not a measure"))
		}
		if !h.Scope.IsValid() {
			return badOption(fmt.Sprintf("Options.Headlines[%d].Scope", i), h.Scope.String(), errors.New("not a scope"))
		}
	}
	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	asOf, dayOnly := opts.AsOf, false
	if !asOf.IsZero() {
		e = e.AsOfIn(asOf, loc)
	} else {
		asOf, dayOnly = e.Latest()
	}
	ix, err := reconcile.NewIndex(e, opts.Policy)
	if err != nil {
		return err
	}
	r := &page{l: l, ix: ix, ev: e, opts: opts, loc: loc, asOf: asOf, dayOnly: dayOnly}
	heads := opts.Headlines
	if len(heads) == 0 {
		heads = defaultHeadlines(ix)
	}
	var buf bytes.Buffer
	if err := r.write(ctx, &buf, heads); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// defaultHeadlines applies the rule of Options.Headlines.
func defaultHeadlines(ix *reconcile.Index) []Headline {
	var hs []Headline
	voices := make(map[Headline]int)
	ev := ix.Evidence()
	for _, f := range ix.Figures() {
		if len(f.Claims) == 0 {
			continue
		}
		h := Headline{f.Measure, f.Scope}
		hs = append(hs, h)
		seen := make(map[source.SourceID]bool)
		for _, id := range slices.Concat(f.Claims, f.Superseded, f.Relayed, f.Retracted, f.Unresolved, f.Ignored) {
			c, _ := ev.Claim(id)
			seen[c.Source] = true
			for _, v := range c.Via {
				seen[v] = true
			}
		}
		voices[h] = len(seen)
	}
	slices.SortStableFunc(hs, func(a, b Headline) int {
		if n := cmp.Compare(a.Measure, b.Measure); n != 0 {
			return n
		}
		if n := cmp.Compare(voices[b], voices[a]); n != 0 {
			return n
		}
		pa, pb := a.Scope.Period(), b.Scope.Period()
		if n := pb.Last().Compare(pa.Last()); n != 0 {
			return n
		}
		da, oka := pa.Days()
		db, okb := pb.Days()
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		if n := cmp.Compare(da, db); n != 0 {
			return n
		}
		return a.Scope.Compare(b.Scope)
	})
	if len(hs) > MaxHeadlines {
		hs = hs[:MaxHeadlines]
	}
	return hs
}

// page is one report being written.
type page struct {
	l    words.Lang
	ix   *reconcile.Index
	ev   reconcile.Evidence
	opts Options
	loc  *time.Location
	asOf time.Time
	// dayOnly: asOf is the end of the day of a statement known to the day
	// only, printed as that day.
	dayOnly bool
	b       *bytes.Buffer
}

func esc(s string) string { return html.EscapeString(s) }

func (r *page) p(format string, args ...any) { fmt.Fprintf(r.b, format, args...) }

func (r *page) sourceName(id source.SourceID) string {
	if s, ok := r.ev.Source(id); ok {
		return words.Source(s.Name)
	}
	return id.String()
}

func (r *page) write(ctx context.Context, b *bytes.Buffer, heads []Headline) error {
	r.b = b
	l := r.l
	figs := make([]reconcile.Figure, len(heads))
	for i, h := range heads {
		f, err := r.ix.Figure(h.Measure, h.Scope)
		if err != nil {
			return err
		}
		figs[i] = f
	}
	title := r.opts.Title
	if title == "" {
		var regions []string
		for _, f := range figs {
			if r := l.Region(f.Scope.Region()); !slices.Contains(regions, r) {
				regions = append(regions, r)
			}
		}
		if len(regions) > 0 {
			title = l.T("Prisoner releases in %s: the figures and their sources", l.List(regions))
		} else {
			title = l.T("Figures of releases")
		}
	}
	r.p("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", l.Tag())
	r.p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	r.p("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	r.p("<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", esc(title), stylesheet)
	r.p("<header>\n<h1>%s</h1>\n", esc(title))
	r.p("<p class=\"asof\">%s</p>\n", esc(r.asOfLine()))
	r.p("</header>\n")
	if len(figs) == 0 {
		r.p("<p>%s</p>\n", esc(l.T("No claim states a figure.")))
	}
	for i, f := range figs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.headline(i, f); err != nil {
			return err
		}
		if r.opts.Progress != nil {
			r.opts.Progress(i+1, len(figs))
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r.review()
	r.netChanges()
	r.method()
	r.p("</main>\n<footer>\n<p>%s</p>\n</footer>\n</body>\n</html>\n", esc(r.footer()))
	return nil
}

func (r *page) asOfLine() string {
	if r.asOf.IsZero() {
		return r.l.T("No statement yet.")
	}
	m := r.l.Moment(r.asOf, r.loc)
	if r.dayOnly {
		m = r.l.Date(release.DateOf(r.asOf), false)
	}
	if r.opts.AsOf.IsZero() {
		return r.l.T("Figures as of the latest statement, %s.", m)
	}
	return r.l.T("Figures as the evidence stood at %s; later statements are not used.", m)
}

func (r *page) footer() string {
	// Who stated the claims, then the outlets that only relayed them
	// (reconcile.Evidence.Voices): a relay is never another voice.
	stated, relayed := r.ev.Voices()
	s := r.l.T("Written by freedcount from %s.", r.l.Voices(r.ev.NumClaims(), stated, relayed))
	if r.opts.Version != "" {
		s += " " + r.l.T("freedcount version %s.", r.opts.Version)
	}
	return s + " " + r.l.T("Times are in %s.", words.Zone(r.asOf.In(r.loc)))
}

// headline writes the section of one figure.
func (r *page) headline(i int, f reconcile.Figure) error {
	l := r.l
	id := fmt.Sprintf("h%d", i+1)
	r.p("<section class=\"headline\" aria-labelledby=\"%s\">\n", id)
	r.p("<h2 id=\"%s\">%s</h2>\n", id, esc(words.Capital(l.What(f.Measure, f.Scope))))
	r.p("<p class=\"lede\">%s</p>\n", esc(r.sentence(f)))
	r.numbers(id, f)
	// The chart twice: wide, and narrow for a phone's screen, where the
	// wide one would scroll sideways or shrink its text below legibility.
	// The style shows one of them; the other is display:none, which hides
	// it from screen readers too. Each has its own ids.
	var wide, narrow bytes.Buffer
	k := chart.Cumulative
	if days, ok := f.Scope.Period().Days(); (ok && days == 1) || f.Measure.IsStock() {
		k = chart.Daily
	}
	opts := chart.Options{
		Lang: r.opts.Lang, Location: r.loc, Policy: r.opts.Policy, ID: id + "-chart",
		Credit: l.T("Chart: freedcount"),
	}
	err := chart.Write(&wide, r.ev, f.Measure, f.Scope, k, opts)
	if err == nil {
		opts.Narrow, opts.ID = true, id+"-chart-narrow"
		err = chart.Write(&narrow, r.ev, f.Measure, f.Scope, k, opts)
	}
	if err == nil {
		r.p("<figure class=\"chart\">\n<div class=\"wide\">\n%s</div>\n<div class=\"narrow\">\n%s</div>\n</figure>\n", wide.String(), narrow.String())
	} else if !errors.Is(err, chart.ErrNothing) && !errors.Is(err, chart.ErrInvalid) {
		// Nothing to draw, or more days than a chart shows: the page
		// goes on without the chart; its numbers and claims are there.
		return err
	}
	r.claims(id, f)
	r.p("</section>\n")
	return nil
}

// bestText writes Best, with "or more" for a figure only open statements
// give.
func (r *page) bestText(f reconcile.Figure) string {
	if f.BestOpen {
		return r.l.T("%d or more", f.Best)
	}
	return r.l.N(f.Best)
}

func (r *page) highText(f reconcile.Figure) string {
	if f.HighOpen {
		return r.l.T("%d or more", f.High)
	}
	return r.l.N(f.High)
}

// sentence says the figure in one or two plain sentences, from the claims
// behind Best, their sources and the open bounds.
func (r *page) sentence(f reconcile.Figure) string {
	l := r.l
	what := l.What(f.Measure, f.Scope)
	if len(f.Claims) == 0 {
		if f.Low > 0 {
			return l.T("No source states a figure for %s; other figures prove at least %d.", what, f.Low)
		}
		return l.T("No source states a figure for %s.", what)
	}
	var names, outlets []string
	direct := false
	var reported, counted, estimated, prelim bool
	var q source.Quantity
	for _, id := range f.BestFrom {
		c, _ := r.ev.Claim(id)
		rd, _ := r.ix.Reading(id)
		q = rd.Quantity
		n := r.sourceName(c.Source)
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
		direct = direct || len(c.Via) == 0
		for _, v := range c.Via {
			if o := r.sourceName(v); !slices.Contains(outlets, o) {
				outlets = append(outlets, o)
			}
		}
		switch c.Basis {
		case source.NamedList:
			counted = true
		case source.Estimate:
			estimated = true
		default:
			reported = true
		}
		if c.Status == source.Preliminary {
			prelim = true
		}
	}
	// The figure as a reader would quote it.
	var fig string
	switch {
	case len(f.BestFrom) == 1 && q.IsValid() && (q.Kind() != source.Exactly || !f.BestOpen) && statedIs(q, f.Best):
		fig = l.Quantity(q)
	case f.BestOpen:
		fig = l.T("at least %d", f.Best)
	default:
		fig = l.N(f.Best)
	}
	verb := "%s reported %s %s"
	switch {
	case counted && !reported && !estimated:
		verb = "%s counted %s %s"
	case estimated && !reported && !counted:
		verb = "%s estimated %s %s"
	}
	if len(names) > 1 {
		verb += " (plural)"
	}
	s := l.T(verb, l.List(names), fig, what)
	if !direct && len(outlets) > 0 {
		// One sentence: who stated the figure, and who relayed it.
		s += l.T(", as relayed by %s", l.List(outlets))
	}
	if prelim && (f.BestOpen || f.HighOpen) {
		s += l.T("; the count may rise")
	}
	s += "."
	switch {
	case f.Low < f.Best && f.HighOpen:
		s += " " + l.T("Credible figures range from %d to %d or more.", f.Low, f.High)
	case f.Low < f.Best || (f.High > f.Best && !f.HighOpen):
		s += " " + l.T("Credible figures range from %d to %d.", f.Low, f.High)
	}
	switch {
	case f.Verified == 1:
		s += " " + l.T("One of them is verified by name.")
	case f.Verified > 1:
		s += " " + l.T("%d of them are verified by name.", f.Verified)
	}
	switch n := len(f.Disputed); {
	case n == 1:
		s += " " + l.T("One other claim disagrees (see the conflicts below).")
	case n > 1:
		s += " " + l.T("%d other claims disagree (see the conflicts below).", n)
	}
	return s
}

// statedIs reports whether q states n as its figure.
func statedIs(q source.Quantity, n int) bool {
	lo, hi := q.Stated()
	return lo == n || hi == n
}

// numbers writes the figure's table.
func (r *page) numbers(id string, f reconcile.Figure) {
	l := r.l
	r.p("<table class=\"numbers\">\n<caption>%s</caption>\n", esc(l.T("The figure, and the claims each number comes from")))
	r.p("<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		esc(l.T("Number")), esc(l.T("Value")), esc(l.T("From")))
	proven := l.T("what other figures prove")
	switch {
	case f.Verified > 0 && f.Low == f.Verified:
		proven = l.T("the people verified by name")
	case len(f.FloorFrom) > 0:
		proven = l.T("the figures of its parts: %s", r.fromText(f.FloorFrom))
	}
	row := func(name, value string, from []source.ClaimID, note string) {
		text := note
		if len(from) > 0 {
			text = r.fromText(from)
		}
		r.p("<tr><th scope=\"row\">%s</th><td class=\"num\" data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td></tr>\n",
			esc(name), esc(l.T("Value")), esc(value), esc(l.T("From")), esc(text))
	}
	if len(f.Claims) > 0 {
		row(l.T("Lowest credible figure"), l.N(f.Low), f.LowFrom, proven)
		row(l.T("Best figure"), r.bestText(f), f.BestFrom, "")
		row(l.T("Highest credible figure"), r.highText(f), f.HighFrom, l.T("no statement bounds it above"))
	} else {
		row(l.T("Lowest credible figure"), l.N(f.Low), nil, proven)
	}
	if f.Verified > 0 {
		row(l.T("Verified by name"), l.N(f.Verified), nil, l.T("distinct people identified as released"))
	}
	r.p("</tbody>\n</table>\n")
}

// fromText names the sources of claims: "Foro Penal (fp-104)".
func (r *page) fromText(ids []source.ClaimID) string {
	var parts []string
	for _, id := range ids {
		c, ok := r.ev.Claim(id)
		if !ok {
			parts = append(parts, id.String())
			continue
		}
		parts = append(parts, r.sourceName(c.Source)+" ("+id.String()+")")
	}
	return strings.Join(parts, "; ")
}

// claims writes the table of the claims about the figure's scope.
func (r *page) claims(id string, f reconcile.Figure) {
	l := r.l
	disputed := make(map[source.ClaimID]reconcile.Dispute)
	for _, d := range f.Disputed {
		disputed[d.Claim] = d
	}
	ids := slices.Concat(f.Claims, f.Superseded, f.Relayed, f.Retracted, f.Unresolved, f.Ignored, f.Pledged)
	var cs []source.Claim
	for _, id := range ids {
		if c, ok := r.ev.Claim(id); ok && !slices.ContainsFunc(cs, func(d source.Claim) bool { return d.ID == id }) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return
	}
	slices.SortFunc(cs, func(a, b source.Claim) int {
		if n := a.StatedBy().Compare(b.StatedBy()); n != 0 {
			return n
		}
		return a.ID.Compare(b.ID)
	})
	r.p("<table class=\"claims\">\n<caption>%s</caption>\n", esc(l.T("The claims about %s", l.What(f.Measure, f.Scope))))
	r.p("<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		esc(l.T("Source")), esc(l.T("Said")), esc(l.T("When")), esc(l.T("How it counts")), esc(l.T("In their words")))
	for _, c := range cs {
		rd, _ := r.ix.Reading(c.ID)
		name := r.sourceName(c.Source)
		if len(c.Via) > 0 {
			var via []string
			for _, v := range c.Via {
				via = append(via, r.sourceName(v))
			}
			name = l.T("%s, via %s", name, l.List(via))
		}
		var state string
		switch rd.State {
		case reconcile.Live:
			switch d, ok := disputed[c.ID]; {
			case ok && d.BelowVerified:
				state = l.T("disputed: below the verified floor")
			case ok:
				state = l.T("disputed: contradicts %s", r.fromText([]source.ClaimID{d.Contradicts}))
			case !rd.Credible:
				state = l.T("weight below the policy's minimum")
			default:
				state = l.T("counts")
			}
		case reconcile.Superseded:
			state = l.T("superseded by %s", r.fromText([]source.ClaimID{rd.By}))
		case reconcile.Relayed:
			state = l.T("a copy of %s, counted once", r.fromText([]source.ClaimID{rd.By}))
		case reconcile.Retracted:
			state = l.T("retracted")
		case reconcile.Unresolved:
			state = l.T("relative to a claim with no figure")
		case reconcile.Pledged:
			state = l.T("announced for what is still to come: listed, not counted")
		}
		if c.Status == source.Preliminary && rd.State == reconcile.Live {
			state += "; " + l.T("preliminary")
		}
		when := l.Date(c.StatedDay(), false)
		if !c.DayOnly {
			when = l.Moment(c.Stated, r.loc)
		}
		words := ""
		if c.Citation.Quote != "" {
			lang := ""
			if c.Citation.Language != "" {
				lang = fmt.Sprintf(" lang=\"%s\"", esc(c.Citation.Language))
			}
			words = fmt.Sprintf("<q%s>%s</q>", lang, esc(c.Citation.Quote))
		}
		if u, err := url.Parse(c.Citation.URL); err == nil && c.Citation.URL != "" && (u.Scheme == "http" || u.Scheme == "https") {
			if words != "" {
				words += " "
			}
			words += fmt.Sprintf("<a href=\"%s\">%s</a>", esc(c.Citation.URL), esc(l.T("source: %s", strings.TrimPrefix(u.Hostname(), "www."))))
		}
		r.p("<tr data-claim=\"%s\"><th scope=\"row\">%s</th><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td></tr>\n",
			esc(c.ID.String()), esc(name), esc(l.T("Said")), esc(l.Quantity(rd.Quantity)), esc(l.T("When")), esc(when),
			esc(l.T("How it counts")), esc(state), esc(l.T("In their words")), words)
	}
	r.p("</tbody>\n</table>\n")
}

// review writes the conflicts and the explained differences.
func (r *page) review() {
	l := r.l
	rv := r.ix.Review()
	r.p("<section class=\"review\" aria-labelledby=\"review\">\n<h2 id=\"review\">%s</h2>\n", esc(l.T("Where the sources differ")))
	if len(rv.Material) == 0 {
		r.p("<p>%s</p>\n", esc(l.T("No true conflict: every difference between the claims is explained by its cause.")))
	} else {
		r.p("<ol class=\"material\">\n")
		for _, d := range rv.Material {
			r.p("<li>%s</li>\n", esc(r.discrepancy(d)))
		}
		r.p("</ol>\n")
	}
	if len(rv.Explained) > 0 {
		r.p("<table class=\"explained\">\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
			esc(l.T("Differences explained by their cause")), esc(l.T("Cause")), esc(l.T("Pairs of claims")))
		for _, c := range rv.Explained {
			r.p("<tr><th scope=\"row\">%s</th><td class=\"num\" data-label=\"%s\">%s</td></tr>\n", esc(r.cause(c.Cause)), esc(l.T("Pairs of claims")), esc(l.N(c.Pairs)))
		}
		r.p("</tbody>\n</table>\n")
	}
	r.p("</section>\n")
}

func (r *page) side(s reconcile.Side) string {
	return r.l.T("%s said %s %s", r.sourceName(s.Source), r.l.Quantity(s.Quantity), r.l.What(s.Measure, s.Scope))
}

func (r *page) discrepancy(d reconcile.Discrepancy) string {
	l := r.l
	s := r.side(d.A) + "; " + r.side(d.B) + ". "
	if d.Conflict {
		s += l.T("These cannot both be right")
		if d.Gap > 0 {
			s += l.T(": they are %d apart", d.Gap)
		}
		s += "."
	} else {
		s += l.T("The difference is not explained by the wording (%s).", r.cause(d.Cause))
	}
	return s
}

func (r *page) cause(c reconcile.Cause) string {
	switch c {
	case reconcile.Supersession:
		return r.l.T("a later statement of the same source")
	case reconcile.Revision:
		return r.l.T("a revision by the same source")
	case reconcile.DifferentMeasure:
		return r.l.T("different measures (people held is not people released)")
	case reconcile.DifferentPopulation:
		return r.l.T("different populations")
	case reconcile.DifferentRegion:
		return r.l.T("different regions")
	case reconcile.DifferentPeriod:
		return r.l.T("different periods")
	case reconcile.Imprecision:
		return r.l.T("imprecise wording that both figures fit")
	case reconcile.TrueConflict:
		return r.l.T("a true conflict")
	}
	return c.String()
}

// signed writes a change with its sign: "+5", "−9", "0".
func (r *page) signed(n int) string {
	switch {
	case n > 0:
		return "+" + r.l.N(n)
	case n < 0:
		return "−" + r.l.N(-n)
	}
	return "0"
}

// changeText writes a net change as a figure or a range, a side that no
// statement bounds written as such.
func (r *page) changeText(nc reconcile.NetChange) string {
	l := r.l
	switch {
	case nc.ChangeLowOpen && nc.ChangeHighOpen:
		return l.T("an amount no statement bounds")
	case nc.ChangeHighOpen:
		return l.T("%s or more", r.signed(nc.ChangeLow))
	case nc.ChangeLowOpen:
		return l.T("%s or less", r.signed(nc.ChangeHigh))
	case nc.ChangeLow == nc.ChangeHigh:
		return r.signed(nc.ChangeLow)
	}
	return l.T("between %s and %s", r.signed(nc.ChangeLow), r.signed(nc.ChangeHigh))
}

// netChanges writes how each source's count of people held moved between
// the days it gave one: a stock is not a flow, so these are never counted
// as releases.
func (r *page) netChanges() {
	ncs := r.ix.NetChanges()
	if len(ncs) == 0 {
		return
	}
	l := r.l
	r.p("<section class=\"held\" aria-labelledby=\"held\">\n<h2 id=\"held\">%s</h2>\n<p>%s</p>\n<ul>\n",
		esc(l.T("How the number of people held moved")),
		esc(l.T("A change in the number held is not a number of releases: it also moves with new arrests, cases reported late and cases reclassified.")))
	for _, nc := range ncs {
		s := l.T("%s: %s held in %s changed by %s from %s to %s", r.sourceName(nc.Source), l.Population(nc.Population), l.Region(nc.Region),
			r.changeText(nc), l.Date(nc.From, false), l.Date(nc.To, false))
		if nc.HasReleases && !nc.ChangeLowOpen && !nc.ChangeHighOpen && nc.AddedHigh > 0 {
			released := l.N(nc.ReleasedLow)
			if nc.ReleasedHigh != nc.ReleasedLow {
				released = l.T("between %s and %s", l.N(nc.ReleasedLow), l.N(nc.ReleasedHigh))
			}
			added := l.N(max(0, nc.AddedLow))
			if nc.AddedHigh != max(0, nc.AddedLow) {
				added = l.T("between %s and %s", l.N(max(0, nc.AddedLow)), l.N(nc.AddedHigh))
			}
			s += l.T(", while it counted %s releases: %s cases added (new arrests or cases reported late)", released, added)
		}
		r.p("<li>%s.</li>\n", esc(s))
	}
	r.p("</ul>\n</section>\n")
}

// method states the policy in words.
func (r *page) method() {
	l := r.l
	p := r.opts.Policy
	r.p("<section class=\"method\" aria-labelledby=\"method\">\n<h2 id=\"method\">%s</h2>\n<ul>\n", esc(l.T("How these figures are read")))
	item := func(s string) { r.p("<li>%s</li>\n", esc(s)) }
	item(r.asOfLine())
	switch p.Best {
	case reconcile.Conservative:
		item(l.T("The best figure is the lowest figure of the claims that agree, as ACLED codes the most conservative report."))
	case reconcile.Range:
		item(l.T("The best figure is the middle of the lowest and highest credible figures."))
	case reconcile.Majority:
		item(l.T("The best figure is the one stated by the most independent sources."))
	case reconcile.Hierarchy:
		var names []string
		for _, id := range p.Hierarchy {
			names = append(names, r.sourceName(id))
		}
		item(l.T("The best figure is that of the first of these sources that states one: %s.", l.List(names)))
	default:
		item(l.T("The best figure is the weighted median of the figures of the claims that agree with each other."))
	}
	item(l.T("The lowest and highest credible figures are the lowest and highest figures credibly stated; a figure stated as a minimum (\"at least\") is never shown as a maximum, but as \"or more\"."))
	if p.PreliminaryIsFloor {
		item(l.T("A preliminary count that may still rise is read as a minimum."))
	}
	if p.CountNamedLists {
		item(l.T("A count made from a list of names is read as verified: nobody can be counted below it."))
	}
	if p.MinWeight.IsPositive() {
		item(l.T("Claims weighing less than %s are set aside.", l.Dec(p.MinWeight)))
	}
	if len(p.SourceWeights) > 0 {
		item(l.T("The weights of some sources were learned from their track record and replace their prior confidence."))
	}
	if len(p.ClosedRegisters) > 0 {
		var names []string
		for _, id := range p.ClosedRegisters {
			names = append(names, r.sourceName(id))
		}
		item(l.T("Counts of people held bound the releases between them only for the closed registers of %s.", l.List(names)))
	}
	if len(p.Partitions) > 0 {
		item(l.T("Some populations are declared to exclude each other, so that their figures add up."))
	}
	item(l.T("A source's later statement replaces its earlier one; a news agency relaying a source is that source's statement, counted once, never a second confirmation."))
	item(l.T("Weights: preliminary %s, verified %s, final %s; named list %s, announcement %s, estimate %s; \"about\" admits %s%% either way.",
		l.Dec(p.Preliminary), l.Dec(p.Verified), l.Dec(p.Final), l.Dec(p.NamedList), l.Dec(p.Announcement), l.Dec(p.Estimate),
		l.Dec(p.Tolerance.Shift(2))))
	r.p("</ul>\n</section>\n")
}
