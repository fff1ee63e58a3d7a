package chart

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textWidth estimates, from above, the width of s set in a sans-serif font
// of the given size: the chart has no font metrics (it must not depend on
// the fonts of the machine that draws it), so it reserves the advance of a
// wide face (DejaVu Sans, wider than Helvetica and Arial) for each
// character class.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.34
		case strings.ContainsRune("iljtfrI.,:;'|!()[]", r):
			w += 0.42
		case strings.ContainsRune("mwMW@%", r):
			w += 1.0
		case r >= '0' && r <= '9':
			w += 0.66
		case unicode.IsUpper(r):
			w += 0.8
		case r < 0x80 || unicode.Is(unicode.Latin, r):
			w += 0.66
		case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
			w += 1.05
		default:
			w += 0.85
		}
	}
	return w * size
}

// wrap breaks s into at most maxLines lines no wider than width at size,
// at spaces where it can and inside a word where it must; text that does
// not fit ends the last line with an ellipsis.
func wrap(s string, size, width float64, maxLines int) []string {
	s = strings.Join(strings.Fields(s), " ")
	var lines []string
	line := ""
	rest := s
	for rest != "" {
		word, after, _ := strings.Cut(rest, " ")
		cand := word
		if line != "" {
			cand = line + " " + word
		}
		switch {
		case textWidth(cand, size) <= width:
			line, rest = cand, after
		case line != "":
			lines = append(lines, line)
			line = ""
		default:
			// A word wider than the line: break it.
			n := 0
			for i := range word {
				if textWidth(word[:i], size) > width {
					break
				}
				n = i
			}
			if n == 0 {
				_, n = utf8.DecodeRuneInString(word)
			}
			lines = append(lines, word[:n])
			rest = strings.TrimPrefix(rest, word[:n])
		}
		if len(lines) == maxLines {
			break
		}
	}
	if line != "" && len(lines) < maxLines {
		lines = append(lines, line)
		line = ""
	}
	if len(lines) == maxLines && (rest != "" || line != "") {
		last := lines[maxLines-1]
		for last != "" && textWidth(last+"…", size) > width {
			_, n := utf8.DecodeLastRuneInString(last)
			last = last[:len(last)-n]
		}
		lines[maxLines-1] = strings.TrimRight(last, " ") + "…"
	}
	return lines
}
