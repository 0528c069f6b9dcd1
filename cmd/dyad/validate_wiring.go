package main

import (
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/nlp/ptb"
)

// ptbConverter returns the Penn Treebank to dependency converter used for PTB <Parse> trees.
func ptbConverter() petrarch.PTBConverter { return ptb.Convert }

// ontology returns the CAMEO ontology that names events.
func ontology() coder.Ontology { return coder.CAMEOOntology() }
