package parser

import (
	"github.com/dyad-events/dyad/story"
)

// RepairAdjectives undoes a parser error on a capitalised adjective that opens a noun phrase
// before a title and a name ("Mexican President Felipe Calderon met Obama", where "Mexican" was
// left on the stack and became an advmod of "met", so that the coder lost the actor's country):
// a capitalised ADJ that is an advmod of a VERB, has no dependents and stands right before a
// NOUN or PROPN, or before capitalised adjectives and then one ("Mexican Foreign Minister
// Patricia Espinosa"), becomes the amod of that word, as UD English-EWT attaches it ("Pakistani
// President Pervez Musharraf": amod of "President"). It returns the number of tokens changed.
// On EWT dev and test it changes nothing, on PUD one token, for the better (of about 25,000 and
// 21,000). The sentence must carry a tree (Head, Deprel) as Parse leaves it; it is run after
// Parse (nlp.Pipeline), so the parser's training and its own scores do not see it.
func RepairAdjectives(s *story.Sentence) int {
	toks := s.Tokens
	changed := 0
	for i := 0; i+1 < len(toks); i++ {
		tk := &toks[i]
		if tk.UPOS != "ADJ" || tk.Deprel != "advmod" || !capitalised(tk.Form) {
			continue
		}
		if h := tk.Head; h < 1 || h > len(toks) || toks[h-1].UPOS != "VERB" {
			continue
		}
		// The noun it modifies, after other capitalised adjectives of the title ("Mexican
		// Foreign Minister", "Iraqi Prime Minister").
		j := i + 1
		for j+1 < len(toks) && toks[j].UPOS == "ADJ" && capitalised(toks[j].Form) {
			j++
		}
		if n := toks[j].UPOS; n != "NOUN" && n != "PROPN" {
			continue
		}
		leaf := true
		for j := range toks {
			if toks[j].Head == i+1 {
				leaf = false
				break
			}
		}
		if !leaf {
			continue
		}
		tk.Head, tk.Deprel = j+1, "amod"
		changed++
	}
	return changed
}

// capitalised reports a form that starts with an ASCII capital letter.
func capitalised(f string) bool { return f != "" && f[0] >= 'A' && f[0] <= 'Z' }
