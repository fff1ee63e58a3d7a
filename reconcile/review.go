package reconcile

import (
	"cmp"
	"slices"

	"github.com/freedcount/freedcount/source"
)

// Review is the short list of discrepancies a reader needs (DESIGN step 7):
// the true conflicts first, then the differences that move a headline
// figure, ranked by how much they move it; every other difference that its
// cause fully explains is counted by cause, not listed.
type Review struct {
	// Material lists, ranked, the pairs a reader must see: true conflicts
	// (disjoint figures for one scope, a part larger than its whole), a
	// source's revision of a part above its own later whole, and
	// differences between overlapping headline figures that no wording
	// reconciles. Conflicts come first, then larger Gap, then claim IDs.
	Material []Discrepancy
	// Explained counts the other pairs compared, by cause, in the order of
	// [Cause]; causes with no pair are left out.
	Explained []CauseCount
}

// CauseCount is how many pairs one cause explains.
type CauseCount struct {
	Cause Cause
	Pairs int
}

// Review compares each credible claim with what a reader would hold it
// against — the consensus of its own scope (the claim the Best figure comes
// from, or for a disputed claim, the claim it contradicts), the statement
// that superseded it, the claim that caps its scope from a containing one,
// and, for headline scopes (those no other scope caps), the next
// overlapping headline scope of its population and region — and sorts the
// pairs into the material and the explained. Each claim meets a bounded
// number of others, so the review grows as the figures do, never as the
// square of the claims; [Index.Discrepancies] gives every pair for one
// scope.
func (ix *Index) Review() Review {
	var all []Discrepancy
	explained := map[Cause]int{}
	material := func(d Discrepancy) { all = append(all, d) }
	explain := func(d Discrepancy) { explained[d.Cause]++ }
	var headline []int32
	for ci := range ix.cells {
		c := &ix.cells[ci]
		if len(c.claims) == 0 || !c.key.s.IsValid() {
			continue
		}
		f := ix.figure(c, nil)
		ix.reviewCell(c, f, material, explain)
		if len(c.direct) > 0 && len(f.CapFrom) == 0 {
			headline = append(headline, int32(ci))
		}
	}
	ix.reviewHeadlines(headline, material, explain)
	slices.SortFunc(all, func(d, e Discrepancy) int {
		if d.Conflict != e.Conflict {
			if d.Conflict {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(e.Gap, d.Gap); c != 0 {
			return c
		}
		if c := d.A.Claim.Compare(e.A.Claim); c != 0 {
			return c
		}
		return d.B.Claim.Compare(e.B.Claim)
	})
	out := Review{Material: all}
	for c := Supersession; c <= TrueConflict; c++ {
		if n := explained[c]; n > 0 {
			out.Explained = append(out.Explained, CauseCount{c, n})
		}
	}
	return out
}

// reviewCell compares the claims of one cell with its consensus, with
// what superseded them and with the claim that caps the cell.
func (ix *Index) reviewCell(c *cell, f Figure, material, explain func(Discrepancy)) {
	differ := func(a, b int32) bool {
		ra, rb := &ix.recs[a], &ix.recs[b]
		return a != b && (ra.q != rb.q || ra.iv != rb.iv)
	}
	index := func(id source.ClaimID) int32 { return int32(indexClaim(ix.ev.claims, id)) }
	// Against the consensus: a disputed claim against what it
	// contradicts, any other against the claim Best comes from.
	disputed := map[int32]bool{}
	for _, d := range f.Disputed {
		i := index(d.Claim)
		disputed[i] = true
		switch {
		case d.Contradicts.IsValid():
			j := index(d.Contradicts)
			material(ix.pair(j, i, TrueConflict))
		case d.BelowVerified:
			// Below what a named list proves: against that list's claim
			// (a count verification without a claim has no side to show,
			// and the figure names the dispute).
			if _, j := ix.verifiedCount(c.key.s); j >= 0 && j != i {
				cause := TrueConflict
				if ix.recs[j].group == ix.recs[i].group {
					cause = Revision
				}
				d := ix.pair(j, i, cause)
				d.Gap = max(d.Gap, c.verified-ix.recs[i].iv.hi)
				material(d)
			}
		}
	}
	if len(f.BestFrom) > 0 {
		b := index(f.BestFrom[0])
		for _, i := range c.direct {
			if !disputed[i] && differ(b, i) {
				explain(ix.pair(b, i, ix.sameScopeCause(b, i)))
			}
		}
	}
	// Against what superseded it.
	for _, i := range c.claims {
		if r := &ix.recs[i]; r.state == Superseded && r.by >= 0 && ix.recs[r.by].q.IsValid() && r.q.IsValid() && differ(r.by, i) {
			explain(ix.pair(r.by, i, Supersession))
		}
	}
	// Against the scope that caps it: the part's lowest figure against the
	// whole's highest bound.
	if len(c.direct) == 0 || len(f.CapFrom) == 0 {
		return
	}
	capHi, _ := f.Cap.Hi()
	var whole int32 = -1
	for _, id := range f.CapFrom {
		if j := index(id); ix.recs[j].iv.hi == capHi {
			whole = j
			break
		}
	}
	part := c.direct[0]
	for _, i := range c.direct {
		if ix.recs[i].iv.lo > ix.recs[part].iv.lo {
			part = i
		}
	}
	if whole < 0 || !differ(whole, part) {
		return
	}
	d := ix.pair(whole, part, ix.acrossCause(whole, part))
	if d.Gap > 0 {
		material(d)
	} else {
		explain(d)
	}
}

// reviewHeadlines compares each headline cell with the next headline cell
// of its measure, population and region whose period overlaps its own
// without nesting: two counts "to 20 February" and "to 22 February" from
// different start days.
func (ix *Index) reviewHeadlines(cells []int32, material, explain func(Discrepancy)) {
	slices.SortStableFunc(cells, func(a, b int32) int {
		if c := cmp.Compare(ix.cells[a].col, ix.cells[b].col); c != 0 {
			return c
		}
		return ix.cells[a].key.s.Period().Compare(ix.cells[b].key.s.Period())
	})
	for k := 1; k < len(cells); k++ {
		a, b := &ix.cells[cells[k-1]], &ix.cells[cells[k]]
		if a.col != b.col || !a.key.s.Period().Overlaps(b.key.s.Period()) || a.key.s.Contains(b.key.s) || b.key.s.Contains(a.key.s) {
			continue
		}
		ra, rb := ix.headClaim(a), ix.headClaim(b)
		d := ix.pair(ra, rb, ix.acrossCause(ra, rb))
		if d.Gap > 0 && ix.recs[ra].group != ix.recs[rb].group {
			material(d)
		} else if ix.recs[ra].q != ix.recs[rb].q {
			explain(d)
		}
	}
}

// headClaim returns the heaviest credible claim of a cell, the first by ID
// among equals.
func (ix *Index) headClaim(c *cell) int32 {
	best := c.direct[0]
	for _, i := range c.direct {
		if ix.recs[i].w > ix.recs[best].w {
			best = i
		}
	}
	return best
}
