package gold

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

func ev(src, tgt, code string) story.Event {
	return story.Event{Source: story.Actor{Code: src}, Target: story.Actor{Code: tgt}, Code: code, RootCode: RootOf(code), QuadClass: cameo.QuadClassOfRoot(RootOf(code))}
}

func TestScore(t *testing.T) {
	sents := []Sentence{
		{Text: "a", Events: []Expected{{Source: "PRK", Target: "USA", Code: "112"}}},
		{Text: "b", Events: []Expected{{Code: "036"}}},
		{Text: "c", Events: []Expected{{Source: "IGOUNO", Target: "PRK", Roots: []string{"11"}}}},
		{Text: "d", Events: nil},
	}
	pred := [][]story.Event{
		{ev("PRKGOV", "USA", "111"), ev("PRKGOV", "USA", "111")},    // root 11 matches; duplicate counted once
		{ev("ISR", "LBN", "040")},                                   // root 04 ≠ 03; QuadClass 1 = 1
		{ev("IGOUNOHRI", "PRK", "112"), ev("PRK", "IGOUNO", "120")}, // first matches; second is a false positive
		{ev("USA", "CHN", "190")},                                   // false positive
	}
	s := Score(sents, pred)
	if s.Root.TruePositives != 2 || s.Root.Predicted != 5 || s.Root.Expected != 3 {
		t.Errorf("root counts: %+v", s.Root)
	}
	if math.Abs(s.Root.Precision-0.4) > 1e-9 || math.Abs(s.Root.Recall-2.0/3) > 1e-9 {
		t.Errorf("root P/R: %+v", s.Root)
	}
	if s.QuadClass.TruePositives != 3 {
		t.Errorf("quad TP: %+v", s.QuadClass)
	}
	if s.SentencesWithEvent != 4 {
		t.Errorf("sentences with event = %d", s.SentencesWithEvent)
	}
}

func TestReadReportsBadLines(t *testing.T) {
	in := `{"id":"x","text":"Iran accused Israel.","events":[{"source":"IRN","target":"ISR","code":"112"}]}
not json
{"id":"y","text":"  "}

{"text":"ok"}
`
	sents, probs := Read(strings.NewReader(in), "g.jsonl")
	if len(sents) != 2 || len(probs) != 2 {
		t.Fatalf("got %d sentences, %d problems: %v", len(sents), len(probs), probs)
	}
	if !strings.HasPrefix(probs[0].Error(), "g.jsonl:2:") || !strings.HasPrefix(probs[1].Error(), "g.jsonl:3:") {
		t.Errorf("problems: %v", probs)
	}
	if sents[1].ID != "g.jsonl:5" {
		t.Errorf("default id = %q", sents[1].ID)
	}
}

func TestQuadClassOfRoot(t *testing.T) {
	for root, want := range map[string]int{"01": 1, "05": 1, "06": 2, "09": 2, "10": 3, "14": 3, "15": 4, "20": 4, "21": 0, "x": 0} {
		if got := cameo.QuadClassOfRoot(root); got != want {
			t.Errorf("cameo.QuadClassOfRoot(%q) = %d, want %d", root, got, want)
		}
	}
}

func open(t *testing.T, rel string) *os.File {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestBuildFromSharedData(t *testing.T) {
	cameo, probs := FromCAMEOExamples(open(t, "data/cameo-manual-examples/cameo-1.1b3-examples.tsv"), "examples.tsv")
	if len(cameo) != 387 || len(probs) != 0 {
		t.Errorf("CAMEO examples: %d sentences (want 387), problems %v", len(cameo), probs)
	}
	if cameo[0].Events[0].Code != "010" || !strings.HasPrefix(cameo[0].Text, "U.S. military chief") {
		t.Errorf("first example: %+v", cameo[0])
	}

	roots, err := PLOVERRoots(open(t, "data/plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(roots["ASSAULT"], ","); got != "17,18,19,20" {
		t.Errorf("ASSAULT roots = %s", got)
	}
	if got := strings.Join(roots["AGREE"], ","); got != "03" {
		t.Errorf("AGREE roots = %s", got)
	}
	plover, probs := FromPLOVER(open(t, "data/plover/PLOVER_GSR_CAMEO.txt"), roots)
	if len(plover) != 322 || len(probs) != 1 { // 323 records, one DOCUMENT record
		t.Errorf("PLOVER: %d sentences (want 322), problems %v", len(plover), probs)
	}

	mc, probs := FromMultiCoPED(open(t, "data/multicoped/cameo_class/train.tsv"), "train.tsv")
	if len(mc) != 1349 || len(probs) != 0 {
		t.Errorf("Multi-CoPED: %d sentences (want 1349), problems %v", len(mc), probs)
	}
}

func TestScoreReciprocalEvents(t *testing.T) {
	sents := []Sentence{
		{Text: "Israel and Lebanon renewed negotiations.", Events: []Expected{{Source: "ISR", Roots: []string{"04"}}, {Source: "LBN", Roots: []string{"04"}}}},
		{Text: "Obama visited China.", Events: []Expected{{Source: "USA", Target: "CHN", Code: "042"}}},
	}
	pred := [][]story.Event{
		{ev("ISR", "LBN", "046"), ev("LBN", "ISR", "046")},       // both parties expected: both match
		{ev("USAGOV", "CHN", "042"), ev("CHN", "USAGOV", "043")}, // the reciprocal 043 is not a false positive
	}
	s := Score(sents, pred)
	if s.Root.TruePositives != 3 || s.Root.Predicted != 3 || s.Root.Expected != 3 {
		t.Errorf("root: %+v", s.Root)
	}
}
