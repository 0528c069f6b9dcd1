// Package conllu reads and writes CoNLL-U (Universal Dependencies, https://universaldependencies.org/format.html)
// into and from story.Sentence values, and maps UD v1 relation labels to UD v2 (NormalizeV1).
//
// Reading keeps the basic tree only: multiword-token range lines ("3-4") and empty nodes ("5.1") are
// skipped, though a range line's SpaceAfter=No and span are applied to the words it covers. A sentence
// with a bad line is reported as a *ParseError naming the file and line and is skipped; reading goes on
// with the next sentence. The reader never panics on input (it is fuzzed by FuzzReader).
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// Sentence is one CoNLL-U sentence: the story.Sentence built from its word lines plus its comment lines.
// Sentence.ID comes from "# sent_id = ..." and Sentence.Text from "# text = ..."; when there is no
// "# text" line, Text is rebuilt from the word forms and their SpaceAfter. Token Start/End are byte
// offsets into Text, found by aligning each form with the text (-1 when a word cannot be aligned).
// Sentence.Start and End are -1 (a treebank sentence has no story text).
type Sentence struct {
	story.Sentence
	// Comments holds every comment line of the sentence except sent_id and text, verbatim
	// (with the leading "#"), e.g. "# newdoc id = ...".
	Comments []string
	// Line is the 1-based line number of the sentence's first line in its file.
	Line int
	// Doc counts the "# newdoc" comment lines read up to and including this sentence's (0 before
	// the first), those of sentences skipped for a bad line included: sentences with the same Doc
	// belong to one document (a story). DocID is the id of that "# newdoc id = ID" line, "" when
	// it has none or there was none.
	Doc   int
	DocID string
}

// NewDocID reports whether line is a CoNLL-U "# newdoc" comment and returns its id ("# newdoc id
// = ID"; "" for a bare "# newdoc").
func NewDocID(line string) (id string, ok bool) {
	body, found := strings.CutPrefix(line, "#")
	if !found {
		return "", false
	}
	body, found = strings.CutPrefix(strings.TrimSpace(body), "newdoc")
	if !found {
		return "", false
	}
	if body == "" {
		return "", true
	}
	if c := body[0]; c != ' ' && c != '\t' && c != '=' {
		return "", false // "# newdocument"
	}
	body = strings.TrimSpace(body)
	if rest, ok := strings.CutPrefix(body, "id"); ok {
		if v, ok := strings.CutPrefix(strings.TrimSpace(rest), "="); ok {
			return strings.TrimSpace(v), true
		}
	}
	return "", true
}

// ParseError is a problem in one line of a CoNLL-U file. The sentence holding it is skipped.
type ParseError struct {
	File string // file name as given to NewReader ("" for ParseLines)
	Line int    // 1-based line number
	Msg  string
}

func (e *ParseError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxLine is the longest line the reader accepts, in bytes.
const maxLine = 4 << 20

// Reader reads CoNLL-U sentences one by one from a stream.
type Reader struct {
	sc     *bufio.Scanner
	file   string
	line   int
	done   bool
	failed error
	doc    int    // "# newdoc" lines read so far
	docID  string // the id of the last one
}

// NewReader returns a Reader of r; file names the input in error messages ("FILE:LINE: ...").
func NewReader(r io.Reader, file string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	return &Reader{sc: sc, file: file}
}

// Next returns the next sentence. At the end of input it returns io.EOF. When a sentence holds a bad
// line it returns a *ParseError (the sentence is skipped; call Next again to go on). A read error of
// the underlying reader is returned as is and ends reading.
func (r *Reader) Next() (*Sentence, error) {
	if r.failed != nil {
		return nil, r.failed
	}
	if r.done {
		return nil, io.EOF
	}
	var block []string
	start := 0
	for {
		if !r.sc.Scan() {
			r.done = true
			if err := r.sc.Err(); err != nil {
				if errors.Is(err, bufio.ErrTooLong) {
					err = &ParseError{File: r.file, Line: r.line + 1, Msg: fmt.Sprintf("line longer than %d bytes", maxLine)}
				}
				r.failed = err
				if len(block) == 0 {
					return nil, err
				}
			}
			break
		}
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if len(block) == 0 {
				continue
			}
			break
		}
		if len(block) == 0 {
			start = r.line
		}
		if line[0] == '#' {
			if id, ok := NewDocID(line); ok {
				r.doc++
				r.docID = id
			}
		}
		block = append(block, line)
	}
	if len(block) == 0 {
		if r.failed != nil {
			return nil, r.failed
		}
		return nil, io.EOF
	}
	s, err := parseBlock(block, r.file, start)
	if err != nil {
		return nil, err
	}
	s.Doc, s.DocID = r.doc, r.docID
	return s, nil
}

// ReadAll reads every sentence of r. Bad sentences are skipped and their errors collected (each a
// *ParseError with file and line); a read error of r ends reading and is the last error.
func ReadAll(r io.Reader, file string) ([]Sentence, []error) {
	rd := NewReader(r, file)
	var out []Sentence
	var errs []error
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, errs
		}
		if err != nil {
			errs = append(errs, err)
			var pe *ParseError
			if !errors.As(err, &pe) || rd.failed != nil {
				return out, errs
			}
			continue
		}
		out = append(out, *s)
	}
}

// ParseLines parses a block of bare CoNLL-U word lines (no comments needed, one sentence), as held by
// a PETRARCH XML <Parse> element (PETRARCH-FORMATS.md §2.2). Blank lines and leading/trailing white
// space on each line are ignored. The sentence text is rebuilt from the forms. Errors give 1-based
// line numbers within lines.
func ParseLines(lines string) (story.Sentence, error) {
	var block []string
	first := 0
	for i, l := range strings.Split(lines, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(block) == 0 {
			first = i + 1
		}
		// PETRARCH <Parse> blocks are often indented; the columns are TAB-separated.
		block = append(block, strings.TrimRight(strings.TrimLeft(l, " \t"), " "))
	}
	if len(block) == 0 {
		return story.Sentence{}, &ParseError{Line: 1, Msg: "no word lines"}
	}
	s, err := parseBlock(block, "", first)
	if err != nil {
		return story.Sentence{}, err
	}
	return s.Sentence, nil
}

// ParseTokenLine parses one CoNLL-U word line (ten TAB-separated columns) and returns its ID and the
// token. Start and End are -1 (a single line has no sentence text). Range and empty-node lines are
// errors here.
func ParseTokenLine(line string) (id int, tok story.Token, err error) {
	cols := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
	if len(cols) != 10 {
		return 0, tok, fmt.Errorf("%d columns, want 10", len(cols))
	}
	id, err = strconv.Atoi(cols[0])
	if err != nil || id < 1 {
		return 0, tok, fmt.Errorf("bad word ID %q", cols[0])
	}
	tok, err = tokenFromCols(cols)
	return id, tok, err
}

func tokenFromCols(cols []string) (story.Token, error) {
	t := story.Token{
		Form:       cols[1],
		Lemma:      unders(cols[2]),
		UPOS:       unders(cols[3]),
		XPOS:       unders(cols[4]),
		Feats:      unders(cols[5]),
		Deprel:     unders(cols[7]),
		Head:       -1,
		Start:      -1,
		End:        -1,
		SpaceAfter: !hasSpaceAfterNo(cols[9]),
	}
	if t.Form == "" {
		return t, errors.New("empty FORM")
	}
	// The lemma of an underscore word is "_" itself; keep it.
	if cols[2] == "_" && cols[1] == "_" {
		t.Lemma = "_"
	}
	if cols[6] != "_" {
		h, err := strconv.Atoi(cols[6])
		if err != nil || h < 0 {
			return t, fmt.Errorf("bad HEAD %q", cols[6])
		}
		t.Head = h
	}
	return t, nil
}

func unders(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func hasSpaceAfterNo(misc string) bool {
	if misc == "_" || misc == "" {
		return false
	}
	for _, f := range strings.Split(misc, "|") {
		if f == "SpaceAfter=No" {
			return true
		}
	}
	return false
}

type mwt struct {
	from, to   int
	form       string
	spaceAfter bool
}

func parseBlock(block []string, file string, first int) (*Sentence, error) {
	s := &Sentence{Line: first}
	s.Start, s.End = -1, -1
	s.Index = 0
	hasText := false
	var ranges []mwt
	for i, line := range block {
		ln := first + i
		bad := func(format string, args ...any) error {
			return &ParseError{File: file, Line: ln, Msg: fmt.Sprintf(format, args...)}
		}
		if !utf8.ValidString(line) {
			return nil, bad("invalid UTF-8")
		}
		if strings.HasPrefix(line, "#") {
			body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
			switch {
			case strings.HasPrefix(body, "sent_id ="), strings.HasPrefix(body, "sent_id="):
				s.ID = strings.TrimSpace(body[strings.IndexByte(body, '=')+1:])
			case strings.HasPrefix(body, "text ="), strings.HasPrefix(body, "text="):
				s.Text = strings.TrimSpace(body[strings.IndexByte(body, '=')+1:])
				hasText = true
			default:
				s.Comments = append(s.Comments, line)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, bad("%d columns, want 10 TAB-separated columns", len(cols))
		}
		idc := cols[0]
		if strings.IndexByte(idc, '.') >= 0 {
			continue // empty node (enhanced graph only)
		}
		if k := strings.IndexByte(idc, '-'); k >= 0 {
			a, err1 := strconv.Atoi(idc[:k])
			b, err2 := strconv.Atoi(idc[k+1:])
			if err1 != nil || err2 != nil || a < 1 || b < a {
				return nil, bad("bad multiword token range %q", idc)
			}
			if a != len(s.Tokens)+1 {
				return nil, bad("multiword token range %q out of sequence", idc)
			}
			ranges = append(ranges, mwt{from: a, to: b, form: cols[1], spaceAfter: !hasSpaceAfterNo(cols[9])})
			continue
		}
		id, err := strconv.Atoi(idc)
		if err != nil {
			return nil, bad("bad word ID %q", idc)
		}
		if id != len(s.Tokens)+1 {
			return nil, bad("word ID %d out of sequence (want %d)", id, len(s.Tokens)+1)
		}
		t, err := tokenFromCols(cols)
		if err != nil {
			return nil, bad("%v", err)
		}
		s.Tokens = append(s.Tokens, t)
	}
	if len(s.Tokens) == 0 {
		return nil, &ParseError{File: file, Line: first, Msg: "sentence has no word lines"}
	}
	n := len(s.Tokens)
	for i, t := range s.Tokens {
		if t.Head > n {
			return nil, &ParseError{File: file, Line: lineOfWord(block, first, i+1), Msg: fmt.Sprintf("HEAD %d beyond the sentence's %d words", t.Head, n)}
		}
		if t.Head == i+1 {
			return nil, &ParseError{File: file, Line: lineOfWord(block, first, i+1), Msg: "word is its own HEAD"}
		}
	}
	// A multiword token's SpaceAfter belongs to its last word; its inner words have no space.
	for _, r := range ranges {
		if r.to > n {
			return nil, &ParseError{File: file, Line: first, Msg: fmt.Sprintf("multiword token %d-%d beyond the sentence's %d words", r.from, r.to, n)}
		}
		for w := r.from; w < r.to; w++ {
			s.Tokens[w-1].SpaceAfter = false
		}
		s.Tokens[r.to-1].SpaceAfter = r.spaceAfter
	}
	if !hasText {
		s.Text = rebuildText(s.Tokens)
	}
	align(&s.Sentence, ranges)
	return s, nil
}

func lineOfWord(block []string, first, id int) int {
	want := strconv.Itoa(id) + "\t"
	for i, l := range block {
		if strings.HasPrefix(l, want) {
			return first + i
		}
	}
	return first
}

// rebuildText joins the forms, with a space after each token whose SpaceAfter is true (not after the last).
func rebuildText(toks []story.Token) string {
	var b strings.Builder
	for i, t := range toks {
		b.WriteString(t.Form)
		if t.SpaceAfter && i < len(toks)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// align sets each token's Start/End (bytes into s.Text) by finding its form at or after the cursor,
// skipping white space. Words of a multiword token that do not match the text literally (e.g. "gon"
// "na" for "gonna" matches; "wo" for "won't" does not) get the span of the whole multiword token.
func align(s *story.Sentence, ranges []mwt) {
	text := s.Text
	pos := 0
	ri := 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		id := i + 1
		for ri < len(ranges) && ranges[ri].to < id {
			ri++
		}
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r') {
			pos++
		}
		if strings.HasPrefix(text[pos:], t.Form) {
			t.Start, t.End = pos, pos+len(t.Form)
			pos = t.End
			continue
		}
		if ri < len(ranges) && ranges[ri].from <= id {
			r := ranges[ri]
			// Find the multiword token itself in the text; give every word of it its span.
			if id == r.from && strings.HasPrefix(text[pos:], r.form) {
				for w := r.from; w <= r.to; w++ {
					s.Tokens[w-1].Start, s.Tokens[w-1].End = pos, pos+len(r.form)
				}
				pos += len(r.form)
				continue
			}
			if s.Tokens[r.from-1].Start >= 0 && id > r.from {
				// An earlier word of this range matched literally: the rest of the range lies
				// between the cursor and the range's end.
				end := s.Tokens[r.from-1].Start + len(r.form)
				if end >= pos && end <= len(text) {
					t.Start, t.End = pos, end
					pos = end
					continue
				}
			}
		}
		// Not found at the cursor (the text and forms disagree): search forward a little.
		if k := strings.Index(text[pos:], t.Form); k >= 0 && k < 64 {
			t.Start, t.End = pos+k, pos+k+len(t.Form)
			pos = t.End
			continue
		}
		t.Start, t.End = -1, -1
	}
}

// Write writes s as one CoNLL-U sentence followed by a blank line: the extra comment lines (each
// written as given, a "# " prefix added when missing; e.g. "# newdoc id = ..."), "# sent_id" (when
// s.ID is set), "# text" (when s.Text is set), then one word line per token. Empty Lemma, UPOS,
// XPOS, Feats and Deprel become "_", a Head of -1 becomes "_", and SpaceAfter=false becomes
// "SpaceAfter=No" in MISC.
// Control characters (TAB, newlines, terminal escapes; C0, DEL and C1) in comments, the text and
// fields are replaced by spaces so that the file stays valid and safe to print.
func Write(w io.Writer, s *story.Sentence, comments ...string) error {
	var b strings.Builder
	for _, c := range comments {
		if !strings.HasPrefix(c, "#") {
			b.WriteString("# ")
		}
		b.WriteString(oneLine(c))
		b.WriteByte('\n')
	}
	if s.ID != "" {
		b.WriteString("# sent_id = ")
		b.WriteString(oneLine(s.ID))
		b.WriteByte('\n')
	}
	if s.Text != "" {
		b.WriteString("# text = ")
		b.WriteString(oneLine(s.Text))
		b.WriteByte('\n')
	}
	for i, t := range s.Tokens {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\t')
		b.WriteString(field(t.Form))
		b.WriteByte('\t')
		b.WriteString(field(t.Lemma))
		b.WriteByte('\t')
		b.WriteString(field(t.UPOS))
		b.WriteByte('\t')
		b.WriteString(field(t.XPOS))
		b.WriteByte('\t')
		b.WriteString(field(t.Feats))
		b.WriteByte('\t')
		if t.Head < 0 {
			b.WriteByte('_')
		} else {
			b.WriteString(strconv.Itoa(t.Head))
		}
		b.WriteByte('\t')
		b.WriteString(field(t.Deprel))
		b.WriteString("\t_\t")
		if !t.SpaceAfter {
			b.WriteString("SpaceAfter=No")
		} else {
			b.WriteByte('_')
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	s = strings.TrimSpace(oneLine(s))
	if s == "" {
		return "_"
	}
	return s
}

// oneLine replaces the control characters of s (C0 including TAB and newlines, DEL, C1) by one
// space each, so that a comment or field stays on one line and no terminal escape sequence
// ("ESC[31m") reaches the reader of the file; other bytes, invalid UTF-8 included, are kept.
func oneLine(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		c1 := c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F // U+0080–U+009F
		if c >= 0x20 && c != 0x7F && !c1 {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)), s[:i]...)
		}
		b = append(b, ' ')
		if c1 {
			i++
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
