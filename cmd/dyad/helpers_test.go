package main

import (
	"io"
	"os"
	"testing"
)

// captureStderr runs f with os.Stderr redirected and returns what f wrote there (warnf's
// "dyad: ..." lines).
func captureStderr(t *testing.T, f func()) string {
	t.Helper()
	var stderr string
	redirect(t, &os.Stderr, &stderr, f)
	return stderr
}

// captureOutput runs f with os.Stdout and os.Stderr redirected and returns what f wrote to each.
func captureOutput(t *testing.T, f func()) (stdout, stderr string) {
	t.Helper()
	redirect(t, &os.Stdout, &stdout, func() { redirect(t, &os.Stderr, &stderr, f) })
	return stdout, stderr
}

// redirect runs f with *file replaced by a pipe and stores what f wrote in *out.
func redirect(t *testing.T, file **os.File, out *string, f func()) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := *file
	*file = w
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		done <- b
	}()
	defer func() { *file = old }()
	f()
	w.Close()
	*file = old
	*out = string(<-done)
}
