package ident

import (
	"fmt"
	"unicode"
)

// controlNames are the Unicode name aliases of the C0 and C1 controls and
// DEL, which have no Unicode name of their own (NameAliases.txt).
var controlNames = [...]string{
	"NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT",
	"END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "ALERT", "BACKSPACE",
	"CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED",
	"CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE",
	"DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
	"DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
	"END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE",
	"ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
	"INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
}

var c1Names = [...]string{
	"PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE",
	"NO BREAK HERE", "INDEX", "NEXT LINE", "START OF SELECTED AREA",
	"END OF SELECTED AREA", "CHARACTER TABULATION SET",
	"CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET",
	"PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD", "REVERSE LINE FEED",
	"SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
	"PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
	"CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA",
	"END OF GUARDED AREA", "START OF STRING",
	"SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
	"CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR",
	"OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE",
	"APPLICATION PROGRAM COMMAND",
}

// formatNames are the Unicode names of the refused characters that turn up
// in copied text, or are used to disguise it. Others are described by
// their class; a test checks every entry against the Unicode Character
// Database (golang.org/x/text/unicode/runenames), so that the binary does
// not carry the whole name table for a handful of error messages.
var formatNames = map[rune]string{
	0x00ad:  "SOFT HYPHEN",
	0x034f:  "COMBINING GRAPHEME JOINER",
	0x061c:  "ARABIC LETTER MARK",
	0x115f:  "HANGUL CHOSEONG FILLER",
	0x1160:  "HANGUL JUNGSEONG FILLER",
	0x17b4:  "KHMER VOWEL INHERENT AQ",
	0x17b5:  "KHMER VOWEL INHERENT AA",
	0x180e:  "MONGOLIAN VOWEL SEPARATOR",
	0x200b:  "ZERO WIDTH SPACE",
	0x200c:  "ZERO WIDTH NON-JOINER",
	0x200d:  "ZERO WIDTH JOINER",
	0x200e:  "LEFT-TO-RIGHT MARK",
	0x200f:  "RIGHT-TO-LEFT MARK",
	0x2028:  "LINE SEPARATOR",
	0x2029:  "PARAGRAPH SEPARATOR",
	0x202a:  "LEFT-TO-RIGHT EMBEDDING",
	0x202b:  "RIGHT-TO-LEFT EMBEDDING",
	0x202c:  "POP DIRECTIONAL FORMATTING",
	0x202d:  "LEFT-TO-RIGHT OVERRIDE",
	0x202e:  "RIGHT-TO-LEFT OVERRIDE",
	0x2060:  "WORD JOINER",
	0x2061:  "FUNCTION APPLICATION",
	0x2062:  "INVISIBLE TIMES",
	0x2063:  "INVISIBLE SEPARATOR",
	0x2064:  "INVISIBLE PLUS",
	0x2066:  "LEFT-TO-RIGHT ISOLATE",
	0x2067:  "RIGHT-TO-LEFT ISOLATE",
	0x2068:  "FIRST STRONG ISOLATE",
	0x2069:  "POP DIRECTIONAL ISOLATE",
	0x3164:  "HANGUL FILLER",
	0xfeff:  "ZERO WIDTH NO-BREAK SPACE",
	0xffa0:  "HALFWIDTH HANGUL FILLER",
	0xfff9:  "INTERLINEAR ANNOTATION ANCHOR",
	0xfffa:  "INTERLINEAR ANNOTATION SEPARATOR",
	0xfffb:  "INTERLINEAR ANNOTATION TERMINATOR",
	0xe0001: "LANGUAGE TAG",
	0xe007f: "CANCEL TAG",
}

// RuneName returns a name for r fit for an error message: its Unicode name
// or name alias for the controls and the usual invisible characters
// ("ESCAPE", "ZERO WIDTH SPACE"), a computed name for variation selectors
// and tag characters, and otherwise a description of its class ("format
// character"). It never returns r itself.
func RuneName(r rune) string {
	switch {
	case r >= 0 && r < 0x20:
		return controlNames[r]
	case r == 0x7f:
		return "DELETE"
	case r >= 0x80 && r < 0xa0:
		return c1Names[r-0x80]
	case r >= 0xfe00 && r <= 0xfe0f:
		return fmt.Sprintf("VARIATION SELECTOR-%d", r-0xfe00+1)
	case r >= 0xe0100 && r <= 0xe01ef:
		return fmt.Sprintf("VARIATION SELECTOR-%d", r-0xe0100+17)
	case r >= 0xe0020 && r <= 0xe007e:
		if n := tagName(r - 0xe0000); n != "" {
			return "TAG " + n
		}
	}
	if n, ok := formatNames[r]; ok {
		return n
	}
	switch {
	case unicode.Is(unicode.Cf, r):
		return "(format character)"
	case unicode.Is(unicode.Cc, r):
		return "(control character)"
	case unicode.Is(unicode.Variation_Selector, r):
		return "(variation selector)"
	case Forbidden(r) != nil:
		return "(default-ignorable character)"
	}
	return "(character)"
}

// tagName names the ASCII letter, digit or space that tag character
// U+E0000+a mirrors, as the Unicode names of tags do ("TAG LATIN SMALL
// LETTER A"), or returns "" for punctuation.
func tagName(a rune) string {
	switch {
	case a == ' ':
		return "SPACE"
	case a >= 'a' && a <= 'z':
		return "LATIN SMALL LETTER " + string(a-'a'+'A')
	case a >= 'A' && a <= 'Z':
		return "LATIN CAPITAL LETTER " + string(a)
	case a >= '0' && a <= '9':
		return "DIGIT " + [...]string{"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"}[a-'0']
	}
	return ""
}
