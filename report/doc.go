// Package report writes the figures of an evidence set as one
// self-contained HTML page that a newsroom can publish: for each headline
// scope a plain sentence built from the figure ("Foro Penal counted at
// least 104 political prisoners released in Venezuela on Sunday 25
// January 2026; the count may rise."), the lowest, best and highest
// credible figures with the claims behind each (an open bound printed
// "104 or more", never as a maximum), the verified floor when there is
// one, a chart (package chart), and the claims with their sources' words
// and links; then the true conflicts first and the differences their
// cause explains, counted by cause; then the moment the figures are read
// at and the policy, in words.
//
// The page is in English or Spanish, every string from one catalogue,
// numbers grouped per language (1,234 and 1.234) and dates in words. It
// fetches nothing (no scripts, fonts or styles from elsewhere; its content
// security policy forbids them), prints cleanly, declares its language,
// has real tables with captions and header cells, a colour-blind-safe
// palette and a text alternative for every chart, and is never wider than
// the screen: tables stack their cells on narrow screens, and each chart
// is drawn twice, wide and narrow (chart.Options.Narrow), the style
// showing the narrow one on a screen under 800 px and the wide one
// otherwise and in print, so that no chart scrolls sideways or sets its
// text below 11 px at 375 px. The hidden drawing is display:none, which
// hides it from screen readers too; each drawing has its own ids.
//
// Privacy: the page prints no detainee's name or national ID — the
// evidence holds none (release.Secret keeps them elsewhere) — and no
// register ID either: verified people are counted, never listed. Every
// text the evidence carries (names of sources, quotes, links) is escaped.
//
// Write is deterministic: the same evidence and options give the same
// bytes.
package report
