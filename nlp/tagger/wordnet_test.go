package tagger

import (
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/nlp/wordnet"
	"github.com/dyad-events/dyad/story"
)

// TestWordNetRoundTrip checks that a tagger trained with WordNet keeps it through WriteTo and Load.
func TestWordNetRoundTrip(t *testing.T) {
	wn, err := wordnet.Load("../wordnet/testdata")
	if err != nil {
		t.Fatal(err)
	}
	data := toy()
	tg, err := Train(data[:120], data[120:], Options{Epochs: 3, Seed: 1, WordNet: wn})
	if err != nil {
		t.Fatal(err)
	}
	var b1 bytes.Buffer
	if _, err := tg.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	tg2, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if tg2.wn == nil {
		t.Fatal("WordNet lost in the round trip")
	}
	var b2 bytes.Buffer
	_, _ = tg2.WriteTo(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("write → load → write changed the bytes")
	}
	s := story.Sentence{Tokens: []story.Token{{Form: "The"}, {Form: "envoy"}, {Form: "revoked"}, {Form: "the"}, {Form: "sanctions"}, {Form: "."}}}
	tg2.Tag(&s)
	if s.Tokens[1].UPOS != "NOUN" || s.Tokens[5].UPOS != "PUNCT" {
		t.Errorf("tagged %+v", s.Tokens)
	}
}
