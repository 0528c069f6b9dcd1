package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
)

// writeBinary writes 3000 bytes of pseudo-random data (as an executable holds) to dir/name.
func writeBinary(t *testing.T, dir, name string) string {
	t.Helper()
	bin := make([]byte, 3000)
	for i := range bin {
		bin[i] = byte(i*7919 + i/13)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, bin, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBinaryDictionaryFlags checks that binary data given to any dictionary flag (--verbs
// --actors --agents --discards --issues --config) fails with one line naming the file, exit
// status 1, nothing coded and no raw bytes printed, in dyad code, eval events, validate and dict
// check.
func TestBinaryDictionaryFlags(t *testing.T) {
	dir := t.TempDir()
	bin := writeBinary(t, dir, "ls")
	text := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(text, []byte("France praised Germany on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	goldFile := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(goldFile, []byte(`{"id":"g1","text":"France praised Germany.","events":[{"source":"FRA","target":"DEU","code":"051"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	xml := filepath.Join(dir, "records.xml")
	if err := os.WriteFile(xml, []byte(`<Validation>
<Sentences>
<Sentence source="DEMO" date="19950101" id="DEMO_00" sentence="true">
<EventCoding eventcode="051" sourcecode="FRA" targetcode="DEU" />
<Text>
France praised Germany.
</Text>
</Sentence>
</Sentences>
</Validation>
`), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []struct {
		name string
		df   dictFlags
		vf   validateFlags
	}{
		{"--verbs", dictFlags{verbs: bin}, validateFlags{verbs: bin}},
		{"--actors", dictFlags{actors: []string{bin}}, validateFlags{actors: []string{bin}}},
		{"--agents", dictFlags{agents: bin}, validateFlags{agents: bin}},
		{"--discards", dictFlags{discards: bin}, validateFlags{discards: bin}},
		{"--issues", dictFlags{issues: bin}, validateFlags{issues: bin}},
		{"--config", dictFlags{config: bin}, validateFlags{}},
	}
	for _, fl := range flags {
		want := "dyad: " + bin + ": binary data, not a dictionary\n"
		if fl.name == "--config" {
			want = "dyad: " + bin + ": binary data, not a PETR_config.ini file\n"
		}
		check := func(cmd string, run func() error) {
			t.Helper()
			var err error
			stdout, stderr := captureOutput(t, func() { err = run() })
			if !errors.Is(err, errInputFailed) {
				t.Errorf("%s %s: err = %v, want errInputFailed (exit 1)", cmd, fl.name, err)
			}
			if !strings.HasSuffix(stderr, want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%s %s: stderr\n%s\nwant\n%s", cmd, fl.name, stderr, want)
			}
			if strings.IndexFunc(stdout, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) >= 0 ||
				strings.Contains(stdout, `"code"`) {
				t.Errorf("%s %s: stdout has raw bytes or events:\n%q", cmd, fl.name, stdout)
			}
		}
		df := fl.df
		check("code", func() error {
			cf := newTestCodeFlags()
			cf.dict = &df
			cf.date = "2020-01-02"
			return runCode(&cobra.Command{}, cf, []string{text})
		})
		check("eval events", func() error { return runEvalEvents(goldFile, "2000-01-01", true, false, &df) })
		check("dict check", func() error {
			var out bytes.Buffer
			err := runDictCheck(&out, &df)
			os.Stdout.Write(out.Bytes())
			return err
		})
		if fl.name != "--config" { // dyad validate has no --config
			check("validate", func() error { return runValidate(os.Stdout, xml, fl.vf) })
		}
	}
}
