package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// FuzzCodeStory codes arbitrary trees: any heads (cycles, out of range), relations and words.
// The coder must never panic and must report malformed trees as problems.
func FuzzCodeStory(f *testing.F) {
	f.Add([]byte{2, 1, 0, 3, 2, 2}, "Germany invaded France")
	f.Add([]byte{2, 5, 0, 0, 1, 6, 2, 2}, "Obama said he would visit China")
	f.Add([]byte{1, 1, 1, 1}, "not not")
	set := testSet(f)
	c, err := New(set, DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	rels := []string{"nsubj", "root", "obj", "obl", "nmod", "conj", "xcomp", "ccomp", "acl", "case", "compound", "advmod", "nsubj:pass", "aux:pass", "parataxis", "appos", "cc", "mark", "amod", "obl:agent"}
	upos := []string{"PROPN", "VERB", "NOUN", "PRON", "ADP", "PART", "ADJ", "AUX"}
	f.Fuzz(func(t *testing.T, heads []byte, text string) {
		words := strings.Fields(text)
		if len(words) == 0 || len(words) > 40 {
			return
		}
		s := story.Sentence{Text: text, Start: -1, End: -1}
		for i, w := range words {
			h, r := 0, 0
			if 2*i < len(heads) {
				h = int(heads[2*i]) % (len(words) + 2)
			}
			if 2*i+1 < len(heads) {
				r = int(heads[2*i+1])
			}
			s.Tokens = append(s.Tokens, story.Token{Form: w, Lemma: strings.ToLower(w), UPOS: upos[r%len(upos)], XPOS: "VBD",
				Head: h - 1, Deprel: rels[r%len(rels)], Start: -1, End: -1})
		}
		res := c.CodeStory(&story.Story{ID: "f", Sentences: []story.Sentence{s}})
		for _, e := range res.Events {
			if e.Code == "" || e.Source.Code == "" || e.Target.Code == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}
