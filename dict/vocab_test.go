package dict

import (
	"strings"
	"testing"
)

// TestSharedVocabMatchesWords checks that Load makes the phrase dictionaries share one vocabulary
// and that matching by word ids gives what matching by words gives, at every start position.
func TestSharedVocabMatchesWords(t *testing.T) {
	s := phoenix(t)
	v := s.SharedVocab()
	if v == nil {
		t.Fatal("Load gave no shared vocabulary")
	}
	if v.Len() < 10000 {
		t.Errorf("shared vocabulary has %d words, want the actor, agent, discard and issue words (> 10000)", v.Len())
	}
	if v.ID("UNITED") < 0 || v.ID("NO SUCH WORD") != -1 {
		t.Errorf("ID(UNITED) = %d, ID(NO SUCH WORD) = %d", v.ID("UNITED"), v.ID("NO SUCH WORD"))
	}
	sentences := []string{
		"THE UNITED STATES AND THE UNITED NATIONS CONDEMNED THE ATTACK BY REBELS IN IRAQ",
		"POLICE SAID PROTESTERS CLASHED WITH SECURITY FORCES NEAR THE PRESIDENTIAL PALACE",
		"PRIME MINISTER OF ISRAEL MET THE FOREIGN MINISTER OF EGYPT TO DISCUSS TERRORISM AND ELECTIONS",
		"THE SOCCER MATCH ENDED IN A DRAW",
	}
	actors, agents, issues := 0, 0, 0
	for _, text := range sentences {
		words := strings.Fields(text)
		ids := v.AppendIDs(nil, words)
		for p := range words {
			n1, a1 := s.Actors.Match(words[p:])
			n2, a2 := s.Actors.MatchIDs(ids[p:])
			if n1 != n2 || a1 != a2 {
				t.Errorf("%q at %d: actor Match %d %p, MatchIDs %d %p", text, p, n1, a1, n2, a2)
			}
			if a1 != nil {
				actors++
			}
			m1, g1 := s.Agents.Match(words[p:])
			m2, g2 := s.Agents.MatchIDs(ids[p:])
			if m1 != m2 || g1 != g2 {
				t.Errorf("%q at %d: agent Match %d %p, MatchIDs %d %p", text, p, m1, g1, m2, g2)
			}
			if g1 != nil {
				agents++
			}
			k1, i1 := s.Issues.Match(words[p:])
			k2, i2 := s.Issues.MatchIDs(ids[p:])
			if k1 != k2 || i1 != i2 {
				t.Errorf("%q at %d: issue Match %d %p, MatchIDs %d %p", text, p, k1, i1, k2, i2)
			}
			if i1 != nil {
				issues++
			}
		}
		st1, n1, d1 := s.Discards.Find(words)
		st2, n2, d2 := s.Discards.FindIDs(ids)
		if st1 != st2 || n1 != n2 || d1 != d2 {
			t.Errorf("%q: discard Find %d %d %p, FindIDs %d %d %p", text, st1, n1, d1, st2, n2, d2)
		}
	}
	if actors < 4 || agents < 3 || issues < 1 {
		t.Errorf("matched %d actors, %d agents, %d issues; the sentences name more", actors, agents, issues)
	}
	// A set whose member was replaced after Load no longer shares its vocabulary.
	other, _, err := ReadAgents(strings.NewReader("POLICE [~COP]\n"), "x.agents")
	if err != nil {
		t.Fatal(err)
	}
	cp := *s
	cp.Agents = other
	if cp.SharedVocab() != nil {
		t.Error("SharedVocab with a replaced agent dictionary")
	}
}
