// Command freedcount turns what NGOs, governments and the press say about
// releases of political prisoners into figures that can be defended line by
// line: for each scope a low, a best and a high figure, the verified floor,
// the claims behind each number, and the discrepancies that matter.
//
// Install it with
//
//	go install github.com/freedcount/freedcount/cmd/freedcount@latest
//
// Usage:
//
//	freedcount init [DIR]                  write template files to fill in
//	freedcount check [flags]               list every problem of the files as FILE:LINE:COL
//	freedcount reconcile [flags]           print the figures and the discrepancies that matter
//	freedcount report -o FILE.html [flags] write one self-contained HTML page (-lang en|es)
//	freedcount link [flags] LIST.csv...    link lists of named people into distinct people
//	freedcount estimate [flags] LIST.csv...  estimate the releases no list recorded
//	freedcount version                     print the version of freedcount and of Go
//
// A session with the AFP report of 26 January 2026:
//
//	freedcount init story          # sources.csv, claims.csv, verifications.csv, policy.json
//	# add the sources and the claims, one line each (CODEBOOK.md explains every column)
//	freedcount check -dir story -datefmt dd/mm/yyyy
//	freedcount reconcile -dir story -datefmt dd/mm/yyyy
//	freedcount report -dir story -datefmt dd/mm/yyyy -o story/report.html -lang es
//
// The templates written by init list every allowed value in the note
// columns that end their header (columns whose names start with "#" are
// ignored when read, and lines may leave them out); the lists are generated
// from the library's own tables. init never overwrites a file.
//
// # Files and flags
//
// check, reconcile and report read DIR/sources.csv, DIR/claims.csv, and when
// they exist DIR/verifications.csv and DIR/policy.json (-dir, default the
// current directory; -sources, -claims, -verifications and -policy name
// other files). Files are CSV or JSON Lines (by extension), read whole or
// not at all: every problem is listed, as FILE:LINE:COL: column NAME
// "VALUE": REASON, with the nearest allowed value or declared path when a
// value looks like a typo. Values that may identify a person (detainee
// IDs, named lists) are never printed.
//
// Dates: a day alone (2026-01-25) is accepted wherever a statement time is
// asked for, and no time is invented: a claim stated on a day is known to
// the day only. Times without an offset (2026-01-25 20:00) are read in the
// zone of -tz, by default the zone of the claims' country when all claims
// are in one the command knows (Venezuela: America/Caracas; also Belarus,
// Cuba, Egypt, Iran, Myanmar, Nicaragua), else UTC; the output says which.
// Days with slashes are never guessed: -datefmt dd/mm/yyyy or mm/dd/yyyy
// says how to read them. -asof reads the evidence as it stood at a moment;
// a day alone means the end of that day in the zone, and a claim known to
// the day only counts from the end of its day there.
//
// The policy file (JSON; see CODEBOOK.md and interchange.ReadPolicy) holds
// every choice of package reconcile's Policy: weights, tolerance, whether a
// preliminary figure is a floor, the rule for the best figure, the source
// hierarchy, closed registers, partitions and the vocabulary of
// populations and regions. An unknown key is refused with its line and
// column.
//
// reconcile -format text (the default) writes for readers: scopes and
// causes in words, open bounds as "104 or more", the verified figure only
// when something is verified, the material discrepancies only (-all lists
// every one). -format csv writes the figures as package interchange does;
// -format json writes JSON Lines with a header record (as_of, zone,
// version, policy) and one record per figure and discrepancy
// (interchange.WriteResults), numbers as numbers.
//
// Work that takes over a second shows its progress on standard error;
// Ctrl-C stops it cleanly. Every output is written only once all of it is
// ready, so an interrupted or failed run writes nothing.
//
// Exit status: 0 done; 1 the files have problems, or an output could not
// be written; 2 the command line is wrong; 130 interrupted by Ctrl-C.
package main
