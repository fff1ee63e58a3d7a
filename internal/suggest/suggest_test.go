package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

func TestNearest(t *testing.T) {
	allowed := []string{"releases", "held", "detentions"}
	for _, c := range []struct {
		w, want string
		ok      bool
	}{
		{"relases", "releases", true},
		{"helf", "held", true},
		{"detentoins", "detentions", true},
		{"xyz", "", false},
		{"releases", "", false}, // the word itself is not a suggestion
	} {
		got, ok := Nearest(c.w, allowed, strings.ToLower)
		assert.Equal(t, c.ok, ok, c.w)
		assert.Equal(t, c.want, got, c.w)
	}
	_, ok := Nearest("RELEASES", allowed, strings.ToLower)
	assert.False(t, ok, "a word that folds to an allowed one needs no suggestion")
	_, ok = Nearest("x", nil, nil)
	assert.False(t, ok, "nothing allowed, nothing suggested")
}

// Invariant: Distance is a metric on words (zero exactly for equal words,
// symmetric, and within the triangle inequality), and never more than the
// longer word's length.
func TestDistanceIsAMetric(t *testing.T) {
	word := rapid.StringOfN(rapid.RuneFrom([]rune("abcé")), 0, 8, -1)
	rapid.Check(t, func(t *rapid.T) {
		a, b, c := []rune(word.Draw(t, "a")), []rune(word.Draw(t, "b")), []rune(word.Draw(t, "c"))
		var row []int
		ab, ba := Distance(a, b, &row), Distance(b, a, &row)
		if ab != ba {
			t.Fatalf("d(a,b)=%d, d(b,a)=%d", ab, ba)
		}
		if (ab == 0) != (string(a) == string(b)) {
			t.Fatalf("d(%q,%q)=%d", string(a), string(b), ab)
		}
		if ac, cb := Distance(a, c, &row), Distance(c, b, &row); ab > ac+cb {
			t.Fatalf("triangle: d(a,b)=%d > d(a,c)+d(c,b)=%d", ab, ac+cb)
		}
		if ab > max(len(a), len(b)) {
			t.Fatalf("d(a,b)=%d > longer length", ab)
		}
	})
}
