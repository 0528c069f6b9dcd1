// Package parser is Dyad's labelled dependency parser for Universal Dependencies: greedy arc-hybrid
// transitions chosen by an averaged perceptron trained with a dynamic oracle (Goldberg and Nivre
// 2012, 2013), and a second averaged perceptron that labels each arc when its dependent is complete
// (ARCHITECTURE.md, "Known-good recipes"). It reads each token's form, UPOS and XPOS and writes Head
// and Deprel. Trees are projective, with exactly one root word.
//
// A Parser is immutable after Train or Load and safe for concurrent use by many goroutines.
package parser

import (
	"fmt"
	"io"
	"sync"

	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/story"
)

// Parser assigns UD heads and relations to tagged sentences.
type Parser struct {
	labels  []string // label id → UD relation (without "root")
	trans   *linear.Model
	labeler *linear.Model
	pool    sync.Pool
}

// scratch is one worker's buffers.
type scratch struct {
	st     state
	words  []word
	feats  []uint64
	scores []float32
	lscore []float32
}

func (p *Parser) getScratch() *scratch {
	if sc, ok := p.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]float32, nMoves), lscore: make([]float32, len(p.labels))}
}

// prepare fills the per-word values of s (plus the root word at index n).
func prepare(s *story.Sentence, sc *scratch) {
	n := len(s.Tokens)
	if cap(sc.words) < n+1 {
		sc.words = make([]word, n+1)
	}
	sc.words = sc.words[:n+1]
	for i := range s.Tokens {
		t := &s.Tokens[i]
		w := &sc.words[i]
		w.w = linear.HashLower(t.Form)
		w.p = linear.Hash(t.XPOS) ^ 0x51
		w.u = linear.Hash(t.UPOS) ^ 0x77
		f := t.Form
		if len(f) > 3 {
			f = f[len(f)-3:]
		}
		w.suf = linear.HashLower(f) ^ 0x99
	}
	sc.words[n] = rootWord
	sc.st.reset(n)
}

// Parse sets Head (1-based CoNLL-U ID, 0 for the root) and Deprel of every token of s in place. The
// tokens' Form, UPOS and XPOS must be set (by the tagger or a treebank). An empty sentence is left
// alone.
func (p *Parser) Parse(s *story.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := p.getScratch()
	prepare(s, sc)
	st := &sc.st
	for !st.terminal() {
		m := st.forced()
		if m < 0 {
			sc.feats = transFeatures(sc.feats[:0], st, sc)
			sc.scores[0], sc.scores[1], sc.scores[2] = 0, 0, 0
			p.trans.Score(sc.feats, sc.scores)
			m = bestValid(st, sc.scores)
		}
		dep, head := st.apply(m)
		if dep != none {
			st.setLabel(dep, p.label(st, sc, dep, head))
		}
	}
	n := len(s.Tokens)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		h := st.heads[i]
		switch {
		case h == n:
			t.Head, t.Deprel = 0, "root"
		case h >= 0:
			t.Head, t.Deprel = h+1, p.labels[st.labels[i]]
		default: // cannot happen: every word gets a head before the state is terminal
			t.Head, t.Deprel = 0, "root"
		}
	}
	p.pool.Put(sc)
}

// rootLabel is the label id used inside the state for arcs from the root.
const rootLabel = 63

func (p *Parser) label(st *state, sc *scratch, dep, head int) int {
	if head == st.n {
		return rootLabel
	}
	sc.feats = labelFeatures(sc.feats[:0], st, sc, dep, head)
	for i := range sc.lscore {
		sc.lscore[i] = 0
	}
	p.labeler.Score(sc.feats, sc.lscore)
	return argmax(sc.lscore)
}

func argmax(v []float32) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

func bestValid(st *state, scores []float32) int {
	best := -1
	for m := 0; m < nMoves; m++ {
		if st.valid(m) && (best < 0 || scores[m] > scores[best]) {
			best = m
		}
	}
	return best
}

// Score holds attachment scores over words: UAS counts words with the right head, LAS words with the
// right head and relation (full relation including subtype), both as fractions in [0,1].
type Score struct {
	UAS, LAS float64
	Words    int
}

// Evaluate parses a copy of each gold sentence (keeping its tags) and scores heads and relations
// against the gold tree.
func (p *Parser) Evaluate(gold []story.Sentence) Score {
	var u, l, n int
	buf := make([]story.Token, 0, 64)
	for _, g := range gold {
		buf = append(buf[:0], g.Tokens...)
		s := story.Sentence{Tokens: buf}
		p.Parse(&s)
		for i, t := range s.Tokens {
			n++
			if t.Head == g.Tokens[i].Head {
				u++
				if t.Deprel == g.Tokens[i].Deprel {
					l++
				}
			}
		}
	}
	if n == 0 {
		return Score{}
	}
	return Score{UAS: float64(u) / float64(n), LAS: float64(l) / float64(n), Words: n}
}

// Options control training.
type Options struct {
	Epochs int     // passes over the training data (default 15)
	Seed   uint64  // shuffling seed; the same seed and data give the same model
	Prune  float64 // drop averaged weights smaller than this (default 0.1)
	// MinUpdates drops features updated fewer times than this during training (0: keep all).
	MinUpdates int
	// Log receives one line per epoch with the dev scores; nil for none.
	Log io.Writer
}

// Train learns a parser from sentences with gold trees (Head, Deprel) and tags (UPOS, XPOS; gold or
// predicted, as the parser will see them). Sentences whose trees are malformed (a head out of range,
// no root) are skipped. Dev sentences are parsed after every epoch and the model of the best dev LAS
// is kept.
func Train(train, dev []story.Sentence, opt Options) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Prune == 0 {
		opt.Prune = 0.1
	}
	p := &Parser{}
	labelID := map[string]int{}
	var good []int
	for si, s := range train {
		ok := len(s.Tokens) > 0
		for _, t := range s.Tokens {
			if t.Head < 0 || t.Head > len(s.Tokens) || t.Deprel == "" {
				ok = false
				break
			}
			if t.Head == 0 {
				continue
			}
			if _, seen := labelID[t.Deprel]; !seen {
				labelID[t.Deprel] = len(p.labels)
				p.labels = append(p.labels, t.Deprel)
			}
		}
		if ok {
			good = append(good, si)
		}
	}
	if len(good) == 0 {
		return nil, fmt.Errorf("parser: no usable training sentences")
	}
	if len(p.labels) >= rootLabel {
		return nil, fmt.Errorf("parser: %d relations, at most %d", len(p.labels), rootLabel-1)
	}
	tr := linear.NewTrainer(nMoves)
	lt := linear.NewTrainer(len(p.labels))
	tr.MinUpdates, lt.MinUpdates = opt.MinUpdates, opt.MinUpdates
	sc := p.getScratch()
	rng := linear.NewShuffler(opt.Seed)
	var gold, glab []int
	var bestT, bestL *linear.Model
	best := -1.0
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(good)
		moves, errs := 0, 0
		for _, si := range good {
			s := &train[si]
			n := len(s.Tokens)
			gold, glab = gold[:0], glab[:0]
			for _, t := range s.Tokens {
				h := t.Head - 1
				if t.Head == 0 {
					h = n
				}
				gold = append(gold, h)
				glab = append(glab, labelID[t.Deprel])
			}
			prepare(s, sc)
			st := &sc.st
			var c [nMoves]int
			for !st.terminal() {
				sc.feats = transFeatures(sc.feats[:0], st, sc)
				tr.Score(sc.feats, sc.scores)
				st.costs(gold, &c)
				minCost := -1
				for m := 0; m < nMoves; m++ {
					if c[m] >= 0 && (minCost < 0 || c[m] < minCost) {
						minCost = c[m]
					}
				}
				guess := bestValid(st, sc.scores)
				bestGold := -1
				for m := 0; m < nMoves; m++ {
					if c[m] == minCost && (bestGold < 0 || sc.scores[m] > sc.scores[bestGold]) {
						bestGold = m
					}
				}
				tr.Tick()
				moves++
				if c[guess] != minCost {
					tr.Update(sc.feats, bestGold, guess)
					errs++
				}
				next := guess
				// Always follow the model's own move after the first epoch: exploring with
				// probability 0.9 instead (Goldberg and Nivre 2013) gave −0.1 UAS on EWT dev.
				if ep == 1 {
					next = bestGold
				}
				dep, head := st.apply(next)
				if dep == none {
					continue
				}
				if head == n {
					st.setLabel(dep, rootLabel)
					continue
				}
				sc.feats = labelFeatures(sc.feats[:0], st, sc, dep, head)
				lt.Score(sc.feats, sc.lscore)
				lg := argmax(sc.lscore)
				if gold[dep] == head {
					lt.Tick()
					lt.Update(sc.feats, glab[dep], lg)
					lg = glab[dep]
				}
				st.setLabel(dep, lg)
			}
		}
		p.trans, p.labeler = tr.Average(opt.Prune), lt.Average(opt.Prune)
		sco := p.Evaluate(dev)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "parser epoch %d: train move errors %.4f, dev UAS %.4f LAS %.4f, %d+%d rows %d+%d weights\n",
				ep, float64(errs)/float64(max(moves, 1)), sco.UAS, sco.LAS, p.trans.Rows(), p.labeler.Rows(), p.trans.Entries(), p.labeler.Entries())
		}
		if len(dev) == 0 || sco.LAS > best {
			best, bestT, bestL = sco.LAS, p.trans, p.labeler
		}
	}
	p.trans, p.labeler = bestT, bestL
	return p, nil
}

const magic = "DYADPAR1"

// WriteTo writes the parser in Dyad's binary model layout (uncompressed): magic "DYADPAR1", the
// relation list, the transition weights, then the labeller weights.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	e := linear.NewEnc(w)
	e.Str(magic)
	e.U32(uint32(len(p.labels)))
	for _, l := range p.labels {
		e.Str(l)
	}
	e.Model(p.trans)
	e.Model(p.labeler)
	return 0, e.Flush()
}

// Load reads a parser written by WriteTo. Corrupt input gives an error, never a panic.
func Load(r io.Reader) (*Parser, error) {
	d := linear.NewDec(r)
	if d.Str() != magic || d.Err != nil {
		return nil, fmt.Errorf("parser: not a parser model")
	}
	p := &Parser{}
	n := d.Count(rootLabel - 1)
	for i := 0; i < n && d.Err == nil; i++ {
		p.labels = append(p.labels, d.Str())
	}
	p.trans = d.Model()
	p.labeler = d.Model()
	if d.Err != nil {
		return nil, fmt.Errorf("parser: %w", d.Err)
	}
	if p.trans.NClass() != nMoves || p.labeler.NClass() != len(p.labels) {
		return nil, fmt.Errorf("parser: model shapes do not match (%d moves, %d relations)", p.trans.NClass(), p.labeler.NClass())
	}
	return p, nil
}

// Pruned returns a copy of p whose weights below min (in perceptron updates) are dropped.
func (p *Parser) Pruned(min float64) *Parser {
	return &Parser{labels: p.labels, trans: p.trans.Prune(min), labeler: p.labeler.Prune(min)}
}

// Size returns the number of feature rows and weights of the transition and labelling models.
func (p *Parser) Size() (rows, weights int) {
	return p.trans.Rows() + p.labeler.Rows(), p.trans.Entries() + p.labeler.Entries()
}

// Mix returns the parser whose transition and labelling weights are the sums of those of ps
// (parameter mixing: parsers trained on the same data and relations with different seeds score
// like their ensemble, at the speed of one). Weights below prune perceptron updates are dropped.
// It fails when ps is empty or the parsers' relation lists differ.
func Mix(prune float64, ps ...*Parser) (*Parser, error) {
	if len(ps) == 0 {
		return nil, fmt.Errorf("parser: nothing to mix")
	}
	var trans, labs []*linear.Model
	for _, p := range ps {
		if len(p.labels) != len(ps[0].labels) {
			return nil, fmt.Errorf("parser: cannot mix parsers with different relation lists")
		}
		for i, l := range p.labels {
			if l != ps[0].labels[i] {
				return nil, fmt.Errorf("parser: cannot mix parsers with different relation lists")
			}
		}
		trans, labs = append(trans, p.trans), append(labs, p.labeler)
	}
	return &Parser{labels: ps[0].labels, trans: linear.Sum(prune, trans...), labeler: linear.Sum(prune, labs...)}, nil
}
