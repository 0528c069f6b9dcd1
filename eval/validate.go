// Package eval runs PETRARCH validation files (PETRARCH-FORMATS.md §14) through Dyad's coder and
// scores them; its subpackage gold scores coded events against gold-standard sentences.
package eval

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/story"
)

// Files returns the dictionary files named by a validation file's <Environment>, resolved relative
// to dir (the validation file's folder, §14). A nil environment gives empty Files.
func Files(env *petrarch.Environment, dir string) dict.Files {
	var fs dict.Files
	if env == nil {
		return fs
	}
	res := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	fs.Verbs = res(env.Verbfile)
	for _, a := range env.Actorfiles {
		fs.Actors = append(fs.Actors, res(a))
	}
	fs.Agents = res(env.Agentfile)
	fs.Discards = res(env.Discardfile)
	fs.Issues = res(env.Issuefile)
	return fs
}

// Options controls a validation run.
type Options struct {
	PTB      petrarch.PTBConverter // converts PTB <Parse> trees; nil fails PTB records
	Ontology coder.Ontology        // fills event names; nil: package cameo
	Internal *coder.InternalCodes  // internal code table (negation, verb combination); nil: package cameo's
}

// Counts are pass counts of a set of records.
type Counts struct {
	Records int `json:"records"` // records seen, skipped included
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
}

// Failure describes one failed record.
type Failure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Line     int      `json:"line"`
	Expected []string `json:"expected"` // "SOURCE TARGET CODE", "noevents" or "error=X"
	Coded    []string `json:"coded"`    // "SOURCE TARGET CODE", or "discard=X (phrase)"
	Problem  string   `json:"problem,omitempty"`
	Text     string   `json:"text"`
}

// Report is the outcome of a validation run. Rate is Passed / (Records - Skipped).
type Report struct {
	Counts
	ByCategory map[string]*Counts `json:"by_category"`
	Failures   []Failure          `json:"failures,omitempty"`
	Stopped    int                `json:"-"` // line of a <Stop/> that ended the run, 0 if none
}

// Rate returns the pass rate of the records that ran (0 when none ran).
func (r *Report) Rate() float64 {
	ran := r.Passed + r.Failed
	if ran == 0 {
		return 0
	}
	return float64(r.Passed) / float64(ran)
}

// Categories returns the category names in sorted order.
func (r *Report) Categories() []string {
	var out []string
	for k := range r.ByCategory {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Run codes every record of f with set and scores it (§14):
//
//   - records whose category is not in <Include> (when given; the token "valid" selects records
//     whose valid attribute is true) or is in <Exclude>, and records with <Skip/>, are skipped;
//   - <Config> elements (in <Environment> first, then between records) change require_dyad and
//     new_actor_length for the records that follow; other options (comma_*, stop_on_error) are
//     accepted and have no effect on Dyad's coder;
//   - <Stop/> ends the run;
//   - each record is coded as a one-sentence story (no one-a-story filter);
//   - error="X" passes when exactly that condition fires: sentencediscard, storydiscard,
//     bad_input_parse (the parse cannot be converted) or dateline (the text opens with a dateline);
//     a record expecting no error fails when a discard fires;
//   - otherwise the multiset of coded (source, target, code) triples must equal the expected one;
//     noevents expects the empty multiset.
//
// Run returns an error only when the coder cannot be built from set.
func Run(f *petrarch.File, set *dict.Set, opt Options) (*Report, error) {
	rep := &Report{ByCategory: map[string]*Counts{}}
	copt := coder.DefaultOptions()
	copt.OneAStory = false
	copt.StoryContext = false
	copt.FutureIntent = false // PETRARCH2 codes "will visit" as 042
	copt.PlaceSource = true   // PETRARCH2 takes a passive's source from an IN or FROM phrase
	if opt.Ontology != nil {
		copt.Ontology = opt.Ontology
	}
	if opt.Internal != nil {
		copt.Internal = opt.Internal
	}
	var include, exclude map[string]bool
	onlyValid := false
	if env := f.Environment; env != nil {
		if len(env.Include) > 0 {
			include = map[string]bool{}
			for _, c := range env.Include {
				if c == "valid" {
					onlyValid = true
					continue
				}
				include[c] = true
			}
		}
		if len(env.Exclude) > 0 {
			exclude = map[string]bool{}
			for _, c := range env.Exclude {
				exclude[c] = true
			}
		}
		for _, c := range env.Config {
			applyConfig(&copt, c)
		}
	}
	cd, err := coder.New(set, copt)
	if err != nil {
		return nil, err
	}
	for _, it := range f.Items {
		if it.Stop {
			rep.Stopped = it.Line
			break
		}
		if it.Config != nil {
			if applyConfig(&copt, *it.Config) {
				if cd, err = coder.New(set, copt); err != nil {
					return nil, err
				}
			}
			continue
		}
		rec := it.Record
		cat := rec.Category
		cc := rep.ByCategory[cat]
		if cc == nil {
			cc = &Counts{}
			rep.ByCategory[cat] = cc
		}
		rep.Records++
		cc.Records++
		if rec.Skip || (include != nil && !include[cat]) || exclude[cat] || (onlyValid && !rec.Valid) {
			rep.Skipped++
			cc.Skipped++
			continue
		}
		fail := score(cd, rec, opt)
		if fail == nil {
			rep.Passed++
			cc.Passed++
			continue
		}
		rep.Failed++
		cc.Failed++
		rep.Failures = append(rep.Failures, *fail)
	}
	return rep, nil
}

// applyConfig applies a <Config> option; it reports whether the coder options changed.
func applyConfig(o *coder.Options, c petrarch.Config) bool {
	switch strings.ToLower(c.Option) {
	case "new_actor_length":
		n, err := strconv.Atoi(strings.TrimSpace(c.Value))
		if err != nil || n < 0 {
			return false
		}
		changed := o.NewActorLength != n
		o.NewActorLength = n
		return changed
	case "require_dyad":
		v := strings.EqualFold(c.Value, "true")
		changed := o.RequireDyad != v
		o.RequireDyad = v
		return changed
	}
	return false
}

// datelineRe matches a wire-service dateline opening a sentence: "CEBU CITY: --", "PARIS, Aug 3 (AFP) -".
var datelineRe = regexp.MustCompile(`^[A-Z][A-Z .'-]*[A-Z]\s*(:|,[^-]{0,30}\))\s*--?`)

func score(cd *coder.Coder, rec *petrarch.Record, opt Options) *Failure {
	fail := &Failure{ID: rec.ID, Category: rec.Category, Line: rec.Line, Text: rec.Text}
	wantErr := ""
	var want []string
	for _, c := range rec.Codings {
		switch {
		case c.Error != "":
			wantErr = c.Error
			fail.Expected = append(fail.Expected, "error="+c.Error)
		case c.NoEvents:
			fail.Expected = append(fail.Expected, "noevents")
		default:
			t := c.Source + " " + c.Target + " " + c.Event
			want = append(want, t)
			fail.Expected = append(fail.Expected, t)
		}
	}
	gotErr := ""
	if datelineRe.MatchString(rec.Text) {
		gotErr = "dateline"
	}
	s, err := rec.Sentence(opt.PTB)
	if err != nil {
		if wantErr == "bad_input_parse" {
			return nil
		}
		fail.Problem = err.Error()
		return fail
	}
	st := &story.Story{ID: rec.StoryID, Date: rec.Date, Publisher: rec.Source, Sentences: []story.Sentence{s}}
	res := cd.CodeStory(st)
	for _, p := range res.Problems {
		fail.Problem = p.String()
	}
	for _, d := range res.Discards {
		kind := "sentencediscard"
		if d.Story {
			kind = "storydiscard"
		}
		if gotErr == "" {
			gotErr = kind
		}
		fail.Coded = append(fail.Coded, fmt.Sprintf("discard=%s (%s)", kind, d.Phrase))
	}
	var got []string
	for _, e := range res.Events {
		t := e.Source.Code + " " + e.Target.Code + " " + e.Code
		got = append(got, t)
		fail.Coded = append(fail.Coded, t)
	}
	if wantErr != "" || gotErr != "" {
		if wantErr == gotErr {
			return nil
		}
		return fail
	}
	if sameMultiset(want, got) {
		return nil
	}
	return fail
}

func sameMultiset(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
		if m[x] < 0 {
			return false
		}
	}
	return true
}
