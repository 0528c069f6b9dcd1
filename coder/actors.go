package coder

import (
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// actor is a coded noun phrase: the composed code and the token span naming it.
type actor struct {
	code        string
	lo, hi      int // token span (inclusive) of the words that gave the code; -1 when from context
	fromContext bool
	agentOnly   bool   // the code is an agent without an actor ("---GOV")
	possessive  bool   // the actor comes from a possessive pronoun ("its troops")
	headAgent   string // the suffix agent code given by the phrase's head word ("MED" of "Danish media")
}

// storyCtx is the per-story state: the story date and the actors coded so far (for pronouns and
// definite descriptions in later sentences).
type storyCtx struct {
	st     *story.Story
	date   int
	recent []ctxActor // actors coded so far in the story, most recent last
}

type ctxActor struct {
	code   string
	source bool // it was the source of an event or the subject of a verb
	event  bool // it was an actor of a coded event (pronouns bind only to those)
}

// appendConjuncts appends i and its coordinated nominals (conj, recursively), in order, to out.
func (t *tree) appendConjuncts(out []int, i int) []int {
	out = append(out, i)
	for _, k := range t.kids[i] {
		b := t.base(k)
		if b == "appos" && k == i+2 && t.words[i+1] == "-" {
			// The second half of a hyphenated word the tokenizer split ("Secretary - General"
			// parsed as an apposition): not another person.
			continue
		}
		if (b == "conj" || b == "appos") && t.isNominal(k) && (b == "conj" || t.upos(k) == "PROPN") {
			out = t.appendConjuncts(out, k)
		}
	}
	return out
}

// pushConjuncts puts i and its conjuncts on the scratch stack and returns them with the stack
// height to restore (t.stack = t.stack[:top]) when done with them.
func (t *tree) pushConjuncts(i int) (cjs []int, top int) {
	top = len(t.stack)
	t.stack = t.appendConjuncts(t.stack, i)
	return t.stack[top:], top
}

// actorsOf codes the noun phrase headed by i, fanning out coordinated nominals (§12.3).
func (c *Coder) actorsOf(sc *storyCtx, t *tree, i int) []actor {
	if i < 0 {
		return nil
	}
	if m := t.memoOf(i); m.done&memoNP != 0 {
		return m.np
	}
	out := c.actorsOfUncached(sc, t, i)
	m := t.memoOf(i)
	m.np, m.done = out, m.done|memoNP
	return out
}

func (c *Coder) actorsOfUncached(sc *storyCtx, t *tree, i int) []actor {
	out := c.coordinated(sc, t, i)
	if len(out) == 0 && c.opts.NewActorLength > 0 {
		// new_actor_length (§13.2): an uncoded noun phrase of at most N words stands in as an
		// actor whose code is its upper-cased words in quotes.
		var words []string
		var span []int
		for _, k := range t.subtree(i, skipNew, nil) {
			// The phrase's own preposition is not part of it ("for the Ministry of Magic").
			if t.head[k] == i && t.base(k) == "case" {
				continue
			}
			if t.upos(k) != "PUNCT" && t.xpos(k) != "POS" {
				span = append(span, k)
			}
		}
		sort.Ints(span)
		for _, k := range span {
			words = append(words, t.words[k])
		}
		if len(words) > 0 && len(words) <= c.opts.NewActorLength && t.upos(i) != "PRON" {
			out = append(out, actor{code: "\"" + strings.Join(words, " ") + "\"", lo: span[0], hi: span[len(span)-1]})
		}
	}
	return out
}

// coordinated codes the nominal i and its conjuncts.
func (c *Coder) coordinated(sc *storyCtx, t *tree, i int) []actor {
	var buf [8]actor
	out := buf[:0]
	var first []actor
	cjs, top := t.pushConjuncts(i)
	defer func() { t.stack = t.stack[:top] }()
	for n, k := range cjs {
		as := c.codeNP(sc, t, k, 0)
		if n == 0 {
			first = as
		} else if len(as) == 1 && as[0].agentOnly {
			// "Danish media and government": the conjunct without an actor of its own shares
			// the first conjunct's actor, with its own agent ("DNKGOV").
			if inh := inherit(first, as[0]); len(inh) > 0 {
				as = inh
			}
		}
		out = append(out, as...)
	}
	return t.keepActors(dedupActors(out))
}

// dedupActors removes actors whose code repeats an earlier one, in place.
func dedupActors(as []actor) []actor {
	out := as[:0]
	for _, a := range as {
		dup := false
		for _, b := range out {
			if b.code == a.code {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

var reflexive = map[string]bool{"HIMSELF": true, "HERSELF": true, "ITSELF": true, "THEMSELVES": true, "OURSELVES": true, "MYSELF": true, "YOURSELF": true}

var personalPronoun = map[string]bool{"HE": true, "SHE": true, "IT": true, "THEY": true, "HIM": true, "HER": true, "THEM": true, "WE": true, "US": true}

var possessivePronoun = map[string]bool{"HIS": true, "HER": true, "ITS": true, "THEIR": true, "OUR": true}

// actorBase returns an actor code without its role chunks and what follows them ("CZEGOV" →
// "CZE", "IGOUNO" → "IGOUNO"), "" for a code without an actor ("---GOV", a quoted new actor).
func actorBase(code string) string {
	if code == "" || strings.HasPrefix(code, "---") || strings.HasPrefix(code, "\"") {
		return ""
	}
	ch := cameo.Chunks(code)
	n := 0
	for n < len(ch) && (n == 0 || !cameo.IsRole(ch[n])) {
		n++
	}
	if n == 0 || cameo.IsRole(ch[0]) {
		return ""
	}
	return strings.Join(ch[:n], "")
}

var relativePronoun = map[string]bool{"WHO": true, "WHICH": true, "THAT": true, "WHOM": true}

// codeNP codes one nominal: its own words by longest match in the actor dictionary, else the agent
// dictionary (§12.3); agents combined with actors (§8); without an actor of its own, the actors of
// its nmod phrases or appositions; pronouns bound within the sentence, then to the story.
func (c *Coder) codeNP(sc *storyCtx, t *tree, i, depth int) []actor {
	if depth > 4 {
		return nil
	}
	if depth > 0 {
		// Nested phrases are coded the same way from every caller: memoize.
		if m := t.memoOf(i); m.done&memoNested != 0 {
			return m.nested
		}
		a := c.codeNPUncached(sc, t, i, depth)
		m := t.memoOf(i)
		m.nested, m.done = a, m.done|memoNested
		return a
	}
	return c.codeNPUncached(sc, t, i, depth)
}

func (c *Coder) codeNPUncached(sc *storyCtx, t *tree, i, depth int) []actor {
	if t.isCredit(i) {
		return nil // a news outlet credited in a dateline or headline ("(Xinhua) --")
	}
	for h := t.head[i]; h > i; h = t.head[h] {
		if t.namesDocument(h, i, i) {
			return nil // the name of a document ("U.N." of "U.N. Human Rights treaties")
		}
		if b := t.base(h); b != "compound" && b != "flat" && b != "amod" {
			break
		}
	}
	w := t.words[i]
	if t.upos(i) == "PRON" || strings.HasPrefix(t.xpos(i), "PRP") || t.xpos(i) == "WP" {
		if relativePronoun[w] {
			// "the man who attacked": the relative clause's head noun.
			for j := t.head[i]; j >= 0; j = t.head[j] {
				if t.base(j) == "acl" && t.head[j] >= 0 {
					return c.codeNP(sc, t, t.head[j], depth+1)
				}
			}
			return nil
		}
		if personalPronoun[w] || reflexive[w] {
			if a := c.bindPronoun(sc, t, i, depth); len(a) > 0 {
				return a
			}
		}
		return nil
	}
	// The phrase's words: the full span of the nominal (with its PP modifiers, so that phrases
	// such as "Prince of Dol Amroth" or "Ministry of Silly Walks" match), but a match must start
	// on one of the nominal's own words (not inside a PP modifier, whose actors are the fallback).
	// The words go on the scratch stacks (idx: token indexes, toks: their words, ids: their
	// vocabulary ids when there is a vocabulary).
	top, stop, itop := len(t.stack), len(t.strs), len(t.idStack)
	defer func() { t.stack, t.strs, t.idStack = t.stack[:top], t.strs[:stop], t.idStack[:itop] }()
	t.stack = t.subtree(i, skipFull, t.stack)
	full := t.stack[top:]
	slices.Sort(full)
	idx := full[:0]
	for _, k := range full {
		if t.upos(k) == "PUNCT" || t.isCredit(k) {
			continue
		}
		idx = append(idx, k)
		t.strs = append(t.strs, t.words[k])
		if t.ids != nil {
			t.idStack = append(t.idStack, t.ids[k])
		}
	}
	t.stack = t.stack[:top+len(idx)]
	toks := t.strs[stop:]
	var ids []int32
	if t.ids != nil {
		ids = t.idStack[itop:len(t.idStack):len(t.idStack)]
	}
	var codesBuf [4]actor
	var agentsBuf [4]*dict.Agent
	codes, agents := codesBuf[:0], agentsBuf[:0]
	agLo, agHi := -1, -1
	headAgent := ""
	for p := 0; p < len(toks); {
		k := idx[p]
		ownWord := t.inSubtree(i, k, skipNP) && t.base(k) != "case"
		// A capitalised "preposition" inside a sentence is a mis-tagged name ("the evil Arnor
		// awful Gondor" with Arnor as case).
		if !ownWord && t.base(k) == "case" && t.head[k] == i && k > 0 && isCapitalised(t.s.Tokens[k].Form) {
			ownWord = true
		}
		if !ownWord && k < i && t.xpos(k) != "PRP$" {
			// A name read as a possessor of its own head ("the Democratic People's Republic
			// of Korea": "People 's" as nmod:poss of "Republic") matches when it runs through
			// the head word.
			if n, a := c.matchActor(toks, ids, p); a != nil && idx[p+n-1] >= i {
				ownWord = true
			}
		}
		if !ownWord {
			p++
			continue
		}
		if n, a := c.matchActor(toks, ids, p); a != nil {
			if n == 1 && t.regnalNumeral(k) {
				// "Pope Pius XI", "Louis XIV": a capitalised Roman numeral after a name is
				// the name's ordinal, not a lone surname ("XI" of Xi Jinping).
				p++
				continue
			}
			if t.namesDocument(i, idx[p], idx[p+n-1]) {
				// "ratify U.N. Human Rights treaties": the actor names the document, it
				// does not act or undergo anything.
				p += n
				continue
			}
			if code, ok := a.ResolveInt(sc.date); ok && code != "" && len(codes) == 0 {
				// One noun phrase names one actor: the first ("the evil Arnor awful Gondor" → ARN),
				// unless the modifier is coordinated ("Eriadori and Calenardhon leaders").
				codes = append(codes, actor{code: strings.ToUpper(code), lo: idx[p], hi: idx[p+n-1]})
				if m := idx[p+n-1]; m != i && depth < 4 {
					cjs, top := t.pushConjuncts(m)
					for _, cj := range cjs[1:] {
						if t.head[cj] != i && cj != i {
							codes = append(codes, c.codeNP(sc, t, cj, depth+1)...)
						}
					}
					t.stack = t.stack[:top]
				}
			} else if ok && len(codes) == 1 && idx[p] <= i && i <= idx[p+n-1] {
				// A name that is the phrase's own head and refines the modifier's actor wins
				// over it: "Chinese President Xi Jinping" is CHNGOV (the name's code), not CHN
				// (the nationality before it).
				if up := strings.ToUpper(code); len(up) > len(codes[0].code) && strings.HasPrefix(up, codes[0].code) {
					codes[0] = actor{code: up, lo: idx[p], hi: idx[p+n-1]}
				}
			}
			p += n
			continue
		}
		if n, ag := c.matchAgent(toks, ids, p); ag != nil {
			if n == 1 && t.rel(idx[p]) == "nmod:desc" && idx[p] < i && ag.Form == dict.Suffix && c.headIsAgent(t, i) {
				// A descriptive title before a role noun ("deputy U.N. ambassador") qualifies
				// the role; the role noun gives the agent.
				p++
				continue
			}
			agents = append(agents, ag)
			if agLo < 0 {
				agLo = idx[p]
			}
			agHi = idx[p+n-1]
			if idx[p] <= i && i <= idx[p+n-1] && ag.Form == dict.Suffix {
				headAgent = ag.Code
			}
			p += n
			continue
		}
		p++
	}
	if len(codes) == 0 {
		// Actors of nmod phrases ("troops in Iraq"), then of appositions ("Kim, the ambassador of X").
		for _, rel := range [...]string{"nmod", "appos", "acl"} {
			// The children with relation rel, on the scratch stack.
			top := len(t.stack)
			t.stack = t.appendChildren(t.stack, i, rel)
			if rel == "nmod" {
				// obl on an adjective head ("close to the border"), as UD v2 labels it.
				t.stack = t.appendChildren(t.stack, i, "obl")
			}
			for _, k := range t.stack[top:] {
				if rel == "nmod" && (t.rel(k) == "nmod:tmod" || t.rel(k) == "obl:tmod") {
					continue
				}
				if rel == "acl" && k+1 == t.ownClause {
					// The clause whose subject this noun is (roles): its objects are
					// its targets, not the noun's actors.
					continue
				}
				if rel == "nmod" && len(agents) == 0 && t.locatedCircumstance(i, k) {
					// "killed in an airstrike near Deir ez-Zor": a place locating a
					// circumstance that names no actor is no actor (location.go); on an
					// agent noun it gives the agent's country ("rebels near Aleppo").
					continue
				}
				var subBuf [4]actor
				sub := subBuf[:0]
				if rel == "acl" || !t.isNominal(k) {
					// "the roads leading into Mordor": the actors of the reduced clause's objects.
					objs, obls := t.objects(k)
					for _, o := range append(objs, obls...) {
						cjs, top := t.pushConjuncts(o)
						for _, m := range cjs {
							sub = append(sub, c.codeNP(sc, t, m, depth+1)...)
						}
						t.stack = t.stack[:top]
						if len(sub) > 0 {
							break
						}
					}
				} else {
					cjs, top := t.pushConjuncts(k)
					for _, m := range cjs {
						sub = append(sub, c.codeNP(sc, t, m, depth+1)...)
					}
					t.stack = t.stack[:top]
				}
				for _, a := range sub {
					if !a.agentOnly {
						codes = append(codes, a)
					}
				}
				if len(codes) == 0 && rel == "appos" && len(agents) == 0 {
					codes = append(codes, sub...)
				}
				if len(codes) > 0 {
					// One noun phrase names one actor: the first modifier that names one
					// ("evidence with the U.S. about contacts between al Qaeda and Iraq" → USA),
					// with its own conjuncts.
					break
				}
			}
			t.stack = t.stack[:top]
			if len(codes) > 0 {
				break
			}
		}
	}
	if len(codes) == 0 && len(agents) > 0 {
		// "his government", "their ministry": the actor the possessive pronoun stands for,
		// without its own roles, with the phrase's agent (ARCHITECTURE.md, "Story context").
		for _, k := range t.children(i, "nmod:poss") {
			if !possessivePronoun[t.words[k]] {
				continue
			}
			for _, a := range c.bindPronoun(sc, t, k, depth) {
				if base := actorBase(a.code); base != "" {
					codes = append(codes, actor{code: base, lo: k, hi: k, fromContext: a.fromContext, possessive: true})
				}
			}
			break
		}
	}
	if len(codes) == 0 && len(agents) > 0 && depth == 0 && c.opts.StoryContext && sc != nil && isDefinite(t, i) {
		if code := sc.bindContext(agents); code != "" {
			codes = append(codes, actor{code: code, lo: agLo, hi: agHi, fromContext: true})
		}
	}
	var outBuf [4]actor
	out := composeAgents(outBuf[:0], codes, agents, agLo, agHi)
	for k := range out {
		out[k].headAgent = headAgent
	}
	if c.opts.NewActorLength > 0 && depth == 0 && len(out) > 0 {
		out = append(out, c.newActorConjuncts(sc, t, i)...)
	}
	return t.keepActors(out)
}

// documentNouns are the lemmas (upper case) of nouns naming a legal instrument that binds its
// parties, not the body named in front of it: an actor there ("U.N. Human Rights treaties", "the
// United Nations Convention against Torture") is part of the document's name, not the actor of
// the phrase. A body's own charter is left out ("violated the Saarc charter" defies SAARC), and
// so are plans, proposals, resolutions and demands ("rejected the U.S. proposal" has the
// proposer as target).
var documentNouns = map[string]bool{
	"TREATY": true, "CONVENTION": true, "COVENANT": true, "PROTOCOL": true,
}

// namesDocument reports whether the words lo..hi (an actor match) are a premodifier of the
// document noun i: they lie before i and hang from it through compound, flat or amod relations
// only.
func (t *tree) namesDocument(i, lo, hi int) bool {
	if hi >= i || !documentNouns[t.lemmas[i]] {
		return false
	}
	for k := lo; k <= hi; k++ {
		for j := k; j != i; j = t.head[j] {
			if j < 0 {
				return false
			}
			switch t.base(j) {
			case "compound", "flat", "amod":
			default:
				if j != k || (t.upos(j) != "PUNCT" && t.base(j) != "case") {
					return false
				}
			}
		}
	}
	return true
}

// newActorConjuncts splits a phrase at a coordinated modifier as PETRARCH's NP compounds do
// ("Eriador's death and injury toll" → "Eriador's death" and "injury toll") and returns the
// uncoded right-hand parts short enough to be new actors (new_actor_length).
func (c *Coder) newActorConjuncts(sc *storyCtx, t *tree, i int) []actor {
	var out []actor
	for _, m := range t.kids[i] {
		if m > i || (t.base(m) != "compound" && t.base(m) != "amod") {
			continue
		}
		for _, cj := range t.children(m, "conj") {
			if cj > i || len(c.codeNP(sc, t, cj, 1)) > 0 {
				continue
			}
			var words []string
			for k := cj; k <= i; k++ {
				if t.upos(k) != "PUNCT" && t.base(k) != "cc" {
					words = append(words, t.words[k])
				}
			}
			if len(words) <= c.opts.NewActorLength {
				out = append(out, actor{code: "\"" + strings.Join(words, " ") + "\"", lo: cj, hi: i})
			}
		}
	}
	return out
}

// headIsAgent reports whether the head word of nominal i is an agent noun by itself.
func (c *Coder) headIsAgent(t *tree, i int) bool {
	var ids []int32
	if t.ids != nil {
		ids = t.ids[i : i+1]
	}
	_, ag := c.matchAgent(t.words[i:i+1], ids, 0)
	return ag != nil
}

// isDefinite reports a definite description: "the diplomat", "the government".
func isDefinite(t *tree, i int) bool {
	for _, k := range t.kids[i] {
		if !t.has(k, "det") {
			continue
		}
		if t.words[k] == "THE" || t.words[k] == "THIS" || t.words[k] == "THAT" {
			return true
		}
	}
	return false
}

// composeAgents combines actor codes with agents (§8, Phrase.mix_codes in PETRARCH2): every suffix
// agent is appended to every actor code that does not already contain it; ~PPL is dropped when
// the phrase has another agent; without an actor the agent prints as "---GOV". Prefix agents
// (NGO~) go before the actor code, and stand alone without one (§15 fix of the PETRARCH2 quirk).
//
// The result is appended to dst.
func composeAgents(dst, codes []actor, agents []*dict.Agent, lo, hi int) []actor {
	if len(agents) == 0 {
		return append(dst, codes...)
	}
	if len(agents) > 1 {
		var kept []*dict.Agent
		for _, a := range agents {
			if a.Code != "PPL" {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			agents = kept
		}
	}
	if len(codes) == 0 {
		code := ""
		prefix := ""
		for _, a := range agents {
			if a.Form == dict.Prefix {
				prefix += a.Code
			} else if !strings.Contains(code, a.Code) {
				code += a.Code
			}
		}
		only := prefix == ""
		if prefix != "" {
			code = prefix + code
		} else {
			code = "---" + code
		}
		return append(dst, actor{code: code, lo: lo, hi: hi, agentOnly: only})
	}
	for _, a := range codes {
		for _, ag := range agents {
			if ag.Form == dict.Prefix {
				if !strings.HasPrefix(a.code, ag.Code) {
					a.code = ag.Code + a.code
				}
			} else if !strings.Contains(a.code, ag.Code) {
				a.code += ag.Code
			}
		}
		if lo >= 0 && a.lo >= 0 {
			a.lo, a.hi = min(a.lo, lo), max(a.hi, hi)
		}
		dst = append(dst, a)
	}
	return dst
}

// bindPronoun binds a pronoun within the sentence (§12.3): a reflexive to the subject of its own
// clause; another pronoun to the subject of a governing clause (climbing the head chain), then to
// the most recent actor of the story.
func (c *Coder) bindPronoun(sc *storyCtx, t *tree, i, depth int) []actor {
	v := t.head[i]
	if reflexive[t.words[i]] && v >= 0 {
		if s := t.child(v, "nsubj", "nsubj:pass"); s >= 0 && s != i {
			return c.codeNP(sc, t, s, depth+1)
		}
	}
	// Climb to the governing clauses and take the first coded subject or object before the pronoun.
	for j := v; j >= 0; j = t.head[j] {
		for _, rel := range [...]string{"nsubj", "nsubj:pass"} {
			for _, s := range t.kids[j] {
				if !t.has(s, rel) || s == i || s > i || t.upos(s) == "PRON" {
					continue
				}
				if a := c.codeNP(sc, t, s, depth+1); len(a) > 0 {
					return a
				}
			}
		}
	}
	if c.opts.StoryContext && sc != nil && depth == 0 {
		// A pronoun without an antecedent in its sentence: the most recent source of an event
		// of the story.
		for j := len(sc.recent) - 1; j >= 0; j-- {
			if sc.recent[j].source && sc.recent[j].event {
				return []actor{{code: sc.recent[j].code, lo: i, hi: i, fromContext: true}}
			}
		}
	}
	return nil
}

// bindContext returns the code for a definite agent description ("the government", "the
// diplomat") from the story's earlier actors: the most recent actor carrying the same agent code,
// else the most recent source actor, with the description's agent; "" when there is none.
func (sc *storyCtx) bindContext(agents []*dict.Agent) string {
	var ag string
	for _, a := range agents {
		if a.Form == dict.Suffix {
			ag = a.Code
			break
		}
	}
	if ag == "" {
		return ""
	}
	// The actor part is the code without its role chunks (actorBase): "PRK" of PRKGOV, "IGOUNO"
	// of IGOUNOGOV.
	for j := len(sc.recent) - 1; j >= 0; j-- {
		r := sc.recent[j]
		if b := actorBase(r.code); b != "" && len(r.code) > len(b) && strings.Contains(r.code[len(b):], ag) {
			return b + ag
		}
	}
	for j := len(sc.recent) - 1; j >= 0; j-- {
		if r := sc.recent[j]; r.source {
			if b := actorBase(r.code); b != "" {
				return b + ag
			}
		}
	}
	return ""
}

func (sc *storyCtx) remember(code string, source, event bool) {
	if sc == nil || code == "" || strings.HasPrefix(code, "---") || strings.HasPrefix(code, "\"") {
		return
	}
	sc.recent = append(sc.recent, ctxActor{code, source, event})
}

// inherit combines the actors of a first conjunct (without their head agent) with the agent of
// an agent-only conjunct.
func inherit(first []actor, ag actor) []actor {
	var out []actor
	suffix := strings.TrimPrefix(ag.code, "---")
	for _, a := range first {
		if a.agentOnly || a.fromContext {
			continue
		}
		base := a.code
		if a.headAgent != "" && strings.HasSuffix(base, a.headAgent) && len(base) > len(a.headAgent) {
			base = strings.TrimSuffix(base, a.headAgent)
		}
		code := base
		if !strings.Contains(base, suffix) {
			code = base + suffix
		}
		out = append(out, actor{code: code, lo: ag.lo, hi: ag.hi, headAgent: suffix})
	}
	return out
}

// regnalNumeral reports whether token k is a regnal ordinal: a Roman numeral from I to XXXIX
// written in capitals ("XI", "XIV", "XIII") right after a capitalised, not all-capital word
// ("Pius XI", "Louis XIV", "Alfonso XIII"). Such a token names no actor even when it spells a
// lone surname ("XI" for Xi Jinping); "Xi" in title case, or after an all-capital headline word
// ("BIDEN MEETS XI"), is not one. Numerals with L, C, D or M are left out so that "Washington DC"
// stays a place.
func (t *tree) regnalNumeral(k int) bool {
	if k <= 0 || k >= len(t.s.Tokens) || !isCapitalised(t.s.Tokens[k-1].Form) {
		return false
	}
	return isSmallRoman(t.s.Tokens[k].Form)
}

// isSmallRoman reports whether w is a Roman numeral from I to XXXIX in capitals, in its
// standard form (X{0,3} then IX, IV or V?I{0,3}).
func isSmallRoman(w string) bool {
	if w == "" {
		return false
	}
	i := 0
	for i < len(w) && i < 3 && w[i] == 'X' {
		i++
	}
	rest := w[i:]
	switch rest {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return true
	}
	return false
}

func isCapitalised(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && strings.ToUpper(w) != w
}
