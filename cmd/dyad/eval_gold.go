package main

import (
	"fmt"
	"os"

	"github.com/dyad-events/dyad/eval/gold"
	"github.com/spf13/cobra"
)

func init() {
	var table string
	cmd := &cobra.Command{
		Use:   "gold cameo-examples|plover|multicoped FILE",
		Short: "Build a gold JSONL file for 'dyad eval events' from labelled data",
		Long: `Converts labelled data to the gold JSONL of 'dyad eval events' on standard output:
  cameo-examples  ../shared/data/cameo-manual-examples/cameo-1.1b3-examples.tsv (codes, no actors)
  plover          ../shared/data/plover/PLOVER_GSR_CAMEO.txt with --table CAMEO2PLOVER-2021.txt
                  (actors and PLOVER categories, compared at the level of their CAMEO roots)
  multicoped      ../shared/data/multicoped/cameo_class/train.tsv (five-way class, no actors)`,
		Args: cobra.ExactArgs(2),
	}
	cmd.Flags().StringVar(&table, "table", "", "CAMEO-to-PLOVER table (for plover)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := os.Open(args[1])
		if err != nil {
			return err
		}
		defer f.Close()
		var sents []gold.Sentence
		var probs []error
		switch args[0] {
		case "cameo-examples":
			sents, probs = gold.FromCAMEOExamples(f, args[1])
		case "multicoped":
			sents, probs = gold.FromMultiCoPED(f, args[1])
		case "plover":
			if table == "" {
				return usagef("eval gold plover: --table CAMEO2PLOVER-2021.txt is required")
			}
			t, err := os.Open(table)
			if err != nil {
				return err
			}
			roots, err := gold.PLOVERRoots(t)
			t.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			sents, probs = gold.FromPLOVER(f, roots)
			for i, p := range probs {
				probs[i] = fmt.Errorf("%s: %w", args[1], p)
			}
		default:
			return usagef("eval gold: unknown kind %q (want cameo-examples, plover or multicoped)", args[0])
		}
		for _, p := range probs {
			warnf("%v", p)
		}
		if err := gold.Write(os.Stdout, sents); err != nil {
			return err
		}
		if len(probs) > 0 {
			return errInputFailed
		}
		return nil
	}
	evalCmd.AddCommand(cmd)
}
