// Package gold scores coded events against gold-standard sentences: precision, recall and F1 at
// the level of the country dyad plus root code, and at the level of QuadClass (issue 4,
// "dyad eval events"). It also builds gold sets from the labelled data in ../shared
// (CAMEO manual examples, PLOVER gold records, Multi-CoPED sentences) at run time; the converted
// copies are never committed.
//
// The gold file is JSONL, one sentence per line:
//
//	{"id": "cameo-0001", "text": "...", "date": "2000-01-01",
//	 "events": [{"source": "LBY", "target": "GBR", "code": "036"}]}
//
// An expected event names its event either by a CAMEO "code", or by a set of acceptable
// "roots" (two-digit root codes) and optionally "quad_classes" when the label is coarser than a
// code (PLOVER categories, Multi-CoPED classes). "source" and "target" are CAMEO actor codes;
// only their first three characters (the country, IGO or NGO part) are compared, and an empty one
// matches any actor.
package gold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/story"
)

// Sentence is one gold record: a sentence, its date and its expected events.
type Sentence struct {
	ID     string     `json:"id"`
	Text   string     `json:"text"`
	Date   string     `json:"date,omitempty"` // YYYY-MM-DD; empty means the caller's default
	Events []Expected `json:"events"`
}

// Expected is one expected event of a gold sentence.
type Expected struct {
	Source      string   `json:"source,omitempty"`       // CAMEO actor code; "" = any
	Target      string   `json:"target,omitempty"`       // CAMEO actor code; "" = any
	Code        string   `json:"code,omitempty"`         // CAMEO event code, when the label has one
	Roots       []string `json:"roots,omitempty"`        // acceptable root codes when Code is empty
	QuadClasses []int    `json:"quad_classes,omitempty"` // acceptable QuadClasses; derived from the roots when empty
}

// Read reads a gold JSONL file. name is used in error messages ("name:line: ...").
// Blank lines are skipped. A bad line is reported in the returned problems and skipped; the
// other lines are still returned.
func Read(r io.Reader, name string) (sents []Sentence, problems []error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var s Sentence
		if err := json.Unmarshal([]byte(b), &s); err != nil {
			problems = append(problems, fmt.Errorf("%s:%d: %v", name, line, err))
			continue
		}
		if strings.TrimSpace(s.Text) == "" {
			problems = append(problems, fmt.Errorf("%s:%d: record has no text", name, line))
			continue
		}
		if s.ID == "" {
			s.ID = fmt.Sprintf("%s:%d", name, line)
		}
		sents = append(sents, s)
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, fmt.Errorf("%s:%d: %v", name, line+1, err))
	}
	return sents, problems
}

// Write writes gold sentences as JSONL.
func Write(w io.Writer, sents []Sentence) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range sents {
		if err := enc.Encode(&sents[i]); err != nil {
			return err
		}
	}
	return nil
}

// PRF holds counts and the precision, recall and F1 derived from them (fractions in [0,1];
// 0 when undefined).
type PRF struct {
	TruePositives int     `json:"true_positives"`
	Predicted     int     `json:"predicted"`
	Expected      int     `json:"expected"`
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	F1            float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.Predicted > 0 {
		p.Precision = float64(p.TruePositives) / float64(p.Predicted)
	}
	if p.Expected > 0 {
		p.Recall = float64(p.TruePositives) / float64(p.Expected)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Scores is the result of scoring a gold set.
type Scores struct {
	Sentences int `json:"sentences"`
	// Root is the country dyad + root code level: a coded event matches an expected one when the
	// countries agree (where the gold names them) and its root code is acceptable.
	Root PRF `json:"root"`
	// QuadClass is the country dyad + QuadClass level.
	QuadClass PRF `json:"quad_class"`
	// SentencesWithEvent counts sentences where at least one event was coded.
	SentencesWithEvent int `json:"sentences_with_event"`
}

// Score compares predicted[i] (the events coded for sents[i]) with the expected events of
// sents[i]. Matching is one-to-one and greedy in order: each coded event uses at most one
// expected event. Duplicate coded events with the same country dyad and code count once
// (a paired or compound coding of one fact is not penalised twice).
// It panics if the slices differ in length (a programming error, not input).
func Score(sents []Sentence, predicted [][]story.Event) Scores {
	if len(sents) != len(predicted) {
		panic("gold.Score: sentences and predictions differ in length")
	}
	var s Scores
	s.Sentences = len(sents)
	for i, g := range sents {
		pred := uniqueEvents(predicted[i])
		if len(pred) > 0 {
			s.SentencesWithEvent++
		}
		matchLevel(&s.Root, g.Events, pred, rootMatch)
		matchLevel(&s.QuadClass, g.Events, pred, quadMatch)
	}
	s.Root.finish()
	s.QuadClass.finish()
	return s
}

// uniqueEvents keeps one coded event per (source country, target country, root code) of a
// sentence: repeated codings of one dyad count once at the levels scored.
func uniqueEvents(evs []story.Event) []story.Event {
	seen := map[string]bool{}
	var out []story.Event
	for _, e := range evs {
		k := country(e.Source.Code) + "|" + country(e.Target.Code) + "|" + RootOf(e.Code)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// matchLevel matches coded events to expected ones, one to one and greedily in order. A coded
// event left unmatched whose reverse (target and source swapped, same root) was matched is not
// counted as a prediction: it is the reciprocal record of a paired code ("Obama visited China":
// USA→CHN 042 and CHN→USA 043; PETRARCH-FORMATS.md §5.5) or of a two-way act, one fact that gold
// sets label once.
func matchLevel(p *PRF, exp []Expected, pred []story.Event, match func(Expected, *story.Event) bool) {
	p.Expected += len(exp)
	used := make([]bool, len(exp))
	matched := make([]bool, len(pred))
	for i := range pred {
		for j := range exp {
			if !used[j] && actorsMatch(exp[j], &pred[i]) && match(exp[j], &pred[i]) {
				used[j] = true
				matched[i] = true
				p.TruePositives++
				break
			}
		}
	}
	for i := range pred {
		if !matched[i] && reverseMatched(pred, matched, i) {
			continue
		}
		p.Predicted++
	}
}

func reverseMatched(pred []story.Event, matched []bool, i int) bool {
	a, b, r := country(pred[i].Source.Code), country(pred[i].Target.Code), RootOf(pred[i].Code)
	for k := range pred {
		if matched[k] && country(pred[k].Source.Code) == b && country(pred[k].Target.Code) == a && RootOf(pred[k].Code) == r {
			return true
		}
	}
	return false
}

// country returns the first three characters of an actor code ("PRKGOV" → "PRK"), "" for a
// null code.
func country(code string) string {
	code = strings.TrimSpace(code)
	if code == "" || strings.HasPrefix(code, "---") {
		return ""
	}
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

func actorsMatch(e Expected, ev *story.Event) bool {
	if c := country(e.Source); c != "" && c != country(ev.Source.Code) {
		return false
	}
	if c := country(e.Target); c != "" && c != country(ev.Target.Code) {
		return false
	}
	return true
}

// RootOf returns the two-digit root of a CAMEO event code ("0311" → "03", "112" → "11").
func RootOf(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

func (e Expected) roots() []string {
	if e.Code != "" {
		return []string{RootOf(e.Code)}
	}
	return e.Roots
}

func (e Expected) quads() []int {
	if len(e.QuadClasses) > 0 {
		return e.QuadClasses
	}
	var qs []int
	for _, r := range e.roots() {
		q := cameo.QuadClassOfRoot(r)
		if q != 0 && !containsInt(qs, q) {
			qs = append(qs, q)
		}
	}
	sort.Ints(qs)
	return qs
}

func rootMatch(e Expected, ev *story.Event) bool {
	root := ev.RootCode
	if root == "" {
		root = RootOf(ev.Code)
	}
	for _, r := range e.roots() {
		if r == root {
			return true
		}
	}
	return false
}

func quadMatch(e Expected, ev *story.Event) bool {
	q := ev.QuadClass
	if q == 0 {
		q = cameo.QuadClassOfRoot(RootOf(ev.Code))
	}
	return containsInt(e.quads(), q)
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
