package reliability_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The flight data set writes one time of day in many ways: "7:10 a.m.",
// "7:10aDec 1", "12:00noon", "Thu  22:15", "11/30 8:00 p.m.",
// "6:55 a.m.  Fri 02-Dec-2011", "12/2/11 6:35 a.m.", "2:45P 12-01-11",
// "6:47 p.m. (Estimated runway)", "1:32 p.m.            Delayed",
// "10:39 p.m.&nbsp(Estimated)", and says "Not Available" or "Contact Airline"
// when it has none. parseClock reads every such form into minutes after
// midnight, and rejects whatever it does not understand instead of
// guessing.

// Errors of parseClock.
var (
	errNoTime    = errors.New("no time of day")
	errAmbiguous = errors.New("more than one time of day")
	errClock     = errors.New("not a time of day")
	errExtra     = errors.New("unexpected text around the time")
)

// parseClock returns the time of day that s states, in minutes after
// midnight (0 to 1439).
//
// Grammar, case-insensitive, with any amount of white space between parts:
//
//	value      = { part } clock [ meridiem ] { part }
//	clock      = hour ":" minute       hour: 1 or 2 digits; minute: 2 digits
//	meridiem   = "a.m." | "p.m." | "am" | "pm" | "a" | "p" | "noon"
//	part       = date | weekday | month [ day ] | status | "(" note ")" | "*"
//	date       = digits with "/" or "-" ("11/30", "12/2/11", "12-01-11",
//	             "02-Dec-2011")
//	status     = "delayed" | "on time" | "estimated" | "runway"
//
// A note in parentheses ("(Estimated runway)", "(+8:00)") is skipped, even
// if it holds a clock. "&nbsp" is white space. With a meridiem the hour is
// 1 to 12 ("12:05 a.m." is 5 minutes after midnight; "noon" needs 12:00);
// without one it is a 24-hour clock, 0 to 23. A date or weekday next to
// the time is checked for form and then ignored: the truth of the data set
// is a time of day. A value with no clock is errNoTime; with two clocks
// outside notes, errAmbiguous.
func parseClock(s string) (int, error) {
	if !utf8.ValidString(s) {
		return 0, fmt.Errorf("%w: invalid UTF-8", errExtra)
	}
	s = strings.ReplaceAll(s, "&nbsp;", " ")
	s = strings.ReplaceAll(s, "&nbsp", " ")
	text, err := dropNotes(s)
	if err != nil {
		return 0, err
	}
	minutes, found := -1, false
	rest := text
	var words []string
	for len(rest) > 0 {
		i := strings.IndexFunc(rest, isDigit)
		if i < 0 {
			words = append(words, strings.Fields(rest)...)
			break
		}
		// The run of digits, with any "/" "-" "." or letters glued to it,
		// up to white space: a clock, or a date.
		words = append(words, strings.Fields(rest[:i])...)
		rest = rest[i:]
		if m, n, ok, err := readClock(rest); ok {
			if err != nil {
				return 0, err
			}
			if found {
				return 0, errAmbiguous
			}
			minutes, found = m, true
			rest = rest[n:]
			continue
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		if !isDate(rest[:end]) {
			return 0, fmt.Errorf("%w: %q", errExtra, rest[:end])
		}
		rest = rest[end:]
	}
	if !found {
		return 0, errNoTime
	}
	if err := checkWords(words); err != nil {
		return 0, err
	}
	return minutes, nil
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// dropNotes removes parenthesised notes; parentheses must balance and not
// nest.
func dropNotes(s string) (string, error) {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			if depth > 0 {
				return "", fmt.Errorf("%w: nested parentheses", errExtra)
			}
			depth++
			b.WriteByte(' ')
		case r == ')':
			if depth == 0 {
				return "", fmt.Errorf("%w: unbalanced parentheses", errExtra)
			}
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth != 0 {
		return "", fmt.Errorf("%w: unbalanced parentheses", errExtra)
	}
	return b.String(), nil
}

// readClock reads "H:MM" or "HH:MM" at the start of s with its meridiem, if
// any. ok reports that s starts with a clock; err that the clock is not a
// time of day. n is the number of bytes read.
func readClock(s string) (minutes, n int, ok bool, err error) {
	i := 0
	for i < len(s) && i < 3 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i >= len(s) || s[i] != ':' {
		return 0, 0, false, nil
	}
	if len(s) < i+3 || !isDigit(rune(s[i+1])) || !isDigit(rune(s[i+2])) ||
		(len(s) > i+3 && isDigit(rune(s[i+3]))) {
		return 0, 0, true, fmt.Errorf("%w: %q", errClock, s[:min(len(s), i+4)])
	}
	hour, _ := strconv.Atoi(s[:i])
	minute, _ := strconv.Atoi(s[i+1 : i+3])
	n = i + 3
	mer, size := readMeridiem(s[n:])
	n += size
	switch {
	case minute > 59:
		return 0, 0, true, fmt.Errorf("%w: minute %d", errClock, minute)
	case mer == "":
		if hour > 23 {
			return 0, 0, true, fmt.Errorf("%w: hour %d", errClock, hour)
		}
		return hour*60 + minute, n, true, nil
	case hour < 1 || hour > 12:
		return 0, 0, true, fmt.Errorf("%w: hour %d with %s", errClock, hour, mer)
	case mer == "noon":
		if hour != 12 || minute != 0 {
			return 0, 0, true, fmt.Errorf("%w: %d:%02d noon", errClock, hour, minute)
		}
		return 12 * 60, n, true, nil
	case mer == "p":
		return (hour%12+12)*60 + minute, n, true, nil
	}
	return (hour%12)*60 + minute, n, true, nil
}

// readMeridiem reads an optional meridiem after optional spaces at the start
// of s and returns "a", "p", "noon" or "" with the bytes read. A bare "a"
// or "p" must not run on into a word ("7:10 apples"), except a month name
// glued to it, as in "7:10aDec 1".
func readMeridiem(s string) (string, int) {
	t := strings.TrimLeft(s, " \t")
	skip := len(s) - len(t)
	for _, m := range []struct{ text, mer string }{
		{"a.m.", "a"}, {"p.m.", "p"}, {"a.m", "a"}, {"p.m", "p"}, {"noon", "noon"}, {"am", "a"}, {"pm", "p"}, {"a", "a"}, {"p", "p"},
	} {
		if len(t) < len(m.text) || !strings.EqualFold(t[:len(m.text)], m.text) {
			continue
		}
		after := t[len(m.text):]
		r, _ := utf8.DecodeRuneInString(after)
		if after == "" || !unicode.IsLetter(r) || startsMonth(after) {
			return m.mer, skip + len(m.text)
		}
	}
	return "", 0
}

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// startsMonth reports whether s starts with a capitalised month
// abbreviation, as in the "Dec" of "7:10aDec 1".
func startsMonth(s string) bool {
	if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, m := range months {
		if strings.EqualFold(s[:3], m) {
			return true
		}
	}
	return false
}

// isDate reports whether w is a date written with digits, "/" and "-", and
// month abbreviations between dashes ("02-Dec-2011"), or a day number after
// a month glued to a meridiem ("Dec" then "1").
func isDate(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' })
	if len(parts) == 0 || len(parts) > 3 || strings.Count(w, "/")+strings.Count(w, "-") != len(parts)-1 {
		return false
	}
	for _, p := range parts {
		if !allDigits(p) && !isMonth(p) {
			return false
		}
		if allDigits(p) && len(p) > 4 {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return s != ""
}

func isMonth(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for _, m := range months {
		if w == m {
			return true
		}
	}
	return false
}

var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// checkWords accepts the words around the clock: months, weekdays, status
// words and "*".
func checkWords(words []string) error {
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(strings.Trim(words[i], ",."))
		switch {
		case w == "" || w == "*" || isMonth(w) || w == "delayed" || w == "estimated" || w == "runway":
		case w == "on" && i+1 < len(words) && strings.EqualFold(words[i+1], "time"):
			i++
		case len(w) == 3 && contains(weekdays, w):
		case len(w) > 3 && isMonth(w[:3]) && allDigits(w[3:]): // "Dec02"
		default:
			if strings.EqualFold(w, "not") || strings.EqualFold(w, "contact") {
				return errNoTime
			}
			return fmt.Errorf("%w: %q", errExtra, words[i])
		}
	}
	return nil
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// formatClock writes minutes after midnight as the data set's clean form,
// "7:10 a.m.", which parseClock reads back.
func formatClock(m int) string {
	h, mer := m/60, "a.m."
	if h >= 12 {
		mer = "p.m."
	}
	h %= 12
	if h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d:%02d %s", h, m%60, mer)
}

func TestParseClockReadsEveryFormOfTheDataSet(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"7:10 a.m.", 7*60 + 10},
		{"7:45 p.m.", 19*60 + 45},
		{"12:21 a.m.", 21},
		{"12:30 p.m.", 12*60 + 30},
		{"7:10aDec 1", 7*60 + 10},
		{"11:55aDec 1", 11*60 + 55},
		{"6:47 p.m. (Estimated runway)", 18*60 + 47},
		{"12:21 a.m. Dec 02", 21},
		{"9:52 p.m. (Estimated)", 21*60 + 52},
		{"11/30 8:00 p.m.", 20 * 60},
		{"Thu  22:15", 22*60 + 15},
		{"12:21 a.m.  Fri 02-Dec-2011", 21},
		{"12/2/11 6:35 a.m.", 6*60 + 35},
		{"5:50 a.m.Dec 02", 5*60 + 50},
		{"1:50 p.m. (+8:00)", 13*60 + 50},
		{"9:05 a.m. (-00:00)", 9*60 + 5},
		{"Thu  7:45", 7*60 + 45},
		{"3:20 p.m. (Runway)", 15*60 + 20},
		{"Dec 02 12:21 a.m.", 21},
		{"1:32 p.m.            Delayed", 13*60 + 32},
		{"11:08 p.m.            On Time", 23*60 + 8},
		{"12/02/2011 6:55 a.m.", 6*60 + 55},
		{"2:45P 12-01-11", 14*60 + 45},
		{"2:46P", 14*60 + 46},
		{"10:34A 12-01-11", 10*60 + 34},
		{"12:30", 12*60 + 30},
		{"12:00noon", 12 * 60},
		{"Fri Dec 2 12:29 a.m.", 29},
		{"10:39 p.m.&nbsp(Estimated)", 22*60 + 39},
		{"10:30 p.m.*", 22*60 + 30},
		{" 0:00 ", 0},
		{"23:59", 23*60 + 59},
	} {
		got, err := parseClock(c.in)
		if err != nil || got != c.want {
			t.Errorf("parseClock(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

func TestParseClockRejectsWhatItCannotRead(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{"", errNoTime},
		{"Not Available", errNoTime},
		{"Contact Airline", errNoTime},
		{"Dec 02 Not Available", errNoTime},
		{"Dec 02 Contact Airline", errNoTime},
		{"13:10 p.m.", errClock},
		{"0:10 a.m.", errClock},
		{"24:00", errClock},
		{"7:60 a.m.", errClock},
		{"7:5 a.m.", errClock},
		{"7:100", errClock},
		{"123:45", errExtra},
		{"11:00 noon", errClock},
		{"7:10 a.m. 8:10 a.m.", errAmbiguous},
		{"7:10 apples", errExtra},
		{"7:10 a.m. (Estimated", errExtra},
		{"7:10 a.m.)", errExtra},
		{"7:10 a.m. ((x))", errExtra},
		{"about 7:10", errExtra},
		{"7:10 Tuesday", errExtra},
		{"7:10 1/2/3/4", errExtra},
		{"\xff7:10", errExtra},
	} {
		got, err := parseClock(c.in)
		if !errors.Is(err, c.want) {
			t.Errorf("parseClock(%q) = %d, %v; want %v", c.in, got, err, c.want)
		}
	}
}

// FuzzParseClock checks that parseClock never panics, that what it accepts
// is a time of day, and that every time of day survives the round trip
// through the data set's clean form, its glued form ("7:10aDec 1") and the
// 24-hour clock.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"7:10 a.m.", "7:10aDec 1", "12:00noon", "Thu  22:15", "11/30 8:00 p.m.",
		"6:55 a.m.  Fri 02-Dec-2011", "2:45P 12-01-11", "1:50 p.m. (+8:00)", "Not Available", "10:39 p.m.&nbsp(Estimated)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseClock(s)
		if err != nil {
			return
		}
		if m < 0 || m >= 24*60 {
			t.Fatalf("parseClock(%q) = %d, outside a day", s, m)
		}
		for _, form := range []string{
			formatClock(m),
			strings.ReplaceAll(strings.ReplaceAll(formatClock(m), " a.m.", "aDec 1"), " p.m.", "pDec 1"),
			fmt.Sprintf("%02d:%02d", m/60, m%60),
		} {
			if back, err := parseClock(form); err != nil || back != m {
				t.Fatalf("parseClock(%q) = %d; %q reads back as %d, %v", s, m, form, back, err)
			}
		}
	})
}
