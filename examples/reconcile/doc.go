// Command reconcile is a short teaching program: it reads a file of
// sources and a file of claims with package interchange, reconciles them
// with package reconcile under the default policy, and prints each figure
// on a line. Run it from its directory:
//
//	cd examples/reconcile && go run .
//
// It reads testdata/sources.csv and testdata/claims.csv, the AFP report of
// 26 January 2026. The tool for your own files — templates, checks with
// line and column, figures in words, JSON, an HTML report — is
// cmd/freedcount:
//
//	go install github.com/freedcount/freedcount/cmd/freedcount@latest
//	freedcount reconcile -sources examples/reconcile/testdata/sources.csv \
//		-claims examples/reconcile/testdata/claims.csv
package main
