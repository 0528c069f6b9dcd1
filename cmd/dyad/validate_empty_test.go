package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestValidateNoRecords checks that a validation file without records is a failed input (exit
// 1), not a report of 0 records.
func TestValidateNoRecords(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"empty.txt": "", "none.xml": "<Sentences></Sentences>\n"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := runValidate(&out, path, validateFlags{json: true}); !errors.Is(err, errInputFailed) {
			t.Errorf("%s: err = %v, want errInputFailed", name, err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: printed %q", name, out.String())
		}
	}
}
