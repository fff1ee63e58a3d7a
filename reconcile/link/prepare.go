package link

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// linkage is the prepared input of [Link]: lists and records in canonical
// order (lists by source, records by ID), and each field's values read into
// a column.
type linkage struct {
	cfg    Config
	fields []Field
	lists  []listInfo
	recs   []recInfo
	cols   []column
	// uniq holds, for each unique field (in schema order), each record's
	// value as a number, 0 if missing; uniqField its field index.
	uniq      [][]uint64
	uniqField []int
	// auxField is the first PersonName field, whose comparisons also give
	// the surprise of the words they align; -1 if none.
	auxField int
	// rep reports progress and watches the context.
	rep *reporter
	// scopes are the distinct Released scopes of the records, the zero
	// Scope first: a million records share a few.
	scopes []release.Scope
}

type listInfo struct {
	src    source.SourceID
	stated time.Time
	unique bool
	lo, hi int32 // its records are recs[lo:hi]
}

type recInfo struct {
	id       release.DetaineeID
	list     int32
	released int32 // index into linkage.scopes; 0 is the zero Scope
}

// scope returns the Released scope of record i.
func (lk *linkage) scope(i int) release.Scope { return lk.scopes[lk.recs[i].released] }

func (lk *linkage) ref(i int32) Ref {
	return Ref{Source: lk.lists[lk.recs[i].list].src, ID: lk.recs[i].id}
}

// comparable reports whether records i and j may be linked: they are of
// different lists, or of one list that is not unique.
func (lk *linkage) comparable(i, j int32) bool {
	li, lj := lk.recs[i].list, lk.recs[j].list
	return li != lj || !lk.lists[li].unique
}

// find returns the index of the record r, or -1.
func (lk *linkage) find(r Ref) int32 {
	if lk == nil { // the zero Result
		return -1
	}
	l, ok := slices.BinarySearchFunc(lk.lists, r.Source, func(li listInfo, s source.SourceID) int { return li.src.Compare(s) })
	if !ok {
		return -1
	}
	li := lk.lists[l]
	k, ok := slices.BinarySearchFunc(lk.recs[li.lo:li.hi], r.ID, func(ri recInfo, id release.DetaineeID) int { return ri.id.Compare(id) })
	if !ok {
		return -1
	}
	return li.lo + int32(k)
}

// maxErrors bounds the problems one call reports, so that a million bad
// records do not make a million errors; the last one says how many more
// there were.
const maxErrors = 100

type errList struct {
	errs []error
	more int
}

func (e *errList) add(err error) {
	if len(e.errs) < maxErrors {
		e.errs = append(e.errs, err)
	} else {
		e.more++
	}
}

func (e *errList) err() error {
	if e.more > 0 {
		e.errs = append(e.errs, fieldErr("Lists", "", ErrInvalid, "and %d more problems", e.more))
	}
	return errors.Join(e.errs...)
}

// prepare validates the lists and reads them.
func prepare(cfg Config, lists []List) (*linkage, error) {
	lk := &linkage{cfg: cfg, fields: cfg.Schema.fields, auxField: -1}
	for f, fd := range lk.fields {
		if fd.Kind == PersonName {
			lk.auxField = f
			break
		}
	}
	var el errList
	if len(lists) == 0 {
		return nil, fieldErr("Lists", "", ErrInvalid, "no lists")
	}
	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return lists[a].Source.Compare(lists[b].Source) })
	total := 0
	for k, i := range order {
		l := lists[i]
		if !l.Source.IsValid() {
			el.add(fieldErr("List.Source", "", ErrInvalid, "missing"))
		} else if k > 0 && lists[order[k-1]].Source == l.Source {
			el.add(fieldErr("List.Source", l.Source.String(), ErrDuplicate, "two lists from one source"))
		}
		total += len(l.Records)
	}
	if total >= 1<<31-1 {
		return nil, fieldErr("Lists", "", ErrInvalid, "more than 2³¹ records")
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	lk.recs = make([]recInfo, 0, total)
	lk.scopes = []release.Scope{{}}
	scopeIndex := map[release.Scope]int32{{}: 0}
	rows := make([][]string, 0, total)
	for _, i := range order {
		l := lists[i]
		li := listInfo{src: l.Source, stated: l.Stated, unique: l.Unique, lo: int32(len(lk.recs))}
		// Sort (ID, position) pairs: comparing IDs in a contiguous slice
		// is much faster than through an index, and positions break ties.
		type keyed struct {
			id release.DetaineeID
			k  int
		}
		idx := make([]keyed, len(l.Records))
		for k, r := range l.Records {
			idx[k] = keyed{r.ID, k}
		}
		slices.SortFunc(idx, func(a, b keyed) int { return cmp.Or(a.id.Compare(b.id), cmp.Compare(a.k, b.k)) })
		released := false
		for k, j := range idx {
			r := l.Records[j.k]
			switch {
			case !r.ID.IsValid():
				el.add(fieldErr("Record.ID", "", ErrInvalid, "missing, in list %s", l.Source))
				continue
			case k > 0 && idx[k-1].id == r.ID:
				el.add(fieldErr("Record.ID", r.ID.String(), ErrDuplicate, "twice in list %s", l.Source))
				continue
			case len(r.Values) != len(lk.fields):
				el.add(fieldErr("Record.Values", fmt.Sprint(len(r.Values)), ErrInvalid, "%s: want %d values, one per field", recordWhere(l.Source, r.ID), len(lk.fields)))
				continue
			}
			released = released || r.Released.IsValid()
			si, ok := scopeIndex[r.Released]
			if !ok {
				si = int32(len(lk.scopes))
				scopeIndex[r.Released] = si
				lk.scopes = append(lk.scopes, r.Released)
			}
			lk.recs = append(lk.recs, recInfo{id: r.ID, list: int32(len(lk.lists)), released: si})
			rows = append(rows, release.RevealAll(r.Values))
		}
		if released && l.Stated.IsZero() {
			el.add(fieldErr("List.Stated", l.Source.String(), ErrInvalid, "missing, and records of the list are releases"))
		}
		li.hi = int32(len(lk.recs))
		lk.lists = append(lk.lists, li)
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	if lk.cfg.Sample == 0 {
		lk.cfg.Sample = min(max(10*len(lk.recs), 100_000), 1_000_000)
	}
	lk.cols = make([]column, len(lk.fields))
	for f, fd := range lk.fields {
		col, bad := buildColumn(fd, rows, f, cfg.Workers)
		for _, b := range bad {
			el.add(secretErr(recordField(fd.Name), ErrInvalid, "%s: %s", recordWhere(lk.lists[lk.recs[b.rec].list].src, lk.recs[b.rec].id), b.why))
		}
		lk.cols[f] = col
		if fd.Unique && col != nil {
			lk.uniqField = append(lk.uniqField, f)
			lk.uniq = append(lk.uniq, uniqueValues(col))
		}
	}
	if err := el.err(); err != nil {
		return nil, err
	}
	lk.checkUniqueLists(&el)
	return lk, el.err()
}

// uniqueValues returns each record's value of a unique column as a number.
func uniqueValues(col column) []uint64 {
	switch c := col.(type) {
	case *cedulaCol:
		return c.v
	case *codeCol:
		out := make([]uint64, len(c.v))
		for i, v := range c.v {
			out[i] = uint64(v)
		}
		return out
	}
	return nil
}

// checkUniqueLists reports records of a unique list that share a unique
// value: the list holds someone twice after all.
func (lk *linkage) checkUniqueLists(el *errList) {
	for u, f := range lk.uniqField {
		vals := lk.uniq[u]
		for _, li := range lk.lists {
			if !li.unique {
				continue
			}
			var idx []int32
			for i := li.lo; i < li.hi; i++ {
				if vals[i] != 0 {
					idx = append(idx, i)
				}
			}
			slices.SortFunc(idx, func(a, b int32) int { return cmp.Or(cmp.Compare(vals[a], vals[b]), cmp.Compare(a, b)) })
			for k := 1; k < len(idx); k++ {
				if vals[idx[k]] == vals[idx[k-1]] {
					el.add(secretErr(recordField(lk.fields[f].Name), ErrDuplicate,
						"records %s and %s of unique list %s share it", lk.recs[idx[k-1]].id, lk.recs[idx[k]].id, li.src))
				}
			}
		}
	}
}

type badValue struct {
	rec int32
	why string
}

// parallel calls fn over [0, n) split into contiguous ranges, one per
// worker; with fewer than grain items, it calls fn once over all of them.
func parallel(workers, n, grain int, fn func(w, lo, hi int)) {
	if workers <= 1 || n < grain {
		fn(0, 0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min(n, (w+1)*chunk)
		if lo >= hi {
			break
		}
		wg.Go(func() { fn(w, lo, hi) })
	}
	wg.Wait()
}

// readAll parses field f of every row in parallel, collecting the values
// and the reasons of those that do not parse.
func readAll[T any](rows [][]string, f, workers int, parse func(string) (T, string)) ([]T, []badValue) {
	out := make([]T, len(rows))
	bads := make([][]badValue, max(workers, 1))
	parallel(workers, len(rows), 1024, func(w, lo, hi int) {
		for i := lo; i < hi; i++ {
			s := rows[i][f]
			if strings.TrimSpace(s) == "" {
				if why := checkText(s); why != "" {
					bads[w] = append(bads[w], badValue{int32(i), why})
				}
				continue
			}
			v, why := parse(s)
			if why != "" {
				bads[w] = append(bads[w], badValue{int32(i), why})
				continue
			}
			out[i] = v
		}
	})
	return out, slices.Concat(bads...)
}

// buildColumn reads field f of every row into the column of its kind.
func buildColumn(fd Field, rows [][]string, f, workers int) (column, []badValue) {
	switch fd.Kind {
	case Categorical, Text:
		vals, bad := readAll(rows, f, workers, parseText)
		return buildText(fd.Kind, vals), bad
	case PersonName:
		vals, bad := readAll(rows, f, workers, parseNameVal)
		return buildNames(vals), bad
	case Code:
		vals, bad := readAll(rows, f, workers, func(s string) (string, string) {
			if why := checkText(s); why != "" {
				return "", why
			}
			return canonicalCode(s), ""
		})
		return buildCode(Code, vals), bad
	case Date:
		vals, bad := readAll(rows, f, workers, canonicalDate)
		return buildCode(Date, vals), bad
	case Identifier:
		vals, bad := readAll(rows, f, workers, canonicalIdentifier)
		return buildCode(Identifier, vals), bad
	case Year:
		vals, bad := readAll(rows, f, workers, parseYear)
		return &yearCol{v: vals, tol: fd.Tolerance}, bad
	case Path:
		vals, bad := readAll(rows, f, workers, canonicalPath)
		c := &pathCol{v: make([]uint32, len(vals))}
		in := newInterner()
		for i, v := range vals {
			c.v[i] = in.id(v)
		}
		c.dict = in.strs
		return c, bad
	case CedulaID:
		vals, bad := readAll(rows, f, workers, func(s string) (uint64, string) {
			c, why := parseCedula(s)
			return c.key(), why
		})
		return &cedulaCol{v: vals}, bad
	}
	return nil, nil
}
