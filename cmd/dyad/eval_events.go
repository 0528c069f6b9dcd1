package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval/gold"
	"github.com/dyad-events/dyad/story"
	"github.com/spf13/cobra"
)

func init() {
	var goldPath, date string
	var asJSON, misses bool
	cmd := &cobra.Command{
		Use:   "events --gold FILE [dictionary flags] [--json]",
		Short: "Score coded events against a gold JSONL file (precision, recall, F1)",
		Long: `Codes the text of every gold sentence and compares the events with the expected ones
at two levels: country dyad + root code, and country dyad + QuadClass. The gold file is JSONL,
one sentence per line: {"id", "text", "date", "events": [{"source", "target", "code"}]}
(or "roots"/"quad_classes" instead of "code"); see 'dyad eval gold' to build one from the
CAMEO manual examples, the PLOVER gold records or Multi-CoPED.`,
		Args: cobra.NoArgs,
	}
	df := addDictFlags(cmd)
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold JSONL file (required)")
	cmd.Flags().StringVar(&date, "date", "2000-01-01", "date for gold sentences that carry none (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as one JSON object")
	cmd.Flags().BoolVar(&misses, "misses", false, "list sentences whose events differ from the gold on standard error")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return runEvalEvents(goldPath, date, asJSON, misses, df)
	}
	evalCmd.AddCommand(cmd)
}

// runEvalEvents is 'dyad eval events': it scores the events coded for the gold sentences of
// goldPath against theirs and prints the scores on standard output.
func runEvalEvents(goldPath, date string, asJSON, misses bool, df *dictFlags) error {
	if goldPath == "" {
		return usagef("eval events: --gold FILE is required")
	}
	def, err := time.Parse("2006-01-02", date)
	if err != nil {
		return usagef("--date %q: want YYYY-MM-DD", date)
	}
	f, r, err := openText(goldPath)
	if err != nil {
		return err
	}
	sents, probs := gold.Read(r, goldPath)
	f.Close()
	for _, p := range probs {
		warnf("%v", p)
	}
	events := 0
	for _, g := range sents {
		events += len(g.Events)
	}
	if events == 0 {
		// A story file or an unlabelled set would score 0.000 against nothing.
		warnf("%s: no gold events: none of its %s has an \"events\" list with an event; not a gold file (see 'dyad eval gold')",
			goldPath, plural(len(sents), "record"))
		return errInputFailed
	}
	set, err := loadForCoding(df.files())
	if err != nil {
		return err
	}
	opts := dyad.DefaultOptions()
	opts.Set = set
	p, err := dyad.New(opts)
	if err != nil {
		return err
	}
	predicted, err := codeGold(p, sents, def)
	if err != nil {
		return err
	}
	sc := gold.Score(sents, predicted)
	if misses {
		printMisses(sents, predicted)
	}
	if asJSON {
		enc := json.NewEncoder(os.Stdout)
		if err := enc.Encode(sc); err != nil {
			return err
		}
	} else {
		fmt.Printf("sentences %d (with an event coded: %d)\n", sc.Sentences, sc.SentencesWithEvent)
		fmt.Printf("%-22s %9s %9s %9s %6s %6s %6s\n", "level", "precision", "recall", "f1", "tp", "coded", "gold")
		for _, l := range []struct {
			name string
			prf  gold.PRF
		}{{"dyad + root code", sc.Root}, {"dyad + QuadClass", sc.QuadClass}} {
			fmt.Printf("%-22s %9.3f %9.3f %9.3f %6d %6d %6d\n", l.name, l.prf.Precision, l.prf.Recall, l.prf.F1,
				l.prf.TruePositives, l.prf.Predicted, l.prf.Expected)
		}
	}
	if len(probs) > 0 {
		return errInputFailed
	}
	return nil
}

// codeGold codes each gold sentence as a one-paragraph story and returns its events.
func codeGold(p *dyad.Pipeline, sents []gold.Sentence, def time.Time) ([][]story.Event, error) {
	out := make([][]story.Event, 0, len(sents))
	i := 0
	err := p.Run(func() (*story.Story, bool) {
		if i >= len(sents) {
			return nil, false
		}
		g := sents[i]
		i++
		d := def
		if g.Date != "" {
			if t, err := time.Parse("2006-01-02", g.Date); err == nil {
				d = t
			}
		}
		return &story.Story{ID: g.ID, Text: g.Text, Date: d}, true
	}, func(c dyad.Coded) error {
		out = append(out, c.Result.Events)
		return nil
	})
	return out, err
}

func printMisses(sents []gold.Sentence, predicted [][]story.Event) {
	for i, g := range sents {
		one := gold.Score(sents[i:i+1], predicted[i:i+1])
		if one.Root.TruePositives == one.Root.Expected && one.Root.TruePositives == one.Root.Predicted {
			continue
		}
		fmt.Fprintf(os.Stderr, "%s: %s\n  gold:", g.ID, g.Text)
		for _, e := range g.Events {
			code := e.Code
			if code == "" {
				code = fmt.Sprint(e.Roots)
			}
			fmt.Fprintf(os.Stderr, " [%s %s %s]", dash(e.Source), dash(e.Target), code)
		}
		fmt.Fprint(os.Stderr, "\n  coded:")
		for _, e := range predicted[i] {
			fmt.Fprintf(os.Stderr, " [%s %s %s]", e.Source.Code, e.Target.Code, e.Code)
		}
		fmt.Fprintln(os.Stderr)
	}
}

func dash(s string) string {
	if s == "" {
		return "*"
	}
	return s
}
