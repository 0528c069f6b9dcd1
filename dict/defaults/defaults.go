// Package defaults holds Dyad's own default dictionaries, written by the Dyad authors in PETRARCH
// syntax (PETRARCH-FORMATS.md §4-§10) from public facts and the CAMEO 1.1b3 codebook, and embedded
// in the binary. Each file starts with a header naming the sources of its facts. The dict package
// reads them (dict.LoadDefault); this package only exposes the file contents.
//
// Files (see docs/DICTIONARIES.md):
//
//	dyad.verbs.txt                 verb dictionary, CAMEO.2.0 syntax (§5)
//	dyad.countries.actors.txt      countries, demonyms, capitals, state institutions (§7)
//	dyad.international.actors.txt  IGOs and NGOs with CAMEO codes (§7)
//	dyad.leaders.actors.txt        office holders with date restrictions (§7)
//	dyad.agents.txt                role nouns to CAMEO role codes (§8)
//	dyad.discards.txt              sentence and story discards (§9)
//	dyad.issues.txt                issue phrases (§10)
package defaults

import "embed"

// FS holds every embedded dictionary file (*.txt) under its file name.
//
//go:embed *.txt
var FS embed.FS

// File names of the default dictionaries inside FS.
const (
	VerbsFile         = "dyad.verbs.txt"
	CountriesFile     = "dyad.countries.actors.txt"
	InternationalFile = "dyad.international.actors.txt"
	LeadersFile       = "dyad.leaders.actors.txt"
	AgentsFile        = "dyad.agents.txt"
	DiscardsFile      = "dyad.discards.txt"
	IssuesFile        = "dyad.issues.txt"
)

// ActorFiles lists the actor dictionary file names in load order (the order of PETRARCH's
// actorfile_list, PETRARCH-FORMATS.md §3): countries, then international actors, then leaders.
var ActorFiles = []string{CountriesFile, InternationalFile, LeadersFile}

// The dictionary texts, UTF-8, LF line ends, as embedded.
var (
	// Verbs is the verb dictionary text (CAMEO.2.0 syntax, PETRARCH-FORMATS.md §5).
	Verbs = mustRead(VerbsFile)
	// Actors holds the actor dictionary texts in load order (same order as ActorFiles).
	Actors = []string{mustRead(CountriesFile), mustRead(InternationalFile), mustRead(LeadersFile)}
	// Agents is the agent dictionary text (§8).
	Agents = mustRead(AgentsFile)
	// Discards is the discard list text (§9).
	Discards = mustRead(DiscardsFile)
	// Issues is the issue dictionary text (§10).
	Issues = mustRead(IssuesFile)
)

// mustRead returns the embedded file name. The files are fixed at build time, so a missing
// file is a build defect and panics at init (caught by the package tests), never on user input.
func mustRead(name string) string {
	b, err := FS.ReadFile(name)
	if err != nil {
		panic("dict/defaults: " + err.Error())
	}
	return string(b)
}
