package ptb

import (
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))",
			"(S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .))"},
		{"( (S (NP (PRP He)) (VP (VBD left))) )", "(S (NP (PRP He)) (VP (VBD left)))"},
		{"\n (ROOT\n  (S\n    (NP (NNP Kim) )\n    (VP (VBD spoke))  ) \n) \n", "(S (NP (NNP Kim)) (VP (VBD spoke)))"},
		{"(ROOT (NP (-LRB- -LRB-) (NN x) (-RRB- -RRB-)))", "(NP (-LRB- -LRB-) (NN x) (-RRB- -RRB-))"},
		{"(NP (NN a) (NN b))", "(NP (NN a) (NN b))"},
		{"(ROOT (S (NP (NN a))) (S (NP (NN b))))", "(ROOT (S (NP (NN a))) (S (NP (NN b))))"},
	} {
		tr, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := tr.String(); got != c.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	tr, err := Parse("(S (`` ``) (NP (NNP U.S.) (-LRB- -LRB-) (NN a\\/b) (-RRB- -RRB-)) ('' ''))")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, l := range tr.Leaves() {
		words = append(words, l.Word)
	}
	if got := strings.Join(words, " "); got != `" U.S. ( a/b ) "` {
		t.Errorf("escapes undone: %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in         string
		line, col  int
		msgContain string
	}{
		{"", 1, 1, "empty"},
		{"   \n ", 1, 1, "empty"},
		{"S (NP x)", 1, 1, "does not start"},
		{"(S (NP (NN x))", 1, 1, "unclosed"},
		{"(S (NP (NN x))))", 1, 16, "text after"},
		{"(S\n (NP x (NN y)))", 2, 8, "expected ')'"},
		{"(S (NP (NN x) y))", 1, 15, "mixed"},
		{"(S ( x))", 1, 4, "empty node"},
		{"(S ())", 1, 4, "empty node"},
		{strings.Repeat("(S ", 2000) + "(NN x)" + strings.Repeat(")", 2000), 1, 0, "nested deeper"},
	} {
		_, err := Parse(c.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.30q): error %v, want a *SyntaxError", c.in, err)
			continue
		}
		if !strings.Contains(se.Msg, c.msgContain) || se.Line != c.line || (c.col > 0 && se.Col != c.col) {
			t.Errorf("Parse(%.30q) = %v, want line %d col %d %q", c.in, err, c.line, c.col, c.msgContain)
		}
	}
	if _, err := ToDependencies(nil); err == nil {
		t.Error("ToDependencies(nil): no error")
	}
	if _, err := Convert("(ROOT (S (-NONE- *T*)))"); err == nil {
		t.Error("a tree of empty elements converted")
	}
}

// conll renders a converted sentence as "form/UPOS/head/deprel" lines for table tests.
func rels(s story.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		head := "ROOT"
		if t.Head > 0 {
			head = s.Tokens[t.Head-1].Form
		}
		b.WriteString(t.Deprel + "(" + head + "," + t.Form + ")")
	}
	return b.String()
}

func TestToDependencies(t *testing.T) {
	for _, c := range []struct{ name, tree, want string }{
		{"active transitive", "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))",
			"nsubj(invaded,Germany) root(ROOT,invaded) obj(invaded,France) punct(invaded,.)"},
		{"passive with agent and negation",
			"(ROOT (S (NP (NP (NNP North) (NNP Korea) (POS 's)) (NN leader)) (VP (VBD was) (RB not) (VP (VBN attacked) (PP (IN by) (NP (NNS rebels))))) (. .)))",
			"compound(Korea,North) nmod:poss(leader,Korea) case(Korea,'s) nsubj:pass(attacked,leader) aux:pass(attacked,was) advmod(attacked,not) root(ROOT,attacked) case(rebels,by) obl:agent(attacked,rebels) punct(attacked,.)"},
		{"coordination, aux, xcomp",
			"( (S (NP (NP (NNP Brazil)) (CC and) (NP (DT the) (NNP United) (NNPS States))) (VP (AUXP are) (VP (VBG seeking) (S (VP (TO to) (VP (VB deepen) (NP (DT a) (NN partnership))))))) (. .)))",
			"nsubj(seeking,Brazil) cc(States,and) det(States,the) compound(States,United) conj(Brazil,States) aux(seeking,are) root(ROOT,seeking) mark(deepen,to) xcomp(seeking,deepen) det(partnership,a) obj(deepen,partnership) punct(seeking,.)"},
		{"copula", "(ROOT (S (NP (PRP He)) (VP (VBZ is) (NP (DT a) (JJ senior) (NN official))) (. .)))",
			"nsubj(official,He) cop(official,is) det(official,a) amod(official,senior) root(ROOT,official) punct(official,.)"},
		{"object control", "(ROOT (S (NP (PRP They)) (VP (VBD urged) (S (NP (PRP him)) (VP (TO to) (VP (VB leave))))) (. .)))",
			"nsubj(urged,They) root(ROOT,urged) obj(urged,him) mark(leave,to) xcomp(urged,leave) punct(urged,.)"},
		{"ccomp, modal, n't",
			"(ROOT (S (NP (NNS Officials)) (VP (VBD said) (SBAR (IN that) (S (NP (PRP they)) (VP (MD would) (RB n't) (VP (VB attend)))))) (. .)))",
			"nsubj(said,Officials) root(ROOT,said) mark(attend,that) nsubj(attend,they) aux(attend,would) advmod(attend,n't) ccomp(said,attend) punct(said,.)"},
		{"reported speech after the clause",
			"(ROOT (S (S (NP (NNP Iran)) (VP (VBD rejected) (NP (DT the) (NN offer)))) (, ,) (NP (NNS officials)) (VP (VBD said)) (. .)))",
			"nsubj(rejected,Iran) root(ROOT,rejected) det(offer,the) obj(rejected,offer) punct(said,,) nsubj(said,officials) parataxis(rejected,said) punct(rejected,.)"},
		{"oblique with case, particle, iobj",
			"(ROOT (S (NP (NNP Russia)) (VP (VBD gave) (NP (NNP Syria)) (NP (NNS weapons)) (PP (IN in) (NP (NNP May)))) (. .)))",
			"nsubj(gave,Russia) root(ROOT,gave) iobj(gave,Syria) obj(gave,weapons) case(May,in) obl(gave,May) punct(gave,.)"},
		{"phrasal verb", "(ROOT (S (NP (NNS Rebels)) (VP (VBD called) (PRT (RP off)) (NP (DT the) (NN truce)))))",
			"nsubj(called,Rebels) root(ROOT,called) compound:prt(called,off) det(truce,the) obj(called,truce)"},
		{"relative clause and apposition",
			"(ROOT (S (NP (NP (NNP Kim)) (, ,) (NP (DT the) (NN envoy)) (, ,)) (VP (VBD met) (NP (NP (NNS leaders)) (SBAR (WHNP (WP who)) (S (VP (VBD opposed) (NP (PRP it))))))) (. .)))",
			"nsubj(met,Kim) punct(envoy,,) det(envoy,the) appos(Kim,envoy) punct(envoy,,) root(ROOT,met) obj(met,leaders) nsubj(opposed,who) acl:relcl(leaders,opposed) obj(opposed,it) punct(met,.)"},
		{"inverted reported speech", "(ROOT (SINV (`` ``) (S (NP (PRP We)) (VP (MD will) (VP (VB fight)))) (, ,) ('' '') (VP (VBD said)) (NP (NNP Kim)) (. .)))",
			"punct(fight,\") nsubj(fight,We) aux(fight,will) root(ROOT,fight) punct(said,,) punct(fight,\") parataxis(fight,said) nsubj(said,Kim) punct(fight,.)"},
		{"coordinated passive verbs", "(ROOT (S (NP (NNS Rebels)) (VP (VBD were) (VP (VP (VBN arrested)) (CC and) (VP (VBN charged) (PP (IN by) (NP (NNS police)))))) (. .)))",
			"nsubj:pass(arrested,Rebels) aux:pass(arrested,were) root(ROOT,arrested) cc(charged,and) conj(arrested,charged) case(police,by) obl:agent(charged,police) punct(arrested,.)"},
		{"bare time noun phrase is not an object", "(ROOT (S (NP (NNP Kim)) (VP (VBD met) (NP (NNP Park)) (NP (JJ last) (NN week))) (. .)))",
			"nsubj(met,Kim) root(ROOT,met) obj(met,Park) amod(week,last) obl:tmod(met,week) punct(met,.)"},
		{"parenthesised name", "(ROOT (NP (NP (NNP Line)) (PRN (-LRB- -LRB-) (NNP LoC) (-RRB- -RRB-))))",
			"root(ROOT,Line) punct(LoC,() appos(Line,LoC) punct(LoC,))"},
		{"be about to", "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore) (NP (NNS ties))))))) (. .)))",
			"nsubj(about,Arnor) cop(about,is) root(ROOT,about) mark(restore,to) xcomp(about,restore) obj(restore,ties) punct(about,.)"},
		{"expletive and never",
			"(ROOT (S (NP (EX There)) (VP (VBD was) (ADVP (RB never)) (NP (DT a) (NN deal))) (. .)))",
			"expl(was,There) root(ROOT,was) advmod(was,never) det(deal,a) nsubj(was,deal) punct(was,.)"},
	} {
		s, err := Convert(c.tree)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := rels(s); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestLargeTrees checks that wide and deep trees convert in linear time (the test would time
// out otherwise) and stay valid.
func TestLargeTrees(t *testing.T) {
	var b strings.Builder
	b.WriteString("(ROOT (S (NP")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b.WriteString(" (, ,)")
		}
		b.WriteString(" (NP (DT the) (NN x))")
	}
	b.WriteString(" (CC and) (NP (NN y))) (VP (VBD met)) (. .)))")
	s, err := Convert(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tokens) != 60003 || s.Tokens[len(s.Tokens)-2].Deprel != "root" || s.Tokens[1].Deprel != "nsubj" || s.Tokens[4].Deprel != "conj" {
		t.Errorf("wide coordination: %d tokens, %s %s %s", len(s.Tokens), s.Tokens[len(s.Tokens)-2].Deprel, s.Tokens[1].Deprel, s.Tokens[4].Deprel)
	}
	deep := strings.Repeat("(NP (NN a) (PP (IN of) ", 300) + "(NP (NN b))" + strings.Repeat("))", 300)
	s, err = Convert(deep)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tokens) != 601 || CheckTree(s) != nil {
		t.Errorf("deep tree: %d tokens, %v", len(s.Tokens), CheckTree(s))
	}
}

func TestTokenFields(t *testing.T) {
	s, err := Convert("(ROOT (S (NP (NNP Kim) (NNS Forces)) (VP (VBD were) (VP (VBN stopped) (PP (-LRB- -LRB-) (NP (NN x)) (-RRB- -RRB-)))) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ form, lemma, upos, xpos string }{
		{"Kim", "Kim", "PROPN", "NNP"}, {"Forces", "force", "NOUN", "NNS"}, {"were", "be", "AUX", "VBD"},
		{"stopped", "stop", "VERB", "VBN"}, {"(", "(", "PUNCT", "-LRB-"}, {"x", "x", "NOUN", "NN"},
		{")", ")", "PUNCT", "-RRB-"}, {".", ".", "PUNCT", "."},
	}
	if len(s.Tokens) != len(want) {
		t.Fatalf("got %d tokens", len(s.Tokens))
	}
	for i, w := range want {
		tk := s.Tokens[i]
		if tk.Form != w.form || tk.Lemma != w.lemma || tk.UPOS != w.upos || tk.XPOS != w.xpos || tk.Start != -1 || tk.End != -1 {
			t.Errorf("token %d = %+v, want %+v", i, tk, w)
		}
	}
	if s.Text != "Kim Forces were stopped ( x ) ." || s.Start != -1 {
		t.Errorf("Text %q Start %d", s.Text, s.Start)
	}
	n := Align(&s, "Kim Forces were stopped (x).")
	if n != 8 || s.Tokens[4].Start != 24 || s.Tokens[4].SpaceAfter || !s.Tokens[3].SpaceAfter || s.Tokens[7].End != 28 {
		t.Errorf("Align: %d aligned, %+v", n, s.Tokens)
	}
	// text and parse that disagree: a missing word is skipped, an extra word is jumped over
	s, _ = Convert("(S (NP (NNP Kim)) (VP (VBD met) (NP (NNP Park))) (. .))")
	n = Align(&s, "KIM, the envoy, met “Park”")
	if n != 3 || s.Tokens[0].End != 3 || s.Tokens[1].Start != 16 || s.Tokens[2].Start != 23 || s.Tokens[3].Start != -1 {
		t.Errorf("Align with differences: %d aligned, %+v", n, s.Tokens)
	}
}

func TestLemma(t *testing.T) {
	for _, c := range []struct{ form, xpos, want string }{
		{"invaded", "VBD", "invade"}, {"stopped", "VBD", "stop"}, {"killed", "VBN", "kill"},
		{"denied", "VBD", "deny"}, {"says", "VBZ", "say"}, {"pushes", "VBZ", "push"},
		{"attacking", "VBG", "attack"}, {"making", "VBG", "make"}, {"running", "VBG", "run"},
		{"troops", "NNS", "troop"}, {"countries", "NNS", "country"}, {"policemen", "NNS", "policeman"},
		{"was", "VBD", "be"}, {"'s", "VBZ", "be"}, {"n't", "RB", "not"}, {"Ministers", "NNS", "minister"},
		{"Korea", "NNP", "Korea"}, {"criticized", "VBD", "criticize"}, {"threatened", "VBD", "threaten"},
		{"voted", "VBD", "vote"}, {"visited", "VBD", "visit"}, {"urged", "VBD", "urge"},
	} {
		if got := Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))",
		"( (S (NP (NP (NNP Brazil)) (CC and) (NP (NNPS States))) (VP (AUXP are) (VP (VBG seeking)))) )",
		"(S (S (NP (PRP I)) (VP (VBD won))) (, ,) (NP (PRP he)) (VP (VBD said)))",
		"(NP (-LRB- -LRB-) (NN x) (-RRB- -RRB-))", "(", ")", "(()", "(S (NP x) y)", "(X (-NONE- *))",
		"(VP (VBZ is) (NP (DT a) (NN leader)) (CC and) (VP (VBD was)))", "(PP (IN by) (S (VP (VBG going))))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := Parse(s)
		if err != nil {
			return
		}
		d, err := ToDependencies(tr)
		if err != nil {
			if strings.Contains(err.Error(), "invalid tree") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if err := CheckTree(d); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		// a printed tree reads back the same
		tr2, err := Parse(tr.String())
		if err != nil || tr2.String() != tr.String() {
			t.Fatalf("round trip of %q: %v", tr.String(), err)
		}
	})
}

// BenchmarkPTB measures reading and converting the PETRARCH unit-test parses (bytes of parse
// text per second).
func BenchmarkPTB(b *testing.B) {
	recs := readRecords(b, sharedtest.Path(b, "data/petrarch2/PETR.UnitTest.records.xml"))
	var parses []string
	n := 0
	for _, r := range recs {
		if !r.badParse && strings.TrimSpace(r.parse) != "" {
			parses = append(parses, r.parse)
			n += len(r.parse)
		}
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range parses {
			if _, err := Convert(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
