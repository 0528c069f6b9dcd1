package parser

import (
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
