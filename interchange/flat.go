package interchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// recordNames gives, per record type, the value of the "record" key that
// marks its objects in a results file ([WriteResults]).
var recordNames = map[string]string{
	"sources": "source", "claims": "claim", "verifications": "verification", "detainees": "detainee",
	"events": "event", "figures": "figure", "discrepancies": "discrepancy",
}

// flatLine reports whether a JSON line is a flat object — keys the CSV
// columns' names, as [WriteResults] writes — rather than the record's own
// JSON form, and whether a reader of t skips it: a line of a results file
// tagged as another record ("record": "header"). A line is flat when some
// key is not one of the record's JSON keys and every key is a CSV column
// (or "record"). Anything else is left to the record's own decoder,
// which reports unknown keys.
func flatLine[T any](b []byte, t *table[T]) (obj map[string]json.RawMessage, flat, skip bool) {
	if json.Unmarshal(b, &obj) != nil || obj == nil {
		return nil, false, false
	}
	if raw, ok := obj["record"]; ok {
		var rec string
		if json.Unmarshal(raw, &rec) == nil && rec != recordNames[t.kind] {
			return obj, true, true
		}
	}
	cols := columnNames(t)
	foreign := false
	for k := range obj {
		if k == "record" {
			foreign = true
			continue
		}
		if !slices.Contains(cols, k) {
			return obj, false, false
		}
		if !t.hasKey(k) {
			foreign = true
		}
	}
	return obj, foreign, false
}

// parseFlat reads a flat JSON object through the CSV columns of t: each
// value becomes the cell a CSV file would hold — a string as it is, a
// number as written, a boolean as true or false, null as empty, an array
// as its items joined by ";", an interval {"lo": n, "hi": n|null} as
// "[n, m]" or "[n, ∞)" — and the record is read as a CSV line is.
func (t *table[T]) parseFlat(obj map[string]json.RawMessage, b []byte, file string, line int) (T, []error) {
	var zero T
	if key, err := strictJSON(b, nil); err != nil {
		return zero, []error{&LineError{File: file, Line: line, Column: key, Err: err}}
	}
	var rec []string
	var cols []int
	var errs []error
	for i, c := range t.columns {
		raw, ok := obj[c.name]
		if !ok {
			if c.required {
				// As a CSV line with the column and an empty cell: the
				// column's reader says whether it may be empty.
				rec = append(rec, "")
				cols = append(cols, i)
			}
			continue
		}
		cell, err := flatCell(raw)
		if err != nil {
			errs = append(errs, &LineError{File: file, Line: line, Column: c.name, Value: t.value(c.name, string(raw)), Err: because(ErrSyntax, err)})
			continue
		}
		rec = append(rec, cell)
		cols = append(cols, i)
	}
	if len(errs) > 0 {
		return zero, errs
	}
	var v T
	errs = t.parseRecord(&v, rec, cols, file, line)
	return v, errs
}

// flatCell writes one JSON value as a CSV cell.
func flatCell(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case 'n':
		return "", nil
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't', 'f':
		var v bool
		err := json.Unmarshal(raw, &v)
		return fmt.Sprint(v), err
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return "", err
		}
		cells := make([]string, len(items))
		for i, it := range items {
			c, err := flatCell(it)
			if err != nil {
				return "", err
			}
			if strings.Contains(c, listSep) {
				return "", fmt.Errorf("an item holds %q", listSep)
			}
			cells[i] = c
		}
		return strings.Join(cells, listSep), nil
	case '{':
		var iv struct {
			Lo *json.Number `json:"lo"`
			Hi *json.Number `json:"hi"`
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&iv); err != nil {
			return "", fmt.Errorf("want an interval {\"lo\": n, \"hi\": n or null}: %w", err)
		}
		if iv.Lo == nil {
			return "", fmt.Errorf("an interval without lo")
		}
		if iv.Hi == nil {
			return "[" + iv.Lo.String() + ", ∞)", nil
		}
		return "[" + iv.Lo.String() + ", " + iv.Hi.String() + "]", nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", err
	}
	return n.String(), nil
}
