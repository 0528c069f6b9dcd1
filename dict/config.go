package dict

// Config is a PETR_config.ini file (§3). Dictionary and text paths are as written in the file;
// Load resolves relative paths against Dir.
type Config struct {
	File string // the file name as given to ReadConfig
	Dir  string // folder that relative paths are resolved against (set by Load; "" from ReadConfig)

	// [Dictionaries]
	Verbs    string   // verbfile_name
	Actors   []string // actorfile_list, split at commas, spaces trimmed
	Agents   string   // agentfile_name
	Discards string   // discardfile_name
	Issues   string   // issuefile_name (optional)

	// [Options]
	TextFiles      []string // textfile_list, else textfile_name
	EventFile      string   // eventfile_name
	WriteActorRoot bool     // write_actor_root (default false)
	WriteActorText bool     // write_actor_text (default true)
	WriteEventText bool     // write_event_text (default true)
	NullVerbs      bool     // null_verbs
	NullActors     bool     // null_actors
	NewActorLength int      // new_actor_length
	RequireDyad    bool     // require_dyad (default true; a real option in Dyad, §3)

	// Other holds every key, lower-cased, as "section.key" → value, including the ones above.
	Other map[string]string
}
