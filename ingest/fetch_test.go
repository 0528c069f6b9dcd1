package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/korean"

	"github.com/dyad-events/dyad/story"
)

// newsServer serves the test page and feed in several ways.
func newsServer(t *testing.T) (*httptest.Server, *string) {
	page := readPage(t)
	feed, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	korPara := "북한 외무성 대변인은 월요일 성명에서 유엔 인권이사회의 결의를 거부한다고 밝혔으며, 남북 대화는 다음 달에 재개될 것이라고 말했다. 정부는 국경 지역의 병력을 줄이겠다고 약속했다."
	kor, _ := korean.EUCKR.NewEncoder().String("<html><head><title>K</title></head><body><article><p>" + korPara + "</p><p>" + korPara + "</p></article></body></html>")
	var lastUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		lastUA = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/gzip-page", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", 400)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz(page))
	})
	mux.HandleFunc("/page.html.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(gz(page))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/feed-as-xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write(feed)
	})
	mux.HandleFunc("/euc-kr", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=EUC-KR")
		w.Write([]byte(kor))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page[:bytes.Index(page, []byte("</article>"))])
		for range 20000 {
			w.Write([]byte("<p>More words of a very long page that never ends.</p>\n"))
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte{0, 1, 2, 0xff}, 500))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &lastUA
}

func TestReadURLs(t *testing.T) {
	srv, ua := newsServer(t)
	u := func(p string) string { return srv.URL + p }
	inputs := []string{u("/page"), u("/missing"), u("/gzip-page"), u("/slow"), u("/page.html.gz"), u("/feed"),
		u("/euc-kr"), u("/binary"), u("/feed-as-xml"), u("/huge"), "http://127.0.0.1:1/refused"}
	var got []*story.Story
	var warns []string
	opts := Options{DefaultDate: day0, Fetch: FetchOptions{Timeout: 500 * time.Millisecond, MaxBytes: 256 << 10, UserAgent: "dyad-test/1"}}
	failed, err := Read(context.Background(), inputs, opts,
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if *ua != "dyad-test/1" {
		t.Errorf("User-Agent %q", *ua)
	}
	var origins []string
	for _, s := range got {
		origins = append(origins, strings.TrimPrefix(s.Origin, srv.URL))
	}
	want := "/page,/gzip-page,/page.html.gz,/feed#1,/feed#2,/feed#4,/euc-kr,/feed-as-xml#1,/feed-as-xml#2,/feed-as-xml#4,/huge"
	if strings.Join(origins, ",") != want {
		t.Errorf("origins\n got %s\nwant %s", strings.Join(origins, ","), want)
	}
	// Failed: /missing, /slow, /binary, refused, and the empty feed item twice.
	if failed != 6 {
		t.Errorf("failed = %d, want 6", failed)
	}
	joined := strings.Join(warns, "\n")
	for _, w := range []string{
		u("/missing") + ": HTTP 404 Not Found",
		u("/slow") + ": no answer within 500ms",
		u("/binary") + ": binary data",
		"http://127.0.0.1:1/refused: ",
		u("/huge") + ": body cut at 256 KB (--max-bytes)",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing warning %q in\n%s", w, joined)
		}
	}
	for _, s := range got {
		switch strings.TrimPrefix(s.Origin, srv.URL) {
		case "/page", "/gzip-page", "/page.html.gz":
			if !strings.HasPrefix(s.Text, "The foreign ministers") || s.Title != "Ministers agree to resume border talks" {
				t.Errorf("%s: %q %q", s.Origin, s.Title, s.Text)
			}
		case "/euc-kr":
			if !strings.Contains(s.Text, "북한 외무성 대변인은") {
				t.Errorf("EUC-KR page: %q", s.Text)
			}
			if s.URL != u("/euc-kr") || s.ID != urlID(u("/euc-kr")) {
				t.Errorf("EUC-KR page URL %q ID %q", s.URL, s.ID)
			}
		}
	}
}

func TestFetchCancel(t *testing.T) {
	srv, _ := newsServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, []string{srv.URL + "/page"}, Options{}, func(*story.Story) error { return nil }, nil)
	if err == nil {
		t.Error("no error after cancel")
	}
}

func TestReadFeedArticles(t *testing.T) {
	srv, _ := newsServer(t)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Border talks</title><link>` + srv.URL + `/page</link><description>Short summary one.</description></item>
<item><title>Gone</title><link>` + srv.URL + `/missing</link><pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate><description>Short summary two.</description></item>
<item><title>No link</title><description>Short summary three.</description></item>
</channel></rss>`
	var got []*story.Story
	var warns []string
	failed, err := ReadFeed("f.rss", []byte(feed), "", Options{DefaultDate: day0, FeedArticles: true},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil || failed != 0 || len(got) != 3 {
		t.Fatalf("err %v failed %d stories %d", err, failed, len(got))
	}
	// Item 1: the page's text and date, the item's title.
	if !strings.HasPrefix(got[0].Text, "The foreign ministers of the two neighbouring countries") || got[0].Title != "Border talks" ||
		got[0].Date.Format(time.DateOnly) != "2019-03-04" {
		t.Errorf("item 1: %q %q %v", got[0].Title, got[0].Text, got[0].Date)
	}
	if got[1].Text != "Short summary two." || got[1].Date.Format(time.DateOnly) != "2019-03-05" || got[2].Text != "Short summary three." {
		t.Errorf("items 2, 3: %q %v %q", got[1].Text, got[1].Date, got[2].Text)
	}
	want := "f.rss: item 2 (" + urlID(srv.URL+"/missing") + "): article page not read (HTTP 404 Not Found); using the feed's text"
	if len(warns) != 2 || warns[0] != want || !strings.Contains(warns[1], "item 3 (f-3): no date") {
		t.Errorf("warnings %q, want %q and a missing date", warns, want)
	}
}

// TestFetchCutBody checks bodies that break off: fewer bytes than Content-Length, a chunked
// body whose connection closes early, a gzip body cut in the middle. Their first part is read
// with a warning naming the URL; a body cut before any data fails.
func TestFetchCutBody(t *testing.T) {
	page := readPage(t)
	part := page[:len(page)*2/3]
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/short", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(len(page)))
		w.Write(part)
	})
	mux.HandleFunc("/none", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n", len(part), part)
		buf.Flush()
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes()[:gz.Len()*2/3])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	u := func(p string) string { return srv.URL + p }

	body, _, err := Fetch(context.Background(), u("/short"), FetchOptions{})
	want := fmt.Sprintf("%s: body cut off after %d of %d bytes (unexpected EOF); reading the part that arrived", u("/short"), len(part), len(page))
	if !bytes.Equal(body, part) || err == nil || !errors.Is(err, ErrBodyCut) || err.Error() != want {
		t.Errorf("Fetch(/short) = %d bytes, %v; want %d bytes, %q", len(body), err, len(part), want)
	}
	body, _, err = Fetch(context.Background(), u("/none"), FetchOptions{})
	want = u("/none") + ": body cut off before any data arrived: unexpected EOF"
	if body != nil || err == nil || err.Error() != want {
		t.Errorf("Fetch(/none) = %d bytes, %v; want none, %q", len(body), err, want)
	}

	var got []*story.Story
	var warns []string
	failed, err := Read(context.Background(), []string{u("/short"), u("/chunked"), u("/gzip"), u("/none")}, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if failed != 1 || len(got) != 3 {
		t.Fatalf("failed %d, %d stories; warnings %q", failed, len(got), warns)
	}
	for _, s := range got {
		if !strings.Contains(s.Text, "The foreign ministers of the two neighbouring countries") {
			t.Errorf("%s: text %q", s.Origin, s.Text)
		}
	}
	joined := strings.Join(warns, "\n")
	for _, w := range []string{
		u("/short") + ": body cut off after ",
		u("/chunked") + ": body cut off after " + strconv.Itoa(len(part)) + " bytes (unexpected EOF); reading the part that arrived",
		u("/gzip") + ": body cut off after ",
		u("/none") + ": body cut off before any data arrived",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("no warning %q in\n%s", w, joined)
		}
	}

	// A feed item whose article page breaks off: its first part, and a warning naming the item.
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Border talks</title><link>` + u("/short") + `</link><description>Short summary.</description></item></channel></rss>`
	warns = nil
	got = nil
	if _, err := ReadFeed("f.rss", []byte(feed), "", Options{DefaultDate: day0, FeedArticles: true},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) }); err != nil || len(got) != 1 {
		t.Fatalf("feed: err %v, %d stories", err, len(got))
	}
	want = fmt.Sprintf("f.rss: item 1 (%s): article page body cut off after %d of %d bytes (unexpected EOF); reading the part that arrived",
		urlID(u("/short")), len(part), len(page))
	if !strings.Contains(got[0].Text, "The foreign ministers") || len(warns) != 1 || warns[0] != want {
		t.Errorf("feed item text %q, warnings %q; want %q", got[0].Text, warns, want)
	}
}
