package main

import (
	"runtime/debug"
	"strings"
)

func init() {
	info, ok := debug.ReadBuildInfo()
	rootCmd.Version = versionText(info, ok)
}

// versionText is what 'dyad --version' prints after "dyad version ": the main module's version
// from the build information ("v1.2.0" after go install ...@v1.2.0; "(devel)" when built from a
// work tree), then the VCS revision (12 hex digits) and "modified" when the build recorded them
// ("(devel), revision 31563b4f1a2c, modified"), unless the version already carries the revision
// (Go's pseudo-version "v0.0.0-20261130132813-5c639d902060+dirty"). "(unknown)" without build
// information.
func versionText(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	// Go 1.24 and later stamp a pseudo-version that already carries the revision and "+dirty".
	if rev != "" && !strings.Contains(v, rev) {
		v += ", revision " + rev
		if modified == "true" {
			v += ", modified"
		}
	}
	return v
}
