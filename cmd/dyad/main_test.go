package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

// TestErrorText checks that a file error reaching main is printed as "PATH: problem", without
// Go's "open " prefix (dyad eval events --gold nosuch.jsonl), and that other errors, including
// wrapped file errors, keep their text.
func TestErrorText(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nosuch.jsonl")
	err := runEvalEvents(missing, "2000-01-01", false, false, &dictFlags{})
	if got, want := errorText(err), missing+": no such file or directory"; got != want {
		t.Errorf("eval events --gold %s: %q, want %q", missing, got, want)
	}
	wrapped := fmt.Errorf("writing events: %w", err)
	if got, want := errorText(wrapped), "writing events: open "+missing+": no such file or directory"; got != want {
		t.Errorf("wrapped: %q, want %q", got, want)
	}
	if got := errorText(errors.New("plain")); got != "plain" {
		t.Errorf("plain: %q", got)
	}
}
