package dict

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineReader walks a dictionary file line by line with the shared conventions of §4: CR LF or LF
// line ends; '#' anywhere starts a comment; "<!-- ... -->" is a comment wherever it starts and may
// span lines; other lines starting with "<!" are skipped; blank lines are skipped.
type lineReader struct {
	name     string
	data     []byte
	off      int
	lineNo   int
	raw      string // the current line as read (without line end)
	text     string // the current line with comments removed, trailing space trimmed
	inXML    bool   // inside a multi-line <!-- comment
	xmlStart int    // line where the open <!-- comment started
	// hook, when set, sees every raw line first (outside <!-- comments); returning true consumes it.
	hook     func(raw string) bool
	problems []Problem
}

// ErrBinary is the error (inside an *fs.PathError naming the file) that every dictionary reader
// returns for binary data — an executable, an image, a compressed file given in place of a
// dictionary — instead of reporting each of its "lines" as a problem. Data is binary when its
// first 8 KiB hold more than 2 NUL bytes or more than 10% control bytes other than tab, line
// ends, form feed and escape: the rule of ingest.IsBinary for stories. UTF-16 text is refused
// too (ErrUTF16): dictionaries are UTF-8 (§4).
var ErrBinary = errors.New("binary data, not a dictionary")

// ErrUTF16 is the error (inside an *fs.PathError naming the file) that every dictionary reader
// returns for text that starts with a UTF-16 byte order mark.
var ErrUTF16 = errors.New("UTF-16 text; dictionaries are read as UTF-8 (save the file as UTF-8)")

// checkText returns ErrBinary or ErrUTF16 wrapped in an *fs.PathError for name when data is
// not UTF-8 (or ASCII) text, else nil.
func checkText(data []byte, name string) error {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return &fs.PathError{Op: "read", Path: name, Err: ErrUTF16}
	}
	head := data[:min(len(data), 8192)]
	ctl, nul := 0, 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
			if c == 0 {
				nul++
			}
		}
	}
	if nul > 2 || ctl*10 > len(head) {
		return &fs.PathError{Op: "read", Path: name, Err: ErrBinary}
	}
	return nil
}

// newLineReader reads all of r. err is non-nil when r fails or the data is binary or UTF-16
// (checkText).
func newLineReader(r io.Reader, name string) (*lineReader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := checkText(data, name); err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data = data[3:]
	}
	return &lineReader{name: name, data: data}, nil
}

// next advances to the next line that has text left after comment removal.
func (lr *lineReader) next() bool {
	for lr.off < len(lr.data) {
		end := bytes.IndexByte(lr.data[lr.off:], '\n')
		var line []byte
		if end < 0 {
			line = lr.data[lr.off:]
			lr.off = len(lr.data)
		} else {
			line = lr.data[lr.off : lr.off+end]
			lr.off += end + 1
		}
		lr.lineNo++
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		lr.raw = string(line)
		if lr.hook != nil && !lr.inXML && lr.hook(lr.raw) {
			continue
		}
		t := lr.strip(lr.raw)
		t = strings.TrimRightFunc(t, unicode.IsSpace)
		if strings.TrimSpace(t) == "" {
			continue
		}
		if !utf8.ValidString(t) {
			lr.warnf("line is not valid UTF-8; invalid bytes replaced by U+FFFD")
			t = strings.ToValidUTF8(t, "\uFFFD")
		}
		lr.text = t
		return true
	}
	if lr.inXML {
		lr.problems = append(lr.problems, Problem{lr.name, lr.xmlStart, "comment <!-- is never closed by -->; the rest of the file was skipped", Error})
		lr.inXML = false
	}
	return false
}

// strip removes comments from one line, carrying an open <!-- comment to the next lines.
func (lr *lineReader) strip(s string) string {
	var b strings.Builder
	for {
		if lr.inXML {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String()
			}
			s = s[i+3:]
			lr.inXML = false
			continue
		}
		if b.Len() == 0 && strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "<!") &&
			!strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "<!--") {
			return "" // <!DOCTYPE ...> and the like (§4)
		}
		h := strings.IndexByte(s, '#')
		x := strings.Index(s, "<!--")
		if x >= 0 && (h < 0 || x < h) {
			b.WriteString(s[:x])
			s = s[x+4:]
			lr.inXML = true
			lr.xmlStart = lr.lineNo
			continue
		}
		if h >= 0 {
			b.WriteString(s[:h])
			return b.String()
		}
		if b.Len() == 0 {
			return s
		}
		b.WriteString(s)
		return b.String()
	}
}

func (lr *lineReader) pos() Pos { return Pos{lr.name, lr.lineNo} }

func (lr *lineReader) errorf(format string, args ...any) {
	lr.problems = append(lr.problems, Problem{lr.name, lr.lineNo, printable(fmt.Sprintf(format, args...)), Error})
}

func (lr *lineReader) warnf(format string, args ...any) {
	lr.problems = append(lr.problems, Problem{lr.name, lr.lineNo, printable(fmt.Sprintf(format, args...)), Warning})
}

// printable returns msg with every control character (C0, DEL, C1; tab included) written as a
// Go escape (\x01, \t, \u0085), so that a problem message quoting a line of the file never sends
// raw control bytes (terminal escape sequences, NULs) to the user's terminal.
func printable(msg string) string {
	clean := true
	for _, r := range msg {
		if unicode.IsControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return msg
	}
	var b strings.Builder
	for _, r := range msg {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitWords splits a dictionary phrase into upper-case words at '_' and white space (§4); empty
// words (from a trailing '_' or doubled separators) are dropped.
func splitWords(s string) []string {
	s = strings.ToUpper(s)
	return strings.FieldsFunc(s, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// pluralNoun returns Dyad's plural of an upper-case noun (§5.2 decision; used for synsets and
// agents, §8): ...S, ...X, ...Z, ...CH, ...SH → +ES; consonant + Y → IES; otherwise +S.
func pluralNoun(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		return w + "ES"
	case w[n-1] == 'Y' && n >= 2 && !isVowel(w[n-2]):
		return w[:n-1] + "IES"
	}
	return w + "S"
}

func isVowel(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}

// verbForms returns the standard English forms of an upper-case base verb (§5.3 decision):
// third person singular, past, gerund. No consonant doubling: irregular forms are listed in {}.
func verbForms(w string) (third, past, gerund string) {
	n := len(w)
	if n == 0 {
		return w, w, w
	}
	last := w[n-1]
	prevVowel := n >= 2 && isVowel(w[n-2])
	switch {
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		third = w + "ES"
	case last == 'Y' && n >= 2 && !prevVowel:
		third = w[:n-1] + "IES"
	default:
		third = w + "S"
	}
	switch {
	case last == 'E':
		past = w + "D"
	case last == 'Y' && n >= 2 && !prevVowel:
		past = w[:n-1] + "IED"
	default:
		past = w + "ED"
	}
	switch {
	case strings.HasSuffix(w, "IE"):
		gerund = w[:n-2] + "YING"
	case last == 'E' && n >= 2 && (!prevVowel || w[n-2] == 'U'):
		// ARGUE → ARGUING, SUE → SUING; but SEE → SEEING, HOE → HOEING.
		gerund = w[:n-1] + "ING"
	default:
		gerund = w + "ING"
	}
	return third, past, gerund
}

// bracketItems extracts the [...] items of s: it returns the text before the first '[' and the
// contents of each bracket pair. bad is non-empty when brackets are unbalanced or text other than
// white space appears between or after the items.
func bracketItems(s string) (head string, items []string, bad string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return s, nil, "']' without '['"
		}
		return s, nil, ""
	}
	head, s = s[:i], s[i:]
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if s[0] != '[' {
			return head, items, fmt.Sprintf("unexpected text %q after a code", s)
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return head, items, "'[' without ']'"
		}
		items = append(items, strings.TrimSpace(s[1:j]))
		s = s[j+1:]
	}
	return head, items, ""
}
