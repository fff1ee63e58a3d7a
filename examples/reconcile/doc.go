// Command reconcile reads a newsroom's or an NGO's own files of sources and
// claims (CSV, as a spreadsheet saves them, or JSON Lines) and prints, for
// every scope that a claim is about, the reconciled figure — verified
// floor, low, best and high, the consensus and the claims behind each
// number — and the discrepancies between the claims, each with its cause.
//
// Usage:
//
//	go run ./examples/reconcile -sources SOURCES.csv -claims CLAIMS.csv [flags]
//
// Try it on the AFP report of 26 January 2026:
//
//	go run ./examples/reconcile \
//		-sources examples/reconcile/testdata/sources.csv \
//		-claims examples/reconcile/testdata/claims.csv
//
// Run it with -h for every flag and the columns of each file (package
// interchange documents them in full). Files are read all or nothing: a
// file with bad lines is refused whole, and every bad line is listed as
// FILE:LINE: column NAME "VALUE": REASON.
//
// -asof reads the evidence as it stood at a moment; -policy chooses the
// rule for the best figure. -format csv and -format json write the figures
// in the interchange format (one line per figure, UCDP-style low, best and
// high with the claims behind them), which interchange.ReadFigures reads
// back; -discrepancies writes the discrepancies beside them. The table
// lists each pair of differing claims once, under the first scope that
// holds one of them. The output depends only on the files and the flags.
//
// Exit status: 0 when the figures are printed, 1 when a file cannot be
// read or is refused, 2 for a wrong command line.
package main
