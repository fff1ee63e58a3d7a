// Package link finds the records of one person across lists of detainees
// — and within one list — so that a "verified" count counts people, not
// records. When Foro Penal "verifies 104 releases" it matches names against
// its own register; a government list, families' reports and press lists
// name the same people differently ("JOSÉ PÉREZ GARCÍA", "Jose Perez",
// "Pérez García, José Luis"), and unless their records are linked, verified
// counts double-count and "verified ≤ claimed" means nothing.
//
// # Records
//
// A [Schema] lists named fields, each of a [Kind] that says how its values
// are read and compared: a full name ([PersonName]), a Venezuelan cédula
// ([CedulaID]), a year of birth ([Year]), a region ([Path]), free text,
// codes, dates. Records ([Record]) carry one value per field, and lists
// ([List]) carry records from one source. Any data fits a schema:
// [DetaineeSchema] and [DetaineeRecord] adapt [release.Detainee]; the tests
// adapt the FEBRL benchmark, with English names, addresses, postcodes,
// dates of birth and social security numbers.
//
// # Normalization
//
// [Normalize] reads text as comparisons do (Unicode NFC, lower-cased, spaces
// collapsed); [Fold] also removes accents (NFD, removal of nonspacing
// marks, NFC), with golang.org/x/text. Both forms are kept: folding makes
// "José" equal "Jose", but also "Peña" equal "Pena", a different surname, so
// a comparison reports a folded agreement ([Folded]) apart from an exact one
// ([Exact]), and the model weighs them apart. [ParseName] reads Spanish
// names: given names, paternal and maternal surnames, particles ("de la",
// "del"), a married name with "de", surnames first with a comma.
// [ParseCedula] reads "V-12.345.678", "V12345678", "12.345.678", "E-…" to
// one canonical number; a malformed one is an error, never a silent
// mismatch.
//
// # The model
//
// Records are compared in pairs, field by field, each comparison reaching
// an agreement [Level]. The Fellegi–Sunter model gives each level of each
// field a [Weight], log2(m/u): m is the probability of the level between
// two records of one person, u between records of two people. A pair's
// score is the prior log-odds of a match plus its fields' weights: the
// log-odds that the two records are one person. [Result.Explain] shows
// every weight, so every link explains itself.
//
// Comparing every pair is quadratic, so blocking rules ([Rule]) propose
// candidate pairs: records that share a key, such as a first given name, a
// surname and a year of birth. The candidates of several rules are united,
// and each pair is compared once. [Stats] says how many pairs were
// compared, out of how many. A schema of one's own needs no rules:
// [DefaultRules] derives them from the fields' kinds, and [Link] uses them
// when none are given. Blocking decides recall — a pair no rule proposes is
// never linked — so [Result.Blocking] reports, per rule, the pairs it
// proposes alone and beyond the earlier rules, and the matches it alone and
// all rules together are estimated to miss.
//
// # Estimation
//
// [Link] estimates the prior λ (the share of matches among comparable
// pairs), m and u from the data alone, unsupervised, by
// expectation–maximisation under the model's assumption that fields agree
// independently given the class. The EM runs over all comparable pairs:
// the candidate pairs are counted exactly, and the pairs blocking did not
// propose are represented by a seeded random sample ([Config.Sample])
// weighted up to their number and taken to be non-matches (blocking is
// meant to miss no match). Without that sample, u would be estimated on
// candidates only, which agree on a blocking key by construction, and
// agreement on those keys would look far commoner among different people
// than it is.
//
//   - Starting values: λ₀ = (number of records) / (number of comparable
//     pairs), as if each record had about one match; m₀ gives 0.9 to a
//     field's strongest level and halves the rest down the levels (0.05,
//     0.025, ..., the weakest taking what remains); u₀ is each level's share
//     among all pairs, as if none matched.
//   - Convergence: the iterations stop when no m or u moves by more than
//     10⁻⁶ and λ by more than a millionth of itself, or after
//     [Config.MaxIterations] ([Model] reports which).
//   - Smoothing: each level counts half a pair more than observed, among
//     matches and among sampled pairs, so that a level never seen between
//     different people (the same social security number) gets a large
//     weight bounded by the data's size, not an infinite one. A level never
//     observed at all takes the weight of the next weaker observed level.
//   - Frequencies: agreeing on "José González" is far commoner by chance
//     than agreeing on "Wenceslao Uzcátegui". For a [PersonName]'s levels
//     that agree on shared words (Exact to Contained, and the aligned words
//     of Similar and Partial), the weight is log2(m/f), f the product of
//     the shares of names holding each shared word (Winkler's
//     value-specific frequencies, Splink's term-frequency adjustments),
//     bounded to ±10 bits of the level's weight. Other kinds are not
//     adjusted: in lists with duplicates a person's own records inflate the
//     frequency of their values, and on the deduplication benchmarks
//     adjusting free-text fields lost recall while adjusting names gained.
//
// # Clusters
//
// Pairs scoring at least [Config.MinScore] join records into clusters, one
// per person, strongest first. Clustering never chains unrelated people
// together:
//
//   - two records with the same national ID (a unique field) are always one
//     person, and two with different national IDs never are: a cluster
//     holds at most one, and a pair kept apart so is reported as a
//     [Conflict] for review;
//   - records of a list declared [List.Unique] are never joined to each
//     other, so linking two such lists is one-to-one;
//   - two clusters join only if the average score of all pairs across them
//     reaches the threshold (average linkage), so that A like B and B like
//     C does not make A and C one person.
//
// # Review
//
// A linkage is for a person to check where it is unsure. [Result.Review]
// lists the candidate pairs whose score falls in a band, and every pair
// refused for two national IDs or by a unique list; [Result.WriteReview]
// writes them as CSV (shuffled, and blind to the score, if asked), and
// [Result.WriteReviewHTML] as one offline page whose decisions stay in the
// browser until downloaded as that CSV. [ReadDecisions] reads the decisions
// back, and [Config.Decisions] gives them to the next linkage, as
// constraints — records decided the same are one person, records decided
// different never are — and as labels that re-estimate m and u
// (semi-supervised; supervised past [Config.SupervisedLabels]).
// [Result.Accuracy] measures precision and recall against the threshold
// from decisions, and [Result.ModelAccuracy] gives the model's own
// estimate, labelled as such; both draw as SVG ([Accuracy.WriteSVG]), as
// does each pair's explanation ([Explanation.WriteSVG]).
//
// # Saved models
//
// [Result.SaveModel] keeps the schema, blocking rules, threshold, weights
// and word frequencies of a linkage, with what it was trained on, as
// versioned JSON ([ReadModel]); [Config.Model] links next month's lists
// with it, without estimating again — the same lists give the same result
// bit for bit — and a model of another format version is refused with
// [ErrVersion]. [LinkContext] takes a context and reports its progress
// ([Config.Progress]).
//
// # Counts
//
// [Result.Verified] counts the distinct people released within a scope,
// overall and per source. [Result.Verifications] gives the
// [reconcile.Verification]s of the released records, each keyed by one
// canonical detainee ID per cluster, so that the verified floor of
// [reconcile.Index] counts people, and [reconcile.Figure]'s Unverified is
// what the claims imply beyond them.
//
// # Privacy
//
// Names and national IDs are personal data. They never appear in an error
// message, a String method, fmt output or a log value of this package:
// records, names and cédulas print as their IDs or "<redacted>".
// [Pseudonymizer] makes keyed tokens (HMAC-SHA256) of national IDs and of
// names with a year of birth, so that two organisations can link their
// lists without exchanging names; its documentation says what that does and
// does not protect against.
//
// # Invariants
//
// Each is a property test:
//
//   - Normalize, Fold, ParseName and ParseCedula are idempotent: reading
//     what they write gives the same value.
//   - Jaro–Winkler similarity is symmetric, in [0, 1], and 1 for equal
//     strings.
//   - Linking does not depend on the order of the lists, of their records,
//     or on the number of workers.
//   - A cluster never holds two different values of a unique field.
//   - Records of a unique list are never in one cluster.
//   - Adding a record never separates records with the same national ID.
//   - Decisions that agree with each other are always honoured, and never
//     make a cluster with two national IDs; labels never change a pair a
//     decision fixes.
//   - A model saved and loaded links the same lists exactly as the linkage
//     it was saved from.
//
// # Arithmetic
//
// Similarity scores (Jaro–Winkler) and the model's probabilities (m, u,
// the prior) are float64 statistics: they choose levels and estimate
// weights. Weights are rounded once to integer thousandths of a bit, and
// everything after — scores, thresholds, the order of links, clusters,
// counts — is integer arithmetic, the same on every platform. Nothing that
// enters package reconcile's exact algebra is a float. Results are
// deterministic: no map order, scheduling or input order reaches them, and
// the random sample of pairs is drawn from a seed ([Config.Seed]). Nothing
// in this package reads a clock or panics on input, and it does I/O only
// through the readers and writers it is given.
package link
