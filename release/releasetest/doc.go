// Package releasetest provides [pgregory.net/rapid] generators for the values
// of package [github.com/freedcount/freedcount/release], for property tests
// of that package and of code built on it, as [testing/fstest] serves code
// built on [io/fs].
//
// Every generator is built with [rapid.Custom] and is valid by construction:
// [Date], [Period], [Scope], [Detainee], [Event] and the others draw only
// values that their type's constructor or Validate method accepts, and
// [History] draws a sequence of registrations and events that an empty
// [release.Ledger] accepts one after the other. Their vocabularies are small
// on purpose (a few populations, a few regions, days clustered around
// January 2026) so that nested, equal and sibling values are drawn often and
// properties about containment and overlap are exercised, not vacuous.
//
// The Invalid generators ([InvalidDetainee], [InvalidEvent],
// [InvalidDateText], [InvalidPeriodText], [InvalidPathText]) draw values that
// the package must reject, for the error paths; [BadDetainee] and [BadEvent]
// also say which fields were broken.
//
// The people drawn by [Detainee] are invented: their names and national IDs
// are assembled at random from common Spanish given names and surnames and
// belong to no one.
package releasetest
