package ptb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// irregular maps irregular verb forms (and contracted auxiliaries) to their lemma.
var irregular = map[string]string{
	"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
	"'s": "be", "'re": "be", "'m": "be", "’s": "be", "’re": "be", "’m": "be",
	"has": "have", "had": "have", "having": "have", "'ve": "have", "’ve": "have", "'d": "would",
	"does": "do", "did": "do", "done": "do", "doing": "do", "'ll": "will", "’ll": "will",
	"ca": "can", "wo": "will", "n't": "not", "n’t": "not", "wan": "want", "gon": "go",
	"m": "be", "r": "be", "re": "be", "ve": "have", "ll": "will",
	"said": "say", "says": "say", "went": "go", "gone": "go", "goes": "go", "made": "make",
	"took": "take", "taken": "take", "gave": "give", "given": "give", "met": "meet", "held": "hold",
	"told": "tell", "came": "come", "saw": "see", "seen": "see", "got": "get", "gotten": "get",
	"found": "find", "thought": "think", "brought": "bring", "bought": "buy", "sought": "seek",
	"fought": "fight", "taught": "teach", "caught": "catch", "left": "leave", "led": "lead",
	"sent": "send", "spent": "spend", "built": "build", "lost": "lose", "paid": "pay",
	"laid": "lay", "kept": "keep", "slept": "sleep", "felt": "feel", "knew": "know",
	"known": "know", "grew": "grow", "grown": "grow", "threw": "throw", "thrown": "throw",
	"drew": "draw", "drawn": "draw", "flew": "fly", "flown": "fly", "began": "begin",
	"begun": "begin", "ran": "run", "won": "win", "wrote": "write", "written": "write",
	"spoke": "speak", "spoken": "speak", "broke": "break", "broken": "break", "chose": "choose",
	"chosen": "choose", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
	"struck": "strike", "stood": "stand", "understood": "understand", "heard": "hear",
	"meant": "mean", "sold": "sell", "shot": "shoot", "fled": "flee", "forgave": "forgive",
	"forgiven": "forgive", "became": "become", "withdrew": "withdraw", "withdrawn": "withdraw",
	"overthrew": "overthrow", "overthrown": "overthrow", "undertook": "undertake",
	"undertaken": "undertake", "bore": "bear", "borne": "bear", "born": "bear", "beat": "beat",
	"beaten": "beat", "bit": "bite", "bitten": "bite", "drove": "drive", "driven": "drive",
	"ate": "eat", "eaten": "eat", "blew": "blow", "blown": "blow", "shown": "show", "forgot": "forget", "forgotten": "forget", "hid": "hide",
	"hidden": "hide", "rode": "ride", "ridden": "ride", "shook": "shake", "shaken": "shake",
	"stole": "steal", "stolen": "steal", "swore": "swear", "sworn": "swear", "tore": "tear",
	"torn": "tear", "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear", "sat": "sit",
	"hung": "hang", "dealt": "deal", "lent": "lend", "bent": "bend", "fed": "feed", "sped": "speed",
	"slid": "slide", "sang": "sing", "sung": "sing", "swam": "swim", "swum": "swim",
	"lain": "lie", "froze": "freeze", "frozen": "freeze", "dug": "dig", "stuck": "stick",
	"strove": "strive", "striven": "strive", "seized": "seize", "agreed": "agree", "freed": "free",
	"ceased": "cease", "released": "release", "increased": "increase", "decreased": "decrease",
	"used": "use", "caused": "cause", "accused": "accuse", "refused": "refuse", "opposed": "oppose",
	"proposed": "propose", "imposed": "impose", "closed": "close", "raised": "raise",
	"praised": "praise", "promised": "promise", "urged": "urge", "charged": "charge",
	"pledged": "pledge", "acknowledged": "acknowledge", "judged": "judge", "engaged": "engage",
	"arranged": "arrange", "changed": "change", "exchanged": "exchange", "managed": "manage",
	"damaged": "damage", "encouraged": "encourage", "welcomed": "welcome", "continued": "continue",
	"argued": "argue", "issued": "issue", "pursued": "pursue", "rescued": "rescue",
	"announced": "announce", "condemned": "condemn", "denounced": "denounce",
	"reduced": "reduce", "produced": "produce", "introduced": "introduce", "forced": "force",
	"invaded": "invade", "provided": "provide", "decided": "decide", "concluded": "conclude",
	"included": "include", "excluded": "exclude", "exploded": "explode", "voted": "vote",
	"quoted": "quote", "noted": "note", "promoted": "promote", "devoted": "devote",
	"executed": "execute", "contributed": "contribute", "attributed": "attribute",
	"disputed": "dispute", "completed": "complete", "competed": "compete", "deleted": "delete",
	"described": "describe", "ruled": "rule", "scheduled": "schedule", "hoped": "hope",
	"escaped": "escape", "shaped": "shape", "served": "serve", "observed": "observe",
	"reserved": "reserve", "deserved": "deserve", "moved": "move", "removed": "remove",
	"approved": "approve", "improved": "improve", "proved": "prove", "involved": "involve",
	"resolved": "resolve", "solved": "solve", "received": "receive", "believed": "believe",
	"achieved": "achieve", "relieved": "relieve", "retrieved": "retrieve", "lived": "live",
	"arrived": "arrive", "deprived": "deprive", "revived": "revive",
	"named": "name", "blamed": "blame", "claimed": "claim", "aimed": "aim", "framed": "frame",
	"declared": "declare", "prepared": "prepare", "compared": "compare", "shared": "share",
	"secured": "secure", "captured": "capture", "injured": "injure", "ensured": "ensure",
	"required": "require", "acquired": "acquire", "retired": "retire", "fired": "fire",
	"hired": "hire", "desired": "desire", "inspired": "inspire", "expired": "expire",
	"ignored": "ignore", "restored": "restore", "explored": "explore", "scored": "score",
	"stored": "store", "deplored": "deplore", "implored": "implore",
	"created": "create", "stated": "state", "rated": "rate", "negotiated": "negotiate",
	"mediated": "mediate", "initiated": "initiate", "retaliated": "retaliate",
	"investigated": "investigate", "demonstrated": "demonstrate", "indicated": "indicate",
	"violated": "violate", "isolated": "isolate", "escalated": "escalate", "located": "locate",
	"dedicated": "dedicate", "eliminated": "eliminate", "nominated": "nominate",
	"terminated": "terminate", "coordinated": "coordinate", "operated": "operate",
	"cooperated": "cooperate", "separated": "separate", "celebrated": "celebrate",
	"evacuated": "evacuate", "assassinated": "assassinate", "debated": "debate",
	"related": "relate", "translated": "translate", "updated": "update", "appreciated": "appreciate",
	"criticized": "criticize", "criticised": "criticise", "recognized": "recognize",
	"recognised": "recognise", "organized": "organize", "organised": "organise",
	"authorized": "authorize", "authorised": "authorise", "emphasized": "emphasize",
	"apologized": "apologize", "sympathized": "sympathize", "mobilized": "mobilize",
	"legalized": "legalize", "normalized": "normalize", "characterized": "characterize",
	"realized": "realize", "analyzed": "analyze", "paralyzed": "paralyze",
	"surprised": "surprise", "advised": "advise", "revised": "revise", "supervised": "supervise",
	"devised": "devise", "apprised": "apprise", "comprised": "comprise",
	"handled": "handle", "settled": "settle", "tackled": "tackle", "troubled": "trouble",
	"struggled": "struggle", "smuggled": "smuggle", "cancelled": "cancel", "canceled": "cancel",
	"traveled": "travel", "travelled": "travel", "labeled": "label", "labelled": "label",
	"compelled": "compel", "expelled": "expel", "propelled": "propel", "repelled": "repel",
}

// Lemma returns a lemma for a word with PTB tag xpos: lower case; irregular verb forms and
// contracted auxiliaries from a table; regular inflection stripped from verbs (-s, -ed, -ing)
// and plural nouns (-s, -es, -ies). Proper nouns keep their case, as in UD English EWT. The
// rules are Dyad's own and approximate; no model is used.
func Lemma(form, xpos string) string {
	if xpos == "NNP" || xpos == "NNPS" {
		return form
	}
	w := strings.ToLower(form)
	switch {
	case strings.HasPrefix(xpos, "VB") || xpos == "MD":
		if l, ok := irregular[w]; ok {
			return l
		}
		if w == "lay" && xpos == "VBD" {
			return "lie"
		}
		switch xpos {
		case "VBZ":
			return stripS(w)
		case "VBD", "VBN":
			return stripED(w)
		case "VBG":
			return stripING(w)
		}
		return w
	case xpos == "NNS":
		return pluralStem(w)
	case xpos == "PRP":
		switch w {
		case "me":
			return "I"
		case "i":
			return "I"
		case "us":
			return "we"
		case "him":
			return "he"
		case "her":
			return "she"
		case "them":
			return "they"
		}
	case xpos == "RB" && (w == "n't" || w == "n’t"):
		return "not"
	}
	return w
}

func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

func stripS(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") ||
		strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes") || strings.HasSuffix(w, "oes")):
		return w[:len(w)-2]
	case len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// irregularPlurals maps irregular and invariable plurals to their lemma.
var irregularPlurals = map[string]string{
	"men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
	"mice": "mouse", "geese": "goose", "people": "people", "police": "police", "news": "news",
	"clothes": "clothes", "species": "species", "series": "series", "means": "means",
	"headquarters": "headquarters", "movies": "movie", "cookies": "cookie", "lies": "lie",
	"ties": "tie", "buses": "bus", "crises": "crisis", "analyses": "analysis", "theses": "thesis",
	"criteria": "criterion", "phenomena": "phenomenon", "data": "data", "media": "media",
}

func pluralStem(w string) string {
	if l, ok := irregularPlurals[w]; ok {
		return l
	}
	switch {
	case strings.HasSuffix(w, "men") && len(w) > 4:
		return w[:len(w)-3] + "man"
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") ||
		strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 5 && strings.HasSuffix(w, "toes") || strings.HasSuffix(w, "roes") && len(w) > 5:
		return w[:len(w)-2] // "potatoes", "heroes"
	case len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// restoreE decides whether a stem left by removing -ed or -ing needs a final e: after a
// consonant cluster that cannot end an English word ("v", "z", "c", "g" after n or r, "bl"),
// and after a single vowel and a consonant in endings where the e is usual ("creat", "provid",
// "suppos", "provok", "requir", "ensur", "includ").
func restoreE(s string) string {
	n := len(s)
	if n < 2 {
		return s
	}
	last := s[n-1]
	prev := s[n-2]
	if n >= 4 && isVowel(prev) {
		pp := s[n-3]
		switch s[n-2:] {
		case "at":
			if pp != 'e' && pp != 'o' && pp != 'a' { // "creat", "evaluat"; not "defeat", "float"
				return s + "e"
			}
		case "ir":
			if !isVowel(pp) || pp == 'u' { // "requir", "acquir"; not "repair"
				return s + "e"
			}
		case "id", "ud", "os", "ok", "ur", "ag", "iz", "ut", "ot", "ov", "ib", "il", "ed":
			if !isVowel(pp) {
				return s + "e"
			}
		case "us":
			if !isVowel(pp) && s != "focus" && s != "bias" {
				return s + "e"
			}
		}
	}
	switch {
	case last == 'v' || last == 'z' || last == 'c' && prev != 'i':
		return s + "e"
	case last == 'g' && (prev == 'r' || prev == 'd'):
		return s + "e"
	case last == 'l' && (prev == 'b' || prev == 'p' || prev == 't' || prev == 'd' || prev == 'k' || prev == 'g' || prev == 'z' || prev == 's'):
		return s + "e"
	case last == 'u':
		return s + "e"
	case s == "us":
		return "use"
	case strings.IndexByte("stdrkmnpb", last) >= 0 && n >= 3 && isVowel(prev) && !isVowel(s[n-3]) && prev != 'e' && n <= 4:
		// short stem consonant-vowel-consonant: "vot" -> "vote", "us" -> "use"
		return s + "e"
	}
	return s
}

// undouble removes a doubled final consonant ("stopped" -> "stop") except l, s, z, f and in
// three-letter stems ("added" -> "add").
func undouble(s string) string {
	n := len(s)
	if n >= 4 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && s[n-1] != 'l' && s[n-1] != 's' && s[n-1] != 'z' && s[n-1] != 'f' {
		return s[:n-1]
	}
	return s
}

func stripED(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "eed"):
		return w[:len(w)-1]
	case len(w) > 3 && strings.HasSuffix(w, "ed"):
		s := w[:len(w)-2]
		if u := undouble(s); u != s {
			return u
		}
		return restoreE(s)
	}
	return w
}

func stripING(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "ing") {
		s := w[:len(w)-3]
		if strings.HasSuffix(s, "y") || strings.HasSuffix(s, "ee") {
			return s
		}
		if u := undouble(s); u != s {
			return u
		}
		return restoreE(s)
	}
	return w
}

// alignWindow is how far (in bytes) Align looks ahead in the text for a word it does not find at
// the current position.
const alignWindow = 64

// Align ties the tokens of s (from ToDependencies) to text, the sentence as written (for
// example the <Text> of a PETRARCH record): it sets s.Text = text and, for each token found in
// text in order, its Start/End byte offsets and SpaceAfter. A word is looked for at the current
// position, white space skipped, and else up to 64 bytes further (text and parse do not always
// agree); "\"" also matches curly quotes and “ ”, "'" a curly apostrophe, "--" a dash, and
// case is ignored. Tokens not found keep Start = End = -1. It returns the number of tokens
// aligned.
func Align(s *story.Sentence, text string) int {
	s.Text = text
	cur, n := 0, 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Start, t.End = -1, -1
		k := cur
		for k < len(text) && (text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		start, end := -1, -1
		for at := k; at < len(text) && at <= k+alignWindow; at++ {
			if at > k && !wordBoundary(text, at, t.Form) {
				continue
			}
			if e := matchAt(text, at, t.Form); e > 0 {
				start, end = at, e
				break
			}
		}
		if start < 0 {
			continue
		}
		t.Start, t.End = start, end
		cur = end
		n++
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.End < 0 {
			continue
		}
		if t.End >= len(text) {
			t.SpaceAfter = true
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.End:])
		t.SpaceAfter = r == ' ' || r == '\n' || r == '\t' || r == '\r'
	}
	return n
}

// wordBoundary reports whether a word form can start at text[at]: after white space or
// punctuation, or anywhere when the form itself starts with punctuation.
func wordBoundary(text string, at int, form string) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:at])
	first, _ := utf8.DecodeRuneInString(form)
	return !isWordChar(prev) || !isWordChar(first)
}

func isWordChar(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || unicode.IsLetter(r)
}

// matchAt returns the end of form written at text[at], or 0.
func matchAt(text string, at int, form string) int {
	rest := text[at:]
	if strings.HasPrefix(rest, form) {
		return at + len(form)
	}
	if len(rest) >= len(form) && strings.EqualFold(rest[:len(form)], form) {
		return at + len(form)
	}
	var alts []string
	switch form {
	case "\"":
		alts = []string{"“", "”", "``", "''", "„", "«", "»"}
	case "'":
		alts = []string{"’", "‘", "`"}
	case "--", "-":
		alts = []string{"—", "–", "--", "-"}
	case "'s", "'re", "'ve", "'ll", "'d", "'m", "n't":
		alts = []string{strings.Replace(form, "'", "’", 1)}
	}
	for _, a := range alts {
		if strings.HasPrefix(rest, a) {
			return at + len(a)
		}
	}
	return 0
}
