package dict

import (
	"fmt"
	"io"
	"strings"
)

// ReadDiscards reads a discard list (§9): one phrase a line; a '+' prefix makes it a story
// discard. Words are separated by spaces or '_' and match whole tokens exactly (§9 decision).
// A repeated phrase is reported; the story level wins when the two levels disagree. err is non-nil
// only when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16). A line that reads as a
// sentence of running text (proseLine) is an error and skipped: a story given as a discard list
// then yields no phrase instead of one "discard" per sentence.
func ReadDiscards(r io.Reader, name string) (*Discards, []Problem, error) {
	lr, err := newLineReader(r, name)
	if err != nil {
		return nil, nil, err
	}
	d := &Discards{}
	for lr.next() {
		t := strings.TrimSpace(lr.text)
		story := false
		if t[0] == '+' {
			story = true
			t = t[1:]
		}
		if strings.ContainsAny(t, "[]") {
			lr.warnf("discard phrase %q contains a bracket; kept as written", shorten(t))
		}
		words := splitWords(t)
		if len(words) == 0 {
			lr.errorf("empty discard phrase; skipped")
			continue
		}
		if why := proseLine(t, words); why != "" {
			lr.errorf("%q reads as a sentence of text (%s), not a discard phrase; skipped", shorten(t), why)
			continue
		}
		x := Discard{Phrase: strings.Join(words, " "), Story: story, Pos: lr.pos()}
		if v, ok := d.trie.Get(words); ok {
			old := &d.discards[v]
			lr.warnf("discard phrase %q repeats %s", x.Phrase, old.Pos)
			old.Story = old.Story || story
			continue
		}
		d.trie.Insert(words, int32(len(d.discards)))
		d.discards = append(d.discards, x)
	}
	return d, lr.problems, nil
}

// proseLine says why the discard line t (split into words) reads as a sentence of running text
// rather than a phrase, or returns "". The discard phrases of the PETRARCH lists and Dyad's
// defaults have at most 8 words and never end in sentence punctuation; a sentence is taken to be
// more than 12 words, or 3 words or more ending in '.', '!' or '?' whose last word is not an
// abbreviation with inner dots (U.S.). Such a phrase could never match: the tokenizer splits the
// final period from the word.
func proseLine(t string, words []string) string {
	if len(words) > 12 {
		return fmt.Sprintf("%d words", len(words))
	}
	last := words[len(words)-1]
	if len(words) >= 3 && strings.ContainsAny(last[len(last)-1:], ".!?") && !strings.Contains(last[:len(last)-1], ".") {
		return fmt.Sprintf("%d words ending in %q", len(words), last[len(last)-1:])
	}
	return ""
}
