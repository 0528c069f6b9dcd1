package dict

import (
	"os"
	"strings"
	"testing"
)

func TestVerbForms(t *testing.T) {
	for _, tc := range []struct{ base, third, past, gerund string }{
		{"ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"},
		{"ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"},
		{"ARGUE", "ARGUES", "ARGUED", "ARGUING"},
		{"SUE", "SUES", "SUED", "SUING"},
		{"SEE", "SEES", "SEED", "SEEING"},
		{"DENY", "DENIES", "DENIED", "DENYING"},
		{"PLAY", "PLAYS", "PLAYED", "PLAYING"},
		{"TIE", "TIES", "TIED", "TYING"},
		{"PUSH", "PUSHES", "PUSHED", "PUSHING"},
	} {
		third, past, gerund := verbForms(tc.base)
		if third != tc.third || past != tc.past || gerund != tc.gerund {
			t.Errorf("verbForms(%s) = %s %s %s, want %s %s %s", tc.base, third, past, gerund, tc.third, tc.past, tc.gerund)
		}
	}
}

func TestLoadWarnsOnConfigWithoutDictionaries(t *testing.T) {
	path := t.TempDir() + "/PETR_config.ini"
	if err := os.WriteFile(path, []byte("[Options]\nrequire_dyad = False\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Files{Config: path})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range s.Problems {
		if p.File == path && strings.Contains(p.Msg, "names no dictionary files") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for a configuration without dictionaries: %v", s.Problems)
	}
	if s.Verbs == nil || s.Actors == nil {
		t.Error("defaults not loaded")
	}
}
