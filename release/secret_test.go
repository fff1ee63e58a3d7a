package release_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
)

// propSecretRevealsWhatItHolds: Reveal gives back the text; secrets of
// equal texts are ==, DeepEqual and one map key; of different texts, not.
func propSecretRevealsWhatItHolds(t *rapid.T) {
	a, b := rapid.String().Draw(t, "a"), rapid.String().Draw(t, "b")
	sa, sb := release.NewSecret(a), release.NewSecret(b)
	require.Equal(t, a, sa.Reveal())
	require.Equal(t, a == b, sa == sb)
	require.Equal(t, a == b, reflect.DeepEqual(sa, sb))
	require.Equal(t, a == "", sa.IsZero())
	require.Equal(t, a == "", sa == release.Secret{})
	require.Equal(t, len(a), sa.Len())
	m := map[release.Secret]int{sa: 1}
	m[sb]++
	require.Equal(t, map[bool]int{true: 1, false: 2}[a == b], len(m))
	require.Equal(t, []string{a, b}, release.RevealAll(release.NewSecrets([]string{a, b})))
}

func TestSecretRevealsWhatItHolds(t *testing.T) {
	rapid.Check(t, propSecretRevealsWhatItHolds)
}

func TestSecretPrintsRedacted(t *testing.T) {
	s := release.NewSecret("Zqárelto Xwímenvo") // invented
	var zero release.Secret
	for _, tc := range []struct {
		format string
		arg    any
		want   string
	}{
		{"%v", s, "<redacted>"}, {"%s", s, "<redacted>"}, {"%+v", s, "<redacted>"}, {"%x", s, "<redacted>"},
		{"%d", s, "<redacted>"}, {"%q", s, `"<redacted>"`}, {"%#v", s, "release.Secret(<redacted>)"},
		{"%12v|", s, "  <redacted>|"}, {"%-12s|", s, "<redacted>  |"}, {"%v", &s, "<redacted>"},
		{"%v", []release.Secret{s, zero}, "[<redacted> ]"}, {"%+v", struct{ Name release.Secret }{s}, "{Name:<redacted>}"},
		{"%q", zero, `""`}, {"%#v", zero, "release.Secret{}"}, {"%v", zero, ""},
	} {
		assert.Equal(t, tc.want, fmt.Sprintf(tc.format, tc.arg), tc.format)
	}
	out, err := json.Marshal(struct {
		A release.Secret
		B release.Secret `json:",omitzero"`
		M map[release.Secret]int
	}{A: s, M: map[release.Secret]int{s: 1}})
	require.NoError(t, err)
	assert.Equal(t, `{"A":"\u003credacted\u003e","M":{"\u003credacted\u003e":1}}`, string(out)) // encoding/json escapes < and >
	text, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "<redacted>", string(text))
	assert.Equal(t, "<redacted>", s.LogValue().String())

	// By reflection, through an unexported field, the text is masked.
	var shown string
	for _, verb := range []string{"%v", "%+v", "%x", "%s", "%q"} {
		shown += fmt.Sprintf(verb, struct{ s release.Secret }{s})
	}
	assert.NotContains(t, shown, "Zqárelto")
	assert.NotContains(t, shown, fmt.Sprintf("%x", "Zqárelto"))

	// A redacted encoding cannot be read back as if it were the text.
	var back struct{ A release.Secret }
	assert.Error(t, json.Unmarshal(out, &back))
	assert.Empty(t, back.A.Reveal())
}
