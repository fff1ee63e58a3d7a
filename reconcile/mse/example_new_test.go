package mse_test

import (
	"context"
	"fmt"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// The profile-likelihood interval of the HIV model [12,3,4], as Rcapture's
// closedpCI.t prints it, beside the Chao log-normal interval of the same
// model.
func ExampleProfile() {
	m := mse.Model{Interactions: [][2]mse.ListID{pair(1, 2)}}
	p, err := mse.Profile(hiv(), m, mse.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	e, _ := mse.FitModel(hiv(), m, mse.DefaultOptions())
	fmt.Println(p)
	fmt.Printf("Chao log-normal: [%.1f, %.1f]\n", e.Lo, e.Hi)
	// Output:
	// [12,3,4]: N 12308.0, 95% profile interval [10266.0, 14992.3]
	// Chao log-normal: [10236.7, 14919.9]
}

// Rcapture's heterogeneity models (the Mth family) ranked beside the
// interaction models.
func ExampleFitModel() {
	for _, het := range []mse.Heterogeneity{mse.Poisson2, mse.Darroch, mse.Gamma35, mse.ChaoLB} {
		e, err := mse.FitModel(hiv(), mse.Model{Heterogeneity: het}, mse.DefaultOptions())
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-14s N %8.1f  SE %7.1f  deviance %7.3f  df %d  AIC %.2f\n", e.Model(), e.N, e.SE, e.Deviance, e.DF, e.AIC)
	}
	// Output:
	// Mth Poisson2   N  14849.8  SE  2915.1  deviance  10.779  df 9  AIC 89.81
	// Mth Darroch    N  21327.5  SE  8428.4  deviance  10.426  df 9  AIC 89.46
	// Mth Gamma3.5   N  30623.2  SE 18463.1  deviance  10.337  df 9  AIC 89.37
	// Mth Chao (LB)  N  11701.0  SE  1030.9  deviance  10.157  df 9  AIC 89.19
}

// When models the data support about as well disagree, the average says
// so: in the invented Lara data the two best models by AIC estimate 185
// and 146 (the truth is 150).
func ExampleSelection_Average() {
	s, err := mse.Select(lara(), mse.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	a := s.Average()
	for _, w := range a.Weights[:3] {
		fmt.Printf("%-12s weight %.3f  N %.0f\n", w.Model, w.Weight, w.N)
	}
	fmt.Printf("average: N %.0f, 95%% interval %s\n", a.Estimate.N, a.Estimate.Interval())
	fmt.Println(a.Warning)
	// Output:
	// [12,23,34]   weight 0.090  N 185
	// [23,1,4]     weight 0.087  N 146
	// [12,23,4]    weight 0.079  N 160
	// average: N 157, 95% interval [124, 242]
	// the best models disagree by more than their intervals: within 2 AIC of the best, [14,23] estimates 140 (95% interval 123 to 172) and [12,13,23,34] estimates 192 (139 to 328)
}

// The latent-class model on a simulated stratum of 3,000 people in two
// classes, one harder to document than the other, with a short chain. Here
// the interval misses the truth: the people of the hard class who were
// seen are few, and the model, like every model, extrapolates from them;
// in the simulation study the 95 % interval covers the truth in about
// nine cases of ten (see the package's report).
func ExampleLatentClass() {
	pop := msetest.LatentClasses(4, 3000, 2, 7)
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 1000, 500, 4
	p, err := mse.LatentClass(context.Background(), pop.Histories, o)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d documented; posterior median %.0f, 95%% interval [%.0f, %.0f]; truth %d\n",
		pop.Histories.Observed(), p.Estimate.N, p.Quantile(0.025), p.Quantile(0.975), pop.N)
	// Output:
	// 2402 documented; posterior median 2790, 95% interval [2661, 2928]; truth 3000
}

// Killings in Kosovo, 20 March – 22 June 1999: 4,400 people documented by
// four lists (exhumations, the ABA, the OSCE, Human Rights Watch), the
// table R's LCMCR ships as kosovo_aggregate (testdata/README.md says where
// its counts were published). The chain here is short to keep the example
// quick (5,000 iterations of burn-in, 1,000 draws kept one in 25), and the
// diagnostics say it is too short: the sampler moves slowly in N on this
// table, where more than half the killings are undocumented. The default
// options (110,000 iterations, BenchmarkLatentClass/kosovo) give an
// effective sample size near 200 and the quantiles 9,139, 10,462 and
// 13,581.
func ExampleLatentClass_kosovo() {
	h, err := kosovo()
	if err != nil {
		fmt.Println(err)
		return
	}
	o := mse.DefaultLatentClassOptions()
	o.Burnin, o.Draws, o.Thin = 5000, 1000, 25
	p, err := mse.LatentClass(context.Background(), h, o)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d documented on %d lists\n", h.Observed(), h.NumLists())
	for _, q := range []float64{0.025, 0.1, 0.5, 0.9, 0.975} {
		fmt.Printf("%5.1f %% of the posterior below %.0f\n", 100*q, p.Quantile(q))
	}
	fmt.Println(p.Diagnostics.Warning)
	// Output:
	// 4400 documented on 4 lists
	//   2.5 % of the posterior below 9110
	//  10.0 % of the posterior below 9510
	//  50.0 % of the posterior below 10510
	//  90.0 % of the posterior below 12607
	//  97.5 % of the posterior below 15187
	// the chain may not have converged (effective sample size 33 < 100, split-R̂ 1.062 > 1.05): run it longer
}
