// Package petrarch reads PETRARCH XML files: plain input files of <Sentence> records (with or without
// a <Parse>) and the validation files built on them (PETRARCH-FORMATS.md §2.1, §2.2 and §14).
//
// Read returns the file as a sequence of items in document order: records, <Config> elements between
// records and <Stop/>; the validation <Environment> is returned separately. Stories groups records
// into story.Story values and converts their parses into dependency trees through a ParseConverter.
//
// Malformed input never stops the reader: a record with a missing or bad attribute, or a stretch of
// XML that does not parse, is reported as an *Error naming the file and line, and the reader resumes
// at the next <Sentence>, <Config> or <Stop> element.
package petrarch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/dict"
)

// ParseKind says what a record's <Parse> holds.
type ParseKind int

const (
	ParseNone   ParseKind = iota // no <Parse>, or an empty one
	ParsePTB                     // a Penn Treebank bracketed tree (§2.1)
	ParseCoNLLU                  // CoNLL-U word lines (§2.2)
)

// Coding is one <EventCoding> expectation of a validation record (§14).
type Coding struct {
	Source, Target, Event string // expected codes; empty when the element is noevents or error
	NoEvents              bool   // noevents="True": the record must produce no event
	Error                 string // error="...": the condition that must fire (e.g. "sentencediscard")
	Line                  int    // 1-based line of the element
}

// Record is one <Sentence> element.
type Record struct {
	Line     int    // 1-based line of the <Sentence> start tag
	ID       string // full id, e.g. "AFP0808020625_4" or "DEMO-00"
	StoryID  string // the id before the last '_'; the whole id when it has none (§2.1, §15)
	SentNo   int    // the number after the last '_'; 1 when the id has none or it is not a number
	Date     time.Time
	Source   string // source attribute; "" when absent
	Category string // category attribute, else the source attribute (UniversalPetrarch files, §2.2)
	// SentenceMode is true for sentence="true" in any case; false selects story mode (§2.1).
	SentenceMode bool
	// Valid is the PETRARCH-1 valid attribute; true when absent (§14 Decision).
	Valid     bool
	Text      string    // <Text>, with line breaks and runs of spaces folded to single spaces, trimmed
	Parse     string    // <Parse> as written (trimmed)
	ParseKind ParseKind // what Parse holds
	ParseLine int       // 1-based line of the <Parse> start tag; 0 when absent
	Codings   []Coding  // the <EventCoding> elements
	Skip      bool      // a <Skip/> element inside the record
	badDate   bool
}

// Config is a <Config option="..." value="..."/> element (§3, §14).
type Config struct {
	Option, Value string
	Line          int
}

// Item is one element of the file in document order: exactly one of Record, Config and Stop is set.
type Item struct {
	Record *Record
	Config *Config
	Stop   bool // a <Stop/> element (outside any record)
	Line   int
}

// Environment is the <Environment> element of a validation file (§14). File names are as written,
// relative to the dictionary directory.
type Environment struct {
	Verbfile    string
	Actorfiles  []string // <Actorfile> elements, in order; a comma-separated list is split
	Agentfile   string
	Discardfile string
	Issuefile   string
	Include     []string // categories to run; empty means all
	Exclude     []string
	Pause       string
	Config      []Config // <Config> elements inside <Environment>
	Line        int
}

// File is the content of one PETRARCH XML file.
type File struct {
	Name        string       // the name given to Read, used in errors
	Environment *Environment // nil when the file has none
	Items       []Item
}

// Records returns the file's records in document order.
func (f *File) Records() []*Record {
	var out []*Record
	for _, it := range f.Items {
		if it.Record != nil {
			out = append(out, it.Record)
		}
	}
	return out
}

// Error is one problem of the input, at a line of a file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadFile reads the PETRARCH XML file at path; see Read. The error is non-nil only when the file
// cannot be opened or read.
func ReadFile(path string) (*File, []error, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	f, problems := Read(data, path)
	return f, problems, nil
}

var resyncRe = regexp.MustCompile(`<(Sentence|Config|Stop)[\s/>]`)

// Read parses the XML document data. name labels errors (a file path). It returns every readable
// record and element and the problems met (each an *Error with the line); a malformed stretch of
// the document costs only the record it is in.
func Read(data []byte, name string) (*File, []error) {
	r := &reader{file: &File{Name: name}, name: name}
	offset, baseLine := 0, 0
	for offset < len(data) {
		end, err := r.decode(data[offset:], baseLine)
		if err == nil {
			break
		}
		// Resume at the next record-level element after the failure.
		failAt := offset + end
		if failAt <= offset {
			failAt = offset + 1
		}
		if r.open != nil && r.openStart >= 0 && offset+r.openStart >= failAt {
			failAt = offset + r.openStart + 1
		}
		reportErr := r.open != nil || !isStrayEnd(err)
		if reportErr {
			line := baseLine + 1
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = baseLine + se.Line
			}
			what := "malformed XML"
			if r.open != nil {
				what = fmt.Sprintf("malformed XML in record starting at line %d (record skipped)", r.open.Line)
			}
			r.errorf(line, "%s: %v", what, stripXMLPrefix(err))
		}
		r.open = nil
		loc := resyncRe.FindIndex(data[failAt:])
		if loc == nil {
			break
		}
		next := failAt + loc[0]
		baseLine += bytes.Count(data[offset:next], []byte{'\n'})
		offset = next
	}
	return r.file, r.errs
}

func isStrayEnd(err error) bool {
	return strings.Contains(err.Error(), "unexpected end element")
}

func stripXMLPrefix(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

type reader struct {
	file      *File
	name      string
	errs      []error
	open      *Record // the record being read, nil outside records
	openStart int     // byte offset of the open record's start tag in the current chunk
}

func (r *reader) errorf(line int, format string, args ...any) {
	r.errs = append(r.errs, &Error{File: r.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// decode reads tokens from chunk until the end or the first syntax error; it returns the byte offset
// reached and the error.
func (r *reader) decode(chunk []byte, baseLine int) (int, error) {
	d := xml.NewDecoder(bytes.NewReader(chunk))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.AutoClose = nil
	line := func() int { l, _ := d.InputPos(); return baseLine + l }
	var env *Environment
	var field *strings.Builder // collects character data of the current leaf element
	var fieldName string
	var fieldLine int
	r.open = nil
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return int(d.InputOffset()), nil
		}
		if err != nil {
			return int(d.InputOffset()), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "Sentence":
				rec := &Record{Line: line(), Valid: true}
				r.open, r.openStart = rec, int(start)
				r.attrs(rec, t.Attr)
			case name == "EventCoding" && r.open != nil:
				r.open.Codings = append(r.open.Codings, coding(t.Attr, line()))
			case name == "Skip" && r.open != nil:
				r.open.Skip = true
			case name == "Text" || name == "Parse" || (env != nil && isEnvField(name)):
				field, fieldName, fieldLine = &strings.Builder{}, name, line()
			case name == "Config":
				c := Config{Line: line()}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "option":
						c.Option = strings.TrimSpace(a.Value)
					case "value":
						c.Value = strings.TrimSpace(a.Value)
					}
				}
				if env != nil {
					env.Config = append(env.Config, c)
				} else if r.open == nil {
					r.file.Items = append(r.file.Items, Item{Config: &c, Line: c.Line})
				}
			case name == "Stop" && r.open == nil && env == nil:
				r.file.Items = append(r.file.Items, Item{Stop: true, Line: line()})
			case name == "Environment":
				env = &Environment{Line: line()}
			}
		case xml.CharData:
			if field != nil {
				field.Write(t)
			}
		case xml.EndElement:
			name := t.Name.Local
			switch {
			case field != nil && name == fieldName:
				r.setField(env, fieldName, field.String(), fieldLine)
				field = nil
			case name == "Sentence" && r.open != nil:
				r.finish(r.open)
				r.open = nil
			case name == "Environment" && env != nil:
				r.file.Environment = env
				env = nil
			}
		}
	}
}

func isEnvField(name string) bool {
	switch name {
	case "Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile", "Include", "Exclude", "Pause", "Errorfile":
		return true
	}
	return false
}

func (r *reader) setField(env *Environment, name, text string, line int) {
	if env != nil && r.open == nil {
		v := strings.TrimSpace(text)
		switch name {
		case "Verbfile":
			env.Verbfile = v
		case "Actorfile":
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					env.Actorfiles = append(env.Actorfiles, p)
				}
			}
		case "Agentfile":
			env.Agentfile = v
		case "Discardfile":
			env.Discardfile = v
		case "Issuefile":
			env.Issuefile = v
		case "Include":
			env.Include = strings.Fields(v)
		case "Exclude":
			env.Exclude = strings.Fields(v)
		case "Pause":
			env.Pause = v
		}
		return
	}
	if r.open == nil {
		return
	}
	switch name {
	case "Text":
		r.open.Text = strings.Join(strings.Fields(text), " ")
	case "Parse":
		r.open.Parse = strings.TrimSpace(text)
		r.open.ParseLine = line
		r.open.ParseKind = parseKind(r.open.Parse)
	}
}

func parseKind(p string) ParseKind {
	switch {
	case p == "":
		return ParseNone
	case strings.HasPrefix(p, "("):
		return ParsePTB
	default:
		return ParseCoNLLU
	}
}

func coding(attrs []xml.Attr, line int) Coding {
	c := Coding{Line: line}
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "sourcecode":
			c.Source = v
		case "targetcode":
			c.Target = v
		case "eventcode":
			c.Event = v
		case "noevents":
			c.NoEvents = strings.EqualFold(v, "true")
		case "error":
			c.Error = v
		}
	}
	return c
}

func (r *reader) attrs(rec *Record, attrs []xml.Attr) {
	var date string
	haveDate := false
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		switch a.Name.Local {
		case "id":
			rec.ID = v
		case "date":
			date, haveDate = v, true
		case "source":
			rec.Source = v
		case "category":
			rec.Category = v
		case "sentence":
			rec.SentenceMode = strings.EqualFold(v, "true")
		case "valid":
			rec.Valid = strings.EqualFold(v, "true")
		}
	}
	if rec.Category == "" {
		rec.Category = rec.Source
	}
	if haveDate {
		d, err := ParseDate(date)
		if err != nil {
			r.errorf(rec.Line, "record %q: %v (record skipped)", rec.ID, err)
			rec.badDate = true
		}
		rec.Date = d
	}
	rec.StoryID, rec.SentNo = SplitID(rec.ID)
}

// finish validates a complete record and appends it to the file, or reports why it is skipped.
func (r *reader) finish(rec *Record) {
	if rec.ID == "" {
		r.errorf(rec.Line, "record has no id attribute (record skipped)")
		return
	}
	if rec.badDate {
		return
	}
	if rec.Date.IsZero() {
		r.errorf(rec.Line, "record %q has no valid date attribute (record skipped)", rec.ID)
		return
	}
	r.file.Items = append(r.file.Items, Item{Record: rec, Line: rec.Line})
}

// SplitID splits a PETRARCH sentence id at its last '_' into story id and sentence number
// (PETRARCH-FORMATS.md §2.1, §15): "AFP0808020625_4" → ("AFP0808020625", 4). An id without '_', or
// whose part after it is not a number, is a story id whose record is sentence 1.
func SplitID(id string) (storyID string, sentNo int) {
	i := strings.LastIndexByte(id, '_')
	if i < 0 {
		return id, 1
	}
	n, err := strconv.Atoi(id[i+1:])
	if err != nil || n < 0 {
		return id, 1
	}
	return id[:i], n
}

// ParseDate reads a PETRARCH date: YYYYMMDD, or YYMMDD (YY 00-30 → 20YY, else 19YY), checked against
// the calendar (§2.1; dict.ParseDate). The result is midnight UTC.
func ParseDate(s string) (time.Time, error) {
	n, err := dict.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date: %v", err)
	}
	return time.Date(n/10000, time.Month(n/100%100), n%100, 0, 0, 0, 0, time.UTC), nil
}
