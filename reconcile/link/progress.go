package link

import (
	"context"
	"fmt"
	"strconv"
	"sync"
)

// Stage is a step of a linkage, as [Progress] reports it. The zero value is
// "unset".
type Stage uint8

// Values of [Stage], in the order a linkage runs them.
const (
	// Preparing: validating and reading the lists.
	Preparing Stage = 1 + iota
	// Blocking: computing the blocking keys and blocks.
	Blocking
	// Comparing: comparing the candidate pairs; Done counts the pairs
	// compared, Total the pairs within blocks (an upper bound: a pair in
	// several blocks is compared once).
	Comparing
	// Estimating: the EM iterations; Done and Total count iterations
	// (Total is the limit).
	Estimating
	// Scoring: scoring the candidate pairs; Done and Total count chunks of
	// pairs.
	Scoring
	// Clustering: joining records; Done and Total count the pairs taken.
	Clustering
	// Finished: the linkage is done.
	Finished
)

var stageNames = []string{"", "preparing", "blocking", "comparing", "estimating", "scoring", "clustering", "finished"}

// String returns the stage's name, or "Stage(N)".
func (s Stage) String() string {
	if int(s) < len(stageNames) && s != 0 {
		return stageNames[s]
	}
	return "Stage(" + strconv.Itoa(int(s)) + ")"
}

// Progress is a report of how far a linkage has come: its stage, and how
// much of the stage's work is done (Done of Total; 0 of 0 when the stage
// has no measure).
type Progress struct {
	Stage       Stage
	Done, Total int64
}

// String returns "comparing 1200/5000", or the stage alone.
func (p Progress) String() string {
	if p.Total == 0 {
		return p.Stage.String()
	}
	return fmt.Sprintf("%s %d/%d", p.Stage, p.Done, p.Total)
}

// reporter serializes the progress calls of a linkage and watches its
// context.
type reporter struct {
	ctx context.Context
	fn  func(Progress)
	mu  sync.Mutex
}

func (r *reporter) report(p Progress) {
	if r.fn == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fn(p)
}

// err returns the context's error, wrapped, once it is done.
func (r *reporter) err() error {
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	return nil
}

// stopped reports whether the context is done.
func (r *reporter) stopped() bool { return r.ctx.Err() != nil }
