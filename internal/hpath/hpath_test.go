package hpath_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/internal/hpath"
)

func TestParseRejectsEachMalformedPath(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"ve", nil},
		{"ve/anzoátegui", nil},
		{"ve/norte de santander", nil},
		{strings.Repeat("x", hpath.MaxLen), nil},
		{strings.Repeat("x/", hpath.MaxSegments-1) + "x", nil},
		{"", hpath.ErrEmpty},
		{strings.Repeat("x", hpath.MaxLen+1), hpath.ErrTooLong},
		{strings.Repeat("x/", hpath.MaxSegments) + "x", hpath.ErrTooDeep},
		{"VE/\xff", hpath.ErrEncoding},
		{"/VE", hpath.ErrSegment},
		{"VE/", hpath.ErrSegment},
		{"VE//Zulia", hpath.ErrSegment},
		{"/", hpath.ErrSegment},
		{" VE", hpath.ErrSpace},
		{"VE/Zulia\u00a0", hpath.ErrSpace},
		{"VE/\u3000Zulia", hpath.ErrSpace},
		{"VE\x00", hpath.ErrControl},
		{"VE/Zu\u200blia", hpath.ErrInvisible},
		{"VE/Zulia\ufeff", hpath.ErrInvisible},
		{"VE/\u202eailuZ", hpath.ErrBidi},
		{"VE/Zulia\u2066", hpath.ErrBidi},
		{"VE/Zu\u00adlia", hpath.ErrInvisible},
		{"VE\x1b[0m", hpath.ErrControl},
		{"V\u0085E", hpath.ErrControl},
		{"V\x7fE", hpath.ErrControl},
	} {
		p, err := hpath.Parse(tc.in, hpath.Lower)
		if tc.want == nil {
			require.NoError(t, err, "%q", tc.in)
			assert.Equal(t, tc.in, p.String())
			assert.True(t, p.IsValid())
			continue
		}
		assert.True(t, errors.Is(err, tc.want), "Parse(%q) = %v, want %v", tc.in, err, tc.want)
		assert.False(t, p.IsValid())
	}
}

func TestParseNormalisesToNFC(t *testing.T) {
	a, err := hpath.Parse("VE/Anzoa\u0301tegui", hpath.Place)
	require.NoError(t, err)
	b, err := hpath.Parse("VE/Anzoátegui", hpath.Place)
	require.NoError(t, err)
	assert.Equal(t, b, a)
	assert.Equal(t, "VE/Anzoátegui", a.String())
	// The length limit applies after normalisation: 128 decomposed "á"
	// (384 bytes) are 256 bytes composed.
	c, err := hpath.Parse(strings.Repeat("a\u0301", 128), hpath.Lower)
	require.NoError(t, err)
	assert.Len(t, c.String(), 256)
}

func TestContainsOnlyAtSegmentBoundaries(t *testing.T) {
	p := func(s string) hpath.Path { x, err := hpath.Parse(s, hpath.Place); require.NoError(t, err); return x }
	var zero hpath.Path
	assert.True(t, p("VE").Contains(p("VE")))
	assert.True(t, p("VE").Contains(p("VE/Zulia")))
	assert.True(t, p("VE").Contains(p("VE/Caracas/Libertador")))
	assert.False(t, p("VE/Zulia").Contains(p("VE")))
	assert.False(t, p("VE").Contains(p("VEN")), "a text prefix is not an ancestor")
	assert.False(t, p("VE/Cara").Contains(p("VE/Caracas")))
	assert.False(t, p("VE").Contains(zero))
	assert.False(t, zero.Contains(p("VE")))
	assert.False(t, zero.Contains(zero))
}

func TestParentChildAndDepthAgree(t *testing.T) {
	p, err := hpath.Parse("VE/Caracas/Libertador", hpath.Place)
	require.NoError(t, err)
	assert.Equal(t, 3, p.Depth())
	parent, ok := p.Parent()
	assert.True(t, ok)
	assert.Equal(t, "VE/Caracas", parent.String())
	root, ok := parent.Parent()
	assert.True(t, ok)
	assert.Equal(t, "VE", root.String())
	_, ok = root.Parent()
	assert.False(t, ok)
	assert.Equal(t, 2, parent.Depth())
	assert.Equal(t, 1, root.Depth())
	assert.True(t, root.Contains(p) && parent.Contains(p))

	var zero hpath.Path
	assert.Equal(t, 0, zero.Depth())
	c, err := zero.Child("VE", hpath.Place)
	require.NoError(t, err)
	assert.Equal(t, "VE", c.String())

	c, err = root.Child("Anzoa\u0301tegui", hpath.Place)
	require.NoError(t, err)
	assert.Equal(t, "VE/Anzoátegui", c.String())
	_, err = root.Child("a/b", hpath.Place)
	assert.ErrorIs(t, err, hpath.ErrNotChild)
	_, err = root.Child("", hpath.Place)
	assert.ErrorIs(t, err, hpath.ErrSegment)
	_, err = root.Child("\xff", hpath.Place)
	assert.ErrorIs(t, err, hpath.ErrEncoding)
	_, err = root.Child(" x", hpath.Place)
	assert.ErrorIs(t, err, hpath.ErrSpace)
}

func TestCompareSortsAncestorsFirst(t *testing.T) {
	p := func(s string) hpath.Path { x, err := hpath.Parse(s, hpath.Place); require.NoError(t, err); return x }
	assert.Negative(t, p("VE").Compare(p("VE/Zulia")))
	assert.Negative(t, p("VE/Caracas").Compare(p("VE/Zulia")))
	assert.Zero(t, p("VE").Compare(p("VE")))
	assert.Positive(t, p("VE/Zulia").Compare(p("VE")))
}
