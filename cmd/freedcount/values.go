package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/freedcount/freedcount/internal/suggest"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// enumValue is an enum of the library: named values from 1 up, each
// knowing whether it is valid.
type enumValue interface {
	~uint8
	IsValid() bool
	String() string
}

// names returns every named value of enum T, in order: the list comes
// from the enum's own table, so it cannot go stale.
func names[T enumValue]() []string {
	var out []string
	for v := T(1); v.IsValid(); v++ {
		out = append(out, v.String())
	}
	return out
}

// relativeKinds returns the quantity kinds that a relative claim may use:
// those that package source accepts for one.
func relativeKinds() []string {
	var out []string
	for k := source.QuantityKind(1); k.IsValid(); k++ {
		r := source.Relative{To: source.MustClaimID("x"), Ratio: decimal.NewFromInt(1), Kind: k}
		if _, err := r.Apply(10); err == nil {
			out = append(out, k.String())
		}
	}
	return out
}

// categoryPopulations returns the populations of the categories of
// package release: "detainees", "detainees/political", ...
func categoryPopulations() []string {
	out := []string{release.Category(0).Population().String()}
	for c := release.Category(1); c.IsValid(); c++ {
		out = append(out, c.Population().String())
	}
	return out
}

// allowedValues returns the values a column of sources, claims or
// verifications may hold, or nil for a column of free text or paths.
func allowedValues(column string) []string {
	switch column {
	case "kind":
		return names[source.Kind]()
	case "method":
		return names[source.Method]()
	case "measure":
		return names[source.Measure]()
	case "status":
		return names[source.Status]()
	case "basis":
		return names[source.Basis]()
	case "relative_kind":
		return relativeKinds()
	case "best":
		return names[reconcile.BestRule]()
	}
	return nil
}

// allowedText lists the allowed values of every column that has them, and
// the populations and regions of the vocabulary, one line each.
func allowedText(v release.Vocabulary, indent string) string {
	var b strings.Builder
	for _, col := range []string{"kind", "method", "measure", "status", "basis", "relative_kind"} {
		fmt.Fprintf(&b, "%s%-14s %s\n", indent, col, strings.Join(allowedValues(col), ", "))
	}
	fmt.Fprintf(&b, "%s%-14s %s\n", indent, "population", strings.Join(populationPaths(v), ", "))
	if rs := v.Regions(); len(rs) > 0 {
		var regs []string
		for _, r := range rs {
			regs = append(regs, r.String())
		}
		fmt.Fprintf(&b, "%s%-14s %s\n", indent, "region", strings.Join(regs, ", "))
	} else {
		fmt.Fprintf(&b, "%s%-14s %s\n", indent, "region", "a country code, then sub-regions: VE, VE/Zulia")
	}
	fmt.Fprintf(&b, "%s%-14s %s\n", indent, "quantity", "104, at least 104, more than 100, about 300, between 800 and 900, más de 100, decenas; kinds: "+strings.Join(names[source.QuantityKind](), ", "))
	fmt.Fprintf(&b, "%s%-14s %s\n", indent, "stated", "2026-01-25 (a day: no time is invented), 2026-01-25 20:00 (in -tz), 2026-01-25T20:00:00-04:00")
	fmt.Fprintf(&b, "%s%-14s %s\n", indent, "period", "2026-01-25, 2025-12-01/2026-01-25, 2025-12-01/.. or since 2025-12-01")
	fmt.Fprintf(&b, "%s%-14s %s\n", indent, "best (policy)", strings.Join(names[reconcile.BestRule](), ", "))
	return b.String()
}

// didYouMean returns `; did you mean "X"?` for the allowed value nearest
// to v (case, accents, spaces and hyphens aside), when it is near enough
// to be a typo, else "".
func didYouMean(v string, allowed []string) string {
	if best, ok := suggest.Nearest(v, allowed, fold); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// fold lowers s, strips accents and writes spaces and hyphens as "_".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSpace(s))) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// populationPaths returns every population a vocabulary accepts by name:
// its declared paths and their ancestors, sorted; the populations of the
// categories of package release when it declares none.
func populationPaths(v release.Vocabulary) []string {
	ps := v.Populations()
	if len(ps) == 0 {
		return categoryPopulations()
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		for q, ok := p, true; ok; q, ok = q.Parent() {
			if !seen[q.String()] {
				seen[q.String()] = true
				out = append(out, q.String())
			}
		}
	}
	slices.Sort(out)
	return out
}
