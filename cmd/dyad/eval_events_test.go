package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestEvalEventsNotGold checks that a file without any gold event (a JSONL story file) is an
// error naming the file (exit 1) instead of precision and recall 0.000 against nothing.
func TestEvalEventsNotGold(t *testing.T) {
	dir := t.TempDir()
	stories := filepath.Join(dir, "stories.jsonl")
	if err := os.WriteFile(stories, []byte(`{"id": "s1", "date": "2026-02-03", "text": "Sudan's army agreed to resume talks."}`+"\n"+
		`{"id": "s2", "text": "Police arrested journalists.", "events": []}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var err error
	stdout, stderr := captureOutput(t, func() { err = runEvalEvents(stories, "2000-01-01", false, false, &dictFlags{}) })
	want := "dyad: " + stories + ": no gold events: none of its 2 records has an \"events\" list with an event; not a gold file (see 'dyad eval gold')\n"
	if !errors.Is(err, errInputFailed) || stderr != want || stdout != "" {
		t.Errorf("err = %v, stdout %q, stderr\n%s\nwant errInputFailed, no scores and\n%s", err, stdout, stderr, want)
	}
}
