package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

func TestRepairAdjectives(t *testing.T) {
	tok := func(form, upos string, head int, rel string) story.Token {
		return story.Token{Form: form, UPOS: upos, Head: head, Deprel: rel}
	}
	for _, c := range []struct {
		name string
		toks []story.Token
		head int // wanted head of token 1 (1-based) after the repair
		rel  string
		n    int
	}{
		{"nationality before a title", []story.Token{
			tok("Mexican", "ADJ", 5, "advmod"), tok("President", "PROPN", 3, "nmod:desc"), tok("Felipe", "PROPN", 5, "nsubj"),
			tok("Calderon", "PROPN", 3, "flat"), tok("met", "VERB", 0, "root"), tok("Obama", "PROPN", 5, "obj")}, 2, "amod", 1},
		{"nationality before a two-word title", []story.Token{
			tok("Syrian", "ADJ", 6, "advmod"), tok("Foreign", "ADJ", 3, "amod"), tok("Minister", "PROPN", 4, "nmod:desc"),
			tok("Walid", "PROPN", 6, "nsubj"), tok("Moualem", "PROPN", 4, "flat"), tok("accused", "VERB", 0, "root")}, 3, "amod", 1},
		{"only adjectives after it", []story.Token{
			tok("Syrian", "ADJ", 3, "advmod"), tok("Foreign", "ADJ", 3, "amod"), tok("accused", "VERB", 0, "root")}, 3, "advmod", 0},
		{"lower-case adjective", []story.Token{
			tok("best", "ADJ", 3, "advmod"), tok("dress", "NOUN", 3, "compound"), tok("made", "VERB", 0, "root")}, 3, "advmod", 0},
		{"adjective with a dependent", []story.Token{
			tok("Mexican", "ADJ", 4, "advmod"), tok("President", "PROPN", 4, "nsubj"), tok("-", "PUNCT", 1, "punct"), tok("met", "VERB", 0, "root")}, 4, "advmod", 0},
		{"head not a verb", []story.Token{
			tok("Mexican", "ADJ", 3, "advmod"), tok("President", "PROPN", 3, "nsubj"), tok("tall", "ADJ", 0, "root")}, 3, "advmod", 0},
		{"before a verb", []story.Token{
			tok("Mexican", "ADJ", 3, "advmod"), tok("sing", "VERB", 3, "conj"), tok("met", "VERB", 0, "root")}, 3, "advmod", 0},
	} {
		s := story.Sentence{Tokens: c.toks}
		n := RepairAdjectives(&s)
		if got := s.Tokens[0]; got.Head != c.head || got.Deprel != c.rel || n != c.n {
			t.Errorf("%s: token 1 → %d %s (%d changed), want %d %s (%d)", c.name, got.Head, got.Deprel, n, c.head, c.rel, c.n)
		}
	}
	var empty story.Sentence
	if RepairAdjectives(&empty) != 0 {
		t.Error("empty sentence changed")
	}
}

func TestRepairAdjectiveRoot(t *testing.T) {
	tok := func(form, upos, xpos string, head int, rel string) story.Token {
		return story.Token{Form: form, UPOS: upos, XPOS: xpos, Head: head, Deprel: rel}
	}
	// "Syrian Foreign Minister Walid Moualem accused Turkey ." with "Syrian" as the root, the
	// name as its obl and the verb as an acl of the name.
	s := story.Sentence{Tokens: []story.Token{
		tok("Syrian", "ADJ", "JJ", 0, "root"), tok("Foreign", "ADJ", "NNP", 3, "amod"), tok("Minister", "PROPN", "NNP", 4, "nmod:desc"),
		tok("Walid", "PROPN", "NNP", 1, "obl"), tok("Moualem", "PROPN", "NNP", 4, "flat"), tok("accused", "VERB", "VBD", 4, "acl"),
		tok("Turkey", "PROPN", "NNP", 6, "obj"), tok(".", "PUNCT", ".", 1, "punct")}}
	if n := RepairAdjectives(&s); n != 4 {
		t.Errorf("changed %d tokens, want 4", n)
	}
	var got []string
	for _, tk := range s.Tokens {
		got = append(got, fmt.Sprintf("%d:%s", tk.Head, tk.Deprel))
	}
	want := "3:amod 3:amod 4:nmod:desc 6:nsubj 4:flat 0:root 6:obj 6:punct"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
	// No finite verb after the noun phrase: left alone.
	s = story.Sentence{Tokens: []story.Token{
		tok("Syrian", "ADJ", "JJ", 0, "root"), tok("troops", "NOUN", "NNS", 1, "nsubj"), tok("withdrawing", "VERB", "VBG", 2, "acl")}}
	if n := RepairAdjectives(&s); n != 0 || s.Tokens[0].Head != 0 {
		t.Errorf("verbless sentence changed (%d)", n)
	}
}

func TestIsTree(t *testing.T) {
	mk := func(heads ...int) []story.Token {
		var ts []story.Token
		for _, h := range heads {
			ts = append(ts, story.Token{Head: h})
		}
		return ts
	}
	for _, c := range []struct {
		heads []int
		want  bool
	}{
		{[]int{2, 0, 2}, true},
		{[]int{2, 0, 0}, false}, // two roots
		{[]int{2, 3, 1}, false}, // a cycle, no root
		{[]int{0, 3, 2}, false}, // a cycle beside the root
		{[]int{0, 4}, false},    // head out of range
		{[]int{1}, false},       // own head
	} {
		if got := isTree(mk(c.heads...)); got != c.want {
			t.Errorf("heads %v: isTree %v, want %v", c.heads, got, c.want)
		}
	}
}
