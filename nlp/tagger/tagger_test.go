package tagger

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// toy builds sentences "DET NOUN VERB DET NOUN ." from small word lists: enough for a tagger to
// learn the tags of every word and the lemma exceptions.
func toy() []story.Sentence {
	dets := []string{"the", "a", "this"}
	nouns := []string{"envoy", "ministry", "talks", "army", "leaders"}
	verbs := []string{"meets", "rejects", "praised", "ran", "is"}
	vlem := map[string]string{"meets": "meet", "rejects": "reject", "praised": "praise", "ran": "run", "is": "be"}
	vx := map[string]string{"meets": "VBZ", "rejects": "VBZ", "praised": "VBD", "ran": "VBD", "is": "VBZ"}
	var out []story.Sentence
	for i := 0; i < 150; i++ {
		n1, v, n2 := nouns[i%5], verbs[(i/5)%5], nouns[(i/3)%5]
		tk := func(f, l, u, x string) story.Token { return story.Token{Form: f, Lemma: l, UPOS: u, XPOS: x, Head: -1} }
		nn := func(n string) story.Token {
			if n == "talks" || n == "leaders" {
				return tk(n, n[:len(n)-1], "NOUN", "NNS")
			}
			return tk(n, n, "NOUN", "NN")
		}
		u := "VERB"
		if v == "is" {
			u = "AUX"
		}
		out = append(out, story.Sentence{Tokens: []story.Token{
			tk(dets[i%3], dets[i%3], "DET", "DT"), nn(n1), tk(v, vlem[v], u, vx[v]),
			tk(dets[(i+1)%3], dets[(i+1)%3], "DET", "DT"), nn(n2), tk(".", ".", "PUNCT", "."),
		}})
	}
	return out
}

func TestTrainToyAndRoundTrip(t *testing.T) {
	data := toy()
	tg, err := Train(data[:120], data[120:], Options{Epochs: 4, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	upos, xpos, lemma, n := tg.Evaluate(data[120:])
	if n != 180 || upos < 0.99 || xpos < 0.99 || lemma < 0.99 {
		t.Fatalf("toy held-out: UPOS %.3f XPOS %.3f lemma %.3f over %d tokens", upos, xpos, lemma, n)
	}
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	tg2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if _, err := tg2.WriteTo(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("write → load → write changed the bytes")
	}
	s := story.Sentence{Tokens: []story.Token{{Form: "The"}, {Form: "army"}, {Form: "ran"}, {Form: "."}}}
	tg2.Tag(&s)
	if s.Tokens[2].Lemma != "run" || s.Tokens[2].XPOS != "VBD" || s.Tokens[0].UPOS != "DET" {
		t.Errorf("tagged %+v", s.Tokens)
	}
	// Same seed, same data: the same model bytes.
	tg3, _ := Train(data[:120], data[120:], Options{Epochs: 4, Seed: 3})
	var buf3 bytes.Buffer
	_, _ = tg3.WriteTo(&buf3)
	if !bytes.Equal(buf.Bytes(), buf3.Bytes()) {
		t.Error("training is not deterministic")
	}
}

func TestRuleLemma(t *testing.T) {
	for _, c := range [][4]string{
		{"countries", "NOUN", "NNS", "country"}, {"talks", "NOUN", "NNS", "talk"}, {"boxes", "NOUN", "NNS", "box"},
		{"stopped", "VERB", "VBD", "stop"}, {"created", "VERB", "VBN", "create"}, {"agreed", "VERB", "VBD", "agree"},
		{"carried", "VERB", "VBD", "carry"}, {"running", "VERB", "VBG", "run"}, {"Korea", "PROPN", "NNP", "Korea"},
		{"Talks", "NOUN", "NNS", "talk"}, {"bigger", "ADJ", "JJR", "big"}, {"happiest", "ADJ", "JJS", "happy"},
		{"The", "DET", "DT", "the"}, {"embargoes", "NOUN", "NNS", "embargo"}, {"vetoes", "VERB", "VBZ", "veto"},
	} {
		if got := ruleLemma(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("ruleLemma(%q, %s) = %q, want %q", c[0], c[2], got, c[3])
		}
	}
}

func TestLemmaChecks(t *testing.T) {
	tg := &Tagger{lemmas: map[string]bool{"resume": true, "use": true, "stop": true, "agree": true}, lemmaEx: map[string]string{}}
	sc := &scratch{}
	for _, c := range [][4]string{
		{"resumed", "VERB", "VBN", "resume"},   // rule "resum", known lemma "resume"
		{"resuming", "VERB", "VBG", "resume"},  // same through -ing
		{"stopped", "VERB", "VBD", "stop"},     // rule already right
		{"agreed", "VERB", "VBD", "agree"},     // rule already right
		{"Beijing", "PROPN", "NNP", "Beijing"}, // proper nouns keep their form
		{"Jinping", "PROPN", "NNP", "Jinping"},
		{"kunming", "VERB", "VBG", "kunm"}, // unknown stem: the rule's answer
	} {
		if got := tg.lemma(c[0], c[1], c[2], sc); got != c[3] {
			t.Errorf("lemma(%q, %s) = %q, want %q", c[0], c[2], got, c[3])
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	data := toy()
	tg, err := Train(data, nil, Options{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []story.Sentence{{}, {Tokens: []story.Token{{Form: ""}}}, {Tokens: []story.Token{{Form: "\xff\x00"}, {Form: "北朝鮮"}}}} {
		tg.Tag(&s)
		for _, tk := range s.Tokens {
			if tk.UPOS == "" || tk.XPOS == "" {
				t.Errorf("untagged token %+v", tk)
			}
		}
	}
	if _, err := Train(nil, nil, Options{}); err == nil {
		t.Error("training on nothing succeeded")
	}
}

func FuzzLoad(f *testing.F) {
	tg, _ := Train(toy()[:20], nil, Options{Epochs: 1})
	var buf bytes.Buffer
	_, _ = tg.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("DYADTAG1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if tg, err := Load(bytes.NewReader(b)); err == nil {
			tg.Tag(&story.Sentence{Tokens: []story.Token{{Form: "the"}, {Form: "army"}}})
		}
	})
}

// TestStage2Margin checks the selective stacked stage: with a zero margin no token is re-tagged
// (the tags are those of stage 1 alone), and with an infinite one every token not in the tag
// dictionary goes through stage 2, which tags the toy held-out set correctly.
func TestStage2Margin(t *testing.T) {
	data := toy()
	tg, err := Train(data[:120], data[120:], Options{Epochs: 3, Seed: 3, Stack: 3})
	if err != nil {
		t.Fatal(err)
	}
	if tg.model2 == nil {
		t.Fatal("no stage 2 trained")
	}
	one := tg.Pruned(0)
	one.model2 = nil
	defer func(m float32) { stage2Margin = m }(stage2Margin)
	tagAll := func(tg *Tagger) []string {
		var out []string
		for _, s := range data[120:] {
			c := story.Sentence{Tokens: append([]story.Token(nil), s.Tokens...)}
			tg.Tag(&c)
			for _, tk := range c.Tokens {
				out = append(out, tk.UPOS+"/"+tk.XPOS)
			}
		}
		return out
	}
	stage2Margin = 0
	if a, b := tagAll(tg), tagAll(one); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Error("margin 0: stage 2 changed tags")
	}
	stage2Margin = float32(math.Inf(1))
	if upos, xpos, _, _ := tg.Evaluate(data[120:]); upos < 0.99 || xpos < 0.99 {
		t.Errorf("stage 2 on every token: UPOS %.3f XPOS %.3f", upos, xpos)
	}
}

// TestRepairVerbForms checks the past tense / participle repairs on fixed tag sequences.
func TestRepairVerbForms(t *testing.T) {
	tg := &Tagger{classes: []class{{"NOUN", "NN"}, {"VERB", "VBN"}, {"VERB", "VBD"}, {"ADP", "IN"}}, featsW: map[string]string{}}
	tg.nclass = len(tg.classes)
	tg.featsC = []string{"Number=Sing", "Tense=Past|VerbForm=Part", "Mood=Ind|Tense=Past|VerbForm=Fin", ""}
	tg.setMasks()
	for _, c := range []struct{ in, want string }{
		{"NN VBN DT NN", "NN VBD DT NN"},                     // "The United States imposed sanctions"
		{"PRP VBN NN", "PRP VBD NN"},                         // "they imposed sanctions"
		{"NN VBN IN NN", "NN VBN IN NN"},                     // "sanctions imposed on Russia"
		{"NN VBZ VBN DT NN", "NN VBZ VBN DT NN"},             // a finite verb already
		{"VBN DT NN", "VBN DT NN"},                           // no subject
		{"NN VBN", "NN VBN"},                                 // no object
		{"NN VBN DT NN VBN DT NN", "NN VBD DT NN VBN DT NN"}, // the first one only
		{"NNS VBD CD VBD JJ NNS", "NNS VBD CD VBN JJ NNS"},   // "Police arrested 18 suspected Moslem terrorists"
		{"DT VBD NN VBD", "DT VBN NN VBD"},                   // "the alleged plot failed"
		{"NNS VBD DT IN NN", "NNS VBD DT IN NN"},             // a VBD not between determiner and noun stays
		{"NNS VBN TO VB NN", "NNS VBD TO VB NN"},             // "the Forces agreed to resume talks"
		{"PRP VBD TO DT NN", "PRP VBD IN DT NN"},             // "committed itself to the talks": "to" is a preposition
		{"NNP VBD PRP TO NNS", "NNP VBD PRP IN NNS"},         // "Iran committed itself to talks"
		{"NNP VBD TO VB NNS", "NNP VBD TO VB NNS"},           // the infinitive marker stays
	} {
		var s story.Sentence
		for _, x := range strings.Fields(c.in) {
			s.Tokens = append(s.Tokens, story.Token{Form: "w", UPOS: "X", XPOS: x})
		}
		n := tg.RepairVerbForms(&s)
		var got []string
		diff := 0
		for i, tk := range s.Tokens {
			got = append(got, tk.XPOS)
			if tk.XPOS != strings.Fields(c.in)[i] {
				diff++
			}
		}
		if g := strings.Join(got, " "); g != c.want || n != diff {
			t.Errorf("%s: got %s (%d changed), want %s", c.in, g, n, c.want)
		}
		for _, tk := range s.Tokens {
			if (tk.XPOS == "VBD" && tk.Feats != "" && tk.Feats != "Mood=Ind|Tense=Past|VerbForm=Fin") ||
				(tk.XPOS == "VBN" && tk.Feats != "" && tk.Feats != "Tense=Past|VerbForm=Part") {
				t.Errorf("%s: repaired token %+v", c.in, tk)
			}
		}
	}
}

// TestRepairNames checks that two unknown capitalised words in a row become PROPN NNP with their
// form as lemma, while known words, lone unknown words and lower-case words stay as tagged.
func TestRepairNames(t *testing.T) {
	tg := &Tagger{classes: []class{{"NOUN", "NN"}, {"PROPN", "NNP"}, {"ADJ", "JJ"}}, featsW: map[string]string{},
		featsC: []string{"Number=Sing", "Number=Sing", "Degree=Pos"}, lex: map[string]uint64{"President": 7},
		amb: map[string]uint64{"president": 9, "criticized": 11}}
	tg.nclass = len(tg.classes)
	tg.setMasks()
	tg.index()
	mk := func(words ...string) story.Sentence {
		var s story.Sentence
		for _, w := range words {
			s.Tokens = append(s.Tokens, story.Token{Form: w, Lemma: strings.ToLower(w), UPOS: "NOUN", XPOS: "NN"})
		}
		return s
	}
	for _, c := range []struct {
		words []string
		want  string // UPOS of each token after the repair
		n     int
	}{
		{[]string{"Chinese", "President", "Xi", "Jinping", "criticized"}, "NOUN NOUN PROPN PROPN NOUN", 2},     // "Chinese" stands next to a known word
		{[]string{"President", "Xi", "criticized"}, "NOUN NOUN NOUN", 0},                                       // a lone unknown word
		{[]string{"xi", "jinping"}, "NOUN NOUN", 0},                                                            // not capitalised
		{[]string{"XI", "JINPING"}, "NOUN NOUN", 0},                                                            // all capitals: headlines
		{[]string{"President", "Moon", "Jae", "-", "in", "criticized"}, "NOUN PROPN PROPN NOUN PROPN NOUN", 3}, // a hyphenated given name
		{[]string{"Indian", "-", "controlled", "Kashmir"}, "NOUN NOUN NOUN NOUN", 0},                           // no capitalised word before
	} {
		s := mk(c.words...)
		n := tg.RepairNames(&s)
		var got []string
		for _, tk := range s.Tokens {
			got = append(got, tk.UPOS)
			if tk.UPOS == "PROPN" && (tk.XPOS != "NNP" || tk.Lemma != tk.Form || tk.Feats != "Number=Sing") {
				t.Errorf("%v: repaired token %+v", c.words, tk)
			}
		}
		if g := strings.Join(got, " "); g != c.want || n != c.n {
			t.Errorf("%v: got %s (%d changed), want %s (%d)", c.words, g, n, c.want, c.n)
		}
	}
}

// TestRepairNumbers checks capitalised spelled-out numbers; Roman numerals are left alone.
func TestRepairNumbers(t *testing.T) {
	tg := &Tagger{classes: []class{{"ADJ", "JJ"}, {"NUM", "CD"}, {"PROPN", "NNP"}, {"PRON", "PRP"}}, featsW: map[string]string{},
		featsC: []string{"Degree=Pos", "NumForm=Word|NumType=Card", "Number=Sing", "Case=Nom"}}
	tg.nclass = len(tg.classes)
	tg.setMasks()
	for _, c := range []struct {
		toks string // form/UPOS pairs
		want string // UPOS after the repair
	}{
		{"Eleven/ADJ people/NOUN", "NUM NOUN"},
		{"eleven/ADJ people/NOUN", "ADJ NOUN"}, // lower case: the tagger knows the word
		{"One/ADJ of/ADP them/PRON", "ADJ ADP PRON"},
		{"Pope/PROPN Benedict/PROPN XVI/NOUN", "PROPN PROPN NOUN"}, // Roman numerals are left as tagged
		{"Louis/PROPN XIV/PROPN ruled/VERB", "PROPN PROPN VERB"},
		{"Then/ADV I/PRON left/VERB", "ADV PRON VERB"}, // "I" is no numeral
		{"the/DET MIX/NOUN", "DET NOUN"},               // not after a name
		{"Smith/PROPN IIII/PROPN", "PROPN PROPN"},      // not a well-formed numeral
		{"Twenty/PROPN protesters/NOUN", "NUM NOUN"},
	} {
		var s story.Sentence
		for _, ft := range strings.Fields(c.toks) {
			f, u, _ := strings.Cut(ft, "/")
			s.Tokens = append(s.Tokens, story.Token{Form: f, UPOS: u})
		}
		tg.RepairNumbers(&s)
		var got []string
		for _, tk := range s.Tokens {
			if tk.UPOS != "" {
				got = append(got, tk.UPOS)
			}
			if tk.UPOS == "NUM" && (tk.XPOS != "CD" || tk.Feats != "NumForm=Word|NumType=Card") {
				t.Errorf("%s: repaired token %+v", c.toks, tk)
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: got %s, want %s", c.toks, g, c.want)
		}
	}
}

// TestRepairVerbFormsHeadlinePassive checks that a participle that is a headline's passive before
// an infinitive ("Russian diplomats ordered to leave Britain") stays VBN, while "agreed" becomes
// VBD.
func TestRepairVerbFormsHeadlinePassive(t *testing.T) {
	tg := &Tagger{classes: []class{{"NOUN", "NN"}, {"VERB", "VBN"}, {"VERB", "VBD"}}, featsW: map[string]string{},
		featsC: []string{"Number=Sing", "Tense=Past|VerbForm=Part", "Mood=Ind|Tense=Past|VerbForm=Fin"}}
	tg.nclass = len(tg.classes)
	tg.setMasks()
	for verb, want := range map[string]string{"ordered": "VBN", "told": "VBN", "scheduled": "VBN", "agreed": "VBD", "vowed": "VBD"} {
		s := story.Sentence{Tokens: []story.Token{{Form: "diplomats", XPOS: "NNS"}, {Form: verb, XPOS: "VBN"},
			{Form: "to", XPOS: "TO"}, {Form: "leave", XPOS: "VB"}, {Form: "Britain", XPOS: "NNP"}}}
		tg.RepairVerbForms(&s)
		if got := s.Tokens[1].XPOS; got != want {
			t.Errorf("%q before an infinitive: %s, want %s", verb, got, want)
		}
	}
}

func TestRepairPunctuation(t *testing.T) {
	tg := &Tagger{classes: []class{{"PROPN", "NNP"}, {"PUNCT", "."}, {"PUNCT", ","}, {"PUNCT", "-LRB-"}, {"PUNCT", "-RRB-"}, {"PUNCT", "NFP"}, {"NUM", "CD"}, {"PART", "POS"}},
		featsW: map[string]string{}, featsC: []string{"Number=Sing", "_", "_", "_", "_", "_", "NumType=Card", "_"}}
	tg.nclass = len(tg.classes)
	tg.setMasks()
	tg.index()
	var s story.Sentence
	for _, w := range []string{"中国", "。", "，", "「", "」", "※", "·a", "！？", ".", "１２", "１，０００", "１２中"} {
		s.Tokens = append(s.Tokens, story.Token{Form: w, Lemma: w, UPOS: "PROPN", XPOS: "NNP"})
	}
	s.Tokens = append(s.Tokens, story.Token{Form: "’", Lemma: "'s", UPOS: "PART", XPOS: "POS"}, story.Token{Form: "«", Lemma: "«", UPOS: "SYM", XPOS: "NFP"}, story.Token{Form: "•", Lemma: "•", UPOS: "PART", XPOS: "POS"})
	n := tg.RepairPunctuation(&s)
	var got []string
	for _, tk := range s.Tokens {
		got = append(got, tk.UPOS+"/"+tk.XPOS)
	}
	// "※" is NFP; "·a" has a letter; "！？" are both sentence-final; the ASCII "." is left to the
	// tagger.
	// "１，０００" is a number with a fullwidth comma; "１２中" has a Han character; the possessive
	// apostrophe stays PART; "«" (tagged SYM) is punctuation, an opening quote, whose class this
	// tagger lacks.
	want := "PROPN/NNP PUNCT/. PUNCT/, PUNCT/-LRB- PUNCT/-RRB- PUNCT/NFP PROPN/NNP PUNCT/. PROPN/NNP NUM/CD NUM/CD PROPN/NNP PART/POS SYM/NFP PUNCT/NFP"
	if g := strings.Join(got, " "); g != want || n != 9 {
		t.Errorf("got %s (%d changed), want %s (9)", g, n, want)
	}
}
