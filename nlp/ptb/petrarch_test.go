package ptb

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

var (
	sentenceRE = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	idRE       = regexp.MustCompile(`\bid\s*=\s*"([^"]*)"`)
	parseRE    = regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
	textRE     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	commentRE  = regexp.MustCompile(`(?s)<!--.*?-->`)
)

type record struct {
	id, text, parse string
	line            int
	badParse        bool // the record expects a parse error (EventCoding error="bad_input_parse")
}

// readRecords extracts the <Sentence> records of a PETRARCH XML file (a test helper; the real
// reader lives in ingest).
func readRecords(t testing.TB, path string) []record {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	var out []record
	for _, m := range sentenceRE.FindAllStringSubmatchIndex(src, -1) {
		attrs := src[m[2]:m[3]]
		body := commentRE.ReplaceAllString(src[m[4]:m[5]], "")
		r := record{line: 1 + strings.Count(src[:m[0]], "\n")}
		r.badParse = strings.Contains(body, `error="bad_input_parse"`)
		if a := idRE.FindStringSubmatch(attrs); a != nil {
			r.id = a[1]
		}
		if p := parseRE.FindStringSubmatch(body); p != nil {
			r.parse = p[1]
		}
		if x := textRE.FindStringSubmatch(body); x != nil {
			r.text = strings.Join(strings.Fields(x[1]), " ")
		}
		out = append(out, r)
	}
	return out
}

// TestPETRARCHTrees converts every tree of the PETRARCH2 XML files and checks that each is a
// valid dependency tree with one root and no cycles.
func TestPETRARCHTrees(t *testing.T) {
	for _, f := range []string{"PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"} {
		path := sharedtest.Path(t, "data/petrarch2/"+f)
		recs := readRecords(t, path)
		n, aligned, words := 0, 0, 0
		for _, r := range recs {
			if strings.TrimSpace(r.parse) == "" {
				continue
			}
			s, err := Convert(r.parse)
			if r.badParse {
				if err == nil {
					t.Errorf("%s:%d (%s): malformed parse accepted", f, r.line, r.id)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s:%d (%s): %v", f, r.line, r.id, err)
				continue
			}
			if err := CheckTree(s); err != nil {
				t.Errorf("%s:%d (%s): %v", f, r.line, r.id, err)
			}
			for _, tk := range s.Tokens {
				if tk.UPOS == "" || tk.Deprel == "" || tk.Lemma == "" && tk.Form != "" {
					t.Errorf("%s:%d (%s): token %+v lacks UPOS, lemma or relation", f, r.line, r.id, tk)
				}
			}
			if r.text != "" {
				aligned += Align(&s, r.text)
				words += len(s.Tokens)
			}
			n++
		}
		t.Logf("%s: %d trees converted; %d of %d words aligned to <Text>", f, n, aligned, words)
		// the GigaWord sample's <Text> often lacks the dateline or differs from the parse
		floor := map[string]float64{"PETR.UnitTest.records.xml": 0.99, "GigaWord.sample.PETR.xml": 0.92}[f]
		if float64(aligned) < floor*float64(words) {
			t.Errorf("%s: only %d of %d words aligned to <Text>", f, aligned, words)
		}
		if want := map[string]int{"PETR.UnitTest.records.xml": 282, "GigaWord.sample.PETR.xml": 76}[f]; n != want {
			t.Errorf("%s: %d trees, want about %d", f, n, want)
		}
	}
}

// v1ToV2 maps the UD v1 labels of the UniversalPetrarch parses to UD v2 (PETRARCH-FORMATS.md
// §2.2); nmod on a predicate becomes obl.
func v1ToV2(rel string, headUPOS string) string {
	switch rel {
	case "dobj":
		return "obj"
	case "nsubjpass":
		return "nsubj:pass"
	case "auxpass":
		return "aux:pass"
	case "name":
		return "flat"
	case "neg":
		return "advmod"
	case "csubjpass":
		return "csubj:pass"
	case "nmod:tmod":
		if headUPOS == "VERB" || headUPOS == "ADJ" || headUPOS == "AUX" {
			return "obl:tmod"
		}
	case "nmod:npmod":
		if headUPOS == "VERB" || headUPOS == "ADJ" || headUPOS == "AUX" {
			return "obl:npmod"
		}
	case "nmod":
		if headUPOS == "VERB" || headUPOS == "ADJ" || headUPOS == "AUX" {
			return "obl"
		}
	}
	return rel
}

// readCoNLLU reads the ten-column token lines of a UniversalPetrarch <Parse>.
func readCoNLLU(parse string) []story.Token {
	var toks []story.Token
	for _, line := range strings.Split(parse, "\n") {
		cols := strings.Split(strings.TrimSpace(line), "\t")
		if len(cols) != 10 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		h := 0
		for _, c := range cols[6] {
			h = h*10 + int(c-'0')
		}
		toks = append(toks, story.Token{Form: cols[1], UPOS: cols[3], XPOS: cols[4], Head: h, Deprel: cols[7]})
	}
	// UD v1 attaches cc (and the commas of a coordination) to the first conjunct, v2 to the
	// conjunct that follows
	for i := range toks {
		if toks[i].Deprel != "cc" && toks[i].Deprel != "punct" {
			continue
		}
		h := toks[i].Head
		for j := i + 1; j < len(toks); j++ {
			if toks[j].Head == h && toks[j].Deprel == "conj" && h > 0 && h-1 < i {
				toks[i].Head = j + 1
				break
			}
		}
	}
	return toks
}

// agreement compares converted trees with the UniversalPetrarch CoNLL-U parses of the same
// records (matched by id, "-" read as "_"), over sentences with the same words. It returns
// the sentences and words compared and the unlabelled and labelled attachment agreement, in
// total and for the relations the coder relies on.
type agreementStats struct {
	sents, words, uas, las int
	rel                    map[string][3]int // gold count, predicted count, correct (head and label)
}

func compareUP(t testing.TB) agreementStats {
	ptbRecs := readRecords(t, sharedtest.Path(t, "data/petrarch2/PETR.UnitTest.records.xml"))
	upRecs := readRecords(t, sharedtest.Path(t, "data/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"))
	up := map[string]string{}
	for _, r := range upRecs {
		up[r.id] = r.parse
	}
	st := agreementStats{rel: map[string][3]int{}}
	for _, r := range ptbRecs {
		gp, ok := up[strings.ReplaceAll(r.id, "-", "_")]
		if !ok || strings.TrimSpace(r.parse) == "" {
			continue
		}
		gold := readCoNLLU(gp)
		s, err := Convert(r.parse)
		if err != nil || len(gold) != len(s.Tokens) {
			continue
		}
		same := true
		for i := range gold {
			if gold[i].Form != s.Tokens[i].Form {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		st.sents++
		for i, g := range gold {
			p := s.Tokens[i]
			hu := "ROOT"
			if g.Head > 0 {
				hu = gold[g.Head-1].UPOS
			}
			gr := v1ToV2(g.Deprel, hu)
			gr, _, _ = strings.Cut(gr, ":")
			pr, _, _ := strings.Cut(p.Deprel, ":")
			if g.Deprel == "nsubjpass" || g.Deprel == "auxpass" {
				gr = v1ToV2(g.Deprel, hu)
			}
			if p.Deprel == "nsubj:pass" || p.Deprel == "aux:pass" || p.Deprel == "obl:agent" || p.Deprel == "compound:prt" || p.Deprel == "acl:relcl" || p.Deprel == "nmod:poss" {
				pr = p.Deprel
			}
			if g.Deprel == "nmod:poss" || g.Deprel == "acl:relcl" || g.Deprel == "compound:prt" {
				gr = g.Deprel
			}
			if pr == "obl:agent" {
				pr = "obl"
			}
			st.words++
			c := st.rel[gr]
			c[0]++
			st.rel[gr] = c
			c = st.rel[pr]
			c[1]++
			st.rel[pr] = c
			if g.Head == p.Head {
				st.uas++
				if gr == pr {
					st.las++
					c = st.rel[gr]
					c[2]++
					st.rel[gr] = c
				}
			}
		}
	}
	return st
}

// TestAgreementWithUniversalPetrarch reports how far the converted trees agree with the
// UDPipe CoNLL-U parses of the same unit-test sentences (an independent parser, so
// disagreement is expected; labels compared without subtypes except pass, poss, relcl, prt).
func TestAgreementWithUniversalPetrarch(t *testing.T) {
	st := compareUP(t)
	if st.words == 0 {
		t.Fatal("no sentences compared")
	}
	uas := float64(st.uas) / float64(st.words)
	las := float64(st.las) / float64(st.words)
	t.Logf("compared %d sentences, %d words: UAS agreement %.3f, LAS agreement %.3f", st.sents, st.words, uas, las)
	for _, r := range []string{"nsubj", "nsubj:pass", "obj", "iobj", "obl", "case", "xcomp", "ccomp", "conj", "cc", "compound", "amod", "flat", "advmod", "aux", "aux:pass", "cop", "mark", "det", "nmod", "nmod:poss", "acl", "acl:relcl", "advcl", "appos", "nummod", "compound:prt", "punct", "root", "parataxis"} {
		c := st.rel[r]
		if c[0] == 0 && c[1] == 0 {
			continue
		}
		p, rc := 0.0, 0.0
		if c[1] > 0 {
			p = float64(c[2]) / float64(c[1])
		}
		if c[0] > 0 {
			rc = float64(c[2]) / float64(c[0])
		}
		t.Logf("  %-12s gold %4d conv %4d both %4d  P %.2f R %.2f", r, c[0], c[1], c[2], p, rc)
	}
	if st.sents < 220 || uas < 0.80 || las < 0.75 {
		t.Errorf("agreement below floor: %d sentences, UAS %.3f, LAS %.3f", st.sents, uas, las)
	}
}
