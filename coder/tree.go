package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/story"
)

// tree is a sentence prepared for coding: 0-based heads and children lists.
type tree struct {
	s      *story.Sentence
	n      int
	words  []string // upper-cased forms
	lemmas []string // upper-cased lemmas (the form when the lemma is empty)
	head   []int    // 0-based head, -1 for the root
	kids   [][]int
	bases  []string        // deprel without subtype
	np     map[int][]actor // actorsOf results by token
	nested map[int][]actor // codeNP results of nested phrases (depth > 0) by token
	preps  []string        // prep results by token, filled on first use
	pps    map[int][]int   // ppSubtree results by token
	sides  map[*frame][2][]int
}

func newTree(s *story.Sentence) (*tree, error) {
	n := len(s.Tokens)
	// Few allocations per sentence: one block of strings, one of ints, one of child lists.
	strs := make([]string, 3*n)
	ints := make([]int, 2*n)
	t := &tree{s: s, n: n, words: strs[:n:n], lemmas: strs[n : 2*n : 2*n], bases: strs[2*n:],
		head: ints[:n:n], kids: make([][]int, n)}
	size := 0
	for _, tok := range s.Tokens {
		size += len(tok.Form) + len(tok.Lemma)
	}
	var sb strings.Builder
	sb.Grow(size + 8)
	for _, tok := range s.Tokens {
		writeUpper(&sb, tok.Form)
		writeUpper(&sb, tok.Lemma)
	}
	all := sb.String()
	off := 0
	for i, tok := range s.Tokens {
		t.words[i] = upperSlice(all, &off, tok.Form)
		t.lemmas[i] = upperSlice(all, &off, tok.Lemma)
		if tok.Lemma == "" {
			t.lemmas[i] = t.words[i]
		}
		h := tok.Head
		if h < 0 || h > n || h == i+1 {
			return nil, fmt.Errorf("token %d (%q): bad head %d", i+1, tok.Form, h)
		}
		t.head[i] = h - 1
		r := tok.Deprel
		if k := strings.IndexByte(r, ':'); k >= 0 {
			r = r[:k]
		}
		t.bases[i] = r
	}
	count := ints[n:]
	for i := 0; i < n; i++ {
		// Cycle check: the head chain must reach the root within n steps.
		j, steps := i, 0
		for j >= 0 && steps <= n {
			j = t.head[j]
			steps++
		}
		if j >= 0 {
			return nil, fmt.Errorf("token %d (%q): head cycle", i+1, s.Tokens[i].Form)
		}
		if h := t.head[i]; h >= 0 {
			count[h]++
		}
	}
	flat := make([]int, n)
	pos := 0
	for h := 0; h < n; h++ {
		t.kids[h] = flat[pos : pos : pos+count[h]]
		pos += count[h]
	}
	for i := 0; i < n; i++ {
		if h := t.head[i]; h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t, nil
}

func (t *tree) rel(i int) string { return t.s.Tokens[i].Deprel }

func (t *tree) base(i int) string { return t.bases[i] }

func (t *tree) upos(i int) string { return t.s.Tokens[i].UPOS }
func (t *tree) xpos(i int) string { return t.s.Tokens[i].XPOS }

// children returns the children of i whose relation (full label, or base label when the wanted
// label has no subtype) is one of rels.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, k := range t.kids[i] {
		r := t.rel(k)
		b := t.base(k)
		for _, w := range rels {
			if r == w || (!strings.Contains(w, ":") && b == w) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		r := t.rel(k)
		b := t.base(k)
		for _, w := range rels {
			if r == w || (!strings.Contains(w, ":") && b == w) {
				return k
			}
		}
	}
	return -1
}

func (t *tree) isNominal(i int) bool {
	switch t.upos(i) {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	case "ADJ":
		// "the Palestinian(s)", an ADJ head of a nominal relation
		switch t.base(i) {
		case "nsubj", "obj", "iobj", "obl", "nmod", "conj", "appos":
			return true
		}
	}
	return strings.HasPrefix(t.xpos(i), "NN")
}

func (t *tree) isVerb(i int) bool {
	u := t.upos(i)
	if u == "VERB" {
		return true
	}
	if u == "AUX" {
		return false
	}
	return strings.HasPrefix(t.xpos(i), "VB") || t.xpos(i) == "MD"
}

// prep returns the upper-cased preposition (case child, with its fixed parts) of nominal i, or "".
func (t *tree) prep(i int) string {
	if t.preps == nil {
		t.preps = make([]string, t.n)
		for j := range t.preps {
			t.preps[j] = t.findPrep(j)
		}
	}
	return t.preps[i]
}

func (t *tree) findPrep(i int) string {
	for _, k := range t.kids[i] {
		if t.base(k) == "case" && k < i {
			p := t.words[k]
			for _, f := range t.children(k, "fixed") {
				p += " " + t.words[f]
			}
			return p
		}
	}
	for _, k := range t.kids[i] {
		if t.base(k) == "mark" && k < i && t.upos(k) == "ADP" {
			return t.words[k]
		}
	}
	return ""
}

// subtree appends i and its descendants, skipping children whose relation is in skip.
func (t *tree) subtree(i int, skip map[string]bool, out []int) []int {
	if out == nil {
		out = make([]int, 0, 16)
	}
	out = append(out, i)
	for _, k := range t.kids[i] {
		if skip[t.rel(k)] || (skip[t.base(k)] && t.rel(k) != "nmod:poss") {
			continue
		}
		out = t.subtree(k, skip, out)
	}
	return out
}

// isXcomp reports an open clausal complement: xcomp, or an infinitival advcl ("vowed ... to wage
// war", often attached as advcl by parsers).
func (t *tree) isXcomp(k int) bool {
	switch t.base(k) {
	case "xcomp":
		return true
	case "advcl":
		for _, m := range t.kids[k] {
			if t.base(m) == "mark" && t.words[m] == "TO" {
				return true
			}
		}
	}
	return false
}

// writeUpper writes the upper-case form of w (ASCII fast path, strings.ToUpper otherwise).
func writeUpper(sb *strings.Builder, w string) {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			sb.WriteString(strings.ToUpper(w))
			return
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		sb.WriteByte(c)
	}
}

// upperSlice returns the next upper-cased word from all, as written by writeUpper for w.
func upperSlice(all string, off *int, w string) string {
	n := len(w)
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			n = len(strings.ToUpper(w))
			break
		}
	}
	s := all[*off : *off+n]
	*off += n
	return s
}

// ppSubtree returns the words of the prepositional phrase headed by k (without clauses and
// punctuation), cached per sentence.
func (t *tree) ppSubtree(k int) []int {
	if t.pps == nil {
		t.pps = make(map[int][]int, 8)
	} else if sub, ok := t.pps[k]; ok {
		return sub
	}
	sub := t.subtree(k, ppSkip, nil)
	t.pps[k] = sub
	return sub
}
