package link

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// ReviewKind says why a pair is up for review. The zero value is "unset".
type ReviewKind uint8

// Values of [ReviewKind].
const (
	// Uncertain: the pair's score lies in the band asked for.
	Uncertain ReviewKind = 1 + iota
	// Refused: the pair resembles enough to be linked, or shares a
	// national ID, but was kept apart — by two values of a unique field (a
	// [Conflict]) or because its clusters hold records of one unique list.
	Refused
)

// String returns "uncertain", "refused", or "ReviewKind(N)".
func (k ReviewKind) String() string {
	switch k {
	case Uncertain:
		return "uncertain"
	case Refused:
		return "refused"
	}
	return "ReviewKind(" + strconv.Itoa(int(k)) + ")"
}

// ReviewItem is a pair of records for a person to decide on.
type ReviewItem struct {
	A, B  Ref
	Kind  ReviewKind
	Score Weight
	// Linked reports whether the linkage put A and B in one cluster.
	Linked bool
	// Reason says, for a refused pair, what kept it apart: a unique
	// field's name, or "unique list".
	Reason string
}

// Review returns the pairs to review: every candidate pair scoring from lo
// (inclusive) to hi (exclusive), strongest first, and every refused pair,
// in the order met; a pair is listed once. Only candidate pairs scoring at
// least MinScore − [Config.ReviewMargin] are kept after linking, so lo
// below that returns no more.
func (r *Result) Review(lo, hi Weight) []ReviewItem {
	if r.lk == nil {
		return nil
	}
	var out []ReviewItem
	seen := map[[2]int32]bool{}
	key := func(a, b Ref) [2]int32 {
		i, j := r.lk.find(a), r.lk.find(b)
		return [2]int32{min(i, j), max(i, j)}
	}
	add := func(it ReviewItem) {
		if k := key(it.A, it.B); !seen[k] {
			seen[k] = true
			it.Linked = r.Same(it.A, it.B)
			out = append(out, it)
		}
	}
	for _, c := range r.conflicts {
		add(ReviewItem{A: c.A, B: c.B, Kind: Refused, Score: c.Score, Reason: c.Field})
	}
	for _, c := range r.refused {
		add(ReviewItem{A: c.A, B: c.B, Kind: Refused, Score: c.Score, Reason: "unique list"})
	}
	var band []scored
	for _, p := range r.near {
		if lo <= p.score && p.score < hi {
			band = append(band, p)
		}
	}
	slices.SortFunc(band, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.pair, b.pair)) })
	for _, p := range band {
		add(ReviewItem{A: r.lk.ref(int32(p.pair >> 32)), B: r.lk.ref(int32(uint32(p.pair))), Kind: Uncertain, Score: p.score})
	}
	return out
}

// ReviewOptions says how [Result.WriteReview] writes the pairs.
type ReviewOptions struct {
	// Shuffle writes the pairs in a random order drawn from Seed, so that
	// reviewers do not see them ranked.
	Shuffle bool
	Seed    uint64
	// Blind leaves out the score, the kind and whether the pair was
	// linked, so that reviewers decide from the records alone.
	Blind bool
}

// Columns of a review file.
const (
	colItem     = "item"
	colKind     = "kind"
	colScore    = "score"
	colLinked   = "linked"
	colReason   = "reason"
	colASource  = "a_source"
	colAID      = "a_id"
	colBSource  = "b_source"
	colBID      = "b_id"
	colDecision = "decision"
)

// Verdicts in a review file's decision column.
const (
	VerdictSame      = "same"
	VerdictDifferent = "different"
)

// WriteReview writes items as CSV for reviewers: one row per pair with a
// number ("item"), the two records' sources and IDs, unless
// [ReviewOptions.Blind] the kind, score and link, then each field of the
// schema for record A and record B ("a_name", "b_name", ...), and an empty
// "decision" column for the reviewer to fill with "same" or "different"
// (anything else, or nothing, leaves the pair undecided). [ReadDecisions]
// reads the file back.
//
// The file holds the records' values — names, national IDs — for the
// reviewers who must see them: it is personal data, to keep where the
// lists are kept. The values are taken from lists, which must hold every
// record of the items; the error, wrapping [ErrUnknown], names the first
// missing record.
func (r *Result) WriteReview(w io.Writer, items []ReviewItem, lists []List, opt ReviewOptions) error {
	if w == nil {
		return errNilWriter()
	}
	rows, err := r.reviewRows(items, lists, opt)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// reviewRows returns the header and rows of a review file.
func (r *Result) reviewRows(items []ReviewItem, lists []List, opt ReviewOptions) ([][]string, error) {
	if r.lk == nil {
		return nil, fieldErr("Result", "", ErrInvalid, "not made by Link")
	}
	values := map[Ref][]string{}
	for _, l := range lists {
		for _, rec := range l.Records {
			values[Ref{Source: l.Source, ID: rec.ID}] = release.RevealAll(rec.Values) // the review file is for the reviewers: names shown on purpose
		}
	}
	order := make([]int, len(items))
	for k := range order {
		order[k] = k
	}
	if opt.Shuffle {
		rng := rand.New(rand.NewPCG(opt.Seed, 0x726576696577))
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	}
	head := []string{colItem}
	if !opt.Blind {
		head = append(head, colKind, colScore, colLinked, colReason)
	}
	head = append(head, colASource, colAID, colBSource, colBID)
	for _, f := range r.lk.fields {
		head = append(head, "a_"+f.Name, "b_"+f.Name)
	}
	head = append(head, colDecision)
	out := [][]string{head}
	for n, k := range order {
		it := items[k]
		va, okA := values[it.A]
		vb, okB := values[it.B]
		switch {
		case !okA:
			return nil, fieldErr("ReviewItem.A", it.A.String(), ErrUnknown, "no such record in the lists")
		case !okB:
			return nil, fieldErr("ReviewItem.B", it.B.String(), ErrUnknown, "no such record in the lists")
		case len(va) != len(r.lk.fields) || len(vb) != len(r.lk.fields):
			return nil, fieldErr("Record.Values", "", ErrInvalid, "want %d values, one per field", len(r.lk.fields))
		}
		row := []string{strconv.Itoa(n + 1)}
		if !opt.Blind {
			row = append(row, it.Kind.String(), it.Score.String(), strconv.FormatBool(it.Linked), it.Reason)
		}
		row = append(row, it.A.Source.String(), it.A.ID.String(), it.B.Source.String(), it.B.ID.String())
		for f := range r.lk.fields {
			row = append(row, csvSafe(va[f]), csvSafe(vb[f]))
		}
		out = append(out, append(row, ""))
	}
	return out, nil
}

// csvSafe keeps a spreadsheet from reading a value as a formula: one that
// starts with =, +, - or @ gets a leading apostrophe.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ReadDecisions reads the decisions of a review file that
// [Result.WriteReview] wrote (or the review page saved): the rows whose
// "decision" is "same" or "different" (in any case, spaces trimmed), by
// their records' sources and IDs; other columns are ignored, and rows
// left empty or marked otherwise ("unsure") are skipped. The header must
// name the columns a_source, a_id, b_source, b_id and decision. Errors
// give the line and column, wrap [ErrInvalid], and never repeat a record's
// values.
func ReadDecisions(r io.Reader) ([]Decision, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fieldErr("Review", "line 1", ErrInvalid, "no header: %v", csvReason(err))
	}
	col := map[string]int{}
	for k, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = k
	}
	var errs []error
	for _, name := range []string{colASource, colAID, colBSource, colBID, colDecision} {
		if _, ok := col[name]; !ok {
			errs = append(errs, fieldErr("Review", "line 1", ErrInvalid, "no column %q", name))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var out []Decision
	var el errList
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				el.add(fieldErr("Review", fmt.Sprintf("line %d", pe.Line), ErrInvalid, "%s", csvReason(err)))
				continue
			}
			el.add(fieldErr("Review", "", ErrInvalid, "%s", csvReason(err)))
			break
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if k := col[name]; k < len(row) {
				return strings.TrimSpace(row[k])
			}
			return ""
		}
		var same bool
		switch strings.ToLower(get(colDecision)) {
		case VerdictSame:
			same = true
		case VerdictDifferent:
		default:
			continue
		}
		at := func(name string) string { return fmt.Sprintf("line %d column %s", line, name) }
		d := Decision{Same: same}
		var bad bool
		for _, x := range []struct {
			src, id string
			ref     *Ref
		}{{colASource, colAID, &d.A}, {colBSource, colBID, &d.B}} {
			s, err := source.ParseSourceID(get(x.src))
			if err != nil {
				el.add(fieldErr("Review", at(x.src), ErrInvalid, "not a source ID"))
				bad = true
			}
			id, err := release.ParseDetaineeID(get(x.id))
			if err != nil {
				el.add(fieldErr("Review", at(x.id), ErrInvalid, "not a record ID"))
				bad = true
			}
			*x.ref = Ref{Source: s, ID: id}
		}
		if !bad {
			out = append(out, d)
		}
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// csvReason describes a CSV error without the text that caused it.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	if err == io.EOF {
		return "empty"
	}
	return "unreadable"
}
