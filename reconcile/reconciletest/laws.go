package reconciletest

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"
)

// Laws states the laws a merge must obey, for the law suite to check. Merge
// is a join: commutative, associative and idempotent, with Zero as its
// identity, so that a value assembled from pieces does not depend on the
// order, grouping or repetition in which the pieces arrive.
//
// Each law is a method of type func(*rapid.T), so that it can run from
// [rapid.Check] (see [Laws.Check]) or from a fuzz target through
// [rapid.MakeFuzz]; [Laws.Properties] lists them by name. The laws draw
// their operands as merges of sub-collections of one draw of Pieces, so
// that the operands overlap.
type Laws[T any] struct {
	// Pieces generates mutually compatible pieces: merging any of them, in
	// any order and with any repeats, never fails. A failure of Merge on
	// pieces is reported as a broken law.
	Pieces *rapid.Generator[[]T]
	// Merge is the operation under test.
	Merge func(a, b T) (T, error)
	// Equal reports whether two values are the same.
	Equal func(a, b T) bool
	// Zero is the identity of Merge.
	Zero T
	// Describe, if set, renders a value in failure messages; otherwise
	// values are printed with %v.
	Describe func(T) string
}

// lawNames lists the laws in the order [Laws.Check] runs them.
var lawNames = []string{
	"Commutative", "Associative", "Idempotent", "Identity",
	"PermutationInvariant", "GroupingInvariant", "DuplicateInvariant",
}

// Properties returns every law by name: "Commutative", "Associative",
// "Idempotent", "Identity", "PermutationInvariant", "GroupingInvariant" and
// "DuplicateInvariant", each the method of that name.
func (l Laws[T]) Properties() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"Commutative":          l.Commutative,
		"Associative":          l.Associative,
		"Idempotent":           l.Idempotent,
		"Identity":             l.Identity,
		"PermutationInvariant": l.PermutationInvariant,
		"GroupingInvariant":    l.GroupingInvariant,
		"DuplicateInvariant":   l.DuplicateInvariant,
	}
}

// Check runs every law of [Laws.Properties] as a subtest of t named after
// it, each with [rapid.Check], so that a failure shrinks to a small
// counterexample.
func (l Laws[T]) Check(t *testing.T) {
	t.Helper()
	props := l.Properties()
	for _, name := range lawNames {
		t.Run(name, rapid.MakeCheck(props[name]))
	}
}

// Fold merges pieces from left to right, starting from l.Zero, and returns
// the first error of l.Merge.
func Fold[T any](l Laws[T], pieces []T) (T, error) {
	acc := l.Zero
	for i, p := range pieces {
		var err error
		if acc, err = l.Merge(acc, p); err != nil {
			var zero T
			return zero, fmt.Errorf("merging piece %d: %w", i, err)
		}
	}
	return acc, nil
}

// Commutative checks Merge(a, b) = Merge(b, a).
func (l Laws[T]) Commutative(t *rapid.T) { fatal(t, l.commutative(t)) }

// Associative checks Merge(Merge(a, b), c) = Merge(a, Merge(b, c)).
func (l Laws[T]) Associative(t *rapid.T) { fatal(t, l.associative(t)) }

// Idempotent checks Merge(a, a) = a, and Merge(Merge(a, b), b) =
// Merge(a, b): merging what is already there changes nothing.
func (l Laws[T]) Idempotent(t *rapid.T) { fatal(t, l.idempotent(t)) }

// Identity checks Merge(Zero, a) = a = Merge(a, Zero).
func (l Laws[T]) Identity(t *rapid.T) { fatal(t, l.identity(t)) }

// PermutationInvariant checks that folding a permutation of the pieces
// ([rapid.Permutation]) gives what folding them in their original order
// gives.
func (l Laws[T]) PermutationInvariant(t *rapid.T) { fatal(t, l.permutationInvariant(t)) }

// GroupingInvariant checks that splitting the pieces, in some order, into
// consecutive groups, folding each group and folding the results (work
// split across machines and merged back) gives what folding the pieces in
// their original order gives.
func (l Laws[T]) GroupingInvariant(t *rapid.T) { fatal(t, l.groupingInvariant(t)) }

// DuplicateInvariant checks that the pieces, each repeated one or more
// times and shuffled (duplicated deliveries), fold to what the pieces
// fold to.
func (l Laws[T]) DuplicateInvariant(t *rapid.T) { fatal(t, l.duplicateInvariant(t)) }

func fatal(t *rapid.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (l Laws[T]) show(v T) string {
	if l.Describe != nil {
		return l.Describe(v)
	}
	return fmt.Sprintf("%v", v)
}

// merge is Merge with the operands named in its error.
func (l Laws[T]) merge(a, b T, what string) (T, error) {
	v, err := l.Merge(a, b)
	if err != nil {
		return v, fmt.Errorf("%s failed on compatible pieces: %w", what, err)
	}
	return v, nil
}

// differ reports a broken law: two ways of computing a value that disagree.
func (l Laws[T]) differ(law, left, right string, x, y T) error {
	if l.Equal(x, y) {
		return nil
	}
	return fmt.Errorf("%s broken: %s = %s, but %s = %s", law, left, l.show(x), right, l.show(y))
}

// drawPart draws the merge of a sub-collection of pieces, possibly empty
// (then Zero), possibly all of them.
func (l Laws[T]) drawPart(t *rapid.T, pieces []T, label string) (T, error) {
	var pick []T
	for i, p := range pieces {
		if rapid.Bool().Draw(t, fmt.Sprintf("%s takes piece %d", label, i)) {
			pick = append(pick, p)
		}
	}
	v, err := Fold(l, pick)
	if err != nil {
		return v, fmt.Errorf("folding compatible pieces into %s: %w", label, err)
	}
	return v, nil
}

func (l Laws[T]) drawParts(t *rapid.T, labels ...string) ([]T, error) {
	pieces := l.Pieces.Draw(t, "pieces")
	out := make([]T, len(labels))
	for i, label := range labels {
		var err error
		if out[i], err = l.drawPart(t, pieces, label); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (l Laws[T]) commutative(t *rapid.T) error {
	p, err := l.drawParts(t, "a", "b")
	if err != nil {
		return err
	}
	ab, err := l.merge(p[0], p[1], "Merge(a, b)")
	if err != nil {
		return err
	}
	ba, err := l.merge(p[1], p[0], "Merge(b, a)")
	if err != nil {
		return err
	}
	return l.differ("commutativity", "Merge(a, b)", "Merge(b, a)", ab, ba)
}

func (l Laws[T]) associative(t *rapid.T) error {
	p, err := l.drawParts(t, "a", "b", "c")
	if err != nil {
		return err
	}
	a, b, c := p[0], p[1], p[2]
	ab, err := l.merge(a, b, "Merge(a, b)")
	if err != nil {
		return err
	}
	left, err := l.merge(ab, c, "Merge(Merge(a, b), c)")
	if err != nil {
		return err
	}
	bc, err := l.merge(b, c, "Merge(b, c)")
	if err != nil {
		return err
	}
	right, err := l.merge(a, bc, "Merge(a, Merge(b, c))")
	if err != nil {
		return err
	}
	return l.differ("associativity", "Merge(Merge(a, b), c)", "Merge(a, Merge(b, c))", left, right)
}

func (l Laws[T]) idempotent(t *rapid.T) error {
	p, err := l.drawParts(t, "a", "b")
	if err != nil {
		return err
	}
	a, b := p[0], p[1]
	aa, err := l.merge(a, a, "Merge(a, a)")
	if err != nil {
		return err
	}
	if err := l.differ("idempotence", "Merge(a, a)", "a", aa, a); err != nil {
		return err
	}
	ab, err := l.merge(a, b, "Merge(a, b)")
	if err != nil {
		return err
	}
	abb, err := l.merge(ab, b, "Merge(Merge(a, b), b)")
	if err != nil {
		return err
	}
	return l.differ("idempotence", "Merge(Merge(a, b), b)", "Merge(a, b)", abb, ab)
}

func (l Laws[T]) identity(t *rapid.T) error {
	p, err := l.drawParts(t, "a")
	if err != nil {
		return err
	}
	a := p[0]
	za, err := l.merge(l.Zero, a, "Merge(Zero, a)")
	if err != nil {
		return err
	}
	if err := l.differ("identity", "Merge(Zero, a)", "a", za, a); err != nil {
		return err
	}
	az, err := l.merge(a, l.Zero, "Merge(a, Zero)")
	if err != nil {
		return err
	}
	if err := l.differ("identity", "Merge(a, Zero)", "a", az, a); err != nil {
		return err
	}
	zz, err := l.merge(l.Zero, l.Zero, "Merge(Zero, Zero)")
	if err != nil {
		return err
	}
	return l.differ("identity", "Merge(Zero, Zero)", "Zero", zz, l.Zero)
}

func (l Laws[T]) permutationInvariant(t *rapid.T) error {
	pieces := l.Pieces.Draw(t, "pieces")
	want, err := Fold(l, pieces)
	if err != nil {
		return fmt.Errorf("folding compatible pieces: %w", err)
	}
	perm := rapid.Permutation(pieces).Draw(t, "permutation")
	got, err := Fold(l, perm)
	if err != nil {
		return fmt.Errorf("folding a permutation of compatible pieces: %w", err)
	}
	return l.differ("permutation invariance", "the fold of a permutation", "the fold in order", got, want)
}

func (l Laws[T]) groupingInvariant(t *rapid.T) error {
	pieces := l.Pieces.Draw(t, "pieces")
	want, err := Fold(l, pieces)
	if err != nil {
		return fmt.Errorf("folding compatible pieces: %w", err)
	}
	perm := rapid.Permutation(pieces).Draw(t, "permutation")
	var groups []T
	for start := 0; start < len(perm); {
		end := rapid.IntRange(start+1, len(perm)).Draw(t, "group end")
		g, err := Fold(l, perm[start:end])
		if err != nil {
			return fmt.Errorf("folding a group of compatible pieces: %w", err)
		}
		groups = append(groups, g)
		start = end
	}
	if rapid.Bool().Draw(t, "fold groups in reverse") {
		for i, j := 0, len(groups)-1; i < j; i, j = i+1, j-1 {
			groups[i], groups[j] = groups[j], groups[i]
		}
	}
	got, err := Fold(l, groups)
	if err != nil {
		return fmt.Errorf("folding the groups' folds: %w", err)
	}
	return l.differ("grouping invariance", "the fold of the groups' folds", "the fold in order", got, want)
}

func (l Laws[T]) duplicateInvariant(t *rapid.T) error {
	pieces := l.Pieces.Draw(t, "pieces")
	want, err := Fold(l, pieces)
	if err != nil {
		return fmt.Errorf("folding compatible pieces: %w", err)
	}
	var dup []T
	for i, p := range pieces {
		for range rapid.IntRange(1, 3).Draw(t, fmt.Sprintf("copies of piece %d", i)) {
			dup = append(dup, p)
		}
	}
	dup = rapid.Permutation(dup).Draw(t, "shuffled copies")
	got, err := Fold(l, dup)
	if err != nil {
		return fmt.Errorf("folding repeated compatible pieces: %w", err)
	}
	return l.differ("duplicate invariance", "the fold of the repeated, shuffled pieces", "the fold of the pieces", got, want)
}
