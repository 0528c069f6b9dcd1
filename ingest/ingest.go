// Package ingest reads news stories into story.Story values: plain text with YAML front matter,
// JSONL stories, HTML pages (main text and metadata through go-trafilatura), RSS and Atom feeds
// (gofeed), from files, directories, standard input or http(s) URLs (ARCHITECTURE.md, "Story
// input"). It cleans what it reads — valid UTF-8, site chrome dropped, dates resolved with a
// fallback — and finds near-duplicate stories (Deduper) and duplicate events (EventDeduper).
//
// It knows nothing of NLP or coding: its output is Story values with ID, Title, Text, Date, URL,
// Publisher, Origin and Warnings filled; Sentences are left empty.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad/story"
)

// Formats that ingest reads itself. "auto" picks one per input with Detect.
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatHTML  = "html"
	FormatRSS   = "rss" // RSS 0.9x/1.0/2.0, Atom and JSON Feed
	// Formats Detect recognises but ingest does not read; Options.Readers may supply them.
	FormatPetrarchXML = "petrarch-xml"
	FormatCoNLLU      = "conllu"
)

// ReaderFunc reads one input of a format ingest does not handle itself (PETRARCH XML, CoNLL-U).
// name is the input's name (path, "-" or URL); it emits stories and warns as Read does and
// returns the number of records it could not read. A non-nil error means the input failed as a
// whole.
type ReaderFunc func(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (failed int, err error)

// Options configure Read.
type Options struct {
	// Format is auto|text|jsonl|html|rss, or a key of Readers; "" means auto.
	Format string
	// DefaultDate is the date of stories without a readable one (ARCHITECTURE.md, "Story
	// input"); the zero value means today (UTC).
	DefaultDate time.Time
	// Fetch configures http(s) inputs and caps the size of HTML and feed inputs.
	Fetch FetchOptions
	// Readers handles other formats (e.g. "petrarch-xml", "conllu"), keyed by format name.
	Readers map[string]ReaderFunc
	// KeepChrome keeps site chrome lines ("Accessibility links", "Share", bylines) in
	// Story.Text; by default they are dropped (see StripChrome).
	KeepChrome bool
	// Dedup, when non-nil, drops near-duplicate stories: a story the Deduper has seen a copy of
	// is not emitted; its id is appended to the kept story's Duplicates and a warning says so.
	Dedup *Deduper
	// HTMLFallback lets trafilatura compare its result with go-readability and
	// go-domdistiller: better recall on odd pages, about half the speed.
	HTMLFallback bool
}

// InputError is a problem with one input or one record of it. Its text is
// "NAME: problem" or "NAME:LINE: problem", the form cmd/dyad prints after "dyad: ".
type InputError struct {
	Name string // path, "-" or URL
	Line int    // 1-based line, 0 when not known or not relevant
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

func inputErr(name string, line int, format string, args ...any) error {
	return &InputError{Name: name, Line: line, Err: fmt.Errorf(format, args...)}
}

// emitError wraps an error of the caller's emit, which stops reading.
type emitError struct{ err error }

func (e emitError) Error() string { return e.err.Error() }
func (e emitError) Unwrap() error { return e.err }

// Read reads every input — file paths, directories (walked in lexical order, taking only files
// whose extension names a known format, skipping hidden ones), http(s) URLs, and "-" for
// standard input — and calls emit for each story, in input order and, within an input, in
// file order. Each problem goes to warn as an *InputError naming the input (and line for JSONL
// and front matter); the other inputs go on. failed counts the inputs or records that could
// not be read. err is non-nil only when emit returned an error or ctx was cancelled; reading
// stops then.
func Read(ctx context.Context, inputs []string, opts Options, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	if warn == nil {
		warn = func(error) {}
	}
	r := &reader{opts: opts, warn: warn, userEmit: emit}
	if r.opts.DefaultDate.IsZero() {
		r.opts.DefaultDate = today()
	}
	r.opts.Fetch = r.opts.Fetch.withDefaults()
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return r.failed, err
		}
		if err := r.input(ctx, in); err != nil {
			return r.failed, err
		}
	}
	return r.failed, nil
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

type reader struct {
	opts     Options
	warn     func(error)
	userEmit func(*story.Story) error
	failed   int
}

// emit passes a story through near-duplicate detection and on to the caller.
func (r *reader) emit(s *story.Story) error {
	if r.opts.Dedup != nil {
		if kept, sim, dup := r.opts.Dedup.Add(s); dup {
			r.warn(&InputError{Name: s.Origin, Err: fmt.Errorf("story %q is a near-duplicate of %q (similarity %.2f); skipped", s.ID, kept.ID, sim)})
			return nil
		}
	}
	if err := r.userEmit(s); err != nil {
		return emitError{err}
	}
	return nil
}

// fail reports a failed input or record.
func (r *reader) fail(err error) {
	r.failed++
	r.warn(err)
}

func (r *reader) input(ctx context.Context, in string) error {
	switch {
	case in == "-":
		data, err := io.ReadAll(os.Stdin)
		if err != nil {
			r.fail(inputErr("-", 0, "%v", err))
			return nil
		}
		return r.data(in, data, "")
	case isURL(in):
		data, ctype, err := Fetch(ctx, in, r.opts.Fetch)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			r.fail(err)
			return nil
		}
		if len(data) >= r.opts.Fetch.MaxBytes {
			r.warn(inputErr(in, 0, "body cut at %d bytes (Fetch.MaxBytes)", r.opts.Fetch.MaxBytes))
		}
		return r.data(in, data, ctype)
	}
	fi, err := os.Stat(in)
	if err != nil {
		r.fail(inputErr(in, 0, "%v", unwrapPathError(err)))
		return nil
	}
	if !fi.IsDir() {
		return r.file(in)
	}
	return filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			r.fail(inputErr(p, 0, "%v", unwrapPathError(err)))
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		name := d.Name()
		if p != in && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatByExt(p) == "" {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link to a file is read; other special files are not.
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		}
		return r.file(p)
	})
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) file(path string) error {
	format := r.format(path, nil)
	if format == FormatJSONL {
		// JSONL is streamed: dumps can be larger than memory.
		f, err := os.Open(path)
		if err != nil {
			r.fail(inputErr(path, 0, "%v", unwrapPathError(err)))
			return nil
		}
		defer f.Close()
		src, err := maybeGunzip(f)
		if err != nil {
			r.fail(inputErr(path, 0, "%v", err))
			return nil
		}
		return r.jsonl(path, src)
	}
	data, err := readFileCapped(path, r.opts.Fetch.MaxBytes, format)
	if err != nil {
		r.fail(inputErr(path, 0, "%v", err))
		return nil
	}
	if format == FormatHTML || format == FormatRSS || format == FormatAuto {
		if len(data) >= r.opts.Fetch.MaxBytes {
			r.warn(inputErr(path, 0, "input cut at %d bytes (Fetch.MaxBytes)", r.opts.Fetch.MaxBytes))
		}
	}
	return r.data(path, data, "")
}

// readFileCapped reads a file, ungzipping it when it starts with the gzip magic. HTML and
// feed inputs are capped at max bytes (a truncated page still yields its first part); text
// inputs are read whole.
func readFileCapped(path string, max int, format string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	src, err := maybeGunzip(f)
	if err != nil {
		return nil, err
	}
	if format == FormatHTML || format == FormatRSS || format == FormatAuto {
		return readCapped(src, max)
	}
	return io.ReadAll(src)
}

// format resolves the format of an input: Options.Format unless auto.
func (r *reader) format(name string, head []byte) string {
	f := r.opts.Format
	if f == "" || f == FormatAuto {
		if head == nil {
			if e := formatByExt(name); e != "" && e != "xml" {
				return e
			}
			return FormatAuto // decide on content
		}
		return Detect(name, head)
	}
	return f
}

// data reads one whole input already in memory.
func (r *reader) data(name string, data []byte, contentType string) error {
	if d, err := gunzipBytes(data, r.opts.Fetch.MaxBytes); err != nil {
		r.fail(inputErr(name, 0, "%v", err))
		return nil
	} else {
		data = d
	}
	format := r.opts.Format
	if format == "" || format == FormatAuto {
		format = detectWithType(name, data, contentType)
	}
	switch format {
	case FormatText:
		if isBinary(data) {
			r.fail(inputErr(name, 0, "binary data, not a text story"))
			return nil
		}
		s, warns := ReadText(name, data, r.opts)
		for _, w := range warns {
			r.warn(w)
		}
		if s == nil {
			r.failed++
			return nil
		}
		return r.emit(s)
	case FormatJSONL:
		return r.jsonl(name, bytes.NewReader(data))
	case FormatHTML:
		s, warns, err := ReadHTML(name, data, contentType, r.opts)
		for _, w := range warns {
			r.warn(w)
		}
		if err != nil {
			r.fail(err)
			return nil
		}
		return r.emit(s)
	case FormatRSS:
		n, err := ReadFeed(name, data, contentType, r.opts, r.emit, r.warn)
		r.failed += n
		if err != nil {
			var ee emitError
			if errors.As(err, &ee) {
				return ee.err
			}
			r.fail(err)
		}
		return nil
	case "":
		r.fail(inputErr(name, 0, "cannot tell the input format (use --input)"))
		return nil
	}
	if rf := r.opts.Readers[format]; rf != nil {
		n, err := rf(name, bytes.NewReader(data), r.emit, r.warn)
		r.failed += n
		if err != nil {
			var ee emitError
			if errors.As(err, &ee) {
				return ee.err
			}
			r.fail(&InputError{Name: name, Err: err})
		}
		return nil
	}
	r.fail(inputErr(name, 0, "input format %q is not read by ingest", format))
	return nil
}

func (r *reader) jsonl(name string, src io.Reader) error {
	n, err := ReadJSONL(name, src, r.opts, r.emit, r.warn)
	r.failed += n
	if err != nil {
		var ee emitError
		if errors.As(err, &ee) {
			return ee.err
		}
		r.fail(err)
	}
	return nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
