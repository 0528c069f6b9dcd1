package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/story"
)

// ingestRecord is a story as `dyad ingest` prints it: the JSONL story input format
// (ARCHITECTURE.md, "Story input") plus where it was read, its copies and its warnings.
type ingestRecord struct {
	ID         string   `json:"id"`
	Date       string   `json:"date"`
	Title      string   `json:"title"`
	Text       string   `json:"text"`
	URL        string   `json:"url"`
	Publisher  string   `json:"publisher"`
	Origin     string   `json:"origin"`
	Duplicates []string `json:"duplicates,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
}

// ingestFlags are the flags of `dyad ingest`.
type ingestFlags struct {
	input, date         string
	skipDup, keepChrome bool
	feedArticles        bool
	timeout             time.Duration
	maxBytes            int
}

func init() {
	f := &ingestFlags{}
	c := &cobra.Command{
		Use:   "ingest [flags] [PATH|URL|-]...",
		Short: "Print stories as JSONL, as dyad code reads them (clean text, title, date, URL)",
		Long: `Reads stories as 'dyad code' does — text files with optional YAML front matter, JSONL
stories, HTML pages, RSS/Atom feeds; directories; http(s) URLs; "-" for standard input (the
default) — and prints one JSON object per story: {"id", "date", "title", "text", "url",
"publisher", "origin"}, with "duplicates" and "warnings" when there are any. The output is
valid JSONL story input, so a folder of saved pages or a feed can be turned into a dump once and
coded many times. See docs/INGEST.md.

Exit status: 0 when every input was read, 1 when some input failed (the others are printed; a
folder without any story counts as failed: "DIR: no stories found"), 2 for bad usage.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			out := bufio.NewWriterSize(os.Stdout, 1<<16)
			defer out.Flush()
			return runIngest(ctx, out, f, args)
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.input, "input", "auto", "input format: auto, text, jsonl, html, rss")
	fl.StringVar(&f.date, "date", "", "date (YYYY-MM-DD) for stories that carry none (default: today)")
	fl.BoolVar(&f.skipDup, "skip-duplicates", false, "print near-duplicate stories (wire copies) once, listing the copies in \"duplicates\"")
	fl.BoolVar(&f.keepChrome, "keep-chrome", false, "keep site chrome lines (\"Share\", \"Breaking News\", bylines, datelines) in the text")
	fl.BoolVar(&f.feedArticles, "feed-articles", false, "read the page each feed item links to instead of the item's summary")
	fl.DurationVar(&f.timeout, "timeout", ingest.DefaultFetchTimeout, "time limit for each URL")
	fl.IntVar(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "size cap of a URL body, HTML page or feed, in bytes")
	rootCmd.AddCommand(c)
}

// runIngest reads the inputs and writes one JSON story per line to out; problems go to standard
// error. It returns errInputFailed when some input failed, a usageError for bad flags.
func runIngest(ctx context.Context, out io.Writer, f *ingestFlags, args []string) error {
	opts := ingest.Options{Format: f.input, KeepChrome: f.keepChrome, FeedArticles: f.feedArticles,
		Fetch: ingest.FetchOptions{Timeout: f.timeout, MaxBytes: f.maxBytes}}
	switch f.input {
	case "auto", "text", "jsonl", "html", "rss":
	default:
		return usagef("--input %q: want auto, text, jsonl, html or rss", f.input)
	}
	if err := checkFetchFlags(f.timeout, f.maxBytes); err != nil {
		return err
	}
	if f.date != "" {
		d, err := time.Parse(time.DateOnly, f.date)
		if err != nil {
			return usagef("--date %q: want YYYY-MM-DD", f.date)
		}
		opts.DefaultDate = d
	}
	if f.skipDup {
		opts.Dedup = ingest.NewDeduper(ingest.DedupOptions{})
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	// A kept story's duplicates are only known later: with --skip-duplicates the stories are
	// printed once every input is read.
	var held []*story.Story
	emit := func(s *story.Story) error {
		if f.skipDup {
			held = append(held, s)
			return nil
		}
		return enc.Encode(record(s))
	}
	dirs := newStoryDirs(args)
	failed, err := ingest.Read(ctx, args, opts, func(s *story.Story) error {
		dirs.saw(s.Origin)
		return emit(s)
	}, func(e error) { warnf("%v", e) })
	if err != nil {
		return err
	}
	failed += dirs.warnEmpty()
	for _, s := range held {
		if err := enc.Encode(record(s)); err != nil {
			return err
		}
	}
	if failed > 0 {
		return errInputFailed
	}
	return nil
}

// checkFetchFlags rejects a negative --timeout or --max-bytes (0 means the default) with a usage
// error; dyad ingest and dyad code share them.
func checkFetchFlags(timeout time.Duration, maxBytes int) error {
	if timeout < 0 {
		return usagef("--timeout %v: want a positive duration (0 for the default, %v)", timeout, ingest.DefaultFetchTimeout)
	}
	if maxBytes < 0 {
		return usagef("--max-bytes %d: want a positive number of bytes (0 for the default, %d)", maxBytes, ingest.DefaultMaxBytes)
	}
	return nil
}

func record(s *story.Story) ingestRecord {
	r := ingestRecord{ID: s.ID, Title: s.Title, Text: s.Text, URL: s.URL, Publisher: s.Publisher,
		Origin: s.Origin, Duplicates: s.Duplicates, Warnings: s.Warnings}
	if !s.Date.IsZero() {
		r.Date = s.Date.Format(time.DateOnly)
	}
	return r
}
