package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestWarnfClearsProgress checks that a warning written while the progress line is shown starts
// on a cleared line (never after the bar, as in "| coded 1 [0s] dyad: ...") and that the line
// is drawn again after it, then cleared by finish.
func TestWarnfClearsProgress(t *testing.T) {
	stderr := captureStderr(t, func() {
		p := startProgress(os.Stderr)
		p.add()
		warnf("%s: a warning", "a.txt")
		p.add()
		p.finish()
		warnf("after")
	})
	i := strings.Index(stderr, "dyad: a.txt: a warning\n")
	if i < 0 {
		t.Fatalf("no warning in %q", stderr)
	}
	before, after := stderr[:i], stderr[i+len("dyad: a.txt: a warning\n"):]
	if !strings.Contains(before, "coded 1") {
		t.Errorf("the progress line was not shown before the warning: %q", before)
	}
	// What precedes the warning on its line (after the last carriage return) must be empty: the
	// bar was overwritten with spaces and the cursor put back to the line start.
	if last := before[strings.LastIndex(before, "\r")+1:]; last != "" {
		t.Errorf("the warning follows %q on its line: %q", last, stderr)
	}
	if j := strings.Index(before, "coded 1"); strings.TrimRight(before[j:], " \r") == before[j:] {
		t.Errorf("the progress line was not cleared before the warning: %q", before)
	}
	if !strings.HasPrefix(after, "\r") || !strings.Contains(after, "coded 1") {
		t.Errorf("the progress line was not drawn again after the warning: %q", after)
	}
	if !strings.HasSuffix(stderr, "\rdyad: after\n") {
		t.Errorf("after finish, warnings are plain lines on a cleared line: %q", stderr)
	}
	if status.bar != nil {
		t.Error("finish left the progress line registered")
	}
}

// TestProgressText checks that no rate is shown in the first second (the first draw said
// "0 stories/hr"), then stories a second.
func TestProgressText(t *testing.T) {
	for _, tc := range []struct {
		n       int
		elapsed time.Duration
		want    string
	}{
		{1, 0, "coded 1"},
		{1, 999 * time.Millisecond, "coded 1"},
		{3, 2 * time.Second, "coded 3 (1.5 stories/s)"},
		{1, time.Minute, "coded 1 (1.0 stories/min)"},
		{1, 10 * time.Second, "coded 1 (0.1 stories/s)"},
		{1500, 10 * time.Second, "coded 1500 (150 stories/s)"},
	} {
		if got := progressText(tc.n, tc.elapsed); got != tc.want {
			t.Errorf("progressText(%d, %v) = %q, want %q", tc.n, tc.elapsed, got, tc.want)
		}
	}
}
