package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

// readTreebank reads every sentence of a CoNLL-U file; bad sentences (unreadable lines, heads out
// of range, head cycles, no root) are reported on standard error ("dyad: FILE:LINE: problem") and
// skipped. bad is true when any was skipped.
func readTreebank(path string) (ss []story.Sentence, bad bool, err error) {
	sents, bad, err := readTrees(path)
	if err != nil {
		return nil, bad, err
	}
	ss = make([]story.Sentence, len(sents))
	for i := range sents {
		ss[i] = sents[i].Sentence
	}
	return ss, bad, nil
}

// readTrees is readTreebank keeping the CoNLL-U sentences (comments, line numbers).
func readTrees(path string) (out []conllu.Sentence, bad bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	sents, errs := conllu.ReadAll(f, path)
	for _, e := range errs {
		warnf("%v", e)
	}
	bad = len(errs) > 0
	out = sents[:0]
	for _, s := range sents {
		if msg := treeProblem(&s.Sentence); msg != "" {
			warnf("%s:%d: %s; sentence skipped", path, s.Line, msg)
			bad = true
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, bad, fmt.Errorf("%s: no sentences", path)
	}
	return out, bad, nil
}

// treeProblem describes why the heads of s do not form a tree rooted at 0 (a head out of range, a
// cycle, no root), or returns "" when they do. Every token needs a head (Head ≥ 0).
func treeProblem(s *story.Sentence) string {
	n := len(s.Tokens)
	roots := 0
	for i, t := range s.Tokens {
		switch {
		case t.Head < 0 || t.Head > n:
			return fmt.Sprintf("token %d (%q) has head %d, want 0..%d", i+1, t.Form, t.Head, n)
		case t.Head == i+1:
			return fmt.Sprintf("token %d (%q) is its own head", i+1, t.Form)
		case t.Head == 0:
			roots++
		}
	}
	if n > 0 && roots == 0 {
		return "no token has head 0 (no root)"
	}
	// Walk up from every token; a walk longer than n steps is in a cycle.
	for i := range s.Tokens {
		h, steps := i+1, 0
		for h != 0 {
			h = s.Tokens[h-1].Head
			if steps++; steps > n {
				return fmt.Sprintf("head cycle through token %d (%q)", i+1, s.Tokens[i].Form)
			}
		}
	}
	return ""
}

var trainCmd = &cobra.Command{
	Use:   "train",
	Short: "Train the part-of-speech tagger or the dependency parser from a UD treebank",
}

func init() {
	rootCmd.AddCommand(trainCmd)
	addTrainSubcommands(trainCmd)
}
