package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// MaxJSONLLine is the longest JSONL record ReadJSONL accepts, in bytes; a longer line is
// skipped with an error naming it.
const MaxJSONLLine = 64 << 20

// MaxErrorsPerInput is how many failed records of one JSONL input ReadJSONL reports one by one;
// the rest are summed up in one *MoreErrors.
const MaxErrorsPerInput = 10

// MoreErrors sums up the errors of an input that were not reported one by one. Its text is
// "... and N more errors in NAME".
type MoreErrors struct {
	Name string // path, "-" or URL
	N    int    // errors not reported
}

func (e *MoreErrors) Error() string {
	if e.N == 1 {
		return "... and 1 more error in " + e.Name
	}
	return fmt.Sprintf("... and %d more errors in %s", e.N, e.Name)
}

// errLimit passes the first MaxErrorsPerInput errors of an input to warn and counts the rest;
// finish reports that count as a *MoreErrors.
type errLimit struct {
	name   string
	warn   func(error)
	shown  int
	hidden int
}

func (l *errLimit) fail(err error) {
	if l.shown < MaxErrorsPerInput {
		l.shown++
		l.warn(err)
		return
	}
	l.hidden++
}

func (l *errLimit) finish() {
	if l.hidden > 0 {
		l.warn(&MoreErrors{Name: l.name, N: l.hidden})
	}
}

// jsonlRecord is one JSONL story (ARCHITECTURE.md, "Story input"): {"id", "date", "title",
// "text", "url", "publisher"}. "outlet" is accepted for publisher, as in front matter. Values
// are raw so that a number id or a null date is read, not rejected.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	Date      json.RawMessage `json:"date"`
	Title     json.RawMessage `json:"title"`
	Text      json.RawMessage `json:"text"`
	URL       json.RawMessage `json:"url"`
	Publisher json.RawMessage `json:"publisher"`
	Outlet    json.RawMessage `json:"outlet"`
}

// ReadJSONL reads JSONL stories from r, one JSON object a line — or, when the input starts
// with "[", one JSON array of such objects; name is the input's name for messages and ids. Story.Origin is "name:LINE". A record without id gets "BASE-LINE" (BASE
// the file name without extension). Blank lines are skipped. Text is cleaned as in ReadText
// (invalid UTF-8 → U+FFFD, chrome lines dropped unless opts.KeepChrome, a first line equal to
// "title" or, without "title", one in title case or capitals without final punctuation taken as
// the headline; a record whose only line is such a headline is an error, counted in failed, unless
// opts.KeepLoneHeadline). The date is resolved
// with ParseDate, falling back to opts.DefaultDate with a warning naming the story when the
// record has no "date" or an unreadable one.
//
// A line that is not a JSON object, has no "text" string, has empty text or is longer than
// MaxJSONLLine is skipped: an *InputError naming name:LINE goes to warn and counts in failed.
// Only the first MaxErrorsPerInput such errors go to warn; the others are counted in failed and
// summed up in one *MoreErrors at the end (a file that is not JSONL at all gives 10 lines, not
// one a line). Story warnings are not capped. err is the error of emit (reading stops) or of r
// itself.
func ReadJSONL(name string, r io.Reader, opts Options, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	if warn == nil {
		warn = func(error) {}
	}
	limit := &errLimit{name: name, warn: warn}
	defer limit.finish()
	base := storyID(name)
	br := bufio.NewReaderSize(r, 64<<10)
	if isJSONArray(br) {
		return readJSONArray(name, base, br, opts, emit, warn, limit.fail)
	}
	var buf []byte
	lineNo := 0
	for {
		lineNo++
		buf = buf[:0]
		tooLong := false
		var rerr error
		for {
			chunk, e := br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > MaxJSONLLine {
					tooLong = true
					buf = buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if e == bufio.ErrBufferFull {
				continue
			}
			rerr = e
			break
		}
		if tooLong {
			failed++
			limit.fail(inputErr(name, lineNo, "record longer than %d bytes; skipped", MaxJSONLLine))
		} else if line := bytes.TrimSpace(buf); len(line) > 0 {
			bad, e := emitRecord(name, base, lineNo, line, opts, emit, warn, limit.fail)
			failed += bad
			if e != nil {
				return failed, e
			}
		}
		if rerr == io.EOF {
			return failed, nil
		}
		if rerr != nil {
			return failed, inputErr(name, lineNo, "%v", rerr)
		}
	}
}

// emitRecord parses one JSON story record (at line lineNo of input name) and passes the story to
// emit, its warnings to warn. bad is 1 when the record could not be read (it is reported to fail
// and skipped); err is emit's error.
func emitRecord(name, base string, lineNo int, rec []byte, opts Options, emit func(*story.Story) error, warn, fail func(error)) (bad int, err error) {
	s, warns, perr := parseJSONLRecord(name, base, lineNo, rec, opts)
	for _, w := range warns {
		warn(w)
	}
	if perr != nil {
		fail(perr)
		return 1, nil
	}
	return 0, emit(s)
}

func parseJSONLRecord(name, base string, lineNo int, line []byte, opts Options) (*story.Story, []error, error) {
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, nil, inputErr(name, lineNo, "not a JSON story object: %v", jsonErrText(err))
	}
	origin := name + ":" + strconv.Itoa(lineNo)
	s := &story.Story{Origin: origin}
	var warns []error
	warn := func(format string, args ...any) {
		e := inputErr(name, lineNo, format, args...)
		warns = append(warns, e)
		s.Warnings = append(s.Warnings, e.Error())
	}
	var err error
	get := func(field string, raw json.RawMessage) string {
		if len(raw) == 0 || string(raw) == "null" {
			return ""
		}
		var v string
		if e := json.Unmarshal(raw, &v); e == nil {
			return v
		}
		var n json.Number
		if field != "text" {
			if e := json.Unmarshal(raw, &n); e == nil {
				return n.String()
			}
		}
		if err == nil {
			err = inputErr(name, lineNo, "%q is not a string", field)
		}
		return ""
	}
	s.ID = strings.TrimSpace(get("id", rec.ID))
	rawDate := get("date", rec.Date)
	s.Title = cleanLine(get("title", rec.Title))
	text := get("text", rec.Text)
	s.URL = cleanURL(get("url", rec.URL))
	s.Publisher = cleanLine(get("publisher", rec.Publisher))
	if s.Publisher == "" {
		s.Publisher = cleanLine(get("outlet", rec.Outlet))
	}
	if err != nil {
		return nil, nil, err
	}
	if len(rec.Text) == 0 {
		return nil, nil, inputErr(name, lineNo, `record has no "text"`)
	}
	if s.ID == "" {
		s.ID = fmt.Sprintf("%s-%d", base, lineNo)
	}
	text, bad := validUTF8(text)
	if bad || !utf8.Valid(rec.Text) { // encoding/json replaces bad bytes silently
		warn("story %q: invalid UTF-8 replaced by U+FFFD", s.ID)
	}
	if t, line := replaceNUL(text); line > 0 {
		text = t
		warn("story %q: NUL characters (\\u0000) replaced by U+FFFD", s.ID)
	}
	text, dateline, lone := cleanStory(s, text, opts.KeepChrome, opts.KeepLoneHeadline)
	if lone != "" {
		if !opts.KeepLoneHeadline {
			return nil, warns, inputErr(name, lineNo, "story %q has no text: %s", s.ID, loneHeadlineProblem(s, lone, false))
		}
		warn("story %q: %s", s.ID, loneHeadlineProblem(s, lone, true))
	}
	if strings.TrimSpace(text) == "" {
		return nil, warns, inputErr(name, lineNo, "story %q has no text", s.ID)
	}
	s.Text = text
	s.Date = resolveDate(rawDate, dateline, opts.DefaultDate, func(format string, args ...any) {
		warn("story %q: "+format, append([]any{s.ID}, args...)...)
	})
	return s, warns, nil
}

// jsonErrText shortens encoding/json messages ("invalid character 'x' looking for beginning
// of value").
func jsonErrText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("expected an object, found %s", te.Value)
	}
	return err.Error()
}

// isJSONArray reports whether the input's first non-space byte (after a BOM) is "[".
func isJSONArray(br *bufio.Reader) bool {
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(head) > 0 && head[0] == '['
}

// readJSONArray reads a JSON array of story objects, streaming; an element's line is the line
// its value starts on. A syntax error ends the input with a warning (the elements before it are
// kept) and counts as one failed record. Story warnings go to warn, failed records to fail.
func readJSONArray(name, base string, br *bufio.Reader, opts Options, emit func(*story.Story) error, warn, fail func(error)) (failed int, err error) {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	if _, err := dec.Token(); err != nil {
		fail(inputErr(name, 1, "not a JSON array: %v", jsonErrText(err)))
		return 1, nil
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fail(inputErr(name, lc.lineAt(dec.InputOffset()), "broken JSON array: %v; the rest is skipped", jsonErrText(err)))
			return failed + 1, nil
		}
		line := lc.lineAt(dec.InputOffset() - int64(len(raw)))
		bad, e := emitRecord(name, base, line, raw, opts, emit, warn, fail)
		failed += bad
		if e != nil {
			return failed, e
		}
	}
	if _, err := dec.Token(); err != nil {
		fail(inputErr(name, lc.lineAt(dec.InputOffset()), "broken JSON array: %v", jsonErrText(err)))
		return failed + 1, nil
	}
	return failed, nil
}

// lineCounter records the offsets of the line ends it reads.
type lineCounter struct {
	r   io.Reader
	off int64
	nls []int64
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.nls = append(l.nls, l.off+int64(i))
		}
	}
	l.off += int64(n)
	return n, err
}

// lineAt is the 1-based line of byte offset off.
func (l *lineCounter) lineAt(off int64) int {
	i, _ := slices.BinarySearch(l.nls, off)
	return i + 1
}
