package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// frameCode sets f.code from the best matching pattern, else the verb's own or block code.
func (c *Coder) frameCode(t *tree, f *frame) {
	if f.code.Kind != dict.CodeNone || f.pattern != nil {
		return
	}
	if p := c.bestPattern(t, f); p != nil {
		f.pattern, f.code = p, p.Code
		return
	}
	f.code = f.verb.Code
	if f.code.Kind == dict.CodeNone && f.verb.Block != nil {
		f.code = f.verb.Block.Code
	}
	if f.code.Kind == dict.CodeSingle && f.code.A == "030" && c.opts.Internal != nil && agreeThat(c, t, f.v) {
		// "agreed (that) there was an urgent need for progress": agreeing to a proposition,
		// not to an act, is an expression of accord (CAMEO 1.1b3 019: "agree or concur on an
		// issue but do not imply commitment or intent to cooperate"), not intent (030).
		f.code = dict.Code{Kind: dict.CodeSingle, A: "019"}
	}
}

// agreeThat reports whether verb v has a finite clausal complement (ccomp without "to") whose verb
// is no dictionary verb, and no infinitival complement: "agreed that X was needed" is a statement
// of accord, while "agreed to help" and "agreed that they would meet" carry an act.
func agreeThat(c *Coder, t *tree, v int) bool {
	found := false
	for _, k := range t.kids[v] {
		if t.isXcomp(k) {
			return false
		}
		if t.base(k) == "ccomp" && !hasMarkTo(t, k) && !t.isNominal(k) && c.frameAt(t, k) == nil {
			found = true
		}
	}
	return found
}

// roles fills the frame's source and target actors (§12.7).
func (c *Coder) roles(sc *storyCtx, t *tree, f *frame) {
	objs, obls := t.objects(f.v)
	// The objects of an uncoded infinitival complement: with a pattern that reached into it
	// ("vowed to wage war on the Rohans") on a par with the verb's own; otherwise only when the
	// verb's own objects name no actor and it has no direct object ("promised to democratize
	// Serbia", "helped save Afghan civilians": the verb's act is directed at the complement's
	// object, CAMEO 1.1b3 §1; in "urged both sides to protect civilians" the appeal is to both
	// sides, not to the civilians). Under an intent (03) that object is the target only when it
	// is the country as a whole of which the source is a state organ: the dictionary's silence
	// on the complement's verb says nothing about whether the intent is cooperative ("vowed to
	// punish Israel", "plans to keep troops in Syria"), while a government's commitment about
	// its own country is a domestic one (CAMEO 1.1b3 034: "the country in general ... should
	// be coded as the target"; "Kostunica promised to democratize Serbia").
	// Under aid (07) the same silence holds: CAMEO 1.1b3 070-075 code "provisions, extension of
	// material aid" and their target is the party aided, while an uncoded complement's object
	// may be its adversary ("Russia helped topple the government of Ukraine" is no aid to
	// Ukraine's government). That object is the target only when the complement's verb is one
	// whose act benefits its object (aidedObject: "helped rebuild Syria", "helped fix the
	// Muzaffarabad water supply system", 073 "evacuation of victims") or it is the source's own
	// country. A subject of the complement ("China helped Pakistan build a reactor", parsed as
	// a small clause) is the party aided whatever the complement's verb, and comes first.
	aid := strings.HasPrefix(firstCode(f.code), "07")
	var inner []int
	// benefit marks the inner objects of a complement whose verb is in aidedObject.
	var benefit []bool
	// An object-control verb without its object (sentence.go) is a headline's passive ("Iranian
	// diplomats told to leave Germany"): its complement's object is no target of its own.
	ownObj := t.child(f.v, "obj", "iobj") >= 0 || propositional[t.lemmas[f.v]] || objectControl[t.lemmas[f.v]]
	for _, k := range t.kids[f.v] {
		if t.isXcomp(k) && !t.isNominal(k) && c.frameAt(t, k) == nil {
			o, ob := t.objects(k)
			if f.pattern != nil {
				objs = append(objs, o...)
				obls = append(obls, ob...)
			} else if !ownObj && t.child(k, "aux", "aux:pass") < 0 && !negated(t, k) {
				// Not a perfect or progressive infinitive, which reports the subject's own
				// state ("claims to be manufacturing weapons", "claims to have killed"),
				// nor a negated one ("vowed not to have any dealings with the PLO").
				if s := t.child(k, "nsubj"); aid && s >= 0 {
					inner = append(inner, s)
					benefit = append(benefit, true)
				}
				inner = append(append(inner, o...), ob...)
				for len(benefit) < len(inner) {
					benefit = append(benefit, aidedObject[t.lemmas[k]])
				}
			}
		}
	}
	passive := f.passive || f.code.Kind == dict.CodePassive
	if passive {
		f.sources = c.actorsOf(sc, t, f.agent)
		for _, k := range obls {
			if k == f.agent || t.isVenue(f, k) {
				continue
			}
			switch t.prep(k) {
			case "AT", "AGAINST", "INTO", "TOWARDS", "TOWARD":
				if a := c.actorsOf(sc, t, k); len(a) > 0 && len(f.targets) == 0 {
					f.targets = a
				}
			}
		}
		if len(f.targets) == 0 {
			f.targets = c.actorsOf(sc, t, f.subj)
		}
		if f.agent < 0 && len(f.sources) == 0 {
			// No "by" phrase on the verb: the agent of an oblique's event noun ("was murdered
			// in an attack by Kosovo Albanians" → the attackers).
			f.sources = c.nestedAgent(sc, t, obls)
		}
		if f.agent < 0 && len(f.sources) == 0 && c.opts.PlaceSource {
			// PETRARCH2 (§12.5): the first other oblique that names an actor ("The Philippines
			// was criticized over its dispute with Eriador" → ERI PHL).
			for _, k := range obls {
				switch t.prep(k) {
				case "AT", "AGAINST", "INTO", "TOWARDS", "TOWARD", "TO":
					continue
				}
				if t.isVenue(f, k) {
					continue // a place named as the location (location.go)
				}
				if a := c.actorsOf(sc, t, k); len(a) > 0 {
					f.sources = a
					break
				}
			}
		}
		return
	}
	f.sources = c.actorsOf(sc, t, f.subj)
	if f.subj >= 0 && t.head[f.v] == f.subj && t.base(f.v) == "acl" {
		// A reduced relative clause's subject is its head noun, coded without the clause
		// itself: "an envoy travelling to Afghanistan, Chad and Iraq" is not an envoy of
		// each country travelling to the others (the clause's objects are its targets).
		t.ownClause = f.v + 1
		f.sources = c.actorsOfUncached(sc, t, f.subj)
		t.ownClause = 0
	}
	var mk *patternMarks
	if f.pattern != nil {
		mk = c.markers(f.pattern)
	}
	if mk != nil && mk.swapped {
		// TABARI markers "- + * ... $": the subject is the target, the object side the source.
		_, post := c.sides(t, f)
		post = slices.Clone(post)
		slices.Sort(post)
		for _, k := range post {
			if a := c.actorsOf(sc, t, k); len(a) > 0 {
				f.targets, f.sources = f.sources, a
				return
			}
		}
	}
	if f.pattern != nil {
		if head, skips, ok := mk.dollarHead, mk.dollarSkips, mk.dollar; ok {
			// TABARI "- * WORD ^ $": the source is the actor after WORD (skipping one actor per
			// "^"), the subject the target.
			_, post := c.sides(t, f)
			post = slices.Clone(post)
			slices.Sort(post)
			start := -1
			for n, k := range post {
				if t.words[k] == head || t.lemmas[k] == head {
					start = n
					break
				}
			}
			if start >= 0 {
				for _, k := range post[start+1:] {
					a := c.actorsOf(sc, t, k)
					if len(a) == 0 {
						continue
					}
					if skips > 0 {
						skips--
						continue
					}
					f.targets, f.sources = f.sources, a
					return
				}
			}
		}
		if skip, want, ok := mk.plusSkip, mk.plusWant, mk.plus; ok {
			_, post := c.sides(t, f)
			post = slices.Clone(post)
			slices.Sort(post)
			for _, k := range post {
				p := t.prep(k)
				if (want != "" && p != want) || (p != "" && slices.Contains(skip, p)) {
					continue
				}
				if t.isVenue(f, k) {
					continue // a place named as the location or a meeting's venue (location.go)
				}
				if a := c.actorsOf(sc, t, k); len(a) > 0 {
					f.targets = a
					return
				}
			}
		}
	}
	// An object naming the source's own organs through a possessive ("withdrew its troops from
	// Lebanon") is the target only when nothing else is.
	var own []actor
	intent := strings.HasPrefix(firstCode(f.code), "03")
	// A reflexive object: the act is done to the source itself ("Israel defended itself against
	// Hamas"), and an AGAINST oblique names its adversary, never the target of the verb's code;
	// so does a FROM oblique of a verb of protection ("Taiwan defended itself from China" is no
	// verbal defence of China, CAMEO 1.1b3 052 "defend verbally, justify policy, action or
	// actor"; the defence meant is military, which 052 leaves "elsewhere"). Other obliques may
	// name it ("committed itself to talks with the European Union", "surrendered themselves to
	// the army", "withdrew themselves from Kuwait").
	refl := t.reflexiveObject(f.v)
	for n, side := range [3][]int{objs, obls, inner} {
		for j, k := range side {
			if misparsedSubject(t, f.v, k) {
				continue
			}
			if n == 0 && reflexive[t.words[k]] {
				// "Iran committed itself to talks with the European Union": the source
				// again, not the target, which is looked for further on.
				continue
			}
			if refl && n > 0 && (t.prep(k) == "AGAINST" || t.prep(k) == "FROM" && protective[t.lemmas[f.v]]) {
				continue
			}
			if n == 1 && t.isVenue(f, k) || n == 2 && t.base(k) == "obl" && t.isLocation(k) {
				// A place named as the event's location or a meeting's venue (location.go).
				continue
			}
			a := c.actorsOf(sc, t, k)
			if aid && n == 0 {
				if j := t.misparsedSmallClause(k); j >= 0 {
					// "Iran helped Hezbollah attack Israel" parsed with "attack" as the
					// object noun: the party aided is the clause's subject only.
					a = c.actorsOf(sc, t, j)
				}
			}
			if n == 1 && f.placedName && locativePreps[t.prep(k)] && !domesticIntent(f, a) {
				// "Obama praised Abe in Tokyo": where the person the dictionaries do not
				// know was, not whom the act was done to (location.go).
				continue
			}
			if (n == 0 || n == 1 && partyPreps[t.prep(k)]) && locatesNames(f) && t.upos(k) == "PROPN" && !domesticIntent(f, a) {
				// "Obama met (with) Abe in Tokyo" with "in Tokyo" on "Abe": a name that
				// codes nothing is no actor through its place (location.go).
				if a = t.unplacedActors(k, a); len(a) == 0 {
					f.placedName = true
				}
			} else if vc := frameCodeOf(f); (vc == "042" || vc == "043") && (n == 0 || n == 1 && partyPreps[t.prep(k)]) && t.upos(k) == "PROPN" && len(f.sources) > 0 {
				// Visits keep the place of a name (locatesNames), but not the source's own
				// country: "Obama hosted Abe in Washington" is no visit of the United States
				// to itself (CAMEO 1.1b3 042/043 code one actor's visit to another).
				if un := t.unplacedActors(k, a); len(un) < len(a) {
					a = withoutActors(a, func(x actor) bool {
						return !slices.Contains(un, x) && sameBase([]actor{x}, f.sources)
					})
				}
			}
			if len(a) == 0 {
				continue
			}
			if n == 2 && (intent || aid && !benefit[j]) && !ownCountry(a, f.sources) {
				continue
			}
			if ownSide(a, f.sources) {
				if own == nil {
					own = a
				}
				continue
			}
			f.targets = a
			return
		}
	}
	if own != nil {
		f.targets = own
		return
	}
	// "Arnor believes Dagolath can cope ...": the subject of a complement clause whose verb is
	// not coded.
	// When that subject is the speaker again ("Frodo said he has satisfaction toward Gondor"),
	// the clause's objects.
	c.clauseTarget(sc, t, f, false)
}

// reflexiveObject reports whether verb v has a reflexive pronoun as its direct object ("defended
// itself", "committed itself"): the act is done to the subject itself.
func (t *tree) reflexiveObject(v int) bool {
	for _, k := range t.kids[v] {
		if t.base(k) == "obj" && reflexive[t.words[k]] {
			return true
		}
	}
	return false
}

// protective are upper-cased lemmas of verbs of protection, whose FROM oblique names the
// adversary protected against, as AGAINST does ("defended itself from China", "shield
// themselves from Hamas").
var protective = map[string]bool{
	"DEFEND": true, "PROTECT": true, "SHIELD": true, "GUARD": true, "SAFEGUARD": true,
	"SHELTER": true, "INSULATE": true,
}

// ownCountry reports whether every actor of a is a country as a whole of which some source is a
// state organ ("Serbian President Vojislav Kostunica promised to democratize Serbia": SRB of SRBGOV).
func ownCountry(a, srcs []actor) bool { return everyRelated(a, srcs, stateOf) }

// everyRelated reports that a is not empty and that every actor of a stands in rel (its code,
// a source's code) to some actor of srcs.
func everyRelated(a, srcs []actor, rel func(x, s string) bool) bool {
	for _, x := range a {
		if !slices.ContainsFunc(srcs, func(s actor) bool { return rel(x.code, s.code) }) {
			return false
		}
	}
	return len(a) > 0
}

// aidedObject are upper-cased lemmas of verbs whose act benefits their object, so that the
// object of such a complement of an aid verb without an object of its own is the party aided
// (CAMEO 1.1b3 070 "provisions, extension of material aid", the manual's 071 example aid "for
// agricultural development projects", 073 "provisions of shelter, food, medicine, and
// evacuation of victims"): "UNICEF has helped fix the Muzaffarabad water supply system", "helped rebuild
// Syria", "helped establish an emerging democratic Afghan government". Other complements leave
// the aided party unnamed ("helped topple the government of Ukraine").
var aidedObject = map[string]bool{
	"REBUILD": true, "RECONSTRUCT": true, "RESTORE": true, "REPAIR": true, "FIX": true,
	"BUILD": true, "DEVELOP": true, "MODERNIZE": true, "MODERNISE": true, "IMPROVE": true,
	"STRENGTHEN": true, "STABILIZE": true, "STABILISE": true, "ESTABLISH": true, "REVIVE": true,
	"SAVE": true, "RESCUE": true, "FEED": true, "SHELTER": true, "HOUSE": true, "RESETTLE": true,
	"EVACUATE": true, "TREAT": true, "VACCINATE": true, "TRAIN": true, "EQUIP": true,
	"PROTECT": true, "SECURE": true, "DEFEND": true, "SUPPORT": true, "FINANCE": true, "FUND": true,
}

// propositional are upper-cased lemmas of verbs whose infinitival complement states a proposition
// about their subject, not an act directed at the complement's object ("The Syrian Kurds claim to
// have no links to the PKK", "expects to have 75,000 people here").
var propositional = map[string]bool{
	"CLAIM": true, "ALLEGE": true, "PROFESS": true, "PRETEND": true, "PURPORT": true, "SEEM": true,
	"APPEAR": true, "EXPECT": true, "DENY": true,
}

// nestedAgent returns the actors of a "by" phrase on the nominal of one of a passive verb's
// obliques, the agent of the act the oblique names ("was murdered in an attack on a police
// patrol by Kosovo Albanians": the Albanians; UD attaches the by phrase to "attack" or to the
// noun it follows), or nil.
func (c *Coder) nestedAgent(sc *storyCtx, t *tree, obls []int) []actor {
	for _, k := range obls {
		top := len(t.stack)
		t.stack = t.subtree(k, skipFull, t.stack)
		var found []actor
		for _, m := range t.stack[top:] {
			if m == k || !t.has(m, "nmod") || t.prep(m) != "BY" {
				continue
			}
			if a := c.actorsOf(sc, t, m); len(a) > 0 {
				found = a
				break
			}
		}
		t.stack = t.stack[:top]
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

// clauseSubject returns the subject of clause k: its nsubj, or, for a finite clause without one
// (it has an auxiliary), an object of the governing verb just before it, which parsers often take
// for the verb's object when "that" is omitted ("warned Pyongyang would respond": Pyongyang is
// the clause's subject). -1 when there is none.
func clauseSubject(t *tree, k int) int {
	if s := t.child(k, "nsubj", "nsubj:pass"); s >= 0 {
		return s
	}
	h := t.head[k]
	if h < 0 || t.child(k, "aux") < 0 || t.child(k, "mark") >= 0 {
		return -1
	}
	m := -1
	for _, o := range t.kids[h] {
		if (t.has(o, "obj") || t.has(o, "iobj")) && o < k && t.isNominal(o) {
			m = o
		}
	}
	if m < 0 || t.child(h, "ccomp") != k {
		return -1
	}
	for j := m + 1; j < k; j++ {
		if t.head[j] == h && j != m {
			return -1 // something else of the governing verb stands between them
		}
	}
	return m
}

// misparsedSubject reports an object o of verb v that is the subject of v's complement clause
// (clauseSubject), not v's object.
func misparsedSubject(t *tree, v, o int) bool {
	k := t.child(v, "ccomp")
	return k > o && clauseSubject(t, k) == o && t.child(k, "nsubj", "nsubj:pass") < 0
}

// gerundOfFor reports an adverbial clause introduced by "of" or "for" with a subject of its own,
// as parsers often analyse "accused the United States of using ..." (the accused is the clause's
// subject).
func gerundOfFor(t *tree, k int) bool {
	for _, m := range t.kids[k] {
		if t.base(m) == "mark" && m < k && (t.words[m] == "OF" || t.words[m] == "FOR") {
			return t.child(k, "nsubj") >= 0
		}
	}
	return false
}

// clauseTarget sets the target of a frame without one from its complement clause ("Arnor
// believes Dagolath can cope ...": the clause's subject; when that is the speaker again, the
// clause's objects). Clauses whose verb is in the dictionary are skipped unless coded is true,
// which frameEvents passes when those clauses coded no event ("The diplomat claimed that
// Washington was using the issue as a pretext" → the diplomat accuses Washington).
func (c *Coder) clauseTarget(sc *storyCtx, t *tree, f *frame, coded bool) {
	for _, k := range t.kids[f.v] {
		if !t.has(k, "ccomp") && !(t.has(k, "advcl") && gerundOfFor(t, k)) {
			continue
		}
		if !coded && c.frameAt(t, k) != nil {
			continue
		}
		if s := clauseSubject(t, k); s >= 0 {
			if a := c.actorsOf(sc, t, s); len(a) > 0 && !sameActors(a, f.sources) && !sameBase(a, f.sources) {
				f.targets = a
				return
			}
		}
		o, ob := t.objects(k)
		for _, m := range append(o, ob...) {
			if t.isLocation(m) && t.base(m) == "obl" {
				continue // a place named as the clause's location (location.go)
			}
			if a := c.actorsOf(sc, t, m); len(a) > 0 && !sameActors(a, f.sources) && !sameBase(a, f.sources) {
				f.targets = a
				return
			}
		}
	}
}

// ownSide reports an object that names the source's own organs through a possessive pronoun
// ("Syria offered its troops to Lebanon", "withdraw its troops from Lebanon"): a theme, not the
// target, which is looked for further on.
func ownSide(a, srcs []actor) bool {
	for _, x := range a {
		if !x.possessive {
			return false
		}
		found := false
		for _, s := range srcs {
			if b := actorBase(x.code); b != "" && b == actorBase(s.code) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// sameBase reports that every actor of a is an actor of b or the state an actor of b serves
// ("Pyongyang" and "North Korea's ambassador", PRK and PRKGOV: the speaker's own side, not a
// target; rebels, PRKREB, are not the state's side).
func sameBase(a, b []actor) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x.code == y.code || stateOf(x.code, y.code) || stateOf(y.code, x.code) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// stateRoles are the CAMEO roles of a state's own organs (Table 3.1).
var stateRoles = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true}

// stateOf reports that country is a bare actor code and code is that actor with state roles only.
func stateOf(country, code string) bool {
	if country == "" || actorBase(country) != country || !strings.HasPrefix(code, country) || len(code) == len(country) {
		return false
	}
	for _, ch := range cameo.Chunks(code[len(country):]) {
		if !stateRoles[ch] {
			return false
		}
	}
	return true
}

func sameActors(a, b []actor) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].code != b[i].code {
			return false
		}
	}
	return true
}

// frameAt returns a (cached) frame for the dictionary verb at token k, or nil.
func (c *Coder) frameAt(t *tree, k int) *dict.Verb {
	if !t.isVerb(k) {
		return nil
	}
	v, _, _ := c.matchVerb(t, k)
	return v
}

// frameEvents returns the events of frame f, combining it with the coded verbs of its xcomp and
// ccomp clauses (§12.4 step 5-6, §12.9).
func (c *Coder) frameEvents(sc *storyCtx, t *tree, f *frame, byTok []*frame) []raw {
	if c.hopeless(sc, t, f, byTok) {
		return nil
	}
	c.frameCode(t, f)
	c.roles(sc, t, f)
	// Lower verbs: xcomp ("agreed to help") and clausal complements ("said that X attacked Y").
	var lower, para []raw
	xcompEvents := false
	var xg *frame     // the first governed infinitive that coded no event
	var topical []raw // events of a discussion that is a consultation's purpose (discussionPurpose)
	for _, k := range t.kids[f.v] {
		g := byTok[k]
		if g == nil && !f.negated && t.has(k, "ccomp") {
			// A complement clause without a dictionary verb can still be a demand or an
			// appeal ("said US forces must ensure security").
			if up := c.clauseDemand(t, f, k); up != "" {
				lower = append(lower, c.directed(sc, t, f, k, nil, up)...)
			}
			continue
		}
		if g == nil || g.done {
			continue
		}
		b := t.base(k)
		if t.isXcomp(k) {
			b = "xcomp"
		}
		switch b {
		case "xcomp":
			g.done = true
			sub := c.frameEvents(sc, t, g, byTok)
			if f.negated {
				sub = nil
			}
			if len(sub) > 0 && c.aidedClause(sc, t, f, k) {
				// "Iran helped Iraq fight Islamic State": the small clause's subject is the
				// party aided (roles), and its act is left out rather than coded with the
				// helper as source. CAMEO 1.1b3 codes the aid the lead reports toward the
				// party helped: 0332 "Syria has again offered its troops to Lebanon's new
				// President Elias Hrawi to help him oust General Michel Aoun" is Syria →
				// Lebanon, with no ousting event; 072 "providing ... military intelligence
				// to Macedonia which is preparing a major offensive against ethnic Albanian
				// guerrillas" is USA → MKD only.
				continue
			}
			if len(sub) > 0 && discussionPurpose(t, f, g) {
				// "Kerry met Lavrov in Geneva to discuss Syria": the discussion's object is
				// the meeting's topic, not a party to it (CAMEO 1.1b3 04: the target of a
				// consultation is the actor met); the meeting's own event stands, and the
				// discussion's events are kept only when the meeting codes none.
				topical = append(topical, sub...)
				continue
			}
			if tr := c.transform(f, sub, c.denial(f)); len(tr) > 0 {
				// "denied attacking Iraq": "~ a (a b ATTACK) DENY = a b 016" (§5.6).
				xcompEvents = true
				lower = append(lower, tr...)
				continue
			}
			if c.denial(f) {
				sub = c.denied(f, sub)
			}
			if len(sub) > 0 {
				xcompEvents = true
			} else if xg == nil {
				xg = g
			}
			if f.code.Kind == dict.CodeNull || len(sub) == 0 {
				lower = append(lower, sub...)
				continue
			}
			// Verb + verb: the governed verb's code (combine_code keeps the lower code whenever
			// it is at least as specific), except under an appeal, intent, demand, rejection or
			// threat verb, whose root stands (§5.7, Govern).
			lower = append(lower, c.govern(f, sub)...)
		case "ccomp", "parataxis":
			sub := c.frameEvents(sc, t, g, byTok)
			g.done = true
			if f.negated {
				continue
			}
			if tr := c.transform(f, sub, c.denial(f)); len(tr) > 0 {
				lower = append(lower, tr...)
				continue
			}
			if c.denial(f) && t.base(k) == "ccomp" {
				lower = append(lower, c.denied(f, sub)...)
				continue
			}
			if t.base(k) == "parataxis" {
				// "X welcomed ..., the agency said": a reporting clause, not a complement.
				lower = append(lower, sub...)
				para = append(para, sub...)
				continue
			}
			if up := c.clauseDemand(t, f, k); up != "" {
				if d := c.directed(sc, t, f, k, sub, up); len(d) > 0 {
					lower = append(lower, d...)
					continue
				}
			}
			lower = append(lower, c.nest(f, sub)...)
		}
	}
	if up := firstCode(f.code); len(up) >= 2 && governingRoots[up[:2]] && !f.negated && c.opts.Internal != nil {
		// An infinitive on the verb's object or oblique ("called on the world community to
		// help", often parsed as acl of the nominal) is governed like an xcomp.
		objs, obls := t.objects(f.v)
		for _, side := range [2][]int{objs, obls} {
			for _, o := range side {
				for _, m := range t.kids[o] {
					g := byTok[m]
					if g == nil || g.done || t.base(m) != "acl" || !hasMarkTo(t, m) {
						continue
					}
					g.done = true
					if sub := c.frameEvents(sc, t, g, byTok); len(sub) > 0 {
						xcompEvents = true
						lower = append(lower, c.govern(f, sub)...)
					} else if xg == nil {
						xg = g
					}
				}
			}
		}
	}
	if len(lower) == 0 && len(f.targets) == 0 && len(f.sources) > 0 && !f.negated {
		c.clauseTarget(sc, t, f, true)
	}
	up := firstCode(f.code)
	gov := len(up) >= 2 && governingRoots[up[:2]] && c.opts.Internal != nil && !f.negated
	if gov && len(f.targets) == 0 && len(f.sources) > 0 {
		f.targets = c.conditionTarget(sc, t, f)
	}
	if len(lower) == 0 && c.opts.FallbackRoles {
		c.fallbackRoles(sc, t, f)
	}
	if c.opts.InheritAgents {
		c.inheritTargets(f, t)
	}
	own := c.ownEvents(f)
	if gov && xg != nil && len(own) > 0 && !xcompEvents {
		// "threatened to stop negotiations if the United States ...": the governed verb's
		// code, without actors of its own, still refines the governing one (Govern).
		c.frameCode(t, xg)
		if low := firstCode(xg.code); low != "" {
			if code, ok := c.opts.Internal.Govern(up, low); ok {
				for i := range own {
					if !own[i].recip {
						own[i].code = code
					}
				}
			}
		}
	}
	if len(own) == 0 || xcompEvents {
		// §12.4 step 4: the events of a governed verb ("will be hosting X to celebrate Y with
		// Z") take the place of the verb's own object.
		if len(own) == 0 {
			lower = append(lower, topical...)
		}
		return lower
	}
	// An infinitival clause on the object ("urged Eriador to respond", often parsed as acl of
	// the object) is the verb's complement too.
	objs, _ := t.objects(f.v)
	for _, o := range objs {
		for _, m := range t.kids[o] {
			if g := byTok[m]; g != nil && t.base(m) == "acl" && !t.isXcomp(m) && hasMarkTo(t, m) {
				g.done = true
			}
		}
	}
	// §12.4 step 6: events of a clause below the verb are used only if the verb found nothing
	// else ("X urged Y to respond to Z" → X Y 023 only); reporting clauses (parataxis) stand apart.
	return append(own, para...)
}

// misparsedSmallClause returns the subject of a small clause misparsed as a noun phrase, or -1:
// k is a singular common noun (XPOS NN) without determiner or possessor, with a proper-noun
// compound before it and a proper-noun apposition right after it ("helped Hezbollah/compound
// attack/obj Israel/appos"): the compound is the clause's subject, k its verb and the apposition
// its object.
func (t *tree) misparsedSmallClause(k int) int {
	if t.upos(k) != "NOUN" || t.xpos(k) != "NN" {
		return -1
	}
	subj, obj := -1, false
	for _, m := range t.kids[k] {
		if t.base(m) == "det" || t.rel(m) == "nmod:poss" {
			return -1
		}
		switch t.base(m) {
		case "compound":
			if m < k && t.upos(m) == "PROPN" && subj < 0 {
				subj = m
			}
		case "appos":
			obj = obj || m == k+1 && t.upos(m) == "PROPN"
		}
	}
	if !obj {
		return -1
	}
	return subj
}

// smallClauseAid are the upper-cased lemmas of aid verbs whose object is the subject of the
// infinitive after it ("helped Iraq fight", "assisted Turkey to host"), unlike verbs of sending
// whose infinitive is a purpose ("sent experts to investigate").
var smallClauseAid = map[string]bool{"HELP": true, "ASSIST": true}

// aidedClause reports whether the infinitive k governed by frame f is a small clause whose
// subject is the party aided: f is coded as aid (CAMEO 1.1b3 07) on a smallClauseAid verb, not
// negated, and names a party before k: f's verb has a direct object ("helped Turkey host Syrian refugees", the object being
// the clause's subject), or k has its own subject, which then becomes f's target when f has none.
func (c *Coder) aidedClause(sc *storyCtx, t *tree, f *frame, k int) bool {
	if !strings.HasPrefix(firstCode(f.code), "07") || f.negated || !smallClauseAid[t.lemmas[f.v]] {
		return false
	}
	if o := t.child(f.v, "obj", "iobj"); o >= 0 && o < k {
		return true
	}
	if s := t.child(k, "nsubj"); s >= 0 {
		if len(f.targets) == 0 {
			f.targets = c.actorsOf(sc, t, s)
		}
		return true
	}
	return false
}

// discussionPurpose reports whether frame g, governed by frame f as an infinitive, is the
// purpose of a consultation: f is coded in CAMEO 1.1b3 root 04 (consult: meet, host, visit,
// travel to), g is a discussion or negotiation (040, 046) with a direct object ("met Lavrov to
// discuss Syria", "hosted Abe to negotiate a trade deal"). That object is the topic of the talks,
// so g's events, whose target it is, are no consultation with it.
func discussionPurpose(t *tree, f, g *frame) bool {
	up, low := firstCode(f.code), firstCode(g.code)
	if !strings.HasPrefix(up, "04") || (low != "040" && low != "046") {
		return false
	}
	for _, m := range t.kids[g.v] {
		if t.base(m) == "obj" {
			return true
		}
	}
	return false
}

// denial reports a frame coded 016 (deny responsibility, CAMEO 1.1b3 §2: "deny an accusation or
// responsibility for an action"): the act it governs did not happen, as far as the source says.
func (c *Coder) denial(f *frame) bool {
	return firstCode(f.code) == "016" && !f.negated
}

// denied turns the events of an act governed by a denial (frame f) into denials: an act of the
// denier's own side toward a target becomes (denier, target, 016), as the verb file's
// transformations do for attacks and killings ("Iran denied attacking Iraq" → IRN IRQ 016, §5.6);
// an act of someone else that the source denies ("denied that Iraq attacked it") is not coded.
func (c *Coder) denied(f *frame, sub []raw) []raw {
	var out []raw
	for _, e := range sub {
		if e.recip {
			continue
		}
		for _, a := range f.sources {
			if a.code != e.src.code && !sameBase([]actor{e.src}, []actor{a}) {
				continue
			}
			if e.tgt.code != "" && e.tgt.code != "---" && !sameBase([]actor{e.tgt}, []actor{a}) {
				out = append(out, raw{src: a, tgt: e.tgt, code: "016", f: f})
			}
		}
	}
	return out
}

// govern recodes the events of an infinitive governed by frame f when f's code is of a family
// that keeps its root (InternalCodes.Govern); other events are returned as they are.
func (c *Coder) govern(f *frame, sub []raw) []raw {
	up := firstCode(f.code)
	if c.opts.Internal == nil || up == "" {
		return sub
	}
	out := make([]raw, 0, len(sub))
	for _, e := range sub {
		if e.recip {
			if !governingRoots[up[:min(2, len(up))]] {
				out = append(out, e)
			}
			continue
		}
		code, ok := c.opts.Internal.Govern(up, e.code)
		if !ok {
			out = append(out, e)
			continue
		}
		e.code = code
		if len(f.sources) > 0 && containsActor(f.targets, e.src.code) && !containsActor(f.sources, e.src.code) {
			// Object control ("urged Uganda to repatriate X"): the appeal is made to the
			// controlled object, by the governing verb's subject.
			for _, a := range f.sources {
				out = append(out, raw{src: a, tgt: e.src, code: code, f: e.f})
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

func containsActor(as []actor, code string) bool {
	for _, a := range as {
		if a.code == code {
			return true
		}
	}
	return false
}

// conditionTarget returns the target of an appeal, intent, demand, rejection or threat without
// one: the subject of a conditional clause (if, unless) below the verb or its infinitives ("The
// Soviet Union threatened to stop negotiations if the United States goes ahead" → USA), the party
// whose conduct the threat or demand is about (CAMEO 1.1b3 §2, codes 13 and 10).
func (c *Coder) conditionTarget(sc *storyCtx, t *tree, f *frame) []actor {
	var walk func(v, depth int) []actor
	walk = func(v, depth int) []actor {
		for _, k := range t.kids[v] {
			switch {
			case t.base(k) == "advcl" && !t.isXcomp(k):
				cond := false
				for _, m := range t.kids[k] {
					if t.base(m) == "mark" && (t.words[m] == "IF" || t.words[m] == "UNLESS") {
						cond = true
					}
				}
				if !cond {
					continue
				}
				if s := t.child(k, "nsubj", "nsubj:pass"); s >= 0 {
					if a := c.actorsOf(sc, t, s); len(a) > 0 && !sameBase(a, f.sources) {
						return a
					}
				}
			case t.isXcomp(k) && depth < 3:
				if a := walk(k, depth+1); len(a) > 0 {
					return a
				}
			}
		}
		return nil
	}
	return walk(f.v, 0)
}

// clauseDemand returns the code under which a complement clause k of frame f is an appeal or a
// demand made to the clause's subject, or "": the frame's own code when it is of an appeal,
// demand or threat family ("The PRC demanded that the US cancel the sale" → 10x toward the US),
// else, for a frame without a code of its own (SAY, ANNOUNCE), 100 when the clause has the modal
// must ("Russia said Sudan must return the helicopter": a demand, CAMEO 1.1b3 code 10) and 020
// when it has should.
func (c *Coder) clauseDemand(t *tree, f *frame, k int) string {
	if len(f.sources) == 0 || c.opts.Internal == nil {
		return ""
	}
	up := firstCode(f.code)
	if len(up) >= 2 {
		switch up[:2] {
		case "02", "10", "13":
			return up
		}
		if up[:2] != "01" {
			return ""
		}
	}
	for _, a := range t.children(k, "aux") {
		switch t.words[a] {
		case "MUST":
			return "100"
		case "SHOULD":
			return "020"
		}
	}
	return ""
}

// directed turns the events of complement clause k into events of frame f's sources toward the
// clause's actors, coded under up (InternalCodes.Govern); events whose source is the frame's own
// source stand ("Israel said it must defend itself"). A clause that coded nothing gives one event
// toward its subject with code up.
func (c *Coder) directed(sc *storyCtx, t *tree, f *frame, k int, sub []raw, up string) []raw {
	var out []raw
	for _, e := range sub {
		if e.recip {
			continue
		}
		if e.src.code == "---" || e.src.code == "" || sameBase([]actor{e.src}, f.sources) {
			out = append(out, e)
			continue
		}
		code, ok := c.opts.Internal.Govern(up, e.code)
		if !ok {
			code = e.code
		}
		for _, a := range f.sources {
			out = append(out, raw{src: a, tgt: e.src, code: code, f: e.f})
		}
	}
	if len(sub) == 0 {
		if s := clauseSubject(t, k); s >= 0 {
			for _, tg := range c.actorsOf(sc, t, s) {
				if tg.agentOnly || sameBase([]actor{tg}, f.sources) {
					continue
				}
				for _, a := range f.sources {
					out = append(out, raw{src: a, tgt: tg, code: up, f: f})
				}
			}
		}
	}
	return out
}

// ownEvents emits the frame's events (§12.8): one per source and target, paired codes as two
// events for an active verb (§5.5), compound cooperation among several sources without a target.
func (c *Coder) ownEvents(f *frame) []raw {
	var a, b string
	switch f.code.Kind {
	case dict.CodeSingle:
		a = f.code.A
	case dict.CodePaired:
		a, b = f.code.A, f.code.B
		if f.passive {
			b = ""
		}
	case dict.CodePassive:
		a = f.code.B
	default:
		return nil
	}
	if f.negated {
		// §12.6: the negated code when the table has one (paired codes lose their reciprocal).
		if c.opts.Internal == nil {
			return nil
		}
		n, ok := c.opts.Internal.Negate(a)
		if !ok {
			return nil
		}
		a, b = n, ""
	}
	if c.opts.FutureIntent && f.will && !f.negated && len(a) >= 2 && c.opts.Internal != nil {
		// "will visit", "would provide aid": a cooperative act announced for the future is an
		// expression of intent (CAMEO 1.1b3 §2, 03: "offer, promise, agree to, or otherwise
		// indicate willingness or commitment to cooperate"); "will visit" → 036. A conflictual
		// act announced for the future is a threat (13: "would blockade Paris" → 13x, "will
		// extend the curfew" → 1323).
		up := ""
		switch {
		case futureIntent[a[:2]]:
			up = "030"
		case futureThreat[a[:2]]:
			up = "130"
		}
		if up != "" {
			if code, ok := c.opts.Internal.Govern(up, a); ok {
				a, b = code, ""
			}
		}
	}
	var out []raw
	srcs, tgts := f.sources, f.targets
	if len(srcs) > 1 && len(a) >= 2 && compoundRoots[a[:2]] && sameBase(tgts, srcs) {
		// "Israel and Lebanon renewed negotiations on an Israeli troop pullback": the topic
		// names one source's own organs; the parties negotiate with each other (§12.8).
		tgts = nil
	}
	if len(srcs) > 0 && len(tgts) > 0 {
		for _, s := range srcs {
			for _, tg := range tgts {
				if s.code == tg.code {
					continue
				}
				out = append(out, raw{src: s, tgt: tg, code: a, f: f})
				if b != "" {
					out = append(out, raw{src: tg, tgt: s, code: b, f: f, recip: true})
				}
			}
		}
		return out
	}
	compound := f.pattern != nil && strings.Contains(f.pattern.Text, "%")
	if len(srcs) > 1 && len(tgts) == 0 && len(a) >= 2 {
		if compoundRoots[a[:2]] || (a[:2] == "19" && mutualFight[strings.ToUpper(f.verb.Lemma)]) {
			compound = true
		}
		if compound {
			for _, s := range srcs {
				for _, s2 := range srcs {
					if s.code != s2.code {
						out = append(out, raw{src: s, tgt: s2, code: a, f: f})
					}
				}
			}
			return out
		}
	}
	if c.opts.RequireDyad {
		return nil
	}
	null := actor{code: "---", lo: -1, hi: -1}
	for _, s := range srcs {
		out = append(out, raw{src: s, tgt: null, code: a, f: f})
	}
	for _, tg := range tgts {
		out = append(out, raw{src: null, tgt: tg, code: a, f: f})
	}
	return out
}

// compoundRoots are the cooperative roots whose several sources without a target act toward each
// other (§12.8: intend, consult, diplomatic and material cooperation).
var compoundRoots = map[string]bool{"03": true, "04": true, "05": true, "06": true}

// mutualFight are the lemmas of fighting verbs whose coordinated subjects fight each other when
// no target is named ("Vietnamese and Kampuchean forces were battling": VNM ↔ KHM 190); "attack"
// and "shell" need a target.
var mutualFight = map[string]bool{"FIGHT": true, "BATTLE": true, "CLASH": true, "SKIRMISH": true}

// futureIntent are the cooperative roots that a future auxiliary turns into intent (03).
var futureIntent = map[string]bool{"04": true, "05": true, "06": true, "07": true, "08": true}

// futureThreat are the conflictual roots that a future auxiliary turns into a threat (13).
var futureThreat = map[string]bool{"14": true, "15": true, "16": true, "17": true, "18": true, "19": true, "20": true}

// transform applies the verb file's transformations (§5.6) to the events of a clause governed by
// the frame's verb: "~ a (b c INNER) OUTER = x y CODE". With exact, only rules whose outer verb
// has exactly the frame's code apply (a denial is not a "TELL" although 010 covers 016).
func (c *Coder) transform(f *frame, sub []raw, exact bool) []raw {
	if len(sub) == 0 || c.set.Verbs == nil {
		return nil
	}
	outer := firstCode(f.code)
	if outer == "" {
		outer = firstCode(f.verb.Code)
	}
	// Rules whose outer verb has exactly the frame's code are tried first: "DENY" (016) before
	// "TELL" (010, which covers every 01x code).
	rules := c.set.Verbs.Transformations
	var out []raw
	for _, e := range sub {
		passes := 2
		if exact {
			passes = 1
		}
		for n := 0; n < passes*len(rules); n++ {
			r := rules[n%len(rules)]
			if exact := c.verbCode[r.OuterVerb] == outer; exact != (n < len(rules)) {
				continue
			}
			if !codeMatches(c.verbCode[r.OuterVerb], outer) {
				continue
			}
			if r.InnerVerb != "Q" && !codeMatches(c.verbCode[r.InnerVerb], e.code) {
				continue
			}
			vars := map[string]actor{}
			bind := func(v string, a actor) bool {
				switch v {
				case ".":
					return a.code != "---"
				case "_":
					return a.code == "---" || a.code == ""
				}
				if old, ok := vars[v]; ok {
					return old.code == a.code
				}
				for _, o := range vars {
					if o.code == a.code {
						return false // distinct variables name distinct actors ("a (b . ATTACK)")
					}
				}
				vars[v] = a
				return true
			}
			for _, a := range f.sources {
				vs := map[string]actor{}
				for k, v := range vars {
					vs[k] = v
				}
				vars = vs
				if !bind(r.Source, a) || !bind(r.InnerSource, e.src) || !bind(r.InnerTarget, e.tgt) {
					continue
				}
				ns, ok1 := vars[r.NewSource]
				nt, ok2 := vars[r.NewTarget]
				if !ok1 || !ok2 {
					continue
				}
				code := r.NewCode
				if code == "Q" {
					code = e.code
				}
				out = append(out, raw{src: ns, tgt: nt, code: code, f: e.f})
			}
			if len(out) > 0 {
				break
			}
		}
	}
	return out
}

// codeMatches reports whether an event code falls under a rule's verb code: equal, or the rule
// code is a root-level or 3-digit parent ("190" covers "19x", "0x0" parents cover their family).
func codeMatches(rule, code string) bool {
	if rule == "" || code == "" {
		return false
	}
	if rule == code {
		return true
	}
	if len(rule) == 3 && strings.HasSuffix(rule, "0") && strings.HasPrefix(code, rule[:2]) {
		return true
	}
	return len(code) == 4 && strings.HasPrefix(code, rule)
}

// evidence turns a raw event into a story.Event with actor and verb evidence.
func (c *Coder) evidence(t *tree, r raw) story.Event {
	e := story.Event{Code: r.code, Source: c.actorEvidence(t, r.src), Target: c.actorEvidence(t, r.tgt)}
	if r.f != nil {
		f := r.f
		e.Verb = story.Verb{Lemma: c.lowerLemma(f.verb)}
		e.Verb.Text, e.Verb.Start, e.Verb.End = spanText(t, f.lo, f.hi)
		if f.pattern != nil {
			e.Verb.Pattern = f.pattern.Text
			e.Verb.Line = f.pattern.Pos.String()
		} else {
			e.Verb.Line = f.verb.Pos.String()
		}
	}
	return e
}

// lowerLemma returns the lower-cased lemma of v, precomputed by New for the dictionary's verbs.
func (c *Coder) lowerLemma(v *dict.Verb) string {
	if l, ok := c.lemmas[v]; ok {
		return l
	}
	return strings.ToLower(v.Lemma)
}

func (c *Coder) actorEvidence(t *tree, a actor) story.Actor {
	out := story.Actor{Code: a.code, Start: -1, End: -1, FromContext: a.fromContext}
	if a.code == "" {
		out.Code = "---"
	}
	// "PRKGOV" → PRK, GOV; "IGOUNO" → IGO and no agent (UNO names the organisation, it is not a
	// role); "---GOV" → no country, GOV (CAMEO 1.1b3 ch. 3; cameo.SplitActor).
	out.Country, out.Agent = cameo.SplitActor(out.Code)
	if a.lo >= 0 {
		out.Text, out.Start, out.End = spanText(t, a.lo, a.hi)
	}
	return out
}

// spanText returns the sentence text of tokens lo..hi and its code point offsets; when the tokens
// carry no offsets, the forms joined by spaces and -1, -1.
func spanText(t *tree, lo, hi int) (string, int, int) {
	if lo < 0 || hi >= t.n || lo > hi {
		return "", -1, -1
	}
	toks := t.s.Tokens
	st, en := toks[lo].Start, toks[hi].End
	if st >= 0 && en >= st && en <= len(t.s.Text) {
		a, b := cpOffsets(t.s.Text, st, en)
		return t.s.Text[st:en], a, b
	}
	var sb strings.Builder
	for i := lo; i <= hi; i++ {
		if i > lo {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Form)
	}
	return sb.String(), -1, -1
}

// speechRoots are the CAMEO roots whose PETRARCH2 internal codes are verbal classes (>= 0x1000,
// §5.7): say, appeal, intend, consult, investigate, demand, disapprove, reject, threaten, protest,
// posture, coerce.
var speechRoots = map[string]bool{"01": true, "02": true, "03": true, "04": true, "09": true, "10": true,
	"11": true, "12": true, "13": true, "14": true, "15": true, "17": true}

// nest resolves events of a clause governed by the frame's coded verb when no transformation
// applies (§12.9): "A noted that B regretted C's refusal" → (A, B, regret). An inner event of a
// verbal class becomes (outer source, inner source, inner code) and replaces the inner event; a
// material inner event ("A said B attacked C") is kept as it is. Without an outer code or outer
// source the inner events stand.
func (c *Coder) nest(f *frame, sub []raw) []raw {
	if len(f.sources) == 0 || f.negated || (f.code.Kind != dict.CodeSingle && f.code.Kind != dict.CodePaired) {
		return sub
	}
	var out []raw
	for _, e := range sub {
		if e.recip {
			// A reported paired event keeps only its first part ("Obama said he would visit
			// China" → USAGOV CHN 042, §12.14).
			continue
		}
		if len(e.code) < 2 || !speechRoots[e.code[:2]] || e.src.code == "---" {
			out = append(out, e)
			continue
		}
		for _, a := range f.sources {
			if a.code == e.src.code || sameBase([]actor{e.src}, []actor{a}) {
				// The speaker reporting its own side's act ("France said its government
				// condemned Iran"): the inner event stands.
				out = append(out, e)
				continue
			}
			out = append(out, raw{src: a, tgt: e.src, code: e.code, f: e.f})
		}
	}
	return out
}

// patternMarks are the TABARI markers of a pattern's text (swappedRoles, dollarSource,
// plusTarget), read once by New.
type patternMarks struct {
	swapped     bool
	dollar      bool
	dollarHead  string
	dollarSkips int
	plus        bool
	plusSkip    []string
	plusWant    string
}

func readMarks(text string) *patternMarks {
	m := &patternMarks{swapped: swappedRoles(text)}
	m.dollarHead, m.dollarSkips, m.dollar = dollarSource(text)
	m.plusSkip, m.plusWant, m.plus = plusTarget(text)
	return m
}

// markers returns the TABARI markers of p, read by New for the verb dictionary's patterns.
func (c *Coder) markers(p *dict.Pattern) *patternMarks {
	if m, ok := c.marks[p]; ok {
		return m
	}
	return readMarks(p.Text)
}

// plusTarget reads the TABARI target marker of a pattern's post part (§6: "+" target, "^" skip),
// which the CAMEO.2.0 reader ignores but which PETRARCH's validation patterns use: "(WITH +)" puts
// the target in the WITH phrase (want), "(AT ^)" skips the AT phrase (skip). ok is false when the
// post part has no "+".
func plusTarget(text string) (skip []string, want string, ok bool) {
	i := strings.IndexByte(text, '*')
	if i < 0 {
		return nil, "", false
	}
	post := text[i+1:]
	if j := strings.IndexByte(post, '['); j >= 0 {
		post = post[:j]
	}
	if !strings.Contains(post, "+") {
		return nil, "", false
	}
	post = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(post)
	prep, last, inPP, atStart := "", "", false, false
	for _, w := range strings.Fields(post) {
		switch w {
		case "(":
			inPP, atStart = true, true
			continue
		case ")":
			inPP, last, prep = false, prep, ""
			continue
		case "^":
			if inPP && prep != "" {
				skip = append(skip, prep)
			} else if !inPP && last != "" {
				skip = append(skip, last)
			}
		case "+":
			ok = true
			if inPP {
				want = prep
			}
		default:
			if atStart {
				prep = strings.ToUpper(w)
			}
			if !inPP {
				last = ""
			}
		}
		atStart = false
	}
	return skip, want, ok
}

func hasMarkTo(t *tree, k int) bool {
	for _, m := range t.kids[k] {
		if t.base(m) == "mark" && t.words[m] == "TO" {
			return true
		}
	}
	return false
}

// swappedRoles reports a pattern whose TABARI markers put the target ("+") before the verb and the
// source ("$") after it (§6).
func swappedRoles(text string) bool {
	i := strings.IndexByte(text, '*')
	if i < 0 {
		return false
	}
	pre, post := text[:i], text[i+1:]
	if j := strings.IndexByte(post, '['); j >= 0 {
		post = post[:j]
	}
	return strings.Contains(pre, " + ") && strings.Contains(post, "$")
}

// dollarSource reads a TABARI source marker after the verb (§6): "- * TABASKI ^ $" gives the word
// before the markers (TABASKI, or the head of a {...} phrase) and the number of "^" skips. ok is
// false unless the pre part has no "+" and the post part ends in "$" after a plain word or phrase.
func dollarSource(text string) (head string, skips int, ok bool) {
	i := strings.IndexByte(text, '*')
	if i < 0 || strings.Contains(text[:i], "+") {
		return "", 0, false
	}
	post := text[i+1:]
	if j := strings.IndexByte(post, '['); j >= 0 {
		post = post[:j]
	}
	post = strings.NewReplacer("{", " ", "}", " ").Replace(post)
	f := strings.Fields(post)
	if len(f) < 2 || f[len(f)-1] != "$" || strings.ContainsAny(post, "()") {
		return "", 0, false
	}
	k := len(f) - 2
	for k >= 0 && f[k] == "^" {
		skips++
		k--
	}
	if k < 0 {
		return "", 0, false
	}
	return strings.ToUpper(f[k]), skips, true
}

// hopeless reports a frame that cannot give an event whatever its pattern: no nominal on either
// side names an actor, it governs no other dictionary verb, and one-sided events are not wanted.
// Skipping such frames saves the pattern search, the bulk of the coder's time on news text.
func (c *Coder) hopeless(sc *storyCtx, t *tree, f *frame, byTok []*frame) bool {
	if !c.opts.RequireDyad || c.opts.NewActorLength > 0 {
		return false
	}
	for _, k := range t.kids[f.v] {
		if byTok[k] != nil {
			return false
		}
	}
	pre, post := c.sides(t, f)
	n := 0
	for _, side := range [][]int{pre, post, {f.subj}} {
		for _, k := range side {
			if k >= 0 && len(c.actorsOf(sc, t, k)) > 0 {
				n++
			}
		}
	}
	if n > 0 {
		return false
	}
	for _, k := range t.kids[f.v] {
		switch t.base(k) {
		case "ccomp", "xcomp", "advcl", "acl", "obj", "iobj", "obl", "nsubj", "csubj":
			if t.isVerb(k) || t.upos(k) == "ADJ" {
				return false
			}
		}
	}
	return true
}
