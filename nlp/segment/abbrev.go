package segment

// Word lists used by the tokenizer and the sentence splitter. They are Dyad's own lists of
// ordinary English abbreviations and function words; matching is ASCII case-insensitive
// unless noted.

// abbrevKind says what an abbreviation written with a final period does at a possible
// sentence end.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// abbrevTitle never ends a sentence: it precedes a name or a number ("Mr.", "Gen.",
	// "No.", "Jan.").
	abbrevTitle
	// abbrevMayEnd ends a sentence when the next word is a typical sentence opener
	// ("U.S.", "Inc.", "etc.", "a.m.").
	abbrevMayEnd
)

// abbrevs maps lower-cased abbreviations, without their final period, to their kind.
// Acronyms with inner periods ("U.N.", "D.C.") need no entry: any word with an inner period
// keeps its final one (see wordEndsWithAbbrevDot). Single letters are initials.
var abbrevs = map[string]abbrevKind{}

func init() {
	for _, w := range []string{
		// titles and ranks
		"mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs",
		"gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig",
		"lieut", "pres", "amb", "hon", "rev", "fr", "msgr", "sr", "supt", "insp", "det",
		"atty", "sec", "secy", "cong", "ald", "treas", "pfc", "ens", "gens", "mme", "mlle",
		"st", "mt", "ft", "ste", "no", "nos", "nr", "vol", "vols", "art", "arts", "fig", "figs",
		"op", "pp", "ch", "sect", "ed", "eds", "para", "attn", "ref", "tel", "ext", "approx",
		"dept", "univ", "assn", "bros", "est", "vs", "v", "viz", "cf",
		// months and days (before a number or a name)
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		// US states as written by news agencies
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
		"kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
		"okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
	} {
		abbrevs[w] = abbrevTitle
	}
	for _, w := range []string{
		"inc", "corp", "co", "ltd", "llc", "plc", "bhd", "jr", "etc", "al", "esq", "cie",
		"govt", "intl", "natl", "dist", "div", "mfg", "yr", "yrs", "hr", "hrs", "min", "mins",
		"sq", "km", "kg", "lb", "lbs", "oz", "pt", "qt", "mph", "ave", "blvd", "rd", "hwy",
		"dept", "misc", "mgr", "asst", "ca", "approx", "incl", "cu", "ph",
	} {
		if _, ok := abbrevs[w]; !ok {
			abbrevs[w] = abbrevMayEnd
		}
	}
}

// sentenceOpeners are capitalised words that usually begin a sentence; after an abbreviation
// of kind abbrevMayEnd, a following opener ends the sentence ("... the U.S. The talks ...").
var sentenceOpeners = map[string]bool{}

func init() {
	for _, w := range []string{
		"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
		"Those", "There", "His", "Her", "Its", "Their", "Our", "My", "In", "On", "At", "But",
		"And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "Since", "As",
		"Although", "Though", "However", "Meanwhile", "Also", "Still", "Then", "Now", "Today",
		"Yesterday", "Last", "Earlier", "Later", "Some", "Many", "Most", "All", "No", "Both",
		"Each", "Other", "Such", "What", "Who", "Why", "How", "Where", "Officials", "Police",
		"According", "For", "From", "With", "By", "To", "Under", "Despite", "During", "Asked",
		"Mr.", "Mrs.", "Ms.", "Dr.",
	} {
		sentenceOpeners[w] = true
	}
}

// hyphenPrefixes are prefixes that EWT keeps attached to the word after the hyphen
// ("non-commercial", "e-mail", "post-war"); other hyphenated compounds are split into
// word, "-", word as in UD English EWT.
var hyphenPrefixes = map[string]bool{}

func init() {
	for _, w := range []string{
		"e", "non", "pre", "anti", "mid", "re", "post", "co", "pro", "multi", "ex", "sub",
		"semi", "cross", "neo", "socio", "counter", "intra", "inter", "un", "micro", "macro",
		"over", "under", "bi", "tri", "ultra", "pseudo", "quasi", "trans", "mega", "infra",
		"extra", "hyper", "geo", "meta", "mis", "out", "uni", "de",
	} {
		hyphenPrefixes[w] = true
	}
}

// numberAbbrevs are abbreviations that are also ordinary words ("no", "art", "ill"): they keep
// their period only before a number ("No. 10", "Art. 5") and, for "al", after "et".
var numberAbbrevs = map[string]bool{}

func init() {
	for _, w := range []string{
		"no", "nos", "art", "arts", "fig", "figs", "op", "ch", "ed", "eds", "sun", "wed", "sat",
		"mar", "ill", "ind", "del", "mass", "miss", "mo", "wash", "ore", "pa", "la", "ga", "est",
		"min", "pt", "sq", "ca", "cu", "al", "ref", "tel", "det", "sec", "cong", "ens", "hon",
		"sect", "para", "ext", "mins", "hr", "hrs", "yr", "yrs", "div", "dist", "rd",
	} {
		numberAbbrevs[w] = true
	}
}

// lineJoiners are lower-case words after which a single line break does not end a
// sentence (the text is hard-wrapped: "... talks with\nPresident Obama").
var lineJoiners = map[string]bool{}

func init() {
	for _, w := range []string{
		"the", "a", "an", "of", "to", "in", "on", "at", "with", "by", "for", "from", "and",
		"or", "but", "nor", "said", "says", "that", "as", "into", "onto", "about", "than",
		"his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "is",
		"are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
		"could", "should", "may", "might", "must", "not", "who", "which", "whose", "when",
		"where", "while", "after", "before", "since", "if", "because", "told", "between",
		"against", "during", "under", "over", "through", "without", "within", "among",
	} {
		lineJoiners[w] = true
	}
}

// fusedForms are words that EWT writes as two syntactic words (multi-word tokens); the
// value is the length in bytes of the first word.
var fusedForms = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3, "werent": 4,
	"couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3, "hadnt": 3,
	"wont": 2, "cant": 2,
}

// lowerASCII returns s with ASCII letters lower-cased; it allocates only when s has an upper-case
// ASCII letter.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
