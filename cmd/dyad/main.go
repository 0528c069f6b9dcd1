// Command dyad codes political events from news text. See the README for its commands.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit statuses (ARCHITECTURE.md, "The command line").
const (
	exitOK    = 0 // every input was processed
	exitInput = 1 // some input failed; the others were processed
	exitUsage = 2 // bad usage
)

// errInputFailed is returned by a command that processed everything it could but met bad input;
// the command has already reported each problem on standard error.
var errInputFailed = errors.New("some inputs failed")

var rootCmd = &cobra.Command{
	Use:           "dyad",
	Short:         "Dyad codes political events (who did what to whom) from news text in CAMEO",
	SilenceUsage:  true,
	SilenceErrors: true,
}

func main() {
	err := rootCmd.Execute()
	switch {
	case err == nil:
		os.Exit(exitOK)
	case errors.Is(err, errInputFailed):
		os.Exit(exitInput)
	default:
		var ue usageError
		if errors.As(err, &ue) || isCobraUsage(err) {
			warnf("%v", err)
			os.Exit(exitUsage)
		}
		warnf("%s", errorText(err))
		os.Exit(exitInput)
	}
}

// errorText writes err for a "dyad: " line: a file error (*fs.PathError, as os.Open returns) as
// "PATH: no such file or directory", without Go's "open " prefix; other errors as they are.
func errorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Error() == err.Error() {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// usageError marks an error as bad usage (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func init() {
	rootCmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err.Error()} })
}

// isCobraUsage reports errors cobra raises for unknown commands or wrong argument counts.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "unknown flag", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
