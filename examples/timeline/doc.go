// Command timeline draws, as an SVG chart, how a cumulative count of
// releases stood as the evidence came in: for each day, the figure for
// releases since a start day up to that day, read from the evidence as it
// stood at the end of that day. It shows the low–high band of credibly
// stated figures, the consensus band of the claims that agree, the best
// figure as a line, the verified floor, and each claim as a marker at the
// moment it was stated, in the colour and shape of its source.
//
// Run it on the claims of the AFP report of 26 January 2026 on releases in
// Venezuela (a copy of examples/reconcile/testdata, embedded):
//
//	go run ./examples/timeline > timeline.svg
//
// or on your own files, as freedcount reads them (see CODEBOOK.md):
//
//	go run ./examples/timeline -sources s.csv -claims c.csv \
//		-population detainees/political -region VE -since 2025-12-01 -o chart.svg
//
// The chart itself is drawn by package chart: a running total from -since
// (or, with -daily, one-day counts) of one population in one region.
//
// Days are those of -utc-offset (default UTC−4, Venezuela's). A day before
// any evidence shows "no claim yet" rather than a zero; no day's figure
// but the last uses a claim stated after that day (the last day is read
// from all the evidence, so that the chart ends on the scope's figure);
// every claim about the chart's scope has one marker (filled if it counts,
// hollow if it was superseded or is a relayed copy), with a whisker for
// the counts it admits (an arrow where it is open above, "at least") and
// a label naming its source.
//
// The SVG is written with the standard library only: a chart of one band,
// two lines and a few dozen markers does not need a charting module, and
// the output stays byte-for-byte deterministic.
package main
