package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// flatSent makes a sentence of the space-separated words of text, every word hanging from the
// first (a flat tree is enough for markCredits), with UPOS PROPN except the words in verbs.
func flatSent(text string, verbs ...string) story.Sentence {
	var toks []tk
	for i, w := range strings.Fields(text) {
		u, rel, h := "PROPN", "dep", 1
		if i == 0 {
			rel, h = "root", 0
		}
		if w == "(" || w == ")" || w == "," || isDash(w) {
			u = "PUNCT"
		}
		for _, v := range verbs {
			if v == w {
				u = "VERB"
			}
		}
		toks = append(toks, tk{w, w, u, "", h, rel})
	}
	return sent(text, toks...)
}

func TestMarkCredits(t *testing.T) {
	for _, tc := range []struct {
		text, pub string
		verbs     []string
		want      string // the marked words, space-separated
	}{
		{"SRINAGAR , Kashmir , May 29 ( Xinhua ) -- A civilian was killed", "", []string{"killed"}, "Xinhua"},
		{"WASHINGTON ( AP ) — Obama met Iran", "", []string{"met"}, "AP"},
		{"HAVANA , Cuba ( Kashmir Times ) -- Talks", "", nil, "Kashmir Times"},
		// A parenthesised name before a dash in a sentence that is no dateline stays.
		{"The Islamic State ( IS ) -- which attacked Syria", "", []string{"attacked"}, ""},
		// ... unless it names a known outlet or the publisher.
		{"Agitators probe electors ( Los Angeles Times ) -- Talks", "", []string{"probe"}, "Los Angeles Times"},
		{"Troops kill 3 militants - Xinhua", "", []string{"kill"}, "Xinhua"},
		{"Troops kill 3 militants | Reuters", "", []string{"kill"}, "Reuters"},
		{"Troops kill 3 militants — Al Jazeera English", "", []string{"kill"}, "Al Jazeera English"},
		{"Troops kill 3 militants - Kashmir Times", "Kashmir Times", []string{"kill"}, "Kashmir Times"},
		{"Troops kill 3 militants - Kashmir Times", "The Kashmir Times Online", []string{"kill"}, "Kashmir Times"},
		// Not a known outlet nor the publisher: a place or an actor, kept.
		{"Troops kill 3 militants - Kashmir Times", "", []string{"kill"}, ""},
		{"Troops kill 3 militants - China", "Xinhua News Agency", []string{"kill"}, ""},
		// A verb after the dash: a clause, not a credit.
		{"Troops kill 3 militants - Reuters reports", "", []string{"kill", "reports"}, ""},
	} {
		s := flatSent(tc.text, tc.verbs...)
		var tr tree
		if err := tr.init(&s, nil); err != nil {
			t.Fatal(err)
		}
		tr.markCredits(outletKey(tc.pub))
		var got []string
		for k := range s.Tokens {
			if tr.isCredit(k) {
				got = append(got, s.Tokens[k].Form)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q (publisher %q): credit %q, want %q", tc.text, tc.pub, g, tc.want)
		}
	}
}

func TestOutletKey(t *testing.T) {
	for in, want := range map[string]string{
		"Xinhua News Agency": "XINHUA",
		"The BBC News":       "BBC",
		"Al-Jazeera":         "AL JAZEERA",
		"RFE/RL":             "RFE RL",
		"News":               "NEWS",
		"":                   "",
	} {
		if got := outletKey(in); got != want {
			t.Errorf("outletKey(%q) = %q, want %q", in, got, want)
		}
	}
}
