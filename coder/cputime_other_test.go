//go:build !unix

package coder

// cpuSeconds is unavailable here; the benchmark then reports wall-clock rates only.
func cpuSeconds() float64 { return 0 }
