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

// TestDocumentName checks that an actor named in front of a treaty, convention, covenant or
// protocol is part of the document's name, not the target, while the body of a charter and the
// proposer of a proposal stay the target.
func TestDocumentName(t *testing.T) {
	c, err := New(qualitySet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	mk := func(noun, lemma string) story.Sentence {
		return sent("Russia condemned the China "+noun+".",
			tk{"Russia", "Russia", "PROPN", "NNP", 2, "nsubj"}, tk{"condemned", "condemn", "VERB", "VBD", 0, "root"},
			tk{"the", "the", "DET", "DT", 5, "det"}, tk{"China", "China", "PROPN", "NNP", 5, "compound"},
			tk{noun, lemma, "NOUN", "NN", 2, "obj"}, tk{".", ".", "PUNCT", ".", 2, "punct"})
	}
	for _, tc := range []struct{ noun, lemma, want string }{
		{"treaties", "treaty", ""},
		{"Convention", "Convention", ""},
		{"protocol", "protocol", ""},
		{"charter", "charter", "RUS CHN 111"},
		{"proposal", "proposal", "RUS CHN 111"},
		{"army", "army", "RUS CHN 111"},
	} {
		if got := strings.Join(code(t, c, "2015-01-15", mk(tc.noun, tc.lemma)), "|"); got != tc.want {
			t.Errorf("Russia condemned the China %s: got %q, want %q", tc.noun, got, tc.want)
		}
	}
}

// TestDisputedClaim checks that the act in a claim the sentence calls baseless is not coded
// ("allegations that France attacked Germany are baseless"), in the UD tree and in the tree
// the parser gave for the news sentence (the adjective hung from the claimed verb), while a
// claim called true still codes the act.
func TestDisputedClaim(t *testing.T) {
	c, err := New(qualitySet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	// UD: "allegations" is the subject of "baseless", "attacked" a clause of "allegations".
	ud := func(adj string) story.Sentence {
		return sent("Allegations that France attacked Germany are "+adj+".",
			tk{"Allegations", "allegation", "NOUN", "NNS", 7, "nsubj"}, tk{"that", "that", "SCONJ", "IN", 4, "mark"},
			tk{"France", "France", "PROPN", "NNP", 4, "nsubj"}, tk{"attacked", "attack", "VERB", "VBD", 1, "acl"},
			tk{"Germany", "Germany", "PROPN", "NNP", 4, "obj"}, tk{"are", "be", "AUX", "VBP", 7, "cop"},
			tk{adj, adj, "ADJ", "JJ", 0, "root"}, tk{".", ".", "PUNCT", ".", 7, "punct"})
	}
	// The parser's tree of cb-thenewspk_024-14: "that" an nmod of "allegations", the claimed
	// verb its ccomp, "baseless" an xcomp of the verb.
	news := sent("Japan denounced allegations that France attacked Germany are baseless.",
		tk{"Japan", "Japan", "PROPN", "NNP", 2, "nsubj"}, tk{"denounced", "denounce", "VERB", "VBD", 0, "root"},
		tk{"allegations", "allegation", "NOUN", "NNS", 2, "obj"}, tk{"that", "that", "SCONJ", "IN", 3, "nmod"},
		tk{"France", "France", "PROPN", "NNP", 6, "nsubj"}, tk{"attacked", "attack", "VERB", "VBD", 4, "ccomp"},
		tk{"Germany", "Germany", "PROPN", "NNP", 6, "obj"}, tk{"are", "be", "AUX", "VBP", 9, "cop"},
		tk{"baseless", "baseless", "ADJ", "JJ", 6, "xcomp"}, tk{".", ".", "PUNCT", ".", 2, "punct"})
	checkCodes(t, c, []codeCase{
		{"baseless", ud("baseless"), ""},
		{"unfounded", ud("unfounded"), ""},
		{"true", ud("true"), "FRA DEU 190"},
		{"parser's tree", news, ""},
	})
}
