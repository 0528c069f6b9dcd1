package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/segment"
	"github.com/dyad-events/dyad/story"
)

// parserEval is the summary of "dyad eval parser"; scores are fractions in [0,1]. In raw mode the
// tag and attachment scores are F1 over words aligned by their character spans (CoNLL 2018 style).
type parserEval struct {
	Tokens          int      `json:"tokens"`
	Sentences       int      `json:"sentences"`
	UPOS            float64  `json:"upos"`
	XPOS            float64  `json:"xpos"`
	UAS             float64  `json:"uas"`
	LAS             float64  `json:"las"`
	TokensPerSecond float64  `json:"tokens_per_second"`
	TokensF1        *float64 `json:"tokens_f1,omitempty"`
	SentencesF1     *float64 `json:"sentences_f1,omitempty"`
}

func init() {
	var treebank, modelPath string
	var raw, asJSON bool
	c := &cobra.Command{
		Use:   "parser --treebank F.conllu [--raw] [--json]",
		Short: "Score the tagger and parser on a UD treebank: UPOS, XPOS, UAS, LAS, tokens per second",
		Long: `With gold tokens (default) every sentence's words are tagged and parsed and compared with the
treebank. With --raw the "# text" lines are joined into one text (a blank line between paragraphs
and documents) and run end to end (segmenting, tagging, parsing); token and sentence boundary F1
are added, and the other scores are F1 over words aligned by their character spans.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if treebank == "" {
				return usagef("--treebank is required")
			}
			p, err := loadPipeline(modelPath)
			if err != nil {
				return err
			}
			// Sentences whose heads do not form a tree are reported (FILE:LINE) and skipped.
			sents, bad, err := readTrees(treebank)
			if err != nil {
				return err
			}
			var r parserEval
			if raw {
				r = evalRaw(p, sents)
			} else {
				r = evalGold(p, sents)
			}
			if asJSON {
				b, _ := json.Marshal(r)
				fmt.Println(string(b))
			} else {
				fmt.Printf("sentences %d, words %d\nUPOS %.4f  XPOS %.4f  UAS %.4f  LAS %.4f\n", r.Sentences, r.Tokens, r.UPOS, r.XPOS, r.UAS, r.LAS)
				if raw {
					fmt.Printf("tokens F1 %.4f  sentences F1 %.4f\n", *r.TokensF1, *r.SentencesF1)
				}
				fmt.Printf("%.0f tokens per second\n", r.TokensPerSecond)
			}
			if bad {
				return errInputFailed
			}
			return nil
		},
	}
	c.Flags().StringVar(&treebank, "treebank", "", "CoNLL-U treebank to score against")
	c.Flags().BoolVar(&raw, "raw", false, "start from the # text lines (segment, tag, parse) instead of gold tokens")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	c.Flags().StringVar(&modelPath, "model", "", "model bundle to use instead of the embedded one")
	evalCmd.AddCommand(c)
}

// loadPipeline loads the model bundle at path, or the embedded model when path is "".
func loadPipeline(path string) (*nlp.Pipeline, error) {
	if path == "" {
		return nlp.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := nlp.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

func evalGold(p *nlp.Pipeline, gold []conllu.Sentence) parserEval {
	r := parserEval{Sentences: len(gold)}
	pred := make([]story.Sentence, len(gold))
	for i, g := range gold {
		toks := make([]story.Token, len(g.Tokens))
		for j, t := range g.Tokens {
			toks[j] = story.Token{Form: t.Form, Start: t.Start, End: t.End, SpaceAfter: t.SpaceAfter, Head: -1}
		}
		pred[i] = story.Sentence{Text: g.Text, Tokens: toks}
	}
	start := time.Now()
	for i := range pred {
		p.Parse(&pred[i])
	}
	el := time.Since(start)
	var u, x, ua, la int
	for i, g := range gold {
		for j, gt := range g.Tokens {
			t := pred[i].Tokens[j]
			r.Tokens++
			if t.UPOS == gt.UPOS {
				u++
			}
			if t.XPOS == gt.XPOS {
				x++
			}
			if t.Head == gt.Head {
				ua++
				if t.Deprel == gt.Deprel {
					la++
				}
			}
		}
	}
	if r.Tokens > 0 {
		n := float64(r.Tokens)
		r.UPOS, r.XPOS, r.UAS, r.LAS = float64(u)/n, float64(x)/n, float64(ua)/n, float64(la)/n
		r.TokensPerSecond = n / el.Seconds()
	}
	return r
}

type span struct{ a, b int }

// evalRaw joins the sentence texts into one text and runs the pipeline end to end.
func evalRaw(p *nlp.Pipeline, gold []conllu.Sentence) parserEval {
	var b strings.Builder
	gs := make([]story.Sentence, len(gold))
	for i, g := range gold {
		if i > 0 {
			sep := " "
			for _, c := range g.Comments {
				if strings.HasPrefix(c, "# newdoc") || strings.HasPrefix(c, "# newpar") {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
		}
		s := g.Sentence
		s.Start = b.Len()
		b.WriteString(s.Text)
		s.End = b.Len()
		gs[i] = s
	}
	text := b.String()
	start := time.Now()
	pred := p.Annotate(text)
	el := time.Since(start)
	seg := segment.Score(gs, pred)
	r := parserEval{Sentences: len(gold)}
	// Align words by their spans in the text.
	type word struct {
		sp         span
		head       span // span of the head word; {-1,-1} for the root
		upos, xpos string
		deprel     string
	}
	collect := func(ss []story.Sentence) map[span]word {
		m := map[span]word{}
		for _, s := range ss {
			sp := func(t story.Token) span {
				if t.Start < 0 {
					return span{-1 - len(m), -1}
				}
				return span{s.Start + t.Start, s.Start + t.End}
			}
			for _, t := range s.Tokens {
				w := word{sp: sp(t), head: span{-1, -1}, upos: t.UPOS, xpos: t.XPOS, deprel: t.Deprel}
				if t.Head > 0 && t.Head <= len(s.Tokens) {
					w.head = sp(s.Tokens[t.Head-1])
				}
				m[w.sp] = w
			}
		}
		return m
	}
	gm, pm := collect(gs), collect(pred)
	var u, x, ua, la int
	for sp, g := range gm {
		r.Tokens++
		pw, ok := pm[sp]
		if !ok {
			continue
		}
		if pw.upos == g.upos {
			u++
		}
		if pw.xpos == g.xpos {
			x++
		}
		if pw.head == g.head {
			ua++
			if pw.deprel == g.deprel {
				la++
			}
		}
	}
	f1 := func(c int) float64 {
		if len(gm)+len(pm) == 0 {
			return 0
		}
		return 2 * float64(c) / float64(len(gm)+len(pm))
	}
	r.UPOS, r.XPOS, r.UAS, r.LAS = f1(u), f1(x), f1(ua), f1(la)
	tf, sf := seg.Tokens.F1, seg.Sentences.F1
	r.TokensF1, r.SentencesF1 = &tf, &sf
	ntok := 0
	for _, s := range pred {
		ntok += len(s.Tokens)
	}
	if el > 0 {
		r.TokensPerSecond = float64(ntok) / el.Seconds()
	}
	return r
}
