package conllu

import (
	"strings"

	"github.com/dyad-events/dyad/story"
)

// v1Simple maps UD v1 relation labels to their UD v2 names where the mapping does not depend on the
// tree (PETRARCH-FORMATS.md §2.2; UD v2 migration guidelines).
var v1Simple = map[string]string{
	"dobj":      "obj",
	"nsubjpass": "nsubj:pass",
	"auxpass":   "aux:pass",
	"csubjpass": "csubj:pass",
	"name":      "flat",
	"mwe":       "fixed",
	"neg":       "advmod",
}

// v1OnPredicate maps nominal-modifier labels that UD v2 renames to obl* when the head is a predicate.
var v1OnPredicate = map[string]string{
	"nmod":       "obl",
	"nmod:agent": "obl:agent",
	"nmod:tmod":  "obl:tmod",
	"nmod:npmod": "obl:npmod",
}

// NormalizeV1 rewrites the UD v1 relation labels of s in place to UD v2, as ARCHITECTURE.md ("Coding
// on dependency trees") and PETRARCH-FORMATS.md §2.2 require for UniversalPetrarch parses:
// dobj→obj, nsubjpass→nsubj:pass, auxpass→aux:pass, csubjpass→csubj:pass, name→flat, mwe→fixed,
// neg→advmod (adding Polarity=Neg to the word's Feats when absent), and on a predicate head (UPOS
// VERB, AUX or ADJ, or a head with a cop child) nmod→obl, nmod:agent→obl:agent, nmod:tmod→obl:tmod,
// nmod:npmod→obl:npmod. UD v2 labels are left alone, so calling it twice is harmless. Heads outside
// the sentence are ignored.
func NormalizeV1(s *story.Sentence) {
	n := len(s.Tokens)
	hasCop := make([]bool, n+1)
	for _, t := range s.Tokens {
		if t.Deprel == "cop" && t.Head >= 1 && t.Head <= n {
			hasCop[t.Head] = true
		}
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if v2, ok := v1Simple[t.Deprel]; ok {
			if t.Deprel == "neg" {
				t.Feats = addFeat(t.Feats, "Polarity=Neg")
			}
			t.Deprel = v2
			continue
		}
		if v2, ok := v1OnPredicate[t.Deprel]; ok && t.Head >= 1 && t.Head <= n {
			h := s.Tokens[t.Head-1]
			if h.UPOS == "VERB" || h.UPOS == "AUX" || h.UPOS == "ADJ" || hasCop[t.Head] {
				t.Deprel = v2
			}
		}
	}
}

// addFeat adds feature f ("Name=Value") to a UD Feats string, keeping the features sorted by name as
// CoNLL-U requires; it does nothing when a feature of that name is present.
func addFeat(feats, f string) string {
	if feats == "" || feats == "_" {
		return f
	}
	name := f[:strings.IndexByte(f, '=')+1]
	parts := strings.Split(feats, "|")
	for _, p := range parts {
		if strings.HasPrefix(p, name) {
			return feats
		}
	}
	out := make([]string, 0, len(parts)+1)
	added := false
	for _, p := range parts {
		if !added && strings.ToLower(p) > strings.ToLower(f) {
			out = append(out, f)
			added = true
		}
		out = append(out, p)
	}
	if !added {
		out = append(out, f)
	}
	return strings.Join(out, "|")
}
