package reconcile

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/source"
)

// drawClaimSides draws two sorted, repeat-free lists of claims from one
// set of IDs: a claim on both sides is one pointer, an equal copy, or (when
// conflicts are drawn) a copy from another source. Claims may supersede or
// refer to any ID, and are stated at different hours by one of two
// sources, so that links between them may be good or bad.
func drawClaimSides(t *rapid.T, conflicts bool) (ids []source.ClaimID, a, b []*source.Claim) {
	n := rapid.IntRange(0, 60).Draw(t, "ids")
	srcs := []source.SourceID{source.MustSourceID("s1"), source.MustSourceID("s2")}
	for i := range n + 2 {
		ids = append(ids, source.MustClaimID(fmt.Sprintf("c%03d", i)))
	}
	pick := func(label string) source.ClaimID { return ids[rapid.IntRange(0, n+1).Draw(t, label)] }
	for i := range n {
		c := &source.Claim{ID: ids[i], Source: srcs[rapid.IntRange(0, 1).Draw(t, "source")],
			Stated: time.Date(2026, 1, 25, rapid.IntRange(0, 3).Draw(t, "hour"), 0, 0, 0, time.UTC)}
		switch rapid.IntRange(0, 2).Draw(t, "reference") {
		case 1:
			c.Supersedes = pick("superseded")
		case 2:
			c.Relative.To = pick("referred")
		}
		switch rapid.IntRange(0, 4).Draw(t, "side") {
		case 0:
			a = append(a, c)
		case 1:
			b = append(b, c)
		case 2:
			a, b = append(a, c), append(b, c)
		case 3:
			d := *c
			a, b = append(a, c), append(b, &d)
		case 4:
			if conflicts {
				d := *c
				d.Source = srcs[1-slices.Index(srcs, c.Source)]
				a, b = append(a, c), append(b, &d)
			}
		}
	}
	return ids, a, b
}

// drawOpenRefs draws references of claims of from to IDs that name no
// claim of from, sorted by compareRef and each once: what an evidence set
// holding from leaves open.
func drawOpenRefs(t *rapid.T, label string, ids []source.ClaimID, from []*source.Claim) []ref {
	if len(from) == 0 {
		return nil
	}
	var out []ref
	for range rapid.IntRange(0, 3*len(from)).Draw(t, label) {
		to := ids[rapid.IntRange(0, len(ids)-1).Draw(t, label+" to")]
		if indexClaim(from, to) >= 0 {
			continue
		}
		c := from[rapid.IntRange(0, len(from)-1).Draw(t, label+" from")]
		out = append(out, ref{to: to, from: c, rel: rapid.Bool().Draw(t, label+" relative")})
	}
	slices.SortFunc(out, compareRef)
	return slices.CompactFunc(out, func(x, y ref) bool { return compareRef(x, y) == 0 })
}

// walked writes what walks found, in one order whatever the walks.
func walked(walks []refWalk) string {
	var open []ref
	var links, sup, rel []string
	for _, w := range walks {
		open, _ = mergeSorted(open, w.open, compareRef, noConflict)
		for _, l := range w.links {
			links = append(links, l.id.String()+": "+l.err.Error())
		}
		for _, c := range w.supFrom {
			sup = append(sup, c.ID.String())
		}
		for _, c := range w.relFrom {
			rel = append(rel, c.ID.String())
		}
	}
	var o []string
	for _, r := range open {
		o = append(o, fmt.Sprintf("%s→%s/%t", r.from.ID, r.to, r.rel))
	}
	for _, l := range [][]string{links, sup, rel} {
		slices.Sort(l)
	}
	return fmt.Sprintf("open %s\nlinks %s\nsupersession walks %s\nrelative walks %s",
		strings.Join(o, " "), strings.Join(links, "; "), strings.Join(sup, " "), strings.Join(rel, " "))
}

// TestMergeMeetsWhatAWalkFinds checks the property that lets a merge of
// claims find the claims that open references name as it passes them, and
// lets it run in parts: cut into any number of parts merged concurrently,
// meeting the references or galloping to them, the merge gives the claims
// (the same pointers, in the same order) and the first conflict of one
// merge from the start, and finds for each reference what a walk over the
// other side's claims alone finds.
func TestMergeMeetsWhatAWalkFinds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ids, a, b := drawClaimSides(t, rapid.Bool().Draw(t, "conflicts"))
		ra, rb := drawOpenRefs(t, "a's references", ids, a), drawOpenRefs(t, "b's references", ids, b)
		want := make([]*source.Claim, len(a)+len(b))
		var none refWalk
		n, wantErr := mergeMeeting(want, a, b, nil, nil, &none, &none)
		wantWalks := walked([]refWalk{walkRefs(ra, b), walkRefs(rb, a)})

		check := func(how string, got []*source.Claim, walks []refWalk, err error) {
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("%s: error %v, one merge: %v", how, err, wantErr)
			}
			if wantErr != nil {
				return
			}
			if len(got) != n {
				t.Fatalf("%s: %d claims, one merge: %d", how, len(got), n)
			}
			for i := range n {
				if got[i] != want[i] {
					t.Fatalf("%s: claim %d is %s, one merge: %s", how, i, got[i].ID, want[i].ID)
				}
			}
			if w := walked(walks); w != wantWalks {
				t.Fatalf("%s found\n%s\nwalks over the other side find\n%s", how, w, wantWalks)
			}
		}
		out := make([]*source.Claim, len(a)+len(b))
		var wa, wb refWalk
		k, err := mergeMeeting(out, a, b, ra, rb, &wa, &wb)
		check("meeting references", out[:k], []refWalk{wa, wb}, err)
		parts := rapid.IntRange(1, 7).Draw(t, "parts")
		got, walks, err := mergeClaimsSplit(a, b, ra, rb, parts)
		check(fmt.Sprintf("in %d parts", parts), got, walks, err)
		if err == nil && cap(got) != len(got) {
			t.Fatalf("in %d parts: capacity %d for %d claims", parts, cap(got), len(got))
		}
	})
}
