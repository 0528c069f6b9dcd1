package coder

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/nlp/ptb"
	"github.com/dyad-events/dyad/story"
)

func TestSkipMask(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want uint8
	}{
		{"acl", skipNP | skipFull | skipNew | skipPP},
		{"acl:relcl", skipNP | skipFull | skipNew | skipPP},
		{"punct", skipNP | skipFull | skipNew | skipPP},
		{"conj", skipNP | skipFull | skipNew},
		{"appos", skipNP | skipFull},
		{"nmod", skipNP},
		{"nmod:poss", 0}, // a possessive stays in the noun phrase ("Iraq's government")
		{"nmod:desc", 0}, // so does a descriptive premodifier ("North Korea's deputy U.N. ambassador")
		{"obl:tmod", skipNP},
		{"amod", 0},
		{"compound", 0},
	} {
		base, _, _ := strings.Cut(tc.rel, ":")
		if got := skipMask(tc.rel, base); got != tc.want {
			t.Errorf("skipMask(%q) = %04b, want %04b", tc.rel, got, tc.want)
		}
	}
}

// TestTreeReuse checks that a tree reused for a second sentence holds only that sentence: words,
// children and caches.
func TestTreeReuse(t *testing.T) {
	tok := func(form, lemma string, head int, rel string) story.Token {
		return story.Token{Form: form, Lemma: lemma, Head: head, Deprel: rel, UPOS: "NOUN"}
	}
	long := story.Sentence{Tokens: []story.Token{tok("The", "the", 2, "det"), tok("army", "army", 3, "nsubj"),
		tok("attacked", "attack", 0, "root"), tok("rebels", "rebel", 3, "obj")}}
	short := story.Sentence{Tokens: []story.Token{tok("Police", "", 2, "nsubj"), tok("fired", "fire", 0, "root")}}
	var tr tree
	if err := tr.init(&long, nil); err != nil {
		t.Fatal(err)
	}
	tr.memoOf(1).done = memoNP
	tr.prep(1)
	if err := tr.init(&short, nil); err != nil {
		t.Fatal(err)
	}
	if tr.n != 2 || tr.words[0] != "POLICE" || tr.lemmas[0] != "POLICE" || tr.lemmas[1] != "FIRE" {
		t.Errorf("words %q lemmas %q", tr.words, tr.lemmas)
	}
	if len(tr.kids[1]) != 1 || tr.kids[1][0] != 0 || len(tr.kids[0]) != 0 {
		t.Errorf("kids %v", tr.kids)
	}
	if tr.memoOf(1).done != 0 || tr.prepsDone {
		t.Error("caches of the first sentence survived init")
	}
	bad := story.Sentence{Tokens: []story.Token{tok("a", "", 2, "dep"), tok("b", "", 1, "dep")}}
	if err := tr.init(&bad, nil); err == nil {
		t.Error("head cycle not reported")
	}
}

// TestConcurrentCodingMatchesSequential codes the GigaWord sample with the Phoenix dictionaries
// on one goroutine, then on four at once, several times over: the pooled workspaces must not leak
// state between stories or goroutines.
func TestConcurrentCodingMatchesSequential(t *testing.T) {
	set := phoenixSet(t)
	f, _, err := petrarch.ReadFile(sharedtest.Path(t, "data/petrarch2/GigaWord.sample.PETR.xml"))
	if err != nil {
		t.Fatal(err)
	}
	stories, _ := petrarch.Stories(f, petrarch.StoryOptions{PTB: ptb.Convert})
	c, err := New(set, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := make([]Result, len(stories))
	events := 0
	for i, st := range stories {
		want[i] = c.CodeStory(st)
		events += len(want[i].Events)
	}
	if events < 50 {
		t.Fatalf("only %d events in the GigaWord sample", events)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for k := range stories {
					i := (k + g*7) % len(stories) // each goroutine in its own order
					if got := c.CodeStory(stories[i]); !reflect.DeepEqual(got, want[i]) {
						errs <- fmt.Sprintf("goroutine %d, story %s: result differs", g, stories[i].ID)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestRepairSubordinateRoot checks the repair of a subordinate clause parsed as the main one, with
// the main verb as a reduced relative of its subject (repairSubordinateRoot), and that a true
// reduced relative before a root without a subordinator is left alone.
func TestRepairSubordinateRoot(t *testing.T) {
	tok := treeTok
	// "The parliament threatened on Monday to secede unless Gondor withdrew its troops ." as the
	// tagger misparses it: "withdrew" the root, "threatened" an acl of "parliament".
	bad := story.Sentence{Tokens: []story.Token{
		tok("The", "DET", "DT", 2, "det"), tok("parliament", "NOUN", "NN", 11, "nsubj"),
		tok("threatened", "VERB", "VBN", 2, "acl"), tok("on", "ADP", "IN", 5, "case"),
		tok("Monday", "PROPN", "NNP", 3, "obl"), tok("to", "PART", "TO", 7, "mark"),
		tok("secede", "VERB", "VB", 3, "advcl"), tok("unless", "SCONJ", "IN", 11, "mark"),
		tok("Gondor", "PROPN", "NNP", 11, "nsubj"), tok("really", "ADV", "RB", 11, "advmod"),
		tok("withdrew", "VERB", "VBD", 0, "root"), tok("its", "PRON", "PRP$", 13, "nmod:poss"),
		tok("troops", "NOUN", "NNS", 11, "obj"), tok(".", "PUNCT", ".", 11, "punct"),
	}}
	var tr tree
	if err := tr.init(&bad, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[2] != -1 || tr.rel(2) != "root" || tr.head[1] != 2 || tr.rel(1) != "nsubj" ||
		tr.head[10] != 2 || tr.rel(10) != "advcl" || tr.head[8] != 10 {
		t.Errorf("not repaired: heads %v rels %q", tr.head, tr.rels)
	}
	// "Troops stationed in Gondor attacked Rohan ." is a true reduced relative (one subject).
	good := story.Sentence{Tokens: []story.Token{
		tok("Troops", "NOUN", "NNS", 5, "nsubj"), tok("stationed", "VERB", "VBN", 1, "acl"),
		tok("in", "ADP", "IN", 4, "case"), tok("Gondor", "PROPN", "NNP", 2, "obl"),
		tok("attacked", "VERB", "VBD", 0, "root"), tok("Rohan", "PROPN", "NNP", 5, "obj"),
	}}
	if err := tr.init(&good, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[4] != -1 || tr.head[1] != 0 || tr.rel(1) != "acl" {
		t.Errorf("true reduced relative changed: heads %v rels %q", tr.head, tr.rels)
	}
}

// TestRepairTimeSubject checks that a subject read as a compound of a bare time word after it
// becomes the verb's subject again (repairTimeSubject), and that a verb with a subject is left
// alone.
func TestRepairTimeSubject(t *testing.T) {
	tok := func(form, upos string, head int, rel string) story.Token {
		return story.Token{Form: form, Lemma: strings.ToLower(form), UPOS: upos, Head: head, Deprel: rel}
	}
	// "Gondor today threatened Rohan ." with "Gondor" as a compound of "today".
	bad := story.Sentence{Tokens: []story.Token{
		tok("Gondor", "PROPN", 2, "compound"), tok("today", "NOUN", 3, "obl:unmarked"),
		tok("threatened", "VERB", 0, "root"), tok("Rohan", "PROPN", 3, "obj"), tok(".", "PUNCT", 3, "punct"),
	}}
	var tr tree
	if err := tr.init(&bad, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[0] != 2 || tr.rel(0) != "nsubj" || tr.head[1] != 2 {
		t.Errorf("not repaired: heads %v rels %q", tr.head, tr.rels)
	}
	// "Rohan Gondor today threatened": "threatened" has a subject of its own.
	good := story.Sentence{Tokens: []story.Token{
		tok("Rohan", "PROPN", 4, "nsubj"), tok("Gondor", "PROPN", 3, "compound"),
		tok("today", "NOUN", 4, "obl:unmarked"), tok("threatened", "VERB", 0, "root"),
	}}
	if err := tr.init(&good, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[1] != 2 || tr.rel(1) != "compound" {
		t.Errorf("verb with a subject changed: heads %v rels %q", tr.head, tr.rels)
	}
}

// TestRepairAgentVerb checks that a main verb read as the plural noun heading a reduced
// relative's by-phrase becomes the root again (repairAgentVerb).
func TestRepairAgentVerb(t *testing.T) {
	tok := treeTok
	// "The plan backed by the Gondor government calls for talks ." with "calls" as the obl:agent
	// of "backed" and "backed" as the root.
	bad := story.Sentence{Tokens: []story.Token{
		tok("The", "DET", "DT", 2, "det"), tok("plan", "NOUN", "NN", 3, "nsubj"),
		tok("backed", "VERB", "VBN", 0, "root"), tok("by", "ADP", "IN", 8, "case"),
		tok("the", "DET", "DT", 8, "det"), tok("Gondor", "PROPN", "NNP", 7, "compound"),
		tok("government", "NOUN", "NN", 8, "compound"), tok("calls", "NOUN", "NNS", 3, "obl:agent"),
		tok("for", "ADP", "IN", 10, "case"), tok("talks", "NOUN", "NNS", 8, "nmod"),
		tok(".", "PUNCT", ".", 3, "punct"),
	}}
	var tr tree
	if err := tr.init(&bad, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[7] != -1 || tr.upos(7) != "VERB" || tr.head[1] != 7 || tr.head[2] != 1 || tr.rel(2) != "acl" ||
		tr.head[6] != 2 || tr.rel(6) != "obl:agent" || tr.head[3] != 6 || tr.head[9] != 7 || tr.rel(9) != "obl" ||
		tr.head[10] != 7 {
		t.Errorf("not repaired: heads %v rels %q", tr.head, tr.rels)
	}
	// "The plan was backed by Gondor officials ." is a true passive: left alone.
	good := story.Sentence{Tokens: []story.Token{
		tok("The", "DET", "DT", 2, "det"), tok("plan", "NOUN", "NN", 4, "nsubj:pass"),
		tok("was", "AUX", "VBD", 4, "aux:pass"), tok("backed", "VERB", "VBN", 0, "root"),
		tok("by", "ADP", "IN", 7, "case"), tok("Gondor", "PROPN", "NNP", 7, "compound"),
		tok("officials", "NOUN", "NNS", 4, "obl:agent"), tok(".", "PUNCT", ".", 4, "punct"),
	}}
	if err := tr.init(&good, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[3] != -1 || tr.head[6] != 3 || tr.upos(6) != "NOUN" {
		t.Errorf("true passive changed: heads %v rels %q", tr.head, tr.rels)
	}
}

// TestRepairNominalRootObject checks the repair of a noun root with a noun object whose
// participle is the real main verb ("Eriador Council ministers agreed to ..." with "Council" as
// the root and "ministers" its obj).
func TestRepairNominalRootObject(t *testing.T) {
	tok := treeTok
	s := story.Sentence{Tokens: []story.Token{
		tok("Eriador", "PROPN", "NNP", 2, "compound"), tok("Council", "NOUN", "NN", 0, "root"),
		tok("ministers", "NOUN", "NNS", 2, "obj"), tok("agreed", "VERB", "VBN", 3, "acl"),
		tok("to", "PART", "TO", 6, "mark"), tok("meet", "VERB", "VB", 4, "xcomp"), tok(".", "PUNCT", ".", 2, "punct"),
	}}
	var tr tree
	if err := tr.init(&s, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[3] != -1 || tr.head[2] != 3 || tr.rel(2) != "nsubj" || tr.head[1] != 2 || tr.rel(1) != "compound" {
		t.Errorf("not repaired: heads %v rels %q", tr.head, tr.rels)
	}
}

// TestRepairAppositionSubject checks that a subject phrase read as a bare oblique, with its
// apposition (set off by commas) as the subject, becomes the subject again, and that a time
// phrase is left alone.
func TestRepairAppositionSubject(t *testing.T) {
	tok := func(form, upos string, head int, rel string) story.Token {
		return story.Token{Form: form, Lemma: strings.ToLower(form), UPOS: upos, Head: head, Deprel: rel}
	}
	sent := func(first, rel string) story.Sentence {
		// "An envoy of Gondor, Aragorn Elessar, visited Rohan ."
		return story.Sentence{Tokens: []story.Token{
			tok("An", "DET", 2, "det"), tok(first, "NOUN", 9, rel), tok("of", "ADP", 4, "case"),
			tok("Gondor", "PROPN", 2, "nmod"), tok(",", "PUNCT", 2, "punct"), tok("Aragorn", "PROPN", 9, "nsubj"),
			tok("Elessar", "PROPN", 6, "flat"), tok(",", "PUNCT", 6, "punct"), tok("visited", "VERB", 0, "root"),
			tok("Rohan", "PROPN", 9, "obj"), tok(".", "PUNCT", 9, "punct"),
		}}
	}
	var tr tree
	s := sent("envoy", "obl:unmarked")
	if err := tr.init(&s, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[1] != 8 || tr.rel(1) != "nsubj" || tr.head[5] != 1 || tr.rel(5) != "appos" {
		t.Errorf("not repaired: heads %v rels %q", tr.head, tr.rels)
	}
	s = sent("week", "obl:unmarked")
	if err := tr.init(&s, nil); err != nil {
		t.Fatal(err)
	}
	if tr.rel(1) != "obl:unmarked" || tr.rel(5) != "nsubj" {
		t.Errorf("time phrase changed: heads %v rels %q", tr.head, tr.rels)
	}
}

// TestRepairReportedClause checks that a reported clause whose subject noun was made the ccomp
// (or a second subject) of the reporting verb, with the clause's verb as its acl, is rebuilt
// (repairReportedClause).
func TestRepairReportedClause(t *testing.T) {
	tok := treeTok
	for _, rel := range []string{"ccomp", "nsubj"} {
		// "Gondor tanks fired shells , witnesses said ."
		s := story.Sentence{Tokens: []story.Token{
			tok("Gondor", "PROPN", "NNP", 2, "compound"), tok("tanks", "NOUN", "NNS", 7, rel),
			tok("fired", "VERB", "VBN", 2, "acl"), tok("shells", "NOUN", "NNS", 3, "obj"),
			tok(",", "PUNCT", ",", 2, "punct"), tok("witnesses", "NOUN", "NNS", 7, "nsubj"),
			tok("said", "VERB", "VBD", 0, "root"), tok(".", "PUNCT", ".", 7, "punct"),
		}}
		var tr tree
		if err := tr.init(&s, nil); err != nil {
			t.Fatal(err)
		}
		if tr.head[2] != 6 || tr.rel(2) != "ccomp" || tr.head[1] != 2 || tr.rel(1) != "nsubj" || tr.rel(5) != "nsubj" {
			t.Errorf("%s: not repaired: heads %v rels %q", rel, tr.head, tr.rels)
		}
	}
	// "Troops stationed in Gondor said ..." has one subject: left alone.
	s := story.Sentence{Tokens: []story.Token{
		tok("Troops", "NOUN", "NNS", 5, "nsubj"), tok("stationed", "VERB", "VBN", 1, "acl"),
		tok("in", "ADP", "IN", 4, "case"), tok("Gondor", "PROPN", "NNP", 2, "obl"), tok("said", "VERB", "VBD", 0, "root"),
	}}
	var tr tree
	if err := tr.init(&s, nil); err != nil {
		t.Fatal(err)
	}
	if tr.head[1] != 0 || tr.rel(1) != "acl" || tr.head[0] != 4 {
		t.Errorf("true reduced relative changed: heads %v rels %q", tr.head, tr.rels)
	}
}

// treeTok is a parsed token for the repair tests: its lemma is the lower-cased form.
func treeTok(form, upos, xpos string, head int, rel string) story.Token {
	return story.Token{Form: form, Lemma: strings.ToLower(form), UPOS: upos, XPOS: xpos, Head: head, Deprel: rel}
}

// TestIsSmallRoman checks the regnal numerals read as ordinals (I to XXXIX) and the capitals that
// are not ("DC", "XL" and malformed "IIII" or "VX").
func TestIsSmallRoman(t *testing.T) {
	for w, want := range map[string]bool{
		"I": true, "II": true, "IV": true, "IX": true, "XI": true, "XIII": true, "XIV": true,
		"XXXIX": true, "": false, "DC": false, "XL": false, "IIII": false, "VX": false,
		"XXXX": false, "Xi": false, "MD": false,
	} {
		if got := isSmallRoman(w); got != want {
			t.Errorf("isSmallRoman(%q) = %v, want %v", w, got, want)
		}
	}
}
