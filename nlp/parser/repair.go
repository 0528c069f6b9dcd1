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
// 21,000). Then it applies repairAdjectiveRoot (below). The sentence must carry a tree (Head,
// Deprel) as Parse leaves it; it is run after Parse (nlp.Pipeline), so the parser's training and
// its own scores do not see it.
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
		j := modifiedNoun(toks, i)
		if j < 0 {
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
	return changed + repairAdjectiveRoot(toks)
}

// modifiedNoun returns the index of the noun that the capitalised adjective at i opens a noun
// phrase of: the NOUN or PROPN right after it, or after other capitalised adjectives of a title
// ("Mexican Foreign Minister", "Iraqi Prime Minister"); -1 when there is none.
func modifiedNoun(toks []story.Token, i int) int {
	j := i + 1
	for j+1 < len(toks) && toks[j].UPOS == "ADJ" && capitalised(toks[j].Form) {
		j++
	}
	if j >= len(toks) || toks[j].UPOS != "NOUN" && toks[j].UPOS != "PROPN" {
		return -1
	}
	return j
}

// repairAdjectiveRoot undoes a parser error on a sentence that opens with a nationality and a
// title ("Brazilian Foreign Minister Juan Perez criticized the United States.", parsed with
// "Brazilian" as the root and "criticized" as its conj; "Syrian Foreign Minister Walid
// al-Moualem accused Turkey." with the name as an obl of "Syrian" and the verb as an acl of the
// name): when the root is a capitalised ADJ opening a noun phrase (modifiedNoun) and a finite verb
// (VBD, VBZ, VBP) follows that noun phrase, the verb becomes the root, the adjective the amod of
// its noun, the root's other dependents the verb's (a noun or pronoun before the verb as its
// nsubj when it has none), and a dependent of the adjective that headed the verb hangs from the
// verb. The tree is checked afterwards (one root, no cycle) and left as it was otherwise. It
// returns the number of tokens changed.
func repairAdjectiveRoot(toks []story.Token) int {
	r := -1
	for i := range toks {
		if toks[i].Head == 0 {
			r = i
			break
		}
	}
	if r < 0 || toks[r].UPOS != "ADJ" || !capitalised(toks[r].Form) {
		return 0
	}
	j := modifiedNoun(toks, r)
	if j < 0 {
		return 0
	}
	v := -1
	for k := j + 1; k < len(toks); k++ {
		if x := toks[k].XPOS; toks[k].UPOS == "VERB" && (x == "VBD" || x == "VBZ" || x == "VBP") {
			v = k
			break
		}
	}
	if v < 0 {
		return 0
	}
	saved := make([]story.Token, len(toks))
	copy(saved, toks)
	hasSubj := false
	for k := range toks {
		if toks[k].Head == v+1 && (toks[k].Deprel == "nsubj" || toks[k].Deprel == "nsubj:pass") {
			hasSubj = true
		}
	}
	toks[v].Head, toks[v].Deprel = 0, "root"
	toks[r].Head, toks[r].Deprel = j+1, "amod"
	changed := 2
	for k := range toks {
		if k == v || k == r || saved[k].Head != r+1 {
			continue
		}
		toks[k].Head = v + 1
		if k < v && !hasSubj && (toks[k].UPOS == "NOUN" || toks[k].UPOS == "PROPN" || toks[k].UPOS == "PRON") {
			toks[k].Deprel = "nsubj"
			hasSubj = true
		}
		changed++
	}
	if !isTree(toks) {
		copy(toks, saved)
		return 0
	}
	return changed
}

// isTree reports whether the heads of toks form a tree: heads in range, exactly one root, no
// cycle.
func isTree(toks []story.Token) bool {
	roots := 0
	for i := range toks {
		h := toks[i].Head
		if h < 0 || h > len(toks) || h == i+1 {
			return false
		}
		if h == 0 {
			roots++
		}
		// Walk up at most len(toks) steps: a longer walk is a cycle.
		for steps, k := 0, i; toks[k].Head != 0; steps++ {
			if steps > len(toks) {
				return false
			}
			k = toks[k].Head - 1
		}
	}
	return roots == 1
}

// capitalised reports a form that starts with an ASCII capital letter.
func capitalised(f string) bool { return f != "" && f[0] >= 'A' && f[0] <= 'Z' }
