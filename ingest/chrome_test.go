package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestStripChrome(t *testing.T) {
	cases := []struct {
		name, in, title          string
		want, headline, dateline string
	}{
		{"seed chrome", "Accessibility links\n\nBreaking News\n\nDiplomat: X\n\nA diplomat said so.\n\nShare\n\nThe end.\n", "Diplomat: X",
			"A diplomat said so.\n\nThe end.\n", "Diplomat: X", ""},
		{"headline without title", "Skip to main content\nMenu\nTalks Resume in Geneva\n\nBy JANE DOE, Associated Press\n\nDiplomats met on Monday.\n", "",
			"Diplomats met on Monday.\n", "Talks Resume in Geneva", ""},
		{"cookie notice and print", "We use cookies to improve your experience. By continuing you accept our cookie policy.\nThe minister resigned.\nPrint\nAdvertisement\nHe denied wrongdoing.\n", "",
			"The minister resigned.\nHe denied wrongdoing.\n", "", ""},
		{"wire dateline", "WASHINGTON (Reuters) - The United States imposed sanctions.\nMore text.\n", "",
			"The United States imposed sanctions.\nMore text.\n", "", ""},
		{"dated wire dateline", "BEIJING, Feb. 20, 2015 (Xinhua) -- China urged restraint.\n", "",
			"China urged restraint.\n", "", "Feb. 20, 2015"},
		{"colon dateline", "SEOUL: North Korea fired two missiles.\n", "",
			"North Korea fired two missiles.\n", "", ""},
		{"date dash", "Dec. 31, 2000 -- For New Year's Eve 1900, New Yorkers celebrated.\n", "",
			"For New Year's Eve 1900, New Yorkers celebrated.\n", "", "Dec. 31, 2000"},
		{"standalone date line", "Friday, August 21, 2015\nNorth Korea put its military on alert.\n", "",
			"North Korea put its military on alert.\n", "", "Friday, August 21, 2015"},
		{"published stamp", "Published: 20 February 2015\nUpdated 3 hours ago\nThe talks failed.\n", "",
			"The talks failed.\n", "", ""},
		{"not a dateline: ordinary capitals", "US - China talks resumed.\n", "", "US - China talks resumed.\n", "", ""},
		{"not a byline", "By and large, officials agreed.\n", "", "By and large, officials agreed.\n", "", ""},
		{"byline after lead stays", "The army attacked.\nBy Monday the town had fallen.\n", "", "The army attacked.\nBy Monday the town had fallen.\n", "", ""},
		{"chrome mid-story, blanks kept elsewhere", "First.\n\n\nSecond.\nRead more: Other story\nThird.\n", "", "First.\n\n\nSecond.\nThird.\n", "", ""},
		{"headline above a dated paragraph", "2 Dead, 13 Hurt in Calif.\nMarch 5, 2001 -- Smiling as he pulled the trigger, a boy shot two students.\n", "(no headline in source) 2 Dead, 13 Hurt in Calif.",
			"Smiling as he pulled the trigger, a boy shot two students.\n", "2 Dead, 13 Hurt in Calif.", "March 5, 2001"},
		{"placeholder title", "Police arrested 18 men Wednesday.\nMore.\n", "(no headline in source) Police arrested 18 men Wednesday.",
			"Police arrested 18 men Wednesday.\nMore.\n", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, hl, dl := StripChrome(c.in, c.title)
			if got != c.want || hl != c.headline || dl != c.dateline {
				t.Errorf("StripChrome(%q)\n got %q, %q, %q\nwant %q, %q, %q", c.in, got, hl, dl, c.want, c.headline, c.dateline)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string // "" when unreadable
		prec Precision
	}{
		{"2015-02-20", "2015-02-20", PrecisionDay},
		{"2015-02-20T23:30:00-05:00", "2015-02-20", PrecisionDay},
		{"Fri, 20 Feb 2015 10:00:00 GMT", "2015-02-20", PrecisionDay},
		{"Fri, 20 Feb 2015 10:00:00 +0900", "2015-02-20", PrecisionDay},
		{"Feb. 20, 2015", "2015-02-20", PrecisionDay},
		{"Sept. 9, 2016", "2016-09-09", PrecisionDay},
		{"20 February 2015", "2015-02-20", PrecisionDay},
		{"Friday, August 21, 2015", "2015-08-21", PrecisionDay},
		{"le 20 février 2015", "2015-02-20", PrecisionDay},
		{"2010-09", "2010-09-01", PrecisionMonth},
		{"1995", "1995-01-01", PrecisionYear},
		{"unknown", "", PrecisionNone},
		{"2001-2021 (exact date unknown)", "", PrecisionNone},
		{"1980s (exact date unknown)", "", PrecisionNone},
		{"c. 2017-2018 (exact date unknown)", "", PrecisionNone},
		{"yesterday", "", PrecisionNone},
		{"Monday", "", PrecisionNone},
		{"2015-13-45", "", PrecisionNone},
		{"", "", PrecisionNone},
	}
	for _, c := range cases {
		got, prec, ok := ParseDate(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %v, want unreadable", c.in, got)
			}
			continue
		}
		if !ok || got.Format(time.DateOnly) != c.want || prec != c.prec {
			t.Errorf("ParseDate(%q) = %v %v %v, want %s %v", c.in, got, prec, ok, c.want, c.prec)
		}
	}
}

func FuzzStripChrome(f *testing.F) {
	f.Add("Accessibility links\n\nBreaking News\n\nT\n\nA diplomat said so.\n", "T")
	f.Add("WASHINGTON (Reuters) - The United States imposed sanctions.\n", "")
	f.Add("2 Dead\nMarch 5, 2001 -- Smiling.\n", "(no headline in source) x")
	f.Add("\r\n\r\nBy JANE DOE\r\nFriday, August 21, 2015\r\nSEOUL: x", "")
	f.Add("Breaking News\nThree Soldiers Killed In Afghan Attack\nShare\n", "")
	f.Add("Iran threatened\nIsrael on Monday.\n", "")
	f.Fuzz(func(t *testing.T, text, title string) {
		clean, headline, dateline := StripChrome(text, title)
		if normLine(title) == "" && headline != "" && !headlineCase(headline) {
			t.Fatalf("headline %q guessed in sentence case", headline)
		}
		if len(clean) > len(text) {
			t.Fatalf("text grew: %q -> %q", text, clean)
		}
		if headline != "" && !strings.Contains(text, headline) || dateline != "" && !strings.Contains(text, dateline) {
			t.Fatalf("headline %q or dateline %q not from the text", headline, dateline)
		}
		// Every kept line (or its end, after a dateline) comes from the input.
		for _, l := range strings.Split(clean, "\n") {
			if !strings.Contains(text, l) {
				t.Fatalf("line %q not in the input", l)
			}
		}
	})
}
