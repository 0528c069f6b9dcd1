//go:build unix

package nlp

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of this process, to report speed per CPU second on a busy
// machine where wall-clock time also counts other processes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
