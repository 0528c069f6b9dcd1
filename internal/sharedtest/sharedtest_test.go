package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPathFindsSharedReadme(t *testing.T) {
	p := Path(t, "README.md")
	if filepath.Base(p) != "README.md" {
		t.Fatalf("Path returned %q", p)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}
