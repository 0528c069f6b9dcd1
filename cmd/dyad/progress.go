package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// status guards standard error while a progress line is shown: warnf clears the line before it
// writes a warning and redraws it after, so that warnings never land on the progress line.
var status struct {
	sync.Mutex
	bar *progressbar.ProgressBar // the progress line being shown, or nil
}

// warnf prints "dyad: ..." on standard error, clearing the progress line first when one is shown
// and drawing it again below the warning.
func warnf(format string, args ...any) {
	msg := fmt.Sprintf("dyad: "+format+"\n", args...)
	status.Lock()
	defer status.Unlock()
	if status.bar != nil {
		_ = status.bar.Clear()
	}
	fmt.Fprint(os.Stderr, msg)
	if status.bar != nil {
		// String is the last line drawn, "\r" included; Clear left its width known to the bar.
		fmt.Fprint(os.Stderr, status.bar.String())
	}
}

// progress is the progress line of dyad code on a terminal: "coded N (R stories/s) [elapsed]".
type progress struct {
	bar   *progressbar.ProgressBar
	start time.Time
	n     int
}

// startProgress shows a progress line on w (standard error) and routes warnf through it until
// finish is called.
func startProgress(w io.Writer) *progress {
	p := &progress{start: time.Now()}
	p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("coding"),
		progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	status.Lock()
	status.bar = p.bar
	status.Unlock()
	return p
}

// add counts one coded story.
func (p *progress) add() {
	status.Lock()
	defer status.Unlock()
	p.n++
	// The total is unknown (stories stream in), so the count goes in the description: the bar's
	// own counter would print "1/-".
	p.bar.Describe(progressText(p.n, time.Since(p.start)))
	_ = p.bar.Add(1)
}

// finish clears the progress line; warnf writes plain lines again.
func (p *progress) finish() {
	status.Lock()
	defer status.Unlock()
	_ = p.bar.Finish()
	status.bar = nil
}

// progressText is the description of the progress line after n stories in elapsed time: the
// rate is given once a second has passed (before, one story would read as "0 stories/hr" or as a
// burst), in stories a second (a minute below 0.1 a second).
func progressText(n int, elapsed time.Duration) string {
	if elapsed < time.Second {
		return fmt.Sprintf("coded %d", n)
	}
	rate := float64(n) / elapsed.Seconds()
	if rate < 0.1 {
		return fmt.Sprintf("coded %d (%.1f stories/min)", n, 60*rate)
	}
	if rate < 10 {
		return fmt.Sprintf("coded %d (%.1f stories/s)", n, rate)
	}
	return fmt.Sprintf("coded %d (%.0f stories/s)", n, rate)
}
