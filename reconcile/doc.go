// Package reconcile turns what sources say into figures that can be
// defended claim by claim: for a measure over a scope, a verified floor, a
// low, a best and a high value, the consensus of the consistent claims, and
// the disputed ones named.
//
// # Evidence
//
// State is an [Evidence] set: sources, claims and verifications keyed by ID.
// [Merge] is set union — commutative, associative, idempotent, with the zero
// Evidence as identity — so evidence gathered in pieces, on several
// machines, in any order and with repeats, merges to one set, and every
// figure depends on the set alone. [Evidence.AsOf] gives the set as it stood
// at a moment; [Timeline] reads figures at successive moments.
//
// # The fold
//
// [NewIndex] reads an evidence set under a [Policy]; [Index.Figure] then
// gives the figure for any measure and scope:
//
//  1. Retracted claims are dropped. Copies of one statement (the same source,
//     measure, scope, moment and figure, such as AFP relaying Foro Penal)
//     fold into one claim. Per source, measure and scope only the latest
//     statement is kept, even when it is lower; a claim may also name the
//     claim it supersedes.
//  2. Each remaining claim becomes an integer interval (its quantity's
//     bounds, with a preliminary figure open above) and a weight: source
//     confidence × status weight × basis weight. Relative quantities ("about
//     half as many") are resolved against the claim they refer to.
//  3. The verified floor — distinct people verified as released within the
//     scope — is a hard lower bound.
//  4. Bounds flow across scopes: the figures of disjoint parts add up to a
//     floor for the whole, the floor of any part is a floor for the whole,
//     a whole caps its parts, and consecutive stock figures bound the flows
//     between them. Parts add up only where they are known to be disjoint:
//     different periods, sibling regions, or populations a
//     [release.Partition] in the policy separates. The heaviest disjoint
//     family is sought along one dimension at a time (time; region, then
//     time; population, then time), each exactly, which keeps floors
//     monotone; a family that mixes dimensions otherwise (a national figure
//     for one day, state figures for the next) is not searched, so the
//     floor is then lower than it could be, never wrong. Only claims that
//     count make parts: a superseded or ignored claim changes no figure.
//  5. Consensus: the point of greatest independent weight among the claims'
//     intervals (a sweep over sorted endpoints) selects the heaviest
//     mutually consistent set; its intersection is the consensus interval,
//     and every other claim is disputed, with the claim it contradicts.
//  6. The figure: Low and High, the lowest and highest figures credibly
//     stated, never below the verified floor; Best by the policy's
//     [BestRule], within the consensus; and the claim IDs behind each.
//
// [Index.Discrepancies] reports, for a scope, each pair of claims whose
// figures differ, with the cause: supersession, a different measure,
// population, region or period, imprecision, or a true conflict.
//
// # Invariants
//
// These hold for every evidence set and policy, and each is a property test
// (see package reconciletest for the merge laws):
//
//   - Verified ≤ Low ≤ Best ≤ High.
//   - Merge is commutative, associative and idempotent; figures do not
//     depend on the order, grouping or repetition of the input.
//   - A relay of an existing claim, or a claim that is superseded, changes
//     no number.
//   - Adding a verified identity never lowers Low.
//   - For scopes A ⊆ B: Low(A) ≤ High(B) and Verified(A) ≤ Verified(B).
//   - Mutually consistent claims are never disputed, and the consensus is
//     their intersection.
//   - Reading as of a moment never uses a claim stated later.
//
// Arithmetic is exact: counts are integers and weights are
// [github.com/shopspring/decimal] values. Nothing in this package does I/O,
// reads a clock, uses randomness or depends on map order, and nothing panics
// on input.
package reconcile
