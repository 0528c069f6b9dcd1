package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// round4Set is the test dictionary set with the verbs of the round 4 rules: AGREE (030), MEDIATE
// (045) and HALT (165).
func round4Set(t *testing.T) *dict.Set {
	t.Helper()
	verbs := strings.Replace(testVerbs, "######## TRANSFORMATIONS ##########\n", `--- AGREE [030] ---
AGREE
--- MEDIATE [045] ---
MEDIATE
--- HALT [165] ---
HALT
######## TRANSFORMATIONS ##########
`, 1)
	return setWithVerbs(t, verbs)
}

// TestAgreeThat checks that agreeing to a proposition ("agreed that there was a need") is an
// expression of accord (CAMEO 1.1b3 019), while agreeing to an act stays intent (030).
func TestAgreeThat(t *testing.T) {
	c, err := New(round4Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		line string
		want string
	}{
		{"agreed that, no verb in the clause", "Germany Germany PROPN NNP 2 nsubj|agreed agree VERB VBD 0 root|" +
			"there there PRON EX 4 expl|was be VERB VBD 2 ccomp|need need NOUN NN 4 nsubj|" +
			"with with ADP IN 7 case|Syria Syria PROPN NNP 5 nmod", "DEU SYR 019"},
		{"agreed with an object", "Germany Germany PROPN NNP 2 nsubj|agreed agree VERB VBD 0 root|" +
			"with with ADP IN 4 case|Syria Syria PROPN NNP 2 obl", "DEU SYR 030"},
		{"agreed to meet", "Germany Germany PROPN NNP 2 nsubj|agreed agree VERB VBD 0 root|" +
			"to to PART TO 4 mark|meet meet VERB VB 2 xcomp|Syria Syria PROPN NNP 4 obj", "DEU SYR 036"},
	}
	for _, tc := range cases {
		if got := strings.Join(code(t, c, "2015-01-15", ud(t, tc.line)), "|"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFuturePurposeAndMay checks that a purpose clause of an act announced for the future is
// announced with it ("will travel to mediate with Israel" → intent to mediate, 039), that "may" announces
// an act (a threat: "may halt mediation" → 13x), and that "may have" (a guess about the past) and a
// purpose clause of a past act do not.
func TestFuturePurposeAndMay(t *testing.T) {
	c, err := New(round4Set(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		line string
		want string
	}{
		{"will travel to mediate", "Germany Germany PROPN NNP 3 nsubj|will will AUX MD 3 aux|travel travel VERB VB 0 root|" +
			"to to PART TO 5 mark|mediate mediate VERB VB 3 advcl|" +
			"with with ADP IN 7 case|Israel Israel PROPN NNP 5 obl", "DEU ISR 039"},
		{"travelled to mediate", "Germany Germany PROPN NNP 2 nsubj|travelled travel VERB VBD 0 root|" +
			"to to PART TO 4 mark|mediate mediate VERB VB 2 advcl|" +
			"with with ADP IN 6 case|Israel Israel PROPN NNP 4 obl", "DEU ISR 045"},
		{"may halt", "Germany Germany PROPN NNP 3 nsubj|may may AUX MD 3 aux|halt halt VERB VB 0 root|" +
			"aid aid NOUN NN 3 obj|to to ADP IN 6 case|Syria Syria PROPN NNP 3 obl", "DEU SYR 131"},
		{"may have halted", "Germany Germany PROPN NNP 4 nsubj|may may AUX MD 4 aux|have have AUX VB 4 aux|" +
			"halted halt VERB VBN 0 root|aid aid NOUN NN 4 obj|to to ADP IN 7 case|Syria Syria PROPN NNP 4 obl", "DEU SYR 165"},
	}
	for _, tc := range cases {
		if got := strings.Join(code(t, c, "2015-01-15", ud(t, tc.line)), "|"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
