package dict

import "testing"

func TestVerbForms(t *testing.T) {
	for _, tc := range []struct{ base, third, past, gerund string }{
		{"ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"},
		{"ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"},
		{"ARGUE", "ARGUES", "ARGUED", "ARGUING"},
		{"SUE", "SUES", "SUED", "SUING"},
		{"SEE", "SEES", "SEED", "SEEING"},
		{"DENY", "DENIES", "DENIED", "DENYING"},
		{"PLAY", "PLAYS", "PLAYED", "PLAYING"},
		{"TIE", "TIES", "TIED", "TYING"},
		{"PUSH", "PUSHES", "PUSHED", "PUSHING"},
	} {
		third, past, gerund := verbForms(tc.base)
		if third != tc.third || past != tc.past || gerund != tc.gerund {
			t.Errorf("verbForms(%s) = %s %s %s, want %s %s %s", tc.base, third, past, gerund, tc.third, tc.past, tc.gerund)
		}
	}
}
