package ptb

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/story"
)

// Convert parses one bracketed tree (see Parse) and converts it to a dependency tree (see
// ToDependencies).
func Convert(s string) (story.Sentence, error) {
	t, err := Parse(s)
	if err != nil {
		return story.Sentence{}, err
	}
	return ToDependencies(t)
}

// ToDependencies converts a constituency tree to a UD v2 dependency tree. Empty elements
// (-NONE-) are dropped. Heads are found with the head rules of headrules.go (content words are
// heads), and each dependent is labelled from the categories of its phrase, itself and the head
// (nsubj, nsubj:pass, obj, iobj, obl, obl:agent, obl:tmod, obl:npmod, nmod, nmod:poss, nmod:tmod,
// case, det, amod, compound, compound:prt, nummod, conj, cc, ccomp, xcomp, advcl, advmod, aux,
// aux:pass, cop, mark, acl, acl:relcl, appos, parataxis, punct, expl, discourse, root; dep when no
// rule applies). Proper-noun sequences are analysed as compound (head on the right).
//
// The result has one token per word with Form (escapes undone), Lemma (lower case, regular
// inflection stripped, see Lemma), UPOS, XPOS (the PTB tag; PETRARCH's AUXZ... become VBZ...),
// Head (1-based, 0 for the root), Deprel, Feats ("Polarity=Neg" on "not" and "n't", else
// empty), Start = End = -1 and SpaceAfter = true; Text is the
// forms joined by spaces and Start = End = -1 (use Align to tie it to the sentence text).
// It returns an error when the tree has no words.
func ToDependencies(t *Tree) (story.Sentence, error) {
	if t == nil {
		return story.Sentence{}, errors.New("ptb: nil tree")
	}
	t = prune(t)
	if t == nil {
		return story.Sentence{}, errors.New("ptb: tree has no words")
	}
	c := &conv{}
	for _, l := range t.Leaves() {
		c.leaves = append(c.leaves, l)
		c.tags = append(c.tags, xposOf(l.Category()))
		c.head = append(c.head, -2)
		c.rel = append(c.rel, "")
	}
	c.deps = make([][]int, len(c.leaves))
	c.markExistential(t)
	c.leafIdx = make(map[*Tree]int, len(c.leaves))
	for i, l := range c.leaves {
		c.leafIdx[l] = i
	}
	root := c.visit(t)
	c.attach(root, -1, "root")
	for i := range c.head {
		if c.head[i] == -2 { // cannot happen; keep the tree valid anyway
			c.attach(i, root, "dep")
		}
	}
	c.postProcess()
	s := story.Sentence{Start: -1, End: -1}
	var text strings.Builder
	for i, l := range c.leaves {
		if i > 0 {
			text.WriteByte(' ')
		}
		text.WriteString(l.Word)
		tok := story.Token{
			Form:       l.Word,
			XPOS:       c.tags[i],
			Head:       c.head[i] + 1,
			Deprel:     c.rel[i],
			Start:      -1,
			End:        -1,
			SpaceAfter: true,
		}
		tok.UPOS = upos(tok.Form, tok.XPOS, tok.Deprel)
		if tok.XPOS == "IN" && c.hasDep(i, "cop") {
			tok.UPOS = "ADJ" // "about" in "is about to"
		}
		tok.Lemma = Lemma(tok.Form, tok.XPOS)
		if tok.Lemma == "not" && tok.UPOS == "PART" {
			tok.Feats = "Polarity=Neg" // as in UD English EWT
		}
		s.Tokens = append(s.Tokens, tok)
	}
	s.Text = text.String()
	if err := CheckTree(s); err != nil {
		return s, fmt.Errorf("ptb: conversion gave an invalid tree: %v", err)
	}
	return s, nil
}

// CheckTree reports whether the tokens of s form one dependency tree: every Head in 0..len,
// exactly one root (Head 0), no token its own head and no cycles.
func CheckTree(s story.Sentence) error {
	n := len(s.Tokens)
	if n == 0 {
		return errors.New("no tokens")
	}
	roots := 0
	for i, t := range s.Tokens {
		if t.Head < 0 || t.Head > n {
			return fmt.Errorf("token %d %q: head %d out of range", i+1, t.Form, t.Head)
		}
		if t.Head == i+1 {
			return fmt.Errorf("token %d %q is its own head", i+1, t.Form)
		}
		if t.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	for i := range s.Tokens {
		seen := 0
		for h := i + 1; h != 0; h = s.Tokens[h-1].Head {
			seen++
			if seen > n {
				return fmt.Errorf("cycle through token %d %q", i+1, s.Tokens[i].Form)
			}
		}
	}
	return nil
}

// prune returns a copy of t without empty elements (-NONE-) and phrases left empty.
func prune(t *Tree) *Tree {
	if t.IsPreterminal() {
		if t.Category() == "-NONE-" {
			return nil
		}
		return &Tree{Label: t.Label, Word: t.Word, cat: t.Category()}
	}
	n := &Tree{Label: t.Label, cat: t.Category()}
	for _, k := range t.Children {
		if p := prune(k); p != nil {
			n.Children = append(n.Children, p)
		}
	}
	if len(n.Children) == 0 {
		return nil
	}
	return n
}

type conv struct {
	// existential marks the VPs of clauses whose subject is expletive "there"
	existential map[*Tree]bool
	leaves      []*Tree
	leafIdx     map[*Tree]int
	tags        []string // XPOS
	head        []int    // 0-based head, -1 root, -2 not yet attached
	deps        [][]int  // dependents of each token
	rel         []string
}

// markExistential finds clauses with an expletive subject ("(NP (EX there))") and marks their
// VP and the VPs that head it.
func (c *conv) markExistential(t *Tree) {
	if t.IsPreterminal() {
		return
	}
	switch t.Category() {
	case "S", "SQ", "SINV":
		ex := false
		for _, k := range t.Children {
			if k.Category() == "NP" {
				l := k.Leaves()
				ex = len(l) == 1 && l[0].Category() == "EX"
			}
			if k.Category() == "VP" && ex {
				for vp := k; vp != nil; {
					if c.existential == nil {
						c.existential = map[*Tree]bool{}
					}
					c.existential[vp] = true
					var next *Tree
					for _, g := range vp.Children {
						if g.Category() == "VP" {
							next = g
						}
					}
					vp = next
				}
			}
		}
	}
	for _, k := range t.Children {
		c.markExistential(k)
	}
}

// attach makes head the head of dep with relation rel, keeping the dependents lists in step.
func (c *conv) attach(dep, head int, rel string) {
	if dep == head {
		return
	}
	if old := c.head[dep]; old >= 0 {
		l := c.deps[old]
		for k, d := range l {
			if d == dep {
				c.deps[old] = append(l[:k], l[k+1:]...)
				break
			}
		}
	}
	c.head[dep] = head
	c.rel[dep] = rel
	if head >= 0 {
		c.deps[head] = append(c.deps[head], dep)
	}
}

// visit converts the subtree n and returns the index of its head word.
func (c *conv) visit(n *Tree) int {
	if n.IsPreterminal() {
		return c.leafIdx[n]
	}
	heads := make([]int, len(n.Children))
	for i, k := range n.Children {
		heads[i] = c.visit(k)
	}
	return c.phrase(n, n.Children, heads)
}

// phrase attaches the children of a phrase (or of one conjunct of it) to their head and returns
// the head word.
func (c *conv) phrase(n *Tree, kids []*Tree, heads []int) int {
	if h, ok := c.coordination(n, kids, heads); ok {
		return h
	}
	cat := n.Category()
	h, cop := headChild(cat, kids)
	if cop && c.existential[n] {
		// "there was a deal": "was" heads, "a deal" is its subject
		for i, k := range kids {
			if k.IsPreterminal() && isBe(k.Word) {
				h, cop = i, false
				break
			}
		}
	}
	H := heads[h]
	for i := range kids {
		if i == h {
			continue
		}
		c.attach(heads[i], H, c.label(n, kids, heads, i, h, cop))
	}
	if cat == "S" || cat == "SINV" {
		if s := c.reportedClause(kids, heads, h); s >= 0 {
			// "X, officials said.": as in UD English EWT the reported clause heads the
			// sentence and the reporting clause is its parataxis
			S := heads[s]
			c.attach(H, S, "parataxis")
			for j := range kids {
				if j == s || c.head[heads[j]] != H || c.rel[heads[j]] != "punct" {
					continue
				}
				if j < s || j > h || isCloseQuote(kids[j]) {
					c.attach(heads[j], S, "punct")
				}
			}
			return S
		}
	}
	return H
}

func isCloseQuote(k *Tree) bool {
	return k.Category() == "''" || k.IsPreterminal() && (k.Word == "”" || k.Word == "’")
}

// reportedClause returns the index of a clause with its own subject that comes before the head
// child h of a clause, separated from it by a comma, colon or closing quote ("X, he said"), or
// -1.
func (c *conv) reportedClause(kids []*Tree, heads []int, h int) int {
	for s := 0; s < h; s++ {
		switch kids[s].Category() {
		case "S", "SINV", "SQ", "SBARQ":
		default:
			continue
		}
		if !c.clauseHasSubj(heads[s]) && c.rel[heads[s]] != "ccomp" {
			continue
		}
		for j := s + 1; j < h; j++ {
			switch kids[j].Category() {
			case ",", ":", "''":
				return s
			}
		}
	}
	return -1
}

// coordination handles a phrase whose children are conjuncts separated by CC, CONJP, commas
// and colons ("X , Y and Z"): the first conjunct heads, the others are its conj, a
// conjunction is cc and punctuation punct of the conjunct after it (UD v2).
func (c *conv) coordination(n *Tree, kids []*Tree, heads []int) (int, bool) {
	hasCC := false
	for i, k := range kids {
		if cat := k.Category(); i > 0 && i < len(kids)-1 && (cat == "CC" || cat == "CONJP") {
			hasCC = true
		}
	}
	if !hasCC {
		return 0, false
	}
	isSep := func(k *Tree) bool {
		switch k.Category() {
		case "CC", "CONJP", ",", ":":
			return true
		}
		return false
	}
	type group struct{ from, to int }
	var groups []group
	for i := 0; i < len(kids); {
		if i > 0 && isSep(kids[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(kids) && !isSep(kids[j]) {
			j++
		}
		// a group of punctuation only is not a conjunct
		allPunct := true
		for k := i; k < j; k++ {
			if !isPunct(kids[k]) {
				allPunct = false
			}
		}
		if !allPunct {
			groups = append(groups, group{i, j})
		}
		i = j
	}
	if len(groups) < 2 {
		return 0, false
	}
	gh := make([]int, len(groups))
	for g, gr := range groups {
		if gr.to-gr.from == 1 {
			gh[g] = heads[gr.from]
			continue
		}
		sub := &Tree{Label: n.Label, Children: kids[gr.from:gr.to], cat: n.Category()}
		gh[g] = c.phrase(sub, kids[gr.from:gr.to], heads[gr.from:gr.to])
	}
	H := gh[0]
	for g := 1; g < len(groups); g++ {
		c.attach(gh[g], H, "conj")
	}
	// separators and stray punctuation attach to the next conjunct
	g := 0 // the first group that does not end before i
	for i, k := range kids {
		for g < len(groups) && groups[g].to <= i {
			g++
		}
		if g < len(groups) && i >= groups[g].from {
			continue // inside a conjunct
		}
		next := H
		if g < len(groups) {
			next = gh[g]
		}
		rel := "punct"
		if cat := k.Category(); cat == "CC" || cat == "CONJP" {
			rel = "cc"
		}
		c.attach(heads[i], next, rel)
	}
	return H, true
}

// hasDep reports whether token h has a dependent with one of the relations.
func (c *conv) hasDep(h int, rels ...string) bool {
	for _, i := range c.deps[h] {
		for _, r := range rels {
			if c.rel[i] == r {
				return true
			}
		}
	}
	return false
}

// depWith returns the first dependent of h (in word order) with relation rel, or -1.
func (c *conv) depWith(h int, rel string) int {
	best := -1
	for _, i := range c.deps[h] {
		if c.rel[i] == rel && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func (c *conv) word(i int) string { return strings.ToLower(c.leaves[i].Word) }

// clauseKind describes a clausal constituent for labelling: whether it has a subject, whether
// it is an infinitive with "to".
func (c *conv) clauseHasSubj(h int) bool { return c.hasDep(h, "nsubj", "nsubj:pass", "expl", "csubj") }

func (c *conv) isToInfinitive(h int) bool {
	m := c.depWith(h, "mark")
	return m >= 0 && c.tags[m] == "TO"
}

// complementizer returns the first child of an SBAR: its category and lower-cased word (for a
// preterminal or one-word phrase).
func complementizer(sbar *Tree) (string, string) {
	for _, k := range sbar.Children {
		switch k.Category() {
		case "NP", "ADVP", "RB":
			continue // "five years after ...", "just as ..."
		}
		if isPunct(k) {
			continue
		}
		w := ""
		if l := k.Leaves(); len(l) > 0 {
			w = strings.ToLower(l[0].Word)
		}
		return k.Category(), w
	}
	return "", ""
}

// clauseOf returns the clause category that a constituent behaves as: PP with a clausal object
// ("by promoting") counts as a clause.
func effectiveCat(k *Tree) string {
	cat := k.Category()
	if cat == "PP" && !k.IsPreterminal() {
		h := ppHead(k.Children)
		switch k.Children[h].Category() {
		case "S", "SBAR", "VP", "SQ", "SINV", "VBG", "VBN":
			return "PPCLAUSE" // "by promoting ...", "(PP (VBG starting) (PP on Sunday))"
		}
	}
	return cat
}

func hasFunc(label, fn string) bool {
	for _, part := range strings.Split(label, "-")[1:] {
		if part == fn {
			return true
		}
	}
	return false
}

var (
	// timeNouns head bare noun phrases of time ("last year", "this week", "Monday").
	timeNouns = map[string]bool{
		"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true,
		"day": true, "days": true, "night": true, "nights": true, "morning": true, "afternoon": true,
		"evening": true, "weekend": true, "decade": true, "century": true, "time": true, "times": true,
		"hour": true, "hours": true, "minute": true, "minutes": true, "season": true, "spring": true,
		"summer": true, "autumn": true, "fall": true, "winter": true, "quarter": true,
	}
	// timeWords are time expressions by themselves.
	timeWords = map[string]bool{
		"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "monday": true,
		"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
		"sunday": true,
	}
	// timeDets make a time noun phrase of a time noun ("last week", "every year").
	timeDets = map[string]bool{
		"last": true, "next": true, "this": true, "that": true, "every": true, "each": true,
		"previous": true, "coming": true, "past": true, "same": true, "following": true,
		"earlier": true, "later": true, "early": true, "late": true,
	}
)

// hasLaterNP reports whether a noun phrase follows kids[i] before the head child h.
func (c *conv) hasLaterNP(kids []*Tree, i, h int) bool {
	for j := i + 1; j < h; j++ {
		if kids[j].Category() == "NP" {
			return true
		}
	}
	return false
}

// isTemporalNP reports whether a noun phrase without a -TMP function tag is a bare time
// expression: a weekday, "today", "yesterday" ..., or a time noun after "last", "next",
// "this", "every" ... ("last year"); such a phrase is obl:tmod, not an object.
func (c *conv) isTemporalNP(k *Tree, head int) bool {
	if k.IsPreterminal() && k.Category() != "NN" && k.Category() != "NNP" {
		return false
	}
	w := c.word(head)
	if timeWords[w] {
		return true
	}
	if !timeNouns[w] {
		return false
	}
	for _, d := range c.deps[head] {
		if d < head && timeDets[c.word(d)] {
			return true
		}
	}
	return false
}

// label gives the UD relation of child i (head word heads[i]) of phrase n, whose head child is
// kids[h]; cop says that the head is the predicate of a copula.
func (c *conv) label(n *Tree, kids []*Tree, heads []int, i, h int, cop bool) string {
	k := kids[i]
	kc := k.Category()
	ec := effectiveCat(k)
	D, H := heads[i], heads[h]
	before := i < h
	pc := n.Category()
	if k.IsPreterminal() && isPunctTag(kc) {
		return "punct"
	}
	switch kc {
	case "CC":
		return "cc"
	case "CONJP":
		return "cc"
	case "POS":
		return "case"
	case "INTJ", "UH":
		return "discourse"
	case "PRN":
		inner := kids[i].Children
		if len(inner) > 0 {
			switch kids[i].Children[firstNonPunct(inner)].Category() {
			case "S", "SINV", "VP", "SBAR":
				return "parataxis"
			case "NP", "NNP", "NNPS", "NN", "NNS":
				return "appos" // "SEOUL (Reuters)", "the Line of Control (LoC)"
			case "PP":
				if pc == "NP" {
					return "nmod"
				}
				return "obl"
			}
		}
		return "dep"
	case "EX":
		return "expl"
	case "RP", "PRT":
		return "compound:prt"
	case "PRP$", "WP$":
		return "nmod:poss"
	case "RB", "RBR", "RBS", "ADVP", "WRB", "WHADVP":
		if pc == "QP" || pc == "NP" && (kc == "RB" || kc == "ADVP") && before {
			return "advmod"
		}
		return "advmod"
	case "MD":
		return "aux"
	}
	switch pc {
	case "VP":
		return c.labelInVP(n, kids, heads, i, h, cop)
	case "S", "SINV", "SQ", "SBARQ", "FRAG", "UCP", "X":
		switch {
		case k.IsPreterminal() && isVerbTag(kc):
			if !cop && kids[h].Category() == "VP" {
				return "aux"
			}
			if isBe(k.Word) {
				return "cop"
			}
			return "aux"
		case ec == "NP" || ec == "WHNP" || kc == "PRP" || kc == "NN" || kc == "NNP" || kc == "NNS" || kc == "DT" || kc == "CD":
			if hasFunc(k.Label, "TMP") {
				return "obl:tmod"
			}
			if hasFunc(k.Label, "ADV") {
				return "obl:npmod"
			}
			if c.isTemporalNP(k, D) && (!before || c.hasLaterNP(kids, i, h)) {
				return "obl:tmod" // "Last week, the army ..."; a time word alone may be a subject
			}
			if before && pc == "FRAG" {
				return "dep" // a dateline or heading before a clause
			}
			if before {
				// the last noun phrase before the head is the subject
				for j := i + 1; j < h; j++ {
					if ek := effectiveCat(kids[j]); (ek == "NP" || kids[j].Category() == "PRP") && !hasFunc(kids[j].Label, "TMP") {
						return "obl:tmod"
					}
				}
				if len(k.Leaves()) > 0 && k.Leaves()[0].Category() == "EX" && len(k.Leaves()) == 1 {
					return "expl"
				}
				return "nsubj"
			}
			if pc == "SINV" || pc == "SQ" {
				return "nsubj"
			}
			return "dep"
		case ec == "S" || ec == "SINV" || ec == "SQ":
			if c.clauseHasSubj(D) {
				if before {
					return "ccomp"
				}
				return "parataxis"
			}
			return "advcl"
		case ec == "SBAR" || ec == "PPCLAUSE":
			return "advcl"
		case ec == "PP" || ec == "WHPP":
			return "obl"
		case ec == "VP":
			return "parataxis"
		case ec == "ADJP" || kc == "JJ":
			return "advcl"
		case kc == "IN":
			return "mark"
		case kc == "TO":
			return "mark"
		}
		return "dep"
	case "SBAR":
		switch {
		case kc == "IN" || kc == "DT" || kc == "TO":
			return "mark"
		case kc == "WHNP":
			if c.clauseHasSubj(H) {
				return "obj"
			}
			return "nsubj"
		case kc == "WHPP":
			return "obl"
		case kc == "WHADJP":
			return "advmod"
		case ec == "NP":
			return "obl:npmod"
		case ec == "SBAR" || ec == "S":
			return "advcl"
		}
		return "dep"
	case "NP", "NML", "NX", "WHNP", "NAC":
		return c.labelInNP(n, kids, heads, i, h)
	case "PP", "WHPP":
		if before {
			switch {
			case k.IsPreterminal() && (isPrepTag(kc) || kc == "TO"):
				switch kids[h].Category() {
				case "S", "SBAR", "VP", "SQ", "SINV":
					return "mark"
				}
				return "case"
			case ec == "NP":
				return "obl:npmod"
			}
			return "dep"
		}
		switch {
		case ec == "PP" && isVerbTag(kids[h].Category()):
			return "obl"
		case ec == "PP" || ec == "NP":
			return "nmod"
		case ec == "PPCLAUSE" || ec == "S" || ec == "SBAR":
			return "advcl"
		}
		return "dep"
	case "ADJP", "WHADJP":
		switch {
		case ec == "PP":
			return "obl"
		case ec == "PPCLAUSE", ec == "SBAR":
			return "ccomp"
		case ec == "S":
			if c.isToInfinitive(D) {
				return "xcomp"
			}
			return "ccomp"
		case ec == "NP":
			return "obl:npmod"
		case kc == "JJ" || kc == "JJR" || kc == "JJS" || kc == "ADJP" || kc == "VBN":
			return "amod"
		case kc == "CD" || kc == "QP":
			return "nummod"
		case kc == "DT":
			return "det"
		case kc == "IN" || kc == "TO":
			return "case"
		}
		return "dep"
	case "ADVP", "WHADVP":
		switch {
		case ec == "PP":
			return "obl"
		case ec == "NP":
			return "obl:npmod"
		case ec == "SBAR", ec == "PPCLAUSE":
			return "advcl"
		case kc == "IN" || kc == "TO":
			return "case"
		}
		return "dep"
	case "QP":
		switch kc {
		case "CD":
			return "compound"
		case "IN", "JJ", "JJR", "JJS":
			return "advmod"
		case "TO":
			return "case"
		case "DT":
			return "det"
		case "$":
			return "dep"
		}
		return "dep"
	case "PRN":
		return "dep"
	case "CONJP":
		return "fixed"
	}
	return "dep"
}

// labelInVP labels a child of a VP.
func (c *conv) labelInVP(n *Tree, kids []*Tree, heads []int, i, h int, cop bool) string {
	k := kids[i]
	kc := k.Category()
	ec := effectiveCat(k)
	D, H := heads[i], heads[h]
	before := i < h
	if k.IsPreterminal() && isVerbTag(kc) && before {
		if cop {
			if isBe(k.Word) {
				return "cop"
			}
			return "aux"
		}
		if isBe(k.Word) {
			if c.tags[H] == "VBN" {
				return "aux:pass"
			}
			if !isVerbTag(c.tags[H]) && c.tags[H] != "TO" {
				return "cop" // "is about to leave": "about" is the predicate (UD English EWT)
			}
		}
		return "aux"
	}
	switch {
	case kc == "TO":
		return "mark"
	case kc == "IN":
		return "mark"
	case ec == "NP" || kc == "NN" || kc == "NNS" || kc == "NNP" || kc == "NNPS" || kc == "PRP" || kc == "CD" || kc == "DT":
		if hasFunc(k.Label, "TMP") {
			return "obl:tmod"
		}
		if hasFunc(k.Label, "ADV") || hasFunc(k.Label, "EXT") {
			return "obl:npmod"
		}
		if c.isTemporalNP(k, D) {
			return "obl:tmod"
		}
		if cop {
			return "obl:npmod"
		}
		if c.existential[n] && !before {
			return "nsubj"
		}
		// two objects: the first is the indirect one
		if !before {
			for j := i + 1; j < len(kids); j++ {
				if kids[j].Category() == "NP" && !hasFunc(kids[j].Label, "TMP") && !hasFunc(kids[j].Label, "ADV") && !c.isTemporalNP(kids[j], heads[j]) {
					return "iobj"
				}
				if kids[j].Category() != "NP" {
					break
				}
			}
		}
		return "obj"
	case ec == "PP" || ec == "WHPP":
		return "obl"
	case ec == "PPCLAUSE":
		return "advcl"
	case ec == "SBAR":
		cat, w := complementizer(k)
		switch {
		case cat == "WHNP" || cat == "WHADJP" || cat == "WHPP":
			return "ccomp"
		case cat == "WHADVP":
			if w == "when" || w == "where" || w == "while" || w == "whenever" {
				return "advcl"
			}
			return "ccomp"
		case cat == "IN" || cat == "DT":
			if w == "that" || w == "whether" {
				return "ccomp"
			}
			return "advcl"
		}
		return "ccomp"
	case ec == "S" || ec == "SQ" || ec == "SINV" || ec == "SBARQ":
		if i > 0 && kids[i-1].Category() == "," {
			return "advcl"
		}
		if c.clauseHasSubj(D) {
			if c.isToInfinitive(D) {
				// "asked him to leave": him is the object of asked, leave its xcomp
				if s := c.depWith(D, "nsubj"); s >= 0 {
					c.attach(s, H, "obj")
				}
				return "xcomp"
			}
			return "ccomp"
		}
		return "xcomp"
	case ec == "ADJP" || kc == "JJ" || kc == "JJR" || kc == "JJS":
		return "xcomp"
	case ec == "VP":
		return "xcomp"
	case kc == "INTJ":
		return "discourse"
	}
	return "dep"
}

// labelInNP labels a child of a noun phrase.
func (c *conv) labelInNP(n *Tree, kids []*Tree, heads []int, i, h int) string {
	k := kids[i]
	kc := k.Category()
	ec := effectiveCat(k)
	before := i < h
	switch kc {
	case "DT", "PDT", "WDT":
		return "det"
	case "WP":
		if before {
			return "det"
		}
	}
	if before {
		switch {
		case ec == "NP" || ec == "NML" || ec == "WHNP":
			if last := k.Children; len(last) > 0 && last[len(last)-1].Category() == "POS" {
				return "nmod:poss"
			}
			if hasFunc(k.Label, "TMP") {
				return "nmod:tmod"
			}
			return "compound"
		case kc == "NN" || kc == "NNS" || kc == "NNP" || kc == "NNPS" || kc == "FW" || kc == "SYM":
			return "compound"
		case kc == "JJ" || kc == "JJR" || kc == "JJS" || kc == "ADJP" || kc == "VBN" || kc == "VBG" || kc == "VBD" || kc == "VB" || kc == "VBZ" || kc == "VBP":
			return "amod"
		case kc == "CD" || kc == "QP":
			return "nummod"
		case kc == "$" || kc == "#":
			return "dep"
		case kc == "PRP":
			return "dep"
		case kc == "IN" || kc == "TO":
			return "case"
		}
		return "dep"
	}
	switch {
	case ec == "PP" || ec == "WHPP":
		return "nmod"
	case ec == "PPCLAUSE":
		return "acl"
	case ec == "SBAR":
		cat, w := complementizer(k)
		if strings.HasPrefix(cat, "WH") || cat == "S" {
			return "acl:relcl"
		}
		if cat == "IN" && w == "that" {
			return "acl"
		}
		return "acl"
	case ec == "VP" || ec == "S":
		return "acl"
	case ec == "NP" || ec == "NML":
		if hasFunc(k.Label, "TMP") {
			return "nmod:tmod"
		}
		for j := i - 1; j > h; j-- {
			if kids[j].Category() == "," || kids[j].Category() == ":" || kids[j].Category() == "-LRB-" {
				return "appos"
			}
		}
		if i-1 >= 0 && (kids[i-1].Category() == "," || kids[i-1].Category() == ":") {
			return "appos"
		}
		return "nmod"
	case kc == "JJ" || kc == "JJR" || kc == "JJS" || kc == "ADJP":
		return "amod"
	case kc == "CD" || kc == "QP":
		return "nummod"
	case kc == "NN" || kc == "NNS" || kc == "NNP" || kc == "NNPS":
		return "compound"
	}
	return "dep"
}

// postProcess applies the rules that need the whole tree: passive subjects and agents, the
// relation of WH-words, and the shape of proper-noun sequences.
func (c *conv) postProcess() {
	// commas around an apposition, relative clause or parenthetical clause belong to it
	for a := range c.leaves {
		switch c.rel[a] {
		case "appos", "acl:relcl", "parataxis":
		default:
			continue
		}
		lo, hi := c.extent(a)
		h := c.head[a]
		if lo > 0 && c.rel[lo-1] == "punct" && c.head[lo-1] == h && isCommaLike(c.leaves[lo-1].Word) && h < lo {
			c.attach(lo-1, a, "punct")
		}
		if hi+1 < len(c.leaves) && c.rel[hi+1] == "punct" && c.head[hi+1] == h && isCommaLike(c.leaves[hi+1].Word) && h < lo {
			c.attach(hi+1, a, "punct")
		}
	}
	// "almost five years": an adverb right before a number modifies the number
	for i := range c.leaves {
		if c.rel[i] == "advmod" && i+1 < len(c.leaves) && c.head[i+1] == c.head[i] && c.rel[i+1] == "nummod" {
			c.attach(i, i+1, "advmod")
		}
	}
	passive := make([]bool, len(c.leaves))
	for v := range c.leaves {
		passive[v] = c.hasDep(v, "aux:pass")
		if c.tags[v] == "VBN" && (c.rel[v] == "acl" || c.rel[v] == "amod") {
			passive[v] = true // reduced relative: "the town attacked by rebels"
		}
	}
	for v := range c.leaves {
		// "were arrested and charged by police": a participle conjoined to a passive verb
		if h := c.head[v]; c.tags[v] == "VBN" && c.rel[v] == "conj" && h >= 0 && h < v && passive[h] && !c.hasDep(v, "aux") {
			passive[v] = true
		}
	}
	for v := range c.leaves {
		if !passive[v] {
			continue
		}
		for _, d := range c.deps[v] {
			switch c.rel[d] {
			case "nsubj":
				c.rel[d] = "nsubj:pass"
			case "csubj":
				c.rel[d] = "csubj:pass"
			case "obl":
				if cs := c.depWith(d, "case"); cs >= 0 && c.word(cs) == "by" {
					c.rel[d] = "obl:agent"
				}
			}
		}
	}
}

func isCommaLike(w string) bool { return w == "," || w == "--" || w == "-" || w == ";" || w == "—" }

// extent returns the first and last token of the subtree headed by a.
func (c *conv) extent(a int) (int, int) {
	lo, hi := a, a
	stack := []int{a}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi = min(lo, x), max(hi, x)
		stack = append(stack, c.deps[x]...)
	}
	return lo, hi
}

var indefPronouns = map[string]bool{
	"something": true, "anything": true, "nothing": true, "everything": true, "someone": true,
	"anyone": true, "everyone": true, "noone": true, "somebody": true, "anybody": true,
	"everybody": true, "nobody": true,
}

// upos maps a PTB tag to a UPOS tag, using the word and the relation where the tag alone does
// not decide (UD English EWT conventions: auxiliaries AUX, "to" PART before a verb, "not" PART).
func upos(form, xpos, rel string) string {
	lw := strings.ToLower(form)
	switch xpos {
	case "NN", "NNS":
		if form == "%" {
			return "SYM"
		}
		if indefPronouns[lw] {
			return "PRON" // "something", "everyone": PTB NN, UD PRON
		}
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		if rel == "aux" || rel == "aux:pass" || rel == "cop" {
			return "AUX"
		}
		return "VERB"
	case "MD":
		return "AUX"
	case "JJ", "JJR", "JJS":
		return "ADJ"
	case "RB", "RBR", "RBS":
		if lw == "not" || lw == "n't" || lw == "n’t" {
			return "PART"
		}
		return "ADV"
	case "WRB":
		return "ADV"
	case "IN":
		if rel == "mark" {
			return "SCONJ"
		}
		return "ADP"
	case "TO":
		if rel == "case" {
			return "ADP"
		}
		return "PART"
	case "DT", "PDT":
		if rel == "det" || rel == "det:predet" {
			return "DET"
		}
		return "PRON"
	case "WDT":
		if rel == "det" {
			return "DET"
		}
		return "PRON"
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return "PRON"
	case "CD":
		return "NUM"
	case "CC":
		return "CCONJ"
	case "UH":
		return "INTJ"
	case "RP":
		return "ADP"
	case "POS":
		return "PART"
	case "FW", "LS":
		return "X"
	case "ADD":
		return "PROPN" // e-mail and web addresses, as in EWT
	case "SYM", "$", "#":
		return "SYM"
	}
	if isPunctTag(xpos) {
		return "PUNCT"
	}
	return "X"
}
