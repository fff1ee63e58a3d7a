package release_test

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/stretchr/testify/assert"
)

// testifyDiff is what testify prints of x when an assertion about it
// fails — its message and diff, which dump x by reflection, following
// pointers — for releasetest.PrintEverywhere. (releasetest itself does not
// import testify, which would link net/http into every program using it.)
func testifyDiff(x any) string {
	var rec recorder
	// Against the zero value of its type, so that testify shows its diff.
	assert.Equal(&rec, x, reflect.Zero(reflect.TypeOf(x)).Interface())
	assert.NotEqual(&rec, x, x)
	return rec.String()
}

// recorder is an assert.TestingT that keeps the failure messages.
type recorder struct{ strings.Builder }

func (r *recorder) Errorf(format string, args ...any) { fmt.Fprintf(&r.Builder, format+"\n", args...) }
