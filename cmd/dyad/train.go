package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

// readTreebank reads every sentence of a CoNLL-U file; bad sentences are reported on standard error
// ("dyad: FILE:LINE: problem") and skipped. bad is true when any was skipped.
func readTreebank(path string) (ss []story.Sentence, bad bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	sents, errs := conllu.ReadAll(f, path)
	for _, e := range errs {
		warnf("%v", e)
	}
	ss = make([]story.Sentence, len(sents))
	for i := range sents {
		ss[i] = sents[i].Sentence
	}
	if len(ss) == 0 {
		return nil, len(errs) > 0, fmt.Errorf("%s: no sentences", path)
	}
	return ss, len(errs) > 0, nil
}

var trainCmd = &cobra.Command{
	Use:   "train",
	Short: "Train the part-of-speech tagger or the dependency parser from a UD treebank",
}

func init() {
	rootCmd.AddCommand(trainCmd)
	addTrainSubcommands(trainCmd)
}
