package interchange_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/freedcount/freedcount/chart"
	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/reconcile"
	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/reliability"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/report"
	"github.com/freedcount/freedcount/source"
)

// TestOneFieldErrorAcrossPackages: every package's FieldError is
// release.FieldError and every ErrInvalid is release.ErrInvalid, so one
// errors.Is or errors.As reaches a bad field whichever package refused it.
func TestOneFieldErrorAcrossPackages(t *testing.T) {
	_, relErr := release.ParseRegion("VE//Zulia")
	_, srcErr := source.ParseQuantity("abc")
	_, recErr := reconcile.Evidence{}.AddClaims(source.Claim{})
	_, linkErr := link.ParseCedula("")
	mseErr := mse.Options{}.Validate()
	if mseErr == nil {
		_, mseErr = mse.ParseListID("")
	}
	relbErr := reliability.Options{FalseValues: 1}.Validate()
	chartErr := chart.Write(io.Discard, reconcile.Evidence{}, 0, release.Scope{}, chart.Daily, chart.Options{})
	reportErr := report.Write(context.Background(), io.Discard, reconcile.Evidence{}, report.Options{Lang: language.French})
	for _, tc := range []struct {
		pkg string
		err error
	}{
		{"release", relErr}, {"source", srcErr}, {"reconcile", recErr}, {"link", linkErr},
		{"mse", mseErr}, {"reliability", relbErr}, {"chart", chartErr}, {"report", reportErr},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			require.Error(t, tc.err)
			for _, sentinel := range []error{release.ErrInvalid, source.ErrInvalid, reconcile.ErrInvalid,
				link.ErrInvalid, mse.ErrInvalid, reliability.ErrInvalid, interchange.ErrInvalid,
				chart.ErrInvalid, report.ErrInvalid} {
				assert.ErrorIs(t, tc.err, sentinel)
			}
			var viaRelease *release.FieldError
			require.True(t, errors.As(tc.err, &viaRelease), "%v", tc.err)
			var viaSource *source.FieldError
			require.True(t, errors.As(tc.err, &viaSource))
			var viaReconcile *reconcile.FieldError
			require.True(t, errors.As(tc.err, &viaReconcile))
			var viaLink *link.FieldError
			require.True(t, errors.As(tc.err, &viaLink))
			var viaMSE *mse.FieldError
			require.True(t, errors.As(tc.err, &viaMSE))
			var viaReliability *reliability.FieldError
			require.True(t, errors.As(tc.err, &viaReliability))
			var viaInterchange *interchange.FieldError
			require.True(t, errors.As(tc.err, &viaInterchange))
			var viaChart *chart.FieldError
			require.True(t, errors.As(tc.err, &viaChart))
			var viaReport *report.FieldError
			require.True(t, errors.As(tc.err, &viaReport))
			assert.Same(t, viaRelease, viaSource)
			assert.Same(t, viaRelease, viaInterchange)
			assert.Equal(t, tc.pkg, viaRelease.Pkg)
			assert.NotEmpty(t, viaRelease.Path)
			assert.True(t, strings.HasPrefix(viaRelease.Error(), tc.pkg+": "+viaRelease.Field()+" "), viaRelease.Error())
		})
	}
}

// TestFieldErrorWithinPutsAValueUnderItsRecord: Within replaces the type
// that refused a value by the value's place in a record, and leaves the
// error it is called on alone.
func TestFieldErrorWithinPutsAValueUnderItsRecord(t *testing.T) {
	_, err := release.ParseRegion("VE//Zulia")
	fe, ok := errors.AsType[*release.FieldError](err)
	require.True(t, ok)
	assert.Equal(t, release.FieldPath{"Region"}, fe.Path)
	in := fe.Within("Claim", "Scope", "Region")
	assert.Equal(t, release.FieldPath{"Claim", "Scope", "Region"}, in.Path)
	assert.Equal(t, "Claim.Scope.Region", in.Field())
	assert.True(t, in.Path.HasPrefix("Claim", "Scope"))
	assert.Equal(t, release.FieldPath{"Region"}, fe.Path, "the original is unchanged")
	assert.Equal(t, fe.Err, in.Err)
	scope := (&release.FieldError{Pkg: "release", Path: release.FieldPath{"Scope", "Period"}}).Within("Verification", "Scope")
	assert.Equal(t, "Verification.Scope.Period", scope.Field())
}

// TestErrorsBlameTheCellAtFault: the column of a bad value is read from
// the path of its field error, by table: never from a value that another
// cell happens to repeat, and never a valid neighbour of the bad cell.
func TestErrorsBlameTheCellAtFault(t *testing.T) {
	const rest = `"id":"c","source":"s","stated":"2026-01-25","measure":"releases","status":"final","basis":"named_list"`
	for _, tc := range []struct {
		name, in string
		f        interchange.Format
		want     []string
	}{
		{"quantity text repeated in named", `{` + rest + `,"scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"abc","named":["abc"]}`,
			interchange.JSONL, []string{":1 quantity"}},
		{"bad region in JSON", `{` + rest + `,"scope":{"population":"detainees","region":"VE//Zulia","period":"2026-01-25"},"quantity":"3"}`,
			interchange.JSONL, []string{":1 scope.region"}},
		{"bad region in CSV", "id,source,stated,measure,population,region,period,quantity,status,basis\n" +
			"c,s,2026-01-25,releases,detainees,VE//Zulia,2026-01-25,3,final,named_list\n",
			interchange.CSV, []string{":2 region"}},
		{"bad population in CSV", "id,source,stated,measure,population,region,period,quantity,status,basis\n" +
			"c,s,2026-01-25,releases,detainees//x,VE,2026-01-25,3,final,named_list\n",
			interchange.CSV, []string{":2 population"}},
		{"period after the statement in CSV", "id,source,stated,measure,population,region,period,quantity,status,basis\n" +
			"c,s,2026-01-25,releases,detainees,VE,2030-01-01,3,final,named_list\n",
			interchange.CSV, []string{":2 period"}},
		{"bad ID in JSON", `{"id":"","source":"s","stated":"2026-01-25","measure":"releases","status":"final","basis":"named_list","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"3","supersedes":""}`,
			interchange.JSONL, []string{":1 id"}},
		{"bad supersedes in JSON", `{` + rest + `,"scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"3","supersedes":"s\u202e"}`,
			interchange.JSONL, []string{":1 supersedes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := interchange.ReadClaims(strings.NewReader(tc.in+"\n"), tc.f)
			require.Error(t, err)
			assert.Equal(t, tc.want, problems(t, err), "%v", err)
		})
	}
}

// TestJSONTypeErrorsNameTheirKeyInJSONWords: in every reader, a value of
// the wrong JSON type or a time that does not parse is blamed on its key,
// and the message speaks JSON, not Go.
func TestJSONTypeErrorsNameTheirKeyInJSONWords(t *testing.T) {
	const scope = `"scope":{"population":"detainees","region":"VE","period":"2026-01-25"}`
	for _, tc := range []struct {
		name, in, want, reason string
		read                   func(string) error
	}{
		{"event kind", `{"detainee":"FP-1","kind":5,"day":"2026-01-25"}`, ":1 kind", "want a JSON string, not a JSON number",
			func(s string) error {
				_, err := interchange.ReadEvents(strings.NewReader(s), interchange.JSONL)
				return err
			}},
		{"birth year", `{"id":"FP-1","birth_year":"x"}`, ":1 birth_year", "want a JSON number, not a JSON string",
			func(s string) error {
				_, err := interchange.ReadDetainees(strings.NewReader(s), interchange.JSONL)
				return err
			}},
		{"verified count", `{"count":"x","source":"s","stated":"2026-01-25T00:00:00Z",` + scope + `}`, ":1 count", "want a JSON number, not a JSON string",
			func(s string) error {
				_, err := interchange.ReadVerifications(strings.NewReader(s), interchange.JSONL)
				return err
			}},
		{"verification time", `{"detainee":"FP-1","source":"s","stated":"2026-01-25",` + scope + `}`, ":1 stated", "want an RFC 3339 time",
			func(s string) error {
				_, err := interchange.ReadVerifications(strings.NewReader(s), interchange.JSONL)
				return err
			}},
		{"claim ID", `{"id":5,"source":"s","stated":"2026-01-25","measure":"releases","status":"final","basis":"named_list","quantity":"5",` + scope + `}`, ":1 id", "want a JSON string, not a JSON number",
			func(s string) error {
				_, err := interchange.ReadClaims(strings.NewReader(s), interchange.JSONL)
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read(tc.in + "\n")
			require.Error(t, err)
			assert.Equal(t, []string{tc.want}, problems(t, err), "%v", err)
			assert.Contains(t, err.Error(), tc.reason)
			assert.NotContains(t, err.Error(), "Go ")
			assert.NotContains(t, err.Error(), "JSON.")
		})
	}
}
