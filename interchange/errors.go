package interchange

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/release"
)

// Categories of error. Every [*LineError] wraps exactly one of them, so
// callers can branch with [errors.Is].
var (
	// ErrSyntax marks a line that is not well-formed CSV or JSON: a stray
	// quote, a wrong number of fields, a line that is not a JSON object.
	ErrSyntax = errors.New("malformed")
	// ErrHeader marks a CSV header that lacks a required column, names a
	// column twice, or names a column the record type does not have.
	ErrHeader = errors.New("bad header")
	// ErrInvalid marks a value that breaks a rule: a quantity that cannot
	// be read, a date that does not exist, a claim whose source is not among
	// the sources. Where package source, release or reconcile gave the
	// reason, the error wraps their [*FieldError] too. It is
	// [release.ErrInvalid], shared by every package of freedcount.
	ErrInvalid = release.ErrInvalid
	// ErrUnencodable marks a value that a writer cannot represent in the
	// format without losing it: an ID holding the list separator ";" in a
	// CSV list column, a carriage return in a CSV cell, an invalid record.
	ErrUnencodable = errors.New("cannot be written")
)

// LineError reports one problem on one line of an input, or one value that
// a writer refused. Readers report every problem of a file at once, joined
// with [errors.Join]: one LineError per bad line and column.
//
// File is the name of the input, when the reader had one (see the package
// documentation); Line is the 1-based line number (in a CSV file the
// header is line 1, and a record spanning lines is reported at its first
// line), or 0 for the input as a whole, or for a writer the 1-based number
// of the record it refused; Column is the CSV column or JSON field, or ""
// for the line as a whole; Value repeats the offending text, quoted and
// truncated, or "<redacted>" for any cell of a register of detainees
// ([ReadDetainees]), whose cells may hold a name or national ID whatever
// their column: no error, nor any error it wraps, repeats one. Err is the reason; it wraps one of this
// package's categories and, where the value was rejected by package
// source, release or reconcile, their error as well.
type LineError struct {
	File   string
	Line   int
	Column string
	Value  string
	Err    error
}

// Error returns "interchange: FILE:LINE: column COLUMN VALUE: REASON",
// leaving out what is not known.
func (e *LineError) Error() string {
	s := "interchange: "
	switch {
	case e.File != "" && e.Line > 0:
		s += e.File + ":" + strconv.Itoa(e.Line) + ": "
	case e.File != "":
		s += e.File + ": "
	case e.Line > 0:
		s += "line " + strconv.Itoa(e.Line) + ": "
	}
	switch {
	case e.Column != "" && e.Value != "":
		s += "column " + e.Column + " " + e.Value + ": "
	case e.Column != "":
		s += "column " + e.Column + ": "
	case e.Value != "":
		s += e.Value + ": "
	}
	return s + reasonText(e.Err)
}

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }

// reasonText is the reason of err for a message: the reason of the field
// error of package source, release or reconcile that err wraps, if any
// (its field and value are already in the LineError), without the category
// prefix; else err's own message.
func reasonText(err error) string {
	if err == nil {
		return "invalid"
	}
	inner := err
	if fe, ok := fieldError(err); ok && fe.Err != nil {
		inner = fe.Err
	}
	s := inner.Error()
	// The category may be there twice: this package's around the
	// reason of another.
	for strings.HasPrefix(s, ErrInvalid.Error()+": ") {
		s = strings.TrimPrefix(s, ErrInvalid.Error()+": ")
	}
	return s
}

// reason returns an error wrapping category with a message.
func reason(category error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{category}, args...)...)
}

// because returns an error wrapping both category and err, the reason
// another package gave.
func because(category, err error) error { return fmt.Errorf("%w: %w", category, err) }

// quote quotes a value for [LineError.Value].
func quote(s string) string { return errfmt.Quote(s) }

// redacted is the Value of an error about personal data.
const redacted = errfmt.Redacted

// leaves returns the errors joined in err, recursively, in order: the
// single errors that errors.Join and Validate methods put together.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// FieldError is the field error of package source, release or reconcile
// that a [*LineError] wraps where one of them refused a value. It is
// [release.FieldError], the one field-error type of freedcount; readers
// name the column from its Path, by table.
type FieldError = release.FieldError

// fieldError returns the innermost field error that err is or wraps: the
// one about the value itself, where an outer one only says which record
// held it (reconcile's "Claim \"c1\"" around source's Claim.Quantity).
func fieldError(err error) (*FieldError, bool) {
	fe, ok := errors.AsType[*FieldError](err)
	for ok {
		inner, deeper := errors.AsType[*FieldError](fe.Err)
		if !deeper {
			break
		}
		fe = inner
	}
	return fe, ok
}

// pathOf returns the Path of the innermost field error err is or wraps,
// or nil.
func pathOf(err error) release.FieldPath {
	if fe, ok := fieldError(err); ok {
		return fe.Path
	}
	return nil
}

// columnOf returns the column (or key) that m gives for the longest
// prefix of path that m holds, written as a dotted path
// ("Claim.Scope.Region", then "Claim.Scope", then "Claim"); "" if none.
func columnOf(m map[string]string, path release.FieldPath) string {
	for n := len(path); n > 0; n-- {
		if c, ok := m[strings.Join(path[:n], ".")]; ok {
			return c
		}
	}
	return ""
}
