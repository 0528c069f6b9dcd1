package ingest

import (
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// TestExplicitTextKept checks that the text field of a JSONL record or of a feed item is the
// story's text whatever its shape: a one-line text without final punctuation, in any case, is
// not taken for a headline and dropped; only a line equal to the title field is dropped, and
// only when other text is left. Plain text keeps the headline heuristic (the last cases).
func TestExplicitTextKept(t *testing.T) {
	const flotilla = "Turkey condemned an Israeli raid on a Gaza aid flotilla"
	for _, tc := range []struct {
		name, format, in string
		title, text, err string // want; err: the error when no story
	}{
		{"jsonl sentence case, no period", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"` + flotilla + `"}`, "", flotilla, ""},
		{"jsonl title case", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Iran Warns Israel Against Strike on Nuclear Sites"}`,
			"", "Iran Warns Israel Against Strike on Nuclear Sites", ""},
		{"jsonl capitals", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"CHINA WARNS TAIWAN"}`, "", "CHINA WARNS TAIWAN", ""},
		{"jsonl text equal to its title", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Turkey Condemns Raid","text":"Turkey Condemns Raid"}`,
			"Turkey Condemns Raid", "Turkey Condemns Raid", ""},
		{"jsonl title repeated above the body", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Turkey Condemns Raid","text":"Turkey Condemns Raid\n\n` + flotilla + `."}`,
			"Turkey Condemns Raid", flotilla + ".", ""},
		{"jsonl short first line without title stays", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Talks in Geneva\n\nIran met Britain in Geneva on Monday."}`,
			"", "Talks in Geneva\n\nIran met Britain in Geneva on Monday.", ""},
		{"jsonl title and chrome only", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Talks","text":"Talks\nAdvertisement"}`,
			"Talks", "Talks\n", ""},
		{"jsonl chrome only", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Advertisement"}`, "", "", `dump:1: story "x" has no text`},
		{"feed description equal to the title", "rss",
			`<rss version="2.0"><channel><title>F</title><item><title>Turkey Condemns Israeli Raid</title>` +
				`<link>http://x.org/b</link><pubDate>Tue, 01 Jun 2010 10:00:00 GMT</pubDate>` +
				`<description>Turkey Condemns Israeli Raid</description></item></channel></rss>`,
			"Turkey Condemns Israeli Raid", "Turkey Condemns Israeli Raid", ""},
		{"feed one-line description", "rss",
			`<rss version="2.0"><channel><title>F</title><item><title>Raid</title>` +
				`<link>http://x.org/b</link><pubDate>Tue, 01 Jun 2010 10:00:00 GMT</pubDate>` +
				`<description>` + flotilla + `</description></item></channel></rss>`,
			"Raid", flotilla, ""},
		{"text sentence case, no period", "text", flotilla + "\n", flotilla, flotilla + "\n", ""},
		{"text title case stays a headline", "text", "Iran Warns Israel Against Strike on Nuclear Sites\n", "", "",
			`dump: story "dump" has no text: its only line is a headline (title case or capitals), read as the title`},
		{"text headline above the body", "text", "Talks in Geneva\n\nIran met Britain in Geneva on Monday.\n",
			"Talks in Geneva", "Iran met Britain in Geneva on Monday.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []*story.Story
			var errs []string
			emit := func(s *story.Story) error { got = append(got, s); return nil }
			warn := func(e error) { errs = append(errs, e.Error()) }
			opts := Options{DefaultDate: day0}
			switch tc.format {
			case "jsonl":
				if _, err := ReadJSONL("dump", strings.NewReader(tc.in), opts, emit, warn); err != nil {
					t.Fatal(err)
				}
			case "rss":
				if _, err := ReadFeed("dump", []byte(tc.in), "", opts, emit, warn); err != nil {
					t.Fatal(err)
				}
			case "text":
				s, ws := ReadText("dump", []byte(tc.in), opts)
				for _, w := range ws {
					warn(w)
				}
				if s != nil {
					got = append(got, s)
				}
			}
			if tc.err != "" {
				if len(got) != 0 || !strings.Contains(strings.Join(errs, "\n"), tc.err) {
					t.Errorf("stories %d, problems %q; want none and %q", len(got), errs, tc.err)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d stories, problems %q; want one", len(got), errs)
			}
			if got[0].Title != tc.title || got[0].Text != tc.text {
				t.Errorf("title %q, text %q; want %q, %q", got[0].Title, got[0].Text, tc.title, tc.text)
			}
		})
	}
}

// TestReadTextKeepLoneHeadline checks Options.KeepLoneHeadline: a one-line story in title case
// becomes the text, with a warning; without the option it is a headline and the story has none.
func TestReadTextKeepLoneHeadline(t *testing.T) {
	const line = "Iran Warns Israel Against Strike on Nuclear Sites\n"
	s, warns := ReadText("-", []byte(line), Options{DefaultDate: day0, KeepLoneHeadline: true})
	if s == nil || s.Text != line || s.Title != strings.TrimSpace(line) || len(warns) != 2 ||
		warns[0].Error() != `-: story "stdin": its only line is a headline (title case or capitals); kept as its text` {
		t.Errorf("story %+v, warnings %q", s, warns)
	}
	// The option changes nothing for a story with a body.
	s, _ = ReadText("-", []byte("Talks in Geneva\n\nIran met Britain.\n"), Options{DefaultDate: day0, KeepLoneHeadline: true})
	if s == nil || s.Text != "Iran met Britain.\n" || s.Title != "Talks in Geneva" {
		t.Errorf("story %+v", s)
	}
}

// TestDeduperNothingToCompare checks that stories without any word (an empty text, as a PETRARCH
// story whose every <Parse> is bad gives, or punctuation only) are never near-duplicates, of each
// other or of anything, while short identical texts still are.
func TestDeduperNothingToCompare(t *testing.T) {
	d := NewDeduper(DedupOptions{})
	for _, tc := range []struct {
		id, text, dupOf string
		sim             float64
	}{
		{"w", "", "", 0},
		{"z", "", "", 0},
		{"p", " ... -- ", "", 0},
		{"q", "!!!", "", 0},
		{"a", "Parliament met.", "", 0},
		{"b", "PARLIAMENT met!", "a", 1},
		{"c", "", "", 0},
	} {
		kept, sim, dup := d.Add(&story.Story{ID: tc.id, Text: tc.text})
		got := ""
		if dup {
			got = kept.ID
		}
		if got != tc.dupOf || sim != tc.sim {
			t.Errorf("Add(%q): copy of %q (similarity %.2f); want %q (%.2f)", tc.id, got, sim, tc.dupOf, tc.sim)
		}
	}
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"", "", 0},
		{"", "Parliament met.", 0},
		{"...", "!!!", 0},
		{"Parliament met.", "parliament MET", 1},
	} {
		if got := Similarity(tc.a, tc.b); got != tc.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestReadDedupEmptyStories checks, through Read with a caller's reader (as PETRARCH XML is
// read), that two stories left without sentences or text are both emitted and not reported as
// near-duplicates of each other.
func TestReadDedupEmptyStories(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/bad.xml", "<Sentences>\n</Sentences>\n")
	reader := func(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (int, error) {
		if _, err := io.ReadAll(r); err != nil {
			return 0, err
		}
		for i, id := range []string{"w", "z"} {
			warn(inputErr(name, 2+8*i, "record %q: bad <Parse>: unclosed '('", id+"-1"))
			if err := emit(&story.Story{ID: id, Origin: name, Date: day0}); err != nil {
				return 2, err
			}
		}
		return 2, nil
	}
	opts := Options{DefaultDate: day0, Format: FormatPetrarchXML, Dedup: NewDeduper(DedupOptions{}),
		Readers: map[string]ReaderFunc{FormatPetrarchXML: reader}}
	ids, warns, failed := readAll(t, []string{dir + "/bad.xml"}, opts)
	if strings.Join(ids, ",") != "w,z" || failed != 2 || len(warns) != 2 {
		t.Errorf("stories %v, failed %d, warnings %q; want w,z, 2 and the two bad <Parse>", ids, failed, warns)
	}
	for _, w := range warns {
		if strings.Contains(w, "near-duplicate") {
			t.Errorf("warning %q", w)
		}
	}
}
