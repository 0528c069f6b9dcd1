package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// ud builds a sentence from compact token lines "form lemma UPOS XPOS head deprel", separated by
// "|"; the text is the forms joined by spaces.
func ud(t *testing.T, lines string) story.Sentence {
	t.Helper()
	var toks []tk
	var forms []string
	for _, l := range strings.Split(lines, "|") {
		f := strings.Fields(l)
		if len(f) != 6 {
			t.Fatalf("bad token line %q", l)
		}
		h := 0
		for _, ch := range f[4] {
			h = h*10 + int(ch-'0')
		}
		toks = append(toks, tk{f[0], f[1], f[2], f[3], h, f[5]})
		forms = append(forms, f[0])
	}
	return sent(strings.Join(forms, " "), toks...)
}

// round2Set extends qualitySet with intent and denial verbs and transformations (§5.6).
func round2Set(t *testing.T) *dict.Set {
	t.Helper()
	verbs := strings.Replace(testVerbs, "######## TRANSFORMATIONS ##########\n", `--- THREATEN [130] ---
THREATEN
--- PLAN [030] ---
PLAN
VOW
--- DENY [016] ---
DENY {DENIES DENIED DENYING}
--- TELL [010] ---
TELL {TELLS TOLD TELLING}
--- URGE [020] ---
URGE
--- RAID [190] ---
RAID
--- CALL [020] ---
CALL
--- RELEASE [084] ---
RELEASE
######## TRANSFORMATIONS ##########
~ a (a b Q) TELL = a b Q
~ a (a b ATTACK) DENY = a b 016
~ a (b . ATTACK) CRITICIZE = a b 112
`, 1)
	return setWithVerbs(t, verbs)
}

// TestPassiveSources checks that only a "by" agent is the source of a passive verb: places and
// other obliques are not (defect: "Ten people were killed in Syria" coded SYR as the attacker),
// unless PlaceSource asks for PETRARCH2's reading (§12.5).
func TestPassiveSources(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	inSyria := ud(t, "France France PROPN NNP 3 nsubj:pass|was be AUX VBD 3 aux:pass|attacked attack VERB VBN 0 root|"+
		"in in ADP IN 5 case|Syria Syria PROPN NNP 3 obl")
	cases := []codeCase{
		{"place is not the source", inSyria, ""},
		{"by agent", ud(t, "France France PROPN NNP 3 nsubj:pass|was be AUX VBD 3 aux:pass|attacked attack VERB VBN 0 root|"+
			"by by ADP IN 5 case|Germany Germany PROPN NNP 3 obl:agent|in in ADP IN 7 case|Syria Syria PROPN NNP 3 obl"), "DEU FRA 190"},
		{"agent of the oblique's event noun", ud(t, "France France PROPN NNP 3 nsubj:pass|was be AUX VBD 3 aux:pass|attacked attack VERB VBN 0 root|"+
			"in in ADP IN 6 case|a a DET DT 6 det|raid raid NOUN NN 3 obl|by by ADP IN 8 case|Germany Germany PROPN NNP 6 nmod"), "DEU FRA 190"},
		{"obl:agent with another preposition", ud(t, "France France PROPN NNP 3 nsubj:pass|was be AUX VBD 3 aux:pass|attacked attack VERB VBN 0 root|"+
			", , PUNCT , 7 punct|according accord VERB VBG 7 case|to to ADP IN 5 fixed|Germany Germany PROPN NNP 3 obl:agent"), ""},
		{"misparsed participle with a place", ud(t, "Rebels rebel NOUN NNS 0 root|attacked attack VERB VBN 1 acl|"+
			"Germany Germany PROPN NNP 2 obj|in in ADP IN 5 case|Syria Syria PROPN NNP 2 obl"), ""},
	}
	checkCodes(t, c, cases)
	o := DefaultOptions()
	o.PlaceSource = true
	c2, err := New(round2Set(t), o)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(code(t, c2, "2015-01-15", inSyria), "|"); got != "SYR FRA 190" {
		t.Errorf("PlaceSource: got %q, want SYR FRA 190", got)
	}
}

// TestGoverningIntentAndDenial checks the intent + conflict combination (§5.7: intend 0x3000 +
// fight 0x00A0 = 0x30A0 → 138) and that a denied act is a denial (016), not the act.
func TestGoverningIntentAndDenial(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []codeCase{
		{"intent to attack is a threat", ud(t, "Israel Israel PROPN NNP 2 nsubj|vowed vow VERB VBD 0 root|to to PART TO 4 mark|"+
			"attack attack VERB VB 2 xcomp|Syria Syria PROPN NNP 4 obj"), "ISR SYR 138"},
		{"intent to visit stays intent", ud(t, "Israel Israel PROPN NNP 2 nsubj|vowed vow VERB VBD 0 root|to to PART TO 4 mark|"+
			"visit visit VERB VB 2 xcomp|Syria Syria PROPN NNP 4 obj"), "ISR SYR 036"},
		{"denied attacking: transformation", ud(t, "Iran Iran PROPN NNP 2 nsubj|denied deny VERB VBD 0 root|"+
			"attacking attack VERB VBG 2 xcomp|Syria Syria PROPN NNP 3 obj"), "IRN SYR 016"},
		{"denied that it attacked", ud(t, "Iran Iran PROPN NNP 2 nsubj|denied deny VERB VBD 0 root|that that SCONJ IN 5 mark|"+
			"it it PRON PRP 5 nsubj|attacked attack VERB VBD 2 ccomp|Syria Syria PROPN NNP 5 obj"), "IRN SYR 016"},
		{"denied visiting: no visit", ud(t, "Iran Iran PROPN NNP 2 nsubj|denied deny VERB VBD 0 root|"+
			"visiting visit VERB VBG 2 xcomp|Syria Syria PROPN NNP 3 obj"), "IRN SYR 016"},
		{"told: the loose rule still applies", ud(t, "Iran Iran PROPN NNP 2 nsubj|told tell VERB VBD 0 root|"+
			"attacking attack VERB VBG 2 xcomp|Syria Syria PROPN NNP 3 obj"), "IRN SYR 190"},
	}
	checkCodes(t, c, cases)
	ic := CAMEOInternalCodes()
	for _, tc := range [][3]string{{"030", "190", "138"}, {"030", "200", "1385"}, {"030", "150", "030"}, {"030", "042", "036"}} {
		if got, _ := ic.Govern(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Govern(%s, %s) = %s, want %s", tc[0], tc[1], got, tc[2])
		}
	}
}

// TestOneAStoryWithoutIDs checks that an event repeated in a story of plain text (sentences
// without PETRARCH ids) keeps every sentence as STORYID_N, N 1-based, and sums issue counts
// (§12.10).
func TestOneAStoryWithoutIDs(t *testing.T) {
	set := testSet(t)
	is, _, err := dict.ReadIssues(strings.NewReader(testIssues), "test.issues")
	if err != nil {
		t.Fatal(err)
	}
	set.Issues = is
	c, err := New(set, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	mk := func(idx int) story.Sentence {
		s := ud(t, "Germany Germany PROPN NNP 2 nsubj|invaded invade VERB VBD 0 root|France France PROPN NNP 2 obj|"+
			"after after ADP IN 6 case|peace peace NOUN NN 6 compound|talks talk NOUN NNS 2 obl")
		s.Index = idx
		return s
	}
	other := ud(t, "Japan Japan PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|China China PROPN NNP 2 obj")
	other.Index = 1
	res := c.CodeStory(&story.Story{ID: "cb-x", Sentences: []story.Sentence{mk(0), other, mk(2)}})
	var got []string
	for _, e := range res.Events {
		is := ""
		for _, x := range e.Issues {
			is += x.Code + "," + strings.Repeat("I", x.Count)
		}
		got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code+" "+strings.Join(e.SentenceIDs, ";")+" "+is)
	}
	want := "DEU FRA 190 cb-x_1;cb-x_3 PEACE_TALKS,II|JPN CHN 111 cb-x_2 "
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestPossessiveNames checks that a name containing "'s" (or a typographic ’s) matches when the
// parser reads its first part as a possessor of the head ("the Democratic People’s Republic of
// Korea" → PRK, not KOR from "Republic of Korea").
func TestPossessiveNames(t *testing.T) {
	set := round2Set(t)
	a, _, err := dict.ReadActors(strings.NewReader(testActors+"REPUBLIC_OF_KOREA [KOR]\nDEMOCRATIC_PEOPLE_'S_REPUBLIC_OF_KOREA [PRK]\n"), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	set.Actors = a
	c, err := New(set, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, apo := range []string{"'s", "’s"} {
		s := ud(t, "France France PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|the the DET DT 7 det|"+
			"Democratic democratic ADJ JJ 5 amod|People People PROPN NNP 7 nmod:poss|"+apo+" 's PART POS 5 case|"+
			"Republic Republic PROPN NNP 2 obj|of of ADP IN 9 case|Korea Korea PROPN NNP 7 nmod")
		if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "FRA PRK 111" {
			t.Errorf("%s: got %q, want FRA PRK 111", apo, got)
		}
	}
}

// TestOneActorPerPhrase checks that a noun phrase without an actor of its own takes the actor
// of its first modifier that names one, not of every modifier ("shared evidence with the U.S.
// about contacts between al Qaeda and Iraq" codes one target, the U.S.).
func TestOneActorPerPhrase(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := ud(t, "France France PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|the the DET DT 4 det|report report NOUN NN 2 obj|"+
		"of of ADP IN 6 case|Germany Germany PROPN NNP 4 nmod|about about ADP IN 8 case|Russia Russia PROPN NNP 4 nmod|"+
		"and and CCONJ CC 10 cc|China China PROPN NNP 8 conj")
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "FRA DEU 111" {
		t.Errorf("got %q, want FRA DEU 111", got)
	}
	// Conjuncts of the one modifier still fan out.
	s = ud(t, "France France PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|the the DET DT 4 det|report report NOUN NN 2 obj|"+
		"of of ADP IN 6 case|Germany Germany PROPN NNP 4 nmod|and and CCONJ CC 8 cc|Russia Russia PROPN NNP 6 conj")
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "FRA DEU 111|FRA RUS 111" {
		t.Errorf("got %q, want FRA DEU 111|FRA RUS 111", got)
	}
}

// TestRelativeClauseUnderReportedEvent checks that a relative clause on an argument of a reported
// event codes nothing on top of it ("said they will release X, whom they had taken hostage").
func TestRelativeClauseUnderReportedEvent(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := ud(t, "Germany Germany PROPN NNP 2 nsubj|said say VERB VBD 0 root|it it PRON PRP 4 nsubj|attacked attack VERB VBD 2 ccomp|"+
		"France France PROPN NNP 4 obj|, , PUNCT , 8 punct|which which PRON WDT 8 nsubj|invaded invade VERB VBD 5 acl:relcl|"+
		"Russia Russia PROPN NNP 8 obj")
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "DEU FRA 190" {
		t.Errorf("got %q, want DEU FRA 190", got)
	}
}

// TestObliqueControl checks that the addressee of "call on" controls the infinitive: "France
// called on Russia to release Germany" is an appeal to Russia (025), not to Germany.
func TestObliqueControl(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := ud(t, "France France PROPN NNP 2 nsubj|called call VERB VBD 0 root|on on ADP IN 4 case|Russia Russia PROPN NNP 2 obl|"+
		"to to PART TO 6 mark|release release VERB VB 2 xcomp|Germany Germany PROPN NNP 6 obj")
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "FRA RUS 025" {
		t.Errorf("got %q, want FRA RUS 025", got)
	}
}

// TestTransformationVariables checks that distinct variables of a transformation bind distinct
// actors (§5.6): "~ a (b . ATTACK) CRITICIZE = a b 112" does not make Germany accuse itself of its
// own attack.
func TestTransformationVariables(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	self := ud(t, "Germany Germany PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|that that SCONJ IN 5 mark|"+
		"it it PRON PRP 5 nsubj|attacked attack VERB VBD 2 ccomp|France France PROPN NNP 5 obj")
	if got := strings.Join(code(t, c, "2015-01-15", self), "|"); strings.Contains(got, "DEU DEU") || got == "" {
		t.Errorf("got %q, want no DEU DEU event", got)
	}
	other := ud(t, "Germany Germany PROPN NNP 2 nsubj|criticized criticize VERB VBD 0 root|that that SCONJ IN 5 mark|"+
		"Russia Russia PROPN NNP 5 nsubj|attacked attack VERB VBD 2 ccomp|France France PROPN NNP 5 obj")
	if got := strings.Join(code(t, c, "2015-01-15", other), "|"); got != "DEU RUS 112" {
		t.Errorf("got %q, want DEU RUS 112", got)
	}
}

// TestCompoundOwnSideTopic checks that several sources of a cooperative act whose only target
// names one source's own organs act toward each other (§12.8): "Israel and Lebanon renewed
// negotiations on an Israeli troop pullback" is Israel ↔ Lebanon.
func TestCompoundOwnSideTopic(t *testing.T) {
	c, err := New(round2Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := ud(t, "Germany Germany PROPN NNP 4 nsubj|and and CCONJ CC 3 cc|France France PROPN NNP 1 conj|met meet VERB VBD 0 root|"+
		"about about ADP IN 7 case|the the DET DT 7 det|government government NOUN NN 4 obl|of of ADP IN 9 case|Germany Germany PROPN NNP 7 nmod")
	if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != "DEU FRA 040|FRA DEU 040" {
		t.Errorf("got %q, want DEU FRA 040|FRA DEU 040", got)
	}
}

// TestMutualFight checks that coordinated subjects of a fighting verb without a target fight each
// other, and that an attack without a target codes nothing.
func TestMutualFight(t *testing.T) {
	set := round2Set(t)
	v, _, err := dict.ReadVerbs(strings.NewReader(testSynsets+strings.Replace(testVerbs, "INVADE\n", "INVADE\nBATTLE\n", 1)), "test.verbs")
	if err != nil {
		t.Fatal(err)
	}
	set.Verbs = v
	c, err := New(set, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for verb, want := range map[string]string{"battled": "DEU FRA 190|FRA DEU 190", "attacked": ""} {
		s := ud(t, "Germany Germany PROPN NNP 4 nsubj|and and CCONJ CC 3 cc|France France PROPN NNP 1 conj|"+verb+" "+strings.TrimSuffix(strings.TrimSuffix(verb, "d"), "e")+" VERB VBD 0 root")
		if got := strings.Join(code(t, c, "2015-01-15", s), "|"); got != want {
			t.Errorf("%s: got %q, want %q", verb, got, want)
		}
	}
}
