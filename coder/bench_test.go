package coder

import (
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/nlp/ptb"
	"github.com/dyad-events/dyad/story"
)

// phoenixSet loads the Phoenix dictionaries from ../shared/data/petrarch2.
func phoenixSet(b testing.TB) *dict.Set {
	dir := filepath.Dir(sharedtest.Path(b, "data/petrarch2/CAMEO.2.0.txt"))
	set, err := dict.Load(dict.Files{
		Verbs: filepath.Join(dir, "CAMEO.2.0.txt"),
		Actors: []string{filepath.Join(dir, "Phoenix.Countries.actors.txt"), filepath.Join(dir, "Phoenix.International.actors.txt"),
			filepath.Join(dir, "Phoenix.MilNonState.actors.txt")},
		Agents:   filepath.Join(dir, "Phoenix.agents.txt"),
		Discards: filepath.Join(dir, "Phoenix.discards.txt"),
		Issues:   filepath.Join(dir, "Phoenix.IssueCoding.txt"),
	})
	if err != nil {
		b.Fatal(err)
	}
	return set
}

// BenchmarkCodePhoenix codes the pre-parsed GigaWord sample (PTB parses converted by nlp/ptb
// before timing), repeated to 10,000 sentences in its own stories, with the Phoenix dictionaries on
// one goroutine, and reports sentences per second (wall clock and per CPU second).
func BenchmarkCodePhoenix(b *testing.B) {
	benchFile(b, "data/petrarch2/GigaWord.sample.PETR.xml")
}

// BenchmarkCodePhoenixUD is BenchmarkCodePhoenix on the CoNLL-U parses of the UD validation file.
func BenchmarkCodePhoenixUD(b *testing.B) {
	benchFile(b, "data/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
}

func benchFile(b *testing.B, rel string) {
	set := phoenixSet(b)
	f, _, err := petrarch.ReadFile(sharedtest.Path(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	base, errs := petrarch.Stories(f, petrarch.StoryOptions{PTB: ptb.Convert})
	if len(base) == 0 {
		b.Fatalf("no stories: %v", errs)
	}
	const n = 10000
	var stories []*story.Story
	count := 0
	for count < n {
		for _, st := range base {
			if count >= n {
				break
			}
			cp := *st
			if len(cp.Sentences) > n-count {
				cp.Sentences = cp.Sentences[:n-count]
			}
			count += len(cp.Sentences)
			stories = append(stories, &cp)
		}
	}
	c, err := New(set, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	events := 0
	for i := 0; i < b.N; i++ {
		for _, st := range stories {
			events += len(c.CodeStory(st).Events)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
	// The same rate per CPU second of the process (GC included), robust to a loaded machine.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu, "sentences/cpu-s")
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}
