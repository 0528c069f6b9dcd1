package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestCommittedTableIsCurrent checks that cameo/table_gen.go is what the generator makes from
// the shared files.
func TestCommittedTableIsCurrent(t *testing.T) {
	tsv := sharedtest.Path(t, "data/cameo/cameo-eventcodes-merged.tsv")
	root := filepath.Dir(filepath.Dir(filepath.Dir(tsv)))
	want, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "table_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("cameo/table_gen.go is stale: run \"go generate ./cameo\" (generated %d bytes, committed %d)", len(want), len(got))
	}
}

func TestHexSum(t *testing.T) {
	for s, want := range map[string]int32{"0x1000": 0x1000, "0x1000-0xFFFF": 0x1000 - 0xFFFF, "-0xFFFF+0x2045+0x300": -0xFFFF + 0x2045 + 0x300, "0": 0, "0xFFFF+0x0080": 0x1007F} {
		got, err := hexSum(s)
		if err != nil || got != want {
			t.Errorf("hexSum(%q) = %#x, %v; want %#x", s, got, err, want)
		}
	}
}
