package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

func init() {
	var modelPath string
	c := &cobra.Command{
		Use:   "parse [PATH|-]...",
		Short: "Print stories as CoNLL-U: Dyad's tokens, tags, lemmas and dependency trees",
		Long: `Reads stories (plain text with optional YAML front matter, JSONL, HTML, RSS; "-" or no argument
for standard input), splits them into sentences and tokens, tags and parses them, and prints
CoNLL-U: "# newdoc id" per story, then "# sent_id = STORY-N" and "# text" per sentence.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			p, err := loadPipeline(modelPath)
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(os.Stdout, 1<<16)
			defer out.Flush()
			failed, err := ingest.Read(context.Background(), args, ingest.Options{}, func(st *story.Story) error {
				if len(st.Sentences) == 0 {
					st.Sentences = p.Annotate(st.Text)
				} else {
					for i := range st.Sentences {
						p.Parse(&st.Sentences[i])
					}
				}
				for i := range st.Sentences {
					s := st.Sentences[i]
					if s.ID == "" {
						s.ID = fmt.Sprintf("%s-%d", st.ID, i+1)
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
			}, func(e error) { warnf("%v", e) })
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
	rootCmd.AddCommand(c)
}
