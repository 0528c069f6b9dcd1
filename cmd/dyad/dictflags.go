package main

import (
	"github.com/dyad-events/dyad/dict"
	"github.com/spf13/cobra"
)

// dictFlags are the dictionary flags shared by every command that loads dictionaries
// (PETRARCH-FORMATS.md §3–§10). Empty flags take the file named by --config, else Dyad's
// embedded default dictionaries.
type dictFlags struct {
	config   string
	verbs    string
	actors   []string
	agents   string
	discards string
	issues   string
}

// addDictFlags registers --config --verbs --actors --agents --discards --issues on cmd.
func addDictFlags(cmd *cobra.Command) *dictFlags {
	df := &dictFlags{}
	fl := cmd.Flags()
	fl.StringVar(&df.config, "config", "", "PETR_config.ini naming the dictionaries (paths relative to its folder)")
	fl.StringVar(&df.verbs, "verbs", "", "verb dictionary, CAMEO.2.0 syntax")
	fl.StringSliceVar(&df.actors, "actors", nil, "actor dictionaries, comma-separated or repeated, read in order")
	fl.StringVar(&df.agents, "agents", "", "agent dictionary")
	fl.StringVar(&df.discards, "discards", "", "discard list")
	fl.StringVar(&df.issues, "issues", "", "issue dictionary")
	return df
}

// files returns the dictionary files named by the flags.
func (df *dictFlags) files() dict.Files {
	return dict.Files{
		Config:   df.config,
		Verbs:    df.verbs,
		Actors:   df.actors,
		Agents:   df.agents,
		Discards: df.discards,
		Issues:   df.issues,
	}
}

// load reads the dictionaries named by the flags (see dict.Load). The returned set carries every
// problem found; err is non-nil when a named file cannot be read.
func (df *dictFlags) load() (*dict.Set, error) {
	return dict.Load(df.files())
}
