package main

import "github.com/spf13/cobra"

// evalCmd is the parent of the evaluation commands ("dyad eval parser", "dyad eval events").
var evalCmd = &cobra.Command{
	Use:   "eval",
	Short: "Evaluate Dyad's components against gold data",
}

func init() {
	rootCmd.AddCommand(evalCmd)
}
