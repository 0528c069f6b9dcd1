package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

const sample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- comment -->
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A1.txt, A2.txt</Actorfile>
    <Include>valid DEMO</Include>
    <Config option="stop_on_error" value="True" />
</Environment>
<Sentences>
<Sentence source="DEMO" date = "19950101" id="DEMO_00" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor restored  ties
with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	restored	restore	VERB	VBD	_	0	root	_	_
3	ties	tie	NOUN	NNS	_	2	dobj	_	_
4	with	with	ADP	IN	_	5	case	_	_
5	Gondor	Gondor	PROPN	NNP	_	2	nmod	_	_
6	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Config option="require_dyad" value="false" />
<Sentence date="20150230" id="BAD_1" sentence="true"><Text>x</Text></Sentence>
<Sentence date="20150101" id="BROKEN_1" sentence="true"><Text>x</Tixt></Sentence>
<Sentence date="150102" id="DEMO-01" category="VERB" sentence="True">
<EventCoding noevents = "True"></EventCoding>
<EventCoding error="sentencediscard"></EventCoding>
<Skip/>
<Text>Arnor &amp; Gondor</Text>
</Sentence>
<Stop/>
</Sentences>
</Validation>
`

func TestRead(t *testing.T) {
	f, errs := Read([]byte(sample), "x.xml")
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want 2", errs)
	}
	if !strings.Contains(errs[0].Error(), "x.xml:26:") || !strings.Contains(errs[0].Error(), "no such day") {
		t.Errorf("first error = %v", errs[0])
	}
	if !strings.Contains(errs[1].Error(), "x.xml:27:") || !strings.Contains(errs[1].Error(), "record starting at line 27") {
		t.Errorf("second error = %v", errs[1])
	}
	env := f.Environment
	if env == nil || env.Verbfile != "V.txt" || strings.Join(env.Actorfiles, "|") != "A1.txt|A2.txt" ||
		strings.Join(env.Include, " ") != "valid DEMO" || len(env.Config) != 1 {
		t.Fatalf("environment = %+v", env)
	}
	var kinds []string
	for _, it := range f.Items {
		switch {
		case it.Record != nil:
			kinds = append(kinds, "R:"+it.Record.ID)
		case it.Config != nil:
			kinds = append(kinds, "C:"+it.Config.Option+"="+it.Config.Value)
		case it.Stop:
			kinds = append(kinds, "STOP")
		}
	}
	if got, want := strings.Join(kinds, " "), "R:DEMO_00 C:require_dyad=false R:DEMO-01 STOP"; got != want {
		t.Fatalf("items = %s, want %s", got, want)
	}
	r := f.Items[0].Record
	if r.StoryID != "DEMO" || r.SentNo != 0 || r.Category != "DEMO" || !r.SentenceMode || r.Line != 11 ||
		r.Text != "Arnor restored ties with Gondor." || r.ParseKind != ParseCoNLLU ||
		!r.Date.Equal(time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("record = %+v", r)
	}
	if len(r.Codings) != 1 || r.Codings[0] != (Coding{Source: "ARN", Target: "GON", Event: "050", Line: 12}) {
		t.Errorf("codings = %+v", r.Codings)
	}
	s, err := r.Sentence(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tokens) != 6 || s.Tokens[2].Deprel != "obj" || s.Tokens[4].Deprel != "obl" ||
		s.Tokens[4].Start != 25 || s.Tokens[4].End != 31 {
		t.Errorf("tokens = %+v", s.Tokens)
	}
	r2 := f.Items[2].Record
	if r2.StoryID != "DEMO-01" || r2.SentNo != 1 || r2.Category != "VERB" || !r2.Skip || r2.Text != "Arnor & Gondor" ||
		len(r2.Codings) != 2 || !r2.Codings[0].NoEvents || r2.Codings[1].Error != "sentencediscard" ||
		r2.Date.Year() != 2015 {
		t.Errorf("record 2 = %+v", r2)
	}
}

func TestSplitIDAndDate(t *testing.T) {
	for _, c := range []struct {
		id, story string
		n         int
	}{{"AFP0808020625_4", "AFP0808020625", 4}, {"DEMO-00", "DEMO-00", 1}, {"NULL-1107c5f6_x_1", "NULL-1107c5f6_x", 1}, {"A_b", "A_b", 1}} {
		s, n := SplitID(c.id)
		if s != c.story || n != c.n {
			t.Errorf("SplitID(%q) = %q, %d", c.id, s, n)
		}
	}
	for in, ok := range map[string]bool{"20080229": true, "20070229": false, "991231": true, "2004017": false, "": false} {
		if _, err := ParseDate(in); (err == nil) != ok {
			t.Errorf("ParseDate(%q) error %v", in, err)
		}
	}
	if d, _ := ParseDate("300101"); d.Year() != 2030 {
		t.Errorf("YY 30 → %d", d.Year())
	}
	if d, _ := ParseDate("310101"); d.Year() != 1931 {
		t.Errorf("YY 31 → %d", d.Year())
	}
}

func TestStoriesShared(t *testing.T) {
	path := sharedtest.Path(t, "data/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
	f, errs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	recs := f.Records()
	if len(recs) != 284 {
		t.Fatalf("records = %d, want 284", len(recs))
	}
	n := 0
	for _, r := range recs {
		n += len(r.Codings)
	}
	if n != 375 {
		t.Errorf("codings = %d, want 375", n)
	}
	sts, errs := Stories(f, StoryOptions{})
	if len(errs) != 0 {
		t.Fatalf("story errors: %v", errs[0])
	}
	total := 0
	for _, st := range sts {
		total += len(st.Sentences)
	}
	if total != 284 {
		t.Errorf("sentences = %d", total)
	}
	if sts[0].ID != "ABOUT" {
		t.Errorf("first story %q", sts[0].ID)
	}
}

func TestPTBFileShared(t *testing.T) {
	path := sharedtest.Path(t, "data/petrarch2/PETR.UnitTest.records.xml")
	f, errs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	recs := f.Records()
	if len(recs) != 284 {
		t.Fatalf("records = %d, want 284", len(recs))
	}
	n, cfg := 0, 0
	for _, r := range recs {
		n += len(r.Codings)
		if r.ParseKind != ParsePTB && r.Category != "ERROR" {
			t.Errorf("%s: parse kind %v", r.ID, r.ParseKind)
		}
	}
	for _, it := range f.Items {
		if it.Config != nil {
			cfg++
		}
	}
	if n != 385 || cfg != 28 {
		t.Errorf("codings = %d (want 385), configs = %d (want 28)", n, cfg)
	}
}

func TestGigaWordShared(t *testing.T) {
	path := sharedtest.Path(t, "data/petrarch2/GigaWord.sample.PETR.xml")
	f, errs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(f.Records()) != 76 {
		t.Fatalf("records = %d, want 76", len(f.Records()))
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(`<Sentences><Sentence date="20150101" id="A_1" sentence="True"><Text>a</Text><Parse>(ROOT (S (NP (NNP A))))</Parse></Sentence></Sentences>`))
	f.Add([]byte(`<Sentence id="x"><Parse>1	a	a	X	X	_	0	root	_	_</Parse><Text>a &bogus; <</Text>`))
	// Seeds from the shared PETRARCH files, when present: their openings and a cut-off copy.
	if root := sharedtest.Root(); root != "" {
		for _, rel := range []string{"data/petrarch2/GigaWord.sample.PETR.xml", "data/petrarch2/PETR.UnitTest.records.xml",
			"data/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"} {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil || len(data) < 12000 {
				continue
			}
			f.Add(data[:12000])
			f.Add(data[3000:9000])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, _ := Read(data, "fuzz.xml")
		for _, r := range file.Records() {
			_, _ = r.Sentence(nil)
		}
		_, _ = Stories(file, StoryOptions{})
	})
}
