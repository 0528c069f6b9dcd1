package output

import (
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/story"
)

func sampleEvent() *story.Event {
	return &story.Event{
		EventID: "voa:7:0", StoryID: "voa", SentenceIndex: 7, Date: "2015-02-20",
		Source: story.Actor{Code: "PRKGOV", Country: "PRK", Agent: "GOV", Text: "The diplomat", Start: 0, End: 12, FromContext: true},
		Target: story.Actor{Code: "USA", Country: "USA", Text: "Washington", Start: 29, End: 39},
		Code:   "112", RootCode: "11", Name: "Accuse", QuadClass: 3, Goldstein: -2,
		Verb:     story.Verb{Text: "claimed", Lemma: "claim", Start: 13, End: 20},
		Sentence: "The diplomat claimed that Washington\twas ...", Publisher: "Voice of America",
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	w, err := New("jsonl", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(sampleEvent()); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := `{"event_id":"voa:7:0","story_id":"voa","sentence_index":7,"date":"2015-02-20",` +
		`"source":{"code":"PRKGOV","country":"PRK","agent":"GOV","text":"The diplomat","start":0,"end":12,"from_context":true},` +
		`"target":{"code":"USA","country":"USA","text":"Washington","start":29,"end":39},` +
		`"code":"112","root_code":"11","name":"Accuse","quad_class":3,"goldstein":-2,` +
		`"verb":{"text":"claimed","lemma":"claim","start":13,"end":20},"issues":[],` +
		`"sentence":"The diplomat claimed that Washington\twas ...","url":"","publisher":"Voice of America"}` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestTSVEvtsLayout(t *testing.T) {
	var buf bytes.Buffer
	w, _ := New("tsv", &buf)
	e := sampleEvent()
	e.Issues = []story.Issue{{Code: "HUMAN_RIGHTS", Count: 2}}
	e.SentenceIDs = []string{"voa_8"}
	e.Verb.Text = "claimed\tthat"
	_ = w.Write(e)
	_ = w.Flush()
	want := "20150220\tPRKGOV\tUSA\t112\tHUMAN_RIGHTS,2\tvoa_8\tVoice of America\tThe diplomat\tWashington\tclaimed that\n"
	if buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}
	// With a URL the URL column appears before the source label.
	buf.Reset()
	e.URL = "https://example.org/a"
	e.Publisher = ""
	_ = w.Write(e)
	_ = w.Flush()
	want = "20150220\tPRKGOV\tUSA\t112\tHUMAN_RIGHTS,2\tvoa_8\thttps://example.org/a\tNULL\tThe diplomat\tWashington\tclaimed that\n"
	if buf.String() != want {
		t.Errorf("got %q\nwant %q", buf.String(), want)
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	w, _ := New("csv", &buf)
	_ = w.Write(sampleEvent())
	_ = w.Flush()
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if len(lines) != 2 {
		t.Fatalf("want header + 1 row, got %d lines:\n%s", len(lines), buf.String())
	}
	if !bytes.HasPrefix(lines[1], []byte("voa:7:0,voa,7,,2015-02-20,PRKGOV,PRK,GOV,The diplomat,0,12,true,USA,USA,,Washington,29,39,false,112,11,Accuse,3,-2,")) {
		t.Errorf("row: %s", lines[1])
	}
	// An empty run still writes the header.
	buf.Reset()
	w, _ = New("csv", &buf)
	_ = w.Flush()
	if got := bytes.Count(buf.Bytes(), []byte("\n")); got != 1 {
		t.Errorf("empty CSV: %q", buf.String())
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}); err == nil {
		t.Fatal("want error for unknown format")
	}
}

func TestCSVControlCharacters(t *testing.T) {
	e := sampleEvent()
	e.Sentence = "Iran \x1b[31mthreatened\x1b[0m Israel\x07 on\u009b Monday.\tOK"
	e.Source.Text = "Iran\x7f"
	var buf bytes.Buffer
	w, _ := New("csv", &buf)
	_ = w.Write(e)
	_ = w.Flush()
	out := buf.String()
	for _, bad := range []string{"\x1b", "\x07", "\x7f", "\u009b"} {
		if bytes.Contains([]byte(out), []byte(bad)) {
			t.Errorf("CSV holds control character %q:\n%s", bad, out)
		}
	}
	if !bytes.Contains([]byte(out), []byte(",Iran  [31mthreatened [0m Israel  on  Monday.\tOK,")) || !bytes.Contains([]byte(out), []byte(",Iran ,")) {
		t.Errorf("CSV text fields:\n%s", out)
	}
}
