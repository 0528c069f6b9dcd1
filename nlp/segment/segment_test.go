package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

// forms renders sentences as "tok tok tok | tok tok" for table tests.
func forms(ss []story.Sentence) string {
	return render(ss, false)
}

// offsetForms renders sentences as "[start:end] form/start:end ..." (sentence offsets into the
// text, token offsets into the sentence), with "_" after a token whose SpaceAfter is false.
func offsetForms(ss []story.Sentence) string {
	return render(ss, true)
}

func render(ss []story.Sentence, offsets bool) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteString(" | ")
		}
		if offsets {
			fmt.Fprintf(&b, "[%d:%d] ", s.Start, s.End)
		}
		for k, t := range s.Tokens {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Form)
			if offsets {
				fmt.Fprintf(&b, "/%d:%d", t.Start, t.End)
				if !t.SpaceAfter {
					b.WriteByte('_')
				}
			}
		}
	}
	return b.String()
}

func TestSplitNews(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"North Korea's leader didn't meet U.N. envoys.", "North Korea 's leader did n't meet U.N. envoys ."},
		{"I can't go; we won't and they cannot.", "I ca n't go ; we wo n't and they can not ."},
		{"They're here, I'm sure we'll see what you've done and he'd say.",
			"They 're here , I 'm sure we 'll see what you 've done and he 'd say ."},
		{"The students' union met Korea’s envoy.", "The students ' union met Korea ’s envoy ."},
		{"Mr. Kim met Gen. Park on Jan. 5 in Washington, D.C. on Monday.",
			"Mr. Kim met Gen. Park on Jan. 5 in Washington , D.C. on Monday ."},
		{"Talks ended in the U.S. The delegates left.", "Talks ended in the U.S . | The delegates left ."},
		{"Shares of Acme Inc. fell 3.5% to $1,024.50 at 10:30 a.m. on 9/11.",
			"Shares of Acme Inc. fell 3.5 % to $ 1,024.50 at 10:30 a.m. on 9/11 ."},
		{"John F. Kennedy and H.G. Wells", "John F. Kennedy and H.G. Wells"},
		{"It was a 15-year-old pro-democracy e-mail and/or a non-state co-operation.",
			"It was a 15 - year - old pro-democracy e-mail and / or a non-state co-operation ."},
		{"See http://www.example.com/a?b=1. Write to info@example.org, please.",
			"See http://www.example.com/a?b=1 . | Write to info@example.org , please ."},
		{`He said "no." Then he left.`, `He said " no . " | Then he left .`},
		{"He said “We will fight.” They agreed.", "He said “ We will fight . ” | They agreed ."},
		{"It was old-fashioned -- coming later — or never... Really?! Yes.",
			"It was old - fashioned -- coming later — or never ... | Really ?! | Yes ."},
		{"SEOUL, Feb. 20 (Reuters) - North Korea fired a missile.",
			"SEOUL , Feb. 20 ( Reuters ) - | North Korea fired a missile ."},
		{"WASHINGTON (AP) -- The Senate voted.", "WASHINGTON ( AP ) -- | The Senate voted ."},
		{"ISLAMABAD: Leaders met on Monday.", "ISLAMABAD : | Leaders met on Monday ."},
		{"Rocket kills three\nGAZA CITY (AFP) - A rocket hit.", "Rocket kills three | GAZA CITY ( AFP ) - | A rocket hit ."},
		{"He said: We agree.", "He said : We agree ."},
		{"North Korea - the isolated state - fired.", "North Korea - the isolated state - fired ."},
		{"Rocket kills three in Egypt's Sinai\nA rocket hit a house on Monday.",
			"Rocket kills three in Egypt 's Sinai | A rocket hit a house on Monday ."},
		{"The minister met with\nPresident Obama on Monday.", "The minister met with President Obama on Monday ."},
		// A subheading between dashes is a sentence of its own; a line that only ends in a dash
		// (a hard-wrapped aside) goes on.
		{"The ceremony was closed.\n- We are the same -\nIndia says it has no desire for escalation.",
			"The ceremony was closed . | - We are the same - | India says it has no desire for escalation ."},
		{"— Talks resume —\nThe delegates met.", "— Talks resume — | The delegates met ."},
		{"The envoy -\nKim Jong Un's sister - spoke.", "The envoy - Kim Jong Un 's sister - spoke ."},
		{"- We are the same\nIndia says so.", "- We are the same | India says so ."},
		{"First paragraph without a stop\n\nsecond paragraph", "First paragraph without a stop | second paragraph"},
		{"The deal with Acme, Inc.", "The deal with Acme , Inc ."},
		{"No. 10 said no.", "No. 10 said no ."},
		{"Smith et al. wrote it.", "Smith et al. wrote it ."},
		{"The ministry (which denied it) said so.", "The ministry ( which denied it ) said so ."},
		{"'It is over,' he said.", "' It is over , ' he said ."},
		{"Why? he asked.", "Why ? | he asked ."},
		{"They're gonna win.", "They 're gon na win ."},
		{"al-Qaeda's attack", "al - Qaeda 's attack"},
		{"Call 713-853-3989 at 5pm about the 1969-1970 and 2015-16 seasons, $1.4bn, 20th, 1990s.",
			"Call 713-853-3989 at 5 pm about the 1969 - 1970 and 2015 - 16 seasons , $ 1.4 bn , 20th , 1990s ."},
		{"Great :) see you :-( at 10:30.", "Great :) see you :-( at 10:30 ."},
		{"Ukraine 🇺🇦 and France 🇫🇷🇩🇪 ❤️ 👍🏽 agreed.", "Ukraine 🇺🇦 and France 🇫🇷 🇩🇪 ❤️ 👍🏽 agreed ."},
		{"Flags 👨\u200d👩\u200d👧 here and a\u200db.", "Flags 👨\u200d👩\u200d👧 here and a\u200db ."},
		// a fullwidth apostrophe (U+FF07) splits clitics and possessives like "'" and "’"
		{"North Korea＇s army attacked South Korea.", "North Korea ＇s army attacked South Korea ."},
		{"They don＇t know; the students＇ union we＇ll see.", "They do n＇t know ; the students ＇ union we ＇ll see ."},
		{"", ""},
		{"   \n\n  ", ""},
	} {
		if got := forms(Split(c.in)); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

// checkOffsets verifies the offset contract of Split on text.
func checkOffsets(t *testing.T, text string, ss []story.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, s := range ss {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prevEnd || s.End < s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: bad offsets %d..%d (prev end %d)", i, s.Start, s.End, prevEnd)
		}
		prevEnd = s.End
		if len(s.Tokens) == 0 || len(s.Tokens) > MaxTokens+1 {
			t.Fatalf("sentence %d has %d tokens", i, len(s.Tokens))
		}
		prev := 0
		for k, tk := range s.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s.Text) || s.Text[tk.Start:tk.End] != tk.Form {
				t.Fatalf("sentence %d token %d %q: bad offsets %d..%d", i, k, tk.Form, tk.Start, tk.End)
			}
			if tk.Head != -1 {
				t.Fatalf("token %q has Head %d, want -1", tk.Form, tk.Head)
			}
			if k+1 < len(s.Tokens) && tk.SpaceAfter != (s.Tokens[k+1].Start > tk.End) {
				t.Fatalf("token %q SpaceAfter %v is wrong", tk.Form, tk.SpaceAfter)
			}
			for k, r := range tk.Form {
				inside := k > 0 && k+utf8.RuneLen(r) < len(tk.Form)
				if r != utf8.RuneError && isSpaceRune(r) && !(IsJoiner(r) && inside) {
					t.Fatalf("token %q contains white space", tk.Form)
				}
			}
			prev = tk.End
		}
	}
}

func TestOffsetsAndSpaceAfter(t *testing.T) {
	text := "  Korea's envoy (Kim) said:\r\n\"We won't.\"\n\nDone"
	ss := Split(text)
	checkOffsets(t, text, ss)
	if len(ss) != 3 {
		t.Fatalf("got %d sentences: %s", len(ss), forms(ss))
	}
	if ss[0].Start != 2 || ss[0].Tokens[1].Form != "'s" || ss[0].Tokens[0].SpaceAfter {
		t.Errorf("first sentence: %+v", ss[0])
	}
	last := ss[2]
	if last.Text != "Done" || last.Start != len(text)-4 {
		t.Errorf("last sentence %+v", last)
	}
}

func TestBadInput(t *testing.T) {
	// a long run of words without punctuation is cut at MaxTokens
	long := strings.Repeat("word ", 200000)
	ss := Split(long)
	checkOffsets(t, long, ss)
	if want := (200000 + MaxTokens - 1) / MaxTokens; len(ss) != want {
		t.Errorf("1 MB without punctuation: %d sentences, want %d", len(ss), want)
	}
	// one 1 MB word
	huge := strings.Repeat("a", 1<<20)
	if ss := Split(huge); len(ss) != 1 || len(ss[0].Tokens) != 1 {
		t.Errorf("1 MB word: %d sentences", len(ss))
	}
	// long runs of one kind of character stay linear and bounded
	for _, unit := range []string{"\"", "'", "(", ")", ".", "-", "a-", "1-", ".)", "http://x.y/)",
		"\uFFFD", "a\uFFFD", "\xff", "\x1b[1", "\x1b]a", "\x1b", "。", "a。", "」", "a\uFFFDn't"} {
		run := strings.Repeat(unit, (1<<20)/len(unit))
		if unit == "http://x.y/)" {
			run = "http://x.y/" + strings.Repeat(")", 1<<20)
		}
		checkOffsets(t, run, Split(run))
	}
	// control characters separate tokens and never appear in them
	ctl := "Kim\x00met\x07Park.\x1b[0m Done."
	ss = Split(ctl)
	checkOffsets(t, ctl, ss)
	if got := forms(ss); !strings.HasPrefix(got, "Kim met Park .") {
		t.Errorf("control characters: %s", got)
	}
	// invalid UTF-8: no panic, offsets still valid
	bad := "Kim\xff\xfe met Park.\xc3 Done."
	checkOffsets(t, bad, Split(bad))
	clean, n := Sanitize(bad)
	if n != 3 || !utf8.ValidString(clean) || clean != "Kim\uFFFD\uFFFD met Park.\uFFFD Done." {
		t.Errorf("Sanitize = %q, %d", clean, n)
	}
	if s, n := Sanitize("valid ü"); s != "valid ü" || n != 0 {
		t.Errorf("Sanitize(valid) = %q, %d", s, n)
	}
	// non-English text
	for _, s := range []string{"Путин встретился с Ким Чен Ыном. Это важно.", "金正恩会见了普京。", "مرحبا بالعالم. نعم"} {
		checkOffsets(t, s, Split(s))
	}
	if got := forms(Split("Путин встретился с Ким Чен Ыном. Это важно.")); got != "Путин встретился с Ким Чен Ыном . | Это важно ." {
		t.Errorf("Russian: %s", got)
	}
}

func TestScore(t *testing.T) {
	gold := Split("Mr. Kim met Park. They talked.")
	pred := Split("Mr. Kim met Park . They talked.")
	if sc := Score(gold, pred); sc.Tokens.F1 != 1 || sc.Sentences.F1 != 1 {
		t.Errorf("same segmentation, other spacing: %+v", sc)
	}
	bad := Split("Mr. Kim met Park.They talked.") // "Park.They" is one run, no boundary
	sc := Score(gold, bad)
	if sc.Sentences.Correct != 0 || sc.Sentences.Gold != 2 || sc.Sentences.Predicted != 1 {
		t.Errorf("sentences: %+v", sc.Sentences)
	}
	if sc.Tokens.Gold != 8 || sc.Tokens.Correct != 5 {
		t.Errorf("tokens: %+v", sc.Tokens)
	}
	// forms without offsets are aligned to the text, multi-word tokens take the written word
	noOff := []story.Sentence{{Text: "I dont know.", Start: -1, End: -1, Tokens: []story.Token{
		{Form: "I", Start: -1, End: -1}, {Form: "do", Start: -1, End: -1}, {Form: "n't", Start: -1, End: -1},
		{Form: "know", Start: -1, End: -1}, {Form: ".", Start: -1, End: -1}}}}
	sc = Score(noOff, Split("I dont know.")) // "I" "do" "nt" "know" "."
	if sc.Tokens.Correct != 5 || sc.Tokens.Gold != 5 || sc.Sentences.F1 != 1 {
		t.Errorf("aligned forms: %+v", sc)
	}
}

// newsCorpus reads the shared news articles (front matter removed) for benchmarks.
func newsCorpus(tb testing.TB) []string {
	dir := sharedtest.Path(tb, "data/news/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no news articles in %s: %v", dir, err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(b)
		if strings.HasPrefix(s, "---\n") {
			if k := strings.Index(s[4:], "\n---\n"); k >= 0 {
				s = s[4+k+5:]
			}
		}
		out = append(out, s)
	}
	return out
}

func TestNewsCorpus(t *testing.T) {
	for _, s := range newsCorpus(t) {
		checkOffsets(t, s, Split(s))
	}
}

// BenchmarkSplit measures segmenting speed over the shared news articles (MB/s).
func BenchmarkSplit(b *testing.B) { benchSplit(b, 0) }

// benchSplit splits the shared news articles, hard-wrapped at wrap columns when wrap > 0.
func benchSplit(b *testing.B, wrap int) {
	docs := newsCorpus(b)
	n := 0
	for k, d := range docs {
		if wrap > 0 {
			docs[k] = hardWrap(d, wrap)
		}
		n += len(d)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Split(d)
		}
	}
}

// TestSubheadingLine checks the subheading "- We are the same -" of a shared news article: a
// sentence of its own, not joined to the next line ("India says ...").
func TestSubheadingLine(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "data/news/articles/cb-thenewspk_024-07.txt"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range Split(string(b)) {
		if strings.Contains(s.Text, "We are the same -") {
			found = true
			if s.Text != "- We are the same -" {
				t.Errorf("subheading sentence %q, want %q", s.Text, "- We are the same -")
			}
		}
	}
	if !found {
		t.Error("no sentence with the subheading")
	}
}
