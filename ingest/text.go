package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/dyad-events/dyad/story"
)

// ReadText reads one plain-text story (ARCHITECTURE.md, "Story input"): optional YAML front
// matter between "---" lines with the keys title, date, url, outlet or publisher, and id (other
// keys such as date_note, license, notes or source are ignored), then the body. name is the
// file path ("-" for standard input); the story id defaults to the file name without its
// extension(s). Text with a UTF-16 byte order mark is transcoded to UTF-8. The body is kept byte
// for byte except that invalid UTF-8 and NUL bytes become U+FFFD (with a warning naming the
// first such line) and, unless opts.KeepChrome, site chrome lines are dropped and a leading
// headline (title case or capitals, no final punctuation) becomes the Title (see StripChrome).
//
// Problems are returned as warnings (*InputError with the file line where known) and recorded in
// Story.Warnings: front matter that is not valid YAML or not closed (the story is kept with
// what could be read), a missing or unreadable date (the story gets opts.DefaultDate, or today
// when it is zero). The story is nil only when nothing is left to code (an empty body, or one
// whose only line is a headline, unless opts.KeepLoneHeadline); the returned warnings then say
// why.
func ReadText(name string, data []byte, opts Options) (*story.Story, []error) {
	s := &story.Story{ID: storyID(name), Origin: name}
	var warns []error
	warn := func(line int, format string, args ...any) {
		e := inputErr(name, line, format, args...)
		warns = append(warns, e)
		s.Warnings = append(s.Warnings, e.Error())
	}
	if isUTF16(data) {
		var ok bool
		if data, ok = fromUTF16(data); !ok {
			warn(0, "broken UTF-16 text: bad characters replaced by U+FFFD")
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body := data
	var fm []byte
	fmLine := 0 // file line of the first front-matter line
	if first, rest, ok := cutLine(data); ok && isFence(first) {
		end, after, closed := findFence(rest)
		if closed {
			fm, body, fmLine = rest[:end], after, 2
		} else {
			warn(1, "front matter opened with --- is not closed; reading the file as text")
		}
	}
	var rawDate string
	dateLine := 0
	if fm != nil {
		meta, err := parseFrontMatter(fm, fmLine)
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				warn(ie.Line, "front matter: %v; its keys are ignored", ie.Err)
			} else {
				warn(fmLine, "front matter: %v; its keys are ignored", err)
			}
		}
		for _, kv := range meta {
			switch kv.key {
			case "title":
				s.Title = cleanLine(kv.value)
			case "date":
				rawDate, dateLine = kv.value, kv.line
			case "url":
				s.URL = cleanURL(kv.value)
			case "outlet", "publisher":
				if s.Publisher == "" || kv.key == "publisher" {
					s.Publisher = cleanLine(kv.value)
				}
			case "id":
				if id := strings.TrimSpace(kv.value); id != "" {
					s.ID = id
				}
			}
		}
	}
	bodyLine := 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n")) // file line of the body's first line
	raw := string(body)
	text, bad := validUTF8(raw)
	if bad {
		warn(bodyLine+firstInvalidLine(raw)-1, "story %q: invalid UTF-8 replaced by U+FFFD", s.ID)
	}
	if t, line := replaceNUL(text); line > 0 {
		text = t
		warn(bodyLine+line-1, "story %q: NUL bytes replaced by U+FFFD", s.ID)
	}
	cleaned, dateline, lone := cleanStory(s, text, opts.KeepChrome, opts.KeepLoneHeadline)
	if lone != "" {
		// Headlines drop the auxiliaries of passives ("Three Soldiers Killed In Afghan Attack"),
		// which would be coded as active: a story that is only a headline is not coded.
		if !opts.KeepLoneHeadline {
			warn(0, "story %q has no text: %s", s.ID, loneHeadlineProblem(s, lone, false))
			return nil, warns
		}
		warn(0, "story %q: %s", s.ID, loneHeadlineProblem(s, lone, true))
	}
	text = cleaned
	s.Text = text
	if strings.TrimSpace(text) == "" {
		warn(0, "story %q has no text", s.ID)
		return nil, warns
	}
	s.Date = resolveDate(rawDate, dateline, opts.DefaultDate, func(format string, args ...any) {
		warn(dateLine, "story %q: "+format, append([]any{s.ID}, args...)...)
	})
	return s, warns
}

// resolveDate picks a story date: the given date when readable, else a dateline date, else
// def (today when zero). warn is called when raw is given but cannot be read, or is partial,
// and when the story has no date at all ("no date; using 2020-01-02"): every story that takes
// def is named (README, --date).
func resolveDate(raw, dateline string, def time.Time, warn func(format string, args ...any)) time.Time {
	if def.IsZero() {
		def = today()
	}
	raw = strings.TrimSpace(raw)
	if raw != "" {
		t, prec, ok := ParseDate(raw)
		if ok {
			if prec != PrecisionDay {
				warn("date %q gives only the %s; using %s", raw, prec, t.Format(time.DateOnly))
			}
			return t
		}
	}
	if dateline != "" {
		if t, prec, ok := ParseDate(dateline); ok && prec == PrecisionDay {
			return t
		}
	}
	if raw != "" {
		warn("date %q is unreadable; using %s", raw, def.Format(time.DateOnly))
	} else {
		warn("%w; using %s", ErrNoDate, def.Format(time.DateOnly))
	}
	return def
}

// storyID is the file name without directory and extension(s) (".txt", ".txt.gz"), prefixed
// by its folder's name for "index" and "default" pages ("world-index"); "stdin" for "-"; for a
// URL, a slug of its host and path.
func storyID(name string) string {
	if name == "-" {
		return "stdin"
	}
	if isURL(name) {
		return urlID(name)
	}
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, ".gz")
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	// Saved sites hold many "index.html": the folder tells them apart.
	switch strings.ToLower(base) {
	case "index", "default":
		if dir := filepath.Base(filepath.Dir(name)); dir != "." && dir != string(filepath.Separator) {
			return dir + "-" + base
		}
	}
	return base
}

var nonSlug = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// urlID turns a URL into an id: host and path, runs of other characters replaced by "-",
// at most 120 bytes.
func urlID(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimSuffix(u, "/")
	id := strings.Trim(nonSlug.ReplaceAllString(u, "-"), "-")
	if len(id) > 120 {
		id = id[len(id)-120:]
	}
	return id
}

// cleanURL drops placeholders such as "unknown" (the seed story's url).
func cleanURL(u string) string {
	u = strings.TrimSpace(u)
	switch strings.ToLower(u) {
	case "", "unknown", "none", "n/a", "null", "-":
		return ""
	}
	return u
}

func cleanLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cutLine splits data after its first line (without the line end).
func cutLine(data []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return data, nil, len(data) > 0
	}
	return data[:i], data[i+1:], true
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

// findFence finds the closing "---" (or "...") line: end is the length of the front matter in
// rest, after the body after the fence line.
func findFence(rest []byte) (end int, after []byte, ok bool) {
	off := 0
	for off <= len(rest) {
		line, tail, more := cutLine(rest[off:])
		t := string(bytes.TrimRight(line, " \t\r"))
		if t == "---" || t == "..." {
			return off, tail, true
		}
		if !more || tail == nil {
			break
		}
		off += len(line) + 1
	}
	return 0, nil, false
}

type metaKV struct {
	key, value string
	line       int // file line
}

// parseFrontMatter decodes a YAML mapping of scalar values; firstLine is the file line of the
// first front-matter line, so that errors name file lines. Non-scalar values are skipped with
// an error naming their line; decoding errors return what was read before them.
func parseFrontMatter(fm []byte, firstLine int) ([]metaKV, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return nil, yamlError(err, firstLine)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, &InputError{Line: firstLine + m.Line - 1, Err: fmt.Errorf("not a mapping of keys to values")}
	}
	var out []metaKV
	var firstErr error
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode {
			if firstErr == nil && isKnownKey(k.Value) {
				firstErr = &InputError{Line: firstLine + v.Line - 1, Err: fmt.Errorf("%q is not a single value", k.Value)}
			}
			continue
		}
		if v.Tag == "!!null" {
			continue
		}
		out = append(out, metaKV{key: strings.ToLower(k.Value), value: v.Value, line: firstLine + v.Line - 1})
	}
	return out, firstErr
}

func isKnownKey(k string) bool {
	switch strings.ToLower(k) {
	case "title", "date", "url", "outlet", "publisher", "id":
		return true
	}
	return false
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns "yaml: line 3: msg" into an *InputError with the file line.
func yamlError(err error, firstLine int) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &InputError{Line: firstLine + n - 1, Err: errors.New("invalid YAML: " + msg[len(m[0]):])}
	}
	return &InputError{Line: firstLine, Err: errors.New("invalid YAML: " + strings.TrimPrefix(msg, "yaml: "))}
}

// headlineCase reports a line written as a headline: at least two words, and every word of four
// or more letters starting with a capital ("Three Soldiers Killed In Afghan Attack", "CHINA WARNS
// TAIWAN").
func headlineCase(line string) bool {
	words, long := 0, 0
	for _, w := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if utf8.RuneCountInString(w) >= 4 {
			long++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return words >= 2 && long > 0
}
