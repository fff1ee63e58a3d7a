package release_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/internal/ident"
	"github.com/freedcount/freedcount/release"
)

// fieldErrors returns every *FieldError in err's tree, in order, following
// both Unwrap() error and Unwrap() []error (errors.Join).
func fieldErrors(err error) []*release.FieldError {
	var out []*release.FieldError
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if fe, ok := err.(*release.FieldError); ok {
			out = append(out, fe)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// leaves returns the errors of err's tree that errors.Join joined: err
// itself unless it is a join.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// requireInvalidFields checks that err is made only of *FieldErrors, each
// wrapping ErrInvalid, with messages in this package's form, and that it
// names at least the given fields. It returns the field errors.
func requireInvalidFields(t require.TestingT, err error, fields ...string) []*release.FieldError {
	require.Error(t, err)
	require.ErrorIs(t, err, release.ErrInvalid)
	first, ok := errors.AsType[*release.FieldError](err)
	require.True(t, ok, "errors.AsType[*FieldError] on %v", err)
	var named []string
	for _, leaf := range leaves(err) {
		fe, ok := leaf.(*release.FieldError)
		require.True(t, ok, "joined error %T %v is not a *FieldError", leaf, leaf)
		require.ErrorIs(t, fe, release.ErrInvalid)
		require.NotEmpty(t, fe.Field())
		prefix := "release: " + fe.Field() + " " + fe.Value + ": "
		if fe.Value == "" {
			prefix = "release: " + fe.Field() + ": "
		}
		require.True(t, strings.HasPrefix(fe.Error(), prefix), "message %q", fe.Error())
		named = append(named, fe.Field())
	}
	require.Equal(t, named[0], first.Field(), "AsType reaches the first field error")
	for _, f := range fields {
		require.Contains(t, named, f, "error %v", err)
	}
	return fieldErrors(err)
}

// quoted returns s as an error message quotes it: a Go string literal.
// Inputs used with it are short enough not to be truncated.
func quoted(s string) string { return quote(s) }

// quote is strconv.Quote with the invisible characters that it leaves raw
// (variation selectors, fillers) escaped too, as messages show them.
func quote(s string) string {
	var b strings.Builder
	for _, r := range strconv.Quote(s) {
		switch {
		case r < 0x80 || ident.Forbidden(r) == nil:
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// quotedTrunc returns s as an error message repeats it: quoted, and cut
// after 64 runes with an ellipsis.
func quotedTrunc(s string) string {
	n := 0
	for i := range s {
		if n == 64 {
			return quote(s[:i]) + "…"
		}
		n++
	}
	return quote(s)
}
