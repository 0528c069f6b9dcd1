package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// readAll runs Read on inputs and returns the story ids, the warnings' texts and the failed
// count.
func readAll(t *testing.T, inputs []string, opts Options) (ids, warns []string, failed int) {
	t.Helper()
	failed, err := Read(context.Background(), inputs, opts,
		func(s *story.Story) error { ids = append(ids, s.ID); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	return ids, warns, failed
}

// TestReadUnsupportedScheme checks that a URL of another scheme than http(s) is named as such,
// not looked up as a file ("no such file or directory"), and that http(s) in capitals is a URL.
func TestReadUnsupportedScheme(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ftp://example.org/x", "ftp://example.org/x: unsupported URL scheme ftp (http and https are read)"},
		{"file:///tmp/none.txt", "file:///tmp/none.txt: unsupported URL scheme file (http and https are read)"},
		{"s3+x://bucket/key", "s3+x://bucket/key: unsupported URL scheme s3+x (http and https are read)"},
		{"no/such/file.txt", "no/such/file.txt: no such file or directory"},
		{"1ftp://x", "1ftp://x: no such file or directory"},
	} {
		ids, warns, failed := readAll(t, []string{tc.in}, Options{DefaultDate: day0, Workers: 1})
		if failed != 1 || len(ids) != 0 || strings.Join(warns, "\n") != tc.want {
			t.Errorf("%s: failed %d, stories %v, warnings %q; want %q", tc.in, failed, ids, warns, tc.want)
		}
	}
	for _, s := range []string{"HTTP://example.org/", "Https://example.org/a", "http://x"} {
		if !isURL(s) {
			t.Errorf("isURL(%q) = false", s)
		}
	}
	for _, s := range []string{"ftp://x", "http:/x", "a.txt", "://x", "x http://y"} {
		if isURL(s) {
			t.Errorf("isURL(%q) = true", s)
		}
	}
}

// TestReadHTMLNoText checks that a page without article text fails with one plain message naming
// the file, not the extractor's internal one ("text and comments are not long enough: 0 0").
func TestReadHTMLNoText(t *testing.T) {
	for _, page := range []string{
		`<html><body></body></html>`,
		`<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav></body></html>`,
		`<html><body><div></div><script>var x=1;</script></body></html>`,
		`<html><body><img src=x></body></html>`,
	} {
		s, _, err := ReadHTML("nohtml.html", []byte(page), "", Options{DefaultDate: day0})
		if s != nil || err == nil || err.Error() != "nohtml.html: no article text found" {
			t.Errorf("%s: story %v, err %v; want \"nohtml.html: no article text found\"", page, s, err)
		}
	}
}

// TestReadJSONLErrorCap checks that a file read as JSONL that is not JSONL gives at most
// MaxErrorsPerInput error lines and one "... and N more errors in FILE", with every bad line
// still counted as failed.
func TestReadJSONLErrorCap(t *testing.T) {
	dir := t.TempDir()
	var text strings.Builder
	for i := range 25 {
		fmt.Fprintf(&text, "Line %d of a plain text story.\n", i+1)
	}
	path := dir + "/story.txt"
	writeFile(t, path, text.String())
	short := dir + "/short.jsonl"
	writeFile(t, short, "not json\n{\"id\": \"a\", \"text\": \"Parliament met.\", \"date\": \"2020-01-02\"}\nnot json either\n")
	ids, warns, failed := readAll(t, []string{path, short}, Options{Format: FormatJSONL, DefaultDate: day0, Workers: 1})
	if failed != 27 || strings.Join(ids, ",") != "a" {
		t.Errorf("failed %d, stories %v; want 27 and [a]", failed, ids)
	}
	if len(warns) != 13 {
		t.Fatalf("%d warnings, want 10 + 1 + 2:\n%s", len(warns), strings.Join(warns, "\n"))
	}
	for i := range 10 {
		if want := fmt.Sprintf("%s:%d: not a JSON story object", path, i+1); !strings.HasPrefix(warns[i], want) {
			t.Errorf("warning %d = %q, want %q...", i, warns[i], want)
		}
	}
	if want := "... and 15 more errors in " + path; warns[10] != want {
		t.Errorf("warning 10 = %q, want %q", warns[10], want)
	}
	if !strings.HasPrefix(warns[11], short+":1: ") || !strings.HasPrefix(warns[12], short+":3: ") {
		t.Errorf("the cap is per input: %q", warns[11:])
	}
	if got := (&MoreErrors{Name: "x", N: 1}).Error(); got != "... and 1 more error in x" {
		t.Errorf("MoreErrors{1} = %q", got)
	}
}

// isNoDate reports the "story "ID": no date; using YYYY-MM-DD" warning (TestReadNoDate), which
// tests about other warnings leave out.
func isNoDate(e string) bool { return strings.Contains(e, ": no date; using ") }

// dated returns warns without the "no date" warnings.
func dated(warns []string) []string {
	var out []string
	for _, w := range warns {
		if !isNoDate(w) {
			out = append(out, w)
		}
	}
	return out
}

// TestReadNoDate checks that every story that takes the default date for want of one is named
// in one warning, as HTML pages and feed items are: text without front matter, standard input,
// JSONL records without "date".
func TestReadNoDate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/a.txt", "France praised Germany.\n")
	writeFile(t, dir+"/b.txt", "---\ndate: 2015-02-20\n---\nFrance praised Germany.\n")
	writeFile(t, dir+"/c.txt", "PARIS, Dec. 31, 2000 -- France praised Germany.\n")
	writeFile(t, dir+"/d.jsonl", `{"id": "d1", "text": "France praised Germany."}`+"\n"+
		`{"id": "d2", "date": "2015-02-20", "text": "France praised Germany."}`+"\n"+
		`{"id": "d3", "date": null, "text": "France praised Germany."}`+"\n")
	ids, warns, failed := readAll(t, []string{dir}, Options{DefaultDate: day0, Workers: 1})
	if failed != 0 || strings.Join(ids, ",") != "a,b,c,d1,d2,d3" {
		t.Errorf("failed %d, stories %v", failed, ids)
	}
	want := []string{
		dir + `/a.txt: story "a": no date; using 2020-01-02`,
		dir + `/d.jsonl:1: story "d1": no date; using 2020-01-02`,
		dir + `/d.jsonl:3: story "d3": no date; using 2020-01-02`,
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	// Standard input is named "-", its story "stdin".
	s, ws := ReadText("-", []byte("France praised Germany.\n"), Options{DefaultDate: day0})
	if s == nil || len(ws) != 1 || ws[0].Error() != `-: story "stdin": no date; using 2020-01-02` ||
		len(s.Warnings) != 1 || !s.Date.Equal(day0) {
		t.Errorf("stdin: story %+v, warnings %v", s, ws)
	}
}
