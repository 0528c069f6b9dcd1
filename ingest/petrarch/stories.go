package petrarch

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

// PTBConverter turns a Penn Treebank bracketed parse into a dependency-parsed sentence (tokens with
// Form, Lemma, UPOS, XPOS, Head and UD v2 Deprel). nlp/ptb provides one; it is a parameter so that
// this package does not fix the conversion.
type PTBConverter func(parse string) (story.Sentence, error)

// Sentence converts rec's <Parse> into a dependency-parsed sentence whose Text is rec.Text and whose
// ID is rec.ID. CoNLL-U parses are read with nlp/conllu and their UD v1 labels normalised to v2
// (§2.2); PTB parses go through ptb, which may be nil (then PTB records are an error). Token
// Start/End are byte offsets into Text where the word can be found in order, else -1. A record
// without a parse gives a sentence without tokens and no error: the caller must parse Text itself.
func (rec *Record) Sentence(ptb PTBConverter) (story.Sentence, error) {
	var s story.Sentence
	var err error
	switch rec.ParseKind {
	case ParseCoNLLU:
		s, err = conllu.ParseLines(rec.Parse)
		if err == nil {
			conllu.NormalizeV1(&s)
		}
	case ParsePTB:
		if ptb == nil {
			return story.Sentence{}, fmt.Errorf("record %q: no Penn Treebank converter", rec.ID)
		}
		s, err = ptb(rec.Parse)
	}
	if err != nil {
		return story.Sentence{}, fmt.Errorf("record %q: bad <Parse>: %v", rec.ID, err)
	}
	s.ID = rec.ID
	s.Text = rec.Text
	s.Start, s.End = -1, -1
	Align(s.Text, s.Tokens)
	return s, nil
}

// ptbUnescape maps Penn Treebank word escapes to the characters they stand for.
var ptbUnescape = map[string][]string{
	"-LRB-": {"("}, "-RRB-": {")"}, "-LCB-": {"{"}, "-RCB-": {"}"}, "-LSB-": {"["}, "-RSB-": {"]"},
	"``": {"\"", "“", "``"}, "''": {"\"", "”", "''"}, "`": {"'", "‘", "`"}, "'": {"'", "’"},
	"--": {"--", "—", "–"},
}

// Align sets each token's Start and End to the byte span of its Form in text, searching left to
// right (case-insensitively, with PTB escapes undone); tokens that cannot be found get -1, -1.
func Align(text string, toks []story.Token) {
	upper := strings.ToUpper(text)
	pos := 0
	for i := range toks {
		toks[i].Start, toks[i].End = -1, -1
		cands := ptbUnescape[strings.ToUpper(toks[i].Form)]
		cands = append([]string{toks[i].Form}, cands...)
		for _, c := range cands {
			c = strings.ToUpper(c)
			if c == "" {
				continue
			}
			j := strings.Index(upper[pos:], c)
			// Do not jump far ahead: a word missing from the text must not swallow the rest.
			if j < 0 || j > 40 {
				continue
			}
			toks[i].Start, toks[i].End = pos+j, pos+j+len(c)
			pos += j + len(c)
			break
		}
	}
}

// StoryOptions controls Stories.
type StoryOptions struct {
	PTB PTBConverter // converts PTB parses; nil reports PTB records as errors
}

// Stories groups the records of f into stories by story id (§2.1): stories in sorted id order,
// sentences in SENTNO order (document order among equal numbers), each story dated by its first
// record in the file and labelled by that record's source attribute (story.Publisher). Sentence.Index
// is the 0-based position in the story. A record whose parse cannot be converted is reported (an
// *Error with file and line) and left out; the other records still form their stories.
func Stories(f *File, opt StoryOptions) ([]*story.Story, []error) {
	byID := map[string]*story.Story{}
	var ids []string
	type sent struct {
		no int
		s  story.Sentence
	}
	sents := map[string][]sent{}
	var errs []error
	for _, rec := range f.Records() {
		st := byID[rec.StoryID]
		if st == nil {
			st = &story.Story{ID: rec.StoryID, Date: rec.Date, Publisher: rec.Source, Origin: f.Name}
			byID[rec.StoryID] = st
			ids = append(ids, rec.StoryID)
		}
		s, err := rec.Sentence(opt.PTB)
		if err != nil {
			errs = append(errs, &Error{File: f.Name, Line: rec.Line, Msg: err.Error()})
			continue
		}
		for _, o := range sents[rec.StoryID] {
			if o.s.ID == rec.ID {
				st.Warnings = append(st.Warnings, fmt.Sprintf("%s:%d: duplicate record id %q (both kept)", f.Name, rec.Line, rec.ID))
				break
			}
		}
		sents[rec.StoryID] = append(sents[rec.StoryID], sent{rec.SentNo, s})
	}
	sort.Strings(ids)
	out := make([]*story.Story, 0, len(ids))
	for _, id := range ids {
		st := byID[id]
		ss := sents[id]
		sort.SliceStable(ss, func(i, j int) bool { return ss[i].no < ss[j].no })
		var text strings.Builder
		for i, x := range ss {
			x.s.Index = i
			st.Sentences = append(st.Sentences, x.s)
			if i > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(x.s.Text)
		}
		st.Text = text.String()
		out = append(out, st)
	}
	return out, errs
}
