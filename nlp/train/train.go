// Package train builds Dyad's NLP model from a UD treebank: it trains the tagger, retags the training
// set by k-fold jackknifing (so that the parser learns from tags as noisy as the ones it will see),
// trains the parser on them, and scores the result on the development set with predicted tags.
package train

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/parser"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/nlp/wordnet"
	"github.com/dyad-events/dyad/story"
)

// Config holds the training settings; it is recorded in the model manifest.
type Config struct {
	TaggerEpochs int `json:"tagger_epochs"`
	ParserEpochs int `json:"parser_epochs"`
	Folds        int `json:"jackknife_folds"`        // 0 or 1: train the parser on the treebank's own tags
	TaggerStack  int `json:"tagger_stack,omitempty"` // tagger.Options.Stack
	// AddGoldTags adds the training sentences with their treebank tags to the jackknifed ones, so
	// that the parser learns from both noisy and clean tags (twice the data per epoch).
	AddGoldTags bool `json:"parser_add_gold_tags"`
	// ParserMinUpdates drops parser features updated fewer times than this (parser.Options.MinUpdates).
	ParserMinUpdates int `json:"parser_min_updates"`
	// ParserSeeds is the number of parsers, trained with seeds Seed, Seed+1, ..., whose weights are
	// summed into the shipped one (parser.Mix); 0 or 1 trains one. They train in parallel.
	ParserSeeds int `json:"parser_seeds,omitempty"`
	// ParserMixPrune drops summed parser weights below this many perceptron updates per parser mixed.
	ParserMixPrune float64 `json:"parser_mix_prune,omitempty"`
	// WordNet, when set, gives the tagger its word-class features (tagger.Options.WordNet); the
	// manifest records the files it was read from.
	WordNet *wordnet.WordNet `json:"-"`
	Seed    uint64           `json:"-"`
	Log     io.Writer        `json:"-"`
	// TagsReady, when set, receives the parser's training and dev sentences with their predicted
	// tags before the parser is trained (for inspection and experiments).
	TagsReady func(train, dev []story.Sentence) `json:"-"`
}

// DefaultConfig is the configuration of the shipped model.
var DefaultConfig = Config{TaggerEpochs: 10, ParserEpochs: 12, Folds: 5, TaggerStack: 4, AddGoldTags: true, ParserMinUpdates: 2,
	ParserSeeds: 3, ParserMixPrune: 0.5, Seed: 1}

// Scores are accuracies on a treebank with gold tokens, as fractions in [0,1].
type Scores struct {
	UPOS  float64 `json:"upos"`
	XPOS  float64 `json:"xpos"`
	Lemma float64 `json:"lemma"`
	UAS   float64 `json:"uas"`
	LAS   float64 `json:"las"`
	Words int     `json:"words"`
}

// Build trains a pipeline on train, selecting epochs on dev, and returns it with its dev scores
// (predicted tags, gold tokens).
func Build(trainSet, dev []story.Sentence, cfg Config) (*nlp.Pipeline, Scores, error) {
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	logf("training the tagger on %d sentences\n", len(trainSet))
	tg, err := tagger.Train(trainSet, dev, tagger.Options{Epochs: cfg.TaggerEpochs, Seed: cfg.Seed, Stack: cfg.TaggerStack, WordNet: cfg.WordNet, Log: cfg.Log})
	if err != nil {
		return nil, Scores{}, err
	}
	ptrain := trainSet
	if cfg.Folds > 1 {
		ptrain, err = Jackknife(trainSet, cfg.Folds, tagger.Options{Epochs: cfg.TaggerEpochs, Seed: cfg.Seed, WordNet: cfg.WordNet}, logf)
		if err != nil {
			return nil, Scores{}, err
		}
		if cfg.AddGoldTags {
			ptrain = append(ptrain, trainSet...)
		}
	}
	pdev := Retag(tg, dev)
	if cfg.TagsReady != nil {
		cfg.TagsReady(ptrain, pdev)
	}
	ps, err := trainParsers(ptrain, pdev, cfg, logf)
	if err != nil {
		return nil, Scores{}, err
	}
	p := &nlp.Pipeline{Tagger: tg, Parser: ps}
	return p, Evaluate(p, dev), nil
}

// trainParsers trains cfg.ParserSeeds parsers (seeds cfg.Seed, cfg.Seed+1, ...) on up to
// GOMAXPROCS goroutines and mixes them; their epoch logs are prefixed with their seed.
func trainParsers(ptrain, pdev []story.Sentence, cfg Config, logf func(string, ...any)) (*parser.Parser, error) {
	k := max(cfg.ParserSeeds, 1)
	logf("training %d parser(s) on %d sentences\n", k, len(ptrain))
	ps := make([]*parser.Parser, k)
	errs := make([]error, k)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var mu sync.Mutex
	for i := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			seed := cfg.Seed + uint64(i)
			var log io.Writer
			if cfg.Log != nil {
				log = &prefixWriter{w: cfg.Log, mu: &mu, prefix: fmt.Sprintf("[seed %d] ", seed)}
			}
			ps[i], errs[i] = parser.Train(ptrain, pdev, parser.Options{Epochs: cfg.ParserEpochs, Seed: seed, MinUpdates: cfg.ParserMinUpdates, Log: log})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if k == 1 {
		return ps[0], nil
	}
	mixed, err := parser.Mix(cfg.ParserMixPrune*float64(k), ps...)
	if err != nil {
		return nil, err
	}
	sc := mixed.Evaluate(pdev)
	logf("mixed %d parsers: dev UAS %.4f LAS %.4f\n", k, sc.UAS, sc.LAS)
	return mixed, nil
}

// prefixWriter writes each Write (one log line) with a prefix, under a shared lock.
type prefixWriter struct {
	w      io.Writer
	mu     *sync.Mutex
	prefix string
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}

// Retag returns copies of ss whose UPOS, XPOS, Lemma and Feats come from t (heads and relations kept).
func Retag(t *tagger.Tagger, ss []story.Sentence) []story.Sentence {
	out := make([]story.Sentence, len(ss))
	for i, s := range ss {
		s.Tokens = append([]story.Token(nil), s.Tokens...)
		t.Tag(&s)
		out[i] = s
	}
	return out
}

// Jackknife returns copies of ss tagged by k taggers, each trained on the other k−1 folds
// (sentence i is in fold i mod k), without dev-based epoch selection.
func Jackknife(ss []story.Sentence, k int, opt tagger.Options, logf func(string, ...any)) ([]story.Sentence, error) {
	out := make([]story.Sentence, len(ss))
	for f := 0; f < k; f++ {
		var tr, held []story.Sentence
		var idx []int
		for i, s := range ss {
			if i%k == f {
				held = append(held, s)
				idx = append(idx, i)
			} else {
				tr = append(tr, s)
			}
		}
		t, err := tagger.Train(tr, nil, opt)
		if err != nil {
			return nil, err
		}
		tagged := Retag(t, held)
		for j, i := range idx {
			out[i] = tagged[j]
		}
		u, x, _, _ := t.Evaluate(held)
		logf("jackknife fold %d/%d: UPOS %.4f XPOS %.4f on %d held-out sentences\n", f+1, k, u, x, len(held))
	}
	return out, nil
}

// Evaluate tags and parses copies of gold (gold tokens) and scores them.
func Evaluate(p *nlp.Pipeline, gold []story.Sentence) Scores {
	var sc Scores
	var u, x, l, ua, la int
	for _, g := range gold {
		s := story.Sentence{Tokens: append([]story.Token(nil), g.Tokens...)}
		p.Parse(&s)
		for i, t := range s.Tokens {
			gt := g.Tokens[i]
			sc.Words++
			if t.UPOS == gt.UPOS {
				u++
			}
			if t.XPOS == gt.XPOS {
				x++
			}
			if t.Lemma == gt.Lemma {
				l++
			}
			if t.Head == gt.Head {
				ua++
				if t.Deprel == gt.Deprel {
					la++
				}
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words)
		sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS = float64(u)/n, float64(x)/n, float64(l)/n, float64(ua)/n, float64(la)/n
	}
	return sc
}
