package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/dyad-events/dyad/dict"
	"github.com/spf13/cobra"
)

// dictFlags are the dictionary flags shared by every command that loads dictionaries
// (PETRARCH-FORMATS.md §3–§10). Empty flags take the file named by --config, else Dyad's
// embedded default dictionaries.
type dictFlags struct {
	config   string
	verbs    string
	actors   []string
	agents   string
	discards string
	issues   string
}

// addDictFlags registers --config --verbs --actors --agents --discards --issues on cmd.
func addDictFlags(cmd *cobra.Command) *dictFlags {
	df := &dictFlags{}
	fl := cmd.Flags()
	fl.StringVar(&df.config, "config", "", "PETR_config.ini naming the dictionaries (paths relative to its folder)")
	fl.StringVar(&df.verbs, "verbs", "", "verb dictionary, CAMEO.2.0 syntax")
	fl.StringSliceVar(&df.actors, "actors", nil, "actor dictionaries, comma-separated or repeated, read in order")
	fl.StringVar(&df.agents, "agents", "", "agent dictionary")
	fl.StringVar(&df.discards, "discards", "", "discard list")
	fl.StringVar(&df.issues, "issues", "", "issue dictionary")
	return df
}

// files returns the dictionary files named by the flags.
func (df *dictFlags) files() dict.Files {
	return dict.Files{
		Config:   df.config,
		Verbs:    df.verbs,
		Actors:   df.actors,
		Agents:   df.agents,
		Discards: df.discards,
		Issues:   df.issues,
	}
}

// load reads the dictionaries named by the flags (see loadDicts).
func (df *dictFlags) load() (*dict.Set, error) {
	set, _, err := loadDicts(df.files())
	return set, err
}

// loadDicts reads the dictionaries named by files (see dict.Load) and adds to Set.Problems an
// error for every file the user named (by flag or through the configuration) from which nothing
// usable was read (see emptyDicts); empty is that list. err is non-nil when a named file cannot
// be read.
func loadDicts(files dict.Files) (set *dict.Set, empty []dict.Problem, err error) {
	set, err = dict.Load(files)
	if err != nil || set == nil {
		return set, nil, err
	}
	empty = emptyDicts(set, files.WithConfig(set.Config))
	set.Problems = append(set.Problems, empty...)
	return set, empty, nil
}

// loadForCoding is loadDicts for the commands that code with the dictionaries (code, eval events,
// validate). On standard error it prints the configuration's warnings about the whole file (such
// as "names no dictionary files; Dyad's defaults are used"), every file that yielded nothing,
// and the count of all problems with a pointer to 'dyad dict check'. err is the read error, or
// errInputFailed when a file yielded nothing usable: such a set must not be used for coding.
func loadForCoding(files dict.Files) (*dict.Set, error) {
	set, empty, err := loadDicts(files)
	if err != nil {
		return set, warnLoadErrors(err, files, set.Config)
	}
	if files.Config != "" {
		for _, p := range set.Problems {
			if p.File == files.Config && p.Line == 0 {
				warnf("%s", p)
			}
		}
	}
	for _, p := range empty {
		warnf("%s", p)
	}
	if n := len(set.Problems); n > 0 {
		warnf("the dictionaries have %s; run 'dyad dict check' with the same flags to list them", problemSummary(n, set.Errors()))
	}
	if len(empty) > 0 {
		return set, errInputFailed
	}
	return set, nil
}

// emptyDicts returns an error Problem (line 0) for every file of files from which the set got
// no usable entry: a verb dictionary without verbs, an actor file without any coded actor, an
// agent, discard or issue file without entries — a story, a binary file or an empty file given
// in place of a dictionary, whose lines were all rejected or absent. Empty fields (Dyad's
// defaults) are not checked.
func emptyDicts(set *dict.Set, files dict.Files) []dict.Problem {
	var out []dict.Problem
	add := func(file, what, kind string) {
		out = append(out, dict.Problem{File: file, Severity: dict.Error,
			Msg: fmt.Sprintf("no %s read: not %s, or all its lines were rejected", what, kind)})
	}
	if files.Verbs != "" && (set.Verbs == nil || len(set.Verbs.Forms) == 0) {
		add(files.Verbs, "verbs", "a verb dictionary")
	}
	if len(files.Actors) > 0 {
		coded := map[string]int{}
		for _, a := range set.Actors.All() {
			for _, c := range a.Codes {
				coded[c.Pos.File]++
			}
		}
		seen := map[string]bool{}
		for _, f := range files.Actors {
			if coded[f] == 0 && !seen[f] {
				add(f, "coded actors", "an actor dictionary")
			}
			seen[f] = true
		}
	}
	if files.Agents != "" && set.Agents.Len() == 0 {
		add(files.Agents, "agents", "an agent dictionary")
	}
	if files.Discards != "" && set.Discards.Len() == 0 {
		add(files.Discards, "discard phrases", "a discard list")
	}
	if files.Issues != "" && set.Issues.Len() == 0 {
		add(files.Issues, "issue phrases", "an issue dictionary")
	}
	return out
}

// problemSummary writes "1 problem: 1 error, 0 warnings", "579 problems: 22 errors, 557
// warnings" for n problems of which errs are errors.
func problemSummary(n, errs int) string {
	return fmt.Sprintf("%s: %s, %s", plural(n, "problem"), plural(errs, "error"), plural(n-errs, "warning"))
}

// plural writes "1 error", "2 errors", "0 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// warnErrors prints each error joined in err (errors.Join, as dict.Load returns one per file
// that cannot be read) on its own "dyad: " line — a file error as "dyad: PATH: no such file or
// directory" — and returns errInputFailed.
func warnErrors(err error) error { return warnLoadErrors(err, dict.Files{}, nil) }

// warnLoadErrors is warnErrors for the errors of dict.Load(files) whose configuration c (nil
// without --config) named some of the files: an error about such a file says which key of which
// configuration named it and the flag that overrides it, as dyad validate does: "dyad:
// dicts/v.txt: no such file or directory (named by verbfile_name in cfg.ini; give --verbs FILE)".
func warnLoadErrors(err error, files dict.Files, c *dict.Config) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var pe *fs.PathError
		if errors.As(e, &pe) {
			warnf("%s: %v%s", pe.Path, pe.Err, configOrigin(pe.Path, files, c))
		} else {
			warnf("%v", e)
		}
	}
	return errInputFailed
}

// configOrigin returns " (named by KEY in CONFIG; give FLAG FILE)" when path is a dictionary
// file that the configuration c names (resolved against its folder, as dict.Load does) for a
// field that files (the flags) leave empty; else "".
func configOrigin(path string, files dict.Files, c *dict.Config) string {
	if c == nil {
		return ""
	}
	named := dict.Files{}.WithConfig(c)
	for _, k := range []struct {
		key, flag string
		paths     []string
		given     bool
	}{
		{"verbfile_name", "--verbs", []string{named.Verbs}, files.Verbs != ""},
		{"actorfile_list", "--actors", named.Actors, len(files.Actors) > 0},
		{"agentfile_name", "--agents", []string{named.Agents}, files.Agents != ""},
		{"discardfile_name", "--discards", []string{named.Discards}, files.Discards != ""},
		{"issuefile_name", "--issues", []string{named.Issues}, files.Issues != ""},
	} {
		if k.given {
			continue
		}
		for _, p := range k.paths {
			if p != "" && p == path {
				return fmt.Sprintf(" (named by %s in %s; give %s FILE)", k.key, filepath.Base(c.File), k.flag)
			}
		}
	}
	return ""
}
