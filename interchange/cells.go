package interchange

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/freedcount/freedcount/internal/enum"
	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// The text of cells. Structured cells (IDs, names of values, dates,
// numbers, lists) are read with surrounding white space trimmed, as
// spreadsheets leave it; free text (names, quotes) is read as it is.

// errMissing is the reason for an empty cell where a value is required.
func errMissing() error { return reason(ErrInvalid, "missing") }

// parseRequired parses a required cell, trimmed.
func parseRequired[V any](s string, parse func(string) (V, error)) (V, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		var zero V
		return zero, errMissing()
	}
	v, err := parse(s)
	if err != nil {
		return v, because(ErrInvalid, err)
	}
	return v, nil
}

// parseOptional parses a cell that may be empty, giving the zero value.
func parseOptional[V any](s string, parse func(string) (V, error)) (V, error) {
	if strings.TrimSpace(s) == "" {
		var zero V
		return zero, nil
	}
	return parseRequired(s, parse)
}

// enumText normalises the name of a value as people may type it in a
// spreadsheet: "Named list", "named-list" and "NAMED_LIST" all read as
// "named_list".
func enumText(s string) string { return enum.Fold(s) }

// parseEnum returns a parser of an enum's names, for parseRequired. A name
// as the enum writes it is looked up in a table made once per enum type
// ([enumNames]); anything else goes to the enum's UnmarshalText, which
// reads its other spellings and gives the reason for a bad one.
func parseEnum[E any, P interface {
	*E
	encoding.TextUnmarshaler
}]() func(string) (E, error) {
	return func(s string) (E, error) {
		folded := enumText(s)
		if e, ok := enumNames[E, P]()[folded]; ok {
			return e, nil
		}
		var e E
		err := P(&e).UnmarshalText([]byte(folded))
		return e, err
	}
}

// enumTables holds, per enum type, the table of enumNames.
var enumTables sync.Map // reflect.Type → map[string]E

// enumNames returns the values of enum E by the names they write
// (MarshalText), those that read back to themselves: the values of a
// byte-sized enum, found by trying each.
func enumNames[E any, P interface {
	*E
	encoding.TextUnmarshaler
}]() map[string]E {
	typ := reflect.TypeFor[E]()
	if m, ok := enumTables.Load(typ); ok {
		return m.(map[string]E)
	}
	names := make(map[string]E)
	if k := typ.Kind(); k >= reflect.Uint && k <= reflect.Uint64 || k >= reflect.Int && k <= reflect.Int64 {
		for i := 1; i < 256; i++ {
			var e E
			v := reflect.ValueOf(&e).Elem()
			if v.CanUint() {
				v.SetUint(uint64(i))
			} else {
				v.SetInt(int64(i))
			}
			m, ok := any(e).(encoding.TextMarshaler)
			if !ok {
				break
			}
			text, err := m.MarshalText()
			if err != nil {
				continue
			}
			var back E
			if P(&back).UnmarshalText(text) == nil && any(back) == any(e) {
				names[string(text)] = e
			}
		}
	}
	m, _ := enumTables.LoadOrStore(typ, names)
	return m.(map[string]E)
}

// enumCell writes an enum's name, or "" for the zero value.
func enumCell[E interface {
	comparable
	String() string
}](e E) string {
	var zero E
	if e == zero {
		return ""
	}
	return e.String()
}

// listSep separates the items of a list cell.
const listSep = ";"

// splitList splits a list cell into its trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, listSep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// parseList parses a list cell; an empty cell gives nil.
func parseList[V any](s string, parse func(string) (V, error)) ([]V, error) {
	var out []V
	for _, item := range splitList(s) {
		v, err := parse(item)
		if err != nil {
			return nil, because(ErrInvalid, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// listCell writes a list cell. An item holding the separator, or empty,
// cannot be written.
func listCell[V interface{ String() string }](vs []V) (string, error) {
	items := make([]string, len(vs))
	for i, v := range vs {
		s := v.String()
		if strings.Contains(s, listSep) {
			return "", reason(ErrUnencodable, "item %s holds %q, which separates the items of a CSV list; use JSON Lines", quote(s), listSep)
		}
		items[i] = s
	}
	return strings.Join(items, listSep), nil
}

// timeLayout is how statement times are written: RFC 3339 with the offset
// and, only where there are any, fractions of a second.
const timeLayout = time.RFC3339Nano

// parseTime reads an RFC 3339 time with its offset.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, reason(ErrInvalid, "want an RFC 3339 time with its offset, such as 2026-01-25T20:00:00-04:00")
	}
	return t, nil
}

// stated is a statement's moment as a cell gives it: an instant, or a day
// alone.
type stated struct {
	at      time.Time
	dayOnly bool
}

// parseStated reads an RFC 3339 time with its offset, or a date alone
// (2026-01-25) for a statement known to the day only.
func parseStated(s string) (stated, error) {
	if len(s) == len("2026-01-25") {
		d, err := release.ParseDate(s)
		if err != nil {
			return stated{}, reason(ErrInvalid, "want a date (2026-01-25) or an RFC 3339 time with its offset (2026-01-25T20:00:00-04:00)")
		}
		return stated{source.StatedOn(d), true}, nil
	}
	t, err := parseTime(s)
	return stated{t, false}, err
}

// timeCell writes t, which must have an offset of whole minutes within
// ±24 hours, as RFC 3339 can write it.
func timeCell(t time.Time) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	if _, off := t.Zone(); off%60 != 0 || off <= -24*3600 || off >= 24*3600 {
		return "", reason(ErrUnencodable, "zone offset %ds is not whole minutes within ±24h, as RFC 3339 writes offsets", off)
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return "", reason(ErrUnencodable, "year %d outside 1–9999", y)
	}
	return t.Format(timeLayout), nil
}

func parseDecimal(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, reason(ErrInvalid, "want a decimal number with a point, such as 0.9")
	}
	return source.Canonical(d), nil
}

func decimalCell(d decimal.Decimal) string { return source.Canonical(d).String() }

// parseCount reads a count: plain digits, 0 to source.MaxCount.
func parseCount(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > source.MaxCount {
		return 0, reason(ErrInvalid, "want a count from 0 to %d in plain digits", source.MaxCount)
	}
	return n, nil
}

func parseBool(s string) (bool, error) {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, reason(ErrInvalid, "want true or false")
	}
	return b, nil
}

// periodCell writes a period as release.Period.String does, but a single
// day as the date alone ("2026-01-25"), which release.ParsePeriod reads as
// the one-day period.
func periodCell(p release.Period) string {
	if p.First().IsValid() && p.First() == p.Last() {
		return p.First().String()
	}
	return p.String()
}

// The parsers of the scalar types, each for parseRequired or
// parseOptional.
var (
	parseSourceID   = source.ParseSourceID
	parseClaimID    = source.ParseClaimID
	parseGroup      = source.ParseGroup
	parseDetaineeID = release.ParseDetaineeID
	parsePopulation = release.ParsePopulation
	parseRegion     = release.ParseRegion
	parsePeriod     = release.ParsePeriod
	parseDate       = release.ParseDate
	parseQuantity   = source.ParseQuantity
	parseInterval   = source.ParseInterval
)

// parseLanguage reads a BCP 47 tag in any case and stores its canonical
// form ("ES-ve" → "es-VE").
func parseLanguage(s string) (string, error) { return source.CanonicalLanguage(s) }

// idCell writes an ID, or "" for the zero ID.
func idCell[V interface {
	IsValid() bool
	String() string
}](v V) string {
	if !v.IsValid() {
		return ""
	}
	return v.String()
}

// plain returns a getter that cannot fail.
func plain[T any](get func(*T) string) func(*T) (string, error) {
	return func(v *T) (string, error) { return get(v), nil }
}
