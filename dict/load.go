package dict

import (
	"errors"
	"io"
)

// ErrNoDefaults is returned by LoadDefault (and by Load for a file left empty) while Dyad's
// default dictionaries (package github.com/dyad-events/dyad/dict/defaults) are not available.
var ErrNoDefaults = errors.New("dict: Dyad's default dictionaries are not available yet; name the dictionary files (--config, or --verbs --actors --agents --discards)")

// ReadVerbs reads a verb dictionary in CAMEO.2.0 syntax (§5) from r; name labels problems.
// Problems list every defect with its line; err is non-nil only when r fails.
func ReadVerbs(r io.Reader, name string) (*Verbs, []Problem, error) {
	return nil, nil, errors.New("dict: ReadVerbs not implemented yet")
}

// ReadActors reads one actor dictionary (§7). To merge several files, use NewActors and AddFile.
func ReadActors(r io.Reader, name string) (*Actors, []Problem, error) {
	a := NewActors()
	p, err := a.Read(r, name)
	return a, p, err
}

// NewActors returns an empty actor dictionary to which files can be added with Read.
func NewActors() *Actors { return &Actors{codes: map[string]struct{}{}} }

// Read adds one actor dictionary file (§7) to a; phrases already present get the new codes
// appended to their list.
func (a *Actors) Read(r io.Reader, name string) ([]Problem, error) {
	return nil, errors.New("dict: ReadActors not implemented yet")
}

// ReadAgents reads an agent dictionary (§8).
func ReadAgents(r io.Reader, name string) (*Agents, []Problem, error) {
	return nil, nil, errors.New("dict: ReadAgents not implemented yet")
}

// ReadDiscards reads a discard list (§9).
func ReadDiscards(r io.Reader, name string) (*Discards, []Problem, error) {
	return nil, nil, errors.New("dict: ReadDiscards not implemented yet")
}

// ReadIssues reads an issue dictionary (§10).
func ReadIssues(r io.Reader, name string) (*Issues, []Problem, error) {
	return nil, nil, errors.New("dict: ReadIssues not implemented yet")
}

// ReadConfig reads a PETR_config.ini file (§3).
func ReadConfig(r io.Reader, name string) (*Config, []Problem, error) {
	return nil, nil, errors.New("dict: ReadConfig not implemented yet")
}

// Load reads the dictionaries named by files (see Files). Problems of every file are collected in
// Set.Problems; err is non-nil only when a named file cannot be opened or read, or a required
// dictionary has neither a file nor a default.
func Load(files Files) (*Set, error) {
	return nil, errors.New("dict: Load not implemented yet")
}

// LoadDefault loads Dyad's own default dictionaries (embedded in the binary).
func LoadDefault() (*Set, error) { return nil, ErrNoDefaults }
