package gold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/cameo"
)

// FromCAMEOExamples builds gold sentences from the CAMEO manual example table
// (../shared/data/cameo-manual-examples/cameo-1.1b3-examples.tsv: "#" comment lines, a header
// row, then code, name, example, example_note separated by TABs). Each example becomes one
// sentence with one expected event carrying the example's code and no actors (the table gives
// none). Rows without a code or an example are reported and skipped.
func FromCAMEOExamples(r io.Reader, name string) (sents []Sentence, problems []error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line, header := 0, false
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		if !header {
			header = true
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) < 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[2]) == "" {
			problems = append(problems, fmt.Errorf("%s:%d: want code, name, example", name, line))
			continue
		}
		sents = append(sents, Sentence{
			ID:     fmt.Sprintf("cameo-%s-%d", strings.TrimSpace(f[0]), line),
			Text:   strings.TrimSpace(f[2]),
			Date:   "2000-01-01",
			Events: []Expected{{Code: strings.TrimSpace(f[0])}},
		})
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, fmt.Errorf("%s: %v", name, err))
	}
	return sents, problems
}

// PLOVERRoots reads a CAMEO-to-PLOVER table (../shared/data/plover/CAMEO2PLOVER-2021.txt:
// lines "CODE: EVENT, mode, context # comment") and returns, for each PLOVER event category,
// the sorted CAMEO root codes whose codes map to it. The category names of the older PLOVER
// gold records (version 0.5) that the 2021 table renamed are added as aliases: DEMAND → the
// roots of REQUEST plus 02 (appeal), DISAPPROVE → ACCUSE, FIGHT → ASSAULT, INVESTIGATE → 09.
func PLOVERRoots(r io.Reader) (map[string][]string, error) {
	sets := map[string]map[string]bool{}
	add := func(ev, root string) {
		if sets[ev] == nil {
			sets[ev] = map[string]bool{}
		}
		sets[ev][root] = true
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		code, rest, ok := strings.Cut(t, ":")
		code = strings.TrimSpace(code)
		if !ok || len(code) < 2 {
			continue
		}
		ev := strings.TrimSpace(strings.Split(rest, ",")[0])
		if ev == "" {
			continue
		}
		add(strings.ToUpper(ev), code[:2])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("no CAMEO-to-PLOVER mappings found")
	}
	alias := func(old string, roots ...string) {
		for _, r := range roots {
			add(old, r)
		}
	}
	for r := range sets["REQUEST"] {
		alias("DEMAND", r)
	}
	alias("DEMAND", "02")
	for r := range sets["ACCUSE"] {
		alias("DISAPPROVE", r)
	}
	for r := range sets["ASSAULT"] {
		alias("FIGHT", r)
	}
	alias("INVESTIGATE", "09")
	out := map[string][]string{}
	for ev, set := range sets {
		for r := range set {
			out[ev] = append(out[ev], r)
		}
		sort.Strings(out[ev])
	}
	return out, nil
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// actorCodes returns the codes of a PLOVER actor list; a field that is not a list (absent,
// null, or a stray string in a few records) gives none.
func actorCodes(raw json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var codes []string
	for _, a := range list {
		codes = append(codes, a.Code)
	}
	return codes
}

// FromPLOVER builds gold sentences from the PLOVER gold-standard records
// (../shared/data/plover/PLOVER_GSR_CAMEO.txt, a JSON array), with roots from PLOVERRoots.
// Each record gives one expected event per (source, target) pair of its actor lists, the
// event's acceptable roots being those of its PLOVER category; a record without a target
// expects its sources to act on any target. Records of a category with no CAMEO roots
// (DOCUMENT) are skipped and reported.
func FromPLOVER(r io.Reader, roots map[string][]string) (sents []Sentence, problems []error) {
	var recs []ploverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, []error{fmt.Errorf("PLOVER gold records: %v", err)}
	}
	for _, rec := range recs {
		rs := roots[strings.ToUpper(rec.Event)]
		if len(rs) == 0 || strings.TrimSpace(rec.Text) == "" {
			problems = append(problems, fmt.Errorf("%s: event %q has no CAMEO roots or no text; skipped", rec.ID, rec.Event))
			continue
		}
		s := Sentence{ID: rec.ID, Text: rec.Text, Date: rec.Date}
		targets := actorCodes(rec.Target)
		if len(targets) == 0 {
			targets = []string{""}
		}
		sources := actorCodes(rec.Source)
		if len(sources) == 0 {
			sources = []string{""}
		}
		for _, src := range sources {
			for _, tgt := range targets {
				s.Events = append(s.Events, Expected{Source: src, Target: tgt, Roots: rs})
			}
		}
		sents = append(sents, s)
	}
	return sents, problems
}

// PentaRoots gives the CAMEO roots of the five Multi-CoPED sentence classes (the Phoenix
// "penta" classes; ../shared/data/multicoped/PROVENANCE.md): 0 statement/appeal, 1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
var PentaRoots = [5][]string{
	{"01", "02"},
	{"03", "04", "05"},
	{"06", "07", "08"},
	{"09", "10", "11", "12", "13", "16"},
	{"14", "15", "17", "18", "19", "20"},
}

// FromMultiCoPED builds gold sentences from the Multi-CoPED class file
// (../shared/data/multicoped/cameo_class/train.tsv: "sentence<TAB>label", label 0–4). Each
// sentence expects one event whose root lies in the label's penta class, with any actors.
func FromMultiCoPED(r io.Reader, name string) (sents []Sentence, problems []error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text, label, ok := strings.Cut(sc.Text(), "\t")
		label = strings.TrimSpace(label)
		if !ok || len(label) != 1 || label[0] < '0' || label[0] > '4' || strings.TrimSpace(text) == "" {
			problems = append(problems, fmt.Errorf("%s:%d: want sentence<TAB>label 0-4", name, line))
			continue
		}
		roots := PentaRoots[label[0]-'0']
		var qs []int
		for _, r := range roots {
			if q := cameo.QuadClassOfRoot(r); !containsInt(qs, q) {
				qs = append(qs, q)
			}
		}
		sents = append(sents, Sentence{
			ID:     fmt.Sprintf("multicoped-%d", line),
			Text:   strings.TrimSpace(text),
			Events: []Expected{{Roots: roots, QuadClasses: qs}},
		})
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, fmt.Errorf("%s: %v", name, err))
	}
	return sents, problems
}
