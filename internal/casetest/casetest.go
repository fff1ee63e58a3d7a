// Package casetest gives tests the case variants of a text that a parser
// folding case must read as the text itself.
package casetest

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Variants returns s upper- and lower-cased, as written and decomposed
// (NFD), keeping only the variants that fold as the text they come from
// (strings.ToUpper maps ı to I and ſ to S, which are other letters under
// Unicode's folding).
//
// Case is mapped on the canonical decomposition, as Unicode's canonical
// caseless match does (The Unicode Standard, 3.13, D145). On text as
// written it is right only without U+0345: strings.ToUpper maps U+0345 (a
// combining mark, which follows U+0301 in canonical order) to U+0399 (a
// letter, which does not), so "\u0345\u0301" upper-cased as written is not
// canonically equivalent to its upper case. s as written is upper-cased
// only where its decomposition holds no U+0345.
func Variants(s string) []string {
	d := norm.NFD.String(s)
	pairs := [][2]string{{strings.ToUpper(d), d}, {strings.ToLower(d), d}, {strings.ToLower(s), s}}
	if !strings.ContainsRune(d, '\u0345') {
		pairs = append(pairs, [2]string{strings.ToUpper(s), s}) // precomposed letters too
	}
	out := make([]string, 0, len(pairs))
	for _, p := range pairs {
		if strings.EqualFold(p[0], p[1]) {
			out = append(out, p[0])
		}
	}
	return out
}
