// Command estimate shows, on small invented data, how freedcount estimates
// the releases that no list documents (multiple systems estimation), and
// how the estimate enters the evidence so that a figure's high value
// reflects them.
//
// The output follows this plan:
//
//  1. The lists: how many people each stratum's lists document, alone and
//     together, tallied from linked records.
//  2. The estimate per stratum: the log-linear models ranked by AIC, the
//     chosen one, and what two lists alone would have said; beside them,
//     the average over all models (with a warning when the best models
//     disagree), the Bayesian latent-class estimate, and the total over
//     the states.
//  3. A stratum that is refused, and why.
//  4. How far to trust each source: the weights learned from the sources'
//     track record in December (reconcile/reliability), and a figure they
//     change.
//  5. Into the evidence: the estimate as a claim beside the NGO's named
//     list and the government's announcement, and the figure they make.
//
// Each section ends with a few lines in plain words. The data are invented
// and generated from a fixed seed, so the output is the same on every run.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "estimate:", err)
		os.Exit(1)
	}
}

// The lists of the invented data: two NGOs (the second copies part of the
// first's list), a church network, and press reports.
var (
	foroPenal = mse.MustListID("foro-penal")
	jep       = mse.MustListID("jep")
	church    = mse.MustListID("church")
	press     = mse.MustListID("press")
	lists     = []mse.ListID{foroPenal, jep, church, press}
)

// A stratum of the invented data: a state, how many political prisoners
// were really released there in January 2026 (which in real work no one
// knows), and how likely each list is to document one of them.
type stratum struct {
	name  string
	truth int
	p     map[mse.ListID]float64
	// jepIfForoPenal is the chance that JEP lists someone Foro Penal
	// lists: JEP copies part of Foro Penal's list.
	jepIfForoPenal float64
}

var strata = []stratum{
	{"VE/Zulia", 400, map[mse.ListID]float64{foroPenal: 0.35, jep: 0.15, church: 0.2, press: 0.25}, 0.6},
	{"VE/Lara", 150, map[mse.ListID]float64{foroPenal: 0.4, jep: 0.2, church: 0.3, press: 0.2}, 0.6},
	// In Mérida only Foro Penal and the press document anyone.
	{"VE/Merida", 60, map[mse.ListID]float64{foroPenal: 0.5, press: 0.3}, 0},
}

// sightings invents the linked records of every stratum: one sighting per
// person and list that documents them, and a few duplicate records that
// linkage has already tied to the same person.
func sightings() []mse.Sighting[string] {
	r := pcg{state: 0x5eed}
	var out []mse.Sighting[string]
	for _, s := range strata {
		st := mse.MustStratum(s.name)
		for i := range s.truth {
			person := fmt.Sprintf("%s-%04d", strings.ToLower(strings.TrimPrefix(s.name, "VE/")), i+1)
			onFP := r.float() < s.p[foroPenal]
			for _, l := range lists {
				p := s.p[l]
				if l == jep && onFP {
					p = s.jepIfForoPenal
				}
				if (l == foroPenal && onFP) || (l != foroPenal && r.float() < p) {
					out = append(out, mse.Sighting[string]{Stratum: st, Person: person, List: l})
					if r.float() < 0.05 {
						out = append(out, mse.Sighting[string]{Stratum: st, Person: person, List: l})
					}
				}
			}
		}
	}
	return out
}

// latentOptions are the latent-class sampler's options: 3,000 iterations
// of burn-in, then 1,000 draws kept one in five, from a fixed seed.
func latentOptions() mse.LatentClassOptions {
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 3000, 1000, 5
	return o
}

func run(w io.Writer) error {
	fmt.Fprintln(w, "INVENTED DATA — releases of political prisoners in three Venezuelan states, January 2026")
	fmt.Fprintln(w)

	// 1. The lists.
	ss := sightings()
	tables, err := mse.Tally(lists, ss)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "1. The lists")
	fmt.Fprintf(w, "   %d records, linked into people and tallied by state:\n", len(ss))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "   state\tdocumented\tforo-penal\tjep\tchurch\tpress\ton 2+ lists\t\n")
	for _, h := range tables {
		fmt.Fprintf(tw, "   %s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", h.Stratum(), h.Observed(),
			h.Captured(foroPenal), h.Captured(jep), h.Captured(church), h.Captured(press), onTwoOrMore(h))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	say(w, "Each person is counted once per state, however many lists name them.",
		"The fewer people two lists share, the more people both lists missed.")

	// 2. The estimates.
	fmt.Fprintln(w, "2. How many were released, documented or not")
	estimates := map[string]mse.Estimate{}
	var refused []error
	var averages []mse.Estimate
	var posteriors []mse.Posterior
	for _, h := range tables {
		s, err := mse.Select(h, mse.DefaultOptions())
		if err != nil {
			refused = append(refused, err)
			continue
		}
		best := s.Best()
		estimates[h.Stratum().String()] = best
		fmt.Fprintf(w, "   %s: %d models of the lists' dependence fitted; the three best by AIC:\n", h.Stratum(), s.Len())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "     model\testimate\tSE\tAIC\t\n")
		for i := range min(3, s.Len()) {
			e := s.At(i)
			fmt.Fprintf(tw, "     %s\t%.0f\t%.0f\t%.1f\t\n", e.Model(), e.N, e.SE, e.AIC)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(w, "     lists: %s\n", numbered(best.Lists))
		fmt.Fprintf(w, "     chosen: %s, about %.0f released, 95%% interval %s (true total: %d)\n",
			best.Model(), best.N, best.Interval(), truth(h.Stratum()))
		ngos, err := h.Restrict(foroPenal, jep)
		if err != nil {
			return err
		}
		if two, err := mse.Chapman(ngos, mse.DefaultOptions()); err == nil {
			fmt.Fprintf(w, "     the two NGO lists alone (Chapman): about %.0f, interval %s\n", two.N, two.Interval())
		}
		avg := s.Average()
		averages = append(averages, avg.Estimate)
		fmt.Fprintf(w, "     all %d models, weighted by AIC: about %.0f, 95%% interval %s\n", s.Len(), avg.Estimate.N, avg.Estimate.Interval())
		if avg.Warning != "" {
			fmt.Fprintf(w, "     warning: %s\n", avg.Warning)
		}
		p, err := mse.LatentClass(context.Background(), h, latentOptions())
		if err != nil {
			return err
		}
		posteriors = append(posteriors, p)
		fmt.Fprintf(w, "     latent classes (Bayesian, %d draws): about %.0f, 95%% interval %s\n", len(p.Draws), p.Estimate.N, p.Estimate.Interval())
		if p.Diagnostics.Warning != "" {
			fmt.Fprintf(w, "     warning: %s\n", p.Diagnostics.Warning)
		}
	}
	if len(averages) > 1 {
		tot, err := mse.SumEstimates(averages)
		if err != nil {
			return err
		}
		lc, err := mse.SumPosteriors(posteriors)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "   The %d states together: about %.0f by the model average, interval %s; about %.0f by latent\n",
			len(averages), tot.N, tot.Interval(), lc.N)
		fmt.Fprintf(w, "   classes, interval %s (true total: %d).\n", lc.Interval(), truth(averages[0].Stratum)+truth(averages[1].Stratum))
	}
	say(w, "In a model, \"23\" lets lists 2 and 3 depend on each other. Every model chosen here has it: JEP copies",
		"part of Foro Penal's list. That is also why the two NGO lists alone mislead: they share many names",
		"because one copies the other, not because together they saw nearly everyone, and an estimate from",
		"them alone is far too low. In Lara the two best models are tied and say 185 and 146: picking one",
		"hides that doubt, so the average weighs every model by how well it fits, widens the interval to",
		"cover the disagreement, and warns. The latent-class model makes another assumption (people differ",
		"in how visible they are, and the lists are independent among people alike): where both agree,",
		"the answer does not hang on one model. No interval starts below the number of people documented.")

	// 3. The refusals.
	fmt.Fprintln(w, "3. Strata that cannot be estimated")
	for _, err := range refused {
		fmt.Fprintf(w, "   %v\n", err)
		if errors.Is(err, mse.ErrTooFewLists) {
			fmt.Fprintln(w, "   → refused: with two lists, nothing in the data can show whether the lists depend on each other,")
			fmt.Fprintln(w, "     and the answer hangs on it. The state keeps its documented count and no estimate.")
		}
	}
	fmt.Fprintln(w)

	// 4. How far to trust each source.
	if err := reliabilitySection(w); err != nil {
		return err
	}

	// 5. Into the evidence.
	return evidenceSection(w, tables, estimates)
}

// evidenceSection puts Zulia's estimate beside Foro Penal's named list and
// a government announcement, and prints the figure they make.
func evidenceSection(w io.Writer, tables []mse.Histories, estimates map[string]mse.Estimate) error {
	const state = "VE/Zulia"
	e, ok := estimates[state]
	if !ok {
		return fmt.Errorf("no estimate for %s", state)
	}
	scope := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion(state),
		release.MustPeriod(release.MustDate(2026, time.January, 1), release.MustDate(2026, time.January, 31)))
	at := time.Date(2026, time.February, 2, 12, 0, 0, 0, time.FixedZone("VET", -4*60*60))
	fp := source.Source{ID: source.MustSourceID("foro-penal"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")}
	gov := source.Source{ID: source.MustSourceID("ve-gov"), Name: "Government of Venezuela", Kind: source.Government,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.7")}
	analyst := source.Source{ID: source.MustSourceID("analyst"), Name: "Statistical analysis", Kind: source.Academic,
		Method: source.Announces, Confidence: decimal.RequireFromString("0.8")}

	var zulia mse.Histories
	for _, h := range tables {
		if h.Stratum().String() == state {
			zulia = h
		}
	}
	// Foro Penal verified every person on its list by name.
	var verified []reconcile.Verification
	for _, s := range sightings() {
		if s.Stratum.String() == state && s.List == foroPenal {
			verified = append(verified, reconcile.Verification{Detainee: release.MustDetaineeID(s.Person),
				Scope: scope, Source: fp.ID, Stated: at})
		}
	}
	mseClaim, err := e.Claim(mse.ClaimSpec{ID: source.MustClaimID("mse-zulia"), Source: analyst.ID,
		Stated: at, Measure: source.Releases, Scope: scope})
	if err != nil {
		return err
	}
	claims := []source.Claim{
		{ID: source.MustClaimID("fp-zulia"), Source: fp.ID, Stated: at, Measure: source.Releases, Scope: scope,
			Quantity: must(source.NewQuantity(source.AtLeast, zulia.Captured(foroPenal))),
			Status:   source.Verified, Basis: source.NamedList},
		{ID: source.MustClaimID("gov-zulia"), Source: gov.ID, Stated: at, Measure: source.Releases, Scope: scope,
			Quantity: source.MustQuantity("380"), Status: source.Final, Basis: source.Announcement},
		mseClaim,
	}
	var ev reconcile.Evidence
	ev, err = ev.AddSources(fp, gov, analyst)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	if err == nil {
		ev, err = ev.AddVerifications(verified...)
	}
	if err != nil {
		return err
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		return err
	}
	f, err := ix.Figure(source.Releases, scope)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "5. The figure for %s, January 2026\n", state)
	for _, c := range claims {
		fmt.Fprintf(w, "   %-10s %-28s %s (%s)\n", c.ID, sourceName(ev, c.Source), c.Quantity, c.Basis)
	}
	fmt.Fprintf(w, "   verified %d, low %d, best %d, high %d; consensus %s\n", f.Verified, f.Low, f.Best, f.High, f.Consensus)
	fmt.Fprintf(w, "   low from %s, best from %s, high from %s\n", ids(f.LowFrom), ids(f.BestFrom), ids(f.HighFrom))
	say(w, fmt.Sprintf("Verified (%d) counts the people Foro Penal named; the four lists together documented %d.", f.Verified, zulia.Observed()),
		"The estimate enters as one more claim, with basis \"estimate\" and its interval, weighed like any",
		"other (an estimate weighs less than a named list by default). The three claims agree on 380, the best",
		"figure. The high figure now includes releases nobody listed; and since the estimate's interval starts",
		"at the documented count, it can never pull the low figure below what was verified.")
	return nil
}

// The sources of the track record: the NGO and the government of section
// 5, a church network, and two outlets that repeat the government. The
// newsroom knows the outlets speak for the government and declares them one
// independence group with it; its prior confidences, before any track
// record, trust the government more than the NGOs.
var (
	governmentGroup = source.MustGroup("ve-government")
	recordFP        = source.Source{ID: source.MustSourceID("foro-penal"), Name: "Foro Penal", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.6")}
	recordChurch = source.Source{ID: source.MustSourceID("church"), Name: "Church network", Kind: source.NGO,
		Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.5")}
	recordGov = source.Source{ID: source.MustSourceID("ve-gov"), Name: "Government of Venezuela", Kind: source.Government,
		Group: governmentGroup, Method: source.Announces, Confidence: decimal.RequireFromString("0.9")}
	recordTV = source.Source{ID: source.MustSourceID("state-tv"), Name: "State television", Kind: source.Media,
		Group: governmentGroup, Method: source.Relays, Confidence: decimal.RequireFromString("0.8")}
	recordPaper = source.Source{ID: source.MustSourceID("daily"), Name: "The official daily", Kind: source.Media,
		Group: governmentGroup, Method: source.Relays, Confidence: decimal.RequireFromString("0.8")}
)

// trackRecord invents what the sources said about weekly releases in the
// three states in December 2025. Foro Penal and the church network count
// independently, each missing a few people in a different week, and the
// church says nothing about the week of 8 December in Zulia; the government
// is right most weeks but inflates three; television and the daily repeat
// the government's figure every week, inflated ones included.
func trackRecord() (reconcile.Evidence, []release.Scope, error) {
	r := pcg{state: 0xdec}
	at := func(d release.Date) time.Time {
		y, m, dd := d.Ymd()
		return time.Date(y, m, dd, 18, 0, 0, 0, time.FixedZone("VET", -4*60*60))
	}
	var claims []source.Claim
	var scopes []release.Scope
	for k, st := range strata {
		for week := range 4 {
			first := release.MustDate(2025, time.December, 1+7*week)
			last, _ := first.AddDays(6)
			sc := release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion(st.name),
				release.MustPeriod(first, last))
			scopes = append(scopes, sc)
			n := 4*k + week // the week's number, 0 to 11
			truth := 10 + int(r.next()%40)
			fp, church, gov := truth, truth, truth
			switch n {
			case 2:
				fp = truth - 2
			case 9:
				church = truth - 1
			case 1, 6, 11:
				gov = truth + truth/3
			}
			id := fmt.Sprintf("%s-w%d", strings.ToLower(strings.TrimPrefix(st.name, "VE/")), week+1)
			say := func(who source.Source, n int, basis source.Basis) source.Claim {
				return source.Claim{ID: source.MustClaimID(who.ID.String() + "-" + id), Source: who.ID, Stated: at(last),
					Measure: source.Releases, Scope: sc, Quantity: must(source.NewQuantity(source.Exactly, n)),
					Status: source.Final, Basis: basis}
			}
			claims = append(claims, say(recordFP, fp, source.NamedList),
				say(recordGov, gov, source.Announcement), say(recordTV, gov, source.Announcement),
				say(recordPaper, gov, source.Announcement))
			if n != 1 {
				claims = append(claims, say(recordChurch, church, source.NamedList))
			}
		}
	}
	var ev reconcile.Evidence
	ev, err := ev.AddSources(recordFP, recordChurch, recordGov, recordTV, recordPaper)
	if err == nil {
		ev, err = ev.AddClaims(claims...)
	}
	return ev, scopes, err
}

// reliabilitySection learns each source's weight from the track record and
// shows a figure the weights change.
func reliabilitySection(w io.Writer) error {
	ev, scopes, err := trackRecord()
	if err != nil {
		return err
	}
	res, err := reliability.Estimate(ev, reliability.DefaultOptions())
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "4. How far to trust each source")
	fmt.Fprintf(w, "   Learned from %d claims about weekly releases in December 2025 (%d rounds, converged: %t):\n",
		ev.NumClaims(), res.Iterations, res.Converged)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "     source\tclaims\tcontested\testimated error\tcopying\tweight\t\n")
	for _, s := range res.Sources {
		fmt.Fprintf(tw, "     %s\t%d\t%d\t%s\t%s\t%s\t\n", s.Source, s.Claims, s.Contested,
			s.Error.StringFixed(2), s.Copying.StringFixed(2), s.Weight.StringFixed(2))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The week of 8 December in Zulia, one the government inflated.
	week := scopes[1]
	before, err := figureUnder(ev, reconcile.DefaultPolicy(), week)
	if err != nil {
		return err
	}
	after, err := figureUnder(ev, res.Apply(reconcile.DefaultPolicy()), week)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "   %s, week of 8 December:\n", week.Region())
	fmt.Fprintf(w, "     prior confidences: best %d from %s; disputed %s\n", before.Best, ids(before.BestFrom), disputed(before))
	fmt.Fprintf(w, "     learned weights:   best %d from %s; disputed %s\n", after.Best, ids(after.BestFrom), disputed(after))
	say(w, "Nobody says what the truth was: the weights come from who agrees with whom, week after week.",
		"The government and the outlets that repeat it are one voice (a declared independence group); in",
		"two of the weeks it inflated, the two NGOs agree on another figure, and that is its track record.",
		"In the week of 8 December only Foro Penal contradicts it: with the prior confidences (government",
		"0.9, Foro Penal 0.6) the government's figure wins; with the weights learned from the record, Foro",
		"Penal's. Learning cannot tell a bloc that always agrees from the truth: declare who speaks for whom.",
		"The weights go into Policy.SourceWeights (Result.Apply).")
	return nil
}

func figureUnder(ev reconcile.Evidence, p reconcile.Policy, s release.Scope) (reconcile.Figure, error) {
	ix, err := reconcile.NewIndex(ev, p)
	if err != nil {
		return reconcile.Figure{}, err
	}
	return ix.Figure(source.Releases, s)
}

func disputed(f reconcile.Figure) string {
	s := make([]string, len(f.Disputed))
	for i, d := range f.Disputed {
		s[i] = d.Claim.String()
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ", ")
}

// say prints an explanation in plain words, and a blank line.
func say(w io.Writer, lines ...string) {
	for _, l := range lines {
		fmt.Fprintln(w, "   "+l)
	}
	fmt.Fprintln(w)
}

func onTwoOrMore(h mse.Histories) int {
	n := h.Observed()
	for _, l := range h.Lists() {
		n -= h.Count(l)
	}
	return n
}

func numbered(ls []mse.ListID) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = fmt.Sprintf("%d=%s", i+1, l)
	}
	return strings.Join(s, " ")
}

func truth(s mse.Stratum) int {
	for _, st := range strata {
		if st.name == s.String() {
			return st.truth
		}
	}
	return 0
}

func sourceName(ev reconcile.Evidence, id source.SourceID) string {
	if s, ok := ev.Source(id); ok {
		return s.Name
	}
	return id.String()
}

func ids(list []source.ClaimID) string {
	if len(list) == 0 {
		return "-"
	}
	s := make([]string, len(list))
	for i, id := range list {
		s[i] = id.String()
	}
	return strings.Join(s, ", ")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// pcg is a small permuted congruential generator (PCG-XSH-RR 64/32), so
// that the invented data depend on nothing but this file.
type pcg struct{ state uint64 }

func (p *pcg) next() uint32 {
	old := p.state
	p.state = old*6364136223846793005 + 1442695040888963407
	x := uint32(((old >> 18) ^ old) >> 27)
	rot := uint32(old >> 59)
	return x>>rot | x<<((-rot)&31)
}

// float returns a uniform number in [0, 1).
func (p *pcg) float() float64 { return float64(p.next()) / (1 << 32) }
