package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/story"
)

func TestAnnotateStory(t *testing.T) {
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	// A given tree (deliberately odd: "Rain" heads everything) is printed as given unless reparse.
	given := func() story.Sentence {
		return story.Sentence{ID: "g", Text: "Rain fell .", Tokens: []story.Token{
			{Form: "Rain", UPOS: "NOUN", Head: 0, Deprel: "root"},
			{Form: "fell", UPOS: "VERB", Head: 1, Deprel: "acl"},
			{Form: ".", UPOS: "PUNCT", Head: 1, Deprel: "punct"},
		}}
	}
	untagged := story.Sentence{ID: "u", Tokens: []story.Token{{Form: "Ministers", Head: -1}, {Form: "met", Head: -1}, {Form: ".", Head: -1}}}
	textOnly := story.Sentence{ID: "x", Text: "Beijing criticized Tokyo. Tokyo replied."}
	st := &story.Story{ID: "s", Sentences: []story.Sentence{given(), untagged, textOnly}}
	out := annotateStory(p, st, false)
	if len(out) != 4 {
		t.Fatalf("%d sentences, want 4 (given, untagged, and the text-only record split in two)", len(out))
	}
	if g := out[0].Tokens[1]; g.Head != 1 || g.Deprel != "acl" {
		t.Errorf("given tree changed: %+v", g)
	}
	if u := out[1].Tokens; u[1].Head != 0 || u[1].UPOS != "VERB" || u[0].Head != 2 || u[0].Deprel != "nsubj" {
		t.Errorf("untagged sentence: %+v", u)
	}
	if b := out[2].Tokens[0]; b.Form != "Beijing" || b.UPOS != "PROPN" || b.Deprel != "nsubj" {
		t.Errorf("text-only record: %+v", b)
	}
	st = &story.Story{ID: "s", Sentences: []story.Sentence{given()}}
	out = annotateStory(p, st, true)
	if f := out[0].Tokens[1]; f.Head != 0 || f.Deprel != "root" {
		t.Errorf("--reparse kept the given tree: %+v", f)
	}
	st = &story.Story{ID: "t", Text: "The talks resumed."}
	if out = annotateStory(p, st, false); len(out) != 1 || out[0].Tokens[2].Head != 0 {
		t.Errorf("story text: %+v", out)
	}
}

func TestTreeProblem(t *testing.T) {
	mk := func(heads ...int) *story.Sentence {
		s := &story.Sentence{}
		for i, h := range heads {
			s.Tokens = append(s.Tokens, story.Token{Form: string(rune('a' + i)), Head: h})
		}
		return s
	}
	for _, c := range []struct {
		heads []int
		want  string // substring of the problem, "" for a tree
	}{
		{[]int{2, 0, 2}, ""},
		{[]int{2, 3, 0, 3}, ""},
		{[]int{2, 1, 0}, "head cycle through token 1"},
		{[]int{0, 3, 2}, "head cycle through token 2"},
		{[]int{1, 0}, "its own head"},
		{[]int{2, 4}, "has head 4, want 0..2"},
		{[]int{-1, 0}, "has head -1"},
		{[]int{2, 1}, "no root"},
	} {
		got := treeProblem(mk(c.heads...))
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("heads %v: %q, want %q", c.heads, got, c.want)
		}
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	if err := checkWritable(filepath.Join(dir, "m.gz"), false); err != nil {
		t.Errorf("writable file: %v", err)
	}
	if err := checkWritable(dir, true); err != nil {
		t.Errorf("writable folder: %v", err)
	}
	if err := checkWritable(filepath.Join(dir, "missing", "m.gz"), false); err == nil {
		t.Error("missing folder: no error")
	}
	if err := checkWritable(dir, false); err == nil {
		t.Error("a folder as the output file: no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("probe files left behind: %v", entries)
	}
}
