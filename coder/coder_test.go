package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// Small dictionaries written for these tests (CAMEO.2.0 syntax, PETRARCH-FORMATS.md §5, §7, §8).
const testVerbs = `####### VERB PATTERNS #######
--- ATTACK [190] ---
ATTACK
INVADE
--- VISIT [042:043] ---
VISIT
--- CRITICIZE [111] ---
CRITICIZE
CONDEMN
--- REJECT [---] ---
REJECT
- * &TREATY [127]
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- MEET [040] ---
MEET {MEETS MET MEETING}
--- HOLD [---] ---
HOLD {HOLDS HELD HOLDING}
- * TALKS [043]
######## TRANSFORMATIONS ##########
`

const testSynsets = `####### SYNONYM SETS #######
&TREATY
+TREATY
+AGREEMENT
`

const testActors = `GERMANY [DEU]
FRANCE [FRA]
RUSSIA [RUS]
CHINA [CHN]
JAPAN [JPN]
CZECH [CZE]
NORTH_KOREA [PRK]
+NORTH_KOREAN
IRAN [IRN]
ISRAEL [ISR]
SYRIA [SYR]
BARACK_OBAMA
+OBAMA
	[USAGOV 20090120-20170120]
	[USAELI >20170120]
`

const testAgents = `FOREIGN_MINISTRY [~GOV]
AMBASSADOR [~GOV]
GOVERNMENT [~GOV]
HUMAN_RIGHTS_BODY [NGO~]
`

// readTestVerbs reads testSynsets followed by verbs, failing the test on any dictionary error.
func readTestVerbs(t testing.TB, verbs string) *dict.Verbs {
	t.Helper()
	v, p, err := dict.ReadVerbs(strings.NewReader(testSynsets+verbs), "test.verbs")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range p {
		if x.Severity == dict.Error {
			t.Fatalf("verbs: %v", x)
		}
	}
	return v
}

// setWithVerbs is testSet with its verb dictionary read from testSynsets followed by verbs.
func setWithVerbs(t testing.TB, verbs string) *dict.Set {
	t.Helper()
	set := testSet(t)
	set.Verbs = readTestVerbs(t, verbs)
	return set
}

func testSet(t testing.TB) *dict.Set {
	t.Helper()
	v := readTestVerbs(t, testVerbs)
	a, _, err := dict.ReadActors(strings.NewReader(testActors), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	ag, _, err := dict.ReadAgents(strings.NewReader(testAgents), "test.agents")
	if err != nil {
		t.Fatal(err)
	}
	return &dict.Set{Verbs: v, Actors: a, Agents: ag}
}

// tk is one token line: form lemma UPOS XPOS head deprel.
type tk struct {
	form, lemma, upos, xpos string
	head                    int
	rel                     string
}

func sent(text string, toks ...tk) story.Sentence {
	s := story.Sentence{Text: text, Start: -1, End: -1}
	for _, x := range toks {
		s.Tokens = append(s.Tokens, story.Token{Form: x.form, Lemma: x.lemma, UPOS: x.upos, XPOS: x.xpos, Head: x.head, Deprel: x.rel, Start: -1, End: -1})
	}
	// Offsets by searching the forms in order.
	pos := 0
	for i := range s.Tokens {
		if j := strings.Index(text[pos:], s.Tokens[i].Form); j >= 0 {
			s.Tokens[i].Start, s.Tokens[i].End = pos+j, pos+j+len(s.Tokens[i].Form)
			pos += j + len(s.Tokens[i].Form)
		}
	}
	return s
}

// codeCase is a hand-built sentence and the events it must yield ("SOURCE TARGET CODE", in output
// order, joined by "|"; "" for none).
type codeCase struct {
	name string
	s    story.Sentence
	want string
}

// checkCodes codes each case as a story dated 2015-01-15 and reports those whose events differ.
func checkCodes(t *testing.T, c *Coder, cases []codeCase) {
	t.Helper()
	for _, tc := range cases {
		if got := strings.Join(code(t, c, "2015-01-15", tc.s), "|"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func code(t *testing.T, c *Coder, date string, s story.Sentence) []string {
	t.Helper()
	d, _ := time.Parse("2006-01-02", date)
	res := c.CodeStory(&story.Story{ID: "t", Date: d, Sentences: []story.Sentence{s}})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var out []string
	for _, e := range res.Events {
		out = append(out, e.Source.Code+" "+e.Target.Code+" "+e.Code)
	}
	return out
}

func TestCodeHandBuilt(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []codeCase{
		{"active", sent("Germany invaded France.",
			tk{"Germany", "Germany", "PROPN", "NNP", 2, "nsubj"}, tk{"invaded", "invade", "VERB", "VBD", 0, "root"},
			tk{"France", "France", "PROPN", "NNP", 2, "obj"}, tk{".", ".", "PUNCT", ".", 2, "punct"}), "DEU FRA 190"},
		{"passive", sent("France was attacked by Germany.",
			tk{"France", "France", "PROPN", "NNP", 3, "nsubj:pass"}, tk{"was", "be", "AUX", "VBD", 3, "aux:pass"},
			tk{"attacked", "attack", "VERB", "VBN", 0, "root"}, tk{"by", "by", "ADP", "IN", 5, "case"},
			tk{"Germany", "Germany", "PROPN", "NNP", 3, "obl:agent"}), "DEU FRA 190"},
		{"paired", sent("Obama visited China.",
			tk{"Obama", "Obama", "PROPN", "NNP", 2, "nsubj"}, tk{"visited", "visit", "VERB", "VBD", 0, "root"},
			tk{"China", "China", "PROPN", "NNP", 2, "obj"}), "CHN USAGOV 043|USAGOV CHN 042"},
		{"paired passive", sent("China was visited by Obama.",
			tk{"China", "China", "PROPN", "NNP", 3, "nsubj:pass"}, tk{"was", "be", "AUX", "VBD", 3, "aux:pass"},
			tk{"visited", "visit", "VERB", "VBN", 0, "root"}, tk{"by", "by", "ADP", "IN", 5, "case"},
			tk{"Obama", "Obama", "PROPN", "NNP", 3, "obl:agent"}), "USAGOV CHN 042"},
		{"not", sent("Germany did not attack France.",
			tk{"Germany", "Germany", "PROPN", "NNP", 4, "nsubj"}, tk{"did", "do", "AUX", "VBD", 4, "aux"},
			tk{"not", "not", "PART", "RB", 4, "advmod"}, tk{"attack", "attack", "VERB", "VB", 0, "root"},
			tk{"France", "France", "PROPN", "NNP", 4, "obj"}), ""},
		{"n't", sent("Germany didn't attack France.",
			tk{"Germany", "Germany", "PROPN", "NNP", 4, "nsubj"}, tk{"did", "do", "AUX", "VBD", 4, "aux"},
			tk{"n't", "not", "PART", "RB", 4, "advmod"}, tk{"attack", "attack", "VERB", "VB", 0, "root"},
			tk{"France", "France", "PROPN", "NNP", 4, "obj"}), ""},
		{"compound source", sent("Germany and France condemned Russia.",
			tk{"Germany", "Germany", "PROPN", "NNP", 4, "nsubj"}, tk{"and", "and", "CCONJ", "CC", 3, "cc"},
			tk{"France", "France", "PROPN", "NNP", 1, "conj"}, tk{"condemned", "condemn", "VERB", "VBD", 0, "root"},
			tk{"Russia", "Russia", "PROPN", "NNP", 4, "obj"}), "DEU RUS 111|FRA RUS 111"},
		{"agent", sent("The Czech foreign ministry criticized Russia.",
			tk{"The", "the", "DET", "DT", 4, "det"}, tk{"Czech", "Czech", "ADJ", "JJ", 4, "amod"},
			tk{"foreign", "foreign", "ADJ", "JJ", 4, "amod"}, tk{"ministry", "ministry", "NOUN", "NN", 5, "nsubj"},
			tk{"criticized", "criticize", "VERB", "VBD", 0, "root"}, tk{"Russia", "Russia", "PROPN", "NNP", 5, "obj"}), "CZEGOV RUS 111"},
		{"pattern", sent("North Korea rejected a treaty with Russia.",
			tk{"North", "North", "PROPN", "NNP", 2, "compound"}, tk{"Korea", "Korea", "PROPN", "NNP", 3, "nsubj"},
			tk{"rejected", "reject", "VERB", "VBD", 0, "root"}, tk{"a", "a", "DET", "DT", 5, "det"},
			tk{"treaty", "treaty", "NOUN", "NN", 3, "obj"}, tk{"with", "with", "ADP", "IN", 7, "case"},
			tk{"Russia", "Russia", "PROPN", "NNP", 5, "nmod"}), "PRK RUS 127"},
		{"no dyad", sent("North Korea rejected the agreements.",
			tk{"North", "North", "PROPN", "NNP", 2, "compound"}, tk{"Korea", "Korea", "PROPN", "NNP", 3, "nsubj"},
			tk{"rejected", "reject", "VERB", "VBD", 0, "root"}, tk{"the", "the", "DET", "DT", 5, "det"},
			tk{"agreements", "agreement", "NOUN", "NNS", 3, "obj"}), ""},
		{"compound cooperation", sent("Japan and China held talks.",
			tk{"Japan", "Japan", "PROPN", "NNP", 4, "nsubj"}, tk{"and", "and", "CCONJ", "CC", 3, "cc"},
			tk{"China", "China", "PROPN", "NNP", 1, "conj"}, tk{"held", "hold", "VERB", "VBD", 0, "root"},
			tk{"talks", "talk", "NOUN", "NNS", 4, "obj"}), "CHN JPN 043|JPN CHN 043"},
		{"pronoun", sent("Obama said he would visit China.",
			tk{"Obama", "Obama", "PROPN", "NNP", 2, "nsubj"}, tk{"said", "say", "VERB", "VBD", 0, "root"},
			tk{"he", "he", "PRON", "PRP", 5, "nsubj"}, tk{"would", "would", "AUX", "MD", 5, "aux"},
			tk{"visit", "visit", "VERB", "VB", 2, "ccomp"}, tk{"China", "China", "PROPN", "NNP", 5, "obj"}), "USAGOV CHN 036"}, // FutureIntent: "would visit" is intent to meet
	}
	checkCodes(t, c, cases)
}

func TestDateRestrictionAndEvidence(t *testing.T) {
	c, _ := New(testSet(t), DefaultOptions())
	s := sent("Obama criticized Russia.",
		tk{"Obama", "Obama", "PROPN", "NNP", 2, "nsubj"}, tk{"criticized", "criticize", "VERB", "VBD", 0, "root"},
		tk{"Russia", "Russia", "PROPN", "NNP", 2, "obj"})
	if got := strings.Join(code(t, c, "2019-05-01", s), "|"); got != "USAELI RUS 111" {
		t.Errorf("2019: %q", got)
	}
	if got := strings.Join(code(t, c, "2005-05-01", s), "|"); got != "" {
		t.Errorf("2005 (no restriction applies): %q", got)
	}
	d, _ := time.Parse("2006-01-02", "2015-01-15")
	res := c.CodeStory(&story.Story{ID: "st", Date: d, Publisher: "P", Sentences: []story.Sentence{s}})
	if len(res.Events) != 1 {
		t.Fatalf("events %v", res.Events)
	}
	e := res.Events[0]
	if e.EventID != "st:0:0" || e.Date != "2015-01-15" || e.Source.Text != "Obama" || e.Source.Start != 0 || e.Source.End != 5 ||
		e.Target.Start != 17 || e.Target.End != 23 || e.Verb.Text != "criticized" || e.Verb.Start != 6 || e.RootCode != "11" ||
		e.Source.Country != "USA" || e.Source.Agent != "GOV" || e.Publisher != "P" || e.Verb.Line != "test.verbs:12" {
		t.Errorf("event = %+v", e)
	}
}

func TestRequireDyadOff(t *testing.T) {
	o := DefaultOptions()
	o.RequireDyad = false
	c, _ := New(testSet(t), o)
	s := sent("North Korea rejected the agreements.",
		tk{"North", "North", "PROPN", "NNP", 2, "compound"}, tk{"Korea", "Korea", "PROPN", "NNP", 3, "nsubj"},
		tk{"rejected", "reject", "VERB", "VBD", 0, "root"}, tk{"the", "the", "DET", "DT", 5, "det"},
		tk{"agreements", "agreement", "NOUN", "NNS", 3, "obj"})
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "PRK --- 127" {
		t.Errorf("got %q", got)
	}
}

func TestBadTree(t *testing.T) {
	c, _ := New(testSet(t), DefaultOptions())
	s := sent("a b", tk{"a", "a", "X", "X", 2, "dep"}, tk{"b", "b", "X", "X", 1, "dep"})
	res := c.CodeStory(&story.Story{ID: "x", Sentences: []story.Sentence{s}})
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "cycle") {
		t.Errorf("problems = %v", res.Problems)
	}
}

func TestOneAStory(t *testing.T) {
	c, _ := New(testSet(t), DefaultOptions())
	mk := func(id string) story.Sentence {
		s := sent("Germany invaded France.",
			tk{"Germany", "Germany", "PROPN", "NNP", 2, "nsubj"}, tk{"invaded", "invade", "VERB", "VBD", 0, "root"},
			tk{"France", "France", "PROPN", "NNP", 2, "obj"})
		s.ID = id
		return s
	}
	s1, s2 := mk("S_1"), mk("S_2")
	s2.Index = 1
	res := c.CodeStory(&story.Story{ID: "S", Sentences: []story.Sentence{s1, s2}})
	if len(res.Events) != 1 || strings.Join(res.Events[0].SentenceIDs, ",") != "S_1,S_2" {
		t.Errorf("events = %+v", res.Events)
	}
}

const testIssues = `<ISSUE CATEGORY="PEACE" TYPE="ALL">
peace talks [PEACE_TALKS]
~mock peace
</ISSUE>
<ISSUE CATEGORY="WAR" TYPE="ALL">
invasion [INVASION]
~~war game
</ISSUE>
`

const testDiscards = `FOOTBALL
+CHAMPIONS LEAGUE
`

func TestIssuesAndDiscards(t *testing.T) {
	set := testSet(t)
	is, _, err := dict.ReadIssues(strings.NewReader(testIssues), "test.issues")
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := dict.ReadDiscards(strings.NewReader(testDiscards), "test.discards")
	if err != nil {
		t.Fatal(err)
	}
	set.Issues, set.Discards = is, ds
	c, _ := New(set, DefaultOptions())
	mk := func(text string, extra ...tk) story.Sentence {
		toks := []tk{{"Germany", "Germany", "PROPN", "NNP", 2, "nsubj"}, {"criticized", "criticize", "VERB", "VBD", 0, "root"},
			{"France", "France", "PROPN", "NNP", 2, "obj"}}
		return sent(text, append(toks, extra...)...)
	}
	s := mk("Germany criticized France peace talks invasion",
		tk{"peace", "peace", "NOUN", "NN", 5, "compound"}, tk{"talks", "talk", "NOUN", "NNS", 2, "obl"},
		tk{"invasion", "invasion", "NOUN", "NN", 2, "obl"})
	res := c.CodeStory(&story.Story{ID: "i", Sentences: []story.Sentence{s}})
	if len(res.Events) != 1 || len(res.Events[0].Issues) != 2 || res.Events[0].Issues[0] != (story.Issue{Code: "PEACE_TALKS", Count: 1}) ||
		res.Events[0].Issues[1] != (story.Issue{Code: "INVASION", Count: 1}) {
		t.Fatalf("issues: %+v", res.Events)
	}
	// A "~~" phrase in another sentence cancels its section for the whole story.
	s2 := sent("war game", tk{"war", "war", "NOUN", "NN", 2, "compound"}, tk{"game", "game", "NOUN", "NN", 0, "root"})
	s2.Index = 1
	res = c.CodeStory(&story.Story{ID: "i", Sentences: []story.Sentence{s, s2}})
	if len(res.Events) != 1 || len(res.Events[0].Issues) != 1 || res.Events[0].Issues[0].Code != "PEACE_TALKS" {
		t.Fatalf("story ignore: %+v", res.Events)
	}
	// Sentence discard on the last token; story discard wins over a sentence discard.
	d := mk("Germany criticized France football", tk{"football", "football", "NOUN", "NN", 2, "obl"})
	res = c.CodeStory(&story.Story{ID: "d", Sentences: []story.Sentence{d}})
	if len(res.Events) != 0 || len(res.Discards) != 1 || res.Discards[0].Story || res.Discards[0].Phrase != "FOOTBALL" {
		t.Fatalf("sentence discard: %+v", res)
	}
	sd := mk("Germany criticized France football Champions League",
		tk{"football", "football", "NOUN", "NN", 2, "obl"}, tk{"Champions", "champion", "PROPN", "NNP", 6, "compound"},
		tk{"League", "league", "PROPN", "NNP", 2, "obl"})
	res = c.CodeStory(&story.Story{ID: "d", Sentences: []story.Sentence{mk("Germany criticized France"), sd}})
	if len(res.Events) != 0 || !res.StoryDiscarded() || res.Discards[0].Phrase != "CHAMPIONS LEAGUE" {
		t.Fatalf("story discard: %+v", res)
	}
}

func TestStoryContext(t *testing.T) {
	c, _ := New(testSet(t), DefaultOptions())
	s1 := sent("The North Korean ambassador criticized France.",
		tk{"The", "the", "DET", "DT", 4, "det"}, tk{"North", "North", "PROPN", "NNP", 3, "compound"},
		tk{"Korean", "Korean", "PROPN", "NNP", 4, "amod"}, tk{"ambassador", "ambassador", "NOUN", "NN", 5, "nsubj"},
		tk{"criticized", "criticize", "VERB", "VBD", 0, "root"}, tk{"France", "France", "PROPN", "NNP", 5, "obj"})
	s2 := sent("The government condemned Russia.",
		tk{"The", "the", "DET", "DT", 2, "det"}, tk{"government", "government", "NOUN", "NN", 3, "nsubj"},
		tk{"condemned", "condemn", "VERB", "VBD", 0, "root"}, tk{"Russia", "Russia", "PROPN", "NNP", 3, "obj"})
	s2.Index = 1
	res := c.CodeStory(&story.Story{ID: "c", Sentences: []story.Sentence{s1, s2}})
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
	}
	if strings.Join(got, "|") != "PRKGOV FRA 111|PRKGOV RUS 111" || !res.Events[1].Source.FromContext || res.Events[0].Source.FromContext {
		t.Errorf("events %v %+v", got, res.Events)
	}
	o := DefaultOptions()
	o.StoryContext = false
	c2, _ := New(testSet(t), o)
	res = c2.CodeStory(&story.Story{ID: "c", Sentences: []story.Sentence{s1, s2}})
	if len(res.Events) != 2 || res.Events[1].Source.Code != "---GOV" {
		t.Errorf("without context: %+v", res.Events)
	}
}
