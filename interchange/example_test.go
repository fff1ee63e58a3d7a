package interchange_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The sources and claims of the AFP report of 26 January 2026, as a
// newsroom's spreadsheet might hold them.
const (
	sourcesCSV = `id,name,kind,group,method,confidence
foro-penal,Foro Penal,ngo,,verifies_identities,0.9
afp,AFP,media,,relays,0.8
ve-government,Government of Venezuela,government,,announces,0.7
`
	claimsCSV = `id,source,via,stated,measure,population,region,period,quantity,relative_to,ratio,relative_kind,status,basis,supersedes
fp-80,foro-penal,,2026-01-25T09:00:00-04:00,releases,detainees/political,VE,2026-01-25,80,,,,preliminary,named_list,
fp-104,foro-penal,afp,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,at least 104,,,,preliminary,named_list,fp-80
gov-626,ve-government,afp,2026-01-25T20:00:00-04:00,releases,detainees,VE,2025-12-01/..,626,,,,final,announcement,
fp-half,foro-penal,afp,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2025-12-01/..,,gov-626,0.5,about,verified,named_list,
`
)

// Claims are read as people write them: "at least 104", a period "since
// December" as 2025-12-01/.., relays in the via column.
func ExampleReadClaims() {
	claims, err := interchange.ReadClaims(strings.NewReader(claimsCSV), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range claims {
		fmt.Println(c)
	}
	// Output:
	// fp-80: foro-penal says releases 80 in detainees/political @ VE 2026-01-25/2026-01-25 (preliminary, stated 2026-01-25T09:00:00-04:00)
	// fp-104: foro-penal says releases at least 104 in detainees/political @ VE 2026-01-25/2026-01-25 (preliminary, stated 2026-01-25T20:00:00-04:00)
	// gov-626: ve-government says releases 626 in detainees @ VE 2025-12-01/.. (final, stated 2026-01-25T20:00:00-04:00)
	// fp-half: foro-penal says releases about 0.5× gov-626 in detainees/political @ VE 2025-12-01/.. (verified, stated 2026-01-25T20:00:00-04:00)
}

// A file with bad lines is refused whole, and the error lists every bad
// line by number, column and reason.
func ExampleReadClaims_badLines() {
	bad := `id,source,stated,measure,population,region,period,quantity,status,basis
fp-80,foro-penal,2026-01-25 09:00,releases,detainees/political,VE,2026-01-25,80,preliminary,named_list
fp-104,foro-penal,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,at lest 104,preliminary,named list
gov-626,ve-government,2026-01-25T20:00:00-04:00,release,detainees,VE,2025-12/..,626,final,announcement
`
	claims, err := interchange.ReadClaims(strings.NewReader(bad), interchange.CSV)
	fmt.Println(len(claims), "claims read")
	fmt.Println(err)
	// Output:
	// 0 claims read
	// interchange: line 2: column stated "2026-01-25 09:00": want an RFC 3339 time with its offset, such as 2026-01-25T20:00:00-04:00
	// interchange: line 3: column quantity "at lest 104": not a quantity phrase
	// interchange: line 4: column measure "release": unknown value; want one of releases, held, detentions
	// interchange: line 4: column period "2025-12/..": want FIRST/LAST, a day or '..' for each end
}

// Each problem is a *LineError: a program can point at the cell.
func ExampleLineError() {
	_, err := interchange.ReadSources(strings.NewReader("id,name,kind,method,confidence\nfp,Foro Penal,ngo,verifies_identities,1.5\n"), interchange.CSV)
	if le, ok := errors.AsType[*interchange.LineError](err); ok {
		fmt.Printf("line %d, column %s, value %s\n", le.Line, le.Column, le.Value)
	}
	fmt.Println(errors.Is(err, interchange.ErrInvalid))
	// Output:
	// line 2, column confidence, value "1.5"
	// true
}

// LineErrors lists the problems of a refused file one by one, each with
// its line and column, for a program that shows them in a table.
func ExampleLineErrors() {
	bad := `id,source,stated,measure,population,region,period,quantity,status,basis
fp-104,foro-penal,2026-01-25,releases,detainees/political,VE,2026-01-25,at lest 104,preliminary,named_list
gov-626,ve-government,2026-01-25,release,detainees,VE,2025-12-01/..,626,final,announcement
`
	_, err := interchange.ReadClaims(strings.NewReader(bad), interchange.CSV)
	lines, other := interchange.LineErrors(err)
	for _, le := range lines {
		fmt.Printf("line %d, column %s: %v\n", le.Line, le.Column, errors.Is(le, interchange.ErrInvalid))
	}
	fmt.Println(len(other), "other problems")
	// Output:
	// line 2, column quantity: true
	// line 3, column measure: true
	// 0 other problems
}

// Sources and claims read as one evidence set, checked against each other,
// then reconciled.
func ExampleReadEvidence() {
	ev, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sourcesCSV), strings.NewReader(claimsCSV), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range ix.Figures() {
		fmt.Println(f)
	}
	// Output:
	// releases of detainees @ VE 2025-12-01/2026-01-25: low 626, best 626, high 626 (consensus [626, 626], verified 104)
	// releases of detainees/political @ VE 2025-12-01/2026-01-25: low 313, best 313, high 313 (consensus [282, 344], verified 104)
	// releases of detainees/political @ VE 2026-01-25/2026-01-25: low 104, best 104 or more, high 344 (consensus [104, 344], verified 104)
}

// Claims are checked against the sources, line by line.
func ExampleReadEvidence_unknownSource() {
	claims := `id,source,stated,measure,population,region,period,quantity,status,basis
fp-104,foro-penall,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list
`
	_, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sourcesCSV), strings.NewReader(claims), nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, reconcile.ErrUnknownSource))
	// Output:
	// interchange: claims:2: column source "foro-penall": unknown source: not among the sources
	// true
}

// Figures are written UCDP-style: low, best and high, with the verified
// floor, the consensus bounds and the claims behind each number.
func ExampleWriteFigures() {
	ev, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sourcesCSV), strings.NewReader(claimsCSV), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := interchange.WriteFigures(os.Stdout, interchange.CSV, ix.Figures()[1:]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// measure,population,region,period,verified,low,best,high,high_open,best_open,consensus_low,consensus_high,confidence,floor,cap,unverified,tension,claims,support,low_from,best_from,high_from,floor_from,cap_from,disputed,below_verified,superseded,relayed,retracted,unresolved,ignored,pledged
	// releases,detainees/political,VE,2025-12-01/2026-01-25,104,313,313,313,false,false,282,344,1,104,"[0, 626]","[178, 240]",false,fp-half,fp-half,fp-half,fp-half,fp-half,,gov-626,,,,,,,,
	// releases,detainees/political,VE,2026-01-25,104,104,104,344,false,true,104,344,1,104,"[0, 344]","[0, 240]",false,fp-104,fp-104,fp-104,fp-104,fp-half,,fp-half,,,fp-80,,,,,
}

// JSON Lines hold one record a line, as the record's MarshalJSON writes it.
func ExampleWriteSources() {
	sources, err := interchange.ReadSources(strings.NewReader(sourcesCSV), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := interchange.WriteSources(os.Stdout, interchange.JSONL, sources); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"id":"foro-penal","name":"Foro Penal","kind":"ngo","method":"verifies_identities","confidence":"0.9"}
	// {"id":"afp","name":"AFP","kind":"media","method":"relays","confidence":"0.8"}
	// {"id":"ve-government","name":"Government of Venezuela","kind":"government","method":"announces","confidence":"0.7"}
}

// A register read with names writes without them, unless the caller asks
// for them with WriteDisclosed. The people are invented.
func ExampleWriteDetainees() {
	register := `id,name,national_id,category,region,detained
FP-2026-0001,Inés Peñaloza Ávila,V-12.345.678,political prisoner,VE/Zulia,2025-08-03
`
	ds, err := interchange.ReadDetainees(strings.NewReader(register), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ds[0]) // String shows the register ID only
	_ = interchange.WriteDetainees(os.Stdout, interchange.CSV, ds)
	_ = interchange.WriteDisclosed(os.Stdout, interchange.JSONL, ds)
	// Output:
	// Detainee(FP-2026-0001)
	// id,name,national_id,sex,birth_year,category,region,facility,detained
	// FP-2026-0001,,,,,political_prisoner,VE/Zulia,,2025-08-03
	// {"id":"FP-2026-0001","name":"Inés Peñaloza Ávila","national_id":"V-12.345.678","category":"political_prisoner","region":"VE/Zulia","detained":"2025-08-03"}
}

// Events of a register: detentions and releases, with their terms.
func ExampleReadEvents() {
	events := `detainee,kind,day,terms,facility,region
FP-2026-0001,released,2026-01-25,conditional,Rodeo I,VE/Miranda
FP-2026-0002,released,2026-01-25,house arrest,El Helicoide,VE/Caracas
`
	es, err := interchange.ReadEvents(strings.NewReader(events), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range es {
		fmt.Println(e)
	}
	// Output:
	// released FP-2026-0001 2026-01-25 (conditional)
	// released FP-2026-0002 2026-01-25 (house_arrest)
}

// Verified identities make the verified floor.
func ExampleReadVerifications() {
	vs, err := interchange.ReadVerifications(strings.NewReader(`detainee,source,stated,population,region,period
FP-2026-0001,foro-penal,2026-01-25T21:00:00-04:00,detainees/political,VE/Miranda,2026-01-25
`), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(vs[0], vs[0].Stated.Format(time.Kitchen))
	// Output:
	// FP-2026-0001 verified by foro-penal in detainees/political @ VE/Miranda 2026-01-25/2026-01-25 9:00PM
}

// Discrepancies are written one pair of claims a line, with the cause.
func ExampleWriteDiscrepancies() {
	ev, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sourcesCSV), strings.NewReader(claimsCSV), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	ix, err := reconcile.NewIndex(ev, reconcile.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	since := release.MustPeriod(release.MustDate(2025, time.December, 1), release.MustDate(2026, time.January, 25))
	ds, err := ix.Discrepancies(source.Releases, release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), since))
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = interchange.WriteDiscrepancies(os.Stdout, interchange.CSV, ds[1:])
	// Output:
	// a_claim,a_source,a_quantity,a_measure,a_population,a_region,a_period,a_interval,b_claim,b_source,b_quantity,b_measure,b_population,b_region,b_period,b_interval,cause,differences,nested,conflict,ratio,gap
	// gov-626,ve-government,626,releases,detainees,VE,2025-12-01/2026-01-25,"[626, 626]",fp-half,foro-penal,about 313,releases,detainees/political,VE,2025-12-01/2026-01-25,"[282, 344]",different_population,different_population,true,false,2,0
}

// The format of a file follows its extension.
func ExampleFormatOf() {
	for _, name := range []string{"claims.csv", "figures.JSONL", "events.ndjson", "notes.txt"} {
		f, ok := interchange.FormatOf(name)
		fmt.Println(name, f, ok)
	}
	// Output:
	// claims.csv csv true
	// figures.JSONL jsonl true
	// events.ndjson jsonl true
	// notes.txt Format(0) false
}

// A spreadsheet set to Spanish saves CSV with ";" between columns, and
// people type names of values as they say them.
func ExampleReadSources() {
	saved := "\uFEFFid;name;kind;method;confidence;# nota\r\n" +
		"foro-penal;Foro Penal;NGO;Verifies identities;0.9;verifica nombre por nombre\r\n"
	sources, err := interchange.ReadSources(strings.NewReader(saved), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sources[0], sources[0].Kind, sources[0].Method, sources[0].Confidence)
	// Output:
	// Foro Penal (foro-penal) ngo verifies_identities 0.9
}

// A relative claim in JSON Lines, as source.Claim.MarshalJSON writes it.
func ExampleWriteClaims() {
	claims, err := interchange.ReadClaims(strings.NewReader(claimsCSV), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := interchange.WriteClaims(os.Stdout, interchange.JSONL, claims[3:]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"id":"fp-half","source":"foro-penal","via":["afp"],"stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees/political","region":"VE","period":"2025-12-01/.."},"relative":{"to":"gov-626","ratio":"0.5","kind":"about"},"status":"verified","basis":"named_list"}
}

// Figures written by one program read back whole in another.
func ExampleReadFigures() {
	figures := `measure,population,region,period,verified,low,best,high,consensus_low,consensus_high,confidence,support
releases,detainees/political,VE,2025-12-01/2026-01-25,0,313,313,313,282,344,1,fp-half
`
	fs, err := interchange.ReadFigures(strings.NewReader(figures), interchange.CSV)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fs[0], fs[0].Support)
	// Output:
	// releases of detainees/political @ VE 2025-12-01/2026-01-25: low 313, best 313, high 313 (consensus [282, 344], verified 0) [fp-half]
}

// An evidence set goes out as three files, and comes back equal.
func ExampleWriteEvidence() {
	ev, err := interchange.ReadEvidence(interchange.CSV, strings.NewReader(sourcesCSV), strings.NewReader(claimsCSV), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var sources, claims, verifications strings.Builder
	if err := interchange.WriteEvidence(interchange.JSONL, &sources, &claims, &verifications, ev); err != nil {
		fmt.Println(err)
		return
	}
	back, err := interchange.ReadEvidence(interchange.JSONL, strings.NewReader(sources.String()),
		strings.NewReader(claims.String()), strings.NewReader(verifications.String()))
	fmt.Println(back.NumSources(), back.NumClaims(), back.Equal(ev), err)
	// Output:
	// 3 4 true <nil>
}

// Events go out as they came in.
func ExampleWriteEvents() {
	es := []release.Event{{Detainee: release.MustDetaineeID("FP-2026-0001"), Kind: release.Released,
		Day: release.MustDate(2026, time.January, 25), Terms: release.Conditional}}
	_ = interchange.WriteEvents(os.Stdout, interchange.CSV, es)
	// Output:
	// detainee,kind,day,terms,facility,region
	// FP-2026-0001,released,2026-01-25,conditional,,
}

// Verified identities go out by register ID.
func ExampleWriteVerifications() {
	v := reconcile.Verification{Detainee: release.MustDetaineeID("FP-2026-0001"), Source: source.MustSourceID("foro-penal"),
		Scope: release.MustScope(release.MustPopulation("detainees/political"), release.MustRegion("VE/Miranda"),
			release.Day(release.MustDate(2026, time.January, 25))),
		Stated: time.Date(2026, time.January, 25, 21, 0, 0, 0, time.FixedZone("VET", -4*3600))}
	_ = interchange.WriteVerifications(os.Stdout, interchange.CSV, []reconcile.Verification{v})
	// Output:
	// detainee,count,source,stated,population,region,period
	// FP-2026-0001,,foro-penal,2026-01-25T21:00:00-04:00,detainees/political,VE/Miranda,2026-01-25
}

// Discrepancies read back with their cause.
func ExampleReadDiscrepancies() {
	in := `{"a":{"claim":"gov-626","source":"ve-government","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2025-12-01/2026-01-25"},"quantity":"626","interval":"[626, 626]"},"b":{"claim":"fp-half","source":"foro-penal","measure":"releases","scope":{"population":"detainees/political","region":"VE","period":"2025-12-01/2026-01-25"},"quantity":"about 313","interval":"[282, 344]"},"cause":"different_population","differences":["different_population"],"nested":true,"conflict":false,"ratio":"2"}
`
	ds, err := interchange.ReadDiscrepancies(strings.NewReader(in), interchange.JSONL)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := ds[0]
	fmt.Println(d.A.Claim, d.A.Quantity, "against", d.B.Claim, d.B.Quantity, "-", d.Cause, "conflict:", d.Conflict, "ratio", d.Ratio)
	// Output:
	// gov-626 626 against fp-half about 313 - different_population conflict: false ratio 2
}
