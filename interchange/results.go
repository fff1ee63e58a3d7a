package interchange

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"io"

	"github.com/freedcount/freedcount/reconcile"
)

// Header is the first record of a results file ([WriteResults]): what the
// figures were computed from and how.
type Header struct {
	// AsOf is the moment the evidence was read as of; the zero value means
	// all of it.
	AsOf time.Time
	// Zone is the IANA name of the time zone in which dates without a time
	// were read ("America/Caracas"), or "" when none was needed.
	Zone string
	// Policy is the policy the figures were computed under.
	Policy reconcile.Policy
	// Version is the version of the program that computed them.
	Version string
}

// WriteResults writes, as JSON Lines, a header record and then every
// figure and every discrepancy, each object tagged by "record" ("header",
// "figure", "discrepancy"). Figures and discrepancies have the keys of
// their CSV columns (see the package documentation), with each cell as a
// JSON value of its own type: counts and decimals (confidence, ratio) as
// numbers, booleans as true or false, lists as arrays, an interval (cap,
// unverified, a_interval, b_interval) as {"lo": n, "hi": n} with "hi" null
// when it has no upper end, consensus_high null when the consensus has
// none, and an empty optional cell as null. The header holds as_of (RFC
// 3339, or null for all the evidence), zone, version and the policy as a
// policy file writes it ([WritePolicy]). Writing is all or nothing.
func WriteResults(w io.Writer, h Header, figs []reconcile.Figure, discs []reconcile.Discrepancy) error {
	if w == nil {
		return &LineError{Err: reason(ErrUnencodable, "no writer")}
	}
	var pol bytes.Buffer
	if err := WritePolicy(&pol, h.Policy); err != nil {
		return err
	}
	var asOf any
	if !h.AsOf.IsZero() {
		asOf = h.AsOf.Format(time.RFC3339Nano)
	}
	var buf bytes.Buffer
	head, err := json.Marshal(struct {
		Record  string          `json:"record"`
		AsOf    any             `json:"as_of"`
		Zone    string          `json:"zone"`
		Version string          `json:"version"`
		Policy  json.RawMessage `json:"policy"`
	}{"header", asOf, h.Zone, h.Version, compactJSON(pol.Bytes())})
	if err != nil {
		return &LineError{Err: because(ErrUnencodable, err)}
	}
	buf.Write(head)
	buf.WriteByte('\n')
	for i, row := range rowsOf(figs) {
		if err := writeFlat(&buf, "figure", figureTable, &row, i+1); err != nil {
			return err
		}
	}
	for i, d := range discs {
		if err := writeFlat(&buf, "discrepancy", discrepancyTable, &d, i+1); err != nil {
			return err
		}
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func compactJSON(b []byte) json.RawMessage {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return b
	}
	return out.Bytes()
}

// cellType is how a CSV cell is written as a JSON value.
type cellType uint8

const (
	textCell cellType = iota
	numberCell
	boolCell
	listCellType
	intervalCell
)

// resultCellTypes gives the JSON type of each column of figures and
// discrepancies that is not text.
var resultCellTypes = map[string]cellType{
	"verified": numberCell, "low": numberCell, "best": numberCell, "high": numberCell,
	"consensus_low": numberCell, "consensus_high": numberCell, "confidence": numberCell, "floor": numberCell,
	"ratio": numberCell, "gap": numberCell,
	"high_open": boolCell, "best_open": boolCell, "tension": boolCell, "nested": boolCell, "conflict": boolCell,
	"cap": intervalCell, "unverified": intervalCell, "a_interval": intervalCell, "b_interval": intervalCell,
	"claims": listCellType, "support": listCellType, "low_from": listCellType, "best_from": listCellType,
	"high_from": listCellType, "floor_from": listCellType, "cap_from": listCellType, "disputed": listCellType,
	"below_verified": listCellType, "superseded": listCellType, "relayed": listCellType, "retracted": listCellType,
	"unresolved": listCellType, "ignored": listCellType, "pledged": listCellType, "differences": listCellType,
}

// writeFlat writes rec as one JSON object with the keys of its CSV
// columns, in their order, each cell as a JSON value of its type.
func writeFlat[T any](buf *bytes.Buffer, record string, t *table[T], rec *T, n int) error {
	var b bytes.Buffer
	b.WriteString(`{"record":`)
	b.WriteString(strconv.Quote(record))
	for _, c := range t.columns {
		cell, err := c.get(rec)
		if err != nil {
			return &LineError{Line: n, Column: c.name, Err: because(ErrUnencodable, err)}
		}
		v, err := cellJSON(resultCellTypes[c.name], cell)
		if err != nil {
			return &LineError{Line: n, Column: c.name, Value: quote(cell), Err: because(ErrUnencodable, err)}
		}
		key, _ := json.Marshal(c.name)
		b.WriteByte(',')
		b.Write(key)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteString("}\n")
	buf.Write(b.Bytes())
	return nil
}

// cellJSON writes a CSV cell as the JSON value of type ty.
func cellJSON(ty cellType, cell string) ([]byte, error) {
	cell = strings.TrimSpace(cell)
	switch ty {
	case numberCell:
		if cell == "" {
			return []byte("null"), nil
		}
		var n json.Number = json.Number(cell)
		if _, err := strconv.ParseFloat(cell, 64); err != nil {
			return nil, err
		}
		return json.Marshal(n)
	case boolCell:
		v, err := strconv.ParseBool(cell)
		if err != nil {
			return nil, err
		}
		return json.Marshal(v)
	case listCellType:
		items := []string{}
		if cell != "" {
			items = strings.Split(cell, listSep)
		}
		return json.Marshal(items)
	case intervalCell:
		if cell == "" {
			return []byte("null"), nil
		}
		iv, err := parseInterval(cell)
		if err != nil {
			return nil, err
		}
		var hi any
		if h, ok := iv.Hi(); ok {
			hi = h
		}
		return json.Marshal(struct {
			Lo int `json:"lo"`
			Hi any `json:"hi"`
		}{iv.Lo(), hi})
	}
	if cell == "" {
		return []byte("null"), nil
	}
	return json.Marshal(cell)
}
