package dict

import (
	"io"
	"strings"
)

// ReadDiscards reads a discard list (§9): one phrase a line; a '+' prefix makes it a story
// discard. Words are separated by spaces or '_' and match whole tokens exactly (§9 decision).
// A repeated phrase is reported; the story level wins when the two levels disagree. err is non-nil
// only when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16).
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
