package dict

import "time"

// Match returns the actor whose phrase is the longest prefix of tokens (upper-case words) and the
// number of tokens it covers; 0, nil when none. A phrase whose code list is empty is treated as
// absent (§7), so the agent dictionary can be tried for those words.
func (a *Actors) Match(tokens []string) (n int, actor *Actor) {
	if a == nil {
		return 0, nil
	}
	n, v := a.trie.Longest(tokens)
	if v < 0 {
		return 0, nil
	}
	return n, &a.actors[v]
}

// MatchIDs is Match on the ids of the tokens in the set's shared vocabulary (Set.SharedVocab).
func (a *Actors) MatchIDs(ids []int32) (n int, actor *Actor) {
	if a == nil {
		return 0, nil
	}
	n, v := a.trie.LongestIDs(ids)
	if v < 0 {
		return 0, nil
	}
	return n, &a.actors[v]
}

// Lookup returns the actor stored for exactly phrase (upper-case words), or nil.
func (a *Actors) Lookup(phrase []string) *Actor {
	if a == nil {
		return nil
	}
	v, ok := a.trie.Get(phrase)
	if !ok {
		return nil
	}
	return &a.actors[v]
}

// Len returns the number of distinct actor phrases (with at least one code).
func (a *Actors) Len() int {
	if a == nil {
		return 0
	}
	return len(a.actors)
}

// All returns every actor record, in order of first appearance. The slice must not be modified.
func (a *Actors) All() []Actor {
	if a == nil {
		return nil
	}
	return a.actors
}

// Codes returns the number of distinct actor codes (the null code "---" not counted).
func (a *Actors) Codes() int {
	if a == nil {
		return 0
	}
	return len(a.codes)
}

// DateInt converts a date to the YYYYMMDD integer used by date restrictions; 0 for the zero time.
func DateInt(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Resolve returns the actor's code on date (§7, with Dyad's decisions): the restricted codes
// (Before, From, Between) are tried in list order and the first that applies wins; when none
// applies, the first unrestricted code (Always) is used; when there is none either, ok is false:
// the phrase consumes its words but yields no code.
//
// A zero date (unknown story date) is taken as "later than every dictionary date": From
// restrictions apply, Before and Between do not.
func (a *Actor) Resolve(date time.Time) (code string, ok bool) {
	d := DateInt(date)
	if d == 0 {
		d = 99999999
	}
	return a.ResolveInt(d)
}

// ResolveInt is Resolve with the date as a YYYYMMDD integer.
func (a *Actor) ResolveInt(date int) (code string, ok bool) {
	def := -1
	for i := range a.Codes {
		c := &a.Codes[i]
		if c.Kind == Always {
			if def < 0 {
				def = i
			}
			continue
		}
		if c.Applies(date) {
			return c.Code, true
		}
	}
	if def >= 0 {
		return a.Codes[def].Code, true
	}
	return "", false
}

// Match returns the agent whose phrase is the longest prefix of tokens and the number of tokens it
// covers; 0, nil when none.
func (a *Agents) Match(tokens []string) (n int, agent *Agent) {
	if a == nil {
		return 0, nil
	}
	n, v := a.trie.Longest(tokens)
	if v < 0 {
		return 0, nil
	}
	return n, &a.agents[v]
}

// MatchIDs is Match on the ids of the tokens in the set's shared vocabulary (Set.SharedVocab).
func (a *Agents) MatchIDs(ids []int32) (n int, agent *Agent) {
	if a == nil {
		return 0, nil
	}
	n, v := a.trie.LongestIDs(ids)
	if v < 0 {
		return 0, nil
	}
	return n, &a.agents[v]
}

// Len returns the number of agent phrases (plurals and substitutions expanded).
func (a *Agents) Len() int {
	if a == nil {
		return 0
	}
	return len(a.agents)
}

// CodeCounts returns, for each distinct agent code in file form ("~GOV", "IGO~"), the number of
// phrases (plurals and substitutions expanded) carrying it. The map must not be modified.
func (a *Agents) CodeCounts() map[string]int {
	if a == nil {
		return nil
	}
	return a.codes
}

// All returns every agent phrase. The slice must not be modified.
func (a *Agents) All() []Agent {
	if a == nil {
		return nil
	}
	return a.agents
}

// Match returns the discard whose phrase is the longest prefix of tokens, and its length in
// tokens; 0, nil when none.
func (d *Discards) Match(tokens []string) (n int, discard *Discard) {
	if d == nil {
		return 0, nil
	}
	n, v := d.trie.Longest(tokens)
	if v < 0 {
		return 0, nil
	}
	return n, &d.discards[v]
}

// Find scans tokens (the upper-cased tokens of a sentence) at every start position and returns
// the first story-level discard found, else the first sentence-level one (§9: story discards
// have priority), with its token span [start, start+n). discard is nil when nothing matches.
func (d *Discards) Find(tokens []string) (start, n int, discard *Discard) {
	if d == nil {
		return 0, 0, nil
	}
	return d.find(len(tokens), func(node int32, j int) (int32, bool) { return d.trie.step(node, tokens[j]) })
}

// FindIDs is Find on the ids of the tokens in the set's shared vocabulary (Set.SharedVocab).
func (d *Discards) FindIDs(ids []int32) (start, n int, discard *Discard) {
	if d == nil {
		return 0, 0, nil
	}
	return d.find(len(ids), func(node int32, j int) (int32, bool) { return d.trie.stepID(node, ids[j]) })
}

// find is Find on a sentence of n tokens; step(node, j) walks from node by token j.
func (d *Discards) find(n int, step func(node int32, j int) (int32, bool)) (start, length int, discard *Discard) {
	if len(d.trie.vals) == 0 {
		return 0, 0, nil
	}
	var sent *Discard
	sStart, sN := 0, 0
	for i := 0; i < n; i++ {
		// Every phrase starting at i is a prefix walk; look at all of them for a story phrase.
		node := int32(0)
		for j := i; j < n; j++ {
			c, ok := step(node, j)
			if !ok {
				break
			}
			node = c
			if v := d.trie.vals[c]; v >= 0 {
				dd := &d.discards[v]
				if dd.Story {
					return i, j - i + 1, dd
				}
				if sent == nil {
					sent, sStart, sN = dd, i, j-i+1
				}
			}
		}
	}
	if sent != nil {
		return sStart, sN, sent
	}
	return 0, 0, nil
}

// Len returns the number of discard phrases.
func (d *Discards) Len() int {
	if d == nil {
		return 0
	}
	return len(d.discards)
}

// All returns every discard phrase. The slice must not be modified.
func (d *Discards) All() []Discard {
	if d == nil {
		return nil
	}
	return d.discards
}

// Match returns the issue or ignore phrase that is the longest prefix of tokens and its length
// in tokens; 0, nil when none.
func (is *Issues) Match(tokens []string) (n int, issue *Issue) {
	if is == nil {
		return 0, nil
	}
	n, v := is.trie.Longest(tokens)
	if v < 0 {
		return 0, nil
	}
	return n, &is.issues[v]
}

// MatchIDs is Match on the ids of the tokens in the set's shared vocabulary (Set.SharedVocab).
func (is *Issues) MatchIDs(ids []int32) (n int, issue *Issue) {
	if is == nil {
		return 0, nil
	}
	n, v := is.trie.LongestIDs(ids)
	if v < 0 {
		return 0, nil
	}
	return n, &is.issues[v]
}

// Len returns the number of issue and ignore phrases (forms expanded).
func (is *Issues) Len() int {
	if is == nil {
		return 0
	}
	return len(is.issues)
}

// All returns every issue and ignore phrase. The slice must not be modified.
func (is *Issues) All() []Issue {
	if is == nil {
		return nil
	}
	return is.issues
}

// Codes returns the distinct issue codes in order of first appearance.
func (is *Issues) Codes() []string {
	if is == nil {
		return nil
	}
	return is.codes
}

// MatchVerb finds the verb entry for the verb word tokens[i] (upper-case tokens of a sentence):
// among the entries of that word, the first (most particles) whose Pre particles are exactly the
// tokens right before i and whose Post particles are exactly the tokens right after i. It returns
// the entry and the token span [start, end) it covers; nil when the word is not a verb of the
// dictionary or no entry's particles fit.
func (v *Verbs) MatchVerb(tokens []string, i int) (verb *Verb, start, end int) {
	if v == nil || i < 0 || i >= len(tokens) {
		return nil, 0, 0
	}
	for _, e := range v.Forms[tokens[i]] {
		if len(e.Pre) > i || len(e.Post) > len(tokens)-i-1 {
			continue
		}
		ok := true
		for k, p := range e.Pre {
			if tokens[i-len(e.Pre)+k] != p {
				ok = false
				break
			}
		}
		for k, p := range e.Post {
			if !ok || tokens[i+1+k] != p {
				ok = false
				break
			}
		}
		if ok {
			return e, i - len(e.Pre), i + 1 + len(e.Post)
		}
	}
	return nil, 0, 0
}
