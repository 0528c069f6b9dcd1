package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// TestGovern checks the code of an infinitive governed by an appeal, intent, demand, rejection,
// threat or protest verb (§5.7 combination, keeping the governing root).
func TestGovern(t *testing.T) {
	ic := CAMEOInternalCodes()
	for _, tc := range []struct {
		upper, lower, want string
		ok                 bool
	}{
		{"130", "190", "138", true},  // threatened to attack: threaten with military force
		{"130", "191", "1381", true}, // threatened to blockade
		{"130", "1724", "1324", true},
		{"020", "084", "025", true},   // urged X to release: appeal to yield
		{"020", "070", "023", true},   // appeal for aid
		{"030", "040", "036", true},   // offered to discuss: intent to meet
		{"030", "046", "036", true},   // intent to negotiate
		{"100", "084", "105", true},   // demand that target yields
		{"020", "0862", "0255", true}, // urged X to allow monitors: the parent 086
		{"120", "040", "125", true},   // refused to meet: reject proposal to meet
		{"0233", "070", "0233", true}, // a specific upper code stands
		{"030", "0331", "", false},    // same root: not governed
		// Intent to disapprove, reject or demand is a threat (CAMEO 1.1b3 130: conflictual
		// behaviour forecast), not intent to cooperate, and not 1322 or 138 from the verbal
		// codes' material parts; intent to investigate stays an intent.
		{"030", "110", "130", true},
		{"030", "111", "130", true},
		{"030", "112", "130", true},
		{"030", "128", "130", true},
		{"030", "100", "130", true},
		{"030", "090", "030", true},
		{"030", "138", "138", true}, // vowed to threaten an attack: the threat
		// Intent to protest is a threat of political dissent (133), not 036 or 039 from the
		// material parts of demonstrate (0x5010) and boycott (0x5030).
		{"030", "141", "133", true},
		{"030", "143", "133", true},
		{"190", "040", "", false}, // attack does not govern
		{"010", "190", "", false}, // a statement does not govern
	} {
		got, ok := ic.Govern(tc.upper, tc.lower)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("Govern(%s, %s) = %q, %v; want %q, %v", tc.upper, tc.lower, got, ok, tc.want, tc.ok)
		}
	}
}

// qualitySet extends the test dictionaries with governing verbs.
func qualitySet(t *testing.T) *dict.Set {
	t.Helper()
	verbs := strings.Replace(testVerbs, "######## TRANSFORMATIONS", `--- THREATEN [130] ---
THREATEN
--- URGE [020] ---
URGE
--- DEMAND [100] ---
DEMAND
--- RELEASE [084] ---
RELEASE
--- ACCUSE [112] ---
ACCUSE
######## TRANSFORMATIONS`, 1)
	return setWithVerbs(t, verbs)
}

func TestQualityRules(t *testing.T) {
	c, err := New(qualitySet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []codeCase{
		{"threat keeps its root", sent("Russia threatened to attack Germany.",
			tk{"Russia", "Russia", "PROPN", "NNP", 2, "nsubj"}, tk{"threatened", "threaten", "VERB", "VBD", 0, "root"},
			tk{"to", "to", "PART", "TO", 4, "mark"}, tk{"attack", "attack", "VERB", "VB", 2, "xcomp"},
			tk{"Germany", "Germany", "PROPN", "NNP", 4, "obj"}), "RUS DEU 138"},
		{"object control", sent("France urged Russia to release Germany.",
			tk{"France", "France", "PROPN", "NNP", 2, "nsubj"}, tk{"urged", "urge", "VERB", "VBD", 0, "root"},
			tk{"Russia", "Russia", "PROPN", "NNP", 2, "obj"}, tk{"to", "to", "PART", "TO", 5, "mark"},
			tk{"release", "release", "VERB", "VB", 2, "xcomp"}, tk{"Germany", "Germany", "PROPN", "NNP", 5, "obj"}), "FRA RUS 025"},
		{"participial clause", sent("France arrived in Iran, accusing Syria.",
			tk{"France", "France", "PROPN", "NNP", 2, "nsubj"}, tk{"arrived", "arrive", "VERB", "VBD", 0, "root"},
			tk{"in", "in", "ADP", "IN", 4, "case"}, tk{"Iran", "Iran", "PROPN", "NNP", 2, "obl"}, tk{",", ",", "PUNCT", ",", 6, "punct"},
			tk{"accusing", "accuse", "VERB", "VBG", 2, "advcl"}, tk{"Syria", "Syria", "PROPN", "NNP", 6, "obj"}), "FRA SYR 112"},
		{"will + cooperative verb is intent", sent("Japan will visit China.",
			tk{"Japan", "Japan", "PROPN", "NNP", 3, "nsubj"}, tk{"will", "will", "AUX", "MD", 3, "aux"},
			tk{"visit", "visit", "VERB", "VB", 0, "root"}, tk{"China", "China", "PROPN", "NNP", 3, "obj"}), "JPN CHN 036"},
		{"fail to", sent("Japan failed to attack China.",
			tk{"Japan", "Japan", "PROPN", "NNP", 2, "nsubj"}, tk{"failed", "fail", "VERB", "VBD", 0, "root"},
			tk{"to", "to", "PART", "TO", 4, "mark"}, tk{"attack", "attack", "VERB", "VB", 2, "xcomp"},
			tk{"China", "China", "PROPN", "NNP", 4, "obj"}), ""},
		{"will + conflictual verb is a threat", sent("Japan will attack China.",
			tk{"Japan", "Japan", "PROPN", "NNP", 3, "nsubj"}, tk{"will", "will", "AUX", "MD", 3, "aux"},
			tk{"attack", "attack", "VERB", "VB", 0, "root"}, tk{"China", "China", "PROPN", "NNP", 3, "obj"}), "JPN CHN 138"},
		{"must under a reporting verb is a demand", sent("Israel said Syria must release France.",
			tk{"Israel", "Israel", "PROPN", "NNP", 2, "nsubj"}, tk{"said", "say", "VERB", "VBD", 0, "root"},
			tk{"Syria", "Syria", "PROPN", "NNP", 5, "nsubj"}, tk{"must", "must", "AUX", "MD", 5, "aux"},
			tk{"release", "release", "VERB", "VB", 2, "ccomp"}, tk{"France", "France", "PROPN", "NNP", 5, "obj"}), "ISR SYR 105"},
		{"conditional target", sent("Russia threatened to attack if Iran invades.",
			tk{"Russia", "Russia", "PROPN", "NNP", 2, "nsubj"}, tk{"threatened", "threaten", "VERB", "VBD", 0, "root"},
			tk{"to", "to", "PART", "TO", 4, "mark"}, tk{"attack", "attack", "VERB", "VB", 2, "xcomp"},
			tk{"if", "if", "SCONJ", "IN", 7, "mark"}, tk{"Iran", "Iran", "PROPN", "NNP", 7, "nsubj"},
			tk{"invades", "invade", "VERB", "VBZ", 4, "advcl"}), "RUS IRN 138"},
		{"clause subject as target", sent("Israel accused Syria of helping Iran.",
			tk{"Israel", "Israel", "PROPN", "NNP", 2, "nsubj"}, tk{"accused", "accuse", "VERB", "VBD", 0, "root"},
			tk{"Syria", "Syria", "PROPN", "NNP", 5, "nsubj"}, tk{"of", "of", "SCONJ", "IN", 5, "mark"},
			tk{"helping", "help", "VERB", "VBG", 2, "advcl"}, tk{"Iran", "Iran", "PROPN", "NNP", 5, "obj"}), "ISR SYR 112"},
		{"subject of a clause without that", sent("The North Korean ambassador threatened North Korea would attack.",
			tk{"The", "the", "DET", "DT", 4, "det"}, tk{"North", "North", "PROPN", "NNP", 3, "compound"},
			tk{"Korean", "Korean", "PROPN", "NNP", 4, "amod"}, tk{"ambassador", "ambassador", "NOUN", "NN", 5, "nsubj"},
			tk{"threatened", "threaten", "VERB", "VBD", 0, "root"}, tk{"North", "North", "PROPN", "NNP", 7, "compound"},
			tk{"Korea", "Korea", "PROPN", "NNP", 5, "iobj"}, tk{"would", "would", "AUX", "MD", 9, "aux"},
			tk{"attack", "attack", "VERB", "VB", 5, "ccomp"}), ""},
		{"possessor through a descriptive modifier", sent("North Korea's deputy ambassador criticized Japan.",
			tk{"North", "North", "PROPN", "NNP", 2, "compound"}, tk{"Korea", "Korea", "PROPN", "NNP", 4, "nmod:poss"},
			tk{"'s", "'s", "PART", "POS", 2, "case"}, tk{"deputy", "deputy", "NOUN", "NN", 5, "nmod:desc"},
			tk{"ambassador", "ambassador", "NOUN", "NN", 6, "nsubj"}, tk{"criticized", "criticize", "VERB", "VBD", 0, "root"},
			tk{"Japan", "Japan", "PROPN", "NNP", 6, "obj"}), "PRKGOV JPN 111"},
	}
	checkCodes(t, c, cases)
	// PETRARCH2 semantics without FutureIntent: "will visit" is a visit.
	o := DefaultOptions()
	o.FutureIntent = false
	c2, _ := New(qualitySet(t), o)
	if got := strings.Join(code(t, c2, "2015-01-15", cases[3].s), "|"); got != "CHN JPN 043|JPN CHN 042" {
		t.Errorf("without FutureIntent: got %q", got)
	}
}

// TestStoryContextMentions checks that actors mentioned without an event bind later definite
// descriptions, and that a possessive pronoun binds an agent phrase ("his government").
func TestStoryContextMentions(t *testing.T) {
	c, _ := New(qualitySet(t), DefaultOptions())
	s1 := sent("The North Korean ambassador arrived.",
		tk{"The", "the", "DET", "DT", 4, "det"}, tk{"North", "North", "PROPN", "NNP", 3, "compound"},
		tk{"Korean", "Korean", "PROPN", "NNP", 4, "amod"}, tk{"ambassador", "ambassador", "NOUN", "NN", 5, "nsubj"},
		tk{"arrived", "arrive", "VERB", "VBD", 0, "root"})
	s2 := sent("The government condemned Russia.",
		tk{"The", "the", "DET", "DT", 2, "det"}, tk{"government", "government", "NOUN", "NN", 3, "nsubj"},
		tk{"condemned", "condemn", "VERB", "VBD", 0, "root"}, tk{"Russia", "Russia", "PROPN", "NNP", 3, "obj"})
	s2.Index = 1
	s3 := sent("France said his government condemned Iran.",
		tk{"France", "France", "PROPN", "NNP", 2, "nsubj"}, tk{"said", "say", "VERB", "VBD", 0, "root"},
		tk{"his", "his", "PRON", "PRP$", 4, "nmod:poss"}, tk{"government", "government", "NOUN", "NN", 5, "nsubj"},
		tk{"condemned", "condemn", "VERB", "VBD", 2, "ccomp"}, tk{"Iran", "Iran", "PROPN", "NNP", 5, "obj"})
	s3.Index = 2
	res := c.CodeStory(&story.Story{ID: "c", Sentences: []story.Sentence{s1, s2, s3}})
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
	}
	if strings.Join(got, "|") != "PRKGOV RUS 111|FRAGOV IRN 111" {
		t.Errorf("events %q", got)
	}
}

// TestBindContext checks that a definite agent description takes the whole actor part of an
// earlier actor, international codes included.
func TestBindContext(t *testing.T) {
	gov := &dict.Agent{Code: "GOV", Form: dict.Suffix}
	for _, tc := range []struct {
		recent []ctxActor
		want   string
	}{
		{[]ctxActor{{"PRKGOV", true, false}, {"USA", false, true}}, "PRKGOV"},
		{[]ctxActor{{"IGOUNO", true, false}}, "IGOUNOGOV"},
		{[]ctxActor{{"IGOUNOGOV", false, true}, {"FRA", true, true}}, "IGOUNOGOV"},
		{[]ctxActor{{"USA", false, true}}, ""},
	} {
		sc := &storyCtx{recent: tc.recent}
		if got := sc.bindContext([]*dict.Agent{gov}); got != tc.want {
			t.Errorf("bindContext after %v = %q, want %q", tc.recent, got, tc.want)
		}
	}
}
