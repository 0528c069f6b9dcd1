package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// withStdin runs f with os.Stdin reading text.
func withStdin(t *testing.T, text string, f func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	old := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = old }()
	f()
}

// parseStdin runs 'dyad parse -' with text on standard input and returns what it printed.
func parseStdin(t *testing.T, text string) (stdout, stderr string, err error) {
	t.Helper()
	rootCmd.SetArgs([]string{"parse", "-"})
	defer rootCmd.SetArgs(nil)
	withStdin(t, text, func() {
		stdout, stderr = captureOutput(t, func() { err = rootCmd.Execute() })
	})
	return stdout, stderr, err
}

// TestCodeJSONLOneLine checks that a JSONL story whose text is one line without a final period
// is coded (its text field is its text, not a headline): TUR 111 ISR, dated by the record.
func TestCodeJSONLOneLine(t *testing.T) {
	const rec = `{"id":"x","date":"2010-06-01","text":"Turkey condemned an Israeli raid on a Gaza aid flotilla"}` + "\n"
	var err error
	var stdout, stderr string
	withStdin(t, rec, func() {
		stdout, stderr = captureOutput(t, func() { err = runCode(&cobra.Command{}, newTestCodeFlags(), []string{"-"}) })
	})
	if err != nil || stderr != "" {
		t.Fatalf("err %v, stderr %q", err, stderr)
	}
	for _, want := range []string{`"story_id":"x"`, `"date":"2010-06-01"`, `"source":{"code":"TUR"`, `"target":{"code":"ISR"`, `"code":"111"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, stdout)
		}
	}
	if n := strings.Count(stdout, "\n"); n != 1 {
		t.Errorf("%d events, want 1:\n%s", n, stdout)
	}
}

// TestCodePetrarchBadParses checks that two PETRARCH XML stories whose every <Parse> is broken
// are each reported once as a bad <Parse> and not as near-duplicates of each other (with the
// default --skip-duplicates).
func TestCodePetrarchBadParses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.xml")
	xml := `<Sentences>
<Sentence date="20100601" id="w-1" source="AFP" sentence="True">
<Text>
Turkey condemned Israel.
</Text>
<Parse>
(ROOT (S (NP (NNP Turkey)) (VP (VBD condemned) (NP (NNP Israel))) (. .))
</Parse>
</Sentence>
<Sentence date="20100602" id="z-1" source="AFP" sentence="True">
<Text>
Iran warned Israel.
</Text>
<Parse>
(ROOT (S (NP (NNP Iran)) (VP (VBD warned) (NP (NNP Israel))) (. .))
</Parse>
</Sentence>
</Sentences>
`
	if err := os.WriteFile(path, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	var err error
	stdout, stderr := captureOutput(t, func() { err = runCode(&cobra.Command{}, newTestCodeFlags(), []string{path}) })
	want := "dyad: " + path + `:2: record "w-1": bad <Parse>: ptb: line 1, column 1: unclosed '('` + "\n" +
		"dyad: " + path + `:10: record "z-1": bad <Parse>: ptb: line 1, column 1: unclosed '('` + "\n"
	if !errors.Is(err, errInputFailed) || stderr != want || stdout != "" {
		t.Errorf("err %v, stdout %q, stderr\n%s\nwant errInputFailed, no event and\n%s", err, stdout, stderr, want)
	}
}

// TestParseLoneHeadline checks that 'dyad parse' prints a story that is only a headline in title
// case (which 'dyad code' does not code) as CoNLL-U, with a warning saying it was a headline.
func TestParseLoneHeadline(t *testing.T) {
	stdout, stderr, err := parseStdin(t, "Iran Warns Israel Against Strike on Nuclear Sites\n")
	if err != nil {
		t.Fatalf("err %v, stderr %q", err, stderr)
	}
	if want := "dyad: -: story \"stdin\": its only line is a headline (title case or capitals); kept as its text\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if !strings.HasPrefix(stdout, "# newdoc id = stdin\n# sent_id = stdin_1\n# text = Iran Warns Israel Against Strike on Nuclear Sites\n1\tIran\t") ||
		strings.Count(stdout, "\n") != 12 {
		t.Errorf("stdout:\n%s", stdout)
	}
}

// TestCodeHeadlineNotCoded checks that a headline in title case is never coded as a sentence,
// whatever the format: above the body of a JSONL text (the body sentence codes nothing here, so
// no event at all), and as the only line of a story beside chrome ("Share", "Breaking News"), a
// front-matter title of another wording, or a JSONL title equal to it; each such story is
// reported once with the reason.
func TestCodeHeadlineNotCoded(t *testing.T) {
	const (
		afghan   = "Three Soldiers Killed In Afghan Attack"
		asTitle  = "its only line is a headline (title case or capitals), read as the title"
		notCoded = "its only line is a headline (title case or capitals), not coded"
	)
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "hlj.jsonl")
	rec := `{"id":"k1","date":"2016-01-01","text":"` + afghan + `\n\nThree soldiers were killed on Monday when a roadside bomb hit their vehicle in Helmand province, officials said."}` + "\n"
	if err := os.WriteFile(jsonl, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, arg, stdin, stderr string
		failed                   bool
	}{
		{"jsonl headline above the body", jsonl, "", "", false},
		{"headline then Share", "-", afghan + "\nShare\n", `dyad: -: story "stdin" has no text: ` + asTitle + "\n", true},
		{"Breaking News then headline", "-", "Breaking News\n" + afghan + "\n", `dyad: -: story "stdin" has no text: ` + asTitle + "\n", true},
		{"front-matter title of another wording", "-", "---\ntitle: Afghan attack\ndate: 2016-01-01\n---\n" + afghan + "\n",
			`dyad: -: story "stdin" has no text: ` + notCoded + "\n", true},
		{"jsonl title equal to the text", "-", `{"id":"t","date":"2016-01-01","title":"` + afghan + `","text":"` + afghan + `"}` + "\n",
			`dyad: -:1: story "t" has no text: ` + asTitle + "\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			var stdout, stderr string
			withStdin(t, tc.stdin, func() {
				stdout, stderr = captureOutput(t, func() { err = runCode(&cobra.Command{}, newTestCodeFlags(), []string{tc.arg}) })
			})
			if stdout != "" || stderr != tc.stderr || errors.Is(err, errInputFailed) != tc.failed || (!tc.failed && err != nil) {
				t.Errorf("err %v, stdout %q, stderr %q; want no event, stderr %q, failed %v", err, stdout, stderr, tc.stderr, tc.failed)
			}
		})
	}
}

// TestParseSentenceCaseFirstLine checks that 'dyad parse' keeps a short first line in sentence
// case ("Iran threatened" above "Israel on Monday.") as text, not as a headline: all six words
// are tokens, and nothing is reported.
func TestParseSentenceCaseFirstLine(t *testing.T) {
	stdout, stderr, err := parseStdin(t, "Iran threatened\nIsrael on Monday.\n")
	if err != nil || stderr != "" {
		t.Fatalf("err %v, stderr %q", err, stderr)
	}
	var forms []string
	for _, line := range strings.Split(stdout, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 10 {
			forms = append(forms, f[1])
		}
	}
	if got := strings.Join(forms, " "); got != "Iran threatened Israel on Monday ." {
		t.Errorf("tokens %q, want \"Iran threatened Israel on Monday .\"; stdout:\n%s", got, stdout)
	}
}
