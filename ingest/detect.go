package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// formatByExt maps a file extension (after an optional ".gz") to a format; "xml" means "RSS,
// Atom or PETRARCH XML: look at the content"; "" means unknown.
func formatByExt(path string) string {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	switch filepath.Ext(p) {
	case ".txt", ".text":
		return FormatText
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".rss", ".atom":
		return FormatRSS
	case ".xml":
		return "xml"
	case ".conllu":
		return FormatCoNLLU
	}
	return ""
}

// Detect reports the format --input auto picks for an input: by extension first (.txt/.text →
// text, .jsonl/.ndjson/.json → jsonl (a JSON array of stories is read too), .html/.htm/.xhtml → html, .rss/.atom → rss, .conllu → conllu,
// each also with ".gz"), then, for .xml and unknown extensions, by sniffing head (the first
// bytes of the input, ideally 4 KiB or more): an RSS, RDF or Atom root → rss; a PETRARCH
// <Sentences> or <Article> root → petrarch-xml; an HTML doctype or <html>/<head>/<body> → html;
// a line starting with "{" → jsonl; a CoNLL-U "# sent_id"/"# text" comment or a 10-column
// word line → conllu; YAML front matter ("---") or other text → text. It returns "" when head
// is binary data.
func Detect(path string, head []byte) string {
	if f := formatByExt(path); f != "" && f != "xml" {
		return f
	}
	return sniff(head)
}

func sniff(head []byte) string {
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return "" // gzip: the caller decompresses first
	}
	if isUTF16(head) { // sniff the text, not its UTF-16 bytes
		head, _, _ = decodeUTF16(head[:len(head)&^1], "")
	}
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	h = bytes.TrimLeft(h, " \t\r\n")
	if len(h) == 0 {
		return FormatText
	}
	if isBinary(h) {
		return ""
	}
	if h[0] == '{' || h[0] == '[' {
		return FormatJSONL
	}
	if h[0] == '<' {
		low := strings.ToLower(string(h[:min(len(h), 4096)]))
		// Skip the XML declaration, comments and doctype to the root element.
		root := xmlRoot(low)
		switch {
		case strings.HasPrefix(root, "rss"), strings.HasPrefix(root, "feed"), strings.HasPrefix(root, "rdf:rdf"):
			return FormatRSS
		case strings.HasPrefix(root, "sentences"), strings.HasPrefix(root, "article"):
			return FormatPetrarchXML
		}
		if strings.Contains(low, "<html") || strings.Contains(low, "<!doctype html") ||
			strings.Contains(low, "<head") || strings.Contains(low, "<body") || strings.Contains(low, "<p") {
			return FormatHTML
		}
		return FormatHTML
	}
	if bytes.HasPrefix(h, []byte("---")) {
		return FormatText
	}
	if looksCoNLLU(h) {
		return FormatCoNLLU
	}
	return FormatText
}

// xmlRoot returns the text from the first element start tag (after "<"), skipping "<?...?>",
// "<!-- -->" and "<!...>" (lower-cased input).
func xmlRoot(s string) string {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return ""
		}
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<?"):
			j := strings.Index(s, "?>")
			if j < 0 {
				return ""
			}
			s = s[j+2:]
		case strings.HasPrefix(s, "<!--"):
			j := strings.Index(s, "-->")
			if j < 0 {
				return ""
			}
			s = s[j+3:]
		case strings.HasPrefix(s, "<!"):
			j := strings.IndexByte(s, '>')
			if j < 0 {
				return ""
			}
			s = s[j+1:]
		default:
			return s[1:]
		}
	}
}

func looksCoNLLU(h []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(h))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# sent_id") || strings.HasPrefix(line, "# text =") || strings.HasPrefix(line, "# newdoc") {
			return true
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.Count(line, "\t") == 9
	}
	return false
}

// detectWithType picks a format for a whole input, using an HTTP Content-Type when given.
func detectWithType(name string, data []byte, contentType string) string {
	if contentType != "" {
		mt, _, _ := mime.ParseMediaType(contentType)
		switch mt {
		case "text/html", "application/xhtml+xml":
			return FormatHTML
		case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
			return FormatRSS
		case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
			return FormatJSONL
		}
	}
	head := data[:min(len(data), 8192)]
	if is16, _ := declaredUTF16(head, contentType); is16 && !isUTF16(head) {
		head, _, _ = decodeUTF16(head[:len(head)&^1], contentType)
	}
	return Detect(name, head)
}

// IsBinary reports whether b looks like binary data rather than text, by the rule of isBinary
// below (its first 8 KiB: more than 2 NUL bytes or more than 10% control bytes); for commands
// that read other text files than stories.
func IsBinary(b []byte) bool { return isBinary(b) }

// isBinary reports whether b looks like binary data rather than text in some charset, judging
// by its first 8 KiB: more than 2 NUL bytes, or more than 10% control bytes (NUL included) other
// than tab, newline, form feed, carriage return and escape. Bytes ≥ 0x80 are not counted (they
// may be UTF-8, windows-1252, EUC-KR, ...). Text with a UTF-16 byte order mark is not binary.
// One stray NUL in a text is not enough (readers replace it with a warning).
func isBinary(b []byte) bool {
	b = b[:min(len(b), 8192)]
	if len(b) == 0 || isUTF16(b) {
		return false
	}
	ctl, nul := 0, 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
			if c == 0 {
				nul++
			}
		}
	}
	return nul > 2 || ctl*10 > len(b)
}

// isUTF16 reports a UTF-16 byte order mark.
func isUTF16(b []byte) bool {
	return len(b) >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))
}

// maybeGunzip returns a reader that decompresses r when it starts with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("bad gzip data: %v", err)
		}
		return zr, nil
	}
	return br, nil
}

// gunzipBytes decompresses data that starts with the gzip magic (up to max bytes); other data
// is returned as is. On a broken or truncated stream it returns what was decompressed before
// the error and the error ("bad gzip data: unexpected EOF").
func gunzipBytes(data []byte, max int) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("bad gzip data: %v", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(max)))
	if err != nil {
		return out, fmt.Errorf("bad gzip data: %v", err)
	}
	return out, nil
}

// readCapped reads at most max bytes from r.
func readCapped(r io.Reader, max int) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, int64(max)))
}

// validUTF8 returns s with each invalid byte sequence replaced by U+FFFD, and whether it
// replaced any.
func validUTF8(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	return strings.ToValidUTF8(s, "\uFFFD"), true
}

// firstInvalidLine returns the 1-based line of s holding its first invalid UTF-8 sequence, 0
// when s is valid.
func firstInvalidLine(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return 1 + strings.Count(s[:i], "\n")
		}
		i += n
	}
	return 0
}

// replaceNUL replaces NUL characters (a stray byte in otherwise-text) by U+FFFD; line is the
// 1-based line of the first, 0 when there is none.
func replaceNUL(s string) (out string, line int) {
	i := strings.IndexByte(s, 0)
	if i < 0 {
		return s, 0
	}
	return strings.ReplaceAll(s, "\x00", "\uFFFD"), 1 + strings.Count(s[:i], "\n")
}

// declaredUTF16 reports whether data is UTF-16 by its byte order mark or, without one, by the
// charset of contentType ("utf-16" (little endian, as in the WHATWG Encoding standard),
// "utf-16le", "utf-16be", any case); big tells the byte order.
func declaredUTF16(data []byte, contentType string) (utf16, big bool) {
	switch {
	case len(data) >= 2 && data[0] == 0xff && data[1] == 0xfe:
		return true, false
	case len(data) >= 2 && data[0] == 0xfe && data[1] == 0xff:
		return true, true
	case contentType == "":
		return false, false
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(params["charset"])) {
	case "utf-16", "utf-16le":
		return true, false
	case "utf-16be":
		return true, true
	}
	return false, false
}

// decodeUTF16 transcodes data to UTF-8 when declaredUTF16 says it is UTF-16 (decoded true),
// dropping the byte order mark; otherwise data is returned as it is. broken is true when the
// data ends in half a character or holds a lone surrogate (those become U+FFFD).
func decodeUTF16(data []byte, contentType string) (out []byte, decoded, broken bool) {
	is16, big := declaredUTF16(data, contentType)
	if !is16 {
		return data, false, false
	}
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	// UseBOM: a byte order mark, when there is one, decides the order and is dropped.
	out, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return data, false, true
	}
	return out, true, brokenUTF16(data, big)
}

// brokenUTF16 reports UTF-16 data that ends in half a character or holds a lone surrogate.
func brokenUTF16(data []byte, big bool) bool {
	if len(data)%2 != 0 {
		return true
	}
	high := false // the previous unit was a high surrogate
	for i := 0; i < len(data); i += 2 {
		u := uint16(data[i]) | uint16(data[i+1])<<8
		if big {
			u = uint16(data[i])<<8 | uint16(data[i+1])
		}
		switch {
		case u >= 0xd800 && u < 0xdc00:
			if high {
				return true
			}
			high = true
		case u >= 0xdc00 && u < 0xe000:
			if !high {
				return true
			}
			high = false
		default:
			if high {
				return true
			}
		}
	}
	return high
}

// fromUTF16 transcodes text with a UTF-16 byte order mark to UTF-8 (data unchanged without
// one); ok is false when the data ends in half a character or a broken surrogate pair (the
// bad part becomes U+FFFD).
func fromUTF16(data []byte) (out []byte, ok bool) {
	if !isUTF16(data) {
		return data, true
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil {
		return data, false
	}
	return out, len(data)%2 == 0
}

// readError words an error met while reading an input: "bad gzip data: ..." when the input is
// gzip-compressed (a truncated .gz file gives "unexpected EOF").
func readError(src io.Reader, err error) error {
	if _, gz := src.(*gzip.Reader); gz {
		return fmt.Errorf("bad gzip data: %v", err)
	}
	return err
}

func isValidUTF8(s string) bool { return utf8.ValidString(s) }
