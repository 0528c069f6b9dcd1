package train

import (
	"bytes"
	"os"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/story"
)

func read(t *testing.T, rel string, n int) []story.Sentence {
	p := sharedtest.Path(t, rel)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, errs := conllu.ReadAll(f, p)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	out := make([]story.Sentence, 0, n)
	for i := 0; i < n && i < len(ss); i++ {
		out = append(out, ss[i].Sentence)
	}
	return out
}

// TestBuildSmall trains a small model on the first 1,500 EWT training sentences with jackknifing
// and checks that it learns (scores on 300 dev sentences well above chance) and that training is
// deterministic (the same bytes twice).
func TestBuildSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("training takes several seconds")
	}
	tr := read(t, "data/ud-english-ewt/en_ewt-ud-train.conllu", 1500)
	dev := read(t, "data/ud-english-ewt/en_ewt-ud-dev.conllu", 300)
	cfg := Config{TaggerEpochs: 3, ParserEpochs: 3, Folds: 2, Seed: 7}
	var tagged int
	cfg.TagsReady = func(ptrain, pdev []story.Sentence) { tagged = len(ptrain) }
	p, sc, err := Build(tr, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("small model on 300 dev sentences: %+v", sc)
	if tagged != len(tr) {
		t.Errorf("jackknifed %d sentences, want %d", tagged, len(tr))
	}
	if sc.UPOS < 0.85 || sc.UAS < 0.65 || sc.LAS < 0.55 || sc.Words < 3000 {
		t.Errorf("small model scores too low: %+v", sc)
	}
	cfg.TagsReady = nil
	p2, sc2, err := Build(tr, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := p.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := p2.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || sc != sc2 {
		t.Error("the same data, seed and settings gave different models")
	}
}
