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
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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
// whole. Read calls it on its worker goroutines (emit and warn there only collect), so it must be
// safe for concurrent use; r is the input, decompressed, streamed whole.
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
	// KeepLoneHeadline keeps the only line of a story as its text (with a warning) even when it
	// is written as a headline, in title case or capitals and without final punctuation ("Iran
	// Warns Israel Against Strike"), in every format (plain text, JSONL, feed items, HTML); by
	// default such a story has no text and is reported (see StripChrome and docs/INGEST.md).
	// dyad parse sets it: it shows what it read.
	KeepLoneHeadline bool
	// Dedup, when non-nil, drops near-duplicate stories: a story the Deduper has seen a copy of
	// is not emitted; its id is appended to the kept story's Duplicates and a warning says so.
	// That append happens on the goroutine that called Read, after the kept story was emitted:
	// read Duplicates after Read returns, or synchronise.
	Dedup *Deduper
	// FeedArticles fetches the page each feed item links to and reads its main text instead of
	// the item's summary (see ReadFeed).
	FeedArticles bool
	// Workers is how many inputs (files, URLs) are read at once; stories are still emitted in
	// input order, from the calling goroutine. 0 means GOMAXPROCS; 1 reads on the calling
	// goroutine only.
	Workers int
	// HTMLFallback lets trafilatura compare its result with go-readability and
	// go-domdistiller: better recall on odd pages, about half the speed.
	HTMLFallback bool
	// MaxHTMLBytes caps the HTML that the extractor reads from one page, in bytes of UTF-8; a
	// longer page is cut there with a warning and its first part read. The extractor's time
	// grows with the square of a page's paragraph count, so the cap keeps any page to seconds.
	// 0 means DefaultMaxHTMLBytes.
	MaxHTMLBytes int
	// MaxStoryBytes caps the text of one story, in bytes: Read cuts a longer Story.Text (at a
	// line or sentence end) with a warning naming the story, so that coding one story needs
	// bounded memory. Stories that come with sentences (PETRARCH XML, CoNLL-U) are not cut.
	// 0 means DefaultMaxStoryBytes.
	MaxStoryBytes int
}

// DefaultMaxStoryBytes is the default of Options.MaxStoryBytes: 1 MiB of text, some 150,000
// words. Coding holds every sentence of a story with its tree and the coder's per-sentence
// state at once, about 10 KB a sentence (350 MB for 1 MB of short sentences), so memory grows
// with the longest story; news stories are a few KB.
const DefaultMaxStoryBytes = 1 << 20

func (o Options) maxStoryBytes() int {
	if o.MaxStoryBytes > 0 {
		return o.MaxStoryBytes
	}
	return DefaultMaxStoryBytes
}

// capText returns the first part of text, at most limit bytes (limit > 0): up to the last line
// end within the limit when that keeps more than half of it, else the last sentence end (". ",
// "! ", "? "), else a UTF-8 character boundary. The result is a copy, so that the long text
// can be freed.
func capText(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	head := text[:limit]
	cut := -1
	if i := strings.LastIndexByte(head, '\n'); i >= limit/2 {
		cut = i + 1
	} else if i := max(strings.LastIndex(head, ". "), strings.LastIndex(head, "! "), strings.LastIndex(head, "? ")); i >= limit/2 {
		cut = i + 1
	} else {
		cut = limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.Clone(text[:cut])
}

// DefaultMaxHTMLBytes is the default of Options.MaxHTMLBytes: 2 MiB, about 3 CPU-seconds of
// extraction for a page of short paragraphs.
const DefaultMaxHTMLBytes = 2 << 20

func (o Options) maxHTMLBytes() int {
	if o.MaxHTMLBytes > 0 {
		return o.MaxHTMLBytes
	}
	return DefaultMaxHTMLBytes
}

// sizeText writes a size in bytes for messages: "10 MB", "2.5 MB", "256 KB", "900 bytes"
// (MB and KB of 1,048,576 and 1,024 bytes).
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
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

// ErrNoDate is wrapped by the warning about a story that has no date of its own and takes
// Options.DefaultDate ("no date; using 2020-01-02"); callers that do not use dates (dyad parse)
// can leave those warnings out with errors.Is.
var ErrNoDate = errors.New("no date")

func inputErr(name string, line int, format string, args ...any) error {
	return &InputError{Name: name, Line: line, Err: fmt.Errorf(format, args...)}
}

// emitError wraps an error of the caller's emit, which stops reading.
type emitError struct{ err error }

func (e emitError) Error() string { return e.err.Error() }
func (e emitError) Unwrap() error { return e.err }

// Read reads every input — file paths, directories (walked in lexical order, taking only files
// whose extension names a known format, skipping hidden ones), http(s) URLs (an input with
// another scheme, such as ftp://, that is not an existing file fails as "unsupported URL scheme
// ftp"), and "-" for standard input — and calls emit for each story, in input order and, within an input, in
// file order, always from the calling goroutine (files and URLs are read ahead on
// Options.Workers goroutines). Each problem goes to warn as an *InputError naming the input (and
// line for JSONL and front matter), except that the failed records of a JSONL input beyond the
// first MaxErrorsPerInput are summed up in one *MoreErrors; the other inputs go on. failed counts the inputs or records
// that could not be read. err is non-nil only when emit returned an error (that error) or ctx
// was cancelled; reading stops then.
func Read(ctx context.Context, inputs []string, opts Options, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	if warn == nil {
		warn = func(error) {}
	}
	r := &reader{ctx: ctx, opts: opts, warn: warn, userEmit: emit}
	if r.opts.DefaultDate.IsZero() {
		r.opts.DefaultDate = today()
	}
	r.opts.Fetch = r.opts.Fetch.withDefaults()
	workers := opts.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > 1 {
		return r.readParallel(ctx, inputs, workers)
	}
	err = enumerate(ctx, inputs, r.opts.Format, func(j *job) error { return r.run(ctx, j) })
	var ee emitError
	if errors.As(err, &ee) {
		err = ee.err
	}
	return r.failed, err
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

type reader struct {
	ctx      context.Context // for the article pages of feeds
	opts     Options
	warn     func(error)
	userEmit func(*story.Story) error
	failed   int
}

// emit passes a story through the size cap and near-duplicate detection and on to the caller.
func (r *reader) emit(s *story.Story) error {
	if len(s.Sentences) == 0 && len(s.Text) > r.opts.maxStoryBytes() {
		n := len(s.Text)
		s.Text = capText(s.Text, r.opts.maxStoryBytes())
		e := &InputError{Name: s.Origin, Err: fmt.Errorf("story %q: text cut at %s (it has %d bytes); the rest is not read", s.ID, sizeText(r.opts.maxStoryBytes()), n)}
		s.Warnings = append(s.Warnings, e.Error())
		r.warn(e)
	}
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

// A job is one input to read: a file, a URL, standard input, or an input that could not even be
// opened (err).
type job struct {
	name   string
	url    bool
	stream bool  // read by the calling goroutine, streaming: standard input and JSONL files
	err    error // stat or walk error
	done   chan *collected
}

// enumerate walks the inputs in order — directories in lexical order, keeping files whose
// extension names a format and skipping hidden ones — and calls do for each job, stopping at its
// first error.
func enumerate(ctx context.Context, inputs []string, format string, do func(*job) error) error {
	streamed := func(p string) bool {
		return format == FormatJSONL || ((format == "" || format == FormatAuto) && formatByExt(p) == FormatJSONL)
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = do(&job{name: in, stream: true})
		case isURL(in):
			err = do(&job{name: in, url: true})
		default:
			fi, serr := os.Stat(in)
			switch {
			case serr != nil && urlScheme(in) != "":
				err = do(&job{name: in, err: fmt.Errorf("unsupported URL scheme %s (http and https are read)", urlScheme(in))})
			case serr != nil:
				err = do(&job{name: in, err: statError(in, serr)})
			case !fi.IsDir():
				err = do(&job{name: in, stream: streamed(in)})
			default:
				err = filepath.WalkDir(in, func(p string, d fs.DirEntry, werr error) error {
					if werr != nil {
						return do(&job{name: p, err: unwrapPathError(werr)})
					}
					if cerr := ctx.Err(); cerr != nil {
						return cerr
					}
					if p != in && strings.HasPrefix(d.Name(), ".") {
						if d.IsDir() {
							return filepath.SkipDir
						}
						return nil
					}
					if d.IsDir() || formatByExt(p) == "" {
						return nil
					}
					if !d.Type().IsRegular() {
						// A symbolic link to a file is read; other special files are not. A
						// link to nothing is a failed input: the user expects its story.
						fi, err := os.Stat(p)
						if err != nil {
							return do(&job{name: p, err: statError(p, err)})
						}
						if !fi.Mode().IsRegular() {
							return nil
						}
					}
					return do(&job{name: p, stream: streamed(p)})
				})
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// run reads one job, emitting its stories.
func (r *reader) run(ctx context.Context, j *job) error {
	switch {
	case j.err != nil:
		r.fail(inputErr(j.name, 0, "%v", j.err))
		return nil
	case j.name == "-":
		return r.stdin()
	case j.url:
		data, ctype, err := Fetch(ctx, j.name, r.opts.Fetch)
		if err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && errors.Is(err, ErrBodyCut) && len(data) > 0 {
			r.warn(err) // the first part of the body is read
		} else if err != nil {
			r.fail(err)
			return nil
		}
		if len(data) >= r.opts.Fetch.MaxBytes {
			r.warn(inputErr(j.name, 0, "body cut at %s (--max-bytes)", sizeText(r.opts.Fetch.MaxBytes)))
		}
		return r.data(j.name, data, ctype)
	}
	return r.file(j.name)
}

// stdin reads standard input: streamed when it is JSONL, else whole.
func (r *reader) stdin() error {
	src, err := maybeGunzip(os.Stdin)
	if err != nil {
		r.fail(inputErr("-", 0, "%v", err))
		return nil
	}
	br := bufio.NewReaderSize(src, 64<<10)
	head, _ := br.Peek(8192)
	format := r.opts.Format
	if format == "" || format == FormatAuto {
		format = Detect("-", head)
	}
	if format == FormatJSONL {
		return r.jsonl("-", br)
	}
	data, err := io.ReadAll(br)
	if err != nil && !r.partial("-", src, data, err) {
		return nil
	}
	return r.data("-", data, "")
}

// partial handles an error met after reading data from src: with nothing read the input fails
// (false); otherwise a warning says the input is cut there and its first part is read (true).
// A truncated gzip file is named as such ("bad gzip data: unexpected EOF").
func (r *reader) partial(name string, src io.Reader, data []byte, err error) bool {
	err = readError(src, err)
	if len(bytes.TrimSpace(data)) == 0 {
		r.fail(inputErr(name, 0, "%v", err))
		return false
	}
	r.warn(inputErr(name, 0, "%v after %d bytes; reading the part before", err, len(data)))
	return true
}

// collected is what a worker read from one job, replayed in order by the calling goroutine.
type collected struct {
	items  []collectedItem
	failed int
	err    error
}

type collectedItem struct {
	s    *story.Story
	warn error
}

// readParallel reads files and URLs on workers goroutines and emits their stories in input order
// from the calling goroutine (so emit, warn and the Deduper need no locking). Standard input and
// JSONL files are streamed by the calling goroutine when their turn comes.
func (r *reader) readParallel(ctx context.Context, inputs []string, workers int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	order := make(chan *job, 4*workers)
	work := make(chan *job, 2*workers)
	var wg sync.WaitGroup
	defer wg.Wait()
	var enumErr error
	wg.Add(1)
	go func() { // producer
		defer wg.Done()
		defer close(order)
		defer close(work)
		enumErr = enumerate(ctx, inputs, r.opts.Format, func(j *job) error {
			parallel := !j.stream && j.err == nil
			if parallel {
				j.done = make(chan *collected, 1)
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if parallel {
				select {
				case work <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				c := &collected{}
				if ctx.Err() == nil {
					sub := &reader{ctx: ctx, opts: r.opts,
						warn:     func(e error) { c.items = append(c.items, collectedItem{warn: e}) },
						userEmit: func(s *story.Story) error { c.items = append(c.items, collectedItem{s: s}); return nil },
					}
					sub.opts.Dedup = nil // applied in order by the calling goroutine
					c.err = sub.run(ctx, j)
					c.failed = sub.failed
				}
				j.done <- c
			}
		}()
	}
	for j := range order {
		var err error
		if j.done == nil {
			err = r.run(ctx, j)
		} else {
			c := <-j.done
			r.failed += c.failed
			for _, it := range c.items {
				if it.warn != nil {
					r.warn(it.warn)
				} else if err = r.emit(it.s); err != nil {
					break
				}
			}
			if err == nil {
				err = c.err
			}
		}
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			var ee emitError
			if errors.As(err, &ee) {
				err = ee.err
			}
			cancel()
			for range order { // let the producer finish
			}
			return r.failed, err
		}
	}
	if enumErr != nil {
		return r.failed, enumErr
	}
	return r.failed, nil
}

// statError is the error of os.Stat(p) without the path, naming the target of a dangling
// symbolic link ("symbolic link to /x/a.txt: no such file or directory").
func statError(p string, err error) error {
	err = unwrapPathError(err)
	if target, lerr := os.Readlink(p); lerr == nil {
		return fmt.Errorf("symbolic link to %s: %v", target, err)
	}
	return err
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file reads one file: JSONL and the caller's Readers stream it, HTML and feeds are read up to
// Fetch.MaxBytes, text whole. Gzip files are decompressed whatever their name.
func (r *reader) file(path string) error {
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
	br := bufio.NewReaderSize(src, 64<<10)
	format := r.opts.Format
	if format == "" || format == FormatAuto {
		head, _ := br.Peek(8192)
		format = Detect(path, head)
	}
	switch format {
	case FormatJSONL:
		return r.jsonl(path, br)
	case FormatHTML, FormatRSS:
		data, err := readCapped(br, r.opts.Fetch.MaxBytes)
		if err != nil && !r.partial(path, src, data, err) {
			return nil
		}
		if len(data) >= r.opts.Fetch.MaxBytes {
			r.warn(inputErr(path, 0, "input cut at %s (--max-bytes)", sizeText(r.opts.Fetch.MaxBytes)))
		}
		return r.dataAs(path, data, "", format)
	case FormatText:
		data, err := io.ReadAll(br)
		if err != nil && !r.partial(path, src, data, err) {
			return nil
		}
		return r.dataAs(path, data, "", format)
	case "":
		r.fail(inputErr(path, 0, "binary data, not a story (--input forces a format)"))
		return nil
	}
	return r.external(path, br, format)
}

// external hands an input to the caller's reader for its format.
func (r *reader) external(name string, src io.Reader, format string) error {
	rf := r.opts.Readers[format]
	if rf == nil {
		r.fail(inputErr(name, 0, "input format %q is not read by ingest", format))
		return nil
	}
	n, err := rf(name, src, r.emit, r.warn)
	var ie *InputError
	if err != nil && !errors.As(err, &ie) && !errors.As(err, new(emitError)) {
		err = &InputError{Name: name, Err: err}
	}
	return r.settle(n, err)
}

// settle adds the n records a reader could not read to the failed count and settles its error:
// the caller's own emit error is returned unwrapped (reading stops), any other error fails the
// input and reading goes on.
func (r *reader) settle(n int, err error) error {
	r.failed += n
	if err == nil {
		return nil
	}
	var ee emitError
	if errors.As(err, &ee) {
		return ee.err
	}
	r.fail(err)
	return nil
}

// data reads one whole input already in memory.
func (r *reader) data(name string, data []byte, contentType string) error {
	d, err := gunzipBytes(data, r.opts.Fetch.MaxBytes)
	if err != nil && !r.partial(name, nil, d, err) {
		return nil
	}
	data = d
	format := r.opts.Format
	if format == "" || format == FormatAuto {
		format = detectWithType(name, data, contentType)
	}
	return r.dataAs(name, data, contentType, format)
}

// dataAs reads one whole input in the given format. An empty input (nothing but white space) of
// ingest's own formats gives a warning and no story; it is not a failure.
func (r *reader) dataAs(name string, data []byte, contentType, format string) error {
	switch format {
	case FormatText, FormatHTML, FormatRSS, FormatJSONL:
		if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
			r.warn(inputErr(name, 0, "empty input; no story"))
			return nil
		}
	}
	switch format {
	case FormatText:
		if is16, _ := declaredUTF16(data, contentType); is16 && !isUTF16(data) {
			// UTF-16 by the Content-Type only: add the byte order mark ReadText goes by.
			bom := []byte{0xff, 0xfe}
			if _, big := declaredUTF16(data, contentType); big {
				bom = []byte{0xfe, 0xff}
			}
			data = append(bom, data...)
		}
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
		if s.URL == "" && isURL(name) {
			s.URL = name // fetched from there; front matter may say otherwise
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
		return r.settle(readFeed(r.ctx, name, data, contentType, r.opts, r.emit, r.warn))
	case "":
		r.fail(inputErr(name, 0, "binary data, not a story (--input forces a format)"))
		return nil
	}
	return r.external(name, bytes.NewReader(data), format)
}

// jsonl streams a JSONL input; one without any record (empty, or blank lines only) gives a
// warning, as an empty file of another format does.
func (r *reader) jsonl(name string, src io.Reader) error {
	stories := 0
	emit := func(s *story.Story) error { stories++; return r.emit(s) }
	n, err := ReadJSONL(name, src, r.opts, emit, r.warn)
	if err != nil {
		return r.settle(n, err)
	}
	r.failed += n
	if stories == 0 && n == 0 {
		r.warn(inputErr(name, 0, "empty input; no story"))
	}
	return nil
}

// urlScheme returns the scheme of s when s looks like a URL ("ftp" for "ftp://example.org/x":
// letters, digits, "+", "-", "." after a letter, then "://"), else "".
func urlScheme(s string) string {
	i := strings.Index(s, "://")
	if i <= 0 {
		return ""
	}
	for j, c := range s[:i] {
		letter := ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
		if !letter && (j == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return strings.ToLower(s[:i])
}

// isURL reports an http or https URL (scheme in any case, as url.Parse reads it).
func isURL(s string) bool {
	sc := urlScheme(s)
	return sc == "http" || sc == "https"
}
