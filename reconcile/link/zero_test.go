package link_test

import (
	"testing"

	"github.com/freedcount/freedcount/internal/zerotest"
	"github.com/freedcount/freedcount/reconcile/link"
)

// TestEveryMethodOfEveryZeroValueAnswers calls every method of the zero
// value of every exported type with zero arguments: none panics. The
// zero Result, in particular, answers as its doc says.
func TestEveryMethodOfEveryZeroValueAnswers(t *testing.T) {
	zerotest.Check(t, ".",
		link.Cedula{}, link.Cluster{}, link.Config{}, link.Conflict{}, link.Count{},
		link.Explanation{}, link.Field{}, link.FieldError{}, link.FieldModel{},
		link.FieldWeight{}, link.Key{}, link.Kind(0), link.Level(0), link.LevelModel{},
		link.List{}, link.Model{}, link.Name{}, link.Pair{}, link.Part(0),
		link.Pseudonymizer{}, link.Record{}, link.Ref{}, link.Result{}, link.Rule{},
		link.RuleStats{}, link.Schema{}, link.SourceCount{}, link.Stats{}, link.Token{},
		link.Weight(0), link.Accuracy{}, link.AccuracyPoint{}, link.BlockingReport{}, link.Decision{},
		link.ListInfo{}, link.Progress{}, link.ReviewItem{}, link.ReviewKind(0), link.ReviewOptions{},
		link.RuleReport{}, link.SavedModel{}, link.Stage(0), link.Training{}, link.TrainingInfo{})

	var r link.Result
	ref := link.Ref{}
	if r.Same(ref, ref) || r.Verifications() != nil || r.NumClusters() != 0 {
		t.Error("the zero Result links something")
	}
	if _, ok := r.ClusterOf(ref); ok {
		t.Error("the zero Result has a cluster")
	}
	if _, err := r.Explain(ref, ref); err == nil {
		t.Error("the zero Result explains a pair")
	}
}
