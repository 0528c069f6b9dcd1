// Package coder is Dyad's event coder: from dependency-parsed sentences (story.Sentence with UD v2
// tokens) and compiled PETRARCH dictionaries (dict.Set) to CAMEO events (story.Event).
//
// It follows the coding semantics of PETRARCH2 (PETRARCH-FORMATS.md §12) mapped onto Universal
// Dependencies as ARCHITECTURE.md ("Coding on dependency trees") describes:
//
//   - verbs: a token whose upper-cased form is a verb of the dictionary, with its particles (adjacent
//     words or compound:prt children) (§5.3, §12.4);
//   - source: the nsubj of the verb, or of the verb it depends on through xcomp or conj; for a passive
//     verb the obl:agent ("by"/"from") phrase (§12.5, §12.7);
//   - target: obj/iobj, else obl phrases; for a passive verb the nsubj:pass (§12.7);
//   - patterns of the verb's block matched on the subject side (pre) and the object side (post),
//     the most specific match winning (§5.4);
//   - actors by longest match in the actor dictionary with date restrictions, agents combined with
//     actors, coordinated noun phrases fanned out (§7, §8, §12.3);
//   - negation by not, n't, never, no longer on the verb or its auxiliaries (§12.6);
//   - paired codes (§5.5), verb-with-verb combination and transformations (§5.6, §12.9), pronouns
//     bound within the sentence and, beyond PETRARCH, to earlier actors of the story (FromContext);
//   - discards (§9), issues (§10), require_dyad (§12.8) and the one-a-story filter (§12.10).
//
// A Coder is immutable after New and safe for concurrent use.
package coder

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// Options controls coding. Start from DefaultOptions: the zero value turns require_dyad and the
// one-a-story filter off.
type Options struct {
	// RequireDyad drops events without a source or a target (§12.8, config option require_dyad).
	// When false, one-sided events are emitted with "---" on the missing side.
	RequireDyad bool
	// OneAStory keeps one event per (date, source, target, code) in a story (§12.10), with all
	// sentence ids and summed issue counts.
	OneAStory bool
	// StoryContext binds pronouns and definite agent descriptions ("the diplomat") with no actor
	// of their own to the most recent compatible actor of earlier sentences of the story, marking
	// Actor.FromContext (ARCHITECTURE.md, "Story context").
	StoryContext bool
	// FutureIntent codes a cooperative act (roots 04-08) announced with will, would, shall or
	// 'll as an expression of intent (03: "will visit" → 036), as the CAMEO 1.1b3 manual codes
	// future cooperation (§2, code 03). Beyond PETRARCH2, which codes "will visit" as 042: the
	// validation records expect that, so eval.Run turns it off.
	FutureIntent bool
	// PlaceSource takes the source of a passive verb without a "by" agent from a FROM or IN
	// phrase, else from its first other oblique that names an actor, as PETRARCH2 does (§12.5) and
	// its validation records expect ("An Eriadorian was shot dead in Osgiliath" → OSG ERI 190).
	// Off by default: a place says where an act happened, not who did it ("Ten people were killed
	// in Syria" has no source), so only obl:agent or a BY phrase is the source of a passive.
	PlaceSource bool
	// NewActorLength, when positive, lets an uncoded noun phrase of at most that many words stand
	// in as an actor coded by its quoted, upper-cased words (config option new_actor_length,
	// §13.2), as the validation records expect ("\"THE MINISTRY OF MAGIC\"").
	NewActorLength int
	// FallbackRoles takes a coded active verb's missing source or target from the nearest actor
	// noun phrase of its own clause, left of the verb for the source and right of it for the
	// target, when the subject and object relations give none (parser errors; see
	// fallbackRoles). Beyond PETRARCH2.
	FallbackRoles bool
	// InheritAgents gives a target that is an agent without an actor of its own ("President",
	// "the government" with no name the dictionaries know) the source's country: the source's
	// compatriot ("The Fijian rebels will release Prime Minister ..." → FJIREB FJIGOV; with
	// FallbackRoles, "Opposition groups in Zimbabwe are demanding that President ... abandon" →
	// ZWEOPP ZWEGOV). A target that would be the source's own state stays as it is. Beyond
	// PETRARCH2.
	InheritAgents bool
	// Internal is PETRARCH2's internal code table (§5.7); with it a negated event becomes its
	// REJECT-family counterpart when one exists, and a governing verb's code combines with the
	// governed verb's. Without it a negated event is dropped and the governed verb's code is kept.
	Internal *InternalCodes
	// Ontology fills Name, QuadClass, Goldstein and PLOVER of each event; nil leaves them empty.
	Ontology Ontology
}

// DefaultOptions returns Dyad's defaults: RequireDyad, OneAStory, StoryContext, FutureIntent,
// FallbackRoles and InheritAgents on, PETRARCH2's internal code table and the CAMEO ontology from package cameo.
func DefaultOptions() Options {
	return Options{RequireDyad: true, OneAStory: true, StoryContext: true, FutureIntent: true,
		FallbackRoles: true, InheritAgents: true, Internal: CAMEOInternalCodes(), Ontology: CAMEOOntology()}
}

// Ontology describes CAMEO event codes (package cameo implements it).
type Ontology interface {
	// Describe returns the CAMEO 1.1b3 name, GDELT QuadClass (1-4), Goldstein value and PLOVER
	// category of an event code; ok is false for an unknown code.
	Describe(code string) (name string, quad int, goldstein float64, plover string, ok bool)
}

// Coder codes stories with one set of dictionaries.
type Coder struct {
	set  *dict.Set
	opts Options
	// verbClass maps a block meaning or verb word to the event code of its block, used by
	// transformations (§5.6).
	verbCode map[string]string
	// blocks holds each verb block's patterns ordered by specificity with head-word indexes.
	blocks map[*dict.Block]*blockIndex
	// altHeads maps the head words of a large pattern item (synset) to the indexes of the
	// alternatives they head, keyed by the item's first alternative.
	altHeads map[*dict.Alt]map[string][]int32
	// heads holds the head word of every alternative of every pattern item: a token whose form
	// and lemma are not in it matches no noun item.
	heads map[string]bool
	// lemmas holds the lower-cased lemma of every verb entry, as events report it.
	lemmas map[*dict.Verb]string
	// vocab is the vocabulary shared by the set's phrase dictionaries (nil when they do not
	// share one): each sentence's words are looked up in it once and matched by id.
	vocab *dict.Vocab
	// marks holds the TABARI markers of every pattern.
	marks map[*dict.Pattern]*patternMarks
}

// New returns a coder for set. set.Verbs and set.Actors are required; Agents, Discards and Issues
// may be nil. It returns an error when a required dictionary is missing.
func New(set *dict.Set, opts Options) (*Coder, error) {
	if set == nil || set.Verbs == nil {
		return nil, errors.New("coder: no verb dictionary")
	}
	if set.Actors == nil {
		return nil, errors.New("coder: no actor dictionary")
	}
	c := &Coder{set: set, opts: opts, verbCode: map[string]string{}, blocks: map[*dict.Block]*blockIndex{}, altHeads: map[*dict.Alt]map[string][]int32{}, heads: map[string]bool{}}

	c.vocab = set.SharedVocab()
	c.lemmas = map[*dict.Verb]string{}
	for _, es := range set.Verbs.Forms {
		for _, v := range es {
			c.lemmas[v] = strings.ToLower(v.Lemma)
		}
	}
	c.marks = map[*dict.Pattern]*patternMarks{}
	for _, b := range set.Verbs.Blocks {
		c.blocks[b] = c.indexBlock(b)
		for _, p := range b.Patterns {
			c.marks[p] = readMarks(p.Text)
		}
		for _, v := range b.Verbs {
			code := v.Code
			if code.Kind == dict.CodeNone {
				code = b.Code
			}
			if _, ok := c.verbCode[v.Form]; !ok {
				c.verbCode[v.Form] = firstCode(code)
			}
		}
		if _, ok := c.verbCode[b.Meaning]; !ok {
			c.verbCode[b.Meaning] = firstCode(b.Code)
		}
	}
	return c, nil
}

func firstCode(c dict.Code) string {
	switch c.Kind {
	case dict.CodeSingle, dict.CodePaired:
		return c.A
	case dict.CodePassive:
		return c.B
	}
	return ""
}

// Options returns the coder's options.
func (c *Coder) Options() Options { return c.opts }

// Discard is a discard phrase that fired.
type Discard struct {
	SentenceIndex int    // the sentence where the phrase was found
	SentenceID    string // its external id, if any
	Phrase        string // the discard phrase, upper-case
	Story         bool   // a story discard: no event of the story is kept
	Pos           string // dictionary file:line
}

// Problem is a per-sentence problem met while coding (the sentence is skipped or coded partly).
type Problem struct {
	SentenceIndex int
	SentenceID    string
	Msg           string
}

func (p Problem) String() string {
	id := p.SentenceID
	if id == "" {
		id = fmt.Sprint(p.SentenceIndex)
	}
	return fmt.Sprintf("sentence %s: %s", id, p.Msg)
}

// Result is the outcome of coding one story.
type Result struct {
	// Events in deterministic order: by sentence index, then source, target and code; after the
	// one-a-story filter when it is on. Empty when a story discard fired.
	Events []story.Event
	// Discards lists the discard phrases that fired: at most one per sentence; a story discard
	// stops the story.
	Discards []Discard
	// Problems lists sentences that could not be coded (e.g. a tree with a bad head).
	Problems []Problem
}

// StoryDiscarded reports whether a story discard fired.
func (r *Result) StoryDiscarded() bool {
	for _, d := range r.Discards {
		if d.Story {
			return true
		}
	}
	return false
}

// CodeStory codes every sentence of st and returns the events with their evidence. It never panics
// on input: a sentence whose tree is malformed is reported in Result.Problems and skipped.
func (c *Coder) CodeStory(st *story.Story) Result {
	var res Result
	// The trees and per-sentence state live in a reused workspace.
	ws := workspaces.Get().(*workspace)
	defer workspaces.Put(ws)
	sc := &ws.story
	*sc = storyCtx{st: st, date: dict.DateInt(st.Date), recent: sc.recent[:0]}
	if sc.date == 0 {
		sc.date = 99999999
	}
	n := len(st.Sentences)
	ws.trees = resize(ws.trees, n)
	trees := ws.trees
	sentDiscard := resize(ws.discarded, n)
	ws.discarded = sentDiscard
	clear(sentDiscard)
	allWords := resize(ws.words, n)
	ws.words = allWords
	allIDs := resize(ws.ids, n)
	ws.ids = allIDs
	treeErr := resize(ws.errs, n)
	ws.errs = treeErr
	clear(treeErr)
	defer clear(treeErr) // no errors kept alive in the pool
	pub := outletKey(st.Publisher)
	// Discards first: a story discard anywhere drops the whole story (§9).
	for i := range st.Sentences {
		s := &st.Sentences[i]
		var words []string
		var ids []int32
		if len(s.Tokens) > 0 {
			treeErr[i] = trees[i].init(s, c.vocab)
			if treeErr[i] == nil {
				trees[i].markCredits(pub)
			}
		}
		if len(s.Tokens) > 0 && treeErr[i] == nil {
			words, ids = trees[i].words, trees[i].ids
		} else {
			words = discardWords(s)
		}
		allWords[i], allIDs[i] = words, ids
		if _, _, d := c.findDiscard(words, ids); d != nil {
			res.Discards = append(res.Discards, Discard{SentenceIndex: s.Index, SentenceID: s.ID, Phrase: d.Phrase, Story: d.Story, Pos: d.Pos.String()})
			if d.Story {
				res.Discards = res.Discards[len(res.Discards)-1:]
				return res
			}
			sentDiscard[i] = true
		}
	}
	var scans []issueScan
	var storyIgnores map[int]bool
	ws.events = ws.events[:0]
	defer func() { clear(ws.events) }() // no story data kept alive in the pool
	date := ""                          // the story date as events print it
	for i := range st.Sentences {
		s := &st.Sentences[i]
		if sentDiscard[i] || len(s.Tokens) == 0 {
			continue
		}
		err := treeErr[i]
		if err != nil {
			res.Problems = append(res.Problems, Problem{SentenceIndex: s.Index, SentenceID: s.ID, Msg: err.Error()})
			continue
		}
		// The story's events collect in the workspace; Result.Events is one exact copy at the end.
		start := len(ws.events)
		ws.events = c.codeSentence(sc, &trees[i], ws, ws.events)
		evs := ws.events[start:]
		if len(evs) == 0 {
			continue
		}
		var issues []story.Issue
		if c.set.Issues != nil {
			if scans == nil {
				scans, storyIgnores = c.scanStoryIssues(allWords, allIDs)
			}
			issues = issuesOf(scans[i], storyIgnores)
		}
		if date == "" && !st.Date.IsZero() {
			date = st.Date.Format("2006-01-02")
		}
		for n := range evs {
			e := &evs[n]
			e.StoryID = st.ID
			e.SentenceIndex = s.Index
			if s.ID != "" {
				e.SentenceIDs = []string{s.ID}
			} else {
				// Input without PETRARCH ids: "STORYID_N", N the 1-based sentence number, as
				// PETRARCH2 numbers a story's sentences (§2.1), so that the one-a-story filter
				// can list every sentence of a repeated event (§12.10).
				e.SentenceIDs = []string{story.SentenceID(st.ID, s.Index)}
			}
			e.Date = date
			e.Sentence = s.Text
			e.URL = st.URL
			e.Publisher = st.Publisher
			e.Issues = append([]story.Issue(nil), issues...)
			if e.Issues == nil {
				e.Issues = []story.Issue{}
			}
			if len(e.Code) >= 2 {
				e.RootCode = e.Code[:2]
			}
			if c.opts.Ontology != nil {
				if name, q, g, p, ok := c.opts.Ontology.Describe(e.Code); ok {
					e.Name, e.QuadClass, e.Goldstein, e.PLOVER = name, q, g, p
				}
			}
			e.EventID = st.ID + ":" + strconv.Itoa(s.Index) + ":" + strconv.Itoa(n)
		}
	}
	evs := ws.events
	if c.opts.OneAStory {
		evs = oneAStory(evs)
	}
	if len(evs) > 0 {
		res.Events = slices.Clone(evs)
	}
	return res
}

// findDiscard is Discards.Find on a sentence's words, by their vocabulary ids when there are.
func (c *Coder) findDiscard(words []string, ids []int32) (start, n int, d *dict.Discard) {
	if ids != nil {
		return c.set.Discards.FindIDs(ids)
	}
	return c.set.Discards.Find(words)
}

// matchActor is Actors.Match on toks[p:], by the words' vocabulary ids when ids is not nil.
func (c *Coder) matchActor(toks []string, ids []int32, p int) (int, *dict.Actor) {
	if ids != nil {
		return c.set.Actors.MatchIDs(ids[p:])
	}
	return c.set.Actors.Match(toks[p:])
}

// matchAgent is Agents.Match on toks[p:], by the words' vocabulary ids when ids is not nil.
func (c *Coder) matchAgent(toks []string, ids []int32, p int) (int, *dict.Agent) {
	if ids != nil {
		return c.set.Agents.MatchIDs(ids[p:])
	}
	return c.set.Agents.Match(toks[p:])
}

// workspace is the memory one CodeStory call reuses from earlier calls: the trees of the story's
// sentences with their buffers, and per-sentence state. A Coder is shared by goroutines, so
// workspaces come from a pool.
type workspace struct {
	trees     []tree
	discarded []bool
	words     [][]string
	ids       [][]int32 // the words' ids in Coder.vocab, nil without a tree or a vocabulary
	errs      []error
	events    []story.Event // the story's events
	story     storyCtx
	// Per sentence (codeSentence): the frames, pointers to them, and the frame of each token.
	frames   []frame
	framePtr []*frame
	order    []*frame
	byTok    []*frame
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// discardWords returns the upper-cased token forms of s, or, when it has no tokens, the
// white-space words of its text with surrounding punctuation removed.
func discardWords(s *story.Sentence) []string {
	var words []string
	if len(s.Tokens) > 0 {
		words = make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = strings.ToUpper(t.Form)
		}
		return words
	}
	for _, w := range strings.Fields(s.Text) {
		w = strings.Trim(w, ".,;:!?\"'()[]")
		if w != "" {
			words = append(words, strings.ToUpper(w))
		}
	}
	return words
}

// oneAStory keeps the first event of each (date, source, target, code), appending the sentence ids
// of later duplicates and summing issue counts (§12.10, without the PETRARCH2 reset quirk).
func oneAStory(evs []story.Event) []story.Event {
	out := evs[:0] // in place: out never overtakes the element being read
	for _, e := range evs {
		j := -1
		for k := range out {
			o := &out[k]
			if o.Date == e.Date && o.Code == e.Code && o.Source.Code == e.Source.Code && o.Target.Code == e.Target.Code {
				j = k
				break
			}
		}
		if j >= 0 {
			o := &out[j]
			for _, id := range e.SentenceIDs {
				if !contains(o.SentenceIDs, id) {
					o.SentenceIDs = append(o.SentenceIDs, id)
				}
			}
			o.Issues = sumIssues(o.Issues, e.Issues)
			continue
		}
		out = append(out, e)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sumIssues(a, b []story.Issue) []story.Issue {
	out := append([]story.Issue(nil), a...)
	for _, x := range b {
		found := false
		for i := range out {
			if out[i].Code == x.Code {
				out[i].Count += x.Count
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// sortEvents orders events of one sentence by source, target and code.
func sortEvents(evs []story.Event) {
	slices.SortStableFunc(evs, func(a, b story.Event) int {
		if c := strings.Compare(a.Source.Code, b.Source.Code); c != 0 {
			return c
		}
		if c := strings.Compare(a.Target.Code, b.Target.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// cpOffsets converts a byte span of text to code point offsets; -1 stays -1.
func cpOffsets(text string, start, end int) (int, int) {
	if start < 0 || end < start || end > len(text) {
		return -1, -1
	}
	s := utf8.RuneCountInString(text[:start])
	return s, s + utf8.RuneCountInString(text[start:end])
}
