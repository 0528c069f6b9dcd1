package dyad_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/output"
	"github.com/dyad-events/dyad/story"
)

var update = flag.Bool("update", false, "rewrite the golden event files in testdata/examples/")

// codeFiles codes the given story files with the default pipeline and returns the JSONL events.
func codeFiles(t *testing.T, p *dyad.Pipeline, paths ...string) []byte {
	t.Helper()
	var stories []*story.Story
	failed, err := ingest.Read(context.Background(), paths, ingest.Options{}, func(st *story.Story) error {
		stories = append(stories, st)
		return nil
	}, func(err error) { t.Errorf("ingest: %v", err) })
	if err != nil || failed > 0 {
		t.Fatalf("ingest: failed=%d err=%v", failed, err)
	}
	var buf bytes.Buffer
	w, _ := output.New("jsonl", &buf)
	i := 0
	err = p.Run(func() (*story.Story, bool) {
		if i == len(stories) {
			return nil, false
		}
		i++
		return stories[i-1], true
	}, func(c dyad.Coded) error {
		for k := range c.Result.Events {
			if err := w.Write(&c.Result.Events[k]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = w.Flush()
	return buf.Bytes()
}

var (
	defaultPipeline *dyad.Pipeline
	defaultErr      error
)

func pipeline(t *testing.T) *dyad.Pipeline {
	t.Helper()
	if defaultPipeline == nil && defaultErr == nil {
		defaultPipeline, defaultErr = dyad.New(dyad.DefaultOptions())
	}
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultPipeline
}

// TestExamplesGolden codes every story in examples/ and compares the events with its golden
// file testdata/examples/NAME.events.jsonl (kept out of examples/ so that `dyad code examples/`
// reads stories only). Run with -update to rewrite them after checking the differences by hand.
func TestExamplesGolden(t *testing.T) {
	p := pipeline(t)
	paths := examplePaths()
	if len(paths) == 0 {
		t.Fatal("no examples")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := codeFiles(t, p, path)
			name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".txt"), ".jsonl")
			golden := filepath.Join("testdata", "examples", name+".events.jsonl")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestExamplesGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("events of %s differ from %s:\n got:\n%s\nwant:\n%s", path, golden, got, want)
			}
		})
	}
}

// examplePaths lists the example stories: the text and JSONL files of examples/.
func examplePaths() []string {
	paths, _ := filepath.Glob("examples/*.txt")
	jsonl, _ := filepath.Glob("examples/*.jsonl")
	return append(paths, jsonl...)
}

// TestWorkersDoNotChangeOutput checks that the output is the same with 1 and 4 workers.
func TestWorkersDoNotChangeOutput(t *testing.T) {
	paths := examplePaths()
	one := dyad.DefaultOptions()
	one.Workers = 1
	p1, err := dyad.New(one)
	if err != nil {
		t.Fatal(err)
	}
	four := dyad.DefaultOptions()
	four.Workers = 4
	p4, err := dyad.New(four)
	if err != nil {
		t.Fatal(err)
	}
	a, b := codeFiles(t, p1, paths...), codeFiles(t, p4, paths...)
	if !bytes.Equal(a, b) {
		t.Errorf("1 worker and 4 workers differ:\n%s\n---\n%s", a, b)
	}
	if len(a) == 0 {
		t.Error("no events coded from the examples")
	}
}

// TestReadCoNLLUSkipsBrokenTrees checks that a CoNLL-U sentence whose tree has no root is
// reported with its file and line and skipped, and that the other sentences are still read.
func TestReadCoNLLUSkipsBrokenTrees(t *testing.T) {
	in := "1\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t1\troot\t_\t_\n\n" +
		"1\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tHamas\tHamas\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n"
	var warns []string
	var got []*story.Story
	failed, err := dyad.ReadCoNLLU("x.conllu", strings.NewReader(in), func(st *story.Story) error {
		got = append(got, st)
		return nil
	}, func(err error) { warns = append(warns, err.Error()) })
	if err != nil || failed != 1 || len(warns) != 1 || !strings.HasPrefix(warns[0], "x.conllu:1: sentence 1: ") {
		t.Fatalf("failed=%d err=%v warns=%q", failed, err, warns)
	}
	if len(got) != 1 || len(got[0].Sentences) != 1 || len(got[0].Sentences[0].Tokens) != 3 {
		t.Fatalf("stories: %+v", got)
	}
}

// TestReadCoNLLUStories checks that each "# newdoc" starts a story named by its id (the file name
// without one, "NAME-K" for a later story), that sentences keep their sent_id, and that a newdoc
// on a skipped sentence still starts its story.
func TestReadCoNLLUStories(t *testing.T) {
	word := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
	in := "# sent_id = s0\n" + word +
		"# newdoc id = doc-a\n# sent_id = doc-a_1\n" + word + "# sent_id = doc-a_2\n" + word +
		"# newdoc id = doc-b\n# sent_id = doc-b_1\n1\tHi\thi\tINTJ\tUH\t_\t1\troot\t_\t_\n\n" + "# sent_id = doc-b_2\n" + word +
		"# newdoc\n" + word
	var got []string
	failed, err := dyad.ReadCoNLLU("dir/x.conllu", strings.NewReader(in), func(st *story.Story) error {
		var ids []string
		for _, s := range st.Sentences {
			ids = append(ids, s.ID)
		}
		got = append(got, st.ID+"="+strings.Join(ids, ","))
		return nil
	}, func(error) {})
	if err != nil || failed != 1 {
		t.Fatalf("failed=%d err=%v", failed, err)
	}
	want := "x=s0|doc-a=doc-a_1,doc-a_2|doc-b=doc-b_2|x-4="
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("stories %s, want %s", g, want)
	}
}

// TestCoNLLURoundTrip writes the example stories as `dyad parse` does ("# newdoc id" per story,
// "# sent_id = story.SentenceID") and checks that coding the CoNLL-U gives the events of coding
// the stories: the same story ids, sentence ids, actors and codes.
func TestCoNLLURoundTrip(t *testing.T) {
	p := pipeline(t)
	var stories []*story.Story
	paths := []string{"examples/talks.txt", "examples/north-korea-un.txt"}
	if _, err := ingest.Read(context.Background(), paths, ingest.Options{}, func(st *story.Story) error {
		stories = append(stories, st)
		return nil
	}, func(err error) { t.Errorf("ingest: %v", err) }); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var want []string
	for _, st := range stories {
		p.Annotate(st)
		for i := range st.Sentences {
			s := st.Sentences[i]
			s.ID = story.SentenceID(st.ID, i)
			var comments []string
			if i == 0 {
				comments = []string{"# newdoc id = " + st.ID}
			}
			if err := conllu.Write(&buf, &s, comments...); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range p.CodeStory(st).Events {
			want = append(want, eventKey(e))
		}
	}
	var got []string
	failed, err := dyad.ReadCoNLLU("parsed.conllu", &buf, func(st *story.Story) error {
		for _, e := range p.CodeStory(st).Events {
			got = append(got, eventKey(e))
		}
		return nil
	}, func(err error) { t.Errorf("read: %v", err) })
	if err != nil || failed != 0 {
		t.Fatalf("failed=%d err=%v", failed, err)
	}
	if len(want) < 5 || !strings.HasPrefix(want[0], "example-talks [example-talks_1] ") {
		t.Fatalf("events of the stories: %q", want)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events of the CoNLL-U:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// eventKey renders an event's story id, sentence ids, source, target and code.
func eventKey(e story.Event) string {
	return fmt.Sprintf("%s %v %s %s %s", e.StoryID, e.SentenceIDs, e.Source.Code, e.Target.Code, e.Code)
}

// FuzzReadCoNLLU checks that ReadCoNLLU never panics and that every story it emits has an id and
// sentences whose byte spans lie in its text.
func FuzzReadCoNLLU(f *testing.F) {
	word := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
	f.Add("# newdoc id = a\n# sent_id = a_1\n" + word + "# newdoc\n" + word)
	f.Add("# newdoc id=\n" + word + "#newdoc id = b\n1\tHi\n\n" + word)
	f.Add("1\tIsrael\tIsrael\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t1\troot\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = dyad.ReadCoNLLU("f.conllu", strings.NewReader(in), func(st *story.Story) error {
			if st.ID == "" || len(st.Sentences) == 0 {
				t.Errorf("story %q with %d sentences", st.ID, len(st.Sentences))
			}
			for _, s := range st.Sentences {
				if s.Start < 0 || s.End > len(st.Text) || st.Text[s.Start:s.End] != s.Text {
					t.Errorf("sentence span %d:%d outside the text", s.Start, s.End)
				}
			}
			return nil
		}, func(error) {})
	})
}
