package interchange

import (
	"encoding/json"
	"io"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// scopeColumns returns the three columns of a scope held at *scope(v),
// their names prefixed with prefix. With optional, empty cells read as the
// zero value (a relative claim's scope is its referent's) and a zero scope
// writes as three empty cells.
func scopeColumns[T any](prefix string, scope func(*T) *release.Scope, optional bool) []column[T] {
	parse := func(s string, p func(string) (release.Population, error)) (release.Population, error) {
		if optional {
			return parseOptional(s, p)
		}
		return parseRequired(s, p)
	}
	parseR := func(s string) (release.Region, error) {
		if optional {
			return parseOptional(s, parseRegion)
		}
		return parseRequired(s, parseRegion)
	}
	parseP := func(s string) (release.Period, error) {
		if optional {
			return parseOptional(s, parsePeriod)
		}
		return parseRequired(s, parsePeriod)
	}
	zero := func(v *T) bool { return optional && *scope(v) == (release.Scope{}) }
	return []column[T]{
		{name: prefix + "population", required: true,
			get: plain(func(v *T) string { return idCell(scope(v).Population()) }),
			set: func(v *T, c string) error {
				p, err := parse(c, parsePopulation)
				*scope(v) = scope(v).WithPopulation(p)
				return err
			},
			same: func(d, s *T) { *scope(d) = scope(d).WithPopulation(scope(s).Population()) }},
		{name: prefix + "region", required: true,
			get: plain(func(v *T) string { return idCell(scope(v).Region()) }),
			set: func(v *T, c string) error {
				r, err := parseR(c)
				*scope(v) = scope(v).WithRegion(r)
				return err
			},
			same: func(d, s *T) { *scope(d) = scope(d).WithRegion(scope(s).Region()) }},
		{name: prefix + "period", required: true,
			get: plain(func(v *T) string {
				if zero(v) {
					return ""
				}
				return periodCell(scope(v).Period())
			}),
			set: func(v *T, c string) error {
				p, err := parseP(c)
				*scope(v) = scope(v).WithPeriod(p)
				return err
			},
			same: func(d, s *T) { *scope(d) = scope(d).WithPeriod(scope(s).Period()) }},
	}
}

func claimScope(c *source.Claim) *release.Scope { return &c.Scope }

// claimTable exchanges [source.Claim].
var claimTable = &table[source.Claim]{
	kind: "claims",
	columns: concat(
		[]column[source.Claim]{
			{name: "id", required: true,
				get: plain(func(c *source.Claim) string { return idCell(c.ID) }),
				set: func(c *source.Claim, s string) (err error) { c.ID, err = parseRequired(s, parseClaimID); return }},
			{name: "source", required: true,
				get:  plain(func(c *source.Claim) string { return idCell(c.Source) }),
				set:  func(c *source.Claim, s string) (err error) { c.Source, err = parseRequired(s, parseSourceID); return },
				same: func(d, s *source.Claim) { d.Source = s.Source }},
			{name: "via",
				get: func(c *source.Claim) (string, error) { return listCell(c.Via) },
				set: func(c *source.Claim, s string) (err error) { c.Via, err = parseList(s, parseSourceID); return }},
			{name: "stated", required: true,
				get: func(c *source.Claim) (string, error) {
					if c.DayOnly {
						return c.StatedDay().String(), nil
					}
					return timeCell(c.Stated)
				},
				set: func(c *source.Claim, s string) error {
					st, err := parseRequired(s, parseStated)
					c.Stated, c.DayOnly = st.at, st.dayOnly
					return err
				},
				same: func(d, s *source.Claim) { d.Stated, d.DayOnly = s.Stated, s.DayOnly }},
			{name: "measure", required: true,
				get: plain(func(c *source.Claim) string { return enumCell(c.Measure) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Measure, err = parseRequired(s, parseEnum[source.Measure]())
					return
				},
				same: func(d, s *source.Claim) { d.Measure = s.Measure }},
		},
		scopeColumns("", claimScope, true),
		[]column[source.Claim]{
			{name: "quantity", required: true,
				get: plain(func(c *source.Claim) string {
					if !c.Quantity.IsValid() {
						return ""
					}
					return c.Quantity.String()
				}),
				set:  func(c *source.Claim, s string) (err error) { c.Quantity, err = parseOptional(s, parseQuantity); return },
				same: func(d, s *source.Claim) { d.Quantity = s.Quantity }},
			{name: "relative_to",
				get: plain(func(c *source.Claim) string { return idCell(c.Relative.To) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Relative.To, err = parseOptional(s, parseClaimID)
					return
				}},
			{name: "ratio",
				get: plain(func(c *source.Claim) string {
					if c.Relative.IsZero() {
						return ""
					}
					return decimalCell(c.Relative.Ratio)
				}),
				set: func(c *source.Claim, s string) (err error) {
					c.Relative.Ratio, err = parseOptional(s, parseDecimal)
					return
				}},
			{name: "relative_kind",
				get: plain(func(c *source.Claim) string { return enumCell(c.Relative.Kind) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Relative.Kind, err = parseOptional(s, parseEnum[source.QuantityKind]())
					return
				}},
			{name: "status", required: true,
				get: plain(func(c *source.Claim) string { return enumCell(c.Status) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Status, err = parseRequired(s, parseEnum[source.Status]())
					return
				},
				same: func(d, s *source.Claim) { d.Status = s.Status }},
			{name: "basis", required: true,
				get: plain(func(c *source.Claim) string { return enumCell(c.Basis) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Basis, err = parseRequired(s, parseEnum[source.Basis]())
					return
				},
				same: func(d, s *source.Claim) { d.Basis = s.Basis }},
			{name: "named",
				get: func(c *source.Claim) (string, error) { return listCell(c.Named) },
				set: func(c *source.Claim, s string) (err error) { c.Named, err = parseList(s, parseDetaineeID); return }},
			{name: "supersedes",
				get: plain(func(c *source.Claim) string { return idCell(c.Supersedes) }),
				set: func(c *source.Claim, s string) (err error) {
					c.Supersedes, err = parseOptional(s, parseClaimID)
					return
				}},
			{name: "url",
				get: plain(func(c *source.Claim) string { return c.Citation.URL }),
				set: func(c *source.Claim, s string) error { c.Citation.URL = s; return nil }},
			{name: "quote",
				get: plain(func(c *source.Claim) string { return c.Citation.Quote }),
				set: func(c *source.Claim, s string) error { c.Citation.Quote = s; return nil }},
			{name: "language",
				get: plain(func(c *source.Claim) string { return c.Citation.Language }),
				set: func(c *source.Claim, s string) (err error) {
					c.Citation.Language, err = parseOptional(s, parseLanguage)
					return
				},
				same: func(d, s *source.Claim) { d.Citation.Language = s.Citation.Language }},
		},
	),
	check: source.Claim.Validate,
	fields: map[string]string{
		"Claim.ID": "id", "Claim.Source": "source", "Claim.Via": "via", "Claim.Stated": "stated",
		"Claim.Measure": "measure", "Claim.Scope.Population": "population", "Claim.Scope.Region": "region",
		"Claim.Scope.Period": "period", "Claim.Quantity": "quantity",
		"Claim.Relative": "relative_to", "Claim.Relative.To": "relative_to", "Claim.Relative.Ratio": "ratio",
		"Claim.Relative.Kind": "relative_kind", "Claim.Status": "status", "Claim.Basis": "basis",
		"Claim.Named": "named", "Claim.Supersedes": "supersedes", "Claim.Citation.URL": "url",
		"Claim.Citation.Quote": "quote", "Claim.Citation.Language": "language",
	},
	keyFields: map[string]string{
		"Claim.ID": "id", "Claim.Source": "source", "Claim.Via": "via", "Claim.Stated": "stated",
		"Claim.Measure": "measure", "Claim.Scope": "scope", "Claim.Scope.Population": "scope.population",
		"Claim.Scope.Region": "scope.region", "Claim.Scope.Period": "scope.period", "Claim.Quantity": "quantity",
		"Claim.Relative": "relative", "Claim.Relative.To": "relative.to", "Claim.Relative.Ratio": "relative.ratio",
		"Claim.Relative.Kind": "relative.kind", "Claim.Status": "status", "Claim.Basis": "basis",
		"Claim.Named": "named", "Claim.Supersedes": "supersedes", "Claim.Citation": "citation",
		"Claim.Citation.URL": "citation.url", "Claim.Citation.Quote": "citation.quote",
		"Claim.Citation.Language": "citation.language",
	},
	decode: func(b []byte) (c source.Claim, err error) { err = json.Unmarshal(b, &c); return },
	encode: func(c source.Claim) ([]byte, error) { return json.Marshal(c) },
	keys: []string{"id", "source", "via", "stated", "measure", "scope", "quantity", "relative",
		"status", "basis", "named", "supersedes", "citation"},
	nested: map[string][]string{
		"scope":    scopeKeys,
		"relative": {"to", "ratio", "kind"},
		"citation": {"url", "quote", "language"},
	},
}

// scopeKeys are the keys of a scope in JSON.
var scopeKeys = []string{"population", "region", "period"}

func concat[T any](parts ...[]column[T]) []column[T] {
	var out []column[T]
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// ReadClaims reads claims in format f, all or nothing: if any line is bad,
// it returns no claim and an error that joins a [*LineError] for each
// problem. Each claim is valid alone ([source.Claim.Validate]); whether
// its source is known and its chains sound is for the evidence that holds
// it ([ReadEvidence], [reconcile.Evidence.AddClaims]).
func ReadClaims(r io.Reader, f Format) ([]source.Claim, error) { return read(r, f, claimTable) }

// WriteClaims writes the claims in format f, all or nothing, as
// [WriteSources] does. [ReadClaims] reads back equal claims
// ([source.Claim.Equal]).
func WriteClaims(w io.Writer, f Format, cs []source.Claim) error {
	return write(w, f, claimTable, cs)
}
