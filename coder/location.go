package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/dict"
)

// Places named only as locations are not targets. CAMEO 1.1b3 codes who did what to whom; the
// place where something happened is the event's location, which the Phoenix output takes from a
// geolocation service (PETRARCH-FORMATS.md, Phoenix fields 19-23: LocationName, CountryName), not
// an actor slot (§12.7: the target is an object NP or PP object of the verb). A country or city name inside a locative phrase on
// the verb ("killed in an airstrike near Deir ez-Zor", "ended up in the town of Qamishli") is
// therefore no target, while a place inside a noun phrase that names an actor keeps coding that
// actor's country ("attacked rebels near Aleppo" → SYRREB, "troops in Iraq").

// locationPreps are the prepositions (upper-cased, with their fixed parts) whose phrase only
// locates the event: "near Deir ez-Zor", "around Idlib", "outside Kabul".
var locationPreps = map[string]bool{
	"NEAR": true, "NEAR TO": true, "AROUND": true, "OUTSIDE": true, "OUTSIDE OF": true,
}

// compassWords are the direction words of "south of Srinagar" (an "of" phrase under the
// direction word, or carrying it as an advmod, as parsers attach it).
var compassWords = map[string]bool{
	"NORTH": true, "SOUTH": true, "EAST": true, "WEST": true, "NORTHEAST": true, "NORTHWEST": true,
	"SOUTHEAST": true, "SOUTHWEST": true, "NORTH-EAST": true, "NORTH-WEST": true,
	"SOUTH-EAST": true, "SOUTH-WEST": true,
}

// placeNouns are the lemmas of the head nouns of "the town of X" phrases, which name a place and
// its name, not an actor: "in the port of Busan", "the northern town of Qamishli".
var placeNouns = map[string]bool{
	"TOWN": true, "CITY": true, "PORT": true, "VILLAGE": true, "PROVINCE": true, "REGION": true,
	"DISTRICT": true, "CAPITAL": true,
}

// locativePreps are the prepositions of a phrase that says where something is or happens: they
// make a "the town of X" phrase a location ("in/at/near the town of X"; with another preposition,
// "fled to the city of X", "attack on the town of X", the place may be the goal or victim of the
// act and is left to the other rules), and they locate a name the dictionaries do not know
// ("met Abe in Tokyo", placedName).
var locativePreps = map[string]bool{"IN": true, "AT": true, "NEAR": true, "INSIDE": true}

// meetingVenueCodes are the meeting event codes (CAMEO 1.1b3 036 "express intent to meet or
// negotiate", 040 consult, 041 discuss by telephone, 044 meet at a third location, 045 mediate,
// 046 engage in negotiation) after which an "in/at X" phrase is the venue, not a party: "Russia
// and Ukraine held talks in Istanbul" (the parties meet each other, §12.8). 042 and 043 (make
// or host a visit) are left out: "arrived in Baghdad" names the host, the visit's target.
var meetingVenueCodes = map[string]bool{
	"036": true, "040": true, "041": true, "044": true, "045": true, "046": true,
}

// isLocation reports whether k, an oblique (UD obl) or nmod dependent, is a locative phrase that
// names a place only: introduced by a location preposition (locationPreps), a direction word
// with "of" ("south of Srinagar"), or shaped "in/at/near the town of X" (placeNouns). k is a
// token index of t; any index is accepted (false for a non-nominal).
func (t *tree) isLocation(k int) bool {
	if k < 0 || k >= t.n || !t.isNominal(k) {
		return false
	}
	p := t.prep(k)
	if locationPreps[p] {
		return true
	}
	if p == "OF" {
		for _, m := range t.kids[k] {
			if t.base(m) == "advmod" && m < k && compassWords[t.words[m]] {
				return true // "districts south of Srinagar": advmod "south" on Srinagar
			}
		}
		if h := t.head[k]; h >= 0 && h < k && compassWords[t.words[h]] && t.prep(h) == "" {
			return true // "south of Srinagar" with "south" the head
		}
	}
	if locativePreps[p] && placeNoun(t, k) {
		return true
	}
	return false
}

// placeNoun reports a "the town of X" head: k's lemma is a place noun with an "of" nmod.
func placeNoun(t *tree, k int) bool {
	if !placeNouns[t.lemmas[k]] {
		return false
	}
	for _, m := range t.kids[k] {
		if t.base(m) == "nmod" && m > k && t.prep(m) == "OF" {
			return true
		}
	}
	return false
}

// frameCodeOf returns the frame's first event code, else its verb's ("" when neither has one).
func frameCodeOf(f *frame) string {
	if code := firstCode(f.code); code != "" {
		return code
	}
	return firstCode(f.verb.Code)
}

// placeTargetRoots are the roots whose acts fall on the people or authorities of the place where
// they happen, so that a place named only as the location stands for the target: CAMEO 1.1b3 14
// (protest: "demonstrated in the province of Kosovo", "blocked roads in the capital city of
// Algiers") and 17 (coerce: 1723 "imposed a curfew in the town of Cizre").
var placeTargetRoots = map[string]bool{"14": true, "17": true}

// keepsPlaces reports whether frame f's code has a placeTargetRoots root.
func keepsPlaces(f *frame) bool {
	code := frameCodeOf(f)
	return len(code) >= 2 && placeTargetRoots[code[:2]]
}

// isVenue reports whether oblique or nmod k of frame f's verb names a place only, not a target:
// a location (isLocation), or the venue of a meeting, an "in/at X" phrase headed by a proper noun
// after a verb coded with a meeting code (meetingVenueCodes: "held talks in Istanbul"; "in the
// final status talks" is no venue). False for frames that keep places (keepsPlaces).
func (t *tree) isVenue(f *frame, k int) bool {
	if keepsPlaces(f) {
		return false
	}
	if t.isLocation(k) {
		return true
	}
	if !t.has(k, "obl") || t.upos(k) != "PROPN" {
		return false
	}
	switch t.prep(k) {
	case "IN", "AT":
	default:
		return false
	}
	if endUp(t, f.v) {
		return true // "ended up in Raqqa": where one came to be, not what was ended (160)
	}
	if f.code.Kind == dict.CodePaired && (meetingVenueCodes[f.code.A] || meetingVenueCodes[f.code.B]) {
		return true
	}
	return meetingVenueCodes[frameCodeOf(f)]
}

// circumstancePreps are the prepositions of an oblique naming a circumstance of the act ("in an
// airstrike", "during the raid"), whose location modifiers are no actors (codeNP); an oblique
// with another preposition may name the act's target ("an attack against a target in the
// province of Hudaydah" keeps YEM), as may the passive agent ("by a device outside Basra").
var circumstancePreps = map[string]bool{
	"IN": true, "DURING": true, "AMID": true, "AMIDST": true, "WITHIN": true, "AFTER": true,
	"BEFORE": true, "FOLLOWING": true,
}

// locatedCircumstance reports whether nmod k of noun i only locates a circumstance: i is an
// oblique with a circumstancePreps preposition (not the passive agent) and k is a location
// (isLocation): "killed in an airstrike near Deir ez-Zor".
func (t *tree) locatedCircumstance(i, k int) bool {
	return t.base(i) == "obl" && t.rel(i) != "obl:agent" && circumstancePreps[t.prep(i)] && t.isLocation(k)
}

// inLocation reports whether token k lies in a locative phrase of frame f's clause: k or one of
// its heads below f's verb is a location (isLocation), or the verb's own dependent on k's path
// is a venue (isVenue). The nearest-actor fallback uses it to pass over places ("held talks in
// Istanbul", "arrived in the port of Busan").
func (t *tree) inLocation(f *frame, k int) bool {
	if keepsPlaces(f) {
		return false
	}
	for m, steps := k, 0; m >= 0 && m != f.v && steps <= t.n; m, steps = t.head[m], steps+1 {
		if t.head[m] == f.v {
			return t.isVenue(f, m)
		}
		if t.isLocation(m) {
			return true
		}
	}
	return false
}

// endUp reports the phrasal verb "end up" / "wind up" (verb v with the particle "up"), which
// says where someone came to be, not that something was ended: its "in/at X" oblique is a place.
func endUp(t *tree, v int) bool {
	if t.lemmas[v] != "END" && t.lemmas[v] != "WIND" {
		return false
	}
	for _, k := range t.kids[v] {
		if t.rel(k) == "compound:prt" && t.words[k] == "UP" {
			return true
		}
	}
	return false
}

// locatesNames reports whether frame f's code is one after which the place of a name the
// dictionaries do not know is no target: CAMEO 1.1b3 codes who did what to whom, and "Obama met
// Abe in Tokyo" (040) is no meeting with Japan, nor "praised Abe in Tokyo" (051) praise of it.
// Left out are the roots that keep places (keepsPlaces: 14, 17), visits (042 and 043: "visited
// Hiroshima in Japan" names the host) and material conflict (18 assault, 19 fight, 20
// unconventional mass violence: "shelled Marinka in Donetsk", "killed Ahmed in Gaza" fall on the
// place and its people).
func locatesNames(f *frame) bool {
	if keepsPlaces(f) {
		return false
	}
	code := frameCodeOf(f)
	if code == "042" || code == "043" {
		return false
	}
	if len(code) >= 2 {
		switch code[:2] {
		case "18", "19", "20":
			return false
		}
	}
	return true
}

// domesticIntent reports whether frame f's code is an intent (CAMEO 1.1b3 03) and every actor of a
// is the country as a whole of which a source is a state organ: a state organ's commitment to act
// in its own country is a domestic one whose target is the country (034: "the country in general
// ... should be coded as the target"), so that the place of a name stays the target there ("The
// Indian government promised Tata Centre in Mumbai", INDGOV IND 030), as a complement's object
// does in roles.
func domesticIntent(f *frame, a []actor) bool {
	return strings.HasPrefix(firstCode(f.code), "03") && ownCountry(a, f.sources)
}

// partyPreps are the prepositions of an oblique that names a party to the act like an object does
// ("met with Abe", "spoke to Abe", "protested against Abe"), unlike obliques of time ("on Monday")
// or place.
var partyPreps = map[string]bool{
	"WITH": true, "TO": true, "AGAINST": true, "TOWARD": true, "TOWARDS": true, "FOR": true,
	"FROM": true, "ABOUT": true, "OVER": true, "OF": true, "INTO": true,
}

// unplacedActors returns the actors of as (the actors of object o of a verb, or of an oblique with
// a partyPreps preposition, with its conjuncts) that do not come from a locative modifier of a
// name: an nmod with a locativePreps preposition ("Abe in Tokyo") on o or one of its conjuncts
// whose head is a proper noun (UPOS PROPN). Such a modifier only says where the person or body
// is; when the name itself codes nothing, its place is no actor. as is left unchanged (it may be
// memoized; see withoutActors).
func (t *tree) unplacedActors(o int, as []actor) []actor {
	cjs, top := t.pushConjuncts(o)
	defer func() { t.stack = t.stack[:top] }()
	return withoutActors(as, func(a actor) bool {
		if a.lo < 0 || a.fromContext {
			return false
		}
		for _, j := range cjs {
			if t.upos(j) != "PROPN" {
				continue
			}
			for _, m := range t.kids[j] {
				if t.base(m) == "nmod" && locativePreps[t.prep(m)] && t.inSubtree(m, a.lo, 0) && t.inSubtree(m, a.hi, 0) {
					return true
				}
			}
		}
		return false
	})
}

// unlocated returns the actors of as whose first word does not lie in a locative phrase of frame
// f's clause: on the way up from it to f's verb there is no nominal with a locativePreps
// preposition ("Abe in Tokyo", "met Abe in Tokyo" with "in Tokyo" on the verb). With f.placedName
// set no such phrase names the target (fallbackRoles). as is left unchanged (see withoutActors).
func (t *tree) unlocated(f *frame, as []actor) []actor {
	return withoutActors(as, func(a actor) bool {
		for m, steps := a.lo, 0; m >= 0 && m != f.v && steps <= t.n; m, steps = t.head[m], steps+1 {
			if (t.base(m) == "nmod" || t.base(m) == "obl") && locativePreps[t.prep(m)] {
				return true
			}
		}
		return false
	})
}

// withoutActors returns the actors of as for which drop is false: as itself when drop holds for
// none of them, else a new slice (as, often memoized, is never modified).
func withoutActors(as []actor, drop func(actor) bool) []actor {
	if !slices.ContainsFunc(as, drop) {
		return as
	}
	return slices.DeleteFunc(slices.Clone(as), drop)
}
