package dict

import (
	"io"
	"strings"
)

// ReadAgents reads an agent dictionary (§8): "!NAME! = A, B, C" substitution sets and
// "PHRASE [{PLURAL}] [CODE]" records with CODE "~XXX" (suffix) or "XXX~" (prefix). Each phrase gets
// its plural (the {...} ones when given, none for "{}", else Dyad's plural of the last word); a
// phrase with a "!NAME!" marker is stored once per member, without plurals. A phrase written
// explicitly wins over a generated plural. err is non-nil only when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16).
func ReadAgents(r io.Reader, name string) (*Agents, []Problem, error) {
	lr, err := newLineReader(r, name)
	if err != nil {
		return nil, nil, err
	}
	a := &Agents{codes: map[string]int{}}
	subst := map[string][]string{}
	generated := map[int32]bool{} // agent index → stored as a generated plural
	add := func(words []string, code string, form AgentForm, gen bool) {
		if len(words) == 0 {
			return
		}
		ag := Agent{Phrase: strings.Join(words, " "), Code: code, Form: form, Pos: lr.pos()}
		if v, ok := a.trie.Get(words); ok {
			old := &a.agents[v]
			if old.Code == code && old.Form == form {
				return
			}
			switch {
			case gen && !generated[v]:
				return // an explicit entry wins over a generated plural
			case !gen && generated[v]:
				*old = ag
				delete(generated, v)
				return
			}
			lr.warnf("agent phrase %s already defined at %s with [%s]; this entry [%s] replaces it",
				ag.Phrase, old.Pos, old.codeString(), ag.codeString())
			*old = ag
			return
		}
		v := int32(len(a.agents))
		a.trie.Insert(words, v)
		a.agents = append(a.agents, ag)
		if gen {
			generated[v] = true
		}
	}
	for lr.next() {
		t := strings.TrimSpace(lr.text)
		if t[0] == '!' && strings.Contains(t, "=") {
			lhs, rhs, _ := strings.Cut(t, "=")
			lhs = strings.TrimSpace(lhs)
			if len(lhs) < 3 || !strings.HasSuffix(lhs, "!") || strings.Count(lhs, "!") != 2 {
				lr.errorf("bad substitution set name %q (want !NAME!); skipped", lhs)
				continue
			}
			var members []string
			for _, m := range strings.Split(rhs, ",") {
				if m = strings.ToUpper(strings.TrimSpace(m)); m != "" {
					members = append(members, m)
				}
			}
			if len(members) == 0 {
				lr.errorf("substitution set %s has no members; skipped", lhs)
				continue
			}
			subst[strings.ToUpper(lhs)] = members
			continue
		}
		if strings.IndexByte(t, '[') < 0 {
			lr.warnf("agent line %q has no [code]; skipped", shorten(t))
			continue
		}
		var plurals []string
		explicit := false
		if i := strings.IndexByte(t, '{'); i >= 0 {
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				lr.errorf("'{' without '}'; skipped")
				continue
			}
			plurals = strings.Fields(t[i+1 : i+j])
			explicit = true
			t = t[:i] + " " + t[i+j+1:]
		}
		head, items, bad := bracketItems(t)
		if bad != "" {
			lr.errorf("bad agent line: %s; skipped", bad)
			continue
		}
		if len(items) != 1 {
			lr.errorf("agent line has %d codes, want 1; skipped", len(items))
			continue
		}
		c := strings.ToUpper(strings.TrimSpace(items[0]))
		var code string
		var form AgentForm
		switch {
		case strings.HasPrefix(c, "~") && !strings.HasSuffix(c, "~"):
			code, form = c[1:], Suffix
		case strings.HasSuffix(c, "~") && !strings.HasPrefix(c, "~"):
			code, form = c[:len(c)-1], Prefix
		default:
			lr.errorf("agent code [%s] must be ~XXX (suffix) or XXX~ (prefix); skipped", items[0])
			continue
		}
		if !isActorCode(code) {
			lr.errorf("agent code [%s] must be letters A-Z in 3-character chunks; skipped", items[0])
			continue
		}
		up := strings.ToUpper(head)
		if strings.IndexByte(up, ';') >= 0 {
			lr.warnf("agent phrase %q contains ';' (a TABARI comment?); kept as part of the phrase", strings.TrimSpace(head))
		}
		if i := strings.IndexByte(up, '!'); i >= 0 {
			j := strings.IndexByte(up[i+1:], '!')
			if j < 0 {
				lr.errorf("unclosed substitution marker in %q; skipped", strings.TrimSpace(head))
				continue
			}
			marker := up[i : i+j+2]
			members, ok := subst[marker]
			if !ok {
				lr.errorf("undefined substitution set %s; skipped", marker)
				continue
			}
			if explicit {
				lr.warnf("plurals {...} ignored on a line with a substitution set")
			}
			for _, m := range members {
				add(splitWords(up[:i]+m+up[i+j+2:]), code, form, false)
			}
			continue
		}
		words := splitWords(up)
		if len(words) == 0 {
			lr.errorf("agent line without a phrase; skipped")
			continue
		}
		add(words, code, form, false)
		if explicit {
			for _, p := range plurals {
				add(splitWords(p), code, form, false)
			}
			continue
		}
		pl := append(append([]string{}, words[:len(words)-1]...), pluralNoun(words[len(words)-1]))
		add(pl, code, form, true)
	}
	for _, ag := range a.agents {
		a.codes[ag.codeString()]++
	}
	return a, lr.problems, nil
}

func (ag *Agent) codeString() string {
	if ag.Form == Prefix {
		return ag.Code + "~"
	}
	return "~" + ag.Code
}

func isActorCode(s string) bool {
	if s == "" || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
