package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalGoldBadInput checks that an unknown kind is a usage error found before the file is
// opened, and that binary data is refused with an error naming the file instead of becoming
// gold records.
func TestEvalGoldBadInput(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	var ue usageError
	err := runEvalGold(&out, "nosuchkind", filepath.Join(dir, "missing.tsv"), "")
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `unknown kind "nosuchkind"`) {
		t.Errorf("unknown kind: err = %v, want the usage error about the kind", err)
	}
	if err := runEvalGold(&out, "plover", filepath.Join(dir, "missing.tsv"), ""); !errors.As(err, &ue) {
		t.Errorf("plover without --table: err = %v, want a usage error", err)
	}

	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 131 % 251) // NUL and other control bytes among them
	}
	path := filepath.Join(dir, "binary.bin")
	if err := os.WriteFile(path, bin, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"cameo-examples", "multicoped"} {
		out.Reset()
		err := runEvalGold(&out, kind, path, "")
		if err == nil || errors.As(err, &ue) || err.Error() != path+": binary data, not a text file" {
			t.Errorf("%s: err = %v, want %q", kind, err, path+": binary data, not a text file")
		}
		if out.Len() != 0 {
			t.Errorf("%s: wrote %q", kind, out.String())
		}
	}
	// A text file of the kind still converts.
	tsv := filepath.Join(dir, "ex.tsv")
	if err := os.WriteFile(tsv, []byte("code\tname\texample\texample_note\n"+
		"011\tDecline comment\tNATO on Monday declined to comment on the estimate.\t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runEvalGold(&out, "cameo-examples", tsv, ""); err != nil || !strings.Contains(out.String(), "NATO on Monday declined") {
		t.Errorf("text file: err = %v, output %q", err, out.String())
	}
}
