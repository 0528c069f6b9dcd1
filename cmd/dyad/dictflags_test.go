package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// TestWrongDictionaryFile checks that a file given as a dictionary from which nothing usable is
// read (a story, an empty file) is an error naming the file, for the commands that code (exit 1,
// nothing coded) and for 'dyad dict check'. Binary data fails earlier: TestBinaryDictionaryFlags.
func TestWrongDictionaryFile(t *testing.T) {
	dir := t.TempDir()
	story := writeDict(t, dir, "story.txt", "France praised Germany on Tuesday.\nThe talks went on.\n")
	empty := writeDict(t, dir, "empty.txt", "# nothing but a comment\n")
	goodActors := writeDict(t, dir, "actors.txt", "FRANCE [FRA]\n")
	for _, tc := range []struct {
		files dict.Files
		bad   string
		want  string
	}{
		{dict.Files{Verbs: story}, story, "no verbs read"},
		{dict.Files{Actors: []string{story}}, story, "no coded actors read"},
		{dict.Files{Actors: []string{goodActors, story}}, story, "no coded actors read"},
		{dict.Files{Agents: story}, story, "no agents read"},
		{dict.Files{Discards: empty}, empty, "no discard phrases read"},
		{dict.Files{Discards: story}, story, "no discard phrases read"},
		{dict.Files{Issues: story}, story, "no issue phrases read"},
	} {
		var err error
		stderr := captureStderr(t, func() { _, err = loadForCoding(tc.files) })
		if !errors.Is(err, errInputFailed) {
			t.Errorf("%+v: err = %v, want errInputFailed", tc.files, err)
		}
		if want := "dyad: " + tc.bad + ": error: " + tc.want; !strings.Contains(stderr, want) {
			t.Errorf("%+v: stderr lacks %q:\n%s", tc.files, want, stderr)
		}
		var out bytes.Buffer
		df := &dictFlags{verbs: tc.files.Verbs, actors: tc.files.Actors, agents: tc.files.Agents,
			discards: tc.files.Discards, issues: tc.files.Issues}
		if err := runDictCheck(&out, df); !errors.Is(err, errInputFailed) {
			t.Errorf("dict check %+v: err = %v, want errInputFailed", tc.files, err)
		}
		if want := tc.bad + ": error: " + tc.want; !strings.Contains(out.String(), want) {
			t.Errorf("dict check %+v: output lacks %q:\n%s", tc.files, want, out.String())
		}
	}
	// The good actor file alone is accepted.
	if _, err := loadForCoding(dict.Files{Actors: []string{goodActors}}); err != nil {
		t.Errorf("good actor file: %v", err)
	}
}

// TestConfigWithoutDictionaries checks that a configuration naming no dictionary files is
// warned about by the coding commands as by 'dyad dict check', and Dyad's defaults are used.
func TestConfigWithoutDictionaries(t *testing.T) {
	ini := writeDict(t, t.TempDir(), "bad.ini", "[Options]\nrequire_dyad = true\n")
	var set *dict.Set
	var err error
	stderr := captureStderr(t, func() { set, err = loadForCoding(dict.Files{Config: ini}) })
	if err != nil {
		t.Fatal(err)
	}
	if set.Verbs == nil || len(set.Verbs.Forms) == 0 {
		t.Error("the default verbs were not loaded")
	}
	for _, want := range []string{
		"dyad: " + ini + ": warning: the configuration names no dictionary files",
		"Dyad's defaults are used",
		"dyad: the dictionaries have 1 problem: 0 errors, 1 warning; run 'dyad dict check'",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestNotConfigFile checks that a story given to --config fails with an error naming the file
// (exit 1) in the coding commands and dict check, instead of coding with Dyad's defaults.
func TestNotConfigFile(t *testing.T) {
	story := writeDict(t, t.TempDir(), "story.txt", "France praised Germany on Tuesday.\nThe talks went on.\n")
	want := "dyad: " + story + ": not a PETR_config.ini file: no [Dictionaries] or [Options] key that PETRARCH reads"
	var err error
	stderr := captureStderr(t, func() { _, err = loadForCoding(dict.Files{Config: story}) })
	if !errors.Is(err, errInputFailed) || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("err = %v, stderr\n%s\nwant errInputFailed and one line\n%s ...", err, stderr, want)
	}
	var out bytes.Buffer
	stderr = captureStderr(t, func() { err = runDictCheck(&out, &dictFlags{config: story}) })
	if !errors.Is(err, errInputFailed) || !strings.HasPrefix(stderr, want) {
		t.Errorf("dict check: err = %v, stderr\n%s\nwant errInputFailed and\n%s ...", err, stderr, want)
	}
}

func TestProblemSummary(t *testing.T) {
	for _, tc := range []struct {
		n, errs int
		want    string
	}{
		{0, 0, "0 problems: 0 errors, 0 warnings"},
		{1, 1, "1 problem: 1 error, 0 warnings"},
		{1, 0, "1 problem: 0 errors, 1 warning"},
		{579, 22, "579 problems: 22 errors, 557 warnings"},
	} {
		if got := problemSummary(tc.n, tc.errs); got != tc.want {
			t.Errorf("problemSummary(%d, %d) = %q, want %q", tc.n, tc.errs, got, tc.want)
		}
	}
}

// TestMissingDictionaryFiles checks that each dictionary file that cannot be opened is reported
// on its own "dyad: PATH: ..." line (dict.Load joins their errors).
func TestMissingDictionaryFiles(t *testing.T) {
	dir := t.TempDir()
	v, a := filepath.Join(dir, "v.txt"), filepath.Join(dir, "a.txt")
	var err error
	stderr := captureStderr(t, func() { _, err = loadForCoding(dict.Files{Verbs: v, Actors: []string{a}}) })
	if !errors.Is(err, errInputFailed) {
		t.Errorf("err = %v, want errInputFailed", err)
	}
	want := "dyad: " + v + ": no such file or directory\ndyad: " + a + ": no such file or directory\n"
	if stderr != want {
		t.Errorf("stderr\n%s\nwant\n%s", stderr, want)
	}
}

// TestConfigMissingDictionary checks that a dictionary file named by --config that cannot be
// read is reported with the configuration key that named it and the flag that overrides it,
// in the coding commands and in dict check; a file given by a flag is reported plainly.
func TestConfigMissingDictionary(t *testing.T) {
	dir := t.TempDir()
	ini := writeDict(t, dir, "cfg.ini", "[Dictionaries]\nverbfile_name = nothere.txt\nagentfile_name = agents.txt\n")
	want := "dyad: " + filepath.Join(dir, "nothere.txt") + ": no such file or directory (named by verbfile_name in cfg.ini; give --verbs FILE)\n" +
		"dyad: " + filepath.Join(dir, "agents.txt") + ": no such file or directory (named by agentfile_name in cfg.ini; give --agents FILE)\n"
	var err error
	stderr := captureStderr(t, func() { _, err = loadForCoding(dict.Files{Config: ini}) })
	if !errors.Is(err, errInputFailed) || stderr != want {
		t.Errorf("err = %v, stderr\n%s\nwant errInputFailed and\n%s", err, stderr, want)
	}
	var out bytes.Buffer
	stderr = captureStderr(t, func() { err = runDictCheck(&out, &dictFlags{config: ini}) })
	if !errors.Is(err, errInputFailed) || stderr != want {
		t.Errorf("dict check: err = %v, stderr\n%s\nwant errInputFailed and\n%s", err, stderr, want)
	}
	// --verbs overrides verbfile_name: its missing file is the user's own.
	v := filepath.Join(dir, "v.txt")
	stderr = captureStderr(t, func() { _, err = loadForCoding(dict.Files{Config: ini, Verbs: v}) })
	if want := "dyad: " + v + ": no such file or directory\n"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr\n%s\nwant first\n%s", stderr, want)
	}
}
