package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func writeDict(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	verbs := writeDict(t, dir, "v.txt", "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET {MET MEETS MEETING}\n- * &NOPE [042]\n")
	actors := writeDict(t, dir, "a.txt", "KIM_JONG_IL_\n\t[PRKGOV >041201]\nKOREA [KORGOVBUS 2004017-20061201]\n")
	agents := writeDict(t, dir, "g.txt", "MINISTER [~GOV]\n")
	discards := writeDict(t, dir, "d.txt", "1999\n")
	issues := writeDict(t, dir, "i.txt", "n:school [SCHOOLS]\n")
	ini := writeDict(t, dir, "PETR_config.ini", "[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a.txt\n"+
		"agentfile_name = g.txt\ndiscardfile_name = d.txt\nissuefile_name = i.txt\n")

	run := func(args ...string) (string, error) {
		cmd := &cobra.Command{Use: "check", RunE: func(*cobra.Command, []string) error { return nil }}
		df := addDictFlags(cmd)
		if err := cmd.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err := runDictCheck(&out, df)
		return out.String(), err
	}
	for _, args := range [][]string{
		{"--config", ini},
		{"--verbs", verbs, "--actors", actors, "--agents", agents, "--discards", discards, "--issues", issues},
	} {
		out, err := run(args...)
		if !errors.Is(err, errInputFailed) {
			t.Errorf("%v: err = %v, want errInputFailed", args, err)
		}
		for _, want := range []string{
			verbs + ":4: error: pattern \"- * &NOPE [042]\": undefined synset &NOPE; skipped",
			actors + ":3: error: restriction [KORGOVBUS 2004017-20061201] rejected",
			"3 problems: 2 errors, 1 warning",
			actors + ":3: warning: actor phrase KOREA has no code in any actor file; ignored",
			"verbs: 0 synsets, 1 blocks, 4 verb forms (4 words), 0 patterns, 0 transformations",
			"actors: 1 phrases, 1 distinct codes",
			"issues: 2 phrases, 1 codes",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, out)
			}
		}
	}
	// A clean set exits 0.
	clean := writeDict(t, dir, "v2.txt", "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n")
	if out, err := run("--config", ini, "--verbs", clean, "--actors", agents+"x"); err == nil {
		t.Errorf("missing actor file accepted:\n%s", out)
	}
	cleanActors := writeDict(t, dir, "a2.txt", "KOREA [KOR]\n")
	if out, err := run("--config", ini, "--verbs", clean, "--actors", cleanActors); err != nil {
		t.Errorf("clean set: err = %v\n%s", err, out)
	}
}
