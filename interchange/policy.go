package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/freedcount/freedcount/internal/suggest"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
	"github.com/shopspring/decimal"
)

// A policy file is one JSON object holding every field of
// [reconcile.Policy]. [WritePolicy] writes every key; [ReadPolicy] reads
// any subset of them, a key left out keeping its value in
// [reconcile.DefaultPolicy]:
//
//	{
//	  "best": "weighted_median",
//	  "hierarchy": ["foro-penal"],
//	  "status_weights": {"preliminary": 0.8, "verified": 1, "final": 1},
//	  "basis_weights": {"named_list": 1, "announcement": 0.9, "estimate": 0.6},
//	  "tolerance": 0.1,
//	  "min_weight": 0,
//	  "preliminary_is_floor": true,
//	  "count_named_lists": true,
//	  "closed_registers": [],
//	  "source_weights": {"foro-penal": 0.9},
//	  "partitions": [{"parent": "detainees", "parts": ["detainees/common", "detainees/political"]}],
//	  "vocabulary": {"populations": ["detainees/political"], "regions": ["VE"]}
//	}
//
// Weights, the tolerance and the minimum weight are JSON numbers read
// exactly as decimals. A key that is not one of these, at any level, is an
// error naming its line and column, so that a misspelt setting is never
// silently ignored.
type policyJSON struct {
	Best               reconcile.BestRule              `json:"best"`
	Hierarchy          []source.SourceID               `json:"hierarchy"`
	StatusWeights      statusWeightsJSON               `json:"status_weights"`
	BasisWeights       basisWeightsJSON                `json:"basis_weights"`
	Tolerance          json.Number                     `json:"tolerance"`
	MinWeight          json.Number                     `json:"min_weight"`
	PreliminaryIsFloor bool                            `json:"preliminary_is_floor"`
	CountNamedLists    bool                            `json:"count_named_lists"`
	ClosedRegisters    []source.SourceID               `json:"closed_registers"`
	SourceWeights      map[source.SourceID]json.Number `json:"source_weights"`
	Partitions         []partitionJSON                 `json:"partitions"`
	Vocabulary         release.Vocabulary              `json:"vocabulary"`
}

type statusWeightsJSON struct {
	Preliminary json.Number `json:"preliminary"`
	Verified    json.Number `json:"verified"`
	Final       json.Number `json:"final"`
}

type basisWeightsJSON struct {
	NamedList    json.Number `json:"named_list"`
	Announcement json.Number `json:"announcement"`
	Estimate     json.Number `json:"estimate"`
}

type partitionJSON struct {
	Parent release.Population   `json:"parent"`
	Parts  []release.Population `json:"parts"`
}

// policyKeys gives, per path of an object in a policy file, the keys it
// may hold; "" is the top level. source_weights holds source IDs.
var policyKeys = map[string][]string{
	"":               jsonKeys(policyJSON{}),
	"status_weights": jsonKeys(statusWeightsJSON{}),
	"basis_weights":  jsonKeys(basisWeightsJSON{}),
	"partitions[]":   jsonKeys(partitionJSON{}),
	"vocabulary":     {"populations", "regions"},
}

// PolicyKeys returns the keys of a policy file, "status_weights.final"
// for a nested one, in the order [WritePolicy] writes them; source_weights
// holds source IDs as keys, and each partition parent and parts.
func PolicyKeys() []string {
	var out []string
	for _, k := range policyKeys[""] {
		out = append(out, k)
		for _, sub := range []string{k, k + "[]"} {
			for _, n := range policyKeys[sub] {
				out = append(out, k+"."+n)
			}
		}
	}
	return out
}

// WritePolicy writes p as an indented JSON policy file holding every key.
// An invalid policy ([reconcile.Policy.Validate]) is refused and nothing is
// written.
func WritePolicy(w io.Writer, p reconcile.Policy) error {
	if w == nil {
		return &LineError{Err: reason(ErrUnencodable, "no writer")}
	}
	if err := p.Validate(); err != nil {
		return &LineError{Err: because(ErrUnencodable, err)}
	}
	num := func(d decimal.Decimal) json.Number { return json.Number(d.String()) }
	j := policyJSON{
		Best:               p.Best,
		Hierarchy:          nonNil(p.Hierarchy),
		StatusWeights:      statusWeightsJSON{num(p.Preliminary), num(p.Verified), num(p.Final)},
		BasisWeights:       basisWeightsJSON{num(p.NamedList), num(p.Announcement), num(p.Estimate)},
		Tolerance:          num(p.Tolerance),
		MinWeight:          num(p.MinWeight),
		PreliminaryIsFloor: p.PreliminaryIsFloor,
		CountNamedLists:    p.CountNamedLists,
		ClosedRegisters:    nonNil(p.ClosedRegisters),
		SourceWeights:      map[source.SourceID]json.Number{},
		Partitions:         []partitionJSON{},
		Vocabulary:         p.Vocabulary,
	}
	for id, d := range p.SourceWeights {
		j.SourceWeights[id] = num(d)
	}
	for _, pt := range p.Partitions {
		j.Partitions = append(j.Partitions, partitionJSON{pt.Parent(), pt.Parts()})
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return &LineError{Err: because(ErrUnencodable, err)}
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return slices.Clone(s)
}

// maxPolicyBytes bounds a policy file: far above any real one.
const maxPolicyBytes = 16 << 20

// ReadPolicy reads a policy file that [WritePolicy] writes (see
// [PolicyKeys]). Keys left out keep their values in
// [reconcile.DefaultPolicy]. It refuses, with a [*LineError] each naming
// line, column and key (Column is "line:col key"), a key the file format
// does not have, a key given twice, a value of the wrong type, and a
// policy that [reconcile.Policy.Validate] refuses; the problems are joined
// with [errors.Join].
func ReadPolicy(r io.Reader) (reconcile.Policy, error) {
	file := inputName(r)
	if r == nil {
		return reconcile.Policy{}, &LineError{File: file, Err: reason(ErrSyntax, "no input")}
	}
	b, err := io.ReadAll(io.LimitReader(r, maxPolicyBytes+1))
	if err != nil {
		return reconcile.Policy{}, &LineError{File: file, Err: because(ErrSyntax, err)}
	}
	if len(b) > maxPolicyBytes {
		return reconcile.Policy{}, &LineError{File: file, Err: reason(ErrTooLong, "a policy file longer than %d bytes", maxPolicyBytes)}
	}
	at := func(off int64) (int, int) { return lineCol(b, off) }
	if !utf8.Valid(b) {
		return reconcile.Policy{}, &LineError{File: file, Err: reason(ErrSyntax, "not valid UTF-8")}
	}
	if errs := checkPolicyKeys(b, file); len(errs) > 0 {
		return reconcile.Policy{}, errors.Join(errs...)
	}
	var j policyJSON
	present := map[string]bool{}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return reconcile.Policy{}, jsonErr(file, err, at)
	}
	for k := range top {
		present[k] = true
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&j); err != nil {
		return reconcile.Policy{}, jsonErr(file, err, at)
	}
	p := reconcile.DefaultPolicy()
	var errs []error
	dec2 := func(key string, n json.Number, dst *decimal.Decimal) {
		if n == "" {
			return
		}
		d, err := decimal.NewFromString(string(n))
		if err != nil {
			errs = append(errs, &LineError{File: file, Column: key, Value: quote(string(n)), Err: reason(ErrInvalid, "not a decimal number")})
			return
		}
		*dst = canonicalDecimal(d)
	}
	if present["best"] {
		p.Best = j.Best
	}
	if present["hierarchy"] {
		p.Hierarchy = slices.Clone(j.Hierarchy)
	}
	dec2("status_weights.preliminary", j.StatusWeights.Preliminary, &p.Preliminary)
	dec2("status_weights.verified", j.StatusWeights.Verified, &p.Verified)
	dec2("status_weights.final", j.StatusWeights.Final, &p.Final)
	dec2("basis_weights.named_list", j.BasisWeights.NamedList, &p.NamedList)
	dec2("basis_weights.announcement", j.BasisWeights.Announcement, &p.Announcement)
	dec2("basis_weights.estimate", j.BasisWeights.Estimate, &p.Estimate)
	dec2("tolerance", j.Tolerance, &p.Tolerance)
	dec2("min_weight", j.MinWeight, &p.MinWeight)
	if present["preliminary_is_floor"] {
		p.PreliminaryIsFloor = j.PreliminaryIsFloor
	}
	if present["count_named_lists"] {
		p.CountNamedLists = j.CountNamedLists
	}
	if present["closed_registers"] {
		p.ClosedRegisters = slices.Clone(j.ClosedRegisters)
	}
	if len(j.SourceWeights) > 0 {
		p.SourceWeights = make(map[source.SourceID]decimal.Decimal, len(j.SourceWeights))
		for _, id := range slices.SortedFunc(maps.Keys(j.SourceWeights), source.SourceID.Compare) {
			var d decimal.Decimal
			dec2("source_weights."+id.String(), j.SourceWeights[id], &d)
			p.SourceWeights[id] = d
		}
	}
	for i, pj := range j.Partitions {
		pt, err := release.NewPartition(pj.Parent, pj.Parts...)
		if err != nil {
			errs = append(errs, &LineError{File: file, Column: fmt.Sprintf("partitions[%d]", i), Err: because(ErrInvalid, err)})
			continue
		}
		p.Partitions = append(p.Partitions, pt)
	}
	p.Vocabulary = j.Vocabulary
	if len(errs) == 0 {
		if err := p.Validate(); err != nil {
			for _, e := range leaves(err) {
				errs = append(errs, &LineError{File: file, Column: policyKeyOf(pathOf(e).String()), Err: because(ErrInvalid, e)})
			}
		}
	}
	if len(errs) > 0 {
		return reconcile.Policy{}, errors.Join(errs...)
	}
	return p, nil
}

// policyKeyOf maps a field of reconcile.Policy to its key in a policy file.
func policyKeyOf(field string) string {
	name, rest, _ := strings.Cut(strings.TrimPrefix(field, "Policy."), "[")
	key := map[string]string{
		"Preliminary": "status_weights.preliminary", "Verified": "status_weights.verified", "Final": "status_weights.final",
		"NamedList": "basis_weights.named_list", "Announcement": "basis_weights.announcement", "Estimate": "basis_weights.estimate",
		"Tolerance": "tolerance", "MinWeight": "min_weight", "Best": "best", "Hierarchy": "hierarchy",
		"ClosedRegisters": "closed_registers", "SourceWeights": "source_weights", "Partitions": "partitions",
	}[name]
	if key == "" {
		return field
	}
	if rest != "" {
		key += "." + strings.TrimSuffix(rest, "]")
	}
	return key
}

func canonicalDecimal(d decimal.Decimal) decimal.Decimal {
	return decimal.RequireFromString(d.String())
}

// lineCol returns the 1-based line and column (in bytes) of offset off.
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// jsonErr turns an error of encoding/json into a LineError at its place.
func jsonErr(file string, err error, at func(int64) (int, int)) error {
	var off int64 = -1
	col := ""
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		off = se.Offset
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		off, col = te.Offset, te.Field
	}
	category := ErrInvalid // a value that a type's own decoder refused
	if _, ok := errors.AsType[*json.SyntaxError](err); ok {
		category = ErrSyntax
	}
	if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		category = ErrSyntax
	}
	le := &LineError{File: file, Column: col, Err: because(category, err)}
	if off >= 0 {
		l, c := at(off)
		le.Line = l
		if col != "" {
			le.Column = fmt.Sprintf("%s (column %d)", col, c)
		} else {
			le.Column = fmt.Sprintf("at column %d", c)
		}
	}
	return le
}

// checkPolicyKeys walks the JSON tokens of a policy file and reports every
// key that the format does not have, or that an object gives twice, at its
// line and column.
func checkPolicyKeys(b []byte, file string) []error {
	var errs []error
	walkJSONKeys(b, func(k objectKey) bool {
		line, col := lineCol(b, k.at)
		at := fmt.Sprintf("%s (column %d)", k.path(), col)
		allowed, checked := policyKeys[k.object]
		switch {
		case k.repeat:
			errs = append(errs, &LineError{File: file, Line: line, Column: at, Err: reason(ErrSyntax, "key given twice")})
		case checked && !slices.Contains(allowed, k.name):
			errs = append(errs, &LineError{File: file, Line: line, Column: at,
				Err: reason(ErrInvalid, "no such setting%s; want one of %s", suggestKey(k.name, allowed), strings.Join(allowed, ", "))})
		}
		return true
	})
	return errs
}

// suggestKey returns `; did you mean "K"?` for the allowed key nearest to
// k by edit distance, if it is near enough, else "".
func suggestKey(k string, allowed []string) string {
	if best, ok := suggest.Nearest(strings.ToLower(k), allowed, nil); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
