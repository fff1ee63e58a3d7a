package report

// stylesheet is the page's only style: system fonts (nothing is fetched),
// text that wraps rather than widening the page, tables that stack their
// cells below 640 px, each chart drawn wide, or narrow (labels in a
// numbered list below the plot) on a screen under 800 px, where the wide
// drawing would shrink its text below legibility, so that no chart
// scrolls sideways; the Okabe–Ito blue for links, and a print style,
// which prints the wide drawing.
const stylesheet = `:root { color-scheme: light; --text: #1a1a1a; --muted: #595959; --rule: #d0d4d9; --accent: #0072b2; --warn: #d55e00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; overflow-wrap: break-word; }
q, a { overflow-wrap: anywhere; }
main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 .5rem; border-top: 2px solid var(--text); padding-top: .75rem; }
.asof { color: var(--muted); margin: 0 0 1rem; }
.lede { font-size: 1.15rem; }
a { color: var(--accent); }
q { font-style: italic; }
figure.chart { margin: 1rem 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart .narrow { display: none; }
figure.chart .narrow svg { max-width: 30rem; }
@media screen and (max-width: 800px) {
  figure.chart .wide { display: none; }
  figure.chart .narrow { display: block; }
}
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--text); }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
@media (min-width: 641px) {
  table.claims td:nth-child(2) { min-width: 6.5rem; }
  table.claims td:nth-child(3) { min-width: 9.5rem; }
  table.claims td:nth-child(5) { min-width: 12rem; }
}
ol.material li { margin: .5rem 0; }
ol.material li::marker { color: var(--warn); font-weight: bold; }
.method li { margin: .25rem 0; }
footer { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .5rem; }
@media (max-width: 640px) {
  table, thead, tbody, tr, th, td, caption { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border-bottom: 1px solid var(--rule); padding: .25rem 0; }
  th, td { border: 0; padding: .15rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  td.num { white-space: normal; }
}
@media print {
  body { font-size: 10.5pt; }
  main, footer { max-width: none; padding: 0; }
  a { color: inherit; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 85%; overflow-wrap: anywhere; }
  section, figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`
