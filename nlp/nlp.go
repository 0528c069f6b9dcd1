// Package nlp is Dyad's NLP front end: it turns raw English text into sentences of tokens with exact
// offsets, UPOS and PTB XPOS tags, lemmas, UD features and a Universal Dependencies tree, using
// nlp/segment, nlp/tagger and nlp/parser with the model embedded in the binary (nlp/model).
//
// A Pipeline is immutable and safe for concurrent use by many goroutines.
package nlp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/dyad-events/dyad/nlp/model"
	"github.com/dyad-events/dyad/nlp/parser"
	"github.com/dyad-events/dyad/nlp/segment"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/story"
)

// Pipeline tags and parses sentences with one tagger and one parser.
type Pipeline struct {
	Tagger *tagger.Tagger
	Parser *parser.Parser
}

// bundleMagic starts the uncompressed content of a model bundle.
const bundleMagic = "DYADNLP1\n"

// Load reads a model bundle: a gzip stream holding "DYADNLP1\n", the tagger (tagger.WriteTo) and the
// parser (parser.WriteTo). Corrupt input gives an error.
func Load(r io.Reader) (*Pipeline, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("nlp: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(bundleMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != bundleMagic {
		return nil, errors.New("nlp: not a Dyad model bundle")
	}
	t, err := tagger.Load(br)
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	p, err := parser.Load(br)
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	return &Pipeline{Tagger: t, Parser: p}, nil
}

// WriteTo writes the pipeline as a gzip-compressed model bundle (see Load).
func (p *Pipeline) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := io.WriteString(zw, bundleMagic); err != nil {
		return 0, err
	}
	if _, err := p.Tagger.WriteTo(zw); err != nil {
		return 0, err
	}
	if _, err := p.Parser.WriteTo(zw); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

var (
	defOnce sync.Once
	defPipe *Pipeline
	defErr  error
)

// Default returns the pipeline of the model embedded in the binary (nlp/model), loading it on the
// first call; later calls return the same pipeline.
func Default() (*Pipeline, error) {
	defOnce.Do(func() {
		defPipe, defErr = Load(bytes.NewReader(model.Bundle))
	})
	return defPipe, defErr
}

// Annotate splits text into sentences and tokens (nlp/segment: byte offsets into the text), then
// tags, lemmatises and parses every sentence. Empty text, text without words and invalid UTF-8 are
// handled (the latter as symbols); it never panics on input.
func (p *Pipeline) Annotate(text string) []story.Sentence {
	ss := segment.Split(text)
	for i := range ss {
		p.Parse(&ss[i])
	}
	return ss
}

// Parse tags (UPOS, XPOS, Lemma, Feats) and parses (Head, Deprel) an already tokenised sentence in
// place, reading only the token forms. Between the two it applies the tagger's repairs of names
// (tagger.RepairNames), of numbers (tagger.RepairNumbers), of non-ASCII punctuation
// (tagger.RepairPunctuation) and of past tense and participle
// (tagger.RepairVerbForms, last, as it reads the names' tags: "President Moon Jae-in/ADP
// criticized/VBN Japan"), and after parsing the parser's repair of nationality adjectives
// (parser.RepairAdjectives).
func (p *Pipeline) Parse(s *story.Sentence) {
	p.Tagger.Tag(s)
	p.Tagger.RepairNames(s)
	p.Tagger.RepairNumbers(s)
	p.Tagger.RepairPunctuation(s)
	p.Tagger.RepairVerbForms(s)
	p.Parser.Parse(s)
	parser.RepairAdjectives(s)
}
