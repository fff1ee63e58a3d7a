package source_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/source"
)

// Foro Penal's figures of 25 January 2026 as AFP relayed them in English.
func ExampleParseQuantity_pressReport() {
	for _, phrase := range []string{"80", "at least 104", "more than 100", "about 313", "between 800 and 900", "dozens of"} {
		q, err := source.ParseQuantity(phrase)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-20q %-10v %v\n", phrase, q.Kind(), q.Bounds())
	}
	// Output:
	// "80"                 exactly    [80, 80]
	// "at least 104"       at_least   [104, ∞)
	// "more than 100"      more_than  [101, ∞)
	// "about 313"          about      [282, 344]
	// "between 800 and 900" between    [800, 900]
	// "dozens of"          dozens     [12, 99]
}

// The same kinds of figure as the Venezuelan press writes them, with or
// without accents, and with "." grouping thousands.
func ExampleParseQuantity_spanish() {
	for _, phrase := range []string{"al menos 104", "más de 1.000", "mas de 400", "casi 400", "entre 800 y 900", "cientos de"} {
		q, err := source.ParseQuantity(phrase)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-17q → %v\n", phrase, q)
	}
	// Output:
	// "al menos 104"    → at least 104
	// "más de 1.000"    → more than 1000
	// "mas de 400"      → more than 400
	// "casi 400"        → nearly 400
	// "entre 800 y 900" → between 800 and 900
	// "cientos de"      → hundreds
}

// A figure that could be a decimal fraction is refused, not guessed at.
func ExampleParseQuantity_ambiguous() {
	_, err := source.ParseQuantity("1,5")
	fmt.Println(err)
	fmt.Println(errors.Is(err, source.ErrInvalid))
	// Output:
	// source: Quantity "1,5": invalid: ambiguous thousands separator in "1,5"
	// true
}

// What each kind of statement admits at the default tolerance, and the
// figure a reader would quote.
func ExampleQuantity_Bounds() {
	for _, phrase := range []string{"104", "at least 104", "fewer than 10", "about 300", "nearly 400", "hundreds"} {
		q := source.MustQuantity(phrase)
		lo, _ := q.Stated()
		fmt.Printf("%-14s stated %4d, bounds %v\n", q, lo, q.Bounds())
	}
	// Output:
	// 104            stated  104, bounds [104, 104]
	// at least 104   stated  104, bounds [104, ∞)
	// fewer than 10  stated   10, bounds [0, 9]
	// about 300      stated  300, bounds [270, 330]
	// nearly 400     stated  400, bounds [360, 400]
	// hundreds       stated  100, bounds [100, 999]
}

// Foro Penal recorded "about half as many" releases as the government's
// 626: about 313. A policy may read "about" more or less widely.
func ExampleQuantity_BoundsTolerance() {
	q := source.MustQuantity("about 313")
	for _, tol := range []string{"0", "0.05", "0.1", "0.5"} {
		b, err := q.BoundsTolerance(decimal.RequireFromString(tol))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("tolerance %-4s %v\n", tol, b)
	}
	_, err := q.BoundsTolerance(decimal.RequireFromString("1.5"))
	fmt.Println(err)
	// Output:
	// tolerance 0    [313, 313]
	// tolerance 0.05 [298, 328]
	// tolerance 0.1  [282, 344]
	// tolerance 0.5  [157, 469]
	// source: Tolerance "1.5": invalid: tolerance outside [0, 1]
}

// A range must be written low end first.
func ExampleNewBetween() {
	q, err := source.NewBetween(800, 900)
	fmt.Println(q, q.Bounds(), err)

	_, err = source.NewBetween(900, 800)
	fmt.Println(err)
	// Output:
	// between 800 and 900 [800, 900] <nil>
	// source: Between "between 900 and 800": invalid: low end 900 above high end 800
}

// The NGO's "at least 131" and the government's "exactly 225" are
// consistent: their bounds meet at 225. "Fewer than 100" contradicts both.
func ExampleInterval_Intersect() {
	ngo := source.MustQuantity("at least 131").Bounds()
	government := source.MustQuantity("225").Bounds()
	both, ok := ngo.Intersect(government)
	fmt.Println(both, ok)

	_, ok = ngo.Intersect(source.MustQuantity("fewer than 100").Bounds())
	fmt.Println(ok)

	var nothingKnown source.Interval
	same, _ := nothingKnown.Intersect(ngo)
	fmt.Println(nothingKnown, same)
	// Output:
	// [225, 225] true
	// false
	// [0, ∞) [131, ∞)
}

// Figures in words, as the Spanish and English press write them: a
// collective noun alone ("un centenar") is approximate, a bound keeps its
// meaning ("más de un centenar"), and "some" without a number states no
// figure at all.
func ExampleParseQuantity_numberWords() {
	for _, phrase := range []string{
		"cinco", "veintidós", "ciento veinte", "two hundred and five", "at least three",
		"un centenar", "más de un centenar", "medio centenar", "half a dozen", "nearly a thousand",
		"poco más de 800", "several dozen", "a handful", "algunos",
	} {
		q, err := source.ParseQuantity(phrase)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-22q %-20v %-11v figure %v\n", phrase, q, q.Bounds(), q.HasFigure())
	}
	// Output:
	// "cinco"                5                    [5, 5]      figure true
	// "veintidós"            22                   [22, 22]    figure true
	// "ciento veinte"        120                  [120, 120]  figure true
	// "two hundred and five" 205                  [205, 205]  figure true
	// "at least three"       at least 3           [3, ∞)      figure true
	// "un centenar"          about 100            [90, 110]   figure true
	// "más de un centenar"   more than 100        [101, ∞)    figure true
	// "medio centenar"       about 50             [45, 55]    figure true
	// "half a dozen"         about 6              [6, 6]      figure true
	// "nearly a thousand"    nearly 1000          [900, 1000] figure true
	// "poco más de 800"      more than 800        [801, ∞)    figure true
	// "several dozen"        several dozen        [20, 99]    figure true
	// "a handful"            a handful            [2, 9]      figure true
	// "algunos"              some                 [1, ∞)      figure false
}

// "Some were freed" says that at least one was, and no more: it has bounds
// but no figure to quote.
func ExampleQuantity_HasFigure() {
	for _, phrase := range []string{"some", "some 300", "dozens"} {
		q := source.MustQuantity(phrase)
		fmt.Printf("%-9q %-9v has figure: %-5v bounds %v\n", phrase, q, q.HasFigure(), q.Bounds())
	}
	// Output:
	// "some"    some      has figure: false bounds [1, ∞)
	// "some 300" about 300 has figure: true  bounds [270, 330]
	// "dozens"  dozens    has figure: true  bounds [12, 99]
}
