package reconciletest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

// The days the generators favour: claims and verifications are about days
// of a two-week window in January 2026, periods of a few days starting in
// it, and periods open at the end "since" one of its days or since
// 1 December 2025.
var (
	windowFirst = release.MustDate(2026, time.January, 18)
	windowLast  = release.MustDate(2026, time.January, 31)
	december    = release.MustDate(2025, time.December, 1)
)

// Window returns the two weeks that generated claims and verifications are
// about, 2026-01-18 to 2026-01-31, so that tests can draw moments and query
// scopes that hit the generated data.
func Window() release.Period { return release.MustPeriod(windowFirst, windowLast) }

// Zones of the moments drawn: Caracas (UTC−4) under two names, and UTC
// under two names. Moments equal as instants and offsets are equal claims
// whatever the zone's name, so [EvidencePieces] uses the second names to
// vary the representation of copies.
var (
	caracas      = time.FixedZone("VET", -4*60*60)
	caracasAlias = time.FixedZone("-04", -4*60*60)
	utcAlias     = time.FixedZone("UTC+0", 0)
)

// sourceTemplate is one source of the vocabulary, before its confidence
// and group are drawn.
type sourceTemplate struct {
	id, name string
	kind     source.Kind
	method   source.Method
	group    string // the group it is drawn in, when it is drawn in one
}

var sourcePool = []sourceTemplate{
	{"foro-penal", "Foro Penal", source.NGO, source.VerifiesIdentities, ""},
	{"justicia-encuentro", "Justicia, Encuentro y Perdón", source.NGO, source.VerifiesIdentities, "ngo-coalition"},
	{"clippve", "Comité por la Libertad de los Presos Políticos", source.NGO, source.VerifiesIdentities, "ngo-coalition"},
	{"ve-gov", "Gobierno de Venezuela", source.Government, source.Announces, "ve-state"},
	{"ve-fiscalia", "Fiscalía General de la República", source.Government, source.Announces, "ve-state"},
	{"afp", "AFP", source.Media, source.Relays, ""},
	{"efe", "EFE", source.Media, source.Relays, ""},
	{"ohchr", "OHCHR", source.International, source.Announces, ""},
	{"familiares", "Comité de familiares", source.Family, source.Announces, ""},
}

// SourceIDs returns the IDs of every source the generators may draw, in a
// fixed order: Foro Penal and two other NGOs (two of them often in one
// independence group), two government bodies (often in one group), two news
// agencies, a UN office and a committee of relatives. [Policy] draws its
// source hierarchy and source weights from them.
func SourceIDs() []source.SourceID {
	out := make([]source.SourceID, len(sourcePool))
	for i, s := range sourcePool {
		out[i] = source.MustSourceID(s.id)
	}
	return out
}

// The scope lattice: populations, regions, and the detainees verified.
var (
	detainees = release.MustPopulation("detainees")
	political = release.MustPopulation("detainees/political")
	military  = release.MustPopulation("detainees/political/military")
	common    = release.MustPopulation("detainees/common")
	ve        = release.MustRegion("VE")
	zulia     = release.MustRegion("VE/Zulia")
	caracasR  = release.MustRegion("VE/Caracas")

	// Weighted towards the populations and regions reports use most.
	populations = []release.Population{political, political, detainees, detainees, military, common}
	regions     = []release.Region{ve, ve, ve, zulia, caracasR}
)

// detaineePool is the dozen people that verifications and named lists
// draw from, so that the same person is verified often.
var detaineePool = func() []release.DetaineeID {
	out := make([]release.DetaineeID, 12)
	for i := range out {
		out[i] = release.MustDetaineeID(fmt.Sprintf("FP-2026-%04d", i+1))
	}
	return out
}()

// Evidence returns a generator of valid evidence sets, built through the
// public API: a handful of sources, some sharing an independence group,
// some with no confidence at all; up to twenty claims about scopes of the
// lattice (see the package documentation) and all three measures (mostly
// releases) with quantities of every kind, among them relays (copies of an
// earlier claim with Via and a new ID, and claims that reached the record
// only through an outlet), later statements of the same source and scope
// (some naming the claim they supersede, some about another scope),
// retractions, relative claims ("about half as many", sometimes referring
// to a claim not in the set), verified named lists and references to
// claims that never arrive; and up to eight verifications of a pool of a
// dozen detainees.
func Evidence() *rapid.Generator[reconcile.Evidence] {
	return rapid.Custom(func(t *rapid.T) reconcile.Evidence {
		w := drawWorld(t)
		return mustBuild(w.sources, w.claims, w.verified)
	})
}

// EvidencePieces returns a generator of the evidence of [Evidence] split
// into one to five overlapping pieces: each claim and verification lies in
// one piece or several, each piece holds the sources its claims and
// verifications need and maybe others, and a copy held by more than one
// piece may be written differently but equally (the same moment in a zone
// of another name, a decimal with trailing zeros). Any sub-collection of
// the pieces merges without error with [reconcile.Merge], in any order and
// with any repeats.
func EvidencePieces() *rapid.Generator[[]reconcile.Evidence] {
	return rapid.Custom(func(t *rapid.T) []reconcile.Evidence {
		w := drawWorld(t)
		k := rapid.IntRange(1, 5).Draw(t, "pieces")
		type piece struct {
			sources  map[source.SourceID]bool
			claims   []source.Claim
			verified []reconcile.Verification
		}
		pieces := make([]piece, k)
		for i := range pieces {
			pieces[i].sources = map[source.SourceID]bool{}
		}
		// homes draws the pieces an item lies in: one, and maybe others.
		homes := func(label string) []int {
			home := rapid.IntRange(0, k-1).Draw(t, label+" home")
			out := []int{home}
			for i := range k {
				if i != home && rapid.IntRange(0, 3).Draw(t, label+" copy") == 0 {
					out = append(out, i)
				}
			}
			return out
		}
		for i, c := range w.claims {
			for n, h := range homes(fmt.Sprintf("claim %d", i)) {
				if n > 0 {
					c = claimVariant(t, c)
				}
				pieces[h].claims = append(pieces[h].claims, c)
				pieces[h].sources[c.Source] = true
				for _, v := range c.Via {
					pieces[h].sources[v] = true
				}
			}
		}
		for i, v := range w.verified {
			for n, h := range homes(fmt.Sprintf("verification %d", i)) {
				if n > 0 {
					v.Stated = momentVariant(t, v.Stated)
				}
				pieces[h].verified = append(pieces[h].verified, v)
				pieces[h].sources[v.Source] = true
			}
		}
		for i, s := range w.sources {
			for _, h := range homes(fmt.Sprintf("source %d", i)) {
				pieces[h].sources[s.ID] = true
			}
		}
		out := make([]reconcile.Evidence, k)
		for i, p := range pieces {
			var ss []source.Source
			for _, s := range w.sources {
				if p.sources[s.ID] {
					ss = append(ss, sourceVariant(t, s))
				}
			}
			out[i] = mustBuild(ss, p.claims, p.verified)
		}
		return out
	})
}

// EvidenceLaws returns the law suite for [reconcile.Merge] on pieces drawn
// by [EvidencePieces], comparing with [reconcile.Evidence.Equal] and
// describing evidence by its JSON encoding.
func EvidenceLaws() Laws[reconcile.Evidence] {
	return Laws[reconcile.Evidence]{
		Pieces:   EvidencePieces(),
		Merge:    reconcile.Merge,
		Equal:    reconcile.Evidence.Equal,
		Describe: describeEvidence,
	}
}

func describeEvidence(e reconcile.Evidence) string {
	b, err := json.Marshal(e)
	if err != nil {
		return "<evidence that does not encode: " + err.Error() + ">"
	}
	return string(b)
}

// VerificationOf returns a generator of verifications that e accepts: a
// detainee of the generators' pool, verified by one of e's sources as
// released on a day of the window, in a scope of the lattice. e must hold
// at least one source.
func VerificationOf(e reconcile.Evidence) *rapid.Generator[reconcile.Verification] {
	sources := slices.Collect(e.Sources())
	if len(sources) == 0 {
		panic("reconciletest.VerificationOf: evidence without sources")
	}
	return rapid.Custom(func(t *rapid.T) reconcile.Verification { return drawVerification(t, sources) })
}

// Scope returns a generator of query scopes drawn from the lattice of the
// generated evidence: its populations and regions, and periods that are
// days of the window, periods of a few days, periods since a day or since
// December, periods up to a day, and the open period ("ever").
func Scope() *rapid.Generator[release.Scope] {
	return rapid.Custom(func(t *rapid.T) release.Scope {
		var per release.Period
		switch rapid.IntRange(0, 9).Draw(t, "query period") {
		case 0, 1, 2, 3:
			per = release.Day(drawDay(t, "day"))
		case 4, 5:
			per = drawSpan(t)
		case 6:
			per = release.Since(drawDay(t, "since"))
		case 7:
			per = release.Since(december)
		case 8:
			per = release.Until(drawDay(t, "until"))
		default:
			per = release.Period{}
		}
		return release.MustScope(
			rapid.SampledFrom(populations).Draw(t, "population"),
			rapid.SampledFrom(regions).Draw(t, "region"),
			per)
	})
}

// Policy returns a generator of valid policies: often the default, else
// other status and basis weights (zero among them); tolerances from 0 to
// 1; a minimum weight; a preliminary figure read as a floor or not; each
// [reconcile.BestRule], with a hierarchy of the sources of [SourceIDs]
// (always for [reconcile.Hierarchy], sometimes for the others); weights
// that override some sources' confidence; and partitions of "detainees"
// into political and common prisoners, or military and common.
func Policy() *rapid.Generator[reconcile.Policy] {
	return rapid.Custom(func(t *rapid.T) reconcile.Policy {
		p := reconcile.DefaultPolicy()
		if rapid.Bool().Draw(t, "other weights") {
			p.Preliminary = drawUnit(t, "preliminary")
			p.Verified = drawUnit(t, "verified")
			p.Final = drawUnit(t, "final")
			p.NamedList = drawUnit(t, "named list")
			p.Announcement = drawUnit(t, "announcement")
			p.Estimate = drawUnit(t, "estimate")
		}
		p.Tolerance = decimal.RequireFromString(rapid.SampledFrom([]string{"0.1", "0", "0.05", "0.2", "0.5", "1"}).Draw(t, "tolerance"))
		p.MinWeight = decimal.RequireFromString(rapid.SampledFrom([]string{"0", "0", "0", "0.3", "0.6"}).Draw(t, "min weight"))
		p.PreliminaryIsFloor = rapid.Bool().Draw(t, "preliminary is floor")
		p.CountNamedLists = rapid.Bool().Draw(t, "count named lists")
		for _, id := range SourceIDs() {
			if rapid.IntRange(0, 3).Draw(t, "closed register "+id.String()) == 0 {
				p.ClosedRegisters = append(p.ClosedRegisters, id)
			}
		}
		rules := []reconcile.BestRule{reconcile.WeightedMedian, reconcile.Conservative, reconcile.Range, reconcile.Majority, reconcile.Hierarchy}
		p.Best = rapid.SampledFrom(rules).Draw(t, "best")
		if p.Best == reconcile.Hierarchy || rapid.Bool().Draw(t, "hierarchy") {
			ids := rapid.Permutation(SourceIDs()).Draw(t, "hierarchy order")
			p.Hierarchy = ids[:rapid.IntRange(1, len(ids)).Draw(t, "hierarchy length")]
		}
		if rapid.Bool().Draw(t, "source weights") {
			p.SourceWeights = map[source.SourceID]decimal.Decimal{}
			for _, id := range SourceIDs() {
				if rapid.IntRange(0, 2).Draw(t, "weigh "+id.String()) == 0 {
					p.SourceWeights[id] = drawUnit(t, "weight of "+id.String())
				}
			}
		}
		switch rapid.IntRange(0, 3).Draw(t, "partition") {
		case 1, 2:
			p.Partitions = []release.Partition{mustPartition(detainees, political, common)}
		case 3:
			p.Partitions = []release.Partition{mustPartition(detainees, military, common)}
		}
		return p
	})
}

func mustPartition(parent release.Population, parts ...release.Population) release.Partition {
	pt, err := release.NewPartition(parent, parts...)
	if err != nil {
		panic("reconciletest: invalid partition: " + err.Error())
	}
	return pt
}

func drawUnit(t *rapid.T, label string) decimal.Decimal {
	return decimal.RequireFromString(rapid.SampledFrom([]string{"1", "0.9", "0.8", "0.6", "0.5", "0.25", "0"}).Draw(t, label))
}

// world is one drawn evidence set before it is built.
type world struct {
	sources  []source.Source
	claims   []source.Claim
	verified []reconcile.Verification
}

func drawWorld(t *rapid.T) world {
	var w world
	w.sources = drawSources(t)
	n := rapid.IntRange(0, 20).Draw(t, "claims")
	for i := range n {
		w.claims = append(w.claims, notBeforeItsPeriod(w.drawClaim(t, i)))
	}
	nv := rapid.IntRange(0, 8).Draw(t, "verifications")
	for range nv {
		w.verified = append(w.verified, drawVerification(t, w.sources))
	}
	return w
}

// mustBuild adds the sources, claims and verifications to the zero Evidence
// through the public API. They are valid by construction, so a failure is
// a bug of the generator or of package reconcile.
func mustBuild(ss []source.Source, cs []source.Claim, vs []reconcile.Verification) reconcile.Evidence {
	var e reconcile.Evidence
	e, err := e.AddSources(ss...)
	if err == nil {
		e, err = e.AddClaims(cs...)
	}
	if err == nil {
		e, err = e.AddVerifications(vs...)
	}
	if err != nil {
		panic("reconciletest: reconcile rejected generated evidence: " + err.Error())
	}
	return e
}

func drawSources(t *rapid.T) []source.Source {
	pool := rapid.Permutation(sourcePool).Draw(t, "source order")
	n := rapid.IntRange(1, len(pool)).Draw(t, "sources")
	out := make([]source.Source, n)
	for i, tpl := range pool[:n] {
		s := source.Source{
			ID:     source.MustSourceID(tpl.id),
			Name:   tpl.name,
			Kind:   tpl.kind,
			Method: tpl.method,
			Confidence: decimal.RequireFromString(rapid.SampledFrom([]string{
				"0.9", "0.8", "0.7", "0.5", "1", "0.3", "0.6", "0",
			}).Draw(t, "confidence of "+tpl.id)),
		}
		if tpl.group != "" && rapid.IntRange(0, 3).Draw(t, "grouped "+tpl.id) > 0 {
			s.Group = source.MustGroup(tpl.group)
		}
		out[i] = s
	}
	return out
}

func drawDay(t *rapid.T, label string) release.Date {
	d, _ := windowFirst.AddDays(rapid.IntRange(0, windowLast.DaysSince(windowFirst)).Draw(t, label))
	return d
}

// drawSpan draws a period of two to seven days starting in the window.
func drawSpan(t *rapid.T) release.Period {
	first := drawDay(t, "first")
	last, _ := first.AddDays(rapid.IntRange(1, 6).Draw(t, "span"))
	return release.MustPeriod(first, last)
}

func drawPeriod(t *rapid.T) release.Period {
	switch rapid.IntRange(0, 9).Draw(t, "period") {
	case 0, 1, 2, 3, 4:
		return release.Day(drawDay(t, "day"))
	case 5, 6:
		return drawSpan(t)
	case 7, 8:
		return release.Since(drawDay(t, "since"))
	}
	return release.Since(december)
}

func drawScope(t *rapid.T) release.Scope {
	return release.MustScope(
		rapid.SampledFrom(populations).Draw(t, "population"),
		rapid.SampledFrom(regions).Draw(t, "region"),
		drawPeriod(t))
}

func drawMeasure(t *rapid.T) source.Measure {
	switch rapid.IntRange(0, 9).Draw(t, "measure") {
	case 7, 8:
		return source.Held
	case 9:
		return source.Detentions
	}
	return source.Releases
}

// drawStated draws a moment on or a few days after from (or the window's
// first day, if from is earlier or open), in Caracas or UTC.
func drawStated(t *rapid.T, from release.Date) time.Time {
	if !from.IsValid() || from.Before(windowFirst) {
		from = windowFirst
	}
	day, _ := from.AddDays(rapid.IntRange(0, 3).Draw(t, "stated days after"))
	zone := rapid.SampledFrom([]*time.Location{caracas, time.UTC}).Draw(t, "zone")
	minutes := rapid.IntRange(0, 24*4-1).Draw(t, "stated quarter hour") * 15
	return day.Start(zone).Add(time.Duration(minutes) * time.Minute)
}

// notBeforeItsPeriod moves a claim stated before its period begins to the
// same clock time on the period's first day: a claim about days that have
// not begun is refused (source.Claim.Validate).
func notBeforeItsPeriod(c source.Claim) source.Claim {
	first := c.Scope.Period().First()
	if d := c.StatedDay(); first.IsValid() && d.Before(first) {
		c.Stated = c.Stated.AddDate(0, 0, first.DaysSince(d))
	}
	return c
}

func drawLater(t *rapid.T, after time.Time) time.Time {
	return after.Add(time.Duration(rapid.IntRange(1, 48).Draw(t, "half hours later")) * 30 * time.Minute)
}

// drawCount draws a count, mostly small.
func drawCount(t *rapid.T, label string) int {
	switch rapid.IntRange(0, 3).Draw(t, label+" scale") {
	case 0:
		return rapid.IntRange(0, 20).Draw(t, label)
	case 3:
		return rapid.IntRange(0, 5000).Draw(t, label)
	}
	return rapid.IntRange(0, 300).Draw(t, label)
}

var quantityKinds = []source.QuantityKind{
	source.Exactly, source.Exactly, source.AtLeast, source.AtLeast, source.About, source.MoreThan,
	source.AtMost, source.FewerThan, source.Nearly, source.Between, source.Dozens, source.Hundreds,
	source.Thousands,
}

// drawQuantity draws a quantity of any kind, mostly with small counts; now
// and then one of [sourcetest.Quantity], which reaches the edges of the
// counts.
func drawQuantity(t *rapid.T) source.Quantity {
	if rapid.IntRange(0, 29).Draw(t, "edge quantity") == 0 {
		return sourcetest.Quantity().Draw(t, "quantity")
	}
	kind := rapid.SampledFrom(quantityKinds).Draw(t, "kind")
	n := drawCount(t, "n")
	var q source.Quantity
	var err error
	switch {
	case kind == source.Between:
		q, err = source.NewBetween(n, n+rapid.IntRange(0, 100).Draw(t, "width"))
	case kind.IsVague():
		q, err = source.NewVague(kind)
	case kind == source.FewerThan:
		q, err = source.NewQuantity(kind, n+1)
	default:
		q, err = source.NewQuantity(kind, n)
	}
	if err != nil {
		panic("reconciletest: invalid quantity: " + err.Error())
	}
	return q
}

var statuses = []source.Status{source.Verified, source.Preliminary, source.Final}

var bases = []source.Basis{source.Announcement, source.NamedList, source.Estimate}

// drawNamed draws up to limit distinct detainees of the pool.
func drawNamed(t *rapid.T, limit int) []release.DetaineeID {
	n := rapid.IntRange(0, min(limit, 8)).Draw(t, "named")
	if n == 0 {
		return nil
	}
	return rapid.Permutation(detaineePool).Draw(t, "named order")[:n]
}

// namedLimit is the most people a claim of quantity q may name.
func namedLimit(q source.Quantity) int {
	if hi, ok := q.Bounds().Hi(); ok {
		return hi
	}
	return len(detaineePool)
}

// drawVia draws one or two outlets other than src, or nil if there are none.
func (w *world) drawVia(t *rapid.T, src source.SourceID) []source.SourceID {
	var others []source.SourceID
	for _, s := range w.sources {
		if s.ID != src {
			others = append(others, s.ID)
		}
	}
	if len(others) == 0 {
		return nil
	}
	n := rapid.IntRange(1, min(2, len(others))).Draw(t, "relays")
	return rapid.Permutation(others).Draw(t, "relay order")[:n]
}

func claimID(t *rapid.T, i int) source.ClaimID {
	// The letter makes the order of IDs differ from the order of drawing,
	// so that which copy of a statement sorts first varies.
	return source.MustClaimID(fmt.Sprintf("%c%02d", 'a'+rapid.IntRange(0, 3).Draw(t, "id letter"), i))
}

// dangling returns the ID of a claim that never arrives.
func dangling(t *rapid.T) source.ClaimID {
	return source.MustClaimID(fmt.Sprintf("gone-%d", rapid.IntRange(0, 3).Draw(t, "dangling")))
}

func (w *world) drawClaim(t *rapid.T, i int) source.Claim {
	id := claimID(t, i)
	how := 0
	if len(w.claims) > 0 {
		how = rapid.IntRange(0, 9).Draw(t, "how")
	}
	switch how {
	case 4:
		if c, ok := w.relay(t, id); ok {
			return c
		}
	case 5, 6:
		return w.later(t, id)
	case 7:
		return w.retraction(t, id)
	case 8:
		return w.relative(t, id)
	case 9:
		return w.namedList(t, id)
	}
	return w.fresh(t, id)
}

func (w *world) earlier(t *rapid.T) source.Claim {
	return w.claims[rapid.IntRange(0, len(w.claims)-1).Draw(t, "earlier claim")]
}

// fresh draws a new statement.
func (w *world) fresh(t *rapid.T, id source.ClaimID) source.Claim {
	src := rapid.SampledFrom(w.sources).Draw(t, "source")
	scope := drawScope(t)
	q := drawQuantity(t)
	c := source.Claim{
		ID:       id,
		Source:   src.ID,
		Stated:   drawStated(t, scope.Period().First()),
		Measure:  drawMeasure(t),
		Scope:    scope,
		Quantity: q,
		Status:   rapid.SampledFrom(statuses).Draw(t, "status"),
		Basis:    rapid.SampledFrom(bases).Draw(t, "basis"),
	}
	if rapid.IntRange(0, 2).Draw(t, "through an outlet") == 0 {
		c.Via = w.drawVia(t, src.ID)
	}
	if c.Basis == source.NamedList {
		c.Named = drawNamed(t, namedLimit(q))
	}
	if rapid.IntRange(0, 9).Draw(t, "supersedes a missing claim") == 0 {
		c.Supersedes = dangling(t)
	}
	if rapid.IntRange(0, 3).Draw(t, "cited") == 0 {
		c.Citation = source.Citation{
			URL:      fmt.Sprintf("https://example.org/reports/%s", id),
			Quote:    "liberados " + q.String(),
			Language: rapid.SampledFrom([]string{"es", "en", ""}).Draw(t, "language"),
		}
	}
	return c
}

// namedList draws a verified list of named people released.
func (w *world) namedList(t *rapid.T, id source.ClaimID) source.Claim {
	c := w.fresh(t, id)
	c.Measure, c.Basis = source.Releases, source.NamedList
	c.Status = rapid.SampledFrom([]source.Status{source.Verified, source.Final}).Draw(t, "list status")
	c.Named = rapid.Permutation(detaineePool).Draw(t, "listed")[:rapid.IntRange(1, 8).Draw(t, "listed count")]
	k := len(c.Named)
	var err error
	switch rapid.IntRange(0, 2).Draw(t, "list quantity") {
	case 0:
		c.Quantity, err = source.NewQuantity(source.Exactly, k)
	case 1:
		c.Quantity, err = source.NewQuantity(source.AtLeast, k)
	default:
		c.Quantity, err = source.NewBetween(k, k+rapid.IntRange(0, 20).Draw(t, "unlisted"))
	}
	if err != nil {
		panic("reconciletest: invalid quantity: " + err.Error())
	}
	if c.Citation.Quote != "" {
		c.Citation.Quote = "liberados " + c.Quantity.String()
	}
	return c
}

// relay copies an earlier claim under a new ID, relayed by other sources.
func (w *world) relay(t *rapid.T, id source.ClaimID) (source.Claim, bool) {
	c := w.earlier(t).Clone()
	via := w.drawVia(t, c.Source)
	if via == nil {
		return source.Claim{}, false
	}
	c.ID, c.Via = id, via
	return c, true
}

// laterScope returns the scope of a statement made later by the same source
// about the same thing: usually the earlier claim's scope resolved, so
// that the two fall in one cell even when the later one is stated on
// another day, and sometimes its scope as said.
func laterScope(t *rapid.T, c source.Claim) release.Scope {
	if rapid.IntRange(0, 3).Draw(t, "scope as said") == 0 {
		return c.Scope
	}
	return c.ResolvedScope()
}

// later draws a later statement of an earlier claim's source: about the
// same measure and scope (so that it supersedes it), sometimes naming it
// in Supersedes, and sometimes about another scope while naming it.
func (w *world) later(t *rapid.T, id source.ClaimID) source.Claim {
	base := w.earlier(t)
	q := drawQuantity(t)
	c := source.Claim{
		ID:       id,
		Source:   base.Source,
		Stated:   drawLater(t, base.Stated),
		Measure:  base.Measure,
		Scope:    laterScope(t, base),
		Quantity: q,
		Status:   rapid.SampledFrom(statuses).Draw(t, "status"),
		Basis:    rapid.SampledFrom(bases).Draw(t, "basis"),
	}
	switch rapid.IntRange(0, 3).Draw(t, "names what it supersedes") {
	case 1, 2:
		c.Supersedes = base.ID
	case 3:
		c.Supersedes = base.ID
		c.Scope = drawScope(t)
	}
	if c.Basis == source.NamedList {
		c.Named = drawNamed(t, namedLimit(q))
	}
	if rapid.IntRange(0, 4).Draw(t, "through an outlet") == 0 {
		c.Via = w.drawVia(t, c.Source)
	}
	return c
}

// retraction withdraws an earlier claim.
func (w *world) retraction(t *rapid.T, id source.ClaimID) source.Claim {
	base := w.earlier(t)
	c := source.Claim{
		ID:         id,
		Source:     base.Source,
		Stated:     drawLater(t, base.Stated),
		Measure:    base.Measure,
		Scope:      laterScope(t, base),
		Status:     source.Retracted,
		Basis:      base.Basis,
		Supersedes: base.ID,
	}
	if rapid.IntRange(0, 3).Draw(t, "retracted elsewhere") == 0 {
		c.Scope = drawScope(t)
	}
	return c
}

// relative states a figure relative to an earlier claim's ("about half as
// many"), or now and then to a claim that never arrives.
func (w *world) relative(t *rapid.T, id source.ClaimID) source.Claim {
	base := w.earlier(t)
	to := base.ID
	if rapid.IntRange(0, 7).Draw(t, "relative to a missing claim") == 0 {
		to = dangling(t)
	}
	scope := base.Scope.WithPopulation(rapid.SampledFrom(populations).Draw(t, "population"))
	if rapid.IntRange(0, 3).Draw(t, "relative elsewhere") == 0 {
		scope = drawScope(t)
	}
	src := rapid.SampledFrom(w.sources).Draw(t, "source")
	return source.Claim{
		ID:      id,
		Source:  src.ID,
		Stated:  drawLater(t, base.Stated),
		Measure: base.Measure,
		Scope:   scope,
		Relative: source.Relative{
			To:    to,
			Ratio: decimal.RequireFromString(rapid.SampledFrom([]string{"0.5", "0.25", "1", "1.5", "2", "0.333"}).Draw(t, "ratio")),
			Kind: rapid.SampledFrom([]source.QuantityKind{
				source.About, source.Exactly, source.AtLeast, source.MoreThan, source.AtMost, source.FewerThan, source.Nearly,
			}).Draw(t, "relative kind"),
		},
		Status: rapid.SampledFrom(statuses).Draw(t, "status"),
		Basis:  rapid.SampledFrom(bases).Draw(t, "basis"),
	}
}

// drawVerification draws an identity verification or, one time in four, a
// count of people verified whose names are withheld.
func drawVerification(t *rapid.T, sources []source.Source) reconcile.Verification {
	day := drawDay(t, "verified day")
	var who release.DetaineeID
	n := 0
	if rapid.IntRange(0, 3).Draw(t, "count only") == 0 {
		n = rapid.IntRange(1, 60).Draw(t, "verified count")
	} else {
		who = rapid.SampledFrom(detaineePool).Draw(t, "detainee")
	}
	return reconcile.Verification{
		Detainee: who,
		Count:    n,
		Scope: release.MustScope(
			rapid.SampledFrom([]release.Population{political, political, military, common, detainees}).Draw(t, "verified population"),
			rapid.SampledFrom([]release.Region{zulia, caracasR, ve}).Draw(t, "verified region"),
			release.Day(day)),
		Source: rapid.SampledFrom(sources).Draw(t, "verifier").ID,
		Stated: drawStated(t, day),
	}
}

// momentVariant returns the same moment, maybe in a zone of the same offset
// under another name.
func momentVariant(t *rapid.T, at time.Time) time.Time {
	if !rapid.Bool().Draw(t, "rename zone") {
		return at
	}
	_, off := at.Zone()
	switch off {
	case -4 * 60 * 60:
		return at.In(rapid.SampledFrom([]*time.Location{caracas, caracasAlias}).Draw(t, "caracas"))
	case 0:
		return at.In(rapid.SampledFrom([]*time.Location{time.UTC, utcAlias}).Draw(t, "utc"))
	}
	return at
}

// decimalVariant returns d, maybe with a trailing zero.
func decimalVariant(t *rapid.T, d decimal.Decimal) decimal.Decimal {
	if !rapid.Bool().Draw(t, "trailing zero") {
		return d
	}
	s := d.String()
	if !strings.Contains(s, ".") {
		s += "."
	}
	return decimal.RequireFromString(s + "0")
}

// claimVariant returns a claim equal to c written differently: its moment
// in a zone of another name, empty lists instead of nil, a relative ratio
// with a trailing zero.
func claimVariant(t *rapid.T, c source.Claim) source.Claim {
	c = c.Clone()
	c.Stated = momentVariant(t, c.Stated)
	if c.Via == nil && rapid.Bool().Draw(t, "empty via") {
		c.Via = []source.SourceID{}
	}
	if c.Named == nil && rapid.Bool().Draw(t, "empty named") {
		c.Named = []release.DetaineeID{}
	}
	if !c.Relative.IsZero() {
		c.Relative.Ratio = decimalVariant(t, c.Relative.Ratio)
	}
	return c
}

func sourceVariant(t *rapid.T, s source.Source) source.Source {
	s.Confidence = decimalVariant(t, s.Confidence)
	return s
}
