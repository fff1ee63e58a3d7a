package link

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"strings"
)

//go:embed review.js
var reviewScript string

//go:embed review.css
var reviewStyle string

// WriteReviewHTML writes items as one self-contained HTML page for
// reviewers who may not send names anywhere: everything the page needs is
// in it, its content security policy forbids every network request, and
// the reviewers' decisions are kept in the browser (its local storage,
// per page) and downloaded as the same CSV that [Result.WriteReview]
// writes, with the decision column filled, for [ReadDecisions].
//
// Each pair shows the two records field by field, values that agree
// marked; buttons (or the keys s, d, u and the arrows) decide "same",
// "different" or "unsure". Like the CSV, the page holds personal data.
//
// For tests, the fragment #test-decide=1:same,2:different decides the
// numbered pairs as a reviewer would, by clicking, and writes the CSV it
// would download into the element with id "test-output"; #test-export
// writes the decisions kept in the browser there.
func (r *Result) WriteReviewHTML(w io.Writer, items []ReviewItem, lists []List, opt ReviewOptions) error {
	if w == nil {
		return errNilWriter()
	}
	rows, err := r.reviewRows(items, lists, opt)
	if err != nil {
		return err
	}
	data, err := json.Marshal(rows) // escapes <, > and &, so it cannot end the script
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	dataScript := "const REVIEW = " + string(data) + ";\nconst REVIEW_ID = \"" + hex.EncodeToString(sum[:8]) + "\";\n"
	hash := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	csp := "default-src 'none'; script-src " + hash(dataScript) + " " + hash(reviewScript) +
		"; style-src " + hash(reviewStyle) + "; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(csp) + "\">\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n<title>Record linkage review</title>\n")
	b.WriteString("<style>" + reviewStyle + "</style>\n</head>\n<body>\n")
	b.WriteString(`<header><h1>Record linkage review</h1><p id="status"></p>` +
		`<p class="note">This page works offline and sends nothing anywhere. Decisions stay in this browser until you download them.</p>` +
		`<button id="download" type="button">Download decisions (CSV)</button> <button id="clear" type="button">Forget decisions</button></header>` + "\n")
	b.WriteString("<main id=\"pairs\"></main>\n<pre id=\"test-output\" hidden></pre>\n")
	b.WriteString("<script>" + dataScript + "</script>\n")
	b.WriteString("<script>" + reviewScript + "</script>\n</body>\n</html>\n")
	_, err = io.WriteString(w, b.String())
	return err
}
