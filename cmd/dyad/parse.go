package main

import (
	"bufio"
	"context"
	"errors"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

func init() {
	var modelPath, input string
	var reparse bool
	c := &cobra.Command{
		Use:   "parse [PATH|-]...",
		Short: "Print stories as CoNLL-U: Dyad's tokens, tags, lemmas and dependency trees",
		Long: `Reads stories (plain text with optional YAML front matter, JSONL, HTML, RSS, PETRARCH XML,
CoNLL-U; "-" or no argument for standard input; --input forces a format as in 'dyad code'), splits
them into sentences and tokens, tags and parses them, and prints CoNLL-U: "# newdoc id" per story,
then "# sent_id = STORY_N" (the sentence ids of 'dyad code' events) and "# text" per sentence.

Sentences that arrive with a complete dependency tree (CoNLL-U input, PETRARCH XML with parses) are
printed as given, so that 'dyad parse' shows what 'dyad code' will read; --reparse tags and parses
them again from their token forms. Sentences with tokens but no tree are tagged and parsed; records
with text only are segmented first. A story (of any format) that is only a headline in title case or
capitals ("Iran Warns Israel Against Strike"), which 'dyad code' reads as a title and does not code,
is parsed all the same, with a warning.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !validInput(input) {
				return usagef("--input %q: want one of %s", input, strings.Join(inputFormats, ", "))
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			p, err := loadPipeline(modelPath)
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(os.Stdout, 1<<16)
			defer out.Flush()
			// A lone headline is parsed too (with a warning): parse shows what it read.
			iopts := ingest.Options{Format: input, Readers: dyad.Readers(), KeepLoneHeadline: true}
			failed, err := ingest.Read(context.Background(), args, iopts, func(st *story.Story) error {
				st.Sentences = annotateStory(p, st, reparse)
				for i := range st.Sentences {
					s := st.Sentences[i]
					if s.ID == "" {
						s.ID = story.SentenceID(st.ID, i)
					}
					var comments []string
					if i == 0 {
						comments = []string{"# newdoc id = " + st.ID}
					}
					if err := conllu.Write(out, &s, comments...); err != nil {
						return err
					}
				}
				return nil
			}, func(e error) {
				// CoNLL-U has no story dates: a story without one is not worth a warning here.
				if !errors.Is(e, ingest.ErrNoDate) {
					warnf("%v", e)
				}
			})
			if err != nil {
				return err
			}
			if failed > 0 {
				return errInputFailed
			}
			return nil
		},
	}
	c.Flags().StringVar(&modelPath, "model", "", "model bundle to use instead of the embedded one")
	c.Flags().StringVar(&input, "input", "auto", "input format: "+strings.Join(inputFormats, ", ")+" (auto: by extension and content)")
	c.Flags().BoolVar(&reparse, "reparse", false, "tag and parse sentences that already have a dependency tree instead of printing the tree as given")
	rootCmd.AddCommand(c)
}

// annotateStory returns the sentences of st tagged and parsed by p: a story without sentences is
// segmented from its text; a sentence without tokens is segmented from its own text (and may become
// several); a sentence with tokens is tagged and parsed unless every token already has a head
// (Head ≥ 0) and reparse is false.
func annotateStory(p *nlp.Pipeline, st *story.Story, reparse bool) []story.Sentence {
	if len(st.Sentences) == 0 {
		return p.Annotate(st.Text)
	}
	out := st.Sentences[:0:0]
	for _, s := range st.Sentences {
		switch {
		case len(s.Tokens) == 0:
			if strings.TrimSpace(s.Text) == "" {
				continue
			}
			out = append(out, p.Annotate(s.Text)...)
		case reparse || !s.Parsed():
			p.Parse(&s)
			out = append(out, s)
		default:
			out = append(out, s)
		}
	}
	return out
}
