// Package tagger is Dyad's part-of-speech tagger and lemmatiser: a greedy left-to-right averaged
// perceptron (Collins 2002) over word, affix, shape, ambiguity-class and previous-tag features that
// predicts the pair (UPOS, PTB XPOS) of every token as one class, a tag dictionary for frequent
// unambiguous words, and lemmas and UD features from exception lists learned from a treebank's lemma
// and FEATS columns with suffix rules as fallback (ARCHITECTURE.md, "Known-good recipes").
//
// A Tagger is immutable after Train or Load and safe for concurrent use by many goroutines.
package tagger

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/nlp/wordnet"
	"github.com/dyad-events/dyad/story"
)

// Tagger tags, lemmatises and adds UD features to tokenised sentences.
type Tagger struct {
	nclass   int
	classes  []class              // class id → (UPOS, XPOS)
	tagDict  map[string]int16     // exact form → class, for frequent unambiguous words
	amb      map[string]uint64    // lower-cased form → ambiguity class hash
	known    map[string]knownWord // amb with each word's WordNet classes, looked up once per token (index)
	lex      map[string]uint64    // exact form → hash of every UPOS seen with it in training (the lexicon)
	lemmaEx  map[string]string    // form "\x00" XPOS → lemma where the rules are wrong (exact form, then lower case)
	lemmas   map[string]bool      // lower-cased lemmas of the treebank's nouns, verbs and adjectives
	featsW   map[string]string    // lower-cased form "\x00" class → FEATS where it differs from the class default
	featsC   []string             // class → most frequent FEATS
	model    *linear.Model
	model2   *linear.Model // stacked stage 2, nil when the tagger has one stage
	free     chan *scratch // idle scratches (getScratch, putScratch), kept across garbage collections
	freeOnce sync.Once
	open     []bool           // class → its UPOS is an open class
	verb     []bool           // class → its UPOS is VERB or AUX
	propn    []bool           // class → its UPOS is PROPN
	num      []bool           // class → its UPOS is NUM
	vbd      int              // class of (VERB, VBD), −1 when the model has none
	vbn      int              // class of (VERB, VBN), −1 when the model has none
	adpIN    int              // class of (ADP, IN), −1 when the model has none
	propnNNP int              // class of (PROPN, NNP), −1 when the model has none
	numCD    int              // class of (NUM, CD), −1 when the model has none
	ids      map[class]int    // every class by its (UPOS, XPOS), for the repairs (classID)
	wn       *wordnet.WordNet // WordNet word classes (Options.WordNet), nil when the model has none
}

type class struct{ UPOS, XPOS string }

// knownWord is what prepare reads for a word with an ambiguity class: the class and the word's
// WordNet classes (0 without WordNet), computed once when the tagger is built or loaded instead of
// for every token.
type knownWord struct {
	amb uint64
	wn  uint16
}

// index builds t.known from t.amb and t.wn.
func (t *Tagger) index() {
	t.known = make(map[string]knownWord, len(t.amb))
	var buf []byte
	for w, a := range t.amb {
		kw := knownWord{amb: a}
		if t.wn != nil {
			kw.wn = t.wn.Classes([]byte(w), &buf)
		}
		t.known[w] = kw
	}
}

func (t *Tagger) getScratch() *scratch {
	t.freeOnce.Do(func() { t.free = make(chan *scratch, maxIdleScratches) })
	select {
	case sc := <-t.free:
		return sc
	default:
		return &scratch{scores: make([]float32, t.nclass)}
	}
}

// putScratch gives sc back for reuse. Unlike a sync.Pool, the idle scratches (and their form
// caches) survive garbage collections; past maxIdleScratches they are dropped.
func (t *Tagger) putScratch(sc *scratch) {
	select {
	case t.free <- sc:
	default:
	}
}

// maxIdleScratches bounds the idle scratches a tagger keeps (each holds a form cache of about
// 3 MB).
const maxIdleScratches = 16

// Classes is the number of (UPOS, XPOS) classes the model predicts.
func (t *Tagger) Classes() int { return t.nclass }

// Tag sets UPOS, XPOS, Lemma and Feats of every token of s in place, reading only the forms.
// An empty sentence is left alone.
func (t *Tagger) Tag(s *story.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := t.getScratch()
	t.prepare(s, sc)
	t.tag(s, sc)
	for i := range s.Tokens {
		tk := &s.Tokens[i]
		ci := sc.tags[i+pad]
		c := t.classes[ci]
		tk.UPOS, tk.XPOS = c.UPOS, c.XPOS
		// A later token of the sentence may have taken the form's cache entry.
		if e := &sc.cache[sc.slot[i]]; e.form == tk.Form && e.class == ci {
			tk.Lemma, tk.Feats = e.lemma, e.feats
			continue
		}
		tk.Lemma = t.lemma(tk.Form, c.UPOS, c.XPOS, sc)
		tk.Feats = t.feats(sc, tk.Form, ci)
		if e := &sc.cache[sc.slot[i]]; e.form == tk.Form && tk.Form != "" {
			e.class, e.lemma, e.feats = ci, tk.Lemma, tk.Feats
		}
	}
	t.putScratch(sc)
}

// RepairVerbForms repairs, in a sentence tagged by Tag, two tagging errors between the past tense
// (VBD) and the past participle (VBN) that cost events in news, and reports how many tokens it
// changed. Changed tokens get the class's treebank FEATS; lemmas are the same for both forms.
//
//   - A VBD right after a determiner, number or possessive and right before a noun or adjective
//     modifies that noun: it becomes VBN ("arrested 18 suspected/VBD militants" made "suspected"
//     the clause's verb and "militants" its object). A finite verb cannot follow a determiner.
//   - Then, in a sentence with no finite verb (VBD, VBZ, VBP, MD), the first VBN that follows a
//     noun or pronoun (its subject) and precedes the start of a noun phrase (its object) or an
//     infinitive ("to" + VB) becomes VBD ("The United States imposed/VBN sanctions on ..." and
//     "... Forces agreed/VBN to resume talks" parsed as noun phrases).
//   - "to" tagged as the infinitive marker (PART TO) right before a determiner, possessive,
//     number, pronoun or noun is the preposition (ADP IN): an infinitive marker precedes a verb
//     ("committed itself to/TO talks/NNS" lost its event).
//
// It is applied after tagging (nlp.Pipeline runs it), not inside Tag: the training (dev-based
// epoch choice, jackknifed tags for the parser) sees the trained tagger alone, so that a model
// retrained by the same code is the same model.
func (t *Tagger) RepairVerbForms(s *story.Sentence) int {
	if t.vbd < 0 || t.vbn < 0 {
		return 0
	}
	toks := s.Tokens
	changed := 0
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].XPOS == "VBD" && determinerTag[toks[i-1].XPOS] && nominalTag[toks[i+1].XPOS] {
			t.retag(&toks[i], t.vbn)
			changed++
		}
	}
	if t.adpIN >= 0 {
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].XPOS == "TO" && objectStartTag[toks[i+1].XPOS] {
				t.retag(&toks[i], t.adpIN)
				changed++
			}
		}
	}
	cand := -1
	for i := range toks {
		switch toks[i].XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return changed
		case "VBN":
			if cand < 0 && i > 0 && i+1 < len(toks) && subjectTag[toks[i-1].XPOS] && (objectStartTag[toks[i+1].XPOS] || infinitiveAt(toks, i+1) && !passiveBeforeInfinitive[strings.ToLower(toks[i].Form)] ||
				adjunctStartTag[toks[i+1].XPOS] && !strings.EqualFold(toks[i+1].Form, "by") && endsWithStop(toks)) {
				cand = i
			}
		}
	}
	if cand >= 0 {
		t.retag(&toks[cand], t.vbd)
		changed++
	}
	return changed
}

// RepairNames tags as proper nouns (PROPN NNP, the form as lemma) the capitalised words that the
// training data never had (neither the exact form nor, three times or more, the lower-cased one)
// and that stand next to another such word: two unknown capitalised words in a row are a name
// ("Chinese President Xi/NOUN Jinping criticized ...", where WordNet's "xi", the Greek letter,
// pulled "Xi" to NOUN and the parser then found two subjects). So are both parts of a hyphenated
// given name after a capitalised word ("Moon Jae-in", whose "in" was ADP), and an unknown
// capitalised word tagged as an adjective in an argument slot (argumentSlot: "Biden met Xi/JJ in
// Bali", WordNet's "xi" being the adjective eleven), or opening the sentence in a subject slot
// (subjectSlot) tagged ADJ, INTJ, X or NUM ("Xi/ADJ and Putin signed a deal"; not ADV:
// "Theoretically, ...").
// Nationality adjectives (isDemonym: "Sudanese Janjaweed militias", "He is Somali") stay
// adjectives, and become adjectives before unknown capitalised words that modify a common noun
// ("Yemeni/NNP Houthi rebels"; but "Saudi Arabia" is a name), with the form as lemma. In a
// hyphenated given name the hyphen is HYPH. (Making a capitalised noun before it the family name,
// "Secretary-General Ban/NOUN Ki-moon", was tried: the parser then read "General" as a military
// rank of the name, and the coder gave IGOUNOMIL.) It returns the number of tokens changed. Like RepairVerbForms it runs after Tag (nlp.Pipeline) and is not part of training. On
// EWT dev it changes +1 token of UPOS for the better, on EWT test −2 and on PUD −1 (of about 25,000
// and 21,000), where the treebanks tag capitalised common nouns of titles as NOUN.
func (t *Tagger) RepairNames(s *story.Sentence) int {
	if t.propnNNP < 0 {
		return 0
	}
	toks := s.Tokens
	unknown := func(i int) bool {
		if i < 0 || i >= len(toks) || !startsUpper(toks[i].Form) || capsClass(toks[i].Form) != capsInitial || t.lex[toks[i].Form] != 0 {
			return false
		}
		_, known := t.known[strings.ToLower(toks[i].Form)]
		return !known
	}
	changed := 0
	set := func(tk *story.Token) {
		if tk.UPOS == "PROPN" {
			return
		}
		t.retag(tk, t.propnNNP)
		tk.Lemma = tk.Form
		changed++
	}
	adjJJ := t.classID("ADJ", "JJ")
	prev, cur := false, unknown(0) // tokens i-1 and i are unknown capitalised words
	for i := range toks {
		next := unknown(i + 1)
		if cur {
			tk := &toks[i]
			dem := t.demonym(tk.Form)
			if dem && next {
				// Before a name: an adjective when the name modifies a common noun ("Yemeni
				// Houthi rebels"), else part of the name ("Saudi Arabia").
				j := i + 1
				for unknown(j) {
					j++
				}
				dem = j < len(toks) && (toks[j].XPOS == "NN" || toks[j].XPOS == "NNS") && adjJJ >= 0
			}
			switch {
			case dem && (tk.UPOS == "ADJ" || next):
				// A nationality adjective: its lemma keeps the capital, as the treebank's do
				// ("Mexican"), except at the start of a sentence ("Stylish").
				if tk.UPOS != "ADJ" {
					t.retag(tk, adjJJ)
				}
				if i > 0 || next {
					tk.Lemma = tk.Form
				}
				changed++
			case dem:
			case prev || next:
				set(tk)
			case tk.UPOS == "ADJ" && i > 0 && argumentSlot(toks, i):
				set(tk)
			case i == 0 && subjectSlot(toks) && (tk.UPOS == "ADJ" || tk.UPOS == "INTJ" || tk.UPOS == "X" || tk.UPOS == "NUM"):
				set(tk)
			}
		}
		prev, cur = cur, next
	}
	// A hyphenated given name after a capitalised word ("Moon Jae-in", "Ban Ki-moon", "Park
	// Geun-hye"; tokenised as in UD English, "Jae - in"): an unknown capitalised word, a hyphen and
	// a lower-case word are all of the name.
	hyph := t.classID("PUNCT", "HYPH")
	for i := 1; i+2 < len(toks); i++ {
		if unknown(i) && toks[i+1].Form == "-" && capsClass(toks[i+2].Form) == capsLower &&
			(capsClass(toks[i-1].Form) == capsInitial || capsClass(toks[i-1].Form) == capsAll) {
			set(&toks[i])
			set(&toks[i+2])
			if toks[i+1].XPOS != "HYPH" && hyph >= 0 {
				t.retag(&toks[i+1], hyph)
				changed++
			}
		}
	}
	return changed
}

// subjectSlot reports whether the first token of toks stands where a subject does: before a
// coordinating conjunction, a comma or a finite verb ("Xi/ADJ and Putin signed ...", "Xi/INTJ,
// speaking in Beijing, warned ...") (RepairNames).
func subjectSlot(toks []story.Token) bool {
	if len(toks) < 2 {
		return false
	}
	switch toks[1].XPOS {
	case "CC", ",", "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// argumentSlot reports whether token i stands where a noun phrase does and an adjective cannot:
// right after a verb (not an auxiliary or copula, "is Untrustworthy") or a preposition, and
// before a word that is neither a noun, adjective or number it could modify nor a conjunction
// ("in the Celtic and Irish Seas") (RepairNames).
func argumentSlot(toks []story.Token, i int) bool {
	p := toks[i-1]
	if !(p.UPOS == "VERB" || p.XPOS == "IN" || p.XPOS == "TO") {
		return false
	}
	if i+1 == len(toks) {
		return true
	}
	switch toks[i+1].XPOS {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "HYPH", "CC":
		return false
	}
	return true
}

// demonym reports whether form looks like a nationality adjective (isDemonym) by its WordNet
// classes; false without WordNet.
func (t *Tagger) demonym(form string) bool {
	if t.wn == nil {
		return false
	}
	lw := strings.ToLower(form)
	if kw, ok := t.known[lw]; ok {
		return isDemonym(form, kw.wn)
	}
	sc := t.getScratch()
	c := t.wn.Classes([]byte(lw), &sc.wnbuf)
	t.putScratch(sc)
	return isDemonym(form, c)
}

// RepairNumbers tags as cardinal numbers (NUM CD) the spelled-out numbers written with a capital
// ("Eleven people were killed", which a capitalised-word constraint kept from NUM). It returns the
// number of tokens changed. Like RepairVerbForms it runs after Tag (nlp.Pipeline). Roman numerals
// after a name are left as tagged: as NUM ("King Mohammed VI of Morocco") they made the parser
// take the country for a subject and cost the events their actor.
func (t *Tagger) RepairNumbers(s *story.Sentence) int {
	if t.numCD < 0 {
		return 0
	}
	toks := s.Tokens
	changed := 0
	for i := range toks {
		tk := &toks[i]
		if tk.UPOS == "NUM" {
			continue
		}
		f := tk.Form
		if !startsUpper(f) {
			continue
		}
		if len(f) > 8 || capsClass(f) != capsInitial || !numberWords[strings.ToLower(f)] {
			continue
		}
		t.retag(tk, t.numCD)
		tk.Lemma = strings.ToLower(f)
		changed++
	}
	return changed
}

// RepairPunctuation tags the tokens made only of non-ASCII punctuation marks (Unicode category P)
// or non-ASCII digits, which the treebank has too rarely for the tagger to know: CJK and
// fullwidth marks ("。", "，", "！", "「") were tagged PROPN, "«" SYM, "•" PART, fullwidth
// numbers ("１２") PROPN. Punctuation becomes PUNCT with the XPOS of its ASCII counterpart
// (punctXPOS: sentence-final marks ".", commas ",", colons and semicolons ":", brackets -LRB- and
// -RRB-, quotes the PTB opening and closing quote tags, dashes HYPH, others NFP; UD English-EWT's
// tags for the ASCII forms); digits, with fullwidth commas and points between them, become NUM
// CD. A possessive apostrophe ("students’", PART POS) stays as tagged, but not a bullet tagged so
// ("•"). It returns the number of
// tokens changed; like RepairVerbForms it runs after Tag (nlp.Pipeline).
func (t *Tagger) RepairPunctuation(s *story.Sentence) int {
	changed := 0
	for i := range s.Tokens {
		tk := &s.Tokens[i]
		if tk.UPOS == "PUNCT" || tk.Form == "" || tk.Form[0] < utf8.RuneSelf || tk.UPOS == "PART" && strings.ContainsAny(tk.Form, "’‘＇′´") {
			continue
		}
		punct, digits, xpos := true, false, ""
		for _, r := range tk.Form {
			switch {
			case r < utf8.RuneSelf:
				punct, digits = false, false
			case unicode.IsPunct(r):
				if xpos == "" {
					xpos = punctXPOS(r)
				}
				if r != '，' && r != '．' {
					digits = false
				}
			case unicode.IsDigit(r):
				punct, digits = false, true
			default:
				punct, digits = false, false
			}
			if !punct && !digits {
				break
			}
		}
		c := -1
		switch {
		case punct:
			c = t.classID("PUNCT", xpos)
		case digits:
			c = t.numCD
		}
		if c < 0 {
			continue
		}
		t.retag(tk, c)
		tk.Lemma = tk.Form
		changed++
	}
	return changed
}

// punctXPOS is the PTB tag of a non-ASCII punctuation mark r, by its role (RepairPunctuation).
func punctXPOS(r rune) string {
	switch r {
	case '。', '｡', '．', '！', '？', '‼', '⁇', '⁈', '⁉':
		return "."
	case '，', '、', '､', '‚':
		return ","
	case '：', '；', '⁏':
		return ":"
	}
	switch {
	case unicode.Is(unicode.Ps, r):
		return "-LRB-"
	case unicode.Is(unicode.Pe, r):
		return "-RRB-"
	case unicode.Is(unicode.Pi, r):
		return "``"
	case unicode.Is(unicode.Pf, r):
		return "''"
	case unicode.Is(unicode.Pd, r):
		return "HYPH"
	}
	return "NFP"
}

// numberWords are the spelled-out cardinals RepairNumbers repairs ("one" is left out: it is as
// often a pronoun, "One of them").
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fourteen": true,
	"fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true,
	"eighty": true, "ninety": true, "hundred": true, "thousand": true,
}

// startsUpper reports a form starting with an ASCII capital or a non-ASCII byte (which may be a
// capital); the name and number repairs look no further at other forms.
func startsUpper(f string) bool {
	return f != "" && (f[0] >= 'A' && f[0] <= 'Z' || f[0] >= 0x80)
}

// infinitiveAt reports a "to" + base-form verb starting at token i ("agreed to resume").
func infinitiveAt(toks []story.Token, i int) bool {
	return i+1 < len(toks) && toks[i].XPOS == "TO" && toks[i+1].XPOS == "VB"
}

// passiveBeforeInfinitive are participles that, before "to" + verb without a finite verb in the
// sentence, are a headline's passive ("Russian diplomats ordered to leave Britain", "talks
// scheduled to resume"): verbs whose active form takes an object before the infinitive, and
// raising participles. RepairVerbForms leaves them VBN.
var passiveBeforeInfinitive = map[string]bool{
	"ordered": true, "told": true, "asked": true, "urged": true, "forced": true, "allowed": true,
	"expected": true, "required": true, "invited": true, "advised": true, "instructed": true,
	"encouraged": true, "permitted": true, "compelled": true, "persuaded": true, "warned": true,
	"authorized": true, "authorised": true, "forbidden": true, "sentenced": true, "called": true,
	"scheduled": true, "set": true, "slated": true, "supposed": true, "believed": true,
	"said": true, "reported": true, "thought": true, "known": true, "seen": true, "made": true,
	"pressed": true, "pressured": true, "obliged": true, "appointed": true,
	"elected": true, "chosen": true, "named": true, "tipped": true, "poised": true, "due": true,
}

// retag gives tk the class (UPOS, XPOS) with id c and its FEATS; the lemma is left as it is.
func (t *Tagger) retag(tk *story.Token, c int) {
	tk.UPOS, tk.XPOS = t.classes[c].UPOS, t.classes[c].XPOS
	sc := t.getScratch()
	tk.Feats = t.feats(sc, tk.Form, c)
	t.putScratch(sc)
}

// adjunctStartTag are the XPOS tags that start what can follow an intransitive verb (a
// preposition other than the passive's "by", an adverb or particle, a comma), and endsWithStop
// reports a sentence that ends with a full stop: a verbless sentence, not a headline, whose
// subject is followed by a VBN and then one of these has a past-tense verb ("Ads continued/VBN
// throughout the week.", "Some rallies boiled/VBN over into clashes.", "Swiss doctors
// handed/VBN over 700 kg of medicine ...") (RepairVerbForms).
var adjunctStartTag = map[string]bool{"IN": true, "RB": true, "RP": true, ",": true}

func endsWithStop(toks []story.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].Form {
		case "\"", "'", "”", "’", ")":
			continue
		case ".", "!":
			return true
		}
		return false
	}
	return false
}

var (
	determinerTag  = map[string]bool{"DT": true, "CD": true, "PRP$": true, "POS": true}
	nominalTag     = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true}
	subjectTag     = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "PRP": true}
	objectStartTag = map[string]bool{"DT": true, "NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "CD": true, "PRP$": true, "PRP": true}
)

// stage2Margin is the stage-1 score lead (best class over the next, in perceptron updates) from
// which a token keeps its stage-1 class and is not re-tagged by the stacked stage 2: stage 2 costs
// as much as stage 1 per token it re-tags, and tokens tagged with a large lead are nearly always
// right. Tuned on EWT dev (see docs/MODEL.md).
var stage2Margin float32 = 12

// tag runs the stages on the prepared sentence, leaving the class ids in sc.tags.
func (t *Tagger) tag(s *story.Sentence, sc *scratch) {
	t.predict(s, sc, false)
	if t.model2 != nil {
		copy(sc.tags1, sc.tags)
		t.predict(s, sc, true)
	}
}

// predict tags the prepared sentence greedily with stage 1, or with the stacked stage 2 over the
// stage-1 classes in sc.tags1, leaving the class ids in sc.tags. In a stacked tagger stage 1
// records in sc.sure which tokens stage 2 may skip, and stage 2 re-tags only the others.
func (t *Tagger) predict(s *story.Sentence, sc *scratch, stage2 bool) {
	features, model := t.features, t.model
	if stage2 {
		features, model = t.features2, t.model2
	}
	margins := !stage2 && t.model2 != nil
	if margins {
		if cap(sc.sure) < len(s.Tokens) {
			sc.sure = make([]bool, len(s.Tokens))
		}
		sc.sure = sc.sure[:len(s.Tokens)]
	}
	lead := stage2Margin / model.Scale()
	for i := range s.Tokens {
		if dc := sc.w[i+pad].dictClass; dc >= 0 {
			sc.tags[i+pad] = int(dc)
			if margins {
				sc.sure[i] = true
			}
			continue
		}
		if stage2 && sc.sure[i] {
			continue
		}
		sc.feats = features(sc.feats[:0], sc, i)
		scores := sc.scores[:t.nclass]
		for j := range scores {
			scores[j] = 0
		}
		model.Score(sc.feats, scores)
		sc.tags[i+pad] = t.choose(scores, sc, i)
		if margins {
			sc.sure[i] = topLead(scores) >= lead
		}
	}
}

// topLead returns the best score minus the second best.
func topLead(scores []float32) float32 {
	b1, b2 := float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, v := range scores {
		if v > b1 {
			b1, b2 = v, b1
		} else if v > b2 {
			b2 = v
		}
	}
	return b1 - b2
}

// Unknown-word constraints: a capitalised word never seen in training (neither its exact form in
// the lexicon nor its lower-cased form among the frequent words) is not in a closed class
// (determiners, adpositions, pronouns, conjunctions, auxiliaries, particles: their members are all
// in the treebank; "Xi Jinping" is not SCONJ), and one inside a sentence, after a word, is not a
// verb ("in Kunming", "Xi Jinping": -ing proper nouns are not gerunds). On EWT dev they change
// nothing (UPOS 0.9505 with or without); barring closed classes for lower-case unknown words too
// cost 0.07 UPOS (web text has unseen spellings of function words).
const (
	allowAll = iota
	allowOpen
	allowOpenNoVerb
	allowPROPN
)

// lexPROPN and ambPROPN are the lexicon and ambiguity classes of words seen only as proper nouns.
var (
	lexPROPN = linear.Hash("lex|PROPN") | 1
	ambPROPN = linear.Hash("PROPN") | 1
)

// choose returns the best class for token i of the prepared sentence under the unknown-word
// constraints.
func (t *Tagger) choose(scores []float32, sc *scratch, i int) int {
	w := &sc.w[i+pad]
	mode := allowAll
	if w.lex == 0 && !w.known && (w.caps == capsInitial || w.caps == capsAll) {
		mode = allowOpen
		if w.caps == capsInitial && i > 0 && sc.w[i+pad-1].caps != capsOther {
			mode = allowOpenNoVerb
		}
	}
	// Two unknown capitalised words opening a sentence are a name ("Xi Jinping criticized ..."),
	// unless the first is a nationality adjective ("Sudanese Janjaweed militias ...").
	if mode != allowAll && i == 0 && w.caps == capsInitial && !w.demonym {
		if n := &sc.w[i+pad+1]; n.lex == 0 && !n.known && n.caps == capsInitial {
			mode = allowPROPN
		}
	}
	// A word the treebank has only as a proper noun, never in lower case, stays a proper noun
	// ("Beijing strongly opposes ..." at the start of a sentence; −0.01 UPOS on EWT dev).
	if w.lex == lexPROPN && (!w.known || w.amb == ambPROPN) {
		mode = allowPROPN
	}
	if mode == allowAll {
		return argmax(scores)
	}
	best := -1
	for j, v := range scores {
		if mode == allowPROPN {
			if !t.propn[j] {
				continue
			}
		} else if mode != allowAll && (!t.open[j] || (mode == allowOpenNoVerb && t.verb[j]) || (w.caps == capsInitial && t.num[j])) {
			// A capitalised unknown word is no number either: Roman numerals are written in
			// capitals ("XI"), and WordNet's "xi" (eleven) had made "Xi Jinping" a NUM.
			continue
		}
		if best < 0 || v > scores[best] {
			best = j
		}
	}
	if best < 0 {
		return argmax(scores)
	}
	return best
}

// classID returns the class of (upos, xpos), or −1 when the model has none.
func (t *Tagger) classID(upos, xpos string) int {
	if c, ok := t.ids[class{upos, xpos}]; ok {
		return c
	}
	return -1
}

// setMasks fills the class masks (t.open, t.verb, t.propn, t.num), t.ids and the classes the
// repairs retag to (t.vbd, t.vbn, t.adpIN, t.propnNNP, t.numCD; −1 when the model has none).
func (t *Tagger) setMasks() {
	t.open = make([]bool, t.nclass)
	t.verb = make([]bool, t.nclass)
	t.propn = make([]bool, t.nclass)
	t.num = make([]bool, t.nclass)
	t.ids = make(map[class]int, t.nclass)
	for i, c := range t.classes {
		t.ids[c] = i
		t.propn[i] = c.UPOS == "PROPN"
		t.num[i] = c.UPOS == "NUM"
		switch c.UPOS {
		case "NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X", "INTJ", "SYM":
			t.open[i] = true
		}
		t.verb[i] = c.UPOS == "VERB" || c.UPOS == "AUX"
	}
	t.vbd, t.vbn, t.adpIN = t.classID("VERB", "VBD"), t.classID("VERB", "VBN"), t.classID("ADP", "IN")
	t.propnNNP, t.numCD = t.classID("PROPN", "NNP"), t.classID("NUM", "CD")
}

func argmax(v []float32) int {
	best := 0
	for j, x := range v {
		if x > v[best] {
			best = j
		}
	}
	return best
}

func (t *Tagger) feats(sc *scratch, form string, c int) string {
	sc.lower = appendLower(sc.lower[:0], form)
	sc.lower = append(sc.lower, 0)
	sc.lower = appendInt(sc.lower, c)
	if f, ok := t.featsW[string(sc.lower)]; ok {
		return f
	}
	return t.featsC[c]
}

func appendInt(b []byte, v int) []byte {
	return append(b, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
}

// Evaluate tags a copy of each gold sentence and returns the fraction of tokens whose UPOS, XPOS and
// Lemma (case-insensitive) match the gold ones; tokens is the number of tokens scored.
func (t *Tagger) Evaluate(gold []story.Sentence) (upos, xpos, lemma float64, tokens int) {
	var cu, cx, cl int
	buf := make([]story.Token, 0, 64)
	for _, g := range gold {
		buf = append(buf[:0], g.Tokens...)
		s := story.Sentence{Tokens: buf}
		t.Tag(&s)
		for i, tk := range s.Tokens {
			gt := g.Tokens[i]
			tokens++
			if tk.UPOS == gt.UPOS {
				cu++
			}
			if tk.XPOS == gt.XPOS {
				cx++
			}
			if strings.EqualFold(tk.Lemma, gt.Lemma) {
				cl++
			}
		}
	}
	if tokens == 0 {
		return 0, 0, 0, 0
	}
	d := float64(tokens)
	return float64(cu) / d, float64(cx) / d, float64(cl) / d, tokens
}

// Options control training.
type Options struct {
	Epochs int     // passes over the training data (default 10)
	Seed   uint64  // shuffling seed; the same seed and data give the same model
	Prune  float64 // drop averaged weights smaller than this (default 0.05)
	// Stack, when above 1, adds a second stage that also sees the stage-1 classes of the next
	// words; its training input comes from Stack-fold jackknifing of stage 1.
	Stack int
	// WordNet, when set, adds word-class features from WordNet's lemmas and inflections (package nlp/wordnet);
	// the model keeps a copy of it. On EWT dev they gave +0.35 UPOS (0.9502 → 0.9538).
	WordNet *wordnet.WordNet
	// Log receives one line per epoch with the dev scores; nil for none.
	Log io.Writer
}

// Train learns a tagger from gold sentences (UPOS, XPOS, Lemma, Feats filled). Dev sentences are
// tagged after every epoch and the averaged model of the best dev UPOS accuracy is returned.
// It fails when train holds no tokens or more than 255 (UPOS, XPOS) classes.
func Train(train, dev []story.Sentence, opt Options) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Prune == 0 {
		opt.Prune = 0.05
	}
	t := &Tagger{}
	classID := map[class]int{}
	ntok := 0
	for _, s := range train {
		for _, tk := range s.Tokens {
			c := class{tk.UPOS, tk.XPOS}
			if _, ok := classID[c]; !ok {
				classID[c] = len(t.classes)
				t.classes = append(t.classes, c)
			}
			ntok++
		}
	}
	if ntok == 0 {
		return nil, fmt.Errorf("tagger: no training tokens")
	}
	if len(t.classes) > 255 {
		return nil, fmt.Errorf("tagger: %d (UPOS, XPOS) classes, at most 255", len(t.classes))
	}
	t.nclass = len(t.classes)
	t.setMasks()
	t.buildTables(train, classID)
	t.wn = opt.WordNet
	t.index()

	tr := linear.NewTrainer(t.nclass)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := linear.NewShuffler(opt.Seed)
	sc := &scratch{scores: make([]float32, t.nclass)}
	gold := make([]int, 0, 128)
	var best *linear.Model
	bestScore := -1.0
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(order)
		correct, total := 0, 0
		for _, si := range order {
			s := &train[si]
			if len(s.Tokens) == 0 {
				continue
			}
			t.prepare(s, sc)
			gold = gold[:0]
			for _, tk := range s.Tokens {
				gold = append(gold, classID[class{tk.UPOS, tk.XPOS}])
			}
			for i := range s.Tokens {
				sc.feats = t.features(sc.feats[:0], sc, i)
				tr.Score(sc.feats, sc.scores)
				guess := 0
				for j, v := range sc.scores[:t.nclass] {
					if v > sc.scores[guess] {
						guess = j
					}
				}
				tr.Tick()
				tr.Update(sc.feats, gold[i], guess)
				if guess == gold[i] {
					correct++
				}
				total++
				// Train on the gold history (teacher forcing; the predicted history gave −0.05 UPOS on dev).
				sc.tags[i+pad] = gold[i]
			}
		}
		t.model = tr.Average(opt.Prune)
		upos, xpos, lemma, _ := t.Evaluate(dev)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger epoch %d: train acc %.4f, dev UPOS %.4f XPOS %.4f lemma %.4f, %d rows %d weights\n",
				ep, float64(correct)/float64(total), upos, xpos, lemma, t.model.Rows(), t.model.Entries())
		}
		score := upos + xpos
		if len(dev) == 0 || score > bestScore {
			bestScore, best = score, t.model
		}
	}
	t.model = best
	if opt.Stack > 1 {
		if err := t.trainStage2(train, dev, classID, opt); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// trainStage2 trains the stacked stage: stage-1 classes of the training sentences come from
// taggers trained on the other folds (sentence i is in fold i mod opt.Stack).
func (t *Tagger) trainStage2(train, dev []story.Sentence, classID map[class]int, opt Options) error {
	k := opt.Stack
	stage1 := make([][]int, len(train))
	sub := opt
	sub.Stack, sub.Log = 0, nil
	for f := 0; f < k; f++ {
		var tr []story.Sentence
		for i, s := range train {
			if i%k != f {
				tr = append(tr, s)
			}
		}
		tf, err := Train(tr, nil, sub)
		if err != nil {
			return err
		}
		// The fold tagger must use this tagger's class ids.
		for i := range train {
			if i%k != f || len(train[i].Tokens) == 0 {
				continue
			}
			s := story.Sentence{Tokens: append([]story.Token(nil), train[i].Tokens...)}
			tf.Tag(&s)
			ids := make([]int, len(s.Tokens))
			for j, tk := range s.Tokens {
				id, ok := classID[class{tk.UPOS, tk.XPOS}]
				if !ok {
					id = 0
				}
				ids[j] = id
			}
			stage1[i] = ids
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger stage 2: jackknife fold %d/%d done\n", f+1, k)
		}
	}
	tr := linear.NewTrainer(t.nclass)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := linear.NewShuffler(opt.Seed + 1)
	sc := &scratch{scores: make([]float32, t.nclass)}
	var best *linear.Model
	bestScore := -1.0
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(order)
		for _, si := range order {
			s := &train[si]
			if len(s.Tokens) == 0 {
				continue
			}
			t.prepare(s, sc)
			for j, id := range stage1[si] {
				sc.tags1[j+pad] = id
			}
			for i, tk := range s.Tokens {
				sc.feats = t.features2(sc.feats[:0], sc, i)
				tr.Score(sc.feats, sc.scores)
				guess := argmax(sc.scores[:t.nclass])
				gold := classID[class{tk.UPOS, tk.XPOS}]
				tr.Tick()
				tr.Update(sc.feats, gold, guess)
				sc.tags[i+pad] = gold
			}
		}
		t.model2 = tr.Average(opt.Prune)
		upos, xpos, lemma, _ := t.Evaluate(dev)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger stage 2 epoch %d: dev UPOS %.4f XPOS %.4f lemma %.4f, %d rows %d weights\n",
				ep, upos, xpos, lemma, t.model2.Rows(), t.model2.Entries())
		}
		if score := upos + xpos; len(dev) == 0 || score > bestScore {
			bestScore, best = score, t.model2
		}
	}
	t.model2 = best
	return nil
}

// buildTables learns the tag dictionary, ambiguity classes, lemma exceptions and FEATS tables.
func (t *Tagger) buildTables(train []story.Sentence, classID map[class]int) {
	formClass := map[string]map[int]int{}
	lemmaCount := map[string]map[string]int{}
	featsCount := map[string]map[string]int{}
	classFeats := make([]map[string]int, t.nclass)
	for i := range classFeats {
		classFeats[i] = map[string]int{}
	}
	inc := func(m map[string]map[string]int, k, v string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][v]++
	}
	for _, s := range train {
		for _, tk := range s.Tokens {
			c := classID[class{tk.UPOS, tk.XPOS}]
			if formClass[tk.Form] == nil {
				formClass[tk.Form] = map[int]int{}
			}
			formClass[tk.Form][c]++
			lw := strings.ToLower(tk.Form)
			inc(lemmaCount, tk.Form+"\x00"+tk.XPOS, tk.Lemma)
			inc(lemmaCount, "\x01"+lw+"\x00"+tk.XPOS, tk.Lemma)
			inc(featsCount, lw+"\x00"+string(appendInt(nil, c)), tk.Feats)
			classFeats[c][tk.Feats]++
		}
	}
	t.tagDict = map[string]int16{}
	for f, m := range formClass {
		n, bc, bn := 0, 0, -1
		for c, k := range m {
			n += k
			if k > bn || (k == bn && c < bc) {
				bc, bn = c, k
			}
		}
		if n >= dictMinCount && float64(bn)/float64(n) >= dictMinShare {
			t.tagDict[f] = int16(bc)
		}
	}
	t.lex = buildLex(train, nil)
	t.amb = buildAmb(train, nil)
	t.lemmas = map[string]bool{}
	for _, s := range train {
		for _, tk := range s.Tokens {
			switch tk.UPOS {
			case "NOUN", "VERB", "AUX", "ADJ":
				t.lemmas[strings.ToLower(tk.Lemma)] = true
			}
		}
	}
	t.lemmaEx = map[string]string{}
	for k, m := range lemmaCount {
		lemma := majority(m)
		form, xpos, _ := strings.Cut(strings.TrimPrefix(k, "\x01"), "\x00")
		upos := ""
		if strings.HasPrefix(xpos, "NNP") {
			upos = "PROPN"
		}
		if t.checkLemma(ruleLemma(form, upos, xpos), xpos) != lemma {
			t.lemmaEx[k] = lemma
		}
	}
	t.featsC = make([]string, t.nclass)
	for c := range classFeats {
		t.featsC[c] = majority(classFeats[c])
	}
	t.featsW = map[string]string{}
	for k, m := range featsCount {
		_, cs, _ := strings.Cut(k, "\x00")
		c := int(cs[0]-'0')*100 + int(cs[1]-'0')*10 + int(cs[2]-'0')
		if f := majority(m); f != t.featsC[c] {
			t.featsW[k] = f
		}
	}
}

// buildLex maps every form of the sentences train[i] with keep(i) (all when keep is nil) to the hash
// of the sorted set of UPOS tags it has in them.
func buildLex(train []story.Sentence, keep func(int) bool) map[string]uint64 {
	sets := map[string]map[string]bool{}
	for i, s := range train {
		if keep != nil && !keep(i) {
			continue
		}
		for _, tk := range s.Tokens {
			if sets[tk.Form] == nil {
				sets[tk.Form] = map[string]bool{}
			}
			sets[tk.Form][tk.UPOS] = true
		}
	}
	lex := make(map[string]uint64, len(sets))
	for f, m := range sets {
		set := make([]string, 0, len(m))
		for u := range m {
			set = append(set, u)
		}
		sort.Strings(set)
		lex[f] = linear.Hash("lex|"+strings.Join(set, "|")) | 1
	}
	return lex
}

// buildAmb maps the lower-cased forms seen at least minAmbCount times in the sentences train[i] with
// keep(i) (all when keep is nil) to the hash of their ambiguity class: the sorted set of UPOS tags
// they have in at least 5% of their occurrences.
func buildAmb(train []story.Sentence, keep func(int) bool) map[string]uint64 {
	lowerUPOS := map[string]map[string]int{}
	for i, s := range train {
		if keep != nil && !keep(i) {
			continue
		}
		for _, tk := range s.Tokens {
			lw := strings.ToLower(tk.Form)
			if lowerUPOS[lw] == nil {
				lowerUPOS[lw] = map[string]int{}
			}
			lowerUPOS[lw][tk.UPOS]++
		}
	}
	amb := map[string]uint64{}
	for w, m := range lowerUPOS {
		n := 0
		for _, k := range m {
			n += k
		}
		if n < minAmbCount {
			// Rare training words are left unknown, so that the unknown-word features are trained.
			continue
		}
		var set []string
		for u, k := range m {
			if float64(k)/float64(n) >= 0.05 {
				set = append(set, u)
			}
		}
		sort.Strings(set)
		amb[w] = linear.Hash(strings.Join(set, "|")) | 1
	}
	return amb
}

// minAmbCount is the least frequency of a word (lower-cased) in the training data for it to get an
// ambiguity class.
const minAmbCount = 3

// majority returns the most frequent key of m (ties broken by the smaller key, for determinism).
func majority(m map[string]int) string {
	best, bn := "", -1
	for k, n := range m {
		if n > bn || (n == bn && k < best) {
			best, bn = k, n
		}
	}
	return best
}

// Pruned returns a copy of t whose weights below min (in perceptron updates) are dropped.
func (t *Tagger) Pruned(min float64) *Tagger {
	c := &Tagger{nclass: t.nclass, classes: t.classes, tagDict: t.tagDict, amb: t.amb, known: t.known, lex: t.lex, lemmaEx: t.lemmaEx, lemmas: t.lemmas,
		featsW: t.featsW, featsC: t.featsC, model: t.model.Prune(min), open: t.open, verb: t.verb, propn: t.propn, num: t.num, vbd: t.vbd, vbn: t.vbn, adpIN: t.adpIN, propnNNP: t.propnNNP, numCD: t.numCD, ids: t.ids, wn: t.wn}
	if t.model2 != nil {
		c.model2 = t.model2.Prune(min)
	}
	return c
}

// A word enters the tag dictionary (and skips the perceptron) when it occurs at least dictMinCount
// times in the training data with one class in at least dictMinShare of them.
var (
	dictMinCount = 10
	dictMinShare = 0.99
)
