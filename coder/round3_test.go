package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// TestFallbackRoles checks that a coded active verb whose object relation the parser got wrong
// still finds its target as the nearest actor right of the verb in its own clause ("The European
// Community gave the Ivory Coast 5.1 million dollars", "Ivory Coast" read as the subject of
// "million"), and that the fallback takes no actor from a verbal conjunct, an agent
// without an actor, or a passive verb's places.
func TestFallbackRoles(t *testing.T) {
	opts := DefaultOptions()
	opts.InheritAgents = false
	c, err := New(round2Set(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	cases := []codeCase{
		{"target misparsed as the subject of a number", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"Syria Syria PROPN NNP 5 nsubj|two two NUM CD 5 nummod|villages village NOUN NNS 2 obj"), "DEU SYR 190"},
		{"target on a nominal conjunct of the verb", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"camps camp NOUN NNS 2 obj|and and CCONJ CC 5 cc|depots depot NOUN NNS 2 conj|in in ADP IN 7 case|Syria Syria PROPN NNP 5 nmod"), "DEU SYR 190"},
		{"no target from a nominal conjunct with a subject", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"camps camp NOUN NNS 2 obj|, , PUNCT , 7 punct|Syria Syria PROPN NNP 6 compound|officials official NOUN NNS 7 nsubj|Saturday Saturday PROPN NNP 2 conj"), ""},
		{"target below a bare participle read as the complement", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"suspected suspect VERB VBN 2 xcomp|camps camp NOUN NNS 3 obj|in in ADP IN 6 case|Syria Syria PROPN NNP 3 obl"), "DEU SYR 190"},
		{"no target from a verbal conjunct", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"camps camp NOUN NNS 2 obj|and and CCONJ CC 5 cc|left leave VERB VBD 2 conj|Syria Syria PROPN NNP 5 obj"), ""},
		{"no agent-only target", ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
			"government government NOUN NN 5 nsubj|two two NUM CD 5 nummod|villages village NOUN NNS 2 obj"), ""},
		{"passive verb unchanged", ud(t, "Camps camp NOUN NNS 3 nsubj:pass|were be AUX VBD 3 aux:pass|raided raid VERB VBN 0 root|"+
			"Syria Syria PROPN NNP 6 nsubj|two two NUM CD 6 nummod|times time NOUN NNS 3 obl:npmod"), ""},
	}
	checkCodes(t, c, cases)
	o := opts
	o.FallbackRoles = false
	c2, err := New(round2Set(t), o)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(code(t, c2, "2015-01-15", cases[0].s), "|"); got != "" {
		t.Errorf("FallbackRoles off: got %q, want none", got)
	}
}

// TestInheritAgents checks that a target that is an agent without an actor, found by the
// fallback or by the object relation, is the source's compatriot ("Opposition groups in Zimbabwe
// are demanding that President ... abandon" → ZWEOPP ZWEGOV), and only with InheritAgents.
func TestInheritAgents(t *testing.T) {
	set := round2Set(t)
	ag, _, err := dict.ReadAgents(strings.NewReader(testAgents+"REBEL [~REB]\n"), "test.agents")
	if err != nil {
		t.Fatal(err)
	}
	set.Agents = ag
	s := ud(t, "Germany Germany PROPN NNP 2 compound|rebels rebel NOUN NNS 3 nsubj|raided raid VERB VBD 0 root|"+
		"government government NOUN NN 6 nsubj|two two NUM CD 6 nummod|villages village NOUN NNS 3 obj")
	c, err := New(set, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "DEUREB DEUGOV 190" {
		t.Errorf("got %q, want DEUREB DEUGOV 190", got)
	}
	o := DefaultOptions()
	o.InheritAgents = false
	c2, err := New(set, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(code(t, c2, "2015-01-15", s), "|"); got != "" {
		t.Errorf("InheritAgents off: got %q, want none", got)
	}
	// A target that is an agent without an actor, found through the object relation.
	obj := ud(t, "Germany Germany PROPN NNP 2 compound|rebels rebel NOUN NNS 3 nsubj|released release VERB VBD 0 root|"+
		"government government NOUN NN 3 obj")
	if got := strings.Join(code(t, c, "2015-01-15", obj), "|"); got != "DEUREB DEUGOV 084" {
		t.Errorf("object: got %q, want DEUREB DEUGOV 084", got)
	}
	if got := strings.Join(code(t, c2, "2015-01-15", obj), "|"); got != "DEUREB ---GOV 084" {
		t.Errorf("object, InheritAgents off: got %q, want DEUREB ---GOV 084", got)
	}
	// Only a country is inherited: "the United Nations released government ..." stays IGOUNO ---GOV.
	acts, _, err := dict.ReadActors(strings.NewReader(testActors+"UNITED_NATIONS [IGOUNO]\n"), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	set2 := *set
	set2.Actors = acts
	c3, err := New(&set2, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	igo := ud(t, "United United PROPN NNP 2 compound|Nations Nations PROPN NNP 3 nsubj|released release VERB VBD 0 root|government government NOUN NN 3 obj")
	if got := strings.Join(code(t, c3, "2015-01-15", igo), "|"); got != "IGOUNO ---GOV 084" {
		t.Errorf("international source: got %q, want IGOUNO ---GOV 084", got)
	}
	// The source's own state is not its target ("Germany raided government ...": no DEU DEUGOV).
	own := ud(t, "Germany Germany PROPN NNP 2 nsubj|raided raid VERB VBD 0 root|"+
		"government government NOUN NN 5 nsubj|two two NUM CD 5 nummod|villages village NOUN NNS 2 obj")
	if got := strings.Join(code(t, c, "2015-01-15", own), "|"); got != "" {
		t.Errorf("own state: got %q, want none", got)
	}
}

// TestRepairReported checks the repair of a reported clause whose verb the parser read as an
// adjective on the object, with subject, object and reporter all subjects of the reporting verb
// ("Irish guerrillas wounded two British soldiers, police said"), and that without a reporter
// nothing changes ("Ukraine and Russia-backed rebels failed ...").
func TestRepairReported(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	rep := ud(t, "Germany Germany PROPN NNP 6 nsubj|raided raided ADJ JJ 3 amod|Syria Syria PROPN NNP 6 nsubj|"+
		", , PUNCT , 6 punct|officials official NOUN NNS 6 nsubj|said say VERB VBD 0 root")
	if got := strings.Join(code(t, c, "2015-01-15", rep), "|"); got != "DEU SYR 190" {
		t.Errorf("reported: got %q, want DEU SYR 190", got)
	}
	aux := ud(t, "Germany Germany PROPN NNP 7 nsubj|has have AUX VBZ 3 aux|raided raided VERB VBN 4 amod|Syria Syria PROPN NNP 7 nsubj|"+
		", , PUNCT , 7 punct|officials official NOUN NNS 7 nsubj|said say VERB VBD 0 root")
	if got := strings.Join(code(t, c, "2015-01-15", aux), "|"); got != "DEU SYR 190" {
		t.Errorf("reported with an auxiliary: got %q, want DEU SYR 190", got)
	}
	noRep := ud(t, "Germany Germany PROPN NNP 4 nsubj|raided raided ADJ JJ 3 amod|Syria Syria PROPN NNP 4 nsubj|"+
		"said say VERB VBD 0 root")
	if got := strings.Join(code(t, c, "2015-01-15", noRep), "|"); got != "" {
		t.Errorf("no reporter: got %q, want none", got)
	}
	// The sentence's own tokens are not changed.
	if rep.Tokens[1].UPOS != "ADJ" || rep.Tokens[1].Deprel != "amod" {
		t.Errorf("token changed: %+v", rep.Tokens[1])
	}
}

// TestRepairNominalRoot checks that a noun root whose first verb dependent after it is a past
// tense becomes that verb's subject ("Doctors from two American aid groups donated ... goods to
// Baghdad University" with "donated" as a conj of "Doctors"), and that a bare participle stays a
// reduced relative (a bare VBN with a place: no event).
func TestRepairNominalRoot(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	conj := ud(t, "Germany Germany PROPN NNP 0 root|raided raid VERB VBD 1 conj|Syria Syria PROPN NNP 2 obj")
	if got := strings.Join(code(t, c, "2015-01-15", conj), "|"); got != "DEU SYR 190" {
		t.Errorf("conj: got %q, want DEU SYR 190", got)
	}
	part := ud(t, "Germany Germany PROPN NNP 0 root|raided raid VERB VBN 1 conj|in in ADP IN 4 case|Syria Syria PROPN NNP 2 obl")
	if got := strings.Join(code(t, c, "2015-01-15", part), "|"); got != "" {
		t.Errorf("participle: got %q, want none", got)
	}
}

// TestOwnOrgan checks the guard against inheriting a source's own organ as its target
// ("RUSGOVMIL" acting on "---MIL" is not RUSGOVMIL → RUSMIL).
func TestOwnOrgan(t *testing.T) {
	src := []actor{{code: "RUSGOVMIL"}}
	cases := []struct {
		code string
		want bool
	}{{"RUSMIL", true}, {"RUSGOV", true}, {"RUS", true}, {"RUSREB", false}, {"UKRMIL", false}}
	for _, tc := range cases {
		if got := ownOrgan([]actor{{code: tc.code}}, src); got != tc.want {
			t.Errorf("ownOrgan(%s, RUSGOVMIL) = %v, want %v", tc.code, got, tc.want)
		}
	}
	if got := countries([]actor{{code: "ZWEOPP"}, {code: "IGOUNO"}, {code: "MEA"}}); len(got) != 1 || got[0].code != "ZWE" {
		t.Errorf("countries: got %+v, want ZWE only", got)
	}
}

// TestTreeBlocksSmall checks that a tree's first actor and int blocks are small and grow by
// doubling: a story keeps every sentence's tree while it is coded, so a 30,000-sentence story
// held 64 actors and 256 ints per sentence (about 5.6 kB, 170 MB) even when its sentences code
// nothing.
func TestTreeBlocksSmall(t *testing.T) {
	var tr tree
	tr.keepActors([]actor{{code: "DEU"}})
	tr.keep([]int{1})
	if c := cap(tr.actors); c != minActorBlock {
		t.Errorf("first actor block: cap %d, want %d", c, minActorBlock)
	}
	if c := cap(tr.arena); c != minArenaBlock {
		t.Errorf("first int block: cap %d, want %d", c, minArenaBlock)
	}
	first := tr.keepActors([]actor{{code: "FRA"}})
	for i := 0; i < minActorBlock; i++ {
		tr.keepActors([]actor{{code: "RUS"}})
	}
	if c := cap(tr.actors); c != 2*minActorBlock {
		t.Errorf("second actor block: cap %d, want %d", c, 2*minActorBlock)
	}
	if first[0].code != "FRA" {
		t.Errorf("a kept slice changed: %q", first[0].code)
	}
	for i := 0; i < 40; i++ {
		tr.keep(make([]int, 30))
	}
	if c := cap(tr.arena); c > maxArenaBlock {
		t.Errorf("int block: cap %d, above %d", c, maxArenaBlock)
	}
}

// TestHyphenatedApposition checks that the second half of a hyphenated word the tokenizer split
// and the parser read as an apposition ("UN Secretary - General", "General" → ---MIL) is not a
// second actor, while a real apposition still is.
func TestHyphenatedApposition(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	hy := ud(t, "France France PROPN NNP 4 nsubj|- - PUNCT HYPH 1 punct|Germany Germany PROPN NNP 1 appos|"+
		"raided raid VERB VBD 0 root|Syria Syria PROPN NNP 4 obj")
	if got := strings.Join(code(t, c, "2015-01-15", hy), "|"); got != "FRA SYR 190" {
		t.Errorf("hyphen: got %q, want FRA SYR 190", got)
	}
	ap := ud(t, "France France PROPN NNP 4 nsubj|, , PUNCT , 1 punct|Germany Germany PROPN NNP 1 appos|"+
		"raided raid VERB VBD 0 root|Syria Syria PROPN NNP 4 obj")
	if got := strings.Join(code(t, c, "2015-01-15", ap), "|"); got != "DEU SYR 190|FRA SYR 190" {
		t.Errorf("apposition: got %q, want DEU SYR 190|FRA SYR 190", got)
	}
}

// TestLinearSource checks the source read from the words before the verb when the parser broke
// the subject apart ("East German Foreign Minister ... will visit Albania" with "East" and
// "German" as two dependents of "visit"), with the agent words after the actor, and that a run
// ending in a prepositional phrase names no source, nor does the tree fallback take the phrase
// ("Soldiers in Syria raided Germany").
func TestLinearSource(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	broken := ud(t, "North North PROPN NNP 5 nsubj|Korean Korean ADJ JJ 5 advcl|foreign foreign ADJ JJ 4 amod|"+
		"ambassador ambassador NOUN NN 5 nsubj|raided raid VERB VBD 0 root|Syria Syria PROPN NNP 5 obj")
	if got := strings.Join(code(t, c, "2015-01-15", broken), "|"); got != "PRKGOV SYR 190" {
		t.Errorf("broken subject: got %q, want PRKGOV SYR 190", got)
	}
	pp := ud(t, "Soldiers soldier NOUN NNS 4 nsubj|in in ADP IN 3 case|Syria Syria PROPN NNP 4 obl|raided raid VERB VBD 0 root|"+
		"Germany Germany PROPN NNP 4 obj")
	if got := strings.Join(code(t, c, "2015-01-15", pp), "|"); got != "" {
		t.Errorf("prepositional phrase: got %q, want none", got)
	}
}
