package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
)

// clauseTokens appends to out the tokens of the clause headed by verb v: v and its descendants,
// leaving out clauses below it (ccomp, xcomp, advcl, acl, parataxis, csubj, list, and verbal
// conjuncts), so that their own actors are not taken for v's.
func (t *tree) clauseTokens(v int, out []int) []int {
	out = append(out, v)
	for _, k := range t.kids[v] {
		// A conjunct of the verb is another clause, unless it is a nominal without a subject of
		// its own (an object conjunct the parser hung on the verb: "providing photographs and
		// other intelligence to Macedonia").
		if t.base(k) == "conj" && (!t.isNominal(k) || t.child(k, "nsubj", "nsubj:pass", "cop") >= 0) {
			continue
		}
		if t.base(k) == "xcomp" && t.xpos(k) == "VBN" && t.child(k, "mark", "nsubj", "aux") < 0 {
			// A bare participle read as the verb's complement, often a modifier of the object
			// ("extradited suspected British militant ... to Britain" with "suspected" as the
			// xcomp): its dependents are the verb's.
			out = append(out, k)
			for _, m := range t.kids[k] {
				out = t.clauseWalk(m, out)
			}
			continue
		}
		out = t.clauseWalk(k, out)
	}
	return out
}

// clauseWalk appends k's subtree to out without clauses and bare time phrases ("Wednesday").
func (t *tree) clauseWalk(k int, out []int) []int {
	switch t.base(k) {
	case "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "list", "punct", "reparandum":
		return out
	case "conj":
		if t.isVerb(k) {
			return out
		}
	}
	switch t.rel(k) {
	case "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "obl:unmarked":
		return out
	}
	out = append(out, k)
	for _, m := range t.kids[k] {
		out = t.clauseWalk(m, out)
	}
	return out
}

// fallbackRoles fills the missing source or target of an active, coded frame from the nearest
// actor noun phrase of the verb's own clause: the source from the left of the verb (nearest
// first), the target from the right of it (nearest first). It stands in for subject and object
// relations the parser got wrong ("The European Community gave the Ivory Coast 5.1 million
// dollars" with "Ivory Coast" read as the subject of "million"; "providing photographs and
// intelligence to Macedonia" with "to Macedonia" on "intelligence"), as a coder reading the
// words would (CAMEO 1.1b3 §1: the source is who acts, the target to whom). Passive verbs are
// left alone: their subject is the target and places on their left are not sources (round 2).
// Actors from the story context, and a target naming the source again, are not taken.
func (c *Coder) fallbackRoles(sc *storyCtx, t *tree, f *frame) {
	if f.passive || f.negated || c.opts.NewActorLength > 0 {
		// New actors (§13.2) are any noun phrase: no nearest one stands for a role.
		return
	}
	switch f.code.Kind {
	case dict.CodeSingle, dict.CodePaired:
	default:
		return
	}
	if len(f.sources) > 0 && len(f.targets) > 0 {
		return
	}
	top := len(t.stack)
	defer func() { t.stack = t.stack[:top] }()
	t.stack = t.clauseTokens(f.v, t.stack)
	toks := t.stack[top:]
	slices.Sort(toks)
	if len(f.sources) == 0 {
		for n := len(toks) - 1; n >= 0; n-- {
			k := toks[n]
			if k >= f.lo || !t.isNominal(k) || t.upos(k) == "PRON" {
				continue
			}
			if t.base(k) == "obl" || t.prep(k) != "" {
				continue // a prepositional phrase: a place or circumstance, not the actor
			}
			if a := sideActors(c.actorsOf(sc, t, k), -1, f.lo); len(a) > 0 {
				f.sources = a
				break
			}
		}
	}
	if len(f.sources) == 0 {
		f.sources = c.linearSource(sc, t, f)
	}
	if len(f.targets) == 0 && t.reflexiveObject(f.v) {
		// With a reflexive object the act is done to the source itself, and the nominals
		// after the verb name no target ("Israel defended itself against Hamas").
		return
	}
	if len(f.targets) == 0 && len(f.sources) > 0 {
		for _, k := range toks {
			if k <= f.hi || !t.isNominal(k) || t.upos(k) == "PRON" {
				continue
			}
			if t.inLocation(f, k) {
				continue // a place named as the location or a meeting's venue (location.go)
			}
			a := sideActors(c.actorsOf(sc, t, k), f.hi, t.n)
			if f.placedName && !domesticIntent(f, a) {
				a = t.unlocated(f, a) // "met Abe in Tokyo": Tokyo is no target (location.go)
			}
			if len(a) > 0 && !sameActors(a, f.sources) && !sameBase(a, f.sources) {
				f.targets = a
				break
			}
		}
	}
	if len(f.targets) == 0 && len(f.sources) > 0 && c.opts.InheritAgents {
		// "Opposition groups in Zimbabwe are demanding that President ... abandon": an agent
		// without an actor of its own is the source's compatriot.
		for _, k := range toks {
			if k <= f.hi || !t.isNominal(k) || t.upos(k) == "PRON" {
				continue
			}
			as := c.actorsOf(sc, t, k)
			if len(as) != 1 || !as[0].agentOnly || as[0].lo <= f.hi {
				continue
			}
			a := inherit(countries(f.sources), as[0])
			if len(a) > 0 && !sameActors(a, f.sources) && !sameBase(a, f.sources) && !ownOrgan(a, f.sources) {
				f.targets = t.keepActors(a)
			}
			break
		}
	}
}

// sideActors returns the actors of as whose words lie strictly between lo and hi (token
// indexes), leaving out actors from the story context and agents without an actor ("---GOV":
// a nearest "the government" is too weak a guess for a role); as itself when all of them do.
func sideActors(as []actor, lo, hi int) []actor {
	for _, a := range as {
		if a.fromContext || a.agentOnly || a.lo <= lo || a.hi >= hi {
			var out []actor
			for _, b := range as {
				if !b.fromContext && !b.agentOnly && b.lo > lo && b.hi < hi {
					out = append(out, b)
				}
			}
			return out
		}
	}
	return as
}

// inheritTargets gives targets that are agents without an actor of their own ("---GOV" from
// "Prime Minister Mahendra Chaudhry" when the name is not in the dictionaries) the country of
// the frame's source: an unnamed official, rebel or judge acted on by a national actor is that
// actor's compatriot ("The Fijian rebels will release Prime Minister ..." → FJIREB FJIGOV).
// Targets that would name the source's own state are left as they are. Among coordinated targets
// only the agent-only ones inherit, when another target already has the source's country ("will
// release Prime Minister Mahendra Chaudhry and more than 30 members of his government" → FJIGOV
// once, not ---GOV and FJIGOV).
func (c *Coder) inheritTargets(f *frame, t *tree) {
	if len(f.targets) == 0 || len(f.sources) == 0 {
		return
	}
	mixed := false
	for _, a := range f.targets {
		if a.fromContext {
			return
		}
		if !a.agentOnly {
			mixed = true
		}
	}
	srcCountries := countries(f.sources)
	if mixed {
		// Only when a target that has an actor shares the source's country.
		shared := false
		for _, a := range countries(f.targets) {
			for _, s := range srcCountries {
				shared = shared || a.code == s.code
			}
		}
		if !shared {
			return
		}
	}
	var out []actor
	for _, a := range f.targets {
		if !a.agentOnly {
			out = append(out, a)
			continue
		}
		in := inherit(srcCountries, a)
		if len(in) == 0 || sameBase(in, f.sources) || sameActors(in, f.sources) || ownOrgan(in, f.sources) {
			return
		}
		out = append(out, in...)
	}
	f.targets = t.keepActors(dedupActors(out))
}

// countries returns the countries of the actors of as whose code begins with a country
// ("ZWEOPP" → "ZWE"); international, regional and role-only actors have none ("IGOUNO", "MEA").
func countries(as []actor) []actor {
	var out []actor
	for _, a := range as {
		ch := cameo.Chunks(a.code)
		if a.fromContext || len(ch) == 0 || !cameo.IsCountry(ch[0]) {
			continue
		}
		b := a
		b.code, b.headAgent = ch[0], ""
		out = append(out, b)
	}
	return out
}

// ownOrgan reports that every actor of a is a source of srcs or one of its parts: the same
// country with roles all among that source's roles ("RUSMIL" of "RUSGOVMIL", the Russian
// government's military acting on its own military).
func ownOrgan(a, srcs []actor) bool { return everyRelated(a, srcs, subRoles) }

// subRoles reports that code x has the country of code s and only roles that s has too.
func subRoles(x, s string) bool {
	cx, cs := cameo.Chunks(x), cameo.Chunks(s)
	if len(cx) == 0 || len(cs) == 0 || cx[0] != cs[0] {
		return false
	}
	for _, c := range cx[1:] {
		if !slices.Contains(cs[1:], c) {
			return false
		}
	}
	return true
}

// linearSource returns the actor named by the words right before the verb, read in order without
// the tree: the nearest dictionary actor phrase in the run of words that ends at the verb (the run
// stops at punctuation other than a hyphen, at another verb, a conjunction or a subordinator:
// "peacekeepers in Iraq and has urged" names no source; a run that ends in a prepositional phrase
// gives none either: "Police in Lahore arrested" is not Pakistan arresting), with the
// agent words that follow it ("East German Foreign Minister Oskar Fischer will visit Albania",
// with "East" and "German" parsed as two dependents of "visit": DDRGOV). It stands in for a
// subject phrase the parser broke apart; nil when the run names no actor.
func (c *Coder) linearSource(sc *storyCtx, t *tree, f *frame) []actor {
	if t.xpos(f.v) == "VBN" && t.child(f.v, "aux") < 0 {
		return nil // a bare participle: the noun before it is what was acted on ("people killed in ...")
	}
	b := f.lo
	for j := f.lo - 1; j >= 0; j-- {
		if t.head[j] == f.v && t.base(j) == "aux" {
			b = j
			continue
		}
		switch t.upos(j) {
		case "SCONJ", "AUX", "CCONJ":
			j = -1 // a clause boundary: the actor must be in the words after it
			continue
		case "ADP":
			// The words after it are a prepositional phrase, a place or circumstance more
			// often than the actor ("Police in Lahore arrested"): no source.
			return nil
		}
		if (t.upos(j) == "PUNCT" && t.words[j] != "-") || t.isVerb(j) {
			break
		}
		b = j
	}
	if b >= f.lo {
		return nil
	}
	top, stop, itop := len(t.stack), len(t.strs), len(t.idStack)
	defer func() { t.stack, t.strs, t.idStack = t.stack[:top], t.strs[:stop], t.idStack[:itop] }()
	for j := b; j < f.lo; j++ {
		if t.upos(j) == "PUNCT" || t.upos(j) == "AUX" || t.isCredit(j) {
			continue
		}
		t.stack = append(t.stack, j)
		t.strs = append(t.strs, t.words[j])
		if t.ids != nil {
			t.idStack = append(t.idStack, t.ids[j])
		}
	}
	idx, toks := t.stack[top:], t.strs[stop:]
	var ids []int32
	if t.ids != nil {
		ids = t.idStack[itop:len(t.idStack):len(t.idStack)]
	}
	// The nearest actor phrase: the last of the longest matches read from the left ("East
	// German", not "German").
	best, bestN := -1, 0
	var bestCode string
	for p := 0; p < len(toks); {
		n, a := c.matchActor(toks, ids, p)
		if a == nil || (n == 1 && t.regnalNumeral(idx[p])) {
			p++
			continue
		}
		if code, ok := a.ResolveInt(sc.date); ok && code != "" {
			best, bestN, bestCode = p, n, code
		}
		p += n
	}
	if best >= 0 {
		p, n := best, bestN
		var codeBuf [1]actor
		var agentBuf [4]*dict.Agent
		var outBuf [4]actor
		codes := codeBuf[:1]
		codes[0] = actor{code: strings.ToUpper(bestCode), lo: idx[p], hi: idx[p+n-1]}
		agents := agentBuf[:0]
		agLo, agHi := -1, -1
		for q := p + n; q < len(toks); {
			m, ag := c.matchAgent(toks, ids, q)
			if ag == nil {
				q++
				continue
			}
			agents = append(agents, ag)
			if agLo < 0 {
				agLo = idx[q]
			}
			agHi = idx[q+m-1]
			q += m
		}
		return t.keepActors(composeAgents(outBuf[:0], codes, agents, agLo, agHi))
	}
	return nil
}
