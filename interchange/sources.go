package interchange

import (
	"encoding/json"
	"io"

	"github.com/freedcount/freedcount/source"
)

// sourceTable exchanges [source.Source].
var sourceTable = &table[source.Source]{
	kind: "sources",
	columns: []column[source.Source]{
		{name: "id", required: true,
			get: plain(func(s *source.Source) string { return idCell(s.ID) }),
			set: func(s *source.Source, c string) (err error) { s.ID, err = parseRequired(c, parseSourceID); return }},
		{name: "name", required: true,
			get: plain(func(s *source.Source) string { return s.Name }),
			set: func(s *source.Source, c string) error {
				if c == "" {
					return errMissing()
				}
				s.Name = c
				return nil
			}},
		{name: "kind", required: true,
			get: plain(func(s *source.Source) string { return enumCell(s.Kind) }),
			set: func(s *source.Source, c string) (err error) {
				s.Kind, err = parseRequired(c, parseEnum[source.Kind]())
				return
			}},
		{name: "group",
			get: plain(func(s *source.Source) string { return idCell(s.Group) }),
			set: func(s *source.Source, c string) (err error) { s.Group, err = parseOptional(c, parseGroup); return }},
		{name: "method", required: true,
			get: plain(func(s *source.Source) string { return enumCell(s.Method) }),
			set: func(s *source.Source, c string) (err error) {
				s.Method, err = parseRequired(c, parseEnum[source.Method]())
				return
			}},
		{name: "confidence", required: true,
			get: plain(func(s *source.Source) string { return decimalCell(s.Confidence) }),
			set: func(s *source.Source, c string) (err error) {
				s.Confidence, err = parseRequired(c, parseDecimal)
				return
			}},
	},
	check:     source.Source.Validate,
	fields:    sourceFields,
	keyFields: sourceFields,
	decode:    func(b []byte) (s source.Source, err error) { err = json.Unmarshal(b, &s); return },
	encode:    func(s source.Source) ([]byte, error) { return json.Marshal(s) },
	keys:      []string{"id", "name", "kind", "group", "method", "confidence"},
}

// sourceFields maps the paths of a source's fields to its columns and
// keys, which are the same.
var sourceFields = map[string]string{
	"Source.ID": "id", "Source.Name": "name", "Source.Kind": "kind", "Source.Group": "group",
	"Source.Method": "method", "Source.Confidence": "confidence",
}

// ReadSources reads sources in format f, all or nothing: if any line is
// bad, it returns no source and an error that joins a [*LineError] for
// each problem. Each source is valid ([source.Source.Validate]).
func ReadSources(r io.Reader, f Format) ([]source.Source, error) { return read(r, f, sourceTable) }

// WriteSources writes the sources in format f, all or nothing: if any
// source is invalid or cannot be written in f, it writes nothing and
// returns an error that joins a [*LineError] for each, numbered from 1 in
// the order of ss. [ReadSources] reads back equal sources.
func WriteSources(w io.Writer, f Format, ss []source.Source) error {
	return write(w, f, sourceTable, ss)
}
