// Package linktest generates data for testing and measuring record linkage
// ([github.com/freedcount/freedcount/reconcile/link]): [pgregory.net/rapid]
// generators of names, cédulas and small lists of detainees for property
// tests, and [Synthetic], a deterministic generator of large lists of
// invented detainees with Spanish names and realistic corruption — dropped
// accents, capitals, swapped or missing second surnames, married names,
// typos, cédula formats and digit transpositions, missing fields — with the
// truth known ([Truth]), for benchmarks and accuracy tests. [Truth.Score]
// compares a linkage with the truth pair by pair.
//
// Every person drawn is invented: the given names and surnames are common
// Venezuelan ones, combined at random, and the cédula numbers are random.
// None of them is anyone's.
//
// Like the other test helper packages of freedcount (releasetest,
// sourcetest, reconciletest), this one imports rapid and is meant for tests
// only.
package linktest
