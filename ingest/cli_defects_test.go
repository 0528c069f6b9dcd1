package ingest

import (
	"context"
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
