package ingest

import (
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/dyad-events/dyad/story"
)

func readFeedFile(t testing.TB, path string) ([]*story.Story, []string, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readFeedBytes(path, data, "")
}

func readFeedBytes(name string, data []byte, ctype string) ([]*story.Story, []string, int, error) {
	var got []*story.Story
	var warns []string
	failed, err := ReadFeed(name, data, ctype, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	return got, warns, failed, err
}

type wantStory struct {
	id, title, date, url, publisher, text string
}

func checkStories(t *testing.T, got []*story.Story, want []wantStory) {
	t.Helper()
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("got %q %q", s.ID, s.Text)
		}
		t.Fatalf("%d stories, want %d", len(got), len(want))
	}
	for i, w := range want {
		s := got[i]
		g := wantStory{s.ID, s.Title, s.Date.Format(time.DateOnly), s.URL, s.Publisher, s.Text}
		if g != w {
			t.Errorf("story %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestReadFeedRSS(t *testing.T) {
	got, warns, failed, err := readFeedFile(t, "testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	checkStories(t, got, []wantStory{
		{"news.example.org-world-2019-03-04-border-talks", "Ministers agree to resume border talks", "2019-03-04",
			"https://news.example.org/world/2019/03/04/border-talks", "Example World News",
			"The foreign ministers of the two neighbouring countries agreed on Monday to resume talks on their disputed border.\nNegotiators will meet again next month."},
		{"news.example.org-politics-budget", "Parliament rejects budget", "2020-01-02",
			"https://news.example.org/politics/budget", "Example World News",
			"Parliament rejected the government's budget on Tuesday, the opposition said.\nThe finance minister said she would present a new plan."},
		{"item-0004", "Protesters march in the capital", "2019-03-06", "", "Example World News",
			"Thousands of protesters marched through the capital on Wednesday."},
	})
	if failed != 1 {
		t.Errorf("failed = %d, want 1 (the empty item)", failed)
	}
	joined := strings.Join(warns, "\n")
	for _, w := range []string{
		`testdata/feed.rss: item 2 (news.example.org-politics-budget): date "the fourth of never" is unreadable; using 2020-01-02`,
		"testdata/feed.rss: item 3 (news.example.org-empty) has no text; skipped",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing warning %q in\n%s", w, joined)
		}
	}
	if len(got) > 1 && len(got[1].Warnings) != 1 {
		t.Errorf("story 2 warnings %v", got[1].Warnings)
	}
}

func TestReadFeedAtom(t *testing.T) {
	got, warns, failed, err := readFeedFile(t, "testdata/feed.atom")
	if err != nil || failed != 0 {
		t.Fatal(err, failed)
	}
	checkStories(t, got, []wantStory{
		{"wire.example.org-2019-talks-collapse", "Talks collapse in Geneva", "2019-03-05",
			"https://wire.example.org/2019/talks-collapse", "Example Wire",
			"Talks between the two delegations collapsed on Tuesday."},
		{"urn-example-wire-2", "Minister resigns", "2020-01-02", "", "Example Wire",
			"The interior minister resigned on Wednesday after the protests."},
	})
	if len(warns) != 1 || !strings.Contains(warns[0], `testdata/feed.atom: item 2 (urn-example-wire-2): date "not a date" is unreadable; using 2020-01-02`) {
		t.Errorf("warnings %q", warns)
	}
}

func TestReadFeedCharsetAndBadInput(t *testing.T) {
	rss := `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Le Monde d’exemple</title>` +
		`<item><title>Négociations à Genève</title><link>https://x.example/a</link><pubDate>Mon, 04 Mar 2019 08:15:00 GMT</pubDate>` +
		`<description>Le ministre a déclaré que les négociations reprendraient « bientôt ».</description></item></channel></rss>`
	w1252, err := charmap.Windows1252.NewEncoder().String(rss)
	if err != nil {
		t.Fatal(err)
	}
	got, _, _, err := readFeedBytes("f.xml", []byte(w1252), "")
	if err != nil || len(got) != 1 {
		t.Fatalf("windows-1252 feed: %v, %d stories", err, len(got))
	}
	if got[0].Title != "Négociations à Genève" || got[0].Publisher != "Le Monde d’exemple" ||
		got[0].Text != "Le ministre a déclaré que les négociations reprendraient « bientôt »." {
		t.Errorf("windows-1252 feed: %q %q %q", got[0].Title, got[0].Publisher, got[0].Text)
	}
	// The same bytes declared by the HTTP header only.
	noDecl := strings.Replace(w1252, ` encoding="windows-1252"`, "", 1)
	got, _, _, err = readFeedBytes("f.xml", []byte(noDecl), "application/rss+xml; charset=windows-1252")
	if err != nil || len(got) != 1 || got[0].Title != "Négociations à Genève" {
		t.Errorf("charset from Content-Type: %v %v", err, got)
	}

	rssFile, _ := os.ReadFile("testdata/feed.rss")
	for name, data := range map[string][]byte{
		"empty":     nil,
		"binary":    {0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8},
		"truncated": rssFile[:len(rssFile)/2],
		"html":      []byte("<html><body><p>not a feed</p></body></html>"),
	} {
		_, _, _, err := readFeedBytes("bad-"+name+".rss", data, "")
		if err == nil || !strings.HasPrefix(err.Error(), "bad-"+name+".rss: ") {
			t.Errorf("%s: err %v, want an error naming the input", name, err)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	cases := map[string]string{
		"plain  text\n\n second line ":                     "plain text\nsecond line",
		"<p>One <b>bold</b> word.</p><p>Two&amp;three</p>": "One bold word.\nTwo&three",
		"A<br>B<br/>C": "A\nB\nC",
		"<div>x<script>alert(1)</script>y</div><style>p{}</style>": "xy",
		"<ul><li>first</li><li>second</li></ul>":                   "first\nsecond",
		"unclosed <p>tag":                                          "unclosed\ntag",
	}
	for in, want := range cases {
		if got := htmlToText(in); got != want {
			t.Errorf("htmlToText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, p := range []string{"testdata/feed.rss", "testdata/feed.atom"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<?xml version="1.0" encoding="euc-kr"?><rss><channel><item><title>x</title><description>y</description><pubDate>32 Foo 99999</pubDate></item></channel></rss>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "content_text": "x", "date_published": "nope"}]}`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>a</p></div></content></entry></feed>`))
	f.Add(utf16(f, `<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>x</title><description>y</description></item></channel></rss>`, false, true))
	f.Add(append(utf16(f, `<rss><channel><item><description>Rebels \U0001F600 fled.</description></item></channel></rss>`, true, true), 0xd8))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadFeed("fz.rss", data, "", Options{DefaultDate: day0},
			func(s *story.Story) error {
				if s.ID == "" || !isValidUTF8(s.Text) || !isValidUTF8(s.Title) || s.Date.IsZero() {
					t.Fatalf("bad story %+v", s)
				}
				return nil
			},
			func(e error) {
				if !strings.HasPrefix(e.Error(), "fz.rss") {
					t.Fatalf("warning %q does not name the input", e)
				}
			})
		if err != nil && !strings.HasPrefix(err.Error(), "fz.rss") {
			t.Fatalf("error %q does not name the input", err)
		}
	})
}
