package ingest

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		path, head, want string
	}{
		{"a.txt", "<html>", FormatText}, // the extension wins
		{"a.TXT.gz", "", FormatText},
		{"a.jsonl", "", FormatJSONL},
		{"a.ndjson", "", FormatJSONL},
		{"a.htm", "", FormatHTML},
		{"a.rss", "", FormatRSS},
		{"a.atom", "", FormatRSS},
		{"a.conllu", "", FormatCoNLLU},
		{"a.xml", `<?xml version="1.0"?><rss version="2.0">`, FormatRSS},
		{"a.xml", `<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, FormatRSS},
		{"a.xml", `<rdf:RDF xmlns:rdf="x">`, FormatRSS},
		{"a.xml", "<Sentences>\n<Sentence date=\"20150220\" id=\"X-1\">", FormatPetrarchXML},
		{"a.xml", "<Article>", FormatPetrarchXML},
		{"-", "<!DOCTYPE html><html>", FormatHTML},
		{"-", "\xef\xbb\xbf  <html><body>", FormatHTML},
		{"-", `{"id": "a", "text": "b"}`, FormatJSONL},
		{"-", "---\ntitle: x\n---\ntext", FormatText},
		{"-", "# sent_id = 1\n# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", FormatCoNLLU},
		{"-", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", FormatCoNLLU},
		{"-", "Just a story.", FormatText},
		{"-", "", FormatText},
		{"-", "\x00\x01\x02binary", ""},
		{"a.bin", "\x1f\x8b\x08", ""},
	}
	for _, c := range cases {
		if got := Detect(c.path, []byte(c.head)); got != c.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", c.path, c.head, got, c.want)
		}
	}
}

func TestReadDirectoryAndFormats(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), "---\ntitle: B\n---\nStory B.\n")
	writeFile(t, filepath.Join(dir, "a.jsonl"), `{"id": "a1", "text": "Story A1."}`+"\n"+`{"id": "a2", "text": "Story A2."}`+"\n")
	writeFile(t, filepath.Join(dir, "README.md"), "not a story")
	writeFile(t, filepath.Join(dir, "index.tsv"), "id\tfile\n")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "hidden")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	writeFile(t, filepath.Join(dir, ".git", "x.txt"), "hidden dir")
	writeFile(t, filepath.Join(dir, "sub", "c.xml"), `<Sentences><Sentence id="c-1"><Text>C.</Text></Sentence></Sentences>`)
	writeFile(t, filepath.Join(dir, "sub", "d.txt"), "")
	writeFile(t, filepath.Join(dir, "noext"), "Explicit file without extension.\n")
	if err := os.Symlink(filepath.Join(dir, "noext"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}

	var ids []string
	var warns []string
	read := func(opts Options, inputs ...string) int {
		ids, warns = nil, nil
		failed, err := Read(context.Background(), inputs, opts,
			func(s *story.Story) error { ids = append(ids, s.ID); return nil },
			func(e error) { warns = append(warns, e.Error()) })
		if err != nil {
			t.Fatal(err)
		}
		return failed
	}

	// Without a reader for PETRARCH XML, c.xml fails; d.txt is empty (a warning, not a failure); README.md, index.tsv and
	// hidden files are not read in a directory walk.
	failed := read(Options{DefaultDate: day0}, dir, filepath.Join(dir, "noext"), filepath.Join(dir, "missing.txt"))
	if got := strings.Join(ids, ","); got != "a1,a2,b,link,noext" || failed != 2 {
		t.Errorf("ids %s failed %d warnings %q", got, failed, warns)
	}
	joined := strings.Join(warns, "\n")
	for _, w := range []string{"c.xml: input format \"petrarch-xml\" is not read by ingest", "d.txt: empty input; no story", "missing.txt: no such file or directory"} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing warning %q in\n%s", w, joined)
		}
	}

	// A reader for PETRARCH XML supplied by the caller.
	opts := Options{DefaultDate: day0, Readers: map[string]ReaderFunc{
		FormatPetrarchXML: func(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (int, error) {
			data, _ := io.ReadAll(r)
			if !strings.Contains(string(data), "<Sentences>") {
				return 0, errors.New("not PETRARCH XML")
			}
			return 0, emit(&story.Story{ID: "from-xml", Origin: name})
		},
	}}
	read(opts, filepath.Join(dir, "sub"))
	if got := strings.Join(ids, ","); got != "from-xml" {
		t.Errorf("with reader: ids %s warnings %q", got, warns)
	}

	// An explicit format overrides detection: the JSONL file read as text is one story.
	read(Options{Format: FormatText, DefaultDate: day0}, filepath.Join(dir, "a.jsonl"))
	if got := strings.Join(ids, ","); got != "a" {
		t.Errorf("--input text: ids %s", got)
	}
}

func TestReadEmitError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "A.\n")
	writeFile(t, filepath.Join(dir, "b.txt"), "B.\n")
	stop := errors.New("disk full")
	n := 0
	_, err := Read(context.Background(), []string{dir}, Options{}, func(*story.Story) error { n++; return stop }, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d stories", err, n)
	}
}

func TestReadStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		bw := bufio.NewWriter(w)
		bw.WriteString(`{"id": "s1", "text": "From a pipe."}` + "\n")
		bw.Flush()
		w.Close()
	}()
	var got []*story.Story
	failed, err := Read(context.Background(), []string{"-"}, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil }, nil)
	if err != nil || failed != 0 || len(got) != 1 || got[0].ID != "s1" || got[0].Origin != "-:1" {
		t.Errorf("stdin: %v %d %v", err, failed, got)
	}
}

// TestReadWorkersSameOrder checks that reading with several workers emits the same stories and
// warnings, in the same order, as reading on one goroutine.
func TestReadWorkersSameOrder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "---\ndate: unknown\n---\nStory A.\n")
	writeFile(t, filepath.Join(dir, "b.jsonl"), "{\"id\": \"b1\", \"text\": \"B1.\"}\nbad\n{\"id\": \"b2\", \"text\": \"B2.\"}\n")
	writeFile(t, filepath.Join(dir, "c.html"), string(readPage(t)))
	writeFile(t, filepath.Join(dir, "d.txt"), "")
	feed, _ := os.ReadFile("testdata/feed.rss")
	writeFile(t, filepath.Join(dir, "e.rss"), string(feed))
	for i := range 20 {
		os.MkdirAll(filepath.Join(dir, "g"), 0o755)
		writeFile(t, filepath.Join(dir, "g", string(rune('a'+i))+".txt"), strings.Repeat("Word ", i+1)+"\n")
	}
	inputs := []string{dir, filepath.Join(dir, "nope.txt"), "testdata/feed.atom"}
	run := func(workers int) (string, int) {
		var log []string
		failed, err := Read(context.Background(), inputs, Options{DefaultDate: day0, Workers: workers, Dedup: NewDeduper(DedupOptions{})},
			func(s *story.Story) error {
				log = append(log, "story "+s.ID+" "+s.Date.Format("2006-01-02"))
				return nil
			},
			func(e error) { log = append(log, "warn "+e.Error()) })
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(log, "\n"), failed
	}
	one, f1 := run(1)
	if !strings.Contains(one, "story c ") || !strings.Contains(one, "story b2 ") || !strings.Contains(one, "warn testdata/feed.atom: item 2") {
		t.Errorf("sequential read:\n%s", one)
	}
	for _, w := range []int{2, 4, 16} {
		many, f := run(w)
		if many != one || f != f1 {
			t.Errorf("workers %d:\n%s\nfailed %d\n--- want (1 worker):\n%s\nfailed %d", w, many, f, one, f1)
		}
	}
}

func TestReadEmitErrorWorkers(t *testing.T) {
	dir := t.TempDir()
	for i := range 30 {
		writeFile(t, filepath.Join(dir, string(rune('a'+i))+".txt"), "Story.\n")
	}
	stop := errors.New("disk full")
	for _, w := range []int{1, 4} {
		n := 0
		_, err := Read(context.Background(), []string{dir}, Options{Workers: w}, func(*story.Story) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		}, nil)
		if err != stop || n != 3 {
			t.Errorf("workers %d: err %v after %d stories", w, err, n)
		}
	}
}

// TestReadExternalNotCapped checks that inputs of the caller's readers are streamed whole: the
// size cap is for HTML pages and feeds.
func TestReadExternalNotCapped(t *testing.T) {
	dir := t.TempDir()
	big := "<Sentences>\n" + strings.Repeat("<Sentence id=\"x\"><Text>Words.</Text></Sentence>\n", 200) + "</Sentences>\n"
	writeFile(t, filepath.Join(dir, "big.xml"), big)
	got := 0
	opts := Options{Fetch: FetchOptions{MaxBytes: 1024}, Readers: map[string]ReaderFunc{
		FormatPetrarchXML: func(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (int, error) {
			data, err := io.ReadAll(r)
			got = len(data)
			return 0, err
		},
	}}
	var warns []string
	Read(context.Background(), []string{dir}, opts, func(*story.Story) error { return nil }, func(e error) { warns = append(warns, e.Error()) })
	if got != len(big) || len(warns) != 0 {
		t.Errorf("reader got %d bytes of %d; warnings %q", got, len(big), warns)
	}
}
