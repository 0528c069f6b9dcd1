package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
	"github.com/spf13/cobra"
)

// newTestCodeFlags returns the flags of 'dyad code' at their defaults, with one worker.
func newTestCodeFlags() *codeFlags {
	return &codeFlags{format: "jsonl", input: "auto", dedup: "story", workers: 1, requireDyad: true,
		storyContext: true, dupStories: true, timeout: ingest.DefaultFetchTimeout,
		maxBytes: ingest.DefaultMaxBytes, dict: &dictFlags{}}
}

// TestCodeNoDate checks that every story coded with the default date for want of its own is
// named once on standard error, from ingest's readers (a text file without front matter) and
// from the others (a CoNLL-U file), and that the events carry that date.
func TestCodeNoDate(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	conllu := filepath.Join(dir, "b.conllu")
	if err := os.WriteFile(text, []byte("France praised Germany.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conllu, []byte("# sent_id = 1\n# text = France praised Germany.\n"+
		"1\tFrance\tFrance\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_\n"+
		"3\tGermany\tGermany\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cf := newTestCodeFlags()
	cf.date = "2020-01-02"
	cf.dupStories = false // the two stories have the same text
	var err error
	stdout, stderr := captureOutput(t, func() { err = runCode(&cobra.Command{}, cf, []string{text, conllu}) })
	if err != nil {
		t.Fatalf("err %v; stderr:\n%s", err, stderr)
	}
	want := "dyad: " + text + ": story \"a\": no date; using 2020-01-02\n" +
		"dyad: " + conllu + ": story \"b\": no date; using 2020-01-02\n"
	if stderr != want {
		t.Errorf("stderr\n%s\nwant\n%s", stderr, want)
	}
	if n := strings.Count(stdout, `"date":"2020-01-02"`); n != 2 || strings.Count(stdout, "\n") != 2 {
		t.Errorf("want two events dated 2020-01-02:\n%s", stdout)
	}
}

// TestCodeEmptyDir checks that a folder without any story (empty, or holding no file of a story
// format) is a failed input named on standard error, in dyad code and dyad ingest, while a
// folder with a story is not.
func TestCodeEmptyDir(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "emptydir")
	other := filepath.Join(dir, "images")
	full := filepath.Join(dir, "stories")
	for _, d := range []string{empty, other, full} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(other, "photo.png"), []byte("\x89PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "a.txt"), []byte("France praised Germany.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "dyad: " + empty + ": no stories found\ndyad: " + other + ": no stories found\n"
	cf := newTestCodeFlags()
	cf.date = "2020-01-02"
	var err error
	stdout, stderr := captureOutput(t, func() { err = runCode(&cobra.Command{}, cf, []string{empty, full, other}) })
	if !errors.Is(err, errInputFailed) || !strings.HasSuffix(stderr, want) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("code: err = %v, stdout\n%s\nstderr\n%s\nwant errInputFailed, one event and\n%s", err, stdout, stderr, want)
	}
	stdout, stderr = captureOutput(t, func() {
		err = runIngest(context.Background(), os.Stdout, &ingestFlags{input: "auto", date: "2020-01-02"}, []string{empty, full, other})
	})
	if !errors.Is(err, errInputFailed) || !strings.HasSuffix(stderr, want) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("ingest: err = %v, stdout\n%s\nstderr\n%s\nwant errInputFailed, one story and\n%s", err, stdout, stderr, want)
	}
	// A folder with a story, given as ".", is not reported.
	t.Chdir(full)
	stdout, stderr = captureOutput(t, func() { err = runCode(&cobra.Command{}, cf, []string{"."}) })
	if err != nil || strings.Contains(stderr, "no stories found") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("code .: err = %v, stdout\n%s\nstderr\n%s", err, stdout, stderr)
	}
}
