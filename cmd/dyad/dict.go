package main

import (
	"fmt"
	"io"

	"github.com/dyad-events/dyad/dict"
	"github.com/spf13/cobra"
)

func newDictCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Inspect PETRARCH dictionaries",
	}
	check := &cobra.Command{
		Use:   "check [dictionary flags]",
		Short: "Load the dictionaries and list every problem as FILE:LINE: severity: message",
		Long: `Load the verb, actor, agent, discard and issue dictionaries (PETRARCH-FORMATS.md §3–§10)
named by the flags (or by --config, or Dyad's defaults), print every problem found as
"FILE:LINE: severity: message" on standard output, then a summary of what was loaded.
The exit status is 1 when a file cannot be read or a problem is an error, else 0.`,
		Args: cobra.NoArgs,
	}
	df := addDictFlags(check)
	check.RunE = func(cmd *cobra.Command, args []string) error {
		return runDictCheck(cmd.OutOrStdout(), df)
	}
	cmd.AddCommand(check)
	return cmd
}

func init() { rootCmd.AddCommand(newDictCmd()) }

func runDictCheck(w io.Writer, df *dictFlags) error {
	set, err := df.load()
	if set != nil {
		for _, p := range set.Problems {
			fmt.Fprintln(w, p.String())
		}
		writeDictSummary(w, set)
	}
	if err != nil {
		return warnLoadErrors(err, df.files(), set.Config)
	}
	if set.Errors() > 0 {
		return errInputFailed
	}
	return nil
}

func writeDictSummary(w io.Writer, s *dict.Set) {
	errs := s.Errors()
	fmt.Fprintln(w, problemSummary(len(s.Problems), errs))
	if v := s.Verbs; v != nil {
		pats, verbs := 0, 0
		for _, b := range v.Blocks {
			pats += len(b.Patterns)
			verbs += len(b.Verbs)
		}
		fmt.Fprintf(w, "verbs: %d synsets, %d blocks, %d verb forms (%d words), %d patterns, %d transformations\n",
			len(v.Synsets), len(v.Blocks), verbs, len(v.Forms), pats, len(v.Transformations))
	}
	if a := s.Actors; a != nil {
		fmt.Fprintf(w, "actors: %d phrases, %d distinct codes\n", a.Len(), a.Codes())
	}
	if a := s.Agents; a != nil {
		fmt.Fprintf(w, "agents: %d phrases, %d distinct codes\n", a.Len(), len(a.CodeCounts()))
	}
	if d := s.Discards; d != nil {
		story := 0
		for _, x := range d.All() {
			if x.Story {
				story++
			}
		}
		fmt.Fprintf(w, "discards: %d phrases (%d story-level)\n", d.Len(), story)
	}
	if is := s.Issues; is != nil {
		fmt.Fprintf(w, "issues: %d phrases, %d codes\n", is.Len(), len(is.Codes()))
	}
}
