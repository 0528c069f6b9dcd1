package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	for _, tc := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{nil, false, "(unknown)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, true, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "31563b4f1a2c3d4e5f60718293a4b5c6d7e8f901"},
			{Key: "vcs.modified", Value: "true"}}}, true, "(devel), revision 31563b4f1a2c, modified"},
		{&debug.BuildInfo{Main: debug.Module{Version: ""}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "false"}}}, true, "(devel), revision abc123"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130132813-5c639d902060+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "5c639d902060aaaa"}, {Key: "vcs.modified", Value: "true"}}}, true, "v0.0.0-20261130132813-5c639d902060+dirty"},
	} {
		if got := versionText(tc.info, tc.ok); got != tc.want {
			t.Errorf("versionText(%+v) = %q, want %q", tc.info, got, tc.want)
		}
	}
}

// TestVersionFlag runs 'dyad --version' through the root command.
func TestVersionFlag(t *testing.T) {
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetArgs([]string{"--version"})
	defer func() { rootCmd.SetOut(nil); rootCmd.SetArgs(nil) }()
	if err := rootCmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "dyad version ") || len(strings.TrimSpace(got)) <= len("dyad version") {
		t.Errorf("dyad --version printed %q", got)
	}
}
