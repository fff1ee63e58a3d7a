package link

import (
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
)

// Accuracy is precision and recall against the threshold, for a
// researcher to cite and to choose the threshold by: measured from
// reviewers' decisions ([Result.Accuracy]) or, without them, the model's
// own estimate ([Result.ModelAccuracy]), which Source says.
type Accuracy struct {
	// Source says where the figures come from: "labels" (measured on
	// decided pairs) or "model" (the EM model's own estimate, not a
	// measurement: it holds only as far as the model's assumptions do).
	Source string
	// Labels is the number of decided pairs, and Matches the number
	// decided the same; for the model, 0 and the estimated number of
	// matches among all pairs.
	Labels  int
	Matches float64
	// Threshold is the threshold the linkage used ([Config.MinScore]);
	// Precision and Recall are the figures there. For labels, they are
	// measured on the clusters themselves: a decided pair counts as linked
	// if its records are in one cluster.
	Threshold         Weight
	Precision, Recall float64
	// Points gives the figures at each threshold, in increasing order: a
	// pair counts as linked if its score reaches the threshold.
	Points []AccuracyPoint
}

// AccuracyPoint is precision and recall at one threshold.
type AccuracyPoint struct {
	Threshold Weight
	// Linked is the number of (decided or, for the model, candidate)
	// pairs scoring at least the threshold; TruePositives (for the model,
	// an estimate) those of them that are matches.
	Linked            int64
	TruePositives     float64
	Precision, Recall float64
}

// Accuracy measures precision and recall from reviewers' decisions: each
// decided pair is scored, and at each threshold (every whole bit from the
// lowest score to the highest, and the linkage's own) a pair scoring at
// least it counts as linked. The decisions should be a fair sample of the
// pairs that matter — a review of the uncertain band alone measures the
// band. The error, wrapping [ErrUnknown] or [ErrInvalid], names a decision
// on a record the linkage does not hold, or says there are none.
func (r *Result) Accuracy(ds []Decision) (Accuracy, error) {
	if r.lk == nil {
		return Accuracy{}, fieldErr("Result", "", ErrInvalid, "not made by Link")
	}
	cons, err := r.lk.readLabels(ds)
	if err != nil {
		return Accuracy{}, err
	}
	if len(cons) == 0 {
		return Accuracy{}, fieldErr("Decisions", "", ErrInvalid, "none")
	}
	type sl struct {
		s    Weight
		same bool
	}
	scores := make([]sl, len(cons))
	a := Accuracy{Source: "labels", Labels: len(cons), Threshold: r.lk.cfg.MinScore}
	var tp, linked, matches int64
	for k, l := range cons {
		p, aux := r.lk.patternAux(l.i, l.j)
		scores[k] = sl{r.scoreAux(l.i, l.j, p, aux), l.same}
		in := r.cluster[l.i] == r.cluster[l.j]
		if l.same {
			matches++
		}
		if in {
			linked++
			if l.same {
				tp++
			}
		}
	}
	a.Matches = float64(matches)
	a.Precision, a.Recall = ratioOr1(float64(tp), float64(linked)), ratioOr1(float64(tp), float64(matches))
	lo, hi := scores[0].s, scores[0].s
	for _, x := range scores {
		lo, hi = min(lo, x.s), max(hi, x.s)
	}
	ts := []Weight{a.Threshold}
	for t := lo / Bits * Bits; t <= hi+Bits; t += Bits {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	ts = slices.Compact(ts)
	for _, t := range ts {
		var n, ok int64
		for _, x := range scores {
			if x.s >= t {
				n++
				if x.same {
					ok++
				}
			}
		}
		a.Points = append(a.Points, AccuracyPoint{Threshold: t, Linked: n, TruePositives: float64(ok),
			Precision: ratioOr1(float64(ok), float64(n)), Recall: ratioOr1(float64(ok), float64(matches))})
	}
	return a, nil
}

// readLabels reads decisions as labels, without checking them against
// each other.
func (lk *linkage) readLabels(ds []Decision) ([]label, error) {
	var out []label
	var errs []error
	for k, d := range ds {
		i, j := lk.find(d.A), lk.find(d.B)
		if i < 0 || j < 0 || i == j {
			errs = append(errs, fieldErr(fmt.Sprintf("Decisions[%d]", k), d.String(), ErrUnknown, "no such pair of records"))
			continue
		}
		out = append(out, label{min(i, j), max(i, j), d.Same})
	}
	return out, errors.Join(errs...)
}

// ModelAccuracy returns the model's own estimate of precision and recall
// against the threshold, from EM alone: each candidate pair counts its
// probability of being a match under the model (the logistic of its
// score), and the matches that no blocking rule proposed are estimated
// from the random sample ([Result.Blocking]). It is labelled as such
// (Source "model"): it is only as right as the model's assumptions of
// independent fields; decisions give a measurement ([Result.Accuracy]).
// Thresholds are whole bits; the linkage's own is rounded down to one.
func (r *Result) ModelAccuracy() Accuracy {
	a := Accuracy{Source: "model"}
	if r.lk == nil {
		return a
	}
	a.Threshold = r.lk.cfg.MinScore
	var total int64
	for _, h := range r.hist {
		total += h.matches
	}
	all := float64(total)/matchUnit + r.missed
	a.Matches = all
	var n, m int64
	for k := len(r.hist) - 1; k >= 0; k-- {
		n += r.hist[k].pairs
		m += r.hist[k].matches
		tp := float64(m) / matchUnit
		a.Points = append(a.Points, AccuracyPoint{Threshold: Weight(k-histBits) * Bits, Linked: n, TruePositives: tp,
			Precision: ratioOr1(tp, float64(n)), Recall: ratioOr1(tp, all)})
	}
	slices.Reverse(a.Points)
	at := histBin(a.Threshold)
	a.Precision, a.Recall = a.Points[at].Precision, a.Points[at].Recall
	return a
}

func ratioOr1(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

// String writes the accuracy as a table, the linkage's threshold marked.
func (a Accuracy) String() string {
	var b strings.Builder
	switch a.Source {
	case "labels":
		fmt.Fprintf(&b, "measured on %d decided pairs (%.0f the same person)", a.Labels, a.Matches)
	default:
		fmt.Fprintf(&b, "the model's own estimate, without labels (%.1f matches estimated)", a.Matches)
	}
	fmt.Fprintf(&b, "; threshold %s bits: precision %.4f, recall %.4f\n", a.Threshold, a.Precision, a.Recall)
	fmt.Fprintf(&b, "  %10s %10s %12s %9s %9s\n", "threshold", "linked", "true links", "precision", "recall")
	for _, p := range a.Points {
		mark := ""
		if p.Threshold == a.Threshold {
			mark = "  ← chosen"
		}
		fmt.Fprintf(&b, "  %10s %10d %12.1f %9.4f %9.4f%s\n", p.Threshold, p.Linked, p.TruePositives, p.Precision, p.Recall, mark)
	}
	return b.String()
}

// WriteSVG draws precision and recall against the threshold as a
// self-contained SVG chart, with the linkage's threshold marked and the
// figures' source in the title.
func (a Accuracy) WriteSVG(w io.Writer) error {
	if w == nil {
		return errNilWriter()
	}
	const (
		width, height          = 720, 420
		left, right, top, bott = 60, 20, 64, 50
	)
	pts := a.Points
	// Leave out the flat ends: thresholds below every score or above.
	lo, hi := 0, len(pts)-1
	for lo < hi && pts[lo+1].Linked == pts[0].Linked {
		lo++
	}
	for hi > lo && pts[hi-1].Linked == pts[len(pts)-1].Linked {
		hi--
	}
	pts = pts[lo : hi+1]
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	b.WriteString(`<rect width="100%" height="100%" fill="white"/>` + "\n")
	title := "Precision and recall against the threshold — measured on " + fmt.Sprint(a.Labels) + " decided pairs"
	if a.Source != "labels" {
		title = "Precision and recall against the threshold — the model's own estimate (EM, no labels)"
	}
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="14" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	if len(pts) == 0 {
		b.WriteString("</svg>\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	t0, t1 := float64(pts[0].Threshold)/1000, float64(pts[len(pts)-1].Threshold)/1000
	if t1 <= t0 {
		t1 = t0 + 1
	}
	pw, ph := float64(width-left-right), float64(height-top-bott)
	x := func(t float64) float64 { return float64(left) + (t-t0)/(t1-t0)*pw }
	y := func(v float64) float64 { return float64(top) + (1-v)*ph }
	// Axes and grid.
	for k := 0; k <= 10; k += 2 {
		v := float64(k) / 10
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%.1f</text>`+"\n", left, y(v), width-right, y(v), left-6, y(v)+4, v)
	}
	step := max(1, int((t1-t0)/10+0.5))
	first := int(t0) / step * step
	for t := first; float64(t) <= t1; t += step {
		if float64(t) < t0 {
			continue
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999"/><text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x(float64(t)), height-bott, x(float64(t)), height-bott+5, x(float64(t)), height-bott+18, t)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">threshold (bits of log-odds)</text>`+"\n", float64(left)+pw/2, height-12)
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.0f" height="%.0f" fill="none" stroke="#333"/>`+"\n", left, top, pw, ph)
	for _, c := range []struct {
		name, color string
		v           func(AccuracyPoint) float64
	}{{"precision", "#1f77b4", func(p AccuracyPoint) float64 { return p.Precision }}, {"recall", "#d62728", func(p AccuracyPoint) float64 { return p.Recall }}} {
		b.WriteString(`<polyline fill="none" stroke-width="2" stroke="` + c.color + `" points="`)
		for k, p := range pts {
			if k > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%.1f,%.1f", x(float64(p.Threshold)/1000), y(c.v(p)))
		}
		b.WriteString(`"/>` + "\n")
	}
	// Legend.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1f77b4" stroke-width="2"/><text x="%d" y="%d">precision</text>`+"\n", left, top-14, left+20, top-14, left+25, top-10)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#d62728" stroke-width="2"/><text x="%d" y="%d">recall</text>`+"\n", left+110, top-14, left+130, top-14, left+135, top-10)
	// The chosen threshold.
	if ct := float64(a.Threshold) / 1000; ct >= t0 && ct <= t1 {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#2ca02c" stroke-width="2" stroke-dasharray="6,4"/>`+"\n", x(ct), top, x(ct), height-bott)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="#2ca02c">chosen %s bits: P %.4f, R %.4f</text>`+"\n", x(ct)+6, height-bott-8, a.Threshold, a.Precision, a.Recall)
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
