package interchange

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// figureRow is a figure as a CSV line holds it: which disputed claims fall
// below the verified floor is a column of its own, merged into the
// disputes when the line is complete.
type figureRow struct {
	f     reconcile.Figure
	below []source.ClaimID
}

func figureScope(r *figureRow) *release.Scope { return &r.f.Scope }

// countColumn is a column holding a count at *field(r).
func countColumn(name string, field func(*figureRow) *int) column[figureRow] {
	return column[figureRow]{name: name, required: true,
		get: plain(func(r *figureRow) string { return strconv.Itoa(*field(r)) }),
		set: func(r *figureRow, s string) (err error) { *field(r), err = parseRequired(s, parseCount); return }}
}

// optional returns c as a column that may be left out, or empty.
func optional(c column[figureRow]) column[figureRow] {
	set := c.set
	c.required = false
	c.set = func(r *figureRow, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return set(r, s)
	}
	return c
}

// idsColumn is a column holding a list of claim IDs at *field(r).
func idsColumn(name string, field func(*figureRow) *[]source.ClaimID) column[figureRow] {
	return column[figureRow]{name: name,
		get: func(r *figureRow) (string, error) { return listCell(*field(r)) },
		set: func(r *figureRow, s string) (err error) { *field(r), err = parseList(s, parseClaimID); return }}
}

// intervalColumn is a column holding an interval in its text form,
// "[282, 344]" or "[104, ∞)".
func intervalColumn(name string, field func(*figureRow) *source.Interval) column[figureRow] {
	return column[figureRow]{name: name,
		get: plain(func(r *figureRow) string { return field(r).String() }),
		set: func(r *figureRow, s string) (err error) { *field(r), err = parseOptional(s, parseInterval); return }}
}

// boolColumn is an optional column of a flag, "true" or "false"; empty
// reads as false.
func boolColumn(name string, field func(*figureRow) *bool) column[figureRow] {
	return column[figureRow]{name: name,
		get: plain(func(r *figureRow) string { return strconv.FormatBool(*field(r)) }),
		set: func(r *figureRow, s string) (err error) { *field(r), err = parseOptional(s, parseBool); return }}
}

// disputeSep separates a disputed claim from the claim it contradicts in
// the disputed column: "fp-80>gov-626".
const disputeSep = ">"

var figureTable = &table[figureRow]{
	kind: "figures",
	columns: concat(
		[]column[figureRow]{
			{name: "measure", required: true,
				get: plain(func(r *figureRow) string { return enumCell(r.f.Measure) }),
				set: func(r *figureRow, s string) (err error) {
					r.f.Measure, err = parseRequired(s, parseEnum[source.Measure]())
					return
				}},
		},
		scopeColumns("", figureScope, false),
		[]column[figureRow]{
			countColumn("verified", func(r *figureRow) *int { return &r.f.Verified }),
			countColumn("low", func(r *figureRow) *int { return &r.f.Low }),
			countColumn("best", func(r *figureRow) *int { return &r.f.Best }),
			countColumn("high", func(r *figureRow) *int { return &r.f.High }),
			boolColumn("high_open", func(r *figureRow) *bool { return &r.f.HighOpen }),
			boolColumn("best_open", func(r *figureRow) *bool { return &r.f.BestOpen }),
			{name: "consensus_low", required: true,
				get: plain(func(r *figureRow) string { return strconv.Itoa(r.f.Consensus.Lo()) }),
				set: func(r *figureRow, s string) error {
					lo, err := parseRequired(s, parseCount)
					if err != nil {
						return err
					}
					r.f.Consensus, err = withLo(r.f.Consensus, lo)
					return err
				}},
			{name: "consensus_high", required: true,
				get: plain(func(r *figureRow) string {
					if hi, ok := r.f.Consensus.Hi(); ok {
						return strconv.Itoa(hi)
					}
					return ""
				}),
				set: func(r *figureRow, s string) error {
					if strings.TrimSpace(s) == "" {
						return nil // unbounded
					}
					hi, err := parseRequired(s, parseCount)
					if err != nil {
						return err
					}
					r.f.Consensus, err = source.NewInterval(r.f.Consensus.Lo(), hi)
					if err != nil {
						return because(ErrInvalid, err)
					}
					return nil
				}},
			{name: "confidence", required: true,
				get: plain(func(r *figureRow) string { return decimalCell(r.f.Confidence) }),
				set: func(r *figureRow, s string) (err error) { r.f.Confidence, err = parseRequired(s, parseDecimal); return }},
			optional(countColumn("floor", func(r *figureRow) *int { return &r.f.Floor })),
			intervalColumn("cap", func(r *figureRow) *source.Interval { return &r.f.Cap }),
			intervalColumn("unverified", func(r *figureRow) *source.Interval { return &r.f.Unverified }),
			boolColumn("tension", func(r *figureRow) *bool { return &r.f.Tension }),
			idsColumn("claims", func(r *figureRow) *[]source.ClaimID { return &r.f.Claims }),
			idsColumn("support", func(r *figureRow) *[]source.ClaimID { return &r.f.Support }),
			idsColumn("low_from", func(r *figureRow) *[]source.ClaimID { return &r.f.LowFrom }),
			idsColumn("best_from", func(r *figureRow) *[]source.ClaimID { return &r.f.BestFrom }),
			idsColumn("high_from", func(r *figureRow) *[]source.ClaimID { return &r.f.HighFrom }),
			idsColumn("floor_from", func(r *figureRow) *[]source.ClaimID { return &r.f.FloorFrom }),
			idsColumn("cap_from", func(r *figureRow) *[]source.ClaimID { return &r.f.CapFrom }),
			{name: "disputed",
				get: func(r *figureRow) (string, error) { return disputesCell(r.f.Disputed) },
				set: func(r *figureRow, s string) (err error) { r.f.Disputed, err = parseDisputes(s); return }},
			idsColumn("below_verified", func(r *figureRow) *[]source.ClaimID { return &r.below }),
			idsColumn("superseded", func(r *figureRow) *[]source.ClaimID { return &r.f.Superseded }),
			idsColumn("relayed", func(r *figureRow) *[]source.ClaimID { return &r.f.Relayed }),
			idsColumn("retracted", func(r *figureRow) *[]source.ClaimID { return &r.f.Retracted }),
			idsColumn("unresolved", func(r *figureRow) *[]source.ClaimID { return &r.f.Unresolved }),
			idsColumn("ignored", func(r *figureRow) *[]source.ClaimID { return &r.f.Ignored }),
			idsColumn("pledged", func(r *figureRow) *[]source.ClaimID { return &r.f.Pledged }),
		},
	),
	finish: func(r *figureRow) {
		for i := range r.f.Disputed {
			for _, id := range r.below {
				if r.f.Disputed[i].Claim == id {
					r.f.Disputed[i].BelowVerified = true
				}
			}
		}
	},
	check: func(r figureRow) error {
		errs := []error{checkFigure(r.f, "population")}
		for _, id := range r.below {
			found := false
			for _, d := range r.f.Disputed {
				found = found || d.Claim == id
			}
			if !found {
				errs = append(errs, &colError{"below_verified", reason(ErrInvalid, "claim %s is not disputed", quote(id.String()))})
			}
		}
		return errors.Join(errs...)
	},
}

// withLo returns iv with its low end set to lo.
func withLo(iv source.Interval, lo int) (source.Interval, error) {
	var out source.Interval
	var err error
	if hi, ok := iv.Hi(); ok {
		out, err = source.NewInterval(lo, hi)
	} else {
		out, err = source.NewIntervalFrom(lo)
	}
	if err != nil {
		return iv, because(ErrInvalid, err)
	}
	return out, nil
}

// checkFigure checks the rules every figure keeps: a measure and a scope,
// counts in order (Verified ≤ Low ≤ Best ≤ High), a confidence in [0, 1].
// scopeKey is the column or key of the scope's population.
func checkFigure(f reconcile.Figure, scopeKey string) error {
	var errs []error
	if !f.Measure.IsValid() {
		errs = append(errs, &colError{"measure", reason(ErrInvalid, "missing")})
	}
	if !f.Scope.IsValid() {
		errs = append(errs, &colError{scopeKey, reason(ErrInvalid, "missing population or region")})
	}
	for _, c := range []struct {
		name   string
		n, min int
		after  string
	}{
		{"verified", f.Verified, 0, "0"},
		{"low", f.Low, f.Verified, "verified"},
		{"best", f.Best, f.Low, "low"},
		{"high", f.High, f.Best, "best"},
		{"floor", f.Floor, 0, "0"},
		{"low", f.Low, f.Floor, "floor"},
	} {
		if c.n < c.min || c.n > source.MaxCount {
			errs = append(errs, &colError{c.name, reason(ErrInvalid, "%d below %s (%d) or above %d", c.n, c.after, c.min, source.MaxCount)})
		}
	}
	if f.Confidence.Sign() < 0 || f.Confidence.GreaterThan(decimal.NewFromInt(1)) {
		errs = append(errs, &colError{"confidence", reason(ErrInvalid, "outside [0, 1]")})
	}
	return errors.Join(errs...)
}

// disputesCell writes disputes as "CLAIM>CONTRADICTS" items, "CLAIM" alone
// where it contradicts no claim.
func disputesCell(ds []reconcile.Dispute) (string, error) {
	items := make([]string, len(ds))
	for i, d := range ds {
		for _, id := range []source.ClaimID{d.Claim, d.Contradicts} {
			if s := id.String(); strings.Contains(s, listSep) || strings.Contains(s, disputeSep) {
				return "", reason(ErrUnencodable, "claim ID %s holds %q or %q, which separate disputes in CSV; use JSON Lines", quote(s), listSep, disputeSep)
			}
		}
		items[i] = d.Claim.String()
		if d.Contradicts.IsValid() {
			items[i] += disputeSep + d.Contradicts.String()
		}
	}
	return strings.Join(items, listSep), nil
}

func parseDisputes(s string) ([]reconcile.Dispute, error) {
	var out []reconcile.Dispute
	for _, item := range splitList(s) {
		a, b, hasB := strings.Cut(item, disputeSep)
		var d reconcile.Dispute
		var err error
		if d.Claim, err = parseRequired(a, parseClaimID); err != nil {
			return nil, err
		}
		if hasB {
			if d.Contradicts, err = parseRequired(b, parseClaimID); err != nil {
				return nil, err
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// figureJSON is a figure in JSON Lines, with the CSV columns' names as
// keys (the scope an object) and lists as arrays.
type figureJSON struct {
	Measure       source.Measure   `json:"measure"`
	Scope         json.RawMessage  `json:"scope"`
	Verified      int              `json:"verified"`
	Low           int              `json:"low"`
	Best          int              `json:"best"`
	High          int              `json:"high"`
	HighOpen      bool             `json:"high_open,omitempty"`
	BestOpen      bool             `json:"best_open,omitempty"`
	ConsensusLow  int              `json:"consensus_low"`
	ConsensusHigh *int             `json:"consensus_high,omitempty"`
	Confidence    json.RawMessage  `json:"confidence"`
	Floor         int              `json:"floor"`
	Cap           json.RawMessage  `json:"cap"`
	Unverified    json.RawMessage  `json:"unverified"`
	Tension       bool             `json:"tension,omitempty"`
	Claims        []source.ClaimID `json:"claims,omitempty"`
	Support       []source.ClaimID `json:"support,omitempty"`
	LowFrom       []source.ClaimID `json:"low_from,omitempty"`
	BestFrom      []source.ClaimID `json:"best_from,omitempty"`
	HighFrom      []source.ClaimID `json:"high_from,omitempty"`
	FloorFrom     []source.ClaimID `json:"floor_from,omitempty"`
	CapFrom       []source.ClaimID `json:"cap_from,omitempty"`
	Disputed      []disputeJSON    `json:"disputed,omitempty"`
	Superseded    []source.ClaimID `json:"superseded,omitempty"`
	Relayed       []source.ClaimID `json:"relayed,omitempty"`
	Retracted     []source.ClaimID `json:"retracted,omitempty"`
	Unresolved    []source.ClaimID `json:"unresolved,omitempty"`
	Ignored       []source.ClaimID `json:"ignored,omitempty"`
	Pledged       []source.ClaimID `json:"pledged,omitempty"`
}

type disputeJSON struct {
	Claim         source.ClaimID `json:"claim"`
	Contradicts   source.ClaimID `json:"contradicts,omitzero"`
	BelowVerified bool           `json:"below_verified,omitempty"`
}

// jsonKeys returns the JSON keys of the fields of struct v.
func jsonKeys(v any) []string {
	t := reflect.TypeOf(v)
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}

func encodeFigure(r figureRow) ([]byte, error) {
	f := r.f
	if err := checkFigure(f, "scope"); err != nil {
		return nil, err
	}
	scope, err := json.Marshal(f.Scope)
	if err != nil {
		return nil, err
	}
	cap, _ := f.Cap.MarshalText()
	unv, _ := f.Unverified.MarshalText()
	v := figureJSON{
		Measure: f.Measure, Scope: scope, Verified: f.Verified, Low: f.Low, Best: f.Best, High: f.High,
		HighOpen: f.HighOpen, BestOpen: f.BestOpen, ConsensusLow: f.Consensus.Lo(), Confidence: json.RawMessage(strconv.Quote(decimalCell(f.Confidence))),
		Floor: f.Floor, Cap: json.RawMessage(strconv.Quote(string(cap))), Unverified: json.RawMessage(strconv.Quote(string(unv))),
		Tension: f.Tension, Claims: f.Claims, Support: f.Support, LowFrom: f.LowFrom, BestFrom: f.BestFrom,
		HighFrom: f.HighFrom, FloorFrom: f.FloorFrom, CapFrom: f.CapFrom, Superseded: f.Superseded,
		Relayed: f.Relayed, Retracted: f.Retracted, Unresolved: f.Unresolved, Ignored: f.Ignored, Pledged: f.Pledged,
	}
	if hi, ok := f.Consensus.Hi(); ok {
		v.ConsensusHigh = &hi
	}
	for _, d := range f.Disputed {
		v.Disputed = append(v.Disputed, disputeJSON(d))
	}
	return json.Marshal(v)
}

func decodeFigure(b []byte) (figureRow, error) {
	var v figureJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return figureRow{}, jsonFieldErr(err)
	}
	f := reconcile.Figure{
		Measure: v.Measure, Verified: v.Verified, Low: v.Low, Best: v.Best, High: v.High, Floor: v.Floor,
		HighOpen: v.HighOpen, BestOpen: v.BestOpen,
		Tension: v.Tension, Claims: v.Claims, Support: v.Support, LowFrom: v.LowFrom, BestFrom: v.BestFrom,
		HighFrom: v.HighFrom, FloorFrom: v.FloorFrom, CapFrom: v.CapFrom, Superseded: v.Superseded,
		Relayed: v.Relayed, Retracted: v.Retracted, Unresolved: v.Unresolved, Ignored: v.Ignored, Pledged: v.Pledged,
	}
	var errs []error
	sub := func(key string, raw json.RawMessage, dst any) {
		if raw == nil {
			errs = append(errs, &colError{key, reason(ErrInvalid, "missing")})
			return
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			errs = append(errs, &colError{key, because(ErrInvalid, err)})
		}
	}
	sub("scope", v.Scope, &f.Scope)
	sub("cap", v.Cap, &f.Cap)
	sub("unverified", v.Unverified, &f.Unverified)
	var conf string
	sub("confidence", v.Confidence, &conf)
	if d, err := parseDecimal(conf); err == nil {
		f.Confidence = d
	} else if v.Confidence != nil {
		errs = append(errs, &colError{"confidence", err})
	}
	var err error
	if v.ConsensusHigh != nil {
		f.Consensus, err = source.NewInterval(v.ConsensusLow, *v.ConsensusHigh)
	} else {
		f.Consensus, err = source.NewIntervalFrom(v.ConsensusLow)
	}
	if err != nil {
		errs = append(errs, &colError{"consensus_low", because(ErrInvalid, err)})
	}
	for _, d := range v.Disputed {
		if !d.Claim.IsValid() {
			errs = append(errs, &colError{"disputed", reason(ErrInvalid, "a dispute without a claim")})
		}
		f.Disputed = append(f.Disputed, reconcile.Dispute(d))
	}
	if len(errs) == 0 {
		errs = append(errs, checkFigure(f, "scope"))
	}
	if err := errors.Join(errs...); err != nil {
		return figureRow{}, err
	}
	return figureRow{f: f}, nil
}

// jsonFieldErr attributes an error of encoding/json to the key it is
// about, where it says.
func jsonFieldErr(err error) error {
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok && te.Field != "" {
		key, _, _ := strings.Cut(te.Field, ".")
		return &colError{key, because(ErrInvalid, err)}
	}
	if pathOf(err) != nil {
		return err
	}
	return because(ErrInvalid, err)
}

func init() {
	figureTable.encode = encodeFigure
	figureTable.decode = decodeFigure
	figureTable.keys = jsonKeys(figureJSON{})
	figureTable.nested = map[string][]string{"scope": scopeKeys, "disputed[]": jsonKeys(disputeJSON{})}
}

func rowsOf(fs []reconcile.Figure) []figureRow {
	rows := make([]figureRow, len(fs))
	for i, f := range fs {
		rows[i].f = f
		for _, d := range f.Disputed {
			if d.BelowVerified {
				rows[i].below = append(rows[i].below, d.Claim)
			}
		}
	}
	return rows
}

// ReadFigures reads figures in format f, all or nothing, as [ReadSources]
// does. Each has a measure and a scope, Verified ≤ Low ≤ Best ≤ High and a
// confidence in [0, 1].
func ReadFigures(r io.Reader, f Format) ([]reconcile.Figure, error) {
	rows, err := read(r, f, figureTable)
	if err != nil {
		return nil, err
	}
	out := make([]reconcile.Figure, len(rows))
	for i, row := range rows {
		out[i] = row.f
	}
	return out, nil
}

// WriteFigures writes the figures in format f, all or nothing, as
// [WriteSources] does: in CSV, one line per figure with UCDP-style low,
// best and high columns, the verified floor, the consensus bounds and the
// claim IDs behind each number (see the package documentation).
// [ReadFigures] reads back equal figures ([reconcile.Figure.Equal]).
func WriteFigures(w io.Writer, f Format, fs []reconcile.Figure) error {
	return write(w, f, figureTable, rowsOf(fs))
}
