package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/reconcile/mse"
)

// TestRunKeepsItsPromises checks what the program's text says: the data
// are declared invented, no person's key is printed, the weights learned
// from the track record carry the week the government inflated, and no
// estimate starts below the documented count of its state.
func TestRunKeepsItsPromises(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "INVENTED DATA") {
		t.Errorf("output does not start by saying the data are invented")
	}
	for _, s := range sightings() {
		if strings.Contains(out, s.Person) {
			t.Fatalf("output shows the person key %q", s.Person)
		}
	}
	for _, want := range []string{
		"all 64 models, weighted by AIC: about 157",
		"warning: the best models disagree by more than their intervals",
		"latent classes (Bayesian, 1000 draws)",
		"The 2 states together",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q: model averaging and the latent-class estimate are no longer shown side by side", want)
		}
	}
	if !strings.Contains(out, "learned weights:   best 26 from foro-penal-zulia-w2") {
		t.Errorf("the learned weights no longer carry the week the government inflated:\n%s", out)
	}
	tables, err := mse.Tally(lists, sightings())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range tables {
		s, err := mse.Select(h, mse.DefaultOptions())
		if err != nil {
			continue
		}
		for i := range s.Len() {
			if lo := s.At(i).Interval().Lo(); lo < h.Observed() {
				t.Errorf("%s: model %s starts at %d, below the %d documented", h.Stratum(), s.At(i).Model(), lo, h.Observed())
			}
		}
	}
}

// Example pins the program's output: the lists, the estimates with the
// models behind them, the refused state, the weights learned for each
// source, and the figure the estimate helps make.
func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// INVENTED DATA — releases of political prisoners in three Venezuelan states, January 2026
	//
	// 1. The lists
	//    718 records, linked into people and tallied by state:
	//          state  documented  foro-penal  jep  church  press  on 2+ lists
	//        VE/Lara         104          55   52      45     28           54
	//      VE/Merida          40          32    0       0     23           15
	//       VE/Zulia         271         138  124      71    108          128
	//    Each person is counted once per state, however many lists name them.
	//    The fewer people two lists share, the more people both lists missed.
	//
	// 2. How many were released, documented or not
	//    VE/Lara: 64 models of the lists' dependence fitted; the three best by AIC:
	//             model  estimate  SE   AIC
	//        [12,23,34]       185  37  72.5
	//          [23,1,4]       146  13  72.5
	//         [12,23,4]       160  21  72.7
	//      lists: 1=church 2=foro-penal 3=jep 4=press
	//      chosen: [12,23,34], about 185 released, 95% interval [138, 296] (true total: 150)
	//      the two NGO lists alone (Chapman): about 79, interval [74, 92]
	//      all 64 models, weighted by AIC: about 157, 95% interval [124, 242]
	//      warning: the best models disagree by more than their intervals: within 2 AIC of the best, [14,23] estimates 140 (95% interval 123 to 172) and [12,13,23,34] estimates 192 (139 to 328)
	//      latent classes (Bayesian, 1000 draws): about 136, 95% interval [112, 191]
	//      warning: the chain may not have converged (effective sample size 49 < 100): run it longer
	//    VE/Zulia: 64 models of the lists' dependence fitted; the three best by AIC:
	//               model  estimate  SE   AIC
	//        [23,24,34,1]       418  36  83.1
	//           [23,24,1]       399  30  83.3
	//            [23,1,4]       425  29  83.4
	//      lists: 1=church 2=foro-penal 3=jep 4=press
	//      chosen: [23,24,34,1], about 418 released, 95% interval [362, 508] (true total: 400)
	//      the two NGO lists alone (Chapman): about 201, interval [190, 221]
	//      all 64 models, weighted by AIC: about 442, 95% interval [361, 595]
	//      warning: the best models disagree by more than their intervals: within 2 AIC of the best, [23,24,1] estimates 399 (95% interval 353 to 471) and [12,14,23,34] estimates 543 (416 to 783)
	//      latent classes (Bayesian, 1000 draws): about 386, 95% interval [319, 500]
	//      warning: the chain may not have converged (effective sample size 87 < 100): run it longer
	//    The 2 states together: about 600 by the model average, interval [505, 762]; about 529 by latent
	//    classes, interval [447, 648] (true total: 550).
	//    In a model, "23" lets lists 2 and 3 depend on each other. Every model chosen here has it: JEP copies
	//    part of Foro Penal's list. That is also why the two NGO lists alone mislead: they share many names
	//    because one copies the other, not because together they saw nearly everyone, and an estimate from
	//    them alone is far too low. In Lara the two best models are tied and say 185 and 146: picking one
	//    hides that doubt, so the average weighs every model by how well it fits, widens the interval to
	//    cover the disagreement, and warns. The latent-class model makes another assumption (people differ
	//    in how visible they are, and the lists are independent among people alike): where both agree,
	//    the answer does not hang on one model. No interval starts below the number of people documented.
	//
	// 3. Strata that cannot be estimated
	//    mse: Histories "VE/Merida": too few usable lists: 2 of 4 lists document someone here (foro-penal press); a log-linear model needs 3
	//    → refused: with two lists, nothing in the data can show whether the lists depend on each other,
	//      and the answer hangs on it. The state keeps its documented count and no estimate.
	//
	// 4. How far to trust each source
	//    Learned from 59 claims about weekly releases in December 2025 (11 rounds, converged: true):
	//            source  claims  contested  estimated error  copying  weight
	//            church      11         11             0.11     0.09    1.00
	//             daily      12         12             0.23     0.06    0.89
	//        foro-penal      12         12             0.13     0.07    1.00
	//          state-tv      12         12             0.23     0.06    0.89
	//            ve-gov      12         12             0.23     0.06    0.89
	//    VE/Zulia, week of 8 December:
	//      prior confidences: best 34 from daily-zulia-w2, state-tv-zulia-w2, ve-gov-zulia-w2; disputed foro-penal-zulia-w2
	//      learned weights:   best 26 from foro-penal-zulia-w2; disputed daily-zulia-w2, state-tv-zulia-w2, ve-gov-zulia-w2
	//    Nobody says what the truth was: the weights come from who agrees with whom, week after week.
	//    The government and the outlets that repeat it are one voice (a declared independence group); in
	//    two of the weeks it inflated, the two NGOs agree on another figure, and that is its track record.
	//    In the week of 8 December only Foro Penal contradicts it: with the prior confidences (government
	//    0.9, Foro Penal 0.6) the government's figure wins; with the weights learned from the record, Foro
	//    Penal's. Learning cannot tell a bloc that always agrees from the truth: declare who speaks for whom.
	//    The weights go into Policy.SourceWeights (Result.Apply).
	//
	// 5. The figure for VE/Zulia, January 2026
	//    fp-zulia   Foro Penal                   at least 138 (named_list)
	//    gov-zulia  Government of Venezuela      380 (announcement)
	//    mse-zulia  Statistical analysis         between 362 and 508 (estimate)
	//    verified 138, low 138, best 380, high 508; consensus [380, 380]
	//    low from fp-zulia, best from gov-zulia, high from mse-zulia
	//    Verified (138) counts the people Foro Penal named; the four lists together documented 271.
	//    The estimate enters as one more claim, with basis "estimate" and its interval, weighed like any
	//    other (an estimate weighs less than a named list by default). The three claims agree on 380, the best
	//    figure. The high figure now includes releases nobody listed; and since the estimate's interval starts
	//    at the documented count, it can never pull the low figure below what was verified.
}

func TestSightingsAreDeterministic(t *testing.T) {
	a, b := sightings(), sightings()
	if len(a) != len(b) {
		t.Fatalf("%d then %d sightings", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("sighting %d differs: %v, %v", i, a[i], b[i])
		}
	}
}
