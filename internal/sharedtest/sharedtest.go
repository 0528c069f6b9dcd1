// Package sharedtest locates the read-only shared data set (../shared beside the repository) for
// tests. When it is absent a test is skipped with a message, except under CI=true, where a
// missing ../shared fails the test (shared/README.md, "Rules for using these files").
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the absolute path of the shared folder, or "" when it cannot be found.
// It looks for ../shared beside the directory that holds go.mod, starting from the working
// directory (a test's working directory is its package folder). DYAD_SHARED overrides it.
func Root() string {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(shared); err == nil && st.IsDir() {
				return shared
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the absolute path of rel (e.g. "data/petrarch2/CAMEO.2.0.txt") inside the shared
// folder. When that file or folder is missing the test is skipped ("skipped: ../shared/REL not
// found"), or fails when the environment variable CI is "true".
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	p := filepath.Join(root, rel)
	if root != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("../shared/%s not found (required when CI=true)", rel)
	}
	tb.Skipf("skipped: ../shared/%s not found", rel)
	return ""
}
