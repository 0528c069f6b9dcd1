// Package ptb reads Penn Treebank bracketed constituency parses, as found in the <Parse>
// elements of PETRARCH XML (PETRARCH-FORMATS.md §2.1, produced by Stanford CoreNLP), and converts
// them to Universal Dependencies v2 trees by head rules, so that the coder only ever sees
// dependency trees (ARCHITECTURE.md, "Decisions already made").
//
// Parse reads one tree; ToDependencies converts it to a story.Sentence whose tokens carry the
// form (escapes undone, original case), a lower-case lemma, UPOS, the PTB tag as XPOS, the
// head and the UD v2 relation. Convert does both and has the shape of
// ingest/petrarch.PTBConverter. Align ties the tokens to the record's <Text>.
//
// Conversion decisions, following UD English EWT where it is explicit:
//
//   - Content words head: an auxiliary's VP complement heads the VP (aux, aux:pass for "be"
//     before a past participle), a copula's predicate heads the clause (cop, also "is about to"),
//     a preposition's object heads the PP (case; mark before a clause).
//   - Passive subjects are nsubj:pass; a "by" oblique of a passive verb, of a reduced relative
//     ("attacked by rebels") or of a participle conjoined to a passive verb is obl:agent.
//   - "X, officials said": the reported clause heads the sentence and the reporting verb is its
//     parataxis, as in EWT; a fronted complement without comma stays ccomp.
//   - "asked him to leave": him is obj of asked, leave its xcomp.
//   - Coordination: the first conjunct heads; cc and commas attach to the next conjunct (UD v2).
//   - Proper-noun sequences ("Kim Jong Un", "North Korea") are compound chains headed by the
//     last word (EWT mixes flat and compound; the coder treats both as parts of a name).
//   - "not", "n't" and "never" are advmod ("not" and "n't" PART with Polarity=Neg).
//   - Expletive "there" is expl and the noun after "be" its nsubj; a heading before a clause in
//     a FRAG ("LYON: ...") is dep.
//
// On the 226 PETRARCH unit-test sentences that UniversalPetrarch ships with an independent
// UDPipe parse of the same words, the converted trees agree on 83% of heads and 79% of labelled
// heads (TestAgreementWithUniversalPetrarch).
package ptb

import (
	"fmt"
	"strings"
)

// Tree is a node of a constituency tree. A preterminal (a part-of-speech node) has a Word and no
// Children; a phrase has Children and no Word.
type Tree struct {
	// Label is the constituent label or PTB tag as written, function tags included: "NP",
	// "NP-TMP", "NNP", "-NONE-".
	Label string
	// Word is the word of a preterminal with PTB escapes undone ("-LRB-" -> "(", "``" -> "\"").
	Word     string
	Children []*Tree
	cat      string // Category, cached by Parse and ToDependencies
}

// IsPreterminal reports whether t is a part-of-speech node holding a word.
func (t *Tree) IsPreterminal() bool { return len(t.Children) == 0 }

// Category returns the label without function tags and indices: "NP-TMP-1" -> "NP",
// "-NONE-" -> "-NONE-", "-LRB-" -> "-LRB-".
func (t *Tree) Category() string {
	if t.cat != "" {
		return t.cat
	}
	return category(t.Label)
}

func category(l string) string {
	if len(l) > 1 && l[0] == '-' {
		return l // -NONE-, -LRB-, -RRB-
	}
	if i := strings.IndexAny(l, "-="); i > 0 {
		return l[:i]
	}
	return l
}

// Leaves returns the preterminals of t from left to right.
func (t *Tree) Leaves() []*Tree {
	var out []*Tree
	var walk func(n *Tree)
	walk = func(n *Tree) {
		if n.IsPreterminal() {
			out = append(out, n)
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(t)
	return out
}

// String returns t in one-line bracketed form, with PTB escapes for brackets in words.
func (t *Tree) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *Tree) write(b *strings.Builder) {
	b.WriteByte('(')
	b.WriteString(t.Label)
	if t.IsPreterminal() {
		b.WriteByte(' ')
		b.WriteString(Escape(t.Word))
	}
	for _, c := range t.Children {
		b.WriteByte(' ')
		c.write(b)
	}
	b.WriteByte(')')
}

var unescapes = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}",
	"``": "\"", "''": "\"",
}

// Unescape undoes the PTB escapes of a word: bracket names ("-LRB-" -> "("), LaTeX-style quotes
// ("“" and "”" -> "\"") and backslash escapes ("\/" -> "/", "\*" -> "*").
func Unescape(w string) string {
	if u, ok := unescapes[w]; ok {
		return u
	}
	if strings.IndexByte(w, '\\') >= 0 {
		w = strings.NewReplacer(`\/`, "/", `\*`, "*").Replace(w)
	}
	return w
}

// Escape writes a word in PTB form so that it can be bracketed again and read back by Parse:
// brackets become -LRB- and -RRB-, "/" and "*" get a backslash, white space becomes "_".
func Escape(w string) string {
	switch w {
	case "(":
		return "-LRB-"
	case ")":
		return "-RRB-"
	}
	if strings.ContainsAny(w, "() \t\n\r\f\v/*") {
		return escaper.Replace(w)
	}
	return w
}

var escaper = strings.NewReplacer("(", "-LRB-", ")", "-RRB-", " ", "_", "\t", "_", "\n", "_", "\r", "_",
	"\f", "_", "\v", "_", "/", `\/`, "*", `\*`)

// SyntaxError is a malformed bracketed parse. Line (1-based) and Col (1-based, in bytes) locate
// the problem inside the parse string.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("ptb: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

type parser struct {
	s   string
	pos int
}

func (p *parser) errf(at int, format string, args ...any) error {
	line, col := 1, 1
	for i := 0; i < at && i < len(p.s); i++ {
		if p.s[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.pos++
		default:
			return
		}
	}
}

// atom reads a label or word: a run of bytes other than white space and brackets.
func (p *parser) atom() string {
	start := p.pos
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r', '\f', '\v', '(', ')':
			return p.s[start:p.pos]
		}
		p.pos++
	}
	return p.s[start:p.pos]
}

// maxDepth bounds the nesting of a tree so that hostile input cannot exhaust the stack.
const maxDepth = 1000

// node reads "(LABEL WORD)" or "(LABEL child...)" or an unlabeled "( child )" at p.pos, which
// must be '('.
func (p *parser) node(depth int) (*Tree, error) {
	open := p.pos
	if depth > maxDepth {
		return nil, p.errf(open, "tree nested deeper than %d", maxDepth)
	}
	p.pos++ // '('
	p.skipSpace()
	t := &Tree{}
	if p.pos < len(p.s) && p.s[p.pos] != '(' && p.s[p.pos] != ')' {
		t.Label = p.atom()
	}
	p.skipSpace()
	if p.pos >= len(p.s) {
		return nil, p.errf(open, "unclosed '('")
	}
	if p.s[p.pos] != '(' && p.s[p.pos] != ')' {
		// a preterminal: one word
		at := p.pos
		w := p.atom()
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, p.errf(open, "unclosed '('")
		}
		if p.s[p.pos] != ')' {
			return nil, p.errf(p.pos, "expected ')' after the word %q of (%s", w, t.Label)
		}
		if t.Label == "" {
			return nil, p.errf(at, "word %q without a part-of-speech tag", w)
		}
		p.pos++
		t.Word = Unescape(w)
		t.cat = category(t.Label)
		return t, nil
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, p.errf(open, "unclosed '('")
		}
		if p.s[p.pos] == ')' {
			p.pos++
			break
		}
		if p.s[p.pos] != '(' {
			w := p.atom()
			return nil, p.errf(p.pos-len(w), "word %q mixed with phrases in (%s", w, t.Label)
		}
		c, err := p.node(depth + 1)
		if err != nil {
			return nil, err
		}
		t.Children = append(t.Children, c)
	}
	if len(t.Children) == 0 {
		return nil, p.errf(open, "empty node (%s)", t.Label)
	}
	t.cat = category(t.Label)
	return t, nil
}

// Parse reads one bracketed tree. It accepts a tree spread over several lines and indented, a
// leading "(ROOT ...)" or an unlabeled outer bracket "( (S ...) )" (both removed when they
// hold a single tree; PETRARCH-FORMATS.md §2.1), and PTB escapes in words. Unlike PETRARCH2 it
// keeps the case of words and the MD tag. It returns a *SyntaxError for an empty string,
// unbalanced brackets, a word without a tag or text after the tree.
func Parse(s string) (*Tree, error) {
	p := &parser{s: s}
	p.skipSpace()
	if p.pos >= len(s) {
		return nil, p.errf(0, "empty parse")
	}
	if s[p.pos] != '(' {
		return nil, p.errf(p.pos, "parse does not start with '('")
	}
	t, err := p.node(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(s) {
		return nil, p.errf(p.pos, "text after the end of the tree")
	}
	for (t.Label == "" || t.Label == "ROOT" || t.Label == "TOP") && len(t.Children) == 1 && !t.Children[0].IsPreterminal() {
		t = t.Children[0]
	}
	if t.Label == "" {
		t.Label = "ROOT"
		t.cat = "ROOT"
	}
	return t, nil
}
