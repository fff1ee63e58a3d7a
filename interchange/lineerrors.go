package interchange

import "errors"

// LineErrors lists the problems of an error returned by a reader: every
// [LineError] it holds, in the order the reader joined them (file, then
// line), and apart the errors that belong to no line (a file that cannot
// be read, a reference from one file to another that is not there), in
// their order. A reader returns every bad line at once as one joined error
// (errors.Join); this walks that tree, and any tree of errors that
// implement Unwrap() []error, so that a program can show each problem on
// its own line. A nil error has none.
func LineErrors(err error) (lines []*LineError, other []error) {
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if le, ok := err.(*LineError); ok {
			lines = append(lines, le)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if le, ok := errors.AsType[*LineError](err); ok {
			lines = append(lines, le)
			return
		}
		other = append(other, err)
	}
	walk(err)
	return lines, other
}
