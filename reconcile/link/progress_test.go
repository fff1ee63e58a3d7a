package link_test

import (
	"context"
	"errors"
	"testing"

	"github.com/freedcount/freedcount/reconcile/link"
)

// TestLinkContextReportsEveryStage checks that progress goes through the
// stages in order, ends with Finished, never reports more done than the
// total, and does not change the result.
func TestLinkContextReportsEveryStage(t *testing.T) {
	lists, _ := synthLists(300, 4)
	var seen []link.Progress
	cfg := link.DetaineeConfig()
	cfg.Progress = func(p link.Progress) { seen = append(seen, p) }
	r, err := link.LinkContext(context.Background(), cfg, lists...)
	if err != nil {
		t.Fatal(err)
	}
	stages := map[link.Stage]bool{}
	for k, p := range seen {
		stages[p.Stage] = true
		if k > 0 && p.Stage < seen[k-1].Stage {
			t.Fatalf("stage %v after %v", p, seen[k-1])
		}
		if p.Done > p.Total && p.Total > 0 {
			t.Fatalf("progress %v past its total", p)
		}
	}
	for s := link.Preparing; s <= link.Finished; s++ {
		if !stages[s] {
			t.Errorf("stage %v never reported", s)
		}
	}
	if summary(r) != summary(mustLink(t, link.DetaineeConfig(), lists...)) {
		t.Error("reporting progress changed the result")
	}
}

// TestLinkContextStops checks that a linkage stops when its context is
// done — before it starts, or in the middle of each stage — with an error
// wrapping the context's.
func TestLinkContextStops(t *testing.T) {
	lists, _ := synthLists(300, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := link.LinkContext(ctx, link.DetaineeConfig(), lists...); !errors.Is(err, context.Canceled) || r != nil {
		t.Errorf("cancelled before: result %v, error %v", r != nil, err)
	}
	for _, at := range []link.Stage{link.Blocking, link.Comparing, link.Estimating, link.Scoring, link.Clustering} {
		ctx, cancel := context.WithCancel(context.Background())
		cfg := link.DetaineeConfig()
		cfg.Progress = func(p link.Progress) {
			if p.Stage == at {
				cancel()
			}
		}
		r, err := link.LinkContext(ctx, cfg, lists...)
		if !errors.Is(err, context.Canceled) || r != nil {
			t.Errorf("cancelled at %v: result %v, error %v", at, r != nil, err)
		}
		cancel()
	}
}
