// Package mse estimates how many people no list documents, from the overlap
// between lists: multiple systems estimation (capture–recapture), as the
// Human Rights Data Analysis Group uses it to count victims whom no single
// organisation saw.
//
// If two NGOs each list released prisoners by name, and few names are on
// both lists, each list saw only a small part of the whole, and many
// releases went unrecorded by either; if most names are on both, the lists
// together saw nearly everyone. With three or more lists, the overlaps
// also show whether lists depend on each other (one NGO copying another's
// list), and models can allow for it.
//
// # Capture histories
//
// The input is a [Histories] per stratum: for each pattern of lists, the
// number of people documented by exactly those lists. [Tally] builds the
// tables from sightings — one person (an opaque key, such as a linkage
// cluster) on one list in one stratum — so that record linkage (which
// records are one person) stays outside this package and an adapter from
// linked clusters is a loop. Lists are held in canonical order
// ([ListID.Compare]) and every computation reads them in that order, so no
// result depends on the order of lists or records.
//
// # Two lists
//
// [LincolnPetersen] and [Chapman] estimate from exactly two lists, with
// their classical variances and a confidence interval. Both assume that the
// two lists are independent, which two lists cannot test.
//
// # Three to six lists: log-linear models
//
// [Fit] fits one Poisson log-linear model, and [Select] fits and ranks all
// of them, as Rcapture (Baillargeon and Rivest 2007, "Rcapture: Loglinear
// Models for Capture-Recapture in R", J. Stat. Softw. 19(5)) does with
// closedpCI.t and closedpMS.t:
//
//   - Design. The model is fitted to the 2^k − 1 observed cells (the cell
//     of people on no list is the unknown). The columns are an intercept, a
//     0/1 indicator per list (main effect), and a 0/1 product per pair of
//     lists in the model (two-way interaction): log μ(ω) = β₀ + Σⱼ βⱼωⱼ +
//     Σⱼₗ λⱼₗωⱼωₗ. The unseen cell has ω = 0, so exp(β₀) estimates the
//     number unseen and N = n + exp(β₀), n the number observed.
//   - Models. Every hierarchical model up to two-way interactions: all main
//     effects, and any set of the k(k−1)/2 interactions — 8 models for
//     three lists, 64 for four, 1,024 for five, 32,768 for six. Three-way
//     and higher interactions are not modelled; with three lists the model
//     with all three interactions is saturated (0 degrees of freedom).
//   - Fitting. Iteratively reweighted least squares from R's starting values
//     (μ = y + 0.1), stopping when no coefficient moves by more than
//     1e-8·(1 + |β|) in an iteration, with step halving if the deviance
//     grows, and at most 100 iterations. R's glm stops instead on a relative
//     change of the deviance below 1e-8, which can declare convergence
//     while a coefficient is still running off to infinity; the rule here
//     fails such fits, which have no finite estimate. The normal equations
//     are assembled from superset sums of the fitted values (every column is
//     "the history contains these lists"), so a model costs O(k·2^k + p³)
//     per iteration and the design matrix is never built.
//   - Standard error. Rcapture's: SE(N)² = exp(β₀) + exp(2β₀)·Var(β₀),
//     Var(β₀) the (0, 0) entry of (XᵀWX)⁻¹ at the fit. The second term is the
//     delta method on exp(β₀); the first is the Poisson variance of the
//     unseen count itself. The delta method alone gives 1184.3 for the HIV
//     model below, where Rcapture prints 1188.7.
//   - Criteria. AIC = −2 log L + 2p and BIC = −2 log L + p·log n, where
//     log L = Σ y log μ − μ − log y! is the full Poisson log-likelihood of
//     the observed cells (R's glm AIC, log y! included) and p counts every
//     coefficient, the intercept included (glm's rank). This is the
//     convention that reproduces Rcapture's printed 86.65 for the HIV model
//     with p = 6; BIC is Rcapture's closedpMS.t formula, AIC + (log n − 2)p.
//   - Interval. Chao's (1987) log-normal interval for the number unseen U =
//     N − n, added to n: [n + U/C, n + U·C] with C = exp(z·√log(1 +
//     SE²/U²)). It never falls below n. [Profile] and
//     [Selection.ProfileAt] give, beside it, the profile-likelihood
//     interval that Rcapture's closedpCI.t prints ([ProfileInterval]):
//     10,266 to 14,992.3 for the HIV model below.
//   - Heterogeneity. With [Options.Heterogeneity], [Select] also ranks
//     Rcapture's Mth models (Mth Poisson2, Darroch, Gamma3.5 and Chao's
//     lower bound), whose extra column is a function of the number of
//     lists a person is on ([Heterogeneity], [FitModel]).
//
// The tests reproduce Rcapture's results for the HIV data of Rome (Abeni,
// Brancato and Perucci 1994; four lists, 1,896 people) to the printed
// digits: with the interaction of lists 1 and 2, N = 12318.5, SE 1188.7,
// deviance 7.614 on 9 df, AIC 86.65; with all two-way interactions,
// N = 23443.5, SE 9594.9, deviance 3.037 on 4 df.
//
// # Model averaging
//
// Choosing the best model by AIC hides the doubt when models the data
// support about as well disagree. [Selection.Average] weighs every ranked
// model by exp(−Δ/2) (Akaike or Schwarz weights), averages their N, and
// gives Buckland et al.'s (1997) unconditional standard error, which adds
// the spread between the models to each one's own; the interval is Chao's
// on that N and SE. Its [Average.Warning] says when, among the models
// within 2 of the best criterion, the lowest estimate lies outside the
// interval of the highest or the other way round.
//
// # The latent-class model
//
// [LatentClass] is the Bayesian estimator of Manrique-Vallier (2016) that
// R's LCMCR implements and HRDAG's verdata runs per stratum: a truncated
// Dirichlet-process mixture of latent classes, the lists independent
// within each, sampled by a seeded, deterministic Gibbs sampler
// ([LatentClassOptions]) that reports the posterior quantiles of N
// ([Posterior]) and convergence diagnostics ([Diagnostics]: effective
// sample size, split-R̂, Geweke's z). It mixes slowly in N, as LCMCR does:
// read the diagnostics, and run long chains for real work. In a simulation
// study of 200 populations drawn from two or three latent classes (four
// and five lists, N from 500 to 20,000; msetest.LatentClasses), with
// chains of 50,000 iterations, its 95 % interval covered the true N in
// 178 (89 %; Wilson interval 84–93 %), its median relative error was
// 2.8 % against 2.9 % for the AIC-best log-linear model (whose Chao
// interval covered 124), and it underestimated by 2.9 % on average.
//
// Why the interval misses, as far as the study could tell: in 21 of the 22
// misses the truth lies above the interval; four lists miss more than five
// (85 of 100 covered against 93), and few people more than many (51 of 64
// below N = 1,500, 73 of 77 above 5,000). The misses are not chains that
// mixed badly (those with an effective sample size below 100 covered 45
// of 47) nor too few draws (chains five times longer, 250,000
// iterations, cover 20 of the 31 four-list populations below N = 1,500,
// against 22); the truncation (3 classes instead of 10)
// changes nothing, and the prior on N is LCMCR's 1/N, which moves N by
// less than one person against a flat prior. Nor is it the sampler: each
// full conditional is checked on its own against the paper's (the unseen
// NB(n, 1 − p₀) under p(N) ∝ 1/N, their classes ∝ π_c ∏ⱼ (1 − λⱼ_c)
// given that they were not seen, the beta draws of λ and of the sticks
// with V_K* = 1, α's gamma), and on populations drawn from the sampler's
// own prior (TestLatentClassCalibrated, simulation-based calibration: 800
// populations, chains of 13,000 iterations, the posterior restricted to
// the prior's range of N) the interval covered 766 (95.8 %) and the ranks
// of the truth among the draws are uniform (chi-square 7.2 on 4 degrees
// of freedom). The first 200 of those populations alone cover only 183,
// with misses in both directions; the next 600 cover 584: a chance
// shortfall of one set of seeds, not a defect. Prior draws selected by
// their data alone (which keeps the posterior calibrated) to be as hard
// as the study's, with at least 43 % of the people seen on one list only
// (the study's median), are covered as well (TestLatentClassCalibratedHard):
// 568 of 600 (94.7 %), ranks uniform (chi-square 3.6).
// The study's misses, underestimates, are the model's own preference for
// simple mixtures: where the lists show little of the
// heterogeneity (few people, four lists), the posterior, as any Bayesian
// comparison of models does, favours fewer classes, whose N is lower and
// better determined, although the data do not exclude the truth (on the
// misses examined, maximum likelihood with the true number of classes puts
// the true N within 2.4 log-likelihood units of its maximum). A prior on α
// that expects more classes widens the interval (α ~ Gamma(10, 1): 73 of
// 80 covered against 68 with LCMCR's Gamma(0.25, 0.25) on shorter chains)
// without removing the bias; the defaults stay LCMCR's, so that results
// can be compared with it.
//
// # Strata
//
// Estimates of disjoint strata add up: [SumEstimates] sums N and the
// variances and gives Chao's interval on the summed unseen;
// [SumPosteriors] sums the latent-class draws stratum by stratum, as
// verdata's combine_estimates does.
//
// # What cannot be estimated
//
// The package refuses, with a [*FieldError] wrapping a category, rather
// than return a number that means nothing:
//
//   - An empty stratum, where no list documents anyone ([ErrEmptyStratum]).
//   - Too few usable lists ([ErrTooFewLists]). A list is usable in a
//     stratum when it documents at least one person there; the others are
//     set aside, as they carry no information about the stratum (their
//     main effect would be −∞). Log-linear models need three usable lists:
//     with two, the only estimable model is independence, and it is
//     saturated, so the assumption that decides the answer cannot be
//     checked against the data — and in this field lists are rarely
//     independent (NGOs exchange names; one list is partly built from
//     another). HRDAG's verdata (R package, estimate_mse.R) makes the same
//     rule: its get_valid_sources keeps the sources with at least min_n = 1
//     record in the stratum, and mse() declares a stratum with fewer than
//     three valid sources not estimable. The two-list estimators remain
//     available, but only when asked for by name, with their assumption
//     stated.
//   - No overlap ([ErrNoOverlap]): two lists with no one in common for the
//     two-list estimators, or no one on two or more lists for the log-linear
//     models, make the estimate of the unseen infinite. A model with an
//     interaction between two lists that share nobody has no
//     maximum-likelihood estimate (the interaction is −∞) and is left out
//     of a [Selection].
//   - A model whose fit does not converge, whose information matrix is
//     singular, or whose estimate exceeds source.MaxCount
//     ([ErrNotEstimable]); [Select] lists such models in
//     [Selection.Skipped] and ranks the others.
//
// # Into the evidence
//
// An estimate is statistics, in float64; the reconciliation algebra is
// exact. [Estimate.Interval] is the one conversion: the confidence interval
// rounded outwards to integers, its low end clamped to the number observed.
// (verdata's combine_estimates builds its interval on log(N − n_obs) and
// adds n_obs back, so its low bound never falls below the observed count
// either; Chao's interval is the same construction.) [Estimate.Claim]
// turns the estimate into a source.Claim with basis source.Estimate and
// quantity "between lo and hi", for the caller's ID, source, moment,
// measure and scope, so that a figure's High can reflect releases that
// nobody listed while its Low never drops below what was documented.
//
// # Invariants
//
// Each is a property test:
//
//   - Observed ≤ Lo ≤ N ≤ Hi for every estimate: no estimate is below the
//     number of people the lists document.
//   - Estimates do not depend on the order of lists, of patterns or of
//     sightings, to the last bit.
//   - Adding a person seen on every list never raises the two-list
//     estimates of the unseen, nor that of the log-linear independence
//     model. It can raise the estimate of a model with interactions: with
//     three lists and all three interactions, the unseen are
//     y₁₀₀y₀₁₀y₀₀₁y₁₁₁/(y₁₁₀y₁₀₁y₀₁₁), which grows with y₁₁₁. So it can
//     also raise the estimate of a [Selection], whose best model may change.
//
// Nothing in this package does I/O, reads a clock or depends on map
// order, and nothing panics on input. The one use of randomness is the
// latent-class sampler's, from the seed its options carry.
package mse
