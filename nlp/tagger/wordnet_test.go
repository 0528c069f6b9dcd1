package tagger

import (
	"bytes"
	"os"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// TestWordNetMask checks the word classes read from a small hand-made folder in WordNet's layout
// (testdata/wordnet) through the morphy rules.
func TestWordNetMask(t *testing.T) {
	wn, err := LoadWordNet("testdata/wordnet")
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for _, c := range []struct {
		word string
		want uint16
	}{
		{"bombing", wnNoun},
		{"bombings", wnPlural},
		{"sanctions", wnPlural | wnVerbS},
		{"sanctioned", wnVerbEd},
		{"sanctioning", wnVerbIng},
		{"revoked", wnVerbEd},
		{"revoking", wnVerbIng},
		{"stopped", wnVerbEd}, // undoubled
		{"carried", wnVerbEd},
		{"carries", wnVerbS},
		{"boxes", wnPlural | wnVerbS},
		{"churches", wnPlural},
		{"children", wnPlural},
		{"went", wnVerbEd},
		{"broken", wnVerbEd},
		{"bigger", wnAdjCmp},
		{"happiest", wnAdjCmp},
		{"later", wnAdjCmp},
		{"late", wnAdj | wnAdv},
		{"better", wnAdjCmp},
		{"envoy", wnNoun},
		{"human_rights", wnNone}, // multi-word lemmas are skipped
		{"xyzzy", wnNone},
		{"1,000", 0},
		{"a", 0},
		{"", 0},
	} {
		if got := wn.mask([]byte(c.word), &buf); got != c.want {
			t.Errorf("mask(%q) = %b, want %b", c.word, got, c.want)
		}
	}
	if _, err := LoadWordNet("testdata/no-such-folder"); err == nil {
		t.Error("LoadWordNet of a missing folder: no error")
	}
	if _, err := LoadWordNet("testdata"); err == nil {
		t.Error("LoadWordNet of a folder without WordNet files: no error")
	}
}

// TestWordNetSystem checks a few classes against the real WordNet 3.0 when it is installed (Debian
// package wordnet-base; training needs it, tagging does not).
func TestWordNetSystem(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir + "/index.noun"); err != nil {
		t.Skip("WordNet 3.0 not installed at " + dir + " (Debian package wordnet-base)")
	}
	wn, err := LoadWordNet(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for word, want := range map[string]uint16{"bombings": wnPlural, "revoked": wnVerbEd, "abducted": wnVerbEd, "envoys": wnPlural} {
		if got := wn.mask([]byte(word), &buf); got&want == 0 {
			t.Errorf("mask(%q) = %b, want bit %b", word, got, want)
		}
	}
	if got := wn.mask([]byte("the"), &buf); got != wnNone {
		t.Errorf(`mask("the") = %b, want wnNone`, got)
	}
}

// TestWordNetRoundTrip checks that a tagger trained with WordNet keeps it through WriteTo and Load.
func TestWordNetRoundTrip(t *testing.T) {
	wn, err := LoadWordNet("testdata/wordnet")
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
	if tg2.wn == nil || len(tg2.wn.base) != len(wn.base) || len(tg2.wn.exc) != len(wn.exc) {
		t.Fatalf("WordNet lost in the round trip: %+v", tg2.wn)
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

// FuzzWordNetMask feeds arbitrary bytes to the word-class lookup: no panic, and forms without
// letters get no class.
func FuzzWordNetMask(f *testing.F) {
	wn, err := LoadWordNet("testdata/wordnet")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"stopped", "ies", "s", "ed", "\xff\xfe", "ßing", "12,5"} {
		f.Add([]byte(s))
	}
	var buf []byte
	f.Fuzz(func(t *testing.T, b []byte) {
		m := wn.mask(b, &buf)
		letters := false
		for _, c := range b {
			if c >= 'a' && c <= 'z' || c >= 0x80 {
				letters = true
			}
		}
		if !letters && m != 0 {
			t.Errorf("mask(%q) = %b for a form without letters", b, m)
		}
	})
}
