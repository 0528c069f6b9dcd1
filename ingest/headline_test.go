package ingest

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// TestHeadlineRule checks the headline rule, the same for plain text, JSONL "text" and feed items:
// a line is guessed to be a headline only when it is in title case or capitals and has no final
// punctuation (a sentence-case line is text, whatever its punctuation), also when chrome lines
// follow it; a story whose only line is such a headline is not coded, whatever its title; a line
// equal to the title is dropped, and kept as the text when it is the only one and not written
// as a headline. A page title ending in the publisher's name ("... - Xinhua") is a headline too.
func TestHeadlineRule(t *testing.T) {
	const (
		flotilla = "Turkey condemned an Israeli raid on a Gaza aid flotilla"
		afghan   = "Three Soldiers Killed In Afghan Attack"
		body     = "Three soldiers were killed on Monday when a roadside bomb hit their vehicle in Helmand province, officials said."
		asTitle  = "its only line is a headline (title case or capitals), read as the title"
		notCoded = "its only line is a headline (title case or capitals), not coded"
		rss      = `<rss version="2.0"><channel><title>F</title><item>%s<link>http://x.org/b</link>` +
			`<pubDate>Tue, 01 Jun 2010 10:00:00 GMT</pubDate><description>%s</description></item></channel></rss>`
	)
	for _, tc := range []struct {
		name, format, in string
		title, text, err string // want; err: the only problem, when no story
	}{
		// JSONL "text".
		{"jsonl sentence case, no period", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"` + flotilla + `"}`, "", flotilla, ""},
		{"jsonl title-case headline above the body", "jsonl",
			`{"id":"k1","date":"2016-01-01","text":"` + afghan + `\n\n` + body + `"}`, afghan, body, ""},
		{"jsonl title case alone", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Iran Warns Israel Against Strike on Nuclear Sites"}`,
			"", "", `dump:1: story "x" has no text: ` + asTitle},
		{"jsonl capitals alone", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"CHINA WARNS TAIWAN"}`, "", "", `dump:1: story "x" has no text: ` + asTitle},
		{"jsonl title-case text equal to its title", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"` + afghan + `","text":"` + afghan + `"}`,
			"", "", `dump:1: story "x" has no text: ` + asTitle},
		{"jsonl title-case text beside another title", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Afghan attack","text":"` + afghan + `\nShare"}`,
			"", "", `dump:1: story "x" has no text: ` + notCoded},
		{"jsonl sentence-case text equal to its title", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"` + flotilla + `","text":"` + flotilla + `"}`, flotilla, flotilla, ""},
		{"jsonl title-case line with a full stop", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Iran Warns Israel Against Strike."}`, "", "Iran Warns Israel Against Strike.", ""},
		{"jsonl title repeated above the body", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Turkey Condemns Raid","text":"Turkey Condemns Raid\n\n` + flotilla + `."}`,
			"Turkey Condemns Raid", flotilla + ".", ""},
		{"jsonl title-case first line without title", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Talks in Geneva\n\nIran met Britain in Geneva on Monday."}`,
			"Talks in Geneva", "Iran met Britain in Geneva on Monday.", ""},
		{"jsonl sentence-case first line", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Iran threatened\nIsrael on Monday."}`, "", "Iran threatened\nIsrael on Monday.", ""},
		{"jsonl title and chrome only", "jsonl",
			`{"id":"x","date":"2010-06-01","title":"Talks","text":"Talks\nAdvertisement"}`,
			"Talks", "Talks\n", ""},
		{"jsonl chrome only", "jsonl",
			`{"id":"x","date":"2010-06-01","text":"Advertisement"}`, "", "", `dump:1: story "x" has no text`},
		// Feed items.
		{"feed description equal to the title", "rss",
			fmt.Sprintf(rss, "<title>Turkey Condemns Israeli Raid</title>", "Turkey Condemns Israeli Raid"),
			"", "", `dump: item 1 (x.org-b) has no text: ` + asTitle + `; skipped`},
		{"feed description a headline beside another title", "rss",
			fmt.Sprintf(rss, "<title>Raid</title>", "&lt;p&gt;"+afghan+"&lt;/p&gt;&lt;p&gt;Share&lt;/p&gt;"),
			"", "", `dump: item 1 (x.org-b) has no text: ` + notCoded + `; skipped`},
		{"feed headline above the body, no item title", "rss",
			fmt.Sprintf(rss, "", "&lt;p&gt;"+afghan+"&lt;/p&gt;&lt;p&gt;"+body+"&lt;/p&gt;"), afghan, body, ""},
		{"feed one-line description", "rss",
			fmt.Sprintf(rss, "<title>Raid</title>", flotilla), "Raid", flotilla, ""},
		// Plain text.
		{"text sentence case, no period", "text", flotilla + "\n", "", flotilla + "\n", ""},
		{"text title case stays a headline", "text", "Iran Warns Israel Against Strike on Nuclear Sites\n", "", "",
			`dump: story "dump" has no text: ` + asTitle},
		{"text headline then chrome", "text", afghan + "\nShare\n", "", "", `dump: story "dump" has no text: ` + asTitle},
		{"text chrome then headline", "text", "Breaking News\n" + afghan + "\n", "", "", `dump: story "dump" has no text: ` + asTitle},
		{"text headline beside a front-matter title", "text", "---\ntitle: Afghan attack\ndate: 2016-01-01\n---\n" + afghan + "\n",
			"", "", `dump: story "dump" has no text: ` + notCoded},
		{"text sentence-case line equal to the title", "text", "---\ntitle: " + flotilla + "\n---\n" + flotilla + "\nShare\n",
			flotilla, flotilla + "\n", ""},
		{"text headline, chrome, body", "text", afghan + "\nShare\n" + body + "\n", afghan, body + "\n", ""},
		{"text headline above the body", "text", "Talks in Geneva\n\nIran met Britain in Geneva on Monday.\n",
			"Talks in Geneva", "Iran met Britain in Geneva on Monday.\n", ""},
		{"text sentence-case first line", "text", "Iran threatened\nIsrael on Monday.\n", "", "Iran threatened\nIsrael on Monday.\n", ""},
		{"text sentence-case first line, blank line", "text", "Iran threatened Israel\n\nThe threat came on Monday in a speech.\n",
			"", "Iran threatened Israel\n\nThe threat came on Monday in a speech.\n", ""},
		{"text page title ending in the publisher", "text",
			"---\noutlet: Xinhua News Agency\n---\nTurkey launches operation in northern Iraq - Xinhua\n" +
				"ANKARA, May 29 (Xinhua) -- Turkey has launched an operation in northern Iraq, experts said.\n",
			"Turkey launches operation in northern Iraq - Xinhua", "Turkey has launched an operation in northern Iraq, experts said.\n", ""},
		{"text sentence case ending in another name", "text",
			"---\noutlet: Reuters\n---\nTurkey launches operation in northern Iraq - Xinhua\n" +
				"Turkey has launched an operation in northern Iraq, experts said.\n",
			"", "Turkey launches operation in northern Iraq - Xinhua\nTurkey has launched an operation in northern Iraq, experts said.\n", ""},
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
				if len(got) != 0 || strings.Join(errs, "\n") != tc.err {
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
	// The same for a JSONL text, and for a headline line left beside a title of another wording.
	for _, tc := range []struct{ in, title, text string }{
		{`{"id":"x","date":"2010-06-01","text":"Iran Warns Israel Against Strike on Nuclear Sites"}`,
			"Iran Warns Israel Against Strike on Nuclear Sites", "Iran Warns Israel Against Strike on Nuclear Sites"},
		{`{"id":"x","date":"2010-06-01","title":"Strike","text":"Share\nIran Warns Israel Against Strike on Nuclear Sites"}`,
			"Strike", "Iran Warns Israel Against Strike on Nuclear Sites"},
	} {
		var got []*story.Story
		var errs []string
		_, err := ReadJSONL("dump", strings.NewReader(tc.in), Options{DefaultDate: day0, KeepLoneHeadline: true},
			func(s *story.Story) error { got = append(got, s); return nil }, func(e error) { errs = append(errs, e.Error()) })
		want := `dump:1: story "x": its only line is a headline (title case or capitals); kept as its text`
		if err != nil || len(got) != 1 || got[0].Title != tc.title || got[0].Text != tc.text || strings.Join(errs, "\n") != want {
			t.Errorf("%s: err %v, stories %+v, problems %q; want title %q, text %q and %q", tc.in, err, got, errs, tc.title, tc.text, want)
		}
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

// TestSiteSuffix checks the page-title shape: a line ending, after a dash or bar, in the
// publisher's name or its first words.
func TestSiteSuffix(t *testing.T) {
	for _, tc := range []struct {
		line, publisher string
		want            bool
	}{
		{"Turkey launches operation - Xinhua", "Xinhua News Agency", true},
		{"Turkey launches operation | Xinhua News Agency", "Xinhua News Agency", true},
		{"Turkey launches operation — reuters", "Reuters", true},
		{"US - China talks resumed | Reuters", "Reuters", true},
		{"Turkey launches operation - Xinhua", "", false},
		{"Turkey launches operation - Xinhua", "Reuters", false},
		{"Turkey launches operation - Xinhua News Agency Online", "Xinhua News Agency", false},
		{"Talks resumed - Reuters | Yahoo", "Reuters", false},
		{" - Xinhua", "Xinhua", false},
		{"Turkey-Xinhua", "Xinhua", false},
	} {
		if got := siteSuffix(tc.line, tc.publisher); got != tc.want {
			t.Errorf("siteSuffix(%q, %q) = %v, want %v", tc.line, tc.publisher, got, tc.want)
		}
	}
}
