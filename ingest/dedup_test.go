package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

func TestDeduperBasic(t *testing.T) {
	base := "The foreign ministers of the two neighbouring countries agreed on Monday to resume talks on their disputed border, ending a pause of almost two years. Speaking after a three-hour meeting in the capital, the ministers said negotiators would meet again next month."
	d := NewDeduper(DedupOptions{})
	a := &story.Story{ID: "a", Text: base}
	if k, _, dup := d.Add(a); dup {
		t.Fatalf("first story reported as copy of %s", k.ID)
	}
	cases := []struct {
		id, text string
		dup      bool
	}{
		{"exact", base, true},
		{"case and punctuation", strings.ToUpper(strings.ReplaceAll(base, ",", "")), true},
		{"small edit", strings.Replace(base, "Monday", "Tuesday", 1) + " Officials confirmed it.", true},
		{"cut short", base[:strings.Index(base, "Speaking")], true},
		{"different", "Parliament rejected the government's budget on Tuesday, the opposition said, and the finance minister promised a new plan within a month.", false},
		{"short", "Talks resumed.", false},
		{"short again", "Talks resumed.", true},
		{"empty", "", false},
	}
	for _, c := range cases {
		s := &story.Story{ID: c.id, Text: c.text}
		k, sim, dup := d.Add(s)
		if dup != c.dup {
			t.Errorf("%s: dup = %v (sim %.2f), want %v", c.id, dup, sim, c.dup)
		}
		if dup && c.id != "short again" && k != a {
			t.Errorf("%s: kept story %s, want a", c.id, k.ID)
		}
	}
	if got := strings.Join(a.Duplicates, ","); got != "exact,case and punctuation,small edit,cut short" {
		t.Errorf("a.Duplicates = %s", got)
	}
}

func TestSimilarity(t *testing.T) {
	a := "one two three four five six seven eight"
	if s := Similarity(a, a); s != 1 {
		t.Errorf("Similarity(a, a) = %v", s)
	}
	// 5 shingles each, 3 shared ("one two three four", "two three four five", "three four five six").
	if s := Similarity(a, "one two three four five six nine ten"); s != 3.0/7 {
		t.Errorf("Similarity = %v, want 3/7", s)
	}
	if s := Similarity(a, "completely different words in this other text"); s != 0 {
		t.Errorf("Similarity = %v, want 0", s)
	}
}

// variant makes a near-duplicate of a story text the way wire copies differ: kind "exact",
// "edit" (a share of the words replaced, deleted or doubled, and a new headline line),
// "reorder" (paragraphs shuffled), "cut" (the first 60% of the paragraphs, as a shorter
// republication), "wire" (a dateline, byline and agency tag added, one paragraph dropped).
func variant(r *rand.Rand, text, kind string, editRate float64) string {
	paras := nonBlankLines(text)
	switch kind {
	case "exact":
		return text
	case "edit":
		words := strings.Fields(text)
		var out []string
		for _, w := range words {
			switch x := r.Float64(); {
			case x < editRate/3:
				out = append(out, "edited")
			case x < 2*editRate/3:
				// deleted
			case x < editRate:
				out = append(out, w, w)
			default:
				out = append(out, w)
			}
		}
		return "Updated: " + strings.Join(strings.Fields(paras[0]), " ")[:min(40, len(paras[0]))] + "\n" + strings.Join(out, " ")
	case "reorder":
		r.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		return strings.Join(paras, "\n\n")
	case "cut":
		n := max(1, len(paras)*6/10)
		return strings.Join(paras[:n], "\n")
	case "wire":
		if len(paras) > 4 {
			i := 1 + r.IntN(len(paras)-2)
			paras = append(paras[:i], paras[i+1:]...)
		}
		return "By Staff Writer\nLONDON (Wire) - " + strings.Join(paras, "\n") + "\n(Reporting by A. Person; Editing by B. Person)"
	}
	panic(kind)
}

type dedupScore struct{ tp, fp, fn, tn int }

func (s dedupScore) String() string {
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return fmt.Sprintf("precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)", p, r, s.tp, s.fp, s.fn, s.tn)
}

// dedupEval builds the near-duplicate test set from ../shared/data/news (each article plus five
// variants, shuffled) and scores a Deduper: a story whose group already has a kept story must be
// reported as a copy of that group (true positive), else it is a false negative; a story
// reported as a copy of another group, or the first of its group reported at all, is a false
// positive.
func dedupEval(t *testing.T, texts []string, editRate float64, kinds []string) dedupScore {
	r := rand.New(rand.NewPCG(7, uint64(editRate*1000)))
	type doc struct {
		s     *story.Story
		group int
	}
	// Articles of the data that are themselves near-duplicates (exact Jaccard ≥ 0.5) form one
	// group: cb-st_002-03 and cb-st_002-12 are one story (Jaccard 0.90).
	sets := make([]map[uint64]bool, len(texts))
	var sh Deduper
	for i, text := range texts {
		hs, _ := sh.shingle(text)
		sets[i] = map[uint64]bool{}
		for _, h := range hs {
			sets[i][h] = true
		}
	}
	jaccard := func(a, b map[uint64]bool) float64 {
		inter := 0
		for h := range a {
			if b[h] {
				inter++
			}
		}
		return float64(inter) / float64(max(1, len(a)+len(b)-inter))
	}
	groupOf := make([]int, len(texts))
	for i := range texts {
		groupOf[i] = i
		for j := 0; j < i; j++ {
			if groupOf[j] == j && jaccard(sets[i], sets[j]) >= 0.5 {
				groupOf[i] = j
				break
			}
		}
	}
	var docs []doc
	for i, text := range texts {
		g := groupOf[i]
		docs = append(docs, doc{&story.Story{ID: fmt.Sprintf("%d-orig", i), Text: text}, g})
		for _, k := range kinds {
			docs = append(docs, doc{&story.Story{ID: fmt.Sprintf("%d-%s", i, k), Text: variant(r, text, k, editRate)}, g})
		}
	}
	r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	group := map[*story.Story]int{}
	for _, d := range docs {
		group[d.s] = d.group
	}
	d := NewDeduper(DedupOptions{})
	seen := map[int]bool{}
	firstOf := map[int]*story.Story{}
	var sc dedupScore
	for _, x := range docs {
		kept, sim, dup := d.Add(x.s)
		switch {
		case dup && seen[x.group] && group[kept] == x.group:
			sc.tp++
		case dup:
			sc.fp++
			if testing.Verbose() {
				t.Logf("false positive: %s as copy of %s (%.2f)", x.s.ID, kept.ID, sim)
			}
		case seen[x.group]:
			sc.fn++
			if testing.Verbose() {
				f := firstOf[x.group]
				t.Logf("missed: %s (Jaccard with original %.2f, with kept %s %.2f)", x.s.ID, Similarity(x.s.Text, texts[x.group]), f.ID, Similarity(x.s.Text, f.Text))
			}
		default:
			sc.tn++
		}
		if !seen[x.group] {
			firstOf[x.group] = x.s
		}
		seen[x.group] = true
	}
	return sc
}

func newsTexts(t *testing.T) []string {
	dir := sharedtest.Path(t, "data/news/articles")
	var texts []string
	_, err := Read(context.Background(), []string{dir}, Options{DefaultDate: day0},
		func(s *story.Story) error { texts = append(texts, s.Text); return nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestNearDuplicatesNews measures near-duplicate detection on ../shared/data/news: 182 articles
// and 910 copies (exact, 5% word edits with a changed headline line, re-ordered paragraphs, the
// first 60% of the paragraphs, wire dateline/byline/tag added with a paragraph dropped).
func TestNearDuplicatesNews(t *testing.T) {
	texts := newsTexts(t)
	kinds := []string{"exact", "edit", "reorder", "cut", "wire"}
	sc := dedupEval(t, texts, 0.05, kinds)
	t.Logf("edit rate 5%%: %v", sc)
	p := float64(sc.tp) / float64(sc.tp+sc.fp)
	r := float64(sc.tp) / float64(sc.tp+sc.fn)
	if p < 0.99 || r < 0.98 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.99 and ≥ 0.98", p, r)
	}
	// Heavier edits: reported, with a lower floor.
	for _, rate := range []float64{0.10, 0.20} {
		sc := dedupEval(t, texts, rate, []string{"edit"})
		t.Logf("edit rate %.0f%% (edit copies only): %v", rate*100, sc)
		if rate == 0.10 && (float64(sc.tp)/float64(sc.tp+sc.fn) < 0.95 || sc.fp > 0) {
			t.Errorf("10%% edits: recall below 0.95 or false positives: %v", sc)
		}
	}
}

func BenchmarkDeduper(b *testing.B) {
	dir := sharedtest.Path(b, "data/news/articles")
	var stories []*story.Story
	Read(context.Background(), []string{dir}, Options{}, func(s *story.Story) error { stories = append(stories, s); return nil }, nil)
	size := 0
	for _, s := range stories {
		size += len(s.Text)
	}
	b.SetBytes(int64(size / len(stories)))
	n := 0
	d := NewDeduper(DedupOptions{})
	for b.Loop() {
		s := *stories[n%len(stories)]
		s.ID = fmt.Sprint(n)
		d.Add(&s)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "stories/s")
}

func TestEventDedup(t *testing.T) {
	ev := func(storyID, date, src, tgt, code string) story.Event {
		return story.Event{StoryID: storyID, Date: date, Source: story.Actor{Code: src}, Target: story.Actor{Code: tgt}, Code: code}
	}
	events := []story.Event{
		ev("s1", "2015-02-20", "PRK", "USA", "112"),
		ev("s1", "2015-02-20", "PRK", "USA", "112"), // same story, same key
		ev("s1", "2015-02-20", "PRK", "USA", "111"),
		ev("s2", "2015-02-20", "PRK", "USA", "112"), // other story, same day
		ev("s2", "2015-02-21", "PRK", "USA", "112"), // other day
		ev("s3", "2015-02-20", "USA", "PRK", "112"), // reversed dyad
	}
	want := map[DedupMode]int{DedupNone: 6, DedupStory: 5, DedupDay: 4}
	for mode, n := range want {
		in := append([]story.Event(nil), events...)
		got := DedupEvents(in, mode)
		if len(got) != n {
			t.Errorf("%v: %d events, want %d", mode, len(got), n)
		}
	}
	for _, s := range []string{"none", "story", "day"} {
		m, err := ParseDedupMode(s)
		if err != nil || m.String() != s {
			t.Errorf("ParseDedupMode(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParseDedupMode("week"); err == nil {
		t.Error("ParseDedupMode(week): no error")
	}
}

func TestReadDedup(t *testing.T) {
	dir := t.TempDir()
	text := "The foreign ministers of the two neighbouring countries agreed on Monday to resume talks on their disputed border, ending a pause of almost two years.\n"
	writeFile(t, dir+"/a.txt", "---\ntitle: A\n---\n"+text)
	writeFile(t, dir+"/b.txt", "---\ntitle: B (copy)\n---\n"+strings.Replace(text, "Monday", "Tuesday", 1))
	writeFile(t, dir+"/c.jsonl", `{"id":"c","text":"Parliament rejected the government's budget on Tuesday, the opposition said."}`+"\n")
	var ids, warns []string
	d := NewDeduper(DedupOptions{})
	var first *story.Story
	failed, err := Read(context.Background(), []string{dir}, Options{DefaultDate: day0, Dedup: d},
		func(s *story.Story) error {
			if first == nil {
				first = s
			}
			ids = append(ids, s.ID)
			return nil
		},
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil || failed != 0 {
		t.Fatal(err, failed)
	}
	if strings.Join(ids, ",") != "a,c" || len(first.Duplicates) != 1 || first.Duplicates[0] != "b" {
		t.Errorf("ids %v, a.Duplicates %v", ids, first.Duplicates)
	}
	warns = dated(warns)
	if len(warns) != 1 || !strings.Contains(warns[0], `b.txt: story "b" is a near-duplicate of "a"`) {
		t.Errorf("warnings %q", warns)
	}
}
