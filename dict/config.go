package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// ErrNotConfig is wrapped by the error ReadConfig returns for data that is not a configuration
// file.
var ErrNotConfig = errors.New("not a PETR_config.ini file")

// configKeys are the keys of PETR_config.ini (PETRARCH-FORMATS.md §3) as "section.key"; a file
// with none of them is not a configuration file.
var configKeys = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`verbfile_name actorfile_list agentfile_name discardfile_name issuefile_name`) {
		configKeys["dictionaries."+k] = true
	}
	for _, k := range strings.Fields(`textfile_list textfile_name eventfile_name code_by_sentence pause_by_sentence
		pause_by_story write_actor_root write_actor_text write_event_text null_verbs null_actors new_actor_length
		require_dyad stop_on_error comma_min comma_max comma_bmin comma_bmax comma_emin comma_emax`) {
		configKeys["options."+k] = true
	}
	configKeys["stanfordnlp.stanford_dir"] = true
}

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

	// Values holds every key as "section.key" (both lower-case) → value, including the ones above.
	Values map[string]string
}

// ReadConfig reads a PETR_config.ini file (§3): "[Section]" headers, "key = value" or
// "key: value" lines, "#" and ";" comment lines; a key without a value is a presence flag (true).
// Unknown keys are kept in Values without comment; bad booleans and numbers are reported and the
// default kept. err is non-nil when r fails, or when the data is not a configuration file: an
// *fs.PathError naming the file that wraps ErrNotConfig (binary data, UTF-16 text, or no key of
// the §3 table in its section: a story or a dictionary given as the configuration).
func ReadConfig(r io.Reader, name string) (*Config, []Problem, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := checkText(data, name); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Err = fmt.Errorf("%s, %w", strings.TrimSuffix(pe.Err.Error(), ", not a dictionary"), ErrNotConfig)
		}
		return nil, nil, err
	}
	c := &Config{File: name, WriteActorText: true, WriteEventText: true, RequireDyad: true, Values: map[string]string{}}
	lines := map[string]int{}
	var probs []Problem
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' || t[0] == ';' {
			continue
		}
		if t[0] == '[' {
			if !strings.HasSuffix(t, "]") {
				probs = append(probs, Problem{name, n, fmt.Sprintf("bad section header %q", t), Error})
				continue
			}
			section = strings.ToLower(strings.TrimSpace(t[1 : len(t)-1]))
			continue
		}
		if section == "" {
			probs = append(probs, Problem{name, n, fmt.Sprintf("key outside any [section]: %q; skipped", t), Error})
			continue
		}
		k, v := t, "true"
		if i := strings.IndexAny(t, "=:"); i >= 0 {
			k, v = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
		}
		k = strings.ToLower(k)
		c.Values[section+"."+k] = v
		lines[section+"."+k] = n
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, Problem{name, n + 1, err.Error(), Error})
	}
	list := func(v string) []string {
		var out []string
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
		return out
	}
	boolean := func(key string, dst *bool) {
		v, ok := c.Values[key]
		if !ok {
			return
		}
		switch strings.ToLower(v) {
		case "true", "yes", "on", "1":
			*dst = true
		case "false", "no", "off", "0":
			*dst = false
		default:
			probs = append(probs, Problem{name, lines[key], printable(fmt.Sprintf("%s = %q is not a boolean; default kept", key, v)), Error})
		}
	}
	known := false
	for k := range c.Values {
		known = known || configKeys[k]
	}
	if !known {
		return nil, nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf(
			"%w: no [Dictionaries] or [Options] key that PETRARCH reads (verbfile_name, actorfile_list, require_dyad, ...; PETRARCH-FORMATS.md §3)", ErrNotConfig)}
	}
	c.Verbs = c.Values["dictionaries.verbfile_name"]
	c.Actors = list(c.Values["dictionaries.actorfile_list"])
	c.Agents = c.Values["dictionaries.agentfile_name"]
	c.Discards = c.Values["dictionaries.discardfile_name"]
	c.Issues = c.Values["dictionaries.issuefile_name"]
	if v, ok := c.Values["options.textfile_list"]; ok {
		c.TextFiles = list(v)
	} else if v, ok := c.Values["options.textfile_name"]; ok && v != "" {
		c.TextFiles = []string{v}
	}
	c.EventFile = c.Values["options.eventfile_name"]
	boolean("options.write_actor_root", &c.WriteActorRoot)
	boolean("options.write_actor_text", &c.WriteActorText)
	boolean("options.write_event_text", &c.WriteEventText)
	boolean("options.null_verbs", &c.NullVerbs)
	boolean("options.null_actors", &c.NullActors)
	boolean("options.require_dyad", &c.RequireDyad)
	if v, ok := c.Values["options.new_actor_length"]; ok {
		if x, err := strconv.Atoi(v); err != nil || x < 0 {
			probs = append(probs, Problem{name, lines["options.new_actor_length"], fmt.Sprintf("new_actor_length = %q is not a non-negative integer; 0 kept", v), Error})
		} else {
			c.NewActorLength = x
		}
	}
	return c, probs, nil
}
