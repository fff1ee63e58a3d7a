package link

import "strings"

// phonetic returns a sound key of a folded word (lower-case ASCII letters
// after [Fold]; other characters are dropped): words that are pronounced
// alike in Spanish or English, or that differ by the spellings that
// registers confuse, share it. It is made for blocking, not for comparing:
//
//   - b and v, s, z and a soft c (before e or i), k, q and a hard c, j and
//     a soft g, ll and y, ph and f each sound as one letter; a silent h is
//     dropped;
//   - vowels after the first letter are dropped, and a letter repeated is
//     kept once.
//
// So "sofia" and "sophia" give "sf", "gonzalez" and "gonsales" "gnsls",
// "yusmary" and "llusmari" "ysmr". The key keeps at most 8 letters.
func phonetic(w string) string {
	var b strings.Builder
	var last byte
	emit := func(c byte) {
		if c != last && b.Len() < 8 {
			b.WriteByte(c)
		}
		last = c
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			continue
		}
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			if b.Len() == 0 {
				emit('a') // an initial vowel sounds, whichever it is
			} else {
				last = 0 // a vowel separates letters: "ana" keeps both n's sides
			}
			continue
		case 'h':
			continue
		case 'y':
			if !strings.ContainsRune("aeiou", rune(next)) {
				// a y that no vowel follows sounds as i
				if b.Len() == 0 {
					emit('a')
				} else {
					last = 0
				}
				continue
			}
		case 'v', 'w':
			c = 'b'
		case 'z':
			c = 's'
		case 'c':
			switch next {
			case 'e', 'i', 'y':
				c = 's'
			case 'h':
				c = 'x'
				i++
			default:
				c = 'k'
			}
		case 'q':
			c = 'k'
		case 'g':
			if next == 'e' || next == 'i' {
				c = 'j'
			}
		case 'p':
			if next == 'h' {
				c = 'f'
				i++
			}
		case 'l':
			if next == 'l' {
				c = 'y'
				i++
			}
		case 'x':
			c = 'k'
			emit(c)
			c = 's'
		}
		emit(c)
	}
	return b.String()
}
