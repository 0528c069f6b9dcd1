package dyad

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/ptb"
	"github.com/dyad-events/dyad/story"
)

// Readers returns the readers of pre-parsed inputs that ingest leaves to its caller, keyed by
// format name, for ingest.Options.Readers: "petrarch-xml" (PETRARCH XML; Penn Treebank parses
// converted by nlp/ptb, CoNLL-U parses read as given; PETRARCH-FORMATS.md §2.1–2.2) and
// "conllu" (a CoNLL-U file: one story per "# newdoc", or per file without one).
func Readers() map[string]ingest.ReaderFunc {
	return map[string]ingest.ReaderFunc{
		ingest.FormatPetrarchXML: ReadPetrarchXML,
		ingest.FormatCoNLLU:      ReadCoNLLU,
	}
}

// ReadPetrarchXML reads a PETRARCH XML file: records grouped into stories by story id, in sorted
// story-id order (PETRARCH-FORMATS.md §2.1). Each unreadable record is passed to warn (with file
// and line) and counted in failed; the other records still form their stories. Records without
// <Parse> give sentences with text and no tokens, which Pipeline.Annotate parses.
func ReadPetrarchXML(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return 0, err
	}
	f, errs := petrarch.Read(data, name)
	for _, e := range errs {
		warn(e)
		failed++
	}
	if len(f.Records()) == 0 && len(errs) == 0 {
		return 0, fmt.Errorf("no PETRARCH <Sentence> records found")
	}
	stories, errs := petrarch.Stories(f, petrarch.StoryOptions{PTB: ptb.Convert})
	for _, e := range errs {
		warn(e)
		failed++
	}
	for _, st := range stories {
		for _, w := range st.Warnings {
			warn(errors.New(w))
		}
		if err := emit(st); err != nil {
			return failed, err
		}
	}
	return failed, nil
}

// ReadCoNLLU reads a CoNLL-U file as stories: each "# newdoc" comment starts one, whose id is the
// comment's "# newdoc id = ID" (as `dyad parse` writes it); sentences before the first "# newdoc",
// or a document without an id, form a story named after the file (the file name without
// extension, "stdin" for "-"; "NAME-K" when it is the file's K-th story, K > 1). Sentences keep their "# sent_id" (Sentence.ID; without one, events get
// story.SentenceID's "STORYID_N"), text and tree (UD v1 relation labels are normalised to v2).
// Sentences with bad lines, or whose tree is not a tree (no single root, a cycle, a head out of
// range), are passed to warn with the file and line and skipped.
func ReadCoNLLU(name string, r io.Reader, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	sents, errs := conllu.ReadAll(r, name)
	for _, e := range errs {
		warn(e)
		failed++
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if name == "-" {
		base = "stdin"
	}
	var st *story.Story
	var text strings.Builder
	stories, doc := 0, -1
	flush := func() error {
		if st == nil || len(st.Sentences) == 0 {
			return nil
		}
		st.Text = text.String()
		return emit(st)
	}
	for i := range sents {
		s := sents[i].Sentence
		if s.Parsed() {
			if err := ptb.CheckTree(s); err != nil {
				warn(fmt.Errorf("%s:%d: sentence %d: %v; skipped", name, sents[i].Line, i+1, err))
				failed++
				continue
			}
		}
		if st == nil || sents[i].Doc != doc {
			if err := flush(); err != nil {
				return failed, err
			}
			doc = sents[i].Doc
			stories++
			id := sents[i].DocID
			if id == "" {
				id = base
				if stories > 1 {
					id = base + "-" + strconv.Itoa(stories)
				}
			}
			st = &story.Story{ID: id, Origin: name}
			text.Reset()
		}
		conllu.NormalizeV1(&s)
		s.Index = len(st.Sentences)
		if text.Len() > 0 {
			text.WriteByte('\n')
		}
		s.Start = text.Len()
		text.WriteString(s.Text)
		s.End = text.Len()
		st.Sentences = append(st.Sentences, s)
	}
	return failed, flush()
}
