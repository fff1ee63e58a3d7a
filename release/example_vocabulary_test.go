package release_test

import (
	"errors"
	"fmt"

	"github.com/freedcount/freedcount/release"
)

// A journalist's spelling of a population, and a state typed without its
// accent, are refused with the declared paths they most likely mean.
func ExampleVocabulary_CheckScope_didYouMean() {
	v := release.MustVocabulary(
		[]string{"detainees/political", "detainees/common", "presos/políticos"},
		[]string{"VE/Zulia", "VE/Anzoátegui", "VE/Distrito Capital"},
	)
	s := release.MustScope(release.MustPopulation("Political Prisoners"), release.MustRegion("ve/anzoategui"), release.Period{})
	for _, err := range v.CheckScope(s).(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(err)
	}

	// Case and ancestors are in the vocabulary: "Detainees" is the parent
	// of a declared population, "ve" the parent of a declared region.
	fmt.Println(v.CheckPopulation(release.MustPopulation("Detainees")), v.CheckRegion(release.MustRegion("ve")))

	// The suggestions are there for a program to offer.
	err := v.CheckRegion(release.MustRegion("VE/Distrito Capitol"))
	if u, ok := errors.AsType[*release.UndeclaredError](err); ok {
		fmt.Println(u.Suggestions)
	}
	// Output:
	// release: Scope.Population "political prisoners": invalid: not in the vocabulary; did you mean "detainees/political"?
	// release: Scope.Region "VE/Anzoategui": invalid: not in the vocabulary; did you mean "VE/Anzoátegui"?
	// <nil> <nil>
	// [VE/Distrito Capital]
}

// A Vocabulary is written as JSON (or as text lines) in a policy file, and
// read back through NewVocabulary.
func ExampleVocabulary_MarshalJSON() {
	v := release.MustVocabulary([]string{"detainees", "detainees/political"}, []string{"ve/zulia", "VE"})
	b, _ := v.MarshalJSON()
	fmt.Println(string(b))
	t, _ := v.MarshalText()
	fmt.Print(string(t))
	var w release.Vocabulary
	fmt.Println(w.UnmarshalText(t), w.Equal(v))
	// Output:
	// {"populations":["detainees/political"],"regions":["VE/Zulia"]}
	// population detainees/political
	// region VE/Zulia
	// <nil> true
}
