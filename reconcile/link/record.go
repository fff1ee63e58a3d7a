package link

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/source"
)

// Record is one entry of a [List]: a person as one register or list
// records them. Values may be personal data (names, national IDs,
// addresses), so each is a [release.Secret], which no printer shows, even
// by reflection or through encoding/json; [Record.String],
// [Record.LogValue], every fmt verb and every error message show the
// record's ID only.
type Record struct {
	// ID is the list's key for the record. Required, unique within its
	// list.
	ID release.DetaineeID
	// Values holds one value per field of the [Schema], in its order; the
	// empty secret is a missing value. Each is read as its field's [Kind]
	// says. [release.NewSecrets] makes them from strings.
	Values []release.Secret
	// Released is the scope in which the list says this person was
	// released: the population, region and day (or period). It is what
	// [Result.Verified] and [Result.Verifications] count; a record without
	// it (the zero Scope) is linked but counted in no scope.
	Released release.Scope
}

// String returns "Record(ID)": never a value.
func (r Record) String() string { return "Record(" + r.ID.String() + ")" }

// GoString, used by fmt's %#v, is [Record.String].
func (r Record) GoString() string { return r.String() }

// Format makes every fmt verb print [Record.String].
func (r Record) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue shows the record in [log/slog] output by ID and release scope
// only.
func (r Record) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("id", r.ID.String())}
	if r.Released.IsValid() {
		attrs = append(attrs, slog.String("released", r.Released.String()))
	}
	return slog.GroupValue(attrs...)
}

// List is a list of people from one source: a register, a list of
// releases published on a day, a family association's reports.
type List struct {
	// Source is who published the list. Required, and distinct across
	// the lists of one linkage.
	Source source.SourceID
	// Stated is when the list was published. It is the moment of the
	// verifications that [Result.Verifications] makes from the list, and
	// is required if any record has a Released scope.
	Stated time.Time
	// Unique declares that the list holds each person at most once, as an
	// official list or a register without duplicates does: no two of its
	// records are ever linked to each other, so linking two such lists is
	// one-to-one. Records of a list that is not unique are also linked to
	// each other (deduplication). Two records of a unique list must not
	// share the value of a unique field.
	Unique bool
	// Records are the list's entries, in any order.
	Records []Record
}

// LogValue shows the list in [log/slog] output by source, publication and
// number of records, rather than record by record (each would show as its
// ID and redacted values).
func (l List) LogValue() slog.Value {
	return slog.GroupValue(slog.String("source", l.Source.String()), slog.Time("stated", l.Stated),
		slog.Bool("unique", l.Unique), slog.Int("records", len(l.Records)))
}

// Ref names a record of a linkage: its list's source and its ID. Ref is a
// comparable value and contains no personal data.
type Ref struct {
	Source source.SourceID
	ID     release.DetaineeID
}

// String returns "SOURCE/ID".
func (r Ref) String() string { return r.Source.String() + "/" + r.ID.String() }

// Compare orders refs by source, then ID.
func (r Ref) Compare(o Ref) int {
	if c := r.Source.Compare(o.Source); c != 0 {
		return c
	}
	return r.ID.Compare(o.ID)
}

// personID returns the canonical detainee ID of a cluster whose first
// member (in the order of [Ref.Compare]) is r: "SOURCE/ID" when the source
// has no slash and that fits a DetaineeID, else "/" and a digest of it.
// The mapping is one to one (a "SOURCE/ID" splits at its first slash, and
// never starts with one), so two people never share an ID.
func personID(r Ref) release.DetaineeID {
	if !strings.Contains(r.Source.String(), "/") {
		if id, err := release.ParseDetaineeID(r.String()); err == nil {
			return id
		}
	}
	return release.MustDetaineeID("/" + hexDigest(r.Source.String()+"\x00"+r.ID.String()))
}

// recordField names a record's value in errors.
func recordField(field string) string { return "Record.Values[" + field + "]" }

// recordWhere says which record of which list an error is about.
func recordWhere(src source.SourceID, id release.DetaineeID) string {
	var b strings.Builder
	b.WriteString("record ")
	b.WriteString(id.String())
	b.WriteString(" of list ")
	b.WriteString(src.String())
	return b.String()
}
