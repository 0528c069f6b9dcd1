package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// locationSet is the test dictionary set with place names as actors and the verbs of the
// location rules (location.go).
func locationSet(t *testing.T) *dict.Set {
	t.Helper()
	verbs := strings.Replace(testVerbs, "######## TRANSFORMATIONS ##########\n", `--- NEGOTIATE [046] ---
NEGOTIATE
--- ARRIVE [042:043] ---
ARRIVE
--- CLAIM [112] ---
CLAIM
--- KILL [190] ---
KILL
--- SUSPEND [160] ---
SUSPEND
END
--- IMPOSE [---] ---
IMPOSE
- * CURFEW [1723]
######## TRANSFORMATIONS ##########
`, 1)
	set := setWithVerbs(t, verbs)
	a, _, err := dict.ReadActors(strings.NewReader(testActors+"UKRAINE [UKR]\nTURKEY [TUR]\nISTANBUL [TUR]\n"+
		"ALEPPO [SYR]\nDEIR_EZ_ZOR [SYR]\nBUSAN [KOR]\nSRINAGAR [IND]\nRAQQA [SYR]\nQAMISHLI [SYR]\n"), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	set.Actors = a
	ag, _, err := dict.ReadAgents(strings.NewReader(testAgents+"REBEL [~REB]\n+REBELS\n"), "test.agents")
	if err != nil {
		t.Fatal(err)
	}
	set.Agents = ag
	return set
}

// TestLocationsNotTargets checks that places named only as locations are not targets
// (location.go): the venue of a meeting ("held talks in Istanbul": the coordinated parties meet
// each other, §12.8), "near X", "south of X", "in the town of X" and "ended up in X"; and that
// places that are parties stay: an agent's country ("rebels near Aleppo"), the host of a visit
// ("arrived in Turkey"), the target of a protest or curfew (CAMEO 1.1b3 14, 17), an attack's
// object ("attacked the town of Qamishli").
func TestLocationsNotTargets(t *testing.T) {
	c, err := New(locationSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		line string
		want string
	}{
		{"negotiated in Istanbul: venue", "Russia Russia PROPN NNP 4 nsubj|and and CCONJ CC 3 cc|Ukraine Ukraine PROPN NNP 1 conj|" +
			"negotiated negotiate VERB VBD 0 root|in in ADP IN 6 case|Istanbul Istanbul PROPN NNP 4 obl",
			"RUS UKR 046|UKR RUS 046"},
		{"met at Istanbul: venue", "Russia Russia PROPN NNP 4 nsubj|and and CCONJ CC 3 cc|Ukraine Ukraine PROPN NNP 1 conj|" +
			"met meet VERB VBD 0 root|at at ADP IN 6 case|Istanbul Istanbul PROPN NNP 4 obl",
			"RUS UKR 040|UKR RUS 040"},
		{"negotiated with Turkey in Istanbul", "Russia Russia PROPN NNP 2 nsubj|negotiated negotiate VERB VBD 0 root|" +
			"with with ADP IN 4 case|Turkey Turkey PROPN NNP 2 obl|in in ADP IN 6 case|Istanbul Istanbul PROPN NNP 2 obl",
			"RUS TUR 046"},
		{"arrived in Turkey: the visit's host", "Obama Obama PROPN NNP 2 nsubj|arrived arrive VERB VBD 0 root|" +
			"in in ADP IN 4 case|Turkey Turkey PROPN NNP 2 obl",
			"TUR USAGOV 043|USAGOV TUR 042"},
		{"arrived in the port of Busan", "Obama Obama PROPN NNP 2 nsubj|arrived arrive VERB VBD 0 root|" +
			"in in ADP IN 5 case|the the DET DT 5 det|port port NOUN NN 2 obl|of of ADP IN 7 case|Busan Busan PROPN NNP 5 nmod",
			""},
		{"killed in an airstrike near Deir ez-Zor", "Iran Iran PROPN NNP 2 nsubj|claimed claim VERB VBD 0 root|" +
			"he he PRON PRP 6 nsubj:pass|had have AUX VBD 6 aux|been be AUX VBN 6 aux:pass|killed kill VERB VBN 2 ccomp|" +
			"in in ADP IN 9 case|an a DET DT 9 det|airstrike airstrike NOUN NN 6 obl|" +
			"near near ADP IN 11 case|Deir_ez_Zor Deir_ez_Zor PROPN NNP 9 nmod",
			""},
		{"killed in an airstrike on Aleppo: not a location", "Iran Iran PROPN NNP 2 nsubj|claimed claim VERB VBD 0 root|" +
			"he he PRON PRP 6 nsubj:pass|had have AUX VBD 6 aux|been be AUX VBN 6 aux:pass|killed kill VERB VBN 2 ccomp|" +
			"in in ADP IN 9 case|an a DET DT 9 det|airstrike airstrike NOUN NN 6 obl|" +
			"on on ADP IN 11 case|Aleppo Aleppo PROPN NNP 9 nmod",
			"IRN SYR 112"},
		{"attacked rebels near Aleppo", "Syria Syria PROPN NNP 2 nsubj|attacked attack VERB VBD 0 root|" +
			"rebels rebel NOUN NNS 2 obj|near near ADP IN 5 case|Aleppo Aleppo PROPN NNP 3 nmod",
			"SYR SYRREB 190"},
		{"attacked near Aleppo", "Russia Russia PROPN NNP 2 nsubj|attacked attack VERB VBD 0 root|" +
			"near near ADP IN 4 case|Aleppo Aleppo PROPN NNP 2 obl",
			""},
		{"attacked the town of Qamishli", "Russia Russia PROPN NNP 2 nsubj|attacked attack VERB VBD 0 root|" +
			"the the DET DT 4 det|town town NOUN NN 2 obj|of of ADP IN 6 case|Qamishli Qamishli PROPN NNP 4 nmod",
			"RUS SYR 190"},
		{"killed in the town of Qamishli", "Russia Russia PROPN NNP 2 nsubj|killed kill VERB VBD 0 root|" +
			"fighters fighter NOUN NNS 2 obj|in in ADP IN 6 case|the the DET DT 6 det|town town NOUN NN 2 obl|" +
			"of of ADP IN 8 case|Qamishli Qamishli PROPN NNP 6 nmod",
			""},
		{"suspended service south of Srinagar", "Russia Russia PROPN NNP 2 nsubj|suspended suspend VERB VBD 0 root|" +
			"service service NOUN NN 2 obj|south south ADV RB 6 advmod|of of ADP IN 6 case|Srinagar Srinagar PROPN NNP 2 obl",
			""},
		{"ended up in Raqqa", "Russia Russia PROPN NNP 2 nsubj|ended end VERB VBD 0 root|up up ADP RP 2 compound:prt|" +
			"in in ADP IN 5 case|Raqqa Raqqa PROPN NNP 2 obl",
			""},
		{"imposed a curfew in the town of Qamishli: kept (CAMEO 17)", "Russia Russia PROPN NNP 2 nsubj|imposed impose VERB VBD 0 root|" +
			"a a DET DT 4 det|curfew curfew NOUN NN 2 obj|in in ADP IN 7 case|the the DET DT 7 det|town town NOUN NN 2 obl|" +
			"of of ADP IN 9 case|Qamishli Qamishli PROPN NNP 7 nmod",
			"RUS SYR 1723"},
	}
	for _, tc := range cases {
		if got := strings.Join(code(t, c, "2015-01-15", ud(t, tc.line)), "|"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
