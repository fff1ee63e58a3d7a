// Package reliabilitytest provides [pgregory.net/rapid] generators of
// evidence drawn from a known truth, for property tests of package
// [github.com/freedcount/freedcount/reconcile/reliability] and of code
// built on it, as [testing/fstest] serves code built on [io/fs].
//
// A [Scenario] is an evidence set together with what produced it: the true
// figure of every object, and each source's profile (how often it is right,
// whose claims it repeats). [Scenarios] draws small scenarios whose
// vocabulary is chosen so that the properties are not vacuous: sources of
// very different accuracy, claims that are points, bounds ("at least"),
// ranges and approximations, sources that speak once, sources that repeat
// another's claims, and members of a declared independence group. Every
// source states at most one claim per object. [Synthetic] builds larger
// scenarios deterministically from a seed, for benchmarks and examples;
// [Rename] renames sources, for checking that estimates do not depend on
// names.
package reliabilitytest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Scenario is an evidence set and the hidden truth behind it.
type Scenario struct {
	// Evidence holds the sources and their claims.
	Evidence reconcile.Evidence
	// Truth is the true figure of every object some claim is about, by
	// scope. Every claim is about releases (source.Releases).
	Truth []Truth
	// Profiles says how each source was drawn, by source ID.
	Profiles []Profile
}

// Truth is the true figure of one object.
type Truth struct {
	Scope release.Scope
	Value int
}

// Profile is how a source's claims were drawn.
type Profile struct {
	Source source.SourceID
	// Accuracy is the probability that each of its own claims holds the
	// truth, in [0, 1].
	Accuracy float64
	// Repeats is the source whose claims it repeats, figure for figure,
	// wherever that source speaks; zero for a source that speaks for
	// itself.
	Repeats source.SourceID
	// Once reports a source drawn to speak a single time.
	Once bool
}

// TrueValue returns the true figure of the object about scope s.
func (sc Scenario) TrueValue(s release.Scope) (int, bool) {
	i, ok := slices.BinarySearchFunc(sc.Truth, s, func(t Truth, s release.Scope) int { return t.Scope.Compare(s) })
	if !ok {
		return 0, false
	}
	return sc.Truth[i].Value, true
}

// The vocabulary: political prisoners released in Venezuela on successive
// days of January 2026.
var (
	political = release.MustPopulation("detainees/political")
	venezuela = release.MustRegion("VE")
	firstDay  = release.MustDate(2026, time.January, 1)
)

func dayScope(i int) release.Scope {
	d, _ := firstDay.AddDays(i)
	return release.MustScope(political, venezuela, release.Day(d))
}

func statedOn(i int) time.Time {
	return time.Date(2026, time.January, 1+i, 20, 0, 0, 0, time.FixedZone("VET", -4*3600))
}

// draw abstracts rapid's draws and math/rand's, so that Scenarios and
// Synthetic share one builder.
type draw interface {
	intn(label string, n int) int // in [0, n)
	chance(label string, p float64) bool
}

type rapidDraw struct{ t *rapid.T }

func (d rapidDraw) intn(label string, n int) int { return rapid.IntRange(0, n-1).Draw(d.t, label) }
func (d rapidDraw) chance(label string, p float64) bool {
	return rapid.IntRange(0, 999).Draw(d.t, label) < int(p*1000)
}

type randDraw struct{ r *rand.Rand }

func (d randDraw) intn(_ string, n int) int        { return d.r.IntN(n) }
func (d randDraw) chance(_ string, p float64) bool { return d.r.Float64() < p }

// builder accumulates a scenario.
type builder struct {
	d        draw
	truth    []int
	sources  []source.Source
	profiles []Profile
	claims   []source.Claim
	said     map[[2]int]source.Quantity // (source, object) → what it said
}

func (b *builder) addSource(p Profile, group string) int {
	s := source.Source{
		ID: p.Source, Name: "Source " + p.Source.String(), Kind: source.NGO,
		Method: source.Announces, Confidence: decimal.New(5, -1),
	}
	if group != "" {
		s.Group = source.MustGroup(group)
	}
	b.sources = append(b.sources, s)
	b.profiles = append(b.profiles, p)
	return len(b.sources) - 1
}

// quantity draws what a source of the given accuracy says about object o.
func (b *builder) quantity(o int, acc float64, label string) source.Quantity {
	t := b.truth[o]
	right := b.d.chance(label+"-right", acc)
	var q source.Quantity
	var err error
	switch b.d.intn(label+"-kind", 10) {
	case 0: // a bound
		if right {
			q, err = source.NewQuantity(source.AtLeast, t-b.d.intn(label+"-below", 4))
		} else {
			q, err = source.NewQuantity(source.AtLeast, t+1+b.d.intn(label+"-above", 30))
		}
	case 1: // a range
		if right {
			q, err = source.NewBetween(t-b.d.intn(label+"-lo", 5), t+b.d.intn(label+"-hi", 5))
		} else {
			lo := t + 1 + b.d.intn(label+"-lo", 20)
			q, err = source.NewBetween(lo, lo+b.d.intn(label+"-hi", 5))
		}
	case 2: // an approximation
		if right {
			q, err = source.NewQuantity(source.About, t)
		} else {
			q, err = source.NewQuantity(source.About, 2*t+20)
		}
	default: // a figure
		if right {
			q, err = source.NewQuantity(source.Exactly, t)
		} else {
			delta := 1 + b.d.intn(label+"-delta", 40)
			if b.d.chance(label+"-sign", 0.5) && t-delta >= 0 {
				delta = -delta
			}
			q, err = source.NewQuantity(source.Exactly, t+delta)
		}
	}
	if err != nil {
		panic(fmt.Sprintf("reliabilitytest: drawing a quantity: %v", err))
	}
	return q
}

func (b *builder) say(src, o int, q source.Quantity) {
	id := b.sources[src].ID
	b.claims = append(b.claims, source.Claim{
		ID: source.MustClaimID(fmt.Sprintf("%s-%03d", id, o)), Source: id,
		Stated: statedOn(o), Measure: source.Releases, Scope: dayScope(o),
		Quantity: q, Status: source.Final, Basis: source.Announcement,
	})
	b.said[[2]int{src, o}] = q
}

func (b *builder) build() Scenario {
	var e reconcile.Evidence
	e, err := e.AddSources(b.sources...)
	if err == nil {
		e, err = e.AddClaims(b.claims...)
	}
	if err != nil {
		panic(fmt.Sprintf("reliabilitytest: generated evidence rejected: %v", err))
	}
	sc := Scenario{Evidence: e}
	for o, t := range b.truth {
		spoken := false
		for src := range b.sources {
			if _, ok := b.said[[2]int{src, o}]; ok {
				spoken = true
				break
			}
		}
		if spoken {
			sc.Truth = append(sc.Truth, Truth{Scope: dayScope(o), Value: t})
		}
	}
	sc.Profiles = slices.Clone(b.profiles)
	slices.SortFunc(sc.Profiles, func(a, b Profile) int { return a.Source.Compare(b.Source) })
	return sc
}

// Config sizes a scenario built by [Synthetic].
type Config struct {
	// Objects is the number of days claimed about.
	Objects int
	// Accuracies lists the independent sources, by how often each is
	// right; each speaks about an object with probability Coverage.
	Accuracies []float64
	Coverage   float64
	// Copiers lists, for each copier, the index in Accuracies of the
	// source whose every claim it repeats.
	Copiers []int
	// Once is the number of sources that speak once, each with accuracy
	// OnceAccuracy.
	Once         int
	OnceAccuracy float64
}

// Synthetic builds a scenario from cfg, drawn deterministically from seed:
// the same arguments always give the same scenario. True figures lie in
// [10, 510).
func Synthetic(cfg Config, seed uint64) Scenario {
	b := &builder{d: randDraw{rand.New(rand.NewPCG(seed, 0xc0ffee))}, said: map[[2]int]source.Quantity{}}
	for range cfg.Objects {
		b.truth = append(b.truth, 10+b.d.intn("truth", 500))
	}
	for i, acc := range cfg.Accuracies {
		b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("s%02d", i)), Accuracy: acc}, "")
	}
	for i, of := range cfg.Copiers {
		b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("copy%02d", i)), Accuracy: cfg.Accuracies[of],
			Repeats: b.sources[of].ID}, "")
	}
	for i := range cfg.Once {
		b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("once%02d", i)), Accuracy: cfg.OnceAccuracy, Once: true}, "")
	}
	for o := range cfg.Objects {
		for i := range cfg.Accuracies {
			if b.d.chance("speaks", cfg.Coverage) {
				b.say(i, o, b.quantity(o, cfg.Accuracies[i], "q"))
			}
		}
		for i, of := range cfg.Copiers {
			if q, ok := b.said[[2]int{of, o}]; ok {
				b.say(len(cfg.Accuracies)+i, o, q)
			}
		}
	}
	for i := range cfg.Once {
		if cfg.Objects > 0 {
			o := b.d.intn("once-object", cfg.Objects)
			b.say(len(cfg.Accuracies)+len(cfg.Copiers)+i, o, b.quantity(o, cfg.OnceAccuracy, "q"))
		}
	}
	return b.build()
}

// Scenarios returns a generator of small scenarios: 1 to 8 days with true
// figures in [10, 210); 2 to 6 independent sources whose accuracies range
// from 0.2 to 0.95, each speaking about a day with probability 0.8; up to
// two copiers, each repeating one source's every claim; up to three sources
// that speak once; and possibly a source declared in one independence group
// with another, repeating its claims on some days. Claims are figures,
// bounds, ranges and approximations, each either holding the truth or not.
func Scenarios() *rapid.Generator[Scenario] {
	return rapid.Custom(func(t *rapid.T) Scenario {
		b := &builder{d: rapidDraw{t}, said: map[[2]int]source.Quantity{}}
		objects := rapid.IntRange(1, 8).Draw(t, "objects")
		for o := range objects {
			b.truth = append(b.truth, 10+rapid.IntRange(0, 199).Draw(t, fmt.Sprintf("truth%d", o)))
		}
		indep := rapid.IntRange(2, 6).Draw(t, "independent")
		accs := make([]float64, indep)
		for i := range accs {
			accs[i] = float64(rapid.IntRange(4, 19).Draw(t, fmt.Sprintf("accuracy%d", i))) / 20
			b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("s%d", i)), Accuracy: accs[i]}, "")
		}
		copiers := rapid.IntRange(0, 2).Draw(t, "copiers")
		of := make([]int, copiers)
		for i := range of {
			of[i] = rapid.IntRange(0, indep-1).Draw(t, fmt.Sprintf("copies%d", i))
			b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("c%d", i)), Accuracy: accs[of[i]],
				Repeats: b.sources[of[i]].ID}, "")
		}
		once := rapid.IntRange(0, 3).Draw(t, "once")
		for i := range once {
			b.addSource(Profile{Source: source.MustSourceID(fmt.Sprintf("o%d", i)),
				Accuracy: float64(rapid.IntRange(2, 19).Draw(t, fmt.Sprintf("onceAccuracy%d", i))) / 20, Once: true}, "")
		}
		member := -1
		if rapid.Bool().Draw(t, "grouped") {
			// s0 and its ministry m0 speak as one government.
			b.sources[0].Group = source.MustGroup("state")
			member = b.addSource(Profile{Source: source.MustSourceID("m0"), Accuracy: accs[0], Repeats: b.sources[0].ID}, "state")
		}
		for o := range objects {
			spoke := false
			for i := range indep {
				if b.d.chance(fmt.Sprintf("speaks%d-%d", i, o), 0.8) {
					b.say(i, o, b.quantity(o, accs[i], fmt.Sprintf("q%d-%d", i, o)))
					spoke = true
				}
			}
			if !spoke {
				// Every object is claimed about by someone: an object no
				// source speaks of has no claims, and a scenario could be
				// left with none at all.
				b.say(0, o, b.quantity(o, accs[0], fmt.Sprintf("q0-%d", o)))
			}
			for i := range of {
				if q, ok := b.said[[2]int{of[i], o}]; ok {
					b.say(indep+i, o, q)
				}
			}
			if q, ok := b.said[[2]int{0, o}]; ok && member >= 0 && b.d.chance(fmt.Sprintf("member%d", o), 0.7) {
				b.say(member, o, q)
			}
		}
		for i := range once {
			o := rapid.IntRange(0, objects-1).Draw(t, fmt.Sprintf("onceObject%d", i))
			src := indep + copiers + i
			b.say(src, o, b.quantity(o, b.profiles[src].Accuracy, fmt.Sprintf("onceq%d", i)))
		}
		return b.build()
	})
}

// Rename returns e with every source renamed by rename, which must map the
// sources' IDs one to one onto valid IDs; claims keep their IDs and follow
// their sources. It fails if the renamed evidence is rejected.
func Rename(e reconcile.Evidence, rename func(source.SourceID) source.SourceID) (reconcile.Evidence, error) {
	var srcs []source.Source
	for s := range e.Sources() {
		s.ID = rename(s.ID)
		s.Name = "Source " + s.ID.String()
		srcs = append(srcs, s)
	}
	var claims []source.Claim
	for c := range e.Claims() {
		c.Source = rename(c.Source)
		for i, v := range c.Via {
			c.Via[i] = rename(v)
		}
		claims = append(claims, c)
	}
	var out reconcile.Evidence
	out, err := out.AddSources(srcs...)
	if err != nil {
		return reconcile.Evidence{}, err
	}
	return out.AddClaims(claims...)
}

// The configurations below are the synthetic scenarios that package
// reliability measures, each over seeds 1 to 5 (BenchmarkScenarios): a
// change to the estimation is judged on all of them.

// Mixed is the common case: twelve independent sources from 0.95 down to
// 0.2 accurate, each speaking about 70 % of 1,000 days, a copier of each
// of the two least accurate, and 100 sources that speak once (0.6).
func Mixed() Config {
	return Config{Objects: 1000, Accuracies: []float64{0.95, 0.9, 0.9, 0.85, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2},
		Coverage: 0.7, Copiers: []int{10, 11}, Once: 100, OnceAccuracy: 0.6}
}

// LiarClique is four honest sources (0.7) against a liar (0.25) whose
// every claim two copiers repeat, each independent source speaking about
// 90 % of 150 days. The honest sources outnumber the clique, but their
// wrong figures scatter while the clique's three claims agree, so on most
// days the liar is wrong its figure has more claims than the truth.
func LiarClique() Config {
	return Config{Objects: 150, Accuracies: []float64{0.7, 0.7, 0.7, 0.7, 0.25}, Coverage: 0.9, Copiers: []int{4, 4}}
}

// Sparse is a thin record: five sources (0.9 down to 0.4) each speaking
// about 40 % of 500 days, and 300 sources that speak once (0.5), so that
// many days have a single voice.
func Sparse() Config {
	return Config{Objects: 500, Accuracies: []float64{0.9, 0.6, 0.6, 0.5, 0.4}, Coverage: 0.4, Once: 300, OnceAccuracy: 0.5}
}

// CopyRing is a ring of copiers around a poor source: five sources (0.8
// down to 0.5) each speaking about 80 % of 300 days, three copiers of the
// least accurate and one of the next, and 30 sources that speak once
// (0.7). On most days the poor source speaks, its clique of four states
// one figure and outnumbers the claims of the three best sources together.
func CopyRing() Config {
	return Config{Objects: 300, Accuracies: []float64{0.8, 0.75, 0.7, 0.65, 0.5}, Coverage: 0.8,
		Copiers: []int{4, 4, 4, 3}, Once: 30, OnceAccuracy: 0.7}
}
