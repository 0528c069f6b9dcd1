package dyad

import (
	"fmt"
	"runtime"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/story"
)

// Options configure a Pipeline. Start from DefaultOptions.
type Options struct {
	// Dictionaries names dictionary files; empty fields fall back to Dyad's embedded default set.
	// Ignored when Set is given.
	Dictionaries dict.Files
	// Set is an already loaded dictionary set; when nil, Dictionaries are loaded.
	Set *dict.Set
	// Coder configures the coder (require_dyad, the one-a-story filter, story context).
	Coder coder.Options
	// Workers is the number of stories coded at once by Run; < 1 means one per CPU.
	Workers int
}

// DefaultOptions returns the options `dyad code` uses without flags: the embedded
// dictionaries and model, the coder's defaults, one worker per CPU.
func DefaultOptions() Options {
	return Options{Coder: coder.DefaultOptions(), Workers: runtime.NumCPU()}
}

// Pipeline codes stories: it segments, tags and parses story text with the embedded model and
// codes each sentence with the dictionaries. It is immutable after New and safe for concurrent
// use by many goroutines.
type Pipeline struct {
	NLP   *nlp.Pipeline
	Dict  *dict.Set
	Coder *coder.Coder
	opts  Options
}

// New loads the model and the dictionaries and builds the coder. It returns an error when the
// model cannot be loaded, when a dictionary file cannot be read, or when the dictionaries have
// errors (problems of severity error; warnings are kept in Dict.Problems).
func New(opts Options) (*Pipeline, error) {
	model, err := nlp.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the NLP model: %w", err)
	}
	set := opts.Set
	if set == nil {
		set, err = dict.Load(opts.Dictionaries)
		if err != nil {
			return nil, err
		}
	}
	copts := opts.Coder
	if copts.Ontology == nil {
		copts.Ontology = coder.CAMEOOntology()
	}
	c, err := coder.New(set, copts)
	if err != nil {
		return nil, err
	}
	if opts.Workers < 1 {
		opts.Workers = runtime.NumCPU()
	}
	return &Pipeline{NLP: model, Dict: set, Coder: c, opts: opts}, nil
}

// Annotate fills st.Sentences from st.Text when the story has none (segmenting, tagging and
// parsing), and parses given sentences that have tokens but no complete tree
// (story.Sentence.Parsed). Sentences that carry text but no tokens (e.g. PETRARCH XML records
// without <Parse>) are tokenised and parsed from their text; if the text holds several
// sentences they stay one record.
func (p *Pipeline) Annotate(st *story.Story) {
	if len(st.Sentences) == 0 {
		st.Sentences = p.NLP.Annotate(st.Text)
		return
	}
	for i := range st.Sentences {
		s := &st.Sentences[i]
		switch {
		case len(s.Tokens) == 0 && s.Text != "":
			parts := p.NLP.Annotate(s.Text)
			var toks []story.Token
			for _, part := range parts {
				base := len(toks)
				for _, t := range part.Tokens {
					if t.Head > 0 {
						t.Head += base
					}
					if t.Start >= 0 {
						t.Start += part.Start
						t.End += part.Start
					}
					toks = append(toks, t)
				}
			}
			// Several roots may remain when the text held several sentences; the coder
			// treats each root's subtree on its own.
			s.Tokens = toks
		case len(s.Tokens) > 0 && !s.Parsed():
			p.NLP.Parse(s)
		}
	}
}

// CodeStory annotates st if needed and codes it. It never panics on input.
func (p *Pipeline) CodeStory(st *story.Story) coder.Result {
	p.Annotate(st)
	return p.Coder.CodeStory(st)
}

// Coded is one story with its coding result, as Run delivers them.
type Coded struct {
	Story  *story.Story
	Result coder.Result
}

// Run codes the stories next yields with the configured number of workers and calls emit for
// each, in input order. It stops early and returns emit's first error.
func (p *Pipeline) Run(next func() (*story.Story, bool), emit func(Coded) error) error {
	return ordered(p.opts.Workers, next, func(st *story.Story) Coded {
		return Coded{Story: st, Result: p.CodeStory(st)}
	}, emit)
}
