package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/report"
)

// BenchmarkWrite writes each case's page, beside its baseline: reading the
// same evidence into an index and its figures, the least any report does.
// The page's cost is dominated by its charts, each of which reads the
// evidence once per day on which a statement arrived.
func BenchmarkWrite(b *testing.B) {
	for _, c := range cases {
		ev := evidence(b, c.dir)
		b.Run(c.name+"/baseline-index", func(b *testing.B) {
			for b.Loop() {
				ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
				if err != nil {
					b.Fatal(err)
				}
				_ = ix.Figures()
			}
		})
		b.Run(c.name+"/page", func(b *testing.B) {
			for b.Loop() {
				if err := report.Write(context.Background(), io.Discard, ev, report.Options{Location: c.loc}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ev.NumClaims()), "claims")
		})
	}
}
