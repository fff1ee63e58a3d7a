package reconciletest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/source"
)

// The generators are valid by construction (they panic otherwise, which
// fails these properties): these tests check it, and that they draw what
// the properties of package reconcile need, so that those properties are
// not vacuous.

func TestEvidenceIsValidAndVaried(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := Evidence().Draw(t, "e")
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("generated evidence does not encode: %v", err)
		}
		var back reconcile.Evidence
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("generated evidence does not decode: %v", err)
		}
		for c := range e.Claims() {
			if err := c.Validate(); err != nil {
				t.Fatalf("invalid claim %v: %v", c, err)
			}
		}
	})
	// The variety, counted over a fixed set of seeds so that the count does
	// not depend on how many checks rapid runs (-short runs fewer).
	var relays, superseding, retractions, relatives, named, verified, grouped, open int
	for seed := range 200 {
		e := Evidence().Example(seed)
		for c := range e.Claims() {
			switch {
			case c.IsRelay():
				relays++
			case c.Status == source.Retracted:
				retractions++
			case c.Supersedes.IsValid():
				superseding++
			case !c.Relative.IsZero():
				relatives++
			case len(c.Named) > 0:
				named++
			}
			if !c.Scope.Period().Last().IsValid() {
				open++
			}
		}
		for s := range e.Sources() {
			if s.Group.IsValid() {
				grouped++
			}
		}
		verified += e.NumVerifications()
	}
	for name, n := range map[string]int{
		"relays": relays, "superseding claims": superseding, "retractions": retractions,
		"relative claims": relatives, "named lists": named, "verifications": verified,
		"grouped sources": grouped, "open periods": open,
	} {
		if n == 0 {
			t.Errorf("Evidence drew no %s in 200 seeds", name)
		}
	}
}

func TestPiecesMergeToOneSet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		pieces := EvidencePieces().Draw(t, "pieces")
		if len(pieces) == 0 {
			t.Fatal("no pieces")
		}
		l := EvidenceLaws()
		all, err := Fold(l, pieces)
		if err != nil {
			t.Fatalf("pieces do not merge: %v", err)
		}
		for _, p := range pieces {
			if m, err := reconcile.Merge(all, p); err != nil || !m.Equal(all) {
				t.Fatalf("a piece is not within the merge of all: %v", err)
			}
		}
	})
}

func TestPolicyAndScopeAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := Policy().Draw(t, "p")
		if err := p.Validate(); err != nil {
			t.Fatalf("invalid policy: %v", err)
		}
		if s := Scope().Draw(t, "s"); !s.IsValid() {
			t.Fatalf("invalid scope %v", s)
		}
		e := Evidence().Draw(t, "e")
		if e.NumSources() > 0 {
			v := VerificationOf(e).Draw(t, "v")
			if _, err := e.AddVerifications(v); err != nil {
				t.Fatalf("evidence rejects its verification: %v", err)
			}
		}
	})
	// Every rule is drawn, counted over a fixed set of seeds so that the
	// count does not depend on how many checks rapid runs (-short runs
	// fewer).
	rules := map[reconcile.BestRule]bool{}
	for seed := range 200 {
		rules[Policy().Example(seed).Best] = true
	}
	if len(rules) != 5 {
		t.Errorf("Policy drew only the rules %v in 200 seeds", rules)
	}
}

// set is a toy merge state for checking the law suite itself: a sorted set
// of small integers.
type set []int

func union(a, b set) (set, error) {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out), nil
}

func setPieces() *rapid.Generator[[]set] {
	return rapid.SliceOfN(rapid.Custom(func(t *rapid.T) set {
		s := rapid.SliceOfN(rapid.IntRange(0, 9), 0, 4).Draw(t, "members")
		slices.Sort(s)
		return slices.Compact(s)
	}), 0, 5)
}

func setLaws(merge func(a, b set) (set, error)) Laws[set] {
	return Laws[set]{Pieces: setPieces(), Merge: merge, Equal: func(a, b set) bool { return slices.Equal(a, b) }}
}

func TestLawsHoldForUnion(t *testing.T) {
	setLaws(union).Check(t)
}

// TestLawsCatchBrokenMerges checks that each law fails for a merge that
// breaks it, so that the suite can fail.
func TestLawsCatchBrokenMerges(t *testing.T) {
	broken := map[string]func(a, b set) (set, error){
		// Keeps a's members and b's first: not commutative.
		"Commutative": func(a, b set) (set, error) {
			if len(b) == 0 {
				return a, nil
			}
			return union(a, b[:1])
		},
		// Adds the sizes as a member: not associative, nor idempotent.
		"Associative": func(a, b set) (set, error) {
			u, _ := union(a, b)
			if len(a) > 0 && len(b) > 0 {
				return union(u, set{10 + len(a)*len(b)})
			}
			return u, nil
		},
		// Keeps duplicates: not idempotent.
		"Idempotent": func(a, b set) (set, error) {
			out := slices.Concat(a, b)
			slices.Sort(out)
			return out, nil
		},
		// Adds 99 to everything: Zero is not an identity.
		"Identity": func(a, b set) (set, error) {
			u, _ := union(a, b)
			return union(u, set{99})
		},
		// Takes the later piece's members only: order matters.
		"PermutationInvariant": func(a, b set) (set, error) { return b, nil },
		"GroupingInvariant":    func(a, b set) (set, error) { return b, nil },
		// Keeps duplicates: repeats matter.
		"DuplicateInvariant": func(a, b set) (set, error) { return slices.Concat(a, b), nil },
	}
	for name, merge := range broken {
		l := setLaws(merge)
		law := map[string]func(*rapid.T) error{
			"Commutative": l.commutative, "Associative": l.associative, "Idempotent": l.idempotent,
			"Identity": l.identity, "PermutationInvariant": l.permutationInvariant,
			"GroupingInvariant": l.groupingInvariant, "DuplicateInvariant": l.duplicateInvariant,
		}[name]
		caught := false
		for seed := range 300 {
			err := rapid.Custom(func(t *rapid.T) error { return law(t) }).Example(seed)
			if err != nil {
				caught = true
				break
			}
		}
		if !caught {
			t.Errorf("the %s law accepts a merge that breaks it", name)
		}
		if _, ok := l.Properties()[name]; !ok {
			t.Errorf("Properties lacks %s", name)
		}
	}
	if n := len(setLaws(union).Properties()); n != len(lawNames) {
		t.Errorf("Properties has %d laws, Check runs %d", n, len(lawNames))
	}
}

func TestFoldReportsTheFailingPiece(t *testing.T) {
	l := setLaws(func(a, b set) (set, error) {
		if len(b) > 0 && b[0] == 7 {
			return nil, fmt.Errorf("seven")
		}
		return union(a, b)
	})
	if _, err := Fold(l, []set{{1}, {7}}); err == nil {
		t.Fatal("Fold hid an error of Merge")
	}
	got, err := Fold(l, []set{{3}, {1, 2}, {3}})
	if err != nil || !slices.Equal(got, set{1, 2, 3}) {
		t.Fatalf("Fold = %v, %v; want [1 2 3]", got, err)
	}
}
