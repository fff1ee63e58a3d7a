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
// gives the figure for any measure and scope. The fold, as revised after
// the first release met real reports:
//
//  1. Which statements are in force. Retracted claims are dropped.
//     Pledges ([source.Pledged]: "24 will be freed in the coming hours")
//     say nothing of what happened: they are listed in [Figure.Pledged]
//     and never counted, supersede nothing and are superseded by nothing. A
//     claim made via an outlet is its origin's statement as the outlet
//     reported it: it folds into the origin's direct statement of the same
//     figure and scope whenever either was made, never outranks a direct
//     statement, and stands alone only where the origin said nothing
//     directly on that scope. Explicit supersession (a claim naming the
//     one it replaces) wins over clocks, and may only name a statement of
//     the same source made no later ([ErrChain] otherwise). Otherwise the
//     moment stated orders one source's statements on one measure and
//     scope, with its precision: a day alone ([source.Claim.DayOnly]) or
//     an instant. The latest stands, even when lower; statements that
//     nothing orders (one day, a time known for at most one) stand
//     together, as one statement of the range they span. A relative claim
//     ("about half as many") takes its scope from the claim it refers to
//     unless it states its own.
//  2. Each statement in force becomes an integer interval (its quantity's
//     bounds, a preliminary figure open above) and a weight: source
//     confidence × status weight × basis weight.
//  3. Verified: the larger of the distinct people verified as released in
//     the scope and the largest verified count of one source (a count
//     whose names are withheld, or a claim in force counted from a named
//     list: [Verification], [Policy.CountNamedLists]). Counts of different
//     sources are never added.
//  4. Bounds flow across scopes: the figures of disjoint parts add up to a
//     floor for the whole, the floor of any part is a floor for the whole,
//     and a whole caps its parts. Parts add up only where they are known
//     to be disjoint: different periods, sibling regions, or populations a
//     [release.Partition] in the policy separates. The heaviest disjoint
//     family is sought along one dimension at a time (time; region, then
//     time; population, then time), each exactly, which keeps floors
//     monotone. A stock is not a flow: consecutive stock figures bound the
//     flows between them only within one source's register that the policy
//     declares closed ([Policy.ClosedRegisters]); otherwise their
//     difference is a net change ([Index.NetChanges]), and stocks of
//     different sources are never differenced.
//  5. Consensus: each independence group speaks with one voice (a source
//     never disputes itself), and the point of greatest independent
//     weight among the voices (a sweep over sorted endpoints, O(n log n))
//     selects the heaviest mutually consistent set; its intersection is
//     the consensus interval, and every other claim is disputed, with the
//     claim it contradicts.
//  6. The figure: Low, the largest of Verified, the floor and the lowest
//     figure credibly stated; High, the highest figure stated by a
//     statement closed above — where a statement open above ("at least
//     104") is the highest word, the tightest cap the evidence gives, or
//     open ([Figure.HighOpen]); Best by the policy's [BestRule], within
//     the consensus; and the claim IDs behind each.
//  7. Discrepancies are reported with their cause: supersession, a
//     revision of one group, a different measure, population, region or
//     period, imprecision, or a true conflict — disjoint figures for one
//     scope, or a part larger than its whole whichever dimension nests.
//     [Index.Discrepancies] lists every pair for a scope, nested and
//     overlapping scopes included; [Index.Review] ranks the material ones
//     and counts the rest by cause.

// # Invariants
//
// These hold for every evidence set and policy, and each is a property test
// (see package reconciletest for the merge laws):
//
//   - Verified ≤ Floor ≤ Low ≤ Best ≤ High; an open-ended statement never
//     sets High by its stated figure; a relay never outranks its origin.
//   - Merge is commutative, associative and idempotent; figures do not
//     depend on the order, grouping or repetition of the input.
//   - A relay of an existing claim, or a claim that is superseded, changes
//     no number.
//   - Adding a verified identity never lowers Low.
//   - For scopes A ⊆ B: Low(A) ≤ High(B) and Verified(A) ≤ Verified(B).
//   - Mutually consistent claims are never disputed, and the consensus is
//     their intersection.
//   - Reading as of a moment never uses a claim stated later.
//   - A source never disputes itself; stocks of different registers never
//     bound a flow.
//   - Consensus is O(n log n) in the claims of a cell.
//
// Arithmetic is exact: counts are integers and weights are
// [github.com/shopspring/decimal] values. Nothing in this package does I/O,
// reads a clock, uses randomness or depends on map order, and nothing panics
// on input.
package reconcile
