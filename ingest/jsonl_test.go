package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/story"
)

func readJSONLString(t testing.TB, in string) ([]*story.Story, []error, int) {
	var got []*story.Story
	var warns []error
	failed, err := ReadJSONL("dump.jsonl", strings.NewReader(in), Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e) })
	if err != nil {
		t.Fatalf("err %v", err)
	}
	return got, warns, failed
}

func TestReadJSONL(t *testing.T) {
	in := `{"id": "a1", "date": "2015-02-20", "title": "T", "text": "Kim met Putin.", "url": "https://x.org/a", "publisher": "VOA"}
not json at all
{"id": 42, "text": "Numeric id."}

{"date": "unknown", "text": "No id, bad date."}
{"id": "e", "text": ""}
{"id": "f"}
{"id": "g", "text": 7}
["an", "array"]
{"id": "h", "text": "CAFE line.", "outlet": "O"}
{"id": "i", "text": "truncated
`
	got, warns, failed := readJSONLString(t, strings.Replace(in, "CAFE", "Caf\xe9", 1))
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "a1,42,dump-5,h" {
		t.Fatalf("ids %v", ids)
	}
	a := got[0]
	if a.Title != "T" || a.Text != "Kim met Putin." || a.URL != "https://x.org/a" || a.Publisher != "VOA" ||
		a.Date.Format(time.DateOnly) != "2015-02-20" || a.Origin != "dump.jsonl:1" {
		t.Errorf("story 1 = %+v", *a)
	}
	if got[2].Date != day0 || len(got[2].Warnings) != 1 {
		t.Errorf("bad date: %v %v", got[2].Date, got[2].Warnings)
	}
	// "h" has bad UTF-8 and no date; "42" no date.
	if got[3].Text != "Caf\uFFFD line." || got[3].Publisher != "O" || len(got[3].Warnings) != 2 ||
		got[3].Warnings[1] != `dump.jsonl:10: story "h": no date; using 2020-01-02` {
		t.Errorf("utf8 story %+v", *got[3])
	}
	// Lines 2, 6, 7, 8, 9, 11 fail.
	if failed != 6 {
		t.Errorf("failed = %d, want 6 (warnings %v)", failed, warns)
	}
	lines := map[int]bool{}
	for _, w := range warns {
		var ie *InputError
		if !errors.As(w, &ie) || ie.Name != "dump.jsonl" || ie.Line == 0 {
			t.Errorf("warning %v does not name file and line", w)
			continue
		}
		lines[ie.Line] = true
	}
	if len(got[1].Warnings) != 1 || got[1].Warnings[0] != `dump.jsonl:3: story "42": no date; using 2020-01-02` {
		t.Errorf("story 42 warnings %q", got[1].Warnings)
	}
	for _, l := range []int{2, 3, 5, 6, 7, 8, 9, 10, 11} {
		if !lines[l] {
			t.Errorf("no warning for line %d (%v)", l, warns)
		}
	}
}

func TestReadJSONLEmitError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := ReadJSONL("x", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), Options{},
		func(*story.Story) error { n++; return stop }, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d stories", err, n)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	// A record longer than the reader's buffer is read whole.
	long := strings.Repeat("word ", 50000)
	got, warns, failed := readJSONLString(t, `{"id":"long","date":"2020-01-01","text":"`+long+`"}`+"\n"+`{"id":"next","date":"2020-01-01","text":"x"}`)
	if failed != 0 || len(warns) != 0 || len(got) != 2 || len(got[0].Text) != len(long) {
		t.Errorf("failed %d warns %v stories %d", failed, warns, len(got))
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a1", "date": "2015-02-20", "title": "T", "text": "Kim met Putin.", "url": "u", "publisher": "VOA"}` + "\n"))
	f.Add([]byte("{\"text\": \"x\"}\n{bad\n\n{\"id\": null, \"text\": \"Breaking News\\nA.\"}"))
	f.Add([]byte(`{"text": "\ud800", "date": 1e400}`))
	f.Add([]byte("\xef\xbb\xbf{\"text\":\"\xff\"}\r\n"))
	f.Add([]byte("[{\"id\": \"a\", \"text\": \"x\"},\n 3, {\"text\": \"y\"} ]"))
	f.Add([]byte(" [ {\"text\": \"x\"} {"))
	f.Add([]byte(`{"id":"t","title":"Three Soldiers Killed In Afghan Attack","text":"Three Soldiers Killed In Afghan Attack\nShare"}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadJSONL("f.jsonl", strings.NewReader(string(data)), Options{DefaultDate: day0},
			func(s *story.Story) error {
				if s.ID == "" || !isValidUTF8(s.Text) || strings.TrimSpace(s.Text) == "" || s.Date.IsZero() {
					t.Fatalf("bad story %+v", s)
				}
				return nil
			},
			func(e error) {
				if !strings.HasPrefix(e.Error(), "f.jsonl:") {
					t.Fatalf("warning %q does not name the input", e)
				}
			})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestReadJSONArray(t *testing.T) {
	in := "\xef\xbb\xbf[\n  {\"id\": \"a\", \"date\": \"2015-02-19\", \"text\": \"First.\"},\n  {\"id\": \"b\"},\n\n  {\"id\": \"c\", \"text\": \"Third.\",\n   \"date\": \"2015-02-20\"},\n  \"not an object\",\n  {\"id\": \"d\", \"date\": \"2015-02-21\", \"text\": \"Fourth.\"}\n]\n"
	got, warns, failed := readJSONLString(t, in)
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID+"@"+s.Origin)
	}
	if strings.Join(ids, ",") != "a@dump.jsonl:2,c@dump.jsonl:5,d@dump.jsonl:8" || failed != 2 {
		t.Errorf("stories %v failed %d warnings %v", ids, failed, warns)
	}
	if len(warns) != 2 || !strings.HasPrefix(warns[0].Error(), "dump.jsonl:3: ") || !strings.HasPrefix(warns[1].Error(), "dump.jsonl:7: ") {
		t.Errorf("warnings %v", warns)
	}
	// A broken array keeps the stories before the break.
	got, warns, failed = readJSONLString(t, "[{\"text\": \"One.\", \"date\": \"2015-02-19\"},\n{\"text\": \"Two.\", \"date\": \"2015-02-19\"}\n{\"text\": \"Three.\"}]")
	if len(got) != 2 || failed != 1 || len(warns) != 1 || !strings.HasPrefix(warns[0].Error(), "dump.jsonl:3: broken JSON array") {
		t.Errorf("broken array: %d stories, failed %d, warnings %v", len(got), failed, warns)
	}
}
