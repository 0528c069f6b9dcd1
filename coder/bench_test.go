package coder

import (
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/ingest/petrarch"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

// phoenixSet loads the Phoenix dictionaries from ../shared/data/petrarch2.
func phoenixSet(b *testing.B) *dict.Set {
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

// BenchmarkCodePhoenix codes pre-parsed sentences with the Phoenix dictionaries on one goroutine
// and reports sentences per second. The sentences are the CoNLL-U parses of the UD validation
// file, repeated to 10,000 sentences in stories of 4 (the GigaWord sample needs nlp/ptb, which
// converts its PTB parses; see the package report).
func BenchmarkCodePhoenix(b *testing.B) {
	set := phoenixSet(b)
	f, _, err := petrarch.ReadFile(sharedtest.Path(b, "data/universalpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"))
	if err != nil {
		b.Fatal(err)
	}
	var sents []story.Sentence
	for _, r := range f.Records() {
		if s, err := r.Sentence(nil); err == nil && len(s.Tokens) > 0 {
			sents = append(sents, s)
		}
	}
	const n = 10000
	var stories []*story.Story
	for i := 0; i < n; i += 4 {
		st := &story.Story{ID: "s", Date: f.Records()[0].Date}
		for j := 0; j < 4 && i+j < n; j++ {
			s := sents[(i+j)%len(sents)]
			s.Index = j
			st.Sentences = append(st.Sentences, s)
		}
		stories = append(stories, st)
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
