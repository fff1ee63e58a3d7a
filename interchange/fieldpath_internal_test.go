package interchange

import (
	"slices"
	"strings"
	"testing"

	"github.com/freedcount/freedcount/internal/errfmt"
)

// pathTable is what TestEveryPathNamesAColumnOfItsReader needs of a table.
type pathTable struct {
	name              string
	columns           []string
	keys              []string
	nested            map[string][]string
	fields, keyFields map[string]string
	// want are paths of field errors that the record's Validate or
	// UnmarshalJSON give, with the CSV column and JSON key each is about.
	want map[string][2]string
}

func describe[T any](name string, t *table[T], want map[string][2]string) pathTable {
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = c.name
	}
	return pathTable{name, cols, t.keys, t.nested, t.fields, t.keyFields, want}
}

// TestEveryPathNamesAColumnOfItsReader: for every reader that maps field
// errors to columns by table, every path in its tables names a column it
// has and a key (or nested key) it reads, and the paths the records'
// own errors give map to the expected column and key, a nested path by
// its longest known prefix.
func TestEveryPathNamesAColumnOfItsReader(t *testing.T) {
	for _, tc := range []pathTable{
		describe("claims", claimTable, map[string][2]string{
			"Claim.ID": {"id", "id"}, "Claim.Quantity": {"quantity", "quantity"},
			"Claim.Scope.Population": {"population", "scope.population"},
			"Claim.Scope.Region":     {"region", "scope.region"},
			"Claim.Scope.Period":     {"period", "scope.period"},
			"Claim.Scope":            {"", "scope"},
			"Claim.Named":            {"named", "named"},
			"Claim.Relative.Ratio":   {"ratio", "relative.ratio"},
			"Claim.Citation.URL":     {"url", "citation.url"},
			"Claim":                  {"", ""},
			"Quantity":               {"", ""},
		}),
		describe("sources", sourceTable, map[string][2]string{
			"Source.Confidence": {"confidence", "confidence"}, "Source.Kind": {"kind", "kind"}, "Source": {"", ""},
		}),
		describe("verifications", verificationTable, map[string][2]string{
			"Verification.Scope.Region": {"region", "scope.region"}, "Verification.Count": {"count", "count"},
		}),
		describe("detainees", detaineeTable, map[string][2]string{
			"Detainee.NationalID": {"national_id", "national_id"}, "Detainee.BirthYear": {"birth_year", "birth_year"},
		}),
		describe("redacted detainees", redactedDetaineeTable, map[string][2]string{
			"Detainee.Region": {"region", "region"},
		}),
		describe("events", eventTable, map[string][2]string{
			"Event.Day": {"day", "day"}, "Event.Terms": {"terms", "terms"},
		}),
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.fields) == 0 || len(tc.keyFields) == 0 {
				t.Fatalf("no path tables")
			}
			for path, col := range tc.fields {
				if !slices.Contains(tc.columns, col) {
					t.Errorf("fields: %s → %q, not a column of %v", path, col, tc.columns)
				}
			}
			for path, key := range tc.keyFields {
				head, rest, nested := strings.Cut(key, ".")
				if !slices.Contains(tc.keys, head) || nested && !slices.Contains(tc.nested[head], rest) {
					t.Errorf("keyFields: %s → %q, not a key of %v (nested %v)", path, key, tc.keys, tc.nested)
				}
			}
			for path, want := range tc.want {
				p := errfmt.Split(path)
				if got := columnOf(tc.fields, p); got != want[0] {
					t.Errorf("column of %s = %q, want %q", path, got, want[0])
				}
				if got := columnOf(tc.keyFields, p); got != want[1] {
					t.Errorf("key of %s = %q, want %q", path, got, want[1])
				}
			}
		})
	}
}
