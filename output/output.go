// Package output writes coded events: JSONL (the event record of ARCHITECTURE.md), CSV (the same
// fields flattened) and TSV in the PETRARCH2 "evts" layout (PETRARCH-FORMATS.md §13.1).
//
// Writers are not safe for concurrent use; the caller serialises events in output order.
package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/story"
)

// Formats lists the accepted format names, the first being the default.
var Formats = []string{"jsonl", "csv", "tsv"}

// Writer writes events one at a time. Flush must be called once at the end.
type Writer interface {
	// Write writes one event; it returns the underlying writer's error.
	Write(e *story.Event) error
	// Flush writes buffered data (and, for CSV, nothing more: the header is written with the
	// first event, or by Flush when no event was written).
	Flush() error
}

// New returns a writer of the named format ("jsonl", "csv" or "tsv") on w.
// It returns an error naming the format when the name is unknown.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "jsonl", "json", "":
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "csv":
		return &csvWriter{cw: csv.NewWriter(w)}, nil
	case "tsv", "evts":
		return &tsvWriter{bw: bufio.NewWriterSize(w, 64<<10)}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(e *story.Event) error {
	if e.Issues == nil {
		cp := *e
		cp.Issues = []story.Issue{}
		return j.enc.Encode(&cp)
	}
	return j.enc.Encode(e)
}

func (j *jsonlWriter) Flush() error { return j.bw.Flush() }

// CSVHeader is the header row of the CSV format: the event record's fields, with the nested
// source, target and verb objects flattened to source_code, source_text, ... and issues written
// as "CODE,count;CODE,count".
var CSVHeader = []string{
	"event_id", "story_id", "sentence_index", "sentence_ids", "date",
	"source_code", "source_country", "source_agent", "source_text", "source_start", "source_end", "source_from_context",
	"target_code", "target_country", "target_agent", "target_text", "target_start", "target_end", "target_from_context",
	"code", "root_code", "name", "quad_class", "goldstein", "plover",
	"verb_text", "verb_lemma", "verb_start", "verb_end", "verb_pattern",
	"issues", "sentence", "url", "publisher",
}

type csvWriter struct {
	cw     *csv.Writer
	header bool
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.cw.Write(CSVHeader)
}

func (c *csvWriter) Write(e *story.Event) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	itoa := strconv.Itoa
	actor := func(a story.Actor) []string {
		return []string{a.Code, a.Country, a.Agent, a.Text, itoa(a.Start), itoa(a.End), strconv.FormatBool(a.FromContext)}
	}
	row := []string{e.EventID, e.StoryID, itoa(e.SentenceIndex), strings.Join(e.SentenceIDs, ";"), e.Date}
	row = append(row, actor(e.Source)...)
	row = append(row, actor(e.Target)...)
	row = append(row, e.Code, e.RootCode, e.Name, itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.PLOVER,
		e.Verb.Text, e.Verb.Lemma, itoa(e.Verb.Start), itoa(e.Verb.End), e.Verb.Pattern,
		IssuesString(e.Issues), e.Sentence, e.URL, e.Publisher)
	for i, f := range row {
		row[i] = noControls(f)
	}
	return c.cw.Write(row)
}

// noControls replaces the control characters of s other than TAB, LF and CR (which CSV quotes) by
// spaces: C0, DEL and C1, so that a terminal escape sequence in a story's text ("ESC[31m") does
// not reach whoever prints the file. JSON output escapes them instead.
func noControls(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
			return strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F {
					return ' '
				}
				return r
			}, s)
		}
	}
	return s
}

func (c *csvWriter) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// IssuesString formats issues as PETRARCH does: "CODE,count;CODE,count" (PETRARCH-FORMATS.md §13.1).
func IssuesString(issues []story.Issue) string {
	var b strings.Builder
	for i, is := range issues {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(is.Code)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(is.Count))
	}
	return b.String()
}

type tsvWriter struct{ bw *bufio.Writer }

// Write writes one line of the PETRARCH2 evts layout (PETRARCH-FORMATS.md §13.1): date YYYYMMDD,
// source code, target code, event code, issues, sentence ids (";"-joined), the URL only when the
// story has one, the source label (NULL when none), then source text, target text and event
// text (the shipped configuration's write_actor_text and write_event_text). TAB, CR and LF
// inside text fields become spaces (a PETRARCH2 quirk not reproduced).
func (t *tsvWriter) Write(e *story.Event) error {
	ids := e.SentenceIDs
	if len(ids) == 0 {
		ids = []string{e.StoryID + "_" + strconv.Itoa(e.SentenceIndex+1)}
	}
	fields := []string{
		strings.ReplaceAll(e.Date, "-", ""),
		nullCode(e.Source.Code), nullCode(e.Target.Code), e.Code,
		IssuesString(e.Issues), strings.Join(ids, ";"),
	}
	if e.URL != "" {
		fields = append(fields, e.URL)
	}
	label := e.Publisher
	if label == "" {
		label = "NULL"
	}
	fields = append(fields, label, textField(e.Source.Text), textField(e.Target.Text), textField(e.Verb.Text))
	for i, f := range fields {
		if i > 0 {
			t.bw.WriteByte('\t')
		}
		t.bw.WriteString(sanitize(f))
	}
	return t.bw.WriteByte('\n')
}

func (t *tsvWriter) Flush() error { return t.bw.Flush() }

func nullCode(c string) string {
	if c == "" {
		return "---"
	}
	return c
}

func textField(s string) string {
	if s == "" {
		return "---"
	}
	return s
}

var sanitizer = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")

func sanitize(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		return sanitizer.Replace(s)
	}
	return s
}
