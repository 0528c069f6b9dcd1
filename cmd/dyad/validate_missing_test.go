package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateMissingDictionaries checks that the dictionary files a validation file's
// <Environment> names, when absent, are each reported on one "dyad: " line naming the flag that
// gives them, before any record is run.
func TestValidateMissingDictionaries(t *testing.T) {
	dir := t.TempDir()
	xml := filepath.Join(dir, "records.xml")
	if err := os.WriteFile(xml, []byte(`<Validation>
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
    <Agentfile>G.txt</Agentfile>
    <Discardfile>D.txt</Discardfile>
</Environment>
<Sentences>
<Sentence source="DEMO" date="19950101" id="DEMO_00" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor praised Gondor.
</Text>
</Sentence>
</Sentences>
</Validation>
`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var err error
	stderr := captureStderr(t, func() { err = runValidate(&out, xml, validateFlags{json: true}) })
	if !errors.Is(err, errInputFailed) || out.Len() != 0 {
		t.Errorf("err = %v, output %q; want errInputFailed and no report", err, out.String())
	}
	var want []string
	for _, f := range []struct{ file, element, flag string }{
		{"V.txt", "<Verbfile>", "--verbs"}, {"A.txt", "<Actorfile>", "--actors"},
		{"G.txt", "<Agentfile>", "--agents"}, {"D.txt", "<Discardfile>", "--discards"},
	} {
		want = append(want, "dyad: "+filepath.Join(dir, f.file)+": no such file or directory (named by "+
			f.element+" in records.xml; give "+f.flag+" FILE)")
	}
	if got := strings.TrimSuffix(stderr, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("stderr\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	// A missing file given by a flag is named with its flag.
	stderr = captureStderr(t, func() {
		err = runValidate(&out, xml, validateFlags{json: true, verbs: filepath.Join(dir, "nosuch.txt")})
	})
	if want := "dyad: " + filepath.Join(dir, "nosuch.txt") + ": no such file or directory (--verbs)\n"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr\n%s\nwant first\n%s", stderr, want)
	}
}
