package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

var day0 = time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)

func TestReadTextSeedStory(t *testing.T) {
	path := sharedtest.Path(t, "data/seed/voa-2015-north-korea-human-rights.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, warns := ReadText(path, data, Options{DefaultDate: day0})
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if s == nil {
		t.Fatal("no story")
	}
	if s.ID != "voa-2015-north-korea-human-rights" {
		t.Errorf("ID = %q", s.ID)
	}
	if s.Title != "Diplomat: North Korea Will Not Honor Human Rights Agreements" {
		t.Errorf("Title = %q", s.Title)
	}
	if got := s.Date.Format(time.DateOnly); got != "2015-02-20" {
		t.Errorf("Date = %s", got)
	}
	if s.URL != "" {
		t.Errorf(`URL = %q, want "" for "unknown"`, s.URL)
	}
	if s.Publisher != "Voice of America (VOA News)" {
		t.Errorf("Publisher = %q", s.Publisher)
	}
	// The two chrome lines and the headline line are gone; the text starts with the lead.
	if !strings.HasPrefix(s.Text, "A North Korean diplomat said Pyongyang will no longer honor") {
		t.Errorf("Text starts %q", s.Text[:min(80, len(s.Text))])
	}
	for _, bad := range []string{"Accessibility links", "Breaking News"} {
		if strings.Contains(s.Text, bad) {
			t.Errorf("Text still has %q", bad)
		}
	}
	// The mid-story subheading stays (it is not chrome), as does the last paragraph.
	if !strings.Contains(s.Text, "\nUN report on North Korea\n") || !strings.HasSuffix(s.Text, "preferred to discuss economic issues.\n") {
		t.Errorf("body changed: %q", s.Text)
	}
}

func TestReadTextFrontMatter(t *testing.T) {
	in := "---\ntitle: \"Talks resume\"\ndate: 2019-03-04\nurl: https://example.org/a\npublisher: Example News\nid: story-7\nextra: [1, 2]\n---\nDiplomats met in Geneva on Monday.\n"
	s, warns := ReadText("dir/x.txt", []byte(in), Options{DefaultDate: day0})
	if len(warns) != 0 {
		t.Fatalf("warnings: %v", warns)
	}
	want := story.Story{ID: "story-7", Title: "Talks resume", URL: "https://example.org/a", Publisher: "Example News",
		Text: "Diplomats met in Geneva on Monday.\n", Origin: "dir/x.txt", Date: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}
	if s.ID != want.ID || s.Title != want.Title || s.URL != want.URL || s.Publisher != want.Publisher ||
		s.Text != want.Text || s.Origin != want.Origin || !s.Date.Equal(want.Date) {
		t.Errorf("got %+v\nwant %+v", *s, want)
	}
}

func TestReadTextProblems(t *testing.T) {
	cases := []struct {
		name, in  string
		wantStory bool
		wantWarn  string // substring of the first warning; "" for none
		wantText  string
		wantDate  string
	}{
		{"no front matter", "Plain story text.\n", true, `bad.txt: story "bad": no date; using 2020-01-02`, "Plain story text.\n", "2020-01-02"},
		{"invalid yaml", "---\ntitle: \"unclosed\ndate: 2019-01-01\n---\nBody here.\n", true, "bad.txt:", "Body here.\n", "2020-01-02"},
		{"yaml tab error", "---\ntitle: ok\n\tdate: x: y\n---\nBody.\n", true, "invalid YAML", "Body.\n", "2020-01-02"},
		{"not a mapping", "---\n- a\n- b\n---\nBody.\n", true, "not a mapping", "Body.\n", "2020-01-02"},
		{"unclosed front matter", "---\ntitle: x\nBody without fence.\n", true, "bad.txt:1: front matter opened", "---\ntitle: x\nBody without fence.\n", "2020-01-02"},
		{"unknown date", "---\ndate: \"unknown\"\n---\nBody.\n", true, `bad.txt:2: story "bad": date "unknown" is unreadable; using 2020-01-02`, "Body.\n", "2020-01-02"},
		{"range date", "---\ndate: \"2001-2021 (exact date unknown)\"\n---\nBody.\n", true, "unreadable", "Body.\n", "2020-01-02"},
		{"partial date", "---\ndate: \"2010-09\"\n---\nBody.\n", true, "gives only the month", "Body.\n", "2010-09-01"},
		{"empty file", "", false, "has no text", "", ""},
		{"only front matter", "---\ntitle: x\n---\n", false, "has no text", "", ""},
		{"one line without final punctuation", "Iran threatened Israel\n", true, `bad.txt: story "bad": no date; using 2020-01-02`, "Iran threatened Israel\n", "2020-01-02"},
		{"one headline-case line", "Three Soldiers Killed In Afghan Attack\n", false, "has no text", "", ""},
		{"one capitals line", "CHINA WARNS TAIWAN\n", false, "has no text", "", ""},
		{"invalid utf8", "Caf\xe9 talks.\n", true, "invalid UTF-8", "Caf\uFFFD talks.\n", "2020-01-02"},
		{"dateline date", "Dec. 31, 2000 -- Officials met.\n", true, "", "Officials met.\n", "2000-12-31"},
		{"crlf fences", "---\r\ntitle: x\r\n---\r\nBody.\r\n", true, `bad.txt: story "bad": no date; using 2020-01-02`, "Body.\r\n", "2020-01-02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, warns := ReadText("in/bad.txt", []byte(c.in), Options{DefaultDate: day0})
			if (s != nil) != c.wantStory {
				t.Fatalf("story = %v, want story %v (warnings %v)", s, c.wantStory, warns)
			}
			if c.wantWarn == "" && len(warns) > 0 {
				t.Errorf("unexpected warnings %v", warns)
			}
			if c.wantWarn != "" {
				if len(warns) == 0 || !strings.Contains(warns[0].Error(), c.wantWarn) {
					t.Errorf("warnings %v, want one containing %q", warns, c.wantWarn)
				}
				var ie *InputError
				if len(warns) > 0 && (!errors.As(warns[0], &ie) || ie.Name != "in/bad.txt") {
					t.Errorf("warning %v does not name the file", warns[0])
				}
			}
			if s == nil {
				return
			}
			if s.Text != c.wantText {
				t.Errorf("Text = %q, want %q", s.Text, c.wantText)
			}
			if got := s.Date.Format(time.DateOnly); got != c.wantDate {
				t.Errorf("Date = %s, want %s", got, c.wantDate)
			}
			if len(warns) != len(s.Warnings) {
				t.Errorf("Story.Warnings %v, returned %v", s.Warnings, warns)
			}
		})
	}
}

func TestYAMLErrorLine(t *testing.T) {
	// The bad line is file line 4 (front matter starts on line 2); yaml.v3 reports the flow
	// sequence's context line, one before.
	in := "---\ntitle: a\ndate: b\nurl: [unclosed\n---\nBody.\n"
	_, warns := ReadText("f.txt", []byte(in), Options{DefaultDate: day0})
	if len(warns) == 0 {
		t.Fatal("no warning")
	}
	var ie *InputError
	if !errors.As(warns[0], &ie) || ie.Line < 3 || ie.Line > 6 {
		t.Errorf("warning %v: want a line in 4..6", warns[0])
	}
}

func TestNewsArticles(t *testing.T) {
	dir := sharedtest.Path(t, "data/news/articles")
	var got []*story.Story
	var warns []error
	failed, err := Read(context.Background(), []string{dir}, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e) })
	if err != nil || failed != 0 {
		t.Fatalf("failed %d, err %v", failed, err)
	}
	if len(got) != 182 {
		t.Fatalf("%d stories, want 182", len(got))
	}
	ids := map[string]bool{}
	exact := 0
	for _, s := range got {
		if ids[s.ID] {
			t.Errorf("duplicate id %s", s.ID)
		}
		ids[s.ID] = true
		if s.Date.Year() != 2020 {
			exact++
		}
		if strings.HasPrefix(s.Title, "(no headline") {
			t.Errorf("%s: placeholder title %q kept", s.ID, s.Title)
		}
		// Every warning is about a date.
		for _, w := range s.Warnings {
			if !strings.Contains(w, "date") {
				t.Errorf("%s: unexpected warning %s", s.ID, w)
			}
		}
	}
	// Guardian (40), Wikinews and UN speeches (18) have exact dates; some cb-* have datelines.
	if exact < 58 {
		t.Errorf("%d stories with a real date, want ≥ 58", exact)
	}
	if len(warns) == 0 {
		t.Error(`no warning for the "unknown" dates`)
	}
	t.Logf("%d stories, %d with a date from the data, %d warnings", len(got), exact, len(warns))
}

// TestNewsChromeKept checks that chrome removal drops few lines of real articles (whose text has
// no site chrome): at most a headline, byline or dateline per story.
func TestNewsChromeKept(t *testing.T) {
	dir := sharedtest.Path(t, "data/news/articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	dropped, total, cut := 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := ReadText(f, data, Options{DefaultDate: day0, KeepChrome: true})
		clean, _ := ReadText(f, data, Options{DefaultDate: day0})
		rl, cl := nonBlankLines(raw.Text), nonBlankLines(clean.Text)
		miss := missing(rl, cl)
		if len(cl) > 0 && !strings.Contains("\n"+raw.Text, "\n"+cl[0]) {
			cut++ // the first paragraph lost a dateline
		}
		total += len(rl)
		dropped += len(miss)
		if testing.Verbose() {
			for _, l := range miss {
				t.Logf("%s: dropped %q", filepath.Base(f), l)
			}
		}
		if len(miss) > 2 {
			t.Errorf("%s: %d lines dropped", filepath.Base(f), len(miss))
		}
	}
	t.Logf("%d of %d lines dropped; %d first paragraphs lost a dateline", dropped, total, cut)
	if dropped*100 > total {
		t.Errorf("%d of %d lines dropped (> 1%%)", dropped, total)
	}
}

func nonBlankLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte("---\ntitle: \"A\"\ndate: \"2015-02-20\"\nurl: \"unknown\"\n---\nAccessibility links\n\nBreaking News\n\nA\n\nText.\n"))
	f.Add([]byte("---\ntitle: [\n---\nx"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ndate: !!binary AAAA\n---\nDec. 31, 2000 -- x"))
	f.Add([]byte("---\na: &x [*x]\n---\nb"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n...\r\nWASHINGTON (Reuters) - Y."))
	f.Add([]byte("---\ntitle: x\n---\nA stray\x00 NUL.\nBad \xff byte.\n"))
	f.Add([]byte("\xff\xfe-\x00-\x00-\x00\n\x00-\x00-\x00-\x00\n\x00X\x00."))
	f.Add([]byte("\xfe\xff\x00X\xd8"))
	f.Add([]byte("---\ntitle: Afghan attack\noutlet: Xinhua News Agency\n---\nBreaking News\nThree Soldiers Killed - Xinhua\nShare\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, warns := ReadText("fuzz.txt", data, Options{DefaultDate: day0})
		for _, w := range warns {
			if !strings.HasPrefix(w.Error(), "fuzz.txt") {
				t.Fatalf("warning %q does not name the input", w)
			}
		}
		if s == nil {
			return
		}
		if !isValidUTF8(s.Text) || strings.Contains(s.Text, "\x00") || s.ID == "" || s.Date.IsZero() {
			t.Fatalf("bad story %+v", s)
		}
	})
}

// missing returns the lines of a not in b, where a line of b that is a suffix of a line of a
// (a dateline cut from a paragraph) counts as that line.
func missing(a, b []string) []string {
	var out []string
	j := 0
	for _, l := range a {
		if j < len(b) && strings.HasSuffix(strings.TrimSpace(l), strings.TrimSpace(b[j])) {
			j++
			continue
		}
		out = append(out, l)
	}
	return out
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
