package dyad_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ingest"
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
