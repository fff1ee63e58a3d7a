package release_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/release"
)

// A scope read from JSON with a doubled slash in its region: the error
// says where the bad value sits (Scope.Region) as a structured path, which
// a reader maps to its column without reading the message.
func ExampleFieldError() {
	var s release.Scope
	err := json.Unmarshal([]byte(`{"population":"detainees","region":"VE//Zulia","period":"2026-01-25"}`), &s)
	fe, ok := errors.AsType[*release.FieldError](err)
	fmt.Println(ok, fe.Pkg, fe.Path, len(fe.Path))
	fmt.Println(errors.Is(err, release.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true release Scope.Region 2
	// true
	// release: Scope.Region "VE//Zulia": invalid: empty segment (leading, trailing or doubled '/')
}

// The same refused region, found inside a claim's scope: Within puts it
// under the claim's field.
func ExampleFieldError_Within() {
	_, err := release.ParseRegion("VE//Zulia")
	fe, _ := errors.AsType[*release.FieldError](err)
	in := fe.Within("Claim", "Scope", "Region")
	fmt.Println(fe.Field(), "→", in.Field())
	fmt.Println(in.Path.HasPrefix("Claim", "Scope"))
	// Output:
	// Region → Claim.Scope.Region
	// true
}
