package reliability

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/source"
)

// ObjectKey names an object for [EstimateClaims]: one thing whose true
// figure is sought. It is opaque: two keys name the same object when they
// are the same string, byte for byte, and no structure is read into them
// ("a/b" is not inside "a"). The zero value, "", names no object.
type ObjectKey string

// Unbounded is the value of [Claim.Hi] for a claim with no upper bound
// ("at least 104").
const Unbounded int64 = -1

// Claim is one statement for [EstimateClaims]: Source says that the true
// figure of Object is Value, or lies within [Lo, Hi].
//
// The figures are int64 so that any count read from a file fits, but the
// estimation holds counts up to [source.MaxCount] (2³¹−1): a claim with a
// larger figure is refused with a [*FieldError] naming it, never dropped or
// cut down in silence. Write a larger figure as "at least MaxCount" (Lo
// MaxCount, Hi Unbounded, Value MaxCount) if that is what it means to you.
type Claim struct {
	// ID names the claim in [Object.Support] and [Object.Against]; each
	// claim of the input has its own. Required.
	ID source.ClaimID
	// Source is who states it. Required.
	Source source.SourceID
	// Group is the source's declared independence group (two ministries of
	// one government): the sources of a group are one voice. The zero
	// Group puts the source in a group of its own. All the claims of one
	// source carry the same Group.
	Group source.Group
	// Object is what the claim is about. Required.
	Object ObjectKey
	// Value is the figure stated: 131 for "131", 104 for "at least 104",
	// 60 for "about 60". The candidates for an object's true figure are
	// the Values of its claims. In [0, source.MaxCount].
	Value int64
	// Lo and Hi are the counts the claim admits, Lo ≤ Value ≤ Hi, Hi
	// [Unbounded] for none ("at least 104": Lo 104, Hi Unbounded; "about
	// 60": Lo 54, Hi 66). Lo and Hi both zero mean the point Value, so that
	// a plain figure needs Value alone. Each in [0, source.MaxCount].
	Lo, Hi int64
	// Stated is when the source made the statement; the zero time means
	// unknown, earlier than any other. Of two claims of one source on one
	// object, the later stands (see [EstimateClaims]).
	Stated time.Time
}

// interval returns the claim's interval, with hi = unbounded when it has
// no upper bound. The claim must be valid.
func (c *Claim) interval() (lo, hi int) {
	switch {
	case c.Lo == 0 && c.Hi == 0:
		return int(c.Value), int(c.Value)
	case c.Hi == Unbounded:
		return int(c.Lo), unbounded
	}
	return int(c.Lo), int(c.Hi)
}

// validate checks the claim's own fields, reporting them as field
// "Claims[i].NAME".
func (c *Claim) validate(i int) []error {
	var errs []error
	name := func(f string) string { return "Claims[" + strconv.Itoa(i) + "]." + f }
	if !c.ID.IsValid() {
		errs = append(errs, fieldErr(name("ID"), "", "missing"))
	}
	if !c.Source.IsValid() {
		errs = append(errs, fieldErr(name("Source"), "", "missing"))
	}
	if c.Object == "" {
		errs = append(errs, fieldErr(name("Object"), "", "missing"))
	}
	count := func(f string, n int64) bool {
		switch {
		case n < 0:
			errs = append(errs, fieldErr(name(f), strconv.FormatInt(n, 10), "negative"))
		case n > source.MaxCount:
			errs = append(errs, fieldErr(name(f), strconv.FormatInt(n, 10), "above %d (source.MaxCount), the largest count the estimation holds", source.MaxCount))
		default:
			return true
		}
		return false
	}
	okV := count("Value", c.Value)
	if c.Lo == 0 && c.Hi == 0 {
		return errs
	}
	okL := count("Lo", c.Lo)
	okH := c.Hi == Unbounded || count("Hi", c.Hi)
	if okV && okL && c.Value < c.Lo {
		errs = append(errs, fieldErr(name("Value"), strconv.FormatInt(c.Value, 10), "below Lo %d", c.Lo))
	}
	if okV && okH && c.Hi != Unbounded && c.Value > c.Hi {
		errs = append(errs, fieldErr(name("Value"), strconv.FormatInt(c.Value, 10), "above Hi %d", c.Hi))
	}
	return errs
}

// EstimateClaims learns from generic claims how far to trust each source,
// as [Estimate] does from an evidence set, and the figure it believes for
// each object. It reads nothing into the object keys and sources but
// their identity.
//
// Each source has at most one claim per object. Of several claims of one
// source on one object, the one stated last stands; among those stated at
// the same moment, the one that admits fewest counts (the narrowest
// interval, an unbounded one being the widest), then the lowest Value,
// then the lowest Lo. Claims alike in all of these are one statement: the
// estimation counts it once and lists all their IDs. The choice never
// depends on the claims' IDs or their order.
//
// The result's Sources are the sources of the claims, in order of ID; its
// Objects, in order of key, carry their [Object.Key] (Measure and Scope
// are zero). It fails, with every bad field joined by [errors.Join] (each
// a [*FieldError] wrapping [ErrInvalid]), if opt is invalid, a claim lacks
// an ID, source or object, a figure is negative or above
// [source.MaxCount], Value lies outside [Lo, Hi], two claims share an ID,
// or one source's claims name two groups.
func EstimateClaims(claims []Claim, opt Options) (Result, error) {
	var errs []error
	if err := opt.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(claims) > math.MaxInt32 {
		errs = append(errs, fieldErr("Claims", strconv.Itoa(len(claims))+" claims", "more than %d", math.MaxInt32))
		return Result{}, errors.Join(errs...)
	}
	for i := range claims {
		errs = append(errs, claims[i].validate(i)...)
	}
	// Duplicate IDs and groups, found in sorted order so that the errors
	// do not depend on the claims' order beyond naming their positions.
	order := make([]int, len(claims))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return claims[a].ID.Compare(claims[b].ID) })
	for k := 1; k < len(order); k++ {
		a, b := &claims[order[k-1]], &claims[order[k]]
		if a.ID.IsValid() && a.ID == b.ID {
			errs = append(errs, fieldErr(fmt.Sprintf("Claims[%d].ID", order[k]), a.ID.String(), "repeats Claims[%d].ID", order[k-1]))
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return claims[a].Source.Compare(claims[b].Source) })
	for k := 1; k < len(order); k++ {
		a, b := &claims[order[k-1]], &claims[order[k]]
		if a.Source == b.Source && a.Group != b.Group {
			errs = append(errs, fieldErr(fmt.Sprintf("Claims[%d].Group", order[k]), b.Group.String(),
				"source %s is in group %s in Claims[%d]", errfmt.Quote(a.Source.String()), errfmt.Quote(a.Group.String()), order[k-1]))
		}
	}
	if len(errs) > 0 {
		return Result{}, errors.Join(errs...)
	}
	m := newModel(opt)
	var srcs []sourceDecl
	for k, i := range order { // by source
		if k == 0 || claims[i].Source != claims[order[k-1]].Source {
			srcs = append(srcs, sourceDecl{id: claims[i].Source, group: claims[i].Group})
		}
	}
	in := make([]input, len(claims))
	for i := range claims {
		c := &claims[i]
		lo, hi := c.interval()
		v := int(c.Value)
		in[i] = input{key: objectKey{k: c.Object}, id: c.ID, src: c.Source, lo: lo, hi: hi, stated: [2]int{v, v}, at: c.Stated}
	}
	m.load(srcs, in)
	m.run()
	return m.result(), nil
}

// sourceDecl is a source as the model reads it: its ID and declared group
// (zero for none).
type sourceDecl struct {
	id    source.SourceID
	group source.Group
}

// input is one claim as both entry points hand it to the model.
type input struct {
	key    objectKey
	id     source.ClaimID
	src    source.SourceID
	lo, hi int    // the counts it admits; hi is unbounded if none
	stated [2]int // its stated figures, within [lo, hi]
	at     time.Time
}

// keepFirst orders the claims of one source on one object so that the one
// that stands comes first: the latest stated, then the narrowest interval,
// then the lowest stated figures, then the lowest lo. Claims equal in all
// of these compare as 0: they are one statement.
func keepFirst(a, b *claimRec) int {
	if c := b.at.Compare(a.at); c != 0 {
		return c
	}
	if c := cmp.Compare(a.hi-a.lo, b.hi-b.lo); c != 0 {
		return c
	}
	if c := cmp.Compare(a.stated[0], b.stated[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(a.stated[1], b.stated[1]); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}
