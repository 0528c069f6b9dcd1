package tagger

import (
	"strings"

	"github.com/dyad-events/dyad/nlp/segment"
)

// lemma returns the lemma of form tagged (upos, xpos): the treebank exception for the exact form,
// then for the lower-cased form, then ruleLemma.
func (t *Tagger) lemma(form, upos, xpos string, sc *scratch) string {
	form = withoutInvisible(form)
	b := append(sc.lower[:0], form...)
	b = append(b, 0)
	b = append(b, xpos...)
	sc.lower = b
	if l, ok := t.lemmaEx[string(b)]; ok {
		return l
	}
	b = append(b[:0], 1)
	b = appendLower(b, form)
	b = append(b, 0)
	b = append(b, xpos...)
	sc.lower = b
	if l, ok := t.lemmaEx[string(b)]; ok {
		return l
	}
	return t.checkLemma(ruleLemma(form, upos, xpos), xpos)
}

// checkLemma corrects the final "e" of a suffix-rule lemma against the treebank's lemmas: when the
// rule's stem is not a known lemma but the stem with (or without) a final "e" is, that one is taken
// ("resumed" → "resum" → "resume"). Other lemmas pass unchanged.
func (t *Tagger) checkLemma(l, xpos string) string {
	switch xpos {
	case "VBD", "VBN", "VBG", "VBZ", "NNS", "JJR", "JJS":
	default:
		return l
	}
	if len(l) < 3 || t.lemmas[l] {
		return l
	}
	if t.lemmas[l+"e"] {
		return l + "e"
	}
	if l[len(l)-1] == 'e' && t.lemmas[l[:len(l)-1]] {
		return l[:len(l)-1]
	}
	return l
}

// ruleLemma is the suffix-rule lemma of form for PTB tag xpos: proper nouns keep their form; plural
// nouns and third-person verbs lose -s/-es/-ies (-oes after five letters: "embargoes"); past forms lose -ed/-ied, gerunds -ing (undoubling a
// final consonant); comparatives and superlatives lose -er/-est; everything else is lower-cased.
// Irregular words are left to the exception lists learned from the treebank.
func ruleLemma(form, upos, xpos string) string {
	if upos == "PROPN" || strings.HasPrefix(xpos, "NNP") {
		return form
	}
	w := strings.ToLower(form)
	n := len(w)
	switch xpos {
	case "NNS", "VBZ":
		switch {
		case n > 4 && strings.HasSuffix(w, "ies"):
			return w[:n-3] + "y"
		case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
			return w[:n-2]
		case n > 5 && strings.HasSuffix(w, "oes"):
			// "embargoes" → "embargo", "vetoes" → "veto"; checkLemma restores a known "-oe" lemma
			// ("canoes" → "canoe").
			return w[:n-2]
		case n > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
			return w[:n-1]
		}
	case "VBD", "VBN":
		switch {
		case n > 4 && strings.HasSuffix(w, "ied"):
			return w[:n-3] + "y"
		case n > 3 && strings.HasSuffix(w, "eed"):
			return w[:n-1]
		case n > 3 && strings.HasSuffix(w, "ed"):
			return restoreStem(w[:n-2])
		}
	case "VBG":
		if n > 4 && strings.HasSuffix(w, "ing") {
			return restoreStem(w[:n-3])
		}
	case "JJR", "RBR":
		if n > 4 && strings.HasSuffix(w, "ier") {
			return w[:n-3] + "y"
		}
		if n > 3 && strings.HasSuffix(w, "er") {
			return undouble(w[:n-2])
		}
	case "JJS", "RBS":
		if n > 5 && strings.HasSuffix(w, "iest") {
			return w[:n-4] + "y"
		}
		if n > 4 && strings.HasSuffix(w, "est") {
			return undouble(w[:n-3])
		}
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && strings.IndexByte("lsfz", s[n-1]) < 0 {
		return s[:n-1]
	}
	return s
}

// restoreStem guesses the base form from a stem whose -ed/-ing was removed: "stopp" → "stop",
// "creat" → "create", "chang" → "change", "us" → "use".
func restoreStem(s string) string {
	n := len(s)
	if n < 2 {
		return s
	}
	if u := undouble(s); u != s {
		return u
	}
	last := s[n-1]
	switch {
	case strings.HasSuffix(s, "at") && n > 3, strings.HasSuffix(s, "iz"), strings.HasSuffix(s, "us"),
		strings.HasSuffix(s, "ur") && n > 3, strings.HasSuffix(s, "ir") && n > 3:
		return s + "e"
	case last == 'v' || last == 'c' || (last == 'g' && n > 2 && s[n-2] == 'n' && n > 4 && isVowel(s[n-3]) && s[n-3] == 'a'):
		return s + "e"
	case n > 2 && strings.IndexByte("szdk", last) >= 0 && isVowel(s[n-2]) && !isVowel(s[n-3]) && n <= 4:
		return s + "e"
	}
	return s
}

// withoutInvisible returns form without the joiners that the segmenter keeps inside a word
// (segment.IsJoiner: soft hyphen, zero-width (non-)joiner, word joiner), so that
// "con\u00addemned" is read as "condemned"; the form itself when it has none, which is the rule.
func withoutInvisible(form string) string {
	if !strings.ContainsFunc(form, segment.IsJoiner) {
		return form
	}
	return strings.Map(func(r rune) rune {
		if segment.IsJoiner(r) {
			return -1
		}
		return r
	}, form)
}
