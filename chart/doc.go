// Package chart draws the figure of one measure over one scope, day by
// day, as a self-contained SVG document: the band of credible figures
// (lowest to highest), the consensus of the claims that agree, the best
// figure, the verified floor when anything is verified, and each claim
// about the same measure and scope as a marker in its source's colour and
// shape, labelled with its source's name.
//
// A chart answers one question, so that nothing misleads by sharing an
// axis: one measure (releases, people held or detentions), one population
// and region, and one kind of period — a running total from the scope's
// first day (Cumulative) or one-day counts (Daily). Its title is derived
// from what it shows and names exactly the days of its axis.
//
// A chart is drawn wide (800 units, labels in a column beside the plot)
// or, with Options.Narrow, for a phone's screen (320 units, the plot the
// full width, each marker numbered and the labels listed below the plot),
// so that at about 375 pixels it neither scrolls sideways nor shrinks its
// text below legibility; a page may hold both and show one by a media
// query, as package report does.
//
// The SVG is accessible (role="img", a <title> and a <desc> that says the
// last day's figure in words, tied by aria-labelledby), uses the palette
// of Okabe and Ito ("Color Universal Design", 2008), whose colours stay
// distinct for readers with the common forms of colour blindness, with a
// distinct shape for each source as well, wraps or
// truncates every label so that no text leaves the view box, and ends
// with a credit line naming the sources and an as-of line. It is written
// without a charting module (a band, two lines and a few dozen markers do
// not need one) and is byte-for-byte deterministic: it measures no font,
// and reserves for every text a width estimated from above by character
// class.
package chart
