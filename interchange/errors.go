package interchange

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
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
	// reason, the error wraps theirs too.
	ErrInvalid = errors.New("invalid")
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
	if f, ok := foreignFieldError(err); ok && f.err != nil {
		inner = f.err
	}
	s := inner.Error()
	for _, prefix := range []string{"invalid: ", ErrInvalid.Error() + ": "} {
		s = strings.TrimPrefix(s, prefix)
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

// foreignField is the content of a field error of package source, release
// or reconcile, whose three FieldError types have the same fields.
type foreignField struct {
	field, value string
	err          error
}

// foreignFieldError returns the field error of package source, release or
// reconcile that err is or wraps, looked for in that order.
func foreignFieldError(err error) (foreignField, bool) {
	if fe, ok := errors.AsType[*source.FieldError](err); ok {
		return foreignField{fe.Field, fe.Value, fe.Err}, true
	}
	if fe, ok := errors.AsType[*release.FieldError](err); ok {
		return foreignField{fe.Field, fe.Value, fe.Err}, true
	}
	if fe, ok := errors.AsType[*reconcile.FieldError](err); ok {
		return foreignField{fe.Field, fe.Value, fe.Err}, true
	}
	return foreignField{}, false
}

// fieldOf returns the Field of the field error of package source, release
// or reconcile that err is or wraps, or "".
func fieldOf(err error) string {
	f, _ := foreignFieldError(err)
	return f.field
}
