package interchange_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// problems lists the LineErrors joined in err as "LINE COLUMN".
func problems(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		le, ok := e.(*interchange.LineError)
		require.True(t, ok, "%v (%T) is not a *LineError", e, e)
		out = append(out, fmt.Sprintf("%s:%d %s", le.File, le.Line, le.Column))
	}
	walk(err)
	return out
}

func TestEveryBadLineIsListedByNumberAndColumn(t *testing.T) {
	in := `id,source,via,stated,measure,population,region,period,quantity,status,basis,named
ok-1,fp,,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list,
bad-2,,,2026-01-25T20:00:00-04:00,releases,detainees/political,VE,2026-01-25,104,preliminary,named_list,
bad-3,fp,,25/01/2026,held,detainees//political,VE,2026-01-25,104,final,list,
bad-4,fp,fp,2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,at most 1,final,named_list,FP-1;FP-2
ok-5,fp,"afp; efe",2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,"between 1,000 and 1.200",final,named_list,
bad-6,fp,,2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,104,final
`
	claims, err := interchange.ReadClaims(strings.NewReader(in), interchange.CSV)
	require.Error(t, err)
	assert.Nil(t, claims, "nothing is half-imported")
	assert.Equal(t, []string{
		":3 source",
		":4 stated", ":4 population", ":4 basis",
		":5 via", ":5 named",
		":7 ",
	}, problems(t, err))
	assert.ErrorIs(t, err, interchange.ErrInvalid)
	assert.ErrorIs(t, err, interchange.ErrSyntax)
	assert.ErrorIs(t, err, source.ErrInvalid, "the reason of package source is kept")
	assert.ErrorIs(t, err, release.ErrInvalid, "the reason of package release is kept")
	assert.Contains(t, err.Error(), `line 4: column basis "list": unknown value; want one of named_list, announcement, estimate`)
	assert.Contains(t, err.Error(), `line 7: malformed: 10 fields, but the header has 12`)
}

func TestHeaderProblemsAreReportedOnLineOne(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"missing columns", "id,name\n", []string{":1 kind", ":1 method", ":1 confidence"}},
		{"unknown column", "id,name,kind,method,confidence,trust\n", []string{":1 trust"}},
		{"unknown column with a space", "id,name,kind,method,confidence,trust level\n", []string{`:1 "trust level"`}},
		{"column twice", "id,name,kind,method,confidence,ID\n", []string{":1 id"}},
		{"empty input", "", []string{":1 "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := interchange.ReadSources(strings.NewReader(tc.in), interchange.CSV)
			require.ErrorIs(t, err, interchange.ErrHeader)
			assert.Equal(t, tc.want, problems(t, err))
		})
	}
}

// TestSpreadsheetCSVIsRead reads a file as a spreadsheet set to Spanish
// saves it: a byte order mark, ";" between columns, CRLF line ends, names
// of values as people type them, a note column and an empty column.
func TestSpreadsheetCSVIsRead(t *testing.T) {
	in := "\uFEFFID;Name;Kind;Group;Method;Confidence;# nota;\r\n" +
		" foro-penal ;Foro Penal;NGO;;Verifies identities; 0.90 ;la ONG;\r\n" +
		"ve-gov;\"Gobierno; Venezuela\";Government;ve-state;announces;0.5;;\r\n"
	got, err := interchange.ReadSources(strings.NewReader(in), interchange.CSV)
	require.NoError(t, err)
	want := []source.Source{
		{ID: source.MustSourceID("foro-penal"), Name: "Foro Penal", Kind: source.NGO, Method: source.VerifiesIdentities, Confidence: decimal.RequireFromString("0.9")},
		{ID: source.MustSourceID("ve-gov"), Name: "Gobierno; Venezuela", Kind: source.Government, Group: source.MustGroup("ve-state"), Method: source.Announces, Confidence: decimal.RequireFromString("0.5")},
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.True(t, want[i].Equal(got[i]), "source %d: %v", i, got[i])
	}
}

func TestAValueInAColumnWithoutAHeaderIsRefused(t *testing.T) {
	_, err := interchange.ReadSources(strings.NewReader("id,name,kind,method,confidence,\nfp,FP,ngo,announces,0.9,forgotten\n"), interchange.CSV)
	require.ErrorIs(t, err, interchange.ErrSyntax)
	assert.Contains(t, err.Error(), `line 2: "forgotten": malformed: a value in column 6, which has no name in the header`)
}

func TestJSONLinesErrorsNameTheKey(t *testing.T) {
	in := `{"id":"a","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"104","status":"finale","basis":"announcement"}

{"id":"b","source":"s","stated":"2026-01-25T20:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"104","status":"final","basis":"announcement"}
{"id":"c","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01"},"quantity":"104","status":"final","basis":"announcement"}
{"id":"d","source":"s","stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"104","status":"final","basis":"announcement","quantiy":"105"}
["not an object"]
{"id":"f","source":"s","via":["s"],"stated":"2026-01-25T20:00:00-04:00","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"104","status":"final","basis":"announcement"}
`
	_, err := interchange.ReadClaims(strings.NewReader(in), interchange.JSONL)
	assert.Equal(t, []string{":1 status", ":3 stated", ":4 scope.period", ":5 quantiy", ":6 ", ":7 via"}, problems(t, err))
}

// TestErrorsNeverShowNamesOrNationalIDs feeds a register with bad lines
// that hold names and national IDs, and checks that no error repeats them.
func TestErrorsNeverShowNamesOrNationalIDs(t *testing.T) {
	const name, nid = "Yolimar Quiñónez Briceño", "V-23.456.789"
	long := strings.Repeat(name, 40)
	csvIn := "id,name,national_id,birth_year\n" +
		"FP-1," + long + "," + nid + ",1850\n" +
		"FP-2,\"" + name + "\xff\"," + nid + "\xff,\n" +
		"FP-3," + name + "," + nid + ",19x0\n"
	jsonIn := `{"id":"FP-1","name":"` + long + `","national_id":"` + nid + `","birth_year":1850}` + "\n" +
		`{"id":"FP-2","name":"` + name + `","national_id":"` + nid + `",` + "\n" +
		`{"id":"FP-3","name":"` + name + `","national_id":"` + nid + `","sex":"f"}` + "\n"
	for _, tc := range []struct {
		f  interchange.Format
		in string
	}{{interchange.CSV, csvIn}, {interchange.JSONL, jsonIn}} {
		t.Run(tc.f.String(), func(t *testing.T) {
			_, err := interchange.ReadDetainees(strings.NewReader(tc.in), tc.f)
			require.Error(t, err)
			msg := err.Error()
			for _, secret := range []string{"Yolimar", "Quiñónez", "23.456", "456.789"} {
				assert.NotContains(t, msg, secret)
			}
			assert.GreaterOrEqual(t, len(problems(t, err)), 3, msg)
			assert.Contains(t, msg, "<redacted>")
		})
	}
}

// TestEvidenceLinesAreCheckedAgainstEachOther names, for every claim that
// does not fit the rest, its file, line and column.
func TestEvidenceLinesAreCheckedAgainstEachOther(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) *os.File {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		f, err := os.Open(p)
		require.NoError(t, err)
		t.Cleanup(func() { f.Close() })
		return f
	}
	sources := write("sources.csv", `id,name,kind,method,confidence
fp,Foro Penal,ngo,verifies_identities,0.9
gov,Government,government,announces,0.7
fp,Foro Penal,ngo,verifies_identities,0.9
gov,Gobierno,government,announces,0.7
`)
	const head = "id,source,via,stated,measure,population,region,period,quantity,status,basis,supersedes,relative_to,ratio,relative_kind\n"
	const rest = ",2026-01-25T20:00:00-04:00,releases,detainees,VE,2026-01-25,"
	claims := write("claims.csv", head+
		"a,fp,afp"+rest+"5,final,announcement,,,,\n"+
		"b,fpp,"+rest+"5,final,announcement,,,,\n"+
		"c,gov,"+rest+"6,final,announcement,a,,,\n"+
		"d,fp,"+rest+"6,final,announcement,e,,,\n"+
		"e,fp,"+rest+"6,final,announcement,d,,,\n"+
		"a,fp,afp"+rest+"5,final,announcement,,,,\n"+
		"a,fp,"+rest+"7,final,announcement,,,,\n"+
		"h,fp,"+rest+",verified,named_list,,h2,0.5,about\n"+
		"h2,fp,"+rest+",verified,named_list,,h,2,about\n")
	verifications := write("verifications.csv", "detainee,source,stated,population,region,period\nFP-1,fp,2026-01-25T20:00:00-04:00,detainees,VE,2026-01-25\nFP-2,ohchr,2026-01-25T20:00:00-04:00,detainees,VE,2026-01-25\n")
	_, err := interchange.ReadEvidence(interchange.CSV, sources, claims, verifications)
	require.Error(t, err)
	s, c, v := sources.Name(), claims.Name(), verifications.Name()
	assert.ElementsMatch(t, []string{
		s + ":5 id",
		c + ":2 via", c + ":3 source", c + ":4 supersedes", c + ":5 supersedes", c + ":6 supersedes",
		c + ":7 via", c + ":8 id",
		c + ":9 relative_to", c + ":10 relative_to",
		v + ":3 source",
	}, problems(t, err), err.Error())
	assert.ErrorIs(t, err, reconcile.ErrUnknownSource)
	assert.ErrorIs(t, err, reconcile.ErrConflict)
	assert.ErrorIs(t, err, reconcile.ErrChain)
	assert.Contains(t, err.Error(), c+":5: column supersedes \"e\": broken claim chain: a cycle of supersession: d → e → d")
}

func TestWritersRefuseWhatTheFormatCannotCarry(t *testing.T) {
	at := time.Date(2026, time.January, 25, 20, 0, 0, 0, time.FixedZone("VET", -4*3600))
	good := source.Claim{ID: source.MustClaimID("a"), Source: source.MustSourceID("fp"), Stated: at,
		Measure: source.Releases, Scope: release.MustScope(release.MustPopulation("detainees"), release.MustRegion("VE"), release.Day(release.DateOf(at))),
		Quantity: source.MustQuantity("104"), Status: source.Final, Basis: source.Announcement}
	semicolon := good.Clone()
	semicolon.Via = []source.SourceID{source.MustSourceID("afp;efe")}
	cr := good.Clone()
	cr.Citation.Quote = "104\r\nliberados"
	invalid := good.Clone()
	invalid.Status = 0
	for _, tc := range []struct {
		name   string
		claims []source.Claim
		f      interchange.Format
		want   []string
		also   error
	}{
		{"separator in a list", []source.Claim{good, semicolon}, interchange.CSV, []string{":2 via"}, nil},
		{"carriage return", []source.Claim{cr, good}, interchange.CSV, []string{":1 quote"}, nil},
		{"invalid claim", []source.Claim{good, invalid}, interchange.CSV, []string{":2 "}, source.ErrInvalid},
		{"invalid claim in JSON", []source.Claim{invalid}, interchange.JSONL, []string{":1 "}, source.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := interchange.WriteClaims(&b, tc.f, tc.claims)
			assert.ErrorIs(t, err, interchange.ErrUnencodable)
			if tc.also != nil {
				assert.ErrorIs(t, err, tc.also)
			}
			assert.Equal(t, tc.want, problems(t, err))
			assert.Zero(t, b.Len(), "nothing is written")
		})
	}
	var b bytes.Buffer
	require.NoError(t, interchange.WriteClaims(&b, interchange.JSONL, []source.Claim{semicolon, cr}), "JSON Lines carry both")
	back, err := interchange.ReadClaims(&b, interchange.JSONL)
	require.NoError(t, err)
	assert.True(t, slices.EqualFunc([]source.Claim{semicolon, cr}, back, source.Claim.Equal))
}

func TestFormatNames(t *testing.T) {
	var f interchange.Format
	require.NoError(t, f.UnmarshalText([]byte("JSONL")))
	assert.Equal(t, interchange.JSONL, f)
	text, err := interchange.CSV.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "csv", string(text))
	assert.Error(t, f.UnmarshalText([]byte("xml")))
	_, err = interchange.Format(0).MarshalText()
	assert.Error(t, err)
	_, err = interchange.ReadSources(strings.NewReader(""), 0)
	assert.ErrorIs(t, err, interchange.ErrInvalid)
	assert.ErrorIs(t, interchange.WriteSources(&bytes.Buffer{}, 7, nil), interchange.ErrInvalid)
}

func TestNoInputIsAnError(t *testing.T) {
	_, err := interchange.ReadEvidence(interchange.CSV, nil, strings.NewReader(""), nil)
	assert.ErrorIs(t, err, interchange.ErrSyntax)
	assert.Equal(t, []string{"claims:1 ", "sources:0 "}, problems(t, err))
}

// TestStrayNamesInARegisterAreRedacted reads registers whose names and
// national IDs are where a header field, a JSON key or an unnamed column
// is: a register exported without its header line, an object keyed by
// name, a line with one cell too many. No error may repeat them.
func TestStrayNamesInARegisterAreRedacted(t *testing.T) {
	for _, tc := range []struct {
		f    interchange.Format
		in   string
		want error
	}{
		{interchange.CSV, "FP-1,Yolimar Quiñónez,V-23.456.789\n", interchange.ErrHeader},
		{interchange.CSV, "id,name,\nFP-1,x,Yolimar Quiñónez V-23.456.789\n", interchange.ErrSyntax},
		{interchange.JSONL, `{"id":"FP-1","Yolimar Quiñónez V-23.456.789":1}` + "\n", interchange.ErrInvalid},
	} {
		_, err := interchange.ReadDetainees(strings.NewReader(tc.in), tc.f)
		require.ErrorIs(t, err, tc.want, tc.in)
		msg := err.Error()
		for _, secret := range []string{"Yolimar", "Quiñónez", "quiñónez", "23.456"} {
			assert.NotContains(t, msg, secret)
		}
		assert.Contains(t, msg, "<redacted>")
	}
}
