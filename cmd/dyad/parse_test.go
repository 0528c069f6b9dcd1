package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseNoDateQuiet checks that 'dyad parse' does not warn about stories without a date
// (CoNLL-U carries none), while it still prints their trees.
func TestParseNoDateQuiet(t *testing.T) {
	text := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(text, []byte("France praised Germany.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rootCmd.SetArgs([]string{"parse", text})
	defer rootCmd.SetArgs(nil)
	var err error
	stdout, stderr := captureOutput(t, func() { err = rootCmd.Execute() })
	if err != nil {
		t.Fatal(err)
	}
	if stderr != "" {
		t.Errorf("stderr: %q, want nothing", stderr)
	}
	if !strings.Contains(stdout, "# newdoc id = a\n") || !strings.Contains(stdout, "\tpraised\tpraise\tVERB\tVBD\t") {
		t.Errorf("stdout:\n%s", stdout)
	}
}
