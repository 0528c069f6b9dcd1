package main

import (
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/ingest/petrarch"
)

// ptbConverter returns the Penn Treebank to dependency converter used for PTB <Parse> trees.
// nil until nlp/ptb lands: PTB records then fail with a clear problem.
func ptbConverter() petrarch.PTBConverter { return nil }

// ontology returns the CAMEO ontology that names events; nil until package cameo lands.
func ontology() coder.Ontology { return nil }
