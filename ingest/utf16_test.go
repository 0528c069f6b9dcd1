package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/dyad-events/dyad/story"
)

// utf16 encodes s as UTF-16, little or big endian, with or without a byte order mark.
func utf16(t testing.TB, s string, big, bom bool) []byte {
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	b := unicode.IgnoreBOM
	if bom {
		b = unicode.UseBOM
	}
	out, err := unicode.UTF16(order, b).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadHTMLUTF16 checks HTML pages in UTF-16: with a byte order mark (little and big
// endian), without one but declared by the HTTP Content-Type, and a UTF-8 page whose <meta>
// names UTF-16 (read as UTF-8, as the WHATWG encoding rules say).
func TestReadHTMLUTF16(t *testing.T) {
	page := string(readPage(t))
	cases := []struct {
		name  string
		data  []byte
		ctype string
	}{
		{"le-bom", utf16(t, page, false, true), ""},
		{"be-bom", utf16(t, page, true, true), ""},
		{"le-bom-header", utf16(t, page, false, true), "text/html; charset=utf-16"},
		{"le-header", utf16(t, page, false, false), "text/html; charset=UTF-16LE"},
		{"be-header", utf16(t, page, true, false), "text/html; charset=utf-16be"},
		{"utf8-meta-utf16", []byte(strings.Replace(page, "<head>", `<head><meta charset="utf-16">`, 1)), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, warns, err := ReadHTML("p.html", c.data, c.ctype, Options{DefaultDate: day0})
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 0 {
				t.Errorf("warnings %v", warns)
			}
			if s.Title != "Ministers agree to resume border talks" || s.Date.Format(time.DateOnly) != "2019-03-04" ||
				!strings.HasPrefix(s.Text, "The foreign ministers of the two neighbouring countries agreed on Monday") {
				t.Errorf("title %q date %v text %q", s.Title, s.Date, s.Text)
			}
		})
	}
	// Half a character at the end: read, with a warning.
	odd := utf16(t, page, false, true)
	s, warns, err := ReadHTML("odd.html", odd[:len(odd)-1], "", Options{DefaultDate: day0})
	if err != nil || !strings.Contains(s.Text, "The foreign ministers") || len(warns) != 1 ||
		warns[0].Error() != "odd.html: broken UTF-16: bad characters replaced by U+FFFD" {
		t.Errorf("odd length: err %v, warnings %v", err, warns)
	}
}

// TestReadUTF16Inputs reads UTF-16 pages and feeds through Read: files (named .html, .rss, or
// sniffed by content) with a byte order mark, and URLs (a page, a feed, a text) served without
// one but with a Content-Type charset.
func TestReadUTF16Inputs(t *testing.T) {
	page := string(readPage(t))
	feed, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	feed16 := strings.Replace(string(feed), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	dir := t.TempDir()
	files := map[string][]byte{
		"a.html": utf16(t, page, false, true),
		"b.page": utf16(t, page, true, true), // sniffed
		"c.rss":  utf16(t, feed16, false, true),
		"d.xml":  utf16(t, feed16, true, true), // sniffed
	}
	for name, data := range files {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-16le")
		w.Write(utf16(t, page, false, false))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-16be")
		w.Write(utf16(t, feed16, true, false))
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=UTF-16BE")
		w.Write(utf16(t, "Police arrested protesters in Kyiv.\n", true, false))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	inputs := []string{dir + "/a.html", dir + "/b.page", dir + "/c.rss", dir + "/d.xml", srv.URL + "/page", srv.URL + "/feed", srv.URL + "/text"}
	var got []*story.Story
	var warns []string
	failed, err := Read(context.Background(), inputs, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	pages, items := 0, 0
	for _, s := range got {
		switch {
		case strings.Contains(s.Origin, "#"):
			items++
		case strings.HasSuffix(s.Origin, "/text"):
			if s.Text != "Police arrested protesters in Kyiv.\n" {
				t.Errorf("UTF-16 text story %q", s.Text)
			}
		case s.Title == "Ministers agree to resume border talks" && strings.HasPrefix(s.Text, "The foreign ministers"):
			pages++
		default:
			t.Errorf("%s: title %q text %q", s.Origin, s.Title, s.Text)
		}
	}
	// Each copy of the feed gives 3 items with text and one without (counted as failed).
	if pages != 3 || items != 9 || failed != 3 || len(got) != 13 {
		t.Errorf("%d pages, %d feed items, %d failed; warnings %q", pages, items, failed, warns)
	}
}
