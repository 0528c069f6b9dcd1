package conllu

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know, Bob.
1	I	I	PRON	PRP	Case=Nom|Number=Sing|Person=1|PronType=Prs	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	,	,	PUNCT	,	_	6	punct	6:punct	_
5.1	x	x	X	X	_	_	_	4:dep	_
6	Bob	Bob	PROPN	NNP	Number=Sing	4	vocative	4:vocative	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	4:punct	_

`

func TestReadSample(t *testing.T) {
	ss, errs := ReadAll(strings.NewReader(sample), "sample.conllu")
	if len(errs) != 0 || len(ss) != 1 {
		t.Fatalf("got %d sentences, errors %v", len(ss), errs)
	}
	s := ss[0]
	if s.ID != "s1" || s.Text != "I don't know, Bob." || s.Line != 1 {
		t.Fatalf("sentence header: %+v", s)
	}
	if !reflect.DeepEqual(s.Comments, []string{"# newdoc id = d1"}) {
		t.Errorf("comments %q", s.Comments)
	}
	if len(s.Tokens) != 7 {
		t.Fatalf("%d tokens, want 7", len(s.Tokens))
	}
	want := []struct {
		form       string
		start, end int
		head       int
		space      bool
	}{
		{"I", 0, 1, 4, true}, {"do", 2, 4, 4, false}, {"n't", 4, 7, 4, true}, {"know", 8, 12, 0, false},
		{",", 12, 13, 6, true}, {"Bob", 14, 17, 4, false}, {".", 17, 18, 4, true},
	}
	for i, w := range want {
		g := s.Tokens[i]
		if g.Form != w.form || g.Start != w.start || g.End != w.end || g.Head != w.head || g.SpaceAfter != w.space {
			t.Errorf("token %d = %+v, want %+v", i+1, g, w)
		}
		if s.Text[g.Start:g.End] != g.Form {
			t.Errorf("token %d offsets %d:%d give %q", i+1, g.Start, g.End, s.Text[g.Start:g.End])
		}
	}
	if s.Tokens[2].Lemma != "not" || s.Tokens[2].UPOS != "PART" || s.Tokens[2].XPOS != "RB" || s.Tokens[4].Feats != "" {
		t.Errorf("columns: %+v %+v", s.Tokens[2], s.Tokens[4])
	}
}

func TestBadSentenceSkipped(t *testing.T) {
	in := "# text = a b\n1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\tzero\troot\t_\t_\n\n" +
		"1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n\n" +
		"1\tx\tx\tX\tX\t_\t0\troot\t_\n\n" +
		"1\ty\ty\tX\tX\t_\t5\troot\t_\t_\n\n" +
		"2\tz\tz\tX\tX\t_\t0\troot\t_\t_\n\n"
	ss, errs := ReadAll(strings.NewReader(in), "bad.conllu")
	if len(ss) != 1 || ss[0].Tokens[0].Form != "ok" || ss[0].Line != 5 {
		t.Fatalf("sentences %+v", ss)
	}
	want := []string{
		`bad.conllu:3: bad HEAD "zero"`,
		"bad.conllu:7: 9 columns, want 10 TAB-separated columns",
		"bad.conllu:9: HEAD 5 beyond the sentence's 1 words",
		"bad.conllu:11: word ID 2 out of sequence (want 1)",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, e := range errs {
		var pe *ParseError
		if !errors.As(e, &pe) || e.Error() != want[i] {
			t.Errorf("error %d = %v, want %s", i, e, want[i])
		}
	}
}

func TestRoundTrip(t *testing.T) {
	ss, errs := ReadAll(strings.NewReader(sample), "sample.conllu")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var buf bytes.Buffer
	if err := Write(&buf, &ss[0].Sentence, ss[0].Comments...); err != nil {
		t.Fatal(err)
	}
	again, errs := ReadAll(&buf, "again")
	if len(errs) != 0 || len(again) != 1 {
		t.Fatal(errs)
	}
	// The multiword token is not written back, so "do" and "n't" get their own spans: still the same.
	if !reflect.DeepEqual(again[0].Sentence, ss[0].Sentence) || !reflect.DeepEqual(again[0].Comments, ss[0].Comments) {
		t.Errorf("round trip changed the sentence:\n%+v\n%+v", again[0], ss[0])
	}
}

// TestRoundTripEWT reads the whole EWT dev file, writes it and reads it back.
func TestRoundTripEWT(t *testing.T) {
	p := sharedtest.Path(t, "data/ud-english-ewt/en_ewt-ud-dev.conllu")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, errs := ReadAll(f, p)
	if len(errs) != 0 {
		t.Fatalf("errors reading EWT dev: %v", errs[:min(5, len(errs))])
	}
	if len(ss) != 2001 {
		t.Fatalf("%d sentences, want 2001", len(ss))
	}
	words, unaligned := 0, 0
	var buf bytes.Buffer
	for i := range ss {
		for _, tk := range ss[i].Tokens {
			words++
			if tk.Start < 0 {
				unaligned++
			}
		}
		if err := Write(&buf, &ss[i].Sentence, ss[i].Comments...); err != nil {
			t.Fatal(err)
		}
	}
	if words != 25147 {
		t.Errorf("%d words, want 25147", words)
	}
	if unaligned != 0 {
		t.Errorf("%d words not aligned with # text", unaligned)
	}
	again, errs := ReadAll(&buf, "written")
	if len(errs) != 0 || len(again) != len(ss) {
		t.Fatalf("re-read: %d sentences, errors %v", len(again), errs)
	}
	for i := range ss {
		a, b := again[i].Sentence, ss[i].Sentence
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("sentence %s changed in round trip:\n%+v\n%+v", ss[i].ID, a, b)
		}
	}
}

func TestParseLinesAndNormalizeV1(t *testing.T) {
	block := `
	1	Arnor	Arnor	PROPN	NNP	Number=Sing	3	nsubjpass	_	_
	2	was	be	AUX	VBD	Mood=Ind	3	auxpass	_	_
	3	attacked	attack	VERB	VBN	Tense=Past	0	root	_	_
	4	by	by	ADP	IN	_	5	case	_	_
	5	Gondor	Gondor	PROPN	NNP	Number=Sing	3	nmod:agent	_	_
	6	not	not	PART	RB	_	3	neg	_	_
	7	leaders	leader	NOUN	NNS	Number=Plur	3	dobj	_	_
	8	of	of	ADP	IN	_	9	case	_	_
	9	Rohan	Rohan	PROPN	NNP	_	7	nmod	_	_
	10	today	today	NOUN	NN	_	3	nmod:tmod	_	_
`
	s, err := ParseLines(block)
	if err != nil {
		t.Fatal(err)
	}
	if s.Text != "Arnor was attacked by Gondor not leaders of Rohan today" {
		t.Errorf("text %q", s.Text)
	}
	NormalizeV1(&s)
	got := make([]string, len(s.Tokens))
	for i, tk := range s.Tokens {
		got[i] = tk.Deprel
	}
	want := []string{"nsubj:pass", "aux:pass", "root", "case", "obl:agent", "advmod", "obj", "case", "nmod", "obl:tmod"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("deprels %q, want %q", got, want)
	}
	if s.Tokens[5].Feats != "Polarity=Neg" {
		t.Errorf("neg feats %q", s.Tokens[5].Feats)
	}
	// Copula predicate: nmod on a NOUN with a cop child becomes obl.
	s2, err := ParseLines("1\tHe\the\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n3\thome\thome\tNOUN\tNN\t_\t0\troot\t_\t_\n4\tnow\tnow\tNOUN\tNN\t_\t3\tnmod\t_\t_")
	if err != nil {
		t.Fatal(err)
	}
	NormalizeV1(&s2)
	if s2.Tokens[3].Deprel != "obl" {
		t.Errorf("nmod on copula predicate = %q, want obl", s2.Tokens[3].Deprel)
	}
	if _, err := ParseLines("1\tx\n"); err == nil || !strings.Contains(err.Error(), "line 1:") {
		t.Errorf("bad line error %v", err)
	}
}

func TestParseTokenLine(t *testing.T) {
	id, tk, err := ParseTokenLine("7\tleaders\tleader\tNOUN\tNNS\tNumber=Plur\t3\tobj\t_\tSpaceAfter=No")
	if err != nil || id != 7 || tk.Lemma != "leader" || tk.Head != 3 || tk.SpaceAfter || tk.Feats != "Number=Plur" {
		t.Errorf("got %d %+v %v", id, tk, err)
	}
	if _, _, err := ParseTokenLine("1-2\ta\t_\t_\t_\t_\t_\t_\t_\t_"); err == nil {
		t.Error("range line accepted")
	}
}

func TestAddFeat(t *testing.T) {
	for _, c := range [][3]string{
		{"", "Polarity=Neg", "Polarity=Neg"},
		{"Mood=Ind|Tense=Pres", "Polarity=Neg", "Mood=Ind|Polarity=Neg|Tense=Pres"},
		{"Polarity=Neg", "Polarity=Neg", "Polarity=Neg"},
		{"Abbr=Yes", "Polarity=Neg", "Abbr=Yes|Polarity=Neg"},
	} {
		if g := addFeat(c[0], c[1]); g != c[2] {
			t.Errorf("addFeat(%q,%q)=%q want %q", c[0], c[1], g, c[2])
		}
	}
}

func TestEmptyAndGarbage(t *testing.T) {
	for _, in := range []string{"", "\n\n\n", "\x00\xff\xfe", "# only a comment\n"} {
		ss, errs := ReadAll(strings.NewReader(in), "x")
		if len(ss) != 0 {
			t.Errorf("%q gave sentences %+v", in, ss)
		}
		_ = errs
	}
	r := NewReader(strings.NewReader(""), "x")
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("empty input: %v", err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n")
	f.Add("1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Add("# text = \xff\n1\t\xff\t_\t_\t_\t_\t0\t_\t_\t_\n")
	f.Add("# text = a\x1b[31mb\u009b\n1\ta\x07\t_\t_\t_\t_\t0\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, _ := ReadAll(strings.NewReader(in), "fuzz")
		for i := range ss {
			s := &ss[i].Sentence
			for _, tk := range s.Tokens {
				if tk.Head < -1 || tk.Head > len(s.Tokens) {
					t.Fatalf("head %d out of range", tk.Head)
				}
				if tk.Start >= 0 && (tk.End > len(s.Text) || tk.Start > tk.End) {
					t.Fatalf("bad span %d:%d in %q", tk.Start, tk.End, s.Text)
				}
			}
			NormalizeV1(s)
			var buf bytes.Buffer
			if err := Write(&buf, s); err != nil {
				t.Fatal(err)
			}
			again, errs := ReadAll(&buf, "again")
			if len(errs) != 0 || len(again) != 1 || len(again[0].Tokens) != len(s.Tokens) {
				t.Fatalf("written sentence does not read back: %v\n%s", errs, buf.String())
			}
		}
		_, _ = ParseLines(in)
	})
}

func TestNewDocID(t *testing.T) {
	for _, tc := range []struct {
		line, id string
		ok       bool
	}{
		{"# newdoc id = example-talks", "example-talks", true},
		{"#newdoc id=d2", "d2", true},
		{"# newdoc", "", true},
		{"# newdoc\tid = d3 ", "d3", true},
		{"# newdocument = x", "", false},
		{"# newpar id = p1", "", false},
		{"# sent_id = s1", "", false},
		{"newdoc id = x", "", false},
	} {
		id, ok := NewDocID(tc.line)
		if id != tc.id || ok != tc.ok {
			t.Errorf("NewDocID(%q) = %q, %v; want %q, %v", tc.line, id, ok, tc.id, tc.ok)
		}
	}
}

// TestDocuments checks Sentence.Doc and DocID: a "# newdoc" starts a document, also when the
// sentence that carries it is skipped for a bad line.
func TestDocuments(t *testing.T) {
	word := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
	in := "# sent_id = a\n" + word +
		"# newdoc id = d1\n# sent_id = b\n" + word +
		"# sent_id = c\n" + word +
		"# newdoc id = d2\n# sent_id = bad\n1\tHi\n\n" +
		"# sent_id = d\n" + word +
		"# newdoc\n# sent_id = e\n" + word
	ss, errs := ReadAll(strings.NewReader(in), "docs.conllu")
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	var got []string
	for _, s := range ss {
		got = append(got, fmt.Sprintf("%s:%d:%s", s.ID, s.Doc, s.DocID))
	}
	want := "a:0:|b:1:d1|c:1:d1|d:2:d2|e:3:"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("sentences %s, want %s", g, want)
	}
}

func TestWriteControlCharacters(t *testing.T) {
	s := story.Sentence{ID: "s\x1b1", Text: "Obama\x07 met\x1b[31m Putin\u009b in \xffMoscow.\tOK",
		Tokens: []story.Token{{Form: "Obama\x7f", Head: 0, Deprel: "root", SpaceAfter: true}}}
	var b strings.Builder
	if err := Write(&b, &s); err != nil {
		t.Fatal(err)
	}
	want := "# sent_id = s 1\n# text = Obama  met [31m Putin  in \xffMoscow. OK\n1\tObama\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
