package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/internal/browsertest"
)

// measure is injected into a copy of the page under test: it records the
// viewport's width, the document's, every element that reaches beyond the
// viewport (the chart's own scroll box is checked, not what scrolls inside
// it), the page's height and its rendered text, and posts them to the
// frame holding the page.
const measure = `<script>
(function () {
  var w = document.documentElement.clientWidth, over = [];
  document.querySelectorAll("body *").forEach(function (e) {
    if (e.closest("figure.chart") && !e.matches("figure.chart")) return;
    var r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.right > w + 0.5 || r.left < -0.5) over.push(e.tagName + "." + e.className + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "]");
  });
  var charts = [];
  document.querySelectorAll("figure.chart").forEach(function (fig) {
    var c = {scrollWidth: fig.scrollWidth, clientWidth: fig.clientWidth, shown: 0, texts: 0, small: []};
    fig.querySelectorAll("svg").forEach(function (svg) {
      var r = svg.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      c.shown++;
      var k = r.width / svg.viewBox.baseVal.width;
      svg.querySelectorAll("text").forEach(function (t) {
        c.texts++;
        var px = parseFloat(t.getAttribute("font-size")) * k;
        if (px < 11) c.small.push(t.textContent + " (" + px.toFixed(1) + " px)");
      });
    });
    charts.push(c);
  });
  parent.postMessage(JSON.stringify({key: location.hash.slice(1), viewport: w, scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight, over: over, charts: charts, text: document.body.innerText}), "*");
})();
</script>
</body>`

// frames is a page holding each page under test in a frame of its own
// width (a browser window cannot be narrower than 500 px), collecting
// what the frames post in a <pre>.
const frames = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<pre id="measure"></pre>
<script>
window.addEventListener("message", function (e) {
  document.getElementById("measure").textContent += e.data + "\n";
});
</script>
%s
</body></html>`

type measurement struct {
	Key                           string
	Viewport, ScrollWidth, Height int
	Over                          []string
	Charts                        []chartMeasurement
	Text                          string
}

// chartMeasurement is what a page reports of one figure.chart: its
// scrolling width and visible width, how many of its SVGs are shown and
// how many texts they hold, and the texts rendered smaller than 11 px.
type chartMeasurement struct {
	ScrollWidth, ClientWidth, Shown, Texts int
	Small                                  []string
}

var measured = regexp.MustCompile(`(?s)<pre id="measure">(.*?)</pre>`)

// TestPageInChromium opens the seed report and Cuba 2025 in headless
// Chromium, in English and Spanish, at 375 and 1280 pixels wide: the
// rendered text holds the figures and sentences, nothing is wider than the
// viewport, each chart shows one drawing that fits its column without
// scrolling sideways and sets no text below 11 px, and screenshots of the whole seed page are written to
// $FREEDCOUNT_SCREENSHOTS (or a temporary folder), whose path is logged.
func TestPageInChromium(t *testing.T) {
	browser := browsertest.Chromium(t)
	dir := os.Getenv("FREEDCOUNT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	t.Logf("pages and screenshots in %s", dir)
	want := map[string][]string{
		"seed.en": {
			"Foro Penal counted at least 104 political prisoners released in Venezuela on Sunday 25 January 2026; the count may rise.",
			"104 or more", "Government of Venezuela reported 626 detainees released"},
		"seed.es": {
			"Foro Penal contó al menos 104 presos políticos excarcelados en Venezuela el domingo 25 de enero de 2026; la cifra puede aumentar.",
			"104 o más", "Government of Venezuela informó de 626 detenidos excarcelados"},
		"cu-2025.en": {"Tribunal Supremo Popular", "reported 553 detainees released in Cuba from 15 January to 10 March 2025, as relayed by asere.com and worldcatholicnews.com."},
		"cu-2025.es": {"Tribunal Supremo Popular", "informó de 553 detenidos excarcelados en Cuba del 15 de enero al 10 de marzo de 2025, según asere.com y worldcatholicnews.com."},
	}
	widths := []int{375, 1280}
	tmp := t.TempDir()
	var iframes strings.Builder
	for _, c := range []testCase{cases[0], cases[2]} {
		for _, lang := range langs {
			p := page(t, c, lang)
			name := c.name + "." + lang.String()
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+".html"), []byte(p), 0o644))
			probe := strings.Replace(p, "default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", 1)
			probe = strings.Replace(probe, "</body>", measure, 1)
			require.NoError(t, os.WriteFile(filepath.Join(tmp, name+".html"), []byte(probe), 0o644))
			for _, w := range widths {
				fmt.Fprintf(&iframes, "<iframe src=\"%s.html#%s@%d\" width=\"%d\" height=\"900\" style=\"border:0;display:block\"></iframe>\n", name, name, w, w)
			}
		}
	}
	wrapper := filepath.Join(tmp, "frames.html")
	require.NoError(t, os.WriteFile(wrapper, fmt.Appendf(nil, frames, iframes.String()), 0o644))
	dom := browsertest.DumpDOM(t, browser, "file://"+wrapper, 1300, 900)
	m := measured.FindStringSubmatch(dom)
	require.NotNil(t, m, "no measurements in the page")
	got := make(map[string]measurement)
	for line := range strings.Lines(html.UnescapeString(m[1])) {
		var ms measurement
		require.NoError(t, json.Unmarshal([]byte(line), &ms))
		got[ms.Key] = ms
	}
	for name, sentences := range want {
		for _, w := range widths {
			key := fmt.Sprintf("%s@%d", name, w)
			ms, ok := got[key]
			if !assert.True(t, ok, "%s: the page did not report", key) {
				continue
			}
			assert.Equal(t, w, ms.Viewport, "%s: the frame's width", key)
			assert.LessOrEqual(t, ms.ScrollWidth, ms.Viewport, "%s: the page is wider than the screen", key)
			assert.Empty(t, ms.Over, "%s: elements beyond the screen's edge", key)
			// Each chart fits its column, without scrolling sideways,
			// and its text is legible: no chart text below 11 px.
			assert.NotEmpty(t, ms.Charts, "%s: no chart", key)
			for i, c := range ms.Charts {
				assert.LessOrEqual(t, c.ScrollWidth, c.ClientWidth, "%s: chart %d scrolls sideways", key, i+1)
				assert.Equal(t, 1, c.Shown, "%s: chart %d: one drawing is shown", key, i+1)
				assert.Positive(t, c.Texts, "%s: chart %d has no text", key, i+1)
				assert.Empty(t, c.Small, "%s: chart %d: text smaller than 11 px", key, i+1)
			}
			text := strings.Join(strings.Fields(ms.Text), " ")
			for _, s := range sentences {
				assert.Contains(t, text, s, key)
			}
		}
	}
	// Screenshots of the seed page, whole, at each width.
	for _, lang := range langs {
		name := "seed." + lang.String()
		for _, w := range widths {
			h := min(max(got[fmt.Sprintf("%s@%d", name, w)].Height, 600), 16000)
			shot := filepath.Join(tmp, fmt.Sprintf("shot-%s-%d.html", name, w))
			require.NoError(t, os.WriteFile(shot, fmt.Appendf(nil, frames,
				fmt.Sprintf("<iframe src=\"file://%s\" width=\"%d\" height=\"%d\" style=\"border:0;display:block\"></iframe>", filepath.Join(dir, name+".html"), w, h)), 0o644))
			png := filepath.Join(dir, fmt.Sprintf("%s.%d.png", name, w))
			browsertest.Screenshot(t, browser, "file://"+shot, png, max(w, 500), h)
			cropPNG(t, png, w, h)
		}
	}
}

// cropPNG cuts the PNG file at path to its top-left w × h pixels.
func cropPNG(t *testing.T, path string, w, h int) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	img, err := png.Decode(f)
	f.Close()
	require.NoError(t, err)
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	require.True(t, ok)
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, sub.SubImage(image.Rect(0, 0, w, h))))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}
