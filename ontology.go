package dyad

import (
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/nlp/ptb"
)

// Ontology describes event codes for the coder from package cameo (CAMEO 1.1b3 names, GDELT
// QuadClass and Goldstein values, PLOVER categories from ../shared/data/cameo). It implements
// coder.Ontology.
type Ontology struct{}

// Describe returns the name, QuadClass (1–4), Goldstein value (−10..10) and PLOVER category
// of a CAMEO event code; ok is false for a code CAMEO 1.1b3 does not define.
func (Ontology) Describe(code string) (name string, quad int, goldstein float64, plover string, ok bool) {
	in, ok := cameo.Lookup(code)
	if !ok {
		return "", 0, 0, "", false
	}
	return in.Name, in.QuadClass, in.Goldstein, in.PLOVER, true
}

// PTBConverter converts Penn Treebank parses of PETRARCH XML records into UD v2 dependency
// trees (nlp/ptb, by head rules).
var PTBConverter petrarch.PTBConverter = ptb.Convert
