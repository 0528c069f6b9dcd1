// Package story is Dyad's data model: the values that flow from ingest through the NLP front end
// and the coder to the output writers. It knows no format and no algorithm.
//
// Offsets: Sentence.Start/End are byte offsets into Story.Text; Token.Start/End are byte offsets
// into Sentence.Text. Event spans (Actor.Start/End, Verb.Start/End) are Unicode code point offsets
// into Event.Sentence, as the event record contract requires (ARCHITECTURE.md, "The event record"),
// so that Python and JavaScript users can slice with them directly.
package story

import (
	"strconv"
	"time"
)

// Story is one news story: the unit of input, of story discards and of the one-a-story filter.
type Story struct {
	ID        string    // story id; for a file, the file name without extension
	Title     string    // headline, if known
	Text      string    // body text, UTF-8
	Date      time.Time // publication date (UTC); zero when unknown
	URL       string    // where the story was published, if known
	Publisher string    // outlet, e.g. "Voice of America"
	Origin    string    // where Dyad read it: a file path, "-" for standard input, a URL; "path:line" for JSONL
	// Sentences are filled by the NLP front end, or directly by pre-parsed input
	// (PETRARCH XML with <Parse>, CoNLL-U).
	Sentences []Sentence
	// Duplicates lists the ids of near-duplicate stories folded into this one by ingest.
	Duplicates []string
	// Warnings are non-fatal problems found while reading the story (e.g. an unreadable date).
	Warnings []string
}

// Sentence is one sentence of a story with its tokens and, once parsed, its dependency tree.
type Sentence struct {
	Index int    // 0-based position in the story
	ID    string // external id when the input carries one (PETRARCH "STORYID_SENTNO"); else ""
	Text  string // the sentence text
	// Start and End are byte offsets of Text in Story.Text (end exclusive); both -1 when the
	// sentence does not come from the story text (e.g. PETRARCH XML records).
	Start, End int
	Tokens     []Token
}

// SentenceID returns the id of the sentence at 0-based index i of story storyID for input that
// carries no sentence ids: "STORYID_N", N = i+1, as PETRARCH numbers a story's sentences
// (PETRARCH-FORMATS.md §2.1: STORYID_SENTNO). Event.SentenceIDs and the "# sent_id" lines that
// `dyad parse` writes follow it, so that the ids agree after a CoNLL-U round trip.
func SentenceID(storyID string, i int) string {
	return storyID + "_" + strconv.Itoa(i+1)
}

// Parsed reports whether s carries a dependency tree: it has tokens and every token has a head
// (Head ≥ 0; CoNLL-U "_" heads and unparsed tokens have -1).
func (s *Sentence) Parsed() bool {
	for i := range s.Tokens {
		if s.Tokens[i].Head < 0 {
			return false
		}
	}
	return len(s.Tokens) > 0
}

// Token is one syntactic word of a sentence, as in a CoNLL-U word line. Token i of
// Sentence.Tokens has CoNLL-U ID i+1.
type Token struct {
	Form   string // the word as written
	Lemma  string // lemma, lower-case for common words
	UPOS   string // Universal POS tag (UD v2), e.g. "PROPN"
	XPOS   string // Penn Treebank tag, e.g. "NNP"
	Feats  string // UD morphological features, "_" or "" when none
	Head   int    // CoNLL-U ID of the head (1-based); 0 for the root; -1 when not parsed
	Deprel string // UD v2 relation, e.g. "nsubj", "obl:agent"
	// Start and End are byte offsets of the word in Sentence.Text (end exclusive); -1 when unknown.
	Start, End int
	SpaceAfter bool // false when the next token follows without white space
}

// Actor is the source or target of an event as the event record carries it.
type Actor struct {
	Code    string `json:"code"`              // full CAMEO actor code, e.g. "PRKGOV"; "---" when null
	Country string `json:"country,omitempty"` // first 3-letter chunk when it is a country, IGO or NGO code
	Agent   string `json:"agent,omitempty"`   // role code, e.g. "GOV"
	Text    string `json:"text"`              // the words of the sentence that name the actor
	Start   int    `json:"start"`             // code point offset into Event.Sentence
	End     int    `json:"end"`               // code point offset, exclusive
	// FromContext is true when the code was bound from an earlier sentence of the story
	// (a pronoun or definite description such as "the diplomat").
	FromContext bool `json:"from_context,omitempty"`
}

// Verb is the evidence for the event code: the verb (and pattern) that matched.
type Verb struct {
	Text    string `json:"text"`
	Lemma   string `json:"lemma"`
	Start   int    `json:"start"` // code point offset into Event.Sentence
	End     int    `json:"end"`
	Pattern string `json:"pattern,omitempty"` // the dictionary pattern, e.g. "- * &TREATY [127]"
	Line    string `json:"line,omitempty"`    // dictionary file:line of the pattern or verb
}

// Issue is an issue code found in the sentence, with the number of times it was found.
type Issue struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// Event is one coded event: who (Source) did what (Code) to whom (Target), when, with evidence.
// Its JSON form is the event record of ARCHITECTURE.md.
type Event struct {
	EventID       string   `json:"event_id"` // "storyid:sentence_index:n"
	StoryID       string   `json:"story_id"`
	SentenceIndex int      `json:"sentence_index"`
	SentenceIDs   []string `json:"sentence_ids,omitempty"` // PETRARCH ids "STORYID_SENTNO" (input without ids: STORYID_N, N 1-based); several after the one-a-story filter
	Date          string   `json:"date"`                   // story date, YYYY-MM-DD
	Source        Actor    `json:"source"`
	Target        Actor    `json:"target"`
	Code          string   `json:"code"`       // CAMEO event code, e.g. "112"
	RootCode      string   `json:"root_code"`  // first two digits, e.g. "11"
	Name          string   `json:"name"`       // CAMEO 1.1b3 name
	QuadClass     int      `json:"quad_class"` // GDELT QuadClass 1-4
	Goldstein     float64  `json:"goldstein"`  // GDELT Goldstein value, -10..10
	PLOVER        string   `json:"plover,omitempty"`
	Verb          Verb     `json:"verb"`
	Issues        []Issue  `json:"issues"`
	Sentence      string   `json:"sentence"`
	URL           string   `json:"url"`
	Publisher     string   `json:"publisher"`
}
