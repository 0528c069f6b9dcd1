package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/nlp/ptb"
	"github.com/spf13/cobra"
)

// validateFlags are the flags of "dyad validate".
type validateFlags struct {
	verbs, agents, discards, issues string
	actors                          []string
	internal                        string
	json                            bool
	failures                        bool
}

func newValidateCmd() *cobra.Command {
	var vf validateFlags
	cmd := &cobra.Command{
		Use:   "validate FILE.xml",
		Short: "Run PETRARCH validation records (<EventCoding> expectations) and report pass counts",
		Long: `Run the records of a PETRARCH validation file (PETRARCH-FORMATS.md §14) through Dyad's coder.

The dictionaries are those named in the file's <Environment>, resolved relative to the file's
folder; each can be overridden by a flag, and a missing one is named with the flag to give. The report gives pass counts per category and, for every
failed record, the expected and the coded events. With --json one object is printed:
{records, passed, failed, skipped, by_category}.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runValidate(cmd.OutOrStdout(), args[0], vf)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&vf.verbs, "verbs", "", "verb dictionary (CAMEO.2.0 syntax), overrides <Verbfile>")
	fl.StringSliceVar(&vf.actors, "actors", nil, "actor dictionaries, comma-separated or repeated, override <Actorfile>")
	fl.StringVar(&vf.agents, "agents", "", "agent dictionary, overrides <Agentfile>")
	fl.StringVar(&vf.discards, "discards", "", "discard list, overrides <Discardfile>")
	fl.StringVar(&vf.issues, "issues", "", "issue dictionary, overrides <Issuefile>")
	fl.StringVar(&vf.internal, "internal-codes", "", "PETRARCH internal code table (PICO); default: PETR.Internal.Coding.Ontology.txt next to FILE.xml, if present")
	fl.BoolVar(&vf.json, "json", false, "print one JSON summary object")
	fl.BoolVar(&vf.failures, "failures", true, "list failed records (text output)")
	return cmd
}

func init() { rootCmd.AddCommand(newValidateCmd()) }

func runValidate(w io.Writer, path string, vf validateFlags) error {
	f, problems, err := petrarch.ReadFile(path)
	if err != nil {
		return err
	}
	inputFailed := false
	for _, p := range problems {
		warnf("%v", p)
		inputFailed = true
	}
	if len(f.Records()) == 0 {
		// An empty or truncated file would otherwise "pass" with 0 of 0 records.
		warnf("%s: no validation records (<Sentence> elements); nothing to validate", path)
		return errInputFailed
	}
	files := eval.Files(f.Environment, filepath.Dir(path))
	if vf.verbs != "" {
		files.Verbs = vf.verbs
	}
	if len(vf.actors) > 0 {
		files.Actors = vf.actors
	}
	if vf.agents != "" {
		files.Agents = vf.agents
	}
	if vf.discards != "" {
		files.Discards = vf.discards
	}
	if vf.issues != "" {
		files.Issues = vf.issues
	}
	if missingDicts(path, files, vf) {
		return errInputFailed
	}
	set, empty, err := loadDicts(files)
	if err != nil {
		return warnErrors(err)
	}
	for _, p := range set.Problems {
		if p.Severity == dict.Error {
			warnf("%s", strings.TrimSpace(p.String()))
		}
	}
	if len(empty) > 0 {
		return errInputFailed // the records would fail for want of a dictionary
	}
	pico := vf.internal
	if pico == "" {
		if p := filepath.Join(filepath.Dir(path), "PETR.Internal.Coding.Ontology.txt"); fileExists(p) {
			pico = p
		}
	}
	var internal *coder.InternalCodes
	if pico != "" {
		fh, err := os.Open(pico)
		if err != nil {
			return err
		}
		var errs []error
		internal, errs = coder.ReadInternalCodes(fh, pico)
		fh.Close()
		for _, e := range errs {
			warnf("%v", e)
		}
	}
	rep, err := eval.Run(f, set, eval.Options{PTB: ptb.Convert, Ontology: coder.CAMEOOntology(), Internal: internal})
	if err != nil {
		return err
	}
	if vf.json {
		out := struct {
			eval.Counts
			ByCategory map[string]*eval.Counts `json:"by_category"`
		}{rep.Counts, rep.ByCategory}
		enc := json.NewEncoder(w)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		if vf.failures {
			for _, fl := range rep.Failures {
				fmt.Fprintf(w, "FAIL %s (%s, line %d)\n  text:     %s\n  expected: %s\n  coded:    %s\n",
					fl.ID, fl.Category, fl.Line, fl.Text, strings.Join(fl.Expected, "; "), orNone(fl.Coded))
				if fl.Problem != "" {
					fmt.Fprintf(w, "  problem:  %s\n", fl.Problem)
				}
			}
		}
		fmt.Fprintf(w, "%-10s %6s %6s %6s %7s\n", "category", "passed", "failed", "skipped", "rate")
		for _, c := range rep.Categories() {
			n := rep.ByCategory[c]
			fmt.Fprintf(w, "%-10s %6d %6d %6d %7s\n", c, n.Passed, n.Failed, n.Skipped, pct(n.Passed, n.Passed+n.Failed))
		}
		fmt.Fprintf(w, "%-10s %6d %6d %6d %7s   (%d records)\n", "total", rep.Passed, rep.Failed, rep.Skipped, pct(rep.Passed, rep.Passed+rep.Failed), rep.Records)
	}
	if inputFailed {
		return errInputFailed
	}
	return nil
}

// missingDicts reports on standard error, one "dyad: " line each, every dictionary file of files
// that does not exist, with the flag that gives it: the files a validation file's <Environment>
// names are resolved against its folder and are often not there (the PETRARCH distributions keep
// them elsewhere), so the message says which flag to give. It returns whether any is missing.
func missingDicts(xml string, files dict.Files, vf validateFlags) bool {
	missing := false
	check := func(p, element, flag string, overridden bool) {
		if p == "" {
			return
		}
		_, err := os.Stat(p)
		if err == nil {
			return
		}
		missing = true
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if overridden {
			warnf("%s: %v (%s)", p, err, flag)
		} else {
			warnf("%s: %v (named by %s in %s; give %s FILE)", p, err, element, filepath.Base(xml), flag)
		}
	}
	check(files.Verbs, "<Verbfile>", "--verbs", vf.verbs != "")
	for _, a := range files.Actors {
		check(a, "<Actorfile>", "--actors", len(vf.actors) > 0)
	}
	check(files.Agents, "<Agentfile>", "--agents", vf.agents != "")
	check(files.Discards, "<Discardfile>", "--discards", vf.discards != "")
	check(files.Issues, "<Issuefile>", "--issues", vf.issues != "")
	return missing
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "(none)"
	}
	return strings.Join(xs, "; ")
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
