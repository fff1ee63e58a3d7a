package reconcile

import "github.com/freedcount/freedcount/source"

// Voices counts the sources behind the claims of e, so that a printed
// count does not take relays for voices: stated is the number of distinct
// sources that stated at least one claim ([source.Claim.Source], who made
// the statement), and relayed the number of distinct other sources that
// only carried statements ([source.Claim.Via]) and stated none. A source
// that both states a claim and relays one counts once, in stated: a relay
// adds provenance, never another voice. A source of e that no claim names
// is in neither count, so stated+relayed ≤ [Evidence.NumSources]. Every
// claim counts, superseded or not, as in [Evidence.NumClaims].
//
// Voices takes time linear in the claims and their relays.
func (e Evidence) Voices() (stated, relayed int) {
	// seen[id] is true for a source that stated a claim, false for one
	// that has so far only relayed.
	seen := make(map[source.SourceID]bool, len(e.sources))
	for _, c := range e.claims {
		if !seen[c.Source] {
			stated++
			if _, ok := seen[c.Source]; ok {
				relayed--
			}
			seen[c.Source] = true
		}
		for _, o := range c.Via {
			if _, ok := seen[o]; !ok {
				seen[o] = false
				relayed++
			}
		}
	}
	return stated, relayed
}
