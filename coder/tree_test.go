package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

func TestSkipMask(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want uint8
	}{
		{"acl", skipNP | skipFull | skipNew | skipPP},
		{"acl:relcl", skipNP | skipFull | skipNew | skipPP},
		{"punct", skipNP | skipFull | skipNew | skipPP},
		{"conj", skipNP | skipFull | skipNew},
		{"appos", skipNP | skipFull},
		{"nmod", skipNP},
		{"nmod:poss", 0}, // a possessive stays in the noun phrase ("Iraq's government")
		{"obl:tmod", skipNP},
		{"amod", 0},
		{"compound", 0},
	} {
		base, _, _ := strings.Cut(tc.rel, ":")
		if got := skipMask(tc.rel, base); got != tc.want {
			t.Errorf("skipMask(%q) = %04b, want %04b", tc.rel, got, tc.want)
		}
	}
}

// TestTreeReuse checks that a tree reused for a second sentence holds only that sentence: words,
// children and caches.
func TestTreeReuse(t *testing.T) {
	tok := func(form, lemma string, head int, rel string) story.Token {
		return story.Token{Form: form, Lemma: lemma, Head: head, Deprel: rel, UPOS: "NOUN"}
	}
	long := story.Sentence{Tokens: []story.Token{tok("The", "the", 2, "det"), tok("army", "army", 3, "nsubj"),
		tok("attacked", "attack", 0, "root"), tok("rebels", "rebel", 3, "obj")}}
	short := story.Sentence{Tokens: []story.Token{tok("Police", "", 2, "nsubj"), tok("fired", "fire", 0, "root")}}
	var tr tree
	if err := tr.init(&long); err != nil {
		t.Fatal(err)
	}
	tr.memoOf(1).done = memoNP
	tr.prep(1)
	if err := tr.init(&short); err != nil {
		t.Fatal(err)
	}
	if tr.n != 2 || tr.words[0] != "POLICE" || tr.lemmas[0] != "POLICE" || tr.lemmas[1] != "FIRE" {
		t.Errorf("words %q lemmas %q", tr.words, tr.lemmas)
	}
	if len(tr.kids[1]) != 1 || tr.kids[1][0] != 0 || len(tr.kids[0]) != 0 {
		t.Errorf("kids %v", tr.kids)
	}
	if tr.memoOf(1).done != 0 || tr.prepsDone {
		t.Error("caches of the first sentence survived init")
	}
	bad := story.Sentence{Tokens: []story.Token{tok("a", "", 2, "dep"), tok("b", "", 1, "dep")}}
	if err := tr.init(&bad); err == nil {
		t.Error("head cycle not reported")
	}
}
