package releasetest

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// Verbs are the fmt verbs, with flags and widths, that [PrintEverywhere]
// prints with: every verb fmt knows, valid for the value or not (a bad verb
// makes fmt print the value by reflection).
var Verbs = []string{
	"%v", "%+v", "%#v", "%T", "%s", "%q", "%#q", "%+q", "%x", "%X", "% x", "%#x",
	"%d", "%b", "%o", "%O", "%c", "%U", "%e", "%E", "%f", "%g", "%G", "%t", "%p",
	"%10.3s", "%-40v", "%08v", "%w",
}

// caller is a struct a program might hold personal data in, in exported
// and unexported fields, by value and by pointer.
type caller struct {
	Exported   any
	unexported any
	Slice      []any
	slice      []any
	Map        map[string]any
	hidden     map[string]any
	Ptr        *any
	ptr        *any
}

// nest returns v as a program might hold it: alone, by pointer, in a
// slice, a map and the fields of a struct, exported or not.
func nest(v any) []any {
	p := &v
	c := caller{Exported: v, unexported: v, Slice: []any{v}, slice: []any{v},
		Map: map[string]any{"k": v}, hidden: map[string]any{"k": v}, Ptr: p, ptr: p}
	return []any{v, p, []any{v}, map[string]any{"k": v}, c, &c, struct{ x caller }{c}}
}

// nestExported is nest without unexported fields.
func nestExported(v any) []any {
	p := &v
	type exported struct {
		Value any
		Slice []any
		Map   map[string]any
		Ptr   *any
	}
	c := exported{v, []any{v}, map[string]any{"k": v}, p}
	return []any{v, p, []any{v}, map[string]any{"k": v}, c, &c}
}

// PrintEverywhere returns what every printer makes of each value, alone
// and nested as a program might hold it: fmt with every verb of [Verbs]
// (and Sprint, Sprintln), log/slog's text and JSON handlers (as an
// attribute, in a group, in With), encoding/json, and, for each nested
// value, what diff makes of it — a test passes testify's failure message
// and diff, which dump values by reflection, following pointers (this
// package does not import testify, which would bring net/http into every
// program that uses it). A value that cannot be encoded in JSON gives its
// error. diff may be nil.
func PrintEverywhere(diff func(any) string, values ...any) string {
	return print(values, true, diff)
}

// PrintWithoutDiff is [PrintEverywhere] without a diff and without
// nesting the values in unexported struct fields, for values that promise
// nothing to printers that follow pointers into their internals (go-spew,
// which testify's diff uses; fmt printing an unexported field, which it
// cannot ask to print itself, with a verb that does not suit it).
func PrintWithoutDiff(values ...any) string { return print(values, false, nil) }

func print(values []any, unexported bool, diff func(any) string) string {
	var b strings.Builder
	var logs bytes.Buffer
	text := slog.New(slog.NewTextHandler(&logs, nil))
	js := slog.New(slog.NewJSONHandler(&logs, nil))
	for _, v := range values {
		nested := nest(v)
		if !unexported {
			nested = nestExported(v)
		}
		for _, x := range nested {
			for _, verb := range Verbs {
				fmt.Fprintf(&b, verb+"\n", x)
			}
			fmt.Fprint(&b, x)
			fmt.Fprintln(&b, x)
			for _, log := range []*slog.Logger{text, js} {
				log.Info("m", "v", x)
				log.Info("m", slog.Group("g", slog.Any("v", x)))
				log.With("v", x).WithGroup("h").Info("m", "w", x)
			}
			out, err := json.Marshal(x)
			fmt.Fprintf(&b, "%s %v\n", out, err)
			if diff != nil {
				b.WriteString(diff(x))
			}
		}
	}
	b.Write(logs.Bytes())
	return b.String()
}

// PrintErrors returns what the printers of errors make of each error: its
// Error, fmt's %v, %+v, %#v and %q, log/slog's text and JSON handlers,
// and encoding/json (which encodes an error's exported fields). Nil
// errors are skipped.
func PrintErrors(errs ...error) string {
	var b strings.Builder
	var logs bytes.Buffer
	text := slog.New(slog.NewTextHandler(&logs, nil))
	js := slog.New(slog.NewJSONHandler(&logs, nil))
	for _, err := range errs {
		if err == nil {
			continue
		}
		fmt.Fprintf(&b, "%s\n%v\n%+v\n%#v\n%q\n", err.Error(), err, err, err, err)
		text.Error("m", "err", err)
		js.Error("m", "err", err)
		out, jerr := json.Marshal(err)
		fmt.Fprintf(&b, "%s %v\n", out, jerr)
	}
	b.Write(logs.Bytes())
	return b.String()
}

// SecretForms returns the forms in which a secret could show in output:
// as written, lower- and upper-cased, without accents, in hexadecimal (as
// %x of the text would print it), its words of five characters or more
// (with and without accents), and, for a national ID, its digits without
// separators.
func SecretForms(secrets ...string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 5 {
			out = append(out, s)
		}
	}
	for _, s := range secrets {
		if f := fold(s); f != s {
			out = append(out, SecretForms(f)...)
		}
		add(s)
		add(strings.ToLower(s))
		add(strings.ToUpper(s))
		add(hex.EncodeToString([]byte(s)))
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			add(w)
		}
		digits := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
		add(digits)
	}
	return out
}

// FindSecret returns the first form of [SecretForms] of secrets that out
// shows, and false if it shows none.
func FindSecret(out string, secrets ...string) (string, bool) {
	lower := strings.ToLower(out)
	for _, f := range SecretForms(secrets...) {
		if strings.Contains(out, f) || strings.Contains(lower, strings.ToLower(f)) {
			return f, true
		}
	}
	return "", false
}

// DistinctiveName returns a generator of invented full names whose words
// appear in no message, keyword or place name: two given names and two
// surnames of seven to ten letters, some accented, so that a test can
// look for them in output.
func DistinctiveName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		word := rapid.Custom(func(t *rapid.T) string {
			first := rapid.SampledFrom([]string{"Zq", "Xw", "Qz", "Jx", "Vq"}).Draw(t, "start")
			rest := rapid.StringOfN(rapid.SampledFrom([]rune("aeiouáéíóúñrstlnkvxz")), 5, 8, -1).Draw(t, "rest")
			return first + rest
		})
		words := rapid.SliceOfN(word, 4, 4).Draw(t, "words")
		return strings.Join(words, " ")
	})
}

// DistinctiveNationalID returns a generator of invented cédulas of eight
// digits, written "V-12.345.678" or "E-12345678", whose digits are too
// many to appear in output by chance: none is 0 or 1, and the last is 8 or
// 9, so that they never appear in a binary or octal number either (such as
// a pointer printed with %b or %o).
func DistinctiveNationalID() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		digits := rapid.StringOfN(rapid.RuneFrom([]rune("23456789")), 7, 7, -1).Draw(t, "digits") +
			rapid.SampledFrom([]string{"8", "9"}).Draw(t, "last")
		prefix := rapid.SampledFrom([]string{"V-", "E-"}).Draw(t, "prefix")
		if rapid.Bool().Draw(t, "dotted") {
			return prefix + digits[:2] + "." + digits[2:5] + "." + digits[5:]
		}
		return prefix + digits
	})
}

// Around returns the part of out around the first place it shows form
// (in any case), for a failure message.
func Around(out, form string) string {
	lower, f := strings.ToLower(out), strings.ToLower(form)
	i := strings.Index(lower, f)
	if i < 0 {
		return ""
	}
	return lower[max(0, i-400):min(len(lower), i+len(f)+100)]
}

// fold returns s without its accents (combining marks, after
// decomposition).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
