// Package interchange reads and writes freedcount's records in the formats
// that NGOs and newsrooms already keep: CSV, as spreadsheets save it, and
// JSON Lines. Sources, claims and verified identities go in
// ([ReadEvidence] checks them against each other); figures and
// discrepancies come out; registers of detainees and their events go both
// ways.
//
// # Files
//
// Each file holds one record type, one record a line (in CSV after a
// header line), and each type has a reader and a writer:
//
//	sources        [ReadSources]        [WriteSources]        source.Source
//	claims         [ReadClaims]         [WriteClaims]         source.Claim
//	verifications  [ReadVerifications]  [WriteVerifications]  reconcile.Verification
//	detainees      [ReadDetainees]      [WriteDetainees]      release.Detainee
//	events         [ReadEvents]         [WriteEvents]         release.Event
//	figures        [ReadFigures]        [WriteFigures]        reconcile.Figure
//	discrepancies  [ReadDiscrepancies]  [WriteDiscrepancies]  reconcile.Discrepancy
//
// [ReadEvidence] and [WriteEvidence] handle the three files of an evidence
// set at once; [FormatOf] tells the [Format] from a file's extension.
//
// # CSV
//
// A CSV file starts with a header that names its columns, in any order and
// any case. A writer writes every column, in this order:
//
//	sources        id,name,kind,group,method,confidence
//	claims         id,source,via,stated,measure,population,region,period,
//	               quantity,relative_to,ratio,relative_kind,status,basis,
//	               named,supersedes,url,quote,language
//	verifications  detainee,count,source,stated,population,region,period
//	detainees      id,name,national_id,sex,birth_year,category,region,
//	               facility,detained
//	events         detainee,kind,day,terms,facility,region
//	figures        measure,population,region,period,verified,low,best,high,
//	               high_open,best_open,consensus_low,consensus_high,
//	               confidence,floor,cap,
//	               unverified,tension,claims,support,low_from,best_from,
//	               high_from,floor_from,cap_from,disputed,below_verified,
//	               superseded,relayed,retracted,unresolved,ignored,
//	               pledged
//	discrepancies  a_claim,a_source,a_quantity,a_measure,a_population,
//	               a_region,a_period,a_interval, the same for b_,
//	               cause,differences,nested,conflict,ratio,gap
//
// A reader needs the columns of the required fields (for a source: id,
// name, kind, method, confidence; for a claim: id, source, stated,
// measure, population, region, period, quantity, status, basis; for a
// verification source, stated and the scope, with a detainee or a count;
// for a detainee the id; for an event detainee,
// kind and day; for a figure measure, the scope, verified, low, best,
// high, consensus_low, consensus_high and confidence; for a discrepancy
// all but differences, nested, conflict, ratio and gap; an empty ratio
// reads as zero); other columns may be left
// out. A column whose name
// starts with "#" is a note and is ignored (records may leave out the
// note columns that end the header, so a template can list allowed values
// in its header's notes); a column without a name, as
// spreadsheets leave at the end of a row, must be empty; any other column
// is an error, so that a misspelt column is not silently dropped. A
// leading byte order mark is skipped, lines may end in CRLF, and a header
// with semicolons and no comma makes ";" the separator, as spreadsheets
// set to Spanish and other decimal-comma locales save CSV.
//
// Cells hold values as people write them:
//
//   - A quantity is a phrase [source.ParseQuantity] reads: "104",
//     "at least 104", "más de 100", "about 300", "between 800 and 900",
//     "decenas". Writers write the canonical English phrase.
//   - A scope is three columns: population ("detainees/political"), region
//     ("VE/Zulia") and period in the ISO form [release.Period] writes,
//     "2025-12-01/.." for "since December", "../2026-01-25" for "until",
//     and a single day as the date alone, "2026-01-25".
//   - A statement time is RFC 3339 with its offset,
//     2026-01-25T20:00:00-04:00: the local day decides which day a count
//     stated "today" is about. A claim's may be a date alone, 2026-01-25,
//     for a report that gives no time (source.Claim.DayOnly): nothing then
//     orders it against the same source's other statements of that day.
//   - A relative claim may leave population, region and period empty: it
//     is about its referent's scope. An empty period of another claim reads
//     as all days up to the statement, as "../.." does.
//   - A verification names a detainee, or gives a count of people the
//     source verified without publishing their names.
//   - Names of values are snake_case (named_list, verifies_identities), and
//     are also read in any case with spaces or hyphens ("Named list").
//   - Lists — relays in via, detainees in named, the claim IDs of a figure —
//     are items separated by ";". An item holding ";" cannot be written to
//     CSV (use JSON Lines).
//   - A relative claim ("about half as many as gov-626") leaves quantity
//     empty and fills relative_to (gov-626), ratio (0.5) and relative_kind
//     (about).
//   - Decimals (confidence, ratio) are written with a point: 0.9.
//   - Booleans are true or false. Counts are plain digits.
//   - In a figure, high_open is true when no statement or wider scope
//     bounds it above (print high as "104 or more"), best_open when best
//     comes only from statements open above ("more than 2,000");
//     consensus_high is empty when the consensus has no upper end; cap and unverified are intervals, "[0, 626]" or "[104, ∞)";
//     disputed lists "CLAIM>CONTRADICTS" (or CLAIM alone), and
//     below_verified the disputed claims that fall below the verified floor.
//
// Structured cells (IDs, names of values, dates, numbers, lists) are read
// with surrounding spaces trimmed; free text (names, quotes, facilities)
// is read as it is. A carriage return in a cell does not survive CSV, and
// a writer refuses it. Spreadsheets may evaluate a cell that starts with
// "=", "+", "-" or "@" as a formula: open files from others with care.
//
// # JSON Lines
//
// A JSON Lines file holds one JSON object a line: for sources, claims,
// verifications, detainees and events the object their MarshalJSON method
// writes; for figures and discrepancies an object whose keys are the CSV
// columns' names (the scope one object, lists arrays, the sides of a
// discrepancy objects "a" and "b"). Blank lines are skipped; a key the
// record does not have is an error.
//
// Every reader also takes a flat object whose keys are the CSV columns'
// names, with each cell as a JSON value (strings, numbers, booleans, null
// for an empty cell, arrays for lists, {"lo": n, "hi": n|null} for
// intervals): {"id": "fp-104", "source": "foro-penal", "population":
// "detainees/political", ...}. So one vocabulary of field names serves
// CSV and JSON, in and out: [WriteResults] writes figures and
// discrepancies in this form, each line tagged with "record", and
// [ReadFigures] and [ReadDiscrepancies] read them back, each skipping the
// lines tagged as other records (the header among them).
//
// # Personal data
//
// A detainee's name and national ID are read where a register has them.
// [WriteDetainees] leaves them out; [WriteDisclosed], the caller's explicit
// request, writes them. No error of this package repeats them: their
// values, and any part of a JSON line of a register that cannot be read,
// appear as "<redacted>".
//
// # Errors
//
// Reading is all or nothing: a file with a bad line gives no record, and
// an error that joins ([errors.Join]) a [*LineError] for each problem —
// every bad line, by number, column and reason — so that nothing is half
// imported. Each wraps one of [ErrSyntax], [ErrHeader], [ErrInvalid] and
// [ErrUnencodable], and, where another package rejected the value, that
// package's error (source.ErrInvalid, release.ErrInvalid,
// reconcile.ErrUnknownSource, ...). If a reader has a Name method, as
// *os.File does, errors name the file. Writing is all or nothing too: a
// writer that cannot write a record writes nothing.
//
// # Invariants
//
// Each is a test (property tests with rapid, and a fuzz target per reader):
//
//   - Writing records and reading them back gives equal records, and
//     writing those again gives the same bytes, in both formats.
//   - A reader returns every record or none; nothing it is given makes it
//     panic, and what it accepts writes back and reads again unchanged.
//   - Output depends only on the records: the same records write the same
//     bytes.
//   - No error repeats a detainee's name or national ID.
//
// The package does I/O only through the io.Reader and io.Writer it is
// given, and reads no clock. A CSV reader given a large input (or one of
// unknown length), where GOMAXPROCS is above 1, reads it on a goroutine of
// its own while the caller's parses the lines read so far: the input is
// read by one goroutine at a time, never after the reader returns, and
// the records and errors are those of reading it on one. On Linux, where
// transparent huge pages are enabled on request, a reader that sizes 4 MiB
// or more of records for its input asks the system to back them with huge
// pages while it fills them (madvise), and takes the request back before
// it returns: fewer page faults, and no memory committed beyond the
// records written, rounded up to 2 MiB. GODEBUG=disablethp=1 turns it
// off.
package interchange
