package reconcile

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/internal/jsonfield"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Verification records that a source has identified people as released
// within a scope: Foro Penal matching a name against its register. It is
// one of two kinds:
//
//   - an identity: Detainee names one person (by register ID). Distinct
//     verified people are counted, across sources.
//   - a count: Count people verified by name whose names the source
//     withholds, for their safety. Counts of different sources are never
//     added (their overlap is unknown): the verified figure takes the
//     larger of the identities counted and the largest count.
//
// Either is a floor of every scope that contains the verification's scope:
// no claim can bring a figure below it.
//
// A Verification is a plain value; two are the same when every field is
// ([Verification.Equal]). It carries the detainee's register ID only, never a
// name.
type Verification struct {
	// Detainee is who was released; the zero DetaineeID for a count.
	// Exactly one of Detainee and Count is set.
	Detainee release.DetaineeID
	// Count is how many people the source verified, names withheld; zero
	// for an identity. At most source.MaxCount.
	Count int
	// Scope is where and when the release took place, as precisely as the
	// verifier knows it: usually the detainee's population, the region and
	// the day. Required. A verification counts towards a scope's floor only
	// if the scope contains this one.
	Scope release.Scope
	// Source is who verified the identity. Required, and must be a source of
	// the evidence.
	Source source.SourceID
	// Stated is when the verification was published, for reading the
	// evidence as of a moment. Required.
	Stated time.Time
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError] wrapping [ErrInvalid].
func (v Verification) Validate() error {
	var errs []error
	switch {
	case v.Count < 0 || v.Count > source.MaxCount:
		errs = append(errs, fieldErr("Verification.Count", fmt.Sprint(v.Count), ErrInvalid, "want a count in [1, %d]", source.MaxCount))
	case v.Count > 0 && v.Detainee.IsValid():
		errs = append(errs, fieldErr("Verification.Count", fmt.Sprint(v.Count), ErrInvalid, "set together with Detainee; want one"))
	case v.Count == 0 && !v.Detainee.IsValid():
		errs = append(errs, fieldErr("Verification.Detainee", "", ErrInvalid, "missing (or a Count for a verification without names)"))
	}
	if !v.Scope.Population().IsValid() {
		errs = append(errs, fieldErr("Verification.Scope.Population", "", ErrInvalid, "missing"))
	}
	if !v.Scope.Region().IsValid() {
		errs = append(errs, fieldErr("Verification.Scope.Region", "", ErrInvalid, "missing"))
	}
	if !v.Source.IsValid() {
		errs = append(errs, fieldErr("Verification.Source", "", ErrInvalid, "missing"))
	}
	if v.Stated.IsZero() {
		errs = append(errs, fieldErr("Verification.Stated", "", ErrInvalid, "missing"))
	} else if y := v.Stated.Year(); y < 1 || y > 9999 {
		errs = append(errs, fieldErr("Verification.Stated", v.Stated.Format(time.RFC3339), ErrInvalid, "year outside 1–9999"))
	} else if first := v.Scope.Period().First(); first.IsValid() && release.DateOf(v.Stated).Before(first) {
		errs = append(errs, fieldErr("Verification.Stated", v.Stated.Format(time.RFC3339), ErrInvalid,
			"before the period it verifies begins (%s)", first))
	}
	return errors.Join(errs...)
}

// Compare orders verifications by detainee, count, source, scope and moment stated
// (instant, then zone offset). It is a total order consistent with
// [Verification.Equal].
func (v Verification) Compare(o Verification) int {
	if c := v.Detainee.Compare(o.Detainee); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Count, o.Count); c != 0 {
		return c
	}
	if c := v.Source.Compare(o.Source); c != 0 {
		return c
	}
	if c := v.Scope.Compare(o.Scope); c != 0 {
		return c
	}
	return compareInstant(v.Stated, o.Stated)
}

// compareInstant orders times by instant, then by zone offset, so that two
// times compare equal only if they are the same instant said in the same
// offset (and so fall on the same local day).
func compareInstant(a, b time.Time) int {
	if c := a.Compare(b); c != 0 {
		return c
	}
	_, oa := a.Zone()
	_, ob := b.Zone()
	return cmp.Compare(oa, ob)
}

// Equal reports whether v and o are the same verification.
func (v Verification) Equal(o Verification) bool { return v.Compare(o) == 0 }

// String returns "DETAINEE verified by SOURCE in SCOPE" (the register ID,
// never a name), or "N verified by SOURCE in SCOPE" for a count.
func (v Verification) String() string {
	who := v.Detainee.String()
	if v.Count > 0 {
		who = fmt.Sprint(v.Count)
	}
	return who + " verified by " + v.Source.String() + " in " + v.Scope.String()
}

type verificationJSON struct {
	Detainee release.DetaineeID `json:"detainee,omitzero"`
	Count    int                `json:"count,omitempty"`
	Scope    release.Scope      `json:"scope"`
	Source   source.SourceID    `json:"source"`
	Stated   time.Time          `json:"stated"`
}

// MarshalJSON writes the verification's fields; it must be valid.
func (v Verification) MarshalJSON() ([]byte, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(verificationJSON(v))
}

// UnmarshalJSON reads what [Verification.MarshalJSON] writes and validates
// it.
func (v *Verification) UnmarshalJSON(data []byte) error {
	var w verificationJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return decodeErr("Verification", data, &w, err)
	}
	if err := Verification(w).Validate(); err != nil {
		return err
	}
	*v = Verification(w)
	return nil
}

// Evidence is the merge state of reconciliation: sources, claims and
// verifications, keyed by ID (verifications by their whole value). It is an
// immutable value: every operation that adds returns a new Evidence and
// leaves its receiver and arguments as they were, and nothing a caller holds
// aliases what an Evidence holds (claims are copied in and out).
//
// Evidence forms a join-semilattice under [Merge], which is set union: it is
// commutative, associative and idempotent, and the zero Evidence (empty) is
// its identity, so evidence gathered in pieces, in any order, with repeats,
// merges to the same set. Figures read from it ([NewIndex]) depend on the set
// only.
//
// Every entry point validates: a claim must be valid, its source and relays
// must be sources of the evidence, its ID must not be taken by a different
// claim, a claim may only supersede a claim of its own source, and chains of
// supersession and of relative quantities must not loop. A claim may refer
// (Supersedes, Relative.To) to a claim not yet in the evidence; the chain is
// checked when that claim arrives.
type Evidence struct {
	// Sorted by ID (verifications by Compare); the pointed-to values are
	// never modified once added, so evidence sets share them freely.
	sources  []*source.Source
	claims   []*source.Claim
	verified []Verification
	// open holds, sorted by [compareRef], the references (Supersedes,
	// Relative.To) to claims not in claims: the only chains a merge or an
	// addition can complete. Every chain within claims is sound.
	open []ref
}

// ref is a reference of a claim to another by ID: its Supersedes, or its
// Relative.To when rel is set.
type ref struct {
	to   source.ClaimID
	from *source.Claim
	rel  bool
}

// compareRef orders references by the claim they name, then by the claim
// that names it, supersession first: sorted so, the references of an
// evidence set find their targets in one walk over its claims.
func compareRef(a, b ref) int {
	if c := a.to.Compare(b.to); c != 0 {
		return c
	}
	if c := a.from.ID.Compare(b.from.ID); c != 0 {
		return c
	}
	switch {
	case a.rel == b.rel:
		return 0
	case b.rel:
		return -1
	}
	return 1
}

// refsOf returns the references of the claims cs, sorted by [compareRef].
func refsOf(cs []*source.Claim) []ref {
	var out []ref
	for _, c := range cs {
		if c.Supersedes.IsValid() {
			out = append(out, ref{to: c.Supersedes, from: c})
		}
		if !c.Relative.IsZero() {
			out = append(out, ref{to: c.Relative.To, from: c, rel: true})
		}
	}
	slices.SortFunc(out, compareRef)
	return out
}

// NumSources returns the number of sources.
func (e Evidence) NumSources() int { return len(e.sources) }

// NumClaims returns the number of claims.
func (e Evidence) NumClaims() int { return len(e.claims) }

// NumVerifications returns the number of verifications.
func (e Evidence) NumVerifications() int { return len(e.verified) }

// Sources yields the sources in order of ID.
func (e Evidence) Sources() iter.Seq[source.Source] {
	return func(yield func(source.Source) bool) {
		for _, s := range e.sources {
			if !yield(*s) {
				return
			}
		}
	}
}

// Claims yields copies of the claims in order of ID.
func (e Evidence) Claims() iter.Seq[source.Claim] {
	return func(yield func(source.Claim) bool) {
		for _, c := range e.claims {
			if !yield(c.Clone()) {
				return
			}
		}
	}
}

// Verifications yields the verifications in order ([Verification.Compare]).
func (e Evidence) Verifications() iter.Seq[Verification] { return slices.Values(e.verified) }

// Source returns the source with the given ID.
func (e Evidence) Source(id source.SourceID) (source.Source, bool) {
	s := findSource(e.sources, id)
	if s == nil {
		return source.Source{}, false
	}
	return *s, true
}

// Claim returns a copy of the claim with the given ID.
func (e Evidence) Claim(id source.ClaimID) (source.Claim, bool) {
	c := findClaim(e.claims, id)
	if c == nil {
		return source.Claim{}, false
	}
	return c.Clone(), true
}

func findSource(ss []*source.Source, id source.SourceID) *source.Source {
	i, ok := slices.BinarySearchFunc(ss, id, func(s *source.Source, id source.SourceID) int { return s.ID.Compare(id) })
	if !ok {
		return nil
	}
	return ss[i]
}

func findClaim(cs []*source.Claim, id source.ClaimID) *source.Claim {
	if i := indexClaim(cs, id); i >= 0 {
		return cs[i]
	}
	return nil
}

// AddSources returns e with the sources added. Each must be valid, and an ID
// already in e (or twice in ss) must hold the same source ([ErrConflict]).
// On error e is returned unchanged, with every problem joined.
func (e Evidence) AddSources(ss ...source.Source) (Evidence, error) {
	add := make([]*source.Source, 0, len(ss))
	var errs []error
	for _, s := range ss {
		if err := s.Validate(); err != nil {
			errs = append(errs, wrapErr("Source", s.ID.String(), err))
			continue
		}
		s.Confidence = source.Canonical(s.Confidence)
		add = append(add, &s)
	}
	if len(errs) > 0 {
		return e, errors.Join(errs...)
	}
	sorted, err := sortUnique(add, func(a, b *source.Source) int { return a.ID.Compare(b.ID) }, sameSource)
	if err != nil {
		return e, err
	}
	merged, err := mergeSorted(e.sources, sorted, func(a, b *source.Source) int { return a.ID.Compare(b.ID) }, sameSource)
	if err != nil {
		return e, err
	}
	e.sources = merged
	return e, nil
}

func sameSource(a, b *source.Source) error {
	if a.Equal(*b) {
		return nil
	}
	return fieldErr("Source.ID", a.ID.String(), ErrConflict, "taken by a different source")
}

func sameClaim(a, b *source.Claim) error {
	if a.EqualTo(b) {
		return nil
	}
	return fieldErr("Claim.ID", a.ID.String(), ErrConflict, "taken by a different claim")
}

// AddClaims returns e with the claims added. Each must be valid; its source
// and relays must be sources of e ([ErrUnknownSource]); an ID already in e
// (or twice in cs) must hold the same claim ([ErrConflict]); and the chains
// it completes must be sound ([ErrChain]). On error e is returned unchanged,
// with every problem joined.
func (e Evidence) AddClaims(cs ...source.Claim) (Evidence, error) {
	add := make([]*source.Claim, 0, len(cs))
	var errs []error
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			errs = append(errs, wrapErr("Claim", c.ID.String(), err))
			continue
		}
		if err := e.checkSources(c); err != nil {
			errs = append(errs, err)
			continue
		}
		c = c.Clone().Canonical()
		if !c.Relative.IsZero() {
			c.Relative.Ratio = source.Canonical(c.Relative.Ratio)
		}
		add = append(add, &c)
	}
	if len(errs) > 0 {
		return e, errors.Join(errs...)
	}
	sorted, err := sortUnique(add, compareClaimID, sameClaim)
	if err != nil {
		return e, err
	}
	// Chains within e are sound: only those of the new claims and those
	// that e left open can change. What e left open names no claim of e:
	// the merge meets the new claims it names.
	merged, walks, err := mergeClaims(e.claims, sorted, e.open, nil)
	if err != nil {
		return e, err
	}
	open, err := checkChains(merged, append(walks, walkRefs(refsOf(sorted), merged))...)
	if err != nil {
		return e, err
	}
	e.claims, e.open = merged, open
	return e, nil
}

func compareClaimID(a, b *source.Claim) int { return a.ID.Compare(b.ID) }

func (e Evidence) checkSources(c source.Claim) error {
	if findSource(e.sources, c.Source) == nil {
		return fieldErr("Claim.Source", c.Source.String(), ErrUnknownSource, "claim %s", c.ID)
	}
	for _, v := range c.Via {
		if findSource(e.sources, v) == nil {
			return fieldErr("Claim.Via", v.String(), ErrUnknownSource, "claim %s", c.ID)
		}
	}
	return nil
}

// AddVerifications returns e with the verifications added. Each must be
// valid and its source a source of e. On error e is returned unchanged,
// with every problem joined.
func (e Evidence) AddVerifications(vs ...Verification) (Evidence, error) {
	add := make([]Verification, 0, len(vs))
	var errs []error
	for _, v := range vs {
		if err := v.Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		if findSource(e.sources, v.Source) == nil {
			errs = append(errs, fieldErr("Verification.Source", v.Source.String(), ErrUnknownSource, "verification %s", v))
			continue
		}
		add = append(add, v)
	}
	if len(errs) > 0 {
		return e, errors.Join(errs...)
	}
	slices.SortFunc(add, Verification.Compare)
	add = slices.CompactFunc(add, Verification.Equal)
	merged, _ := mergeSorted(e.verified, add, Verification.Compare, noConflict)
	e.verified = merged
	return e, nil
}

// Merge returns the union of a and b. It is commutative, associative and
// idempotent, with the zero Evidence as identity; it neither modifies nor
// aliases a or b. It fails, returning the zero Evidence, when an ID names
// different values in a and b ([ErrConflict]) or when the union completes an
// unsound chain of claims ([ErrChain]).
func Merge(a, b Evidence) (Evidence, error) {
	var out Evidence
	var err error
	if out.sources, err = mergeSorted(a.sources, b.sources, func(x, y *source.Source) int { return x.ID.Compare(y.ID) }, sameSource); err != nil {
		return Evidence{}, err
	}
	// Every chain within a and within b is sound, so only a chain through a
	// reference that one of them left open can be unsound in the union: a
	// bad link is one neither operand held both ends of, and a new cycle
	// passes from claims only in a to claims only in b, so it follows a
	// reference that one operand left open. A reference a left open names
	// a claim not in a: it is in the union only if it is in b, and the
	// merge of claims meets it there.
	var walks []refWalk
	if out.claims, walks, err = mergeClaims(a.claims, b.claims, a.open, b.open); err != nil {
		return Evidence{}, err
	}
	if out.open, err = checkChains(out.claims, walks...); err != nil {
		return Evidence{}, err
	}
	out.verified, _ = mergeSorted(a.verified, b.verified, Verification.Compare, noConflict)
	return out, nil
}

// AsOf returns the evidence as it stood at t: every source, and the claims
// and verifications stated at or before t. Reading figures as of successive
// moments gives a timeline; no figure read as of t uses anything stated
// after t. A statement known to the day only counts from the end of its day
// ([source.Claim.StatedBy]): it may have been made at any time that day.
func (e Evidence) AsOf(t time.Time) Evidence { return e.AsOfIn(t, time.UTC) }

// AsOfIn is [Evidence.AsOf] for a reader who keeps days in loc: a statement
// known to the day only counts from the end of its day in loc
// ([source.Claim.StatedByIn]), so that "as of the 25th" in Caracas holds
// the claims of the 25th whatever the offset. Statements with a time are
// compared as instants, whatever loc.
func (e Evidence) AsOfIn(t time.Time, loc *time.Location) Evidence {
	out := Evidence{sources: e.sources}
	for _, c := range e.claims {
		if !c.StatedByIn(loc).After(t) {
			out.claims = append(out.claims, c)
		}
	}
	for _, v := range e.verified {
		if !v.Stated.After(t) {
			out.verified = append(out.verified, v)
		}
	}
	// A subset of sound chains is sound; what it leaves open is what
	// refers to a claim it dropped, or to one e left open.
	for _, c := range out.claims {
		if c.Supersedes.IsValid() && indexClaim(out.claims, c.Supersedes) < 0 {
			out.open = append(out.open, ref{to: c.Supersedes, from: c})
		}
		if !c.Relative.IsZero() && indexClaim(out.claims, c.Relative.To) < 0 {
			out.open = append(out.open, ref{to: c.Relative.To, from: c, rel: true})
		}
	}
	slices.SortFunc(out.open, compareRef)
	return out
}

// Equal reports whether e and o hold the same sources, claims and
// verifications.
func (e Evidence) Equal(o Evidence) bool {
	return slices.EqualFunc(e.sources, o.sources, func(a, b *source.Source) bool { return a.Equal(*b) }) &&
		slices.EqualFunc(e.claims, o.claims, func(a, b *source.Claim) bool { return a.Equal(*b) }) &&
		slices.EqualFunc(e.verified, o.verified, Verification.Equal)
}

// sortUnique sorts xs by cmp and drops repeats, failing if two entries with
// the same key differ (same reports nil for equal entries).
func sortUnique[T any](xs []T, cmp func(a, b T) int, same func(a, b T) error) ([]T, error) {
	slices.SortStableFunc(xs, cmp)
	out := xs[:0]
	for i, x := range xs {
		if i > 0 && cmp(xs[i-1], x) == 0 {
			if err := same(xs[i-1], x); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, x)
	}
	return out, nil
}

// mergeSorted returns the sorted union of two sorted, repeat-free slices in
// a new slice, failing if an entry of a and one of b share a key but differ.
// When one side is empty the other is returned as is: slices held by
// Evidence are never modified, so sharing them is safe.
func mergeSorted[T any](a, b []T, cmp func(a, b T) int, same func(a, b T) error) ([]T, error) {
	switch {
	case len(b) == 0:
		return a, nil
	case len(a) == 0:
		return b, nil
	}
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := cmp(a[i], b[j]); {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			out = append(out, b[j])
			j++
		default:
			if err := same(a[i], b[j]); err != nil {
				return nil, err
			}
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	out = append(out, b[j:]...)
	return slices.Clip(out), nil
}

// noConflict is mergeSorted's check for values that are whole keys.
func noConflict[T any](T, T) error { return nil }

// parallelMerge is the number of claims from which a merge is split
// between goroutines, when it may use more than one thread.
const parallelMerge = 1 << 15

// mergeClaims is mergeSorted for claims by ID, written out so that
// comparing IDs is inlined and a claim that both sides share (as sets split
// from one do) is recognised by its pointer before its fields are
// compared. On the way it finds the claims that references name: ra,
// sorted by [compareRef], name no claim of a, and are walked against b;
// rb, naming no claim of b, against a.
//
// A large merge is split, when more than one thread may run
// ([runtime.GOMAXPROCS]), into parts cut at the same ID in a and b (and
// the references at the same name), merged concurrently into one slice
// and closed up: the result, the first conflict reported and what the
// walks find are those of one merge from the start.
func mergeClaims(a, b []*source.Claim, ra, rb []ref) ([]*source.Claim, []refWalk, error) {
	if procs := runtime.GOMAXPROCS(0); procs > 1 && len(a)+len(b) >= parallelMerge {
		return mergeClaimsSplit(a, b, ra, rb, min(procs, (len(a)+len(b))/(parallelMerge/2)))
	}
	switch {
	case len(b) == 0:
		return a, []refWalk{walkRefs(ra, b), walkRefs(rb, a)}, nil
	case len(a) == 0:
		return b, []refWalk{walkRefs(ra, b), walkRefs(rb, a)}, nil
	}
	out := make([]*source.Claim, len(a)+len(b))
	n, w, err := mergeClaimsInto(out, a, b, ra, rb)
	if err != nil {
		return nil, nil, err
	}
	return out[:n:n], []refWalk{w}, nil
}

// mergeClaimsSplit is mergeClaims in parts merged concurrently: part k
// merges the claims of a and b below the k-th of parts+1 IDs of the
// longer side, from the one before, and walks the references that name
// them.
func mergeClaimsSplit(a, b []*source.Claim, ra, rb []ref, parts int) ([]*source.Claim, []refWalk, error) {
	out := make([]*source.Claim, len(a)+len(b))
	long := a
	if len(b) > len(a) {
		long = b
	}
	parts = max(1, min(parts, len(long)))
	// Part k merges a[ca[k]:ca[k+1]] and b[cb[k]:cb[k+1]] into
	// out[ca[k]+cb[k]:], walking ra[pa[k]:pa[k+1]] and rb[pb[k]:pb[k+1]].
	ca, cb := make([]int, parts+1), make([]int, parts+1)
	pa, pb := make([]int, parts+1), make([]int, parts+1)
	for k := 1; k < parts; k++ {
		id := long[k*len(long)/parts].ID
		ca[k], cb[k] = seekClaim(a, ca[k-1], id), seekClaim(b, cb[k-1], id)
		pa[k], pb[k] = seekRef(ra, pa[k-1], id), seekRef(rb, pb[k-1], id)
	}
	ca[parts], cb[parts], pa[parts], pb[parts] = len(a), len(b), len(ra), len(rb)
	ns, errs, walks := make([]int, parts), make([]error, parts), make([]refWalk, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() {
			ns[k], walks[k], errs[k] = mergeClaimsInto(out[ca[k]+cb[k]:ca[k+1]+cb[k+1]],
				a[ca[k]:ca[k+1]], b[cb[k]:cb[k+1]], ra[pa[k]:pa[k+1]], rb[pb[k]:pb[k+1]])
		})
	}
	wg.Wait()
	// The parts hold increasing IDs: the first conflict is that of the
	// first part that has one.
	if err := cmp.Or(errs...); err != nil {
		return nil, nil, err
	}
	n := ns[0]
	for k := 1; k < parts; k++ {
		if at := ca[k] + cb[k]; at != n {
			copy(out[n:], out[at:at+ns[k]])
		}
		n += ns[k]
	}
	clear(out[n:])
	return out[:n:n], walks, nil
}

// mergeClaimsInto merges a and b into out, which has room for both, and
// returns how many claims it wrote, with what the walks of ra against b
// and of rb against a found. References as many as a thirty-second of the
// claims are met as the merge passes their names, one comparison of IDs
// at each step (the claims compared are in cache by then); fewer are
// found by galloping ([walkRefs]).
func mergeClaimsInto(out, a, b []*source.Claim, ra, rb []ref) (int, refWalk, error) {
	var wa, wb refWalk
	var n int
	var err error
	if (len(ra)+len(rb))*32 < len(a)+len(b) {
		wa, wb = walkRefs(ra, b), walkRefs(rb, a)
		n, err = mergeMeeting(out, a, b, nil, nil, &wa, &wb)
	} else {
		n, err = mergeMeeting(out, a, b, ra, rb, &wa, &wb)
	}
	if err != nil {
		return 0, refWalk{}, err
	}
	wa.open, _ = mergeSorted(wa.open, wb.open, compareRef, noConflict)
	wa.links = append(wa.links, wb.links...)
	wa.supFrom = append(wa.supFrom, wb.supFrom...)
	wa.relFrom = append(wa.relFrom, wb.relFrom...)
	return n, wa, nil
}

// mergeMeeting merges a and b into out and meets, in wa, each reference of
// ra with the claim of b it names (none of a), and in wb each of rb with
// the claim of a it names.
func mergeMeeting(out, a, b []*source.Claim, ra, rb []ref, wa, wb *refWalk) (int, error) {
	i, j, k, p, q := 0, 0, 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		switch c := x.ID.Compare(y.ID); {
		case c < 0:
			out[k] = x
			i++
			if q < len(rb) && rb[q].to.Compare(x.ID) <= 0 {
				q = wb.meet(rb, q, x)
			}
		case c > 0:
			out[k] = y
			j++
			if p < len(ra) && ra[p].to.Compare(y.ID) <= 0 {
				p = wa.meet(ra, p, y)
			}
		default:
			if x != y {
				if err := sameClaim(x, y); err != nil {
					return 0, err
				}
			}
			out[k] = x
			// x is in a and in b, so no reference names it: those that
			// name a claim below it are passed at a later step.
			i++
			j++
		}
		k++
	}
	// One side is spent, and met every reference that could name it; the
	// rest of the other may hold what is named still.
	if i < len(a) {
		wa.open = append(wa.open, ra[p:]...)
		wb.walk(rb[q:], a[i:])
	} else {
		wb.open = append(wb.open, rb[q:]...)
		wa.walk(ra[p:], b[j:])
	}
	k += copy(out[k:], a[i:])
	k += copy(out[k:], b[j:])
	return k, nil
}

// meet takes refs[at:] up to x, the next claim of the walk (refs' names
// are not below the claims met before): a reference that names a claim
// below x names none, one that names x has found it. It returns where it
// stopped.
func (w *refWalk) meet(refs []ref, at int, x *source.Claim) int {
	for ; at < len(refs); at++ {
		switch c := refs[at].to.Compare(x.ID); {
		case c < 0:
			w.open = append(w.open, refs[at])
		case c == 0:
			w.link(refs[at], x)
		default:
			return at
		}
	}
	return at
}

// seekRef returns the first index i ≥ from of refs (sorted by
// [compareRef]) whose name is not below id.
func seekRef(refs []ref, from int, id source.ClaimID) int {
	i, _ := slices.BinarySearchFunc(refs[from:], id, func(r ref, id source.ClaimID) int { return r.to.Compare(id) })
	return from + i
}

// refWalk is what one walk over references (sorted by [compareRef]) found
// among claims: the references to none of them, in order; the errors of
// the links to them; and the references whose target refers on by a
// reference of the same kind, which may close a cycle.
type refWalk struct {
	open    []ref
	links   []linkErr
	supFrom []*source.Claim
	relFrom []*source.Claim
}

// linkErr is the error of a claim's link to the claim it supersedes.
type linkErr struct {
	id  source.ClaimID
	err error
}

// walkRefs finds the claim of cs (sorted by ID) that each reference of
// refs (sorted by [compareRef]) names, and checks the link ([refWalk.link]).
func walkRefs(refs []ref, cs []*source.Claim) refWalk {
	var w refWalk
	w.walk(refs, cs)
	return w
}

// walk is [walkRefs] adding to w. The names come in order, so one walk
// over cs finds them all, galloping from one to the next: O(log d)
// comparisons for a name d claims past the one before.
func (w *refWalk) walk(refs []ref, cs []*source.Claim) {
	at := 0
	for _, r := range refs {
		if at = seekClaim(cs, at, r.to); at < len(cs) && cs[at].ID == r.to {
			w.link(r, cs[at])
		} else {
			w.open = append(w.open, r)
		}
	}
}

// link checks r's link to t, the claim it names: a claim may supersede
// only a claim of its own source stated no later than itself (explicit
// supersession wins over clocks, so it must not run against them). A link
// to a claim that refers on by the same kind of reference may close a
// cycle, to be walked.
func (w *refWalk) link(r ref, t *source.Claim) {
	c := r.from
	if r.rel {
		if !t.Relative.IsZero() {
			w.relFrom = append(w.relFrom, c)
		}
		return
	}
	if t.Supersedes.IsValid() {
		w.supFrom = append(w.supFrom, c)
	}
	switch {
	case t.Source != c.Source:
		w.links = append(w.links, linkErr{c.ID, fieldErr("Claim.Supersedes", c.Supersedes.String(), ErrChain,
			"claim %s of source %s supersedes a claim of source %s", c.ID, c.Source, t.Source)})
	case statedAfter(t, c):
		w.links = append(w.links, linkErr{c.ID, fieldErr("Claim.Supersedes", c.Supersedes.String(), ErrChain,
			"claim %s supersedes a statement made after it", c.ID)})
	}
}

// seekClaim returns the first index i ≥ from of cs (sorted by ID) whose
// claim's ID is not below id, for an id not below those of cs[:from]:
// it gallops from from, then halves.
func seekClaim(cs []*source.Claim, from int, id source.ClaimID) int {
	lo, hi, step := from, from, 1
	for hi < len(cs) && cs[hi].ID.Compare(id) < 0 {
		lo = hi + 1
		hi += step
		step <<= 1
	}
	hi = min(hi, len(cs))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cs[m].ID.Compare(id) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// checkChains completes the walks over references of claims of all (sorted
// by ID) into all's claims: it reports their links' errors, in order of
// claim ID, then the cycles of supersession and of relative quantities
// that pass through them, which no chain may form. It returns the
// references to claims not in all, sorted by [compareRef] and each once,
// left for later. A cycle is walked from the references whose target
// refers on, visiting each claim it reaches once, in O(log n) each.
func checkChains(all []*source.Claim, walks ...refWalk) ([]ref, error) {
	var links []linkErr
	var supStarts, relStarts []int32
	var open []ref
	for _, w := range walks {
		links = append(links, w.links...)
		for _, c := range w.supFrom {
			supStarts = append(supStarts, int32(indexClaim(all, c.ID)))
		}
		for _, c := range w.relFrom {
			relStarts = append(relStarts, int32(indexClaim(all, c.ID)))
		}
		switch {
		case len(open) == 0:
			open = w.open
		case len(w.open) == 0:
		case compareRef(open[len(open)-1], w.open[0]) < 0:
			// The walks of a split merge's parts, in order.
			open = append(open[:len(open):len(open)], w.open...)
		default:
			open, _ = mergeSorted(open, w.open, compareRef, noConflict)
		}
	}
	var errs []error
	// A claim has one link to check; two walks may both reach it (a claim
	// added again, its target with it).
	slices.SortStableFunc(links, func(x, y linkErr) int { return x.id.Compare(y.id) })
	links = slices.CompactFunc(links, func(x, y linkErr) bool { return x.id == y.id })
	for _, l := range links {
		errs = append(errs, l.err)
	}
	sup := func(i int32) int32 {
		if c := all[i]; c.Supersedes.IsValid() {
			return int32(indexClaim(all, c.Supersedes))
		}
		return -1
	}
	rel := func(i int32) int32 {
		if c := all[i]; !c.Relative.IsZero() {
			return int32(indexClaim(all, c.Relative.To))
		}
		return -1
	}
	var state []uint8
	if len(supStarts)+len(relStarts) > 0 {
		state = make([]uint8, len(all))
	}
	for _, i := range cycles(supStarts, sup, state) {
		errs = append(errs, fieldErr("Claim.Supersedes", all[i].Supersedes.String(), ErrChain, "claim %s is in a cycle of supersession", all[i].ID))
	}
	clear(state)
	for _, i := range cycles(relStarts, rel, state) {
		errs = append(errs, fieldErr("Claim.Relative.To", all[i].Relative.To.String(), ErrChain, "claim %s is in a cycle of relative quantities", all[i].ID))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return open, nil
}

// statedAfter reports whether a was stated after b, as far as their
// precision tells: by local day when either is known to the day only, by
// instant otherwise.
func statedAfter(a, b *source.Claim) bool {
	if a.DayOnly || b.DayOnly {
		return a.StatedDay().After(b.StatedDay())
	}
	return a.Stated.After(b.Stated)
}

func indexClaim(cs []*source.Claim, id source.ClaimID) int {
	i, ok := slices.BinarySearchFunc(cs, id, func(c *source.Claim, id source.ClaimID) int { return c.ID.Compare(id) })
	if !ok {
		return -1
	}
	return i
}

// cycles returns, for a functional graph given by next (-1 for none), the
// smallest node of each cycle reachable from starts, in increasing order,
// marking in state (zero for every node on entry) the nodes it reached.
// Each node reached is visited a bounded number of times, so it runs in
// O(k) calls of next for the k nodes reached.
func cycles(starts []int32, next func(int32) int32, state []uint8) []int32 {
	const (
		onPath = 1 + iota
		done
	)
	var out []int32
	path := make([]int32, 0, 16)
	for _, start := range starts {
		path = path[:0]
		i := start
		for i >= 0 && state[i] == 0 {
			state[i] = onPath
			path = append(path, i)
			i = next(i)
		}
		if i >= 0 && state[i] == onPath {
			// i is on the current path: the cycle runs from i to the end.
			k := slices.Index(path, i)
			out = append(out, slices.Min(path[k:]))
		}
		for _, j := range path {
			state[j] = done
		}
	}
	slices.Sort(out)
	return out
}

type evidenceJSON struct {
	Sources       []source.Source `json:"sources"`
	Claims        []source.Claim  `json:"claims"`
	Verifications []Verification  `json:"verifications"`
}

// MarshalJSON writes {"sources": [...], "claims": [...], "verifications":
// [...]}, each sorted, so that equal evidence encodes to identical bytes.
func (e Evidence) MarshalJSON() ([]byte, error) {
	v := evidenceJSON{
		Sources:       make([]source.Source, 0, len(e.sources)),
		Claims:        make([]source.Claim, 0, len(e.claims)),
		Verifications: e.verified,
	}
	for _, s := range e.sources {
		v.Sources = append(v.Sources, *s)
	}
	for _, c := range e.claims {
		v.Claims = append(v.Claims, *c)
	}
	if v.Verifications == nil {
		v.Verifications = []Verification{}
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what [Evidence.MarshalJSON] writes, adding sources,
// then claims, then verifications with every check of [Evidence.AddSources],
// [Evidence.AddClaims] and [Evidence.AddVerifications]. Input order does not
// matter. On error e is left unchanged.
func (e *Evidence) UnmarshalJSON(data []byte) error {
	var v evidenceJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return decodeErr("Evidence", data, nil, err)
	}
	var out Evidence
	var err error
	if out, err = out.AddSources(v.Sources...); err != nil {
		return err
	}
	if out, err = out.AddClaims(v.Claims...); err != nil {
		return err
	}
	if out, err = out.AddVerifications(v.Verifications...); err != nil {
		return err
	}
	*e = out
	return nil
}

// decodeErr keeps an error of this package or of package source or release
// (a bad field inside well-formed JSON), put under its field of *into, and
// wraps anything else (malformed
// JSON) in a FieldError for the whole input.
func decodeErr(typ string, data []byte, into any, err error) error {
	if _, ok := errors.AsType[*FieldError](err); ok {
		// One field-error type for every package: a field that package
		// source or release refused is put under its field of typ.
		if into == nil {
			return err
		}
		name, ok := jsonfield.Locate(data, into, err)
		if !ok {
			return err
		}
		return errfmt.MapLeaves(err, func(e error) error {
			if fe, ok := e.(*FieldError); ok {
				return fe.Within(typ, name)
			}
			return e
		})
	}
	if name, ok := jsonfield.Locate(data, into, err); ok && into != nil {
		// A value of the wrong JSON type, a time that does not parse:
		// named by its field, in JSON's words.
		return &FieldError{Pkg: "reconcile", Path: release.FieldPath{typ, name}, Err: fmt.Errorf("%w: %s", ErrInvalid, jsonfield.Reason(err))}
	}
	return fieldErr(typ, string(data), ErrInvalid, "%w", err)
}
