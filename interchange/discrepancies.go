package interchange

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// sideColumns are the columns of one side of a discrepancy, prefixed
// "a_" or "b_".
func sideColumns(prefix string, side func(*reconcile.Discrepancy) *reconcile.Side) []column[reconcile.Discrepancy] {
	type D = reconcile.Discrepancy
	return concat(
		[]column[D]{
			{name: prefix + "claim", required: true,
				get: plain(func(d *D) string { return idCell(side(d).Claim) }),
				set: func(d *D, s string) (err error) { side(d).Claim, err = parseRequired(s, parseClaimID); return }},
			{name: prefix + "source", required: true,
				get: plain(func(d *D) string { return idCell(side(d).Source) }),
				set: func(d *D, s string) (err error) { side(d).Source, err = parseRequired(s, parseSourceID); return }},
			{name: prefix + "quantity", required: true,
				get: plain(func(d *D) string {
					if q := side(d).Quantity; q.IsValid() {
						return q.String()
					}
					return ""
				}),
				set: func(d *D, s string) (err error) { side(d).Quantity, err = parseOptional(s, parseQuantity); return }},
			{name: prefix + "measure", required: true,
				get: plain(func(d *D) string { return enumCell(side(d).Measure) }),
				set: func(d *D, s string) (err error) {
					side(d).Measure, err = parseRequired(s, parseEnum[source.Measure]())
					return
				}},
		},
		scopeColumns(prefix, func(d *D) *release.Scope { return &side(d).Scope }, false),
		[]column[D]{
			{name: prefix + "interval", required: true,
				get: plain(func(d *D) string { return side(d).Interval.String() }),
				set: func(d *D, s string) (err error) { side(d).Interval, err = parseOptional(s, parseInterval); return }},
		},
	)
}

var discrepancyTable = &table[reconcile.Discrepancy]{
	kind: "discrepancies",
	columns: concat(
		sideColumns("a_", func(d *reconcile.Discrepancy) *reconcile.Side { return &d.A }),
		sideColumns("b_", func(d *reconcile.Discrepancy) *reconcile.Side { return &d.B }),
		[]column[reconcile.Discrepancy]{
			{name: "cause", required: true,
				get: plain(func(d *reconcile.Discrepancy) string { return enumCell(d.Cause) }),
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Cause, err = parseRequired(s, parseEnum[reconcile.Cause]())
					return
				}},
			{name: "differences",
				get: func(d *reconcile.Discrepancy) (string, error) { return listCell(d.Differences) },
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Differences, err = parseList(s, parseEnum[reconcile.Cause]())
					return
				}},
			{name: "nested",
				get: plain(func(d *reconcile.Discrepancy) string { return strconv.FormatBool(d.Nested) }),
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Nested, err = parseOptional(s, parseBool)
					return
				}},
			{name: "conflict",
				get: plain(func(d *reconcile.Discrepancy) string { return strconv.FormatBool(d.Conflict) }),
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Conflict, err = parseOptional(s, parseBool)
					return
				}},
			// An empty ratio reads as zero: freedcount's command leaves it
			// out where the two claims are about different periods, where
			// A's figure over B's means nothing to a reader.
			{name: "ratio",
				get: plain(func(d *reconcile.Discrepancy) string { return decimalCell(d.Ratio) }),
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Ratio, err = parseOptional(s, parseDecimal)
					return
				}},
			{name: "gap",
				get: plain(func(d *reconcile.Discrepancy) string { return strconv.Itoa(d.Gap) }),
				set: func(d *reconcile.Discrepancy, s string) (err error) {
					d.Gap, err = parseOptional(s, parseCount)
					return
				}},
		},
	),
	check:  func(d reconcile.Discrepancy) error { return checkDiscrepancy(d, csvSideColumn) },
	decode: decodeDiscrepancy,
	encode: encodeDiscrepancy,
	keys:   []string{"a", "b", "cause", "differences", "nested", "conflict", "ratio", "gap"},
	nested: map[string][]string{
		"a": sideKeys, "b": sideKeys, "a.scope": scopeKeys, "b.scope": scopeKeys,
	},
}

// csvSideColumn names the CSV column of a field of side "a" or "b".
func csvSideColumn(side, field string) string {
	if field == "scope" {
		field = "population"
	}
	return side + "_" + field
}

// jsonSideKey names the JSON key of a field of side "a" or "b": the side.
func jsonSideKey(side, _ string) string { return side }

// checkDiscrepancy checks that each side names a claim, a source, a
// measure and a scope, that the causes are known and the ratio is not
// negative. col names the column or key of a field of a side.
func checkDiscrepancy(d reconcile.Discrepancy, col func(side, field string) string) error {
	var errs []error
	for _, s := range []struct {
		name string
		side reconcile.Side
	}{{"a", d.A}, {"b", d.B}} {
		if !s.side.Claim.IsValid() {
			errs = append(errs, &colError{col(s.name, "claim"), reason(ErrInvalid, "missing claim")})
		}
		if !s.side.Source.IsValid() {
			errs = append(errs, &colError{col(s.name, "source"), reason(ErrInvalid, "missing source")})
		}
		if !s.side.Measure.IsValid() {
			errs = append(errs, &colError{col(s.name, "measure"), reason(ErrInvalid, "missing measure")})
		}
		if !s.side.Scope.IsValid() {
			errs = append(errs, &colError{col(s.name, "scope"), reason(ErrInvalid, "missing population or region")})
		}
	}
	if !d.Cause.IsValid() {
		errs = append(errs, &colError{"cause", reason(ErrInvalid, "missing")})
	}
	for _, c := range d.Differences {
		if !c.IsValid() {
			errs = append(errs, &colError{"differences", reason(ErrInvalid, "unknown cause %s", c)})
			break
		}
	}
	if d.A.Claim.IsValid() && d.A.Claim == d.B.Claim {
		errs = append(errs, &colError{col("b", "claim"), reason(ErrInvalid, "the same claim as a: a claim has no discrepancy with itself")})
	}
	if d.Ratio.Sign() < 0 {
		errs = append(errs, &colError{"ratio", reason(ErrInvalid, "negative")})
	}
	if d.Gap < 0 || d.Gap > source.MaxCount {
		errs = append(errs, &colError{"gap", reason(ErrInvalid, "want a count in [0, %d]", source.MaxCount)})
	}
	return errors.Join(errs...)
}

// sideKeys are the keys of one side of a discrepancy in JSON.
var sideKeys = jsonKeys(sideJSON{})

type sideJSON struct {
	Claim    source.ClaimID   `json:"claim"`
	Source   source.SourceID  `json:"source"`
	Measure  source.Measure   `json:"measure"`
	Scope    json.RawMessage  `json:"scope"`
	Quantity *source.Quantity `json:"quantity,omitempty"`
	Interval source.Interval  `json:"interval"`
}

type discrepancyJSON struct {
	A           sideJSON          `json:"a"`
	B           sideJSON          `json:"b"`
	Cause       reconcile.Cause   `json:"cause"`
	Differences []reconcile.Cause `json:"differences,omitempty"`
	Nested      bool              `json:"nested"`
	Conflict    bool              `json:"conflict"`
	Ratio       json.RawMessage   `json:"ratio"`
	Gap         int               `json:"gap,omitempty"`
}

func encodeSide(s reconcile.Side) (sideJSON, error) {
	scope, err := json.Marshal(s.Scope)
	v := sideJSON{Claim: s.Claim, Source: s.Source, Measure: s.Measure, Scope: scope, Interval: s.Interval}
	if s.Quantity.IsValid() {
		v.Quantity = &s.Quantity
	}
	return v, err
}

func encodeDiscrepancy(d reconcile.Discrepancy) ([]byte, error) {
	if err := checkDiscrepancy(d, jsonSideKey); err != nil {
		return nil, err
	}
	a, err := encodeSide(d.A)
	if err != nil {
		return nil, err
	}
	b, err := encodeSide(d.B)
	if err != nil {
		return nil, err
	}
	return json.Marshal(discrepancyJSON{A: a, B: b, Cause: d.Cause, Differences: d.Differences,
		Nested: d.Nested, Conflict: d.Conflict, Ratio: json.RawMessage(strconv.Quote(decimalCell(d.Ratio))), Gap: d.Gap})
}

func decodeDiscrepancy(b []byte) (reconcile.Discrepancy, error) {
	var v discrepancyJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return reconcile.Discrepancy{}, jsonFieldErr(err)
	}
	d := reconcile.Discrepancy{Cause: v.Cause, Differences: v.Differences, Nested: v.Nested, Conflict: v.Conflict, Gap: v.Gap}
	var errs []error
	for _, s := range []struct {
		key string
		in  sideJSON
		out *reconcile.Side
	}{{"a", v.A, &d.A}, {"b", v.B, &d.B}} {
		*s.out = reconcile.Side{Claim: s.in.Claim, Source: s.in.Source, Measure: s.in.Measure, Interval: s.in.Interval}
		if s.in.Quantity != nil {
			s.out.Quantity = *s.in.Quantity
		}
		if s.in.Scope != nil {
			if err := json.Unmarshal(s.in.Scope, &s.out.Scope); err != nil {
				errs = append(errs, &colError{s.key, because(ErrInvalid, err)})
			}
		}
	}
	var ratio string
	if len(v.Ratio) == 0 || string(v.Ratio) == "null" {
		// Left out, as an empty CSV cell: zero.
	} else if err := json.Unmarshal(v.Ratio, &ratio); err != nil {
		errs = append(errs, &colError{"ratio", reason(ErrInvalid, "want a decimal number as a string, such as \"0.5\"")})
	} else if d.Ratio, err = parseDecimal(ratio); err != nil {
		errs = append(errs, &colError{"ratio", err})
	}
	if len(errs) == 0 {
		errs = append(errs, checkDiscrepancy(d, jsonSideKey))
	}
	if err := errors.Join(errs...); err != nil {
		return reconcile.Discrepancy{}, err
	}
	return d, nil
}

// ReadDiscrepancies reads discrepancies in format f, all or nothing, as
// [ReadSources] does.
func ReadDiscrepancies(r io.Reader, f Format) ([]reconcile.Discrepancy, error) {
	return read(r, f, discrepancyTable)
}

// WriteDiscrepancies writes the discrepancies in format f, all or nothing,
// as [WriteSources] does: in CSV, one line per pair of claims, each side
// with its claim, source, figure as said, measure, scope and interval,
// then the cause and the other differences. [ReadDiscrepancies] reads back
// equal discrepancies ([reconcile.Discrepancy.Equal]).
func WriteDiscrepancies(w io.Writer, f Format, ds []reconcile.Discrepancy) error {
	return write(w, f, discrepancyTable, ds)
}
