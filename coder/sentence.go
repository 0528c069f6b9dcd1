package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// frame is one dictionary verb of a sentence with its roles and its code.
type frame struct {
	v, lo, hi int // the verb token and the token span of verb + particles
	verb      *dict.Verb
	passive   bool
	subj      int // subject nominal, -1 when none
	agent     int // passive agent ("by" phrase), -1 when none
	code      dict.Code
	pattern   *dict.Pattern
	negated   bool
	sources   []actor
	targets   []actor
	done      bool // consumed by an enclosing frame
	// pre and post are the nominals of the pattern sides (Coder.sides), once sidesDone.
	pre, post []int
	sidesDone bool
	will      bool // the verb has the auxiliary will, would, shall or 'll
	// placedName: the verb's object is a name (PROPN) the dictionaries do not know, under a code
	// after which its place is no target (locatesNames): no locative phrase of the clause names
	// the target ("Obama met Abe in Tokyo").
	placedName bool
}

// raw is an event before evidence is filled.
type raw struct {
	src, tgt actor
	code     string
	f        *frame
	recip    bool // the reciprocal event of a paired code
}

// codeSentence codes the sentence of t and appends its events to dst; ws provides reusable
// memory for its frames.
func (c *Coder) codeSentence(sc *storyCtx, t *tree, ws *workspace, dst []story.Event) []story.Event {
	frames := c.findFrames(sc, t, ws)
	if len(frames) == 0 {
		if c.opts.StoryContext {
			c.rememberMentions(sc, t, nil)
		}
		return dst
	}
	byTok := resize(ws.byTok, t.n) // the frame of each verb token
	ws.byTok = byTok
	clear(byTok)
	for _, f := range frames {
		byTok[f.v] = f
	}
	// Governing verbs first: a verb that codes an event hides the clauses below it (§12.4 step 6).
	order := append(ws.order[:0], frames...)
	ws.order = order
	slices.SortStableFunc(order, func(a, b *frame) int { return t.depth(a.v) - t.depth(b.v) })
	var raws []raw
	for _, f := range order {
		if f.done {
			continue
		}
		evs := c.frameEvents(sc, t, f, byTok)
		if hasOwn(evs, f) {
			hideBelow(t, f.v, byTok)
		}
		for _, e := range evs {
			// The clauses below a governed verb that coded the event ("said they will
			// release X, whom they had taken hostage": not the hostage-taking) are hidden too.
			if e.f != nil && e.f != f && t.head[e.f.v] >= 0 {
				hideBelow(t, e.f.v, byTok)
			}
		}
		raws = append(raws, evs...)
	}
	start := len(dst)
	for n, r := range raws {
		if slices.ContainsFunc(raws[:n], func(q raw) bool {
			return q.src.code == r.src.code && q.tgt.code == r.tgt.code && q.code == r.code
		}) {
			continue // the same (source, target, code) as an earlier event
		}
		dst = append(dst, c.evidence(t, r))
	}
	evs := dst[start:]
	sortEvents(evs)
	if c.opts.StoryContext {
		c.rememberMentions(sc, t, raws)
	}
	return dst
}

// rememberMentions records the sentence's actors for later sentences in the order they are
// mentioned: the actors of the events and of every verb's subject and object nominals,
// whether or not an event was coded with them ("A North Korean diplomat said ...; the communist
// government agreed ..." binds the government to North Korea; ARCHITECTURE.md, "Story context").
// Subjects and event sources count as sources.
func (c *Coder) rememberMentions(sc *storyCtx, t *tree, raws []raw) {
	type mention struct {
		pos           int
		code          string
		source, event bool
	}
	var buf [16]mention
	ms := buf[:0]
	for _, r := range raws {
		ms = append(ms, mention{r.src.lo, r.src.code, true, true}, mention{r.tgt.lo, r.tgt.code, false, true})
	}
	for i := 0; i < t.n; i++ {
		b := t.base(i)
		if b != "nsubj" && b != "obj" {
			continue
		}
		if !t.isNominal(i) || t.upos(i) == "PRON" || t.head[i] < 0 || !t.isVerb(t.head[i]) {
			continue
		}
		for _, a := range c.actorsOf(sc, t, i) {
			if !a.agentOnly {
				ms = append(ms, mention{max(a.lo, i), a.code, b == "nsubj", false})
			}
		}
	}
	slices.SortStableFunc(ms, func(a, b mention) int { return a.pos - b.pos })
	for _, m := range ms {
		sc.remember(m.code, m.source, m.event)
	}
}

// matchVerb finds the dictionary verb at token i: adjacent particles first, then compound:prt
// children.
func (c *Coder) matchVerb(t *tree, i int) (*dict.Verb, int, int) {
	if v, lo, hi := c.set.Verbs.MatchVerb(t.words, i); v != nil {
		// Prefer an entry with a compound:prt particle that is not adjacent.
		if len(v.Post) == 0 {
			if prt := t.child(i, "compound:prt"); prt >= 0 {
				tmp := []string{t.words[i], t.words[prt]}
				if v2, _, _ := c.set.Verbs.MatchVerb(tmp, 0); v2 != nil && len(v2.Post) > 0 {
					return v2, i, i
				}
			}
		}
		return v, lo, hi - 1
	}
	return nil, 0, 0
}

// findFrames returns the frames of the dictionary verbs of t, in token order, in ws's memory
// (valid until the next call).
func (c *Coder) findFrames(sc *storyCtx, t *tree, ws *workspace) []*frame {
	fs := ws.frames[:0]
	for i := 0; i < t.n; i++ {
		if !t.isVerb(i) {
			continue
		}
		if t.base(i) == "aux" || t.base(i) == "cop" {
			continue
		}
		v, lo, hi := c.matchVerb(t, i)
		if v == nil || disputed(t, i) {
			continue
		}
		fs = append(fs, frame{v: i, lo: lo, hi: hi, verb: v, subj: -1, agent: -1})
		f := &fs[len(fs)-1]
		f.passive = t.child(i, "nsubj:pass", "aux:pass", "csubj:pass") >= 0 ||
			(t.child(i, "obl:agent") >= 0 && t.child(i, "obj") < 0) || // "forces backed by Russia"
			(t.xpos(i) == "VBN" && t.base(i) == "acl" && t.child(i, "obj") < 0)
		f.subj = c.subject(t, i)
		if f.passive {
			for _, k := range t.kids[i] {
				if !t.has(k, "obl") && !t.has(k, "nmod") {
					continue
				}
				p := t.prep(k)
				// obl:agent with another preposition is a parser error ("according to the US
				// government").
				if (t.rel(k) == "obl:agent" && (p == "" || p == "BY")) || p == "BY" || (c.opts.PlaceSource && (p == "FROM" || p == "IN")) {
					f.agent = k
					break
				}
			}
		}
		f.negated = negated(t, i)
		if h := t.head[i]; h >= 0 && t.isXcomp(i) && t.lemmas[h] == "FAIL" {
			f.negated = true // "failed to renew sanctions": the act did not happen (§12.6)
		}
		f.will = futureVerb(t, i)
		if h := t.head[i]; h >= 0 && t.isXcomp(i) && t.base(i) == "advcl" && futureVerb(t, h) {
			// A purpose clause of an act announced for the future is announced with it: "will
			// visit Mauritania and Senegal to mediate" (CAMEO 1.1b3 039, intent to mediate).
			f.will = true
		}
	}
	ws.frames = fs
	// Pointers only now: appending may have moved the frames.
	frames := ws.framePtr[:0]
	for k := range fs {
		frames = append(frames, &fs[k])
	}
	ws.framePtr = frames
	return frames
}

// subject returns the subject of verb i: its own nsubj, else (through xcomp, conj, or an
// auxiliary-like chain) the subject of the verb it depends on; for a reduced relative ("the man
// arrested by police") the modified noun.
//
// Two controlled clauses take their subject from the clause above (CAMEO 1.1b3 coding practice,
// UD v2 control): an infinitive under a verb with a direct object takes that object (object
// control: "prompted the General Assembly to adopt" → the General Assembly adopts), and a
// participial adverbial clause without a subject or subordinator takes the main clause's subject
// ("a panel released a report, accusing North Korea of ..." → the panel accuses).
func (c *Coder) subject(t *tree, i int) int {
	for steps := 0; i >= 0 && steps < 6; steps++ {
		if s := t.child(i, "nsubj", "nsubj:pass", "csubj"); s >= 0 {
			return s
		}
		b := t.base(i)
		if t.isXcomp(i) {
			b = "xcomp"
		}
		switch b {
		case "xcomp":
			h := t.head[i]
			if h >= 0 && t.isVerb(h) && objectControl[t.lemmas[h]] {
				if o := t.child(h, "obj", "iobj"); o >= 0 && o < i && t.isNominal(o) {
					return o
				}
			}
			if o := obliqueController(t, h); o >= 0 && o < i {
				return o
			}
			i = h
			// xcomp of a noun ("plans to attack") has no subject there; keep climbing.
			if i >= 0 && t.isNominal(i) && t.base(i) != "root" {
				return -1
			}
		case "conj":
			i = t.head[i]
			if i >= 0 && t.isNominal(i) && t.base(i) != "root" {
				return -1
			}
		case "advcl":
			if !participial(t, i) {
				return -1
			}
			i = t.head[i]
			if i >= 0 && !t.isVerb(i) {
				return -1
			}
		case "acl":
			return t.head[i]
		default:
			return -1
		}
	}
	return -1
}

// obliqueControl gives, for appeal verbs whose addressee is an oblique, the preposition of the
// oblique that controls their infinitive ("called on Yemen to lift the bans": Yemen lifts;
// "appealed to the rebels to lay down their arms": the rebels lay them down).
var obliqueControl = map[string]string{"CALL": "ON", "APPEAL": "TO", "PLEAD": "WITH"}

// obliqueController returns the oblique of verb h that controls h's infinitive (obliqueControl),
// or -1.
func obliqueController(t *tree, h int) int {
	if h < 0 || !t.isVerb(h) {
		return -1
	}
	want, ok := obliqueControl[t.lemmas[h]]
	if !ok {
		return -1
	}
	for _, k := range t.kids[h] {
		if t.base(k) != "obl" || !t.isNominal(k) || k < h {
			continue
		}
		if p := t.prep(k); p == want || (want == "ON" && p == "UPON") {
			return k
		}
	}
	return -1
}

// objectControl are lemmas of object-control verbs, whose object is the understood subject of
// their infinitive ("urged Uganda to repatriate", "prompted the Assembly to adopt"); other verbs
// with an object and an infinitive keep their own subject ("Mordor will be hosting Osgiliath to
// celebrate Tabaski": Mordor celebrates).
var objectControl = map[string]bool{
	"ASK": true, "URGE": true, "PERSUADE": true, "FORCE": true, "COMPEL": true, "PROMPT": true,
	"LEAD": true, "CAUSE": true, "ALLOW": true, "PERMIT": true, "ENABLE": true, "ENCOURAGE": true,
	"INVITE": true, "TELL": true, "ORDER": true, "REQUIRE": true, "PRESSURE": true, "PRESS": true,
	"DRIVE": true, "SPUR": true, "EXHORT": true, "AUTHORIZE": true, "AUTHORISE": true,
	"INSTRUCT": true, "DIRECT": true, "DEMAND": true, "EMPOWER": true, "OBLIGE": true, "OBLIGATE": true,
	"PUSH": true, "IMPLORE": true, "BEG": true, "CONVINCE": true, "INDUCE": true, "TRIGGER": true,
}

// participial reports a participial adverbial clause: a VBG or VBN verb without a subordinator
// or subject of its own ("..., accusing North Korea of crimes").
func participial(t *tree, i int) bool {
	if x := t.xpos(i); x != "VBG" && x != "VBN" {
		return false
	}
	for _, k := range t.kids[i] {
		switch t.base(k) {
		case "mark", "nsubj", "csubj", "aux", "expl":
			return false
		}
	}
	return true
}

var negWords = map[string]bool{"NOT": true, "N'T": true, "NEVER": true, "NT": true}

// reportNouns are lemmas of nouns whose "that" clause is a claim, not a fact: "allegations that
// Pakistan is supporting militants".
var reportNouns = map[string]bool{
	"ALLEGATION": true, "CLAIM": true, "REPORT": true, "ACCUSATION": true, "CHARGE": true,
	"RUMOR": true, "RUMOUR": true, "SUGGESTION": true, "ASSERTION": true, "CONTENTION": true,
	"IMPRESSION": true, "SPECULATION": true,
}

// denialAdjectives are lemmas of predicates that deny a claim: "... are baseless and unfounded".
var denialAdjectives = map[string]bool{
	"BASELESS": true, "FALSE": true, "UNFOUNDED": true, "UNTRUE": true, "GROUNDLESS": true,
	"FABRICATED": true, "BOGUS": true, "INCORRECT": true, "FICTITIOUS": true, "ABSURD": true,
	"RIDICULOUS": true, "LUDICROUS": true,
}

// disputed reports whether verb i is the content of a claim that the sentence denies: its clause
// hangs, through a "that", from a report noun ("allegations that Pakistan is supporting
// militants"), and a copular denial adjective ("are baseless") is tied to that noun or to the
// verb in the tree: the noun's predicate (UD: "allegations" nsubj of "baseless"), a dependent of
// the verb as parsers often attach it, or a sibling of the noun under the same reporting verb. The claimed act is not coded as an event: the sentence
// says it did not happen (cf. §12.6, negation).
func disputed(t *tree, i int) bool {
	// The report noun: the first nominal above the verb, through clausal relations.
	n := -1
	for j, steps := i, 0; t.head[j] >= 0 && steps < 4; steps++ {
		switch t.base(j) {
		case "ccomp", "acl", "nmod", "dep", "appos", "advcl", "fixed":
			// fixed: a parser misreading "that supporting" as one expression
		default:
			return false
		}
		j = t.head[j]
		if t.isNominal(j) && t.upos(j) != "PRON" {
			n = j
			break
		}
	}
	if n < 0 || n > i || !reportNouns[t.lemmas[n]] {
		return false
	}
	that := false
	for k := n + 1; k < i; k++ {
		if t.words[k] == "THAT" {
			that = true
			break
		}
	}
	if !that {
		return false
	}
	for d := i + 1; d < t.n; d++ {
		if !denialAdjectives[t.lemmas[d]] || t.child(d, "cop") < 0 {
			continue
		}
		// Tied: the noun is the adjective's subject, the adjective hangs from the claimed verb,
		// or both hang from the same reporting verb ("said allegations that ... are baseless"
		// parsed with both as complements of "said").
		if d == t.head[n] || t.ancestor(i, d, 3) || (t.head[d] >= 0 && t.head[d] == t.head[n]) {
			return true
		}
	}
	return false
}

// ancestor reports whether a is an ancestor of k within steps head steps.
func (t *tree) ancestor(a, k, steps int) bool {
	for j := t.head[k]; j >= 0 && steps > 0; j, steps = t.head[j], steps-1 {
		if j == a {
			return true
		}
	}
	return false
}

// negated reports negation (§12.6, Dyad's rule): not, n't, never (or a word with Polarity=Neg) as an
// advmod of the verb or of its auxiliaries, or "no longer".
func negated(t *tree, i int) bool {
	for _, k := range t.kids[i] {
		b := t.base(k)
		if b != "advmod" && b != "neg" && b != "aux" {
			continue
		}
		if negWords[t.words[k]] || strings.Contains(t.s.Tokens[k].Feats, "Polarity=Neg") && b == "advmod" {
			return true
		}
		if t.words[k] == "LONGER" {
			for _, m := range t.kids[k] {
				if t.words[m] == "NO" {
					return true
				}
			}
		}
	}
	return false
}

// objects returns the object-side nominals of verb i in order: obj/iobj (with their conjuncts),
// then obl phrases.
func (t *tree) objects(i int) (objs, obls []int) {
	m := t.memoOf(i)
	if m.done&memoObjects == 0 {
		m.objs, m.obls = t.objectsUncached(i)
		m.done |= memoObjects
	}
	return m.objs, m.obls
}

// objectsUncached computes objects(i) into the tree's arena; the slices are capped, so that
// appending to them copies.
func (t *tree) objectsUncached(i int) (objs, obls []int) {
	top := len(t.stack)
	for _, k := range t.kids[i] {
		switch t.base(k) {
		case "obj", "iobj":
			if t.isNominal(k) || t.upos(k) == "ADJ" {
				t.stack = append(t.stack, k)
			}
		case "xcomp":
			if t.isNominal(k) {
				t.stack = append(t.stack, k)
			}
		}
	}
	objs = t.keep(t.stack[top:])
	t.stack = t.stack[:top]
	for _, k := range t.kids[i] {
		switch t.base(k) {
		case "obl", "nmod":
			if t.rel(k) != "obl:tmod" && t.rel(k) != "nmod:tmod" && t.rel(k) != "obl:npmod" {
				t.stack = append(t.stack, k)
			}
		}
	}
	obls = t.keep(t.stack[top:])
	t.stack = t.stack[:top]
	return objs, obls
}

// hasOwn reports whether evs holds an event of frame f itself.
func hasOwn(evs []raw, f *frame) bool {
	for _, e := range evs {
		if e.f == f {
			return true
		}
	}
	return false
}

// hideBelow marks done the frames of clauses below verb v, except coordinated verbs, reporting
// clauses (parataxis) and clauses inside the subject.
func hideBelow(t *tree, v int, byTok []*frame) {
	var walk func(k int)
	walk = func(k int) {
		for _, m := range t.kids[k] {
			switch t.base(m) {
			case "parataxis", "nsubj", "csubj":
				continue
			case "conj":
				if t.isVerb(k) {
					continue
				}
			}
			if g := byTok[m]; g != nil {
				g.done = true
			}
			walk(m)
		}
	}
	walk(v)
}

// depth returns the number of heads above token i.
func (t *tree) depth(i int) int {
	d := 0
	for j := t.head[i]; j >= 0 && d <= t.n; j = t.head[j] {
		d++
	}
	return d
}

// futureVerb reports whether verb i is announced for the future: it has the auxiliary will, would,
// shall, 'll or may (not "may have"), or it is the infinitive of "willing", "ready" or "prepared" ("is willing to
// withdraw", "is prepared to impose").
func futureVerb(t *tree, i int) bool {
	may, perfect := false, false
	for _, k := range t.kids[i] {
		if t.base(k) != "aux" {
			continue
		}
		switch t.words[k] {
		case "WILL", "WOULD", "SHALL", "'LL", "WO":
			return true
		case "MAY":
			may = true
		}
		if t.lemmas[k] == "HAVE" {
			perfect = true
		}
	}
	if may && !perfect {
		// "may halt mediation efforts if cooperation founders": a possible act announced for the
		// future (CAMEO 1.1b3 13, threaten; 03, intent); "may have launched" is a guess about the past.
		return true
	}
	if h := t.head[i]; h >= 0 && t.isXcomp(i) && t.upos(h) == "ADJ" {
		switch t.lemmas[h] {
		case "WILLING", "READY", "PREPARED":
			return true
		}
	}
	return false
}
