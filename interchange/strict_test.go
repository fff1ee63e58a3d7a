package interchange_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/freedcount/freedcount/interchange"
)

// JSON Lines are read as strictly as CSV: what encoding/json would let
// pass silently — a key given twice (the last would win), "ID" beside "id"
// (matched in any case), text that is not UTF-8 (replaced), unknown keys
// inside a nested object (dropped) — is refused, naming the key.
func TestJSONLinesRefuseWhatJSONWouldLetPass(t *testing.T) {
	const good = `{"id":"c","source":"s","stated":"2026-01-25","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"quantity":"104","status":"final","basis":"announcement"`
	for _, tc := range []struct {
		name, line, column string
		is                 error
	}{
		{"duplicate key", good + `,"quantity":"105"}`, "quantity", interchange.ErrSyntax},
		{"ID beside id", good + `,"ID":"d"}`, "ID", interchange.ErrInvalid},
		{"unknown key in scope", strings.Replace(good, `"period":"2026-01-25"}`, `"period":"2026-01-25","Period":"2026-01-26"}`, 1) + `}`, "scope.Period", interchange.ErrInvalid},
		{"duplicate key in scope", strings.Replace(good, `"region":"VE"`, `"region":"VE","region":"CU"`, 1) + `}`, "scope.region", interchange.ErrSyntax},
		{"unknown key in citation", good + `,"citation":{"url":"https://example.org","qoute":"x"}}`, "citation.qoute", interchange.ErrInvalid},
		{"invalid UTF-8", strings.Replace(good, `"c"`, "\"c\xff\"", 1) + `}`, "", interchange.ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := interchange.ReadClaims(strings.NewReader(tc.line+"\n"), interchange.JSONL)
			require.ErrorIs(t, err, tc.is)
			le, ok := errors.AsType[*interchange.LineError](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tc.column, le.Column)
			assert.Equal(t, 1, le.Line)
		})
	}
	_, err := interchange.ReadClaims(strings.NewReader(good+"}\n"), interchange.JSONL)
	require.NoError(t, err)
}

// A line longer than the limit is refused with a typed error that names
// it, in both formats, without reading the rest: /dev/zero cannot exhaust
// memory.
func TestLinesLongerThanTheLimitAreRefused(t *testing.T) {
	header := "id,source,stated,measure,population,region,period,quantity,status,basis\n"
	long := "c," + strings.Repeat("x", 2000) + "\n"
	for _, f := range []interchange.Format{interchange.CSV, interchange.JSONL} {
		_, err := interchange.ReadClaims(interchange.LimitLines(strings.NewReader(header+long), 1000), f)
		require.ErrorIs(t, err, interchange.ErrTooLong, f.String())
		le, ok := errors.AsType[*interchange.LineError](err)
		require.True(t, ok)
		want := 2
		if f == interchange.JSONL {
			want = 2
		}
		assert.Equal(t, want, le.Line, f.String())
	}
	// The default limit holds for an endless line of zeros.
	_, err := interchange.ReadClaims(io.LimitReader(zeros{}, 4*interchange.DefaultMaxLineBytes), interchange.CSV)
	require.ErrorIs(t, err, interchange.ErrTooLong)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A JSON line's errors name the key at fault: a quantity that cannot be
// read is blamed on "quantity" even when another key holds the same text,
// and a value of the wrong JSON type is named by its key in JSON's words,
// never in encoding/json's Go type names.
func TestJSONLinesErrorsNameTheRightKey(t *testing.T) {
	const rest = `"stated":"2026-01-25","measure":"releases","scope":{"population":"detainees","region":"VE","period":"2026-01-25"},"status":"final","basis":"named_list"`
	for _, tc := range []struct{ name, line, column, not string }{
		{"same text in two keys", `{"id":"c","source":"s","quantity":"abc","named":["abc"],` + rest + `}`, "quantity", "named"},
		{"a number for an ID", `{"id":5,"source":"s","quantity":"5",` + rest + `}`, "id", "claimJSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := interchange.ReadClaims(strings.NewReader(tc.line+"\n"), interchange.JSONL)
			require.ErrorIs(t, err, interchange.ErrInvalid)
			le, ok := errors.AsType[*interchange.LineError](err)
			require.True(t, ok)
			assert.Equal(t, tc.column, le.Column)
			assert.NotContains(t, err.Error(), tc.not)
			assert.NotContains(t, err.Error(), "source.ClaimID")
		})
	}
}
