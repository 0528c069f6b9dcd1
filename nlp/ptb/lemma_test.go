package ptb

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestLemmaEWT measures Lemma against the gold lemmas of UD English EWT for verbs and common
// nouns (the words whose inflection it strips): dev (looked at while writing the rules) and
// test (not looked at).
func TestLemmaEWT(t *testing.T) {
	for _, split := range []string{"dev", "test"} {
		lemmaEWT(t, split)
	}
}

func lemmaEWT(t *testing.T, split string) {
	f, err := os.Open(sharedtest.Path(t, "data/ud-english-ewt/en_ewt-ud-"+split+".conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, right := map[string]int{}, map[string]int{}
	wrong := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		form, lemma, xpos := cols[1], cols[2], cols[4]
		var class string
		switch {
		case strings.HasPrefix(xpos, "VB"):
			class = "verb"
		case xpos == "NN" || xpos == "NNS":
			class = "noun"
		default:
			continue
		}
		total[class]++
		if got := Lemma(form, xpos); strings.EqualFold(got, lemma) {
			right[class]++
		} else {
			wrong[form+"/"+xpos+"->"+got+"≠"+lemma]++
		}
	}
	for _, class := range []string{"verb", "noun"} {
		acc := float64(right[class]) / float64(total[class])
		t.Logf("%s: %s lemmas: %d of %d right (%.3f)", split, class, right[class], total[class], acc)
		if acc < map[string]float64{"verb": 0.97, "noun": 0.97}[class] {
			t.Errorf("%s lemma accuracy %.3f below floor", class, acc)
		}
	}
	if testing.Verbose() && split == "dev" {
		var ws []string
		for w := range wrong {
			ws = append(ws, w)
		}
		sort.Slice(ws, func(i, j int) bool { return wrong[ws[i]] > wrong[ws[j]] })
		if len(ws) > 40 {
			ws = ws[:40]
		}
		t.Logf("most frequent misses: %v", ws)
	}
}

// TestUPOSEWT measures the PTB-tag-to-UPOS mapping on UD English EWT test, given the gold
// PTB tag and relation of each word.
func TestUPOSEWT(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "data/ud-english-ewt/en_ewt-ud-test.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, right := 0, 0
	wrong := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		rel, _, _ := strings.Cut(cols[7], ":")
		if strings.Contains(cols[7], ":pass") {
			rel = cols[7]
		}
		total++
		if got := upos(cols[1], cols[4], rel); got == cols[3] {
			right++
		} else {
			wrong[cols[4]+"/"+cols[3]+"->"+got]++
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("UPOS from PTB tag and relation: %d of %d right (%.3f)", right, total, acc)
	if acc < 0.975 {
		t.Errorf("UPOS accuracy %.3f below floor", acc)
	}
	if testing.Verbose() {
		var ws []string
		for w := range wrong {
			ws = append(ws, w)
		}
		sort.Slice(ws, func(i, j int) bool { return wrong[ws[i]] > wrong[ws[j]] })
		for _, w := range ws[:min(20, len(ws))] {
			t.Logf("  %5d %s", wrong[w], w)
		}
	}
}
