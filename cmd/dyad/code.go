package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/output"
	"github.com/dyad-events/dyad/story"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type codeFlags struct {
	format       string
	input        string
	date         string
	workers      int
	dedup        string
	requireDyad  bool
	storyContext bool
	dupStories   bool
	progress     bool
	timeout      time.Duration
	maxBytes     int
	dict         *dictFlags
}

func init() {
	cf := &codeFlags{}
	cmd := &cobra.Command{
		Use:   "code [flags] [PATH|URL|-]...",
		Short: "Code stories into events (the main job)",
		Long: `Code reads stories — text files with optional YAML front matter, JSONL stories, HTML
pages, RSS/Atom feeds, PETRARCH XML, CoNLL-U; directories; http(s) URLs; "-" for standard
input (the default) — and writes one event per line: JSONL (default), CSV, or TSV in the
PETRARCH2 evts layout. Output order is the input order whatever the number of workers.

Exit status: 0 when every input was read, 1 when some input failed (the others are still
coded and their events written; a folder without any story counts as failed: "DIR: no stories
found"), 2 for bad usage.`,
		RunE: func(cmd *cobra.Command, args []string) error { return runCode(cmd, cf, args) },
	}
	fl := cmd.Flags()
	fl.StringVar(&cf.format, "format", "jsonl", "output format: jsonl, csv, or tsv (PETRARCH2 evts layout)")
	fl.StringVar(&cf.input, "input", "auto", "input format: auto, text, jsonl, html, rss, petrarch-xml, conllu")
	fl.StringVar(&cf.date, "date", "", "date (YYYY-MM-DD) for stories that carry none (default: today)")
	fl.IntVarP(&cf.workers, "workers", "j", 0, "stories coded at once (default: number of CPUs)")
	fl.StringVar(&cf.dedup, "dedup", "story", "event de-duplication: story (one per source, target, code per story), day (one per date, source, target, code), none")
	fl.BoolVar(&cf.requireDyad, "require-dyad", true, "drop events without both a source and a target")
	fl.BoolVar(&cf.storyContext, "story-context", true, "bind \"the diplomat\", \"the government\" and pronouns to actors of earlier sentences")
	fl.BoolVar(&cf.dupStories, "skip-duplicates", true, "code near-duplicate stories (wire copies) once; the copies are listed on standard error")
	fl.BoolVar(&cf.progress, "progress", true, "show a progress line on standard error when it is a terminal")
	fl.DurationVar(&cf.timeout, "timeout", ingest.DefaultFetchTimeout, "time limit for each URL")
	fl.IntVar(&cf.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "size cap of a URL body, HTML page or feed, in bytes")
	cf.dict = addDictFlags(cmd)
	rootCmd.AddCommand(cmd)
}

func runCode(cmd *cobra.Command, cf *codeFlags, args []string) error {
	w, err := output.New(cf.format, os.Stdout)
	if err != nil {
		return usagef("%v", err)
	}
	var defaultDate time.Time
	if cf.date != "" {
		defaultDate, err = time.Parse("2006-01-02", cf.date)
		if err != nil {
			return usagef("--date %q: want YYYY-MM-DD", cf.date)
		}
	}
	mode, err := ingest.ParseDedupMode(cf.dedup)
	if err != nil {
		return usagef("%v", err)
	}
	if !validInput(cf.input) {
		return usagef("--input %q: want one of %s", cf.input, strings.Join(inputFormats, ", "))
	}
	if cf.workers < 0 {
		return usagef("-j %d: want a positive number of workers", cf.workers)
	}
	if err := checkFetchFlags(cf.timeout, cf.maxBytes); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	// Stories of the readers ingest does not own (CoNLL-U files, PETRARCH XML records without a
	// date) may come without a date: they take --date, else today, with a warning naming them as
	// ingest's own readers give.
	storyDate := defaultDate
	if storyDate.IsZero() {
		storyDate = time.Now().UTC().Truncate(24 * time.Hour)
	}

	set, err := loadForCoding(cf.dict.files())
	if err != nil {
		return err
	}
	opts := dyad.DefaultOptions()
	opts.Set = set
	opts.Coder.RequireDyad = cf.requireDyad
	opts.Coder.StoryContext = cf.storyContext
	// The coder's one-a-story filter is the story level of --dedup; day and none are applied here.
	opts.Coder.OneAStory = mode == ingest.DedupStory
	if cf.workers > 0 {
		opts.Workers = cf.workers
	}
	if opts.Set.Config != nil && !cmd.Flags().Changed("require-dyad") {
		opts.Coder.RequireDyad = opts.Set.Config.RequireDyad
	}
	p, err := dyad.New(opts)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	iopts := ingest.Options{Format: cf.input, DefaultDate: defaultDate, Readers: dyad.Readers(),
		Fetch: ingest.FetchOptions{Timeout: cf.timeout, MaxBytes: cf.maxBytes}}
	if cf.dupStories {
		iopts.Dedup = ingest.NewDeduper(ingest.DedupOptions{})
	}

	// ingest.Read pushes stories; the pipeline pulls them.
	stories := make(chan *story.Story, 64)
	var readFailed int
	var readErr error
	dirs := newStoryDirs(args)
	go func() {
		defer close(stories)
		readFailed, readErr = ingest.Read(ctx, args, iopts, func(st *story.Story) error {
			dirs.saw(st.Origin)
			select {
			case stories <- st:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(err error) { warnf("%v", err) })
	}()

	var bar *progress
	if cf.progress && term.IsTerminal(int(os.Stderr.Fd())) {
		bar = startProgress(os.Stderr)
	}
	// --dedup story is the coder's one-a-story filter (set above); day is applied here.
	events := ingest.NewEventDeduper(ingest.DedupNone)
	if mode == ingest.DedupDay {
		events = ingest.NewEventDeduper(ingest.DedupDay)
	}
	codeFailed := 0
	seenIDs := map[string]bool{}
	err = p.Run(func() (*story.Story, bool) {
		st, ok := <-stories
		if ok && st.Date.IsZero() {
			st.Date = storyDate
			warnNoDate(st)
		}
		return st, ok
	}, func(c dyad.Coded) error {
		// Story warnings were already reported through ingest's warn callback.
		if seenIDs[c.Story.ID] {
			warnf("%s: story id %q is used by an earlier story too; its event ids repeat", storyName(c.Story), c.Story.ID)
		}
		seenIDs[c.Story.ID] = true
		for _, pr := range c.Result.Problems {
			warnf("%s: %s", storyName(c.Story), pr)
			codeFailed++
		}
		for i := range c.Result.Events {
			e := &c.Result.Events[i]
			if !events.Keep(e) {
				continue
			}
			if err := w.Write(e); err != nil {
				return err
			}
		}
		if bar != nil {
			bar.add()
		}
		// The near-duplicate detector keeps the story value; free its text and trees.
		c.Story.Text, c.Story.Sentences = "", nil
		return nil
	})
	if bar != nil {
		bar.finish()
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	// Drain the reader if the pipeline stopped early (e.g. a closed output pipe).
	for range stories {
	}
	if err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	if readErr != nil {
		return readErr
	}
	readFailed += dirs.warnEmpty()
	if readFailed+codeFailed > 0 {
		return errInputFailed
	}
	return nil
}

// warnNoDate names a story that was given the default date st.Date for want of its own, in the
// form of ingest's warnings: "NAME: story "ID": no date; using 2020-01-02".
func warnNoDate(st *story.Story) {
	name := st.Origin
	if name == "" {
		name = st.ID
	}
	warnf("%s: story %q: no date; using %s", name, st.ID, st.Date.Format(time.DateOnly))
}

// inputFormats are the values of --input.
var inputFormats = []string{"auto", "text", "jsonl", "html", "rss", "petrarch-xml", "conllu"}

func validInput(f string) bool {
	for _, x := range inputFormats {
		if f == x {
			return true
		}
	}
	return false
}

// storyName names a story in messages: its origin (file, URL, path:line) and id.
func storyName(st *story.Story) string {
	if st.Origin == "" || strings.Contains(st.Origin, st.ID) {
		return st.ID
	}
	return st.Origin + " (" + st.ID + ")"
}
