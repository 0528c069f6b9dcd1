//go:build !unix

package ingest

import "time"

// cpuTime is not measured on this system; BenchmarkHTMLPages then reports pages/s only.
func cpuTime() time.Duration { return 0 }
