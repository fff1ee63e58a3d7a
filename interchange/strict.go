package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultMaxLineBytes is the longest line a reader accepts unless the input
// comes through [LimitLines]: 1 MiB, far above any real record, so that a
// file of one endless line (or /dev/zero) is refused instead of exhausting
// memory.
const DefaultMaxLineBytes = 1 << 20

// ErrTooLong marks a line longer than the reader's limit.
var ErrTooLong = errors.New("too long")

// LimitLines returns r as an input whose lines may be at most max bytes
// long (max ≤ 0 means [DefaultMaxLineBytes]); a reader given it refuses a
// longer line with a [*LineError] wrapping [ErrTooLong], naming the line.
func LimitLines(r io.Reader, max int) io.Reader {
	if max <= 0 {
		max = DefaultMaxLineBytes
	}
	if l, ok := r.(*lineLimiter); ok {
		l.max = max
		return l
	}
	return &lineLimiter{r: r, max: max, line: 1}
}

// lineLimiter counts the bytes of the current line and fails past max.
type lineLimiter struct {
	r         io.Reader
	max, run  int
	line      int
	file      string
	exhausted error
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	if l.exhausted != nil {
		return 0, l.exhausted
	}
	n, err := l.r.Read(p)
	// From newline to newline: the bytes of a line before its newline
	// add to its run, which fails at the byte that takes it past max.
	buf := p[:n]
	for i := 0; i < len(buf); {
		seg := bytes.IndexByte(buf[i:], '\n')
		nl := seg >= 0
		if !nl {
			seg = len(buf) - i
		}
		if l.run+seg > l.max {
			l.exhausted = &LineError{File: l.file, Line: l.line, Err: reason(ErrTooLong, "a line longer than %d bytes", l.max)}
			return i + l.max - l.run, l.exhausted
		}
		if !nl {
			l.run += seg
			break
		}
		l.line++
		l.run = 0
		i += seg + 1
	}
	return n, err
}

// Name returns the name of the input, if it has one, so that errors name
// the file.
func (l *lineLimiter) Name() string {
	if n, ok := l.r.(interface{ Name() string }); ok {
		return n.Name()
	}
	return ""
}

// limited wraps r in a line limiter unless it is one already.
func limited(r io.Reader, file string) io.Reader {
	l, ok := r.(*lineLimiter)
	if !ok {
		l = &lineLimiter{r: r, max: DefaultMaxLineBytes, line: 1}
	}
	l.file = file
	return l
}

// strictJSON checks what encoding/json lets pass: text that is not valid
// UTF-8 (which it would replace), a key given twice in one object (where
// the last would win), and keys of nested objects that the record does not
// have (which it would drop, or match in another case). nested gives, for
// each path of a nested object ("scope", "a.scope", "disputed[]"), the keys
// it may hold; objects at other paths are checked for repeated keys only.
// It returns the key at fault ("" for the whole line) and the reason.
func strictJSON(b []byte, nested map[string][]string) (string, error) {
	if !utf8.Valid(b) {
		return "", reason(ErrSyntax, "not valid UTF-8")
	}
	var key string
	var err error
	walkJSONKeys(b, func(k objectKey) bool {
		switch allowed, ok := nested[k.object]; {
		case k.repeat:
			key, err = k.path(), reason(ErrSyntax, "key %q given twice", k.name)
		case ok && k.object != "" && !slices.Contains(allowed, k.name):
			key, err = k.path(), reason(ErrInvalid, "no such field in %s; want %s", k.object, strings.Join(allowed, ", "))
		}
		return err == nil
	})
	return key, err
}

// objectKey is one key of an object in a JSON text.
type objectKey struct {
	object string // the path of the object that holds it: "", "scope", "disputed[]"
	name   string
	at     int64 // the offset of its opening quote
	repeat bool  // the object gave this key before
}

// path returns the key's path from the top of the text: "scope.region".
func (k objectKey) path() string {
	if k.object == "" {
		return k.name
	}
	return k.object + "." + k.name
}

// walkJSONKeys calls visit with every key of every object of b, in order,
// until visit returns false. Malformed JSON ends the walk quietly: decoding
// the record reports it, with its place. It takes one pass over b.
func walkJSONKeys(b []byte, visit func(objectKey) bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // a number too large for a float64 is still a token
	type frame struct {
		object bool
		path   string
		seen   map[string]bool
		key    bool // the next token of an object is a key
	}
	var stack []frame
	var lastKey string
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return // io.EOF, or malformed JSON
		}
		if k, isKey := tok.(string); isKey && len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].key {
			top := &stack[len(stack)-1]
			// The key starts at its quote, after any separator and space.
			at := before + int64(bytes.IndexByte(b[before:], '"'))
			if !visit(objectKey{object: top.path, name: k, at: at, repeat: top.seen[k]}) {
				return
			}
			top.seen[k] = true
			top.key = false
			lastKey = k
			continue
		}
		// The path of this value: the key just read in an object, "[]"
		// in an array.
		path := ""
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.object {
				path = objectKey{object: top.path, name: lastKey}.path()
				top.key = true
			} else {
				path = top.path + "[]"
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, path: path, seen: map[string]bool{}, key: true})
		case json.Delim('['):
			stack = append(stack, frame{path: path})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = true
			}
		}
	}
}
