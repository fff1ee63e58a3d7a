package link

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// WriteSVG draws the explanation as a waterfall chart, one row per term:
// the prior, then each field's weight at its level (a frequency
// adjustment drawn as its own lighter segment), each bar starting where
// the sum so far ends, and last the score, with the probability of one
// person it stands for. Agreement is green, disagreement red, a missing
// value a grey tick. It names records by reference, fields and levels,
// never values. The SVG is self-contained.
func (e Explanation) WriteSVG(w io.Writer) error {
	if w == nil {
		return errNilWriter()
	}
	type row struct {
		label       string
		from, to    float64 // bits
		adj         float64 // part of the weight that is frequency adjustment
		total, none bool
	}
	bits := func(x Weight) float64 { return float64(x) / float64(Bits) }
	rows := []row{{label: "prior", from: 0, to: bits(e.Prior)}}
	cum := bits(e.Prior)
	for _, f := range e.Fields {
		r := row{label: f.Field + " (" + f.Level.String() + ")", from: cum, to: cum + bits(f.Weight), adj: bits(f.Adjustment), none: f.Level == Missing}
		cum = r.to
		rows = append(rows, r)
	}
	rows = append(rows, row{label: "score", from: 0, to: bits(e.Score), total: true})
	lo, hi := 0.0, 0.0
	for _, r := range rows {
		lo, hi = math.Min(lo, math.Min(r.from, r.to)), math.Max(hi, math.Max(r.from, r.to))
	}
	pad := math.Max((hi-lo)*0.05, 1)
	lo, hi = lo-pad, hi+pad
	const (
		left, right, top, rowH, bottom = 200, 90, 56, 26, 44
		width                          = 760
	)
	height := top + rowH*len(rows) + bottom
	pw := float64(width - left - right)
	x := func(v float64) float64 { return float64(left) + (v-lo)/(hi-lo)*pw }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	b.WriteString(`<rect width="100%" height="100%" fill="white"/>` + "\n")
	state := "not linked"
	if e.Linked {
		state = "linked"
	}
	prob := 1 / (1 + math.Exp2(-bits(e.Score)))
	fmt.Fprintf(&b, `<text x="12" y="22" font-size="14" font-weight="bold">%s ~ %s: %s bits, %s</text>`+"\n",
		html.EscapeString(e.A.String()), html.EscapeString(e.B.String()), e.Score, state)
	fmt.Fprintf(&b, `<text x="12" y="40" fill="#555">match weights (log2 of m/u) added to the prior log-odds; probability of one person %s</text>`+"\n", formatProb(prob))
	// Grid: whole bits, about ten lines.
	step := math.Max(1, math.Round((hi-lo)/10))
	for t := math.Ceil(lo/step) * step; t <= hi; t += step {
		stroke := "#eee"
		if t == 0 {
			stroke = "#333"
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/><text x="%.1f" y="%d" text-anchor="middle" fill="#555">%g</text>`+"\n",
			x(t), top-6, x(t), top+rowH*len(rows), stroke, x(t), top+rowH*len(rows)+16, t)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">bits</text>`+"\n", float64(left)+pw/2, height-8)
	for k, r := range rows {
		y := top + k*rowH
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-8, y+rowH/2+4, html.EscapeString(r.label))
		if k > 0 && !r.total {
			// The connector from the previous bar's end.
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999" stroke-dasharray="2,2"/>`+"\n", x(r.from), y-rowH+4, x(r.from), y+4)
		}
		if r.none {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#aaa" stroke-width="3"/><text x="%.1f" y="%d" fill="#888">missing</text>`+"\n", x(r.from), y+5, x(r.from), y+rowH-5, x(r.from)+6, y+rowH/2+4)
			continue
		}
		color := "#2ca02c"
		light := "#98df8a"
		if r.to < r.from {
			color, light = "#d62728", "#ff9896"
		}
		if r.total {
			color = "#1f77b4"
		}
		base := r.to - r.adj // the level's weight, before the adjustment
		x0, x1 := math.Min(x(r.from), x(base)), math.Max(x(r.from), x(base))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", x0, y+5, math.Max(x1-x0, 1), rowH-10, color)
		if r.adj != 0 && !r.total {
			a0, a1 := math.Min(x(base), x(r.to)), math.Max(x(base), x(r.to))
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="%s"/>`+"\n", a0, y+5, math.Max(a1-a0, 1), rowH-10, light, color)
		}
		label := fmt.Sprintf("%+.3f", r.to-r.from)
		if r.adj != 0 && !r.total {
			label += fmt.Sprintf(" (%+.3f frequency)", r.adj)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d">%s</text>`+"\n", math.Max(x(r.from), x(r.to))+6, y+rowH/2+4, label)
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// formatProb writes a probability with the digits that matter near 0 and 1.
func formatProb(p float64) string {
	switch {
	case p > 0.999999:
		return "above 0.999999"
	case p < 0.000001:
		return "below 0.000001"
	}
	return fmt.Sprintf("%.6f", p)
}
