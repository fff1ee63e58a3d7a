// Package release models what happened: the people detained for political
// reasons ([Detainee]), the documented events that detain and release them
// ([Event]), and the [Ledger] that holds those events and counts them.
//
// # Scopes
//
// Every count is about a [Scope]: a [Population] in a [Region] over a
// [Period] of calendar days ([Date]). Scopes form a partial order
// ([Scope.Contains]): a day nests in a month, a state in its country,
// political prisoners ("detainees/political") among detainees
// ("detainees"). Two scopes are known to be disjoint ([Scope.Disjoint]) only
// when their periods share no day, their regions are siblings, or a
// caller-declared [Partition] separates their populations: sibling
// populations may share people, so their counts do not add up by default.
//
// Population and region paths are canonical: texts equal after Unicode
// normalisation and case folding are one path ("Detainees" is "detainees",
// "ve/zulia" is "VE/Zulia"), stored in one spelling — lower case for
// populations, codes upper case and names title case for regions — and no
// path (or ID) may hold a control, bidirectional or invisible character. A
// [Vocabulary] declares the paths a body of claims may use; an undeclared
// one is refused with the nearest declared paths as suggestions.
//
// # Ledger
//
// The [Ledger] accepts a registration or an event whole or not at all. A
// person's events alternate detention and release in order of day; a
// re-arrest opens a new spell. Counting queries return distinct people
// released within a scope, people held on a day, spells opened within a
// scope, and people released within a scope still free on a day. Stock and
// flow balance on every day: spells opened = spells open + spells closed
// ([Balance]).
//
// # Values and privacy
//
// Scalars ([Date], [Period], [Population], [Region], [Scope], [DetaineeID])
// are immutable, comparable values with text or JSON encodings that
// round-trip exactly. Records ([Detainee], [Event]) are plain structs with a
// Validate method that every entry point calls.
//
// Personal data is a [Secret]: a detainee's name and national ID are
// Secrets, whose every printer (String, Format with any verb, GoString,
// MarshalJSON, MarshalText, LogValue) writes "<redacted>", and which hold
// their text masked, so that printers working by reflection (fmt on an
// unexported field, testify's diff) show noise instead. [Secret.Reveal]
// is the one way to read the text, and [Disclosed] the one way to encode
// it. [Detainee], [Ledger] and every error message show register IDs
// only.
//
// Errors wrap a sentinel of this package ([ErrInvalid], [ErrDuplicate],
// [ErrUnknownDetainee], [ErrNotHeld], [ErrAlreadyHeld], [ErrOutOfOrder],
// [ErrNoRegion]) and carry details in a [*FieldError] or [*RuleError].
// FieldError, with its structured [FieldPath], and ErrInvalid are the ones
// of all freedcount: packages source, reconcile (and its subpackages) and
// interchange alias them, so one errors.Is or errors.AsType answers for
// every package.
// Nothing in this package does I/O, reads a clock or panics on input.
package release
