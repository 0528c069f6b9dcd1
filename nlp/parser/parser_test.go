package parser

import (
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// toy builds tagged sentences "DET NOUN VERB DET NOUN ." and "NOUN VERB ADP NOUN ." with their UD trees.
func toy() []story.Sentence {
	nouns := []string{"envoy", "ministry", "army", "Seoul", "Washington"}
	verbs := []string{"met", "rejected", "praised", "accused"}
	tk := func(f, u, x string, h int, d string) story.Token {
		return story.Token{Form: f, UPOS: u, XPOS: x, Head: h, Deprel: d}
	}
	var out []story.Sentence
	for i := 0; i < 200; i++ {
		n1, v, n2 := nouns[i%5], verbs[(i/5)%4], nouns[(i/2)%5]
		if i%2 == 0 {
			out = append(out, story.Sentence{Tokens: []story.Token{
				tk("the", "DET", "DT", 2, "det"), tk(n1, "NOUN", "NN", 3, "nsubj"), tk(v, "VERB", "VBD", 0, "root"),
				tk("the", "DET", "DT", 5, "det"), tk(n2, "NOUN", "NN", 3, "obj"), tk(".", "PUNCT", ".", 3, "punct"),
			}})
		} else {
			out = append(out, story.Sentence{Tokens: []story.Token{
				tk(n1, "PROPN", "NNP", 2, "nsubj"), tk(v, "VERB", "VBD", 0, "root"), tk("in", "ADP", "IN", 4, "case"),
				tk(n2, "PROPN", "NNP", 2, "obl"), tk(".", "PUNCT", ".", 2, "punct"),
			}})
		}
	}
	return out
}

func TestTrainToyAndRoundTrip(t *testing.T) {
	data := toy()
	p, err := Train(data[:160], data[160:], Options{Epochs: 3, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Evaluate(data[160:])
	if sc.UAS < 0.99 || sc.LAS < 0.99 || sc.Words != 220 {
		t.Fatalf("toy held-out: %+v", sc)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	p2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if sc2 := p2.Evaluate(data[160:]); sc2 != sc {
		t.Errorf("loaded parser scores %+v, trained %+v", sc2, sc)
	}
	p3, _ := Train(data[:160], data[160:], Options{Epochs: 3, Seed: 2})
	var buf3 bytes.Buffer
	_, _ = p3.WriteTo(&buf3)
	if !bytes.Equal(buf.Bytes(), buf3.Bytes()) {
		t.Error("training is not deterministic")
	}
}

// TestCosts checks the dynamic oracle: following zero-cost moves always rebuilds the gold tree.
func TestCosts(t *testing.T) {
	for _, s := range toy()[:4] {
		n := len(s.Tokens)
		gold := make([]int, n)
		for i, tk := range s.Tokens {
			gold[i] = tk.Head - 1
			if tk.Head == 0 {
				gold[i] = n
			}
		}
		var st state
		st.reset(n)
		var c [nMoves]int
		for !st.terminal() {
			st.costs(gold, &c)
			m := -1
			for k := 0; k < nMoves; k++ {
				if c[k] == 0 {
					m = k
					break
				}
			}
			if m < 0 {
				t.Fatalf("no zero-cost move: %v", c)
			}
			st.apply(m)
		}
		for i := range gold {
			if st.heads[i] != gold[i] {
				t.Fatalf("word %d head %d, gold %d", i, st.heads[i], gold[i])
			}
		}
	}
}

func TestOddInput(t *testing.T) {
	p, err := Train(toy(), nil, Options{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []story.Sentence{{}, {Tokens: []story.Token{{Form: "x"}}}, {Tokens: make([]story.Token, 300)}} {
		p.Parse(&s)
		roots := 0
		for i, tk := range s.Tokens {
			if tk.Head < 0 || tk.Head > len(s.Tokens) || tk.Head == i+1 || tk.Deprel == "" {
				t.Fatalf("token %d: %+v", i, tk)
			}
			if tk.Head == 0 {
				roots++
			}
		}
		if len(s.Tokens) > 0 && roots != 1 {
			t.Errorf("%d roots", roots)
		}
	}
	if _, err := Train([]story.Sentence{{Tokens: []story.Token{{Form: "x", Head: 5}}}}, nil, Options{}); err == nil {
		t.Error("training on malformed trees only succeeded")
	}
}

func FuzzLoad(f *testing.F) {
	p, _ := Train(toy()[:10], nil, Options{Epochs: 1})
	var buf bytes.Buffer
	_, _ = p.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("DYADPAR1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := Load(bytes.NewReader(b)); err == nil {
			p.Parse(&story.Sentence{Tokens: []story.Token{{Form: "the", XPOS: "DT"}, {Form: "army"}}})
		}
	})
}

// TestMix mixes parsers trained with different seeds: the mix parses the held-out toy sentences
// as well as each of them, and parsers with different relation lists are refused.
func TestMix(t *testing.T) {
	data := toy()
	var ps []*Parser
	for seed := uint64(1); seed <= 3; seed++ {
		p, err := Train(data[:160], data[160:], Options{Epochs: 2, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	mx, err := Mix(0.3, ps...)
	if err != nil {
		t.Fatal(err)
	}
	if sc := mx.Evaluate(data[160:]); sc.UAS < 0.99 || sc.LAS < 0.99 {
		t.Errorf("mixed parser on toy held-out: %+v", sc)
	}
	if r, _ := mx.Size(); r < func() int { r0, _ := ps[0].Size(); return r0 }() {
		t.Errorf("mixed parser has %d rows, fewer than one of its parts", r)
	}
	other := toy()[:40]
	for i := range other {
		for j := range other[i].Tokens {
			if other[i].Tokens[j].Deprel == "obl" {
				other[i].Tokens[j].Deprel = "obl:tmod"
			}
		}
	}
	po, err := Train(other, nil, Options{Epochs: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Mix(0.3, ps[0], po); err == nil {
		t.Error("mixing parsers with different relation lists should fail")
	}
	if _, err := Mix(0.3); err == nil {
		t.Error("mixing no parsers should fail")
	}
}

// TestForced checks the states with one valid move, which Parse takes without scoring.
func TestForced(t *testing.T) {
	var st state
	st.reset(3)
	for _, c := range []struct {
		stack []int
		b     int
		want  int
	}{
		{nil, 0, shift},            // empty stack
		{[]int{0}, 1, -1},          // shift, left
		{[]int{0, 1}, 2, -1},       // all three
		{[]int{0, 1}, 3, right},    // buffer holds the root only
		{[]int{0}, 3, left},        // the last word goes to the root
		{[]int{0, 1, 2}, 3, right}, // still two or more on the stack
	} {
		st.stack, st.b = append(st.stack[:0], c.stack...), c.b
		if got := st.forced(); got != c.want {
			t.Errorf("stack %v buffer %d: forced %d, want %d", c.stack, c.b, got, c.want)
		}
		n := 0
		for m := 0; m < nMoves; m++ {
			if st.valid(m) {
				n++
			}
		}
		if (n == 1) != (c.want >= 0) {
			t.Errorf("stack %v buffer %d: %d valid moves, forced %d", c.stack, c.b, n, c.want)
		}
	}
}
