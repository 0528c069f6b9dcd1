package ptb

import "strings"

// Head rules. They follow the Collins (1999) head table as modified by Stanford's semantic head
// finder, which is what the UD converters build on: content words are heads, so an auxiliary's
// VP complement heads the VP, a copula's predicate heads the clause, and a preposition's object
// heads the PP. Each function returns the index of the head child in kids.

// isPunctTag reports whether a PTB tag is punctuation.
func isPunctTag(tag string) bool {
	switch tag {
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "-LCB-", "-RCB-", "-LSB-", "-RSB-":
		return true
	}
	return false
}

// isPunct reports whether the node is a punctuation preterminal.
func isPunct(t *Tree) bool {
	return t.IsPreterminal() && isPunctTag(t.Category())
}

// isVerbTag reports whether tag is a verb, modal or PETRARCH auxiliary tag (AUXZ, AUXD, ...).
func isVerbTag(tag string) bool {
	return strings.HasPrefix(tag, "VB") || tag == "MD" || strings.HasPrefix(tag, "AUX")
}

// xposOf maps PETRARCH's auxiliary tags to PTB verb tags (AUXZ -> VBZ ...).
func xposOf(tag string) string {
	switch tag {
	case "AUXZ":
		return "VBZ"
	case "AUXP":
		return "VBP"
	case "AUXD":
		return "VBD"
	case "AUXB":
		return "VB"
	case "AUXN":
		return "VBN"
	case "AUXG":
		return "VBG"
	case "AUX":
		return "VB"
	}
	return tag
}

var beForms = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true,
	"am": true, "'s": true, "'re": true, "'m": true, "’s": true, "’re": true, "’m": true, "s": true,
}

func isBe(word string) bool { return beForms[strings.ToLower(word)] }

// firstCat returns the index of the first (or, with right, the last) child whose category is
// one of cats, or -1.
func firstCat(kids []*Tree, right bool, cats ...string) int {
	n := len(kids)
	for k := 0; k < n; k++ {
		i := k
		if right {
			i = n - 1 - k
		}
		c := kids[i].Category()
		for _, want := range cats {
			if c == want {
				return i
			}
		}
	}
	return -1
}

// firstByPriority tries each category in turn, searching kids left to right (or right to left).
func firstByPriority(kids []*Tree, right bool, cats ...string) int {
	for _, c := range cats {
		if i := firstCat(kids, right, c); i >= 0 {
			return i
		}
	}
	return -1
}

// firstNonPunct returns the first child that is not punctuation, or 0.
func firstNonPunct(kids []*Tree) int {
	for i, k := range kids {
		if !isPunct(k) {
			return i
		}
	}
	return 0
}

func lastNonPunct(kids []*Tree) int {
	for i := len(kids) - 1; i >= 0; i-- {
		if !isPunct(kids[i]) {
			return i
		}
	}
	return len(kids) - 1
}

// headChild returns the index of the head child of a phrase with category cat, and whether the
// head is the predicate of a copula (the VP holds a form of "be" and no verbal complement).
func headChild(cat string, kids []*Tree) (int, bool) {
	if len(kids) == 1 {
		return 0, false
	}
	switch cat {
	case "VP":
		return vpHead(kids)
	case "S", "SINV", "SQ":
		if i := firstCat(kids, false, "VP"); i >= 0 {
			return i, false
		}
		for i, k := range kids {
			if k.IsPreterminal() && isVerbTag(k.Category()) {
				return i, false
			}
		}
		if i := firstByPriority(kids, false, "S", "SINV", "SQ", "ADJP", "UCP", "NP", "PP", "FRAG"); i >= 0 {
			return i, false
		}
	case "SBAR":
		if i := firstByPriority(kids, false, "S", "SQ", "SINV", "SBAR", "FRAG", "SBARQ"); i >= 0 {
			return i, false
		}
		for i, k := range kids {
			c := k.Category()
			if !isPunct(k) && c != "IN" && c != "DT" && !strings.HasPrefix(c, "WH") {
				return i, false
			}
		}
	case "SBARQ":
		if i := firstByPriority(kids, false, "SQ", "S", "SINV", "SBARQ", "FRAG"); i >= 0 {
			return i, false
		}
	case "NP", "NML", "NX", "NAC", "WHNP":
		return npHead(kids), false
	case "PP", "WHPP":
		return ppHead(kids), false
	case "ADJP", "WHADJP":
		if i := firstByPriority(kids, false, "JJ", "JJR", "JJS", "VBN", "VBG", "ADJP", "NNS", "NN", "QP", "CD", "$", "RB", "ADVP"); i >= 0 {
			return i, false
		}
	case "ADVP", "WHADVP":
		if i := firstByPriority(kids, true, "RB", "RBR", "RBS", "WRB", "FW", "ADVP", "JJ", "JJR", "CD", "NN", "IN", "NP"); i >= 0 {
			return i, false
		}
	case "QP":
		if i := firstByPriority(kids, true, "CD", "QP", "NN", "NNS", "JJ", "$", "DT"); i >= 0 {
			return i, false
		}
	case "PRT":
		if i := firstCat(kids, false, "RP"); i >= 0 {
			return i, false
		}
	case "INTJ":
		if i := firstCat(kids, false, "UH"); i >= 0 {
			return i, false
		}
	case "UCP":
		return firstNonPunct(kids), false
	case "FRAG":
		// "LYON: Interpol has said ...": the clause heads the fragment
		if i := firstByPriority(kids, false, "S", "SINV", "SQ", "VP", "SBARQ"); i >= 0 {
			return i, false
		}
	}
	return firstNonPunct(kids), false
}

// vpHead finds the head of a VP: the VP complement of an auxiliary, modal or infinitival "to";
// else the predicate after a form of "be" (copula); else the first verb.
func vpHead(kids []*Tree) (int, bool) {
	verbSeen := -1
	for i, k := range kids {
		c := k.Category()
		if k.IsPreterminal() && (isVerbTag(c) || c == "TO") {
			if verbSeen < 0 {
				verbSeen = i
			}
			continue
		}
		if c == "VP" && verbSeen >= 0 {
			return i, false
		}
	}
	if verbSeen >= 0 {
		v := kids[verbSeen]
		if isBe(v.Word) {
			// copula: a predicate and no clausal complement
			pred := -1
			for i := verbSeen + 1; i < len(kids); i++ {
				k := kids[i]
				switch k.Category() {
				case "S", "SBAR", "VP", "SQ", "SBARQ", "SINV":
					pred = -2
				case "NP", "ADJP", "PP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "CD", "PRP", "UCP", "QP":
					if pred == -1 && !strings.Contains(k.Label, "-TMP") && !strings.Contains(k.Label, "-ADV") {
						pred = i
					}
				case "ADVP":
					if pred == -1 && i == lastNonPunct(kids) {
						pred = i
					}
				}
				if pred == -2 {
					break
				}
			}
			if pred >= 0 {
				return pred, true
			}
		}
		return verbSeen, false
	}
	if i := firstCat(kids, false, "VP"); i >= 0 {
		return i, false
	}
	return firstNonPunct(kids), false
}

// npHead finds the head of a noun phrase: the rightmost noun (not a possessive marker); else the
// first NP child (NP with PP, relative clause or apposition); else a symbol, number, adjective or
// pronoun.
func npHead(kids []*Tree) int {
	for i := len(kids) - 1; i >= 0; i-- {
		k := kids[i]
		switch k.Category() {
		case "NN", "NNS", "NNP", "NNPS", "NX", "NML", "JJR", "FW":
			return i
		}
	}
	if i := firstCat(kids, false, "NP", "WHNP"); i >= 0 {
		return i
	}
	if i := firstByPriority(kids, true, "$", "ADJP", "PRN", "CD", "JJ", "JJS", "RB", "QP", "PRP", "EX", "WP", "WDT", "DT", "VBG", "VBN"); i >= 0 {
		return i
	}
	// nothing better: the last word that is not punctuation or a possessive marker
	for i := len(kids) - 1; i >= 0; i-- {
		if !isPunct(kids[i]) && kids[i].Category() != "POS" {
			return i
		}
	}
	return lastNonPunct(kids)
}

// isPrepTag reports whether a preterminal can be the preposition of a PP.
func isPrepTag(c string) bool {
	switch c {
	case "IN", "TO", "RP", "VBG", "VBN", "JJ", "RB":
		return true
	}
	return false
}

// prepLike are participles, adjectives and adverbs that PTB parsers tag VBG, VBN, JJ or RB at
// the head of a PP but UD English EWT treats as prepositions (case).
var prepLike = map[string]bool{
	"including": true, "following": true, "regarding": true, "concerning": true, "according": true,
	"given": true, "excluding": true, "considering": true, "involving": true, "pending": true,
	"barring": true, "notwithstanding": true, "due": true, "because": true, "instead": true,
	"ahead": true, "prior": true, "such": true, "except": true, "like": true, "near": true,
	"outside": true, "inside": true, "along": true, "out": true, "as": true, "away": true,
}

// ppHead finds the head of a PP: the complement after the preposition (UD "case" analysis);
// the preposition itself when there is no complement.
func ppHead(kids []*Tree) int {
	p := -1
	for i, k := range kids {
		if k.IsPreterminal() && (k.Category() == "IN" || k.Category() == "TO") {
			p = i
			break
		}
	}
	if p < 0 {
		for i, k := range kids {
			if k.IsPreterminal() && (k.Category() == "RP" || isPrepTag(k.Category()) && prepLike[strings.ToLower(k.Word)]) {
				p = i
				break
			}
		}
	}
	start := p + 1
	for i := start; i < len(kids); i++ {
		k := kids[i]
		if isPunct(k) {
			continue
		}
		c := k.Category()
		if k.IsPreterminal() && (c == "IN" || c == "TO") {
			continue // "because of", "out of"
		}
		if c == "CC" || c == "CONJP" || c == "ADVP" && i+1 < len(kids) {
			continue
		}
		return i
	}
	if p >= 0 {
		return p
	}
	return firstNonPunct(kids)
}
