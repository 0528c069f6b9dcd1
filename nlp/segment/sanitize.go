package segment

import (
	"strings"
	"unicode/utf8"
)

// Sanitize returns text with every byte that is not part of a valid UTF-8 encoding replaced by
// U+FFFD (one replacement character for each bad byte), and the number of bytes replaced. Valid
// text is returned as is, without copying, so the caller can warn once when replaced > 0 and
// keep byte offsets into the returned string.
func Sanitize(text string) (clean string, replaced int) {
	if utf8.ValidString(text) {
		return text, 0
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 {
			b.WriteRune(utf8.RuneError)
			replaced++
			i++
			continue
		}
		b.WriteString(text[i : i+w])
		i += w
	}
	return b.String(), replaced
}
