// Package reconciletest provides the law suite that every merge in
// freedcount obeys, and [pgregory.net/rapid] generators of the values of
// package [github.com/freedcount/freedcount/reconcile], for property tests
// of that package and of code built on it, as [testing/fstest] serves code
// built on [io/fs].
//
// # Laws
//
// [Laws] states the laws of a merge operation over any type: commutative,
// associative, idempotent, with an identity, and indifferent to the order,
// grouping and repetition of the pieces merged. [Laws.Check] runs each law
// as a subtest with [rapid.Check], so a failure shrinks to a small
// counterexample; each law is also a method of type func(*rapid.T) (and
// [Laws.Properties] lists them by name), so the same law can run from a
// fuzz target through [rapid.MakeFuzz]. [EvidenceLaws] instantiates the
// suite for [reconcile.Merge].
//
// # Generators
//
// Every generator is built with [rapid.Custom] and is valid by
// construction: [Evidence] and [EvidencePieces] build their evidence through
// the public API ([reconcile.Evidence.AddSources], AddClaims,
// AddVerifications), and [Policy] draws only policies that
// [reconcile.Policy.Validate] accepts. Their vocabulary is small on
// purpose, so that the properties are not vacuous: a handful of sources
// (some sharing an independence group), a lattice of scopes whose
// populations (detainees ⊃ detainees/political ⊃
// detainees/political/military, and detainees/common), regions (VE ⊃
// VE/Zulia, VE/Caracas) and periods (days of a two-week window, periods of
// a few days, and open-ended periods "since" a day) nest and overlap, and a
// pool of a dozen detainees verified again and again. [Scope] draws query
// scopes from the same lattice, [VerificationOf] verifications that a given
// evidence set accepts.
//
// [Synthetic] builds large evidence sets deterministically from a seed, for
// benchmarks.
package reconciletest
