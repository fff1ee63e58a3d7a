package mse

import (
	"encoding/json"
	"errors"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/source"
)

// Limits on the lists of one stratum.
const (
	// MinLists is the fewest lists a [Histories] may hold: with one list
	// there is no overlap to learn from.
	MinLists = 2
	// MaxLists is the most lists a [Histories] may hold: 2⁶−1 = 63
	// observable patterns and, for [Select], 2¹⁵ = 32,768 log-linear models.
	MaxLists = 6
)

// Histories is the table of capture histories of one stratum: for each
// pattern of lists (which lists document a person), how many people have
// exactly that pattern. It is what multiple systems estimation reads; the
// people themselves, and how they were linked across lists, stay with the
// caller (see [Tally] to build it from linked records).
//
// The lists are held in canonical order (by [ListID.Compare]) whatever
// order they were given in, and every pattern is read against that order,
// so that two tables of the same counts are equal, encode to the same
// bytes and give the same estimates to the last bit.
//
// A pattern is written as a string of '0' and '1', one character per list:
// over lists (a, b, c), "101" is the people on a and c but not on b. The
// pattern of all zeros, the people no list documents, is the unknown the
// estimators are after, and is never part of a table.
//
// Histories is an immutable value: its slices are copied in and out. Two
// Histories are compared with [Histories.Equal], not ==. The zero value is
// not valid: it has no stratum and no lists.
type Histories struct {
	stratum Stratum
	lists   []ListID // canonical order, MinLists..MaxLists
	counts  []int    // len 1<<len(lists); counts[0] == 0; bit i of the index is lists[i]
	n       int      // sum of counts
}

// NewHistories returns the table of stratum over lists, with counts keyed by
// pattern over lists in the order given: with lists (l1, l2, l3, l4),
// "1100" counts the people on l1 and l2 only. Patterns left out count zero.
//
// It requires a valid stratum, MinLists to MaxLists distinct valid lists,
// patterns of len(lists) characters '0' and '1' other than all zeros,
// counts from 0 to source.MaxCount, and a total of at most
// source.MaxCount. Every problem is reported, joined, as a [*FieldError]
// wrapping [ErrInvalid] for "Histories.Stratum", "Histories.Lists" or
// "Histories.Counts".
func NewHistories(stratum Stratum, lists []ListID, counts map[string]int) (Histories, error) {
	var errs []error
	if !stratum.IsValid() {
		errs = append(errs, fieldErr("Histories.Stratum", "", ErrInvalid, "missing"))
	}
	perm, err := canonicalLists(lists)
	if err != nil {
		return Histories{}, errors.Join(append(errs, err)...)
	}
	k := len(lists)
	h := Histories{stratum: stratum, lists: make([]ListID, k), counts: make([]int, 1<<k)}
	for i, l := range lists {
		h.lists[perm[i]] = l
	}
	total := 0
	for _, key := range slices.Sorted(maps.Keys(counts)) {
		c := counts[key]
		mask, ok := parsePattern(key, k)
		switch {
		case !ok:
			errs = append(errs, fieldErr("Histories.Counts", key, ErrInvalid, "want a pattern of %d characters 0 and 1", k))
			continue
		case mask == 0:
			errs = append(errs, fieldErr("Histories.Counts", key, ErrInvalid, "the people on no list cannot be counted"))
			continue
		case c < 0 || c > source.MaxCount:
			errs = append(errs, fieldErr("Histories.Counts", key+":"+strconv.Itoa(c), ErrInvalid, "count outside [0, %d]", source.MaxCount))
			continue
		}
		h.counts[permute(mask, perm)] = c
		total += c
	}
	if total > source.MaxCount {
		errs = append(errs, fieldErr("Histories.Counts", strconv.Itoa(total), ErrInvalid, "more than %d people in all", source.MaxCount))
	}
	if len(errs) > 0 {
		return Histories{}, errors.Join(errs...)
	}
	h.n = total
	return h, nil
}

// MustHistories is like [NewHistories] but panics on error. It is meant for
// tests and examples only.
func MustHistories(stratum Stratum, lists []ListID, counts map[string]int) Histories {
	return must(NewHistories(stratum, lists, counts))
}

// canonicalLists checks lists and returns, for each position of lists, its
// position in canonical order.
func canonicalLists(lists []ListID) ([]int, error) {
	if len(lists) < MinLists || len(lists) > MaxLists {
		return nil, fieldErr("Histories.Lists", strconv.Itoa(len(lists)), ErrInvalid, "want %d to %d lists", MinLists, MaxLists)
	}
	order := make([]int, len(lists))
	for i, l := range lists {
		if !l.IsValid() {
			return nil, fieldErr("Histories.Lists", "", ErrInvalid, "empty list ID at %d", i)
		}
		if slices.Contains(lists[:i], l) {
			return nil, fieldErr("Histories.Lists", l.String(), ErrInvalid, "listed twice")
		}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return lists[a].Compare(lists[b]) })
	perm := make([]int, len(lists))
	for canon, given := range order {
		perm[given] = canon
	}
	return perm, nil
}

// parsePattern reads a pattern of k characters; bit i of the mask is
// character i.
func parsePattern(s string, k int) (uint, bool) {
	if len(s) != k {
		return 0, false
	}
	var m uint
	for i := range k {
		switch s[i] {
		case '1':
			m |= 1 << i
		case '0':
		default:
			return 0, false
		}
	}
	return m, true
}

// formatPattern writes mask as a pattern of k characters.
func formatPattern(mask uint, k int) string {
	var b [MaxLists]byte
	for i := range k {
		b[i] = '0' + byte(mask>>i&1)
	}
	return string(b[:k])
}

// permute moves bit i of mask to bit perm[i].
func permute(mask uint, perm []int) uint {
	var out uint
	for i, p := range perm {
		out |= (mask >> i & 1) << p
	}
	return out
}

// Stratum returns the stratum the table counts.
func (h Histories) Stratum() Stratum { return h.stratum }

// Lists returns the lists in canonical order; the patterns of
// [Histories.Cells] and [Histories.String] are read against it.
func (h Histories) Lists() []ListID { return slices.Clone(h.lists) }

// NumLists returns the number of lists.
func (h Histories) NumLists() int { return len(h.lists) }

// Observed returns n, the number of people documented by at least one
// list: the floor below which no estimate of the stratum's total falls.
func (h Histories) Observed() int { return h.n }

// IsValid reports whether h was built by [NewHistories], [Tally] or a
// decoder, that is whether it is not the zero value.
func (h Histories) IsValid() bool { return h.stratum.IsValid() }

// index returns the position of l in h.lists, or -1.
func (h Histories) index(l ListID) int {
	i, ok := slices.BinarySearchFunc(h.lists, l, ListID.Compare)
	if !ok {
		return -1
	}
	return i
}

// maskOf returns the mask of lists, and false if one is not a list of h or
// is repeated.
func (h Histories) maskOf(lists []ListID) (uint, bool) {
	var m uint
	for _, l := range lists {
		i := h.index(l)
		if i < 0 || m&(1<<i) != 0 {
			return 0, false
		}
		m |= 1 << i
	}
	return m, true
}

// Count returns the number of people on exactly the lists on, in any
// order, and on no other list. It is 0 when on is empty, repeats a list or
// names a list that is not one of h's.
func (h Histories) Count(on ...ListID) int {
	m, ok := h.maskOf(on)
	if !ok || m == 0 {
		return 0
	}
	return h.counts[m]
}

// Captured returns the number of people on every list of on (and on any
// others as well): with one list, the list's size; with two, their
// overlap. It is 0 when on repeats a list or names a list that is not one
// of h's, and [Histories.Observed] when on is empty.
func (h Histories) Captured(on ...ListID) int {
	m, ok := h.maskOf(on)
	if !ok {
		return 0
	}
	return h.superset(m)
}

// superset returns the number of people on every list of mask.
func (h Histories) superset(mask uint) int {
	s := 0
	for c := 1; c < len(h.counts); c++ {
		if uint(c)&mask == mask {
			s += h.counts[c]
		}
	}
	return s
}

// Cells yields each pattern over [Histories.Lists] with its count, zeros
// included, in Rcapture's order: from the people on every list ("1111")
// down to those on the last list only ("0001").
func (h Histories) Cells() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		k := len(h.lists)
		for _, m := range rcaptureOrder(k) {
			if !yield(formatPattern(m, k), h.counts[m]) {
				return
			}
		}
	}
}

// rcaptureOrder returns the masks 1..2^k−1 ordered by their pattern text,
// descending: character 0 (bit 0) is the most significant.
func rcaptureOrder(k int) []uint {
	out := make([]uint, 0, 1<<k-1)
	for r := uint(1<<k - 1); r >= 1; r-- {
		// r read with bit k−1 as character 0: reverse it.
		var m uint
		for i := range k {
			m |= (r >> (k - 1 - i) & 1) << i
		}
		out = append(out, m)
	}
	return out
}

// Restrict returns the table as if only the lists keep had been gathered:
// patterns are read on those lists alone, and the people documented by none
// of them drop out. keep needs MinLists or more distinct lists of h, in any
// order; otherwise the error is a [*FieldError] for "Restrict" wrapping
// [ErrInvalid].
func (h Histories) Restrict(keep ...ListID) (Histories, error) {
	if len(keep) < MinLists {
		return Histories{}, fieldErr("Restrict", strconv.Itoa(len(keep)), ErrInvalid, "want at least %d lists", MinLists)
	}
	m, ok := h.maskOf(keep)
	if !ok {
		return Histories{}, fieldErr("Restrict", listNames(keep), ErrInvalid, "a list is repeated or not in the stratum's table")
	}
	return h.restrict(m), nil
}

// restrict keeps the lists of mask (at least MinLists of them).
func (h Histories) restrict(mask uint) Histories {
	var idx []int
	for i := range h.lists {
		if mask&(1<<i) != 0 {
			idx = append(idx, i)
		}
	}
	out := Histories{stratum: h.stratum, lists: make([]ListID, len(idx)), counts: make([]int, 1<<len(idx))}
	for j, i := range idx {
		out.lists[j] = h.lists[i]
	}
	for c := 1; c < len(h.counts); c++ {
		var p uint
		for j, i := range idx {
			p |= (uint(c) >> i & 1) << j
		}
		if p != 0 {
			out.counts[p] += h.counts[c]
			out.n += h.counts[c]
		}
	}
	return out
}

// usable returns the mask of the lists that document at least one person.
func (h Histories) usable() uint {
	var m uint
	for c := 1; c < len(h.counts); c++ {
		if h.counts[c] > 0 {
			m |= uint(c)
		}
	}
	return m
}

func listNames(ls []ListID) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = l.String()
	}
	return strings.Join(s, " ")
}

// Equal reports whether h and o count the same people per pattern of the
// same lists in the same stratum.
func (h Histories) Equal(o Histories) bool {
	return h.stratum == o.stratum && slices.Equal(h.lists, o.lists) && slices.Equal(h.counts, o.counts)
}

// String returns "STRATUM: LISTS | PATTERN:COUNT ...", the lists in
// canonical order and the patterns with at least one person in Rcapture's
// order, as "rome: l1 l2 l3 l4 | 1110:3 1101:1 ...". It shows counts only,
// never a person.
func (h Histories) String() string {
	if !h.IsValid() {
		return "<invalid histories>"
	}
	var b strings.Builder
	b.WriteString(h.stratum.String() + ": " + listNames(h.lists) + " |")
	for p, c := range h.Cells() {
		if c > 0 {
			b.WriteString(" " + p + ":" + strconv.Itoa(c))
		}
	}
	return b.String()
}

type historiesJSON struct {
	Stratum Stratum        `json:"stratum"`
	Lists   []ListID       `json:"lists"`
	Counts  map[string]int `json:"counts"`
}

// MarshalJSON writes {"stratum": …, "lists": [...], "counts": {"PATTERN":
// COUNT, ...}}: the lists in canonical order, and the patterns, over them,
// of every cell with at least one person. Equal tables encode to identical
// bytes. The zero Histories is an error.
func (h Histories) MarshalJSON() ([]byte, error) {
	if !h.IsValid() {
		return nil, fieldErr("Histories", "", ErrInvalid, "zero value")
	}
	v := historiesJSON{Stratum: h.stratum, Lists: h.lists, Counts: map[string]int{}}
	for c := 1; c < len(h.counts); c++ {
		if h.counts[c] > 0 {
			v.Counts[formatPattern(uint(c), len(h.lists))] = h.counts[c]
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what [Histories.MarshalJSON] writes, with the lists in
// any order and the patterns read against that order, through
// [NewHistories]. On error h is left unchanged.
func (h *Histories) UnmarshalJSON(data []byte) error {
	var v historiesJSON
	if err := json.Unmarshal(data, &v); err != nil {
		if _, ok := errors.AsType[*FieldError](err); ok {
			return err
		}
		return fieldErr("Histories", string(data), ErrInvalid, "%w", err)
	}
	out, err := NewHistories(v.Stratum, v.Lists, v.Counts)
	if err != nil {
		return err
	}
	*h = out
	return nil
}
