package reliabilitytest

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
)

// The generators are valid by construction (they panic otherwise, which
// fails these properties). These tests check that they draw what the
// properties of package reliability need, so that those are not vacuous.

func TestScenariosAreValidAndVaried(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sc := Scenarios().Draw(t, "scenario")
		if len(sc.Truth) == 0 {
			t.Fatalf("a scenario without objects")
		}
		for c := range sc.Evidence.Claims() {
			if err := c.Validate(); err != nil {
				t.Fatalf("invalid claim %v: %v", c, err)
			}
			if _, ok := sc.TrueValue(c.Scope); !ok {
				t.Fatalf("claim %s is about %s, which has no truth", c.ID, c.Scope)
			}
		}
	})
	// The variety, counted over a fixed set of seeds so that the count does
	// not depend on how many checks rapid runs (-short runs fewer).
	var bounds, ranges, abouts, once, copiers, grouped, wrong int
	for seed := range 200 {
		sc := Scenarios().Example(seed)
		for c := range sc.Evidence.Claims() {
			truth, _ := sc.TrueValue(c.Scope)
			switch c.Quantity.Kind() {
			case source.AtLeast:
				bounds++
			case source.Between:
				ranges++
			case source.About:
				abouts++
			}
			if !c.Quantity.Bounds().Contains(truth) {
				wrong++
			}
		}
		for _, p := range sc.Profiles {
			switch {
			case p.Once:
				once++
			case p.Repeats.IsValid():
				copiers++
			}
		}
		for s := range sc.Evidence.Sources() {
			if s.Group.IsValid() {
				grouped++
			}
		}
	}
	for name, n := range map[string]int{"bounds": bounds, "ranges": ranges, "approximations": abouts,
		"one-time sources": once, "copiers": copiers, "grouped sources": grouped, "wrong claims": wrong} {
		if n == 0 {
			t.Errorf("no %s drawn in 200 seeds", name)
		}
	}
}

func TestSyntheticIsDeterministic(t *testing.T) {
	cfg := Config{Objects: 50, Accuracies: []float64{0.9, 0.8, 0.3}, Coverage: 0.9, Copiers: []int{2, 2}, Once: 3, OnceAccuracy: 0.7}
	a, b := Synthetic(cfg, 7), Synthetic(cfg, 7)
	if !a.Evidence.Equal(b.Evidence) {
		t.Fatal("the same seed gave different evidence")
	}
	if c := Synthetic(cfg, 8); c.Evidence.Equal(a.Evidence) {
		t.Fatal("different seeds gave the same evidence")
	}
	if got := a.Evidence.NumSources(); got != 3+2+3 {
		t.Fatalf("%d sources, want 8", got)
	}
}

func TestRenameKeepsClaimsWithTheirSources(t *testing.T) {
	sc := Synthetic(Config{Objects: 5, Accuracies: []float64{0.9, 0.5}, Coverage: 1}, 1)
	e, err := Rename(sc.Evidence, func(id source.SourceID) source.SourceID { return source.MustSourceID("x-" + id.String()) })
	if err != nil {
		t.Fatal(err)
	}
	for c := range e.Claims() {
		if c.Source.String()[:2] != "x-" {
			t.Fatalf("claim %s kept its old source %s", c.ID, c.Source)
		}
	}
	if e.NumClaims() != sc.Evidence.NumClaims() {
		t.Fatalf("renaming lost claims")
	}
}

func TestNamedConfigsBuildWhatTheySay(t *testing.T) {
	for name, c := range map[string]struct {
		cfg              Config
		sources, copiers int
	}{
		"Mixed":      {Mixed(), 12 + 2 + 100, 2},
		"LiarClique": {LiarClique(), 5 + 2, 2},
		"Sparse":     {Sparse(), 5 + 300, 0},
		"CopyRing":   {CopyRing(), 5 + 4 + 30, 4},
	} {
		sc := Synthetic(c.cfg, 1)
		copiers := 0
		for _, p := range sc.Profiles {
			if p.Repeats.IsValid() {
				copiers++
			}
		}
		if got := sc.Evidence.NumSources(); got != c.sources || copiers != c.copiers {
			t.Errorf("%s: %d sources, %d copiers; want %d, %d", name, got, copiers, c.sources, c.copiers)
		}
		if len(sc.Truth) == 0 || len(sc.Truth) > c.cfg.Objects {
			t.Errorf("%s: %d objects with truth of %d", name, len(sc.Truth), c.cfg.Objects)
		}
	}
}
