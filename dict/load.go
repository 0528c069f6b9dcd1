package dict

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/dyad-events/dyad/dict/defaults"
)

// ReadActors reads one actor dictionary (§7). To merge several files, use NewActors and Read.
func ReadActors(r io.Reader, name string) (*Actors, []Problem, error) {
	a := NewActors()
	p, err := a.Read(r, name)
	return a, append(p, a.Finish()...), err
}

// NewActors returns an empty actor dictionary to which files can be added with Read.
func NewActors() *Actors { return &Actors{codes: map[string]struct{}{}} }

// Load reads the dictionaries named by files. A field left empty takes the file named by the
// configuration (files.Config; relative paths there are resolved against the configuration
// file's folder), else Dyad's embedded default (package dict/defaults). Problems of every file
// are collected in Set.Problems, in reading order (configuration, verbs, actors, agents,
// discards, issues). err is non-nil when a file cannot be opened or read; the Set then holds
// what could be read.
func Load(files Files) (*Set, error) {
	s := &Set{}
	var errs []error
	if files.Config != "" {
		c, probs, err := readPath(files.Config, ReadConfig)
		if err != nil {
			return s, err
		}
		c.Dir = filepath.Dir(files.Config)
		s.Config = c
		s.Problems = append(s.Problems, probs...)
		if c.Verbs == "" && len(c.Actors) == 0 && c.Agents == "" && c.Discards == "" && c.Issues == "" {
			s.Problems = append(s.Problems, Problem{File: files.Config, Severity: Warning,
				Msg: "the configuration names no dictionary files ([Dictionaries] verbfile_name, actorfile_list, ...); Dyad's defaults are used"})
		}
		files = files.WithConfig(c)
	}
	// The verb, agent, discard and issue dictionaries are read concurrently with the actor files
	// (the bulk of the work); problems are then collected in a fixed order.
	type part struct {
		probs []Problem
		err   error
	}
	var verbs, agents, discards, issues part
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Verbs, verbs.probs, verbs.err = readOrDefault(files.Verbs, defaults.VerbsFile, ReadVerbs)
		s.Agents, agents.probs, agents.err = readOrDefault(files.Agents, defaults.AgentsFile, ReadAgents)
		s.Discards, discards.probs, discards.err = readOrDefault(files.Discards, defaults.DiscardsFile, ReadDiscards)
		s.Issues, issues.probs, issues.err = readOrDefault(files.Issues, defaults.IssuesFile, ReadIssues)
	}()
	s.Actors = NewActors()
	var actors []part
	actorFiles := files.Actors
	fromFS := len(actorFiles) == 0
	if fromFS {
		actorFiles = defaults.ActorFiles
	}
	for _, name := range actorFiles {
		var p part
		if fromFS {
			p.probs, p.err = readFS(defaults.FS, name, s.Actors.Read)
		} else {
			p.probs, p.err = readFile(name, s.Actors.Read)
		}
		actors = append(actors, p)
	}
	actors = append(actors, part{probs: s.Actors.Finish()})
	wg.Wait()
	for _, p := range append(append([]part{verbs}, actors...), agents, discards, issues) {
		s.Problems = append(s.Problems, p.probs...)
		if p.err != nil {
			errs = append(errs, p.err)
		}
	}
	s.shareVocab()
	return s, errors.Join(errs...)
}

// LoadDefault loads Dyad's own default dictionaries, embedded in the binary (package
// dict/defaults).
func LoadDefault() (*Set, error) { return Load(Files{}) }

// readOrDefault reads path, or the embedded default file name when path is empty.
func readOrDefault[T any](path, name string, read func(io.Reader, string) (T, []Problem, error)) (T, []Problem, error) {
	if path == "" {
		f, err := defaults.FS.Open(name)
		if err != nil {
			var zero T
			return zero, nil, fmt.Errorf("default dictionary %s: %w", name, err)
		}
		defer f.Close()
		return read(f, "defaults/"+name)
	}
	return readPath(path, read)
}

func readPath[T any](path string, read func(io.Reader, string) (T, []Problem, error)) (T, []Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, nil, err
	}
	defer f.Close()
	return read(f, path)
}

func readFS(fsys fs.FS, name string, read func(io.Reader, string) ([]Problem, error)) ([]Problem, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("default dictionary %s: %w", name, err)
	}
	defer f.Close()
	return read(f, "defaults/"+name)
}

func readFile(path string, read func(io.Reader, string) ([]Problem, error)) ([]Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// WithConfig returns f with each empty field filled from the dictionary files the configuration c
// names, relative paths resolved against c's folder (PETRARCH-FORMATS.md §3); fields already set
// (by flags) win. A nil c leaves f as it is.
func (f Files) WithConfig(c *Config) Files {
	if c == nil {
		return f
	}
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(c.Dir, p)
	}
	if f.Verbs == "" {
		f.Verbs = rel(c.Verbs)
	}
	if len(f.Actors) == 0 {
		for _, a := range c.Actors {
			f.Actors = append(f.Actors, rel(a))
		}
	}
	if f.Agents == "" {
		f.Agents = rel(c.Agents)
	}
	if f.Discards == "" {
		f.Discards = rel(c.Discards)
	}
	if f.Issues == "" {
		f.Issues = rel(c.Issues)
	}
	return f
}
