package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// storyDirs tracks which folders given on the command line yielded a story, so that a folder
// without any (empty, or holding no file of a story format) is reported as a failed input —
// "dyad: DIR: no stories found", exit status 1 — instead of a silent success. An empty file is
// different: ingest reads it and warns "empty input; no story" (not a failure).
type storyDirs struct {
	mu    sync.Mutex
	dirs  []string // folders among the inputs, cleaned
	names []string // the same, as given
	found []bool
}

// newStoryDirs returns the tracker for the inputs that are folders.
func newStoryDirs(inputs []string) *storyDirs {
	d := &storyDirs{}
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			continue
		}
		if fi, err := os.Stat(in); err == nil && fi.IsDir() {
			d.dirs = append(d.dirs, filepath.Clean(in))
			d.names = append(d.names, in)
			d.found = append(d.found, false)
		}
	}
	return d
}

// saw records a story read from origin (a path, or "path:line"; ingest joins a folder's files
// to its cleaned path).
func (d *storyDirs) saw(origin string) {
	if len(d.dirs) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, dir := range d.dirs {
		if d.found[i] {
			continue
		}
		if dir == "." {
			d.found[i] = !filepath.IsAbs(origin) && !strings.HasPrefix(origin, "..") && !strings.Contains(origin, "://")
		} else {
			d.found[i] = strings.HasPrefix(origin, dir+string(filepath.Separator))
		}
	}
}

// warnEmpty reports every folder that yielded no story and returns how many there were.
func (d *storyDirs) warnEmpty() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for i, ok := range d.found {
		if !ok {
			warnf("%s: no stories found", d.names[i])
			n++
		}
	}
	return n
}
