package interchange_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
)

// TestLineErrorsListsEveryProblemOnce: every bad line of a refused file is
// listed once, in order, however the errors are joined and wrapped, and an
// error that names no line is kept apart, not lost.
func TestLineErrorsListsEveryProblemOnce(t *testing.T) {
	var bad strings.Builder
	bad.WriteString("id,name,kind,method,confidence\n")
	for i := range 5 {
		fmt.Fprintf(&bad, "s%d,Source %d,ngo,verifies_identities,%d.5\n", i, i, i+1)
	}
	_, err := interchange.ReadSources(strings.NewReader(bad.String()), interchange.CSV)
	require.Error(t, err)
	lines, other := interchange.LineErrors(err)
	require.Len(t, lines, 5)
	for i, le := range lines {
		assert.Equal(t, i+2, le.Line)
		assert.Equal(t, "confidence", le.Column)
	}
	assert.Empty(t, other)

	extra := &fs.PathError{Op: "open", Path: "claims.csv", Err: fs.ErrNotExist}
	wrapped := errors.Join(fmt.Errorf("reading: %w", lines[0]), errors.Join(lines[1], extra), nil)
	lines2, other2 := interchange.LineErrors(wrapped)
	assert.Equal(t, []*interchange.LineError{lines[0], lines[1]}, lines2)
	assert.Equal(t, []error{extra}, other2)

	l, o := interchange.LineErrors(nil)
	assert.Empty(t, l)
	assert.Empty(t, o)
}
