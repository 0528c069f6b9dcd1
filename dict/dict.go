// Package dict reads the PETRARCH family of dictionaries (PETRARCH-FORMATS.md §3–§11) and
// compiles them into structures built for fast matching by the coder:
//
//   - the verb dictionary in CAMEO.2.0 syntax (§5): synsets, verb blocks, verb lines with their
//     inflected forms, patterns with pre and post parts, paired codes and transformations;
//   - actor dictionaries (§7): phrases with date-restricted code lists;
//   - the agent dictionary (§8): phrases with suffix (~GOV) or prefix (NGO~) agent codes;
//   - the discard list (§9) and the issue dictionary (§10);
//   - the PETR_config.ini configuration (§3).
//
// All phrases are stored as upper-cased words; all matching helpers take upper-cased token
// slices ([]string, one element per token) and return the number of tokens matched and the value,
// without allocating. Every problem found while reading is reported as a Problem carrying the file
// name and 1-based line number; a bad record is skipped and reading goes on.
package dict

import (
	"fmt"
	"strconv"
	"strings"
)

// Severity grades a Problem.
type Severity uint8

const (
	// Warning: the record was read, possibly repaired or partly ignored (e.g. a TABARI token in
	// a pattern, a duplicate pattern, a bare single date read as ">D").
	Warning Severity = iota
	// Error: the record (or the part of it named in the message) was rejected.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one problem found in a dictionary or configuration file.
type Problem struct {
	File     string // file name as given to the reader (a path, or a label such as "-")
	Line     int    // 1-based line number; 0 when the problem concerns the whole file
	Msg      string // what is wrong, and what was done about it
	Severity Severity
}

// String formats the problem as "FILE:LINE: severity: message" ("FILE: severity: message" when
// it concerns the whole file).
func (p Problem) String() string {
	if p.Line <= 0 {
		return fmt.Sprintf("%s: %s: %s", p.File, p.Severity, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Msg)
}

// Pos is the place of a record in a dictionary file.
type Pos struct {
	File string
	Line int // 1-based
}

// String formats the position as "FILE:LINE".
func (p Pos) String() string {
	// One allocation: the coder writes a position into every event's evidence.
	var buf [96]byte
	b := append(buf[:0], p.File...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	return string(b)
}

// Set holds a complete set of dictionaries as loaded by Load. Any member may be nil when the
// corresponding file was not given and has no default (Issues is optional, §3).
type Set struct {
	Config   *Config // nil when no configuration file was read
	Verbs    *Verbs
	Actors   *Actors
	Agents   *Agents
	Discards *Discards
	Issues   *Issues
	// Problems lists every problem of every file, in reading order.
	Problems []Problem
	// vocab numbers the words of the actor, agent, discard and issue tries, which Load makes
	// share it.
	vocab *Vocab
}

// SharedVocab returns the vocabulary shared by the set's actor, agent, discard and issue
// dictionaries, for their MatchIDs and FindIDs methods; nil when they do not share one (a Set
// not made by Load, or a member replaced since).
func (s *Set) SharedVocab() *Vocab {
	if s.vocab == nil {
		return nil
	}
	for _, t := range s.tries() {
		if t != nil && t.vocab != s.vocab && t.vocab != nil {
			return nil
		}
	}
	return s.vocab
}

// tries returns the tries of the set's dictionaries (nil for an absent one).
func (s *Set) tries() [4]*Trie {
	var ts [4]*Trie
	if s.Actors != nil {
		ts[0] = &s.Actors.trie
	}
	if s.Agents != nil {
		ts[1] = &s.Agents.trie
	}
	if s.Discards != nil {
		ts[2] = &s.Discards.trie
	}
	if s.Issues != nil {
		ts[3] = &s.Issues.trie
	}
	return ts
}

// shareVocab makes the set's tries number their words with one vocabulary.
func (s *Set) shareVocab() {
	n := 0
	for _, t := range s.tries() {
		if t != nil {
			n += t.vocab.Len()
		}
	}
	v := newVocab(n)
	for _, t := range s.tries() {
		if t != nil {
			t.share(v)
		}
	}
	s.vocab = v
}

// Errors returns the number of problems with Severity Error.
func (s *Set) Errors() int {
	n := 0
	for _, p := range s.Problems {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Files names the dictionary files to load. Paths are used as given (a configuration file's own
// relative paths are resolved against the configuration file's folder). An empty field means
// "the file named by Config, else Dyad's default"; an empty Actors list likewise.
type Files struct {
	Config   string   // PETR_config.ini (§3)
	Verbs    string   // verb dictionary, CAMEO.2.0 syntax (§5)
	Actors   []string // actor dictionaries, read in this order (§7)
	Agents   string   // agent dictionary (§8)
	Discards string   // discard list (§9)
	Issues   string   // issue dictionary (§10)
}

// --------------------------------------------------------------------------------------------
// Event codes of verbs and patterns (§5.5)

// CodeKind is the form of a verb or pattern code.
type CodeKind uint8

const (
	CodeNone    CodeKind = iota // no code written: a verb inherits its block's code
	CodeSingle                  // [ccc]: one event with code A
	CodePaired                  // [a:b]: the event A and, for an active verb, the reciprocal event B
	CodePassive                 // [:b]: code B, the verb treated as passive
	CodeNull                    // [---]: explicitly no event; blocks the verb's code when a pattern matches
)

// Code is a parsed verb or pattern code (§5.5). A and B are CAMEO event code strings with
// leading zeros ("042", "1722"), as written in the dictionary.
type Code struct {
	Kind CodeKind
	A    string // CodeSingle, CodePaired: the (first) event code
	B    string // CodePaired: the reciprocal code; CodePassive: the code
}

// String returns the code in dictionary form without brackets: "042", "042:043", ":043", "---",
// or "" for CodeNone.
func (c Code) String() string {
	switch c.Kind {
	case CodeSingle:
		return c.A
	case CodePaired:
		return c.A + ":" + c.B
	case CodePassive:
		return ":" + c.B
	case CodeNull:
		return "---"
	}
	return ""
}

// ParseCode parses the inside of a code bracket: "042", "042:043", ":043", "---" (surrounding
// spaces allowed). Event codes must be 2 to 4 digits. It returns an error naming the bad part.
func ParseCode(s string) (Code, error) {
	s = strings.TrimSpace(s)
	if s == "---" {
		return Code{Kind: CodeNull}, nil
	}
	if a, b, ok := strings.Cut(s, ":"); ok {
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !isEventCode(b) {
			return Code{}, fmt.Errorf("bad event code %q in [%s]", b, s)
		}
		if a == "" {
			return Code{Kind: CodePassive, B: b}, nil
		}
		if !isEventCode(a) {
			return Code{}, fmt.Errorf("bad event code %q in [%s]", a, s)
		}
		return Code{Kind: CodePaired, A: a, B: b}, nil
	}
	if !isEventCode(s) {
		return Code{}, fmt.Errorf("bad event code [%s]", s)
	}
	return Code{Kind: CodeSingle, A: s}, nil
}

func isEventCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// --------------------------------------------------------------------------------------------
// Verb dictionary (§5)

// Verbs is a compiled verb dictionary in CAMEO.2.0 syntax (§5).
type Verbs struct {
	// Synsets by name without '&' (e.g. "CURRENCY"), as defined in the SYNONYM SETS section.
	Synsets map[string]*Synset
	// Blocks in file order.
	Blocks []*Block
	// Forms indexes every verb entry by its inflected, upper-case verb word ("ASKED"); the entries
	// of one word differ by their particles. Within a slice, entries with more particles come
	// first, so the first entry whose particles match is the most specific.
	Forms map[string][]*Verb
	// Transformations in file order (§5.6).
	Transformations []*Transformation
}

// Lookup returns the verb entries whose verb word is form (upper-case), most particles first;
// nil when there are none.
func (v *Verbs) Lookup(form string) []*Verb { return v.Forms[form] }

// Synset is a synonym set (§5.2). Its members are phrases; a one-word member is a noun head.
type Synset struct {
	Name     string // without '&' and without a trailing '_'
	NoPlural bool   // the label ended in '_': no plurals for any member
	// Members as written, in file order: a one-word member is a head; a multi-word member is a
	// noun phrase whose head is its last word.
	Members []Alt
	// Alts are what a reference &NAME expands to: the members with their generated plurals (a
	// member's plural right after it).
	Alts []Alt
	Pos  Pos
}

// Block is a verb block (§5.3): verbs sharing one meaning, a block code and a pattern set.
type Block struct {
	Meaning string // the meaning word of the header, e.g. "REFUSE"
	Code    Code   // block code; CodeNull for [---]
	// Verbs are the entries made from the block's verb lines, in file order. An entry later
	// replaced by one of the same form and particles elsewhere stays here; Verbs.Forms holds the
	// entry in force.
	Verbs    []*Verb
	Patterns []*Pattern // in file order, synsets expanded, duplicates removed (the last kept)
	Pos      Pos        // the header line
}

// Verb is one inflected form of a verb line (§5.3): its lookup word plus particles.
type Verb struct {
	Form  string   // inflected verb word, upper-case: "ASKED"
	Post  []string // particles right after the verb word: ["FOR"] for "+ASKED_FOR"
	Pre   []string // particles right before the verb word: ["WIRE"] for "WIRE_+TAPPED"
	Lemma string   // the verb line's base phrase with '_' as separators: "ASK_FOR", "WIRE_TAP"
	// Code is the verb's own code when the line carries one, else the block code.
	Code    Code
	OwnCode bool // the line carries its own [code]
	Block   *Block
	Pos     Pos // the verb line
}

// Pattern is one pattern line of a block (§5.4), with synsets expanded into alternatives.
type Pattern struct {
	Pre  []Item // items before '*' (subject side), in file order
	Post []Item // items after '*' (object side), in file order
	Code Code   // never CodeNone
	Text string // the pattern as written, trimmed, without comment: "- * &TREATY [127]"
	Pos  Pos
}

// ItemKind is the kind of a pattern item.
type ItemKind uint8

const (
	ItemNoun   ItemKind = iota // a noun head: WORD or &SYNSET
	ItemPhrase                 // {A B C}: a noun phrase with head C and required words A, B
	ItemPP                     // (P ...): a prepositional phrase
)

// Item is one element of a pattern's pre or post part (§5.4).
//
// For ItemNoun and ItemPhrase, the item matches a noun phrase when one of Alts matches: the NP's
// head equals Alt.Head and every word of Alt.Words occurs among the NP's words. A synset
// reference expands into one Alt per member and member plural; a {...} phrase whose words use
// synsets expands into the product of its words' alternatives.
//
// For ItemPP, the item matches a prepositional phrase whose preposition is Prep and whose object
// matches every item of Objects (none: any object, or none).
type Item struct {
	Kind    ItemKind
	Alts    []Alt
	Prep    string // ItemPP only
	Objects []Item // ItemPP only: ItemNoun or ItemPhrase items
	Text    string // the item as written: "&TREATY", "{BANNED PARTIES}", "(TO LIST)"
}

// Alt is one alternative of a noun or phrase item, or one synset member.
type Alt struct {
	Head  string   // the head noun, upper-case
	Words []string // other words required in the noun phrase, in written order; nil for a bare noun
}

// Transformation is a rule of the TRANSFORMATIONS section (§5.6):
//
//	~ a (b c INNER) OUTER = x y CODE
//
// Actor slots hold a lower-case variable, "." (any actor, not bound) or "_" (no actor).
type Transformation struct {
	Source      string // outer source variable
	InnerSource string
	InnerTarget string
	InnerVerb   string // verb word (upper-case) or "Q" (any verb)
	OuterVerb   string // verb word (upper-case)
	NewSource   string
	NewTarget   string
	NewCode     string // CAMEO event code, or "Q" (the inner verb's code)
	Text        string // the rule as written
	Pos         Pos
}

// --------------------------------------------------------------------------------------------
// Actor dictionaries (§7)

// Actors is the compiled union of one or more actor dictionaries: a token trie from phrases to
// Actor records. A phrase occurring in several records or files has one Actor whose Codes are
// the concatenation in reading order (§7).
type Actors struct {
	trie    Trie
	actors  []Actor
	codes   map[string]struct{}
	uncoded []Pos // records without any code, checked by Finish
	phrases [][]string
	file    string // file being read
}

// Actor is a phrase of an actor dictionary with its ordered list of (possibly date-restricted)
// codes, shared by the primary phrase and its synonyms.
type Actor struct {
	Phrase string // upper-case words joined by single spaces
	Codes  []DatedCode
	Pos    Pos // the first line where the phrase occurs
}

// RestrictionKind is the form of a date restriction (§7).
type RestrictionKind uint8

const (
	Always  RestrictionKind = iota // [CODE]
	Before                         // [CODE <D], [CODE -D]: date < To
	From                           // [CODE >D], [CODE D-], [CODE D] (bare date, warned): date >= From
	Between                        // [CODE D1-D2]: From <= date < To
)

// DatedCode is one actor code with its date restriction. Dates are YYYYMMDD integers.
type DatedCode struct {
	Code string // actor code, upper-case, e.g. "PRKGOV"
	Kind RestrictionKind
	From int // first day the code applies (From, Between)
	To   int // first day the code no longer applies (Before, Between)
	Pos  Pos
}

// Applies reports whether the restriction holds on date (YYYYMMDD); Always holds on every date.
func (d DatedCode) Applies(date int) bool {
	switch d.Kind {
	case Before:
		return date < d.To
	case From:
		return date >= d.From
	case Between:
		return d.From <= date && date < d.To
	}
	return true
}

// --------------------------------------------------------------------------------------------
// Agent dictionary (§8)

// Agents is a compiled agent dictionary: a token trie from phrases (with plurals and substitution
// sets expanded) to Agent records.
type Agents struct {
	trie   Trie
	agents []Agent
	codes  map[string]int // "~GOV" / "IGO~" → number of phrases
}

// AgentForm says where an agent code goes relative to the actor code (§8).
type AgentForm uint8

const (
	Suffix AgentForm = iota // [~GOV]: appended after the actor code (CZE + GOV = CZEGOV)
	Prefix                  // [NGO~]: placed before the actor code (NGO + KEN = NGOKEN)
)

// Agent is one phrase of the agent dictionary.
type Agent struct {
	Phrase string    // upper-case words joined by single spaces
	Code   string    // the agent code without '~': "GOV", "GOVATG", "NGO"
	Form   AgentForm // Suffix for "~XXX", Prefix for "XXX~"
	Pos    Pos
}

// --------------------------------------------------------------------------------------------
// Discards (§9)

// Discards is a compiled discard list: a token trie of sentence- and story-level phrases.
type Discards struct {
	trie     Trie
	discards []Discard
}

// Discard is one phrase of the discard list.
type Discard struct {
	Phrase string // upper-case words joined by single spaces
	Story  bool   // '+' prefix: a match discards the whole story, else only the sentence
	Pos    Pos
}

// --------------------------------------------------------------------------------------------
// Issues (§10)

// Issues is a compiled issue dictionary: a token trie of phrases (n:, v: and + forms expanded).
type Issues struct {
	trie   Trie
	issues []Issue
	codes  []string
}

// IgnoreKind marks ignore phrases of the issue dictionary (§10).
type IgnoreKind uint8

const (
	NotIgnore      IgnoreKind = iota // an issue phrase with a code
	IgnoreSentence                   // '~PHRASE': cancels its section's issues in the sentence
	IgnoreStory                      // '~~PHRASE': cancels its section's issues in the whole story
)

// Issue is one (expanded) phrase of the issue dictionary.
type Issue struct {
	Phrase   string // upper-case words joined by single spaces
	Code     string // issue code, e.g. "EARLY_CHILDHOOD_EDUCATION"; "" for ignore phrases
	Ignore   IgnoreKind
	Category string // CATEGORY of the enclosing <ISSUE> section; "" outside any section
	Section  int    // index of the enclosing section (0 = outside any, 1 = first section, ...)
	Pos      Pos
}
