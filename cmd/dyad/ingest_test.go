package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRunIngest(t *testing.T) {
	dir := t.TempDir()
	text := "The foreign ministers of the two neighbouring countries agreed on Monday to resume talks on their disputed border.\n"
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "---\ntitle: \"Talks\"\ndate: \"2019-03-04\"\nurl: \"unknown\"\n---\nAccessibility links\n\nBreaking News\n\n"+text)
	write("b.txt", "---\ndate: \"unknown\"\n---\n"+strings.Replace(text, "Monday", "Tuesday", 1))
	write("c.jsonl", "{\"id\": \"c\", \"text\": \"Parliament rejected the budget.\"}\nnot json\n")

	var out bytes.Buffer
	f := &ingestFlags{input: "auto", date: "2020-01-02", skipDup: true}
	err := runIngest(context.Background(), &out, f, []string{dir})
	if !errors.Is(err, errInputFailed) {
		t.Errorf("err = %v, want errInputFailed (c.jsonl line 2)", err)
	}
	var recs []ingestRecord
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r ingestRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 2 {
		t.Fatalf("records %+v", recs)
	}
	a := recs[0]
	if a.ID != "a" || a.Title != "Talks" || a.Date != "2019-03-04" || a.URL != "" || a.Text != text ||
		len(a.Duplicates) != 1 || a.Duplicates[0] != "b" {
		t.Errorf("a = %+v", a)
	}
	if recs[1].ID != "c" || recs[1].Date != "2020-01-02" || recs[1].Origin != filepath.Join(dir, "c.jsonl")+":1" {
		t.Errorf("c = %+v", recs[1])
	}

	var ue usageError
	if err := runIngest(context.Background(), &out, &ingestFlags{input: "pdf"}, nil); !errors.As(err, &ue) {
		t.Errorf("--input pdf: err = %v, want a usage error", err)
	}
	if err := runIngest(context.Background(), &out, &ingestFlags{input: "auto", date: "20-1-2"}, nil); !errors.As(err, &ue) {
		t.Errorf("--date 20-1-2: err = %v, want a usage error", err)
	}
}

// TestFetchFlagsNegative checks that dyad ingest and dyad code reject a negative --timeout,
// --max-bytes or -j as usage errors.
func TestFetchFlagsNegative(t *testing.T) {
	var ue usageError
	var out bytes.Buffer
	for _, f := range []*ingestFlags{{input: "auto", timeout: -time.Second}, {input: "auto", maxBytes: -1}} {
		if err := runIngest(context.Background(), &out, f, nil); !errors.As(err, &ue) {
			t.Errorf("dyad ingest %+v: err = %v, want a usage error", f, err)
		}
	}
	for _, cf := range []*codeFlags{
		{format: "jsonl", input: "auto", dedup: "story", timeout: -time.Second},
		{format: "jsonl", input: "auto", dedup: "story", maxBytes: -5},
		{format: "jsonl", input: "auto", dedup: "story", workers: -1},
	} {
		if err := runCode(nil, cf, nil); !errors.As(err, &ue) {
			t.Errorf("dyad code %+v: err = %v, want a usage error", cf, err)
		} else if !strings.Contains(ue.Error(), "-") {
			t.Errorf("message %q", ue.Error())
		}
	}
}
