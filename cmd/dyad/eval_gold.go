package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad/eval/gold"
	"github.com/dyad-events/dyad/ingest"
	"github.com/spf13/cobra"
)

// goldKinds are the kinds of labelled data 'dyad eval gold' converts.
var goldKinds = []string{"cameo-examples", "plover", "multicoped"}

func init() {
	var table string
	cmd := &cobra.Command{
		Use:   "gold cameo-examples|plover|multicoped FILE",
		Short: "Build a gold JSONL file for 'dyad eval events' from labelled data",
		Long: `Converts labelled data to the gold JSONL of 'dyad eval events' on standard output:
  cameo-examples  ../shared/data/cameo-manual-examples/cameo-1.1b3-examples.tsv (codes, no actors)
  plover          ../shared/data/plover/PLOVER_GSR_CAMEO.txt with --table CAMEO2PLOVER-2021.txt
                  (actors and PLOVER categories, compared at the level of their CAMEO roots)
  multicoped      ../shared/data/multicoped/cameo_class/train.tsv (five-way class, no actors)

An unknown kind is a usage error (exit status 2); a file that cannot be read or holds binary
data fails (exit status 1). A record that cannot be converted (PLOVER's one DOCUMENT record, for
instance) is reported on standard error with its file and record and left out; the others are written, and
the command then exits with status 1.`,
		Args: cobra.ExactArgs(2),
	}
	cmd.Flags().StringVar(&table, "table", "", "CAMEO-to-PLOVER table (for plover)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return runEvalGold(os.Stdout, args[0], args[1], table)
	}
	evalCmd.AddCommand(cmd)
}

// runEvalGold converts the labelled data file path of the given kind to gold JSONL on w. The
// kind (and --table for plover) is checked before any file is opened.
func runEvalGold(w io.Writer, kind, path, table string) error {
	known := false
	for _, k := range goldKinds {
		known = known || k == kind
	}
	if !known {
		return usagef("eval gold: unknown kind %q (want cameo-examples, plover or multicoped)", kind)
	}
	if kind == "plover" && table == "" {
		return usagef("eval gold plover: --table CAMEO2PLOVER-2021.txt is required")
	}
	f, r, err := openText(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var sents []gold.Sentence
	var probs []error
	switch kind {
	case "cameo-examples":
		sents, probs = gold.FromCAMEOExamples(r, path)
	case "multicoped":
		sents, probs = gold.FromMultiCoPED(r, path)
	case "plover":
		tf, tr, err := openText(table)
		if err != nil {
			return err
		}
		roots, err := gold.PLOVERRoots(tr)
		tf.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		sents, probs = gold.FromPLOVER(r, roots)
		for i, p := range probs {
			probs[i] = fmt.Errorf("%s: %w", path, p)
		}
	}
	for _, p := range probs {
		warnf("%v", p)
	}
	if err := gold.Write(w, sents); err != nil {
		return err
	}
	if len(probs) > 0 {
		return errInputFailed
	}
	return nil
}

// openText opens a text file for reading; binary data (ingest.IsBinary on its first 8 KiB) is
// an error naming the file, so that random bytes do not become records.
func openText(path string) (*os.File, io.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(8192)
	if ingest.IsBinary(head) {
		f.Close()
		return nil, nil, fmt.Errorf("%s: binary data, not a text file", path)
	}
	return f, br, nil
}
